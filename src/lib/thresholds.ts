import type { Thresholds } from './types.ts';

/** How a figure reads against a stated line: coloured only when it crosses one, never by a composite score. */
export type Tone = 'good' | 'bad' | 'neutral';

/** Which way a figure should move: coverage and attendance up, overdue issues and silent cadres down. */
export type Better = 'up' | 'down';

/**
 * A change since last quarter, good or bad by the way the figure should move, and neutral while
 * smaller than the stated `rateChange` (a share) or `countChange` (a count).
 */
export function changeTone(change: number | null, kind: 'rate' | 'count', better: Better, thresholds: Thresholds): Tone {
  if (change === null || change === 0) return 'neutral';
  const line = kind === 'rate' ? thresholds.rateChange : thresholds.countChange;
  // Rates arrive rounded to three decimals; a tiny epsilon keeps 0.02 - 0.0 from falling under 0.02.
  if (Math.abs(change) + 1e-9 < line) return 'neutral';
  return (change > 0) === (better === 'up') ? 'good' : 'bad';
}

/** The line a level figure is held to, and whether a value falls on the wrong side of it. */
export const shortfall = {
  attendance: (rate: number | null, t: Thresholds): boolean => rate !== null && rate < t.attendance,
  coverage: (rate: number | null, t: Thresholds): boolean => rate !== null && rate < t.coverage,
  responseDays: (days: number | null, t: Thresholds): boolean => days !== null && days > t.responseDays,
};
