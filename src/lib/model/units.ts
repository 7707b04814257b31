import { attendanceBy, grainChangeSince } from '../grains.ts';
import { type ModelContext, pushTo } from './context.ts';
import type { AreaMembers } from './members.ts';
import { byUrgency } from './rank.ts';
import type { UnitEntry, UnitStatus } from './types.ts';

/** Every unit of the current quarter as the pages show it; areas only for those with a page. */
export function buildUnits(ctx: ModelContext, members: AreaMembers): Record<string, UnitEntry> {
  const { current, policy } = ctx;
  const { data, hierarchy } = current;
  const followers = new Map<string, string[]>();
  for (const list of current.pairActive) for (const a of list) pushTo(followers, a.unitId, a.cadreId);
  // A unit's own attendance (its followers at its meetings) is the grain of the unit alone.
  const attendance = attendanceBy(current.attendance, (row) => [row.unitId]);
  const status = new Map<string, UnitStatus>();
  for (const detail of current.coverage) {
    const unattended = new Set(detail.unattendedIds);
    for (const u of data.units) if (u.level === detail.pair.unitLevel) status.set(u.id, unattended.has(u.id) ? 'unattended' : 'covered');
  }

  // Without a prototype, so an id such as `__proto__` is a key like any other.
  const units: Record<string, UnitEntry> = Object.create(null);
  for (const u of data.units) {
    const hasPage = policy.unitPage(u.level);
    const cadreIds = hasPage ? members.cadres.get(u.id) ?? [] : [];
    units[u.id] = {
      id: u.id, name: u.name, level: u.level, kind: u.kind, parentId: u.parentId, region: u.region,
      households: u.households, population: u.population, lat: u.lat, lon: u.lon, hasPage,
      childIds: (hierarchy.children.get(u.id) ?? []).map((c) => c.id),
      status: status.get(u.id) ?? 'none',
      followerIds: [...new Set(followers.get(u.id) ?? [])].sort(),
      unattendedQuarters: ctx.streak(u.id),
      attendance: attendance.get(u.id) ?? { due: 0, attended: 0, rate: null },
      hasBrief: policy.unitBrief(u.level),
      area: hasPage ? current.areas.get(u.id) ?? null : null,
      change: hasPage ? areaChange(ctx, u.id) : null,
      cadreIds,
      issueIds: hasPage ? members.issues.get(u.id) ?? [] : [],
      hasBoundary: ctx.boundaryIds.has(u.id),
      mapIds: hasPage ? members.mapIds.get(u.id) ?? [] : [],
      silentIds: cadreIds.filter((id) => ctx.silent.has(id)),
      urgentChildIds: [],
    };
  }
  for (const unit of Object.values(units)) if (unit.hasPage) unit.urgentChildIds = byUrgency(unit.childIds.map((id) => units[id]!));
  return units;
}

/** An area's change since last quarter, when it had figures then too. */
export function areaChange(ctx: ModelContext, key: string): UnitEntry['change'] {
  const now = ctx.current.areas.get(key);
  const before = ctx.previous?.areas.get(key);
  return now && before ? grainChangeSince(now, before, ctx.loaded.config.coverage) : null;
}
