import { readCsv } from '../csv/read.ts';
import type { Findings } from '../findings.ts';
import { matchColumns } from '../schema.ts';
import { hasControlCharacter, showControlCharacters } from '../text.ts';
import type { FileName, Problem } from '../types.ts';

export type Chunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * The records of a file that passed their row checks, the ids of every row (rejected rows too,
 * so references to them are not reported twice), and whether the whole file could be read.
 */
export interface TableResult<T> {
  records: T[];
  ids: Set<string>;
  complete: boolean;
}

/** One data record of a file, its cells looked up by column key. */
export interface Row {
  file: FileName;
  line: number;
  /** The trimmed cell of a column; '' when the column is absent or empty. */
  get(key: string): string;
}

/**
 * Reads one file of the export row by row. Header problems (missing required column, unknown
 * or repeated columns) are reported here; rows are not delivered when a required column is missing.
 * Returns whether every record of the file could be read.
 */
export async function readTable(file: FileName, chunks: Chunks, found: Findings, onRow: (row: Row) => void): Promise<boolean> {
  let index = new Map<string, number>();
  let columns: [string, number][] = [];
  let usable = false;
  let cells: string[] = [];
  let line = 0;
  const row: Row = {
    file,
    get line() {
      return line;
    },
    get(key) {
      const i = index.get(key);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    },
  };
  const csvProblems: Problem[] = await readCsv(file, chunks, {
    header(header, headerLine) {
      const match = matchColumns(file, header);
      index = match.index;
      columns = [...index];
      usable = match.missing.length === 0;
      for (const column of match.missing) {
        found.errors.push({ file, line: headerLine, column, value: null, code: 'missing-column' });
      }
      for (const column of match.duplicated) {
        found.errors.push({ file, line: headerLine, column, value: column, code: 'duplicate-column' });
      }
      for (const column of match.unknown) {
        found.warnings.push({ file, line: headerLine, column, value: column, code: 'unknown-column' });
      }
    },
    record(recordCells, recordLine) {
      if (!usable) return;
      cells = recordCells;
      line = recordLine;
      // The row is still read, so its id stays known and this is its only error.
      for (const [key, i] of columns) {
        const text = cells[i] ?? '';
        if (hasControlCharacter(text)) found.errors.push({ file, line, column: key, value: showControlCharacters(text), code: 'control-character' });
      }
      onRow(row);
    },
  });
  found.errors.push(...csvProblems);
  return usable && csvProblems.length === 0;
}

/** Reports an empty required cell; returns whether the cell is present. */
export function requireCell(row: Row, key: string, found: Findings): boolean {
  if (row.get(key) !== '') return true;
  found.errors.push({ file: row.file, line: row.line, column: key, value: '', code: 'required-value' });
  return false;
}

export function problemAt(row: Row, column: string, code: string, params?: Problem['params']): Problem {
  return { file: row.file, line: row.line, column, value: row.get(column), code, ...(params ? { params } : {}) };
}
