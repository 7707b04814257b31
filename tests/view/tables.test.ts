import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/load.ts';
import { buildSiteModel } from '../../src/lib/model/build-site-model.ts';
import type { SiteModel } from '../../src/lib/model/types.ts';
import { allRoutes } from '../../src/view/routes.ts';
import * as tables from '../../src/view/tables.ts';
import { memorySource } from '../memory-source.ts';

/*
 * The tiny 2017-Q4 with a second group, Tổ 2 under Ấp A1-2, and commune cadre C1 (home Xã A1)
 * following both groups from the start of the quarter without a single report: a silent commune cadre.
 */
const dir = 'tests/fixtures/tiny/exports/2017-Q4';
const files: Record<string, string> = {};
for (const name of readdirSync(dir)) {
  let text = readFileSync(join(dir, name), 'utf8');
  if (name === 'units.csv') text += '10001-02-01,Tổ 2,group,10001-02,tổ nhân dân tự quản,,\n';
  if (name === 'assignments.csv') text = text.replace('C1,10001-01-01,lead,05/01/2018,', 'C1,10001-01-01,lead,,\nC1,10001-02-01,lead,,');
  files[`d/exports/2017-Q4/${name}`] = text;
}

describe('cadre rows', () => {
  let model: SiteModel;

  beforeAll(async () => {
    const loaded = await loadData('d', memorySource(files));
    expect(loaded.findings.errors).toEqual([]);
    model = buildSiteModel({ loaded, builtAt: '2018-01-15T00:00:00.000Z', files: [], boundaryIds: new Set() });
  });

  it('gives a silent commune cadre its id, its home commune and the groups it follows, each linked to a page', () => {
    expect(model.silentIds).toContain('C1');
    const row = tables.cadresTable(model, 'silent', 'Silent', model.silentIds, 'vi').rows.find((r) => r.id === 'C1')!;
    // Commune cadres have no page of their own.
    expect(row.name).toEqual({ text: 'Huỳnh Văn Sáu', href: undefined });
    expect(row.home).toEqual({ text: 'Xã A1 [10001]', parts: [{ text: 'Xã A1', href: '/unit/10001/' }] });
    // A group is a row of its hamlet's page.
    expect(row.followed).toEqual({
      text: 'Tổ 1, Ấp A1-1 (Xã A1) [10001-01-01]; Tổ 2, Ấp A1-2 (Xã A1) [10001-02-01]',
      parts: [{ text: 'Tổ 1, Ấp A1-1', within: 'Xã A1', href: '/unit/10001-01/' }, { text: 'Tổ 2, Ấp A1-2', within: 'Xã A1', href: '/unit/10001-02/' }],
    });
    expect(row.units).toBe(2);
  });

  it('links a provincial cadre to its page and the communes it follows, in English under en/', () => {
    const row = tables.cadresTable(model, 'overloaded', 'Overloaded', ['P1'], 'en').rows[0]!;
    expect(row.name).toEqual({ text: 'Nguyễn Văn Một', href: '/en/cadre/P1/' });
    expect(row.home).toEqual({ text: 'Province Tỉnh Thử [83]', parts: [{ text: 'Province Tỉnh Thử', href: '/en/unit/83/' }] });
    expect(row.followed).toMatchObject({ parts: [{ text: 'Xã A1', href: '/en/unit/10001/' }, { text: 'Xã A2', href: '/en/unit/10002/' }] });
  });

  it('places each row by the districts and communes of its home and its units, with its flags, for the filter', () => {
    const table = tables.cadresTable(model, 'silent', 'Silent', model.silentIds, 'vi');
    const f = table.filter!;
    const row = (id: string) => {
      const r = f.rows[table.rows.findIndex((x) => x.id === id)]!;
      return { districts: r.districts.map((i) => f.districts[i]), communes: r.communes.map((i) => f.communes[i]), statuses: r.statuses.map((i) => f.statuses[i]!.key) };
    };
    // D2 works at district 802 and follows hamlet 10003-01 of commune 10003; C1 works at commune 10001 of district 801.
    expect(row('D2')).toEqual({ districts: ['802'], communes: ['10003'], statuses: ['silent', 'lowAttendance'] });
    expect(row('C1')).toEqual({ districts: ['801'], communes: ['10001'], statuses: ['silent', 'lowAttendance'] });
    expect(f.statuses.map((s) => s.label)).toEqual(['Không báo cáo', 'Có kiến nghị quá hạn', 'Dự họp dưới mức', 'Chưa được phân công', 'Theo dõi quá mức']);
  });

  it('writes the rows to CSV as plain text, ids beside names', async () => {
    const csv = tables.tableCsv(tables.cadresTable(model, 'silent', 'Silent', model.silentIds, 'vi'));
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header).toBe('Cán bộ,Mã cán bộ,Đơn vị công tác,Đơn vị đang theo dõi,Cấp,Chức vụ,Số đơn vị theo dõi,Tỷ lệ dự họp của cán bộ,Báo cáo,Kiến nghị,Tình trạng');
    // Two groups for one commune cadre: following both is the line (2), not above it, so no overload.
    expect(lines).toContain('Huỳnh Văn Sáu,C1,Xã A1 [10001],"Tổ 1, Ấp A1-1 (Xã A1) [10001-01-01]; Tổ 2, Ấp A1-2 (Xã A1) [10001-02-01]",Xã,Đảng ủy viên,2,0,0,0,"không báo cáo; dự họp 0,0%, dưới mức 50%"');
  });
});

describe('the tables of every page', () => {
  let model: SiteModel;
  beforeAll(async () => {
    const loaded = await loadData('d', memorySource(files));
    model = buildSiteModel({ loaded, builtAt: '2018-01-15T00:00:00.000Z', files: [], boundaryIds: new Set() });
  });

  it('gives each page distinct table ids, every one with its CSV', () => {
    const csv = new Set(tables.siteTables(model).map(({ lang, table }) => `${lang}/${table.id}`));
    for (const route of allRoutes(model)) {
      const ids = tables.pageTables(model, route).map((t) => t.id);
      expect(new Set(ids).size, route.path).toBe(ids.length);
      for (const id of ids) expect(csv.has(`${route.lang}/${id}`), `${route.path} ${id}`).toBe(true);
    }
  });

  it('declares the unit page’s tables by what lies below the unit', () => {
    // Xã A1 has hamlets (pages of their own) and no rows; Ấp A1-1 has groups as rows.
    const commune = tables.unitTables(model, '10001', 'en');
    expect([commune.areas?.id, commune.units, commune.groups]).toEqual(['areas-10001', null, null]);
    const hamlet = tables.unitTables(model, '10001-01', 'en');
    expect([hamlet.areas, hamlet.units?.rows.length]).toEqual([null, 1]);
  });

  it('reads each area’s coverage rate from the model rather than dividing', () => {
    const province = tables.areaTable(model, 'a', 'A', ['801', '802'], 'vi');
    // 801: communes 10001 and 10002 both covered; 802: 10003 unattended.
    expect(province.rows.map((r) => r.rate0)).toEqual([1, 0]);
  });
});
