import { daysToResponse, isOverdue } from '../metrics/issues.ts';
import { dayNumber } from '../quarter.ts';
import type { Issue, Quarter } from '../types.ts';
import type { IssueEntry } from './types.ts';

/**
 * The quarter's issues as published, most urgent first: unanswered ones oldest first, then
 * answered ones newest first. Each carries its days to response, its age on the quarter's
 * last day, and whether it is overdue.
 */
export function issueEntries(issues: Issue[], quarter: Quarter, overdueDays: number): IssueEntry[] {
  return issues
    .map((issue): IssueEntry => {
      const { reportId, ...fields } = issue;
      return {
        ...fields,
        id: reportId,
        daysToResponse: daysToResponse(issue),
        ageDays: dayNumber(quarter.end) - dayNumber(issue.date),
        overdue: isOverdue(issue, quarter, overdueDays),
      };
    })
    .sort((a, b) =>
      Number(a.respondedOn !== null) - Number(b.respondedOn !== null)
      || (a.respondedOn === null ? a.date.localeCompare(b.date) : b.date.localeCompare(a.date))
      || a.id.localeCompare(b.id));
}
