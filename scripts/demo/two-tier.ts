import { allocate, history } from './assign.ts';
import { quarter } from './calendar.ts';
import { near, scatter } from './geometry.ts';
import type { Point } from './geometry.ts';
import type { Assignment, Cadre, Dataset, Unit } from './model.ts';
import { placeName } from './names.ts';
import { apportion, createRng, partition } from './random.ts';
import { cadre, hamlets, position, rollUp, settle, unit } from './units.ts';

/**
 * A small export after 1 July 2025, when the district level is gone: one province,
 * 12 communes directly under it, 70 hamlets; 10 province and 60 commune cadres; points
 * only, no boundaries.
 */

const OUTLINE: Point[] = [[106.05, 10.05], [106.35, 10.02], [106.42, 10.2], [106.3, 10.32], [106.08, 10.25]];
const COMMUNES = 12;
const HAMLETS = 70;
const CADRES = { province: 10, commune: 60 };

export function twoTier(seed: number): Dataset {
  const rng = createRng(seed, 'two-tier|units');
  const root = unit('86', 'Vĩnh Long', 'province', null, 'tỉnh', [106.24, 10.17]);
  const units: Unit[] = [root];
  const points = scatter(rng, COMMUNES, OUTLINE, () => true, []);
  const taken = new Set<string>();
  const communes = points.map((p, k) => {
    const cu = unit(String(29_101 + 3 * k), placeName(rng, taken), 'commune', root.id, k < 2 ? 'phường' : 'xã', p);
    cu.region = `Vùng ${(k % 3) + 1}`;
    return cu;
  });
  const hamletsOf = new Map<string, Unit[]>();
  partition(rng, HAMLETS, COMMUNES, 4).forEach((n, i) => {
    const cu = communes[i];
    const hs = hamlets(rng, cu, n, cu.kind === 'xã' ? 'ấp' : 'khu phố', () => near(rng, points[i], 0.02, OUTLINE));
    hs.forEach((h) => settle(rng, h, rng.int(250, 700)));
    hamletsOf.set(cu.id, hs);
  });
  units.push(...communes, ...communes.flatMap((c) => hamletsOf.get(c.id) as Unit[]));
  rollUp(units);

  const crng = createRng(seed, 'two-tier|cadres');
  const provinceCadres = Array.from({ length: CADRES.province }, (_, k) => {
    const c = cadre(crng, `TU${String(k + 1).padStart(2, '0')}`, 'province', root.id, position(crng, k, [['Ủy viên Ban Thường vụ Tỉnh ủy', 3]], ['Tỉnh ủy viên']));
    c.team = `Đoàn công tác số ${(k % 3) + 1}`;
    return c;
  });
  const share = apportion(CADRES.commune, communes.map((c) => (hamletsOf.get(c.id) as Unit[]).length));
  const communeCadres = communes.map((cu, i) =>
    Array.from({ length: share[i] }, (_, k) =>
      cadre(crng, `${cu.id}-CB${String(k + 1).padStart(2, '0')}`, 'commune', cu.id, position(crng, k, [['Bí thư Đảng ủy', 1], ['Đảng ủy viên', 2]], ['Bí thư Chi bộ', 'Chi ủy viên'])),
    ),
  );
  const cadres: Cadre[] = [...provinceCadres, ...communeCadres.flat()];

  const [q3, q4] = [quarter('2025-Q3'), quarter('2025-Q4')];
  const arng = createRng(seed, 'two-tier|assignments');
  const churn = { moved: 0.05, added: 0.05, startedBefore: 0.05, idleEnded: 0.5, unattendedEnded: 0.3 };
  const assignments: Assignment[] = [];
  const follow = (cadreIds: string[], unitIds: string[], unattended: number, idle: number, overloaded?: number) => {
    const scope = { cadres: cadreIds, units: unitIds };
    assignments.push(...history(arng, scope, allocate(arng, scope, { unattended, idle, overloaded, memberRate: 0.05 }), q4, q3, churn));
  };
  follow(provinceCadres.map((c) => c.id), communes.map((c) => c.id), 1, 1, 3);
  communes.forEach((cu, i) => follow(communeCadres[i].map((c) => c.id), (hamletsOf.get(cu.id) as Unit[]).map((h) => h.id), arng.chance(0.4) ? 1 : 0, arng.chance(0.3) ? 1 : 0));

  const communeName = new Map(communes.map((c) => [c.id, c.name]));
  return { units, cadres, assignments, quarters: [q3, q4], localOffice: (unitId) => `UBND xã ${communeName.get(unitId.slice(0, 5))}` };
}
