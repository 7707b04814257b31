import { attendanceBy, issuesBy } from '../grains.ts';
import { cadreFlags } from '../status.ts';
import { type ModelContext, pushTo } from './context.ts';
import type { CadreEntry } from './types.ts';

/** Every cadre with what it follows and did this quarter; a cadre's figures are the grain of the cadre alone. */
export function buildCadres(ctx: ModelContext): Record<string, CadreEntry> {
  const { current, policy, loaded } = ctx;
  const { data } = current;
  const attendance = attendanceBy(current.attendance, (row) => [row.cadreId]);
  const issueFigures = issuesBy(data.reports?.issues ?? [], (issue) => [issue.cadreId], data.quarter, loaded.config.overdueDays);
  const issueIds = new Map<string, string[]>();
  const overdue = new Map<string, number>();
  for (const issue of ctx.issues) {
    pushTo(issueIds, issue.cadreId, issue.id);
    if (issue.overdue) overdue.set(issue.cadreId, (overdue.get(issue.cadreId) ?? 0) + 1);
  }

  const cadres: Record<string, CadreEntry> = Object.create(null);
  for (const c of data.cadres) {
    const activity = data.reports?.byCadre.get(c.id);
    const att = attendance.get(c.id) ?? { due: 0, attended: 0, rate: null };
    const loads = current.coverage.flatMap((d, pair) => (d.pair.cadreLevel === c.level ? [{ pair, units: d.unitsOfCadre.get(c.id)?.size ?? 0 }] : []));
    const overdueIssues = overdue.get(c.id) ?? 0;
    cadres[c.id] = {
      id: c.id, displayName: policy.cadreName(c),
      level: c.level, homeUnitId: c.homeUnitId, position: c.position, field: c.field, team: c.team,
      hasPage: policy.cadrePage(c.level),
      unitIds: [...new Set(ctx.unitsOfCadre.get(c.id) ?? [])].sort(),
      monthsDue: att.due, monthsAttended: att.attended, attendanceRate: att.rate,
      reports: activity?.reports ?? 0, meetings: activity?.meetings ?? 0, issues: activity?.issues ?? 0,
      issuesResponded: issueFigures.get(c.id)?.responded ?? 0,
      overdueIssues, loads, issueIds: issueIds.get(c.id) ?? [],
      flags: cadreFlags({ silent: ctx.silent.has(c.id), attendanceRate: att.rate, overdueIssues, loads }, ctx.lines, ctx.loaded.config.thresholds),
    };
  }
  return cadres;
}
