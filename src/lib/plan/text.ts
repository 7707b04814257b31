import { formatInteger } from '../format.ts';
import { strings } from '../i18n.ts';
import type { Lang } from '../types.ts';
import type { PairPlan, PlanChange } from './plan.ts';

/**
 * What the numbers allow, in a leader's words:
 * "164 communes and 139 province cadres: at least 25 cadres must follow two communes; 25 more
 * cadres would let each follow one."
 */
export function capacitySentence(pair: PairPlan, lang: Lang): string {
  const t = strings[lang];
  const say = t.plan.capacity;
  const n = (v: number) => formatInteger(v, lang);
  const noun = t.unitNoun[pair.unitLevel];
  const head = say.head(n(pair.units), noun(pair.units), n(pair.cadres), t.cadresOf[pair.cadreLevel]);
  if (pair.minimumOverloaded === 0 && pair.cadresNeededForOneEach === 0) return `${head}: ${say.oneEach(noun(1))}.`;
  const two = pair.cadres > 0 && Math.ceil(pair.units / pair.cadres) === 2;
  const several = two ? say.two(noun(2)) : say.several(noun(1), noun(2));
  const must = pair.minimumOverloaded === 0 ? '' : `${say.must(n(pair.minimumOverloaded), pair.minimumOverloaded, several)}; `;
  return `${head}: ${must}${say.more(n(pair.cadresNeededForOneEach), pair.cadresNeededForOneEach, noun(1))}.`;
}

/** Names the page or the terminal shows for ids. */
export interface PlanNames {
  unit(id: string): string;
  cadre(id: string): string;
}

/**
 * Why a change is proposed, in plain words: "takes An Hiệp, which nobody follows; follows
 * Phú Tân, Phú Hưng nearby; field kinh tế, like 3 of An Hiệp's 4 issues".
 */
export function changeReason(change: PlanChange, names: PlanNames, lang: Lang): string {
  const say = strings[lang].plan.why;
  const w = change.why;
  const unit = names.unit(change.unitId);
  const list = (ids: string[], name: (id: string) => string) => ids.map(name).join(', ');
  const parts: string[] = [];
  if (change.action === 'add') {
    if (w.unitWasUnattended) parts.push(say.unattended(unit));
    else if (w.otherCadres.length > 0) parts.push(say.takenOver(list(w.otherCadres, names.cadre)));
    if (w.cadreWasIdle) parts.push(say.cadreIdle);
    if (w.movedWith.length > 0) parts.push(say.movesFrom(list(w.movedWith, names.unit)));
    if (w.nearUnits.length > 0) parts.push(say.near(list(w.nearUnits, names.unit)));
    if (w.field && w.fieldMatched > 0) parts.push(say.field(w.field, String(w.fieldMatched), String(w.unitIssues), unit));
  } else {
    parts.push(say.load(String(w.cadreLoadBefore), w.cadreLoadBefore));
    if (w.movedWith.length > 0) parts.push(say.movesTo(list(w.movedWith, names.unit)));
    if (w.otherCadres.length > 0) parts.push(say.takesOver(list(w.otherCadres, names.cadre)));
    else if (!w.unitWasUnattended) parts.push(say.keepsAnother(unit));
  }
  return parts.join('; ');
}
