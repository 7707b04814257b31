import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assignmentsKnown } from './assign.ts';
import { addDays, type Quarter, quarter, randomDate, toDmy } from './calendar.ts';
import { toCsv } from './csv.ts';
import type { Assignment, Cadre, Unit } from './model.ts';
import { OTHER_SUMMARIES, placeName, TOPICS, VISIT_SUMMARIES } from './names.ts';
import { apportion, createRng, partition, type Rng } from './random.ts';
import { cadre, position, rollUp, settle, unit } from './units.ts';

/**
 * The largest province after 1 July 2025, for measuring builds: two tiers, 170 communes,
 * 5,000 hamlets, 50,000 residents' groups, 30,000 cadres (300 provincial) and 8 quarters,
 * 2025-Q3 to 2027-Q2, the newest with 2,000,000 reports and the others with 250,000.
 * Reports are written as they are drawn, so the generator never holds them.
 */
const COMMUNES = 170;
const HAMLETS = 5_000;
const GROUPS = 50_000;
const CADRES = { province: 300, commune: 29_700 };
/** Eight by default; a ninth to add for measuring the build after a new export. */
const QUARTERS = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3'].map(quarter);

/**
 * `olderReports`: reports in each quarter but the newest; `quarters`: how many of the eight, from
 * the oldest, up to nine (2,000,000 reports in 8 quarters, then 9, measure an incremental build).
 */
export async function writeLarge(dir: string, seed: number, olderReports = 250_000, quarters = 8): Promise<void> {
  const rng = createRng(seed, 'large|units');
  const root = unit('90', 'Đồng Bằng', 'province', null, 'tỉnh', [105.8, 10.0]);
  const taken = new Set<string>();
  // Communes on a 13 × 14 grid over the delta; wards first.
  const communes = Array.from({ length: COMMUNES }, (_, k) =>
    unit(String(90_001 + k), placeName(rng, taken), 'commune', root.id, k < 20 ? 'phường' : 'xã', [105.3 + 0.08 * (k % 13), 9.5 + 0.07 * Math.floor(k / 13)]),
  );
  const hamlets: Unit[] = [];
  partition(rng, HAMLETS, COMMUNES, 10).forEach((n, i) => {
    const cu = communes[i]!;
    for (let k = 0; k < n; k++) hamlets.push(unit(`${cu.id}-${String(k + 1).padStart(3, '0')}`, `${cu.kind === 'xã' ? 'Ấp' : 'Khu phố'} ${k + 1}`, 'hamlet', cu.id, cu.kind === 'xã' ? 'ấp' : 'khu phố'));
  });
  const groups: Unit[] = [];
  partition(rng, GROUPS, HAMLETS, 4).forEach((n, i) => {
    const h = hamlets[i]!;
    for (let k = 0; k < n; k++) {
      const g = unit(`${h.id}-${String(k + 1).padStart(2, '0')}`, `Tổ ${k + 1}`, 'group', h.id, 'tổ nhân dân');
      settle(rng, g, rng.int(25, 60));
      groups.push(g);
    }
  });
  const units = [root, ...communes, ...hamlets, ...groups];
  rollUp(units);
  const communeOf = (id: string) => id.slice(0, 5);
  const groupsOf = new Map<string, string[]>(communes.map((c) => [c.id, []]));
  for (const g of groups) groupsOf.get(communeOf(g.id))!.push(g.id);

  const crng = createRng(seed, 'large|cadres');
  const provinceCadres = Array.from({ length: CADRES.province }, (_, k) =>
    cadre(crng, `TU${String(k + 1).padStart(3, '0')}`, 'province', root.id, position(crng, k, [['Ủy viên Ban Thường vụ Tỉnh ủy', 15]], ['Tỉnh ủy viên', 'Cán bộ Văn phòng Tỉnh ủy'])),
  );
  const share = apportion(CADRES.commune, communes.map((c) => groupsOf.get(c.id)!.length));
  const communeCadres = communes.map((cu, i) =>
    Array.from({ length: share[i]! }, (_, k) =>
      cadre(crng, `${cu.id}-CB${String(k + 1).padStart(3, '0')}`, 'commune', cu.id, position(crng, k, [['Bí thư Đảng ủy', 1], ['Đảng ủy viên', 8]], ['Bí thư Chi bộ', 'Chi ủy viên', 'Đảng viên'])),
    ),
  );
  const cadres: Cadre[] = [...provinceCadres, ...communeCadres.flat()];

  // Provincial cadres over the communes in turn, commune cadres over their commune's groups in
  // turn; a few units left to nobody, and some assignments starting or ending along the quarters.
  const arng = createRng(seed, 'large|assignments');
  const assignments: Assignment[] = [];
  const follow = (cadreId: string, unitId: string) => {
    const startsLater = arng.chance(0.04);
    const ends = !startsLater && arng.chance(0.03);
    // Within the default eight quarters, so a ninth adds a quarter and changes none before it.
    const q = QUARTERS[arng.int(1, 7)]!;
    assignments.push({
      cadreId, unitId, role: arng.chance(0.1) ? 'member' : 'lead',
      start: startsLater ? addDays(q.start, arng.int(0, 60)) : null,
      end: ends ? addDays(q.start, arng.int(0, 60)) : null,
    });
  };
  provinceCadres.forEach((c, k) => {
    if (k % 97 !== 5) follow(c.id, communes[k % COMMUNES]!.id);
  });
  communes.forEach((cu, i) => {
    const team = communeCadres[i]!;
    groupsOf.get(cu.id)!.forEach((g, k) => {
      if (!arng.chance(0.004)) follow(team[k % team.length]!.id, g);
    });
  });

  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify({
    title: 'Tỉnh ủy Đồng Bằng — Nắm cơ sở (tỉnh lớn nhất, hai cấp)',
    coverage: [{ cadreLevel: 'province', unitLevel: 'commune' }, { cadreLevel: 'commune', unitLevel: 'group' }],
  }, null, 2)}\n`);
  const unitsCsv = toCsv(
    ['unit_id', 'name', 'level', 'parent_id', 'kind', 'households', 'population', 'lat', 'lon'],
    units.map((u) => [u.id, u.name, u.level, u.parentId ?? '', u.kind, String(u.households ?? ''), String(u.population ?? ''), u.lat === null ? '' : u.lat.toFixed(5), u.lon === null ? '' : u.lon.toFixed(5)]),
    { delimiter: ',', eol: '\n', bom: true },
  );
  const cadresCsv = toCsv(
    ['cadre_id', 'name', 'level', 'home_unit_id', 'position', 'field', 'gender'],
    cadres.map((c) => [c.id, c.name, c.level, c.homeUnitId, c.position, c.field, c.gender]),
    { delimiter: ',', eol: '\n', bom: true },
  );
  const written = QUARTERS.slice(0, quarters);
  for (const [i, q] of written.entries()) {
    const out = join(dir, 'exports', q.label);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'units.csv'), unitsCsv);
    writeFileSync(join(out, 'cadres.csv'), cadresCsv);
    const known = assignmentsKnown(assignments, q);
    writeFileSync(join(out, 'assignments.csv'), toCsv(
      ['cadre_id', 'unit_id', 'role', 'start_date', 'end_date'],
      known.map((a) => [a.cadreId, a.unitId, a.role, a.start ? toDmy(a.start) : '', a.end ? toDmy(a.end) : '']),
      { delimiter: ',', eol: '\n', bom: false },
    ));
    await writeReports(join(out, 'reports.csv'), createRng(seed, `large|reports|${q.label}`), known, q, i === written.length - 1 ? 2_000_000 : olderReports);
  }
}

/** `rows` reports of quarter `q` over the known assignments in turn, dated within their time in force. */
async function writeReports(path: string, rng: Rng, known: Assignment[], q: Quarter, rows: number): Promise<void> {
  const file = createWriteStream(path);
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  file.write('report_id,cadre_id,unit_id,date,type,topic,summary,referred_to,responded_on,status\n');
  for (let i = 0; i < rows; i++) {
    const a = known[i % known.length]!;
    const from = a.start !== null && a.start > q.start ? a.start : q.start;
    const to = a.end !== null && a.end < q.end ? a.end : q.end;
    const date = randomDate(rng, from, to);
    const roll = rng.next();
    let line: string;
    if (roll < 0.04) {
      const topic = rng.pick(TOPICS);
      const answered = rng.chance(0.8) ? addDays(date, rng.int(1, 45)) : null;
      const respondedOn = answered !== null && answered <= q.end ? answered : '';
      line = `issue,${topic.name},${quote(rng.pick(topic.summaries))},${quote(rng.pick(topic.departments))},${respondedOn},${respondedOn ? 'responded' : 'open'}`;
    } else {
      const type = roll < 0.6 ? 'meeting' : roll < 0.8 ? 'visit' : roll < 0.92 ? 'branch_meeting' : 'other';
      const summary = type === 'visit' ? rng.pick(VISIT_SUMMARIES) : type === 'other' ? rng.pick(OTHER_SUMMARIES) : '';
      line = `${type},,${quote(summary)},,,`;
    }
    if (!file.write(`BC${q.label.replace('-', '')}-${String(i + 1).padStart(7, '0')},${a.cadreId},${a.unitId},${date},${line}\n`)) {
      await new Promise((resolve) => file.once('drain', resolve));
    }
  }
  await new Promise((resolve) => file.end(resolve));
}
