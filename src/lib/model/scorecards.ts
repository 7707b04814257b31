import { type DepartmentScorecard, departmentKey, type TeamScorecard, teamKey } from '../scorecards.ts';
import { slugify } from '../slug.ts';
import type { ModelContext } from './context.ts';
import type { DepartmentFigures, DepartmentScorecardEntry, SiteModel, TeamEntry, TeamFigures } from './types.ts';

/**
 * Every working group and every department of the current quarter, with its figures in each
 * quarter of `exports/` (null where it did not exist), for the side-by-side and scorecard pages.
 */
export function buildScorecards(ctx: ModelContext): Pick<SiteModel, 'teams' | 'departmentScorecards'> {
  const quarters = ctx.loaded.quarters;
  const teamsIn = quarters.map((q) => new Map(q.teams));
  const departmentsIn = quarters.map((q) => new Map(q.departments));
  const teamSlugs = uniqueSlugs();
  const departmentSlugs = uniqueSlugs();
  return {
    teams: ctx.current.scorecards.teams.map((t): TeamEntry => ({
      id: teamKey(t.team), slug: teamSlugs(t.team), name: t.team, memberIds: t.members, unitIds: t.units,
      figures: teamFigures(t),
      history: teamsIn.map((m) => m.get(t.team) ?? null),
    })),
    departmentScorecards: ctx.current.scorecards.departments.map((d): DepartmentScorecardEntry => ({
      id: departmentKey(d.department), slug: departmentSlugs(d.department), name: d.department,
      sponsoredIds: d.sponsored.units.map((u) => u.unitId),
      figures: departmentFigures(d),
      history: departmentsIn.map((m) => m.get(d.department) ?? null),
    })),
  };
}

export function teamFigures(t: TeamScorecard): TeamFigures {
  return { members: t.members.length, units: t.units.length, coverage: t.coverage, activity: t.activity };
}

/** The oldest unanswered issue by id: the issue itself is in the model's issues. */
export function departmentFigures({ issues, sponsored }: DepartmentScorecard): DepartmentFigures {
  if (!issues) return { issues: null, sponsored };
  const { oldestUnanswered, ...received } = issues;
  return { issues: { ...received, oldestUnansweredId: oldestUnanswered?.issue.reportId ?? null }, sponsored };
}

/** Slugs that stay distinct when two names fold alike (`Tổ 1`, `To 1`): the later gets `-2`, `-3`, … */
function uniqueSlugs(): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    const base = slugify(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  };
}
