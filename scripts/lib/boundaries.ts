import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { featuresById, isDrawable } from '../../src/lib/map-payload.ts';
import type { Problem } from '../../src/lib/types.ts';

/**
 * Reads every GeoJSON/TopoJSON file of data/boundaries into features by unit id, keeping only
 * those a map can draw, so that the level the map chooses is one it can show. `check` and `build`
 * both read them here, so a file that would stop the build stops the check too.
 */
export function readBoundaries(dir: string): { features: Map<string, Feature>; errors: Problem[] } {
  const features = new Map<string, Feature>();
  const errors: Problem[] = [];
  if (!existsSync(dir)) return { features, errors };
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(geo|topo)?json$/i.test(name)) continue;
    const file = `boundaries/${name}`;
    const text = readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, '');
    let geo: unknown;
    try {
      geo = JSON.parse(text);
    } catch (e) {
      errors.push(jsonProblem(file, text, (e as Error).message));
      continue;
    }
    const bad = topologyProblem(geo);
    if (bad) {
      errors.push({ file, line: null, column: bad.path, value: snippet(bad.value), code: 'bad-topology', params: { reason: bad.reason, ...bad.params } });
      continue;
    }
    try {
      for (const [id, feature] of featuresById(geo)) {
        if (isDrawable(feature)) features.set(id, feature);
      }
    } catch (e) {
      errors.push({ file, line: null, column: null, value: null, code: 'bad-boundary', params: { detail: (e as Error).message } });
    }
  }
  return { features, errors };
}

/** Where JSON.parse stopped, as line and column, with the text there. */
function jsonProblem(file: string, text: string, message: string): Problem {
  const at = /position (\d+)/.exec(message);
  const position = at ? Number(at[1]) : text.length;
  const before = text.slice(0, position).split('\n');
  return { file, line: before.length, column: String(before.at(-1)!.length + 1), value: snippet(text.slice(position, position + 40).split('\n')[0]!), code: 'boundary-json' };
}

function snippet(value: unknown): string | null {
  if (value === undefined) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

interface TopologyProblem {
  path: string;
  value: unknown;
  reason: 'objects' | 'arcs' | 'transform' | 'type' | 'arc-index';
  params?: Record<string, number>;
}

const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isPosition = (p: unknown) => Array.isArray(p) && p.length >= 2 && p.every(isNumber);

/**
 * The first thing in a TopoJSON Topology that topojson-client would stumble on (it throws a bare
 * TypeError), named by its path in the file; null for anything else (GeoJSON is read as it is).
 */
export function topologyProblem(geo: unknown): TopologyProblem | null {
  if (typeof geo !== 'object' || geo === null || (geo as { type?: unknown }).type !== 'Topology') return null;
  const topo = geo as Record<string, unknown>;
  if (typeof topo.objects !== 'object' || topo.objects === null || Array.isArray(topo.objects)) return { path: 'objects', value: topo.objects, reason: 'objects' };
  if (!Array.isArray(topo.arcs)) return { path: 'arcs', value: topo.arcs, reason: 'arcs' };
  const arcs = topo.arcs as unknown[];
  for (let i = 0; i < arcs.length; i++) {
    const arc = arcs[i];
    if (!Array.isArray(arc) || !arc.every(isPosition)) return { path: `arcs[${i}]`, value: arc, reason: 'arcs' };
  }
  if ('transform' in topo && topo.transform !== undefined) {
    const t = topo.transform as { scale?: unknown; translate?: unknown } | null;
    if (!t || !isPosition(t.scale) || !isPosition(t.translate)) return { path: 'transform', value: topo.transform, reason: 'transform' };
  }
  const arcIndex = (i: unknown) => Number.isInteger(i) && ((i as number) >= 0 ? (i as number) : ~(i as number)) < arcs.length;
  const lines = (v: unknown, depth: number): boolean =>
    Array.isArray(v) && (depth === 0 ? v.every(arcIndex) : v.every((x) => lines(x, depth - 1)));
  const depthOf: Record<string, number> = { LineString: 0, MultiLineString: 1, Polygon: 1, MultiPolygon: 2 };
  const check = (g: unknown, path: string): TopologyProblem | null => {
    const type = (g as { type?: unknown } | null)?.type;
    if (type === null || type === undefined) return (g as object | null) && typeof g === 'object' ? null : { path, value: g, reason: 'type' };
    if (type === 'GeometryCollection') {
      const list = (g as { geometries?: unknown }).geometries;
      if (!Array.isArray(list)) return { path: `${path}.geometries`, value: list, reason: 'type' };
      for (let i = 0; i < list.length; i++) {
        const bad = check(list[i], `${path}.geometries[${i}]`);
        if (bad) return bad;
      }
      return null;
    }
    const coordinates = (g as { coordinates?: unknown }).coordinates;
    if (type === 'Point') return isPosition(coordinates) ? null : { path: `${path}.coordinates`, value: coordinates, reason: 'type' };
    if (type === 'MultiPoint') return Array.isArray(coordinates) && coordinates.every(isPosition) ? null : { path: `${path}.coordinates`, value: coordinates, reason: 'type' };
    if (typeof type !== 'string' || !(type in depthOf)) return { path: `${path}.type`, value: type, reason: 'type' };
    const refs = (g as { arcs?: unknown }).arcs;
    return lines(refs, depthOf[type]!) ? null : { path: `${path}.arcs`, value: refs, reason: 'arc-index', params: { arcs: arcs.length } };
  };
  for (const [name, object] of Object.entries(topo.objects as Record<string, unknown>)) {
    const bad = check(object, `objects.${name}`);
    if (bad) return bad;
  }
  return null;
}
