import { describe, expect, it } from 'vitest';
import { formatDate, formatDecimal, formatDelta, formatInteger, formatPercent, formatPoints, formatRatio } from '../../src/lib/format.ts';

describe('format', () => {
  it('formatInteger(n, lang) groups thousands with a dot in vi and a comma in en', () => {
    expect(formatInteger(6038)).toBe('6.038');
    expect(formatInteger(14676, 'vi')).toBe('14.676');
    expect(formatInteger(6038, 'en')).toBe('6,038');
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(-1234, 'vi')).toBe('−1.234');
  });
  it('formatDecimal(n, digits, lang) keeps exactly `digits` decimals', () => {
    expect(formatDecimal(0.8476, 3)).toBe('0,848');
    expect(formatDecimal(0.8476, 3, 'en')).toBe('0.848');
    expect(formatDecimal(2, 2, 'vi')).toBe('2,00');
    expect(formatDecimal(-0.0001, 2)).toBe('0,00');
  });
  it('formatPercent(rate, lang) writes one decimal and no space before %', () => {
    expect(formatPercent(0.848)).toBe('84,8%');
    expect(formatPercent(0.848, 'en')).toBe('84.8%');
    expect(formatPercent(1)).toBe('100,0%');
    expect(formatPercent(0.25, 'vi', 0)).toBe('25%');
  });
  it('formatRatio(ratio, lang) gives 3 decimals under 10 and 2 from 10', () => {
    expect(formatRatio(0.8476)).toBe('0,848');
    expect(formatRatio(12.5, 'en')).toBe('12.50');
  });
  it('formatDate(iso, lang) is DD/MM/YYYY in both languages, without time-zone shifts', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('2025-07-01', 'en')).toBe('01/07/2025');
    expect(formatDate('2025-07-01T23:30:00-05:00')).toBe('01/07/2025');
    expect(formatDate('01/07/2025')).toBe('—');
  });
  it('formatDelta(n, lang) shows the sign, with a true minus', () => {
    expect(formatDelta(3)).toBe('+3');
    expect(formatDelta(-2)).toBe('\u22122');
    expect(formatDelta(0)).toBe('0');
    expect(formatDelta(1200, 'vi')).toBe('+1.200');
    expect(formatDelta(-1200, 'en')).toBe('−1,200');
  });
  it('formatPoints(change, lang) writes a rate’s change in points, signed, one decimal', () => {
    // 0.545 − 0.5 = 0.045 of a share: 4.5 points.
    expect(formatPoints(0.045)).toBe('+4,5');
    expect(formatPoints(-0.2, 'en')).toBe('\u221220.0');
    expect(formatPoints(0.0004)).toBe('0');
    expect(formatPoints(null)).toBe('—');
  });
  it('every formatter writes — for null, undefined and a zero-denominator ratio', () => {
    for (const f of [formatInteger, formatPercent, formatRatio, formatDelta] as ((n: number | null | undefined) => string)[]) {
      expect(f(null)).toBe('—');
      expect(f(undefined)).toBe('—');
      expect(f(NaN)).toBe('—');
      expect(f(1 / 0)).toBe('—');
    }
    expect(formatDecimal(null, 2)).toBe('—');
    expect(formatDate(null)).toBe('—');
  });
});
