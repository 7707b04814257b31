import Papa from 'papaparse';
import type { Encoding } from './decode.ts';

/**
 * Where to cut a CSV file so that its parts can be read side by side. A cut goes right after a
 * line break; whether that line break ends a record (and not a line inside a quoted field) is
 * known for sure only once the part before it has been read, so the reader of that part checks
 * it (`CsvReader.atRecordEnd`) and reads on past a wrong cut. These helpers make wrong cuts rare.
 */

/**
 * The offset just after the first line break at or after `from` in `bytes` (a window of the file
 * that starts at file offset `windowStart`), or -1. UTF-16 line breaks are whole code units.
 */
export function afterLineBreak(bytes: Uint8Array, from: number, encoding: Encoding, windowStart = 0): number {
  if (encoding === 'utf-8') {
    const at = bytes.indexOf(10, from);
    return at < 0 ? -1 : at + 1;
  }
  // Code units sit at even file offsets (after the 2-byte BOM too).
  let i = from + ((windowStart + from) % 2);
  const [first, second] = encoding === 'utf-16le' ? [10, 0] : [0, 10];
  for (; i + 1 < bytes.length; i += 2) if (bytes[i] === first && bytes[i + 1] === second) return i + 2;
  return -1;
}

/** Records looked at before trusting a cut. */
const SAMPLE_RECORDS = 8;

/**
 * Whether `text`, read from a cut, looks like whole records: its first lines parse into rows of
 * the header's length without quote errors. A cut inside a quoted field almost never does, since
 * its first "record" is the rest of that field.
 */
export function looksLikeRecordStart(text: string, delimiter: string, headerLength: number): boolean {
  const cut = text.lastIndexOf('\n');
  if (cut < 0) return false;
  const parsed = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"', preview: SAMPLE_RECORDS }).parse(text.slice(0, cut + 1), 0, true) as unknown as {
    data: string[][];
    errors: unknown[];
  };
  return parsed.errors.length === 0 && parsed.data.length > 0 && parsed.data.every((row) => row.length === headerLength || (row.length === 1 && row[0]!.trim() === ''));
}
