import type { QuarterAnalysis } from '../analyse.ts';
import { loadLines } from '../grains.ts';
import type { LoadLine } from '../status.ts';
import type { LoadedData } from '../load.ts';
import { issueEntries } from './issue-entries.ts';
import type { PublishPolicy } from './policy.ts';
import type { QuarterSummary } from './summary.ts';
import type { IssueEntry } from './types.ts';

/** What every builder of the site model reads: the analysed quarters and a few shared look-ups. */
export interface ModelContext {
  loaded: LoadedData;
  policy: PublishPolicy;
  current: QuarterAnalysis;
  previous: QuarterSummary | null;
  /** Ids of the units that have a boundary feature. */
  boundaryIds: Set<string>;
  /** The quarter's issues, most urgent first. */
  issues: IssueEntry[];
  /** Consecutive quarters, up to the current one, in which a unit has been unattended. */
  streak(unitId: string): number;
  /** Per pair: how many units a cadre may follow before the site flags it as overloaded. */
  lines: LoadLine[];
  silent: Set<string>;
  /** The units each cadre follows, over every pair. */
  unitsOfCadre: Map<string, string[]>;
}

export function modelContext(loaded: LoadedData, policy: PublishPolicy, boundaryIds: Set<string>): ModelContext {
  const { quarters, config } = loaded;
  const current = loaded.current!;
  const unattendedSets = quarters.map((q) => new Set(q.unattendedIds));
  const unitsOfCadre = new Map<string, string[]>();
  for (const detail of current.coverage) for (const [cadreId, unitIds] of detail.unitsOfCadre) for (const unitId of unitIds) pushTo(unitsOfCadre, cadreId, unitId);
  return {
    loaded, policy, current, previous: quarters.at(-2) ?? null, boundaryIds,
    issues: issueEntries(current.data.reports?.issues ?? [], current.data.quarter, config.overdueDays),
    streak: (id) => {
      let n = 0;
      for (let i = unattendedSets.length - 1; i >= 0 && unattendedSets[i]!.has(id); i--) n++;
      return n;
    },
    lines: loadLines(current.facts),
    silent: new Set(current.silent),
    unitsOfCadre,
  };
}

export function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
