import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/load.ts';
import { buildSiteModel } from '../../src/lib/site/buildSiteModel.ts';
import type { SiteModel } from '../../src/lib/site/types.ts';
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

type Tables = typeof import('../../src/site/tables.ts');

describe('cadre rows', () => {
  let tmp: string;
  let model: SiteModel;
  let tables: Tables;

  beforeAll(async () => {
    const loaded = await loadData('d', memorySource(files));
    expect(loaded.findings.errors).toEqual([]);
    model = buildSiteModel({ loaded, builtAt: '2018-01-15T00:00:00.000Z', files: [], boundaryIds: new Set() });
    // The pages read the model from the file the build writes; tables.ts loads it on import.
    tmp = mkdtempSync(join(tmpdir(), 'namcoso-tables-'));
    writeFileSync(join(tmp, 'model.json'), JSON.stringify(model));
    process.env.NAMCOSO_MODEL = join(tmp, 'model.json');
    tables = await import('../../src/site/tables.ts');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('gives a silent commune cadre its id, its home commune and the groups it follows, each linked to a page', () => {
    expect(model.silentIds).toContain('C1');
    const row = tables.cadresTable('silent', 'Silent', model.silentIds, 'vi').rows.find((r) => r.id === 'C1')!;
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
    const row = tables.cadresTable('overloaded', 'Overloaded', ['P1'], 'en').rows[0]!;
    expect(row.name).toEqual({ text: 'Nguyễn Văn Một', href: '/en/cadre/P1/' });
    expect(row.home).toEqual({ text: 'Province Tỉnh Thử [83]', parts: [{ text: 'Province Tỉnh Thử', href: '/en/unit/83/' }] });
    expect(row.followed).toMatchObject({ parts: [{ text: 'Xã A1', href: '/en/unit/10001/' }, { text: 'Xã A2', href: '/en/unit/10002/' }] });
  });

  it('writes the rows to CSV as plain text, ids beside names', async () => {
    const { GET } = await import('../../src/pages/csv/[...file].ts');
    const table = tables.cadresTable('silent', 'Silent', model.silentIds, 'vi');
    const csv = await (await GET({ props: { table } } as unknown as Parameters<typeof GET>[0]) as Response).text();
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header).toBe('Cán bộ,Mã cán bộ,Đơn vị công tác,Đơn vị đang theo dõi,Cấp,Chức vụ,Số đơn vị theo dõi,Tỷ lệ dự họp,Báo cáo,Kiến nghị,Tình trạng');
    expect(lines).toContain('Huỳnh Văn Sáu,C1,Xã A1 [10001],"Tổ 1, Ấp A1-1 (Xã A1) [10001-01-01]; Tổ 2, Ấp A1-2 (Xã A1) [10001-02-01]",Xã,Đảng ủy viên,2,0,0,0,"theo dõi nhiều nơi, không báo cáo"');
  });
});
