import Papa from 'papaparse';
import type { ParseError } from 'papaparse';
import type { Problem } from '../types.ts';
import { createDecoder, type DecodeFrom } from './decode.ts';
import { type Delimiter, detectDelimiter } from './delimiter.ts';

export interface CsvHandlers {
  /** Called once with the header cells (raw, untrimmed) and its physical line (normally 1). */
  header(cells: string[], line: number): void;
  /** Called for every data record, with its cells and the physical line on which it starts. */
  record(cells: string[], line: number): void;
}

export interface CsvOptions {
  /**
   * Most characters of an unfinished record held between chunks before reading gives up (default 16 Mi).
   * A quote that is never closed would otherwise make the parser hold, and rescan at every chunk,
   * the rest of a 2-million-row file; a long text pasted into one cell (5 MB) is still read.
   */
  maxRecordChars?: number;
}

const MAX_RECORD_CHARS = 1 << 24;
const SNIPPET_CHARS = 80;
const SLICE_CHARS = 1 << 16;

/** Where a part of a file starts (on a record boundary), told by reading the file's head. */
export interface CsvPartStart extends DecodeFrom {
  delimiter: Delimiter;
  /** Cells of the header, which the part does not hold. */
  headerLength: number;
}

/** A reader fed a file's bytes chunk by chunk (or those of a part of it: see `CsvPartStart`). */
export interface CsvReader {
  /** Reads what can be read of these bytes; false once reading has stopped. */
  write(bytes: Uint8Array): boolean;
  /** The file's end: reads what was held back. */
  end(): void;
  /** True when every byte written so far ended a record: the next byte starts one. */
  atRecordEnd(): boolean;
  /** Physical lines read so far (records handed out, and the blank lines between them). */
  readonly lines: number;
  /** True once a problem stopped reading: what follows cannot be trusted. */
  readonly stopped: boolean;
  /** Problems found so far, in the order of the file. */
  readonly problems: Problem[];
  /** The delimiter and the header's length, once the header was read. */
  format(): { delimiter: Delimiter; headerLength: number } | null;
}

/**
 * A CSV reader. Records that are ragged or unterminated are reported, not passed to `handlers`.
 * Memory stays bounded by the chunk size and the longest record, whatever the number of rows.
 *
 * A part of a file (`part`) starts at a line break that its caller believes ends a record; line
 * numbers are then counted from the part's first line as line 1, and the caller checks the belief
 * with `atRecordEnd()` of the part before.
 */
export function createCsvReader(file: string, handlers: CsvHandlers, options: CsvOptions = {}, part?: CsvPartStart): CsvReader {
  const problems: Problem[] = [];
  const decoder = createDecoder(file, part);
  const records = createRecordReader(file, handlers, problems, options.maxRecordChars ?? MAX_RECORD_CHARS, part);
  let stopped = false;
  const failed = (): boolean => {
    if (!decoder.problem) return false;
    // One encoding error per file: what follows a bad byte cannot be trusted.
    problems.push(decoder.problem);
    stopped = true;
    return true;
  };
  return {
    write(bytes) {
      if (stopped) return false;
      const text = decoder.write(bytes);
      if (failed()) return false;
      if (!records.write(text)) stopped = true;
      return !stopped;
    },
    end() {
      if (stopped) return;
      const text = decoder.end();
      if (failed()) return;
      if (records.write(text)) records.end();
      stopped = true;
    },
    atRecordEnd: () => !stopped && decoder.atLineStart() && records.empty(),
    get lines() {
      return records.lines();
    },
    get stopped() {
      return stopped || records.stopped();
    },
    problems,
    format: records.format,
  };
}

/**
 * Reads one CSV file from its byte chunks; returns the problems found (never throws for bad data).
 * Records that are ragged or unterminated are reported, not passed to `handlers`.
 */
export async function readCsv(
  file: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  handlers: CsvHandlers,
  options: CsvOptions = {},
): Promise<Problem[]> {
  const reader = createCsvReader(file, handlers, options);
  for await (const bytes of chunks) if (!reader.write(bytes)) return reader.problems;
  reader.end();
  return reader.problems;
}

interface ParseResult {
  data: string[][];
  errors: ParseError[];
  meta: { cursor: number };
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
 *
 * The parser runs without a `step` callback: one call per chunk returns its records and the errors
 * with their record index, which spares papaparse a results object per row.
 */
function createRecordReader(file: string, handlers: CsvHandlers, problems: Problem[], maxRecordChars: number, part?: CsvPartStart) {
  let pending = ''; // text not parsed yet: all of it until the header line is whole, then an unfinished record
  let delimiter: Delimiter = part?.delimiter ?? ',';
  let parser: Papa.Parser | null = part ? newParser(delimiter) : null;
  let line = 1; // physical line on which the next record starts
  let headerLength = part?.headerLength ?? -1;
  let stopped = false;

  function report(code: string, at: number | null, value: string | null, params?: Problem['params']): void {
    problems.push(params ? { file, line: at, column: null, value, code, params } : { file, line: at, column: null, value, code });
  }

  function snippet(cells: string[]): string {
    const text = cells.join(delimiter).replace(/\n/g, ' ');
    return text.length > SNIPPET_CHARS ? text.slice(0, SNIPPET_CHARS) + '…' : text;
  }

  /** Hands out the records of one parsed stretch of text; false once reading stopped. */
  function deliver(results: ParseResult, text: string): boolean {
    const { data, errors } = results;
    // Where no record holds a line break, the records sit on consecutive lines.
    const consumed = results.meta.cursor;
    const unterminated = consumed > 0 && text.charCodeAt(consumed - 1) !== 10 ? 1 : 0;
    const oneLineEach = countLineFeeds(text, consumed) + unterminated === data.length;
    let e = 0;
    for (let r = 0; r < data.length; r++) {
      const cells = data[r]!;
      const start = line;
      line += oneLineEach ? 1 : 1 + lineFeedsIn(cells);
      let invalidQuotes = false;
      for (; e < errors.length && errors[e]!.row === r; e++) {
        if (errors[e]!.code === 'MissingQuotes') {
          report('unterminated-quote', start, snippet(cells));
          stopped = true;
          return false;
        }
        if (errors[e]!.code === 'InvalidQuotes') invalidQuotes = true;
      }
      // Blank lines, and the `;;;;` rows Excel writes for formatted empty rows, are no records.
      if (isBlank(cells)) continue;
      // A quote inside a quoted field that is not doubled: papaparse keeps it as text, a guess worth a word.
      if (invalidQuotes) report('malformed-quote', start, snippet(cells));
      if (headerLength < 0) {
        headerLength = cells.length;
        handlers.header(cells, start);
        continue;
      }
      let row = cells;
      if (row.length > headerLength && row.slice(headerLength).every(isEmpty)) row = row.slice(0, headerLength);
      if (row.length !== headerLength) {
        report('ragged-row', start, snippet(cells), { expected: headerLength, actual: cells.length });
        continue;
      }
      handlers.record(row, start);
    }
    return true;
  }

  function newParser(delim: string): Papa.Parser {
    return new Papa.Parser({ delimiter: delim, newline: '\n', quoteChar: '"' });
  }

  function startParser(headerLine: string): Papa.Parser {
    delimiter = detectDelimiter(headerLine);
    return newParser(delimiter);
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
      // Parsed in slices of whole lines: the records of a slice are dropped before the next one is
      // made, so they die young instead of filling the old generation of the heap.
      let from = 0;
      while (pending.length - from > SLICE_CHARS) {
        const nl = pending.lastIndexOf('\n', from + SLICE_CHARS);
        if (nl < from) break;
        const slice = pending.substring(from, nl + 1);
        const sliced = parser.parse(slice, 0, true) as unknown as ParseResult;
        if (!deliver(sliced, slice)) return false;
        // A record running past the slice is parsed with the rest.
        if (sliced.meta.cursor === 0) break;
        from += sliced.meta.cursor;
      }
      const rest = from === 0 ? pending : pending.substring(from);
      const results = parser.parse(rest, 0, true) as unknown as ParseResult;
      if (!deliver(results, rest)) return false;
      pending = rest.substring(results.meta.cursor);
      if (pending.length > maxRecordChars) {
        // Almost always a quote opened and never closed, which swallows every line after it; but the
        // file is not read to its end to tell, so the message names both causes.
        report(pending.includes('"') ? 'quoted-cell-too-long' : 'record-too-long', line, snippet([pending.slice(0, SNIPPET_CHARS)]), {
          limit: maxRecordChars,
        });
        stopped = true;
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
      if (parser) deliver(parser.parse(pending, 0, false) as unknown as ParseResult, pending);
      pending = '';
      if (!stopped && headerLength < 0) report('empty-file', null, null);
    },
    empty: () => parser !== null && pending === '',
    lines: () => line - 1,
    stopped: () => stopped,
    format: () => (headerLength < 0 ? null : { delimiter, headerLength }),
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
  const first = cells[0]!;
  // Most rows start with a visible ASCII character: no need for a regular expression then.
  if (first.length > 0 && first.charCodeAt(0) > 32 && first.charCodeAt(0) < 127) return false;
  return isEmpty(first) && cells.every(isEmpty);
}

/** `\n` in text[0, end). */
function countLineFeeds(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function lineFeedsIn(cells: string[]): number {
  let n = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  }
  return n;
}
