import { describe, expect, it } from 'vitest';
import { parseQuarter, quarterMonths } from '../../src/lib/quarter.ts';

describe('parseQuarter(id)', () => {
  it('gives the first and last calendar day', () => {
    expect(parseQuarter('2017-Q4')).toMatchObject({ start: '2017-10-01', end: '2017-12-31' });
    expect(parseQuarter('2024-Q1')).toMatchObject({ start: '2024-01-01', end: '2024-03-31' });
    expect(parseQuarter('2025-Q3')).toMatchObject({ start: '2025-07-01', end: '2025-09-30' });
  });
  it.each(['2017-Q5', 'Q4-2017', '2017-q4', '2017Q4', '17-Q4'])('rejects %s', (id) => expect(parseQuarter(id)).toBeNull());
  it('lists the months', () => expect(quarterMonths(parseQuarter('2017-Q3')!)).toEqual(['2017-07', '2017-08', '2017-09']));
});
