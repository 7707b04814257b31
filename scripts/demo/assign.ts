import { addDays, randomDate } from './calendar.ts';
import type { Quarter } from './calendar.ts';
import type { Assignment } from './model.ts';
import type { Rng } from './random.ts';

/** Cadres of one committee and the units they may follow (e.g. a commune's cadres and its groups). */
export interface Scope {
  cadres: string[];
  /** In an order where neighbours are near each other, so a cadre's several units are adjacent. */
  units: string[];
}

export interface Plan {
  unattended: number;
  idle: number;
  /** Exact number of cadres on more than one unit, when given; else `memberRate` adds some. */
  overloaded?: number;
  /** Chance that a cadre also joins a neighbouring unit as member. */
  memberRate: number;
}

type Link = Pick<Assignment, 'cadreId' | 'unitId' | 'role'>;

/**
 * The state at the current quarter's end: `plan.unattended` units with no cadre,
 * `plan.idle` cadres with no unit, every other unit led by one cadre (each cadre leading
 * a run of adjacent units), and a few cadres also member of a neighbouring unit.
 */
export function allocate(rng: Rng, scope: Scope, plan: Plan): Link[] {
  const unattended = new Set(rng.sample(scope.units, plan.unattended));
  const idle = new Set(rng.sample(scope.cadres, plan.idle));
  const open = scope.units.filter((u) => !unattended.has(u));
  const active = rng.shuffle(scope.cadres.filter((c) => !idle.has(c)));
  if (open.length === 0 || active.length === 0) return [];
  const links: Link[] = [];
  const home = new Map<string, number>();
  if (open.length >= active.length) {
    const sizes = active.map(() => 1);
    for (let k = active.length; k < open.length; k++) sizes[rng.int(0, active.length - 1)]++;
    let at = 0;
    active.forEach((cadreId, i) => {
      home.set(cadreId, at);
      for (let k = 0; k < sizes[i]; k++) links.push({ cadreId, unitId: open[at++], role: 'lead' });
    });
  } else {
    // More cadres than units: the surplus joins units as members.
    active.forEach((cadreId, i) => {
      const at = i < open.length ? i : rng.int(0, open.length - 1);
      home.set(cadreId, at);
      links.push({ cadreId, unitId: open[at], role: i < open.length ? 'lead' : 'member' });
    });
  }
  if (open.length < 2) return links;
  const count = new Map<string, number>();
  for (const l of links) count.set(l.cadreId, (count.get(l.cadreId) ?? 0) + 1);
  const single = active.filter((c) => count.get(c) === 1);
  const joiners =
    plan.overloaded === undefined
      ? active.filter(() => rng.chance(plan.memberRate))
      : rng.sample(single, Math.max(0, plan.overloaded - (active.length - single.length)));
  for (const cadreId of joiners) {
    const own = new Set(links.filter((l) => l.cadreId === cadreId).map((l) => l.unitId));
    const at = home.get(cadreId) as number;
    for (let k = 1; k < open.length; k++) {
      const unitId = open[(at + k) % open.length];
      if (own.has(unitId)) continue;
      links.push({ cadreId, unitId, role: 'member' });
      break;
    }
  }
  return links;
}

export interface Churn {
  /** Share of current links that replaced an earlier unit of the same cadre during the quarter. */
  moved: number;
  /** Share of current links that started during the quarter with nothing before. */
  added: number;
  /** Share of current links that started during the previous quarter. */
  startedBefore: number;
  /** Chance that an idle cadre had a unit until some day of the quarter. */
  idleEnded: number;
  /** Chance that an unattended unit had a cadre until some day of the quarter. */
  unattendedEnded: number;
}

/**
 * Dates the current state's links and adds the assignments that ended, so that the
 * current quarter's active set is exactly `links` and the previous quarter differs by
 * moves, additions and endings.
 */
export function history(rng: Rng, scope: Scope, links: Link[], current: Quarter, previous: Quarter | null, churn: Churn): Assignment[] {
  const earliest = previous ?? current;
  const longAgo = () => (rng.chance(0.1) ? null : randomDate(rng, '2015-06-01', addDays(earliest.start, -30)));
  const during = (q: Quarter) => randomDate(rng, addDays(q.start, 1), addDays(q.end, -10));
  const held = new Map<string, Set<string>>();
  const hold = (cadreId: string, unitId: string) => {
    if (!held.has(cadreId)) held.set(cadreId, new Set());
    (held.get(cadreId) as Set<string>).add(unitId);
  };
  for (const l of links) hold(l.cadreId, l.unitId);
  const other = (cadreId: string) => {
    const own = held.get(cadreId) ?? new Set<string>();
    const free = scope.units.filter((u) => !own.has(u));
    const unitId = free.length ? rng.pick(free) : null;
    if (unitId) hold(cadreId, unitId);
    return unitId;
  };
  const out: Assignment[] = [];
  const ended = (cadreId: string, unitId: string, end: string) => out.push({ cadreId, unitId, role: 'lead', start: longAgo(), end });

  for (const link of links) {
    const r = rng.next();
    let start: string | null;
    if (r < churn.moved) {
      start = during(current);
      const before = other(link.cadreId);
      if (before) ended(link.cadreId, before, addDays(start, -1));
    } else if (r < churn.moved + churn.added) {
      start = during(current);
    } else if (previous && r < churn.moved + churn.added + churn.startedBefore) {
      start = during(previous);
      // Half of these replaced another unit within that quarter.
      const before = rng.chance(0.5) ? other(link.cadreId) : null;
      if (before) ended(link.cadreId, before, addDays(start, -1));
    } else start = longAgo();
    out.push({ ...link, start, end: null });
  }

  const busy = new Set(links.map((l) => l.cadreId));
  const covered = new Set(links.map((l) => l.unitId));
  for (const cadreId of scope.cadres) {
    if (busy.has(cadreId) || !rng.chance(churn.idleEnded)) continue;
    const unitId = other(cadreId);
    if (unitId) ended(cadreId, unitId, during(current));
  }
  for (const unitId of scope.units) {
    if (covered.has(unitId) || !rng.chance(churn.unattendedEnded)) continue;
    const cadreId = rng.pick(scope.cadres);
    if (held.get(cadreId)?.has(unitId)) continue;
    hold(cadreId, unitId);
    ended(cadreId, unitId, during(current));
  }
  return out;
}

/**
 * The assignments an export at `q`'s end lists: those in force at some time up to that day
 * and not ended before the quarter began, with an end date only if it was already known.
 */
export function assignmentsKnown(assignments: Assignment[], q: Quarter): Assignment[] {
  return assignments
    .filter((a) => (a.start === null || a.start <= q.end) && (a.end === null || a.end >= q.start))
    .map((a) => ({ ...a, end: a.end !== null && a.end <= q.end ? a.end : null }));
}
