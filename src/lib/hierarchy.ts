import type { Unit } from './types.ts';

/** The unit tree of one export, with region groupings, for looking up where a unit belongs. */
export interface Hierarchy {
  byId: Map<string, Unit>;
  children: Map<string, Unit[]>;
  roots: Unit[];
  /** The region of a unit: its own, or the nearest ancestor's. */
  regionOf(unitId: string): string | null;
  ancestors(unitId: string): Unit[];
}

export const regionKey = (name: string): string => `region:${name}`;

/** Builds the tree; assumes validation has ruled out cycles and unknown parents. */
export function buildHierarchy(units: Unit[]): Hierarchy {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string, Unit[]>();
  const roots: Unit[] = [];
  for (const unit of units) {
    const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
    if (!parent) roots.push(unit);
    else {
      const siblings = children.get(parent.id);
      if (siblings) siblings.push(unit);
      else children.set(parent.id, [unit]);
    }
  }
  const regionCache = new Map<string, string | null>();

  const ancestors = (unitId: string): Unit[] => {
    const chain: Unit[] = [];
    let current = byId.get(unitId);
    while (current?.parentId != null && chain.length <= byId.size) {
      const parent = byId.get(current.parentId);
      if (!parent) break;
      chain.push(parent);
      current = parent;
    }
    return chain;
  };
  const regionOf = (unitId: string): string | null => {
    if (regionCache.has(unitId)) return regionCache.get(unitId)!;
    const unit = byId.get(unitId);
    const region = !unit ? null : unit.region ?? (unit.parentId === null ? null : regionOf(unit.parentId));
    regionCache.set(unitId, region);
    return region;
  };
  return { byId, children, roots, regionOf, ancestors };
}
