import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import loadHighs from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/load.ts';
import { isActive } from '../../src/lib/metrics/active.ts';
import { pairInstance } from '../../src/lib/plan/instance.ts';
import { scorePlan } from '../../src/lib/plan/solve.ts';
import { nextQuarter } from '../../src/lib/quarter.ts';
import { nodeSource } from '../../scripts/lib/node-source.ts';
import { ROOT, runCheck, stackTraceLines, TINY } from './run-check.ts';

function runPlan(args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/plan.ts', ...args], { cwd: ROOT, env: { ...process.env, TZ: 'UTC', INIT_CWD: ROOT }, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'namcoso-plan-')); });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A data folder whose next quarter has the current units and cadres and the proposed assignments. */
function nextExport(dataDir: string, quarter: string, next: string, proposed: string): string {
  const dir = join(tmp, `next-${next}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(dir, 'exports', next), { recursive: true });
  for (const f of ['units.csv', 'cadres.csv']) copyFileSync(join(dataDir, 'exports', quarter, f), join(dir, 'exports', next, f));
  copyFileSync(proposed, join(dir, 'exports', next, 'assignments.csv'));
  if (existsSync(join(dataDir, 'config.json'))) copyFileSync(join(dataDir, 'config.json'), join(dir, 'config.json'));
  return dir;
}

describe('npm run plan on the demo', { timeout: 300_000 }, () => {
  let plan: any;
  let proposed: string;
  beforeAll(() => {
    proposed = join(tmp, 'demo-assignments.csv');
    const r = runPlan(['data', '--json', '--out', proposed]);
    expect(r.code, r.stderr).toBe(0);
    plan = JSON.parse(r.stdout);
  }, 300_000);

  it('proposes for every pair, starting next quarter, and says what the numbers allow', () => {
    expect(plan.quarter).toBe('2017-Q4');
    expect(plan.effectiveFrom).toBe('2018-01-01');
    expect(plan.pairs.map((p: any) => `${p.cadreLevel}→${p.unitLevel}`)).toEqual(['province→commune', 'district→hamlet', 'commune→group']);
    const province = plan.pairs[0];
    expect(province.before).toEqual({ covered: 150, unattended: 14, overloaded: 25, idle: 3, maxLoad: 3 });
    expect(province.minimumOverloaded).toBe(25);
    expect(province.cadresNeededForOneEach).toBe(25);
    expect(province.capacity).toContain('ít nhất 25 cán bộ phải theo dõi hai xã');
    for (const p of plan.pairs) {
      expect(p.after.unattended).toBe(0);
      expect(p.after.idle).toBe(0);
      expect(p.after.overloaded).toBe(p.minimumOverloaded);
      for (const c of p.changes) expect(c.reason.length).toBeGreaterThan(0);
    }
  });

  it('has after-figures that check computes for next quarter from the proposed file', () => {
    const check = runCheck([nextExport('data', '2017-Q4', '2018-Q1', proposed), '--json']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.json.quarter).toBe('2018-Q1');
    check.json.coverage.forEach((f: any, p: number) => {
      const { maxLoad: _, ...after } = plan.pairs[p].after;
      expect({ covered: f.covered, unattended: f.unattended, overloaded: f.overloaded, idle: f.idle }).toEqual(after);
    });
  });

  it('makes as few changes as a min-cost b-matching, solved as a plain LP, on the province pair', async () => {
    // An independent formulation: with 164 communes, 139 cadres and at most two each, the
    // 25 overloaded cadres of the optimum follow exactly two, so every commune has exactly one
    // cadre and every cadre one or two. That is a flow, whose LP optimum is integral.
    const loaded = await loadData('data', nodeSource());
    const analysis = loaded.current!;
    const next = nextQuarter(analysis.data.quarter);
    const base = analysis.data.assignments.filter((a) => isActive(a, next));
    const inst = pairInstance(loaded.config.coverage[0]!, {
      units: analysis.data.units, cadres: analysis.data.cadres, hierarchy: analysis.hierarchy, areasOf: analysis.membership.unit, base,
      issues: analysis.data.reports?.issues ?? [], quarter: analysis.data.quarter, config: loaded.config,
    });
    const part = inst.parts[0]!;
    expect(inst.parts).toHaveLength(1);
    expect(part.cap).toBe(2);
    const highs = await loadHighs();
    const weight = 10_000;
    const rows = [
      ...part.units.map((_, j) => ({ lower: 1, upper: 1, cols: part.edges.flatMap((e, k) => (e.unit === j ? [k] : [])) })),
      ...part.cadres.map((_, i) => ({ lower: 1, upper: 2, cols: part.edges.flatMap((e, k) => (e.cadre === i ? [k] : [])) })),
    ];
    const starts = [0];
    const indices: number[] = [];
    for (const r of rows) { indices.push(...r.cols); starts.push(indices.length); }
    const result = highs.raw.lpCall({
      numCols: part.edges.length, numRows: rows.length,
      colCost: part.edges.map((e) => (e.current ? -weight : weight) + e.fit),
      colLower: part.edges.map(() => 0), colUpper: part.edges.map(() => 1),
      rowLower: rows.map((r) => r.lower), rowUpper: rows.map((r) => r.upper),
      matrix: { format: 'csr', numRows: rows.length, numCols: part.edges.length, starts, indices, values: indices.map(() => 1) },
    });
    const lp = result.value!.solution.colValue;
    expect(lp.every((v) => Math.abs(v - Math.round(v)) < 1e-6)).toBe(true);
    const flow = scorePlan(part, Array.from(lp, (v) => v > 0.5));
    const changed = new Set(plan.pairs[0].changes.map((c: any) => `${c.cadreId}\t${c.unitId}`));
    const planned = scorePlan(part, part.edges.map((e) => e.current !== changed.has(`${part.cadres[e.cadre]}\t${part.units[e.unit]}`)));
    expect(planned).toEqual(flow);
    expect(planned.changes).toBe(plan.pairs[0].changes.length);
  });
});

describe('npm run plan on the examples', { timeout: 120_000 }, () => {
  it.each([
    ['data/examples/can-loc', '2019-Q4', '2020-Q1'],
    ['data/examples/two-tier', '2025-Q4', '2026-Q1'],
  ])('%s: the after-figures are what check computes for next quarter', (dir, quarter, next) => {
    const proposed = join(tmp, `${quarter}.csv`);
    const r = runPlan([dir, '--json', '--out', proposed, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout);
    const check = runCheck([nextExport(dir, quarter, next, proposed), '--json']);
    expect(check.code, check.stderr).toBe(0);
    check.json.coverage.forEach((f: any, p: number) => {
      const { maxLoad: _, ...after } = plan.pairs[p].after;
      expect({ covered: f.covered, unattended: f.unattended, overloaded: f.overloaded, idle: f.idle }).toEqual(after);
    });
  });
});

describe('npm run plan, used wrongly', { timeout: 60_000 }, () => {
  it('exits 2 on a wrong command line and never overwrites a file', () => {
    expect(runPlan(['data', '--max-changes', 'ten']).code).toBe(2);
    expect(runPlan([]).code).toBe(2);
    const existing = join(tmp, 'keep.csv');
    writeFileSync(existing, 'số liệu của ai đó');
    const r = runPlan([TINY, '--out', existing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('exists already');
    expect(readFileSync(existing, 'utf8')).toBe('số liệu của ai đó');
  });

  it('gives the same errors as check for bad data, exit 1, no stack trace', () => {
    const dir = join(tmp, 'broken');
    cpSync(TINY, dir, { recursive: true });
    const units = join(dir, 'exports/2017-Q4/units.csv');
    writeFileSync(units, readFileSync(units, 'utf8').replace('802,Huyện B,district,83', '802,Huyện B,district,999'));
    const r = runPlan([dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2017-Q4/units.csv, line 4, column parent_id, value "999"');
    expect(stackTraceLines(r.stderr)).toEqual([]);
  });
});
