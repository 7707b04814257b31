import { describe, expect, it } from 'vitest';
import { isActive } from '../../../src/lib/metrics/active.ts';
import { parseQuarter } from '../../../src/lib/quarter.ts';

const q4 = parseQuarter('2017-Q4')!;
const a = (start: string | null, end: string | null) => ({ cadreId: 'c', unitId: 'u', role: 'lead' as const, start, end, line: 2 });

describe('isActive(assignment, quarter) holds on the quarter’s last day', () => {
  it.each([
    [null, null, true],
    ['2017-12-31', null, true],
    ['2018-01-01', null, false],
    [null, '2017-12-31', true],
    [null, '2017-12-30', false],
    ['2016-01-01', '2018-06-30', true],
  ])('start %s, end %s → %s', (start, end, expected) => {
    expect(isActive(a(start, end), q4)).toBe(expected);
  });
});
