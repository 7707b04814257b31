import type { GrainFigures } from './grains.ts';
import { ratio, round3 } from './metrics/ratio.ts';
import type { DepartmentFigures, TeamFigures } from './model/types.ts';
import type { Better } from './thresholds.ts';

/**
 * The figures a side-by-side page puts in one row per working group, department or region, each
 * one number (a count or a rate rounded to three decimals, as shown), with the way it should move
 * and the stated line it is held to. Shares are summed over the level pairs, then divided once.
 */
export interface FigureSpec<K extends string = string> {
  key: K;
  kind: 'rate' | 'count';
  /** null: neither more nor fewer is better (members, units, issues raised). */
  better: Better | null;
  /** The threshold a level figure falls short of (see `shortfall` in thresholds.ts). */
  line?: 'attendance' | 'coverage' | 'responseDays';
}

const spec = <K extends string>(key: K, kind: FigureSpec['kind'], better: Better | null, line?: FigureSpec['line']): FigureSpec<K> => ({ key, kind, better, ...(line ? { line } : {}) });

const ISSUE_FIGURES = [spec('raised', 'count', null), spec('responded', 'count', 'up'), spec('medianDays', 'count', 'down', 'responseDays'), spec('overdue', 'count', 'down')];
const COVERAGE_FIGURES = [spec('units', 'count', null), spec('covered', 'count', 'up'), spec('unattended', 'count', 'down'), spec('coverageRate', 'rate', 'up', 'coverage')];

export const TEAM_FIGURES = [
  spec('members', 'count', null), ...COVERAGE_FIGURES,
  // Only attendance by each pair's own rule is held to the line: in Can Lộc commune cadres attend
  // branch meetings, so their meeting attendance alone is low by design.
  spec('attendance', 'rate', 'up', 'attendance'), spec('meetingAttendance', 'rate', 'up'), spec('branchMeetingAttendance', 'rate', 'up'),
  spec('visits', 'count', 'up'), ...ISSUE_FIGURES, spec('silentMembers', 'count', 'down'),
] as const;
export type TeamFigureKey = (typeof TEAM_FIGURES)[number]['key'];

export const REGION_FIGURES = [spec('members', 'count', null), ...COVERAGE_FIGURES, spec('attendance', 'rate', 'up', 'attendance'), ...ISSUE_FIGURES, spec('silentMembers', 'count', 'down')] as const;
export type RegionFigureKey = (typeof REGION_FIGURES)[number]['key'];

/** A department: the issues it received, then the units it sponsors (`units`, `covered`, … are theirs). */
export const DEPARTMENT_FIGURES = [...ISSUE_FIGURES, spec('oldestDaysOpen', 'count', 'down'), ...COVERAGE_FIGURES, spec('attendance', 'rate', 'up', 'attendance')] as const;
export type DepartmentFigureKey = (typeof DEPARTMENT_FIGURES)[number]['key'];

export type FigureValues<K extends string> = Record<K, number | null>;

/** Units, covered and unattended summed over the pairs, and the covered share of that sum. */
function coverageValues(coverage: readonly { units: number; covered: number; unattended: number }[]) {
  const sum = (k: 'units' | 'covered' | 'unattended') => coverage.reduce((n, c) => n + c[k], 0);
  const units = sum('units');
  const covered = sum('covered');
  return { covered, unattended: sum('unattended'), coverageRate: round3(ratio(covered, units)) };
}

function issueValues(issues: GrainFigures['issues'] | null) {
  return {
    raised: issues?.raised ?? null, responded: issues?.responded ?? null,
    medianDays: issues?.medianDaysToResponse ?? null, overdue: issues?.overdue ?? null,
  };
}

/**
 * A working group's row: members and the units they follow (any pair), covered and unattended
 * over the pairs, attendance as configured and by meetings and branch meetings alone, visit
 * reports, issues, and silent members; the activity figures are null without reports.csv.
 */
export function teamValues(f: TeamFigures): FigureValues<TeamFigureKey> {
  const a = f.activity;
  return {
    members: f.members, units: f.units, ...coverageValues(f.coverage),
    attendance: a && round3(a.attendance.rate), meetingAttendance: a && round3(a.meetingAttendance.rate), branchMeetingAttendance: a && round3(a.branchMeetingAttendance.rate),
    visits: a && a.visits.numerator, ...issueValues(a?.issues ?? null), silentMembers: a && a.silentMembers.numerator,
  };
}

/**
 * A region's row from its area figures: its cadres (`members`, those homed in it or following a
 * unit in it; null where not known, in an earlier quarter), the units of the followed levels in it, attendance, issues and silent cadres.
 */
export function regionValues(area: GrainFigures, cadres: number | null): FigureValues<RegionFigureKey> {
  return {
    members: cadres, units: area.coverage.reduce((n, c) => n + c.units, 0), ...coverageValues(area.coverage),
    attendance: round3(area.attendance.rate), ...issueValues(area.issues), silentMembers: area.silentCadres,
  };
}

/**
 * A department's row: the issues referred to it (null without reports.csv), how long its oldest
 * unanswered one has waited (`ageDays` of that issue, null when none), the units it sponsors with
 * their coverage over the pairs and the attendance at them.
 */
export function departmentValues(f: DepartmentFigures, oldestDaysOpen: number | null): FigureValues<DepartmentFigureKey> {
  return {
    ...issueValues(f.issues), oldestDaysOpen,
    units: f.sponsored.units.length, ...coverageValues(f.sponsored.coverage),
    attendance: f.sponsored.attendance && round3(f.sponsored.attendance.rate),
  };
}

export interface FigureTrend {
  value: number | null;
  /** This quarter's value minus last quarter's; null when either is missing. */
  change: number | null;
  /** The value in every quarter, oldest first, the current one last. */
  series: (number | null)[];
}

/**
 * Each figure's value now, its change since the quarter before and its values over the quarters,
 * from the row's values in every quarter (null where the group did not exist). A rate's change
 * is rounded to three decimals, as the rates are.
 */
export function figureTrends<K extends string>(specs: readonly FigureSpec<K>[], history: readonly (FigureValues<K> | null)[]): Record<K, FigureTrend> {
  const now = history.at(-1) ?? null;
  const before = history.length > 1 ? history.at(-2) ?? null : null;
  const out = {} as Record<K, FigureTrend>;
  for (const { key, kind } of specs) {
    const value = now?.[key] ?? null;
    const then = before?.[key] ?? null;
    const change = value === null || then === null ? null : kind === 'rate' ? round3(value - then) : value - then;
    out[key] = { value, change, series: history.map((v) => v?.[key] ?? null) };
  }
  return out;
}
