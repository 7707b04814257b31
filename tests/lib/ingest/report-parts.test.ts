import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../src/lib/csv/decode.ts';
import { emptyFindings } from '../../../src/lib/findings.ts';
import { createReportFold, mergeReportParts, type ReportJob, readReports } from '../../../src/lib/ingest/reports.ts';
import { parseQuarter } from '../../../src/lib/quarter.ts';

const job: ReportJob = { quarter: parseQuarter('2017-Q4')!, known: { cadres: new Set(['C1', 'C2', 'C3']), units: new Set(['U1', 'U2']) } };
const HEADER = ['report_id', 'cadre_id', 'unit_id', 'date', 'type', 'summary', 'responded_on'];

/** A reports.csv full of what makes a cut hard: quoted multi-line fields, a repeated id, errors and warnings. */
function reportsCsv(eol: string): string {
  const rows = [HEADER.join(',')];
  for (let i = 1; i <= 14; i++) {
    const summary = i % 3 === 0 ? `"dòng một${eol}dòng hai, ""trích"""` : i % 4 === 0 ? '"một, hai"' : 'ngắn';
    const type = i % 5 === 0 ? 'issue' : 'meeting';
    rows.push(`R${i},C${1 + (i % 3)},U${1 + (i % 2)},${i % 7 === 0 ? '5/11/2017' : `2017-1${i % 3}-0${1 + (i % 9)}`},${type},${summary},${type === 'issue' ? '2017-12-20' : ''}`);
  }
  // The same id on both sides of most cuts, an unknown cadre, a bad date, a ragged row, a date outside the quarter.
  rows.splice(3, 0, 'R9,C1,U1,2017-10-02,meeting,"x",');
  rows.push('R20,C9,U1,2017-10-02,meeting,y,', 'R21,C1,U1,31/02/2017,visit,z,', 'R22,C1,U1', 'R23,C2,U2,2018-01-03,other,"a', 'b",');
  return rows.join(eol) + eol;
}

function encode(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le'): Uint8Array {
  if (encoding === 'utf-16le') return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const body = Buffer.from(text, 'utf8');
  return new Uint8Array(encoding === 'utf-8' ? body : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]));
}

/** Everything a reader of the summary and the findings can see, maps in their order. */
function visible(summary: Awaited<ReturnType<typeof readReports>>, found: ReturnType<typeof emptyFindings>) {
  return { ...summary, byCadre: [...summary.byCadre], attended: [...summary.attended], byTypeMonth: [...summary.byTypeMonth], found };
}

/**
 * Reads `bytes` in two parts cut at `cut` as the worker threads do: null when the first part does
 * not end on a record's end (a worker then reads on), else the merged result.
 */
function inTwoParts(bytes: Uint8Array, cut: number) {
  const first = createReportFold(job);
  first.reader.write(bytes.subarray(0, cut));
  const format = first.reader.format();
  if (!first.reader.atRecordEnd() || !format) return null;
  const { encoding, bomLength } = detectEncoding(bytes);
  const part = { encoding, hasBom: bomLength > 0, byteOffset: cut, ...format, header: HEADER };
  const readSecond = (options: Parameters<typeof createReportFold>[1]) => {
    const second = createReportFold(job, { part, ...options });
    second.reader.write(bytes.subarray(cut));
    second.reader.end();
    return second;
  };
  const a = first.finish();
  let second = readSecond({});
  // An id of the first part met again in the second: the second is read again knowing them.
  if (second.ids.sharesIdWith(first.ids.toBlock())) second = readSecond({ priorIds: first.ids, lineBase: a.lines });
  const found = emptyFindings();
  return visible(mergeReportParts([a, second.finish()], found), found);
}

describe('reports.csv folded in parts', () => {
  for (const [eol, encoding] of [['\n', 'utf-8'], ['\r\n', 'utf-8-bom'], ['\r\n', 'utf-16le']] as const) {
    it(`merges to what one reading gives, wherever a cut is accepted (${encoding}, ${JSON.stringify(eol)})`, async () => {
      const bytes = encode(reportsCsv(eol), encoding);
      const found = emptyFindings();
      const whole = visible(await readReports([bytes], job.quarter, job.known, found), found);
      // The fixture shows what it is meant to: errors on both sides, a repeated id, a record over three lines.
      expect(whole.found.errors.map((p) => [p.code, p.line])).toEqual([
        ['duplicate-id', 13],
        ['unknown-cadre', 21],
        ['bad-date', 22],
        ['ragged-row', 23],
      ]);
      expect(whole.found.errors[0]!.params).toEqual({ first: 4 });
      expect(whole.found.warnings.map((p) => [p.code, p.line])).toEqual([['report-outside-quarter', 24]]);
      const accepted: number[] = [];
      for (let cut = 1; cut < bytes.length; cut++) {
        const parts = inTwoParts(bytes, cut);
        if (parts === null) continue;
        accepted.push(Buffer.from(bytes.subarray(0, cut)).toString(encoding === 'utf-16le' ? 'utf16le' : 'utf8').split('\n').length);
        expect(parts, `cut at byte ${cut}`).toEqual(whole);
      }
      // A cut holds exactly where a record starts: never inside the two-line quoted fields (lines 6, 10, 14, 18, 25).
      expect(accepted).toEqual([2, 3, 4, 5, 7, 8, 9, 11, 12, 13, 15, 16, 17, 19, 20, 21, 22, 23, 24]);
    });
  }

  it('refuses a cut after a line break inside a quoted field', () => {
    const bytes = encode(reportsCsv('\n'), 'utf-8');
    const text = Buffer.from(bytes).toString('utf8');
    const inside = Buffer.byteLength(text.slice(0, text.indexOf('dòng một\n') + 'dòng một\n'.length));
    expect(inTwoParts(bytes, inside)).toBeNull();
  });

  it('lists each code at most 100 times across parts and counts the rest once', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `R${i},C9,U1,2017-10-02,meeting,x,`);
    const bytes = encode([HEADER.join(','), ...rows].join('\n') + '\n', 'utf-8');
    const cut = Buffer.from(bytes).indexOf('R60,');
    const parts = inTwoParts(bytes, cut)!;
    expect(parts.found.errors).toHaveLength(101);
    expect(parts.found.errors[99]).toMatchObject({ code: 'unknown-cadre', line: 101 });
    expect(parts.found.errors[100]).toMatchObject({ code: 'more-problems', params: { code: 'unknown-cadre', count: 50 } });
  });
});
