import { type CsvPartStart, type CsvReader, createCsvReader } from '../csv/read.ts';
import type { Findings } from '../findings.ts';
import { quarterMonths } from '../quarter.ts';
import { matchColumns } from '../schema.ts';
import { detach, hasControlCharacter, showControlCharacters } from '../text.ts';
import type { Issue, IssueStatus, Problem, Quarter, ReportType } from '../types.ts';
import type { KnownIds } from '../validate.ts';
import { parseDate } from '../values.ts';
import { parseIssueStatus, parseReportType } from '../vocabulary.ts';
import { IdIndex } from './id-index.ts';
import type { Chunks } from './table.ts';

export interface CadreActivity {
  reports: number;
  meetings: number;
  issues: number;
  visits: number;
}

/**
 * What the quarter's reports add up to. Memory grows with cadres, assignments and issues,
 * never with the number of report rows: rows are folded in as they are read.
 */
export interface ReportSummary {
  rows: number;
  /** Reports dated in the quarter, of any type. */
  inQuarter: number;
  /** In-quarter reports per cadre. */
  byCadre: Map<string, CadreActivity>;
  /**
   * Per `cadreId\tunitId`, the months in which the cadre sent a report of each type about the unit:
   * bit `attendedBit(type, month)`, so attendance can follow whichever types a pair counts.
   */
  attended: Map<string, number>;
  /** In-quarter report counts by `type\tYYYY-MM`. */
  byTypeMonth: Map<string, number>;
  /** In-quarter issue reports. */
  issues: Issue[];
}

/** What folding reports.csv needs besides its bytes. */
export interface ReportJob {
  quarter: Quarter;
  known: KnownIds;
}

/** Problems of one kind from part of the file: the first `LISTED_PER_CODE` of each code, and how many of each there were. */
export interface ListedProblems {
  listed: Problem[];
  /** Per code, in the order codes were first met. */
  counts: Map<string, number>;
}

/**
 * A stretch of reports.csv folded on its own: the summary of its rows and its problems, which
 * `mergeReportParts` adds up in file order. Maps keep the order in which keys were first met.
 */
export interface ReportPart extends ReportSummary {
  /** Lines before the part as the part numbered them: 0 when it counted from its own first line. */
  lineBase: number;
  /** Physical lines the part spans. */
  lines: number;
  /** Reading stopped in this part (a bad byte, a quote never closed): nothing after it counts. */
  stopped: boolean;
  /** Problems of rows, in row order. */
  rowErrors: ListedProblems;
  rowWarnings: ListedProblems;
  /** Problems of the file itself (header, CSV structure, encoding), which follow those of rows. */
  fileErrors: ListedProblems;
  fileWarnings: ListedProblems;
}

/** Where a part that is not the file's first starts: its CSV format and the file's header. */
export interface ReportPartStart extends CsvPartStart {
  header: string[];
}

export interface ReportFoldOptions {
  /** The part to read; the whole file when absent. */
  part?: ReportPartStart;
  /** Lines before the part, when known; else lines are counted from the part's first line. */
  lineBase?: number;
  /** Report ids of the parts before this one, with the line of each id's first report. */
  priorIds?: IdIndex;
}

/** A fold of reports.csv (or of a part of it): write its bytes to `reader`, then call `finish`. */
export interface ReportFold {
  reader: CsvReader;
  /** The report ids met so far, with the line of the first report of each. */
  ids: IdIndex;
  finish(): ReportPart;
}

/** Past this many of one kind, further problems of a file are counted, not listed, so a broken big file stays readable. */
const LISTED_PER_CODE = 100;
const FILE = 'reports.csv';
const TYPES: readonly ReportType[] = ['meeting', 'branch_meeting', 'visit', 'issue', 'other'];
// Distinct spellings of a type or status worth remembering; past that a broken file would only fill memory.
const CACHED_WORDS = 256;
// Room for unit indexes in a numeric (cadre, unit) key, which stays below 2^53.
const UNIT_SPACE = 1 << 22;
// Activity counted per cadre index: reports, meetings, issues, visits.
const STRIDE = 4;

/** The bit of `type` in month `month` (0–2 within the quarter) of a ReportSummary.attended mask. */
export function attendedBit(type: ReportType, month: number): number {
  return 1 << (TYPES.indexOf(type) * 3 + month);
}

export function listedProblems(): ListedProblems {
  return { listed: [], counts: new Map() };
}

function list(into: ListedProblems, p: Problem): void {
  const n = (into.counts.get(p.code) ?? 0) + 1;
  into.counts.set(p.code, n);
  if (n <= LISTED_PER_CODE) into.listed.push(p);
}

/** Streams reports.csv here, as one part, and folds it into a ReportSummary for the quarter. */
export async function readReports(chunks: Chunks, quarter: Quarter, known: KnownIds, found: Findings): Promise<ReportSummary> {
  const fold = createReportFold({ quarter, known });
  for await (const bytes of chunks) if (!fold.reader.write(bytes)) break;
  fold.reader.end();
  return mergeReportParts([fold.finish()], found);
}

/**
 * Folds the rows of reports.csv as they are read. The per-row path allocates nothing for a valid row
 * that is not an issue: cells are read by column index, dates checked by character codes, cadre and
 * unit ids turned into indexes once (the known ids' own strings are kept), and the aggregates are
 * counted in arrays keyed by those indexes, turned into the summary's maps at `finish`.
 */
export function createReportFold(job: ReportJob, options: ReportFoldOptions = {}): ReportFold {
  const { quarter, known } = job;
  const lineBase = options.lineBase ?? 0;
  const prior = options.priorIds ?? null;
  const months = quarterMonths(quarter);
  const firstMonth = Number(quarter.start.slice(5, 7));
  const ids = new IdIndex();
  const rowErrors = listedProblems();
  const rowWarnings = listedProblems();
  const fileErrors = listedProblems();
  const fileWarnings = listedProblems();
  const cadres = interner(known.cadres);
  const units = interner(known.units);
  const activity: number[] = new Array<number>(cadres.ids.length * STRIDE).fill(0);
  const cadreOrder: number[] = [];
  // (cadre, unit) index key → months by type, as in ReportSummary.attended.
  const attendedMasks = new Map<number, number>();
  const typeMonthCounts = new Array<number>(TYPES.length * 3).fill(0);
  const typeMonthOrder: number[] = [];
  const issues: Issue[] = [];
  // Topics and departments repeat across thousands of issues: keep one copy of each.
  const pool = new Map<string, string>();
  const intern = (s: string): string | null => {
    if (s === '') return null;
    let kept = pool.get(s);
    if (kept === undefined) pool.set((kept = detach(s)), kept);
    return kept;
  };
  const parseType = cached(parseReportType);
  const parseStatus = cached(parseIssueStatus);
  let rows = 0;
  let inQuarter = 0;
  let usable = false;
  let col = { id: -1, cadre: -1, unit: -1, date: -1, type: -1, topic: -1, summary: -1, referredTo: -1, respondedOn: -1, status: -1 };

  function useHeader(header: string[], headerLine: number | null): void {
    const match = matchColumns(FILE, header);
    const at = (key: string) => match.index.get(key) ?? -1;
    col = {
      id: at('report_id'), cadre: at('cadre_id'), unit: at('unit_id'), date: at('date'), type: at('type'),
      topic: at('topic'), summary: at('summary'), referredTo: at('referred_to'), respondedOn: at('responded_on'), status: at('status'),
    };
    usable = match.missing.length === 0;
    if (headerLine === null) return;
    for (const column of match.missing) list(fileErrors, { file: FILE, line: headerLine, column, value: null, code: 'missing-column' });
    for (const column of match.duplicated) list(fileErrors, { file: FILE, line: headerLine, column, value: column, code: 'duplicate-column' });
    for (const column of match.unknown) list(fileWarnings, { file: FILE, line: headerLine, column, value: column, code: 'unknown-column' });
  }

  function problem(line: number, column: string, value: string, code: string, params?: Problem['params']): Problem {
    return params ? { file: FILE, line, column, value, code, params } : { file: FILE, line, column, value, code };
  }

  // The checks and their order are those of every reader of the export: required cells first,
  // then each cell left to right; a row with an error adds nothing to the figures.
  function record(cells: string[], partLine: number): void {
    if (!usable) return;
    const line = partLine + lineBase;
    rows += 1;
    const id = cell(cells, col.id);
    const cadreId = cell(cells, col.cadre);
    const unitId = cell(cells, col.unit);
    const dateText = cell(cells, col.date);
    const typeText = cell(cells, col.type);
    let failed = false;
    const fail = (p: Problem) => {
      failed = true;
      list(rowErrors, p);
    };
    if (id === '') fail(problem(line, 'report_id', '', 'required-value'));
    if (cadreId === '') fail(problem(line, 'cadre_id', '', 'required-value'));
    if (unitId === '') fail(problem(line, 'unit_id', '', 'required-value'));
    if (dateText === '') fail(problem(line, 'date', '', 'required-value'));
    if (typeText === '') fail(problem(line, 'type', '', 'required-value'));
    if (id !== '') {
      let first = prior ? prior.get(id) : -1;
      if (first < 0) first = ids.get(id);
      if (first >= 0) fail(problem(line, 'report_id', id, 'duplicate-id', { first }));
      else ids.add(id, line);
    }
    const cadre = cadreId === '' ? -1 : cadres.find(cadreId);
    if (cadre < 0 && cadreId !== '' && known.cadres !== null) fail(problem(line, 'cadre_id', cadreId, 'unknown-cadre'));
    const unit = unitId === '' ? -1 : units.find(unitId);
    if (unit < 0 && unitId !== '' && known.units !== null) fail(problem(line, 'unit_id', unitId, 'unknown-unit'));
    const date = dateText === '' ? null : isoDate(dateText);
    if (dateText !== '' && date === null) fail(problem(line, 'date', dateText, 'bad-date'));
    const type = typeText === '' ? null : parseType(typeText);
    if (typeText !== '' && type === null) fail(problem(line, 'type', typeText, 'unknown-report-type'));
    const respondedText = cell(cells, col.respondedOn);
    const respondedOn = respondedText === '' ? null : isoDate(respondedText);
    if (respondedText !== '' && respondedOn === null) fail(problem(line, 'responded_on', respondedText, 'bad-date'));
    const statusText = cell(cells, col.status);
    const status: IssueStatus | null = statusText === '' ? null : parseStatus(statusText);
    if (statusText !== '' && status === null) fail(problem(line, 'status', statusText, 'unknown-status'));
    // Only issues are kept as text for the pages; their cells must hold no control character.
    if (type === 'issue') {
      for (const [column, i] of [['report_id', col.id], ['topic', col.topic], ['summary', col.summary], ['referred_to', col.referredTo]] as const) {
        const text = cell(cells, i);
        if (hasControlCharacter(text)) fail(problem(line, column, showControlCharacters(text), 'control-character'));
      }
    }
    const dated = date !== null && date >= quarter.start && date <= quarter.end;
    if (date && respondedOn && respondedOn < date) list(rowWarnings, problem(line, 'responded_on', respondedText, 'response-before-report', { date }));
    if (date && !dated) list(rowWarnings, problem(line, 'date', dateText, 'report-outside-quarter', { quarter: quarter.id }));
    if (failed || !dated || type === null) return;

    inQuarter += 1;
    const c = cadre >= 0 ? cadre : cadres.add(cadreId);
    const a = c * STRIDE;
    while (activity.length <= a) activity.push(0, 0, 0, 0);
    if (activity[a]++ === 0) cadreOrder.push(c);
    const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48) - firstMonth;
    const typeMonth = TYPES.indexOf(type) * 3 + month;
    if (typeMonthCounts[typeMonth]++ === 0) typeMonthOrder.push(typeMonth);
    const u = unit >= 0 ? unit : units.add(unitId);
    const pairKey = c * UNIT_SPACE + u;
    attendedMasks.set(pairKey, (attendedMasks.get(pairKey) ?? 0) | (1 << typeMonth));
    if (type === 'meeting') activity[a + 1]! += 1;
    else if (type === 'visit') activity[a + 3]! += 1;
    else if (type === 'issue') {
      activity[a + 2]! += 1;
      issues.push({
        reportId: detach(id),
        cadreId: cadres.ids[c]!,
        unitId: units.ids[u]!,
        date,
        topic: intern(cell(cells, col.topic)),
        summary: detach(cell(cells, col.summary)) || null,
        referredTo: intern(cell(cells, col.referredTo)),
        respondedOn,
        status,
      });
    }
  }

  const part = options.part;
  if (part) useHeader(part.header, null);
  const reader = createCsvReader(FILE, { header: (cells, line) => useHeader(cells, line + lineBase), record }, {}, part);

  return {
    reader,
    ids,
    finish() {
      for (const p of reader.problems) list(fileErrors, p.line === null ? p : { ...p, line: p.line + lineBase });
      const byCadre = new Map<string, CadreActivity>();
      for (const c of cadreOrder) {
        const a = c * STRIDE;
        byCadre.set(cadres.ids[c]!, { reports: activity[a]!, meetings: activity[a + 1]!, issues: activity[a + 2]!, visits: activity[a + 3]! });
      }
      const attended = new Map<string, number>();
      for (const [key, mask] of attendedMasks) {
        const u = key % UNIT_SPACE;
        attended.set(`${cadres.ids[(key - u) / UNIT_SPACE]}\t${units.ids[u]}`, mask);
      }
      const byTypeMonth = new Map<string, number>();
      for (const i of typeMonthOrder) byTypeMonth.set(`${TYPES[Math.floor(i / 3)]}\t${months[i % 3]}`, typeMonthCounts[i]!);
      return {
        lineBase, lines: reader.lines, stopped: reader.stopped, rows, inQuarter, byCadre, attended, byTypeMonth, issues,
        rowErrors, rowWarnings, fileErrors, fileWarnings,
      };
    },
  };
}

/**
 * Adds up the parts of reports.csv, in file order, into the quarter's summary, and lists their
 * problems in `found` as one reading of the whole file would: row problems in row order, then those
 * of the file, each code listed up to `LISTED_PER_CODE` times and the rest counted in one line.
 * Each part's lines are moved to where the part starts in the file.
 */
export function mergeReportParts(parts: ReportPart[], found: Findings): ReportSummary {
  const summary: ReportSummary = { rows: 0, inQuarter: 0, byCadre: new Map(), attended: new Map(), byTypeMonth: new Map(), issues: [] };
  const rowErrors = listedProblems();
  const rowWarnings = listedProblems();
  const fileErrors = listedProblems();
  const fileWarnings = listedProblems();
  let base = 0;
  for (const part of parts) {
    const shift = base - part.lineBase;
    append(rowErrors, part.rowErrors, shift);
    append(rowWarnings, part.rowWarnings, shift);
    append(fileErrors, part.fileErrors, shift);
    append(fileWarnings, part.fileWarnings, shift);
    base += part.lines;
    summary.rows += part.rows;
    summary.inQuarter += part.inQuarter;
    for (const [id, a] of part.byCadre) {
      const kept = summary.byCadre.get(id);
      if (!kept) summary.byCadre.set(id, { ...a });
      else {
        kept.reports += a.reports;
        kept.meetings += a.meetings;
        kept.issues += a.issues;
        kept.visits += a.visits;
      }
    }
    for (const [key, mask] of part.attended) summary.attended.set(key, (summary.attended.get(key) ?? 0) | mask);
    for (const [key, n] of part.byTypeMonth) summary.byTypeMonth.set(key, (summary.byTypeMonth.get(key) ?? 0) + n);
    for (const issue of part.issues) summary.issues.push(issue);
    if (part.stopped) break;
  }
  found.errors.push(...rowErrors.listed, ...fileErrors.listed);
  found.warnings.push(...rowWarnings.listed, ...fileWarnings.listed);
  for (const [into, lists] of [[found.errors, [rowErrors, fileErrors]], [found.warnings, [rowWarnings, fileWarnings]]] as const) {
    for (const { counts } of lists) {
      for (const [code, n] of counts) {
        if (n > LISTED_PER_CODE) into.push({ file: FILE, line: null, column: null, value: null, code: 'more-problems', params: { code, count: n - LISTED_PER_CODE } });
      }
    }
  }
  return summary;
}

/** Appends a part's problems, moved by `shift` lines, keeping the first `LISTED_PER_CODE` of each code overall. */
function append(into: ListedProblems, from: ListedProblems, shift: number): void {
  const listedBefore = new Map<string, number>();
  for (const p of from.listed) {
    const already = listedBefore.get(p.code) ?? Math.min(into.counts.get(p.code) ?? 0, LISTED_PER_CODE);
    listedBefore.set(p.code, already + 1);
    if (already >= LISTED_PER_CODE) continue;
    if (shift !== 0 && p.line !== null) {
      p.line += shift;
      // A part that counted lines from its own start named the first report of an id the same way.
      if (p.code === 'duplicate-id' && typeof p.params?.first === 'number') p.params.first += shift;
    }
    into.listed.push(p);
  }
  for (const [code, n] of from.counts) into.counts.set(code, (into.counts.get(code) ?? 0) + n);
}

/** Ids turned into indexes: the known ids in their order, or, when none are known, each id as first met. */
function interner(known: Set<string> | null): { ids: string[]; find(id: string): number; add(id: string): number } {
  const index = new Map<string, number>();
  const ids: string[] = [];
  if (known) for (const id of known) index.set(id, ids.push(id) - 1);
  return {
    ids,
    find: (id) => index.get(id) ?? -1,
    add(id) {
      let i = index.get(id);
      if (i === undefined) {
        const kept = detach(id);
        index.set(kept, (i = ids.push(kept) - 1));
      }
      return i;
    },
  };
}

/** A word reader that remembers its answers for the few spellings a file uses. */
function cached<T>(parse: (raw: string) => T | null): (raw: string) => T | null {
  const seen = new Map<string, T | null>();
  return (raw) => {
    let v = seen.get(raw);
    if (v === undefined) {
      v = parse(raw);
      if (seen.size < CACHED_WORDS) seen.set(detach(raw), v);
    }
    return v;
  };
}

/** A cell, trimmed as `String.prototype.trim` does; '' for an absent column. */
function cell(cells: string[], i: number): string {
  if (i < 0) return '';
  const s = cells[i]!;
  const n = s.length;
  if (n === 0) return s;
  return isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1)) ? s.trim() : s;
}

/** What `trim` removes: ASCII and Unicode white space, line terminators, the BOM. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A date as ISO `YYYY-MM-DD`, or null: `YYYY-MM-DD` read by character codes, other forms by parseDate. */
function isoDate(s: string): string | null {
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digits(s, 0, 4);
    const m = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    if (y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return s;
  }
  return parseDate(s);
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
