import { ancestorAtLevel, chooseMapLevel, hasLocation } from '../map-payload.ts';
import type { UnitLevel } from '../types.ts';
import { type ModelContext, pushTo } from './context.ts';
import { byActionOrder } from './rank.ts';
import type { CadreEntry, SiteModel } from './types.ts';

/** Who and what each area lists, by the membership the figures are counted with. */
export interface AreaMembers {
  /** Cadres counted in the area, provincial then district cadres first, then by urgency (see byActionOrder). */
  cadres: Map<string, string[]>;
  /** Issues about units of the area, most urgent first. */
  issues: Map<string, string[]>;
  /** Units the area's map shows (see SiteModel.map). */
  mapIds: Map<string, string[]>;
}

export function areaMembers(ctx: ModelContext, cadreEntries: Record<string, CadreEntry>): AreaMembers {
  const { current } = ctx;
  const { membership, data } = current;
  const issues = new Map<string, string[]>();
  const issueById = new Map((data.reports?.issues ?? []).map((i) => [i.reportId, i]));
  for (const issue of ctx.issues) for (const area of membership.issue(issueById.get(issue.id)!)) pushTo(issues, area, issue.id);

  const cadres = new Map<string, string[]>();
  for (const id of byActionOrder(data.cadres.map((c) => c.id), cadreEntries)) for (const area of membership.cadreInAnyPair(id)) pushTo(cadres, area, id);

  return { cadres, issues, mapIds: mapIdsInAreas(ctx) };
}

/** The map of the first pair's followed level (see chooseMapLevel for what is drawn in its place). */
export function mapEntry(ctx: ModelContext): SiteModel['map'] {
  const { level, units, choice } = mapChoice(ctx);
  return units.length === 0 ? null : {
    level, drawn: choice.drawn, drawing: choice.drawing,
    missingBoundary: units.filter((u) => !ctx.boundaryIds.has(u.id)).map((u) => u.id),
  };
}

function mapChoice(ctx: ModelContext) {
  const level: UnitLevel = ctx.loaded.config.coverage[0]!.unitLevel;
  const all = ctx.current.data.units;
  return { level, units: all.filter((u) => u.level === level), choice: chooseMapLevel(level, all, (id) => ctx.boundaryIds.has(id)) };
}

/** What each area's map shows of a followed unit: itself, or the drawn area holding it and, when it has a location, its point. */
function mapIdsInAreas(ctx: ModelContext): Map<string, string[]> {
  const { hierarchy, membership } = ctx.current;
  const { units, choice } = mapChoice(ctx);
  const sets = new Map<string, Set<string>>();
  for (const u of units) {
    let shown = [u.id];
    if (choice.drawing === 'ancestor') {
      const area = ancestorAtLevel(u.id, choice.drawn!, (id) => hierarchy.byId.get(id));
      shown = [...(area === null ? [] : [area]), ...(hasLocation(u) ? [u.id] : [])];
    }
    for (const area of membership.unit(u.id)) {
      const set = sets.get(area) ?? new Set<string>();
      for (const id of shown) set.add(id);
      sets.set(area, set);
    }
  }
  return new Map([...sets].map(([area, ids]) => [area, [...ids]]));
}
