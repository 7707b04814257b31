import { describe, expect, it } from 'vitest';
import { parseCount, parseDate, parseDecimal } from '../../src/lib/values.ts';

describe('parseDate', () => {
  it('reads ISO dates', () => {
    expect(parseDate('2017-10-01')).toBe('2017-10-01');
    expect(parseDate(' 2020-02-29 ')).toBe('2020-02-29');
  });

  it('reads Vietnamese day/month/year, with or without leading zeros', () => {
    expect(parseDate('05/10/2017')).toBe('2017-10-05');
    expect(parseDate('5/1/2017')).toBe('2017-01-05');
    expect(parseDate('31-12-2017')).toBe('2017-12-31');
    expect(parseDate('1.7.2025')).toBe('2025-07-01');
  });

  it('rejects days that are not on the calendar', () => {
    expect(parseDate('31/02/2017')).toBeNull();
    expect(parseDate('29/02/2017')).toBeNull();
    expect(parseDate('29/02/2000')).toBe('2000-02-29');
    expect(parseDate('29/02/1900')).toBeNull();
    expect(parseDate('2017-13-01')).toBeNull();
    expect(parseDate('2017-04-31')).toBeNull();
    expect(parseDate('00/01/2017')).toBeNull();
  });

  it('rejects junk, empty and mixed separators', () => {
    expect(parseDate('')).toBeNull();
    expect(parseDate('hôm qua')).toBeNull();
    expect(parseDate('1/2-2017')).toBeNull();
    expect(parseDate('10/2017')).toBeNull();
    expect(parseDate('05/10/17')).toBeNull();
    expect(parseDate('2017-1-5')).toBeNull();
  });
});

describe('parseCount', () => {
  it('reads plain non-negative integers', () => {
    expect(parseCount('0')).toBe(0);
    expect(parseCount('12')).toBe(12);
    expect(parseCount(' 14676 ')).toBe(14676);
  });

  it('reads thousands separators in groups of three', () => {
    expect(parseCount('14.676')).toBe(14676);
    expect(parseCount('1.234.567')).toBe(1234567);
    expect(parseCount('1,234,567')).toBe(1234567);
    expect(parseCount('1 234')).toBe(1234);
    expect(parseCount('1\u00a0234')).toBe(1234);
  });

  it('rejects fractions, negatives, bad groups and junk', () => {
    for (const s of ['1.5', '1.23', '-3', 'abc', '', '1.2345', '1.234,567', '12.34.567', '.123', '1.', '+5']) {
      expect(parseCount(s), s).toBeNull();
    }
  });
});

describe('parseDecimal', () => {
  it('reads point and comma decimals and signs', () => {
    expect(parseDecimal('10.2345')).toBe(10.2345);
    expect(parseDecimal('-3.5')).toBe(-3.5);
    expect(parseDecimal('10,2345')).toBe(10.2345);
    expect(parseDecimal(' 106 ')).toBe(106);
  });

  it('rejects junk and empty', () => {
    for (const s of ['', 'abc', '1.2.3', '10,23,45', '1e5', '--1', '10.2 N']) {
      expect(parseDecimal(s), s).toBeNull();
    }
  });
});
