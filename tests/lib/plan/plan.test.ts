import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../../src/lib/load.ts';
import { assignmentsCsv } from '../../../src/lib/plan/csv.ts';
import { changesByArea, leastOverloaded, makePlan, type Plan } from '../../../src/lib/plan/plan.ts';
import { solverInThread } from '../../../src/lib/plan/solve.ts';
import { capacitySentence, changeReason } from '../../../src/lib/plan/text.ts';
import { memorySource } from '../../memory-source.ts';

const TINY = 'tests/fixtures/tiny/exports/2017-Q4';
const tiny = Object.fromEntries(readdirSync(TINY).map((f) => [`d/exports/2017-Q4/${f}`, readFileSync(join(TINY, f), 'utf8')]));

let solver: ReturnType<typeof solverInThread>;
beforeAll(async () => { solver = solverInThread(await loadHighs()); });

async function planOf(files: Record<string, string>, maxChanges: number | null = null): Promise<Plan> {
  const loaded = await loadData('d', memorySource(files));
  expect(loaded.findings.errors).toEqual([]);
  return makePlan(solver, loaded.current!, loaded.config, maxChanges);
}

/** The figures `check` computes for next quarter when the plan's file is its assignments.csv. */
async function nextQuarterFigures(files: Record<string, string>, plan: Plan, from: string, to: string) {
  const next = { ...files };
  for (const name of ['units.csv', 'cadres.csv']) next[`d/exports/${to}/${name}`] = files[`d/exports/${from}/${name}`]!;
  next[`d/exports/${to}/assignments.csv`] = assignmentsCsv(plan.assignments);
  const loaded = await loadData('d', memorySource(next));
  expect(loaded.findings.errors).toEqual([]);
  return loaded.quarters.at(-1)!.figures.coverage;
}

describe('the reassignment plan on the hand-checked tiny export', () => {
  // As the export stands for 2018-Q1: P1 follows Xã A1 and Xã A2, P2's and P3's assignments
  // have ended; D1 follows Ấp A1-1, D2's has ended; C1 starts on Tổ 1 on 05/01/2018.
  it('gives each province cadre one commune: P1 hands one over, P2 and P3 take the other two', async () => {
    const plan = await planOf(tiny);
    const province = plan.pairs[0]!;
    expect(province.before).toEqual({ covered: 2, unattended: 1, overloaded: 1, idle: 2, maxLoad: 2 });
    expect(province.after).toEqual({ covered: 3, unattended: 0, overloaded: 0, idle: 0, maxLoad: 1 });
    expect(province.minimumOverloaded).toBe(0);
    expect(province.cadresNeededForOneEach).toBe(0);
    const changes = province.changes.map((c) => `${c.action} ${c.cadreId} ${c.unitId}`).sort();
    expect(changes).toHaveLength(3);
    const ended = changes.find((c) => c.startsWith('end'))!;
    expect(['end P1 10001', 'end P1 10002']).toContain(ended);
    expect(changes.filter((c) => c.startsWith('add')).map((c) => c.split(' ')[1]).sort()).toEqual(['P2', 'P3']);
    expect(changes).toContain(`add ${changes.includes('add P2 10003') ? 'P3' : 'P2'} ${ended.split(' ')[2]}`);
    // Huyện A (801) hands one commune over within itself; Huyện B (802) gets its commune followed.
    expect(changesByArea(province.changes)).toEqual([{ areaId: '801', adds: 1, ends: 1 }, { areaId: '802', adds: 1, ends: 0 }]);
  });

  it('gives each district cadre its district’s unattended hamlet, and leaves the commune pair as it is', async () => {
    const plan = await planOf(tiny);
    const [, district, commune] = plan.pairs;
    expect(district!.changes.map((c) => `${c.action} ${c.cadreId} ${c.unitId}`).sort()).toEqual(['add D1 10001-02', 'add D2 10003-01']);
    expect(district!.before).toEqual({ covered: 2, unattended: 1, overloaded: 0, idle: 0, maxLoad: 1 });
    expect(district!.after).toEqual({ covered: 3, unattended: 0, overloaded: 1, idle: 0, maxLoad: 2 });
    expect(district!.minimumOverloaded).toBe(1);
    expect(district!.cadresNeededForOneEach).toBe(1);
    expect(commune!.changes).toEqual([]);
    expect(commune!.after).toMatchObject({ covered: 1, idle: 0 });
  });

  it('writes the file for next quarter: ends on the quarter’s last day, starts on the next one’s first', async () => {
    const plan = await planOf(tiny);
    const csv = assignmentsCsv(plan.assignments).split('\n');
    expect(csv[0]).toBe('cadre_id,unit_id,role,start_date,end_date');
    const endedUnit = plan.pairs[0]!.changes.find((c) => c.action === 'end')!.unitId;
    expect(csv).toContain(endedUnit === '10001' ? 'P1,10001,lead,,2017-12-31' : 'P1,10002,lead,2017-11-15,2017-12-31');
    expect(csv).toContain('D1,10001-02,lead,2018-01-01,');
    expect(csv).toContain('D2,10003-01,lead,2018-01-01,');
    // Rows the plan does not touch stay as they were, history included.
    expect(csv).toContain('D2,10003-01,lead,2017-01-01,2017-12-31');
    expect(csv).toContain('C1,10001-01-01,lead,2018-01-05,');
    expect(plan.effectiveFrom).toBe('2018-01-01');
  });

  it('has after-figures equal to what check computes for next quarter from the proposed file', async () => {
    const plan = await planOf(tiny);
    const figures = await nextQuarterFigures(tiny, plan, '2017-Q4', '2018-Q1');
    expect(figures).toHaveLength(3);
    figures.forEach((f, p) => {
      const { maxLoad: _, ...after } = plan.pairs[p]!.after;
      expect({ covered: f.covered, unattended: f.unattended, overloaded: f.overloaded, idle: f.idle }).toEqual(after);
    });
  });

  it('keeps within a change budget, best first: with one change it covers the unattended commune', async () => {
    const plan = await planOf(tiny, 1);
    const province = plan.pairs[0]!;
    expect(province.changes).toHaveLength(1);
    expect(province.changes[0]).toMatchObject({ action: 'add', unitId: '10003' });
    expect(province.after).toMatchObject({ covered: 3, unattended: 0, overloaded: 1, idle: 1 });
    expect((await planOf(tiny, 0)).pairs.every((p) => p.changes.length === 0)).toBe(true);
  });
});

describe('leastOverloaded(units, cadres)', () => {
  it.each([
    [164, 139, 25],
    [3, 3, 0],
    [2, 5, 0],
    [100, 41, 30],
    [10, 3, 3],
  ])('%i units, %i cadres: %i', (units, cadres, expected) => {
    expect(leastOverloaded(units, cadres)).toBe(expected);
  });
});

describe('capacitySentence', () => {
  it('says what 164 communes and 139 province cadres allow, as a leader would', () => {
    const pair = { cadreLevel: 'province', unitLevel: 'commune', cadres: 139, units: 164, minimumOverloaded: 25, cadresNeededForOneEach: 25 } as Parameters<typeof capacitySentence>[0];
    expect(capacitySentence(pair, 'en')).toBe('164 communes and 139 province cadres: at least 25 cadres must follow two communes; 25 more cadres would let each follow one.');
    expect(capacitySentence(pair, 'vi')).toBe('164 xã và 139 cán bộ tỉnh: ít nhất 25 cán bộ phải theo dõi hai xã; thêm 25 cán bộ thì mỗi người chỉ cần theo dõi một xã.');
  });
});

describe('changeReason', () => {
  const names = { unit: (id: string) => ({ u1: 'Xã An Hiệp', u2: 'Xã Phú Tân' })[id] ?? id, cadre: (id: string) => ({ c2: 'Lê Văn Ba' })[id] ?? id };
  const why = { unitWasUnattended: false, cadreWasIdle: false, cadreLoadBefore: 0, otherCadres: [], nearUnits: [], movedWith: [], field: null, fieldMatched: 0, unitIssues: 0 };
  it('gives every reason that applies to a cadre taking a unit, in both languages', () => {
    const change = { action: 'add' as const, cadreId: 'c1', unitId: 'u1', areaId: 'd1', why: { ...why, unitWasUnattended: true, nearUnits: ['u2'], field: 'kinh tế', fieldMatched: 3, unitIssues: 4 } };
    expect(changeReason(change, names, 'vi')).toBe('Xã An Hiệp chưa có ai theo dõi; gần Xã Phú Tân mà cán bộ đang theo dõi; lĩnh vực kinh tế, hợp với 3/4 kiến nghị của Xã An Hiệp');
    expect(changeReason(change, names, 'en')).toBe("nobody follows Xã An Hiệp; near Xã Phú Tân, which the cadre follows; field kinh tế, like 3 of Xã An Hiệp's 4 issues");
  });
  it('says who takes over a unit a cadre gives up, and the load that made it', () => {
    const change = { action: 'end' as const, cadreId: 'c1', unitId: 'u1', areaId: 'd1', why: { ...why, cadreLoadBefore: 2, otherCadres: ['c2'] } };
    expect(changeReason(change, names, 'vi')).toBe('cán bộ đang theo dõi 2 nơi; Lê Văn Ba nhận theo dõi');
    expect(changeReason(change, names, 'en')).toBe('the cadre follows 2 units; Lê Văn Ba takes it over');
  });
});
