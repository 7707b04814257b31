import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/csv-out.ts';

const columns = [
  { key: 'name', header: 'Tên đơn vị' },
  { key: 'units', header: 'Số đơn vị' },
  { key: 'rate', header: 'Tỷ lệ' },
];

function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
}

describe('toCsv', () => {
  it('toCsv(columns, rows) starts with a BOM, ends lines with CRLF and writes headers first', () => {
    const csv = toCsv(columns, [{ name: 'Xã A', units: 3, rate: 0.848 }]);
    expect(csv).toBe('\uFEFFTên đơn vị,Số đơn vị,Tỷ lệ\r\nXã A,3,0.848\r\n');
  });
  it('toCsv(columns, rows) round-trips quotes, commas, newlines and Vietnamese text', () => {
    const tricky = ['Tổ 1, "Đông"', 'dòng một\ndòng hai', 'a\r\nb', 'Phường Nguyễn Thái Bình'];
    const csv = toCsv([{ key: 'v', header: 'v' }], tricky.map((v) => ({ v })));
    expect(parse(csv)).toEqual([['v'], ...tricky.map((v) => [v])]);
  });
  it('toCsv(columns, rows) writes numbers plainly and null/undefined as empty', () => {
    const csv = toCsv(columns, [{ name: null, units: 6038, rate: undefined }, { name: 'x', units: -2, rate: NaN }]);
    expect(parse(csv).slice(1)).toEqual([['', '6038', ''], ['x', '-2', '']]);
  });
  it('toCsv(columns, rows) neutralises text that a spreadsheet would run as a formula', () => {
    const values = ['=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx', 'a=b'];
    const csv = toCsv([{ key: 'v', header: 'v' }], values.map((v) => ({ v })));
    expect(parse(csv).slice(1).map((r) => r[0])).toEqual([
      `'=HYPERLINK("http://x","y")`, "'+1", "'-1+2", "'@SUM(A1)", "'\tx", "'\rx", 'a=b',
    ]);
  });
  it('toCsv(columns, rows) keeps a negative number a number but quotes a negative-looking string', () => {
    const csv = toCsv([{ key: 'v', header: 'v' }], [{ v: -3.5 }, { v: '-3.5' }]);
    expect(csv).toBe("\uFEFFv\r\n-3.5\r\n'-3.5\r\n");
  });
  it('toCsv(columns, rows) with no rows gives just the header line', () => {
    expect(toCsv(columns, [])).toBe('\uFEFFTên đơn vị,Số đơn vị,Tỷ lệ\r\n');
  });
});
