import type { Hierarchy } from '../hierarchy.ts';
import { isInQuarter } from '../quarter.ts';
import { foldDiacritics } from '../text.ts';
import type { Assignment, Cadre, Config, CoveragePair, Issue, Quarter, Unit } from '../types.ts';
import type { PlanComponent } from './solve.ts';

/** Why no cadre of the pair can follow a unit. */
export type UnreachableReason = { code: 'no-cadre-at-level' } | { code: 'no-cadre-in-area'; areaId: string };

/** A part of the pair and what the plan needs to explain its choices. */
export interface PlanPart extends PlanComponent {
  /** Every cadre may follow every unit: the least overloaded count is known in closed form. */
  complete: boolean;
  /** Of an edge's unit's issues, how many its cadre's field answers: asked of the changes alone, not kept per edge. */
  fieldMatch(edge: number): { matched: number; issues: number };
}

export interface PairInstance {
  pair: CoveragePair;
  parts: PlanPart[];
  unreachable: { unitId: string; reason: UnreachableReason }[];
  /** The pair's cadres and units, for the figures. */
  cadres: Cadre[];
  units: Unit[];
}

export interface PlanContext {
  units: Unit[];
  cadres: Cadre[];
  hierarchy: Hierarchy;
  /** The areas a unit counts in (the grain module's membership): itself, its ancestors, its region. */
  areasOf: (unitId: string) => readonly string[];
  /** Assignments in force on the next quarter's last day, as the export stands. */
  base: Assignment[];
  issues: Issue[];
  quarter: Quarter;
  config: Config;
}

/**
 * Splits a level pair into independent parts. A cadre may follow the units of the followed
 * level inside its area: the whole province for the top level's cadres, else the unit of its
 * own level that holds its home unit. Areas nested in one another, and assignments already in
 * force across areas, join their parts.
 */
export function pairInstance(pair: CoveragePair, ctx: PlanContext): PairInstance {
  const { hierarchy } = ctx;
  const root = hierarchy.roots[0]!;
  const cadres = ctx.cadres.filter((c) => c.level === pair.cadreLevel);
  const units = ctx.units.filter((u) => u.level === pair.unitLevel);
  const areaOfCadre = new Map<string, string>();
  for (const c of cadres) {
    if (c.level === root.level || c.homeUnitId === root.id) areaOfCadre.set(c.id, root.id);
    else {
      const chain = [hierarchy.byId.get(c.homeUnitId)!, ...hierarchy.ancestors(c.homeUnitId)];
      areaOfCadre.set(c.id, (chain.find((u) => u.level === c.level) ?? chain[0]!).id);
    }
  }
  const areas = new Set(areaOfCadre.values());
  const nearestArea = (unitId: string): string | null => ctx.areasOf(unitId).find((id) => areas.has(id)) ?? null;

  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let k = key;
    while (parent.has(k)) k = parent.get(k)!;
    return k;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const area of areas) {
    const outer = hierarchy.ancestors(area).find((u) => areas.has(u.id));
    if (outer) union(area, outer.id);
  }
  const cadreIds = new Set(cadres.map((c) => c.id));
  const unitIds = new Set(units.map((u) => u.id));
  const baseEdges = ctx.base.filter((a) => cadreIds.has(a.cadreId) && unitIds.has(a.unitId));
  const unitKey = (unitId: string) => nearestArea(unitId) ?? `unit:${unitId}`;
  for (const a of baseEdges) union(areaOfCadre.get(a.cadreId)!, unitKey(a.unitId));

  const groups = new Map<string, { cadres: Cadre[]; units: Unit[]; areas: Set<string> }>();
  const group = (key: string) => {
    const k = find(key);
    if (!groups.has(k)) groups.set(k, { cadres: [], units: [], areas: new Set() });
    return groups.get(k)!;
  };
  for (const c of cadres) {
    const g = group(areaOfCadre.get(c.id)!);
    g.cadres.push(c);
    g.areas.add(areaOfCadre.get(c.id)!);
  }
  const unreachable: PairInstance['unreachable'] = [];
  for (const u of units) {
    const key = unitKey(u.id);
    if (groups.has(find(key))) group(key).units.push(u);
    else {
      const area = [u, ...hierarchy.ancestors(u.id)].find((a) => a.level === pair.cadreLevel);
      unreachable.push({ unitId: u.id, reason: cadres.length === 0 || !area ? { code: 'no-cadre-at-level' } : { code: 'no-cadre-in-area', areaId: area.id } });
    }
  }

  const baseByCadre = new Map<string, Set<string>>();
  for (const a of baseEdges) {
    if (!baseByCadre.has(a.cadreId)) baseByCadre.set(a.cadreId, new Set());
    baseByCadre.get(a.cadreId)!.add(a.unitId);
  }
  const fit = fitContext(cadres, baseByCadre, ctx);
  const parts: PlanPart[] = [];
  for (const g of groups.values()) {
    const unitIndex = new Map(g.units.map((u, j) => [u.id, j]));
    const edges: PlanPart['edges'] = [];
    const part: PlanPart = {
      cadres: g.cadres.map((c) => c.id),
      units: g.units.map((u) => u.id),
      edges,
      cap: g.cadres.length === 0 ? 0 : Math.ceil(g.units.length / g.cadres.length),
      complete: g.areas.size === 1,
      fieldMatch: (k) => fit.fieldMatch(g.cadres[edges[k]!.cadre]!, g.units[edges[k]!.unit]!),
    };
    g.cadres.forEach((c, i) => {
      const area = areaOfCadre.get(c.id)!;
      const current = baseByCadre.get(c.id) ?? new Set<string>();
      for (const u of g.units) {
        const inArea = area === root.id || ctx.areasOf(u.id).includes(area);
        const isCurrent = current.has(u.id);
        if (!inArea && !isCurrent) continue;
        if (!inArea) part.complete = false;
        const near = fit.near(c, u);
        const match = fit.fieldMatch(c, u);
        edges.push({ cadre: i, unit: unitIndex.get(u.id)!, current: isCurrent, fit: (near ? 0 : 1) + (match.issues > 0 && match.matched === 0 ? 1 : 0) });
      }
    });
    parts.push(part);
  }
  return { pair, parts, unreachable, cadres, units };
}

/**
 * How well a cadre fits a unit. Near: the unit shares a parent or a region with a unit the
 * cadre follows, or the cadre's working group follows it; a cadre who follows nothing and has
 * no group is near everywhere. Field: how many of the unit's issues this quarter have a topic
 * the cadre's field answers (config `topicFields`, else topic and field equal after folding).
 */
function fitContext(cadres: Cadre[], baseByCadre: Map<string, Set<string>>, ctx: PlanContext) {
  const { hierarchy } = ctx;
  const teamUnits = new Map<string, Set<string>>();
  for (const c of cadres) {
    if (!c.team) continue;
    if (!teamUnits.has(c.team)) teamUnits.set(c.team, new Set());
    for (const u of baseByCadre.get(c.id) ?? []) teamUnits.get(c.team)!.add(u);
  }
  const nearCache = new Map<string, { parents: Set<string>; regions: Set<string>; team: Set<string> | null } | null>();
  const nearOf = (c: Cadre) => {
    if (!nearCache.has(c.id)) {
      const followed = [...(baseByCadre.get(c.id) ?? [])];
      const team = c.team ? teamUnits.get(c.team)! : null;
      nearCache.set(c.id, followed.length === 0 && !team ? null : {
        parents: new Set(followed.map((id) => hierarchy.byId.get(id)?.parentId ?? '')),
        regions: new Set(followed.map((id) => hierarchy.regionOf(id) ?? '')),
        team,
      });
    }
    return nearCache.get(c.id)!;
  };
  const topicsByUnit = new Map<string, string[]>();
  for (const issue of ctx.issues) {
    if (!isInQuarter(issue.date, ctx.quarter) || issue.topic === null) continue;
    if (!topicsByUnit.has(issue.unitId)) topicsByUnit.set(issue.unitId, []);
    topicsByUnit.get(issue.unitId)!.push(foldDiacritics(issue.topic.trim()));
  }
  const answers = (field: string | null, topic: string): boolean => {
    if (field === null) return false;
    const f = foldDiacritics(field.trim());
    const mapped = ctx.config.topicFields[topic];
    return mapped ? mapped.includes(f) : topic === f;
  };
  // One answer per field and unit, shared by the cadres of that field: a part holds an edge for
  // every cadre and unit of its area (9 million in the largest province), and an answer of its
  // own each took a third of the plan's memory and half its time.
  const matches = new Map<string | null, Map<string, { matched: number; issues: number }>>();
  return {
    near(c: Cadre, u: Unit): boolean {
      const near = nearOf(c);
      if (near === null) return true;
      return near.parents.has(u.parentId ?? '') || near.regions.has(hierarchy.regionOf(u.id) ?? '\u0000') || (near.team?.has(u.id) ?? false);
    },
    fieldMatch(c: Cadre, u: Unit): { matched: number; issues: number } {
      const byUnit = matches.get(c.field) ?? matches.set(c.field, new Map()).get(c.field)!;
      let match = byUnit.get(u.id);
      if (!match) {
        const topics = topicsByUnit.get(u.id) ?? [];
        match = { matched: topics.filter((t) => answers(c.field, t)).length, issues: topics.length };
        byUnit.set(u.id, match);
      }
      return match;
    },
  };
}
