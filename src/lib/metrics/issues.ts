import { dayNumber } from '../quarter.ts';
import type { Issue, Quarter } from '../types.ts';
import { median } from './median.ts';

export interface IssueFigure {
  raised: number;
  responded: number;
  /** Median of responded_on − date in days over responded issues answered on or after their date; null when none. */
  medianDaysToResponse: number | null;
  overdue: number;
}

/**
 * Days from an issue to its answer; null when unanswered, or answered before its own date: such a
 * date is a typing mistake (a warning of the export), and a negative delay would pull the median down.
 */
export function daysToResponse(issue: Issue): number | null {
  if (issue.respondedOn === null) return null;
  const days = dayNumber(issue.respondedOn) - dayNumber(issue.date);
  return days < 0 ? null : days;
}

/**
 * Overdue: no answer, and raised more than `overdueDays` days before the quarter's last day.
 * Example: with 30 days and Q4 2017, an open issue of 2017-11-30 (31 days) is overdue, one of 2017-12-01 is not.
 */
export function isOverdue(issue: Issue, quarter: Quarter, overdueDays: number): boolean {
  return issue.respondedOn === null && dayNumber(quarter.end) - dayNumber(issue.date) > overdueDays;
}

/** The issue figures of a set of in-quarter issue reports. */
export function issueFigures(issues: Issue[], quarter: Quarter, overdueDays: number): IssueFigure {
  const days = issues.map(daysToResponse).filter((d): d is number => d !== null);
  return {
    raised: issues.length,
    responded: issues.filter((i) => i.respondedOn !== null).length,
    medianDaysToResponse: median(days),
    overdue: issues.filter((i) => isOverdue(i, quarter, overdueDays)).length,
  };
}

/** Issue figures per receiving department; issues sent nowhere are grouped under ''. Sorted by raised, descending. */
export function issuesByDepartment(issues: Issue[], quarter: Quarter, overdueDays: number): ({ department: string } & IssueFigure)[] {
  const groups = new Map<string, Issue[]>();
  for (const issue of issues) {
    const key = issue.referredTo ?? '';
    const list = groups.get(key);
    if (list) list.push(issue);
    else groups.set(key, [issue]);
  }
  return [...groups]
    .map(([department, list]) => ({ department, ...issueFigures(list, quarter, overdueDays) }))
    .sort((a, b) => b.raised - a.raised || a.department.localeCompare(b.department, 'vi'));
}
