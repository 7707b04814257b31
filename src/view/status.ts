import { formatDecimal, formatInteger, formatPercent } from '../lib/format.ts';
import { strings } from '../lib/i18n.ts';
import type { CadreEntry, SiteModel } from '../lib/model/types.ts';
import type { CadreFlag } from '../lib/status.ts';
import type { Lang } from '../lib/types.ts';
import { pairLabel } from './labels.ts';

/** Each flag of a cadre (see src/lib/status.ts) in words, with the figure and the line it crossed. */
export function flagPhrases(model: SiteModel, cadre: CadreEntry, lang: Lang): string[] {
  const t = strings[lang];
  const say = t.reading.flagText;
  const n = (x: number) => formatInteger(x, lang);
  const phrase: Record<CadreFlag, () => string[]> = {
    silent: () => [say.silent()],
    overdueIssue: () => [say.overdueIssue(n(cadre.overdueIssues))],
    lowAttendance: () => [say.lowAttendance(formatPercent(cadre.attendanceRate, lang), formatPercent(model.thresholds.attendance, lang, 0))],
    idle: () => [say.idle()],
    overloaded: () => cadre.loads.filter((l) => l.units > model.loadLines[l.pair]!.line).map((l) => {
      const level = model.pairs[l.pair]!.unitLevel;
      return say.overloaded(n(l.units), n(model.loadLines[l.pair]!.line), t.unitNoun[level](l.units));
    }),
  };
  return cadre.flags.flatMap((flag) => phrase[flag]());
}

/** The status dot: red-orange for a flag that asks for action, amber when the only one is overload. */
export function flagStatus(cadre: CadreEntry): 'unattended' | 'overloaded' | 'covered' {
  if (cadre.flags.length === 0) return 'covered';
  return cadre.flags.every((f) => f === 'overloaded') ? 'overloaded' : 'unattended';
}

/** Each pair's load line with the units and cadres it comes from, for the lists and the About page. */
export function loadLinesText(model: SiteModel, lang: Lang): string {
  const n = (x: number) => formatInteger(x, lang);
  return model.loadLines.map((l, i) => strings[lang].reading.lineOf(pairLabel(model, i, lang), n(l.units), n(l.cadres), n(l.line))).join('; ');
}

/** The stated thresholds in plain words (config.json `thresholds`). */
export function thresholdsText(model: SiteModel, lang: Lang): string[] {
  const t = model.thresholds;
  return strings[lang].reading.thresholds({
    attendance: formatPercent(t.attendance, lang, 0), coverage: formatPercent(t.coverage, lang, 0), responseDays: formatInteger(t.responseDays, lang),
    rateChange: formatDecimal(t.rateChange * 100, 0, lang), countChange: formatInteger(t.countChange, lang),
  });
}
