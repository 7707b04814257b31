import type { Findings } from '../findings.ts';
import type { Assignment, Cadre, Config, FileName, Quarter, Unit } from '../types.ts';
import { type KnownIds, validateExport } from '../validate.ts';
import { readAssignments } from './assignments.ts';
import { readCadres } from './cadres.ts';
import { mergeReportParts, type ReportJob, type ReportPart, type ReportSummary, readReports } from './reports.ts';
import type { Chunks, TableResult } from './table.ts';
import { readUnits } from './units.ts';

/** One quarterly export, read and checked. */
export interface ExportData {
  quarter: Quarter;
  units: Unit[];
  cadres: Cadre[];
  assignments: Assignment[];
  /** null when the export has no reports.csv: no activity figures then. */
  reports: ReportSummary | null;
}

/** Opens a file of the export as byte chunks; null when the file is absent. */
export type OpenFile = (file: FileName) => Chunks | null;

const MISSING: TableResult<never> = { records: [], ids: new Set(), complete: false };

/** Folds reports.csv into parts in file order (e.g. in worker threads); null to have it read through `open`. */
export type FoldReports = (job: ReportJob) => Promise<ReportPart[] | null>;

/** Reads the four files in dependency order (reports last, streamed) and validates them together. */
export async function ingestExport(quarter: Quarter, open: OpenFile, config: Config, found: Findings, foldReports?: FoldReports): Promise<ExportData> {
  const read = async <T>(file: FileName, reader: (chunks: Chunks, found: Findings) => Promise<TableResult<T>>): Promise<TableResult<T>> => {
    const chunks = open(file);
    if (chunks !== null) return reader(chunks, found);
    found.errors.push({ file, line: null, column: null, value: null, code: 'missing-file' });
    return MISSING;
  };
  const units = await read('units.csv', readUnits);
  const cadres = await read('cadres.csv', readCadres);
  const assignments = await read('assignments.csv', readAssignments);
  // A file that could not be read whole is not used to call references to it unknown.
  const known: KnownIds = { units: units.complete ? units.ids : null, cadres: cadres.complete ? cadres.ids : null };
  validateExport(units.records, cadres.records, assignments.records, config, known, found);
  const reportChunks = open('reports.csv');
  const parts = reportChunks === null ? null : await foldReports?.({ quarter, known });
  const reports =
    reportChunks === null ? null : parts ? mergeReportParts(parts, found) : await readReports(reportChunks, quarter, known, found);
  return { quarter, units: units.records, cadres: cadres.records, assignments: assignments.records, reports };
}
