import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapPayload } from '../../src/lib/map-payload.ts';
import { build, launch, serve, SHOTS, watchedPage } from './harness.ts';

const SHARE_COLOURS = ['#d7191c', '#fdae61', '#ffffbf', '#abd9e9', '#2c7bb6'];
const units = readFileSync('data/exports/2017-Q4/units.csv', 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(','));
const districts = units.filter((cells) => cells[2] === 'district');
const communes = units.filter((cells) => cells[2] === 'commune');

/** A copy of the demo data whose boundaries hold the districts only, as in many provinces' exports. */
function districtsOnlyData(root: string): string {
  const data = join(root, 'data');
  cpSync('data', data, { recursive: true, filter: (src) => !src.includes('examples') });
  const file = join(data, 'boundaries/communes.topojson');
  const topo = JSON.parse(readFileSync(file, 'utf8')) as { objects: Record<string, unknown> };
  delete topo.objects.communes;
  writeFileSync(file, JSON.stringify(topo));
  return data;
}

describe('a province export with district boundaries only', () => {
  let root: string;
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'namcoso-districts-'));
    const out = join(root, 'dist');
    const result = build(['--data', districtsOnlyData(root), '--out', out, '--base', '/ban-do/']);
    expect(result.code, result.stderr).toBe(0);
    site = await serve(out, '/ban-do/');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('draws the 9 districts coloured by the share of their communes covered, communes as points on top', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(`${site.url}map/`);
    const map = page.locator('[data-map-ready="true"]').first();
    await map.waitFor({ state: 'attached' });
    expect(await map.getAttribute('data-map-drawing')).toBe('ancestor');
    expect([await map.getAttribute('data-feature-count'), await map.getAttribute('data-point-count')]).toEqual([String(districts.length), String(communes.length)]);

    const shapes = await page.locator('.leaflet-interactive').evaluateAll((els) => els.map((el) => ({
      fill: el.getAttribute('fill'), stroke: el.getAttribute('stroke'), role: el.getAttribute('role'), label: el.getAttribute('aria-label') ?? '',
    })));
    const areas = shapes.filter((s) => s.stroke === '#4d4d4d');
    expect(areas).toHaveLength(9);
    for (const a of areas) {
      expect(SHARE_COLOURS).toContain(a.fill);
      expect(a.role).toBe('link');
      expect(a.label).toMatch(/: Có cán bộ theo dõi: \d+\s?% \(\d+\/\d+\)$/);
    }
    expect(shapes.length - areas.length).toBe(communes.length);
    // The districts are the drawn areas here: no outline of the level above them.
    expect(await map.getAttribute('data-area-labels')).toBe('0');

    const legend = page.locator('[data-legend="share"]').first();
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.locator('[data-share-title]').textContent()).toBe('Tỷ lệ xã trong vùng có cán bộ theo dõi');
    expect(await page.locator('.coverage-map__mode').first().isVisible()).toBe(false);
    expect(await page.locator('[data-map-status]').first().textContent()).toBe('');
    await page.locator('[data-coverage-map]').first().screenshot({ path: `${SHOTS}/map-districts.png` });

    // Each area links to its district's page.
    const district = districts[0]!;
    await page.locator(`.leaflet-interactive[aria-label*="${district[1]}:"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`unit/${district[0]}/`);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('counts every commune once in the shares, and every area\'s link opens its page', async () => {
    const { page } = await watchedPage(browser, new URL(site.url).origin);
    const payload = await (await page.request.get(`${site.url}data/map-en.json`)).json() as MapPayload;
    expect([payload.level, payload.followedLevel, payload.drawing]).toEqual(['district', 'commune', 'ancestor']);
    const areas = payload.units.filter((u) => u.share !== null);
    expect(areas.map((u) => u.id).sort()).toEqual(districts.map((d) => d[0]).sort());
    expect(areas.reduce((n, u) => n + u.share!.units, 0)).toBe(communes.length);
    for (const a of areas) {
      const response = await page.request.get(new URL(a.href, `${site.url}data/map-en.json`).href);
      expect(response.status(), a.href).toBe(200);
    }
    await page.close();
  });

  it('says on the data-quality page which level the map draws and why, in both languages', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(`${site.url}quality/`);
    expect(await page.locator('[data-map-drawing="ancestor"]').textContent()).toContain('Bản đồ vẽ cấp huyện: không có ranh giới cấp xã.');
    await page.goto(`${site.url}en/quality/`);
    expect(await page.locator('[data-map-drawing="ancestor"]').textContent()).toContain('The map draws districts: there are no commune boundaries.');
    await page.goto(`${site.url}en/map/`);
    await page.locator('[data-map-ready="true"]').first().waitFor({ state: 'attached' });
    expect(await page.locator('[data-share-title]').first().textContent()).toBe('Share of communes in the area that have a cadre following them');
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });
});

describe('an export with neither boundaries nor locations', () => {
  let root: string;
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'namcoso-nomap-'));
    const data = join(root, 'data');
    cpSync('tests/fixtures/tiny', data, { recursive: true });
    const result = build(['--data', data, '--out', join(root, 'dist'), '--base', '/x/']);
    expect(result.code, result.stderr).toBe(0);
    site = await serve(join(root, 'dist'), '/x/');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('shows a short message in place of the map, no empty box', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    for (const path of ['', 'unit/801/']) {
      await page.goto(`${site.url}${path}`);
      const map = page.locator('[data-map-ready="true"]').first();
      await map.waitFor({ state: 'attached' });
      expect(await map.getAttribute('data-map-empty')).toBe('true');
      expect(await map.locator('[data-map-canvas]').isVisible()).toBe(false);
      expect(await map.locator('[data-map-status]').textContent()).toBe('Chưa vẽ được bản đồ: các đơn vị ở đây chưa có ranh giới và tọa độ.');
    }
    await page.locator('[data-coverage-map]').first().screenshot({ path: `${SHOTS}/map-empty.png` });
    await page.goto(`${site.url}quality/`);
    expect(await page.locator('[data-map-drawing="none"]').textContent()).toContain('Không vẽ được bản đồ');
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });
});
