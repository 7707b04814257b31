import type { UnitEntry } from '../lib/model/types.ts';
import type { Lang, UnitLevel } from '../lib/types.ts';
import { strings } from '../lib/i18n.ts';
import { unitTitle } from './unit-title.ts';
import type { SiteModel } from '../lib/model/types.ts';

export { unitTitle };

export function unitTitleById(model: SiteModel, id: string, lang: Lang): string {
  const unit = model.units[id];
  return unit ? unitTitle(unit, lang) : id;
}

/** The chain of units from the root down to the unit's parent. */
export function ancestorsOf(model: SiteModel, unit: UnitEntry): UnitEntry[] {
  const chain: UnitEntry[] = [];
  let current = unit.parentId === null ? undefined : model.units[unit.parentId];
  while (current && chain.length < 10) {
    chain.unshift(current);
    current = current.parentId === null ? undefined : model.units[current.parentId];
  }
  return chain;
}

/** The nearest unit that has a page: the unit itself or an ancestor. */
export function pageUnitOf(model: SiteModel, id: string): UnitEntry | undefined {
  let current: UnitEntry | undefined = model.units[id];
  while (current && !current.hasPage) current = current.parentId === null ? undefined : model.units[current.parentId];
  return current;
}

/** Levels whose names repeat from commune to commune. */
const BELOW_COMMUNE = new Set<UnitLevel>(['hamlet', 'group']);

/** A unit with the commune it lies in: `Tổ 3, Ấp 2` in `Xã Phú Tân`; a commune or higher stands alone (null). */
export function unitPlace(model: SiteModel, id: string, lang: Lang): { title: string; commune: string | null } {
  const chain: string[] = [];
  let current: UnitEntry | undefined = model.units[id];
  if (!current) return { title: id, commune: null };
  while (current && BELOW_COMMUNE.has(current.level)) {
    chain.push(unitTitle(current, lang));
    current = current.parentId === null ? undefined : model.units[current.parentId];
  }
  if (chain.length === 0) return { title: unitTitle(current!, lang), commune: null };
  return { title: chain.join(', '), commune: current ? unitTitle(current, lang) : null };
}

/** A unit titled so a reader can place it: `Tổ 3, Ấp 2 (Xã Phú Tân)`. */
export function placeTitle(model: SiteModel, id: string, lang: Lang): string {
  const { title, commune } = unitPlace(model, id, lang);
  return commune ? `${title} (${commune})` : title;
}

export function pairLabel(model: SiteModel, index: number, lang: Lang): string {
  const pair = model.pairs[index]!;
  return strings[lang].pairText(strings[lang].cadreLevels[pair.cadreLevel], strings[lang].levels[pair.unitLevel]);
}
