import { line as linePath, max, scaleLinear, scalePoint } from 'd3';
import { formatInteger, formatPercent, formatRatio } from '../../lib/format.ts';
import type { Lang } from '../../lib/types.ts';
import { CATEGORICAL, INK_MUTED, legible } from './palette.ts';
import { FONT_SMALL, LEGEND_ROW, WIDTH, attrs, fit, frame, labelStep, legend, legendRows, line, noDataSvg, text, textWidth, tip, yGrid, yTitle } from './svg.ts';
import type { ChartOptions, ChartTexts } from './svg.ts';

/** Lines over quarters; a `null` y is a gap in the line (no data that quarter). */
export interface TrendInput {
  series: readonly { label: string; points: readonly { x: string /* `2017-Q3` */; y: number | null }[] }[];
  yFormat: 'percent' | 'ratio' | 'integer';
}

export interface TrendLabels extends ChartTexts {
  /** y-axis title. */
  yAxis: string;
  /** Put before the quarter number: 'Q' → `Q3/2017` (default), 'Quý ' → `Quý 3/2017`. */
  quarterPrefix?: string;
}

const TOP = 16;
const LEFT = 62;
const HEIGHT = 280;
const BOTTOM = 36;
const LABEL_GAP = 15;

function quarterIndex(id: string): number | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(id);
  return m ? Number(m[1]) * 4 + Number(m[2]) - 1 : null;
}

function formatY(v: number | null, kind: TrendInput['yFormat'], lang: Lang, tick = false): string {
  if (kind === 'percent') return formatPercent(v, lang, tick ? 0 : 1);
  if (kind === 'ratio') return tick && v !== null ? String(formatRatio(v, lang)).replace(/[.,]?0+$/, '') || '0' : formatRatio(v, lang);
  return formatInteger(v, lang);
}

/** Pushes label positions apart to at least `gap`, keeping them inside [lo, hi]. */
function spread(ys: number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + gap);
  const overflow = order.length ? order[order.length - 1]!.y - hi : 0;
  if (overflow > 0) for (const o of order) o.y -= overflow;
  for (let k = order.length - 2; k >= 0; k--) order[k]!.y = Math.min(order[k]!.y, order[k + 1]!.y - gap);
  if (order.length && order[0]!.y < lo) for (const o of order) o.y += lo - order[0]!.y;
  const out = new Array<number>(ys.length);
  for (const o of order) out[o.i] = o.y;
  return out;
}

/**
 * Multi-line chart over quarters, one Okabe–Ito colour per series in the given order,
 * with a dot at every value and the series name and last value at the line's end. All
 * quarters from the first to the last are on the axis, so gaps in time show. Percent
 * runs on a fixed 0–100% axis; ratios and counts from 0 to a rounded maximum. One
 * quarter gives dots only. Narrower than `WIDTH`, the names and last values go in a legend
 * above the lines instead of at their ends, so the lines keep the width.
 */
export function trend(input: TrendInput, options: ChartOptions<TrendLabels>): string {
  const { labels, lang = 'vi', id = 'trend', width = WIDTH } = options;
  const kind = input.yFormat;
  const series = input.series.map((s, i) => ({
    label: s.label,
    colour: CATEGORICAL[i % CATEGORICAL.length]!,
    points: s.points
      .map((p) => ({ q: quarterIndex(p.x), y: p.y !== null && Number.isFinite(p.y) ? p.y : null }))
      .filter((p): p is { q: number; y: number | null } => p.q !== null)
      .sort((a, b) => a.q - b.q),
  }));
  const qs = series.flatMap((s) => s.points.filter((p) => p.y !== null).map((p) => p.q));
  if (qs.length === 0) return noDataSvg(id, labels, width);

  const first = Math.min(...qs);
  const quarters = Array.from({ length: Math.max(...qs) - first + 1 }, (_, i) => first + i);
  const prefix = labels.quarterPrefix ?? 'Q';
  const qLabel = (q: number) => `${prefix}${(q % 4) + 1}/${Math.floor(q / 4)}`;

  const ends = series.map((s) => {
    const last = [...s.points].reverse().find((p) => p.y !== null);
    return last ? { ...last, text: `${fit(s.label, 220, FONT_SMALL)} ${formatY(last.y, kind, lang)}` } : null;
  });
  const legendItems = series.flatMap((s, i) => (ends[i] ? [{ label: ends[i]!.text, colour: s.colour }] : []));
  const inLegend = width < WIDTH;
  const top = inLegend ? TOP + legendRows(LEFT, legendItems, width) * LEGEND_ROW + 6 : TOP;
  // Labels are semi-bold, about 8% wider than the width guess.
  const labelWidth = Math.max(0, ...ends.map((e) => (e ? textWidth(e.text, FONT_SMALL) * 1.08 : 0)));
  // One quarter: labels go beside the dots, so no margin is kept for them.
  const right = inLegend || quarters.length === 1 ? width - 16 : width - labelWidth - 22;
  const height = HEIGHT + top - TOP;
  const bottom = height - BOTTOM;
  const x = scalePoint<number>().domain(quarters).range([LEFT, right]).padding(0.4);
  const yMax = kind === 'percent' ? 1 : (max(series.flatMap((s) => s.points.map((p) => p.y ?? 0))) ?? 0) || 1;
  const y = scaleLinear().domain([0, yMax]).range([bottom, top]);
  if (kind !== 'percent') y.nice(5);

  const ticks = kind === 'integer' ? y.ticks(5).filter(Number.isInteger) : y.ticks(kind === 'percent' ? 4 : 5);
  let body = yGrid(ticks.map((t) => ({ y: y(t), label: formatY(t, kind, lang, true) })), LEFT, right);
  if (inLegend) body += legend(LEFT, TOP + 10, legendItems, width);
  body += yTitle(16, (top + bottom) / 2, labels.yAxis);
  body += line(LEFT, bottom, right, bottom, { stroke: INK_MUTED });
  const step = labelStep(quarters.length, x.step() || width, textWidth(qLabel(quarters[0]!), FONT_SMALL));
  quarters.forEach((q, i) => {
    if ((quarters.length - 1 - i) % step === 0) body += text(x(q)!, bottom + 17, qLabel(q), { 'text-anchor': 'middle', 'font-size': FONT_SMALL });
  });

  const path = linePath<{ q: number; y: number | null }>()
    .defined((p) => p.y !== null)
    .x((p) => x(p.q)!)
    .y((p) => y(p.y ?? 0))
    .digits(1);
  const labelYs = spread(ends.map((e) => (e ? y(e.y!) : 0)), LABEL_GAP, top, bottom);

  series.forEach((s, i) => {
    // Over every quarter, so that a quarter the series lacks breaks the line like a null.
    const byQ = new Map(s.points.map((p) => [p.q, p.y]));
    const full = quarters.map((q) => ({ q, y: byQ.get(q) ?? null }));
    body += `<g${attrs({ 'data-series': i })}>`;
    body += `<path${attrs({ d: path(full) ?? '', fill: 'none', stroke: s.colour, 'stroke-width': 2.5, 'stroke-linejoin': 'round' })}/>`;
    for (const p of s.points) {
      if (p.y === null) continue;
      body += `<circle${attrs({ cx: x(p.q)!, cy: y(p.y), r: 3.5, fill: s.colour, stroke: '#FFFFFF', 'stroke-width': 1 })}>`;
      body += tip(`${s.label}, ${qLabel(p.q)}: ${formatY(p.y, kind, lang)}`) + `</circle>`;
    }
    const e = ends[i];
    if (e && !inLegend) {
      const px = x(e.q)!;
      const py = y(e.y!);
      const ly = labelYs[i]!;
      // Labels in the right margin, with a dotted leader when the label had to move or the series ended early.
      const lx = quarters.length === 1 ? px + 10 : right + 9;
      if (quarters.length > 1 && (Math.abs(ly - py) > 2 || px < right - 1)) {
        body += line(px + 5, py, right + 6, ly, { stroke: s.colour, 'stroke-width': 1, 'stroke-dasharray': '2 3' });
      }
      body += text(lx, ly, e.text, { 'dominant-baseline': 'middle', 'font-size': FONT_SMALL, fill: legible(s.colour), 'font-weight': 600 });
    }
    body += `</g>`;
  });
  return frame(id, height, labels, body, width);
}
