import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/lib/config.ts';
import { changeTone, shortfall } from '../../src/lib/thresholds.ts';

const t = defaultConfig.thresholds;

describe('changeTone', () => {
  it('colours a change by the way the figure should move', () => {
    expect(changeTone(5, 'count', 'up', t)).toBe('good');
    expect(changeTone(-5, 'count', 'up', t)).toBe('bad');
    expect(changeTone(21, 'count', 'down', t)).toBe('bad');
    expect(changeTone(-3, 'count', 'down', t)).toBe('good');
  });
  it('leaves a change under the stated line neutral, and colours one on it', () => {
    const lines = { ...t, rateChange: 0.02, countChange: 3 };
    expect(changeTone(0.019, 'rate', 'up', lines)).toBe('neutral');
    expect(changeTone(0.02, 'rate', 'up', lines)).toBe('good');
    expect(changeTone(-0.02, 'rate', 'up', lines)).toBe('bad');
    expect(changeTone(2, 'count', 'down', lines)).toBe('neutral');
    expect(changeTone(3, 'count', 'down', lines)).toBe('bad');
    expect(changeTone(null, 'count', 'up', lines)).toBe('neutral');
    expect(changeTone(0, 'rate', 'up', { ...lines, rateChange: 0 })).toBe('neutral');
  });
});

describe('shortfall', () => {
  it('holds each figure to its stated line', () => {
    expect(shortfall.attendance(0.49, t)).toBe(true);
    expect(shortfall.attendance(0.5, t)).toBe(false);
    expect(shortfall.attendance(null, t)).toBe(false);
    expect(shortfall.coverage(0.89, t)).toBe(true);
    expect(shortfall.coverage(0.9, t)).toBe(false);
    expect(shortfall.responseDays(16, t)).toBe(true);
    expect(shortfall.responseDays(15, t)).toBe(false);
  });
});
