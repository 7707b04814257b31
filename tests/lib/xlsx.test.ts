import { describe, expect, it } from 'vitest';
import { dateSerial, sheetEntry, sheetNames, workbook, xmlText } from '../../src/lib/xlsx.ts';
import { readWorkbook } from '../xlsx-reader.ts';

describe('xlsx writer', () => {
  it('counts dates as a spreadsheet does (1900 system), from the text, whatever the time zone', () => {
    expect(dateSerial('1900-03-01')).toBe(61);
    expect(dateSerial('2017-10-10')).toBe(43018);
    expect(dateSerial('2026-09-30T23:59:59Z')).toBe(46295);
    expect(dateSerial('30/09/2026')).toBeNull();
  });

  it('makes tab names a spreadsheet accepts: no []:*?/\\, 31 characters, unique ignoring case', () => {
    expect(sheetNames(['Tỷ lệ cán bộ/đơn vị', 'Kiến nghị', 'kiến nghị', '', 'x'.repeat(40), 'x'.repeat(40)]))
      .toEqual(['Tỷ lệ cán bộ đơn vị', 'Kiến nghị', 'kiến nghị (2)', 'Sheet', 'x'.repeat(31), `${'x'.repeat(27)} (2)`]);
  });

  it('escapes markup and drops what XML cannot carry', () => {
    expect(xmlText('a<b>&"c"\u0001\u0008\ud800z')).toBe('a&lt;b&gt;&amp;&quot;c&quot;z');
  });

  it('stores text as text, formula-like text with the quote prefix, and a number as a number', () => {
    const sheet = { name: 'S', title: 'T', header: ['a', 'b'], formats: ['text', 'int'] as const, rows: [['=1+1', -2], ['Tổ 7', null]], freeze: true };
    const book = readWorkbook(workbook({ title: 'T', created: '2026-11-30T10:00:00Z', sheets: [{ name: 'S', entry: sheetEntry({ ...sheet, formats: [...sheet.formats] }) }] }));
    const cells = book.sheets[0]!.cells;
    expect(cells.get('A3')).toMatchObject({ type: 'inlineStr', value: '=1+1' });
    expect(book.files['xl/worksheets/sheet1.xml']).toMatch(/<c r="A3" s="9" t="inlineStr">/);
    expect(book.files['xl/styles.xml']).toMatch(/(<xf [^>]*\/>.*){9}<xf [^>]*quotePrefix="1"\/><\/cellXfs>/);
    expect(cells.get('B3')).toMatchObject({ type: null, value: -2, format: '#,##0' });
    expect(cells.get('A4')!.value).toBe('Tổ 7');
    expect(cells.has('B4')).toBe(false);
  });
});
