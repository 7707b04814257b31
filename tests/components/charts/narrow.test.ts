import { describe, expect, it } from 'vitest';
import { attendanceByMonth } from '../../../src/components/charts/attendance-by-month.ts';
import { coverageByArea } from '../../../src/components/charts/coverage-by-area.ts';
import { coverageByLevel } from '../../../src/components/charts/coverage-by-level.ts';
import { loadHistogram } from '../../../src/components/charts/load-histogram.ts';
import { responseTimes } from '../../../src/components/charts/response-times.ts';
import { FONT, NARROW, textWidth } from '../../../src/components/charts/svg.ts';
import { trend } from '../../../src/components/charts/trend.ts';
import { expectSafeSvg, texts } from './check.ts';

/** Each upright text of a chart with the stretch of x it covers, by its anchor and font size. */
function spans(svg: string): { text: string; x0: number; x1: number; y: number }[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)]
    .filter((m) => !m[1]!.includes('transform='))
    .map((m) => {
      const attr = (k: string) => new RegExp(` ${k}="([^"]*)"`).exec(m[1]!)?.[1];
      const text = m[2]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'");
      const w = textWidth(text, Number(attr('font-size') ?? FONT));
      const x = Number(attr('x'));
      const anchor = attr('text-anchor') ?? 'start';
      const x0 = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
      return { text, x0, x1: x0 + w, y: Number(attr('y')) };
    });
}

/** Texts that run out of the viewBox's width. */
function outside(svg: string, width = NARROW): string[] {
  expect(svg).toContain(`viewBox="0 0 ${width} `);
  return spans(svg).filter((s) => s.x0 < -0.5 || s.x1 > width + 0.5).map((s) => s.text);
}

const o = { width: NARROW, lang: 'vi' as const };
const base = { title: 'T', desc: 'D', noData: 'Chưa có dữ liệu' };

describe('the narrow layout of each chart (360 wide, for a phone)', () => {
  it('coverageByLevel puts each pair’s name above its bar, the bars starting at the left edge', () => {
    const rows = [
      { label: 'Cán bộ tỉnh theo dõi xã', units: 164, covered: 150, unattended: 14 },
      { label: 'Cán bộ xã theo dõi tổ nhân dân', units: 14676, covered: 14507, unattended: 169 },
    ];
    const svg = coverageByLevel(rows, { ...o, labels: { ...base, covered: 'Có cán bộ theo dõi', unattended: 'Chưa có cán bộ theo dõi', units: 'đơn vị' } });
    expectSafeSvg(svg);
    expect(outside(svg)).toEqual([]);
    const name = spans(svg).find((s) => s.text === 'Cán bộ xã theo dõi tổ nhân dân')!;
    const bar = [...svg.matchAll(/<rect x="14" y="([\d.]+)" width="[\d.]+" height="26"/g)].map((m) => Number(m[1]));
    expect(name.x0).toBe(14);
    // The name sits just above the second bar.
    expect(bar[1]! - name.y).toBeGreaterThan(0);
    expect(bar[1]! - name.y).toBeLessThan(18);
    expect(texts(svg)).toContain('14.676 đơn vị');
  });

  it('coverageByArea keeps whole names that the wide layout would cut, linked, above the bars', () => {
    const rows = [
      { id: '1', label: 'Huyện Mỏ Cày Nam', href: '/unit/1/', covered: 15, units: 17 },
      { id: '2', label: 'Thành phố Bến Tre', href: '/unit/2/', covered: 15, units: 17 },
      { id: '3', label: 'Huyện Giồng Trôm', href: '/unit/3/', covered: 22, units: 22 },
    ];
    const svg = coverageByArea(rows, { ...o, labels: { ...base, axis: 'Tỷ lệ có người theo dõi' } });
    expectSafeSvg(svg);
    expect(outside(svg)).toEqual([]);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Huyện Mỏ Cày Nam', 'Thành phố Bến Tre', '88,2% (15/17)']));
    expect(svg).toContain('<a href="/unit/2/">');
  });

  it('loadHistogram writes each count and share on two lines when one line is wider than a column', () => {
    const svg = loadHistogram([{ unitsFollowed: 0, cadres: 1396 }, { unitsFollowed: 1, cadres: 3000 }, { unitsFollowed: 2, cadres: 1642 }], {
      ...o, labels: { ...base, xAxis: 'Số đơn vị theo dõi', yAxis: 'Cán bộ', idle: 'Chưa được phân công', normal: 'Theo dõi 1 đơn vị', overloaded: 'Theo dõi từ 2 nơi trở lên' },
    });
    expectSafeSvg(svg);
    expect(outside(svg)).toEqual([]);
    // 1.396 + 3.000 + 1.642 = 6.038 cadres; 3.000 / 6.038 = 49,7 %.
    expect(texts(svg)).toEqual(expect.arrayContaining(['3.000', '(49,7%)', '0', '(0,0%)']));
    // The legend wraps: its three entries are not all on one row.
    const legend = spans(svg).filter((s) => ['Chưa được phân công', 'Theo dõi 1 đơn vị', 'Theo dõi từ 2 nơi trở lên'].includes(s.text));
    expect(new Set(legend.map((s) => s.y)).size).toBeGreaterThan(1);
  });

  it('responseTimes writes a column name wider than its column on two lines', () => {
    const svg = responseTimes({ days: [1, 3, 9, 20, 40, 70], unanswered: 5 }, { ...o, labels: { ...base, xAxis: 'Số ngày', yAxis: 'Kiến nghị', unanswered: 'Chưa phản hồi' } });
    expectSafeSvg(svg);
    expect(outside(svg)).toEqual([]);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Chưa', 'phản hồi', '0–7', '> 60']));
  });

  it('trend names its lines in a legend above them, so the lines take the whole width', () => {
    const svg = trend({
      yFormat: 'percent',
      series: [
        { label: 'Cán bộ tỉnh theo dõi xã', points: [{ x: '2017-Q3', y: 0.88 }, { x: '2017-Q4', y: 0.915 }] },
        { label: 'Cán bộ xã theo dõi tổ nhân dân', points: [{ x: '2017-Q3', y: 0.97 }, { x: '2017-Q4', y: 0.988 }] },
      ],
    }, { ...o, labels: { ...base, yAxis: 'Tỷ lệ', quarterPrefix: 'Quý ' } });
    expectSafeSvg(svg);
    expect(outside(svg)).toEqual([]);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Cán bộ tỉnh theo dõi xã 91,5%', 'Cán bộ xã theo dõi tổ nhân dân 98,8%', 'Quý 4/2017']));
    // The axis runs to 16 units from the right edge, with no margin kept for end labels.
    expect(svg).toContain(`x2="${NARROW - 16}"`);
  });

  it('attendanceByMonth fits six months', () => {
    const months = ['2017-07', '2017-08', '2017-09', '2017-10', '2017-11', '2017-12'].map((month, i) => ({ month, due: 100, attended: 60 + i }));
    const svg = attendanceByMonth(months, { ...o, labels: { ...base, yAxis: 'Tỷ lệ dự họp' } });
    expectSafeSvg(svg);
    expect(outside(svg)).toEqual([]);
    expect(texts(svg)).toContain('12/2017');
  });
});
