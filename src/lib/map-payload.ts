import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryObject, Topology } from 'topojson-specification';
import { feature as topoFeature, quantize } from 'topojson-client';
import { topology as toTopology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { UnitLevel } from './types.ts';

export type MapStatus = 'covered' | 'unattended' | 'nodata';

export interface MapUnitInput {
  id: string;
  name: string;
  /** Link to the unit's page, resolved by the browser against the payload's own URL. */
  href: string;
  status: MapStatus;
  /** 0..1 share of followed sub-units covered, or 1/0 for the unit itself; null = no data. */
  coverage: number | null;
  /** 0..1 attendance rate; null = no meeting due. */
  attendance: number | null;
  lat: number | null;
  lon: number | null;
  parentId: string | null;
  /** For an area drawn in place of its followed units: how many of them are covered, of how many. */
  share: { covered: number; units: number } | null;
}

export interface MapPayloadUnit extends MapUnitInput {
  /** true when the topology holds a polygon for this unit. */
  hasBoundary: boolean;
}

/** An area of the level above the drawn units (their parents), outlined and named on the map. */
export interface MapArea {
  id: string;
  name: string;
}

export interface MapPayload {
  version: 1;
  /** Level of the units drawn as areas: the followed level, or an ancestor level when it has no boundaries. */
  level: string;
  /** Level of the units whose coverage the map shows (the first pair's). */
  followedLevel: string;
  drawing: MapDrawing;
  units: MapPayloadUnit[];
  /** One GeometryCollection object (`objectName`) whose geometries carry the unit id as `id`. */
  topology: Topology | null;
  objectName: string | null;
  /** Ids of the units that have no usable polygon (absent, empty, or not in lon/lat degrees). */
  missingBoundary: string[];
  /** The parents of the drawn units, by `parentId`: the map outlines and names them. */
  areas: MapArea[];
}

export interface MapPayloadOptions {
  /** Grid of the quantized coordinates across the bounding box (default 1e5). */
  quantization?: number;
  /** Smallest triangle kept by Visvalingam simplification, as a share of the bbox area (default 2e-7). */
  simplifyShare?: number;
}

/**
 * How the map shows the followed units: by their own boundaries; by the boundaries of the
 * nearest ancestor level, each area coloured by the share of its followed units covered; as
 * points from their lat/lon only; or not at all.
 */
export type MapDrawing = 'followed' | 'ancestor' | 'points' | 'none';

export interface MapLevelChoice {
  followed: UnitLevel;
  /** Level whose boundaries are drawn; null when there are none to draw. */
  drawn: UnitLevel | null;
  drawing: MapDrawing;
}

/** Enough of a unit to walk up the tree and to place it. */
export interface MapLevelUnit {
  id: string;
  level: UnitLevel;
  parentId: string | null;
  lat: number | null;
  lon: number | null;
}

const LEVEL_ORDER: UnitLevel[] = ['province', 'district', 'commune', 'hamlet', 'group'];

/**
 * The unit of `level` that contains unit `id` (itself when it is of that level), or null.
 *
 * @example ancestorAtLevel('10001', 'district', (id) => byId.get(id)) // '801'
 */
export function ancestorAtLevel(id: string, level: UnitLevel, lookup: (id: string) => Omit<MapLevelUnit, 'id' | 'lat' | 'lon'> | undefined): string | null {
  let current: string | null = id;
  // Bounded by the number of levels: a parent always sits higher.
  for (let step = 0; current !== null && step <= LEVEL_ORDER.length; step++) {
    const unit = lookup(current);
    if (!unit) return null;
    if (unit.level === level) return current;
    current = unit.parentId;
  }
  return null;
}

/**
 * Chooses what the map draws for the units of the followed level: their boundaries if any
 * has one; else the nearest ancestor level (district, then province) at which some of them
 * sit in an area with a boundary; else points if any has lat/lon; else nothing.
 *
 * @example chooseMapLevel('commune', units, (id) => id === '801') // { followed: 'commune', drawn: 'district', drawing: 'ancestor' }
 */
export function chooseMapLevel(followed: UnitLevel, units: MapLevelUnit[], hasBoundary: (id: string) => boolean): MapLevelChoice {
  const byId = new Map(units.map((u) => [u.id, u]));
  const followedUnits = units.filter((u) => u.level === followed);
  if (followedUnits.some((u) => hasBoundary(u.id))) return { followed, drawn: followed, drawing: 'followed' };
  for (const level of LEVEL_ORDER.slice(0, LEVEL_ORDER.indexOf(followed)).reverse()) {
    const inArea = followedUnits.some((u) => {
      const area = ancestorAtLevel(u.id, level, (id) => byId.get(id));
      return area !== null && hasBoundary(area);
    });
    if (inArea) return { followed, drawn: level, drawing: 'ancestor' };
  }
  if (followedUnits.some(hasLocation)) return { followed, drawn: null, drawing: 'points' };
  return { followed, drawn: null, drawing: 'none' };
}

export function hasLocation(u: { lat: number | null; lon: number | null }): boolean {
  return u.lat !== null && u.lon !== null && Number.isFinite(u.lat) && Number.isFinite(u.lon);
}

const OBJECT_NAME = 'units';
const ID_PROPERTIES = ['unit_id', 'id', 'code', 'ma'] as const;

function present(v: unknown): v is string | number {
  return (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isFinite(v));
}

function featureUnitId(f: Feature): string | null {
  if (present(f.id)) return String(f.id).trim();
  const props = f.properties ?? {};
  for (const key of ID_PROPERTIES) {
    const v = props[key];
    if (present(v)) return String(v).trim();
  }
  return null;
}

function polygonsOf(g: Geometry | null): Position[][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

function isTopology(x: unknown): x is Topology {
  return typeof x === 'object' && x !== null && (x as { type?: unknown }).type === 'Topology'
    && typeof (x as { objects?: unknown }).objects === 'object';
}

function asFeatures(geo: unknown): Feature[] {
  if (isTopology(geo)) {
    return Object.values(geo.objects).flatMap((obj) => {
      const out = topoFeature(geo, obj as GeometryObject) as Feature | FeatureCollection;
      return out.type === 'FeatureCollection' ? out.features : [out];
    });
  }
  const t = (geo as { type?: unknown } | null)?.type;
  if (t === 'FeatureCollection') return (geo as FeatureCollection).features ?? [];
  if (t === 'Feature') return [geo as Feature];
  throw new Error('boundary file is neither a GeoJSON FeatureCollection nor a TopoJSON Topology');
}

/**
 * Indexes the polygons of a GeoJSON FeatureCollection (or Feature) or of every object of a
 * TopoJSON Topology by unit id: the feature's `id`, else its `unit_id`, `id`, `code` or `ma`
 * property (the first present), as a string. Non-polygon features and features with no id are
 * skipped; several features with the same id are merged into one MultiPolygon.
 *
 * @example featuresById({ type: 'FeatureCollection', features: [{ …, properties: { ma: 29584 } }] }).has('29584') // true
 */
export function featuresById(geo: unknown): Map<string, Feature> {
  const polygons = new Map<string, Position[][][]>();
  for (const f of asFeatures(geo)) {
    if (!f || f.type !== 'Feature') continue;
    const id = featureUnitId(f);
    const polys = polygonsOf(f.geometry);
    if (id === null || polys.length === 0) continue;
    const seen = polygons.get(id);
    if (seen) seen.push(...polys);
    else polygons.set(id, [...polys]);
  }
  const out = new Map<string, Feature>();
  for (const [id, polys] of polygons) {
    const geometry: Polygon | MultiPolygon = polys.length === 1
      ? { type: 'Polygon', coordinates: polys[0]! }
      : { type: 'MultiPolygon', coordinates: polys };
    out.set(id, { type: 'Feature', id, properties: {}, geometry });
  }
  return out;
}

/** Bounding box of a polygonal feature, or null when it has no finite coordinate. */
function bboxOf(f: Feature): [number, number, number, number] | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const poly of polygonsOf(f.geometry)) {
    for (const ring of poly) {
      for (const p of ring) {
        const x = p[0]!, y = p[1]!;
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x0 <= x1 ? [x0, y0, x1, y1] : null;
}

// A file in a projected CRS (VN-2000 metres) would draw nowhere on a Leaflet map: treat as missing.
function inDegrees(b: [number, number, number, number]): boolean {
  return b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90;
}

/** Whether a feature can be drawn on a Leaflet map: it has coordinates, all in lon/lat degrees. */
export function isDrawable(f: Feature): boolean {
  const b = bboxOf(f);
  return b !== null && inDegrees(b);
}

function round4(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : Math.round(x * 1e4) / 1e4;
}

/**
 * Builds the JSON that a coverage map loads: the units (in input order) and the polygons of
 * those that have one, as a simplified, quantized TopoJSON topology with one object
 * (`units`) whose geometries carry the unit id. Features of other units are dropped;
 * units without a usable feature are listed in `missingBoundary` (they may still be drawn
 * as points from their lat/lon). `choice` says which level the areas are (see chooseMapLevel);
 * `areas` names the units' parents, which the map outlines from the shared borders.
 *
 * @example buildMapPayload(units, featuresById(geojson), { followed: 'commune', drawn: 'commune', drawing: 'followed' }).missingBoundary // ['29999']
 */
export function buildMapPayload(
  units: MapUnitInput[],
  features: Map<string, Feature>,
  choice: MapLevelChoice,
  options: MapPayloadOptions = {},
  areas: MapArea[] = [],
): MapPayload {
  const quantization = options.quantization ?? 1e5;
  const share = options.simplifyShare ?? 2e-7;
  const kept: Feature[] = [];
  const missingBoundary: string[] = [];
  const hasBoundary = new Set<string>();
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const u of units) {
    const f = features.get(u.id);
    const b = f ? bboxOf(f) : null;
    if (!f || !b || !inDegrees(b) || hasBoundary.has(u.id)) {
      if (!hasBoundary.has(u.id)) missingBoundary.push(u.id);
      continue;
    }
    hasBoundary.add(u.id);
    // Only the id travels: names and figures are in `units`, once.
    kept.push({ type: 'Feature', id: u.id, properties: null, geometry: f.geometry });
    x0 = Math.min(x0, b[0]); y0 = Math.min(y0, b[1]); x1 = Math.max(x1, b[2]); y1 = Math.max(y1, b[3]);
  }

  let topology: Topology | null = null;
  if (kept.length > 0) {
    const raw = toTopology({ [OBJECT_NAME]: { type: 'FeatureCollection', features: kept } as FeatureCollection });
    // Threshold relative to the extent, so a province and a single commune simplify alike.
    const minWeight = Math.max((x1 - x0) * (y1 - y0), 1e-12) * share;
    // The two @types packages spell the default properties type differently; the object is the same.
    topology = quantize(simplify(presimplify(raw as Parameters<typeof presimplify>[0]), minWeight), quantization) as Topology;
  }

  return {
    version: 1,
    level: choice.drawn ?? choice.followed,
    followedLevel: choice.followed,
    drawing: choice.drawing,
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      href: u.href,
      status: u.status,
      coverage: round4(u.coverage),
      attendance: round4(u.attendance),
      lat: u.lat,
      lon: u.lon,
      parentId: u.parentId,
      share: u.share,
      hasBoundary: hasBoundary.has(u.id),
    })),
    topology,
    objectName: topology ? OBJECT_NAME : null,
    missingBoundary,
    areas,
  };
}
