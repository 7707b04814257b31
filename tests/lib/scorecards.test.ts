import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LoadedData, loadData } from '../../src/lib/load.ts';
import { buildSiteModel } from '../../src/lib/model/build-site-model.ts';
import { memorySource } from '../memory-source.ts';

const fixture = 'tests/fixtures/teams';
const exportFiles = Object.fromEntries(readdirSync(join(fixture, 'exports/2017-Q4')).map((f) => [`data/exports/2017-Q4/${f}`, readFileSync(join(fixture, 'exports/2017-Q4', f))]));
const config = readFileSync(join(fixture, 'config.json'));

const f = (numerator: number, denominator: number, rate: number | null) => ({ numerator, denominator, rate });

/*
 * Worked by hand from tests/fixtures/teams (2017-Q4: 01/10–31/12/2017; overdue: unanswered and
 * dated more than 30 days before 31/12, i.e. before 01/12). Pairs: district → commune counts
 * `meeting`; commune → hamlet counts `branch_meeting` (config.json writes "sinh hoạt chi bộ").
 *
 * Active assignments and months due: H1→101 Oct–Dec (3), H1→102 from 15/11: Nov–Dec (2),
 * H2→102 (3), H3→103 (3), X1→101-01 (3), X3→101-02 (3), X2→103-01 from 01/12: Dec (1).
 * H3→104 ended 30/11: not active, so 104 is unattended; H4 follows nothing (idle).
 *
 * Months with a report, by type, per assignment:
 *   H1→101     meeting Oct (R1), Nov (R2); branch Dec (R3)
 *   H1→102     meeting Dec (R4)
 *   H2→102     meeting Oct (R5, R6: one month); branch Nov (R7)
 *   H3→103     branch Nov (R11)
 *   X1→101-01  branch Oct (R8, in Vietnamese), Nov (R9); meeting Dec (R10)
 *   X3→101-02  branch Oct (R12)
 *   X2→103-01  nothing: X2 is silent
 * Attendance as configured: H1→101 2, H1→102 1, H2→102 1, H3→103 0 (meeting pair);
 * X1 2, X3 1, X2 0 (branch pair) = 7 of 18. With meetings everywhere it would be 2+1+1+0+1+0+0 = 5 of 18.
 *
 * Issues in the quarter (I7 of 28/09 is outside): I1 H1 → Ban Tuyên giáo answered in 10 days;
 * I2 H2 → Ban Tuyên giáo open since 05/11 (56 days: overdue); I3 X1 → Ban Dân vận answered in 6;
 * I4 H3 → Ban Tuyên giáo answered in 30; I5 H3 → UBND huyện open since 10/12 (21 days);
 * I6 X3 (no team) → Ban Dân vận open since 02/10 (90 days: overdue).
 */
describe('working groups and departments on the teams fixture', () => {
  let loaded: LoadedData;
  beforeAll(async () => {
    loaded = await loadData('data', memorySource({ ...exportFiles, 'data/config.json': config }));
  });
  const figures = () => loaded.quarters[0]!.figures;

  it('loads, reading the sponsor column by its Vietnamese header and the Vietnamese attendance type', () => {
    expect(loaded.findings.errors).toEqual([]);
    expect(loaded.findings.warnings.map((w) => [w.file, w.line, w.code])).toEqual([['reports.csv', 23, 'report-outside-quarter']]);
    expect(loaded.current!.data.units.filter((u) => u.sponsor).map((u) => `${u.id} ${u.sponsor}`))
      .toEqual(['101 Ban Tuyên giáo', '102 Ban Tuyên giáo', '103 Ban Dân vận', '104 Ban Tuyên giáo']);
  });

  it('counts attendance by each pair’s attendanceTypes', () => {
    expect(figures().activity).toEqual({ attendanceRate: 0.389, silentCadres: 1, monthsDue: 18, monthsAttended: 7 });
  });

  it('gives every working group its scorecard', () => {
    expect(figures().teams).toEqual([
      {
        // Members H1, H2, X1; units followed: 101 (H1), 102 (H1, H2), 101-01 (X1).
        team: 'Tổ 1', members: 3, units: 3,
        coverage: [
          { cadreLevel: 'district', unitLevel: 'commune', units: 2, covered: 2, unattended: 0, coverageRate: 1, cadres: 2 },
          { cadreLevel: 'commune', unitLevel: 'hamlet', units: 1, covered: 1, unattended: 0, coverageRate: 1, cadres: 1 },
        ],
        activity: {
          // Due 3 + 2 + 3 + 3 = 11. As configured: 2 + 1 + 1 + 2 (X1's branch meetings) = 6.
          attendance: f(6, 11, 0.545),
          // Meetings only: 2 + 1 + 1 + 1 (X1's Dec meeting) = 5. Branch meetings only: 1 (H1 Dec) + 0 + 1 (H2 Nov) + 2 (X1) = 4.
          meetingAttendance: f(5, 11, 0.455),
          branchMeetingAttendance: f(4, 11, 0.364),
          // Visits R13 (H1) and R14 (H2) over 3 members.
          visits: f(2, 3, 0.667),
          silentMembers: f(0, 3, 0),
          // I1 (10 days), I2 (open, overdue), I3 (6 days): median of 6 and 10 = 8.
          issues: { raised: 3, responded: f(2, 3, 0.667), medianDaysToResponse: 8, overdue: f(1, 3, 0.333) },
        },
      },
      {
        // Members H3, H4 (idle), X2; units: 103 (H3; 104 ended in November), 103-01 (X2).
        team: 'Tổ 2', members: 3, units: 2,
        coverage: [
          { cadreLevel: 'district', unitLevel: 'commune', units: 1, covered: 1, unattended: 0, coverageRate: 1, cadres: 2 },
          { cadreLevel: 'commune', unitLevel: 'hamlet', units: 1, covered: 1, unattended: 0, coverageRate: 1, cadres: 1 },
        ],
        activity: {
          // Due 3 (H3→103) + 1 (X2→103-01) = 4: H3 held no meeting, X2 nothing; H3's branch meeting in November.
          attendance: f(0, 4, 0),
          meetingAttendance: f(0, 4, 0),
          branchMeetingAttendance: f(1, 4, 0.25),
          visits: f(1, 3, 0.333),
          // X2: an active assignment and no report.
          silentMembers: f(1, 3, 0.333),
          // I4 (30 days), I5 (open 21 days: not overdue).
          issues: { raised: 2, responded: f(1, 2, 0.5), medianDaysToResponse: 30, overdue: f(0, 2, 0) },
        },
      },
    ]);
  });

  it('gives every department receiving issues or sponsoring units its scorecard', () => {
    const none = (unitLevel: string, cadreLevel: string) => ({ cadreLevel, unitLevel, units: 0, covered: 0, unattended: 0, coverageRate: null, cadres: 0 });
    expect(figures().departments).toEqual([
      {
        department: 'Ban Dân vận',
        // I3 answered in 6 days; I6 open 90 days (02/10 → 31/12: 29 + 30 + 31), overdue and the oldest.
        issues: {
          received: 2, answered: f(1, 2, 0.5), medianDaysToResponse: 6, overdue: f(1, 2, 0.5),
          oldestUnanswered: { reportId: 'I6', unitId: '101-02', date: '2017-10-02', daysOpen: 90 },
        },
        // Sponsors 103, followed by H3 (0 of 3 meetings).
        sponsored: {
          units: [{ unitId: '103', followers: 1, attendance: f(0, 3, 0) }],
          coverage: [{ cadreLevel: 'district', unitLevel: 'commune', units: 1, covered: 1, unattended: 0, coverageRate: 1, cadres: 1 }, none('hamlet', 'commune')],
          attendance: f(0, 3, 0),
        },
      },
      {
        department: 'Ban Tuyên giáo',
        // I1 (10 days), I4 (30 days): median 20; I2 open 56 days (05/11 → 31/12), overdue. I7 is outside the quarter.
        issues: {
          received: 3, answered: f(2, 3, 0.667), medianDaysToResponse: 20, overdue: f(1, 3, 0.333),
          oldestUnanswered: { reportId: 'I2', unitId: '102', date: '2017-11-05', daysOpen: 56 },
        },
        // Sponsors 101 (H1: 2 of 3), 102 (H1 1 of 2, H2 1 of 3) and 104 (nobody since H3 left it).
        sponsored: {
          units: [
            { unitId: '101', followers: 1, attendance: f(2, 3, 0.667) },
            { unitId: '102', followers: 2, attendance: f(2, 5, 0.4) },
            { unitId: '104', followers: 0, attendance: f(0, 0, null) },
          ],
          coverage: [{ cadreLevel: 'district', unitLevel: 'commune', units: 3, covered: 2, unattended: 1, coverageRate: 0.667, cadres: 2 }, none('hamlet', 'commune')],
          attendance: f(4, 8, 0.5),
        },
      },
      {
        department: 'UBND huyện',
        // I5 open 21 days, not overdue; it sponsors nothing.
        issues: {
          received: 1, answered: f(0, 1, 0), medianDaysToResponse: null, overdue: f(0, 1, 0),
          oldestUnanswered: { reportId: 'I5', unitId: '103', date: '2017-12-10', daysOpen: 21 },
        },
        sponsored: { units: [], coverage: [none('commune', 'district'), none('hamlet', 'commune')], attendance: f(0, 0, null) },
      },
    ]);
  });

  it('counts meetings everywhere without attendanceTypes', async () => {
    const pairs = JSON.stringify({ coverage: [{ cadreLevel: 'district', unitLevel: 'commune' }, { cadreLevel: 'commune', unitLevel: 'hamlet' }] });
    const plain = await loadData('data', memorySource({ ...exportFiles, 'data/config.json': pairs }));
    // 5 of 18, as worked out above; the teams' meeting and branch-meeting figures do not change.
    expect(plain.quarters[0]!.figures.activity).toMatchObject({ monthsDue: 18, monthsAttended: 5 });
    expect(plain.quarters[0]!.figures.teams.map((t) => [t.activity!.attendance, t.activity!.branchMeetingAttendance]))
      .toEqual([[f(5, 11, 0.455), f(4, 11, 0.364)], [f(0, 4, 0), f(1, 4, 0.25)]]);
  });

  it('gives the site model every team and department with its figures in each quarter', async () => {
    // A 2017-Q3 with the same export and no report in it: the groups exist, with nothing attended or raised.
    const q3 = Object.fromEntries(Object.entries(exportFiles).map(([path, bytes]) =>
      [path.replace('2017-Q4', '2017-Q3'), path.endsWith('reports.csv') ? 'report_id,cadre_id,unit_id,date,type' : bytes]));
    const both = await loadData('data', memorySource({ ...exportFiles, ...q3, 'data/config.json': config }));
    const m = buildSiteModel({ loaded: both, builtAt: '2018-01-15T00:00:00.000Z', files: [], boundaryIds: new Set() });
    expect(m.teams.map((t) => [t.id, t.slug, t.memberIds, t.unitIds])).toEqual([
      ['team:Tổ 1', 'to-1', ['H1', 'H2', 'X1'], ['101', '101-01', '102']],
      ['team:Tổ 2', 'to-2', ['H3', 'H4', 'X2'], ['103', '103-01']],
    ]);
    const [one] = m.teams;
    expect(one!.figures.activity!.attendance).toEqual({ numerator: 6, denominator: 11, rate: 6 / 11 });
    expect(one!.history[1]).toEqual(one!.figures);
    // In Q3 H1 does not yet follow 102 (from 15/11), H2 does: units 101, 102, 101-01; due 3 each for H1→101, H2→102, X1, none attended.
    expect(one!.history[0]).toMatchObject({ members: 3, units: 3, activity: { attendance: { numerator: 0, denominator: 9 } } });
    expect(m.departmentScorecards.map((d) => [d.slug, d.sponsoredIds, d.figures.issues?.oldestUnansweredId])).toEqual([
      ['ban-dan-van', ['103'], 'I6'],
      ['ban-tuyen-giao', ['101', '102', '104'], 'I2'],
      ['ubnd-huyen', [], 'I5'],
    ]);
    expect(m.issues['I6']).toMatchObject({ referredTo: 'Ban Dân vận', ageDays: 90 });
  });
});
