import type { Rng } from './random.ts';

/** Dates are ISO strings (YYYY-MM-DD) throughout; arithmetic goes through UTC days. */
export interface Quarter {
  label: string;
  start: string;
  end: string;
  /** The first day of each of the quarter's three months. */
  months: string[];
}

const DAY = 86_400_000;

const toDays = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;
const fromDays = (days: number): string => new Date(days * DAY).toISOString().slice(0, 10);

export function quarter(label: string): Quarter {
  const [year, q] = label.split('-Q').map(Number);
  const first = (q - 1) * 3;
  const month = (m: number) => `${year}-${String(m + 1).padStart(2, '0')}-01`;
  const months = [0, 1, 2].map((k) => month(first + k));
  const end = q === 4 ? `${year}-12-31` : addDays(month(first + 3), -1);
  return { label, start: months[0], end, months };
}

export const addDays = (iso: string, days: number): string => fromDays(toDays(iso) + days);

/** The last day of the month that starts on `monthStart`. */
export const monthEnd = (monthStart: string): string => {
  const [y, m] = monthStart.split('-').map(Number);
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
};

/** A day in [from, to], both included. */
export const randomDate = (rng: Rng, from: string, to: string): string => fromDays(toDays(from) + rng.int(0, toDays(to) - toDays(from)));

/** DD/MM/YYYY, the way an export from Excel in Vietnam writes dates. */
export const toDmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
