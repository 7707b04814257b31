import type { QuarterAnalysis } from '../analyse.ts';
import { rollUp, wholeExport } from '../grains.ts';
import { activeAssignments, isActive } from '../metrics/active.ts';
import { type CoverageDetail, coverage } from '../metrics/coverage.ts';
import { pairAssignments } from '../metrics/pairs.ts';
import { nextQuarter } from '../quarter.ts';
import type { Assignment, Config, CoveragePair, Quarter } from '../types.ts';
import { type PairInstance, type PlanPart, pairInstance, type UnreachableReason } from './instance.ts';
import { type PlanComponent, scorePlan } from './solve.ts';

/**
 * What solves the parts of a plan: in this thread (tests), or spread over worker threads
 * (the command line and the build). `overloaded` is the known least overloaded count of a part
 * where every cadre may follow every unit, or null for the general model.
 */
export interface PlanSolver {
  each(jobs: { part: PlanComponent; overloaded: number | null }[]): Promise<boolean[][]>;
  /** The parts together, within one budget of changes. */
  together(parts: PlanComponent[], maxChanges: number): Promise<boolean[][]>;
}

export interface PlanFigures {
  covered: number;
  unattended: number;
  overloaded: number;
  idle: number;
  maxLoad: number;
}

/** Why the plan makes a change, in facts the page and the CLI put into words. */
export interface ChangeWhy {
  /** add: nobody followed the unit; end: the cadre followed more units than the plan keeps. */
  unitWasUnattended: boolean;
  cadreWasIdle: boolean;
  cadreLoadBefore: number;
  /** The cadres who give the unit up (for an add) or take it over (for an end). */
  otherCadres: string[];
  /** Units the cadre follows near this one (same parent, region or working group). */
  nearUnits: string[];
  /** The units this cadre leaves (for an add) or takes (for an end) in the same plan: a move. */
  movedWith: string[];
  field: string | null;
  /** Of the unit's issues this quarter, how many the cadre's field answers. */
  fieldMatched: number;
  unitIssues: number;
}

export interface PlanChange {
  action: 'add' | 'end';
  cadreId: string;
  unitId: string;
  /** The district (for a commune) or commune (below it) the change is listed under. */
  areaId: string;
  why: ChangeWhy;
}

export interface PairPlan {
  cadreLevel: CoveragePair['cadreLevel'];
  unitLevel: CoveragePair['unitLevel'];
  cadres: number;
  units: number;
  before: PlanFigures;
  after: PlanFigures;
  /** The fewest cadres on more than one unit that any plan could reach, with no limit on changes. */
  minimumOverloaded: number;
  /** Cadres to add so that every unit could have its own. */
  cadresNeededForOneEach: number;
  unreachable: { unitId: string; reason: UnreachableReason }[];
  changes: PlanChange[];
}

export interface Plan {
  quarter: string;
  effectiveFrom: string;
  maxChanges: number | null;
  pairs: PairPlan[];
  /** The proposed assignments.csv, every row of the export as it is but for the plan's changes. */
  assignments: Assignment[];
}

/**
 * The best changes to the assignments in force for next quarter, for every level pair, in the
 * order of the priorities (see solve.ts). `maxChanges` limits the changes of each pair.
 */
export async function makePlan(solver: PlanSolver, analysis: QuarterAnalysis, config: Config, maxChanges: number | null = null): Promise<Plan> {
  const { data, hierarchy } = analysis;
  const next = nextQuarter(data.quarter);
  const base = data.assignments.filter((a) => isActive(a, next));
  const ctx = { units: data.units, cadres: data.cadres, hierarchy, areasOf: analysis.membership.unit, base, issues: data.reports?.issues ?? [], quarter: data.quarter, config };
  const instances = config.coverage.map((pair) => pairInstance(pair, ctx));
  const chosen: Awaited<ReturnType<typeof choose>>[] = [];
  for (const inst of instances) chosen.push(await choose(solver, inst, maxChanges));

  const changes = instances.map((inst, p) => describeChanges(inst, chosen[p]!.edges, analysis));
  const rows = proposedRows(data.assignments, changes.flat(), data.quarter, next);
  const cadreById = new Map(data.cadres.map((c) => [c.id, c]));
  const nextActive = activeAssignments(rows, next);
  return {
    quarter: data.quarter.id,
    effectiveFrom: next.start,
    maxChanges,
    pairs: instances.map((inst, p) => {
      const after = coverage(inst.pair, data.units, data.cadres, pairAssignments(inst.pair, nextActive, cadreById, hierarchy.byId));
      const needed = inst.parts.reduce((s, part) => s + Math.max(0, part.units.length - part.cadres.length), 0);
      return {
        cadreLevel: inst.pair.cadreLevel,
        unitLevel: inst.pair.unitLevel,
        cadres: inst.cadres.length,
        units: inst.units.length,
        before: figures(analysis, analysis.coverage[p]!),
        after: figures(analysis, after),
        minimumOverloaded: chosen[p]!.minimumOverloaded,
        cadresNeededForOneEach: needed + inst.unreachable.length,
        unreachable: inst.unreachable,
        changes: changes[p]!,
      };
    }),
    assignments: rows,
  };
}

/** One pair's export-wide coverage, counted by the grain module like every other figure. */
/** How many assignments a plan adds and ends in each district or commune, in the order first met. */
export function changesByArea(changes: PlanChange[]): { areaId: string; adds: number; ends: number }[] {
  const byArea = new Map<string, { areaId: string; adds: number; ends: number }>();
  for (const c of changes) {
    const counts = byArea.get(c.areaId) ?? byArea.set(c.areaId, { areaId: c.areaId, adds: 0, ends: 0 }).get(c.areaId)!;
    counts[c.action === 'add' ? 'adds' : 'ends']++;
  }
  return [...byArea.values()];
}

function figures(analysis: QuarterAnalysis, detail: CoverageDetail): PlanFigures {
  const rootId = analysis.hierarchy.roots[0]!.id;
  const facts = { ...analysis.facts, coverage: [detail], attendance: [], silent: [], issues: [] };
  const { covered, unattended, overloaded, idle } = rollUp(facts, wholeExport(rootId)).get(rootId)!.coverage[0]!;
  let maxLoad = 0;
  for (const units of detail.unitsOfCadre.values()) maxLoad = Math.max(maxLoad, units.size);
  return { covered, unattended, overloaded, idle, maxLoad };
}

/**
 * The least overloaded count of a part where every cadre may follow every unit: with m units,
 * n cadres and at most k = ⌈m/n⌉ each, b cadres on k units and the rest on one cover
 * n + (k − 1)·b units, so b = ⌈(m − n)/(k − 1)⌉ when m > n, else 0.
 */
export function leastOverloaded(units: number, cadres: number): number {
  if (cadres === 0 || units <= cadres) return 0;
  const cap = Math.ceil(units / cadres);
  return Math.ceil((units - cadres) / (cap - 1));
}

/** A part already at the optimum of priorities 1–3 needs no solver and no change. */
function alreadyBest(part: PlanPart): boolean {
  if (!part.complete) return false;
  const s = scorePlan(part, part.edges.map((e) => e.current));
  const idleFloor = part.units.length === 0 ? part.cadres.length : 0;
  return s.unattended === 0 && s.aboveCap === 0 && s.overloaded === leastOverloaded(part.units.length, part.cadres.length) && s.idle === idleFloor;
}

async function choose(solver: PlanSolver, inst: PairInstance, maxChanges: number | null): Promise<{ edges: boolean[][]; minimumOverloaded: number }> {
  const pending = inst.parts.flatMap((part, i) => (alreadyBest(part) ? [] : [i]));
  const solved = await solver.each(pending.map((i) => {
    const part = inst.parts[i]!;
    const overloaded = part.complete && part.units.length > 0 ? leastOverloaded(part.units.length, part.cadres.length) : null;
    return { part: { cadres: part.cadres, units: part.units, edges: part.edges, cap: part.cap }, overloaded };
  }));
  const best = inst.parts.map((part) => part.edges.map((e) => e.current));
  pending.forEach((i, k) => { best[i] = solved[k]!; });
  const minimumOverloaded = inst.parts.reduce((s, part, i) => s + scorePlan(part, best[i]!).overloaded, 0);
  if (maxChanges === null) return { edges: best, minimumOverloaded };
  const changes = inst.parts.map((part, i) => scorePlan(part, best[i]!).changes);
  if (changes.reduce((a, b) => a + b, 0) <= maxChanges) return { edges: best, minimumOverloaded };
  // The budget links the parts that would change: solve those together, leave the rest as they are.
  const moving = pending.filter((i) => changes[i]! > 0);
  const limited = await solver.together(moving.map((i) => inst.parts[i]!), maxChanges);
  const edges = inst.parts.map((part) => part.edges.map((e) => e.current));
  moving.forEach((i, k) => { edges[i] = limited[k]!; });
  return { edges, minimumOverloaded };
}

function describeChanges(inst: PairInstance, chosen: boolean[][], analysis: QuarterAnalysis): PlanChange[] {
  const changes: PlanChange[] = [];
  const cadreById = new Map(analysis.data.cadres.map((c) => [c.id, c]));
  inst.parts.forEach((part, p) => {
    const picked = chosen[p]!;
    // One pass: what each cadre followed before, and each change by unit and by cadre.
    const followedBefore = part.cadres.map(() => [] as number[]);
    const changed = { add: { byUnit: new Map<number, number[]>(), byCadre: new Map<number, number[]>() }, end: { byUnit: new Map<number, number[]>(), byCadre: new Map<number, number[]>() } };
    const push = (map: Map<number, number[]>, key: number, value: number) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
    part.edges.forEach((e, k) => {
      if (e.current) followedBefore[e.cadre]!.push(e.unit);
      if (picked[k] === e.current) return;
      const side = picked[k] ? changed.add : changed.end;
      push(side.byUnit, e.unit, e.cadre);
      push(side.byCadre, e.cadre, e.unit);
    });
    const coveredBefore = new Set(followedBefore.flat());
    part.edges.forEach((e, k) => {
      if (picked[k] === e.current) return;
      const action = picked[k] ? 'add' : 'end';
      const opposite = action === 'add' ? changed.end : changed.add;
      const others = opposite.byUnit.get(e.unit) ?? [];
      const unitId = part.units[e.unit]!;
      const near = followedBefore[e.cadre]!
        .filter((j) => j !== e.unit && sameNeighbourhood(part.units[j]!, unitId, analysis))
        .map((j) => part.units[j]!);
      changes.push({
        action,
        cadreId: part.cadres[e.cadre]!,
        unitId,
        areaId: listedUnder(unitId, analysis),
        why: {
          unitWasUnattended: !coveredBefore.has(e.unit),
          cadreWasIdle: followedBefore[e.cadre]!.length === 0,
          cadreLoadBefore: followedBefore[e.cadre]!.length,
          otherCadres: others.map((i) => part.cadres[i]!),
          nearUnits: near,
          movedWith: (opposite.byCadre.get(e.cadre) ?? []).map((j) => part.units[j]!),
          field: cadreById.get(part.cadres[e.cadre]!)?.field ?? null,
          fieldMatched: part.fieldMatch(k).matched,
          unitIssues: part.fieldMatch(k).issues,
        },
      });
    });
  });
  const key = (c: PlanChange) => `${c.areaId}\t${c.unitId}\t${c.action === 'end' ? 0 : 1}\t${c.cadreId}`;
  return changes.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function listedUnder(unitId: string, analysis: QuarterAnalysis): string {
  const { byId, ancestors, roots } = analysis.hierarchy;
  const wanted = byId.get(unitId)?.level === 'commune' ? 'district' : 'commune';
  return ancestors(unitId).find((u) => u.level === wanted)?.id ?? byId.get(unitId)?.parentId ?? roots[0]!.id;
}

function sameNeighbourhood(a: string, b: string, analysis: QuarterAnalysis): boolean {
  const { byId, regionOf } = analysis.hierarchy;
  const region = regionOf(a);
  return byId.get(a)?.parentId === byId.get(b)?.parentId || (region !== null && region === regionOf(b));
}

/**
 * The export's rows with the plan applied: an ended assignment ends on the quarter's last day,
 * an added one starts on the next quarter's first day, every other row stays as it is. A row
 * that would only start next quarter and that the plan ends is dropped, since it never began.
 */
function proposedRows(rows: Assignment[], changes: PlanChange[], quarter: Quarter, next: Quarter): Assignment[] {
  const ended = new Set(changes.filter((c) => c.action === 'end').map((c) => `${c.cadreId}\t${c.unitId}`));
  const out: Assignment[] = [];
  for (const row of rows) {
    if (!ended.has(`${row.cadreId}\t${row.unitId}`) || !isActive(row, next)) out.push(row);
    else if (row.start === null || row.start <= quarter.end) out.push({ ...row, end: quarter.end });
  }
  const led = new Set(activeAssignments(out, next).filter((a) => a.role === 'lead').map((a) => a.unitId));
  for (const c of changes) {
    if (c.action !== 'add') continue;
    out.push({ cadreId: c.cadreId, unitId: c.unitId, role: led.has(c.unitId) ? 'member' : 'lead', start: next.start, end: null, line: 0 });
    led.add(c.unitId);
  }
  return out;
}
