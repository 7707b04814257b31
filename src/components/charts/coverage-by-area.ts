import { scaleLinear } from 'd3';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { STATUS, TRACK, LINK, INK_MUTED } from './palette.ts';
import { FONT_SMALL, WIDTH, attrs, fit, frame, noDataSvg, rect, safeHref, text, textWidth, tip, xGrid } from './svg.ts';
import type { ChartOptions, ChartTexts } from './svg.ts';

/** One area (district, commune…): its units and how many of them are covered. */
export interface CoverageByAreaRow {
  id: string;
  label: string;
  /** Page of the area; its label becomes a link. */
  href?: string;
  covered: number;
  units: number;
}

export interface CoverageByAreaLabels extends ChartTexts {
  /** Title of the axis, e.g. "Tỷ lệ đơn vị có cán bộ theo dõi". */
  axis: string;
}

const BAR = 16;
const STEP = 24;
const TOP = 8;
/** Room for an area's name above its bar in the stacked (narrow) layout. */
const NAME_ROW = 16;

/** Areas sorted worst first: by rate ascending, areas without units last; ties by label then id. */
export function rankAreas(rows: readonly CoverageByAreaRow[]): CoverageByAreaRow[] {
  const rate = (d: CoverageByAreaRow) => (d.units > 0 ? d.covered / d.units : Infinity);
  return [...rows].sort((a, b) => rate(a) - rate(b) || a.label.localeCompare(b.label, 'vi') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Ranked horizontal bars of coverage rate (covered / units) over a grey 100% track, worst
 * area first, so the areas needing attention are on top. Each row says the rate and
 * `covered/units`; an area with no units is a grey "no data" row at the end. Narrower than
 * `WIDTH`, each name goes above its bar, so the bars keep the width.
 */
export function coverageByArea(rows: readonly CoverageByAreaRow[], options: ChartOptions<CoverageByAreaLabels>): string {
  const { labels, lang = 'vi', id = 'coverage-by-area', width = WIDTH } = options;
  if (rows.length === 0) return noDataSvg(id, labels, width);
  const stacked = width < WIDTH;
  const nameRow = stacked ? NAME_ROW : 0;
  const step = STEP + nameRow;

  const ranked = rankAreas(rows);
  const values = ranked.map((d) =>
    d.units > 0 ? `${formatPercent(d.covered / d.units, lang)} (${formatInteger(d.covered, lang)}/${formatInteger(d.units, lang)})` : labels.noData,
  );
  const labelWidth = stacked ? 0 : Math.min(190, Math.max(...ranked.map((d) => textWidth(d.label))) + 8);
  const valueWidth = Math.max(...values.map((v) => textWidth(v, FONT_SMALL))) + 18;
  // Stacked, the bars start far enough in for the 0 % tick's label to show whole.
  const left = stacked ? 14 : labelWidth + 8;
  const right = width - valueWidth;
  const x = scaleLinear().domain([0, 1]).range([left, right]);
  const bottom = TOP + ranked.length * step;
  const height = bottom + 44;

  let body = xGrid([0, 0.25, 0.5, 0.75, 1].map((t) => ({ x: x(t), label: formatPercent(t, lang, 0) })), TOP, bottom);
  body += text((left + right) / 2, bottom + 34, labels.axis, { 'text-anchor': 'middle', 'font-size': FONT_SMALL + 0.5, fill: INK_MUTED });

  ranked.forEach((d, i) => {
    const y = TOP + i * step + nameRow + (STEP - BAR) / 2;
    const mid = y + BAR / 2;
    const href = safeHref(d.href);
    const link = { fill: href ? LINK : null, 'text-decoration': href ? 'underline' : null };
    const nameText = stacked
      ? text(left, y - 5, fit(d.label, width - left), link)
      : text(labelWidth, mid, fit(d.label, labelWidth - 4), { 'text-anchor': 'end', 'dominant-baseline': 'middle', ...link });
    body += `<g${attrs({ 'data-id': d.id })}>`;
    body += tip(`${d.label}: ${values[i]}`);
    body += href ? `<a${attrs({ href })}>${nameText}</a>` : nameText;
    if (d.units > 0) {
      body += rect(left, y, right - left, BAR, { fill: TRACK });
      body += rect(left, y, x(Math.min(1, d.covered / d.units)) - left, BAR, { fill: STATUS.covered });
    } else {
      body += rect(left, y, right - left, BAR, { fill: STATUS.noData, 'fill-opacity': 0.45 });
    }
    body += text(right + 8, mid, values[i]!, { 'dominant-baseline': 'middle', 'font-size': FONT_SMALL, fill: d.units > 0 ? null : INK_MUTED });
    body += `</g>`;
  });
  return frame(id, height, labels, body, width);
}
