/** Readers for the cell values of the export: dates, counts, coordinates. All return null for unreadable input, empty included. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Same separator twice (`\2`), so `1/2-2017` is not a date.
const DMY_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD`, `DD/MM/YYYY` or `D/M/YYYY` (also with `-` or `.`) → ISO `YYYY-MM-DD`; null unless a real calendar day. */
export function parseDate(s: string): string | null {
  const t = s.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = ISO_DATE.exec(t);
  if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else {
    const dmy = DMY_DATE.exec(t);
    if (!dmy) return null;
    d = Number(dmy[1]);
    m = Number(dmy[3]);
    y = Number(dmy[4]);
  }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

// Thousands separators: `.` (Vietnamese), `,` (English), space, NBSP or narrow NBSP (Excel's French-style grouping).
// One separator used consistently, groups of exactly three, so `1.5` and `1.23` stay unreadable rather than guessed.
const GROUPED = /^\d{1,3}([., \u00a0\u202f])\d{3}(?:\1\d{3})*$/;

/** A non-negative integer such as `14676` or `14.676`; null for negatives, fractions and junk. */
export function parseCount(s: string): number | null {
  const t = s.trim();
  let digits: string;
  if (/^\d+$/.test(t)) digits = t;
  else if (GROUPED.test(t)) digits = t.replace(/\D/g, '');
  else return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

// Coordinates use one decimal mark, `.` or `,` (a Vietnamese Excel writes `10,2345`); no grouping.
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** A decimal number such as `10.2345`, `-3.5` or `10,2345`; null for junk. */
export function parseDecimal(s: string): number | null {
  const t = s.trim();
  if (!DECIMAL.test(t)) return null;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}
