import { escapeHtml } from '../../lib/escape.ts';
import type { Lang } from '../../lib/types.ts';
import { INK, INK_MUTED, GRID } from './palette.ts';

/** Shared pieces of the SVG charts: frame, text, axes, and text-width guesses. */

/** Width of a chart's wide viewBox; charts scale to 100% of their container. */
export const WIDTH = 640;
/**
 * Width of the narrow layout, drawn beside the wide one for phones (the page shows one of the
 * two by the width of its container): about a phone's content width, so text keeps its size.
 */
export const NARROW = 360;
/** Height of one row of a legend that wraps. */
export const LEGEND_ROW = 18;
export const FONT = 13;
export const FONT_SMALL = 11.5;
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";

/** Texts every chart needs; each chart adds its own. */
export interface ChartTexts {
  title: string;
  /** A sentence or two for screen readers: what the chart shows and its main finding. */
  desc: string;
  /** Shown instead of the chart when there is nothing to draw. */
  noData: string;
}

/** Rounds a coordinate to 0.1 so the output is small and stable across platforms. */
export function r(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Attribute string from an object; values are escaped, null/undefined/false skipped. */
export function attrs(a: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === null || v === undefined || v === false) continue;
    out += ` ${k}="${escapeHtml(typeof v === 'number' ? String(r(v)) : String(v))}"`;
  }
  return out;
}

export function text(
  x: number,
  y: number,
  content: string,
  a: Record<string, string | number | boolean | null | undefined> = {},
): string {
  return `<text${attrs({ x, y, ...a })}>${escapeHtml(content)}</text>`;
}

export function rect(x: number, y: number, width: number, height: number, a: Record<string, string | number | null | undefined> = {}): string {
  return `<rect${attrs({ x, y, width: Math.max(0, width), height: Math.max(0, height), ...a })}/>`;
}

/** A tooltip for the element it is put in. */
export function tip(content: string): string {
  return `<title>${escapeHtml(content)}</title>`;
}

/**
 * A link target safe to put in `href`: relative paths, `#…`, http(s) and mailto only;
 * anything else (`javascript:`, `data:`) gives null, and the label is drawn without a link.
 */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const h = href.trim();
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(h);
  if (scheme && !['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase())) return null;
  return h;
}

/** Only [A-Za-z0-9_-] in ids, so a caller's id cannot break out of the attribute or the page. */
export function cleanId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-') || 'chart';
}

/**
 * A rough width of `s` in the chart font, for layout only: there is no DOM to measure at
 * build time. Tuned on DejaVu Sans, the widest usual fallback, plus 4%, so that labels
 * measured here fit in Segoe UI, Roboto and Noto Sans too.
 */
export function textWidth(s: string, size = FONT): number {
  let w = 0;
  for (const ch of s.normalize('NFC')) {
    if (/[iIjl.,:;'|!]/.test(ch)) w += 0.3;
    else if (ch === ' ') w += 0.32;
    else if (/[0-9]/.test(ch)) w += 0.64;
    else if (/[mwMW%→—–]/.test(ch)) w += 0.88;
    else if (/[A-ZĐ]/.test(ch)) w += 0.7;
    else w += 0.6;
  }
  return w * size * 1.04;
}

/** Breaks `s` at spaces into lines of at most `max` pixels (a single longer word stays whole). */
export function wrap(s: string, max: number, size = FONT): string[] {
  const lines: string[] = [];
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

/** Cuts `s` with an ellipsis so that it fits `max` pixels. */
export function fit(s: string, max: number, size = FONT): string {
  if (textWidth(s, size) <= max) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(chars.join('') + '…', size) > max) chars.pop();
  return chars.join('').trimEnd() + '…';
}

/** The `<svg>` document around a chart body, with its accessible name and description. */
export function frame(id: string, height: number, texts: ChartTexts, body: string, width = WIDTH): string {
  const cid = cleanId(id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
      viewBox: `0 0 ${r(width)} ${r(height)}`,
      width: '100%',
      // A chart with links is not a single image: its links must stay reachable (axe nested-interactive).
      role: body.includes('<a ') ? 'group' : 'img',
      'aria-labelledby': `${cid}-title ${cid}-desc`,
      'font-family': FONT_FAMILY,
      'font-size': FONT,
      fill: INK,
      id: cid,
    })}>` +
    `<title id="${cid}-title">${escapeHtml(texts.title)}</title>` +
    `<desc id="${cid}-desc">${escapeHtml(texts.desc)}</desc>` +
    body +
    `</svg>`
  );
}

/** The chart frame with one line of text, for empty input. */
export function noDataSvg(id: string, texts: ChartTexts, width = WIDTH): string {
  const h = 80;
  return frame(id, h, texts, rect(0.5, 0.5, width - 1, h - 1, { fill: '#FAFAFA', stroke: GRID, rx: 4 }) +
    text(width / 2, h / 2, texts.noData, { 'text-anchor': 'middle', 'dominant-baseline': 'middle', fill: INK_MUTED }), width);
}

export interface LegendItem {
  label: string;
  colour: string;
  stroke?: string;
}

/** Where each legend swatch goes: left to right from x, onto a new row past `maxX`. */
function legendPlaces(x: number, items: readonly LegendItem[], maxX: number): { x: number; row: number }[] {
  let cx = x;
  let row = 0;
  return items.map((it) => {
    const w = 17 + textWidth(it.label, FONT_SMALL + 0.5);
    if (cx > x && cx + w > maxX) {
      cx = x;
      row++;
    }
    const place = { x: cx, row };
    cx += w + 18;
    return place;
  });
}

/** Rows a legend takes when it wraps at `maxX`. */
export function legendRows(x: number, items: readonly LegendItem[], maxX = Infinity): number {
  const places = legendPlaces(x, items, maxX);
  return places.length ? places[places.length - 1]!.row + 1 : 0;
}

/** A legend of swatches, starting at x on baseline y, wrapping onto rows below past `maxX`. Returns markup. */
export function legend(x: number, y: number, items: readonly LegendItem[], maxX = Infinity): string {
  let out = '';
  legendPlaces(x, items, maxX).forEach((p, i) => {
    const it = items[i]!;
    const py = y + p.row * LEGEND_ROW;
    out += rect(p.x, py - 10, 12, 12, { fill: it.colour, stroke: it.stroke && it.stroke !== 'none' ? it.stroke : null, rx: 2 });
    out += text(p.x + 17, py, it.label, { 'font-size': FONT_SMALL + 0.5 });
  });
  return out;
}

/** Vertical gridlines with tick labels under them (for horizontal bars). */
export function xGrid(
  ticks: { x: number; label: string }[],
  top: number,
  bottom: number,
): string {
  let out = '';
  for (const t of ticks) {
    out += `<line${attrs({ x1: t.x, x2: t.x, y1: top, y2: bottom, stroke: GRID })}/>`;
    out += text(t.x, bottom + 15, t.label, { 'text-anchor': 'middle', 'font-size': FONT_SMALL, fill: INK_MUTED });
  }
  return out;
}

/** Horizontal gridlines with tick labels at their left (for columns and lines). */
export function yGrid(
  ticks: { y: number; label: string }[],
  left: number,
  right: number,
): string {
  let out = '';
  for (const t of ticks) {
    out += `<line${attrs({ x1: left, x2: right, y1: t.y, y2: t.y, stroke: GRID })}/>`;
    out += text(left - 6, t.y, t.label, { 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-size': FONT_SMALL, fill: INK_MUTED });
  }
  return out;
}

/** A y-axis title, turned to read bottom-up beside the axis. */
export function yTitle(x: number, yMid: number, label: string): string {
  return text(x, yMid, label, { transform: `rotate(-90 ${r(x)} ${r(yMid)})`, 'text-anchor': 'middle', 'font-size': FONT_SMALL + 0.5, fill: INK_MUTED });
}

/** Every k-th of n labels, so that labels of `width` px fit in bands of `band` px. */
export function labelStep(n: number, band: number, width: number): number {
  if (n === 0 || band <= 0) return 1;
  return Math.max(1, Math.ceil((width + 6) / band));
}

/** The second argument of every chart: its texts, the number language, and a page-unique id. */
export interface ChartOptions<L extends ChartTexts> {
  labels: L;
  /** Language of number formatting; default 'vi'. */
  lang?: Lang;
  /** Id of the `<svg>`, prefix of its title and desc ids; unique on the page. */
  id?: string;
  /** Width of the viewBox to lay out for: `WIDTH` (default) or `NARROW`. */
  width?: number;
}

export function line(x1: number, y1: number, x2: number, y2: number, a: Record<string, string | number | null | undefined> = {}): string {
  return `<line${attrs({ x1, y1, x2, y2, ...a })}/>`;
}
