import { max, scaleBand, scaleLinear } from 'd3';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { STATUS, INK_MUTED, outline } from './palette.ts';
import { FONT_SMALL, LEGEND_ROW, WIDTH, frame, line, legend, legendRows, noDataSvg, rect, text, textWidth, tip, yGrid, yTitle } from './svg.ts';
import type { ChartOptions, ChartTexts } from './svg.ts';

/** How many cadres follow exactly `unitsFollowed` units. */
export interface LoadRow {
  unitsFollowed: number;
  cadres: number;
}

export interface LoadHistogramLabels extends ChartTexts {
  /** x-axis title, e.g. "Số đơn vị cán bộ theo dõi". */
  xAxis: string;
  /** y-axis title, e.g. "Số cán bộ". */
  yAxis: string;
  idle: string;
  normal: string;
  overloaded: string;
}

const TOP = 40;
const BOTTOM = 52;
const LEFT = 62;

/**
 * Columns of cadres by number of units followed: 0 (idle, pink), 1 (sky blue), 2, and
 * `openFrom`+ (overloaded, orange). Rows at or past `openFrom` (default 3) are added into
 * the last column; missing counts between 0 and `openFrom` are drawn as 0, so the axis
 * always reads 0, 1, 2, 3+. Each column says its count and share of all cadres, on two
 * lines when the columns are too narrow for one.
 */
export function loadHistogram(rows: readonly LoadRow[], options: ChartOptions<LoadHistogramLabels> & { openFrom?: number }): string {
  const { labels, lang = 'vi', id = 'load-histogram', openFrom = 3, width = WIDTH } = options;
  const total = rows.reduce((s, d) => s + d.cadres, 0);
  if (rows.length === 0 || total <= 0) return noDataSvg(id, labels, width);

  const counts = Array.from({ length: openFrom + 1 }, () => 0);
  for (const d of rows) counts[Math.max(0, Math.min(openFrom, Math.floor(d.unitsFollowed)))]! += d.cadres;
  const bins = counts.map((n, k) => ({
    k,
    n,
    name: k === openFrom ? `${formatInteger(k, lang)}+` : formatInteger(k, lang),
    fill: k === 0 ? STATUS.idle : k === 1 ? STATUS.normal : STATUS.overloaded,
  }));

  const right = width - 16;
  const x = scaleBand<number>().domain(bins.map((b) => b.k)).range([LEFT, right]).padding(0.28);
  const labelOf = (b: (typeof bins)[number]) => ({ n: formatInteger(b.n, lang), share: formatPercent(b.n / total, lang) });
  const twoLines = bins.some((b) => textWidth(`${labelOf(b).n} (${labelOf(b).share})`, FONT_SMALL) > x.step() - 4);
  const items = [
    { label: labels.idle, colour: STATUS.idle, stroke: outline(STATUS.idle) },
    { label: labels.normal, colour: STATUS.normal, stroke: outline(STATUS.normal) },
    { label: labels.overloaded, colour: STATUS.overloaded, stroke: outline(STATUS.overloaded) },
  ];
  const top = TOP + (legendRows(LEFT, items, width) - 1) * LEGEND_ROW + (twoLines ? 14 : 0);
  const height = 300 + top - TOP;
  const bottom = height - BOTTOM;
  const y = scaleLinear().domain([0, max(counts) ?? 1]).nice(5).range([bottom, top]);

  let body = legend(LEFT, 18, items, width);
  // Whole-number ticks only: there is no half cadre.
  const ticks = y.ticks(5).filter((t) => Number.isInteger(t));
  body += yGrid(ticks.map((t) => ({ y: y(t), label: formatInteger(t, lang) })), LEFT, right);
  body += yTitle(16, (top + bottom) / 2, labels.yAxis);

  for (const b of bins) {
    const x0 = x(b.k)!;
    const w = x.bandwidth();
    const { n, share } = labelOf(b);
    body += `<g>`;
    body += tip(`${b.name}: ${n} (${share})`);
    body += rect(x0, y(b.n), w, bottom - y(b.n), { fill: b.fill, stroke: outline(b.fill) });
    if (twoLines) {
      body += text(x0 + w / 2, y(b.n) - 20, n, { 'text-anchor': 'middle', 'font-size': FONT_SMALL });
      body += text(x0 + w / 2, y(b.n) - 6, `(${share})`, { 'text-anchor': 'middle', 'font-size': FONT_SMALL });
    } else {
      body += text(x0 + w / 2, y(b.n) - 6, `${n} (${share})`, { 'text-anchor': 'middle', 'font-size': FONT_SMALL });
    }
    body += text(x0 + w / 2, bottom + 17, b.name, { 'text-anchor': 'middle' });
    body += `</g>`;
  }
  body += line(LEFT, bottom, right, bottom, { stroke: INK_MUTED });
  body += text((LEFT + right) / 2, bottom + 40, labels.xAxis, { 'text-anchor': 'middle', 'font-size': FONT_SMALL + 0.5, fill: INK_MUTED });
  return frame(id, height, labels, body, width);
}
