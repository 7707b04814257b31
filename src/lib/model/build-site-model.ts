import { attendanceByMonth, changeSince, grainChangeSince } from '../grains.ts';
import type { LoadedData } from '../load.ts';
import type { Plan } from '../plan/plan.ts';
import { buildCadres } from './cadres.ts';
import { modelContext } from './context.ts';
import { buildLists } from './lists.ts';
import { areaMembers, mapEntry } from './members.ts';
import { publishPolicy } from './policy.ts';
import { buildRegions } from './regions.ts';
import { buildScorecards } from './scorecards.ts';
import { SITE_MODEL_VERSION, type IssueEntry, type SiteModel } from './types.ts';
import { buildUnits } from './units.ts';

export interface SiteModelInput {
  loaded: LoadedData;
  /** The build stamp, injected so the same export gives the same model. */
  builtAt: string;
  files: { quarter: string; name: string; bytes: number; sha256: string }[];
  /** Ids of the units that have a boundary feature. */
  boundaryIds: Set<string>;
  /** The reassignment plan for next quarter, when one was made. */
  plan?: Plan;
}

/** Turns the analysed quarters into the one JSON document the pages render. */
export function buildSiteModel({ loaded, builtAt, files, boundaryIds, plan }: SiteModelInput): SiteModel {
  const { config, quarters } = loaded;
  const ctx = modelContext(loaded, publishPolicy(config), boundaryIds);
  const { current, previous } = ctx;
  const quarter = current.data.quarter;
  const cadres = buildCadres(ctx);
  const members = areaMembers(ctx, cadres);
  const units = buildUnits(ctx, members);
  // Without a prototype, so an id such as `__proto__` is a key like any other.
  const issues: Record<string, IssueEntry> = Object.create(null);
  for (const issue of ctx.issues) issues[issue.id] = issue;
  return {
    version: SITE_MODEL_VERSION,
    builtAt,
    title: config.title,
    publishNames: config.publishNames,
    tileUrl: config.tileUrl,
    siteUrl: config.siteUrl,
    tileAttribution: config.tileAttribution,
    overdueDays: config.overdueDays,
    thresholds: config.thresholds,
    quarter: { id: quarter.id, start: quarter.start, end: quarter.end },
    quarters: quarters.map((q) => q.quarter.id),
    pairs: config.coverage,
    files,
    figures: current.figures,
    previous: previous?.figures ?? null,
    root: current.root,
    sinceLastQuarter: changeSince(current.root, config.coverage, previous?.root ?? null, config.coverage),
    activitySinceLastQuarter: grainChangeSince(current.root, previous?.root ?? null, config.coverage)?.activity ?? null,
    history: quarters.map((q) => q.figures),
    rootHistory: quarters.map((q) => q.root),
    attendanceByMonth: attendanceByMonth(current.attendance, quarter),
    rootIds: current.hierarchy.roots.map((u) => u.id),
    units,
    cadres,
    issues,
    regions: buildRegions(ctx, members, cadres),
    ...buildScorecards(ctx),
    map: mapEntry(ctx),
    ...buildLists(ctx, cadres),
    plan: plan ? { quarter: plan.quarter, effectiveFrom: plan.effectiveFrom, maxChanges: plan.maxChanges, pairs: plan.pairs } : null,
  };
}
