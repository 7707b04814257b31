import { describe, expect, it } from 'vitest';
import { attendanceTypesOf, defaultConfig, normaliseBasePath, parseConfig } from '../../src/lib/config.ts';

describe('parseConfig(text)', () => {
  it('defaults to the contract’s mapping', () => {
    expect(parseConfig(null).config.coverage).toEqual([
      { cadreLevel: 'province', unitLevel: 'commune' },
      { cadreLevel: 'district', unitLevel: 'hamlet' },
      { cadreLevel: 'commune', unitLevel: 'group' },
    ]);
  });
  it('reads the Can Lộc model and Vietnamese level words', () => {
    const { config, problems } = parseConfig('{ "coverage": [ { "cadreLevel": "huyện", "unitLevel": "xã" } ], "publishNames": false }');
    expect(problems).toEqual([]);
    expect(config.coverage).toEqual([{ cadreLevel: 'district', unitLevel: 'commune' }]);
    expect(config.publishNames).toBe(false);
    expect(config.overdueDays).toBe(defaultConfig.overdueDays);
  });
  it('names a key of the wrong type', () => {
    const { problems } = parseConfig('{ "overdueDays": "thirty", "coverage": [ { "cadreLevel": "hamlet", "unitLevel": "group" } ] }');
    expect(problems.map((p) => p.column).sort()).toEqual(['coverage', 'overdueDays']);
  });
  it('refuses a title or an attribution holding a control character', () => {
    const { problems } = parseConfig(JSON.stringify({ title: 'Nắm\u0000cơ sở', tileAttribution: '\u0007' }));
    expect(problems.map((p) => [p.column, p.code])).toEqual([['title', 'config-text'], ['tileAttribution', 'config-text']]);
  });
  it.each([
    ['https://tinhuy.example.vn', 'https://tinhuy.example.vn'],
    ['http://10.0.0.5:8080/', 'http://10.0.0.5:8080'],
    [' HTTPS://Tinhuy.Example.VN ', 'https://tinhuy.example.vn'],
    ['https://tinhuy.example.vn/nam-co-so/', null],
    ['https://tinhuy.example.vn/?x=1', null],
    ['https://user@tinhuy.example.vn', null],
    ['javascript:alert(1)', null],
    ['//tinhuy.example.vn', null],
    ['tinhuy.example.vn', null],
  ])('siteUrl %j is read as %j', (raw, origin) => {
    const { config, problems } = parseConfig(JSON.stringify({ siteUrl: raw }));
    expect(config.siteUrl).toBe(origin);
    expect(problems.map((p) => p.code)).toEqual(origin ? [] : ['config-site-url']);
  });
  it('reports text that is not JSON', () => {
    expect(parseConfig('{ coverage: ').problems[0]).toMatchObject({ file: 'config.json', code: 'config-json' });
  });
  it('gives each wrong key its own message, naming the key and the value', () => {
    const { problems } = parseConfig(JSON.stringify({
      title: '', basePath: 'http://x/', tileUrl: 'javascript:alert(1)', tileAttribution: 5,
      overdueDays: -1, publishNames: 'no', publishName: false,
    }));
    expect(problems.map((p) => [p.column, p.code, p.value])).toEqual([
      ['publishName', 'config-unknown-key', 'false'],
      ['title', 'config-text', '""'],
      ['basePath', 'config-base-path', '"http://x/"'],
      ['tileUrl', 'config-url', '"javascript:alert(1)"'],
      ['tileAttribution', 'config-text', '5'],
      ['overdueDays', 'config-whole-number', '-1'],
      ['publishNames', 'config-boolean', '"no"'],
    ]);
  });
  it('reads the stated thresholds, keeping the defaults of keys left out', () => {
    const { config, problems } = parseConfig('{ "thresholds": { "attendance": 0.6, "responseDays": 10 } }');
    expect(problems).toEqual([]);
    expect(config.thresholds).toEqual({ ...defaultConfig.thresholds, attendance: 0.6, responseDays: 10 });
    expect(defaultConfig.thresholds.attendance).toBe(0.5);
  });
  it('gives each wrong threshold its own message', () => {
    const { config, problems } = parseConfig('{ "thresholds": { "attendance": 60, "coverage": "90%", "responseDays": 1.5, "countChange": -1, "speed": 1 } }');
    expect(problems.map((p) => [p.column, p.code, p.value])).toEqual([
      ['thresholds.attendance', 'config-rate', '60'],
      ['thresholds.coverage', 'config-rate', '"90%"'],
      ['thresholds.responseDays', 'config-whole-number', '1.5'],
      ['thresholds.countChange', 'config-whole-number', '-1'],
      ['thresholds.speed', 'config-unknown-key', '1'],
    ]);
    expect(config.thresholds).toEqual(defaultConfig.thresholds);
    expect(parseConfig('{ "thresholds": [0.5] }').problems.map((p) => p.code)).toEqual(['config-thresholds']);
  });
  it.each([
    ['https://tiles.tinhuy.local/{z}/{x}/{y}.png', true],
    ['HTTP://tiles.local/{z}/{x}/{y}.png', true],
    ['/tiles/{z}/{x}/{y}.png', true],
    ['tiles/{z}/{x}/{y}.png', true],
    ['javascript:alert(1)', false],
    [' JavaScript:alert(1)', false],
    ['data:image/png;base64,AAAA', false],
    ['//evil.example/{z}/{x}/{y}.png', false],
    ['https://', false],
    ['java\tscript:alert(1)', false],
  ])('tileUrl %j is accepted: %s', (url, ok) => {
    const { config, problems } = parseConfig(JSON.stringify({ tileUrl: url }));
    expect(problems.length === 0).toBe(ok);
    expect(config.tileUrl).toBe(ok ? url.trim() : null);
  });
  it.each([
    ['/', '/'],
    ['', '/'],
    ['tinh-uy', '/tinh-uy/'],
    ['//tinh-uy//nam-co-so', '/tinh-uy/nam-co-so/'],
    [' /a/b/ ', '/a/b/'],
    ['/a/../b/', null],
    ['https://host/a/', null],
    ['/a b/', null],
    ['/a?x=1', null],
    ['/a#x', null],
    ['\\a', null],
  ])('basePath %j is normalised to %j', (raw, expected) => {
    expect(normaliseBasePath(raw)).toBe(expected);
    expect(parseConfig(JSON.stringify({ basePath: raw })).config.basePath).toBe(expected ?? '/');
  });

  it('reads attendanceTypes per pair in English or Vietnamese; a pair without them attends meetings', () => {
    const { config, problems } = parseConfig(JSON.stringify({
      coverage: [
        { cadreLevel: 'district', unitLevel: 'commune' },
        { cadreLevel: 'xã', unitLevel: 'thôn', attendanceTypes: ['Sinh hoat chi bo', 'branch_meeting', 'dự họp'] },
      ],
    }));
    expect(problems).toEqual([]);
    expect(config.coverage[1]).toEqual({ cadreLevel: 'commune', unitLevel: 'hamlet', attendanceTypes: ['branch_meeting', 'meeting'] });
    expect(attendanceTypesOf(config.coverage[0]!)).toEqual(['meeting']);
    expect(attendanceTypesOf(config.coverage[1]!)).toEqual(['branch_meeting', 'meeting']);
  });

  it('names each wrong attendance type, and each unknown key of a pair, as an error of its own', () => {
    const { problems } = parseConfig(JSON.stringify({
      coverage: [
        { cadreLevel: 'district', unitLevel: 'commune', attendanceTypes: ['meeting', 'họp chi bộ', 3] },
        { cadreLevel: 'commune', unitLevel: 'hamlet', attendanceTypes: [] },
        { cadreLevel: 'commune', unitLevel: 'group', attendanceType: ['meeting'] },
      ],
    }));
    expect(problems.map((p) => [p.column, p.value, p.code])).toEqual([
      ['coverage[0].attendanceTypes', '"họp chi bộ"', 'config-attendance-types'],
      ['coverage[0].attendanceTypes', '3', 'config-attendance-types'],
      ['coverage[1].attendanceTypes', '[]', 'config-attendance-types'],
      ['coverage[2].attendanceType', '["meeting"]', 'config-unknown-key'],
    ]);
  });
});
