import { describe, expect, it } from 'vitest';
import { issuesBy } from '../../../src/lib/grains.ts';
import { parseQuarter } from '../../../src/lib/quarter.ts';
import type { Issue } from '../../../src/lib/types.ts';

const q4 = parseQuarter('2017-Q4')!;
const issue = (date: string, respondedOn: string | null, referredTo: string | null = 'Sở A'): Issue =>
  ({ reportId: date, cadreId: 'c', unitId: 'u', date, topic: null, summary: null, referredTo, respondedOn, status: null });

const all = (list: Issue[]) => issuesBy(list, () => ['all'], q4, 30).get('all');

describe('issuesBy(issues, keysOf, quarter, overdueDays)', () => {
  it('counts overdue only past the threshold before the quarter’s last day', () => {
    // 31/12 − 30/11 = 31 days > 30: overdue; 31/12 − 01/12 = 30 days: not yet.
    const f = all([issue('2017-11-30', null), issue('2017-12-01', null)]);
    expect(f).toEqual({ raised: 2, responded: 0, medianDaysToResponse: null, overdue: 1 });
  });
  it('takes the median of days to response over answered issues', () => {
    // 3, 12 and 40 days.
    const f = all([issue('2017-10-01', '2017-10-04'), issue('2017-10-01', '2017-10-13'), issue('2017-10-01', '2017-11-10'), issue('2017-12-20', null)]);
    expect(f).toEqual({ raised: 4, responded: 3, medianDaysToResponse: 12, overdue: 0 });
  });
  it('counts an answer dated before its issue as responded but leaves it out of the median', () => {
    // 3 and 12 days; −9 days is a typing mistake, not a fast answer.
    const f = issuesBy([issue('2017-10-01', '2017-10-04'), issue('2017-10-01', '2017-10-13'), issue('2017-10-10', '2017-10-01')], () => ['all'], q4, 30).get('all');
    expect(f).toEqual({ raised: 3, responded: 3, medianDaysToResponse: 7.5, overdue: 0 });
    expect(issuesBy([issue('2017-10-10', '2017-10-01')], () => ['all'], q4, 30).get('all')!.medianDaysToResponse).toBeNull();
  });

  it('counts an issue in each of its grains', () => {
    const byDepartment = issuesBy([issue('2017-10-01', '2017-10-05', 'Sở B'), issue('2017-10-01', null, 'Sở A'), issue('2017-10-02', null, 'Sở A')], (i) => [i.referredTo!, 'all'], q4, 30);
    expect([...byDepartment].map(([k, f]) => [k, f.raised, f.responded, f.overdue])).toEqual([['Sở B', 1, 1, 0], ['all', 3, 1, 2], ['Sở A', 2, 0, 2]]);
  });
});
