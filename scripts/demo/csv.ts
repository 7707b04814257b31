interface CsvStyle {
  delimiter: ',' | ';';
  eol: '\n' | '\r\n';
  bom: boolean;
}

/** RFC 4180: quote a field holding the delimiter, a quote or a line break; double inner quotes. */
function field(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(header: string[], rows: string[][], style: CsvStyle): string {
  const lines = [header, ...rows].map((cells) => cells.map((c) => field(c.normalize('NFC'), style.delimiter)).join(style.delimiter));
  return `${style.bom ? '\uFEFF' : ''}${lines.join(style.eol)}${style.eol}`;
}
