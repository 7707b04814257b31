import { scaleLinear } from 'd3';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { STATUS, INK_MUTED, textOn } from './palette.ts';
import { FONT_SMALL, LEGEND_ROW, WIDTH, fit, frame, legend, legendRows, noDataSvg, rect, text, textWidth, tip, xGrid } from './svg.ts';
import type { ChartOptions, ChartTexts } from './svg.ts';

/** One level pair, e.g. "commune cadres → hamlets": its units split into covered and unattended. */
export interface CoverageByLevelRow {
  label: string;
  units: number;
  covered: number;
  unattended: number;
}

export interface CoverageByLevelLabels extends ChartTexts {
  covered: string;
  unattended: string;
  /** Word after the total, e.g. "đơn vị" → "145 đơn vị". */
  units: string;
}

const BAR = 26;
const GAP = 14;
const TOP = 34;
/** Room for a pair's name above its bar in the stacked (narrow) layout. */
const NAME_ROW = 18;

/**
 * Horizontal 100% bars, one per level pair, in the given order: covered (blue) then
 * unattended (vermillion), with counts in the segments and the total at the right.
 * The shares are of `covered + unattended`, so the two parts always fill the bar; a pair
 * with no units is a grey bar that says so. Narrower than `WIDTH`, each pair's name goes
 * above its bar, so the bars keep the width.
 */
export function coverageByLevel(rows: readonly CoverageByLevelRow[], options: ChartOptions<CoverageByLevelLabels>): string {
  const { labels, lang = 'vi', id = 'coverage-by-level', width = WIDTH } = options;
  if (rows.length === 0) return noDataSvg(id, labels, width);

  const stacked = width < WIDTH;
  const labelWidth = stacked ? 0 : Math.min(200, Math.max(...rows.map((d) => textWidth(d.label))) + 8);
  const totals = rows.map((d) => `${formatInteger(d.units, lang)} ${labels.units}`);
  const totalWidth = Math.max(...totals.map((t) => textWidth(t, FONT_SMALL))) + 10;
  // Stacked, the bars start far enough in for the 0 % tick's label to show whole.
  const left = stacked ? 14 : labelWidth + 8;
  const right = width - totalWidth - 10;
  const x = scaleLinear().domain([0, 1]).range([left, right]);
  const items = [
    { label: labels.covered, colour: STATUS.covered },
    { label: labels.unattended, colour: STATUS.unattended },
  ];
  const top = TOP + (legendRows(left, items, width) - 1) * LEGEND_ROW;
  const nameRow = stacked ? NAME_ROW : 0;
  const step = BAR + GAP + nameRow;
  const bottom = top + rows.length * step - GAP + 6;
  const height = bottom + 26;

  let body = legend(left, 16, items, width);
  body += xGrid([0, 0.25, 0.5, 0.75, 1].map((t) => ({ x: x(t), label: formatPercent(t, lang, 0) })), top - 6, bottom);

  rows.forEach((d, i) => {
    const y = top + i * step + nameRow;
    const whole = d.covered + d.unattended;
    body += `<g>`;
    body += tip(`${d.label}: ${labels.covered} ${formatInteger(d.covered, lang)}, ${labels.unattended} ${formatInteger(d.unattended, lang)}, ${totals[i]}`);
    body += stacked
      ? text(left, y - 5, fit(d.label, width - left), {})
      : text(labelWidth, y + BAR / 2, fit(d.label, labelWidth - 4), { 'text-anchor': 'end', 'dominant-baseline': 'middle' });
    if (whole <= 0) {
      body += rect(left, y, right - left, BAR, { fill: STATUS.noData });
      body += text((left + right) / 2, y + BAR / 2, labels.noData, { 'text-anchor': 'middle', 'dominant-baseline': 'middle', fill: textOn(STATUS.noData) });
    } else {
      const share = d.covered / whole;
      const xm = x(share);
      const parts = [
        { x0: left, x1: xm, n: d.covered, share, fill: STATUS.covered },
        { x0: xm, x1: right, n: d.unattended, share: 1 - share, fill: STATUS.unattended },
      ];
      for (const p of parts) {
        if (p.x1 - p.x0 <= 0) continue;
        body += rect(p.x0, y, p.x1 - p.x0, BAR, { fill: p.fill });
        // Count and share when both fit, the count alone when only it fits, else nothing
        // (the tooltip and the total still tell it).
        const long = `${formatInteger(p.n, lang)} (${formatPercent(p.share, lang)})`;
        const short = formatInteger(p.n, lang);
        const room = p.x1 - p.x0 - 8;
        const label = textWidth(long, FONT_SMALL) <= room ? long : textWidth(short, FONT_SMALL) <= room ? short : '';
        if (label) {
          body += text((p.x0 + p.x1) / 2, y + BAR / 2, label, {
            'text-anchor': 'middle', 'dominant-baseline': 'middle', 'font-size': FONT_SMALL, fill: textOn(p.fill),
          });
        }
      }
    }
    body += text(right + 6, y + BAR / 2, totals[i]!, { 'dominant-baseline': 'middle', 'font-size': FONT_SMALL, fill: INK_MUTED });
    body += `</g>`;
  });
  return frame(id, height, labels, body, width);
}
