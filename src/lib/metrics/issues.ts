import { dayNumber } from '../quarter.ts';
import type { Issue, Quarter } from '../types.ts';

/** Days from an issue to its answer; null when unanswered. */
export function daysToResponse(issue: Issue): number | null {
  return issue.respondedOn === null ? null : dayNumber(issue.respondedOn) - dayNumber(issue.date);
}

/**
 * Overdue: no answer, and raised more than `overdueDays` days before the quarter's last day.
 * Example: with 30 days and Q4 2017, an open issue of 2017-11-30 (31 days) is overdue, one of 2017-12-01 is not.
 */
export function isOverdue(issue: Issue, quarter: Quarter, overdueDays: number): boolean {
  return issue.respondedOn === null && dayNumber(quarter.end) - dayNumber(issue.date) > overdueDays;
}
