import { describe, expect, it } from 'vitest';
import { loadHistogram } from '../../../src/components/charts/load-histogram.ts';
import { STATUS } from '../../../src/components/charts/palette.ts';
import { expectSafeSvg, rects, texts } from './check.ts';

const labels = {
  title: 'Số đơn vị mỗi cán bộ theo dõi', desc: 'Phân bố cán bộ theo số đơn vị theo dõi.', noData: 'Chưa có dữ liệu',
  xAxis: 'Số đơn vị cán bộ theo dõi', yAxis: 'Số cán bộ', idle: 'Không theo dõi', normal: '1 đơn vị', overloaded: 'Từ 2 đơn vị',
};
const columns = (svg: string) => rects(svg).filter((r) => r.height !== '12');

describe('loadHistogram', () => {
  it('loadHistogram(rows) adds 3 and more into one "3+" column and fills missing counts with 0', () => {
    const svg = loadHistogram([{ unitsFollowed: 1, cadres: 50 }, { unitsFollowed: 3, cadres: 4 }, { unitsFollowed: 7, cadres: 1 }], { labels });
    expectSafeSvg(svg);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['0', '1', '2', '3+', '5 (9,1%)', '0 (0,0%)', '50 (90,9%)']));
    expect(columns(svg)).toHaveLength(4);
  });

  it('loadHistogram(rows) colours idle cadres pink and overloaded cadres orange', () => {
    const svg = loadHistogram([{ unitsFollowed: 0, cadres: 3 }, { unitsFollowed: 1, cadres: 9 }, { unitsFollowed: 2, cadres: 2 }, { unitsFollowed: 3, cadres: 1 }], { labels });
    expect(columns(svg).map((r) => r.fill)).toEqual([STATUS.idle, STATUS.normal, STATUS.overloaded, STATUS.overloaded]);
  });

  it('loadHistogram(rows) makes column heights proportional to the counts', () => {
    const c = columns(loadHistogram([{ unitsFollowed: 0, cadres: 10 }, { unitsFollowed: 1, cadres: 20 }], { labels }));
    expect(Number(c[1]!.height)).toBeCloseTo(2 * Number(c[0]!.height), 0);
  });

  it('loadHistogram([]) and all-zero counts say there is no data', () => {
    expect(texts(loadHistogram([], { labels }))).toEqual(['Chưa có dữ liệu']);
    expect(texts(loadHistogram([{ unitsFollowed: 1, cadres: 0 }], { labels }))).toEqual(['Chưa có dữ liệu']);
  });
});
