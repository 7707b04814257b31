import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeSource } from '../../scripts/lib/node-source.ts';
import { loadData } from '../../src/lib/load.ts';
import { buildSiteModel } from '../../src/lib/model/build-site-model.ts';
import type { SiteModel } from '../../src/lib/model/types.ts';
import { type BuiltSite, builtSite, SHOTS, watchedPage } from './harness.ts';

/** A leader's reading of the demo: cards that lead with coverage, lists that page, filter and lead to people. */
describe('the demo site as a leader reads it', () => {
  let built: BuiltSite | undefined;
  let out: string;
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let model: SiteModel;

  beforeAll(async () => {
    built = await builtSite('data', '/');
    ({ out, site, browser } = built);
    // The expected counts come from the model, not from the page's script.
    model = buildSiteModel({ loaded: await loadData('data', nodeSource()), builtAt: '2018-01-15T00:00:00.000Z', files: [], boundaryIds: new Set() });
  }, 900_000);
  afterAll(() => built?.close());

  const visibleRows = (page: Page, table: string) => page.locator(`${table} tbody tr:not([hidden])`).count();

  it('leads each card with coverage, then cadres per unit, and colours changes with a word behind the colour', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(site.url);
    const first = page.locator('.card[data-pair="0"]');
    // 150 of the 164 communes have someone following them; 139 cadres over 164 communes is 0,848.
    expect(await first.locator('[data-coverage]').textContent()).toMatch(/^150\/164 xã có người theo dõi/);
    expect(await first.locator('[data-ratio]').textContent()).toMatch(/^0,848 cán bộ\/xã/);
    expect(await first.locator('[data-group="units"] h4').textContent()).toBe('Đếm theo xã');
    expect(await first.locator('[data-group="cadres"] h4').textContent()).toBe('Đếm theo cán bộ tỉnh');
    // Covered communes went up by 5 since 2017-Q3: good, blue, with ▲ and the word for a screen reader.
    const covered = first.locator('[data-group="units"] dd').first().locator('.delta');
    expect(await covered.getAttribute('data-tone')).toBe('good');
    expect(await covered.textContent()).toBe('▲ +5 (tốt lên, so với kỳ trước)');
    expect(await covered.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 90, 156)');
    // Unattended communes went down by 5: good too, the way that figure should move.
    expect(await first.locator('[data-group="units"] dd').nth(1).locator('.delta').getAttribute('data-tone')).toBe('good');
    // Attendance and issues carry their change as well.
    expect(await page.locator('.card .big .delta').count()).toBeGreaterThanOrEqual(2);
    const bad = page.locator('.delta[data-tone="bad"]').first();
    expect(await bad.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(163, 58, 0)');
    expect(await bad.textContent()).toContain('xấu đi');
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('pages and filters the silent list, provincial cadres first, and sorts levels by rank', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(`${site.url}silent/`);
    const table = 'table#list-silent';
    const count = page.locator('[data-list-for="list-silent"] [data-count]');
    const silent = model.silentIds.map((id) => model.cadres[id]!);
    expect(silent.length).toBe(176);
    expect(await count.textContent()).toBe('Dòng 1–25 / 176');
    expect(await visibleRows(page, table)).toBe(25);
    expect(await page.locator(`${table} tbody tr`).first().locator('td').nth(4).textContent()).toBe('Tỉnh');

    await page.getByRole('button', { name: 'Trang sau' }).click();
    expect(await count.textContent()).toBe('Dòng 26–50 / 176');
    expect(await visibleRows(page, table)).toBe(25);

    // By status: the silent cadres whose own attendance is also under 50 %.
    const low = silent.filter((c) => c.attendanceRate !== null && c.attendanceRate < 0.5).length;
    expect(low).toBeGreaterThan(25);
    await page.getByLabel('Tình trạng').selectOption({ label: 'Dự họp dưới mức' });
    expect(await count.textContent()).toBe(`Dòng 1–25 / ${low}`);

    // By district (the first offered): the cadres homed in it or following a unit in it.
    const districtSelect = page.getByLabel('Huyện');
    const label = (await districtSelect.locator('option').nth(1).textContent())!;
    const district = Object.values(model.units).find((u) => u.level === 'district' && (label === u.name || label.endsWith(` ${u.name}`)))!.id;
    const inDistrict = (unitId: string) => {
      for (let u: SiteModel['units'][string] | undefined = model.units[unitId]; u; u = u.parentId === null ? undefined : model.units[u.parentId]) if (u.id === district) return true;
      return false;
    };
    const expected = silent.filter((c) => c.attendanceRate !== null && c.attendanceRate < 0.5 && [c.homeUnitId, ...c.unitIds].some(inDistrict)).length;
    await districtSelect.selectOption({ index: 1 });
    const text = await count.textContent();
    expect(text).toBe(expected === 0 ? 'Không có dòng nào khớp.' : `Dòng 1–${Math.min(25, expected)} / ${expected}`);
    expect(await visibleRows(page, table)).toBe(Math.min(25, expected));

    // Levels sort by rank, not by their names (Huyện, Tỉnh, Xã would be the alphabet).
    await page.getByLabel('Tình trạng').selectOption({ label: 'Tất cả' });
    await page.getByLabel('Huyện').selectOption({ label: 'Tất cả' });
    await page.locator(`${table} thead button`, { hasText: 'Cấp' }).click();
    const levels = await page.locator(`${table} tbody tr`).evaluateAll((trs) => trs.map((tr) => (tr as HTMLTableRowElement).cells[4]!.textContent));
    const rank = { Tỉnh: 0, Huyện: 1, Xã: 2 } as Record<string, number>;
    const ranks = levels.map((l) => rank[l!]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(levels)).toEqual(new Set(['Tỉnh', 'Huyện', 'Xã']));
    expect(await count.textContent()).toBe('Dòng 1–25 / 176');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/reading-silent-phone.png` });
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('starts the overview’s ten silent cadres with the provincial ones', async () => {
    const { page } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(site.url);
    const provincial = model.silentIds.filter((id) => model.cadres[id]!.level === 'province').length;
    expect(provincial).toBeGreaterThan(0);
    const levels = await page.locator('table:has(caption:text("Cán bộ không báo cáo")) tbody tr td:nth-child(5)').allTextContents();
    expect(levels.slice(0, provincial)).toEqual(Array(Math.min(provincial, 10)).fill('Tỉnh'));
    await page.close();
  });

  it('flags a provincial cadre with low attendance and an overdue issue on their page', async () => {
    const cadre = Object.values(model.cadres).find((c) => c.level === 'province' && c.attendanceRate === 0 && c.flags.includes('overdueIssue'))!;
    const { page } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(`${site.url}cadre/${cadre.id}/`);
    const status = await page.locator('.status-line').textContent();
    expect(status).toContain('dự họp 0,0%, dưới mức 50%');
    expect(status).toMatch(/\d+ kiến nghị quá hạn/);
    expect(status).not.toContain('Không có gì cần lưu ý');
    // The cadre's rate and the units' rates are labelled apart.
    expect(await page.locator('.card h3').allTextContents()).toContain('Tỷ lệ dự họp của cán bộ');
    expect(await page.locator('main table th').allTextContents()).toContain('Tỷ lệ dự họp của đơn vị');
    await page.close();
  });
});
