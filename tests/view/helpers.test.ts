import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/load.ts';
import { buildSiteModel } from '../../src/lib/model/build-site-model.ts';
import type { SiteModel } from '../../src/lib/model/types.ts';
import { coverageByLevelSvg, trendSvg } from '../../src/view/charts.ts';
import { mapPayload, searchIndex } from '../../src/view/data-files.ts';
import { pageUnitOf, pairLabel, placeTitle } from '../../src/view/labels.ts';
import { kindTitle } from '../../src/view/unit-title.ts';
import { strings } from '../../src/lib/i18n.ts';
import { memorySource } from '../memory-source.ts';

const dir = 'tests/fixtures/tiny/exports/2017-Q4';
const files = Object.fromEntries(readdirSync(dir).map((f) => [`d/exports/2017-Q4/${f}`, readFileSync(join(dir, f))]));

/** The page helpers are functions of the model they are given: here the tiny fixture's. */
describe('page helpers on the tiny model', () => {
  let model: SiteModel;
  beforeAll(async () => {
    model = buildSiteModel({ loaded: await loadData('d', memorySource(files)), builtAt: '2018-01-15T00:00:00.000Z', files: [], boundaryIds: new Set() });
  });

  it('labels pairs and places', () => {
    expect(pairLabel(model, 0, 'en')).toBe('Provincial cadres following communes');
    expect(placeTitle(model, '10001-01-01', 'vi')).toBe('Tổ 1, Ấp A1-1 (Xã A1)');
    expect(pageUnitOf(model, '10001-01-01')!.id).toBe('10001-01');
  });

  it('describes the worst-covered pair in the coverage chart, from the model’s rate', () => {
    // commune → group: 0 of 1 group covered.
    expect(model.root.coverage[2]!.coverageRate).toBe(0);
    expect(coverageByLevelSvg(model, 'en').wide).toContain('<desc id="coverage-by-level-desc">Commune cadres following residents&#39; groups: 0.0%</desc>');
  });

  it('lays each chart out for a laptop and for a phone, with ids of their own and the same texts', () => {
    const { wide, narrow } = coverageByLevelSvg(model, 'en');
    expect(wide).toMatch(/viewBox="0 0 640 /);
    expect(narrow).toMatch(/viewBox="0 0 360 /);
    expect(narrow).toContain('<desc id="coverage-by-level-narrow-desc">Commune cadres following residents&#39; groups: 0.0%</desc>');
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(wide).filter((id) => ids(narrow).includes(id))).toEqual([]);
  });

  it('draws the trend from each quarter’s root figures', () => {
    expect(trendSvg(model, 'en').wide).toContain('2017-Q4');
  });

  it('links search entries to their pages, relative to the index', () => {
    const rows = searchIndex(model, 'en').rows;
    // Tier 3: a hamlet ranks after provinces, districts and communes; its name carries no kind word.
    expect(rows.find((r) => r[1] === '10001-01')).toEqual(['u', '10001-01', 'Ấp A1-1', 'Hamlet · Xã A1', '../en/unit/10001-01/', 'ap a1 1', 3, 0]);
    expect(rows.find((r) => r[1] === 'P1')![4]).toBe('../en/cadre/P1/');
    // Commune cadres have no page: their home commune's page.
    expect(rows.find((r) => r[1] === 'C1')![4]).toBe('../en/unit/10001/');
  });

  it('lists the map level’s units without a boundary in the map payload', () => {
    expect(mapPayload(model, new Map(), 'vi')!.missingBoundary).toEqual(['10001', '10002', '10003']);
  });
});

describe('kindTitle', () => {
  it('names a ward a ward in Vietnamese and by its level in English', () => {
    const ward = { kind: 'phường', level: 'commune' as const };
    expect(kindTitle(ward, 'vi')).toBe('Phường');
    expect(kindTitle(ward, 'en')).toBe(strings.en.levelTitle.commune);
    expect(kindTitle({ kind: null, level: 'district' }, 'vi')).toBe(strings.vi.levelTitle.district);
  });
});
