import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/load.ts';
import { buildSiteModel } from '../../src/lib/model/build-site-model.ts';
import type { SiteModel } from '../../src/lib/model/types.ts';
import { allRoutes } from '../../src/view/routes.ts';
import { departmentScorecardTables, regionsTable, teamsTable, thresholdsText } from '../../src/view/scorecard-tables.ts';
import { pageTables, tableCsv } from '../../src/view/tables.ts';
import { memorySource } from '../memory-source.ts';
import { teamsModel } from '../teams-model.ts';

describe('the scorecard tables of the teams fixture', () => {
  let model: SiteModel;
  beforeAll(async () => { model = await teamsModel(); });

  it('teamsTable holds each figure to its stated line and colours its change by the way it should move', () => {
    const [one, two] = teamsTable(model, 'vi').rows;
    // Tổ 2's attendance 0 of 4 is under the 50 % line; Tổ 1's 6 of 11 (54,5 %) is not.
    expect(two!.attendance).toMatchObject({ value: 0, short: true });
    expect(one!.attendance).toMatchObject({ value: 0.545, short: false, change: { value: 0.545, tone: 'good', kind: 'rate' } });
    // Three silent members in Q3, none in Q4: fewer is better. Issues raised rise by 3, neither good nor bad.
    expect(one!.silentMembers).toMatchObject({ value: 0, change: { value: -3, tone: 'good', kind: 'count' } });
    expect(one!.raised).toMatchObject({ value: 3, change: { value: 3, tone: 'neutral' } });
    // Median 8 days is within 15; Q3 had no answer, so no change but the trend keeps the gap.
    expect(one!.medianDays).toMatchObject({ value: 8, short: false, change: { value: null }, trend: [{ quarter: '2017-Q3', value: null }, { quarter: '2017-Q4', value: 8 }] });
  });

  it('writes each figure and its change as numbers in the CSV, the change columns for the downloads only', () => {
    const table = teamsTable(model, 'en');
    expect(table.columns.filter((c) => c.downloadOnly).map((c) => c.key)).toContain('attendanceChange');
    const [header, first] = tableCsv(table).replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.split(',').slice(0, 5)).toEqual(['Working group', 'Members', 'Members: change since last quarter', 'Units followed', 'Units followed: change since last quarter']);
    const cells = first!.split(',');
    const at = (label: string) => cells[header!.split(',').indexOf(label)];
    expect([at('Attendance'), at('Attendance: change since last quarter'), at('Silent members'), at('Silent members: change since last quarter')]).toEqual(['0.545', '0.545', '0', '-3']);
  });

  it('gives a department page its sponsored units and the issues it received, oldest unanswered first', () => {
    const d = model.departmentScorecards.find((x) => x.name === 'Ban Tuyên giáo')!;
    const t = departmentScorecardTables(model, d.id, 'vi');
    expect(t.sponsored.rows.map((r) => [r.followerCount, r.attendance])).toEqual([[1, 2 / 3], [2, 0.4], [0, null]]);
    // I2 is open (56 days), I1 and I4 were answered: open first, then by date.
    expect(t.issues.rows.map((r) => r.date)).toEqual(['2017-11-05', ...t.issues.rows.slice(1).map((r) => r.date).sort()]);
    expect(t.figures.rows[0]!.oldest).toMatchObject({ text: expect.stringMatching(/^05\/11\/2017 · /) });
  });

  it('declares the new pages’ tables once, each with its own id, and states the thresholds in words', () => {
    const routes = allRoutes(model).filter((r) => ['teams', 'team', 'departments', 'department'].includes(r.kind) && r.lang === 'vi');
    expect(routes.map((r) => r.path)).toEqual(['teams/', 'teams/to-1/', 'teams/to-2/', 'departments/', 'departments/ban-dan-van/', 'departments/ban-tuyen-giao/', 'departments/ubnd-huyen/']);
    const ids = routes.flatMap((r) => pageTables(model, r).map((t) => t.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(thresholdsText(model, 'vi')).toContain('tỷ lệ dự họp dưới 50%');
    expect(thresholdsText(model, 'en')).toContain('over 15 days');
  });
});

describe('the regions side by side over two quarters (tests/fixtures/tiny, its 2017-Q4 also as a 2017-Q3 without reports)', () => {
  const tiny = 'tests/fixtures/tiny/exports/2017-Q4';
  const files = Object.fromEntries(readdirSync(tiny).map((f) => [`data/exports/2017-Q4/${f}`, readFileSync(join(tiny, f))]));
  const before = Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path.replace('2017-Q4', '2017-Q3'), path.endsWith('reports.csv') ? 'report_id,cadre_id,unit_id,date,type' : bytes]));

  it('takes each region’s history from a pass over region keys alone, equal to the full roll-up of the areas', async () => {
    const loaded = await loadData('data', memorySource({ ...files, ...before }));
    const model = buildSiteModel({ loaded, builtAt: '2018-01-15T00:00:00.000Z', files: [], boundaryIds: new Set() });
    // Q3 loaded alone is analysed in full: its areas are the full roll-up to compare with.
    const q3 = (await loadData('data', memorySource(before))).current!;
    expect(model.regions.length).toBeGreaterThan(0);
    for (const r of model.regions) {
      expect(r.history).toEqual([q3.areas.get(r.id), r.area]);
      // Q3 has no report: nothing raised then, so this quarter's issues are all the change.
      expect(r.history[0]!.issues.raised).toBe(0);
    }
    const row = regionsTable(model, 'vi').rows[0]!;
    expect(row.raised).toMatchObject({ value: model.regions[0]!.area.issues.raised, change: { value: model.regions[0]!.area.issues.raised } });
    // The region's cadres are listed for this quarter only: no change to show.
    expect(row.membersChange).toBeNull();
  });
});
