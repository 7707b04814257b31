import loadHighs from 'highs';
import { describe, expect, it, vi } from 'vitest';
import { nodeSource } from '../../../scripts/lib/node-source.ts';
import { loadData } from '../../../src/lib/load.ts';
import { isActive } from '../../../src/lib/metrics/active.ts';
import { pairInstance } from '../../../src/lib/plan/instance.ts';
import { leastOverloaded } from '../../../src/lib/plan/plan.ts';
import { scorePlan, solveCompleteInteger, solveCompleteRelaxation } from '../../../src/lib/plan/solve.ts';
import { nextQuarter } from '../../../src/lib/quarter.ts';

// Small random parts always have a whole relaxation (see solve.test.ts), so the second proof,
// a rounded plan that reaches the relaxation's bound, is checked on the demo's communes, where
// a fifth of the relaxations are fractional, against branch and cut of the same model.
describe('the plan of residents’ groups in the demo’s communes', { timeout: 300_000 }, () => {
  it('is optimal by linear programmes alone in every commune, and equals branch and cut where the relaxation was fractional', async () => {
    const loaded = await loadData('data', nodeSource());
    const analysis = loaded.current!;
    const next = nextQuarter(analysis.data.quarter);
    const pair = loaded.config.coverage.findIndex((p) => p.unitLevel === 'group');
    const inst = pairInstance(loaded.config.coverage[pair]!, {
      units: analysis.data.units, cadres: analysis.data.cadres, hierarchy: analysis.hierarchy, areasOf: analysis.membership.unit,
      base: analysis.data.assignments.filter((a) => isActive(a, next)),
      issues: analysis.data.reports?.issues ?? [], quarter: analysis.data.quarter, config: loaded.config,
    });
    const highs = await loadHighs();
    const createModel = vi.spyOn(highs, 'createModel');
    let rounded = 0;
    for (const part of inst.parts) {
      expect(part.complete).toBe(true);
      const overloaded = leastOverloaded(part.units.length, part.cadres.length);
      createModel.mockClear();
      const byLp = solveCompleteRelaxation(highs, part, overloaded);
      expect(byLp, `commune ${part.units[0]}`).not.toBeNull();
      if (createModel.mock.calls.length === 1) continue;
      rounded++;
      expect(scorePlan(part, byLp!), `commune ${part.units[0]}`).toEqual(scorePlan(part, solveCompleteInteger(highs, part, overloaded)));
    }
    createModel.mockRestore();
    expect(inst.parts).toHaveLength(164);
    expect(rounded).toBeGreaterThan(20);
  });
});
