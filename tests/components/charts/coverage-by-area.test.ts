import { describe, expect, it } from 'vitest';
import { coverageByArea } from '../../../src/components/charts/coverage-by-area.ts';
import type { CoverageByAreaRow } from '../../../src/components/charts/coverage-by-area.ts';
import { STATUS } from '../../../src/components/charts/palette.ts';
import { expectSafeSvg, rects, texts } from './check.ts';

const labels = { title: 'Độ phủ theo xã', desc: 'Tỷ lệ đơn vị có cán bộ theo dõi, xã thấp nhất trước.', noData: 'Chưa có dữ liệu', axis: 'Tỷ lệ đơn vị có cán bộ theo dõi' };
const rows: CoverageByAreaRow[] = [
  { id: 'x1', label: 'Xã Tân Phú', href: '/vi/xa/x1/', covered: 9, units: 10 },
  { id: 'x2', label: 'Xã Bình Mỹ', href: '/vi/xa/x2/', covered: 5, units: 10 },
  { id: 'x3', label: 'Xã Không Đơn Vị', covered: 0, units: 0 },
  { id: 'x4', label: 'Thị trấn Củ Chi', covered: 2, units: 10 },
];

describe('coverageByArea', () => {
  it('coverageByArea(rows) puts the worst area first and areas without units last', () => {
    const svg = coverageByArea(rows, { labels });
    expectSafeSvg(svg);
    expect([...svg.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1])).toEqual(['x4', 'x2', 'x1', 'x3']);
  });

  it('coverageByArea(rows) draws 50% coverage as half the full track', () => {
    const svg = coverageByArea([{ id: 'a', label: 'A', covered: 5, units: 10 }], { labels });
    const track = rects(svg).find((r) => r.fill !== STATUS.covered)!;
    const bar = rects(svg).find((r) => r.fill === STATUS.covered)!;
    expect(Number(bar.width)).toBeCloseTo(Number(track.width) / 2, 0);
    expect(bar.x).toBe(track.x);
  });

  it('coverageByArea(rows) labels each area with its rate and counts in the language asked', () => {
    expect(texts(coverageByArea(rows, { labels }))).toContain('50,0% (5/10)');
    expect(texts(coverageByArea(rows, { labels, lang: 'en' }))).toContain('90.0% (9/10)');
    expect(texts(coverageByArea(rows, { labels }))).toContain('Chưa có dữ liệu');
  });

  it('coverageByArea(rows) escapes names and links only safe hrefs', () => {
    const svg = coverageByArea(
      [
        { id: 'e', label: '<script>alert(1)</script>', href: 'javascript:alert(1)', covered: 1, units: 2 },
        { id: 'f', label: 'A & B "Đông"', href: '/vi/xa/f/?a=1&b=2', covered: 1, units: 3 },
      ],
      { labels },
    );
    expectSafeSvg(svg);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).not.toContain('javascript:');
    expect(svg).toContain('<a href="/vi/xa/f/?a=1&amp;b=2">');
    expect(texts(svg)).toContain('A & B "Đông"');
  });

  it('coverageByArea([]) says there is no data instead of failing', () => {
    const svg = coverageByArea([], { labels });
    expectSafeSvg(svg);
    expect(texts(svg)).toEqual(['Chưa có dữ liệu']);
  });

  it('coverageByArea(rows) matches its snapshot', async () => {
    await expect(coverageByArea(rows, { labels, id: 'snap-area' })).toMatchFileSnapshot('./__snapshots__/coverage-by-area.svg');
  });
});
