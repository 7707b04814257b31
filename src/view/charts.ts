import { attendanceByMonth } from '../components/charts/attendance-by-month.ts';
import { coverageByArea } from '../components/charts/coverage-by-area.ts';
import { coverageByLevel } from '../components/charts/coverage-by-level.ts';
import { loadHistogram } from '../components/charts/load-histogram.ts';
import { responseTimes } from '../components/charts/response-times.ts';
import { trend } from '../components/charts/trend.ts';
import { formatInteger, formatPercent } from '../lib/format.ts';
import type { Lang } from '../lib/types.ts';
import { strings } from '../lib/i18n.ts';
import { pairLabel, unitTitle } from './labels.ts';
import { href, pagePath } from './paths.ts';
import type { SiteModel } from '../lib/model/types.ts';
import { NARROW, WIDTH } from '../components/charts/svg.ts';

/** The charts of the site as SVG strings, with their texts in the page's language. */

/** A chart laid out twice: for a laptop's column and for a phone's; the page shows the one that fits. */
export interface ChartSvg {
  wide: string;
  narrow: string;
}

/** Both layouts of one chart; the narrow one's ids end in `-narrow`, so both can be on the page. */
function layouts(id: string, draw: (o: { id: string; width: number }) => string): ChartSvg {
  return { wide: draw({ id, width: WIDTH }), narrow: draw({ id: `${id}-narrow`, width: NARROW }) };
}

export function coverageByLevelSvg(model: SiteModel, lang: Lang): ChartSvg {
  const t = strings[lang];
  const rows = model.root.coverage.map((c, i) => ({ label: pairLabel(model, i, lang), units: c.units, covered: c.covered, unattended: c.unattended, rate: c.coverageRate }));
  const worst = [...rows].sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0))[0];
  return layouts('coverage-by-level', (o) => coverageByLevel(rows, {
    lang, ...o,
    labels: { title: t.chartTitles.coverageByLevel, desc: worst ? `${worst.label}: ${formatPercent(worst.rate, lang)}` : '', noData: t.none, covered: t.covered, unattended: t.unattended, units: t.units.toLowerCase() },
  }));
}

/** Coverage of the first pair with units in the given areas, worst first: unattended units lead. */
export function coverageByAreaSvg(model: SiteModel, areaIds: string[], lang: Lang, id = 'coverage-by-area'): ChartSvg {
  const t = strings[lang];
  const areas = areaIds.map((a) => model.units[a]!).filter((u) => u.area !== null);
  const pair = model.pairs.findIndex((_, i) => areas.some((u) => u.area!.coverage[i]!.units > 0));
  const rows = pair < 0 ? [] : areas.map((u) => ({ id: u.id, label: unitTitle(u, lang), href: href(lang, pagePath.unit(u.id)), covered: u.area!.coverage[pair]!.covered, units: u.area!.coverage[pair]!.units }));
  return layouts(id, (o) => coverageByArea(rows, {
    lang, ...o,
    labels: { title: `${t.chartTitles.coverageByArea}${pair < 0 ? '' : ` · ${pairLabel(model, pair, lang)}`}`, desc: t.chartTitles.coverageByArea, noData: t.none, axis: t.coverageRate },
  }));
}

export function loadSvg(model: SiteModel, pair: number, lang: Lang): ChartSvg {
  const t = strings[lang];
  const rows = model.loadHistograms[pair] ?? [];
  const fig = model.figures.coverage[pair]!;
  return layouts(`load-${pair}`, (o) => loadHistogram(rows, {
    lang, ...o,
    labels: { title: `${t.chartTitles.load} · ${pairLabel(model, pair, lang)}`, desc: `${t.idle}: ${formatInteger(fig.idle, lang)}; ${t.overloaded}: ${formatInteger(fig.overloaded, lang)}`,
      noData: t.none, xAxis: t.unitsFollowed, yAxis: t.cadres, idle: t.idle, normal: t.followsOne, overloaded: t.overloaded },
  }));
}

export function attendanceSvg(model: SiteModel, lang: Lang): ChartSvg {
  const t = strings[lang];
  return layouts('attendance-by-month', (o) => attendanceByMonth(model.attendanceByMonth, {
    lang, ...o,
    labels: { title: t.chartTitles.attendanceByMonth, desc: `${t.attendanceRate}: ${formatPercent(model.figures.activity?.attendanceRate ?? null, lang)}`, noData: t.none, yAxis: t.attendanceRate },
  }));
}

export function responseSvg(model: SiteModel, lang: Lang): ChartSvg {
  const t = strings[lang];
  return layouts('response-times', (o) => responseTimes({ days: model.responseDays, unanswered: model.unanswered }, {
    lang, ...o,
    labels: { title: t.chartTitles.responseTimes, desc: `${t.medianDays}: ${model.figures.issues?.medianDaysToResponse ?? '—'}`, noData: t.none, xAxis: t.daysToResponse, yAxis: t.issues, unanswered: t.openAnswer },
  }));
}

export function trendSvg(model: SiteModel, lang: Lang): ChartSvg {
  const t = strings[lang];
  const series = model.pairs.map((_, i) => ({
    label: pairLabel(model, i, lang),
    points: model.rootHistory.map((q, k) => ({ x: model.quarters[k]!, y: q.coverage[i]?.coverageRate ?? null })),
  }));
  return layouts('trend', (o) => trend({ series, yFormat: 'percent' }, {
    lang, ...o,
    labels: { title: t.chartTitles.trend, desc: model.quarters.join(', '), noData: t.none, yAxis: t.coverageRate, quarterPrefix: lang === 'vi' ? 'Quý ' : 'Q' },
  }));
}
