import { describe, expect, it } from 'vitest';
import { issueFigures, issuesByDepartment } from '../../../src/lib/metrics/issues.ts';
import { parseQuarter } from '../../../src/lib/quarter.ts';
import type { Issue } from '../../../src/lib/types.ts';

const q4 = parseQuarter('2017-Q4')!;
const issue = (date: string, respondedOn: string | null, referredTo: string | null = 'Sở A'): Issue =>
  ({ reportId: date, cadreId: 'c', unitId: 'u', date, topic: null, summary: null, referredTo, respondedOn, status: null });

describe('issueFigures(issues, quarter, overdueDays)', () => {
  it('counts overdue only past the threshold before the quarter’s last day', () => {
    // 31/12 − 30/11 = 31 days > 30: overdue; 31/12 − 01/12 = 30 days: not yet.
    const f = issueFigures([issue('2017-11-30', null), issue('2017-12-01', null)], q4, 30);
    expect(f).toEqual({ raised: 2, responded: 0, medianDaysToResponse: null, overdue: 1 });
  });
  it('takes the median of days to response over answered issues', () => {
    // 3, 12 and 40 days.
    const f = issueFigures([issue('2017-10-01', '2017-10-04'), issue('2017-10-01', '2017-10-13'), issue('2017-10-01', '2017-11-10'), issue('2017-12-20', null)], q4, 30);
    expect(f).toEqual({ raised: 4, responded: 3, medianDaysToResponse: 12, overdue: 0 });
  });
  it('counts an answer dated before its issue as responded but leaves it out of the median', () => {
    // 3 and 12 days; −9 days is a typing mistake, not a fast answer.
    const f = issueFigures([issue('2017-10-01', '2017-10-04'), issue('2017-10-01', '2017-10-13'), issue('2017-10-10', '2017-10-01')], q4, 30);
    expect(f).toEqual({ raised: 3, responded: 3, medianDaysToResponse: 7.5, overdue: 0 });
    expect(issueFigures([issue('2017-10-10', '2017-10-01')], q4, 30).medianDaysToResponse).toBeNull();
  });
});

describe('issuesByDepartment(issues, quarter, overdueDays)', () => {
  it('groups by receiving department, busiest first', () => {
    const rows = issuesByDepartment([issue('2017-10-01', '2017-10-05', 'Sở B'), issue('2017-10-01', null, 'Sở A'), issue('2017-10-02', null, 'Sở A')], q4, 30);
    expect(rows.map((r) => [r.department, r.raised, r.responded, r.overdue])).toEqual([['Sở A', 2, 0, 2], ['Sở B', 1, 1, 0]]);
  });
});
