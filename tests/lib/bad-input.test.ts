import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/load.ts';
import { memorySource } from '../memory-source.ts';

/** What the bad-input probe found, checked in process on the tiny fixture with one file edited. */
const dir = 'tests/fixtures/tiny/exports/2017-Q4';
const tiny = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

type Saved = 'utf8' | 'utf8-bom' | 'utf16';
/** The fixture with `from` replaced by `to` in `file`, that file saved as told. */
function load(file: string, from: string, to: string, saved: Saved = 'utf8') {
  if (!tiny[file]!.includes(from)) throw new Error(`fixture ${file} has no "${from}"`);
  const encode = (text: string) => (saved === 'utf8' ? text : new Uint8Array(Buffer.from(`\uFEFF${text}`, saved === 'utf16' ? 'utf16le' : 'utf8')));
  const files = Object.fromEntries(Object.entries(tiny).map(([name, text]) => [`data/exports/2017-Q4/${name}`, name === file ? encode(text.replace(from, to)) : text]));
  return loadData('data', memorySource(files));
}

describe('an answer dated before its issue', () => {
  it('stays a warning, counts as responded and leaves the median, at the root and in every area', async () => {
    // R7 answered in 10 days, R9 (unit 10002, district 801) now 5 days before it was raised.
    const loaded = await load('reports.csv', 'R9,P1,10002,2017-12-10,issue,,,Sở B,2017-12-14', 'R9,P1,10002,2017-12-10,issue,,,Sở B,2017-12-05');
    expect(loaded.findings.errors).toEqual([]);
    expect(loaded.findings.warnings).toContainEqual(expect.objectContaining({ file: 'reports.csv', line: 10, column: 'responded_on', value: '2017-12-05', code: 'response-before-report' }));
    const q = loaded.current!;
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

describe('a control character in a cell', () => {
  // A NUL in a UTF-8 file without a BOM is refused by the decoder already (as UTF-16 without its
  // mark); with a BOM, or in UTF-16, it is a character like any other.
  it.each([
    ['units.csv', '10001,Xã A1,', '10001,Xã\u0000A1,', 'utf16', 5, 'name', 'Xã[U+0000]A1'],
    ['units.csv', '10001,Xã A1,', '10001,Xã\u0000A1,', 'utf8-bom', 5, 'name', 'Xã[U+0000]A1'],
    ['cadres.csv', 'P2,Trần Thị Hai,', 'P2,Trần Thị\u0007 Hai,', 'utf8', 3, 'name', 'Trần Thị[U+0007] Hai'],
    ['assignments.csv', 'P3,10003,lead', 'P3,10003,lead\u001b', 'utf8', 5, 'role', 'lead[U+001B]'],
    ['reports.csv', 'Rác thải', 'Rác\u0000thải', 'utf16', 9, 'summary', 'Rác[U+0000]thải'],
    ['reports.csv', 'Sở A,2017-10-20', 'Sở\u0085A,2017-10-20', 'utf8', 8, 'referred_to', 'Sở[U+0085]A'],
  ] as const)('in %s is an error naming line, column and the character', async (file, from, to, saved, line, column, value) => {
    const loaded = await load(file, from, to, saved);
    expect(loaded.findings.errors).toContainEqual(expect.objectContaining({ file, line, column, value, code: 'control-character' }));
    expect(loaded.quarters).toEqual([]);
  });

  it('leaves tabs and line breaks inside quoted cells alone', async () => {
    const loaded = await load('reports.csv', '"Đường liên ấp hư hỏng, cần sửa"', '"Đường liên ấp\thư hỏng,\ncần sửa"');
    expect(loaded.findings.errors).toEqual([]);
  });
});

describe('a long text pasted into one quoted cell', () => {
  it('is read whole (5 MB, line breaks inside), not reported as an unterminated quote', async () => {
    const long = `${'Rác thải sinh hoạt chưa được thu gom, '.repeat(10_000)}\n`.repeat(13);
    expect(Buffer.byteLength(long)).toBeGreaterThan(5_000_000);
    const loaded = await load('reports.csv', '"Đường liên ấp hư hỏng, cần sửa"', `"${long}"`);
    expect(loaded.findings.errors).toEqual([]);
    expect(loaded.current!.data.reports!.issues.find((i) => i.reportId === 'R7')!.summary).toBe(long.trim());
  });
});
