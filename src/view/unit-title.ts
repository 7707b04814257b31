import { foldDiacritics } from '../lib/text.ts';
import type { Lang, UnitLevel } from '../lib/types.ts';
import { strings } from '../lib/i18n.ts';

// Every table names units by their title, thousands of times per build: each name is folded once.
const firstWords = new Map<string, string>();
function firstWord(s: string): string {
  let word = firstWords.get(s);
  if (word === undefined) firstWords.set(s, (word = foldDiacritics(s).split(/\s+/)[0]!));
  return word;
}

const capitalised = (s: string) => `${s.charAt(0).toLocaleUpperCase('vi')}${s.slice(1)}`;

/**
 * What a unit is, in the reader's words: in Vietnamese its own kind (`Phường`, `Thành phố`), which
 * says more than its level's word (`Xã`, `Huyện`); in English the level.
 */
export function kindTitle(unit: { kind: string | null; level: UnitLevel }, lang: Lang): string {
  return lang === 'vi' && unit.kind ? capitalised(unit.kind) : strings[lang].levelTitle[unit.level];
}

/** `Xã Phước Hiệp`: the unit's kind before its name, unless the name starts with the kind's first word (`Tổ 7`). */
export function unitTitle(unit: { name: string; kind: string | null; level: UnitLevel }, lang: Lang): string {
  const kind = unit.kind ?? strings[lang].levelTitle[unit.level];
  if (firstWord(unit.name) === firstWord(kind)) return unit.name;
  return `${capitalised(kind)} ${unit.name}`;
}
