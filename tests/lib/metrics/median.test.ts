import { describe, expect, it } from 'vitest';
import { median } from '../../../src/lib/metrics/median.ts';

describe('median(values)', () => {
  it('takes the middle of an odd count', () => expect(median([9, 1, 4])).toBe(4));
  it('averages the two middles of an even count', () => expect(median([10, 4, 1, 30])).toBe(7));
  it('is null for no values', () => expect(median([])).toBeNull());
});
