import { regionKey } from '../hierarchy.ts';
import { slugify } from '../slug.ts';
import type { ModelContext } from './context.ts';
import type { AreaMembers } from './members.ts';
import { areaChange } from './units.ts';
import type { CadreEntry, RegionEntry } from './types.ts';

/** One entry per region named in units.csv, in Vietnamese order. */
export function buildRegions(ctx: ModelContext, members: AreaMembers, cadres: Record<string, CadreEntry>): RegionEntry[] {
  const { units } = ctx.current.data;
  const names = [...new Set(units.map((u) => u.region).filter((r): r is string => r !== null))].sort((a, b) => a.localeCompare(b, 'vi'));
  const last = ctx.loaded.quarters.length - 1;
  const byQuarter = names.length === 0 ? [] : ctx.loaded.quarters.map((q, i) => (i === last ? ctx.current.areas : q.areas));
  return names.map((name) => {
    const key = regionKey(name);
    const cadreIds = members.cadres.get(key) ?? [];
    return {
      id: key, slug: slugify(name), name, unitIds: units.filter((u) => u.region === name).map((u) => u.id),
      teams: [...new Set(cadreIds.map((id) => cadres[id]!.team).filter((t): t is string => t !== null))].sort(),
      area: ctx.current.areas.get(key)!, history: byQuarter.map((areas) => areas.get(key) ?? null), change: areaChange(ctx, key), cadreIds, issueIds: members.issues.get(key) ?? [], mapIds: members.mapIds.get(key) ?? [],
    };
  });
}
