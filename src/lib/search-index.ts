import { foldDiacritics } from './text.ts';

export interface SearchEntry {
  kind: 'unit' | 'cadre';
  id: string;
  name: string;
  /** Second line of a result, e.g. `Xã · Huyện Châu Thành`. */
  detail: string;
  /** Link to the entry's page, resolved by the browser against the index's own URL. */
  href: string;
}

/** One entry as a row: kind (`u` unit, `c` cadre), id, name, detail, href, folded name. */
export type SearchRow = [kind: 'u' | 'c', id: string, name: string, detail: string, href: string, key: string];

/** The JSON the search box loads: rows rather than objects, to keep it small. */
export interface SearchIndex {
  version: 1;
  rows: SearchRow[];
}

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
    version: 1,
    rows: entries.map((e): SearchRow => [e.kind === 'cadre' ? 'c' : 'u', e.id, e.name, e.detail, e.href, words(e.name).join(' ')]),
  };
}

interface Prepared {
  row: SearchRow;
  terms: string[];
  id: string;
}

// Splitting 20,000 rows once per index, not once per keystroke.
const prepared = new WeakMap<SearchIndex, Prepared[]>();

function prepare(index: SearchIndex): Prepared[] {
  let p = prepared.get(index);
  if (!p) {
    p = index.rows.map((row) => {
      const id = words(row[1]).join(' ');
      return { row, terms: [...row[5].split(' ').filter((w) => w !== ''), ...id.split(' ').filter((w) => w !== '')], id };
    });
    prepared.set(index, p);
  }
  return p;
}

const collator = new Intl.Collator('vi');

/**
 * Entries whose folded name or id has, for every word of the query, a word that starts with
 * it: `phuoc hiep`, `ph hi` and `Phước` all find `Phước Hiệp`; `28756` finds it by id.
 * Ranked exact name (or id) first, then names that start with the query, then the rest,
 * each group by name in Vietnamese order. An empty query finds nothing.
 *
 * @example searchIndex(index, 'dong')[0].name // 'Đông Thành'
 */
export function searchIndex(index: SearchIndex, query: string, limit = 20): SearchEntry[] {
  const q = words(query);
  if (q.length === 0 || limit <= 0) return [];
  const phrase = q.join(' ');
  const hits: { p: Prepared; rank: number }[] = [];
  for (const p of prepare(index)) {
    if (!q.every((w) => p.terms.some((t) => t.startsWith(w)))) continue;
    const key = p.row[5];
    const rank = key === phrase || p.id === phrase ? 0 : key.startsWith(phrase) ? 1 : 2;
    hits.push({ p, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || collator.compare(a.p.row[2], b.p.row[2]) || (a.p.row[1] < b.p.row[1] ? -1 : a.p.row[1] > b.p.row[1] ? 1 : 0));
  return hits.slice(0, limit).map(({ p: { row } }) => ({
    kind: row[0] === 'c' ? 'cadre' : 'unit',
    id: row[1],
    name: row[2],
    detail: row[3],
    href: row[4],
  }));
}
