import type { Quarter } from './types.ts';

const QUARTER_ID = /^(\d{4})-Q([1-4])$/;

/** Parses a quarter folder name such as `2017-Q4`; null when it is not `YYYY-Qn`. */
export function parseQuarter(id: string): Quarter | null {
  const m = QUARTER_ID.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]) as Quarter['q'];
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { id, year, q, start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The quarter after `quarter` (2017-Q4 → 2018-Q1). */
export function nextQuarter(quarter: Quarter): Quarter {
  return parseQuarter(quarter.q === 4 ? `${quarter.year + 1}-Q1` : `${quarter.year}-Q${quarter.q + 1}`)!;
}

/** The quarter's three months as `YYYY-MM`. */
export function quarterMonths(quarter: Quarter): string[] {
  const first = (quarter.q - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${quarter.year}-${pad(first + i)}`);
}

/** Days since 1970-01-01 of an ISO date, so differences are whole days whatever the time zone. */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

export function isInQuarter(iso: string, quarter: Quarter): boolean {
  return iso >= quarter.start && iso <= quarter.end;
}

export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
