import { escapeHtml } from '../../lib/escape.ts';
import { INK_MUTED } from './palette.ts';
import { attrs, r } from './svg.ts';

const WIDTH = 56;
const HEIGHT = 16;
const PAD = 2;

/**
 * A figure's values over the quarters as a line a table cell can hold, drawn at build time; the
 * last quarter is a dot. Empty for fewer than two values: one point says nothing about a trend.
 * `label` is the values in words (read by screen readers and shown on hover); a missing quarter
 * breaks the line. The vertical scale runs from the series' lowest to highest value.
 */
export function sparklineSvg(series: readonly (number | null)[], label: string): string {
  const known = series.filter((v): v is number => v !== null);
  if (known.length < 2) return '';
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const x = (i: number) => PAD + (series.length === 1 ? 0 : (i * (WIDTH - 2 * PAD)) / (series.length - 1));
  const y = (v: number) => (hi === lo ? HEIGHT / 2 : HEIGHT - PAD - ((v - lo) * (HEIGHT - 2 * PAD)) / (hi - lo));
  const runs: string[] = [];
  let run: string[] = [];
  series.forEach((v, i) => {
    if (v === null) {
      if (run.length > 1) runs.push(run.join(' '));
      run = [];
    } else run.push(`${r(x(i))},${r(y(v))}`);
  });
  if (run.length > 1) runs.push(run.join(' '));
  const lastIndex = series.length - 1;
  const last = series[lastIndex];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ class: 'spark', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: 'img', 'aria-label': label })}>` +
    `<title>${escapeHtml(label)}</title>` +
    runs.map((points) => `<polyline${attrs({ points, fill: 'none', stroke: INK_MUTED, 'stroke-width': 1.5, 'stroke-linejoin': 'round' })}/>`).join('') +
    (last === null || last === undefined ? '' : `<circle${attrs({ cx: x(lastIndex), cy: y(last), r: 2.2, fill: INK_MUTED })}/>`) +
    `</svg>`
  );
}
