import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchIndex } from '../../src/lib/search-index.ts';
import { foldDiacritics } from '../../src/lib/text.ts';
import { runCheck } from '../cli/run-check.ts';
import { readWorkbook } from '../xlsx-reader.ts';
import { type BuiltSite, builtSite, SHOTS, watchedPage } from './harness.ts';
import { missingWorkbooks } from './workbook-links.ts';

const BASE = '/tinh-uy/nam-co-so/';
const units = readFileSync('data/exports/2017-Q4/units.csv', 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(','));
const communes = units.filter((cells) => cells[2] === 'commune');

describe('the demo site, served under a sub-path', () => {
  let built: BuiltSite | undefined;
  let out: string;
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    built = await builtSite('data', BASE);
    ({ out, site, browser } = built);
  });
  afterAll(() => built?.close());

  it('shows the three seed ratios on the overview, in both languages', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(site.url);
    const ratios = await page.locator('[data-ratio]').allTextContents();
    expect(ratios).toEqual(['0,848 cán bộ/xã (139 cán bộ trên 164 xã)', '0,689 cán bộ/ấp (679 cán bộ trên 986 ấp)', '0,411 cán bộ/tổ (6.038 cán bộ trên 14.676 tổ)']);
    await page.waitForSelector('[data-map-ready="true"]', { state: 'attached' });
    await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });
    await page.goto(`${site.url}en/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect((await page.locator('[data-ratio]').allTextContents()).map((r) => r.replace(/^.*\((.*) cadres over ([\d,]+) .*$/, '$1/$2'))).toEqual(['139/164', '679/986', '6,038/14,676']);
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

  it('lets the page scroll past the map: the wheel zooms it only once it is clicked, and says so before', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${site.url}map/`);
    const map = page.locator('[data-map-ready="true"]').first();
    await map.waitFor({ state: 'attached' });
    const zoom = await map.getAttribute('data-map-zoom');
    const box = (await page.locator('.coverage-map__canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect.poll(() => page.locator('.coverage-map__hint[data-hint="wheel"]').isVisible()).toBe(true);
    await page.waitForTimeout(500);
    expect(await map.getAttribute('data-map-zoom')).toBe(zoom);
    // A click on the map's empty top right corner (on screen, away from the zoom buttons), not on
    // a commune, which would open its page.
    await page.mouse.click(box.x + box.width - 5, box.y + 5);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => Number(await map.getAttribute('data-map-zoom'))).toBeGreaterThan(Number(zoom));
    expect(await page.locator('.coverage-map__hint[data-hint="wheel"]').isVisible()).toBe(false);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('outlines and names the districts over the communes, and a district page its own district', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(`${site.url}map/`);
    const map = page.locator('[data-map-ready="true"]').first();
    await map.waitFor({ state: 'attached' });
    const districts = units.filter((cells) => cells[2] === 'district').map((cells) => cells[1]);
    expect(await map.getAttribute('data-area-labels')).toBe(String(districts.length));
    // Each district named once, by its title (Huyện Ba Tri, Thành phố Bến Tre).
    const labels = await page.locator('.coverage-map__area-label').allTextContents();
    expect(labels).toHaveLength(districts.length);
    expect(districts.map((d) => labels.filter((l) => l.endsWith(` ${d}`)).length)).toEqual(districts.map(() => 1));
    // The borders are drawn, and leave the pointer to the communes under them.
    const border = page.locator('.coverage-map__areas path').first();
    expect(await border.getAttribute('stroke')).toBe('#1a1a1a');
    expect(await border.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    const [id, name] = units.find((cells) => cells[2] === 'district')!;
    await page.goto(`${site.url}unit/${id}/`);
    await page.locator('[data-map-ready="true"]').first().waitFor({ state: 'attached' });
    const own = await page.locator('.coverage-map__area-label').allTextContents();
    expect(own).toHaveLength(1);
    expect(own[0]!.endsWith(` ${name}`)).toBe(true);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('colours attendance darkest where it is lowest, the legend reading from the lowest class, above the map', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${site.url}map/`);
    await page.locator('[data-map-ready="true"]').first().waitFor({ state: 'attached' });
    await page.locator('input[value="attendance"]').first().check();
    const legend = page.locator('[data-legend="attendance"]').first();
    const items = await legend.locator('li').evaluateAll((lis) => lis.map((li) => ({ text: li.textContent!.trim(), fill: li.querySelector('rect')!.getAttribute('fill')! })));
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const classes = items.slice(0, 5);
    expect(classes[0]!.text).toMatch(/^0\s?% – 20\s?%$/);
    const lum = classes.map((c) => luminance(c.fill));
    expect(lum).toEqual([...lum].sort((a, b) => a - b));
    // The commune that attends least is drawn in the darkest class.
    const fills = await page.locator('.leaflet-interactive').evaluateAll((els) => els.map((el) => ({ label: el.getAttribute('aria-label') ?? '', fill: el.getAttribute('fill') })));
    const rate = (label: string) => Number(/Dự họp (\d+)/.exec(label)?.[1] ?? NaN);
    const lowest = fills.filter((f) => !Number.isNaN(rate(f.label))).sort((a, b) => rate(a.label) - rate(b.label))[0]!;
    expect(rate(lowest.label)).toBeLessThan(20);
    expect(lowest.fill).toBe(classes[0]!.fill);
    // On a laptop the legend shows with the map, without scrolling.
    const box = (await legend.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('shows the department table of the issues page whole, overdue column included, on a 1366 px laptop', async () => {
    const { page } = await watchedPage(browser, new URL(site.url).origin);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${site.url}issues/`);
    const scroller = page.locator('.grid-2 .table-scroll').first();
    const overdue = scroller.locator('th').last();
    expect(await overdue.textContent()).toBe('Quá hạn');
    const [outer, head] = [(await scroller.boundingBox())!, (await overdue.boundingBox())!];
    expect(head.x + head.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
    expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
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

  it('leads from the overview’s unattended communes to the plan, and offers the proposed file', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(site.url);
    await page.locator('[data-pair="0"] .card-link a').click();
    expect(page.url()).toBe(`${site.url}plan/province-commune/`);
    expect(await page.locator('[data-capacity]').textContent()).toBe('164 xã và 139 cán bộ tỉnh: ít nhất 25 cán bộ phải theo dõi hai xã; thêm 25 cán bộ thì mỗi người chỉ cần theo dõi một xã.');
    expect(await page.locator('[role="note"]').textContent()).toContain('đề xuất, chưa phải quyết định');
    const figures = await page.locator('table').first().locator('tbody tr').allTextContents();
    expect(figures[1]).toMatch(/Chưa có người theo dõi\s*14\s*0/);
    const fileHref = await page.locator('[data-plan-file]').getAttribute('href');
    const file = await page.request.get(new URL(fileHref!, page.url()).href);
    expect(file.status()).toBe(200);
    const rows = (await file.text()).split('\n');
    expect(rows[0]).toBe('cadre_id,unit_id,role,start_date,end_date');
    expect(rows.filter((r) => r.endsWith(',2018-01-01,')).length).toBeGreaterThan(0);
    for (const link of await page.locator('.table-tools a').all()) {
      expect((await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href)).status()).toBe(200);
    }
    await page.screenshot({ path: `${SHOTS}/plan.png`, fullPage: true });
    await page.goto(`${site.url}en/plan/commune-group/`);
    expect(await page.locator('h1').textContent()).toContain('Reassignment plan');
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

  it('finds the obvious first: "thanh phu" gives the district, then its town, with the true count', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(site.url);
    await page.locator('[data-search-input]').first().fill('thanh phu');
    const names = page.locator('[data-search-results] .search__name');
    await expect.poll(() => names.first().textContent()).toBe('Huyện Thạnh Phú');
    expect(await names.nth(1).textContent()).toBe('Thị trấn Thạnh Phú');
    // A ward is labelled by its own kind.
    await page.locator('[data-search-input]').first().fill('phuong 1');
    await expect.poll(() => page.locator('[data-search-results] .search__detail').first().textContent()).toMatch(/^Đơn vị · Phường · /);
    // "nguyen van" matches far more than the 20 listed: the count says how many.
    const index = JSON.parse(readFileSync(join(out, 'data/search-vi.json'), 'utf8'));
    const total = searchIndex(index, 'nguyen van').total;
    expect(total).toBeGreaterThan(20);
    await page.locator('[data-search-input]').first().fill('nguyen van');
    await expect.poll(() => page.locator('[data-search-results] .search__empty').first().textContent()).toBe(`${total.toLocaleString('vi')} kết quả · hiện 20 kết quả đầu`);
    expect(await page.locator('[data-search-results] a').count()).toBe(20);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('answers /search/?q=… with the matches, not the directory, and "xyzabc" with no result', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(`${site.url}search/?q=thanh+phu`);
    await page.locator('[data-search-page][data-search-ready="true"]').waitFor();
    expect(await page.locator('[data-directory]').isVisible()).toBe(false);
    expect(await page.locator('[data-search-page-results] .search__name').first().textContent()).toBe('Huyện Thạnh Phú');
    expect(await page.locator('[data-search-input]').first().inputValue()).toBe('thanh phu');
    await page.goto(`${site.url}en/search/?q=xyzabc`);
    await page.locator('[data-search-page][data-search-ready="true"]').waitFor();
    expect(await page.locator('[data-search-page-count]').textContent()).toBe('No results.');
    expect(await page.locator('[data-search-page-results] li').count()).toBe(0);
    expect(await page.locator('[data-directory]').isVisible()).toBe(false);
    // With no query the page is the directory.
    await page.goto(`${site.url}search/`);
    expect(await page.locator('[data-directory]').isVisible()).toBe(true);
    expect(await page.locator('[data-search-page]').isVisible()).toBe(false);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('loads Leaflet only on pages that draw a map, and describes every page', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const leaflet = () => requested.filter((p) => /\/_astro\/(map\.[^/]+\.js|leaflet\.[^/]+\.css)$/.test(p)).map((p) => p.split('.').pop());
    for (const path of ['cadres/', 'issues/', 'search/', 'en/about/']) await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
    expect(leaflet()).toEqual([]);
    await page.goto(site.url);
    await page.locator('[data-map-ready="true"]').waitFor({ state: 'attached' });
    expect(leaflet().sort()).toEqual(['css', 'js']);
    expect(await page.locator('head link[rel="stylesheet"]').evaluateAll((ls) => ls.map((l) => new URL((l as HTMLLinkElement).href).pathname.split('/').pop()!.split('.')[0]))).toEqual(['leaflet', '_']);
    // No siteUrl in the demo's config.json: the alternates are root-relative, under the base.
    expect(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href')).toBe(`${BASE}en/`);
    expect(await page.locator('link[rel="alternate"][hreflang="x-default"]').getAttribute('href')).toBe(BASE);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/^Tổng quan · .+2017-Q4\.$/);
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

  it('puts the working groups, departments and regions side by side, each figure with its change since last quarter and its trend', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    type Team = { team: string; members: number; activity: { attendance: { rate: number }; visits: { numerator: number } } };
    const now = runCheck(['data', '--json']).json as { teams: Team[]; departments: unknown[] };
    // The quarter before, checked on its own (the demo's config.json is the default one): the changes by an independent run.
    const before = runCheck(['data/exports/2017-Q3', '--json']).json as { teams: Team[] };
    await page.goto(`${site.url}teams/`);
    const rows = page.locator('main table').first().locator('tbody tr');
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(now.teams.map((t) => t.team));
    const cell = (row: number, column: number) => rows.nth(row).locator('td').nth(column);
    for (const [i, t] of now.teams.entries()) {
      const then = before.teams.find((x) => x.team === t.team)!;
      expect(await cell(i, 1).getAttribute('data-sort')).toBe(String(t.members));
      expect(await cell(i, 6).getAttribute('data-sort')).toBe(String(t.activity.attendance.rate));
      // Visits: a count's change, signed with a true minus; each figure has its line over the two quarters.
      const change = t.activity.visits.numerator - then.activity.visits.numerator;
      expect(await cell(i, 9).locator('.change').textContent()).toBe(`so với kỳ trước: ${change > 0 ? '+' : change < 0 ? '\u2212' : ''}${Math.abs(change)}`);
      expect(await cell(i, 9).locator('svg.spark').getAttribute('aria-label')).toBe(`Lần đi cơ sở qua các kỳ: 2017-Q3: ${then.activity.visits.numerator}, 2017-Q4: ${t.activity.visits.numerator}`);
    }
    await page.locator('main table').first().locator('thead button', { hasText: /^Lần đi cơ sở$/ }).click();
    await page.locator('main table').first().locator('thead button', { hasText: /^Lần đi cơ sở$/ }).click();
    const byVisits = [...now.teams].sort((x, y) => y.activity.visits.numerator - x.activity.visits.numerator);
    expect((await rows.locator('td:nth-child(10)').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.sort))))).toEqual(byVisits.map((t) => t.activity.visits.numerator));
    await page.screenshot({ path: `${SHOTS}/teams.png`, fullPage: true });
    await page.goto(`${site.url}departments/`);
    expect(await page.locator('main table').first().locator('tbody tr').count()).toBe(now.departments.length);
    await page.goto(`${site.url}regions/`);
    const regions = await page.locator('main table').first().locator('tbody td:first-child a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(regions.length).toBeGreaterThan(0);
    for (const href of regions) expect((await page.request.get(new URL(href!, site.url).href)).status()).toBe(200);
    await page.goto(`${site.url}en/teams/`);
    expect(await page.locator('h1').textContent()).toBe('Working groups');
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });
});
