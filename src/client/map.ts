// Browser side of coverage-map.astro: loads a map payload and draws it with Leaflet.
// Offline by design: no tile layer unless the site configures an internal tile server,
// no marker images (circle markers only), Leaflet's CSS a file of the site.
import leafletCss from 'leaflet/dist/leaflet.css?url';
import L from 'leaflet';
import { feature as topoFeature, merge, mesh } from 'topojson-client';
import type { Feature, FeatureCollection } from 'geojson';
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import { escapeHtml } from '../lib/escape.ts';
import type { MapPayload, MapPayloadUnit, MapStatus } from '../lib/map-payload.ts';

type Mode = 'coverage' | 'attendance';

/** The visual encoding, defined once in coverage-map.astro (which also draws the legend from it). */
export interface MapStyleSpec {
  status: Record<MapStatus, { fill: string; stroke: string; weight: number; dash: string | null }>;
  /** Upper bounds of the attendance classes except the last, e.g. [0.2, 0.4, 0.6, 0.8]. */
  attendanceBreaks: number[];
  /** One colour per class, lowest class first: attendanceBreaks.length + 1 of them. */
  attendanceColours: string[];
  attendanceStroke: string;
  /** Classes of an area's share of followed units covered, when areas stand in for them. */
  shareBreaks: number[];
  shareColours: string[];
  shareStroke: string;
  pointRadius: number;
  /** Radius of a point drawn over areas that stand in for its level. */
  areaPointRadius: number;
  pointDash: string;
  /** The line of the areas above the drawn units (districts around communes). */
  areaOutline: { colour: string; weight: number };
}

/** Texts the script needs; the component fills them in the page's language. */
export interface MapScriptLabels {
  status: Record<MapStatus, string>;
  coverage: string;
  attendance: string;
  noBoundary: string;
  /** `{n}` is replaced by the number of units that have neither boundary nor location. */
  notShown: string;
  error: string;
  region: string;
  /** Tooltip prefix of an area's share of followed units covered. */
  share: string;
  /** Title of the share legend, by followed level. */
  shareTitle: Record<string, string>;
  /** Shown in place of the map when nothing can be drawn. */
  empty: string;
}

const fillOpacity = 0.8;
/** Shapes drawn per task; a province's 164 communes take nine. */
const BATCH = 20;

/** Lets the browser paint and answer input between two pieces of work. */
function pause(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}

function classColour(breaks: number[], colours: string[], x: number): string {
  let i = 0;
  while (i < breaks.length && x >= breaks[i]!) i++;
  return colours[i]!;
}

function styleFor(spec: MapStyleSpec, u: MapPayloadUnit, mode: Mode): L.PathOptions {
  // An area standing in for its followed units: coloured by the share of them covered.
  if (u.share && u.coverage !== null) {
    return { fillColor: classColour(spec.shareBreaks, spec.shareColours, u.coverage), color: spec.shareStroke, weight: 1, dashArray: '', fillOpacity: 0.9, opacity: 1 };
  }
  if (mode === 'attendance') {
    if (u.attendance === null) {
      const s = spec.status.nodata;
      return { fillColor: s.fill, color: s.stroke, weight: s.weight, dashArray: s.dash ?? undefined, fillOpacity, opacity: 1 };
    }
    // dashArray '' clears a dash left over from the other mode.
    return { fillColor: classColour(spec.attendanceBreaks, spec.attendanceColours, u.attendance), color: spec.attendanceStroke, weight: 0.75, dashArray: '', fillOpacity: 0.9, opacity: 1 };
  }
  const s = spec.status[u.status] ?? spec.status.nodata;
  return { fillColor: s.fill, color: s.stroke, weight: s.weight, dashArray: s.dash ?? '', fillOpacity, opacity: 1 };
}

function pointStyleFor(spec: MapStyleSpec, u: MapPayloadUnit, mode: Mode, overAreas: boolean): L.CircleMarkerOptions {
  // Same fill as a polygon, but always a dashed outline: the unit has no boundary.
  const base = styleFor(spec, u, mode);
  return { ...base, radius: overAreas ? spec.areaPointRadius : spec.pointRadius, dashArray: spec.pointDash, weight: Math.max(2, base.weight ?? 2), color: '#222' };
}

function percent(lang: string, x: number | null): string {
  if (x === null) return '–';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(x);
}

/** Tooltip content as DOM nodes: names come from the data and are never parsed as HTML. */
function tooltipNode(u: MapPayloadUnit, labels: MapScriptLabels, lang: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'coverage-map__tip';
  const name = document.createElement('strong');
  name.textContent = u.name;
  box.append(name);
  const line = (text: string) => {
    const p = document.createElement('div');
    p.textContent = text;
    box.append(p);
  };
  if (u.share) {
    line(shareText(u, labels, lang));
    if (!u.hasBoundary) line(labels.noBoundary);
    return box;
  }
  line(labels.status[u.status] ?? labels.status.nodata);
  if (u.coverage !== null && u.coverage > 0 && u.coverage < 1) line(`${labels.coverage}: ${percent(lang, u.coverage)}`);
  line(`${labels.attendance}: ${percent(lang, u.attendance)}`);
  if (!u.hasBoundary) line(labels.noBoundary);
  return box;
}

/** `Share: 67% (2/3)`; the share comes computed in the payload. */
function shareText(u: MapPayloadUnit, labels: MapScriptLabels, lang: string): string {
  const n = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return u.share && u.share.units > 0
    ? `${labels.share}: ${percent(lang, u.coverage)} (${n.format(u.share.covered)}/${n.format(u.share.units)})`
    : labels.status.nodata;
}

function accessibleName(u: MapPayloadUnit, labels: MapScriptLabels, lang: string): string {
  if (u.share) return `${u.name}: ${shareText(u, labels, lang)}`;
  return `${u.name}: ${labels.status[u.status] ?? labels.status.nodata}; ${labels.attendance} ${percent(lang, u.attendance)}`;
}

/** Resolves a unit's href against the payload's URL; refuses anything but http(s)/file. */
function unitUrl(href: string, base: URL): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return ['http:', 'https:', 'file:'].includes(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

function located(u: MapPayloadUnit): boolean {
  return u.lat !== null && u.lon !== null && Number.isFinite(u.lat) && Number.isFinite(u.lon);
}

function parseJson<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * The borders of the areas above the drawn units (districts around communes), taken from the
 * units' shared arcs: an arc is drawn where its two sides have different parents, or where it
 * has one side only. Each area's name sits at the middle of its merged shape. Neither takes
 * the pointer, so the communes under them stay hoverable and clickable.
 */
async function drawAreas(map: L.Map, payload: MapPayload, units: Map<string, MapPayloadUnit>, spec: MapStyleSpec): Promise<number> {
  const topology = payload.topology as Topology | null;
  const object = payload.objectName ? topology?.objects[payload.objectName] : undefined;
  if (!topology || !object || object.type !== 'GeometryCollection' || payload.drawing !== 'followed') return 0;
  const shown = { type: 'GeometryCollection', geometries: object.geometries.filter((g) => units.has(String(g.id))) } as GeometryCollection;
  const parent = (g: { id?: string | number }) => units.get(String(g.id))?.parentId ?? null;
  const names = new Map((payload.areas ?? []).map((a) => [a.id, a.name]));
  if (shown.geometries.length === 0 || names.size === 0) return 0;

  map.createPane('areaOutlines').classList.add('coverage-map__areas');
  map.createPane('areaLabels').classList.add('coverage-map__areas');
  const borders = mesh(topology, shown, (a, b) => a === b || parent(a) !== parent(b));
  L.geoJSON(borders, { pane: 'areaOutlines', interactive: false, style: { color: spec.areaOutline.colour, weight: spec.areaOutline.weight, fill: false } }).addTo(map);

  const labels: HTMLElement[] = [];
  for (const [id, name] of names) {
    const parts = shown.geometries.filter((g) => parent(g) === id);
    if (parts.length === 0) continue;
    await pause();
    const bounds = L.geoJSON(merge(topology, parts as (Polygon | MultiPolygon)[])).getBounds();
    if (!bounds.isValid()) continue;
    const label = document.createElement('span');
    label.textContent = name;
    const icon = L.divIcon({ className: 'coverage-map__area-label', html: label, iconSize: [0, 0] });
    const marker = L.marker(bounds.getCenter(), { icon, pane: 'areaLabels', interactive: false, keyboard: false }).addTo(map);
    // The names are in the page's text already: the map's labels are for the eye.
    marker.getElement()?.setAttribute('aria-hidden', 'true');
    labels.push(label);
  }
  // Zoomed out on a phone the names would overprint: a name that would cover one already shown waits for a closer zoom.
  const declutter = () => {
    const shown: DOMRect[] = [];
    for (const label of labels) {
      const box = label.getBoundingClientRect();
      const clash = shown.some((b) => box.left < b.right && b.left < box.right && box.top < b.bottom && b.top < box.bottom);
      label.classList.toggle('is-covered', clash);
      if (!clash) shown.push(box);
    }
  };
  declutter();
  map.on('zoomend', declutter);
  return labels.length;
}

/**
 * The map takes the wheel and one-finger drags only once it is clicked or focused, so the page
 * scrolls past it; until then a wheel or a touch over it shows a hint. Focus leaving the map
 * gives the wheel back to the page.
 */
function holdGestures(map: L.Map, root: HTMLElement, canvas: HTMLElement): void {
  let timer = 0;
  const setActive = (on: boolean) => {
    if (on) {
      map.scrollWheelZoom.enable();
      map.dragging.enable();
      delete root.dataset.mapHint;
    } else {
      map.scrollWheelZoom.disable();
      map.dragging.disable();
    }
    root.dataset.mapActive = String(on);
  };
  const hint = (kind: 'wheel' | 'touch') => {
    if (root.dataset.mapActive === 'true') return;
    root.dataset.mapHint = kind;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => delete root.dataset.mapHint, 2000);
  };
  setActive(false);
  canvas.addEventListener('focusin', () => setActive(true));
  canvas.addEventListener('focusout', (e) => {
    if (!(e.relatedTarget instanceof Node && canvas.contains(e.relatedTarget))) setActive(false);
  });
  canvas.addEventListener('wheel', () => hint('wheel'), { passive: true });
  canvas.addEventListener('touchstart', (e) => { if (e.touches.length === 1) hint('touch'); }, { passive: true });
}

async function initMap(root: HTMLElement): Promise<void> {
  const canvas = root.querySelector<HTMLElement>('[data-map-canvas]') ?? root;
  const status = root.querySelector<HTMLElement>('[data-map-status]');
  const labels = parseJson<MapScriptLabels>(root.dataset.labels, {} as MapScriptLabels);
  const spec = parseJson<MapStyleSpec>(root.dataset.style, {} as MapStyleSpec);
  const focus = parseJson<string[] | null>(root.dataset.focus, null);
  const lang = root.dataset.lang ?? 'vi';
  const tileUrl = root.dataset.tileUrl || null;
  const payloadUrl = root.dataset.payloadUrl ?? '';
  // The URL is used as given (relative to the page), so the site works under any base path.
  const base = new URL(payloadUrl, document.baseURI);

  let payload: MapPayload;
  try {
    const res = await fetch(base);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    payload = (await res.json()) as MapPayload;
  } catch (err) {
    if (status) status.textContent = labels.error ?? 'Map data could not be loaded.';
    root.dataset.mapError = String(err);
    return;
  }

  await pause();
  const wanted = focus ? new Set(focus.map(String)) : null;
  const units = new Map<string, MapPayloadUnit>();
  for (const u of payload.units) if (!wanted || wanted.has(u.id)) units.set(u.id, u);

  const features: Feature[] = [];
  if (payload.topology && payload.objectName && payload.topology.objects[payload.objectName]) {
    const fc = topoFeature(payload.topology, payload.topology.objects[payload.objectName] as GeometryObject) as Feature | FeatureCollection;
    for (const f of fc.type === 'FeatureCollection' ? fc.features : [fc]) {
      if (f.id !== undefined && units.has(String(f.id))) features.push(f);
    }
  }

  // Nothing to place: a short message instead of an empty box.
  if (features.length === 0 && ![...units.values()].some(located)) {
    root.dataset.mapEmpty = 'true';
    if (status) status.textContent = labels.empty ?? '';
    root.dataset.featureCount = '0';
    root.dataset.pointCount = '0';
    root.dataset.mapReady = 'true';
    return;
  }

  // Areas stand in for the followed units: one colouring (their share), its own legend.
  const overAreas = payload.drawing === 'ancestor';
  if (overAreas) {
    root.dataset.mapDrawing = 'ancestor';
    const title = root.querySelector<HTMLElement>('[data-share-title]');
    if (title) title.textContent = labels.shareTitle?.[payload.followedLevel] ?? '';
  }

  const map = L.map(canvas, { zoomSnap: 0.25, attributionControl: false, keyboard: true, scrollWheelZoom: false, dragging: false });
  holdGestures(map, root, canvas);
  map.on('zoomend', () => { root.dataset.mapZoom = String(map.getZoom()); });
  if (tileUrl) {
    L.control.attribution({ prefix: false }).addTo(map);
    // Leaflet writes attribution as HTML: keep the configured text plain.
    L.tileLayer(tileUrl, { attribution: escapeHtml(root.dataset.tileAttribution ?? ''), maxZoom: 18 }).addTo(map);
  }

  let mode: Mode = 'coverage';
  const checked = root.querySelector<HTMLInputElement>('input[data-map-mode]:checked');
  if (checked?.value === 'attendance' && !overAreas) mode = 'attendance';

  const shapes: { layer: L.Path; unit: MapPayloadUnit; point: boolean }[] = [];
  const restyle = () => {
    for (const s of shapes) s.layer.setStyle(s.point ? pointStyleFor(spec, s.unit, mode, overAreas) : styleFor(spec, s.unit, mode));
    // Draw unattended units last so their thick border is not hidden under a neighbour's.
    if (mode === 'coverage') for (const s of shapes) if (s.unit.status === 'unattended') s.layer.bringToFront();
    for (const s of shapes) if (s.point) s.layer.bringToFront();
  };

  const wire = (layer: L.Path, u: MapPayloadUnit, point: boolean) => {
    layer.bindTooltip(() => tooltipNode(u, labels, lang), { sticky: !point, direction: 'top' });
    const url = unitUrl(u.href, base);
    const go = () => { if (url) window.location.assign(url.href); };
    layer.on('click', go);
    layer.on('mouseover', () => layer.setStyle({ weight: ((layer.options.weight ?? 1) as number) + 2 }));
    layer.on('mouseout', () => layer.setStyle(point ? pointStyleFor(spec, u, mode, overAreas) : styleFor(spec, u, mode)));
    shapes.push({ layer, unit: u, point });
  };

  const polygons = L.geoJSON({ type: 'FeatureCollection', features } as FeatureCollection, {
    style: (f) => styleFor(spec, units.get(String(f?.id))!, mode),
    onEachFeature: (f, layer) => wire(layer as L.Path, units.get(String(f.id))!, false),
  });

  const points = L.featureGroup();
  let notShown = 0;
  const drawn = new Set(features.map((f) => String(f.id)));
  for (const u of units.values()) {
    if (drawn.has(u.id)) continue;
    if (!located(u)) {
      notShown++;
      continue;
    }
    const m = L.circleMarker([u.lat!, u.lon!], pointStyleFor(spec, u, mode, overAreas));
    wire(m, u, true);
    points.addLayer(m);
  }

  await pause();
  const bounds = L.latLngBounds([]);
  if (polygons.getLayers().length) bounds.extend(polygons.getBounds());
  if (points.getLayers().length) bounds.extend(points.getBounds());
  const fit = () => {
    if (bounds.isValid()) {
      if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(bounds.getCenter(), 13);
      else map.fitBounds(bounds, { padding: [24, 24] });
    } else {
      map.setView([16, 106], 5); // Vietnam, when nothing can be placed
    }
  };
  // Leaflet creates the SVG paths only once the map has a view: fit first, then add.
  fit();
  root.dataset.mapZoom = String(map.getZoom());
  // Shapes go on in batches, each styled and made a keyboard link at once, with a pause between
  // batches: one long task would hold the page (and a phone's first input) for the whole map.
  const drawnShapes = L.layerGroup().addTo(map);
  for (let i = 0; i < shapes.length; i += BATCH) {
    for (const s of shapes.slice(i, i + BATCH)) {
      drawnShapes.addLayer(s.layer);
      s.layer.setStyle(s.point ? pointStyleFor(spec, s.unit, mode, overAreas) : styleFor(spec, s.unit, mode));
      // Keyboard: every shape is a focusable link; focus opens its tooltip (Leaflet), Enter follows it.
      const el = s.layer.getElement() as SVGElement | undefined;
      if (!el) continue;
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'link');
      el.setAttribute('aria-label', accessibleName(s.unit, labels, lang));
      el.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Enter') s.layer.fire('click');
      });
    }
    await pause();
  }
  restyle();
  root.dataset.areaLabels = String(await drawAreas(map, payload, units, spec));

  // A map laid out while hidden (closed <details>, print) has size 0: refit when it appears.
  let lastWidth = canvas.clientWidth;
  new ResizeObserver(() => {
    map.invalidateSize();
    if (lastWidth === 0 && canvas.clientWidth > 0) fit();
    lastWidth = canvas.clientWidth;
  }).observe(canvas);

  for (const input of root.querySelectorAll<HTMLInputElement>('input[data-map-mode]')) {
    input.addEventListener('change', () => {
      if (!input.checked) return;
      mode = input.value === 'attendance' ? 'attendance' : 'coverage';
      root.dataset.mapMode = mode;
      restyle();
    });
  }

  if (status) status.textContent = notShown > 0 ? (labels.notShown ?? '{n}').replace('{n}', String(notShown)) : '';
  root.dataset.mapMode = mode;
  root.dataset.featureCount = String(features.length);
  root.dataset.pointCount = String(points.getLayers().length);
  root.dataset.mapReady = 'true';
}

/**
 * Adds Leaflet's stylesheet before the site's own, so the site's rules still win. Imported as a
 * URL, not as CSS: Astro would link imported CSS from every page, map or not.
 */
function leafletStylesheet(): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = leafletCss;
  const loaded = new Promise<void>((done) => {
    link.addEventListener('load', () => done());
    link.addEventListener('error', () => done());
  });
  document.head.insertBefore(link, document.head.querySelector('link[rel="stylesheet"]'));
  return loaded;
}

const roots = [...document.querySelectorAll<HTMLElement>('[data-coverage-map]')].filter((root) => !root.dataset.mapInit);
for (const root of roots) root.dataset.mapInit = '1';
if (roots.length > 0) {
  void leafletStylesheet().then(() => {
    for (const root of roots) void initMap(root);
  });
}
