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

/** `Xã Phước Hiệp`: the unit's kind before its name, unless the name starts with the kind's first word (`Tổ 7`). */
export function unitTitle(unit: { name: string; kind: string | null; level: UnitLevel }, lang: Lang): string {
  const kind = unit.kind ?? strings[lang].levelTitle[unit.level];
  if (firstWord(unit.name) === firstWord(kind)) return unit.name;
  return `${kind.charAt(0).toLocaleUpperCase('vi')}${kind.slice(1)} ${unit.name}`;
}
