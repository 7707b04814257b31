import * as aq from 'arquero';
import type { Hierarchy } from '../hierarchy.ts';
import type { Issue, Quarter } from '../types.ts';
import type { AssignmentAttendance } from './attendance.ts';
import type { CoverageDetail } from './coverage.ts';
import { daysToResponse, isOverdue } from './issues.ts';
import { ratio } from './ratio.ts';

/** One level pair's coverage inside an area. */
export interface AreaCoverage {
  pair: number;
  units: number;
  covered: number;
  unattended: number;
  /** Cadres of the pair's level who belong to the area (home unit in it) or follow a unit in it. */
  cadres: number;
  ratio: number | null;
  overloaded: number;
  idle: number;
}

export interface AreaFigures {
  coverage: AreaCoverage[];
  attendance: { due: number; attended: number; rate: number | null };
  silentCadres: number;
  issues: { raised: number; responded: number; medianDaysToResponse: number | null; overdue: number };
}

export interface RollupInput {
  hierarchy: Hierarchy;
  coverage: CoverageDetail[];
  /** The areas a cadre counts in for a pair: those of the home unit and of every unit followed. */
  cadreAreas: (pair: number, cadreId: string) => string[];
  attendance: AssignmentAttendance[];
  silent: string[];
  issues: Issue[];
  quarter: Quarter;
  overdueDays: number;
}

/**
 * Every figure rolled up per area (the unit itself, each ancestor, each region). Grains add
 * their parts and divide again: an area's ratio is its cadres over its units, never a mean of
 * its children's ratios.
 */
export function areaRollup(input: RollupInput): Map<string, AreaFigures> {
  const { hierarchy } = input;
  const unitRows: { pair: number; area: string; covered: number }[] = [];
  const cadreRows: { pair: number; area: string; overloaded: number; idle: number }[] = [];
  input.coverage.forEach((detail, pair) => {
    const unattended = new Set(detail.unattendedIds);
    for (const unit of hierarchy.byId.values()) {
      if (unit.level !== detail.figure.unitLevel) continue;
      const covered = unattended.has(unit.id) ? 0 : 1;
      for (const area of hierarchy.areasOf(unit.id)) unitRows.push({ pair, area, covered });
    }
    for (const [cadre, followed] of detail.unitsOfCadre) {
      const overloaded = followed.size > 1 ? 1 : 0;
      const idle = followed.size === 0 ? 1 : 0;
      for (const area of new Set(input.cadreAreas(pair, cadre))) cadreRows.push({ pair, area, overloaded, idle });
    }
  });
  const byArea = new Map<string, AreaFigures>();
  const figuresOf = (area: string): AreaFigures => {
    let f = byArea.get(area);
    if (!f) {
      f = {
        coverage: input.coverage.map((_, pair) => ({ pair, units: 0, covered: 0, unattended: 0, cadres: 0, ratio: null, overloaded: 0, idle: 0 })),
        attendance: { due: 0, attended: 0, rate: null },
        silentCadres: 0,
        issues: { raised: 0, responded: 0, medianDaysToResponse: null, overdue: 0 },
      };
      byArea.set(area, f);
    }
    return f;
  };

  for (const r of rollup(unitRows, ['pair', 'area'], { units: aq.op.count(), covered: aq.op.sum('covered') })) {
    const c = figuresOf(r.area).coverage[r.pair]!;
    c.units = r.units;
    c.covered = r.covered;
    c.unattended = r.units - r.covered;
  }
  for (const r of rollup(cadreRows, ['pair', 'area'], { cadres: aq.op.count(), overloaded: aq.op.sum('overloaded'), idle: aq.op.sum('idle') })) {
    const c = figuresOf(r.area).coverage[r.pair]!;
    c.cadres = r.cadres;
    c.overloaded = r.overloaded;
    c.idle = r.idle;
  }
  for (const f of byArea.values()) for (const c of f.coverage) c.ratio = ratio(c.cadres, c.units);

  const attendanceRows = input.attendance.flatMap((a) =>
    hierarchy.areasOf(a.unitId).map((area) => ({ area, due: a.monthsDue.length, attended: a.monthsAttended.length })),
  );
  for (const r of rollup(attendanceRows, ['area'], { due: aq.op.sum('due'), attended: aq.op.sum('attended') })) {
    figuresOf(r.area).attendance = { due: r.due, attended: r.attended, rate: ratio(r.attended, r.due) };
  }

  const silentRows = input.silent.flatMap((cadre) =>
    [...new Set(input.coverage.flatMap((_, pair) => input.cadreAreas(pair, cadre)))].map((area) => ({ area })),
  );
  for (const r of rollup(silentRows, ['area'], { n: aq.op.count() })) figuresOf(r.area).silentCadres = r.n;

  const issueRows = input.issues.flatMap((issue) => {
    const days = daysToResponse(issue);
    const overdue = isOverdue(issue, input.quarter, input.overdueDays) ? 1 : 0;
    return hierarchy.areasOf(issue.unitId).map((area) => ({ area, responded: issue.respondedOn === null ? 0 : 1, days, overdue }));
  });
  for (const r of rollup(issueRows, ['area'], {
    raised: aq.op.count(), responded: aq.op.sum('responded'), median: aq.op.median('days'), overdue: aq.op.sum('overdue'),
  })) {
    figuresOf(r.area).issues = { raised: r.raised, responded: r.responded, medianDaysToResponse: Number.isFinite(r.median) ? r.median : null, overdue: r.overdue };
  }
  return byArea;
}

/** Groups rows and aggregates them; arquero's objects() is untyped, the specs above fix the shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function rollup(data: object[], groups: string[], spec: Record<string, unknown>): any[] {
  if (data.length === 0) return [];
  return aq.from(data).groupby(...groups).rollup(spec as never).objects();
}
