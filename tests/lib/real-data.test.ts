import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/load.ts';
import { featuresById } from '../../src/lib/map-payload.ts';
import { memorySource } from '../memory-source.ts';

/** Real codes and names (dvhcvn, 2019), read where they are, never copied into the project. */
const REAL = '../shared/real-data';
const present = existsSync(REAL);
if (!present) console.warn(`${REAL} is absent: the tests on real Bến Tre and Can Lộc codes are skipped.`);

function codeList(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(`${REAL}/${file}`, 'utf8').trim().split(/\r?\n/);
  const keys = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [keys[i], cell])));
}

/** units.csv of a province, its districts and communes, as an export would carry them. */
function unitsCsv(rows: Record<string, string>[], region?: (i: number) => string): string {
  const districts = [...new Map(rows.map((r) => [r.district_code, r])).values()];
  return [
    'mã đơn vị,tên đơn vị,cấp,mã đơn vị cấp trên,loại,vùng',
    `${rows[0]!.province_code},${rows[0]!.province_name},tỉnh,,,`,
    ...districts.map((d) => `${d.district_code},${d.district_name},huyện,${d.province_code},${d.district_type.toLowerCase()},`),
    ...rows.map((c, i) => `${c.commune_code},${c.commune_name},xã,${c.district_code},${c.commune_type.toLowerCase()},${region?.(i) ?? ''}`),
  ].join('\n');
}

describe.skipIf(!present)('real Bến Tre codes (164 communes, 9 districts)', () => {
  it('counts 139 provincial cadres over the 164 real communes', async () => {
    const rows = codeList('ben_tre_83_units_2019-09-11.csv');
    // Cadre i follows commune i: the first 139 communes are covered, the last 25 are not.
    const cadres = rows.slice(0, 139).map((_, i) => `T${String(i + 1).padStart(3, '0')},Cán bộ ${i + 1},tỉnh,83`);
    const assignments = rows.slice(0, 139).map((c, i) => `T${String(i + 1).padStart(3, '0')},${c.commune_code}`);
    const loaded = await loadData('d', memorySource({
      'd/config.json': '{ "coverage": [ { "cadreLevel": "province", "unitLevel": "commune" } ] }',
      'd/exports/2019-Q3/units.csv': unitsCsv(rows),
      'd/exports/2019-Q3/cadres.csv': ['mã cán bộ,họ và tên,cấp,mã đơn vị công tác', ...cadres].join('\n'),
      'd/exports/2019-Q3/assignments.csv': ['mã cán bộ,mã đơn vị', ...assignments].join('\n'),
    }));
    expect(loaded.findings.errors).toEqual([]);
    expect(loaded.quarters[0]!.figures.coverage[0]).toEqual({
      cadreLevel: 'province', unitLevel: 'commune', cadres: 139, units: 164, ratio: 0.848, covered: 139, unattended: 25, overloaded: 0, idle: 0,
    });
    expect(loaded.current!.hierarchy.children.get('83')).toHaveLength(9);
  });

  it('matches every real district boundary to its code', () => {
    const rows = codeList('ben_tre_83_units_2019-09-11.csv');
    const features = featuresById(JSON.parse(readFileSync(`${REAL}/ben_tre_83_province_districts_pre2025.geojson`, 'utf8')));
    const districts = [...new Set(rows.map((r) => r.district_code))];
    expect(districts.filter((code) => !features.has(code!))).toEqual([]);
    expect(features.has('83')).toBe(true);
  });
});

describe.skipIf(!present)('real Can Lộc codes (23 communes, 5 working groups)', () => {
  it('rolls district cadres over communes up per region', async () => {
    const rows = codeList('ha_tinh_42_can_loc_443_communes_2019-09-11.csv');
    expect(rows).toHaveLength(23);
    const region = (i: number) => `Vùng ${(i % 5) + 1}`;
    // One executive member per commune; members 21–23 also take communes 1–3, so three are on two.
    const cadres = rows.slice(0, 20).map((_, i) => `H${i + 1},Ủy viên ${i + 1},huyện,443,Tổ công tác số ${(i % 5) + 1}`);
    const assignments = rows.map((c, i) => `H${(i % 20) + 1},${c.commune_code}`);
    const loaded = await loadData('d', memorySource({
      'd/config.json': '{ "coverage": [ { "cadreLevel": "huyện", "unitLevel": "xã" } ] }',
      'd/exports/2019-Q4/units.csv': unitsCsv(rows, region).replace(/\n42,Tỉnh Hà Tĩnh,tỉnh,,,\n443,Huyện Can Lộc,huyện,42,/, '\n443,Huyện Can Lộc,huyện,,'),
      'd/exports/2019-Q4/cadres.csv': ['mã cán bộ,họ và tên,cấp,mã đơn vị công tác,đoàn công tác', ...cadres].join('\n'),
      'd/exports/2019-Q4/assignments.csv': ['mã cán bộ,mã đơn vị', ...assignments].join('\n'),
    }));
    expect(loaded.findings.errors).toEqual([]);
    const q = loaded.current!;
    expect(q.figures.coverage[0]).toMatchObject({ cadres: 20, units: 23, covered: 23, unattended: 0, overloaded: 3, idle: 0 });
    // Vùng 1 holds communes 1, 6, 11, 16 and 21 (indexes 0, 5, 10, 15, 20).
    expect(q.areas.get('region:Vùng 1')!.coverage[0]).toMatchObject({ units: 5, covered: 5 });
  });
});
