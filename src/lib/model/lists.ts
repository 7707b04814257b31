import { issuesBy } from '../grains.ts';
import { describeProblem } from '../messages.ts';
import { assignmentChanges, chronicUnattended } from '../metrics/changes.ts';
import type { ModelContext } from './context.ts';
import type { CadreFlag } from '../status.ts';
import { byActionOrder } from './rank.ts';
import type { QuarterSummary } from './summary.ts';
import type { CadreEntry, DepartmentEntry, ProblemEntry, QuarterChange, SiteModel } from './types.ts';

/** The site's lists: units and cadres to act on, departments, topics, changes and warnings. */
export function buildLists(ctx: ModelContext, cadres: Record<string, CadreEntry>): Pick<SiteModel,
  'loadLines' | 'unattended' | 'overloadedIds' | 'idleIds' | 'silentIds' | 'departments' | 'topics' | 'changes' | 'loadHistograms' | 'responseDays' | 'unanswered' | 'warnings'> {
  const { current, loaded } = ctx;
  const byStreak = (ids: string[]) => [...ids].sort((a, b) => ctx.streak(b) - ctx.streak(a) || a.localeCompare(b));
  const flagged = (flag: CadreFlag) => byActionOrder(Object.keys(cadres).filter((id) => cadres[id]!.flags.includes(flag)), cadres);
  return {
    loadLines: ctx.lines,
    unattended: current.coverage.map((d) => byStreak(d.unattendedIds)),
    overloadedIds: flagged('overloaded'),
    idleIds: flagged('idle'),
    silentIds: flagged('silent'),
    departments: departments(ctx),
    topics: countBy(ctx.issues.map((i) => i.topic).filter((t): t is string => t !== null)),
    changes: loaded.quarters.slice(1).map((q, i) => changesBetween(loaded.quarters[i]!, q)),
    loadHistograms: current.coverage.map((d) => histogram([...d.unitsOfCadre.values()].map((units) => units.size))),
    responseDays: ctx.issues.map((i) => i.daysToResponse).filter((d): d is number => d !== null),
    unanswered: ctx.issues.filter((i) => i.respondedOn === null).length,
    warnings: loaded.findings.warnings.map((p): ProblemEntry => ({
      quarter: p.quarter ?? null, file: p.file, line: p.line, column: p.column, value: p.value, code: p.code,
      message: { vi: describeProblem(p, 'vi'), en: describeProblem(p, 'en') },
    })),
  };
}

/** Issue figures per receiving department (issues sent nowhere under ''), busiest first. */
function departments({ current, loaded }: ModelContext): DepartmentEntry[] {
  const { quarter, reports } = current.data;
  return [...issuesBy(reports?.issues ?? [], (issue) => [issue.referredTo ?? ''], quarter, loaded.config.overdueDays)]
    .map(([department, figures]) => ({ department, ...figures }))
    .sort((a, b) => b.raised - a.raised || a.department.localeCompare(b.department, 'vi'));
}

function changesBetween(before: QuarterSummary, after: QuarterSummary): QuarterChange {
  const changes = assignmentChanges(before.followed, after.followed);
  return { from: before.quarter.id, to: after.quarter.id, ...changes, chronic: chronicUnattended(before.unattendedIds, after.unattendedIds) };
}

function histogram(values: number[]): { unitsFollowed: number; cadres: number }[] {
  const max = Math.max(0, ...values);
  return Array.from({ length: max + 1 }, (_, n) => ({ unitsFollowed: n, cadres: values.filter((v) => v === n).length }));
}

function countBy(values: string[]): { topic: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([topic, count]) => ({ topic, count })).sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic, 'vi'));
}
