import type { QuarterAnalysis, QuarterFigures } from '../analyse.ts';
import { type GrainFigures, type Grouping, membershipOf, regionGrouping, rollUp } from '../grains.ts';
import type { Quarter } from '../types.ts';
import { departmentFigures, teamFigures } from './scorecards.ts';
import type { DepartmentFigures, TeamFigures } from './types.ts';

/**
 * All the site model reads of a quarter other than the current one: its figures at the root, the
 * units unattended (streaks, chronic units), the assignments followed (changes between quarters)
 * and each working group's and department's figures (their history). It is small beside the
 * analysis, so a build keeps one per quarter and caches it, and analyses the current quarter alone.
 */
export interface QuarterSummary {
  quarter: Quarter;
  figures: QuarterFigures;
  root: GrainFigures;
  /** Per pair, flattened in config order: a unit unattended in two pairs is listed twice. */
  unattendedIds: string[];
  /** The active assignments of every pair, flattened in config order. */
  followed: { cadreId: string; unitId: string }[];
  teams: [team: string, figures: TeamFigures][];
  departments: [department: string, figures: DepartmentFigures][];
  /**
   * Each area's figures but the residents' groups' (which have no page): each unit above them and
   * each region, by area key, for the regions' history and every area's change since last quarter.
   */
  areas: Map<string, GrainFigures>;
}

/**
 * With `areasWhenRead`, the areas are rolled up the first time they are read: for the current
 * quarter, whose analysis is kept anyway, since `check` never reads them (a build does, and
 * caching the summary does). An older quarter's summary must not hold on to its analysis.
 */
export function summariseQuarter(q: QuarterAnalysis, areasWhenRead = false): QuarterSummary {
  const summary = {
    quarter: q.data.quarter,
    figures: q.figures,
    root: q.root,
    unattendedIds: q.coverage.flatMap((d) => d.unattendedIds),
    followed: q.pairActive.flat().map((a) => ({ cadreId: a.cadreId, unitId: a.unitId })),
    teams: q.scorecards.teams.map((t): [string, TeamFigures] => [t.team, teamFigures(t)]),
    departments: q.scorecards.departments.map((d): [string, DepartmentFigures] => [d.department, departmentFigures(d)]),
  };
  return areasWhenRead ? withAreasWhenRead(summary, q) : { ...summary, areas: pageAreas(q) };
}

/** A getter in a scope of its own, so only a summary made this way keeps its analysis. */
function withAreasWhenRead(summary: Omit<QuarterSummary, 'areas'>, q: QuarterAnalysis): QuarterSummary {
  let areas: Map<string, GrainFigures> | undefined;
  return Object.defineProperty(summary, 'areas', { get: () => (areas ??= pageAreas(q)), enumerable: true }) as QuarterSummary;
}

/** The areas above the residents' groups and the regions: one pass with those keys alone, not every group's. */
function pageAreas(q: QuarterAnalysis): Map<string, GrainFigures> {
  const { hierarchy } = q;
  const aboveGroups: Grouping = {
    unit: (u) => [u, ...hierarchy.ancestors(u.id)].filter((a) => a.level !== 'group').map((a) => a.id),
  };
  return rollUp(q.facts, membershipOf(q.facts, [aboveGroups, regionGrouping(hierarchy)]));
}
