import type { Point } from './geometry.ts';
import { round5 } from './geometry.ts';
import type { Cadre, CadreLevel, Unit, UnitLevel } from './model.ts';
import { FIELDS, personName, placeName } from './names.ts';
import type { Rng } from './random.ts';

/** Shared builders for the three demo datasets. */

export function unit(id: string, name: string, level: UnitLevel, parentId: string | null, kind: string, at: Point | null = null): Unit {
  return {
    id, name, level, parentId, kind, region: null, sponsor: null, households: null, population: null,
    lat: at ? round5(at[1]) : null,
    lon: at ? round5(at[0]) : null,
  };
}

/** Leaf units get households and population; 3.3–4.0 people a household, as in the Mekong delta. */
export function settle(rng: Rng, u: Unit, households: number): void {
  u.households = households;
  u.population = Math.round(households * (3.3 + 0.7 * rng.next()));
}

/** Fills households and population of every non-leaf unit with the sums over its children. */
export function rollUp(units: Unit[]): void {
  const children = new Map<string, Unit[]>();
  for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const total = (u: Unit): [number, number] => {
    const kids = children.get(u.id);
    if (kids && u.households === null) {
      const sums = kids.map(total);
      u.households = sums.reduce((a, s) => a + s[0], 0);
      u.population = sums.reduce((a, s) => a + s[1], 0);
    }
    return [u.households ?? 0, u.population ?? 0];
  };
  units.filter((u) => u.parentId === null).forEach(total);
}

/** `count` hamlets of a commune: `Ấp 3` or `Ấp Phú Hòa` in a xã, `Khu phố 2` in a town or ward. */
export function hamlets(rng: Rng, commune: Unit, count: number, kind: string, at: () => Point): Unit[] {
  const numbered = kind !== 'ấp' || rng.chance(0.4);
  const taken = new Set<string>();
  const word = kind === 'ấp' ? 'Ấp' : kind === 'thôn' ? 'Thôn' : kind === 'tổ dân phố' ? 'Tổ dân phố' : 'Khu phố';
  return Array.from({ length: count }, (_, k) =>
    unit(`${commune.id}-${String(k + 1).padStart(2, '0')}`, `${word} ${numbered ? k + 1 : placeName(rng, taken)}`, 'hamlet', commune.id, kind, at()),
  );
}

const FEMALE_SHARE: Record<CadreLevel, number> = { province: 0.2, district: 0.25, commune: 0.3 };

export function cadre(rng: Rng, id: string, level: CadreLevel, homeUnitId: string, position: string): Cadre {
  const gender = rng.chance(FEMALE_SHARE[level]) ? 'nữ' : 'nam';
  return { id, name: personName(rng, gender), level, homeUnitId, position, field: rng.pick(FIELDS), team: '', gender };
}

/** Position of the k-th cadre of a committee: the first `ranks` entries are [title, how many], then `rest`. */
export function position(rng: Rng, k: number, ranks: [string, number][], rest: string[]): string {
  let left = k;
  for (const [title, n] of ranks) {
    if (left < n) return title;
    left -= n;
  }
  return rng.pick(rest);
}
