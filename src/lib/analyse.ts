import { type GrainFigures, type IssueFigures, type Membership, type QuarterFacts, areaGrouping, membershipOf, regionGrouping, rollUp, wholeExport } from './grains.ts';
import { attendanceTypesOf } from './config.ts';
import { buildHierarchy, type Hierarchy } from './hierarchy.ts';
import type { ExportData } from './ingest/export.ts';
import { activeAssignments } from './metrics/active.ts';
import { type AssignmentAttendance, attendance } from './metrics/attendance.ts';
import { type CoverageDetail, coverage } from './metrics/coverage.ts';
import { mappedAssignments, pairAssignments } from './metrics/pairs.ts';
import { round3 } from './metrics/ratio.ts';
import { silentCadres } from './metrics/silent.ts';
import { type PublishedScorecards, type Scorecards, publishScorecards, scorecards } from './scorecards.ts';
import type { Assignment, Config, CoveragePair } from './types.ts';

/** One pair's figures as published: `ratio` = cadres / units, rounded to three decimals. */
export interface CoverageFigure {
  cadreLevel: CoveragePair['cadreLevel'];
  unitLevel: CoveragePair['unitLevel'];
  cadres: number;
  units: number;
  ratio: number | null;
  covered: number;
  unattended: number;
  overloaded: number;
  idle: number;
}

/** The published figures of one quarter: what `check --json` prints. */
export interface QuarterFigures {
  quarter: string;
  counts: { units: number; cadres: number; assignments: number; reports: number };
  coverage: CoverageFigure[];
  /** null when the export has no reports.csv. */
  activity: { attendanceRate: number | null; silentCadres: number; monthsDue: number; monthsAttended: number } | null;
  issues: IssueFigures | null;
  /** Every working group's and department's scorecard (see scorecards.ts). */
  teams: PublishedScorecards['teams'];
  departments: PublishedScorecards['departments'];
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
  facts: QuarterFacts;
  /** The export as a whole: the root area's figures. */
  root: GrainFigures;
  /** Which areas (each unit with its ancestors, each region) every unit, cadre and issue counts in. */
  membership: Membership;
  /** Every area's figures, keyed by unit id or region key. */
  areas: Map<string, GrainFigures>;
  /** Working groups and departments, side by side. */
  scorecards: Scorecards;
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
  // Each mapped assignment belongs to the one pair of its cadre's and its unit's levels.
  const pairOf = (a: Assignment) => config.coverage.find((p) => p.cadreLevel === cadreById.get(a.cadreId)!.level && p.unitLevel === hierarchy.byId.get(a.unitId)!.level)!;
  const attendanceRows = reports ? attendance(mapped, quarter, reports.attended, (a) => attendanceTypesOf(pairOf(a))) : [];
  const silent = reports ? silentCadres(active, reports.byCadre) : [];
  const facts: QuarterFacts = {
    quarter, overdueDays: config.overdueDays, units: hierarchy.byId, cadres: cadreById,
    coverage: coverageDetails, attendance: attendanceRows, silent, issues: reports?.issues ?? [],
  };

  // Working groups show both kinds of meeting side by side, whatever their pairs count as attendance.
  const activity = reports && {
    meetingAttendance: attendance(mapped, quarter, reports.attended, () => ['meeting']),
    branchMeetingAttendance: attendance(mapped, quarter, reports.attended, () => ['branch_meeting']),
    byCadre: reports.byCadre,
  };
  const cards = scorecards(facts, activity);

  // One export is one tree (validation refuses a second root). `check` needs the root alone;
  // the areas are for the site, computed on first use so `check` never pays for them.
  const rootId = hierarchy.roots[0]!.id;
  const root = rollUp(facts, wholeExport(rootId)).get(rootId)!;
  const membership = membershipOf(facts, [areaGrouping(hierarchy), regionGrouping(hierarchy)]);
  let areas: Map<string, GrainFigures> | undefined;
  return {
    data, hierarchy, active, coverage: coverageDetails, pairActive, attendance: attendanceRows, silent, facts, root, membership, scorecards: cards,
    figures: publish(data, config, root, cards),
    get areas() {
      return (areas ??= rollUp(facts, membership));
    },
  };
}

/** The root's figures as `check --json` prints them: ratios rounded to three decimals. */
function publish({ quarter, units, cadres, assignments, reports }: ExportData, config: Config, root: GrainFigures, cards: Scorecards): QuarterFigures {
  return {
    quarter: quarter.id,
    counts: { units: units.length, cadres: cadres.length, assignments: assignments.length, reports: reports?.rows ?? 0 },
    coverage: root.coverage.map((c, i) => ({
      cadreLevel: config.coverage[i]!.cadreLevel, unitLevel: config.coverage[i]!.unitLevel,
      cadres: c.cadres, units: c.units, ratio: round3(c.ratio), covered: c.covered, unattended: c.unattended, overloaded: c.overloaded, idle: c.idle,
    })),
    activity: reports
      ? { attendanceRate: round3(root.attendance.rate), silentCadres: root.silentCadres, monthsDue: root.attendance.due, monthsAttended: root.attendance.attended }
      : null,
    issues: reports ? root.issues : null,
    ...publishScorecards(cards, config.coverage),
  };
}
