import { attendedBit } from '../ingest/reports.ts';
import { quarterMonths } from '../quarter.ts';
import type { Assignment, Quarter, ReportType } from '../types.ts';

export interface AssignmentAttendance {
  cadreId: string;
  unitId: string;
  /** Months of the quarter (`YYYY-MM`) in which the assignment was in force on at least one day. */
  monthsDue: string[];
  /** Those of them with at least one report of an attending type by the cadre at the unit. */
  monthsAttended: string[];
}

/**
 * Attendance per active assignment: a due month is attended when the cadre sent a report of one
 * of `typesOf(assignment)` about the unit in it (the unit's meeting by default; a pair may count
 * branch meetings instead, see attendanceTypes in config.json). An active assignment is in force
 * from its start (or the quarter's first day) to the quarter's last day, so its months due run
 * from its start month to the quarter's last month.
 * Example: started 2017-11-20 in 2017-Q4 → due 2017-11 and 2017-12.
 */
export function attendance(
  active: Assignment[],
  quarter: Quarter,
  attended: Map<string, number>,
  typesOf: (a: Assignment) => readonly ReportType[],
): AssignmentAttendance[] {
  const months = quarterMonths(quarter);
  return active.map((a) => {
    const from = a.start !== null && a.start > quarter.start ? a.start.slice(0, 7) : months[0]!;
    const monthsDue = months.filter((m) => m >= from);
    const mask = attended.get(`${a.cadreId}\t${a.unitId}`) ?? 0;
    const types = typesOf(a);
    const monthsAttended = monthsDue.filter((m) => types.some((t) => (mask & attendedBit(t, months.indexOf(m))) !== 0));
    return { cadreId: a.cadreId, unitId: a.unitId, monthsDue, monthsAttended };
  });
}
