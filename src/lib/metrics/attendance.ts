import { quarterMonths } from '../quarter.ts';
import type { Assignment, Quarter } from '../types.ts';

export interface AssignmentAttendance {
  cadreId: string;
  unitId: string;
  /** Months of the quarter (`YYYY-MM`) in which the assignment was in force on at least one day. */
  monthsDue: string[];
  /** Those of them with at least one meeting report by the cadre at the unit. */
  monthsAttended: string[];
}

/**
 * Attendance of the monthly unit meetings, per active assignment. An active assignment is in
 * force from its start (or the quarter's first day) to the quarter's last day, so its months
 * due run from its start month to the quarter's last month.
 * Example: started 2017-11-20 in 2017-Q4 → due 2017-11 and 2017-12.
 */
export function attendance(active: Assignment[], quarter: Quarter, meetingMonths: Set<string>): AssignmentAttendance[] {
  const months = quarterMonths(quarter);
  return active.map((a) => {
    const from = a.start !== null && a.start > quarter.start ? a.start.slice(0, 7) : months[0]!;
    const monthsDue = months.filter((m) => m >= from);
    const monthsAttended = monthsDue.filter((m) => meetingMonths.has(`${a.cadreId}\t${a.unitId}\t${m}`));
    return { cadreId: a.cadreId, unitId: a.unitId, monthsDue, monthsAttended };
  });
}
