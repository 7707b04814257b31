import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchIndex } from '../../src/lib/search-index.ts';
import type { SearchEntry } from '../../src/lib/search-index.ts';

const entries: SearchEntry[] = [
  { kind: 'unit', id: '28756', name: 'Phước Hiệp', detail: 'Xã · Huyện Mỏ Cày Bắc', href: 'unit/28756/' },
  { kind: 'unit', id: '28771', name: 'Đông Thành', detail: 'Xã · Huyện Giồng Trôm', href: 'unit/28771/' },
  { kind: 'unit', id: '28900', name: 'Thành Thới A', detail: 'Xã · Huyện Mỏ Cày Nam', href: 'unit/28900/' },
  { kind: 'unit', id: '28901', name: 'Phước Hiệp Đông', detail: 'Ấp · Xã Phước Hiệp', href: 'unit/28901/' },
  { kind: 'unit', id: '28902', name: 'Tân Phước', detail: 'Xã', href: 'unit/28902/' },
  { kind: 'cadre', id: 'CB017', name: 'Nguyễn Văn Đông', detail: 'Ủy viên Ban Thường vụ Tỉnh ủy', href: 'cadre/CB017/' },
  { kind: 'unit', id: 'x1', name: '<img src=x onerror=alert(1)>', detail: 'Xã', href: 'unit/x1/' },
];
const index = buildSearchIndex(entries);
const names = (q: string, limit?: number) => searchIndex(index, q, limit).map((e) => e.name);

describe('buildSearchIndex(entries)', () => {
  it('buildSearchIndex packs rows with a folded name key', () => {
    expect(index.version).toBe(1);
    expect(index.rows[0]).toEqual(['u', '28756', 'Phước Hiệp', 'Xã · Huyện Mỏ Cày Bắc', 'unit/28756/', 'phuoc hiep']);
    expect(index.rows[5]![0]).toBe('c');
    expect(index.rows[5]![5]).toBe('nguyen van dong');
  });

  it('buildSearchIndex survives a JSON round trip', () => {
    const copy = JSON.parse(JSON.stringify(index));
    expect(searchIndex(copy, 'phuoc hiep').map((e) => e.id)).toEqual(['28756', '28901']);
  });
});

describe('searchIndex(index, query, limit)', () => {
  it('searchIndex(index, "phuoc hiep") finds "Phước Hiệp" first', () => {
    const hits = searchIndex(index, 'phuoc hiep');
    expect(hits[0]).toEqual(entries[0]);
    expect(hits.map((e) => e.name)).toEqual(['Phước Hiệp', 'Phước Hiệp Đông']);
  });

  it('searchIndex matches word prefixes in any order', () => {
    expect(names('ph hi')).toEqual(['Phước Hiệp', 'Phước Hiệp Đông']);
    expect(names('hiep phuoc')).toEqual(['Phước Hiệp', 'Phước Hiệp Đông']);
  });

  it('searchIndex(index, "đông") and "dong" both find "Đông Thành"', () => {
    for (const q of ['đông', 'dong', 'ĐÔNG', 'Đông Thành']) expect(names(q)).toContain('Đông Thành');
    // exact name first, then names starting with the query, then the rest, by name
    expect(names('dong')).toEqual(['Đông Thành', 'Nguyễn Văn Đông', 'Phước Hiệp Đông']);
    expect(names('dong thanh')[0]).toBe('Đông Thành');
  });

  it('searchIndex ranks a name starting with the query before one containing it', () => {
    expect(names('thanh')).toEqual(['Thành Thới A', 'Đông Thành']);
    expect(names('phuoc')).toEqual(['Phước Hiệp', 'Phước Hiệp Đông', 'Tân Phước']);
  });

  it('searchIndex(index, "28756") finds a unit by id, and an id prefix finds several', () => {
    expect(names('28756')).toEqual(['Phước Hiệp']);
    expect(names('2890')).toEqual(['Phước Hiệp Đông', 'Tân Phước', 'Thành Thới A']);
    expect(searchIndex(index, 'cb017')[0]).toMatchObject({ kind: 'cadre', name: 'Nguyễn Văn Đông' });
  });

  it('searchIndex returns [] for no match, an empty query or punctuation only', () => {
    expect(searchIndex(index, 'hanoi')).toEqual([]);
    expect(searchIndex(index, 'phuoc xyz')).toEqual([]);
    expect(searchIndex(index, '')).toEqual([]);
    expect(searchIndex(index, ' · - ')).toEqual([]);
  });

  it('searchIndex respects the limit', () => {
    expect(names('phuoc', 2)).toEqual(['Phước Hiệp', 'Phước Hiệp Đông']);
    expect(names('phuoc', 0)).toEqual([]);
  });

  it('searchIndex returns data text unchanged (escaping is the renderer\'s job)', () => {
    expect(searchIndex(index, 'img')[0]!.name).toBe('<img src=x onerror=alert(1)>');
  });
});
