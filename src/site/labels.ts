import type { UnitEntry } from '../lib/site/types.ts';
import type { Lang } from '../lib/types.ts';
import { strings } from './i18n.ts';
import { model } from './model.ts';
import { unitTitle } from './unit-title.ts';

export { unitTitle };

export function unitTitleById(id: string, lang: Lang): string {
  const unit = model.units[id];
  return unit ? unitTitle(unit, lang) : id;
}

/** The chain of units from the root down to the unit's parent. */
export function ancestorsOf(unit: UnitEntry): UnitEntry[] {
  const chain: UnitEntry[] = [];
  let current = unit.parentId === null ? undefined : model.units[unit.parentId];
  while (current && chain.length < 10) {
    chain.unshift(current);
    current = current.parentId === null ? undefined : model.units[current.parentId];
  }
  return chain;
}

/** The nearest unit that has a page: the unit itself or an ancestor. */
export function pageUnitOf(id: string): UnitEntry | undefined {
  let current: UnitEntry | undefined = model.units[id];
  while (current && !current.hasPage) current = current.parentId === null ? undefined : model.units[current.parentId];
  return current;
}

export function pairLabel(index: number, lang: Lang): string {
  const pair = model.pairs[index]!;
  return strings[lang].pairText(strings[lang].cadreLevels[pair.cadreLevel], strings[lang].levels[pair.unitLevel]);
}
