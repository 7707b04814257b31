import type { Assignment, Cadre, CoveragePair, Unit } from '../types.ts';

/**
 * The active assignments that count for a pair: from a cadre of the pair's level to a unit
 * of its followed level. Other levels count for no pair.
 */
export function pairAssignments(pair: CoveragePair, active: Assignment[], cadreById: Map<string, Cadre>, unitById: Map<string, Unit>): Assignment[] {
  return active.filter((a) => cadreById.get(a.cadreId)?.level === pair.cadreLevel && unitById.get(a.unitId)?.level === pair.unitLevel);
}

/**
 * Active assignments of any pair of the mapping, one per cadre and unit: where an export repeats
 * a cadre and unit, the earliest start stands, since the cadre has followed the unit since then.
 */
export function mappedAssignments(pairs: CoveragePair[], active: Assignment[], cadreById: Map<string, Cadre>, unitById: Map<string, Unit>): Assignment[] {
  const byKey = new Map<string, Assignment>();
  for (const pair of pairs) {
    for (const a of pairAssignments(pair, active, cadreById, unitById)) {
      const key = `${a.cadreId}\t${a.unitId}`;
      const kept = byKey.get(key);
      if (!kept || (a.start ?? '') < (kept.start ?? '')) byKey.set(key, a);
    }
  }
  return [...byKey.values()];
}
