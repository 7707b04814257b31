import { describe, expect, it } from 'vitest';
import { nodeSource } from '../../scripts/lib/node-source.ts';
import { defaultConfig } from '../../src/lib/config.ts';
import { loadData } from '../../src/lib/load.ts';
import { buildSiteModel } from '../../src/lib/model/build-site-model.ts';
import type { SiteModel } from '../../src/lib/model/types.ts';
import { type CadreFacts, cadreFlags, loadLine, urgency } from '../../src/lib/status.ts';

const thresholds = defaultConfig.thresholds;

describe('loadLine(units, cadres)', () => {
  it('is ⌈units/cadres⌉ where the units outnumber the cadres, else 1', () => {
    // The demo's three pairs: 164/139 = 1,18 → 2; 986/679 = 1,45 → 2; 14.676/6.038 = 2,43 → 3.
    expect(loadLine(164, 139)).toEqual({ units: 164, cadres: 139, line: 2 });
    expect(loadLine(986, 679).line).toBe(2);
    expect(loadLine(14676, 6038).line).toBe(3);
    // Exactly two each is not above the line; one more unit makes three.
    expect(loadLine(6, 3).line).toBe(2);
    expect(loadLine(7, 3).line).toBe(3);
    // One unit each is possible: more than one is overload, as the contract counts it.
    expect(loadLine(5, 5).line).toBe(1);
    expect(loadLine(3, 10).line).toBe(1);
    expect(loadLine(4, 0).line).toBe(1);
  });
});

describe('cadreFlags(cadre, lines, thresholds)', () => {
  const lines = [loadLine(14676, 6038), loadLine(5, 10)];
  const quiet: CadreFacts = { silent: false, attendanceRate: 0.8, overdueIssues: 0, loads: [{ pair: 0, units: 3 }] };

  it('flags nothing on a cadre who reports, attends, is answered and follows up to the line', () => {
    expect(cadreFlags(quiet, lines, thresholds)).toEqual([]);
    expect(cadreFlags({ ...quiet, attendanceRate: 0.5 }, lines, thresholds)).toEqual([]);
    expect(cadreFlags({ ...quiet, attendanceRate: null }, lines, thresholds)).toEqual([]);
  });

  it('gives every flag that applies, most urgent first', () => {
    // The walkthrough's standing-committee member: 0 of 3 months and an issue overdue by 91 days.
    expect(cadreFlags({ ...quiet, attendanceRate: 0, overdueIssues: 1 }, lines, thresholds)).toEqual(['overdueIssue', 'lowAttendance']);
    expect(cadreFlags({ silent: true, attendanceRate: 0.49, overdueIssues: 2, loads: [{ pair: 0, units: 4 }] }, lines, thresholds))
      .toEqual(['silent', 'overdueIssue', 'lowAttendance', 'overloaded']);
    expect(cadreFlags({ ...quiet, attendanceRate: null, loads: [{ pair: 0, units: 0 }] }, lines, thresholds)).toEqual(['idle']);
  });

  it('holds each pair to its own line', () => {
    // 4 groups with a line of 3 is overload; 2 communes where one each is possible is too.
    expect(cadreFlags({ ...quiet, loads: [{ pair: 0, units: 4 }] }, lines, thresholds)).toEqual(['overloaded']);
    expect(cadreFlags({ ...quiet, loads: [{ pair: 1, units: 2 }] }, lines, thresholds)).toEqual(['overloaded']);
    expect(cadreFlags({ ...quiet, loads: [{ pair: 1, units: 1 }] }, lines, thresholds)).toEqual([]);
  });

  it('takes the attendance line from the stated thresholds', () => {
    expect(cadreFlags({ ...quiet, attendanceRate: 0.6 }, lines, { ...thresholds, attendance: 0.75 })).toEqual(['lowAttendance']);
  });

  it('orders cadres by their most urgent flag, then by how many', () => {
    const order = [['overloaded'], [], ['silent'], ['idle', 'overloaded'], ['silent', 'lowAttendance'], ['idle']] as const;
    const sorted = [...order].sort((a, b) => urgency(a) - urgency(b));
    expect(sorted).toEqual([['silent', 'lowAttendance'], ['silent'], ['idle', 'overloaded'], ['idle'], ['overloaded'], []]);
  });
});

describe('the status rule on the demo export', () => {
  let model: SiteModel;
  it('builds', async () => {
    const loaded = await loadData('data', nodeSource());
    model = buildSiteModel({ loaded, builtAt: '2018-01-15T00:00:00.000Z', files: [], boundaryIds: new Set() });
    expect(model.loadLines.map((l) => l.line)).toEqual([2, 2, 3]);
  }, 120_000);

  it('leaves no cadre page with attendance under 50 % or an overdue issue saying nothing to note', () => {
    const paged = Object.values(model.cadres).filter((c) => c.hasPage);
    const low = paged.filter((c) => c.attendanceRate !== null && c.attendanceRate < 0.5);
    expect(low.length).toBeGreaterThan(0);
    expect(low.filter((c) => c.flags.length === 0)).toEqual([]);
    const overdue = paged.filter((c) => c.issueIds.some((id) => model.issues[id]!.overdue));
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((c) => c.flags.includes('overdueIssue'))).toBe(true);
  });

  it('flags as overloaded exactly the cadres above their pair line, as many as the figures count', () => {
    const overloaded = Object.values(model.cadres).filter((c) => c.flags.includes('overloaded'));
    const counted = model.pairs.map((_, pair) => overloaded.filter((c) => c.unitIds.filter((u) => model.units[u]!.level === model.pairs[pair]!.unitLevel).length > model.loadLines[pair]!.line).length);
    expect(counted).toEqual(model.root.coverage.map((c) => c.aboveLine));
    expect(model.overloadedIds.length).toBe(overloaded.length);
    // The contract's figure (more than one unit) stays what check --json prints.
    expect(model.figures.coverage.map((c) => c.overloaded)).toEqual(model.root.coverage.map((c) => c.overloaded));
    expect(model.root.coverage.every((c) => c.aboveLine <= c.overloaded)).toBe(true);
  });

  it('lists provincial cadres first, then district cadres, then commune cadres', () => {
    const rank = { province: 0, district: 1, commune: 2 };
    for (const ids of [model.silentIds, model.overloadedIds, model.idleIds, model.units[model.rootIds[0]!]!.cadreIds]) {
      const levels = ids.map((id) => rank[model.cadres[id]!.level]);
      expect(levels).toEqual([...levels].sort((a, b) => a - b));
    }
    expect(model.cadres[model.silentIds[0]!]!.level).toBe('province');
  });
});
