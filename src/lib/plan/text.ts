import { formatInteger } from '../format.ts';
import type { Lang, UnitLevel } from '../types.ts';
import type { ChangeWhy, PairPlan, PlanChange } from './plan.ts';

const UNIT_WORDS: Record<UnitLevel, { vi: string; en: [string, string] }> = {
  province: { vi: 'tỉnh', en: ['province', 'provinces'] },
  district: { vi: 'huyện', en: ['district', 'districts'] },
  commune: { vi: 'xã', en: ['commune', 'communes'] },
  hamlet: { vi: 'ấp', en: ['hamlet', 'hamlets'] },
  group: { vi: 'tổ', en: ['residents’ group', 'residents’ groups'] },
};
const CADRE_WORDS = { province: { vi: 'cán bộ tỉnh', en: 'province cadres' }, district: { vi: 'cán bộ huyện', en: 'district cadres' }, commune: { vi: 'cán bộ xã', en: 'commune cadres' } };

const unitWord = (level: UnitLevel, n: number, lang: Lang) => (lang === 'vi' ? UNIT_WORDS[level].vi : UNIT_WORDS[level].en[n === 1 ? 0 : 1]);

/**
 * What the numbers allow, in a leader's words:
 * "164 communes and 139 province cadres: at least 25 cadres must follow two communes; 25 more
 * cadres would let each follow one."
 */
export function capacitySentence(pair: PairPlan, lang: Lang): string {
  const n = (v: number) => formatInteger(v, lang);
  const vi = lang === 'vi';
  const head = vi
    ? `${n(pair.units)} ${unitWord(pair.unitLevel, pair.units, lang)} và ${n(pair.cadres)} ${CADRE_WORDS[pair.cadreLevel].vi}`
    : `${n(pair.units)} ${unitWord(pair.unitLevel, pair.units, lang)} and ${n(pair.cadres)} ${CADRE_WORDS[pair.cadreLevel].en}`;
  if (pair.minimumOverloaded === 0 && pair.cadresNeededForOneEach === 0) {
    return vi ? `${head}: mỗi cán bộ có thể chỉ theo dõi một ${unitWord(pair.unitLevel, 1, lang)}.` : `${head}: each cadre can follow a single ${unitWord(pair.unitLevel, 1, lang)}.`;
  }
  const two = pair.cadres > 0 && Math.ceil(pair.units / pair.cadres) === 2;
  const several = vi
    ? (two ? `hai ${unitWord(pair.unitLevel, 2, lang)}` : `hai ${unitWord(pair.unitLevel, 2, lang)} trở lên`)
    : (two ? `two ${unitWord(pair.unitLevel, 2, lang)}` : `more than one ${unitWord(pair.unitLevel, 1, lang)}`);
  const must = pair.minimumOverloaded === 0 ? '' : vi
    ? `ít nhất ${n(pair.minimumOverloaded)} cán bộ phải theo dõi ${several}; `
    : `at least ${n(pair.minimumOverloaded)} ${pair.minimumOverloaded === 1 ? 'cadre' : 'cadres'} must follow ${several}; `;
  const more = vi
    ? `thêm ${n(pair.cadresNeededForOneEach)} cán bộ thì mỗi người chỉ cần theo dõi một ${unitWord(pair.unitLevel, 1, lang)}.`
    : `${n(pair.cadresNeededForOneEach)} more ${pair.cadresNeededForOneEach === 1 ? 'cadre' : 'cadres'} would let each follow one.`;
  return `${head}: ${must}${more}`;
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
  const vi = lang === 'vi';
  const w: ChangeWhy = change.why;
  const unit = names.unit(change.unitId);
  const list = (ids: string[], name: (id: string) => string) => ids.map(name).join(', ');
  const parts: string[] = [];
  if (change.action === 'add') {
    if (w.unitWasUnattended) parts.push(vi ? `${unit} chưa có ai theo dõi` : `nobody follows ${unit}`);
    else if (w.otherCadres.length > 0) parts.push(vi ? `nhận lại từ ${list(w.otherCadres, names.cadre)}` : `taken over from ${list(w.otherCadres, names.cadre)}`);
    if (w.cadreWasIdle) parts.push(vi ? 'cán bộ đang chưa được phân công' : 'the cadre follows no unit yet');
    if (w.movedWith.length > 0) parts.push(vi ? `chuyển từ ${list(w.movedWith, names.unit)} sang` : `moves here from ${list(w.movedWith, names.unit)}`);
    if (w.nearUnits.length > 0) parts.push(vi ? `gần ${list(w.nearUnits, names.unit)} mà cán bộ đang theo dõi` : `near ${list(w.nearUnits, names.unit)}, which the cadre follows`);
    if (w.field && w.fieldMatched > 0) {
      parts.push(vi
        ? `lĩnh vực ${w.field}, hợp với ${w.fieldMatched}/${w.unitIssues} kiến nghị của ${unit}`
        : `field ${w.field}, like ${w.fieldMatched} of ${unit}'s ${w.unitIssues} issues`);
    }
  } else {
    parts.push(vi ? `cán bộ đang theo dõi ${w.cadreLoadBefore} nơi` : `the cadre follows ${w.cadreLoadBefore} ${w.cadreLoadBefore === 1 ? 'unit' : 'units'}`);
    if (w.movedWith.length > 0) parts.push(vi ? `chuyển sang ${list(w.movedWith, names.unit)}` : `moves to ${list(w.movedWith, names.unit)}`);
    if (w.otherCadres.length > 0) parts.push(vi ? `${list(w.otherCadres, names.cadre)} nhận theo dõi` : `${list(w.otherCadres, names.cadre)} takes it over`);
    else if (!w.unitWasUnattended) parts.push(vi ? `${unit} vẫn có người khác theo dõi` : `${unit} keeps another cadre`);
  }
  return parts.join('; ');
}
