import type { Assignment, Quarter } from '../types.ts';

/**
 * An assignment is active when it is in force on the quarter's last day: no start or one on
 * or before that day, and no end or one on or after it.
 * Example: for 2017-Q4, an assignment ending 2017-12-31 is active, one ending 2017-12-30 is not.
 */
export function isActive(assignment: Assignment, quarter: Quarter): boolean {
  return (assignment.start === null || assignment.start <= quarter.end) && (assignment.end === null || assignment.end >= quarter.end);
}

export function activeAssignments(assignments: Assignment[], quarter: Quarter): Assignment[] {
  return assignments.filter((a) => isActive(a, quarter));
}
