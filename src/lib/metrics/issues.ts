import { dayNumber } from '../quarter.ts';
import type { Issue, Quarter } from '../types.ts';

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
  return overdueTest(quarter, overdueDays)(issue);
}

/** isOverdue for many issues of one quarter: the quarter's last day is counted once. */
export function overdueTest(quarter: Quarter, overdueDays: number): (issue: Issue) => boolean {
  const lastDay = dayNumber(quarter.end);
  return (issue) => issue.respondedOn === null && lastDay - dayNumber(issue.date) > overdueDays;
}
