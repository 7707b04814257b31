import type { Assignment, Cadre, CoveragePair, Unit } from '../types.ts';

/** Who follows what for one level pair; the grain module counts it (see grains.ts). */
export interface CoverageDetail {
  pair: CoveragePair;
  unattendedIds: string[];
  overloadedIds: string[];
  idleIds: string[];
  /** The units each cadre of the level follows (none for idle ones). */
  unitsOfCadre: Map<string, Set<string>>;
}

/**
 * Coverage of one level pair: the units of the followed level with no active assignment from a
 * cadre of the pair's level (any role counts), the cadres on more than one such unit and those
 * on none. `pairActive` must hold only the pair's active assignments (see pairAssignments).
 */
export function coverage(pair: CoveragePair, units: Unit[], cadres: Cadre[], pairActive: Assignment[]): CoverageDetail {
  const pairUnits = units.filter((u) => u.level === pair.unitLevel);
  const pairCadres = cadres.filter((c) => c.level === pair.cadreLevel);
  const coveredIds = new Set(pairActive.map((a) => a.unitId));
  const unitsOfCadre = new Map(pairCadres.map((c) => [c.id, new Set<string>()]));
  for (const a of pairActive) unitsOfCadre.get(a.cadreId)?.add(a.unitId);
  const unattendedIds = pairUnits.filter((u) => !coveredIds.has(u.id)).map((u) => u.id);
  const overloadedIds = pairCadres.filter((c) => unitsOfCadre.get(c.id)!.size > 1).map((c) => c.id);
  const idleIds = pairCadres.filter((c) => unitsOfCadre.get(c.id)!.size === 0).map((c) => c.id);
  return {
    pair,
    unattendedIds,
    overloadedIds,
    idleIds,
    unitsOfCadre,
  };
}
