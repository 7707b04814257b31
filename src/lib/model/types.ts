import type { Plan } from '../plan/plan.ts';
import type { QuarterFigures } from '../analyse.ts';
import type { ActivityChange, GrainChange, GrainFigures, IssueFigures, PairChange } from '../grains.ts';
import type { DepartmentScorecard, TeamScorecard } from '../scorecards.ts';
import type { MapDrawing } from '../map-payload.ts';
import type { CadreFlag, LoadLine } from '../status.ts';
import type { CadreLevel, CoveragePair, Issue, Thresholds, UnitLevel } from '../types.ts';

/** Bumped whenever the shape changes, so pages never read a model of another shape. */
export const SITE_MODEL_VERSION = 6;

export interface ProblemEntry {
  quarter: string | null;
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  code: string;
  message: { vi: string; en: string };
}

/** Coverage status of a unit for the pair that follows its level. */
export type UnitStatus = 'covered' | 'unattended' | 'none';

export interface UnitEntry {
  id: string;
  name: string;
  level: UnitLevel;
  kind: string | null;
  parentId: string | null;
  region: string | null;
  households: number | null;
  population: number | null;
  lat: number | null;
  lon: number | null;
  /** Whether a page is published for the unit (province, district, commune, hamlet). */
  hasPage: boolean;
  /** Whether a one-page A4 brief is published for it (district, commune). */
  hasBrief: boolean;
  childIds: string[];
  status: UnitStatus;
  /** Cadres with an active assignment of a mapped pair to this unit. */
  followerIds: string[];
  /** Consecutive quarters, up to the current one, in which the unit has been unattended. */
  unattendedQuarters: number;
  /** Attendance of the unit's followers at its meetings this quarter. */
  attendance: { due: number; attended: number; rate: number | null };
  /** Figures of the area below the unit; null for units with no page. */
  area: GrainFigures | null;
  /** How the area's figures moved since last quarter; null without a page or a previous quarter. */
  change: GrainChange | null;
  /** Cadres of the area (homed in it or following a unit in it); pages only. */
  cadreIds: string[];
  /** Issues about units of the area; pages only. */
  issueIds: string[];
  hasBoundary: boolean;
  /** Units the area's map shows: of the followed level, or the areas drawn in their place and the followed units with a location; pages only. */
  mapIds: string[];
  /** Silent cadres counted in the area (homed in it or following a unit in it); pages only. */
  silentIds: string[];
  /** Children, most in need first: most unattended units below, lowest coverage, lowest attendance. */
  urgentChildIds: string[];
}

export interface CadreEntry {
  id: string;
  /** The name, or position and id when names are not published. */
  displayName: string;
  level: CadreLevel;
  homeUnitId: string;
  position: string | null;
  field: string | null;
  team: string | null;
  hasPage: boolean;
  unitIds: string[];
  monthsDue: number;
  monthsAttended: number;
  /** monthsAttended / monthsDue; null when no meeting was due. */
  attendanceRate: number | null;
  reports: number;
  meetings: number;
  issues: number;
  issuesResponded: number;
  /** The cadre's issues unanswered past the overdue line. */
  overdueIssues: number;
  /** For each pair of the cadre's level, how many of its units the cadre follows. */
  loads: { pair: number; units: number }[];
  /** Every flag of the status rule (src/lib/status.ts) that applies, most urgent first. */
  flags: CadreFlag[];
  issueIds: string[];
}

/** An issue report as published: its id, and how long it waited and whether that is overdue. */
export interface IssueEntry extends Omit<Issue, 'reportId'> {
  id: string;
  daysToResponse: number | null;
  /** Days from the issue to the quarter's last day. */
  ageDays: number;
  overdue: boolean;
}

export interface RegionEntry {
  id: string;
  slug: string;
  name: string;
  unitIds: string[];
  teams: string[];
  area: GrainFigures;
  /** The region's figures in every quarter, oldest first, the current one last; null where it did not exist. */
  history: (GrainFigures | null)[];
  /** As UnitEntry.change. */
  change: GrainChange | null;
  cadreIds: string[];
  issueIds: string[];
  mapIds: string[];
}

/** A working group's figures in one quarter (see scorecards.ts): counts of members and units, every share with its parts. */
export interface TeamFigures {
  members: number;
  units: number;
  coverage: TeamScorecard['coverage'];
  activity: TeamScorecard['activity'];
}

export interface TeamEntry {
  /** `team:NAME`, the grain's key. */
  id: string;
  slug: string;
  name: string;
  memberIds: string[];
  unitIds: string[];
  figures: TeamFigures;
  /** The group's figures in every quarter, oldest first, the current one last; null where it did not exist. */
  history: (TeamFigures | null)[];
}

/** A department's figures in one quarter: the issues it received (null without reports.csv) and the units it sponsors. */
export interface DepartmentFigures {
  issues: (IssueFigures & { oldestUnansweredId: string | null }) | null;
  sponsored: DepartmentScorecard['sponsored'];
}

export interface DepartmentScorecardEntry {
  /** `department:NAME`, the grain's key. */
  id: string;
  slug: string;
  name: string;
  sponsoredIds: string[];
  figures: DepartmentFigures;
  /** As TeamEntry.history. */
  history: (DepartmentFigures | null)[];
}

export interface DepartmentEntry extends IssueFigures {
  /** '' for issues referred to no department. */
  department: string;
}

export interface QuarterChange {
  from: string;
  to: string;
  added: { cadreId: string; unitId: string }[];
  ended: { cadreId: string; unitId: string }[];
  moved: { cadreId: string; fromUnitId: string; toUnitId: string }[];
  chronic: string[];
}

export interface SiteModel {
  version: typeof SITE_MODEL_VERSION;
  builtAt: string;
  title: string;
  publishNames: boolean;
  tileUrl: string | null;
  /** The origin the site is served from, for absolute hreflang links; null: root-relative links. */
  siteUrl: string | null;
  tileAttribution: string | null;
  overdueDays: number;
  thresholds: Thresholds;
  quarter: { id: string; start: string; end: string };
  quarters: string[];
  pairs: CoveragePair[];
  files: { quarter: string; name: string; bytes: number; sha256: string }[];
  figures: QuarterFigures;
  previous: QuarterFigures | null;
  /** The export-wide figures unrounded, with every rate: the root area's. */
  root: GrainFigures;
  /** Per pair: the change of its counts since the previous quarter; null without one. */
  sinceLastQuarter: (PairChange | null)[];
  /** Attendance, silent cadres and issues: their change since the previous quarter; null without one. */
  activitySinceLastQuarter: ActivityChange | null;
  history: QuarterFigures[];
  /** The root's figures of every quarter, oldest first. */
  rootHistory: GrainFigures[];
  changes: QuarterChange[];
  attendanceByMonth: { month: string; due: number; attended: number }[];
  /** Per pair: how many cadres follow 0, 1, 2, … units of the pair's level. */
  loadHistograms: { unitsFollowed: number; cadres: number }[][];
  /** Days to response of every answered issue of the quarter, and how many wait for an answer. */
  responseDays: number[];
  unanswered: number;
  departments: DepartmentEntry[];
  topics: { topic: string; count: number }[];
  rootIds: string[];
  units: Record<string, UnitEntry>;
  cadres: Record<string, CadreEntry>;
  issues: Record<string, IssueEntry>;
  regions: RegionEntry[];
  /** Working groups and departments side by side, in Vietnamese order. */
  teams: TeamEntry[];
  departmentScorecards: DepartmentScorecardEntry[];
  /** Per pair: how many units a cadre may follow before it is flagged as overloaded, with the units and cadres it comes from. */
  loadLines: LoadLine[];
  /** Per pair: unattended unit ids, longest-unattended first. */
  unattended: string[][];
  /** Cadres flagged overloaded (above their pair's load line), idle and silent; provincial, then district cadres first, then by urgency. */
  overloadedIds: string[];
  idleIds: string[];
  silentIds: string[];
  /**
   * The map: `level` is the followed level (first pair's), `drawn` the level whose boundaries are
   * drawn (see chooseMapLevel), `missingBoundary` the followed units with no boundary.
   */
  map: { level: UnitLevel; drawn: UnitLevel | null; drawing: MapDrawing; missingBoundary: string[] } | null;
  warnings: ProblemEntry[];
  /** The proposed reassignment for next quarter (see src/lib/plan), null when none was made. */
  plan: Omit<Plan, 'assignments'> | null;
}
