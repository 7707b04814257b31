import Papa from 'papaparse';
import type { ParseError } from 'papaparse';
import type { Problem } from '../types.ts';
import { createDecoder } from './decode.ts';
import { detectDelimiter } from './delimiter.ts';

export interface CsvHandlers {
  /** Called once with the header cells (raw, untrimmed) and its physical line (normally 1). */
  header(cells: string[], line: number): void;
  /** Called for every data record, with its cells and the physical line on which it starts. */
  record(cells: string[], line: number): void;
}

export interface CsvOptions {
  /**
   * Most characters of an unfinished record held between chunks before reading gives up (default 1 MiB).
   * A quote that is never closed would otherwise make the parser hold, and rescan at every chunk,
   * the rest of a 2-million-row file.
   */
  maxRecordChars?: number;
}

const MAX_RECORD_CHARS = 1 << 20;
const SNIPPET_CHARS = 80;

/**
 * Reads one CSV file from its byte chunks; returns the problems found (never throws for bad data).
 * Records that are ragged or unterminated are reported, not passed to `handlers`. Memory stays
 * bounded by the chunk size and the longest record, whatever the number of rows.
 */
export async function readCsv(
  file: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  handlers: CsvHandlers,
  options: CsvOptions = {},
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const decoder = createDecoder(file);
  const records = createRecordReader(file, handlers, problems, options.maxRecordChars ?? MAX_RECORD_CHARS);
  for await (const bytes of chunks) {
    const text = decoder.write(bytes);
    // One encoding error per file: what follows a bad byte cannot be trusted.
    if (decoder.problem) return [...problems, decoder.problem];
    if (!records.write(text)) return problems;
  }
  const text = decoder.end();
  if (decoder.problem) return [...problems, decoder.problem];
  if (records.write(text)) records.end();
  return problems;
}

interface StepResult {
  data: string[][];
  errors: ParseError[];
}

/**
 * Turns decoded text (line breaks already `\n`) into records with physical line numbers.
 *
 * Why papaparse's `Parser` and not `Papa.parse(Papa.NODE_STREAM_INPUT)`: the Node duplex stream only
 * pushes `results.data`, so the `MissingQuotes` error never reaches us, and no streaming mode reports
 * line numbers (its `cursor` counts characters). So we drive the same `Parser` that papaparse's own
 * ChunkStreamer drives (`parse(text, base, ignoreLastRow)` keeps an unfinished last record for the next
 * chunk) and count lines ourselves: a record spans one line plus the `\n` inside its cells. That holds
 * because the decoder unified every line break to `\n` (papaparse splits on a single newline sequence,
 * so mixed CRLF/LF would leave stray `\r` in cells), and papaparse keeps a quoted field's line breaks in
 * the cell value; it drops only quotes and the spaces after a closing quote.
 */
function createRecordReader(file: string, handlers: CsvHandlers, problems: Problem[], maxRecordChars: number) {
  let pending = ''; // text not parsed yet: all of it until the header line is whole, then an unfinished record
  let parser: Papa.Parser | null = null;
  let delimiter = ',';
  let line = 1; // physical line on which the next record starts
  let headerLength = -1;
  let stopped = false;

  function report(code: string, at: number | null, value: string | null, params?: Problem['params']): void {
    problems.push(params ? { file, line: at, column: null, value, code, params } : { file, line: at, column: null, value, code });
  }

  function snippet(cells: string[]): string {
    const text = cells.join(delimiter).replace(/\n/g, ' ');
    return text.length > SNIPPET_CHARS ? text.slice(0, SNIPPET_CHARS) + '…' : text;
  }

  function stop(): void {
    stopped = true;
    parser?.abort();
  }

  function onRow(results: StepResult): void {
    const cells = results.data[0]!;
    const start = line;
    line += 1 + lineFeedsIn(cells);
    if (results.errors.some((e) => e.code === 'MissingQuotes')) {
      report('unterminated-quote', start, snippet(cells));
      stop();
      return;
    }
    // Blank lines, and the `;;;;` rows Excel writes for formatted empty rows, are no records.
    if (isBlank(cells)) return;
    // A quote inside a quoted field that is not doubled: papaparse keeps it as text, a guess worth a word.
    if (results.errors.some((e) => e.code === 'InvalidQuotes')) report('malformed-quote', start, snippet(cells));
    if (headerLength < 0) {
      headerLength = cells.length;
      handlers.header(cells, start);
      return;
    }
    let row = cells;
    if (row.length > headerLength && row.slice(headerLength).every(isEmpty)) row = row.slice(0, headerLength);
    if (row.length !== headerLength) {
      report('ragged-row', start, snippet(cells), { expected: headerLength, actual: cells.length });
      return;
    }
    handlers.record(row, start);
  }

  function startParser(headerLine: string): Papa.Parser {
    delimiter = detectDelimiter(headerLine);
    return new Papa.Parser({
      delimiter,
      newline: '\n',
      quoteChar: '"',
      step: onRow as unknown as Papa.ParseConfig['step'],
    });
  }

  return {
    /** Parses what can be parsed; false once reading this file has stopped. */
    write(text: string): boolean {
      if (stopped) return false;
      pending += text;
      if (!parser) {
        const headerLine = firstContentLine(pending, false);
        if (headerLine === null && pending.length <= maxRecordChars) return true;
        parser = startParser(headerLine ?? pending);
      }
      const results = parser.parse(pending, 0, true) as { meta: { cursor: number } };
      if (stopped) return false;
      pending = pending.substring(results.meta.cursor);
      if (pending.length > maxRecordChars) {
        // Almost always a quote opened and never closed, which swallows every line after it.
        report(pending.includes('"') ? 'unterminated-quote' : 'record-too-long', line, snippet([pending.slice(0, SNIPPET_CHARS)]), {
          limit: maxRecordChars,
        });
        stop();
        return false;
      }
      return true;
    },
    end(): void {
      if (stopped) return;
      if (!parser) {
        const headerLine = firstContentLine(pending, true);
        if (headerLine !== null) parser = startParser(headerLine);
      }
      parser?.parse(pending, 0, false);
      pending = '';
      if (!stopped && headerLength < 0) report('empty-file', null, null);
    },
  };
}

/** The first line with more than blanks, delimiters and quotes; null while it may still be unfinished. */
function firstContentLine(text: string, final: boolean): string | null {
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) {
      const last = text.slice(from);
      return final && hasContent(last) ? last : null;
    }
    const candidate = text.slice(from, nl);
    if (hasContent(candidate)) return candidate;
    from = nl + 1;
  }
}

function hasContent(line: string): boolean {
  return /[^\s,;"]/.test(line);
}

function isEmpty(cell: string): boolean {
  return !/\S/.test(cell);
}

function isBlank(cells: string[]): boolean {
  return isEmpty(cells[0]!) && cells.every(isEmpty);
}

function lineFeedsIn(cells: string[]): number {
  let n = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  }
  return n;
}
