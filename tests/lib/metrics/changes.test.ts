import { describe, expect, it } from 'vitest';
import { assignmentChanges, chronicUnattended } from '../../../src/lib/metrics/changes.ts';

const a = (cadreId: string, unitId: string) => ({ cadreId, unitId, role: 'lead' as const, start: null, end: null, line: 2 });

describe('assignmentChanges(previous, current)', () => {
  it('pairs a left and a taken unit of one cadre as a move', () => {
    const changes = assignmentChanges([a('A', 'u1'), a('B', 'u3'), a('C', 'u5')], [a('A', 'u2'), a('B', 'u3'), a('B', 'u4'), a('D', 'u6')]);
    expect(changes.moved).toEqual([{ cadreId: 'A', fromUnitId: 'u1', toUnitId: 'u2' }]);
    expect(changes.added).toEqual([{ cadreId: 'B', unitId: 'u4' }, { cadreId: 'D', unitId: 'u6' }]);
    expect(changes.ended).toEqual([{ cadreId: 'C', unitId: 'u5' }]);
  });
  it('finds nothing between identical quarters', () => {
    expect(assignmentChanges([a('A', 'u1')], [a('A', 'u1')])).toEqual({ added: [], ended: [], moved: [] });
  });
});

describe('chronicUnattended(previous, current)', () => {
  it('keeps units unattended in both quarters', () => {
    expect(chronicUnattended(['u3', 'u1', 'u2'], ['u2', 'u4', 'u1'])).toEqual(['u1', 'u2']);
  });
});
