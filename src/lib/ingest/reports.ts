import type { Findings } from '../findings.ts';
import type { KnownIds } from '../validate.ts';
import { isInQuarter } from '../quarter.ts';
import type { Issue, Problem, Quarter, ReportType } from '../types.ts';
import { parseDate } from '../values.ts';
import { detach } from '../text.ts';
import { parseIssueStatus, parseReportType } from '../vocabulary.ts';
import { optionalDate } from './assignments.ts';
import { type Chunks, problemAt, readTable, requireCell } from './table.ts';

export interface CadreActivity {
  reports: number;
  meetings: number;
  issues: number;
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
  /** `cadreId\tunitId\tYYYY-MM` of every in-quarter meeting report. */
  meetingMonths: Set<string>;
  /** In-quarter report counts by `type\tYYYY-MM`. */
  byTypeMonth: Map<string, number>;
  /** In-quarter issue reports. */
  issues: Issue[];
}

/** Past this many of one kind, further problems of a file are counted, not listed, so a broken big file stays readable. */
const LISTED_PER_CODE = 100;

/** Streams reports.csv and folds it into a ReportSummary for the quarter. */
export async function readReports(
  chunks: Chunks,
  quarter: Quarter,
  known: KnownIds,
  found: Findings,
): Promise<ReportSummary> {
  const summary: ReportSummary = { rows: 0, inQuarter: 0, byCadre: new Map(), meetingMonths: new Set(), byTypeMonth: new Map(), issues: [] };
  const ids = new Map<string, number>();
  // Topics and departments repeat across thousands of issues: keep one copy of each.
  const pool = new Map<string, string>();
  const intern = (s: string): string | null => {
    if (s === '') return null;
    let kept = pool.get(s);
    if (kept === undefined) pool.set((kept = detach(s)), kept);
    return kept;
  };
  const local: Findings = { errors: [], warnings: [] };
  const overflow = new Map<string, number>();
  const keep = (list: Problem[], from: number) => {
    for (const p of list.splice(from)) {
      const key = `${list === local.errors ? 'e' : 'w'}\t${p.code}`;
      const n = (overflow.get(key) ?? 0) + 1;
      overflow.set(key, n);
      if (n <= LISTED_PER_CODE) (list === local.errors ? found.errors : found.warnings).push(p);
    }
  };
  await readTable('reports.csv', chunks, local, (row) => {
    summary.rows += 1;
    const before = local.errors.length;
    ['report_id', 'cadre_id', 'unit_id', 'date', 'type'].forEach((k) => requireCell(row, k, local));
    const id = row.get('report_id');
    if (id !== '' && ids.has(id)) local.errors.push(problemAt(row, 'report_id', 'duplicate-id', { first: ids.get(id)! }));
    else ids.set(detach(id), row.line);
    const cadreId = row.get('cadre_id');
    const unitId = row.get('unit_id');
    if (cadreId !== '' && known.cadres !== null && !known.cadres.has(cadreId)) local.errors.push(problemAt(row, 'cadre_id', 'unknown-cadre'));
    if (unitId !== '' && known.units !== null && !known.units.has(unitId)) local.errors.push(problemAt(row, 'unit_id', 'unknown-unit'));
    const dateText = row.get('date');
    const date = dateText === '' ? null : parseDate(dateText);
    if (dateText !== '' && date === null) local.errors.push(problemAt(row, 'date', 'bad-date'));
    const typeText = row.get('type');
    const type: ReportType | null = typeText === '' ? null : parseReportType(typeText);
    if (typeText !== '' && type === null) local.errors.push(problemAt(row, 'type', 'unknown-report-type'));
    const respondedOn = optionalDate(row, 'responded_on', local);
    const statusText = row.get('status');
    const status = statusText === '' ? null : parseIssueStatus(statusText);
    if (statusText !== '' && status === null) local.errors.push(problemAt(row, 'status', 'unknown-status'));
    const warningsBefore = local.warnings.length;
    if (date && respondedOn && respondedOn < date) local.warnings.push(problemAt(row, 'responded_on', 'response-before-report', { date }));
    if (date && !isInQuarter(date, quarter)) local.warnings.push(problemAt(row, 'date', 'report-outside-quarter', { quarter: quarter.id }));
    keep(local.warnings, warningsBefore);
    if (local.errors.length > before) {
      keep(local.errors, before);
      return;
    }
    if (!date || !type || !isInQuarter(date, quarter)) return;
    summary.inQuarter += 1;
    let activity = summary.byCadre.get(cadreId);
    if (!activity) {
      activity = { reports: 0, meetings: 0, issues: 0 };
      summary.byCadre.set(detach(cadreId), activity);
    }
    activity.reports += 1;
    const month = date.slice(0, 7);
    const typeMonth = `${type}\t${month}`;
    summary.byTypeMonth.set(typeMonth, (summary.byTypeMonth.get(typeMonth) ?? 0) + 1);
    if (type === 'meeting') {
      activity.meetings += 1;
      summary.meetingMonths.add(detach(`${cadreId}\t${unitId}\t${month}`));
    } else if (type === 'issue') {
      activity.issues += 1;
      summary.issues.push({
        reportId: detach(id),
        cadreId: detach(cadreId),
        unitId: detach(unitId),
        date,
        topic: intern(row.get('topic')),
        summary: detach(row.get('summary')) || null,
        referredTo: intern(row.get('referred_to')),
        respondedOn,
        status,
      });
    }
  });
  keep(local.errors, 0);
  keep(local.warnings, 0);
  for (const [key, n] of overflow) {
    if (n <= LISTED_PER_CODE) continue;
    const [kind, code] = key.split('\t');
    (kind === 'e' ? found.errors : found.warnings).push({
      file: 'reports.csv', line: null, column: null, value: null, code: 'more-problems', params: { code, count: n - LISTED_PER_CODE },
    });
  }
  return summary;
}
