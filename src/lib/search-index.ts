import { foldDiacritics } from './text.ts';
import type { UnitLevel } from './types.ts';

export interface SearchEntry {
  kind: 'unit' | 'cadre';
  id: string;
  /** As shown, e.g. `Huyện Thạnh Phú`. */
  name: string;
  /** The name without the unit's kind before it (`Thạnh Phú`), so typing the bare name is an exact match. */
  plainName?: string;
  /** A unit's level: provinces, districts and communes come before hamlets, groups and people. */
  level?: UnitLevel;
  /** Second line of a result, e.g. `Xã · Huyện Châu Thành`. */
  detail: string;
  /** Link to the entry's page, resolved by the browser against the index's own URL. */
  href: string;
}

/**
 * One entry as a row: kind (`u` unit, `c` cadre), id, name, detail, href, folded name, tier
 * (0 province … 4 group, 5 cadre) and how many words of the folded name are the unit's kind.
 */
export type SearchRow = [kind: 'u' | 'c', id: string, name: string, detail: string, href: string, key: string, tier: number, kindWords: number];

/** The JSON the search box loads: rows rather than objects, to keep it small. */
export interface SearchIndex {
  version: 2;
  rows: SearchRow[];
}

export interface SearchResult {
  /** How many entries match, all of them. */
  total: number;
  /** The best `limit` of them. */
  entries: SearchEntry[];
}

const TIERS: UnitLevel[] = ['province', 'district', 'commune', 'hamlet', 'group'];
const CADRE_TIER = TIERS.length;

/** Folded words of a text: no diacritics, lower case, split on anything but letters and digits. */
function words(s: string): string[] {
  return foldDiacritics(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/**
 * Packs search entries into the compact index shipped to the browser, keeping their order.
 * Each row carries its name folded once at build time (`Phước Hiệp` → `phuoc hiep`).
 *
 * @example buildSearchIndex([{ kind: 'unit', id: '28756', name: 'Phước Hiệp', detail: 'Xã', href: 'unit/28756/' }]).rows[0][5] // 'phuoc hiep'
 */
export function buildSearchIndex(entries: SearchEntry[]): SearchIndex {
  return {
    version: 2,
    rows: entries.map((e): SearchRow => {
      const key = words(e.name);
      const plain = e.plainName === undefined ? [] : words(e.plainName);
      const kindWords = plain.length > 0 && plain.length < key.length && key.slice(-plain.length).join(' ') === plain.join(' ') ? key.length - plain.length : 0;
      const tier = e.kind === 'cadre' ? CADRE_TIER : e.level ? TIERS.indexOf(e.level) : CADRE_TIER;
      return [e.kind === 'cadre' ? 'c' : 'u', e.id, e.name, e.detail, e.href, key.join(' '), tier, kindWords];
    }),
  };
}

interface Prepared {
  row: SearchRow;
  terms: string[];
  id: string;
  /** The folded name without the unit's kind. */
  plain: string;
}

// Splitting 20,000 rows once per index, not once per keystroke.
const prepared = new WeakMap<SearchIndex, Prepared[]>();

function prepare(index: SearchIndex): Prepared[] {
  let p = prepared.get(index);
  if (!p) {
    p = index.rows.map((row) => {
      const id = words(row[1]).join(' ');
      const terms = row[5].split(' ').filter((w) => w !== '');
      return { row, terms: [...terms, ...id.split(' ').filter((w) => w !== '')], id, plain: terms.slice(row[7]).join(' ') };
    });
    prepared.set(index, p);
  }
  return p;
}

const collator = new Intl.Collator('vi');

/**
 * Entries whose folded name or id has, for every word of the query, a word that starts with
 * it: `phuoc hiep`, `ph hi` and `Phước` all find `Phước Hiệp`; `28756` finds it by id.
 * Ranked by how the query matches: the whole name, its name without the kind (`thanh phu` for
 * `Huyện Thạnh Phú`) or the id exactly first, then names that start with the query, then the rest;
 * within each, provinces, districts and communes before hamlets, groups and people; then by name
 * in Vietnamese order. `total` counts every match; an empty query finds nothing.
 *
 * @example searchIndex(index, 'thanh phu').entries[0].name // 'Huyện Thạnh Phú', before its hamlets
 */
export function searchIndex(index: SearchIndex, query: string, limit = 20): SearchResult {
  const q = words(query);
  if (q.length === 0) return { total: 0, entries: [] };
  const phrase = q.join(' ');
  const hits: { p: Prepared; rank: number }[] = [];
  for (const p of prepare(index)) {
    if (!q.every((w) => p.terms.some((t) => t.startsWith(w)))) continue;
    const key = p.row[5];
    const rank = key === phrase || p.plain === phrase || p.id === phrase ? 0 : key.startsWith(phrase) || p.plain.startsWith(phrase) ? 1 : 2;
    hits.push({ p, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || a.p.row[6] - b.p.row[6] || collator.compare(a.p.row[2], b.p.row[2]) || (a.p.row[1] < b.p.row[1] ? -1 : a.p.row[1] > b.p.row[1] ? 1 : 0));
  return {
    total: hits.length,
    entries: hits.slice(0, Math.max(limit, 0)).map(({ p: { row } }) => ({
      kind: row[0] === 'c' ? 'cadre' : 'unit',
      id: row[1],
      name: row[2],
      detail: row[3],
      href: row[4],
    })),
  };
}
