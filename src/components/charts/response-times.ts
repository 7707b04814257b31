import { max, scaleBand, scaleLinear } from 'd3';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { STATUS, INK_MUTED } from './palette.ts';
import { FONT_SMALL, WIDTH, frame, line, noDataSvg, rect, text, tip, wrap, yGrid, yTitle } from './svg.ts';
import type { ChartOptions, ChartTexts } from './svg.ts';

/**
 * Input: the days from each issue to its answer (one number per answered issue) and the
 * count of issues with no answer yet. The chart bins the days itself so every page uses
 * the same bins; `binResponseDays` is exported for tables that want the same counts.
 */
export interface ResponseTimesInput {
  days: readonly number[];
  unanswered: number;
}

export interface ResponseTimesLabels extends ChartTexts {
  /** x-axis title, e.g. "Số ngày đến khi được trả lời". */
  xAxis: string;
  /** y-axis title, e.g. "Số kiến nghị". */
  yAxis: string;
  /** Label of the separate column, e.g. "Chưa trả lời". */
  unanswered: string;
}

/** Inclusive upper bounds in days; the last bin is open (`> 60`). */
export const RESPONSE_BINS = [
  { label: '0–7', max: 7 },
  { label: '8–14', max: 14 },
  { label: '15–30', max: 30 },
  { label: '31–60', max: 60 },
  { label: '> 60', max: Infinity },
] as const;

/**
 * Counts per `RESPONSE_BINS` bin. Days are whole (`8.5` counts as 8). Negative or
 * non-finite days (an answer dated before the issue) are not counted: the data check
 * reports them.
 */
export function binResponseDays(days: readonly number[]): number[] {
  const counts = RESPONSE_BINS.map(() => 0);
  for (const raw of days) {
    if (!Number.isFinite(raw) || raw < 0) continue;
    const d = Math.floor(raw);
    counts[RESPONSE_BINS.findIndex((b) => d <= b.max)]! += 1;
  }
  return counts;
}

const TOP = 24;
const LEFT = 62;
const HEIGHT = 310;
const BOTTOM = 62;

/**
 * Histogram of days to answer in five bins, then, after a gap, a vermillion column of
 * issues not answered yet. Counts and shares of all issues label the columns; narrower than
 * `WIDTH`, a column name wider than its column goes on several lines.
 */
export function responseTimes(input: ResponseTimesInput, options: ChartOptions<ResponseTimesLabels>): string {
  const { labels, lang = 'vi', id = 'response-times', width = WIDTH } = options;
  const counts = binResponseDays(input.days);
  const unanswered = Math.max(0, input.unanswered || 0);
  const bars = [
    ...RESPONSE_BINS.map((b, i) => ({ key: b.label, label: b.label, n: counts[i]!, fill: STATUS.covered })),
    // An empty key keeps a gap before the last column.
    { key: 'gap', label: '', n: 0, fill: 'none' },
    { key: 'none', label: labels.unanswered, n: unanswered, fill: STATUS.unattended },
  ];
  const total = counts.reduce((s, n) => s + n, 0) + unanswered;
  if (total === 0) return noDataSvg(id, labels, width);

  const right = width - 12;
  const x = scaleBand<string>().domain(bars.map((b) => b.key)).range([LEFT, right]).padding(0.22);
  // The last column's name may run into the margin on the wide layout, not on the narrow one,
  // where it has half the empty gap column before it as well as its own.
  const names = bars.map((b) => (width < WIDTH ? wrap(b.label, x.step() * (b.key === 'none' ? 1.5 : 1) - 2, FONT_SMALL + 0.5) : [b.label]));
  const extra = (Math.max(...names.map((n) => n.length)) - 1) * 14;
  const height = HEIGHT + extra;
  const bottom = height - BOTTOM - extra;
  const y = scaleLinear().domain([0, max(bars, (b) => b.n) ?? 1]).nice(5).range([bottom, TOP]);
  const w = x.bandwidth();

  let body = yGrid(y.ticks(5).filter(Number.isInteger).map((t) => ({ y: y(t), label: formatInteger(t, lang) })), LEFT, right);
  body += yTitle(16, (TOP + bottom) / 2, labels.yAxis);
  bars.forEach((b, i) => {
    if (b.key === 'gap') return;
    const x0 = x(b.key)!;
    const share = formatPercent(b.n / total, lang);
    body += `<g>`;
    body += tip(`${b.label}: ${formatInteger(b.n, lang)} (${share})`);
    body += rect(x0, y(b.n), w, bottom - y(b.n), { fill: b.fill });
    body += text(x0 + w / 2, y(b.n) - 6, formatInteger(b.n, lang), { 'text-anchor': 'middle', 'font-size': FONT_SMALL });
    names[i]!.forEach((part, k) => {
      body += text(x0 + w / 2, bottom + 17 + k * 14, part, { 'text-anchor': 'middle', 'font-size': FONT_SMALL + 0.5 });
    });
    body += text(x0 + w / 2, bottom + 32 + extra, share, { 'text-anchor': 'middle', 'font-size': FONT_SMALL - 0.5, fill: INK_MUTED });
    body += `</g>`;
  });
  // A dashed rule sets the unanswered column apart from the answered bins.
  const gx = x('gap')! + w / 2;
  body += line(gx, TOP, gx, bottom + 40 + extra, { stroke: INK_MUTED, 'stroke-dasharray': '3 3' });
  body += line(LEFT, bottom, right, bottom, { stroke: INK_MUTED });
  const answeredMid = (x(RESPONSE_BINS[0].label)! + x(RESPONSE_BINS[4].label)! + w) / 2;
  body += text(answeredMid, bottom + 54 + extra, labels.xAxis, { 'text-anchor': 'middle', 'font-size': FONT_SMALL + 0.5, fill: INK_MUTED });
  return frame(id, height, labels, body, width);
}
