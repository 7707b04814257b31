import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../cli/run-check.ts';
import { readWorkbook } from '../xlsx-reader.ts';
import { type BuiltSite, builtSite, SHOTS, watchedPage } from './harness.ts';
import { missingWorkbooks } from './workbook-links.ts';

const DATA = 'data/examples/can-loc';
const BASE = '/can-loc/';

/** A share as `check --json` prints it. */
interface Share { numerator: number; denominator: number; rate: number | null }
interface Team {
  team: string; members: number; units: number; coverage: { covered: number; unattended: number }[];
  activity: { attendance: Share; meetingAttendance: Share; branchMeetingAttendance: Share; visits: Share; silentMembers: Share;
    issues: { raised: number; responded: Share; medianDaysToResponse: number | null; overdue: Share } };
}
interface Department {
  department: string;
  issues: { received: number; answered: Share; medianDaysToResponse: number | null; overdue: Share; oldestUnanswered: { unitId: string; daysOpen: number } | null };
  sponsored: { units: { unitId: string }[] };
}

/** The side-by-side table's numbers, row by row: each cell's sort value, which is the figure itself. */
async function sortValues(page: Page): Promise<{ name: string; values: Record<string, string> }[]> {
  return page.locator('main table').first().evaluate((table: HTMLTableElement) => {
    const heads = [...table.tHead!.rows[0]!.cells].map((th) => th.textContent!.trim());
    return [...table.tBodies[0]!.rows].map((row) => ({
      name: row.cells[0]!.textContent!.trim(),
      values: Object.fromEntries([...row.cells].map((td, i) => [heads[i]!, td.dataset.sort ?? ''])),
    }));
  });
}

const names = async (page: Page) => (await sortValues(page)).map((r) => r.name);

describe('the working groups and departments of the Can Lộc example', () => {
  let built: BuiltSite | undefined;
  let out: string;
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let teams: Team[];
  let departments: Department[];

  beforeAll(async () => {
    const checked = runCheck([DATA, '--json']);
    expect(checked.code).toBe(0);
    ({ teams, departments } = checked.json);
    built = await builtSite(DATA, BASE);
    ({ out, site, browser } = built);
  });
  afterAll(() => built?.close());

  it('puts the five working groups side by side with the figures of check --json, branch meetings counted by the pair’s rule', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(`${site.url}teams/`);
    expect(await page.locator('h1').textContent()).toBe('Các đoàn/tổ công tác');
    const rows = await sortValues(page);
    expect(rows.map((r) => r.name)).toEqual(['Tổ công tác số 1', 'Tổ công tác số 2', 'Tổ công tác số 3', 'Tổ công tác số 4', 'Tổ công tác số 5']);
    expect(teams.map((t) => t.team)).toEqual(rows.map((r) => r.name));
    for (const [i, t] of teams.entries()) {
      const a = t.activity;
      const sum = (k: 'covered' | 'unattended') => t.coverage.reduce((n, c) => n + c[k], 0);
      expect(rows[i]!.values).toMatchObject({
        'Thành viên': String(t.members), 'Đơn vị theo dõi': String(t.units), 'Có người theo dõi': String(sum('covered')), 'Chưa có người theo dõi': String(sum('unattended')),
        'Tỷ lệ dự họp': String(a.attendance.rate), 'Dự họp đơn vị': String(a.meetingAttendance.rate), 'Dự sinh hoạt chi bộ': String(a.branchMeetingAttendance.rate),
        'Lần đi cơ sở': String(a.visits.numerator), 'Kiến nghị': String(a.issues.raised), 'Đã phản hồi': String(a.issues.responded.numerator),
        'Trung vị số ngày phản hồi': String(a.issues.medianDaysToResponse), 'Quá hạn': String(a.issues.overdue.numerator), 'Thành viên không báo cáo': String(a.silentMembers.numerator),
      });
    }
    // Commune cadres attend branch meetings there: counted by the pair's rule, most of the attendance is theirs.
    expect(teams.every((t) => t.activity.branchMeetingAttendance.numerator > t.activity.meetingAttendance.numerator)).toBe(true);
    // As the reader sees it: Tổ công tác số 1's branch-meeting attendance 96 of 130 months, 73,8 %.
    expect(teams[0]!.activity.branchMeetingAttendance).toEqual({ numerator: 96, denominator: 130, rate: 0.738 });
    expect(await page.locator('main tbody tr').first().locator("td").nth(8).locator(".figure").textContent()).toBe('73,8%');
    // The thresholds the colours follow are stated, and only a figure across one is marked.
    expect(await page.locator('.thresholds').textContent()).toContain('tỷ lệ dự họp dưới 50%');
    const marked = await page.locator('main tbody .figure.short').count();
    const slow = teams.filter((t) => (t.activity.issues.medianDaysToResponse ?? 0) > 15).length;
    const low = teams.filter((t) => (t.activity.attendance.rate ?? 1) < 0.5).length;
    expect(marked).toBe(slow + low);
    await page.screenshot({ path: `${SHOTS}/teams-can-loc.png`, fullPage: true });
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('sorts the groups by a column’s numbers, not by the text shown', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(`${site.url}teams/`);
    // By its text: once sorted, a heading's accessible name also carries the order's arrow.
    const heading = (label: string) => page.locator('main table').first().locator('thead button', { hasText: new RegExp(`^${label}$`) });
    const byRate = (k: 'attendance' | 'branchMeetingAttendance') => [...teams].sort((x, y) => x.activity[k].rate! - y.activity[k].rate!).map((t) => t.team);
    // "85,4%" is no number: sorting by the text would leave the rows as they were.
    await heading('Tỷ lệ dự họp').click();
    expect(await names(page)).toEqual(byRate('attendance'));
    expect(byRate('attendance')).not.toEqual(teams.map((t) => t.team));
    await heading('Tỷ lệ dự họp').click();
    expect(await names(page)).toEqual(byRate('attendance').reverse());
    await heading('Dự sinh hoạt chi bộ').click();
    expect(await names(page)).toEqual(byRate('branchMeetingAttendance'));
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('follows a group’s link to its page: its members, the units they follow, its silent members and its issues', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(`${site.url}teams/`);
    await page.getByRole('link', { name: 'Tổ công tác số 1' }).click();
    expect(page.url()).toBe(`${site.url}teams/to-cong-tac-so-1/`);
    const t = teams[0]!;
    expect(await page.locator('h1').textContent()).toBe('Đoàn/tổ công tác: Tổ công tác số 1');
    const count = (caption: string) => page.locator('table', { has: page.locator('caption', { hasText: caption }) }).locator('tbody tr');
    expect(await count('Thành viên không báo cáo').count()).toBe(t.activity.silentMembers.numerator);
    expect(await count('Đơn vị các thành viên theo dõi').count()).toBe(t.units);
    expect(await page.locator('table', { has: page.locator('caption', { hasText: /^Thành viên$/ }) }).locator('tbody tr').count()).toBe(t.members);
    expect(await count('Kiến nghị của các thành viên').count()).toBe(t.activity.issues.raised);
    // The group's own row carries the same figures as on the side-by-side page.
    expect((await sortValues(page))[0]!.values['Tỷ lệ dự họp']).toBe(String(t.activity.attendance.rate));
    await page.screenshot({ path: `${SHOTS}/team-can-loc.png`, fullPage: true });
    await page.goto(`${site.url}en/teams/to-cong-tac-so-1/`);
    expect(await page.locator('h1').textContent()).toBe('Working group: Tổ công tác số 1');
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('gives every department its scorecard: issues received, answered, median days, overdue, the oldest unanswered linked, the communes it sponsors', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    await page.goto(`${site.url}departments/`);
    expect(await page.locator('h1').textContent()).toBe('Phản hồi kiến nghị theo cơ quan');
    const rows = await sortValues(page);
    expect(rows.map((r) => r.name)).toEqual(departments.map((d) => d.department));
    for (const [i, d] of departments.entries()) {
      expect(rows[i]!.values).toMatchObject({
        'Kiến nghị nhận': String(d.issues.received), 'Đã trả lời': String(d.issues.answered.numerator), 'Quá hạn': String(d.issues.overdue.numerator),
        'Trung vị số ngày phản hồi': d.issues.medianDaysToResponse === null ? '' : String(d.issues.medianDaysToResponse),
        'Số ngày chờ lâu nhất': d.issues.oldestUnanswered ? String(d.issues.oldestUnanswered.daysOpen) : '', 'Đơn vị đỡ đầu': String(d.sponsored.units.length),
      });
    }
    const d = departments.find((x) => x.issues.oldestUnanswered && x.sponsored.units.length > 0)!;
    await page.getByRole('link', { name: d.department, exact: true }).click();
    expect(await page.locator('h1').textContent()).toBe(`Phản hồi kiến nghị: ${d.department}`);
    const sponsored = page.locator('table', { has: page.locator('caption', { hasText: 'Đơn vị cơ quan đỡ đầu' }) }).locator('tbody tr');
    expect(await sponsored.count()).toBe(d.sponsored.units.length);
    // The oldest unanswered issue leads to the page of its unit, where it is listed.
    const oldest = page.locator('main p', { hasText: 'Kiến nghị chờ lâu nhất' }).locator('a');
    expect(await oldest.getAttribute('href')).toBe(`${BASE}unit/${d.issues.oldestUnanswered!.unitId}/`);
    await oldest.click();
    expect(await page.locator(`tr:has-text("${d.department}")`).count()).toBeGreaterThan(0);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });

  it('offers every table of the new pages as CSV and Excel, in both languages', async () => {
    const { page, watch } = await watchedPage(browser, new URL(site.url).origin);
    for (const path of ['teams/', 'en/teams/', 'teams/to-cong-tac-so-1/', 'departments/', 'en/departments/']) {
      await page.goto(`${site.url}${path}`);
      const csv = page.locator('.table-tools a[href$=".csv"]').first();
      const xlsx = page.locator('.table-tools a[href$=".xlsx"]').first();
      const csvText = (await (await page.request.get(new URL((await csv.getAttribute('href'))!, site.url).href)).text()).replace(/^\uFEFF/, '');
      const book = readWorkbook(await (await page.request.get(new URL((await xlsx.getAttribute('href'))!, site.url).href)).body());
      const csvRows = csvText.trim().split(/\r?\n/);
      // The same table twice: as many rows, and the first group's or department's attendance the same number.
      expect(book.sheets[0]!.rows.length - 1).toBe(csvRows.length);
      if (path.includes('teams')) {
        expect(csvRows[1]).toContain(`${teams[0]!.team},${teams[0]!.members},${teams[0]!.units}`);
        expect(book.sheets[0]!.rows.slice(1).find((r) => r[0] === teams[0]!.team)).toContain(teams[0]!.activity.attendance.rate);
      }
    }
    expect(missingWorkbooks(out, BASE)).toEqual([]);
    expect(watch).toEqual({ errors: [], foreign: [], failed: [] });
    await page.close();
  });
});
