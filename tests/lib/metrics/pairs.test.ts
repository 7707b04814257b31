import { describe, expect, it } from 'vitest';
import { mappedAssignments } from '../../../src/lib/metrics/pairs.ts';
import type { Cadre, Unit } from '../../../src/lib/types.ts';

const cadre = { id: 'P1', level: 'province' } as Cadre;
const unit = { id: 'u1', level: 'commune' } as Unit;
const a = (start: string | null, line: number) => ({ cadreId: 'P1', unitId: 'u1', role: 'lead' as const, start, end: null, line });

describe('mappedAssignments(pairs, active, cadres, units)', () => {
  it('keeps one assignment per cadre and unit, the one that started first', () => {
    const kept = mappedAssignments([{ cadreLevel: 'province', unitLevel: 'commune' }], [a('2017-11-20', 2), a(null, 3)], new Map([['P1', cadre]]), new Map([['u1', unit]]));
    expect(kept.map((k) => k.line)).toEqual([3]);
  });
});
