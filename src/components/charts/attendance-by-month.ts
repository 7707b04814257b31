import { scaleBand, scaleLinear } from 'd3';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { STATUS, INK_MUTED } from './palette.ts';
import { FONT_SMALL, WIDTH, frame, line, labelStep, noDataSvg, r, rect, text, textWidth, tip, yGrid, yTitle } from './svg.ts';
import type { ChartOptions, ChartTexts } from './svg.ts';

/** Meetings in a month: how many cadre attendances were due and how many happened. */
export interface AttendanceMonth {
  /** `YYYY-MM`. */
  month: string;
  due: number;
  attended: number;
}

export interface AttendanceByMonthLabels extends ChartTexts {
  /** y-axis title, e.g. "Tỷ lệ dự sinh hoạt". */
  yAxis: string;
}

const TOP = 24;
const LEFT = 58;
const HEIGHT = 300;
const BOTTOM = 40;

function monthIndex(m: string): number {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return y * 12 + (mm - 1);
}

function monthLabel(i: number): string {
  return `${String((i % 12) + 1).padStart(2, '0')}/${Math.floor(i / 12)}`;
}

/**
 * Columns of attendance rate (attended / due) per month on a fixed 0–100% axis, months
 * labelled `07/2017`. Months missing between the first and the last, and months with
 * nothing due, get an empty slot with `—`, so time gaps show. Rate labels sit above the
 * columns, turned upright when the months are too narrow for them.
 */
export function attendanceByMonth(rows: readonly AttendanceMonth[], options: ChartOptions<AttendanceByMonthLabels>): string {
  const { labels, lang = 'vi', id = 'attendance-by-month', width = WIDTH } = options;
  const valid = rows.filter((d) => /^\d{4}-\d{2}$/.test(d.month));
  if (valid.length === 0) return noDataSvg(id, labels, width);

  const byMonth = new Map<number, { due: number; attended: number }>();
  for (const d of valid) {
    const k = monthIndex(d.month);
    const acc = byMonth.get(k) ?? { due: 0, attended: 0 };
    acc.due += d.due;
    acc.attended += d.attended;
    byMonth.set(k, acc);
  }
  const first = Math.min(...byMonth.keys());
  const last = Math.max(...byMonth.keys());
  const months = Array.from({ length: last - first + 1 }, (_, i) => first + i);

  const right = width - 12;
  const x = scaleBand<number>().domain(months).range([LEFT, right]).paddingInner(0.2).paddingOuter(0.1);
  const rates = months.map((m) => {
    const d = byMonth.get(m);
    return d && d.due > 0 ? Math.min(1, d.attended / d.due) : null;
  });
  const band = x.bandwidth();
  // Narrow months get whole percents, turned upright (they need room above 100%);
  // the tooltip keeps the decimal.
  const upright = Math.max(...rates.map((v) => textWidth(formatPercent(v, lang), FONT_SMALL))) > band + 2;
  const rateTexts = rates.map((v) => formatPercent(v, lang, upright ? 0 : 1));
  const top = upright ? TOP + 30 : TOP;
  const bottom = HEIGHT - BOTTOM;
  const y = scaleLinear().domain([0, 1]).range([bottom, top]);

  let body = yGrid([0, 0.25, 0.5, 0.75, 1].map((t) => ({ y: y(t), label: formatPercent(t, lang, 0) })), LEFT, right);
  body += yTitle(14, (top + bottom) / 2, labels.yAxis);
  const step = labelStep(months.length, x.step(), textWidth('00/0000', FONT_SMALL));

  months.forEach((m, i) => {
    const x0 = x(m)!;
    const cx = x0 + band / 2;
    const d = byMonth.get(m);
    const v = rates[i]!;
    body += `<g>`;
    const detail = v === null ? labels.noData : `${formatPercent(v, lang)} (${formatInteger(d!.attended, lang)}/${formatInteger(d!.due, lang)})`;
    body += tip(`${monthLabel(m)}: ${detail}`);
    if (v === null) {
      body += text(cx, bottom - 6, '—', { 'text-anchor': 'middle', 'font-size': FONT_SMALL, fill: INK_MUTED });
    } else {
      body += rect(x0, y(v), band, bottom - y(v), { fill: STATUS.covered });
      if (upright) {
        const ty = y(v) - 5;
        body += text(cx, ty, rateTexts[i]!, {
          transform: `rotate(-90 ${r(cx)} ${r(ty)})`, 'dominant-baseline': 'middle', 'font-size': FONT_SMALL,
        });
      } else {
        body += text(cx, y(v) - 6, rateTexts[i]!, { 'text-anchor': 'middle', 'font-size': FONT_SMALL });
      }
    }
    // Label every step-th month, counted from the last so the latest month is always named.
    if ((months.length - 1 - i) % step === 0) {
      body += text(cx, bottom + 17, monthLabel(m), { 'text-anchor': 'middle', 'font-size': FONT_SMALL });
    }
    body += `</g>`;
  });
  body += line(LEFT, bottom, right, bottom, { stroke: INK_MUTED });
  return frame(id, HEIGHT, labels, body, width);
}
