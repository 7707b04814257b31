import { allocate, history } from './assign.ts';
import { quarter } from './calendar.ts';
import { near, scatter } from './geometry.ts';
import type { Point } from './geometry.ts';
import type { Cadre, Dataset, Unit } from './model.ts';
import { apportion, createRng, partition } from './random.ts';
import { cadre, hamlets, position, rollUp, settle, unit } from './units.ts';

/**
 * The Can Lộc model (Hà Tĩnh, 2019): the district is the root and sends its own cadres
 * to its 23 communes, grouped in 5 regions with one working group each; commune cadres
 * follow hamlets (thôn). Made-up names and ids.
 */

const OUTLINE: Point[] = [[105.62, 18.4], [105.74, 18.33], [105.86, 18.38], [105.88, 18.5], [105.76, 18.56], [105.64, 18.52]];
const COMMUNES = 23;
const REGIONS = 5;
/** The district's departments; each sponsors a few communes, and issues of commune and district cadres are often referred to their commune's sponsor. */
const DEPARTMENTS = [
  'Ban Tổ chức Huyện ủy', 'Ban Tuyên giáo Huyện ủy', 'Ban Dân vận Huyện ủy', 'Ủy ban Kiểm tra Huyện ủy', 'Văn phòng Huyện ủy',
  'Phòng Nông nghiệp và Phát triển nông thôn', 'Phòng Tài nguyên và Môi trường', 'Phòng Kinh tế - Hạ tầng',
];
const FIRST = ['Thiên', 'Vượng', 'Tùng', 'Sơn', 'Trường', 'Phú', 'Yên', 'Thượng', 'Mỹ', 'Khánh', 'Vĩnh', 'Gia', 'Thanh', 'Quang', 'Xuân', 'Đồng', 'Trung', 'Hồng', 'Thuần', 'Kim', 'An', 'Bình'];

export function canLoc(seed: number): Dataset {
  const rng = createRng(seed, 'can-loc|units');
  const root = unit('443', 'Can Lộc', 'district', null, 'huyện', [105.76, 18.45]);
  // West to east, so each region is a contiguous band of communes.
  const points = scatter(rng, COMMUNES, OUTLINE, () => true, []).sort((a, b) => a[0] - b[0]);
  const names = rng.shuffle(FIRST);
  const regionSizes = apportion(COMMUNES, Array(REGIONS).fill(1));
  const regionOf = regionSizes.flatMap((n, r) => Array<number>(n).fill(r + 1));
  const communes = points.map((p, k) => {
    // One town (thị trấn) mid-district; the 22 others take a “… Lộc” name.
    const town = k === 11;
    const cu = unit(String(18_550 + 3 * k), town ? 'Nghèn' : `${names[k > 11 ? k - 1 : k]} Lộc`, 'commune', root.id, town ? 'thị trấn' : 'xã', p);
    cu.region = `Vùng ${regionOf[k]}`;
    return cu;
  });
  const hamletsOf = partition(rng, 140, COMMUNES, 4).map((n, i) => {
    const hs = hamlets(rng, communes[i], n, communes[i].kind === 'xã' ? 'thôn' : 'tổ dân phố', () => near(rng, points[i], 0.012, OUTLINE));
    hs.forEach((h) => settle(rng, h, rng.int(120, 320)));
    return hs;
  });
  // Round the shuffled departments, so each sponsors two or three communes; a stream of its own.
  const sponsors = createRng(seed, 'can-loc|sponsors').shuffle(DEPARTMENTS);
  communes.forEach((cu, k) => (cu.sponsor = sponsors[k % sponsors.length]));
  const units: Unit[] = [root, ...communes, ...hamletsOf.flat()];
  rollUp(units);

  const crng = createRng(seed, 'can-loc|cadres');
  // One executive committee member per commune, plus staff who join as members.
  const districtCadres = Array.from({ length: 33 }, (_, k) =>
    cadre(crng, `HU${String(k + 1).padStart(3, '0')}`, 'district', root.id, position(crng, k, [['Ủy viên Ban Thường vụ Huyện ủy', 5], ['Huyện ủy viên', 18]], ['Chuyên viên Ban Tổ chức Huyện ủy', 'Phó Trưởng phòng Nông nghiệp', 'Chuyên viên Văn phòng Huyện ủy'])),
  );
  const communeCadres = communes.map((cu, i) =>
    Array.from({ length: hamletsOf[i].length - 1 + crng.int(0, 2) }, (_, k) =>
      cadre(crng, `${cu.id}-${String(k + 1).padStart(2, '0')}`, 'commune', cu.id, position(crng, k, [['Bí thư Đảng ủy', 1], ['Phó Bí thư Đảng ủy', 1]], ['Đảng ủy viên', 'Bí thư Chi bộ'])),
    ),
  );
  const cadres: Cadre[] = [...districtCadres, ...communeCadres.flat()];

  const q = quarter('2019-Q4');
  const arng = createRng(seed, 'can-loc|assignments');
  const churn = { moved: 0.04, added: 0.04, startedBefore: 0, idleEnded: 0.5, unattendedEnded: 0.5 };
  const districtScope = { cadres: districtCadres.map((c) => c.id), units: communes.map((c) => c.id) };
  const links = allocate(arng, districtScope, { unattended: 1, idle: 1, overloaded: 2, memberRate: 0 });
  const assignments = history(arng, districtScope, links, q, null, churn);
  const regionById = new Map(communes.map((c) => [c.id, c.region]));
  districtCadres.forEach((c, k) => {
    const first = links.find((l) => l.cadreId === c.id);
    c.team = `Tổ công tác số ${first ? (regionById.get(first.unitId) as string).replace('Vùng ', '') : (k % REGIONS) + 1}`;
  });
  // A commune's committee members work in the group of its region, so each group's branch-meeting attendance shows beside its meetings.
  communes.forEach((cu, i) => communeCadres[i].forEach((c) => (c.team = `Tổ công tác số ${(cu.region as string).replace('Vùng ', '')}`)));
  communes.forEach((cu, i) => {
    const scope = { cadres: communeCadres[i].map((c) => c.id), units: hamletsOf[i].map((h) => h.id) };
    const plan = { unattended: arng.chance(0.3) ? 1 : 0, idle: arng.chance(0.3) ? 1 : 0, memberRate: 0.05 };
    assignments.push(...history(arng, scope, allocate(arng, scope, plan), q, null, churn));
  });
  // A hamlet's id starts with its commune's.
  const sponsorOf = new Map(communes.map((cu) => [cu.id, cu.sponsor as string]));
  const localOffice = (unitId: string) => sponsorOf.get(unitId.split('-')[0]) ?? 'UBND huyện Can Lộc';
  return { units, cadres, assignments, quarters: [q], localOffice, branchMeetingLevels: ['commune'] };
}
