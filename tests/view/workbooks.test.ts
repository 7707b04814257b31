import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/load.ts';
import { buildSiteModel } from '../../src/lib/model/build-site-model.ts';
import type { SiteModel } from '../../src/lib/model/types.ts';
import { allRoutes } from '../../src/view/routes.ts';
import { siteTables, tableCsv } from '../../src/view/tables.ts';
import * as wb from '../../src/view/workbooks.ts';
import type { Lang } from '../../src/lib/types.ts';
import { memorySource } from '../memory-source.ts';
import { readWorkbook, type ReadSheet } from '../xlsx-reader.ts';

const FORMULA = '=HYPERLINK("http://x","y")';
const SUMMARY = 'Đường liên ấp hư hỏng, cần sửa';

/* The tiny 2017-Q4 with a formula for a name (cadre D1) and for an issue's summary. */
const dir = 'tests/fixtures/tiny/exports/2017-Q4';
const files: Record<string, string> = {};
for (const name of readdirSync(dir)) {
  let text = readFileSync(join(dir, name), 'utf8');
  if (name === 'cadres.csv') text = text.replace('D1,Phạm Văn Bốn', `D1,"${FORMULA.replace(/"/g, '""')}"`);
  if (name === 'reports.csv') text = text.replace('Rác thải', `"${FORMULA.replace(/"/g, '""')}"`);
  files[`d/exports/2017-Q4/${name}`] = text;
}


const sheetOf = (sheets: ReadSheet[], name: string) => sheets.find((s) => s.name === name)!;
/** A data sheet's rows below its title and header, as objects keyed by header. */
function records(sheet: ReadSheet) {
  const [, header, ...rows] = sheet.rows;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? null])));
}

describe('Excel workbooks', () => {
  let tmp: string;
  let model: SiteModel;

  beforeAll(async () => {
    const loaded = await loadData('d', memorySource(files));
    expect(loaded.findings.errors).toEqual([]);
    model = buildSiteModel({ loaded, builtAt: '2018-01-15T08:30:00.000Z', files: [], boundaryIds: new Set() });
    tmp = mkdtempSync(join(tmpdir(), 'namcoso-xlsx-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('defines every column of every table in plain words, in both languages', () => {
    for (const lang of ['vi', 'en'] as Lang[]) {
      for (const { table } of siteTables(model).filter((x) => x.lang === lang)) {
        // The info sheet: title, four facts, a blank row, its header, then one row per column.
        const defs = readWorkbook(wb.tableWorkbook(model, lang, table.id)).sheets.at(-1)!.rows.slice(7);
        expect(defs.map((d) => d[1]), table.id).toEqual(table.columns.map((c) => c.label));
        for (const d of defs) expect(d[2], `${lang} ${table.id} ${String(d[1])}`).toMatch(/\p{L}{3}/u);
      }
    }
  });

  it('lists as the build writes them every table’s CSV and workbook once, each page’s workbook, and each size as written', () => {
    // Worked out independently: every table of the site, and every page's workbook, from the helpers the pages used to call one by one.
    const expected = new Map<string, string | Buffer>();
    for (const { lang, table } of siteTables(model)) {
      expected.set(wb.tableCsvFile(lang, table.id), tableCsv(table));
      expected.set(wb.tableWorkbookFile(lang, table.id), wb.tableWorkbook(model, lang, table.id));
    }
    const pagesWithout: string[] = [];
    for (const route of allRoutes(model)) {
      const bytes = wb.pageWorkbook(model, route);
      if (bytes) expected.set(wb.pageWorkbookFile(route), bytes);
      else pagesWithout.push(wb.pageWorkbookFile(route));
    }
    const written = new Map<string, string | Buffer>();
    const sizes = new Map<string, number | null>();
    for (const page of wb.downloadFiles(model)) {
      for (const f of page.files) {
        expect(written.has(f.path), f.path).toBe(false);
        written.set(f.path, f.bytes);
      }
      for (const [file, size] of Object.entries(page.sizes)) sizes.set(file, size);
    }
    expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, bytes] of expected) expect(Buffer.compare(Buffer.from(written.get(path)!), Buffer.from(bytes)), path).toBe(0);
    for (const [path, bytes] of written) if (path.endsWith('.xlsx')) expect(sizes.get(path), path).toBe(Buffer.from(bytes).length);
    for (const file of pagesWithout) expect(sizes.get(file), file).toBeNull();
    expect(pagesWithout).toContain('xlsx/vi/page/search.xlsx');
    // The bench's build without workbooks writes the CSVs alone, the same ones.
    const csvOnly = [...wb.downloadFiles(model, false)].flatMap((p) => p.files.map((f) => f.path));
    expect(csvOnly.sort()).toEqual([...expected.keys()].filter((p) => p.endsWith('.csv')).sort());
  });

  it('gives every page with tables one workbook of all of them, and no cell of any workbook is a formula', () => {
    let pages = 0;
    for (const route of allRoutes(model)) {
      const t = wb.pageWorkbookTables(model, route);
      const bytes = wb.pageWorkbook(model, route);
      if (t.length === 0) { expect(bytes).toBeNull(); continue; }
      pages++;
      const book = readWorkbook(bytes!);
      expect(book.sheets).toHaveLength(t.length + 1);
      expect(book.sheets.at(-1)!.name).toBe(route.lang === 'vi' ? 'Về tệp này' : 'About this file');
      t.forEach((table, i) => {
        const sheet = book.sheets[i]!;
        expect(sheet.rows[0]).toEqual([table.caption]);
        expect(sheet.rows[1]).toEqual(table.columns.map((c) => c.label));
        expect([...sheet.cells.values()].filter((c) => c.ref.match(/^[A-Z]+2$/)).every((c) => c.bold)).toBe(true);
        expect(sheet.xml).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
        expect(sheet.xml).toMatch(/<col min="1" max="1" width="\d+" customWidth="1"\/>/);
        expect(sheet.rows.length - 2).toBe(table.rows.length);
      });
      for (const sheet of book.sheets) {
        expect(sheet.xml).not.toMatch(/<f[ >]/);
        for (const cell of sheet.cells.values()) expect(typeof cell.value === 'string' ? cell.type : 'n').toBe(typeof cell.value === 'string' ? 'inlineStr' : 'n');
      }
    }
    expect(pages).toBeGreaterThan(10);
  });

  it('writes numbers as numbers, rates as percentages, dates as dates and formulas as text', () => {
    const overview = allRoutes(model).find((r) => r.kind === 'overview' && r.lang === 'en')!;
    const book = readWorkbook(wb.pageWorkbook(model, overview)!);
    expect(book.title).toContain('Tỉnh Thử');
    const coverage = sheetOf(book.sheets, 'Cadres per unit');
    const first = records(coverage)[0]!;
    expect(first.Cadres).toBe(model.figures.coverage[0]!.cadres);
    expect(first['Cadres per unit']).toBe(model.figures.coverage[0]!.ratio);
    expect(coverage.cells.get('D3')!.format).toBe('0.000');
    expect(coverage.cells.get('B3')!.format).toBe('#,##0');

    const issuesRoute = allRoutes(model).find((r) => r.kind === 'issues' && r.lang === 'vi')!;
    const issues = readWorkbook(wb.pageWorkbook(model, issuesRoute)!);
    const all = issues.sheets[2]!;
    const rows = records(all);
    // 2017-10-10 is day 43018 of the 1900 date system; shown DD/MM/YYYY.
    const r7 = rows.find((r) => r['Nội dung'] === SUMMARY)!;
    expect(r7['Ngày']).toBe(43018);
    expect(r7['Ngày phản hồi']).toBe(43028);
    expect(r7['Số ngày']).toBe(10);
    expect(all.cells.get('A3')!.format).toBe('dd/mm/yyyy');
    const hostile = [...all.cells.values()].find((c) => c.value === FORMULA)!;
    expect(hostile.type).toBe('inlineStr');
    expect(all.xml).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');

    const unit = readWorkbook(wb.pageWorkbook(model, allRoutes(model).find((r) => r.kind === 'unit' && r.id === '801' && r.lang === 'vi')!)!);
    const areas = unit.sheets[0]!;
    const a1 = model.units['10001']!.area!.coverage[0]!;
    const rateCell = [...areas.cells.values()].find((c) => c.ref === 'B3')!;
    expect(rateCell.format).toBe('0.0%');
    expect(rateCell.value).toBe(a1.covered / a1.units);
    expect(records(sheetOf(unit.sheets, 'Cán bộ')).map((r) => r['Cán bộ'])).toContain(FORMULA);

    const info = unit.sheets.at(-1)!;
    expect(info.rows.slice(1, 5).map((r) => r[0])).toEqual(['Nguồn', 'Bản xuất', 'Kỳ', 'Tạo lúc']);
    expect(info.rows[3]![1]).toBe('2017-Q4 (01/10/2017 – 31/12/2017)');
    expect(info.rows[4]![1]).toBe('15/01/2018 08:30 UTC');
  });

  it('places a table’s own sheet, compressed once, in its workbook and in its page’s', () => {
    const route = allRoutes(model).find((r) => r.kind === 'cadre' && r.lang === 'en')!;
    const page = readWorkbook(wb.pageWorkbook(model, route)!);
    const own = readWorkbook(wb.tableWorkbook(model, 'en', wb.pageWorkbookTables(model, route)[1]!.id));
    expect(own.sheets[0]!.xml).toBe(page.sheets[1]!.xml);
    expect(wb.savedName(model, wb.pageWorkbookFile(route))).toBe(`namcoso-2017-Q4-cadre-${route.id}.xlsx`);
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  it.skipIf(!soffice)('reads the same in LibreOffice: Vietnamese text, figures as shown, the formula as literal text', () => {
    const out = join(tmp, 'lo');
    const route = allRoutes(model).find((r) => r.kind === 'overview' && r.lang === 'vi')!;
    writeFileSync(join(tmp, 'overview.xlsx'), wb.pageWorkbook(model, route)!);
    // Every sheet (the last token, -1) to its own CSV in UTF-8 (76), cells as shown (the 9th token);
    // a profile of its own, so a LibreOffice already running elsewhere does not take the job.
    execFileSync(soffice!, [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
      '--outdir', out, join(tmp, 'overview.xlsx')], { stdio: 'pipe', timeout: 120_000 });
    const csv = readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    expect(csv).toContain(`"${FORMULA.replace(/"/g, '""')}"`);
    // An overdue issue: raised 01/11/2017 at a hamlet of Xã A1, waiting 60 days.
    expect(csv).toMatch(/^01\/11\/2017,Ấp A1-1 \(Xã A1\),[^\n]*,60,Quá hạn$/m);
    // Sở A: two issues raised, one answered after 10 days, one overdue.
    expect(csv).toContain('Sở A,2,1,10,1');
    const c = model.figures.coverage[0]!;
    expect(csv).toContain(`,${c.cadres},${c.units},${c.ratio!.toFixed(3)},`);
    const a1 = model.units['801']!.area!.coverage[0]!;
    expect(csv).toMatch(new RegExp(`^Huyện A,${(100 * a1.covered / a1.units).toFixed(1).replace('.', '[.,]')}%,`, 'm'));
    expect(csv).toContain('Nguyễn Văn Một');
    expect(readdirSync(out).map((f) => f.normalize('NFC'))).toContain('overview-Về tệp này.csv');
    expect(csv).toContain('Tạo lúc,15/01/2018 08:30 UTC');
  }, 180_000);
  if (!soffice) it('skips the LibreOffice reading: soffice is not installed (apt-get install libreoffice-calc-nogui)', () => {});
});
