import { describe, expect, it } from 'vitest';
import { binResponseDays, responseTimes } from '../../../src/components/charts/response-times.ts';
import { STATUS } from '../../../src/components/charts/palette.ts';
import { expectSafeSvg, rects, texts } from './check.ts';

const labels = {
  title: 'Thời gian trả lời kiến nghị', desc: 'Số kiến nghị theo số ngày đến khi được trả lời.', noData: 'Chưa có dữ liệu',
  xAxis: 'Số ngày đến khi được trả lời', yAxis: 'Số kiến nghị', unanswered: 'Chưa trả lời',
};

describe('responseTimes', () => {
  it('binResponseDays(days) puts bin edges in the lower bin and skips bad days', () => {
    expect(binResponseDays([0, 7, 8, 14, 15, 30, 31, 60, 61, 400, -1, NaN, 7.9])).toEqual([3, 2, 2, 2, 2]);
  });

  it('responseTimes(input) draws five answered bins and a vermillion "no answer yet" column', () => {
    const svg = responseTimes({ days: [1, 2, 10, 70], unanswered: 3 }, { labels });
    expectSafeSvg(svg);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['0–7', '8–14', '15–30', '31–60', '> 60', 'Chưa trả lời', '42,9%']));
    expect(rects(svg).map((r) => r.fill)).toEqual([...Array(5).fill(STATUS.covered), STATUS.unattended]);
  });

  it('responseTimes(input) with no issues says there is no data', () => {
    expect(texts(responseTimes({ days: [], unanswered: 0 }, { labels }))).toEqual(['Chưa có dữ liệu']);
  });
});
