import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { leastOverloaded } from '../../../src/lib/plan/plan.ts';
import { compareScores, type PlanComponent, type PlanScore, scorePlan, solveCompleteInteger, solveCompleteRelaxation, solvePlan } from '../../../src/lib/plan/solve.ts';

// The brute-force comparisons take seconds of CPU: more than the 5 s default on a loaded shared machine.
vi.setConfig({ testTimeout: 60_000 });

let highs: Highs;
beforeAll(async () => { highs = await loadHighs(); });

/** A small seeded generator, so a failing case can be replayed. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    // The high bits: the low bits of this generator repeat with short periods.
    return Math.floor((s / 2 ** 32) * n);
  };
}

function randomComponent(rand: (n: number) => number, maxEdges: number): PlanComponent {
  const cadres = Array.from({ length: 1 + rand(3) }, (_, i) => `c${i}`);
  const units = Array.from({ length: 1 + rand(4) }, (_, j) => `u${j}`);
  const edges = [];
  for (let i = 0; i < cadres.length; i++) {
    for (let j = 0; j < units.length; j++) {
      if (edges.length < maxEdges && rand(4) > 0) edges.push({ cadre: i, unit: j, current: rand(2) === 0, fit: rand(3) });
    }
  }
  return { cadres, units, edges, cap: Math.ceil(units.length / cadres.length) };
}

/** Every subset of the edges, the best by the priorities: the optimum by exhaustion. */
function bruteForce(parts: PlanComponent[], maxChanges: number | null): PlanScore {
  const sizes = parts.map((p) => p.edges.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  let best: PlanScore | null = null;
  for (let mask = 0; mask < 2 ** total; mask++) {
    let offset = 0;
    const sum: PlanScore = { unattended: 0, aboveCap: 0, overloaded: 0, idle: 0, changes: 0, misfit: 0 };
    for (const part of parts) {
      const chosen = part.edges.map((_, k) => ((mask >> (offset + k)) & 1) === 1);
      offset += part.edges.length;
      const s = scorePlan(part, chosen);
      for (const key of Object.keys(sum) as (keyof PlanScore)[]) sum[key] += s[key];
    }
    if (maxChanges !== null && sum.changes > maxChanges) continue;
    if (!best || compareScores(sum, best) < 0) best = sum;
  }
  return best!;
}

function solvedScore(parts: PlanComponent[], maxChanges: number | null): PlanScore {
  const chosen = solvePlan(highs, parts, maxChanges);
  const sum: PlanScore = { unattended: 0, aboveCap: 0, overloaded: 0, idle: 0, changes: 0, misfit: 0 };
  parts.forEach((part, i) => {
    const s = scorePlan(part, chosen[i]!);
    for (const key of Object.keys(sum) as (keyof PlanScore)[]) sum[key] += s[key];
  });
  return sum;
}

describe('solvePlan', { timeout: 120_000 }, () => {
  it('fixes one cadre on two communes by giving the second commune to the idle cadre: two changes', () => {
    // c0 follows u0 and u1, c1 follows nothing; both may follow either.
    const part: PlanComponent = {
      cadres: ['c0', 'c1'], units: ['u0', 'u1'], cap: 1,
      edges: [
        { cadre: 0, unit: 0, current: true, fit: 0 }, { cadre: 0, unit: 1, current: true, fit: 0 },
        { cadre: 1, unit: 0, current: false, fit: 1 }, { cadre: 1, unit: 1, current: false, fit: 0 },
      ],
    };
    expect(solvePlan(highs, [part])[0]).toEqual([true, false, false, true]);
  });

  it('touches nothing when the assignments already meet the priorities', () => {
    const part: PlanComponent = {
      cadres: ['c0', 'c1'], units: ['u0', 'u1', 'u2'], cap: 2,
      edges: [
        { cadre: 0, unit: 0, current: true, fit: 2 }, { cadre: 0, unit: 1, current: true, fit: 2 },
        { cadre: 1, unit: 2, current: true, fit: 2 }, { cadre: 1, unit: 0, current: false, fit: 0 },
        { cadre: 1, unit: 1, current: false, fit: 0 },
      ],
    };
    expect(scorePlan(part, solvePlan(highs, [part])[0]!).changes).toBe(0);
  });

  it('matches the brute-force optimum on 300 random small parts', () => {
    const rand = lcg(2017);
    for (let n = 0; n < 300; n++) {
      const part = randomComponent(rand, 10);
      expect(solvedScore([part], null), `case ${n}: ${JSON.stringify(part)}`).toEqual(bruteForce([part], null));
    }
  });

  it('matches the brute-force optimum under a change budget shared by two parts', () => {
    const rand = lcg(1975);
    for (let n = 0; n < 120; n++) {
      const parts = [randomComponent(rand, 6), randomComponent(rand, 6)];
      const budget = rand(5);
      expect(solvedScore(parts, budget), `case ${n} budget ${budget}: ${JSON.stringify(parts)}`).toEqual(bruteForce(parts, budget));
    }
  });
});

/** A part where every cadre may follow every unit, as in a commune's residents' groups; some cadres follow several units now. */
function randomCompletePart(rand: (n: number) => number): PlanComponent {
  const cadres = Array.from({ length: 1 + rand(3) }, (_, i) => `c${i}`);
  const units = Array.from({ length: 1 + rand(Math.floor(13 / cadres.length)) }, (_, j) => `u${j}`);
  const edges = cadres.flatMap((_, i) => units.map((_, j) => ({ cadre: i, unit: j, current: rand(5) < 2, fit: rand(3) })));
  return { cadres, units, edges, cap: Math.ceil(units.length / cadres.length) };
}

describe('solveCompletePart', { timeout: 300_000 }, () => {
  it('matches the brute-force optimum on 300 random small complete parts, by branch and cut and by linear programmes wherever they give a plan', () => {
    const rand = lcg(2025);
    let byLp = 0;
    for (let n = 0; n < 300; n++) {
      const part = randomCompletePart(rand);
      const overloaded = leastOverloaded(part.units.length, part.cadres.length);
      const best = bruteForce([part], null);
      expect(scorePlan(part, solveCompleteInteger(highs, part, overloaded)), `case ${n}: ${JSON.stringify(part)}`).toEqual(best);
      const relaxed = solveCompleteRelaxation(highs, part, overloaded);
      if (relaxed === null) continue;
      byLp++;
      expect(scorePlan(part, relaxed), `case ${n}: ${JSON.stringify(part)}`).toEqual(best);
    }
    expect(byLp).toBeGreaterThan(250);
  });

  it('on 400 larger random parts, gives branch and cut’s optimum by linear programmes or gives no plan, and each of the three ways occurs', () => {
    // Too large for brute force: branch and cut, proven above, is the reference. The rounded plan
    // is taken only when it reaches the relaxation's bound; where it does not (it is then often
    // worse), solveCompletePart goes on to branch and cut.
    const rand = lcg(1986);
    const createModel = vi.spyOn(highs, 'createModel');
    const ways = { whole: 0, rounded: 0, none: 0 };
    for (let n = 0; n < 400; n++) {
      const cadres = Array.from({ length: 2 + rand(10) }, (_, i) => `c${i}`);
      const units = Array.from({ length: cadres.length + rand(3 * cadres.length) }, (_, j) => `u${j}`);
      const often = rand(6);
      const edges = cadres.flatMap((_, i) => units.map((_, j) => ({ cadre: i, unit: j, current: rand(10) < often * (i % 3 === 0 ? 2 : 1), fit: rand(3) })));
      const part: PlanComponent = { cadres, units, edges, cap: Math.ceil(units.length / cadres.length) };
      const overloaded = leastOverloaded(units.length, cadres.length);
      createModel.mockClear();
      const byLp = solveCompleteRelaxation(highs, part, overloaded);
      if (byLp === null) {
        ways.none++;
        continue;
      }
      ways[createModel.mock.calls.length === 1 ? 'whole' : 'rounded']++;
      expect(scorePlan(part, byLp), `case ${n}: ${JSON.stringify(part)}`).toEqual(scorePlan(part, solveCompleteInteger(highs, part, overloaded)));
    }
    createModel.mockRestore();
    expect(ways.whole).toBeGreaterThan(0);
    expect(ways.rounded).toBeGreaterThan(0);
    expect(ways.none).toBeGreaterThan(0);
  });
});
