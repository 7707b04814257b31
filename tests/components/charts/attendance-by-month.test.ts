import { describe, expect, it } from 'vitest';
import { attendanceByMonth } from '../../../src/components/charts/attendance-by-month.ts';
import { expectSafeSvg, rects, texts } from './check.ts';

const labels = { title: 'Dự sinh hoạt theo tháng', desc: 'Tỷ lệ cán bộ dự sinh hoạt chi bộ theo tháng.', noData: 'Chưa có dữ liệu', yAxis: 'Tỷ lệ dự sinh hoạt' };

describe('attendanceByMonth', () => {
  it('attendanceByMonth(rows) labels months 07/2017 and columns with their rate on a 0–100% axis', () => {
    const svg = attendanceByMonth([{ month: '2017-07', due: 40, attended: 34 }, { month: '2017-08', due: 40, attended: 20 }], { labels });
    expectSafeSvg(svg);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['07/2017', '08/2017', '85,0%', '50,0%', '0%', '100%']));
    const [a, b] = rects(svg);
    expect(Number(a!.height)).toBeCloseTo((Number(b!.height) * 85) / 50, 0);
  });

  it('attendanceByMonth(rows) sorts months and keeps an empty slot for a missing month', () => {
    const svg = attendanceByMonth([{ month: '2017-09', due: 10, attended: 10 }, { month: '2017-07', due: 10, attended: 5 }], { labels });
    const t = texts(svg);
    expect(t.indexOf('07/2017')).toBeLessThan(t.indexOf('09/2017'));
    expect(t).toContain('—');
    expect(svg).toContain('<title>08/2017: Chưa có dữ liệu</title>');
    expect(rects(svg)).toHaveLength(2);
  });

  it('attendanceByMonth(rows) with many months still names the last month and turns labels upright', () => {
    const rows = Array.from({ length: 36 }, (_, i) => ({ month: `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, due: 10, attended: 7 }));
    const svg = attendanceByMonth(rows, { labels });
    expectSafeSvg(svg);
    expect(texts(svg)).toContain('12/2017');
    expect(texts(svg).filter((t) => /^\d\d\/\d{4}$/.test(t)).length).toBeLessThan(36);
    expect(svg).toMatch(/rotate\(-90/);
  });

  it('attendanceByMonth([]) says there is no data', () => {
    expect(texts(attendanceByMonth([], { labels }))).toEqual(['Chưa có dữ liệu']);
  });
});
