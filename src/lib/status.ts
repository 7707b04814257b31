import { shortfall } from './thresholds.ts';
import type { Thresholds } from './types.ts';

/**
 * The one rule that says what is to note about a cadre. Every page, list and table that shows a
 * cadre's status reads these flags, so a cadre page can never say "nothing to note" while a list
 * flags the same cadre, nor the other way round.
 */

/** The flags in the order a reader should act on them: most urgent first. */
export const CADRE_FLAGS = ['silent', 'overdueIssue', 'lowAttendance', 'idle', 'overloaded'] as const;
export type CadreFlag = (typeof CADRE_FLAGS)[number];

/**
 * How many units of a pair one cadre may follow before it is overload: where the units outnumber
 * the cadres, following several each is what the numbers require, so the line is ⌈units/cadres⌉;
 * otherwise one unit each is possible and the line is 1.
 */
export interface LoadLine {
  /** The pair's units (numerator) and cadres (denominator), export-wide. */
  units: number;
  cadres: number;
  line: number;
}

export function loadLine(units: number, cadres: number): LoadLine {
  return { units, cadres, line: cadres > 0 && units > cadres ? Math.ceil(units / cadres) : 1 };
}

/** What the rule reads of a cadre. */
export interface CadreFacts {
  /** At least one active assignment and no report of any kind in the quarter. */
  silent: boolean;
  /** Months attended over months due; null when none was due. */
  attendanceRate: number | null;
  /** The cadre's issues still unanswered past the overdue line. */
  overdueIssues: number;
  /** For each pair of the cadre's level, how many of its units the cadre follows. */
  loads: readonly { pair: number; units: number }[];
}

/** Every flag that applies to the cadre, most urgent first; empty means nothing to note. */
export function cadreFlags(cadre: CadreFacts, lines: readonly LoadLine[], thresholds: Thresholds): CadreFlag[] {
  const applies: Record<CadreFlag, boolean> = {
    silent: cadre.silent,
    overdueIssue: cadre.overdueIssues > 0,
    lowAttendance: shortfall.attendance(cadre.attendanceRate, thresholds),
    idle: cadre.loads.some((l) => l.units === 0),
    overloaded: cadre.loads.some((l) => l.units > (lines[l.pair]?.line ?? 1)),
  };
  return CADRE_FLAGS.filter((flag) => applies[flag]);
}

/**
 * How urgently a cadre is to be acted on, smaller first: by its most urgent flag, then by how
 * many flags it has; a cadre with none comes last.
 */
export function urgency(flags: readonly CadreFlag[]): number {
  if (flags.length === 0) return CADRE_FLAGS.length * 10;
  return CADRE_FLAGS.indexOf(flags[0]!) * 10 + (CADRE_FLAGS.length - flags.length);
}
