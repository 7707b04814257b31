import type { Hierarchy } from './hierarchy.ts';
import { regionKey } from './hierarchy.ts';
import type { AssignmentAttendance } from './metrics/attendance.ts';
import type { CoverageDetail } from './metrics/coverage.ts';
import { daysToResponse, overdueTest } from './metrics/issues.ts';
import { median } from './metrics/median.ts';
import { ratio } from './metrics/ratio.ts';
import { quarterMonths } from './quarter.ts';
import { type LoadLine, loadLine } from './status.ts';
import type { Cadre, CoveragePair, Issue, Quarter, Unit } from './types.ts';

/**
 * Grains: the groupings a figure is shown for (a unit's area, a region, and later a working
 * group or a sponsoring department), and the one place where every figure is added up per grain
 * and divided. The export-wide figures are the root area's, computed by the same code.
 */

/**
 * One way of grouping. A unit belongs to the grains `unit` names (its area and every ancestor's,
 * its region); a cadre to those of its home unit and of every unit it follows, plus those `cadre`
 * names for itself (a working group: `team`); an issue to those of its unit and its cadre, plus
 * those `issue` names (the department it was referred to: `referred_to`). Keys must not clash
 * across groupings: prefix them (`region:`, `team:`, …).
 */
export interface Grouping {
  unit?(unit: Unit): readonly string[];
  cadre?(cadre: Cadre): readonly string[];
  issue?(issue: Issue): readonly string[];
}

/** The unit itself and each of its ancestors. */
export const areaGrouping = (hierarchy: Hierarchy): Grouping => ({
  unit: (u) => [u.id, ...hierarchy.ancestors(u.id).map((a) => a.id)],
});

/** The region of the unit, or of its nearest ancestor that has one. */
export const regionGrouping = (hierarchy: Hierarchy): Grouping => ({
  unit: (u) => {
    const region = hierarchy.regionOf(u.id);
    return region === null ? [] : [regionKey(region)];
  },
});

/** What a quarter's figures are computed from: the per-row facts of the metrics modules. */
export interface QuarterFacts {
  quarter: Quarter;
  overdueDays: number;
  units: Map<string, Unit>;
  cadres: Map<string, Cadre>;
  /** Per pair of the mapping, in config order. */
  coverage: CoverageDetail[];
  attendance: AssignmentAttendance[];
  silent: string[];
  issues: Issue[];
}

/** Which grains each row counts in. */
export interface Membership {
  unit(unitId: string): readonly string[];
  /** For a pair: the grains of the cadre's home unit and of the units it follows, and its own. */
  cadre(pair: number, cadreId: string): readonly string[];
  /** The grains of the cadre for any pair: where it is counted as silent, where it is listed. */
  cadreInAnyPair(cadreId: string): readonly string[];
  /** An assignment counts where its unit does and where its cadre does by itself. */
  assignment(cadreId: string, unitId: string): readonly string[];
  issue(issue: Issue): readonly string[];
}

/** The membership the groupings define, every grain at once. */
export function membershipOf(facts: QuarterFacts, groupings: readonly Grouping[]): Membership {
  const unitCache = new Map<string, readonly string[]>();
  const unit = (id: string): readonly string[] => {
    let keys = unitCache.get(id);
    if (!keys) {
      const u = facts.units.get(id);
      keys = u ? groupings.flatMap((g) => g.unit?.(u) ?? []) : [];
      unitCache.set(id, keys);
    }
    return keys;
  };
  const own = (cadreId: string): readonly string[] => {
    const c = facts.cadres.get(cadreId);
    return c ? groupings.flatMap((g) => g.cadre?.(c) ?? []) : [];
  };
  const cadre = (pairs: readonly CoverageDetail[], cadreId: string): readonly string[] => {
    const home = facts.cadres.get(cadreId)?.homeUnitId;
    const followed = pairs.flatMap((detail) => [...(detail.unitsOfCadre.get(cadreId) ?? [])]);
    return distinct([...(home === undefined ? [] : unit(home)), ...followed.flatMap(unit), ...own(cadreId)]);
  };
  return {
    unit,
    cadre: (pair, cadreId) => cadre([facts.coverage[pair]!], cadreId),
    cadreInAnyPair: (cadreId) => cadre(facts.coverage, cadreId),
    assignment: (cadreId, unitId) => distinct([...unit(unitId), ...own(cadreId)]),
    issue: (issue) => distinct([...unit(issue.unitId), ...own(issue.cadreId), ...groupings.flatMap((g) => g.issue?.(issue) ?? [])]),
  };
}

/** Every row in one grain: the export as a whole, named by its root unit. */
export function wholeExport(rootId: string): Membership {
  const root = [rootId];
  return { unit: () => root, cadre: () => root, cadreInAnyPair: () => root, assignment: () => root, issue: () => root };
}

/** A part over a whole, and their rate; the rate is null when the whole is empty. */
export interface Fraction {
  numerator: number;
  denominator: number;
  rate: number | null;
}

/** One pair's coverage in a grain. */
export interface PairFigures {
  pair: number;
  units: number;
  covered: number;
  unattended: number;
  /** covered / units. */
  coverageRate: number | null;
  /** Cadres of the pair's level in the grain (see Membership.cadre). */
  cadres: number;
  /** cadres / units. */
  ratio: number | null;
  /** Cadres on more than one unit: the contract's figure. */
  overloaded: number;
  /** Cadres on more units than the pair's load line (see loadLines): the site's overload flag. */
  aboveLine: number;
  idle: number;
}

export interface IssueFigures {
  raised: number;
  responded: number;
  /** Median of responded_on − date in days over issues answered on or after their date; null when none. */
  medianDaysToResponse: number | null;
  overdue: number;
}

export interface GrainFigures {
  coverage: PairFigures[];
  /** Months attended over months due, Σ over the grain's assignments. */
  attendance: { due: number; attended: number; rate: number | null };
  silentCadres: number;
  issues: IssueFigures;
}

/** Adds parts and wholes per key, then divides once. */
class Tally {
  readonly #parts = new Map<string, [number, number]>();
  add(key: string, numerator: number, denominator: number): void {
    const t = this.#parts.get(key);
    if (t) {
      t[0] += numerator;
      t[1] += denominator;
    } else this.#parts.set(key, [numerator, denominator]);
  }
  get(key: string): Fraction {
    const [numerator, denominator] = this.#parts.get(key) ?? [0, 0];
    return { numerator, denominator, rate: ratio(numerator, denominator) };
  }
  keys(): IterableIterator<string> {
    return this.#parts.keys();
  }
}

/** Months attended over months due, per grain. */
export function attendanceBy(rows: readonly AssignmentAttendance[], keysOf: (row: AssignmentAttendance) => readonly string[]): Map<string, GrainFigures['attendance']> {
  const tally = new Tally();
  for (const row of rows) for (const key of keysOf(row)) tally.add(key, row.monthsAttended.length, row.monthsDue.length);
  return new Map([...tally.keys()].map((key) => {
    const f = tally.get(key);
    return [key, { due: f.denominator, attended: f.numerator, rate: f.rate }];
  }));
}

/** Due and attended per month of the quarter: the month is a grain of its own. */
export function attendanceByMonth(rows: readonly AssignmentAttendance[], quarter: Quarter): { month: string; due: number; attended: number }[] {
  const tally = new Tally();
  for (const row of rows) {
    const attended = new Set(row.monthsAttended);
    for (const month of row.monthsDue) tally.add(month, attended.has(month) ? 1 : 0, 1);
  }
  return quarterMonths(quarter).map((month) => {
    const f = tally.get(month);
    return { month, due: f.denominator, attended: f.numerator };
  });
}

/** Raised, responded, median days to response and overdue issues, per grain. */
export function issuesBy(issues: readonly Issue[], keysOf: (issue: Issue) => readonly string[], quarter: Quarter, overdueDays: number): Map<string, IssueFigures> {
  const acc = new Map<string, { raised: number; responded: number; days: number[]; overdue: number }>();
  const overdueOn = overdueTest(quarter, overdueDays);
  for (const issue of issues) {
    // An answer dated before its issue counts as an answer, but its delay is left out of the median.
    const days = daysToResponse(issue);
    const overdue = overdueOn(issue) ? 1 : 0;
    for (const key of keysOf(issue)) {
      let a = acc.get(key);
      if (!a) acc.set(key, (a = { raised: 0, responded: 0, days: [], overdue: 0 }));
      a.raised++;
      if (issue.respondedOn !== null) a.responded++;
      if (days !== null) a.days.push(days);
      a.overdue += overdue;
    }
  }
  return new Map([...acc].map(([key, a]) => [key, { raised: a.raised, responded: a.responded, medianDaysToResponse: median(a.days), overdue: a.overdue }]));
}

const NO_ISSUES: IssueFigures = { raised: 0, responded: 0, medianDaysToResponse: null, overdue: 0 };

/**
 * Every figure at every grain of the membership. Grains add their parts and divide again: a
 * grain's ratio is its cadres over its units, never a mean of its parts' ratios.
 */
export function rollUp(facts: QuarterFacts, membership: Membership): Map<string, GrainFigures> {
  const pairs = facts.coverage.length;
  const covered = Array.from({ length: pairs }, () => new Tally());
  const ratios = Array.from({ length: pairs }, () => new Tally());
  const overloaded = Array.from({ length: pairs }, () => new Tally());
  const aboveLine = Array.from({ length: pairs }, () => new Tally());
  const lines = loadLines(facts);
  const idle = Array.from({ length: pairs }, () => new Tally());
  const grains = new Set<string>();
  facts.coverage.forEach((detail, pair) => {
    const unattended = new Set(detail.unattendedIds);
    for (const unit of facts.units.values()) {
      if (unit.level !== detail.pair.unitLevel) continue;
      for (const key of membership.unit(unit.id)) {
        covered[pair]!.add(key, unattended.has(unit.id) ? 0 : 1, 1);
        ratios[pair]!.add(key, 0, 1);
        grains.add(key);
      }
    }
    for (const [cadre, followed] of detail.unitsOfCadre) {
      for (const key of membership.cadre(pair, cadre)) {
        ratios[pair]!.add(key, 1, 0);
        overloaded[pair]!.add(key, followed.size > 1 ? 1 : 0, 1);
        aboveLine[pair]!.add(key, followed.size > lines[pair]!.line ? 1 : 0, 1);
        idle[pair]!.add(key, followed.size === 0 ? 1 : 0, 1);
        grains.add(key);
      }
    }
  });
  const attendance = attendanceBy(facts.attendance, (row) => membership.assignment(row.cadreId, row.unitId));
  const silent = new Tally();
  for (const cadre of facts.silent) for (const key of membership.cadreInAnyPair(cadre)) silent.add(key, 1, 0);
  const issues = issuesBy(facts.issues, membership.issue, facts.quarter, facts.overdueDays);
  for (const key of [...attendance.keys(), ...silent.keys(), ...issues.keys()]) grains.add(key);

  const figures = new Map<string, GrainFigures>();
  for (const key of grains) {
    figures.set(key, {
      coverage: facts.coverage.map((_, pair) => {
        const c = covered[pair]!.get(key);
        const r = ratios[pair]!.get(key);
        return {
          pair, units: c.denominator, covered: c.numerator, unattended: c.denominator - c.numerator, coverageRate: c.rate,
          cadres: r.numerator, ratio: r.rate, overloaded: overloaded[pair]!.get(key).numerator, aboveLine: aboveLine[pair]!.get(key).numerator, idle: idle[pair]!.get(key).numerator,
        };
      }),
      attendance: attendance.get(key) ?? { due: 0, attended: 0, rate: null },
      silentCadres: silent.get(key).numerator,
      issues: issues.get(key) ?? NO_ISSUES,
    });
  }
  return figures;
}

/**
 * Each pair's load line, export-wide: its units over its cadres, the same line for every area, so
 * a cadre is flagged alike wherever it is listed.
 */
export function loadLines(facts: Pick<QuarterFacts, 'units' | 'coverage'>): LoadLine[] {
  return facts.coverage.map((detail) => {
    let units = 0;
    for (const unit of facts.units.values()) if (unit.level === detail.pair.unitLevel) units++;
    return loadLine(units, detail.unitsOfCadre.size);
  });
}

/** How a pair's counts moved between two quarters' figures of one grain. */
export type PairChange = Record<'covered' | 'unattended' | 'overloaded' | 'aboveLine' | 'idle', number>;

/** Each pair's change since `before`, matched by its levels; null for a pair `before` did not have. */
export function changeSince(now: GrainFigures, nowPairs: readonly CoveragePair[], before: GrainFigures | null, beforePairs: readonly CoveragePair[]): (PairChange | null)[] {
  return now.coverage.map((c, i) => {
    const pair = nowPairs[i]!;
    const j = beforePairs.findIndex((p) => p.cadreLevel === pair.cadreLevel && p.unitLevel === pair.unitLevel);
    const b = j < 0 ? undefined : before?.coverage[j];
    return b ? { covered: c.covered - b.covered, unattended: c.unattended - b.unattended, overloaded: c.overloaded - b.overloaded, aboveLine: c.aboveLine - b.aboveLine, idle: c.idle - b.idle } : null;
  });
}

/** How attendance, silent cadres and issues moved between two quarters' figures of one grain. */
export interface ActivityChange {
  /** In points of the rate (0.021 = 2,1 points); null when either quarter had no meeting due. */
  attendanceRate: number | null;
  silentCadres: number;
  raised: number;
  overdue: number;
}

/** A grain's change since `before`: its pairs' counts (see changeSince) and its activity; null without `before`. */
export interface GrainChange {
  coverage: (PairChange | null)[];
  activity: ActivityChange;
}

export function grainChangeSince(now: GrainFigures, before: GrainFigures | null, pairs: readonly CoveragePair[]): GrainChange | null {
  if (!before) return null;
  const rate = now.attendance.rate !== null && before.attendance.rate !== null ? now.attendance.rate - before.attendance.rate : null;
  return {
    coverage: changeSince(now, pairs, before, pairs),
    activity: { attendanceRate: rate, silentCadres: now.silentCadres - before.silentCadres, raised: now.issues.raised - before.issues.raised, overdue: now.issues.overdue - before.issues.overdue },
  };
}

function distinct(keys: readonly string[]): readonly string[] {
  return keys.length < 2 ? keys : [...new Set(keys)];
}
