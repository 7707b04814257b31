import { describe, expect, it } from 'vitest';
import { trend } from '../../../src/components/charts/trend.ts';
import { expectSafeSvg, texts } from './check.ts';

const labels = { title: 'Độ phủ theo quý', desc: 'Độ phủ của hai huyện và toàn tỉnh qua các quý.', noData: 'Chưa có dữ liệu', yAxis: 'Độ phủ' };
const paths = (svg: string) => [...svg.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]!);

describe('trend', () => {
  it('trend(input) draws one line per series with dots and an end label holding the last value', () => {
    const svg = trend({
      yFormat: 'percent',
      series: [
        { label: 'Huyện <A>', points: [{ x: '2017-Q3', y: 0.5 }, { x: '2017-Q4', y: 0.6 }, { x: '2018-Q1', y: 0.75 }] },
        { label: 'Toàn tỉnh', points: [{ x: '2017-Q3', y: 0.4 }, { x: '2017-Q4', y: 0.45 }] },
      ],
    }, { labels });
    expectSafeSvg(svg);
    expect(paths(svg)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(5);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Huyện <A> 75,0%', 'Toàn tỉnh 45,0%', 'Q3/2017', 'Q1/2018', '100%']));
  });

  it('trend(input) breaks the line at a null value', () => {
    const svg = trend({
      yFormat: 'integer',
      series: [{ label: 'Số cán bộ', points: [{ x: '2017-Q1', y: 10 }, { x: '2017-Q2', y: 12 }, { x: '2017-Q3', y: null }, { x: '2017-Q4', y: 15 }, { x: '2018-Q1', y: 16 }] }],
    }, { labels });
    expect(paths(svg)[0]!.match(/M/g)).toHaveLength(2);
    expect(texts(svg)).toContain('Q3/2017');
  });

  it('trend(input) breaks the line at a quarter the series lacks', () => {
    const svg = trend({
      yFormat: 'ratio',
      series: [{ label: 'Tỷ lệ', points: [{ x: '2018-Q1', y: 1.2 }, { x: '2017-Q1', y: 1 }, { x: '2017-Q2', y: 1.1 }, { x: '2017-Q4', y: 1.3 }] }],
    }, { labels });
    expect(paths(svg)[0]!.match(/M/g)).toHaveLength(2);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Q3/2017', 'Tỷ lệ 1,200']));
  });

  it('trend(input) with a single quarter shows just the dots, with a localised ratio', () => {
    const svg = trend({ yFormat: 'ratio', series: [{ label: 'Cán bộ/đơn vị', points: [{ x: '2017-Q3', y: 0.848 }] }] }, { labels: { ...labels, quarterPrefix: 'Quý ' } });
    expectSafeSvg(svg);
    expect(svg.match(/<circle/g)).toHaveLength(1);
    expect(paths(svg)[0]).not.toMatch(/L/);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Cán bộ/đơn vị 0,848', 'Quý 3/2017']));
  });

  it('trend(input) with no values says there is no data', () => {
    expect(texts(trend({ yFormat: 'percent', series: [] }, { labels }))).toEqual(['Chưa có dữ liệu']);
    expect(texts(trend({ yFormat: 'percent', series: [{ label: 'x', points: [{ x: '2017-Q1', y: null }] }] }, { labels }))).toEqual(['Chưa có dữ liệu']);
  });

  it('trend(input) matches its snapshot', async () => {
    const quarters = ['2016-Q3', '2016-Q4', '2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4'];
    const svg = trend({
      yFormat: 'percent',
      series: [
        { label: 'Huyện Củ Chi', points: quarters.map((x, i) => ({ x, y: 0.6 + i * 0.05 })) },
        { label: 'Huyện Hóc Môn', points: quarters.map((x, i) => ({ x, y: i === 2 ? null : 0.62 + i * 0.045 })) },
        { label: 'Toàn tỉnh', points: quarters.slice(0, 4).map((x, i) => ({ x, y: 0.5 + i * 0.02 })) },
      ],
    }, { labels, id: 'snap-trend' });
    await expect(svg).toMatchFileSnapshot('./__snapshots__/trend.svg');
  });
});
