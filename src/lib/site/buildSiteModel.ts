import type { QuarterAnalysis } from '../analyse.ts';
import type { LoadedData } from '../load.ts';
import { ancestorAtLevel, chooseMapLevel, hasLocation } from '../map-payload.ts';
import { describeProblem } from '../messages.ts';
import { attendanceBy, attendanceByMonth, changeSince, issuesBy } from '../grains.ts';
import { assignmentChanges, chronicUnattended } from '../metrics/changes.ts';
import { foldDiacritics } from '../text.ts';
import type { Issue, Quarter, UnitLevel } from '../types.ts';
import { regionKey } from '../hierarchy.ts';
import { issueEntries } from './issueEntries.ts';
import { byUrgency, bySeniority } from './rank.ts';
import { type CadreEntry, type DepartmentEntry, type IssueEntry, type ProblemEntry, type RegionEntry, SITE_MODEL_VERSION, type SiteModel, type UnitEntry } from './types.ts';

export interface SiteModelInput {
  loaded: LoadedData;
  /** The build stamp, injected so the same export gives the same model. */
  builtAt: string;
  files: { quarter: string; name: string; bytes: number; sha256: string }[];
  /** Ids of the units that have a boundary feature. */
  boundaryIds: Set<string>;
}

const PAGE_LEVELS = new Set<UnitLevel>(['province', 'district', 'commune', 'hamlet']);
/** The levels a leader takes a one-page brief of into a meeting. */
const BRIEF_LEVELS = new Set<UnitLevel>(['district', 'commune']);

/** Turns the analysed quarters into the one JSON document the pages render. */
export function buildSiteModel({ loaded, builtAt, files, boundaryIds }: SiteModelInput): SiteModel {
  const { config, quarters } = loaded;
  const current = quarters.at(-1)!;
  const previous = quarters.at(-2) ?? null;
  const { hierarchy, data } = current;
  const quarter = data.quarter;

  const unattendedSets = quarters.map((q) => new Set(q.coverage.flatMap((d) => d.unattendedIds)));
  const streak = (id: string) => {
    let n = 0;
    for (let i = unattendedSets.length - 1; i >= 0 && unattendedSets[i]!.has(id); i--) n++;
    return n;
  };

  const issueList = issueEntries(data.reports?.issues ?? [], quarter, config.overdueDays);
  // Without a prototype, so an id such as `__proto__` is a key like any other.
  const issues: Record<string, IssueEntry> = Object.create(null);
  for (const issue of issueList) issues[issue.id] = issue;
  const issuesInArea = new Map<string, string[]>();
  for (const issue of issueList) {
    for (const area of hierarchy.areasOf(issue.unitId)) pushTo(issuesInArea, area, issue.id);
  }

  const followers = new Map<string, string[]>();
  for (const list of current.pairActive) for (const a of list) pushTo(followers, a.unitId, a.cadreId);
  const unitsOfCadre = new Map<string, string[]>();
  for (const detail of current.coverage) for (const [cadreId, unitIds] of detail.unitsOfCadre) for (const unitId of unitIds) pushTo(unitsOfCadre, cadreId, unitId);
  // A unit's own attendance (its followers at its meetings) and a cadre's are grains of their own.
  const attendanceOfUnit = attendanceBy(current.attendance, (row) => [row.unitId]);
  const attendanceOfCadre = attendanceBy(current.attendance, (row) => [row.cadreId]);
  const noAttendance = { due: 0, attended: 0, rate: null };
  const issuesOfCadreFigures = issuesBy(data.reports?.issues ?? [], (issue) => [issue.cadreId], quarter, config.overdueDays);

  const statusOf = new Map<string, 'covered' | 'unattended'>();
  current.coverage.forEach((detail) => {
    const unattended = new Set(detail.unattendedIds);
    for (const u of data.units) if (u.level === detail.pair.unitLevel) statusOf.set(u.id, unattended.has(u.id) ? 'unattended' : 'covered');
  });

  const flags = (ids: string[][]) => new Set(ids.flat());
  const overloaded = flags(current.coverage.map((d) => d.overloadedIds));
  const idle = flags(current.coverage.map((d) => d.idleIds));
  const silent = new Set(current.silent);

  // An area's cadres, as the roll-ups count them: homed in the area or following a unit in it;
  // those to act on (silent, idle, overloaded) first.
  const urgency = (id: string) => (silent.has(id) ? 0 : idle.has(id) ? 1 : overloaded.has(id) ? 2 : 3);
  const cadresByUrgency = [...data.cadres].sort((a, b) => urgency(a.id) - urgency(b.id) || a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id));
  const areaCadres = new Map<string, string[]>();
  for (const cadre of cadresByUrgency) {
    const unitIds = [cadre.homeUnitId, ...(unitsOfCadre.get(cadre.id) ?? [])];
    for (const area of new Set(unitIds.flatMap((id) => hierarchy.areasOf(id)))) pushTo(areaCadres, area, cadre.id);
  }

  const mapLevel = config.coverage[0]!.unitLevel;
  const mapUnits = data.units.filter((u) => u.level === mapLevel);
  const mapChoice = chooseMapLevel(mapLevel, data.units, (id) => boundaryIds.has(id));
  // What each area's map shows of a followed unit: itself, or the drawn area holding it and,
  // when it has a location, its point.
  const shownFor = (u: (typeof mapUnits)[number]): string[] => {
    if (mapChoice.drawing !== 'ancestor') return [u.id];
    const area = ancestorAtLevel(u.id, mapChoice.drawn!, (id) => hierarchy.byId.get(id));
    return [...(area === null ? [] : [area]), ...(hasLocation(u) ? [u.id] : [])];
  };
  const mapSetsInArea = new Map<string, Set<string>>();
  for (const u of mapUnits) {
    const shown = shownFor(u);
    for (const area of hierarchy.areasOf(u.id)) {
      const set = mapSetsInArea.get(area) ?? new Set<string>();
      for (const id of shown) set.add(id);
      mapSetsInArea.set(area, set);
    }
  }
  const mapIdsInArea = new Map([...mapSetsInArea].map(([area, ids]) => [area, [...ids]]));

  const units: Record<string, UnitEntry> = Object.create(null);
  for (const u of data.units) {
    const hasPage = PAGE_LEVELS.has(u.level);
    const att = attendanceOfUnit.get(u.id) ?? noAttendance;
    units[u.id] = {
      id: u.id, name: u.name, level: u.level, kind: u.kind, parentId: u.parentId, region: u.region,
      households: u.households, population: u.population, lat: u.lat, lon: u.lon, hasPage,
      childIds: (hierarchy.children.get(u.id) ?? []).map((c) => c.id),
      status: statusOf.get(u.id) ?? 'none',
      followerIds: [...new Set(followers.get(u.id) ?? [])].sort(),
      unattendedQuarters: streak(u.id),
      attendance: att,
      hasBrief: BRIEF_LEVELS.has(u.level),
      area: hasPage ? current.areas.get(u.id) ?? null : null,
      cadreIds: hasPage ? areaCadres.get(u.id) ?? [] : [],
      issueIds: hasPage ? issuesInArea.get(u.id) ?? [] : [],
      hasBoundary: boundaryIds.has(u.id),
      mapIds: hasPage ? mapIdsInArea.get(u.id) ?? [] : [],
      silentIds: hasPage ? (areaCadres.get(u.id) ?? []).filter((id) => silent.has(id)) : [],
      urgentChildIds: [],
    };
  }
  for (const unit of Object.values(units)) if (unit.hasPage) unit.urgentChildIds = byUrgency(unit.childIds.map((id) => units[id]!));

  const issuesOfCadre = new Map<string, string[]>();
  for (const issue of issueList) pushTo(issuesOfCadre, issue.cadreId, issue.id);
  const cadres: Record<string, CadreEntry> = Object.create(null);
  for (const c of data.cadres) {
    const activity = data.reports?.byCadre.get(c.id);
    const att = attendanceOfCadre.get(c.id) ?? noAttendance;
    const own = issuesOfCadre.get(c.id) ?? [];
    cadres[c.id] = {
      id: c.id,
      displayName: config.publishNames ? c.name : `${c.position ?? c.level} · ${c.id}`,
      level: c.level, homeUnitId: c.homeUnitId, position: c.position, field: c.field, team: c.team,
      hasPage: c.level !== 'commune',
      unitIds: [...new Set(unitsOfCadre.get(c.id) ?? [])].sort(),
      monthsDue: att.due, monthsAttended: att.attended, attendanceRate: att.rate,
      reports: activity?.reports ?? 0, meetings: activity?.meetings ?? 0, issues: activity?.issues ?? 0,
      issuesResponded: issuesOfCadreFigures.get(c.id)?.responded ?? 0,
      overloaded: overloaded.has(c.id), idle: idle.has(c.id), silent: silent.has(c.id), issueIds: own,
    };
  }

  const regionNames = [...new Set(data.units.map((u) => u.region).filter((r): r is string => r !== null))].sort((a, b) => a.localeCompare(b, 'vi'));
  const regions: RegionEntry[] = regionNames.map((name) => {
    const key = regionKey(name);
    const unitIds = data.units.filter((u) => u.region === name).map((u) => u.id);
    const cadreIds = areaCadres.get(key) ?? [];
    return {
      id: key, slug: slugify(name), name, unitIds,
      teams: [...new Set(cadreIds.map((id) => cadres[id]!.team).filter((t): t is string => t !== null))].sort(),
      area: current.areas.get(key)!, cadreIds, issueIds: issuesInArea.get(key) ?? [], mapIds: mapIdsInArea.get(key) ?? [],
    };
  });

  const byStreak = (ids: string[]) => [...ids].sort((a, b) => streak(b) - streak(a) || a.localeCompare(b));
  const warnings: ProblemEntry[] = loaded.findings.warnings.map((p) => ({
    quarter: p.quarter ?? null, file: p.file, line: p.line, column: p.column, value: p.value, code: p.code,
    message: { vi: describeProblem(p, 'vi'), en: describeProblem(p, 'en') },
  }));

  return {
    version: SITE_MODEL_VERSION,
    builtAt,
    title: config.title,
    publishNames: config.publishNames,
    tileUrl: config.tileUrl,
    tileAttribution: config.tileAttribution,
    overdueDays: config.overdueDays,
    quarter: { id: quarter.id, start: quarter.start, end: quarter.end },
    quarters: quarters.map((q) => q.data.quarter.id),
    pairs: config.coverage,
    files,
    figures: current.figures,
    previous: previous?.figures ?? null,
    root: current.root,
    sinceLastQuarter: changeSince(current.root, config.coverage, previous?.root ?? null, config.coverage),
    history: quarters.map((q) => q.figures),
    rootHistory: quarters.map((q) => q.root),
    changes: quarters.slice(1).map((q, i) => changesBetween(quarters[i]!, q)),
    attendanceByMonth: attendanceByMonth(current.attendance, quarter),
    loadHistograms: current.coverage.map((d) => histogram([...d.unitsOfCadre.values()].map((units) => units.size))),
    responseDays: issueList.map((i) => i.daysToResponse).filter((d): d is number => d !== null),
    unanswered: issueList.filter((i) => i.respondedOn === null).length,
    departments: departments(data.reports?.issues ?? [], quarter, config.overdueDays),
    topics: countBy(issueList.map((i) => i.topic).filter((t): t is string => t !== null)),
    rootIds: hierarchy.roots.map((u) => u.id),
    units,
    cadres,
    issues,
    regions,
    unattended: current.coverage.map((d) => byStreak(d.unattendedIds)),
    overloadedIds: bySeniority([...overloaded], cadres),
    idleIds: bySeniority([...idle], cadres),
    silentIds: current.silent,
    map: mapUnits.length === 0 ? null : {
      level: mapLevel, drawn: mapChoice.drawn, drawing: mapChoice.drawing,
      missingBoundary: mapUnits.filter((u) => !boundaryIds.has(u.id)).map((u) => u.id),
    },
    warnings,
  };
}

function changesBetween(before: QuarterAnalysis, after: QuarterAnalysis) {
  const changes = assignmentChanges(before.pairActive.flat(), after.pairActive.flat());
  const unattended = (q: QuarterAnalysis) => q.coverage.flatMap((d) => d.unattendedIds);
  return { from: before.data.quarter.id, to: after.data.quarter.id, ...changes, chronic: chronicUnattended(unattended(before), unattended(after)) };
}

/** Issue figures per receiving department (issues sent nowhere under ''), busiest first. */
function departments(list: Issue[], quarter: Quarter, overdueDays: number): DepartmentEntry[] {
  return [...issuesBy(list, (issue) => [issue.referredTo ?? ''], quarter, overdueDays)]
    .map(([department, figures]) => ({ department, ...figures }))
    .sort((a, b) => b.raised - a.raised || a.department.localeCompare(b.department, 'vi'));
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

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function slugify(name: string): string {
  return foldDiacritics(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'vung';
}
