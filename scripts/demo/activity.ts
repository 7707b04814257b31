import { addDays, monthEnd, randomDate } from './calendar.ts';
import type { Quarter } from './calendar.ts';
import type { CadreLevel, Dataset, Report, ReportType } from './model.ts';
import { OTHER_SUMMARIES, TOPICS, VISIT_SUMMARIES } from './names.ts';
import type { Rng } from './random.ts';

/** Expected reports per assignment and quarter (branch meetings: per month), by cadre level. */
const RATES: Record<CadreLevel, { visit: number; branch: number; issue: number; other: number }> = {
  province: { visit: 2, branch: 0.1, issue: 1.4, other: 0.3 },
  district: { visit: 0.8, branch: 0.3, issue: 0.6, other: 0.15 },
  commune: { visit: 0.1, branch: 0.05, issue: 0.09, other: 0.02 },
};

/** An integer with mean `mean`: its whole part, plus one by chance of the fraction. */
const howMany = (rng: Rng, mean: number) => Math.floor(mean) + (rng.chance(mean % 1) ? 1 : 0);

/**
 * The reports of quarter `q`: monthly meetings attended at the unit's meeting day, visits,
 * branch meetings, issues with their referral and response, and other activity. About
 * 2.5 % of cadres report nothing (silent); a tenth attend only about half the meetings.
 * A few reports are dated just outside the quarter, as happens in real exports.
 */
export function reports(rng: Rng, data: Dataset, q: Quarter, idPrefix: string): Report[] {
  const levelOf = new Map(data.cadres.map((c) => [c.id, c.level]));
  const silent = new Set(data.cadres.filter(() => rng.chance(0.025)).map((c) => c.id));
  const attendance = new Map(data.cadres.map((c) => [c.id, rng.chance(0.1) ? 0.55 : 0.93]));
  const meetingDays = new Map<string, number>();
  const meetingDay = (unitId: string, month: string) => {
    if (!meetingDays.has(unitId)) meetingDays.set(unitId, rng.int(5, 24));
    const day = (meetingDays.get(unitId) as number) + rng.int(-3, 3);
    return addDays(month, day - 1);
  };
  const out: Omit<Report, 'id'>[] = [];
  const blank = { topic: '', summary: '', referredTo: '', respondedOn: null, status: '' } as const;
  const add = (type: ReportType, cadreId: string, unitId: string, date: string, extra: Partial<Report> = {}) =>
    out.push({ ...blank, cadreId, unitId, date, type, ...extra });

  for (const a of data.assignments) {
    const from = a.start !== null && a.start > q.start ? a.start : q.start;
    const to = a.end !== null && a.end < q.end ? a.end : q.end;
    if (from > to || silent.has(a.cadreId)) continue;
    const level = levelOf.get(a.cadreId) as CadreLevel;
    const rate = RATES[level];
    const monthly: ReportType = data.branchMeetingLevels?.includes(level) ? 'branch_meeting' : 'meeting';
    for (const month of q.months) {
      const day = meetingDay(a.unitId, month);
      if (day >= from && day <= to && rng.chance(attendance.get(a.cadreId) as number)) add(monthly, a.cadreId, a.unitId, day);
      const [mFrom, mTo] = [month > from ? month : from, monthEnd(month) < to ? monthEnd(month) : to];
      if (mFrom <= mTo && rng.chance(rate.branch)) add('branch_meeting', a.cadreId, a.unitId, randomDate(rng, mFrom, mTo));
    }
    for (let k = howMany(rng, rate.visit); k > 0; k--) {
      add('visit', a.cadreId, a.unitId, randomDate(rng, from, to), { summary: rng.pick(VISIT_SUMMARIES) });
    }
    for (let k = howMany(rng, rate.other); k > 0; k--) {
      add('other', a.cadreId, a.unitId, randomDate(rng, from, to), { summary: rng.pick(OTHER_SUMMARIES) });
    }
    for (let k = howMany(rng, rate.issue); k > 0; k--) {
      const date = randomDate(rng, from, to);
      const topic = rng.pick(TOPICS);
      const local = levelOf.get(a.cadreId) !== 'province' && rng.chance(0.4);
      // Most departments answer within weeks, some never; an answer after the export's day is not known yet.
      const answered = rng.chance(0.8) ? addDays(date, Math.min(60, Math.floor(-Math.log(1 - rng.next()) * 17))) : null;
      const respondedOn = answered !== null && answered <= q.end ? answered : null;
      add('issue', a.cadreId, a.unitId, date, {
        topic: topic.name,
        summary: rng.pick(topic.summaries),
        referredTo: local ? data.localOffice(a.unitId) : rng.pick(topic.departments),
        respondedOn,
        status: respondedOn === null ? 'open' : rng.chance(0.45) ? 'resolved' : 'responded',
      });
    }
  }

  // Free text as people type it: one summary over two lines, one with quotation marks.
  const issues = out.filter((r) => r.type === 'issue');
  if (issues.length >= 2) {
    const [first, second] = rng.sample(issues, 2);
    first.summary = `${first.summary}.\nĐã báo cáo Đảng ủy xã`;
    second.summary = `Người dân phản ánh "đường đal" xuống cấp, ${second.summary.toLowerCase()}`;
  }
  const nearby = rng.sample(
    out.filter((r) => r.type === 'meeting' || r.type === 'visit'),
    rng.int(2, 3),
  );
  nearby.forEach((r, k) => out.push({ ...r, date: k % 2 ? addDays(q.end, rng.int(1, 4)) : addDays(q.start, -rng.int(1, 4)) }));

  const key = (r: Omit<Report, 'id'>) => `${r.date}|${r.cadreId}|${r.unitId}|${r.type}`;
  return out
    .map((r) => ({ r, k: key(r) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map(({ r }, i) => ({ id: `${idPrefix}${String(i + 1).padStart(6, '0')}`, ...r }));
}
