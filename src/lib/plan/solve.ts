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

  const value = runModel(highs, rows, cols, (model) => {
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

/** Passes the rows and columns to HiGHS, lets `prepare` set objectives, and returns the optimal column values. */
function runModel(highs: Highs, rows: Row[], cols: Cols, prepare: (model: ReturnType<Highs['createModel']>) => void): Float64Array | number[] {
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
    prepare(model);
    model.run();
    const status = model.getModelStatus();
    if (status !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS ended with model status ${status}`);
    return model.getSolution().colValue;
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
 */
export function solveCompletePart(highs: Highs, part: PlanComponent, overloaded: number): boolean[] {
  const n = part.cadres.length;
  const maxFit = 2 * n * part.cap + 1;
  const cols: Cols = { lower: [], upper: [], integer: [], cost: [] };
  const byCadre = part.cadres.map(() => [] as [number, number][]);
  const byUnit = part.units.map(() => [] as [number, number][]);
  part.edges.forEach((e, k) => {
    cols.lower.push(0);
    cols.upper.push(1);
    cols.integer.push(1);
    cols.cost!.push((e.current ? -maxFit : maxFit) + e.fit);
    byCadre[e.cadre]!.push([k, 1]);
    byUnit[e.unit]!.push([k, 1]);
  });
  const rows: Row[] = byUnit.map((entries) => ({ lower: 1, upper: Infinity, entries }));
  const many: [number, number][] = [];
  for (const entries of byCadre) {
    if (part.cap <= 1) {
      rows.push({ lower: 1, upper: 1, entries });
      continue;
    }
    const o = cols.lower.length;
    cols.lower.push(0);
    cols.upper.push(1);
    cols.integer.push(1);
    cols.cost!.push(0);
    many.push([o, 1]);
    rows.push({ lower: -Infinity, upper: 1, entries: [...entries, [o, -(part.cap - 1)]] }, { lower: 1, upper: Infinity, entries });
  }
  if (many.length > 0) rows.push({ lower: -Infinity, upper: overloaded, entries: many });
  const value = runModel(highs, rows, cols, () => {});
  return part.edges.map((_, k) => value[k]! > 0.5);
}

/** The plan's solver in this thread, one part after another. */
export function solverInThread(highs: Highs) {
  return {
    each: async (jobs: { part: PlanComponent; overloaded: number | null }[]) =>
      jobs.map(({ part, overloaded }) => (overloaded === null ? solvePlan(highs, [part])[0]! : solveCompletePart(highs, part, overloaded))),
    together: async (parts: PlanComponent[], maxChanges: number) => solvePlan(highs, parts, maxChanges),
  };
}
