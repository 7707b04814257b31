import type { CadreLevel, Config, CoveragePair, Problem, ReportType, Thresholds, UnitLevel } from './types.ts';
import { foldDiacritics, hasControlCharacter } from './text.ts';
import { parseCadreLevel, parseReportType, parseUnitLevel } from './vocabulary.ts';

/** The default mapping of the contract: province → commune, district → hamlet, commune → group. */
export const defaultConfig: Config = {
  coverage: [
    { cadreLevel: 'province', unitLevel: 'commune' },
    { cadreLevel: 'district', unitLevel: 'hamlet' },
    { cadreLevel: 'commune', unitLevel: 'group' },
  ],
  title: 'Nắm cơ sở',
  basePath: '/',
  tileUrl: null,
  tileAttribution: null,
  siteUrl: null,
  overdueDays: 30,
  thresholds: { attendance: 0.5, coverage: 0.9, responseDays: 15, rateChange: 0.02, countChange: 1 },
  publishNames: true,
  topicFields: {},
};

const FILE = 'config.json';

/**
 * Reads config.json's text into a Config over the defaults. Every key is optional; each
 * unknown key and each wrong value is an error of its own, naming the key and the value.
 */
export function parseConfig(text: string | null): { config: Config; problems: Problem[] } {
  const config: Config = { ...defaultConfig, coverage: [...defaultConfig.coverage], thresholds: { ...defaultConfig.thresholds }, topicFields: {} };
  if (text === null) return { config, problems: [] };
  const problems: Problem[] = [];
  const fail = (column: string, value: unknown, code: string) =>
    problems.push({ file: FILE, line: null, column, value: JSON.stringify(value) ?? String(value), code });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    problems.push({ file: FILE, line: null, column: null, value: null, code: 'config-json', params: { detail: (e as Error).message } });
    return { config, problems };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail('(root)', raw, 'config-type');
    return { config, problems };
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (!(key in defaultConfig)) fail(key, obj[key], 'config-unknown-key');
  if ('coverage' in obj) {
    const pairs = parseCoverage(obj.coverage);
    if (pairs) config.coverage = pairs;
    else fail('coverage', obj.coverage, 'config-coverage');
    if (Array.isArray(obj.coverage)) {
      obj.coverage.forEach((item: unknown, i) => {
        if (typeof item !== 'object' || item === null) return;
        const fields = item as Record<string, unknown>;
        for (const key of Object.keys(fields)) if (!PAIR_KEYS.includes(key)) fail(`coverage[${i}].${key}`, fields[key], 'config-unknown-key');
        if (!('attendanceTypes' in fields)) return;
        const types = parseAttendanceTypes(fields.attendanceTypes, (value) => fail(`coverage[${i}].attendanceTypes`, value, 'config-attendance-types'));
        if (pairs && types) pairs[i]!.attendanceTypes = types;
      });
    }
  }
  if ('title' in obj) {
    if (typeof obj.title === 'string' && obj.title.trim() !== '' && !hasControlCharacter(obj.title)) config.title = obj.title.trim();
    else fail('title', obj.title, 'config-text');
  }
  if ('basePath' in obj) {
    const base = typeof obj.basePath === 'string' ? normaliseBasePath(obj.basePath) : null;
    if (base) config.basePath = base;
    else fail('basePath', obj.basePath, 'config-base-path');
  }
  if ('tileUrl' in obj) {
    if (obj.tileUrl === null || obj.tileUrl === '') config.tileUrl = null;
    else if (typeof obj.tileUrl === 'string' && safeUrl(obj.tileUrl)) config.tileUrl = obj.tileUrl.trim();
    else fail('tileUrl', obj.tileUrl, 'config-url');
  }
  if ('tileAttribution' in obj) {
    if (obj.tileAttribution === null || (typeof obj.tileAttribution === 'string' && !hasControlCharacter(obj.tileAttribution))) config.tileAttribution = obj.tileAttribution || null;
    else fail('tileAttribution', obj.tileAttribution, 'config-text');
  }
  if ('siteUrl' in obj) {
    if (obj.siteUrl === null || obj.siteUrl === '') config.siteUrl = null;
    else {
      const origin = typeof obj.siteUrl === 'string' ? siteOrigin(obj.siteUrl) : null;
      if (origin) config.siteUrl = origin;
      else fail('siteUrl', obj.siteUrl, 'config-site-url');
    }
  }
  if ('overdueDays' in obj) {
    const v = obj.overdueDays;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) config.overdueDays = v;
    else fail('overdueDays', v, 'config-whole-number');
  }
  if ('thresholds' in obj) parseThresholds(obj.thresholds, config.thresholds, fail);
  if ('publishNames' in obj) {
    if (typeof obj.publishNames === 'boolean') config.publishNames = obj.publishNames;
    else fail('publishNames', obj.publishNames, 'config-boolean');
  }
  if ('topicFields' in obj) {
    const map = parseTopicFields(obj.topicFields);
    if (map) config.topicFields = map;
    else fail('topicFields', obj.topicFields, 'config-topic-fields');
  }
  return { config, problems };
}

/** The report types that attend a pair's due month: those configured, else the unit's meeting. */
export function attendanceTypesOf(pair: CoveragePair): readonly ReportType[] {
  return pair.attendanceTypes ?? DEFAULT_ATTENDANCE;
}

const DEFAULT_ATTENDANCE: readonly ReportType[] = ['meeting'];
const PAIR_KEYS = ['cadreLevel', 'unitLevel', 'attendanceTypes'];

/**
 * `["sinh hoạt chi bộ", "meeting"]` → the report types, each read as reports.csv reads it; each
 * wrong value is reported on its own (a list that is not a non-empty list, once, whole).
 */
function parseAttendanceTypes(value: unknown, fail: (value: unknown) => void): ReportType[] | null {
  if (!Array.isArray(value) || value.length === 0) {
    fail(value);
    return null;
  }
  const types: ReportType[] = [];
  let ok = true;
  for (const item of value) {
    const type = typeof item === 'string' ? parseReportType(item) : null;
    if (type === null) {
      fail(item);
      ok = false;
    } else if (!types.includes(type)) types.push(type);
  }
  return ok ? types : null;
}

const RATE_THRESHOLDS = ['attendance', 'coverage', 'rateChange'] as const;
const COUNT_THRESHOLDS = ['responseDays', 'countChange'] as const;

/** Each key of `thresholds` on its own: rates between 0 and 1, days and counts whole numbers. */
function parseThresholds(value: unknown, into: Thresholds, fail: (column: string, value: unknown, code: string) => void): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('thresholds', value, 'config-thresholds');
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    const column = `thresholds.${key}`;
    if ((RATE_THRESHOLDS as readonly string[]).includes(key)) {
      if (typeof v === 'number' && v >= 0 && v <= 1) into[key as (typeof RATE_THRESHOLDS)[number]] = v;
      else fail(column, v, 'config-rate');
    } else if ((COUNT_THRESHOLDS as readonly string[]).includes(key)) {
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) into[key as (typeof COUNT_THRESHOLDS)[number]] = v;
      else fail(column, v, 'config-whole-number');
    } else fail(column, v, 'config-unknown-key');
  }
}

/** `{ "giao thông": "kinh tế", "an ninh": ["quốc phòng", "an ninh"] }`, folded for matching. */
function parseTopicFields(value: unknown): Record<string, string[]> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const map: Record<string, string[]> = {};
  for (const [topic, fields] of Object.entries(value)) {
    const list = typeof fields === 'string' ? [fields] : fields;
    if (!Array.isArray(list) || list.length === 0 || !list.every((f) => typeof f === 'string' && f.trim() !== '')) return null;
    map[foldDiacritics(topic.trim())] = list.map((f: string) => foldDiacritics(f.trim()));
  }
  return map;
}

/**
 * `sub/path` → `/sub/path/`; null when the text cannot be a path on a web host (a scheme,
 * `..`, a query, a backslash, spaces or control characters).
 */
export function normaliseBasePath(raw: string): string | null {
  const trimmed = raw.trim();
  if (/[\s?#\\%:]/.test(trimmed) || /[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  const segments = trimmed.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/**
 * `https://tinhuy.example.vn` (a trailing `/` allowed) as an origin; null for anything else: another
 * scheme, a path (the path is basePath's), a query, a fragment, credentials, spaces or control characters.
 */
function siteOrigin(raw: string): string | null {
  const text = raw.trim();
  if (!/^https?:\/\/[^/?#\s@\\]+\/?$/i.test(text) || hasControlCharacter(text)) return null;
  try {
    return new URL(text).origin;
  } catch {
    return null;
  }
}

/** An `http(s)` URL or a path on the same host; never another scheme such as `javascript:`. */
function safeUrl(raw: string): boolean {
  const text = raw.trim();
  if (/[\u0000-\u001f\u007f\s]/.test(text)) return false;
  if (/^https?:\/\/[^/]/i.test(text)) return true;
  return !text.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(text);
}

function parseCoverage(value: unknown): CoveragePair[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const pairs: CoveragePair[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return null;
    const { cadreLevel, unitLevel } = item as Record<string, unknown>;
    const c: CadreLevel | null = typeof cadreLevel === 'string' ? parseCadreLevel(cadreLevel) : null;
    const u: UnitLevel | null = typeof unitLevel === 'string' ? parseUnitLevel(unitLevel) : null;
    if (!c || !u || pairs.some((p) => p.cadreLevel === c && p.unitLevel === u)) return null;
    pairs.push({ cadreLevel: c, unitLevel: u });
  }
  return pairs;
}
