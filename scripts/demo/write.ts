import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reports } from './activity.ts';
import { assignmentsKnown } from './assign.ts';
import { toDmy } from './calendar.ts';
import { toCsv } from './csv.ts';
import type { CadreLevel, Dataset } from './model.ts';
import { createRng } from './random.ts';

const CADRE_LEVEL_VI: Record<CadreLevel, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };

/** `14676` → `14.676`, the Vietnamese thousands separator. */
const thousands = (n: number | null) => (n === null ? '' : String(n).replace(/\B(?=(\d{3})+$)/g, '.'));
const fixed = (x: number | null) => (x === null ? '' : x.toFixed(5));

export interface Site {
  title: string;
  coverage: { cadreLevel: string; unitLevel: string; attendanceTypes?: string[] }[];
}

/**
 * Writes `config.json` and one export folder per quarter under `dir`. The files vary in
 * format the way real exports do (BOM or not, `;` or `,`, CRLF or LF, Vietnamese or
 * English headers, DD/MM/YYYY or ISO dates), all within the data contract.
 */
export function writeDataset(dir: string, name: string, data: Dataset, site: Site, seed: number): void {
  mkdirSync(dir, { recursive: true });
  const config = { title: site.title, coverage: site.coverage, overdueDays: 30, publishNames: true, tileUrl: null };
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);

  // The sponsor column only where some unit has one: it is optional, as in exports that predate it.
  const sponsored = data.units.some((u) => u.sponsor !== null);
  const units = toCsv(
    ['unit_id', 'name', 'level', 'parent_id', 'kind', 'region', ...(sponsored ? ['sponsor'] : []), 'households', 'population', 'lat', 'lon'],
    data.units.map((u) => [u.id, u.name, u.level, u.parentId ?? '', u.kind, u.region ?? '', ...(sponsored ? [u.sponsor ?? ''] : []), thousands(u.households), thousands(u.population), fixed(u.lat), fixed(u.lon)]),
    { delimiter: ',', eol: '\r\n', bom: true },
  );
  const cadres = toCsv(
    ['mã cán bộ', 'họ và tên', 'cấp', 'mã đơn vị công tác', 'chức vụ', 'lĩnh vực', 'đoàn công tác', 'giới tính'],
    data.cadres.map((c) => [c.id, c.name, CADRE_LEVEL_VI[c.level], c.homeUnitId, c.position, c.field, c.team, c.gender]),
    { delimiter: ';', eol: '\r\n', bom: true },
  );
  for (const q of data.quarters) {
    const out = join(dir, 'exports', q.label);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'units.csv'), units);
    writeFileSync(join(out, 'cadres.csv'), cadres);
    // Sorted by cadre, as a records system lists them; the sort is stable.
    const assignments = assignmentsKnown(data.assignments, q).sort((a, b) => (a.cadreId < b.cadreId ? -1 : a.cadreId > b.cadreId ? 1 : 0));
    writeFileSync(
      join(out, 'assignments.csv'),
      toCsv(
        ['cadre_id', 'unit_id', 'role', 'start_date', 'end_date'],
        assignments.map((a) => [a.cadreId, a.unitId, a.role, a.start ? toDmy(a.start) : '', a.end ? toDmy(a.end) : '']),
        { delimiter: ',', eol: '\n', bom: false },
      ),
    );
    const rows = reports(createRng(seed, `${name}|reports|${q.label}`), data, q, `BC${q.label.replace('-', '')}-`);
    writeFileSync(
      join(out, 'reports.csv'),
      toCsv(
        ['report_id', 'cadre_id', 'unit_id', 'date', 'type', 'topic', 'summary', 'referred_to', 'responded_on', 'status'],
        rows.map((r) => [r.id, r.cadreId, r.unitId, r.date, r.type, r.topic, r.summary, r.referredTo, r.respondedOn ?? '', r.status]),
        { delimiter: ',', eol: '\n', bom: false },
      ),
    );
  }
}
