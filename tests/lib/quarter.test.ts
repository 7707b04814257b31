import { describe, expect, it } from 'vitest';
import { dayNumber, parseQuarter, quarterMonths } from '../../src/lib/quarter.ts';

describe('parseQuarter(id)', () => {
  it('gives the first and last calendar day', () => {
    expect(parseQuarter('2017-Q4')).toMatchObject({ start: '2017-10-01', end: '2017-12-31' });
    expect(parseQuarter('2024-Q1')).toMatchObject({ start: '2024-01-01', end: '2024-03-31' });
    expect(parseQuarter('2025-Q3')).toMatchObject({ start: '2025-07-01', end: '2025-09-30' });
  });
  it.each(['2017-Q5', 'Q4-2017', '2017-q4', '2017Q4', '17-Q4'])('rejects %s', (id) => expect(parseQuarter(id)).toBeNull());
  it('lists the months', () => expect(quarterMonths(parseQuarter('2017-Q3')!)).toEqual(['2017-07', '2017-08', '2017-09']));
});

describe('dayNumber(iso)', () => {
  it('counts the days since 1970-01-01 as the calendar does, every day from 1899 to 2101', () => {
    // The reference is the platform's own calendar (Date.UTC), leap days and centuries included.
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (dayNumber(iso) !== t / 86_400_000) expect(dayNumber(iso), iso).toBe(t / 86_400_000);
    }
    expect(dayNumber('2017-12-31') - dayNumber('2017-11-30')).toBe(31);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
  });
});
