import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../src/lib/text.ts';
import { readWorkbook } from '../xlsx-reader.ts';
import { build, launch, serve, SHOTS, watchedPage } from './harness.ts';
import { missingWorkbooks } from './workbook-links.ts';

const BASE = '/tinh-uy/nam-co-so/';
const units = readFileSync('data/exports/2017-Q4/units.csv', 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(','));
const communes = units.filter((cells) => cells[2] === 'commune');

describe('the demo site, served under a sub-path', () => {
  let out: string;
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'namcoso-site-')), 'dist');
    const result = build(['--data', 'data', '--out', out, '--base', BASE]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(0);
    site = await serve(out, BASE);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (out) rmSync(join(out, '..'), { recursive: true, force: true });
  });

  it('shows the three seed ratios on the overview, in both languages', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(site.url);
    const ratios = await page.locator('[data-ratio]').allTextContents();
    expect(ratios.map((r) => r.split(' ')[0])).toEqual(['139/164', '679/986', '6.038/14.676']);
    await page.waitForSelector('[data-map-ready="true"]', { state: 'attached' });
    await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });
    await page.goto(`${site.url}en/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect((await page.locator('[data-ratio]').allTextContents()).map((r) => r.split(' ')[0])).toEqual(['139/164', '679/986', '6,038/14,676']);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('follows every link of the overview without a broken link, asset, console error or foreign request', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(site.url);
    // SVG links carry their href as an attribute only: resolve every link against the page.
    const links = [...new Set(await page.locator('a[href]').evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href')!, document.baseURI).href)))]
      .map((href) => href.split('#')[0]!)
      .filter((href, i, all) => href !== '' && all.indexOf(href) === i);
    expect(links.length).toBeGreaterThan(40);
    const broken: string[] = [];
    for (const link of links) {
      expect(link.startsWith(site.url), `${link} leaves the site`).toBe(true);
      if (/\.(csv|json|xlsx)$/.test(link)) {
        const response = await page.request.get(link);
        if (response.status() !== 200) broken.push(`${response.status()} ${link}`);
        continue;
      }
      const response = await page.goto(link);
      if (response?.status() !== 200) broken.push(`${response?.status()} ${link}`);
    }
    expect(broken).toEqual([]);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('follows the workbook links of a few pages: each file is there, as big as its link says, with a sheet per table', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    const district = units.find((cells) => cells[2] === 'district')![0];
    for (const path of ['', `unit/${district}/`, 'cadres/', 'en/', 'en/issues/']) {
      await page.goto(`${site.url}${path}`);
      const all = await page.locator('.page-download a, .table-tools a[href$=".xlsx"]').evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent!, name: a.getAttribute('download') })));
      // The page's own workbook first, then one beside each table's CSV (a chart's table may repeat one shown above it).
      const links = all.filter((l, i) => all.findIndex((m) => m.href === l.href) === i);
      const tables = links.length - 1;
      expect(tables, path).toBeGreaterThan(0);
      expect(await page.locator('.table-tools').count()).toBeGreaterThanOrEqual(tables);
      for (const [i, link] of links.entries()) {
        expect(link.text).toMatch(/^Excel · \d+([.,]\d)? (KB|MB)$/);
        expect(link.name).toMatch(/^namcoso-2017-Q4-[\w~.-]+\.xlsx$/);
        const response = await page.request.get(link.href);
        expect(response.status(), link.href).toBe(200);
        const bytes = await response.body();
        const kb = Number(/(\d+) KB/.exec(link.text)?.[1] ?? NaN);
        if (!Number.isNaN(kb)) expect(Math.max(1, Math.round(bytes.length / 1024))).toBe(kb);
        const book = readWorkbook(bytes);
        // A table's workbook: its sheet and the one describing it; the page's: one per table (the issues
        // page adds every issue of the quarter, offered there as a CSV) and that one.
        if (i === 0) expect(book.sheets.length, link.href).toBe(tables + (path.endsWith('issues/') ? 2 : 1));
        else expect(book.sheets.length, link.href).toBe(2);
        for (const sheet of book.sheets) expect(sheet.xml).not.toMatch(/<f[ >]/);
      }
    }
    expect(missingWorkbooks(out, BASE)).toEqual([]);
    // The Vietnamese overview's workbook opens on the figures the page shows.
    await page.goto(site.url);
    const overview = readWorkbook(await (await page.request.get(await page.locator('.page-download a').getAttribute('href').then((h) => new URL(h!, site.url).href))).body());
    expect(overview.sheets[0]!.rows.slice(2).map((r) => `${r[1]}/${r[2]}`)).toEqual(['139/164', '679/986', '6038/14676']);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('draws every commune on the map, from its boundary or its point', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(`${site.url}map/`);
    const map = page.locator('[data-map-ready="true"]').first();
    await map.waitFor({ state: 'attached' });
    const drawn = Number(await map.getAttribute('data-feature-count')) + Number(await map.getAttribute('data-point-count'));
    expect(drawn).toBe(communes.length);
    expect(await page.locator('.leaflet-interactive').count()).toBe(communes.length);
    await page.screenshot({ path: `${SHOTS}/map.png` });
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('publishes a page for every district and commune, in both languages', () => {
    const withPage = units.filter((cells) => cells[2] === 'district' || cells[2] === 'commune');
    const missing = withPage.flatMap(([id]) => [`unit/${id}/index.html`, `en/unit/${id}/index.html`]).filter((path) => !existsSync(join(out, path)));
    expect(missing).toEqual([]);
  });

  it('drills down from the overview to a district and a commune', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    const district = units.find((cells) => cells[2] === 'district')!;
    const commune = communes.find((cells) => cells[3] === district[0])!;
    await page.goto(site.url);
    await page.locator(`main table a[href$="unit/${district[0]}/"]:visible`).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(district[1]);
    await page.screenshot({ path: `${SHOTS}/district.png`, fullPage: true });
    await page.locator(`main table a[href$="unit/${commune[0]}/"]:visible`).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(commune[1]);
    expect(await page.locator('.breadcrumb').textContent()).toContain(district[1]);
    await page.screenshot({ path: `${SHOTS}/commune.png`, fullPage: true });
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('leads from every row of the silent list to pages that exist, a commune cadre to the units followed', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(`${site.url}silent/`);
    const rows = page.locator('main table tbody tr');
    // Each row links at least its home unit and one unit followed.
    const linksPerRow = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('a[href]').length));
    expect(linksPerRow.length).toBeGreaterThan(100);
    expect(linksPerRow.filter((n) => n < 2)).toEqual([]);
    const hrefs = [...new Set(await page.locator('main table a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)))];
    const broken: string[] = [];
    for (const link of hrefs) {
      const response = await page.request.get(link);
      if (response.status() !== 200) broken.push(`${response.status()} ${link}`);
    }
    expect(broken).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${SHOTS}/silent.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/silent-phone.png` });

    // A commune cadre has no page: their name is plain text, the groups they follow are links to their hamlet's page.
    const row = rows.filter({ has: page.locator('td:first-child:not(:has(a))') }).first();
    const followed = row.locator('td:nth-child(4) a').first();
    const title = (await followed.textContent())!;
    expect(title).toMatch(/^Tổ .+, .+ \(.+\)$/);
    const target = await followed.evaluate((a) => (a as HTMLAnchorElement).href);
    const [response] = await Promise.all([page.waitForResponse((r) => r.url() === target), followed.click()]);
    expect(response.status()).toBe(200);
    await expect.poll(() => page.url()).toBe(target);
    expect(await page.locator('main').textContent()).toContain(title.split(',')[0]);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('finds a commune typed without diacritics', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    const commune = communes.find((cells) => foldDiacritics(cells[1]!) !== cells[1]!.toLowerCase())!;
    await page.goto(site.url);
    await page.locator('[data-search-input]').first().fill(foldDiacritics(commune[1]!));
    const first = page.locator('[data-search-results] a').first();
    await expect.poll(() => first.textContent()).toContain(commune[1]);
    await first.click();
    await expect.poll(() => page.url()).toContain(`unit/${commune[0]}/`);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('prints the brief of every district on one A4 page', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    const districts = units.filter((cells) => cells[2] === 'district');
    const pages: Record<string, number> = {};
    for (const [id] of districts) {
      await page.goto(`${site.url}brief/${id}/`);
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      pages[id!] = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    }
    expect(Object.values(pages).every((n) => n === 1), JSON.stringify(pages)).toBe(true);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('keeps the overview under 150 KB gzipped, map geometry and search index aside', async () => {
    const { page } = await watchedPage(browser, new URL(site.url).origin);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(site.url, { waitUntil: 'networkidle' });
    const counted = urls.filter((u) => !u.includes('/data/'));
    let total = 0;
    for (const url of counted) total += gzipSync(await (await page.request.get(url)).body()).length;
    expect(total).toBeLessThan(150 * 1024);
    await page.close();
  });
});
