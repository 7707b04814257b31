import { buildHierarchy, type Hierarchy } from './hierarchy.ts';
import type { ExportData } from './ingest/export.ts';
import { activeAssignments } from './metrics/active.ts';
import { type AreaFigures, areaRollup } from './metrics/areaRollup.ts';
import { type AssignmentAttendance, attendance, attendanceRate } from './metrics/attendance.ts';
import { type CoverageDetail, type CoverageFigure, coverage } from './metrics/coverage.ts';
import { type IssueFigure, issueFigures } from './metrics/issues.ts';
import { mappedAssignments, pairAssignments } from './metrics/pairs.ts';
import { round3 } from './metrics/ratio.ts';
import { silentCadres } from './metrics/silent.ts';
import type { Assignment, Config } from './types.ts';

/** The published figures of one quarter: what `check --json` prints. */
export interface QuarterFigures {
  quarter: string;
  counts: { units: number; cadres: number; assignments: number; reports: number };
  coverage: CoverageFigure[];
  /** null when the export has no reports.csv. */
  activity: { attendanceRate: number | null; silentCadres: number; monthsDue: number; monthsAttended: number } | null;
  issues: IssueFigure | null;
}

/** Everything computed for one quarter, kept for the site's lists and pages. */
export interface QuarterAnalysis {
  data: ExportData;
  hierarchy: Hierarchy;
  active: Assignment[];
  /** Per pair of the mapping, in config order. */
  coverage: CoverageDetail[];
  pairActive: Assignment[][];
  attendance: AssignmentAttendance[];
  silent: string[];
  areas: Map<string, AreaFigures>;
  figures: QuarterFigures;
}

/** Computes every figure of one valid export. */
export function analyseQuarter(data: ExportData, config: Config): QuarterAnalysis {
  const { quarter, units, cadres, assignments, reports } = data;
  const hierarchy = buildHierarchy(units);
  const cadreById = new Map(cadres.map((c) => [c.id, c]));
  const active = activeAssignments(assignments, quarter);
  const pairActive = config.coverage.map((pair) => pairAssignments(pair, active, cadreById, hierarchy.byId));
  const coverageDetails = config.coverage.map((pair, i) => coverage(pair, units, cadres, pairActive[i]!));
  const mapped = mappedAssignments(config.coverage, active, cadreById, hierarchy.byId);
  const attendanceRows = reports ? attendance(mapped, quarter, reports.meetingMonths) : [];
  const silent = reports ? silentCadres(active, reports.byCadre) : [];

  const cadreAreas = (pair: number, cadreId: string): string[] => {
    const home = cadreById.get(cadreId)?.homeUnitId;
    const unitIds = [...(home ? [home] : []), ...(coverageDetails[pair]!.unitsOfCadre.get(cadreId) ?? [])];
    return unitIds.flatMap((id) => hierarchy.areasOf(id));
  };
  // Roll-ups per area are for the site: computed on first use, so `check` never pays for them.
  let areas: Map<string, AreaFigures> | undefined;
  const rollup = () =>
    (areas ??= areaRollup({
      hierarchy,
      coverage: coverageDetails,
      cadreAreas,
      attendance: attendanceRows,
      silent,
      issues: reports?.issues ?? [],
      quarter,
      overdueDays: config.overdueDays,
    }));

  const totals = attendanceRate(attendanceRows);
  const figures: QuarterFigures = {
    quarter: quarter.id,
    counts: { units: units.length, cadres: cadres.length, assignments: assignments.length, reports: reports?.rows ?? 0 },
    coverage: coverageDetails.map((d) => ({ ...d.figure, ratio: round3(d.figure.ratio) })),
    activity: reports
      ? { attendanceRate: round3(totals.rate), silentCadres: silent.length, monthsDue: totals.due, monthsAttended: totals.attended }
      : null,
    issues: reports ? issueFigures(reports.issues, quarter, config.overdueDays) : null,
  };
  return {
    data, hierarchy, active, coverage: coverageDetails, pairActive, attendance: attendanceRows, silent, figures,
    get areas() {
      return rollup();
    },
  };
}
