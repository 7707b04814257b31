import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LoadedData, loadData } from '../../src/lib/load.ts';
import { memorySource } from '../memory-source.ts';

const dir = 'tests/fixtures/tiny/exports/2017-Q4';
const files = Object.fromEntries(readdirSync(dir).map((f) => [`data/exports/2017-Q4/${f}`, readFileSync(join(dir, f))]));

/*
 * Worked by hand from tests/fixtures/tiny (quarter 01/10/2017–31/12/2017):
 * active: P1→10001, P1→10002 (from 15/11), D1→10001-01, D1→10001 (commune: no pair), D2→10003-01 (ends 31/12).
 * not active: P2→10002 (ended 30/12), P3→10003 (ended 30/12), C1→10001-01-01 (starts 05/01/2018).
 */
describe('analyseQuarter on the tiny fixture', () => {
  let loaded: LoadedData;
  beforeAll(async () => {
    loaded = await loadData('data', memorySource(files));
  });

  it('loads without errors, with the two expected warnings', () => {
    expect(loaded.findings.errors).toEqual([]);
    expect(loaded.findings.warnings.map((w) => [w.file, w.line, w.code])).toEqual([
      ['assignments.csv', 7, 'unexpected-level'],
      ['reports.csv', 6, 'report-outside-quarter'],
    ]);
  });

  it('counts coverage per level pair', () => {
    const [province, district, commune] = loaded.quarters[0]!.figures.coverage;
    // communes 10001 and 10002 followed by P1; 10003 only by P3, whose assignment ended.
    expect(province).toEqual({ cadreLevel: 'province', unitLevel: 'commune', cadres: 3, units: 3, ratio: 1, covered: 2, unattended: 1, overloaded: 1, idle: 2 });
    // hamlets 10001-01 (D1) and 10003-01 (D2) followed; 10001-02 not.
    expect(district).toEqual({ cadreLevel: 'district', unitLevel: 'hamlet', cadres: 2, units: 3, ratio: 0.667, covered: 2, unattended: 1, overloaded: 0, idle: 0 });
    // C1 starts after the quarter: group 10001-01-01 unattended, C1 idle.
    expect(commune).toEqual({ cadreLevel: 'commune', unitLevel: 'group', cadres: 1, units: 1, ratio: 1, covered: 0, unattended: 1, overloaded: 0, idle: 1 });
  });

  it('computes attendance and silent cadres', () => {
    // due: P1→10001 Oct–Dec (3), P1→10002 Nov–Dec (2), D1→10001-01 (3), D2→10003-01 (3) = 11.
    // attended: P1→10001 Oct and Dec (R1, R2 same month; R3), P1→10002 Nov (R4) = 3. R5 is in September.
    expect(loaded.quarters[0]!.figures.activity).toEqual({ attendanceRate: 0.273, silentCadres: 1, monthsDue: 11, monthsAttended: 3 });
    expect(loaded.current!.silent).toEqual(['D2']);
  });

  it('computes issue figures', () => {
    // R7 answered after 10 days, R9 after 4 → median 7; R8 (61 days old) and R11 (31 days) unanswered → overdue; R10 (16 days) not yet.
    expect(loaded.quarters[0]!.figures.issues).toEqual({ raised: 5, responded: 2, medianDaysToResponse: 7, overdue: 2 });
  });

  it('rolls figures up to a district and a region', () => {
    const areas = loaded.current!.areas;
    const district = areas.get('801')!;
    // communes 10001, 10002 both covered by P1, who is the one provincial cadre following units here.
    expect(district.coverage[0]).toMatchObject({ units: 2, covered: 2, unattended: 0, cadres: 1, overloaded: 1, idle: 0 });
    // hamlets 10001-01 (covered) and 10001-02; D1 is homed here.
    expect(district.coverage[1]).toMatchObject({ units: 2, covered: 1, unattended: 1, cadres: 1, ratio: 0.5 });
    expect(district.attendance).toEqual({ due: 8, attended: 3, rate: 3 / 8 });
    // R7, R8, R9, R10, R11 all concern units of district 801.
    expect(district.issues).toEqual({ raised: 5, responded: 2, medianDaysToResponse: 7, overdue: 2 });
    expect(areas.get('802')!.coverage[0]).toMatchObject({ units: 1, covered: 0, unattended: 1 });
    expect(areas.get('802')!.silentCadres).toBe(1);
    expect(areas.get('region:Vùng 1')!.coverage[0]).toMatchObject({ units: 2, covered: 2 });
  });
});
