import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection } from 'topojson-specification';
import { buildMapPayload, featuresById } from '../../src/lib/map-payload.ts';
import type { MapUnitInput } from '../../src/lib/map-payload.ts';

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
  return { id, name: `Xã ${id}`, href: `../unit/${id}/`, status: 'covered', coverage: 1, attendance: 0.5, lat: null, lon: null, parentId: '86', ...extra };
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

describe('buildMapPayload(units, features, level)', () => {
  const features = featuresById(fc([
    square(106, 10, { code: 'a' }),
    square(106.1, 10, { code: 'b' }),
    square(107, 11, { code: 'stranger' }),
  ]));

  it('buildMapPayload keeps the features of the units and lists those without one', () => {
    const p = buildMapPayload([unit('a'), unit('b'), unit('c', { lat: 10.5, lon: 106.5 })], features, 'commune');
    expect(p.version).toBe(1);
    expect(p.level).toBe('commune');
    expect(p.objectName).toBe('units');
    expect(p.missingBoundary).toEqual(['c']);
    expect(p.units.map((u) => [u.id, u.hasBoundary])).toEqual([['a', true], ['b', true], ['c', false]]);
    const geoms = (p.topology!.objects.units as GeometryCollection).geometries;
    expect(geoms.map((g) => g.id)).toEqual(['a', 'b']);
  });

  it('buildMapPayload drops a feature whose id is no unit of the level', () => {
    const p = buildMapPayload([unit('a')], features, 'commune');
    const fcOut = topoFeature(p.topology!, p.topology!.objects.units!) as FeatureCollection;
    expect(fcOut.features.map((f) => f.id)).toEqual(['a']);
    expect(JSON.stringify(p)).not.toContain('stranger');
  });

  it('buildMapPayload round-trips a polygon within the quantization step', () => {
    const p = buildMapPayload([unit('a')], features, 'commune');
    const f = (topoFeature(p.topology!, p.topology!.objects.units!) as FeatureCollection).features[0]!;
    const ring = (f.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring.length).toBe(5);
    for (const [x, y] of ring) {
      expect([106, 106.1]).toContainEqual(Math.round(x! * 1e6) / 1e6);
      expect([10, 10.1]).toContainEqual(Math.round(y! * 1e6) / 1e6);
    }
  });

  it('buildMapPayload with no feature gives a null topology', () => {
    const p = buildMapPayload([unit('z')], features, 'hamlet');
    expect(p.topology).toBeNull();
    expect(p.objectName).toBeNull();
    expect(p.missingBoundary).toEqual(['z']);
  });

  it('buildMapPayload treats a feature in projected metres as missing', () => {
    const m = featuresById(fc([square(580000, 1100000, { code: 'a' })]));
    expect(buildMapPayload([unit('a')], m, 'commune').missingBoundary).toEqual(['a']);
  });

  it('buildMapPayload rounds the rates and keeps the unit fields', () => {
    const p = buildMapPayload([unit('a', { attendance: 2 / 3, coverage: null, name: '<img src=x onerror=alert(1)>' })], features, 'commune');
    expect(p.units[0]).toMatchObject({ attendance: 0.6667, coverage: null, name: '<img src=x onerror=alert(1)>', href: '../unit/a/', parentId: '86' });
  });
});

const REAL = fileURLToPath(new URL('../../../shared/real-data/vinh_long_86_communes_post2025.geojson', import.meta.url));

describe.skipIf(!existsSync(REAL))('buildMapPayload on real Vĩnh Long communes (needs ../shared/real-data; skipped when absent)', () => {
  it('finds the 124 communes by properties.id and shrinks the file', () => {
    const geo = JSON.parse(readFileSync(REAL, 'utf8')) as FeatureCollection;
    const byId = featuresById(geo);
    expect(byId.size).toBe(124);
    const units = geo.features.map((f) => unit(String(f.properties!.id), { name: String(f.properties!.name) }));
    const p = buildMapPayload(units, byId, 'commune');
    expect(p.missingBoundary).toEqual([]);
    expect((p.topology!.objects.units as GeometryCollection).geometries).toHaveLength(124);
    const size = JSON.stringify(p).length;
    expect(size).toBeLessThan(statSync(REAL).size);
  });
});
