import type { Assignment, Cadre, CoveragePair, Unit } from '../types.ts';
import { ratio } from './ratio.ts';

export interface CoverageFigure {
  cadreLevel: CoveragePair['cadreLevel'];
  unitLevel: CoveragePair['unitLevel'];
  cadres: number;
  units: number;
  /** cadres / units; null when there are no units. */
  ratio: number | null;
  covered: number;
  unattended: number;
  overloaded: number;
  idle: number;
}

export interface CoverageDetail {
  figure: CoverageFigure;
  unattendedIds: string[];
  overloadedIds: string[];
  idleIds: string[];
  /** The units each cadre of the level follows (none for idle ones). */
  unitsOfCadre: Map<string, Set<string>>;
}

/**
 * Coverage of one level pair: `cadres` of the cadre level, `units` of the followed level,
 * `covered` units with at least one active assignment from a cadre of that level (any role),
 * `overloaded` cadres on more than one such unit, `idle` cadres on none.
 * Example: 139 provincial cadres over 164 communes gives ratio 139 / 164.
 * `pairActive` must hold only the pair's active assignments (see pairAssignments).
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
  const covered = pairUnits.length - unattendedIds.length;
  return {
    figure: {
      cadreLevel: pair.cadreLevel,
      unitLevel: pair.unitLevel,
      cadres: pairCadres.length,
      units: pairUnits.length,
      ratio: ratio(pairCadres.length, pairUnits.length),
      covered,
      unattended: unattendedIds.length,
      overloaded: overloadedIds.length,
      idle: idleIds.length,
    },
    unattendedIds,
    overloadedIds,
    idleIds,
    unitsOfCadre,
  };
}
