import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection } from 'topojson-specification';
import { ancestorAtLevel, buildMapPayload, chooseMapLevel, featuresById } from '../../src/lib/map-payload.ts';
import type { MapLevelChoice, MapLevelUnit, MapUnitInput } from '../../src/lib/map-payload.ts';

function square(x: number, y: number, props: Record<string, unknown> | null, id?: string | number): Feature {
  return {
    type: 'Feature',
    ...(id === undefined ? {} : { id }),
    properties: props,
    geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]] },
  };
}

function fc(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

function unit(id: string, extra: Partial<MapUnitInput> = {}): MapUnitInput {
  return { id, name: `Xã ${id}`, href: `../unit/${id}/`, status: 'covered', coverage: 1, attendance: 0.5, lat: null, lon: null, parentId: '86', share: null, ...extra };
}

describe('featuresById(geo)', () => {
  it('featuresById(geojson) reads the id from properties.code', () => {
    const m = featuresById(fc([square(106, 10, { code: '29584', name: 'An Bình' })]));
    expect([...m.keys()]).toEqual(['29584']);
  });

  it('featuresById(geojson) reads the id from properties.ma and stringifies numbers', () => {
    const m = featuresById(fc([square(106, 10, { ma: 28957 })]));
    expect([...m.keys()]).toEqual(['28957']);
  });

  it('featuresById(geojson) prefers feature.id, then unit_id, id, code, ma in that order', () => {
    const m = featuresById(fc([
      square(106, 10, { code: 'x', ma: 'y' }, '00123'),
      square(106.2, 10, { unit_id: '', id: '29158', code: 'no' }),
      square(106.4, 10, { code: null, ma: '29143' }),
    ]));
    expect([...m.keys()].sort()).toEqual(['00123', '29143', '29158']);
  });

  it('featuresById(geojson) skips features without id or polygon and merges repeated ids', () => {
    const point: Feature = { type: 'Feature', properties: { code: 'p' }, geometry: { type: 'Point', coordinates: [106, 10] } };
    const m = featuresById(fc([square(106, 10, { name: 'no id' }), point, square(106, 10, { code: 'a' }), square(107, 10, { code: 'a' })]));
    expect([...m.keys()]).toEqual(['a']);
    expect(m.get('a')!.geometry.type).toBe('MultiPolygon');
  });

  it('featuresById(topology) reads every object of a TopoJSON Topology', () => {
    const topo = topology({
      communes: fc([square(106, 10, { code: '1' }), square(106.1, 10, { code: '2' })]),
      districts: fc([square(105, 10, null, 'd1')]),
    });
    const m = featuresById(topo);
    expect([...m.keys()].sort()).toEqual(['1', '2', 'd1']);
    expect(m.get('2')!.geometry.type).toBe('Polygon');
  });

  it('featuresById(other) throws a clear error', () => {
    expect(() => featuresById({ foo: 1 })).toThrow(/FeatureCollection|Topology/);
  });
});

const COMMUNES: MapLevelChoice = { followed: 'commune', drawn: 'commune', drawing: 'followed' };

describe('buildMapPayload(units, features, choice)', () => {
  const features = featuresById(fc([
    square(106, 10, { code: 'a' }),
    square(106.1, 10, { code: 'b' }),
    square(107, 11, { code: 'stranger' }),
  ]));

  it('buildMapPayload keeps the features of the units and lists those without one', () => {
    const p = buildMapPayload([unit('a'), unit('b'), unit('c', { lat: 10.5, lon: 106.5 })], features, COMMUNES);
    expect(p.version).toBe(1);
    expect(p.level).toBe('commune');
    expect(p.objectName).toBe('units');
    expect(p.missingBoundary).toEqual(['c']);
    expect(p.units.map((u) => [u.id, u.hasBoundary])).toEqual([['a', true], ['b', true], ['c', false]]);
    const geoms = (p.topology!.objects.units as GeometryCollection).geometries;
    expect(geoms.map((g) => g.id)).toEqual(['a', 'b']);
  });

  it('buildMapPayload drops a feature whose id is no unit of the level', () => {
    const p = buildMapPayload([unit('a')], features, COMMUNES);
    const fcOut = topoFeature(p.topology!, p.topology!.objects.units!) as FeatureCollection;
    expect(fcOut.features.map((f) => f.id)).toEqual(['a']);
    expect(JSON.stringify(p)).not.toContain('stranger');
  });

  it('buildMapPayload round-trips a polygon within the quantization step', () => {
    const p = buildMapPayload([unit('a')], features, COMMUNES);
    const f = (topoFeature(p.topology!, p.topology!.objects.units!) as FeatureCollection).features[0]!;
    const ring = (f.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring.length).toBe(5);
    for (const [x, y] of ring) {
      expect([106, 106.1]).toContainEqual(Math.round(x! * 1e6) / 1e6);
      expect([10, 10.1]).toContainEqual(Math.round(y! * 1e6) / 1e6);
    }
  });

  it('buildMapPayload with no feature gives a null topology', () => {
    const p = buildMapPayload([unit('z')], features, { followed: 'hamlet', drawn: null, drawing: 'points' });
    expect(p.topology).toBeNull();
    expect(p.objectName).toBeNull();
    expect(p.missingBoundary).toEqual(['z']);
  });

  it('buildMapPayload treats a feature in projected metres as missing', () => {
    const m = featuresById(fc([square(580000, 1100000, { code: 'a' })]));
    expect(buildMapPayload([unit('a')], m, COMMUNES).missingBoundary).toEqual(['a']);
  });

  it('buildMapPayload rounds the rates and keeps the unit fields', () => {
    const p = buildMapPayload([unit('a', { attendance: 2 / 3, coverage: null, name: '<img src=x onerror=alert(1)>' })], features, COMMUNES);
    expect(p.units[0]).toMatchObject({ attendance: 0.6667, coverage: null, name: '<img src=x onerror=alert(1)>', href: '../unit/a/', parentId: '86' });
  });
});

/*
 * Province P; district D1 holds communes c1 (covered), c2 (unattended), c3 (covered, with a
 * location); D2 holds c4 (unattended); D3 holds no commune; c5 (covered) sits right under P,
 * as in a two-tier export; h1 is a hamlet of c1.
 */
const tree: MapLevelUnit[] = [
  { id: 'P', level: 'province', parentId: null, lat: null, lon: null },
  { id: 'D1', level: 'district', parentId: 'P', lat: null, lon: null },
  { id: 'D2', level: 'district', parentId: 'P', lat: null, lon: null },
  { id: 'D3', level: 'district', parentId: 'P', lat: null, lon: null },
  { id: 'c1', level: 'commune', parentId: 'D1', lat: null, lon: null },
  { id: 'c2', level: 'commune', parentId: 'D1', lat: null, lon: null },
  { id: 'c3', level: 'commune', parentId: 'D1', lat: 10.2, lon: 106.3 },
  { id: 'c4', level: 'commune', parentId: 'D2', lat: null, lon: null },
  { id: 'c5', level: 'commune', parentId: 'P', lat: null, lon: null },
  { id: 'h1', level: 'hamlet', parentId: 'c1', lat: null, lon: null },
];
const covered = new Set(['c1', 'c3', 'c5']);
const byId = new Map(tree.map((u) => [u.id, u]));
const withBoundaries = (...ids: string[]) => (id: string) => ids.includes(id);

describe('ancestorAtLevel(id, level, lookup)', () => {
  it('ancestorAtLevel walks up to the unit of the level, itself included, or gives null', () => {
    const at = (id: string, level: MapLevelUnit['level']) => ancestorAtLevel(id, level, (x) => byId.get(x));
    expect([at('c1', 'district'), at('h1', 'district'), at('h1', 'province'), at('D1', 'district')]).toEqual(['D1', 'D1', 'P', 'D1']);
    expect([at('c5', 'district'), at('P', 'commune'), at('nobody', 'district')]).toEqual([null, null, null]);
  });
});

describe('chooseMapLevel(followed, units, hasBoundary)', () => {
  it('chooseMapLevel draws the followed level when any of its units has a boundary', () => {
    expect(chooseMapLevel('commune', tree, withBoundaries('c2', 'D1'))).toEqual({ followed: 'commune', drawn: 'commune', drawing: 'followed' });
  });

  it('chooseMapLevel falls back to the nearest ancestor level with boundaries, district before province', () => {
    expect(chooseMapLevel('commune', tree, withBoundaries('D2', 'P'))).toEqual({ followed: 'commune', drawn: 'district', drawing: 'ancestor' });
    expect(chooseMapLevel('commune', tree, withBoundaries('P', 'h1'))).toEqual({ followed: 'commune', drawn: 'province', drawing: 'ancestor' });
  });

  it('chooseMapLevel skips an ancestor level whose bounded areas hold no followed unit', () => {
    // D3 has a boundary but no commune: nothing of the communes would show inside it.
    expect(chooseMapLevel('commune', tree, withBoundaries('D3'))).toEqual({ followed: 'commune', drawn: null, drawing: 'points' });
  });

  it('chooseMapLevel gives points when only locations exist, and none when nothing can be drawn', () => {
    expect(chooseMapLevel('commune', tree, withBoundaries('h1'))).toEqual({ followed: 'commune', drawn: null, drawing: 'points' });
    const unplaced = tree.map((u) => ({ ...u, lat: null, lon: null }));
    expect(chooseMapLevel('commune', unplaced, withBoundaries())).toEqual({ followed: 'commune', drawn: null, drawing: 'none' });
  });
});

describe('buildMapPayload for an ancestor level', () => {
  it('buildMapPayload keeps the areas\' polygons, their counts and the followed units\' points', () => {
    const features = featuresById(fc([square(106, 10, null, 'D1'), square(106.1, 10, null, 'D2')]));
    const choice: MapLevelChoice = { followed: 'commune', drawn: 'district', drawing: 'ancestor' };
    const p = buildMapPayload([
      unit('D1', { coverage: 2 / 3, share: { covered: 2, units: 3 }, attendance: null, status: 'unattended' }),
      unit('D2', { coverage: 0, share: { covered: 0, units: 1 }, attendance: null, status: 'unattended' }),
      unit('c3', { lat: 10.2, lon: 106.3 }),
    ], features, choice);
    expect([p.level, p.followedLevel, p.drawing]).toEqual(['district', 'commune', 'ancestor']);
    expect((p.topology!.objects.units as GeometryCollection).geometries.map((g) => g.id)).toEqual(['D1', 'D2']);
    expect(p.units.map((u) => [u.id, u.coverage, u.share, u.hasBoundary])).toEqual([
      ['D1', 0.6667, { covered: 2, units: 3 }, true],
      ['D2', 0, { covered: 0, units: 1 }, true],
      ['c3', 1, null, false],
    ]);
  });
});

const REAL = fileURLToPath(new URL('../../../shared/real-data/vinh_long_86_communes_post2025.geojson', import.meta.url));

describe.skipIf(!existsSync(REAL))('buildMapPayload on real Vĩnh Long communes (needs ../shared/real-data; skipped when absent)', () => {
  it('finds the 124 communes by properties.id and shrinks the file', () => {
    const geo = JSON.parse(readFileSync(REAL, 'utf8')) as FeatureCollection;
    const byId = featuresById(geo);
    expect(byId.size).toBe(124);
    const units = geo.features.map((f) => unit(String(f.properties!.id), { name: String(f.properties!.name) }));
    const p = buildMapPayload(units, byId, COMMUNES);
    expect(p.missingBoundary).toEqual([]);
    expect((p.topology!.objects.units as GeometryCollection).geometries).toHaveLength(124);
    const size = JSON.stringify(p).length;
    expect(size).toBeLessThan(statSync(REAL).size);
  });
});

const REAL_DISTRICTS = fileURLToPath(new URL('../../../shared/real-data/ben_tre_83_province_districts_pre2025.geojson', import.meta.url));
const REAL_UNITS = fileURLToPath(new URL('../../../shared/real-data/ben_tre_83_units_2019-09-11.csv', import.meta.url));

describe.skipIf(!existsSync(REAL_DISTRICTS) || !existsSync(REAL_UNITS))('the map of real Bến Tre with district boundaries only (needs ../shared/real-data; skipped when absent)', () => {
  it('draws the 9 districts in place of the 164 communes, every commune counted in one of them', () => {
    const rows = readFileSync(REAL_UNITS, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    const tree: MapLevelUnit[] = [
      { id: '83', level: 'province', parentId: null, lat: null, lon: null },
      ...[...new Set(rows.map((r) => r[2]!))].map((id): MapLevelUnit => ({ id, level: 'district', parentId: '83', lat: null, lon: null })),
      ...rows.map((r): MapLevelUnit => ({ id: r[5]!, level: 'commune', parentId: r[2]!, lat: null, lon: null })),
    ];
    const byId = new Map(tree.map((u) => [u.id, u]));
    const features = featuresById(JSON.parse(readFileSync(REAL_DISTRICTS, 'utf8')));
    const choice = chooseMapLevel('commune', tree, (id) => features.has(id));
    expect(choice).toEqual({ followed: 'commune', drawn: 'district', drawing: 'ancestor' });

    // Every third commune covered, for a share that differs between districts.
    const communes = tree.filter((u) => u.level === 'commune');
    const shares = new Map<string, { covered: number; units: number }>();
    communes.forEach((u, i) => {
      const d = ancestorAtLevel(u.id, 'district', (x) => byId.get(x))!;
      const c = shares.get(d) ?? { covered: 0, units: 0 };
      c.units++;
      if (i % 3 === 0) c.covered++;
      shares.set(d, c);
    });
    const districts = tree.filter((u) => u.level === 'district');
    const p = buildMapPayload(districts.map((d) => {
      const c = shares.get(d.id)!;
      return unit(d.id, { coverage: c.covered / c.units, share: c, attendance: null });
    }), features, choice);
    expect(communes).toHaveLength(164);
    expect((p.topology!.objects.units as GeometryCollection).geometries).toHaveLength(9);
    expect(p.units.reduce((n, u) => n + u.share!.units, 0)).toBe(164);
    expect(p.units.reduce((n, u) => n + u.share!.covered, 0)).toBe(Math.ceil(164 / 3));
  });
});
