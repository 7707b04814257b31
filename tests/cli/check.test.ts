import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkExport, cleanupExports, makeExport, ROOT, runCheck, stackTraceLines, TINY, TINY_EXPORT } from './run-check.ts';

// Each case spawns Node (about 0.5 s alone, a few seconds on a loaded machine).
vi.setConfig({ testTimeout: 60_000 });
afterAll(cleanupExports);

/*
 * The figures of tests/fixtures/tiny, worked out by hand from the CSVs (quarter 2017-Q4 runs
 * 2017-10-01 … 2017-12-31; an assignment is active when in force on 2017-12-31).
 *
 * assignments.csv, line by line:
 *   2 P1→10001 (no dates) ............................ active
 *   3 P1→10002 from 15/11/2017 ....................... active (in force 15/11–31/12)
 *   4 P2→10002 until 30/12/2017 ...................... NOT active (ended before 31/12)
 *   5 P3→10003 until 2017-12-30 ...................... NOT active
 *   6 D1→10001-01 .................................... active
 *   7 D1→10001 (district cadre on a commune) ......... active, but no pair: a warning, counted nowhere
 *   8 D2→10003-01 01/01/2017–31/12/2017 .............. active (ends on the last day)
 *   9 C1→10001-01-01 from 05/01/2018 (5 January) ..... NOT active (starts after the quarter)
 *
 * province → commune: cadres P1 P2 P3 = 3; communes 10001 10002 10003 = 3; ratio 1.
 *   covered: 10001 (P1), 10002 (P1) = 2; unattended 10003 = 1;
 *   overloaded: P1 (two communes) = 1; idle: P2, P3 = 2.
 * district → hamlet: cadres D1 D2 = 2; hamlets 10001-01 10001-02 10003-01 = 3; ratio 0.667.
 *   covered: 10001-01 (D1), 10003-01 (D2) = 2; unattended 1; overloaded 0; idle 0.
 * commune → group: cadres C1 = 1; groups 10001-01-01 = 1; covered 0 (C1 not yet active);
 *   unattended 1; overloaded 0; idle 1.
 *
 * Attendance over the active assignments of the pairs (months due → months with a meeting):
 *   P1→10001:    Oct Nov Dec = 3 due; meetings R1 (05/10), R2 (20/10), R3 (02/12) → Oct, Dec = 2
 *   P1→10002:    Nov Dec = 2 due (from 15/11); meeting R4 (20/11) → Nov = 1
 *   D1→10001-01: 3 due; R5 (30/09) is outside the quarter, R6 is a visit → 0
 *   D2→10003-01: 3 due; no report → 0
 *   attendanceRate = (2+1+0+0) / (3+2+3+3) = 3/11 = 0.2727… → 0.273
 * silentCadres: cadres with an active assignment (P1, D1, D2) and no report dated in the quarter:
 *   P1 has R1…; D1 has R6 and R8; D2 has none → 1.
 * Issues (type issue, dated in the quarter): R7 10/10, R8 01/11, R9 10/12, R10 15/12, R11 30/11 → raised 5.
 *   responded: R7 (10/10→20/10 = 10 days), R9 (10/12→14/12 = 4 days) → 2; median of 10 and 4 = 7.
 *   overdue (no response, dated more than 30 days before 31/12): R8 (60 days), R11 (31 days) → 2;
 *   R10 (16 days) is not overdue yet.
 * Counts: 10 units, 6 cadres, 8 assignments, 11 reports.
 * Warnings: assignments.csv line 7 (D1 on commune 10001), reports.csv line 6 (R5 dated 2017-09-30).
 * My derivation agrees with the figures the brief gives.
 */
const TINY_FIGURES = {
  quarter: '2017-Q4',
  counts: { units: 10, cadres: 6, assignments: 8, reports: 11 },
  coverage: [
    { cadreLevel: 'province', unitLevel: 'commune', cadres: 3, units: 3, ratio: 1, covered: 2, unattended: 1, overloaded: 1, idle: 2 },
    { cadreLevel: 'district', unitLevel: 'hamlet', cadres: 2, units: 3, ratio: 0.667, covered: 2, unattended: 1, overloaded: 0, idle: 0 },
    { cadreLevel: 'commune', unitLevel: 'group', cadres: 1, units: 1, ratio: 1, covered: 0, unattended: 1, overloaded: 0, idle: 1 },
  ],
  activity: { attendanceRate: 0.273, silentCadres: 1 },
  issues: { raised: 5, responded: 2, medianDaysToResponse: 7, overdue: 2 },
  errors: [],
};

function expectNoStackTrace(stderr: string) {
  expect(stackTraceLines(stderr)).toEqual([]);
  expect(stderr).not.toContain('    at ');
}

describe('check: the valid tiny fixture', () => {
  it('exits 0 and --json prints one JSON object with the hand-worked figures', () => {
    const r = runCheck([TINY, '--json']);
    expect(r.code).toBe(0);
    expectNoStackTrace(r.stderr);
    expect(r.json).toBeTypeOf('object');
    // Exactly one JSON value on stdout, nothing else.
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(r.stdout.trim().endsWith('}')).toBe(true);
    expect(r.json).toMatchObject(TINY_FIGURES);
    expect(r.json.coverage).toHaveLength(3);
    // Plain numbers, not formatted strings.
    for (const c of r.json.coverage) expect(typeof c.ratio).toBe('number');
    expect(typeof r.json.activity.attendanceRate).toBe('number');
  });

  it('lists the two expected warnings (and they do not fail the run)', async () => {
    const r = await checkExport(() => {});
    expect(r.code).toBe(0);
    expect(r.json.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'assignments.csv', line: 7, column: 'unit_id', value: '10001', code: 'unexpected-level' }),
        expect.objectContaining({ file: 'reports.csv', line: 6, column: 'date', value: '2017-09-30', code: 'report-outside-quarter' }),
      ]),
    );
    expect(r.json.warnings).toHaveLength(2);
  });

  it('prints a human summary without --json (Vietnamese by default)', () => {
    const r = runCheck([TINY]);
    expect(r.code).toBe(0);
    expectNoStackTrace(r.stderr);
    expect(r.stdout).toContain('2017-Q4');
    expect(r.stdout).toContain('province → commune: 3/3');
    expect(r.stdout).toContain('Dữ liệu hợp lệ.');
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('--lang en gives English messages, in the summary and in --json', async () => {
    const human = runCheck([TINY, '--lang', 'en']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('The export is valid.');
    expect(human.stdout).toContain('A district cadre follows a commune unit');
    const json = await checkExport(() => {}, { lang: 'en' });
    expect(json.json.warnings.map((w: { message: string }) => w.message)).toEqual(
      expect.arrayContaining(['A district cadre follows a commune unit: no pair of the mapping, not counted.', 'Report dated outside 2017-Q4; not counted.']),
    );
    const vi = await checkExport(() => {});
    expect(vi.json.warnings.map((w: { message: string }) => w.message).join('\n')).toContain('Cán bộ cấp huyện');
  });

  it('accepts a single export folder (DIR/exports/2017-Q4) with the default config', () => {
    const r = runCheck([TINY_EXPORT, '--json']);
    expect(r.code).toBe(0);
    expectNoStackTrace(r.stderr);
    expect(r.json).toMatchObject(TINY_FIGURES);
  });

  it('accepts a single export folder given with a trailing slash', () => {
    const r = runCheck([`${TINY_EXPORT}/`, '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ quarter: '2017-Q4', counts: TINY_FIGURES.counts });
  });

  it('a single export folder uses the default mapping, even when its data folder has a config.json with another', () => {
    // The data folder's config maps district cadres to communes; the export folder alone uses the default.
    const dir = makeExport(() => {}, { config: JSON.stringify({ coverage: [{ cadreLevel: 'district', unitLevel: 'commune' }] }) });
    const whole = runCheck([dir, '--json']);
    expect(whole.code).toBe(0);
    expect(whole.json.coverage).toEqual([expect.objectContaining({ cadreLevel: 'district', unitLevel: 'commune', cadres: 2, units: 3, covered: 1 })]);
    const single = runCheck([join(dir, 'exports/2017-Q4'), '--json']);
    expect(single.code).toBe(0);
    expect(single.json.coverage).toEqual(TINY_FIGURES.coverage);
  });
});

describe('check: working groups, departments and attendanceTypes (tests/fixtures/teams)', () => {
  it('--json follows each pair’s attendanceTypes and lists every team and department', () => {
    // Worked by hand in tests/lib/scorecards.test.ts: 7 of 18 months with branch meetings counted
    // for commune → hamlet, as config.json says (5 of 18 with meetings everywhere).
    const r = runCheck([join(ROOT, 'tests/fixtures/teams'), '--json']);
    expect(r.code).toBe(0);
    expect(r.json.activity).toEqual({ attendanceRate: 0.389, silentCadres: 1 });
    expect(r.json.teams.map((t: { team: string; activity: { attendance: unknown } }) => [t.team, t.activity.attendance])).toEqual([
      ['Tổ 1', { numerator: 6, denominator: 11, rate: 0.545 }],
      ['Tổ 2', { numerator: 0, denominator: 4, rate: 0 }],
    ]);
    expect(r.json.departments.map((d: { department: string; issues: { received: number } }) => [d.department, d.issues.received]))
      .toEqual([['Ban Dân vận', 2], ['Ban Tuyên giáo', 3], ['UBND huyện', 1]]);
  });

  it('says briefly in its summary how each working group stands and which departments have overdue issues', () => {
    // Tổ 1: H1, H2, X1 following 101, 102, 101-01; 6 of 11 months; I2 overdue. Tổ 2: H3, H4, X2 on 103, 103-01;
    // 0 of 4, X2 silent. Overdue: I2 (Ban Tuyên giáo) and I6 (Ban Dân vận); UBND huyện's I5 is 21 days old.
    const r = runCheck([join(ROOT, 'tests/fixtures/teams')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain([
      '  Đoàn/tổ công tác (2; từng đoàn, từng cơ quan: --json):',
      '    Tổ 1: 3 thành viên, 3 đơn vị theo dõi; dự họp 54,5%, cán bộ không báo cáo 0, quá hạn 1',
      '    Tổ 2: 3 thành viên, 2 đơn vị theo dõi; dự họp 0,0%, cán bộ không báo cáo 1, quá hạn 0',
      '  Cơ quan nhận kiến nghị hoặc đỡ đầu: 3; có kiến nghị quá hạn: 2, nhiều nhất Ban Dân vận (1), Ban Tuyên giáo (1)',
    ].join('\n'));
  });
});

describe('check: an export with errors', () => {
  const breakParent = (f: Record<string, string | Buffer>) => {
    f['units.csv'] = (f['units.csv'] as string).replace('10003,Xã B1,commune,802', '10003,Xã B1,commune,899');
  };
  const broken = () => makeExport(breakParent);

  it('the human summary (stderr) names the file, line, column, value and says it failed; exit 1', () => {
    const r = runCheck([broken()]);
    expect(r.code).toBe(1);
    expectNoStackTrace(r.stderr);
    const all = r.stdout + r.stderr;
    expect(all).toContain('2017-Q4/units.csv, dòng 7, cột parent_id, giá trị "899"');
    expect(all).toContain('Mã đơn vị cấp trên không có trong units.csv.');
    expect(all).toMatch(/1 lỗi/);
    expect(all).toContain('Dữ liệu có lỗi');
    expect(all).not.toContain('Dữ liệu hợp lệ.');
  });

  it('--lang en prints the errors in English', () => {
    const r = runCheck([broken(), '--lang', 'en']);
    expect(r.code).toBe(1);
    const all = r.stdout + r.stderr;
    expect(all).toContain('2017-Q4/units.csv, line 7, column parent_id, value "899": This parent id is not in units.csv.');
    expect(all).toContain('1 error:');
    expect(all).toContain('The export has errors');
  });

  it('--json still prints one JSON object, with the error and no figures', async () => {
    const r = await checkExport(breakParent, { lang: 'en' });
    expect(r.code).toBe(1);
    expect(r.json.errors).toEqual([
      expect.objectContaining({ file: 'units.csv', line: 7, column: 'parent_id', value: '899', code: 'unknown-parent', message: 'This parent id is not in units.csv.' }),
    ]);
    expect(r.json.coverage).toEqual([]);
  });
});

describe('check: wrong command lines exit 2, with a usage line and no stack trace', () => {
  const missing = join(tmpdir(), 'namcoso-does-not-exist-4f1c');
  it.each([
    ['no DIR', []],
    ['no DIR, only --json', ['--json']],
    ['two DIRs', [TINY, TINY_EXPORT]],
    ['an unknown flag', [TINY, '--verbose']],
    ['an unknown short flag', [TINY, '-x']],
    ['--lang fr', [TINY, '--lang', 'fr']],
    ['--lang without a value', [TINY, '--lang']],
    ['a folder that does not exist', [missing]],
    ['a folder that does not exist, with --json', [missing, '--json']],
  ])('%s', (_name, args) => {
    const r = runCheck(args as string[]);
    expect(r.code).toBe(2);
    expectNoStackTrace(r.stderr);
    expect(r.stderr).toContain('Usage: npm run check -- DIR');
    expect(r.stdout).toBe('');
  });

  it('--help prints the usage and exits 0', () => {
    const r = runCheck(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run check -- DIR');
  });
});

describe('check: odd folders give a message, never a stack trace', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'namcoso-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('an empty data folder: exit 1, "no export folder"', () => {
    const dir = join(scratch, 'empty');
    mkdirSync(dir);
    const r = runCheck([dir, '--json', '--lang', 'en']);
    expect(r.code).toBe(1);
    expectNoStackTrace(r.stderr);
    expect(r.json.errors).toEqual([expect.objectContaining({ code: 'no-exports' })]);
  });

  it('a file instead of a folder: non-zero exit, a message, no stack trace', () => {
    const file = join(scratch, 'units.csv');
    writeFileSync(file, 'unit_id,name,level,parent_id\n');
    const r = runCheck([file]);
    expect([1, 2]).toContain(r.code);
    expectNoStackTrace(r.stderr);
    expect(r.stderr.length).toBeGreaterThan(0);
  });

  it('a single export folder without units.csv: exit 1 and the error names units.csv', () => {
    const dir = makeExport((f) => {
      delete f['units.csv'];
    });
    const r = runCheck([join(dir, 'exports/2017-Q4'), '--json']);
    expect(r.code).toBe(1);
    expectNoStackTrace(r.stderr);
    expect(r.json.errors).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'units.csv', code: 'missing-file' })]));
  });

  it('exports/ holding a stray file next to the quarter folders is an error that names it', () => {
    const dir = makeExport(() => {});
    writeFileSync(join(dir, 'exports', 'notes.txt'), 'hello');
    const r = runCheck([dir, '--json']);
    expect(r.code).toBe(1);
    expectNoStackTrace(r.stderr);
    expect(r.json.errors).toEqual([expect.objectContaining({ value: 'notes.txt', code: 'bad-folder' })]);
  });
});
