import { describe, expect, it } from 'vitest';
import { coverageByLevel } from '../../../src/components/charts/coverage-by-level.ts';
import { STATUS } from '../../../src/components/charts/palette.ts';
import { expectSafeSvg, rects, texts } from './check.ts';

const labels = {
  title: 'Độ phủ theo cấp', desc: 'Đơn vị có và chưa có cán bộ theo dõi, theo từng cặp cấp.', noData: 'Chưa có dữ liệu',
  covered: 'Có cán bộ theo dõi', unattended: 'Chưa có ai theo dõi', units: 'đơn vị',
};
const rows = [
  { label: 'Huyện → Xã', units: 145, covered: 123, unattended: 22 },
  { label: 'Xã → Thôn, tổ dân phố', units: 6038, covered: 3019, unattended: 3019 },
  { label: 'Cấp khác', units: 0, covered: 0, unattended: 0 },
];

describe('coverageByLevel', () => {
  it('coverageByLevel(rows) splits each bar in covered and unattended shares of the full width', () => {
    const svg = coverageByLevel(rows, { labels });
    expectSafeSvg(svg);
    const blue = rects(svg).filter((r) => r.fill === STATUS.covered && r.height !== '12');
    const red = rects(svg).filter((r) => r.fill === STATUS.unattended && r.height !== '12');
    const full = Number(blue[0]!.width) + Number(red[0]!.width);
    expect(Number(blue[0]!.width) / full).toBeCloseTo(123 / 145, 2);
    expect(Number(blue[1]!.width)).toBeCloseTo(Number(red[1]!.width), 0);
  });

  it('coverageByLevel(rows) shows counts, shares and totals with Vietnamese grouping', () => {
    const t = texts(coverageByLevel(rows, { labels }));
    expect(t).toContain('123 (84,8%)');
    expect(t).toContain('3.019 (50,0%)');
    expect(t).toContain('6.038 đơn vị');
    expect(t).toContain('Chưa có dữ liệu');
  });

  it('coverageByLevel([]) says there is no data', () => {
    expect(texts(coverageByLevel([], { labels }))).toEqual(['Chưa có dữ liệu']);
  });

  it('coverageByLevel(rows) matches its snapshot', async () => {
    await expect(coverageByLevel(rows, { labels, id: 'snap-level' })).toMatchFileSnapshot('./__snapshots__/coverage-by-level.svg');
  });
});
