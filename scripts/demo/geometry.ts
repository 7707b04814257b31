import { Delaunay } from 'd3-delaunay';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { mergeArcs, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Rng } from './random.ts';

/** [lon, lat] in degrees; at 10° N a degree of longitude is close enough to one of latitude. */
export type Point = [number, number];

/** Twice the signed area: positive when the ring runs counter-clockwise (lat up). */
function signedArea(ring: Point[]): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % ring.length];
    a += x0 * y1 - x1 * y0;
  }
  return a;
}

function inside([x, y]: Point, ring: Point[]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

const distance2 = (a: Point, b: Point) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

/**
 * `count` well-spread points accepted by `accept`, by Mitchell's best candidate: of a few
 * random candidates, keep the one farthest from every point already placed (`placed` too).
 */
export function scatter(rng: Rng, count: number, ring: Point[], accept: (p: Point) => boolean, placed: Point[]): Point[] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const out: Point[] = [];
  for (let n = 0; n < count; n++) {
    let best: Point | null = null;
    let bestD = -1;
    for (let k = 0; k < 12; ) {
      const c: Point = [x0 + (x1 - x0) * rng.next(), y0 + (y1 - y0) * rng.next()];
      if (!inside(c, ring) || !accept(c)) continue;
      k++;
      const d = Math.min(Infinity, ...placed.map((p) => distance2(p, c)), ...out.map((p) => distance2(p, c)));
      if (d > bestD) [best, bestD] = [c, d];
    }
    out.push(best as Point);
  }
  return out;
}

/** A point within `radius` of `centre` and inside `ring` (the centre itself if none is found). */
export function near(rng: Rng, centre: Point, radius: number, ring: Point[]): Point {
  for (let k = 0; k < 40; k++) {
    const angle = 2 * Math.PI * rng.next();
    const r = radius * Math.sqrt(rng.next());
    const p: Point = [centre[0] + r * Math.cos(angle), centre[1] + r * Math.sin(angle)];
    if (inside(p, ring)) return p;
  }
  return centre;
}

export const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * Bends a straight Voronoi edge into a gentle curve so cells look less synthetic. The bend
 * depends only on the edge's two ends taken in a fixed order, so both neighbours of an
 * edge get the very same line and TopoJSON still finds it shared.
 */
function bend(a: Point, b: Point): Point[] {
  const flip = a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  const [p, q] = flip ? [b, a] : [a, b];
  const seed = Math.sin(p[0] * 12_989.8 + p[1] * 78_233.3 + q[0] * 37_719.1 + q[1] * 3_571.7) * 43_758.5453;
  const u = seed - Math.floor(seed);
  const [a1, a2] = [(u - 0.5) * 0.12, (((u * 7.13) % 1) - 0.5) * 0.08];
  const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
  const inner = [0.25, 0.5, 0.75].map((t): Point => {
    const off = a1 * Math.sin(Math.PI * t) + a2 * Math.sin(2 * Math.PI * t);
    return [p[0] + dx * t - dy * off, p[1] + dy * t + dx * off];
  });
  return flip ? inner.reverse() : inner;
}

/** Sutherland–Hodgman: `subject` clipped to the convex `clip` ring. */
function clipTo(subject: Point[], clip: Point[]): Point[] {
  const sign = Math.sign(signedArea(clip));
  let out = subject;
  for (let i = 0; i < clip.length && out.length; i++) {
    const a = clip[i];
    const b = clip[(i + 1) % clip.length];
    const side = (p: Point) => sign * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]));
    // The crossing is computed from the segment's ends in a fixed order, so the two cells
    // sharing a segment get bit-identical crossing points.
    const cross = (s: Point, e: Point): Point => {
      const [p, q] = s[0] < e[0] || (s[0] === e[0] && s[1] < e[1]) ? [s, e] : [e, s];
      const t = side(p) / (side(p) - side(q));
      return [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
    };
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const s = input[(j + input.length - 1) % input.length];
      const e = input[j];
      if (side(e) >= 0) {
        if (side(s) < 0) out.push(cross(s, e));
        out.push(e);
      } else if (side(s) >= 0) out.push(cross(s, e));
    }
  }
  return out;
}

export interface Cell {
  id: string;
  name: string;
  district: string;
  centre: Point;
}

export interface Area {
  id: string;
  name: string;
}

/**
 * TopoJSON with object `communes` (Voronoi cells of the centres, bent and clipped to the
 * convex `outline`) and `districts` (each district's cells merged). Rings run clockwise,
 * the d3-geo and shapefile convention.
 */
export function boundaries(cells: Cell[], outline: Point[], districts: Area[]): Topology {
  const xs = outline.map((p) => p[0]);
  const ys = outline.map((p) => p[1]);
  // A wide box keeps the unclipped cells' outer edges, which are not bent, far outside the outline.
  const box: [number, number, number, number] = [Math.min(...xs) - 1, Math.min(...ys) - 1, Math.max(...xs) + 1, Math.max(...ys) + 1];
  const voronoi = Delaunay.from(cells.map((c) => c.centre)).voronoi(box);
  const onBox = (p: Point) => p[0] === box[0] || p[0] === box[2] || p[1] === box[1] || p[1] === box[3];
  const features: Feature<Polygon, { name: string }>[] = cells.map((cell, i) => {
    const ring = (voronoi.cellPolygon(i) as Point[]).slice(0, -1);
    const bent = ring.flatMap((a, k) => {
      const b = ring[(k + 1) % ring.length];
      return onBox(a) && onBox(b) ? [a] : [a, ...bend(a, b)];
    });
    let clipped = clipTo(bent, outline).map((p): Point => [round5(p[0]), round5(p[1])]);
    if (signedArea(clipped) > 0) clipped = clipped.reverse();
    return { type: 'Feature', id: cell.id, properties: { name: cell.name }, geometry: { type: 'Polygon', coordinates: [[...clipped, clipped[0]]] } };
  });
  const collection: FeatureCollection<Polygon, { name: string }> = { type: 'FeatureCollection', features };
  // The typings of topojson-server and topojson-simplify name different versions of the Topology type.
  const weighted = presimplify(topology({ communes: collection }) as Parameters<typeof presimplify>[0]);
  // Light: drop only the least significant tenth of the bend points.
  const topo = quantize(simplify(weighted, quantile(weighted, 0.1)), 1e5);
  const communes = topo.objects.communes as GeometryCollection;
  const districtOf = new Map(cells.map((c) => [c.id, c.district]));
  topo.objects.districts = {
    type: 'GeometryCollection',
    geometries: districts.map((d) => ({
      ...mergeArcs(topo, communes.geometries.filter((g) => districtOf.get(String(g.id)) === d.id) as never),
      id: d.id,
      properties: { name: d.name },
    })),
  };
  return topo;
}
