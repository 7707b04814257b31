/** One column of a CSV export: `key` in the row objects, `header` as written. */
export interface CsvColumn {
  key: string;
  header: string;
}

// OWASP "CSV injection": a spreadsheet runs a cell starting with these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // Plain machine numbers, no locale: `-2`, `0.848`. NaN/Infinity mean "no value".
    return Number.isFinite(value) ? String(value) : '';
  }
  if (typeof value === 'bigint') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as CSV for spreadsheet users: UTF-8 BOM (so Excel reads Vietnamese text
 * right), CRLF line ends, RFC 4180 quoting, numbers plain, null/undefined empty.
 * Text that a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, tab, CR)
 * gets a leading `'`; a value of type number is written as is, so `-2` stays a number.
 *
 * @example toCsv([{ key: 'n', header: 'Tên' }], [{ n: '=1+1' }]) // '\uFEFFTên\r\n\'=1+1\r\n'
 */
export function toCsv(columns: CsvColumn[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map((c) => quote(cellText(c.header))).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => quote(cellText(row[c.key]))).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
