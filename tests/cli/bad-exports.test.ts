import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkExport, cleanupExports, makeExport, runCheck, stackTraceLines } from './run-check.ts';

// The cases run in this process through a DataSource; the few that spawn Node (exit codes, stderr) take seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });
afterAll(cleanupExports);

type Files = Record<string, string | Buffer>;
type Mutation = (files: Files) => void;

/**
 * `file`: replace `from` (which must be in the fixture, so a typo cannot make a case pass
 * vacuously) with `to`. Several edits can be chained with `both`.
 */
function edit(file: string, from: string, to: string): Mutation {
  return (files) => {
    const text = files[file];
    if (typeof text !== 'string' || !text.includes(from)) throw new Error(`fixture ${file} has no "${from}"`);
    files[file] = text.replace(from, to);
  };
}
const both =
  (...mutations: Mutation[]): Mutation =>
  (files) => {
    for (const m of mutations) m(files);
  };

/*
 * Physical lines of the tiny fixture (header = line 1):
 *   units.csv        2 83 · 3 801 · 4 802 · 5 10001 · 6 10002 · 7 10003 · 8 10001-01 · 9 10001-02 · 10 10003-01 · 11 10001-01-01
 *   cadres.csv       2 P1 · 3 P2 · 4 P3 · 5 D1 · 6 D2 · 7 C1
 *   assignments.csv  2 P1→10001 · 3 P1→10002 · 4 P2→10002 · 5 P3→10003 · 6 D1→10001-01 · 7 D1→10001 · 8 D2→10003-01 · 9 C1→10001-01-01
 *   reports.csv      Rn is on line n+1 (R4 5 · R6 7 · R7 8 · R8 9 · R9 10 · R10 11)
 */

interface ErrorCase {
  name: string;
  mutate: Mutation;
  opts?: { folder?: string; config?: string };
  /** Each must be among json.errors (toMatchObject: the fields given must be equal). */
  expected: Record<string, unknown>[];
}

const errorCases: ErrorCase[] = [
  {
    name: 'two units with the same unit_id (10002 typed as 10001)',
    mutate: edit('units.csv', '10002,Xã A2', '10001,Xã A2'),
    expected: [{ file: 'units.csv', line: 6, column: 'unit_id', value: '10001', code: 'duplicate-id' }],
  },
  {
    name: 'two cadres with the same cadre_id (P3 typed as P2)',
    mutate: edit('cadres.csv', 'P3,Lê Văn Ba', 'P2,Lê Văn Ba'),
    expected: [{ file: 'cadres.csv', line: 4, column: 'cadre_id', value: 'P2', code: 'duplicate-id' }],
  },
  {
    name: 'two reports with the same report_id (R10 typed as R9)',
    mutate: edit('reports.csv', 'R10,P1', 'R9,P1'),
    expected: [{ file: 'reports.csv', line: 11, column: 'report_id', value: 'R9', code: 'duplicate-id' }],
  },
  {
    name: 'a parent_id that is not in units.csv (commune 10003 under district 899)',
    mutate: edit('units.csv', '10003,Xã B1,commune,802', '10003,Xã B1,commune,899'),
    expected: [{ file: 'units.csv', line: 7, column: 'parent_id', value: '899', code: 'unknown-parent' }],
  },
  {
    name: 'a cycle: districts 801 and 802 each the parent of the other (both lines reported)',
    mutate: both(edit('units.csv', '801,Huyện A,district,83', '801,Huyện A,district,802'), edit('units.csv', '802,Huyện B,district,83', '802,Huyện B,district,801')),
    expected: [
      { file: 'units.csv', line: 3, column: 'parent_id', value: '802', code: 'cycle' },
      { file: 'units.csv', line: 4, column: 'parent_id', value: '801', code: 'cycle' },
    ],
  },
  {
    name: 'a commune whose parent is another commune (same level)',
    mutate: edit('units.csv', '10002,Xã A2,commune,801', '10002,Xã A2,commune,10001'),
    expected: [{ file: 'units.csv', line: 6, column: 'parent_id', value: '10001', code: 'parent-level' }],
  },
  {
    name: 'a commune whose parent is a hamlet (lower level)',
    mutate: edit('units.csv', '10003,Xã B1,commune,802', '10003,Xã B1,commune,10001-01'),
    expected: [{ file: 'units.csv', line: 7, column: 'parent_id', value: '10001-01', code: 'parent-level' }],
  },
  {
    name: 'an unknown level word in units.csv (village)',
    mutate: edit('units.csv', '10001-02,Ấp A1-2,hamlet', '10001-02,Ấp A1-2,village'),
    expected: [{ file: 'units.csv', line: 9, column: 'level', value: 'village', code: 'unknown-level' }],
  },
  {
    name: 'a cadre of a level no committee has (ấp)',
    mutate: edit('cadres.csv', 'D2,Võ Thị Năm,district', 'D2,Võ Thị Năm,ấp'),
    expected: [{ file: 'cadres.csv', line: 6, column: 'level', value: 'ấp', code: 'unknown-cadre-level' }],
  },
  {
    name: "a cadre's home_unit_id that is not in units.csv",
    mutate: edit('cadres.csv', 'C1,Huỳnh Văn Sáu,commune,10001', 'C1,Huỳnh Văn Sáu,commune,10009'),
    expected: [{ file: 'cadres.csv', line: 7, column: 'home_unit_id', value: '10009', code: 'unknown-unit' }],
  },
  {
    name: 'an assignment of a cadre that is not in cadres.csv (P4)',
    mutate: edit('assignments.csv', 'P3,10003', 'P4,10003'),
    expected: [{ file: 'assignments.csv', line: 5, column: 'cadre_id', value: 'P4', code: 'unknown-cadre' }],
  },
  {
    name: 'an assignment to a unit that is not in units.csv (10003-09)',
    mutate: edit('assignments.csv', 'D2,10003-01', 'D2,10003-09'),
    expected: [{ file: 'assignments.csv', line: 8, column: 'unit_id', value: '10003-09', code: 'unknown-unit' }],
  },
  {
    name: 'a report by a cadre that is not in cadres.csv (D9)',
    mutate: edit('reports.csv', 'R6,D1,', 'R6,D9,'),
    expected: [{ file: 'reports.csv', line: 7, column: 'cadre_id', value: 'D9', code: 'unknown-cadre' }],
  },
  {
    name: 'a report about a unit that is not in units.csv (20002)',
    mutate: edit('reports.csv', 'R9,P1,10002', 'R9,P1,20002'),
    expected: [{ file: 'reports.csv', line: 10, column: 'unit_id', value: '20002', code: 'unknown-unit' }],
  },
  {
    name: 'an impossible start date in assignments.csv (31/02/2017)',
    mutate: edit('assignments.csv', '15/11/2017', '31/02/2017'),
    expected: [{ file: 'assignments.csv', line: 3, column: 'start_date', value: '31/02/2017', code: 'bad-date' }],
  },
  {
    name: 'a report dated in words (hôm qua)',
    mutate: edit('reports.csv', 'R4,P1,10002,2017-11-20', 'R4,P1,10002,hôm qua'),
    expected: [{ file: 'reports.csv', line: 5, column: 'date', value: 'hôm qua', code: 'bad-date' }],
  },
  {
    name: 'an unknown report type (thăm hỏi)',
    mutate: edit('reports.csv', '2017-11-03,visit', '2017-11-03,thăm hỏi'),
    expected: [{ file: 'reports.csv', line: 7, column: 'type', value: 'thăm hỏi', code: 'unknown-report-type' }],
  },
  {
    name: 'cadres.csv without its level column',
    mutate: (files) => {
      edit('cadres.csv', 'cadre_id,name,level,home_unit_id', 'cadre_id,name,home_unit_id')(files);
      files['cadres.csv'] = (files['cadres.csv'] as string).replace(/,(province|district|commune),/g, ',');
    },
    expected: [{ file: 'cadres.csv', line: 1, column: 'level', code: 'missing-column' }],
  },
  {
    name: 'units.csv left out of the export',
    mutate: (files) => {
      delete files['units.csv'];
    },
    expected: [{ file: 'units.csv', line: null, code: 'missing-file' }],
  },
  {
    name: 'cadres.csv saved as Windows-1258 (a legacy byte on line 2)',
    mutate: (files) => {
      const text = files['cadres.csv'] as string;
      const [before, after] = text.split('Nguyễn');
      // "Nguyễn" as a legacy code page writes it: 0xEA 0xF0 are not UTF-8.
      files['cadres.csv'] = Buffer.concat([Buffer.from(before!, 'utf8'), Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xf0, 0x6e]), Buffer.from(after!, 'utf8')]);
    },
    expected: [{ file: 'cadres.csv', line: 2, code: 'encoding', value: 'EA F0 6E 20 56 C4' }],
  },
  {
    name: 'a comma inside an unquoted name (one cell too many)',
    mutate: edit('cadres.csv', 'P2,Trần Thị Hai', 'P2,Trần, Thị Hai'),
    expected: [{ file: 'cadres.csv', line: 3, code: 'ragged-row', value: 'P2,Trần, Thị Hai,province,83,Tỉnh ủy viên' }],
  },
  {
    name: 'an extra non-empty cell at the end of a row',
    mutate: edit('assignments.csv', 'P3,10003,lead,,2017-12-30', 'P3,10003,lead,,2017-12-30,x'),
    expected: [{ file: 'assignments.csv', line: 5, code: 'ragged-row', value: 'P3,10003,lead,,2017-12-30,x' }],
  },
  {
    name: 'a row with the role cell left out (one cell too few)',
    mutate: edit('assignments.csv', 'P1,10002,lead,15/11/2017,', 'P1,10002,15/11/2017,'),
    expected: [{ file: 'assignments.csv', line: 3, code: 'ragged-row', value: 'P1,10002,15/11/2017,' }],
  },
  {
    name: 'a quote opened in a summary and never closed (reported where R8 starts)',
    mutate: edit('reports.csv', 'Rác thải', '"Rác thải'),
    expected: [{ file: 'reports.csv', line: 9, code: 'unterminated-quote', value: expect.stringContaining('R8,D1,10001-01') }],
  },
  {
    name: 'an issue summary over three lines, then an unknown type two records later (line 10 + 2)',
    mutate: both(
      edit('reports.csv', '"Đường liên ấp hư hỏng, cần sửa"', '"Đường liên ấp\như hỏng,\ncần sửa"'),
      edit('reports.csv', 'R9,P1,10002,2017-12-10,issue', 'R9,P1,10002,2017-12-10,phản ánh'),
    ),
    expected: [{ file: 'reports.csv', line: 12, column: 'type', value: 'phản ánh', code: 'unknown-report-type' }],
  },
  {
    name: 'units.csv saved with CRLF line ends and a parent that does not exist',
    mutate: (files) => {
      edit('units.csv', '10003,Xã B1,commune,802', '10003,Xã B1,commune,899')(files);
      files['units.csv'] = (files['units.csv'] as string).replace(/\n/g, '\r\n');
    },
    expected: [{ file: 'units.csv', line: 7, column: 'parent_id', value: '899', code: 'unknown-parent' }],
  },
  {
    name: 'an export folder named 2017-Q5',
    mutate: () => {},
    opts: { folder: '2017-Q5' },
    expected: [{ file: 'exports/2017-Q5', line: null, value: '2017-Q5', code: 'bad-folder' }],
  },
  {
    name: 'an export folder named Q4-2017',
    mutate: () => {},
    opts: { folder: 'Q4-2017' },
    expected: [{ file: 'exports/Q4-2017', line: null, value: 'Q4-2017', code: 'bad-folder' }],
  },
  {
    name: 'households written in words (khoảng 980)',
    mutate: edit('units.csv', 'Vùng 1,980', 'Vùng 1,khoảng 980'),
    expected: [{ file: 'units.csv', line: 6, column: 'households', value: 'khoảng 980', code: 'bad-number' }],
  },
  {
    name: 'config.json with a trailing comma (not JSON)',
    mutate: () => {},
    opts: { config: '{ "coverage": [ { "cadreLevel": "province", "unitLevel": "commune" }, ] }\n' },
    expected: [{ file: 'config.json', code: 'config-json' }],
  },
  {
    name: 'two mistakes in two files at once (both listed)',
    mutate: both(edit('units.csv', '10003,Xã B1,commune,802', '10003,Xã B1,commune,899'), edit('reports.csv', 'R4,P1,10002,2017-11-20', 'R4,P1,10002,hôm qua')),
    expected: [
      { file: 'units.csv', line: 7, column: 'parent_id', value: '899', code: 'unknown-parent' },
      { file: 'reports.csv', line: 5, column: 'date', value: 'hôm qua', code: 'bad-date' },
    ],
  },
  {
    name: "a cadre's name left empty",
    mutate: edit('cadres.csv', 'P2,Trần Thị Hai,', 'P2,,'),
    expected: [{ file: 'cadres.csv', line: 3, column: 'name', value: '', code: 'required-value' }],
  },
];

describe('check: a broken export exits 1 and points at the mistake', () => {
  it('has at least 24 cases', () => {
    expect(errorCases.length).toBeGreaterThanOrEqual(24);
  });

  it.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await checkExport(c.mutate, c.opts);
    expect(r.code).toBe(1);
    for (const e of c.expected) expect(r.json.errors).toContainEqual(expect.objectContaining(e));
    for (const e of r.json.errors) {
      expect(typeof e.message).toBe('string');
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.message).not.toBe(e.code); // a plain-words message, not the bare code
    }
    // No figures for an export with errors.
    expect(r.json.coverage).toEqual([]);
    expect(r.json.activity).toBeNull();
    expect(r.json.issues).toBeNull();
  });
});

interface WarningCase {
  name: string;
  mutate: Mutation;
  expected: Record<string, unknown>;
  /** How many warnings of that code the run should have. */
  count: number;
}

const warningCases: WarningCase[] = [
  {
    name: 'an extra column "ghi chú" in cadres.csv (one warning naming it)',
    mutate: (files) => {
      files['cadres.csv'] = (files['cadres.csv'] as string).replace(/\n/g, ',\n');
      edit('cadres.csv', 'home_unit_id,position,', 'home_unit_id,position,ghi chú')(files);
      edit('cadres.csv', 'P1,Nguyễn Văn Một,province,83,Tỉnh ủy viên,', 'P1,Nguyễn Văn Một,province,83,Tỉnh ủy viên,nghỉ phép tháng 12')(files);
    },
    expected: { file: 'cadres.csv', line: 1, column: 'ghi chú', value: 'ghi chú', code: 'unknown-column' },
    count: 1,
  },
  {
    name: 'a report dated after the quarter (2018-01-03)',
    mutate: edit('reports.csv', 'R6,D1,10001-01,2017-11-03', 'R6,D1,10001-01,2018-01-03'),
    expected: { file: 'reports.csv', line: 7, column: 'date', value: '2018-01-03', code: 'report-outside-quarter' },
    count: 2, // R5 (2017-09-30) already is
  },
  {
    name: 'a commune cadre assigned to a hamlet (a level the mapping does not pair)',
    mutate: edit('assignments.csv', 'C1,10001-01-01', 'C1,10001-02'),
    expected: { file: 'assignments.csv', line: 9, column: 'unit_id', value: '10001-02', code: 'unexpected-level' },
    count: 2, // D1 on commune 10001 already is
  },
];

describe('check: warnings do not fail the run', () => {
  it.each(warningCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await checkExport(c.mutate);
    expect(r.json.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.json.warnings).toContainEqual(expect.objectContaining(c.expected));
    expect(r.json.warnings.filter((w: { code: string }) => w.code === c.expected.code)).toHaveLength(c.count);
    expect(r.json.coverage).toHaveLength(3);
    expect(r.json.quarter).toBe('2017-Q4');
  });
});

describe('check: a legacy-encoded file is refused, never shown as mojibake', () => {
  it('the human summary names cadres.csv and line 2 and prints no replacement character', () => {
    const dir = makeExport((files) => {
      const [before, after] = (files['cadres.csv'] as string).split('Nguyễn');
      files['cadres.csv'] = Buffer.concat([Buffer.from(before!, 'utf8'), Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xf0, 0x6e]), Buffer.from(after!, 'utf8')]);
    });
    const r = runCheck([dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(stackTraceLines(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('2017-Q4/cadres.csv, line 2');
    expect(r.stderr).toContain('not UTF-8 or UTF-16');
    expect(r.stdout + r.stderr).not.toContain('\ufffd');
  });
});

/*
 * One mistake should give one error. Today a row with any error (even in an optional cell such
 * as households) is dropped before the files are checked against each other, so every reference
 * to its id elsewhere is then reported as "not in units.csv / cadres.csv" although it is there.
 */
const oneMistakeCases: { name: string; mutate: Mutation; expected: Record<string, unknown> }[] = [
  {
    name: 'households in words on commune 10002 does not make 10002 "not in units.csv"',
    mutate: edit('units.csv', 'Vùng 1,980', 'Vùng 1,khoảng 980'),
    expected: { file: 'units.csv', line: 6, column: 'households', value: 'khoảng 980', code: 'bad-number' },
  },
  {
    name: 'a bad level on unit 10001 does not make 10001 "not in units.csv" for its hamlets, cadres, assignments and reports',
    mutate: edit('units.csv', '10001,Xã A1,commune', '10001,Xã A1,village'),
    expected: { file: 'units.csv', line: 5, column: 'level', value: 'village', code: 'unknown-level' },
  },
  {
    name: 'a bad level on cadre D2 does not make D2 "not in cadres.csv"',
    mutate: edit('cadres.csv', 'D2,Võ Thị Năm,district', 'D2,Võ Thị Năm,ấp'),
    expected: { file: 'cadres.csv', line: 6, column: 'level', value: 'ấp', code: 'unknown-cadre-level' },
  },
  {
    name: 'an empty name for cadre P2 does not make P2 "not in cadres.csv"',
    mutate: edit('cadres.csv', 'P2,Trần Thị Hai,', 'P2,,'),
    expected: { file: 'cadres.csv', line: 3, column: 'name', value: '', code: 'required-value' },
  },
  {
    name: 'a missing level column in cadres.csv does not make every cadre "not in cadres.csv"',
    mutate: (files) => {
      edit('cadres.csv', 'cadre_id,name,level,home_unit_id', 'cadre_id,name,home_unit_id')(files);
      files['cadres.csv'] = (files['cadres.csv'] as string).replace(/,(province|district|commune),/g, ',');
    },
    expected: { file: 'cadres.csv', line: 1, column: 'level', code: 'missing-column' },
  },
];

describe('check: one mistake gives one error, not false "unknown id" errors in other files', () => {
  it.each(oneMistakeCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await checkExport(c.mutate, { lang: 'en' });
    expect(r.code).toBe(1);
    const summary = r.json.errors.map((e: { file: string; line: number; code: string; value: string }) => `${e.file}:${e.line} ${e.code} ${e.value}`);
    expect(r.json.errors[0]).toMatchObject(c.expected);
    expect(summary).toEqual([summary[0]]);
  });
});

describe('an export whose tree is not one tree', () => {
  it('rejects a second unit without a parent', async () => {
    const { code, json } = await checkExport((f) => {
      f['units.csv'] = String(f['units.csv']).replace('10002,Xã A2,commune,801,', '10002,Xã A2,commune,,');
    });
    expect(code).toBe(1);
    expect(json.errors).toContainEqual(expect.objectContaining({ file: 'units.csv', line: 6, column: 'parent_id', code: 'extra-root' }));
  });

  it('rejects a units.csv with a header and no unit', async () => {
    const { code, json } = await checkExport((f) => {
      f['units.csv'] = String(f['units.csv']).split('\n')[0]!;
      f['cadres.csv'] = String(f['cadres.csv']).split('\n')[0]!;
      f['assignments.csv'] = String(f['assignments.csv']).split('\n')[0]!;
      delete f['reports.csv'];
    });
    expect(code).toBe(1);
    expect(json.errors).toContainEqual(expect.objectContaining({ file: 'units.csv', code: 'no-units' }));
  });
});

describe('check reads data/boundaries as the build does', () => {
  const topology = (objects: unknown, arcs: unknown = [[[0, 0], [1, 0], [0, 1], [-1, -1]]]) =>
    JSON.stringify({ type: 'Topology', objects, arcs });
  it.each([
    ['not JSON (a comma too many on line 3)', 'x.geojson', '{\n  "type": "FeatureCollection",\n  "features": [],\n}\n',
      { file: 'boundaries/x.geojson', line: 4, column: '1', value: '}', code: 'boundary-json' }],
    ['a TopoJSON polygon naming an arc the file does not have', 'communes.topojson', topology({ communes: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], id: '10001' }, { type: 'Polygon', arcs: [[7]], id: '10002' }] } }),
      { file: 'boundaries/communes.topojson', line: null, column: 'objects.communes.geometries[1].arcs', value: '[[7]]', code: 'bad-topology', message: expect.stringContaining('the file has 1 arcs') }],
    ['a TopoJSON file without arcs', 'communes.topojson', JSON.stringify({ type: 'Topology', objects: {} }),
      { file: 'boundaries/communes.topojson', column: 'arcs', value: null, code: 'bad-topology', message: expect.stringContaining('must have "arcs"') }],
    ['a TopoJSON geometry of an unknown type', 'communes.topojson', topology({ communes: { type: 'Polygone', arcs: [[0]] } }),
      { file: 'boundaries/communes.topojson', column: 'objects.communes.type', value: 'Polygone', code: 'bad-topology', message: expect.stringContaining('Unknown geometry type') }],
  ])('%s: exit 1, naming the file and where in it, no JavaScript error', (_name, file, text, expected) => {
    const dir = makeExport(() => {});
    mkdirSync(join(dir, 'boundaries'));
    writeFileSync(join(dir, 'boundaries', file), text);
    const r = runCheck([dir, '--json', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.json.errors).toEqual([expect.objectContaining(expected)]);
    expect(r.json.errors[0].message).not.toMatch(/TypeError|undefined|Cannot read/);
    expect(stackTraceLines(r.stderr)).toEqual([]);
  });

  it('passes a valid TopoJSON file', () => {
    const dir = makeExport(() => {});
    mkdirSync(join(dir, 'boundaries'));
    writeFileSync(join(dir, 'boundaries/communes.topojson'), JSON.stringify({ type: 'Topology', arcs: [[[106, 10], [106.1, 10], [106, 10.1], [106, 10]]], objects: { communes: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], id: '10001' }, { type: null }] } } }));
    expect(runCheck([dir, '--json']).code).toBe(0);
  });
});
