import type { Highs } from 'highs';

/**
 * One independent part of a level pair's plan: the cadres of an area, the units they may
 * follow, and every assignment the plan may keep or make. Indices are local to the part.
 */
export interface PlanComponent {
  cadres: string[];
  units: string[];
  edges: PlanEdge[];
  /** ⌈units / cadres⌉: no cadre of the area may follow more. */
  cap: number;
}

export interface PlanEdge {
  cadre: number;
  unit: number;
  /** In force now (as the export stands for next quarter). */
  current: boolean;
  /** 0 a good fit, more a worse one (area and expertise, see fit.ts). */
  fit: number;
}

/** The plan's priorities, in order; each is minimised while every one before it holds. */
export interface PlanScore {
  unattended: number;
  aboveCap: number;
  overloaded: number;
  idle: number;
  changes: number;
  misfit: number;
}

export const PRIORITIES: (keyof PlanScore)[] = ['unattended', 'aboveCap', 'overloaded', 'idle', 'changes', 'misfit'];

/** Scores a choice of edges by the priorities, without a solver (the tests' brute force uses it too). */
export function scorePlan(component: PlanComponent, chosen: boolean[]): PlanScore {
  const load = new Array<number>(component.cadres.length).fill(0);
  const covered = new Array<boolean>(component.units.length).fill(false);
  let changes = 0;
  let misfit = 0;
  component.edges.forEach((e, k) => {
    if (chosen[k]) {
      load[e.cadre]!++;
      covered[e.unit] = true;
      misfit += e.fit;
    }
    if (chosen[k] !== e.current) changes++;
  });
  return {
    unattended: covered.filter((c) => !c).length,
    aboveCap: load.reduce((s, l) => s + Math.max(0, l - component.cap), 0),
    overloaded: load.filter((l) => l > 1).length,
    idle: load.filter((l) => l === 0).length,
    changes,
    misfit,
  };
}

/** Lexicographic comparison of two scores: negative when `a` is the better plan. */
export function compareScores(a: PlanScore, b: PlanScore): number {
  for (const key of PRIORITIES) if (a[key] !== b[key]) return a[key] - b[key];
  return 0;
}

/**
 * Solves the parts together, exactly, as one mixed-integer programme with HiGHS's
 * lexicographic objectives (coverage, then the cap, overloaded, idle, changes, fit).
 * `maxChanges` bounds the changes of all parts together; the parts are otherwise independent,
 * so callers solve them one at a time unless a budget links them.
 * Returns, per part, which of its edges the plan keeps or adds.
 */
export function solvePlan(highs: Highs, components: PlanComponent[], maxChanges: number | null = null): boolean[][] {
  const cols: Cols = { lower: [], upper: [], integer: [] };
  const objective: Record<keyof PlanScore, number[]> = { unattended: [], aboveCap: [], overloaded: [], idle: [], changes: [], misfit: [] };
  const rows: Row[] = [];
  const addCol = (lower: number, upper: number, integer: boolean, costs: Partial<Record<keyof PlanScore, number>>): number => {
    const index = cols.lower.length;
    cols.lower.push(lower);
    cols.upper.push(upper);
    cols.integer.push(integer ? 1 : 0);
    for (const key of PRIORITIES) objective[key].push(costs[key] ?? 0);
    return index;
  };
  const edgeCols: number[][] = [];
  const budget: [number, number][] = [];
  let current = 0;

  for (const part of components) {
    const x = part.edges.map((e) => addCol(0, 1, true, { changes: e.current ? -1 : 1, misfit: e.fit }));
    edgeCols.push(x);
    const byCadre = part.cadres.map(() => [] as number[]);
    const byUnit = part.units.map(() => [] as number[]);
    part.edges.forEach((e, k) => {
      byCadre[e.cadre]!.push(x[k]!);
      byUnit[e.unit]!.push(x[k]!);
      if (e.current) current++;
      budget.push([x[k]!, e.current ? -1 : 1]);
    });
    // covered_j ≤ Σ x: maximising the covered units counts each unit once, however many follow it.
    for (const edges of byUnit) {
      const c = addCol(0, 1, false, { unattended: -1 });
      rows.push({ lower: -Infinity, upper: 0, entries: [[c, 1], ...edges.map((k): [number, number] => [k, -1])] });
    }
    for (const edges of byCadre) {
      const load = edges.map((k): [number, number] => [k, 1]);
      const above = addCol(0, Infinity, false, { aboveCap: 1 });
      rows.push({ lower: -Infinity, upper: part.cap, entries: [...load, [above, -1]] });
      if (edges.length > 1) {
        const overloaded = addCol(0, 1, true, { overloaded: 1 });
        rows.push({ lower: -Infinity, upper: 1, entries: [...load, [overloaded, -(edges.length - 1)]] });
        // Implied by the two rows above, but it tightens the relaxation a great deal.
        if (part.cap > 1) rows.push({ lower: -Infinity, upper: 1, entries: [...load, [overloaded, -(part.cap - 1)], [above, -1]] });
      }
      const idle = addCol(0, 1, false, { idle: 1 });
      rows.push({ lower: 1, upper: Infinity, entries: [...load, [idle, 1]] });
    }
  }
  if (maxChanges !== null) rows.push({ lower: -Infinity, upper: maxChanges - current, entries: budget });

  const { value } = runModel(highs, rows, cols, (model) => {
    model.passLinearObjectives(PRIORITIES.map((key, i) => ({
      weight: 1,
      offset: 0,
      coefficients: objective[key],
      absoluteTolerance: 0.5,
      relativeTolerance: 0,
      priority: PRIORITIES.length - i,
    })));
  });
  return edgeCols.map((x) => x.map((col) => value[col]! > 0.5));
}

type Row = { lower: number; upper: number; entries: [number, number][] };
type Cols = { lower: number[]; upper: number[]; integer: number[]; cost?: number[] };

/** Passes the rows and columns to HiGHS, lets `prepare` set objectives, and returns the optimal column values and objective. */
function runModel(highs: Highs, rows: Row[], cols: Cols, prepare?: (model: ReturnType<Highs['createModel']>) => void): { value: ArrayLike<number>; objective: number } {
  const inf = highs.infinity;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    for (const [col, value] of row.entries) {
      indices.push(col);
      values.push(value);
    }
    starts.push(indices.length);
  }
  const numCols = cols.lower.length;
  const model = highs.createModel({
    numCols,
    numRows: rows.length,
    colCost: cols.cost ?? new Float64Array(numCols),
    colLower: cols.lower,
    colUpper: cols.upper.map((u) => (u === Infinity ? inf : u)),
    rowLower: rows.map((r) => (r.lower === -Infinity ? -inf : r.lower)),
    rowUpper: rows.map((r) => (r.upper === Infinity ? inf : r.upper)),
    matrix: { format: 'csr', numRows: rows.length, numCols, starts, indices, values },
    integrality: Int32Array.from(cols.integer),
  });
  try {
    // Every objective takes whole values, so a gap under one proves the optimum.
    // HiGHS blends the objectives unless told to rank them.
    model.options.set({ output_flag: false, blend_multi_objectives: false, mip_rel_gap: 0, mip_abs_gap: 0.5 });
    prepare?.(model);
    model.run();
    const status = model.getModelStatus();
    if (status !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS ended with model status ${status}`);
    return { value: model.getSolution().colValue, objective: model.getObjectiveValue() };
  } finally {
    model.dispose();
  }
}

/**
 * The optimum of a part where every cadre may follow every unit, with no limit on changes.
 * There priorities 1–3 have known optima (see leastOverloaded in plan.ts): every unit followed,
 * no cadre above the cap, exactly `overloaded` cadres on more than one unit, none idle. They
 * become constraints, and one objective ranks changes before fit: a change weighs more than
 * the worst fit of a whole plan. This model is far smaller and tighter than the general one.
 *
 * Linear programmes find and prove the optimum of most parts in a tenth of branch and cut's
 * time (solveCompleteRelaxation); the others go on to branch and cut.
 */
export function solveCompletePart(highs: Highs, part: PlanComponent, overloaded: number): boolean[] {
  return solveCompleteRelaxation(highs, part, overloaded) ?? solveCompleteInteger(highs, part, overloaded);
}

/**
 * The optimum of solveCompletePart's model found through linear programmes alone, or null.
 * First the relaxation: a whole optimum of it is the integer optimum, since every integer plan
 * is a point of the relaxation. When it is fractional, its value still bounds every plan from
 * below: the cadres it overloads most are then made the overloaded ones, which leaves a
 * transportation problem whose optimum is whole (bipartite degree bounds), and that plan is
 * the optimum if it reaches the bound. Null when neither proof holds.
 */
export function solveCompleteRelaxation(highs: Highs, part: PlanComponent, overloaded: number): boolean[] | null {
  const { rows, cols, overloadCols } = completePartModel(part, overloaded);
  const linear = { ...cols, integer: cols.integer.map(() => 0) };
  const relaxed = runModel(highs, rows, linear);
  const pick = (value: ArrayLike<number>) => part.edges.map((_, k) => value[k]! > 0.5);
  if (isWhole(relaxed.value)) return pick(relaxed.value);
  if (overloadCols.length === 0) return null;
  const chosen = new Set([...overloadCols].sort((a, b) => relaxed.value[b]! - relaxed.value[a]! || a - b).slice(0, overloaded));
  const fixed = { ...linear, lower: [...linear.lower], upper: [...linear.upper] };
  for (const col of overloadCols) fixed.lower[col] = fixed.upper[col] = chosen.has(col) ? 1 : 0;
  const rounded = runModel(highs, rows, fixed);
  // The costs are whole numbers, so a plan within half of the bound reaches it.
  return isWhole(rounded.value) && rounded.objective < relaxed.objective + 0.5 ? pick(rounded.value) : null;
}

/** solveCompletePart's model solved by branch and cut. */
export function solveCompleteInteger(highs: Highs, part: PlanComponent, overloaded: number): boolean[] {
  const { rows, cols } = completePartModel(part, overloaded);
  const { value } = runModel(highs, rows, cols);
  return part.edges.map((_, k) => value[k]! > 0.5);
}

function isWhole(value: ArrayLike<number>): boolean {
  for (let i = 0; i < value.length; i++) if (Math.abs(value[i]! - Math.round(value[i]!)) > WHOLE) return false;
  return true;
}

/** How far from a whole number a simplex value may lie and still count as whole. */
const WHOLE = 1e-9;

/** Most cadres follow a few units now; one that follows many gets one row instead of every pair. */
const MAX_PAIRED = 8;

/** The rows and columns of solveCompletePart's model: one column per edge, then one per overloadable cadre. */
function completePartModel(part: PlanComponent, overloaded: number): { rows: Row[]; cols: Cols; overloadCols: number[] } {
  const n = part.cadres.length;
  const maxFit = 2 * n * part.cap + 1;
  const cols: Cols = { lower: [], upper: [], integer: [], cost: [] };
  const byCadre = part.cadres.map(() => [] as [number, number][]);
  const currentOf = part.cadres.map(() => [] as number[]);
  const byUnit = part.units.map(() => [] as [number, number][]);
  part.edges.forEach((e, k) => {
    cols.lower.push(0);
    cols.upper.push(1);
    cols.integer.push(1);
    cols.cost!.push((e.current ? -maxFit : maxFit) + e.fit);
    byCadre[e.cadre]!.push([k, 1]);
    byUnit[e.unit]!.push([k, 1]);
    if (e.current) currentOf[e.cadre]!.push(k);
  });
  const rows: Row[] = byUnit.map((entries) => ({ lower: 1, upper: Infinity, entries }));
  const many: [number, number][] = [];
  const overloadCols: number[] = [];
  byCadre.forEach((entries, c) => {
    if (part.cap <= 1) {
      rows.push({ lower: 1, upper: 1, entries });
      return;
    }
    const o = cols.lower.length;
    cols.lower.push(0);
    cols.upper.push(1);
    cols.integer.push(1);
    cols.cost!.push(0);
    many.push([o, 1]);
    overloadCols.push(o);
    rows.push({ lower: -Infinity, upper: 1, entries: [...entries, [o, -(part.cap - 1)]] }, { lower: 1, upper: Infinity, entries });
    // A cadre keeps two of its units only if overloaded. Implied by the load row for whole
    // values, these rows stop the relaxation from keeping half of each of many cadres' pairs,
    // which is what made it fractional.
    const current = currentOf[c]!;
    if (current.length > MAX_PAIRED) rows.push({ lower: -Infinity, upper: 1, entries: [...current.map((k): [number, number] => [k, 1]), [o, -(current.length - 1)]] });
    else {
      for (let a = 0; a < current.length; a++) {
        for (let b = a + 1; b < current.length; b++) rows.push({ lower: -Infinity, upper: 1, entries: [[current[a]!, 1], [current[b]!, 1], [o, -1]] });
      }
    }
  });
  if (many.length > 0) rows.push({ lower: -Infinity, upper: overloaded, entries: many });
  return { rows, cols, overloadCols };
}

/** The plan's solver in this thread, one part after another. */
export function solverInThread(highs: Highs) {
  return {
    each: async (jobs: { part: PlanComponent; overloaded: number | null }[]) =>
      jobs.map(({ part, overloaded }) => (overloaded === null ? solvePlan(highs, [part])[0]! : solveCompletePart(highs, part, overloaded))),
    together: async (parts: PlanComponent[], maxChanges: number) => solvePlan(highs, parts, maxChanges),
  };
}
