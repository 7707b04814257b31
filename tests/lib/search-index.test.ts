import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchIndex } from '../../src/lib/search-index.ts';
import type { SearchEntry } from '../../src/lib/search-index.ts';

const entries: SearchEntry[] = [
  { kind: 'unit', id: '28756', name: 'Phước Hiệp', level: 'commune', detail: 'Xã · Huyện Mỏ Cày Bắc', href: 'unit/28756/' },
  { kind: 'unit', id: '28771', name: 'Đông Thành', level: 'commune', detail: 'Xã · Huyện Giồng Trôm', href: 'unit/28771/' },
  { kind: 'unit', id: '28900', name: 'Thành Thới A', level: 'commune', detail: 'Xã · Huyện Mỏ Cày Nam', href: 'unit/28900/' },
  { kind: 'unit', id: '28901', name: 'Phước Hiệp Đông', level: 'hamlet', detail: 'Ấp · Xã Phước Hiệp', href: 'unit/28901/' },
  { kind: 'unit', id: '28902', name: 'Tân Phước', level: 'commune', detail: 'Xã', href: 'unit/28902/' },
  { kind: 'cadre', id: 'CB017', name: 'Nguyễn Văn Đông', detail: 'Ủy viên Ban Thường vụ Tỉnh ủy', href: 'cadre/CB017/' },
  { kind: 'unit', id: 'x1', name: '<img src=x onerror=alert(1)>', level: 'commune', detail: 'Xã', href: 'unit/x1/' },
];
const index = buildSearchIndex(entries);
const names = (q: string, limit?: number) => searchIndex(index, q, limit).entries.map((e) => e.name);

describe('buildSearchIndex(entries)', () => {
  it('buildSearchIndex packs rows with a folded name key, a tier and the words of the kind', () => {
    expect(index.version).toBe(2);
    expect(index.rows[0]).toEqual(['u', '28756', 'Phước Hiệp', 'Xã · Huyện Mỏ Cày Bắc', 'unit/28756/', 'phuoc hiep', 2, 0]);
    expect(index.rows[5]![0]).toBe('c');
    expect(index.rows[5]![5]).toBe('nguyen van dong');
    expect(index.rows[5]![6]).toBe(5);
    const titled = buildSearchIndex([{ kind: 'unit', id: '835', name: 'Huyện Thạnh Phú', plainName: 'Thạnh Phú', level: 'district', detail: '', href: '' }]);
    expect(titled.rows[0]!.slice(5)).toEqual(['huyen thanh phu', 1, 1]);
  });

  it('buildSearchIndex survives a JSON round trip', () => {
    const copy = JSON.parse(JSON.stringify(index));
    expect(searchIndex(copy, 'phuoc hiep').entries.map((e) => e.id)).toEqual(['28756', '28901']);
  });
});

describe('searchIndex(index, query, limit)', () => {
  it('searchIndex(index, "phuoc hiep") finds "Phước Hiệp" first', () => {
    const { entries: hits } = searchIndex(index, 'phuoc hiep');
    expect(hits[0]).toEqual({ kind: 'unit', id: '28756', name: 'Phước Hiệp', detail: 'Xã · Huyện Mỏ Cày Bắc', href: 'unit/28756/' });
    expect(hits.map((e) => e.name)).toEqual(['Phước Hiệp', 'Phước Hiệp Đông']);
  });

  it('searchIndex matches word prefixes in any order', () => {
    expect(names('ph hi')).toEqual(['Phước Hiệp', 'Phước Hiệp Đông']);
    expect(names('hiep phuoc')).toEqual(['Phước Hiệp', 'Phước Hiệp Đông']);
  });

  it('searchIndex(index, "đông") and "dong" both find "Đông Thành"', () => {
    for (const q of ['đông', 'dong', 'ĐÔNG', 'Đông Thành']) expect(names(q)).toContain('Đông Thành');
    // a name starting with the query first, then the rest: the hamlet before the person
    expect(names('dong')).toEqual(['Đông Thành', 'Phước Hiệp Đông', 'Nguyễn Văn Đông']);
    expect(names('dong thanh')[0]).toBe('Đông Thành');
  });

  it('searchIndex ranks a name starting with the query before one containing it', () => {
    expect(names('thanh')).toEqual(['Thành Thới A', 'Đông Thành']);
    expect(names('phuoc')).toEqual(['Phước Hiệp', 'Phước Hiệp Đông', 'Tân Phước']);
  });

  it('searchIndex(index, "28756") finds a unit by id, and an id prefix finds several', () => {
    expect(names('28756')).toEqual(['Phước Hiệp']);
    expect(names('2890')).toEqual(['Tân Phước', 'Thành Thới A', 'Phước Hiệp Đông']);
    expect(searchIndex(index, 'cb017').entries[0]).toMatchObject({ kind: 'cadre', name: 'Nguyễn Văn Đông' });
  });

  it('searchIndex returns nothing for no match, an empty query or punctuation only', () => {
    for (const q of ['hanoi', 'phuoc xyz', 'xyzabc', '', ' · - ']) expect(searchIndex(index, q)).toEqual({ total: 0, entries: [] });
  });

  it('searchIndex lists the first `limit` matches and counts them all', () => {
    expect(searchIndex(index, 'phuoc', 2)).toMatchObject({ total: 3, entries: [{ name: 'Phước Hiệp' }, { name: 'Phước Hiệp Đông' }] });
    expect(searchIndex(index, 'phuoc', 0)).toEqual({ total: 3, entries: [] });
  });

  it('searchIndex returns data text unchanged (escaping is the renderer\'s job)', () => {
    expect(searchIndex(index, 'img').entries[0]!.name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('searchIndex finds the obvious first', () => {
  // As the build titles them: the kind before the name, and hamlets that share the district's name.
  const unit = (id: string, kind: string, name: string, level: SearchEntry['level']): SearchEntry =>
    ({ kind: 'unit', id, name: `${kind} ${name}`, plainName: name, level, detail: '', href: `unit/${id}/` });
  const province = buildSearchIndex([
    unit('a1', 'Ấp', 'Thạnh Phú', 'hamlet'),
    unit('a2', 'Ấp', 'Thạnh Phú Đông', 'hamlet'),
    unit('a3', 'Ấp', 'An Thạnh', 'hamlet'),
    unit('k1', 'Khu phố', 'Thạnh Phú', 'hamlet'),
    unit('x1', 'Xã', 'Thạnh Phong', 'commune'),
    unit('x2', 'Thị trấn', 'Thạnh Phú', 'commune'),
    unit('835', 'Huyện', 'Thạnh Phú', 'district'),
    { kind: 'cadre', id: 'C1', name: 'Thạnh Phú Nguyễn', detail: '', href: '' },
    ...Array.from({ length: 259 }, (_, i): SearchEntry => ({ kind: 'cadre', id: `N${i}`, name: `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}${i}`, detail: '', href: '' })),
  ]);
  const found = (q: string) => searchIndex(province, q).entries.map((e) => e.name);

  it('"thanh phu" puts Huyện Thạnh Phú first, then the commune, then the hamlets of that name', () => {
    expect(found('thanh phu')).toEqual([
      'Huyện Thạnh Phú', 'Thị trấn Thạnh Phú', 'Ấp Thạnh Phú', 'Khu phố Thạnh Phú',
      'Ấp Thạnh Phú Đông', 'Thạnh Phú Nguyễn',
    ]);
    expect(found('huyen thanh phu')[0]).toBe('Huyện Thạnh Phú');
  });

  it('"thanh" ranks units that start with it by level, and those containing it after', () => {
    expect(found('thanh')).toEqual([
      'Huyện Thạnh Phú', 'Thị trấn Thạnh Phú', 'Xã Thạnh Phong', 'Ấp Thạnh Phú', 'Ấp Thạnh Phú Đông', 'Khu phố Thạnh Phú',
      'Thạnh Phú Nguyễn', 'Ấp An Thạnh',
    ]);
  });

  it('"nguyen van" counts all 259 matches while listing 20', () => {
    const r = searchIndex(province, 'nguyen van');
    expect(r.total).toBe(259);
    expect(r.entries).toHaveLength(20);
  });
});
