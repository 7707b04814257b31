import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltSite, builtSite, SHOTS } from './harness.ts';

const BASE = '/tinh-uy/nam-co-so/';
const units = readFileSync('data/exports/2017-Q4/units.csv', 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(','));
const first = (level: string) => units.find((cells) => cells[2] === level)![0]!;

/** The first page folder under a folder of pages (which also holds its own index.html). */
const firstFolder = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()[0]!;

/** One page of every type; the first six are the ones the issue names. */
const PAGES: [string, (out: string) => string][] = [
  ['overview', () => ''],
  ['map', () => 'map/'],
  ['commune', () => `unit/${first('commune')}/`],
  ['list', () => 'unattended/'],
  ['cadre', (out) => `cadre/${readdirSync(join(out, 'cadre'))[0]}/`],
  ['English overview', () => 'en/'],
  ['district', () => `unit/${first('district')}/`],
  ['hamlet', () => `unit/${first('hamlet')}/`],
  ['region', (out) => `region/${readdirSync(join(out, 'region'))[0]}/`],
  ['cadres list', () => 'cadres/'],
  ['silent list', () => 'silent/'],
  ['issues list', () => 'issues/'],
  ['history', () => 'history/'],
  ['data quality', () => 'quality/'],
  ['about', () => 'about/'],
  ['search', () => 'search/?q=phuoc'],
  ['brief', () => `brief/${first('district')}/`],
  ['English commune', () => `en/unit/${first('commune')}/`],
  ['plan', () => 'plan/province-commune/'],
  ['working groups', () => 'teams/'],
  ['working group', (out) => `teams/${firstFolder(join(out, 'teams'))}/`],
  ['departments', () => 'departments/'],
  ['department', (out) => `departments/${firstFolder(join(out, 'departments'))}/`],
  ['regions', () => 'regions/'],
  ['English working groups', () => 'en/teams/'],
];

/** A focused element as the keyboard user sees it. */
interface Stop {
  what: string;
  area: 'map' | 'chart' | 'footer' | 'page';
  ring: boolean;
}

describe('accessibility, keyboard, phone and Content-Security-Policy of the demo site', () => {
  let built: BuiltSite | undefined;
  let out: string;
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let pages: Record<string, string>;

  beforeAll(async () => {
    built = await builtSite('data', BASE);
    ({ out, site, browser } = built);
    pages = Object.fromEntries(PAGES.map(([name, path]) => [name, path(out)]));
  });
  afterAll(() => built?.close());

  /** A context that records every Content-Security-Policy violation, as events and as console errors. */
  async function cspContext(viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; blocked: string[] }> {
    const context = await browser.newContext({ viewport });
    const blocked: string[] = [];
    await context.exposeBinding('reportCsp', (_source, text: string) => blocked.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportCsp: (s: string) => void }).reportCsp(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI}`);
      });
    });
    context.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) blocked.push(m.text()); });
    return { context, blocked };
  }

  async function open(page: Page, path: string): Promise<void> {
    const response = await page.goto(site.url + path);
    expect(response?.status(), path).toBe(200);
    if (await page.locator('[data-coverage-map]').count()) await page.waitForSelector('[data-map-ready="true"]', { state: 'attached' });
  }

  for (const [name] of PAGES) {
    it(`has no axe violation on the ${name} page, once any map on it is drawn`, async () => {
      // axe needs a page of its own context.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await open(page, pages[name]!);
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      await context.close();
    });
  }

  it('puts a strict policy first on every page, with nothing inline for it to allow', () => {
    const problems: string[] = [];
    for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
      const html = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      const where = join(entry.parentPath, entry.name).slice(out.length + 1);
      const head = /<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
      if (!head) problems.push(`${where}: no policy right after the charset`);
      else if (!/default-src 'none'/.test(head[1]!) || /unsafe|\bdata:/.test(head[1]!)) problems.push(`${where}: ${head[1]}`);
      if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) problems.push(`${where}: inline script`);
      if (/<style[\s>]|<[a-z][^>]*\sstyle=/i.test(html)) problems.push(`${where}: inline style`);
      if (/<[a-z][^>]*\son[a-z]+=/i.test(html)) problems.push(`${where}: event handler attribute`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('blocks nothing the site itself does, on every page type and while it is used', async () => {
    const { context, blocked } = await cspContext();
    const page = await context.newPage();
    for (const path of Object.values(pages)) await open(page, path);
    // Use what runs scripts: search, sorting, the map's colour switch, a shape's tooltip.
    await open(page, '');
    await page.locator('[data-search-input]').fill('phuoc');
    await page.locator('[data-search-results] a').first().waitFor();
    await page.locator('th button.sort').first().click();
    await page.locator('input[data-map-mode][value="attendance"]').check();
    await page.locator('.leaflet-interactive').first().focus();
    await page.locator('.leaflet-tooltip').first().waitFor();
    expect(blocked).toEqual([]);

    // And the policy is in force: an injected inline script and style attribute are refused.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>');
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => blocked.map((b) => b.split(' ')[0])).toEqual(expect.arrayContaining(['script-src-elem', 'style-src-attr']));
    await context.close();
  });

  /** Presses Tab until `done` holds for the focused element (or `max` presses), noting each stop. */
  async function tabUntil(page: Page, done: (s: Stop) => boolean, max: number): Promise<Stop[]> {
    const stops: Stop[] = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate((): Stop => {
        const el = document.activeElement as HTMLElement | SVGElement | null;
        if (!el || el === document.body) return { what: 'body', area: 'page', ring: false };
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        // Map shapes show focus by a yellow stroke (an outline would follow the bounding box).
        const stroke = el.classList.contains('leaflet-interactive') && style.stroke === 'rgb(255, 221, 0)';
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
        const area = el.closest('.coverage-map__canvas') ? 'map' : el.closest('figure.chart svg') ? 'chart' : el.closest('.site-footer') ? 'footer' : 'page';
        return { what: `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${label}"`, area, ring: outline || stroke };
      });
      stops.push(stop);
      if (done(stop)) break;
    }
    return stops;
  }

  it('reaches every control of the map page by keyboard, with a visible ring, and leaves the map', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, pages.map!);
    const shapes = await page.locator('.leaflet-interactive').count();
    const stops = await tabUntil(page, (s) => s.area === 'footer', shapes + 60);
    expect(stops[0]!.what).toMatch(/^a\.skip/);
    expect(stops.filter((s) => s.area === 'map').length).toBeGreaterThan(shapes);
    // Tab goes on past the map to the footer: the map holds no trap.
    expect(stops.at(-1)!.area, 'focus never left the map').toBe('footer');
    expect(stops.filter((s) => !s.ring).map((s) => s.what)).toEqual([]);
    await page.close();
  });

  it('skips the map with the link before it: focus lands past the map, the next Tab after it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, pages.map!);
    const stops = await tabUntil(page, (s) => s.what.startsWith('a.coverage-map__skip') || s.area === 'map', 40);
    expect(stops.at(-1)!.what).toMatch(/^a\.coverage-map__skip "Bỏ qua bản đồ"/);
    expect(stops.at(-1)!.ring).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => {
      const map = document.querySelector('.coverage-map__canvas')!;
      // Focus is on an element that follows the whole map in the document.
      return Boolean(map.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING) && !map.contains(document.activeElement);
    })).toBe(true);
    const next = await tabUntil(page, () => true, 1);
    expect(next[0]!.area).not.toBe('map');
    await page.close();
  });

  it('fits a phone: no chart or page wider than the screen, chart text legible, on the overview, a district and the issues page', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const path of ['', pages.district!, 'issues/']) {
      await open(page, path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      const charts = await page.locator('figure.chart svg').evaluateAll((svgs) => svgs
        .filter((svg) => svg.getBoundingClientRect().width > 0)
        .map((svg) => {
          const box = svg.getBoundingClientRect();
          const figure = svg.closest('figure')!.getBoundingClientRect();
          const fig = svg.closest('figure')!;
          return {
            id: svg.id,
            inside: box.left >= figure.left - 0.5 && box.right <= figure.right + 0.5 && box.right <= 390,
            scrolls: fig.scrollWidth > fig.clientWidth,
            // The smallest chart text (11.5 units) as drawn, in CSS pixels.
            smallText: (11.5 * box.width) / (svg as SVGSVGElement).viewBox.baseVal.width,
          };
        }));
      expect(charts.length, path).toBeGreaterThan(0);
      for (const c of charts) {
        expect(c, `${path} ${c.id}`).toMatchObject({ inside: true, scrolls: false });
        expect(c.smallText, `${path} ${c.id}`).toBeGreaterThanOrEqual(10);
      }
    }
    await page.screenshot({ path: `${SHOTS}/phone-issues.png` });
    await page.close();
  });

  it('keeps a wide table’s first column in view on a phone while the other columns scroll under it', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await open(page, pages.district!);
    const scroller = page.locator('.table-scroll').first();
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const name = scroller.locator('tbody tr').first().locator('td').first();
    const before = (await name.boundingBox())!;
    await scroller.evaluate((el) => { el.scrollLeft = 200; });
    const after = (await name.boundingBox())!;
    expect(after.x).toBeCloseTo(before.x, 0);
    const second = (await scroller.locator('tbody tr').first().locator('td').nth(1).boundingBox())!;
    expect(second.x).toBeLessThan(before.x + before.width);
    await page.close();
  });

  it('shows the ring on the sort buttons, the chart links and the header controls of the overview', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, '');
    const stops = await tabUntil(page, (s) => s.area === 'chart', 400);
    expect(stops.some((s) => s.what.startsWith('button.sort'))).toBe(true);
    expect(stops.at(-1)!.area).toBe('chart');
    expect(stops.filter((s) => !s.ring).map((s) => s.what)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/focus-chart-link.png` });
    await page.close();
  });

  it('shows the first coverage card on the first screen of a phone, the navigation on one line', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await open(page, '');
    const card = await page.locator('[data-pair="0"]').boundingBox();
    expect(card!.y + card!.height).toBeLessThanOrEqual(844);
    const nav = await page.locator('.site-header nav ul').boundingBox();
    expect(nav!.height).toBeLessThan(50);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/phone-overview.png` });
    await page.setViewportSize({ width: 1366, height: 768 });
    const wide = await page.locator('[data-pair="0"]').boundingBox();
    expect(wide!.y + wide!.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: `${SHOTS}/desktop-overview.png` });
    await page.close();
  });
});
