import type { Findings } from './findings.ts';
import type { Assignment, Cadre, Config, Unit } from './types.ts';
import { unitLevelDepth } from './vocabulary.ts';

/** Ids of every row of units.csv and cadres.csv; null for a file that could not be read whole. */
export interface KnownIds {
  units: Set<string> | null;
  cadres: Set<string> | null;
}

/**
 * Checks the files against each other: references, the hierarchy (no cycle, parents above
 * their children) and the levels the mapping uses.
 */
export function validateExport(units: Unit[], cadres: Cadre[], assignments: Assignment[], config: Config, known: KnownIds, found: Findings): void {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const cadreById = new Map(cadres.map((c) => [c.id, c]));
  const inCycle = findCycles(units, unitById);
  const unknownUnit = (id: string) => known.units !== null && !known.units.has(id);
  const unknownCadre = (id: string) => known.cadres !== null && !known.cadres.has(id);

  for (const unit of units) {
    if (inCycle.has(unit.id)) {
      found.errors.push({ file: 'units.csv', line: unit.line, column: 'parent_id', value: unit.parentId, code: 'cycle', params: { path: inCycle.get(unit.id)! } });
      continue;
    }
    if (unit.parentId === null) continue;
    const parent = unitById.get(unit.parentId);
    if (unknownUnit(unit.parentId)) {
      found.errors.push({ file: 'units.csv', line: unit.line, column: 'parent_id', value: unit.parentId, code: 'unknown-parent' });
    } else if (parent && unitLevelDepth[parent.level] >= unitLevelDepth[unit.level]) {
      found.errors.push({ file: 'units.csv', line: unit.line, column: 'parent_id', value: unit.parentId, code: 'parent-level', params: { level: unit.level, parentLevel: parent.level } });
    }
  }

  for (const cadre of cadres) {
    if (unknownUnit(cadre.homeUnitId)) {
      found.errors.push({ file: 'cadres.csv', line: cadre.line, column: 'home_unit_id', value: cadre.homeUnitId, code: 'unknown-unit' });
      continue;
    }
    // A cadre belongs to the committee of a unit of their own level; another level is most likely a
    // slip of the column (a hamlet typed for the province), and would place the cadre in the wrong area.
    const home = unitById.get(cadre.homeUnitId);
    if (home && home.level !== cadre.level) {
      found.warnings.push({ file: 'cadres.csv', line: cadre.line, column: 'home_unit_id', value: cadre.homeUnitId, code: 'home-level', params: { cadreLevel: cadre.level, unitLevel: home.level } });
    }
  }

  const followed = new Map<string, Set<string>>();
  for (const pair of config.coverage) {
    if (!followed.has(pair.cadreLevel)) followed.set(pair.cadreLevel, new Set());
    followed.get(pair.cadreLevel)!.add(pair.unitLevel);
  }
  const seenAssignment = new Map<string, number>();
  for (const a of assignments) {
    const cadre = cadreById.get(a.cadreId);
    const unit = unitById.get(a.unitId);
    if (unknownCadre(a.cadreId)) found.errors.push({ file: 'assignments.csv', line: a.line, column: 'cadre_id', value: a.cadreId, code: 'unknown-cadre' });
    if (unknownUnit(a.unitId)) found.errors.push({ file: 'assignments.csv', line: a.line, column: 'unit_id', value: a.unitId, code: 'unknown-unit' });
    if (!cadre || !unit) continue;
    if (!followed.get(cadre.level)?.has(unit.level)) {
      found.warnings.push({ file: 'assignments.csv', line: a.line, column: 'unit_id', value: a.unitId, code: 'unexpected-level', params: { cadreLevel: cadre.level, unitLevel: unit.level } });
    }
    const key = `${a.cadreId}\t${a.unitId}\t${a.start ?? ''}`;
    if (seenAssignment.has(key)) {
      found.warnings.push({ file: 'assignments.csv', line: a.line, column: 'unit_id', value: a.unitId, code: 'duplicate-assignment', params: { first: seenAssignment.get(key)! } });
    } else seenAssignment.set(key, a.line);
  }

  if (known.units === null) return;
  // One export describes one tree: a second unit without a parent would be a second province.
  const roots = units.filter((u) => u.parentId === null);
  if (units.length === 0) found.errors.push({ file: 'units.csv', line: null, column: null, value: null, code: 'no-units' });
  for (const extra of roots.slice(1)) {
    found.errors.push({ file: 'units.csv', line: extra.line, column: 'parent_id', value: '', code: 'extra-root', params: { root: roots[0]!.id } });
  }
  const levelsPresent = new Set(units.map((u) => u.level));
  for (const pair of config.coverage) {
    if (!levelsPresent.has(pair.unitLevel)) {
      found.warnings.push({ file: 'config.json', line: null, column: 'coverage', value: `${pair.cadreLevel} → ${pair.unitLevel}`, code: 'pair-without-units' });
    }
  }
}

/** Walks up from every unit; a walk that comes back to a unit of its own path is a cycle. */
function findCycles(units: Unit[], unitById: Map<string, Unit>): Map<string, string> {
  const inCycle = new Map<string, string>();
  const done = new Set<string>();
  for (const start of units) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: Unit | undefined = start;
    while (current && !done.has(current.id) && !onPath.has(current.id)) {
      onPath.set(current.id, path.length);
      path.push(current.id);
      current = current.parentId === null ? undefined : unitById.get(current.parentId);
    }
    if (current && onPath.has(current.id)) {
      const cycle = path.slice(onPath.get(current.id)!);
      const text = [...cycle, cycle[0]].join(' → ');
      for (const id of cycle) inCycle.set(id, text);
    }
    for (const id of path) done.add(id);
  }
  return inCycle;
}
