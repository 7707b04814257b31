import type { Topology } from 'topojson-specification';
import { allocate, history } from './assign.ts';
import type { Churn, Plan } from './assign.ts';
import { quarter } from './calendar.ts';
import { boundaries, near, scatter } from './geometry.ts';
import type { Point } from './geometry.ts';
import type { Assignment, Cadre, Dataset, Unit } from './model.ts';
import { placeName, TOPICS } from './names.ts';
import { apportion, createRng, partition } from './random.ts';
import { cadre, hamlets, position, rollUp, settle, unit } from './units.ts';

/**
 * A Bến Tre-shaped province in 2017: 9 districts, 164 communes, 986 hamlets, 14,676
 * residents' groups; 139 province, 679 district and 6,038 commune cadres.
 */

/** Convex, roughly the wedge between the Tiền and Cổ Chiên rivers, widening to the sea. */
const OUTLINE: Point[] = [
  [106.02, 10.27], [106.1, 10.33], [106.3, 10.37], [106.55, 10.33], [106.74, 10.25],
  [106.8, 10.08], [106.72, 9.88], [106.52, 9.86], [106.3, 9.97], [106.12, 10.13],
];

interface District {
  id: string;
  name: string;
  kind: 'thành phố' | 'huyện';
  communes: number;
  region: number;
  /** The district's town (thị trấn); the city has wards instead. */
  town: string | null;
  seed: Point;
  /** Relative reach of the seed: the city is small and dense. */
  reach: number;
}

const DISTRICTS: District[] = [
  { id: '829', name: 'Bến Tre', kind: 'thành phố', communes: 17, region: 1, town: null, seed: [106.375, 10.235], reach: 0.55 },
  { id: '831', name: 'Châu Thành', kind: 'huyện', communes: 22, region: 1, town: 'Châu Thành', seed: [106.3, 10.3], reach: 1 },
  { id: '832', name: 'Chợ Lách', kind: 'huyện', communes: 11, region: 2, town: 'Chợ Lách', seed: [106.12, 10.24], reach: 1 },
  { id: '833', name: 'Mỏ Cày Nam', kind: 'huyện', communes: 17, region: 3, town: 'Mỏ Cày', seed: [106.36, 10.05], reach: 1 },
  { id: '834', name: 'Giồng Trôm', kind: 'huyện', communes: 22, region: 4, town: 'Giồng Trôm', seed: [106.49, 10.15], reach: 1 },
  { id: '835', name: 'Bình Đại', kind: 'huyện', communes: 20, region: 5, town: 'Bình Đại', seed: [106.64, 10.23], reach: 1 },
  { id: '836', name: 'Ba Tri', kind: 'huyện', communes: 24, region: 6, town: 'Ba Tri', seed: [106.62, 10.07], reach: 1 },
  { id: '837', name: 'Thạnh Phú', kind: 'huyện', communes: 18, region: 6, town: 'Thạnh Phú', seed: [106.55, 9.94], reach: 1 },
  { id: '838', name: 'Mỏ Cày Bắc', kind: 'huyện', communes: 13, region: 2, town: 'Phước Mỹ Trung', seed: [106.26, 10.15], reach: 1 },
];

const HAMLETS = 986;
const GROUPS = 14_676;
const CADRES = { province: 139, district: 679, commune: 6_038 };
/** A ward created in 2017: in units.csv with a point, not yet in the boundary file. */
const NEW_WARD = 'Phú Tân';

const nearestDistrict = (p: Point) =>
  DISTRICTS.reduce((best, d) => (Math.hypot(p[0] - d.seed[0], p[1] - d.seed[1]) / d.reach < Math.hypot(p[0] - best.seed[0], p[1] - best.seed[1]) / best.reach ? d : best));

const CHURN: Record<'province' | 'district' | 'commune', Churn> = {
  province: { moved: 0.03, added: 0.04, startedBefore: 0.05, idleEnded: 0.67, unattendedEnded: 0.3 },
  district: { moved: 0.015, added: 0.015, startedBefore: 0.04, idleEnded: 0.5, unattendedEnded: 0.3 },
  commune: { moved: 0.006, added: 0.006, startedBefore: 0.03, idleEnded: 0.5, unattendedEnded: 0.25 },
};

export function province(seed: number): { data: Dataset; boundaries: Topology } {
  const rng = createRng(seed, 'province|units');
  const root = unit('83', 'Bến Tre', 'province', null, 'tỉnh', [106.4, 10.12]);
  const units: Unit[] = [root];
  const communes: { unit: Unit; district: District; at: Point }[] = [];
  const placed: Point[] = [];
  let code = 28_756;
  for (const d of DISTRICTS) {
    const points = scatter(rng, d.communes, OUTLINE, (p) => nearestDistrict(p) === d, placed);
    placed.push(...points);
    const du = unit(d.id, d.name, 'district', root.id, d.kind, [points.reduce((a, p) => a + p[0], 0) / points.length, points.reduce((a, p) => a + p[1], 0) / points.length]);
    units.push(du);
    const taken = new Set<string>([NEW_WARD]);
    points.forEach((p, k) => {
      let name: string;
      let kind: string;
      if (d.town === null && k < 10) [name, kind] = [k < 8 ? `Phường ${k + 1}` : k === 8 ? 'Phú Khương' : NEW_WARD, 'phường'];
      else if (d.town !== null && k === 0) [name, kind] = [d.town, 'thị trấn'];
      else [name, kind] = [placeName(rng, taken), 'xã'];
      const cu = unit(String(code), name, 'commune', d.id, kind, p);
      cu.region = `Vùng ${d.region}`;
      code += 3;
      units.push(cu);
      communes.push({ unit: cu, district: d, at: p });
    });
  }

  const hamletCounts = partition(rng, HAMLETS, communes.length, 3);
  const groupCounts = partition(rng, GROUPS, HAMLETS, 6, 0.5);
  const hamletsOf = new Map<string, Unit[]>();
  const groupsOf = new Map<string, Unit[]>();
  let h = 0;
  communes.forEach(({ unit: cu, at: centre }, i) => {
    const gap = Math.min(...placed.filter((p) => p !== centre).map((p) => Math.hypot(p[0] - centre[0], p[1] - centre[1])));
    const kind = cu.kind === 'xã' ? 'ấp' : 'khu phố';
    // Within 0.35 of the nearest neighbour's distance, a hamlet's point stays in its commune's cell.
    const hs = hamlets(rng, cu, hamletCounts[i], kind, () => near(rng, centre, 0.35 * gap, OUTLINE));
    hamletsOf.set(cu.id, hs);
    const groups: Unit[] = [];
    for (const hu of hs) {
      for (let g = 1; g <= groupCounts[h]; g++) {
        const gu = unit(`${hu.id}-${String(g).padStart(2, '0')}`, `Tổ ${g}`, 'group', hu.id, 'tổ nhân dân tự quản');
        settle(rng, gu, kind === 'ấp' ? rng.int(15, 36) : rng.int(22, 40));
        groups.push(gu);
      }
      h++;
    }
    groupsOf.set(cu.id, groups);
    units.push(...hs, ...groups);
  });
  rollUp(units);
  // Each commune is sponsored by one of the departments issues go to, from a stream of its own.
  const srng = createRng(seed, 'province|sponsors');
  const departments = [...new Set(TOPICS.flatMap((t) => t.departments))];
  for (const { unit: cu } of communes) cu.sponsor = srng.pick(departments);

  const crng = createRng(seed, 'province|cadres');
  const cadres: Cadre[] = [];
  const provinceCadres = Array.from({ length: CADRES.province }, (_, k) =>
    cadre(crng, `CBT${String(k + 1).padStart(3, '0')}`, 'province', root.id, position(crng, k, [['Ủy viên Ban Thường vụ Tỉnh ủy', 13], ['Tỉnh ủy viên', 40]], [
      'Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn', 'Phó Giám đốc Sở Y tế', 'Phó Trưởng ban Tuyên giáo Tỉnh ủy',
      'Phó Trưởng ban Dân vận Tỉnh ủy', 'Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy', 'Chuyên viên Ban Tổ chức Tỉnh ủy', 'Phó Chánh Văn phòng Tỉnh ủy',
    ])),
  );
  cadres.push(...provinceCadres);
  const districtShare = apportion(CADRES.district, DISTRICTS.map((d) => communes.filter((c) => c.district === d).reduce((a, c) => a + (hamletsOf.get(c.unit.id) as Unit[]).length, 0)));
  const districtCadres = new Map<string, Cadre[]>();
  DISTRICTS.forEach((d, i) => {
    const [committee, local] = d.kind === 'thành phố' ? ['Thành ủy', 'thành phố'] : ['Huyện ủy', 'huyện'];
    const list = Array.from({ length: districtShare[i] }, (_, k) =>
      cadre(crng, `CB${d.id}-${String(k + 1).padStart(3, '0')}`, 'district', d.id, position(crng, k, [[`Ủy viên Ban Thường vụ ${committee}`, 3], [`${committee === 'Thành ủy' ? 'Thành' : 'Huyện'} ủy viên`, 12]], [
        `Phó Trưởng ban Dân vận ${committee}`, `Chuyên viên Ban Tổ chức ${committee}`, `Phó Chủ tịch Ủy ban MTTQ ${local}`, 'Trưởng phòng Nông nghiệp', 'Phó Trưởng phòng Nội vụ',
      ])),
    );
    districtCadres.set(d.id, list);
    cadres.push(...list);
  });
  const communeShare = apportion(CADRES.commune, communes.map((c) => (groupsOf.get(c.unit.id) as Unit[]).length));
  const communeCadres = new Map<string, Cadre[]>();
  communes.forEach(({ unit: cu }, i) => {
    const list = Array.from({ length: communeShare[i] }, (_, k) =>
      cadre(crng, `CB${cu.id}-${String(k + 1).padStart(3, '0')}`, 'commune', cu.id, position(crng, k, [['Bí thư Đảng ủy', 1], ['Phó Bí thư Đảng ủy', 2], ['Đảng ủy viên', 8], ['Bí thư Chi bộ', (hamletsOf.get(cu.id) as Unit[]).length]], [
        'Chi ủy viên', 'Phó Bí thư Chi bộ', 'Đảng viên',
      ])),
    );
    communeCadres.set(cu.id, list);
    cadres.push(...list);
  });

  const q3 = quarter('2017-Q3');
  const q4 = quarter('2017-Q4');
  const arng = createRng(seed, 'province|assignments');
  const assignments: Assignment[] = [];
  const follow = (cadreIds: string[], unitIds: string[], plan: Plan, churn: Churn) => {
    const scope = { cadres: cadreIds, units: unitIds };
    const links = allocate(arng, scope, plan);
    assignments.push(...history(arng, scope, links, q4, q3, churn));
    return links;
  };

  // Province cadres follow communes, ordered by region so each working group's communes are together.
  const byRegion = [...communes].sort((a, b) => a.district.region - b.district.region);
  const links = follow(provinceCadres.map((c) => c.id), byRegion.map((c) => c.unit.id), { unattended: 14, idle: 3, overloaded: 25, memberRate: 0 }, CHURN.province);
  const regionOf = new Map(communes.map((c) => [c.unit.id, c.district.region]));
  provinceCadres.forEach((c, k) => {
    const first = links.find((l) => l.cadreId === c.id);
    c.team = `Đoàn công tác số ${first ? regionOf.get(first.unitId) : (k % 6) + 1}`;
  });
  for (const d of DISTRICTS) {
    const hs = communes.filter((c) => c.district === d).flatMap((c) => hamletsOf.get(c.unit.id) as Unit[]);
    const ids = (districtCadres.get(d.id) as Cadre[]).map((c) => c.id);
    follow(ids, hs.map((u) => u.id), { unattended: arng.int(1, 4), idle: arng.int(0, 2), memberRate: 0.04 }, CHURN.district);
  }
  for (const { unit: cu } of communes) {
    const groups = (groupsOf.get(cu.id) as Unit[]).map((u) => u.id);
    const ids = (communeCadres.get(cu.id) as Cadre[]).map((c) => c.id);
    follow(ids, groups, { unattended: groups.filter(() => arng.chance(0.012)).length, idle: arng.chance(0.3) ? 1 : 0, memberRate: 0.03 }, CHURN.commune);
  }

  // Every followed unit's id starts with its commune's five digits.
  const communeDistrict = new Map(communes.map((c) => [c.unit.id, c.district]));
  const localOffice = (unitId: string) => {
    const d = communeDistrict.get(unitId.slice(0, 5)) as District;
    return `UBND ${d.kind} ${d.name}`;
  };

  const cells = communes
    .filter((c) => c.unit.name !== NEW_WARD)
    .map((c) => ({ id: c.unit.id, name: c.unit.name, district: c.district.id, centre: [c.unit.lon, c.unit.lat] as Point }));
  const topo = boundaries(cells, OUTLINE, DISTRICTS.map((d) => ({ id: d.id, name: d.kind === 'thành phố' ? `Thành phố ${d.name}` : `Huyện ${d.name}` })));
  return { data: { units, cadres, assignments, quarters: [q3, q4], localOffice }, boundaries: topo };
}
