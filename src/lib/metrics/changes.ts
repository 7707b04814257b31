import type { Assignment } from '../types.ts';

type Followed = Pick<Assignment, 'cadreId' | 'unitId'>;

export interface AssignmentMove {
  cadreId: string;
  fromUnitId: string;
  toUnitId: string;
}

export interface AssignmentChanges {
  added: { cadreId: string; unitId: string }[];
  ended: { cadreId: string; unitId: string }[];
  /** Same cadre, other unit: an ended and an added assignment of one cadre, paired in id order. */
  moved: AssignmentMove[];
}

/**
 * What changed between the active assignments of two consecutive exports. A cadre who left one
 * unit and took another counts as one move, not as one ended and one added.
 * Example: A on u1 → A on u2 is a move; B on u3 → B on u3 and u4 is an addition.
 */
export function assignmentChanges(previous: Followed[], current: Followed[]): AssignmentChanges {
  const unitsOf = (list: Followed[]) => {
    const map = new Map<string, Set<string>>();
    for (const a of list) map.set(a.cadreId, (map.get(a.cadreId) ?? new Set()).add(a.unitId));
    return map;
  };
  const before = unitsOf(previous);
  const after = unitsOf(current);
  const result: AssignmentChanges = { added: [], ended: [], moved: [] };
  for (const cadreId of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const old = before.get(cadreId) ?? new Set<string>();
    const now = after.get(cadreId) ?? new Set<string>();
    const ended = [...old].filter((u) => !now.has(u)).sort();
    const added = [...now].filter((u) => !old.has(u)).sort();
    const moves = Math.min(ended.length, added.length);
    for (let i = 0; i < moves; i++) result.moved.push({ cadreId, fromUnitId: ended[i]!, toUnitId: added[i]! });
    for (const unitId of ended.slice(moves)) result.ended.push({ cadreId, unitId });
    for (const unitId of added.slice(moves)) result.added.push({ cadreId, unitId });
  }
  return result;
}

/** Units unattended in both exports (chronic), in id order. */
export function chronicUnattended(previousUnattended: string[], currentUnattended: string[]): string[] {
  const before = new Set(previousUnattended);
  return currentUnattended.filter((id) => before.has(id)).sort();
}
