import { type QuarterAnalysis, analyseQuarter } from './analyse.ts';
import { defaultConfig, parseConfig } from './config.ts';
import { emptyFindings, type Findings } from './findings.ts';
import { type ExportData, ingestExport } from './ingest/export.ts';
import type { ReportJob, ReportPart } from './ingest/reports.ts';
import type { Chunks } from './ingest/table.ts';
import { comparePeriods, parseQuarter } from './quarter.ts';
import { type QuarterSummary, summariseQuarter } from './model/summary.ts';
import type { Config, FileName, Problem } from './types.ts';

/** The file system as the loader sees it, so the loader itself does no I/O (tests pass a Map). */
export interface DataSource {
  /** Entries of a folder (names only), or null when it is not a folder. */
  list(path: string): string[] | null;
  isDirectory(path: string): boolean;
  /** A whole small file (config.json), or null when it is absent or not a file. */
  readBytes(path: string): Uint8Array | null;
  /** A file as byte chunks, or null when absent. */
  open(path: string): Chunks | null;
  /** Folds a reports.csv into parts in file order (e.g. in worker threads); null to have it read through `open`. */
  foldReports?(path: string, job: ReportJob): Promise<ReportPart[] | null>;
}

/**
 * Quarters read before, so a build re-reads only those that changed. Each answers only for the
 * very same files, config and code; anything else is a miss and the quarter is read again.
 */
export interface QuarterCache {
  /** A quarter's summary, enough for the site's history: what older quarters need. */
  summary(folder: string, config: Config): Promise<CachedSummary | null>;
  /** A quarter's export as read, to analyse it in full: kept for the newest quarter only. */
  export(folder: string, config: Config): Promise<CachedExport | null>;
  /** Called for a quarter read without error; `data` for the newest quarter alone. */
  set(folder: string, config: Config, entry: CachedSummary & { data?: ExportData }): Promise<void>;
}

export interface CachedSummary {
  summary: QuarterSummary;
  /** The warnings reading it gave, without their quarter. */
  warnings: Problem[];
}

export interface CachedExport {
  data: ExportData;
  warnings: Problem[];
}

export interface LoadedData {
  config: Config;
  /** Every quarter in time order, as the site's history reads it; the last is the current export. Empty when there are errors. */
  quarters: QuarterSummary[];
  /** The current export, analysed in full; null when there are errors. */
  current: QuarterAnalysis | null;
  /** The quarters read from their files rather than taken from a cache, in time order. */
  read: string[];
  findings: Findings;
}

const EXPORT_FILES: FileName[] = ['units.csv', 'cadres.csv', 'assignments.csv', 'reports.csv'];

/**
 * Loads a data folder (with `exports/YYYY-Qn/` and an optional config.json), or a single export
 * folder with the default config. Every problem of every quarter is collected; figures are
 * computed only when there is no error.
 */
export async function loadData(dir: string, source: DataSource, cache?: QuarterCache): Promise<LoadedData> {
  const findings = emptyFindings();
  const join = (...parts: string[]) => [dir, ...parts].join('/');
  const single = parseQuarter(baseName(dir)) !== null || (source.list(dir) ?? []).some((name) => EXPORT_FILES.includes(name as FileName));
  let config = defaultConfig;
  let folders: { name: string; path: string }[];
  if (single) {
    folders = [{ name: baseName(dir), path: dir }];
  } else {
    const parsed = parseConfig(decodeConfig(source.readBytes(join('config.json')), findings));
    config = parsed.config;
    findings.errors.push(...parsed.problems);
    const names = (source.list(join('exports')) ?? []).filter((n) => !n.startsWith('.')).sort(comparePeriods);
    folders = names.map((name) => ({ name, path: join('exports', name) }));
    if (folders.length === 0) findings.errors.push({ file: 'exports', line: null, column: null, value: null, code: 'no-exports' });
  }

  // Older quarters are summarised as soon as they are read, so only the newest stays whole in memory.
  const quarters: QuarterSummary[] = [];
  let current: QuarterAnalysis | null = null;
  const read: string[] = [];
  for (const [i, folder] of folders.entries()) {
    const quarter = parseQuarter(folder.name);
    if (quarter === null || !source.isDirectory(folder.path)) {
      findings.errors.push({ file: single ? folder.name : `exports/${folder.name}`, line: null, column: null, value: folder.name, code: 'bad-folder' });
      continue;
    }
    const newest = i === folders.length - 1;
    const addWarnings = (warnings: Problem[]) => {
      for (const p of warnings) findings.warnings.push({ ...p, quarter: quarter.id });
    };
    if (!newest) {
      const cached = await cache?.summary(folder.path, config);
      if (cached) {
        addWarnings(cached.warnings);
        quarters.push(cached.summary);
        continue;
      }
    }
    let data: ExportData;
    let warnings: Problem[];
    const cached = newest ? await cache?.export(folder.path, config) : null;
    if (cached) {
      ({ data, warnings } = cached);
    } else {
      const local = emptyFindings();
      const foldReports = source.foldReports && ((job: ReportJob) => source.foldReports!(`${folder.path}/reports.csv`, job));
      data = await ingestExport(quarter, (file) => (EXPORT_FILES.includes(file) ? source.open(`${folder.path}/${file}`) : null), config, local, foldReports);
      read.push(quarter.id);
      for (const p of local.errors) findings.errors.push({ ...p, quarter: quarter.id });
      warnings = local.warnings;
      if (local.errors.length > 0) {
        addWarnings(warnings);
        continue;
      }
    }
    addWarnings(warnings);
    // Figures are computed only while everything so far is valid: an error anywhere means none are shown.
    if (findings.errors.length > 0) continue;
    const analysis = analyseQuarter(data, config);
    const summary = summariseQuarter(analysis, newest);
    quarters.push(summary);
    if (newest) current = analysis;
    if (!cached) await cache?.set(folder.path, config, { summary, warnings, ...(newest ? { data } : {}) });
  }
  const valid = findings.errors.length === 0;
  return { config, quarters: valid ? quarters : [], current: valid ? current : null, read, findings };
}

function baseName(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? path;
}

/** config.json as text; a file that is not UTF-8 is an error, never mojibake in the site's title. */
function decodeConfig(bytes: Uint8Array | null, findings: Findings): string | null {
  if (bytes === null) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    findings.errors.push({ file: 'config.json', line: null, column: null, value: null, code: 'config-encoding' });
    return null;
  }
}
