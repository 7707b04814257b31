import { describe, expect, it } from 'vitest';
import { nodeSource } from '../../scripts/lib/node-source.ts';
import type { QuarterAnalysis } from '../../src/lib/analyse.ts';
import { attendanceByMonth, changeSince, type Grouping, type QuarterFacts, membershipOf, rollUp } from '../../src/lib/grains.ts';
import { loadData } from '../../src/lib/load.ts';
import { comparePeriods, parseQuarter } from '../../src/lib/quarter.ts';
import type { Cadre, Unit } from '../../src/lib/types.ts';

const q4 = parseQuarter('2017-Q4')!;
const unit = (id: string, level: Unit['level'], parentId: string | null): Unit =>
  ({ id, name: id, level, parentId, kind: null, region: null, sponsor: null, households: null, population: null, lat: null, lon: null, line: 0 });
const cadre = (id: string, homeUnitId: string, team: string | null): Cadre =>
  ({ id, name: id, level: 'province', homeUnitId, position: null, field: null, team, gender: null, line: 0 });

/*
 * A province P with communes A and B; cadres X (team T) on A and B, Y (team T) on nothing.
 * A is followed, B too (by X): both covered; X overloaded, Y idle.
 */
const facts: QuarterFacts = {
  quarter: q4, overdueDays: 30,
  units: new Map([unit('P', 'province', null), unit('A', 'commune', 'P'), unit('B', 'commune', 'P')].map((u) => [u.id, u])),
  cadres: new Map([cadre('X', 'P', 'T'), cadre('Y', 'P', 'T')].map((c) => [c.id, c])),
  coverage: [{ pair: { cadreLevel: 'province', unitLevel: 'commune' }, unattendedIds: [], overloadedIds: ['X'], idleIds: ['Y'],
    unitsOfCadre: new Map([['X', new Set(['A', 'B'])], ['Y', new Set<string>()]]) }],
  attendance: [
    { cadreId: 'X', unitId: 'A', monthsDue: ['2017-10', '2017-11', '2017-12'], monthsAttended: ['2017-10'] },
    { cadreId: 'X', unitId: 'B', monthsDue: ['2017-12'], monthsAttended: ['2017-12'] },
  ],
  silent: ['Y'],
  issues: [{ reportId: 'i1', cadreId: 'X', unitId: 'B', date: '2017-10-01', topic: null, summary: null, referredTo: 'Sở A', respondedOn: '2017-10-11', status: null }],
};
const tree: Grouping = { unit: (u) => (u.parentId ? [u.id, u.parentId] : [u.id]) };
const team: Grouping = { cadre: (c) => (c.team ? [`team:${c.team}`] : []) };
const department: Grouping = { issue: (i) => (i.referredTo ? [`department:${i.referredTo}`] : []) };

describe('rollUp(facts, membership)', () => {
  const figures = rollUp(facts, membershipOf(facts, [tree, team, department]));

  it('adds parts and divides once per grain', () => {
    // 2 units for 2 cadres: one each is possible, so X on both is above the line of 1 too.
    expect(figures.get('P')!.coverage[0]).toEqual({ pair: 0, units: 2, covered: 2, unattended: 0, coverageRate: 1, cadres: 2, ratio: 1, overloaded: 1, aboveLine: 1, idle: 1 });
    expect(figures.get('A')!.coverage[0]).toMatchObject({ units: 1, covered: 1, cadres: 1, ratio: 1, overloaded: 1, idle: 0 });
    expect(figures.get('P')!.attendance).toEqual({ due: 4, attended: 2, rate: 0.5 });
    expect(figures.get('A')!.attendance).toEqual({ due: 3, attended: 1, rate: 1 / 3 });
    expect(figures.get('B')!.issues).toEqual({ raised: 1, responded: 1, medianDaysToResponse: 10, overdue: 0 });
  });

  it('takes a working group and a department as further grains', () => {
    const t = figures.get('team:T')!;
    // Both members count as the group's cadres; the group's assignments give its attendance.
    expect(t.coverage[0]).toMatchObject({ cadres: 2, overloaded: 1, idle: 1 });
    expect(t.attendance).toEqual({ due: 4, attended: 2, rate: 0.5 });
    expect(t.silentCadres).toBe(1);
    expect(figures.get('department:Sở A')!.issues.raised).toBe(1);
  });

  it('gives each month of the quarter its due and attended months', () => {
    expect(attendanceByMonth(facts.attendance, q4)).toEqual([
      { month: '2017-10', due: 1, attended: 1 }, { month: '2017-11', due: 1, attended: 0 }, { month: '2017-12', due: 2, attended: 1 },
    ]);
  });

  it('gives the change since another quarter, pair by pair', () => {
    const before = { ...figures.get('P')!, coverage: [{ ...figures.get('P')!.coverage[0]!, covered: 1, unattended: 1 }] };
    expect(changeSince(figures.get('P')!, [facts.coverage[0]!.pair], before, [facts.coverage[0]!.pair])).toEqual([{ covered: 1, unattended: -1, overloaded: 0, aboveLine: 0, idle: 0 }]);
    expect(changeSince(figures.get('P')!, [facts.coverage[0]!.pair], null, [])).toEqual([null]);
  });
});

/** The export-wide figures, counted straight from the per-row facts, without any grain. */
function exportWide(q: QuarterAnalysis) {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    coverage: q.coverage.map((d) => {
      const units = q.data.units.filter((u) => u.level === d.pair.unitLevel).length;
      // The load line: at least one unit each, more where units outnumber cadres.
      const line = Math.max(1, Math.ceil(units / Math.max(1, d.unitsOfCadre.size)));
      return {
        units, unattended: d.unattendedIds.length, cadres: d.unitsOfCadre.size, overloaded: d.overloadedIds.length,
        aboveLine: [...d.unitsOfCadre.values()].filter((followed) => followed.size > line).length, idle: d.idleIds.length,
      };
    }),
    due: sum(q.attendance.map((a) => a.monthsDue.length)), attended: sum(q.attendance.map((a) => a.monthsAttended.length)),
    silent: q.silent.length, raised: q.facts.issues.length,
  };
}

describe.each(['data', 'data/examples/two-tier', 'data/examples/can-loc'])('the root area of %s', (dir) => {
  it('has the export-wide figures, for every quarter, pair and figure', async () => {
    // A build analyses its newest quarter alone: each quarter is made the newest in turn.
    const names = (nodeSource().list(`${dir}/exports`) ?? []).sort(comparePeriods);
    expect(names.length).toBeGreaterThan(0);
    for (const newest of names) {
      const source = nodeSource();
      const list = source.list;
      source.list = (path) => (path === `${dir}/exports` ? names.filter((n) => comparePeriods(n, newest) <= 0) : list(path));
      const loaded = await loadData(dir, source);
      expect(loaded.findings.errors).toEqual([]);
      const q = loaded.current!;
      expect(q.data.quarter.id).toBe(newest);
      const root = q.areas.get(q.hierarchy.roots[0]!.id)!;
      expect(root).toEqual(q.root);
      const wide = exportWide(q);
      expect(root.coverage.map(({ units, unattended, cadres, overloaded, aboveLine, idle }) => ({ units, unattended, cadres, overloaded, aboveLine, idle }))).toEqual(wide.coverage);
      expect([root.attendance.due, root.attendance.attended, root.silentCadres, root.issues.raised]).toEqual([wide.due, wide.attended, wide.silent, wide.raised]);
    }
  }, 60_000);
});
