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

/**
 * Days since 1970-01-01 of an ISO date, so differences are whole days whatever the time zone.
 * Counted from the digits' character codes (the proleptic Gregorian count of days from a civil
 * date): `check` asks it of every issue, a few times over.
 */
export function dayNumber(iso: string): number {
  const digit = (i: number) => iso.charCodeAt(i) - 48;
  const month = digit(5) * 10 + digit(6);
  // Years counted from March, so a leap day ends its year.
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + digit(8) * 10 + digit(9) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
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
