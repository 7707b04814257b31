import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/load.ts';
import { memorySource } from '../memory-source.ts';

/** What the bad-input probe found, checked in process on the tiny fixture with one file edited. */
const dir = 'tests/fixtures/tiny/exports/2017-Q4';
const tiny = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

function load(file: string, from: string, to: string) {
  if (!tiny[file]!.includes(from)) throw new Error(`fixture ${file} has no "${from}"`);
  const files = Object.fromEntries(Object.entries(tiny).map(([name, text]) => [`data/exports/2017-Q4/${name}`, name === file ? text.replace(from, to) : text]));
  return loadData('data', memorySource(files));
}

describe('an answer dated before its issue', () => {
  it('stays a warning, counts as responded and leaves the median, at the root and in every area', async () => {
    // R7 answered in 10 days, R9 (unit 10002, district 801) now 5 days before it was raised.
    const loaded = await load('reports.csv', 'R9,P1,10002,2017-12-10,issue,,,Sở B,2017-12-14', 'R9,P1,10002,2017-12-10,issue,,,Sở B,2017-12-05');
    expect(loaded.findings.errors).toEqual([]);
    expect(loaded.findings.warnings).toContainEqual(expect.objectContaining({ file: 'reports.csv', line: 10, column: 'responded_on', value: '2017-12-05', code: 'response-before-report' }));
    const q = loaded.quarters[0]!;
    expect(q.figures.issues).toMatchObject({ responded: 2, medianDaysToResponse: 10 });
    expect(q.areas.get('83')!.issues).toEqual(q.figures.issues);
    expect(q.areas.get('10002')!.issues).toEqual({ raised: 2, responded: 1, medianDaysToResponse: null, overdue: 0 });
  });
});

describe('a cadre whose home unit is of another level', () => {
  it('is a warning naming the line, the column and the unit', async () => {
    const loaded = await load('cadres.csv', 'P1,Nguyễn Văn Một,province,83', 'P1,Nguyễn Văn Một,province,10001-01');
    expect(loaded.findings.errors).toEqual([]);
    expect(loaded.findings.warnings).toContainEqual(expect.objectContaining({
      file: 'cadres.csv', line: 2, column: 'home_unit_id', value: '10001-01', code: 'home-level', params: { cadreLevel: 'province', unitLevel: 'hamlet' },
    }));
    expect(loaded.findings.warnings.filter((w) => w.code === 'home-level')).toHaveLength(1);
  });
});
