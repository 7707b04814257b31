import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, hashTree, launch, serve, watchedPage } from './harness.ts';

const SCRIPT_NAME = '<script>window.__xss = 1</script>Xã A1';
const IMG_NAME = '<img src=x onerror="window.__xss = 2">Nguyễn Văn Một';
const FORMULA = '=HYPERLINK("http://evil.example","bấm vào")';
/** Ids that once lost their page: `..` named the parent folder, 5,000 characters a file name too long. */
const ODD_IDS = [['..', 'Ấp Chấm Chấm'], ['9'.repeat(5000), 'Ấp Mã Dài']] as const;

/** The tiny fixture with names and notes that try to run script or formulas, and points for the map. */
function hostileData(root: string): string {
  const data = join(root, 'data');
  cpSync('tests/fixtures/tiny', data, { recursive: true });
  const q = join(data, 'exports/2017-Q4');
  const edit = (file: string, f: (s: string) => string) => writeFileSync(join(q, file), f(readFileSync(join(q, file), 'utf8')));
  edit('units.csv', (s) => s
    .replace('unit_id,name,level,parent_id,kind,region,households', 'unit_id,name,level,parent_id,kind,region,households,lat,lon')
    .replace(/\n(\d[^\n]*)/g, (_, row: string) => `\n${row},,`)
    .replace('10001,Xã A1,commune,801,xã,Vùng 1,1.250,,', `10001,"${SCRIPT_NAME.replace(/"/g, '""')}",commune,801,xã,Vùng 1,1.250,10.2,106.3`)
    .replace('10002,Xã A2,commune,801,xã,Vùng 1,980,,', '10002,Xã A2,commune,801,xã,Vùng 1,980,10.3,106.4')
    .concat(ODD_IDS.map(([id, name]) => `${id},${name},hamlet,10003,ấp,,,,\n`).join('')));
  edit('cadres.csv', (s) => s.replace('P1,Nguyễn Văn Một', `P1,"${IMG_NAME.replace(/"/g, '""')}"`));
  edit('reports.csv', (s) => s.replace('"Đường liên ấp hư hỏng, cần sửa"', `"${FORMULA.replace(/"/g, '""')}"`));
  // A known host: the language alternates become absolute.
  writeFileSync(join(data, 'config.json'), JSON.stringify({ siteUrl: 'https://tinhuy.example.vn' }));
  return data;
}

describe('a published site with hostile text in its data', () => {
  let root: string;
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let out: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'namcoso-hostile-'));
    out = join(root, 'dist');
    const result = build(['--data', hostileData(root), '--out', out, '--base', '/x/']);
    expect(result.code, result.stderr).toBe(0);
    site = await serve(out, '/x/');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows names as text and runs no script from them, on pages, map tooltips and search results', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    for (const path of ['', 'unit/10001/', 'unit/801/', 'cadre/P1/', 'issues/', 'en/unit/10001/', 'map/']) {
      await page.goto(`${site.url}${path}`);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    }
    await page.goto(`${site.url}unit/10001/`);
    expect(await page.locator('h1').textContent()).toContain('<script>');
    await page.goto(`${site.url}map/`);
    await page.locator('[data-map-ready="true"]').waitFor({ state: 'attached' });
    await page.locator('.leaflet-interactive').first().hover();
    await page.locator('[data-search-input]').first().fill('nguyen van mot');
    await expect.poll(() => page.locator('[data-search-results] a').first().textContent()).toContain('<img');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(watch.foreign).toEqual([]);
  });

  it('gives a unit with the id ".." or a 5,000-character id its own page, reached from its commune', async () => {
    const { page } = await watchedPage(browser, new URL(site.url).origin);
    for (const [, name] of ODD_IDS) {
      await page.goto(`${site.url}unit/10003/`);
      await page.getByRole('link', { name, exact: true }).first().click();
      await expect.poll(() => page.locator('h1').textContent()).toContain(name);
    }
  });

  it('names both language versions by absolute URL when config.json gives siteUrl', async () => {
    const html = readFileSync(join(out, 'unit/10001/index.html'), 'utf8');
    expect(html).toContain('<link rel="alternate" hreflang="vi" href="https://tinhuy.example.vn/x/unit/10001/">');
    expect(html).toContain('<link rel="alternate" hreflang="en" href="https://tinhuy.example.vn/x/en/unit/10001/">');
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="https://tinhuy.example.vn/x/unit/10001/">');
  });

  it('neutralises a formula in a CSV download and writes a BOM for Excel', async () => {
    const csv = readFileSync(join(out, 'csv/vi/issues-all.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""bấm vào"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('leaves the published site untouched when the next export is broken', () => {
    const before = hashTree(out);
    const broken = join(root, 'data/exports/2017-Q4');
    writeFileSync(join(broken, 'units.csv'), readFileSync(join(broken, 'units.csv'), 'utf8').replace('802,Huyện B,district,83', '802,Huyện B,district,999'));
    writeFileSync(join(broken, 'cadres.csv'), readFileSync(join(broken, 'cadres.csv'), 'utf8').replace('D2,', 'D1,'));
    const result = build(['--data', join(root, 'data'), '--out', out, '--base', '/x/', '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2017-Q4/units.csv, line 4, column parent_id, value "999"');
    expect(result.stderr).toContain('2017-Q4/cadres.csv, line 6, column cadre_id, value "D1"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(hashTree(out)).toEqual(before);
  });
});
