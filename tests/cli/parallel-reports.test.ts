import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { emptyFindings } from '../../src/lib/findings.ts';
import { mergeReportParts, type ReportJob, readReports } from '../../src/lib/ingest/reports.ts';
import { parseQuarter } from '../../src/lib/quarter.ts';
import { foldReportsInParallel } from '../../scripts/lib/parallel-reports.ts';

// Starting worker threads took over 5 s once on a loaded shared machine; the figures are what is tested.
vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'namcoso-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cadres = Array.from({ length: 40 }, (_, i) => `C${i}`);
const units = Array.from({ length: 30 }, (_, i) => `U${i}`);
const job: ReportJob = { quarter: parseQuarter('2017-Q4')!, known: { cadres: new Set(cadres), units: new Set(units) } };

/** 6,000 reports, every third with a two-line quoted summary; `repeat` gives the last row the first row's id. */
function write(name: string, eol: string, repeat: boolean, encoding: 'utf8' | 'utf16le' = 'utf8'): string {
  const rows = ['report_id;cadre_id;unit_id;date;type;summary;responded_on'];
  for (let i = 0; i < 6000; i++) {
    const type = ['meeting', 'issue', 'visit'][i % 3]!;
    const summary = i % 3 === 1 ? `"Kiến nghị số ${i};${eol}dòng hai ""x"""` : `ghi chú ${i}`;
    rows.push(`R${i};${cadres[i % 40]};${units[(i * 7) % 30]};${i % 11 === 0 ? '2018-01-02' : `2017-1${i % 3}-1${i % 9}`};${type};${summary};${type === 'issue' && i % 2 ? '2017-12-30' : ''}`);
  }
  if (repeat) rows.push(`R0;C1;U1;2017-11-11;meeting;lại;`);
  const path = join(dir, name);
  const text = rows.join(eol) + eol;
  writeFileSync(path, encoding === 'utf8' ? text : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  return path;
}

async function bothWays(path: string, threads: number) {
  const { readFileSync } = await import('node:fs');
  const one = emptyFindings();
  const whole = await readReports([readFileSync(path)], job.quarter, job.known, one);
  const parts = await foldReportsInParallel(path, job, { threads, minBytes: 0 });
  expect(parts, 'the file is read in parts').not.toBeNull();
  const many = emptyFindings();
  const merged = mergeReportParts(parts!, many);
  const seen = (s: typeof whole) => ({ ...s, byCadre: [...s.byCadre], attended: [...s.attended], byTypeMonth: [...s.byTypeMonth] });
  return { whole: { ...seen(whole), found: one }, merged: { ...seen(merged), found: many }, parts: parts! };
}

describe('reports.csv folded in worker threads', () => {
  for (const [name, eol, encoding] of [['lf.csv', '\n', 'utf8'], ['crlf.csv', '\r\n', 'utf8'], ['utf16.csv', '\r\n', 'utf16le']] as const) {
    it(`gives what one reading gives (${name}, 2 and 3 threads)`, async () => {
      const path = write(name, eol, false, encoding);
      for (const threads of [2, 3]) {
        const { whole, merged, parts } = await bothWays(path, threads);
        expect(parts.length).toBeGreaterThan(1);
        expect(merged).toEqual(whole);
        expect(whole.found.warnings.length).toBeGreaterThan(0);
      }
    });
  }

  it('reads on past a cut that only looked like a record start', async () => {
    // One quoted cell whose 2,000 lines look like records: any cut inside it fools the guess.
    const fake = Array.from({ length: 2000 }, (_, i) => `F${i};C1;U1;2017-10-10;meeting;x;`).join('\n');
    const path = join(dir, 'fooled.csv');
    writeFileSync(path, `report_id;cadre_id;unit_id;date;type;summary;responded_on\nR1;C1;U1;2017-10-10;meeting;"${fake}";\nR2;C2;U2;2017-10-11;visit;y;\n`);
    const { whole, merged, parts } = await bothWays(path, 2);
    expect(parts).toHaveLength(1);
    expect(merged).toEqual(whole);
    expect(merged.rows).toBe(2);
  });

  it('finds a report id repeated across stretches, naming the line of the first', async () => {
    const { whole, merged } = await bothWays(write('repeat.csv', '\n', true), 2);
    expect(merged).toEqual(whole);
    expect(merged.found.errors).toEqual([expect.objectContaining({ code: 'duplicate-id', line: 8002, params: { first: 2 } })]);
  });
});
