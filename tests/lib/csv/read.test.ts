import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../../src/lib/messages.ts';
import { readCsv, type CsvOptions } from '../../../src/lib/csv/read.ts';
import type { Problem } from '../../../src/lib/types.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url));

function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

interface Read {
  header: { cells: string[]; line: number } | null;
  records: [number, string[]][];
  problems: Problem[];
}

async function read(input: string | Uint8Array, size = 0, options?: CsvOptions): Promise<Read> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const out: Read = { header: null, records: [], problems: [] };
  out.problems = await readCsv(
    'units.csv',
    split(bytes, size || bytes.length || 1),
    {
      header(cells, line) {
        expect(out.header).toBeNull();
        out.header = { cells, line };
      },
      record(cells, line) {
        out.records.push([line, cells]);
      },
    },
    options,
  );
  return out;
}

describe('readCsv: fixtures', () => {
  it('reads UTF-8 with BOM, semicolons and CRLF', async () => {
    const r = await read(fixture('utf8-bom-semicolon-crlf.csv'));
    expect(r.header).toEqual({ cells: ['mã đơn vị', 'tên đơn vị', 'cấp', 'mã đơn vị cấp trên', 'số hộ'], line: 1 });
    expect(r.records).toEqual([
      [2, ['83', 'Bến Tre', 'tỉnh', '', '']],
      [3, ['829', 'Phước Hiệp', 'xã', '83', '14.676']],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('reads UTF-16LE with BOM and tabs (Excel "Unicode Text")', async () => {
    for (const size of [1, 3, 0]) {
      const r = await read(fixture('utf16le-tab.csv'), size);
      expect(r.header?.cells).toEqual(['unit_id', 'name', 'level']);
      expect(r.records).toEqual([
        [2, ['83', 'Bến Tre', 'tỉnh']],
        [3, ['829', 'Phước Hiệp, Mỏ Cày', 'xã']],
      ]);
      expect(r.problems).toEqual([]);
    }
  });

  it('numbers the record after a 3-line quoted field as line 5', async () => {
    const r = await read(fixture('multiline-quoted.csv'));
    expect(r.records).toEqual([
      [2, ['1', 'An Thạnh', 'dòng một\ndòng hai, có dấu phẩy\ndòng "ba"']],
      [5, ['2', 'Phước Hiệp', 'ngắn']],
    ]);
  });

  it('rejects a Windows-1258 file with one error on the line of the first bad byte', async () => {
    for (const size of [1, 16, 0]) {
      const r = await read(fixture('windows-1258.csv'), size);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ file: 'units.csv', line: 2, code: 'encoding' });
      expect(r.records).toEqual([]);
    }
  });
});

describe('readCsv: lines and quoting', () => {
  const tricky =
    'id;name;note\r\n' + // 1
    '\r\n' + // 2 blank
    '1;"a;b";"x\r\n' + // 3
    'y\n' + // 4 (LF inside a CRLF file)
    'z"\r\n' + // 5
    '   \r\n' + // 6 blank
    '2;"say ""hi""";\r\n' + // 7
    ';;\r\n' + // 8 empty cells only
    '3;c;"";\r\n' + // 9 one empty extra cell
    '4;d;e'; // 10, no final newline

  it('gives the physical line on which each record starts', async () => {
    const r = await read(tricky);
    expect(r.header).toEqual({ cells: ['id', 'name', 'note'], line: 1 });
    expect(r.records).toEqual([
      [3, ['1', 'a;b', 'x\ny\nz']],
      [7, ['2', 'say "hi"', '']],
      [9, ['3', 'c', '']],
      [10, ['4', 'd', 'e']],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('gives the same records whatever the chunk size', async () => {
    const whole = await read(tricky);
    for (let size = 1; size <= 12; size++) expect(await read(tricky, size), `chunks of ${size}`).toEqual(whole);
  });

  it('numbers the header after leading blank lines', async () => {
    const r = await read('\n  \r\nunit_id,name\n1,A\n\n\n2,B\n');
    expect(r.header).toEqual({ cells: ['unit_id', 'name'], line: 3 });
    expect(r.records).toEqual([
      [4, ['1', 'A']],
      [7, ['2', 'B']],
    ]);
  });

  it('accepts lone CR line breaks', async () => {
    const r = await read('a,b\r1,"x\ry"\r2,z\r');
    expect(r.records).toEqual([
      [2, ['1', 'x\ny']],
      [4, ['2', 'z']],
    ]);
  });

  it('keeps header cells and values raw', async () => {
    const r = await read(' Unit_ID , Name \n 00123 , x \n');
    expect(r.header?.cells).toEqual([' Unit_ID ', ' Name ']);
    expect(r.records).toEqual([[2, [' 00123 ', ' x ']]]);
  });

  it('reads from an async iterable', async () => {
    async function* chunks() {
      yield Buffer.from('a\tb\n1\t');
      yield Buffer.from('2\n');
    }
    const records: [number, string[]][] = [];
    const problems = await readCsv('t.csv', chunks(), { header() {}, record: (c, l) => records.push([l, c]) });
    expect(problems).toEqual([]);
    expect(records).toEqual([[2, ['1', '2']]]);
  });
});

describe('readCsv: problems', () => {
  it('reports ragged rows with expected and actual counts, and passes the others on', async () => {
    const r = await read('a,b,c\n1,2\n3,4,5,,\n6,7,8,9\n10,11,12\n', 2);
    expect(r.records).toEqual([
      [3, ['3', '4', '5']],
      [5, ['10', '11', '12']],
    ]);
    expect(r.problems).toEqual([
      { file: 'units.csv', line: 2, column: null, value: '1,2', code: 'ragged-row', params: { expected: 3, actual: 2 } },
      { file: 'units.csv', line: 4, column: null, value: '6,7,8,9', code: 'ragged-row', params: { expected: 3, actual: 4 } },
    ]);
  });

  it('reports a quote never closed on the line where its record starts', async () => {
    for (const size of [1, 5, 0]) {
      const r = await read('a,b\n1,x\n2,"never\nclosed\n3,y\n', size);
      expect(r.records).toEqual([[2, ['1', 'x']]]);
      expect(r.problems).toEqual([
        { file: 'units.csv', line: 3, column: null, value: '2,never closed 3,y ', code: 'unterminated-quote' },
      ]);
    }
  });

  it('gives up on an unclosed quote once its record outgrows the limit, without reading on', async () => {
    let produced = 0;
    function* chunks() {
      yield Buffer.from('a,b\n1,x\n2,"oops\n');
      for (; produced < 1000; produced++) yield Buffer.from(`${produced},row\n`);
    }
    const records: number[] = [];
    const problems = await readCsv('t.csv', chunks(), { header() {}, record: (_, l) => records.push(l) }, { maxRecordChars: 200 });
    expect(records).toEqual([2]);
    expect(problems).toMatchObject([{ line: 3, code: 'quoted-cell-too-long', params: { limit: 200 } }]);
    expect(produced).toBeLessThan(100);
  });

  it('gives up on a line longer than the limit without quotes', async () => {
    const r = await read('a,b\n1,' + 'x'.repeat(500) + '\n2,y\n', 64, { maxRecordChars: 100 });
    expect(r.problems).toMatchObject([{ line: 2, code: 'record-too-long' }]);
  });

  it('reports a stray quote inside a quoted field once, but keeps the record', async () => {
    for (const size of [1, 3, 0]) {
      const r = await read('a,b\n1,"Nguyễn "Tư" A"\n2,x\n', size);
      expect(r.records).toEqual([
        [2, ['1', 'Nguyễn "Tư" A']],
        [3, ['2', 'x']],
      ]);
      expect(r.problems).toMatchObject([{ line: 2, code: 'malformed-quote' }]);
    }
  });

  it('reports an empty file, blank lines only, or a BOM only', async () => {
    for (const input of ['', '\n\r\n  \n', ';;;\n', Buffer.from([0xef, 0xbb, 0xbf])]) {
      const r = await read(input);
      expect(r.problems).toEqual([{ file: 'units.csv', line: null, column: null, value: null, code: 'empty-file' }]);
      expect(r.header).toBeNull();
    }
  });

  it('accepts a header without records', async () => {
    const r = await read('unit_id;name');
    expect(r.header).toEqual({ cells: ['unit_id', 'name'], line: 1 });
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('stops at an encoding error but keeps what came before', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2,3\n4,5\n'), Buffer.from([0x36, 0x2c, 0xc6, 0x0a]), Buffer.from('7,8\n')]);
    const r = await read(bytes, 4);
    expect(r.records).toEqual([[3, ['4', '5']]]);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['ragged-row', 2],
      ['encoding', 4],
    ]);
  });

  it('reports UTF-16 without BOM', async () => {
    const r = await read(Buffer.from('a,b\r\n1,2\r\n', 'utf16le'));
    expect(r.problems).toMatchObject([{ line: 1, code: 'encoding-utf16-no-bom' }]);
  });
});

describe('readCsv: messages', () => {
  it('has a Vietnamese and an English message for every problem it reports', async () => {
    const inputs: (string | Uint8Array)[] = [
      '',
      'a,b\n1\n',
      'a,b\n1,"x',
      'a,b\n1,"x"y"\n',
      'a,b\n1,' + 'x'.repeat(300) + '\n',
      'a,b\n1,"' + 'x\n'.repeat(300),
      Buffer.from([0x61, 0xff]),
      Buffer.from('a', 'utf16le'),
    ];
    const codes = new Set<string>();
    for (const input of inputs) for (const p of (await read(input, 16, { maxRecordChars: 100 })).problems) codes.add(p.code);
    expect([...codes].sort()).toEqual(
      ['empty-file', 'encoding', 'encoding-utf16-no-bom', 'malformed-quote', 'quoted-cell-too-long', 'ragged-row', 'record-too-long', 'unterminated-quote'],
    );
    const sample: Problem = { file: 'units.csv', line: 2, column: null, value: 'x', code: '', params: { expected: 3, actual: 2, limit: 100 } };
    for (const code of codes) {
      for (const lang of ['vi', 'en'] as const) {
        const text = describeProblem({ ...sample, code }, lang);
        expect(text).not.toBe(code);
        expect(text, `${code} ${lang}`).toMatch(/\S/);
        expect(text).not.toContain('units.csv');
        expect(text).not.toContain('undefined');
      }
    }
  });
});

describe('readCsv: streaming', () => {
  it('reads 200,000 rows fed in small chunks, numbering lines to the last', async () => {
    const ROWS = 200_000;
    let yielded = 0;
    let recordsAtTenthChunk = -1;
    // Every 1000th row holds a 2-line quoted note, so lines outnumber records.
    function* chunks() {
      const enc = new TextEncoder();
      let text = 'report_id;cadre_id;unit_id;date;note\r\n';
      for (let i = 1; i <= ROWS; i++) {
        const note = i % 1000 === 0 ? `"ghi chú\r\ndòng 2; ""x"""` : 'đi cơ sở';
        text += `R${i};C${i % 977};U${i % 1931};05/10/2017;${note}\r\n`;
        if (text.length >= 500) {
          if (++yielded === 10) recordsAtTenthChunk = count;
          yield enc.encode(text);
          text = '';
        }
      }
      yield enc.encode(text);
    }
    let count = 0;
    let lastLine = 0;
    let lastCells: string[] = [];
    const problems = await readCsv('reports.csv', chunks(), {
      header() {},
      record(cells, line) {
        count++;
        lastLine = line;
        lastCells = cells;
      },
    });
    expect(problems).toEqual([]);
    expect(count).toBe(ROWS);
    // Header on line 1, one line per record, plus one more per 2-line note before the last row.
    expect(lastLine).toBe(1 + ROWS + (ROWS / 1000 - 1));
    expect(lastCells).toEqual([`R${ROWS}`, `C${ROWS % 977}`, `U${ROWS % 1931}`, '05/10/2017', 'ghi chú\ndòng 2; "x"']);
    // Records arrived while the input was still being produced: nothing waits for the whole file.
    expect(recordsAtTenthChunk).toBeGreaterThan(0);
  });
});
