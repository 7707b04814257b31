import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteModel } from '../../src/lib/model/types.ts';
import { DEPARTMENT_FIGURES, departmentValues, figureTrends, REGION_FIGURES, regionValues, TEAM_FIGURES, teamValues } from '../../src/lib/scorecard-figures.ts';
import { teamsModel } from '../teams-model.ts';

/*
 * Worked by hand from tests/fixtures/teams (see the worked figures in scorecards.test.ts).
 * Q3 (01/07–30/09): H1→102 (from 15/11) and X2→103-01 (from 01/12) are not yet active; H3→104 (ended 30/11) is.
 *   Tổ 1: H1→101, H2→102, X1→101-01: units 3, all covered; due 3 × 3 = 9, none attended; H1, H2, X1 silent.
 *   Tổ 2: H3→103, H3→104: units 2, both covered; H3 silent (H4 idle, X2 follows nothing yet).
 * Q4: Tổ 1 covers 101, 102 and 101-01 (3 of 3); attendance 6/11 = 0.545, meetings 5/11 = 0.455,
 *   branch meetings 4/11 = 0.364; visits 2; issues 3, 2 answered (median 8 days), 1 overdue; none silent.
 *   Tổ 2 covers 103 and 103-01 (2 of 2); 0/4, 0/4, 1/4 = 0.25; visit 1; issues 2, 1 answered in 30 days; X2 silent.
 */
describe('the figures of a side-by-side row', () => {
  let model: SiteModel;
  beforeAll(async () => { model = await teamsModel(); });

  it('teamValues sums coverage over the pairs and takes every activity figure of the group', () => {
    expect(model.teams.map((t) => teamValues(t.figures))).toEqual([
      { members: 3, units: 3, covered: 3, unattended: 0, coverageRate: 1, attendance: 0.545, meetingAttendance: 0.455, branchMeetingAttendance: 0.364,
        visits: 2, raised: 3, responded: 2, medianDays: 8, overdue: 1, silentMembers: 0 },
      { members: 3, units: 2, covered: 2, unattended: 0, coverageRate: 1, attendance: 0, meetingAttendance: 0, branchMeetingAttendance: 0.25,
        visits: 1, raised: 2, responded: 1, medianDays: 30, overdue: 0, silentMembers: 1 },
    ]);
  });

  it('figureTrends gives each figure its change since last quarter and its values over the quarters', () => {
    const [one, two] = model.teams.map((t) => figureTrends(TEAM_FIGURES, t.history.map((h) => h && teamValues(h))));
    expect(one!.attendance).toEqual({ value: 0.545, change: 0.545, series: [0, 0.545] });
    expect(one!.silentMembers).toEqual({ value: 0, change: -3, series: [3, 0] });
    expect(one!.visits).toEqual({ value: 2, change: 2, series: [0, 2] });
    // No issue was answered in Q3: no median then, so no change.
    expect(one!.medianDays).toEqual({ value: 8, change: null, series: [null, 8] });
    expect(one!.covered).toEqual({ value: 3, change: 0, series: [3, 3] });
    expect(two!.units).toEqual({ value: 2, change: 0, series: [2, 2] });
    expect(two!.silentMembers).toEqual({ value: 1, change: 0, series: [1, 1] });
    expect(two!.branchMeetingAttendance).toEqual({ value: 0.25, change: 0.25, series: [0, 0.25] });
  });

  it('figureTrends has no change with one quarter, nor for a group new this quarter', () => {
    expect(figureTrends(REGION_FIGURES, [null, { members: 4 } as never]).members).toEqual({ value: 4, change: null, series: [null, 4] });
    expect(figureTrends(REGION_FIGURES, [{ members: 4 } as never]).members).toEqual({ value: 4, change: null, series: [4] });
  });

  it('departmentValues takes the issues referred to it and the units it sponsors', () => {
    // Ban Tuyên giáo: I1 (10 days), I4 (30): median 20; I2 open 56 days, overdue and the oldest.
    // Sponsors 101, 102 (covered) and 104 (not): 2 of 3 = 0.667; attendance 4/8 = 0.5.
    const d = model.departmentScorecards.find((x) => x.name === 'Ban Tuyên giáo')!;
    expect(departmentValues(d.figures, model.issues[d.figures.issues!.oldestUnansweredId!]!.ageDays)).toEqual({
      raised: 3, responded: 2, medianDays: 20, overdue: 1, oldestDaysOpen: 56, units: 3, covered: 2, unattended: 1, coverageRate: 0.667, attendance: 0.5,
    });
    expect(DEPARTMENT_FIGURES.map((f) => f.key)).toEqual(['raised', 'responded', 'medianDays', 'overdue', 'oldestDaysOpen', 'units', 'covered', 'unattended', 'coverageRate', 'attendance']);
  });

  it('regionValues sums a region’s pairs and divides once, never averaging the pairs’ rates', () => {
    const pair = (units: number, covered: number) => ({ pair: 0, units, covered, unattended: units - covered, coverageRate: covered / units, cadres: 1, ratio: null, overloaded: 0, aboveLine: 0, idle: 0 });
    // 1 of 2 communes (50 %) and 9 of 10 hamlets (90 %): 10 of 12 = 0.833, not the mean 0.7.
    const area = { coverage: [pair(2, 1), pair(10, 9)], attendance: { due: 3, attended: 2, rate: 2 / 3 }, silentCadres: 1, issues: { raised: 4, responded: 3, medianDaysToResponse: 12, overdue: 1 } };
    expect(regionValues(area, 5)).toEqual({ members: 5, units: 12, covered: 10, unattended: 2, coverageRate: 0.833, attendance: 0.667, raised: 4, responded: 3, medianDays: 12, overdue: 1, silentMembers: 1 });
  });
});
