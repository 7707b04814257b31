import type { Findings } from '../findings.ts';
import type { Assignment, Cadre, Config, FileName, Quarter, Unit } from '../types.ts';
import { validateExport } from '../validate.ts';
import { readAssignments } from './assignments.ts';
import { readCadres } from './cadres.ts';
import { type ReportSummary, readReports } from './reports.ts';
import type { Chunks } from './table.ts';
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

const REQUIRED: FileName[] = ['units.csv', 'cadres.csv', 'assignments.csv'];

/** Reads the four files in dependency order (reports last, streamed) and validates them together. */
export async function ingestExport(quarter: Quarter, open: OpenFile, config: Config, found: Findings): Promise<ExportData> {
  const read = async <T>(file: FileName, reader: (chunks: Chunks, found: Findings) => Promise<T[]>): Promise<T[]> => {
    const chunks = open(file);
    if (chunks !== null) return reader(chunks, found);
    if (REQUIRED.includes(file)) found.errors.push({ file, line: null, column: null, value: null, code: 'missing-file' });
    return [];
  };
  const units = await read('units.csv', readUnits);
  const cadres = await read('cadres.csv', readCadres);
  const assignments = await read('assignments.csv', readAssignments);
  validateExport(units, cadres, assignments, config, found);
  const reportChunks = open('reports.csv');
  const reports = reportChunks === null
    ? null
    : await readReports(reportChunks, quarter, { cadres: new Set(cadres.map((c) => c.id)), units: new Set(units.map((u) => u.id)) }, found);
  return { quarter, units, cadres, assignments, reports };
}
