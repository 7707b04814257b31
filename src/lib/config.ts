import type { CadreLevel, Config, CoveragePair, Problem, UnitLevel } from './types.ts';
import { parseCadreLevel, parseUnitLevel } from './vocabulary.ts';

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
  overdueDays: 30,
  publishNames: true,
};

const FILE = 'config.json';

/**
 * Reads config.json's text into a Config over the defaults. Every key is optional; a key
 * of the wrong type is an error naming the key and its value.
 */
export function parseConfig(text: string | null): { config: Config; problems: Problem[] } {
  const config: Config = { ...defaultConfig, coverage: [...defaultConfig.coverage] };
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
  if ('coverage' in obj) {
    const pairs = parseCoverage(obj.coverage);
    if (pairs) config.coverage = pairs;
    else fail('coverage', obj.coverage, 'config-coverage');
  }
  for (const key of ['title', 'basePath'] as const) {
    if (key in obj) {
      if (typeof obj[key] === 'string' && obj[key] !== '') config[key] = obj[key] as string;
      else fail(key, obj[key], 'config-type');
    }
  }
  for (const key of ['tileUrl', 'tileAttribution'] as const) {
    if (key in obj) {
      if (obj[key] === null || typeof obj[key] === 'string') config[key] = (obj[key] as string | null) || null;
      else fail(key, obj[key], 'config-type');
    }
  }
  if ('overdueDays' in obj) {
    const v = obj.overdueDays;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) config.overdueDays = v;
    else fail('overdueDays', v, 'config-type');
  }
  if ('publishNames' in obj) {
    if (typeof obj.publishNames === 'boolean') config.publishNames = obj.publishNames;
    else fail('publishNames', obj.publishNames, 'config-type');
  }
  return { config, problems };
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
