import type { CadreEntry, IssueEntry, UnitEntry } from '../lib/site/types.ts';
import type { Lang } from '../lib/types.ts';
import { strings } from './i18n.ts';
import { pageUnitOf, pairLabel, placeTitle, unitPlace, unitTitle, unitTitleById } from './labels.ts';
import { model } from './model.ts';
import { href, pagePath } from './paths.ts';

/** `code`: an id, sorted as text and kept on one line. */
export type ColumnType = 'text' | 'code' | 'int' | 'rate' | 'ratio' | 'date' | 'delta';
export interface Column {
  key: string;
  label: string;
  type: ColumnType;
}
/** A link shown in a cell; `within` (a commune) follows in brackets, and a line breaks there rather than inside the text. */
export interface CellPart {
  text: string;
  href?: string;
  within?: string;
}
/**
 * A cell: a plain value, or a text with a link and a status colour. With `parts` the page shows
 * them, each with its own link, while `text` stays the plain form for the CSV and for sorting.
 */
export type Cell = string | number | null | { text: string; href?: string; status?: string; parts?: CellPart[] };
export type Row = Record<string, Cell>;
export interface TableData {
  /** File name of the CSV download, without extension. */
  id: string;
  caption: string;
  columns: Column[];
  rows: Row[];
}

const col = (key: string, label: string, type: ColumnType = 'text'): Column => ({ key, label, type });

/** The page a unit is shown on: its own, or its nearest ancestor's (a group is a row of its hamlet's page). */
function unitHref(id: string, lang: Lang): string | undefined {
  const page = pageUnitOf(id);
  return page ? href(lang, pagePath.unit(page.id)) : undefined;
}

function unitCell(id: string, lang: Lang): Cell {
  const unit = model.units[id];
  if (!unit) return id;
  // Hamlet and group names repeat from commune to commune: placeTitle says which commune.
  return { text: placeTitle(id, lang), href: unitHref(id, lang), status: unit.status === 'none' ? undefined : unit.status };
}

/** Units each linked on the page; in the CSV, titles with their ids (`Tổ 1, Ấp 2 (Xã A) [801-02-01]`), joined by `; `. */
function unitsCell(ids: string[], lang: Lang): Cell {
  if (ids.length === 0) return null;
  const parts = ids.map((id): CellPart => {
    const { title, commune } = unitPlace(id, lang);
    return { text: title, href: unitHref(id, lang), ...(commune ? { within: commune } : {}) };
  });
  return { text: ids.map((id) => `${placeTitle(id, lang)} [${id}]`).join('; '), parts };
}

function cadreCell(id: string, lang: Lang): Cell {
  const cadre = model.cadres[id];
  if (!cadre) return id;
  return { text: cadre.displayName, href: cadre.hasPage ? href(lang, pagePath.cadre(id)) : undefined };
}

/** Overview: each level pair with its figures and the change in covered units since last quarter. */
export function coverageTable(lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: 'coverage',
    caption: t.ratio,
    columns: [col('pair', t.pair), col('cadres', t.cadres, 'int'), col('units', t.units, 'int'), col('ratio', t.ratio, 'ratio'), col('covered', t.covered, 'int'),
      col('unattended', t.unattended, 'int'), col('overloaded', t.overloaded, 'int'), col('idle', t.idle, 'int'), col('deltaCovered', `${t.covered}: ${t.previousQuarter}`, 'delta')],
    rows: model.figures.coverage.map((c, i) => ({
      pair: pairLabel(i, lang), cadres: c.cadres, units: c.units, ratio: c.ratio, covered: c.covered, unattended: c.unattended, overloaded: c.overloaded, idle: c.idle,
      deltaCovered: model.sinceLastQuarter[i]?.covered ?? null,
    })),
  };
}

/** The units below an area with each pair's coverage, attendance and issues. */
export function areaTable(id: string, caption: string, unitIds: string[], lang: Lang): TableData {
  const t = strings[lang];
  const units = unitIds.map((u) => model.units[u]!).filter((u) => u.area !== null);
  const pairs = model.pairs.map((_, i) => i).filter((i) => units.some((u) => u.area!.coverage[i]!.units > 0));
  return {
    id,
    caption,
    columns: [col('name', t.name), ...pairs.flatMap((i) => [col(`rate${i}`, `${t.coverageRate}: ${pairLabel(i, lang)}`, 'rate'), col(`unattended${i}`, `${t.unattended} (${t.levels[model.pairs[i]!.unitLevel]})`, 'int')]),
      col('attendance', t.attendanceRate, 'rate'), col('silent', t.silentCadres, 'int'), col('raised', t.raised, 'int'), col('overdue', t.overdue, 'int')],
    rows: units.map((u) => {
      const a = u.area!;
      const row: Row = { name: unitCell(u.id, lang), attendance: a.attendance.rate, silent: a.silentCadres, raised: a.issues.raised, overdue: a.issues.overdue };
      for (const i of pairs) {
        const c = a.coverage[i]!;
        row[`rate${i}`] = c.coverageRate;
        row[`unattended${i}`] = c.unattended;
      }
      return row;
    }),
  };
}

/** Units without pages (hamlets, groups) as rows: status, followers, attendance. */
export function memberUnitsTable(id: string, caption: string, unitIds: string[], lang: Lang, withParent = false): TableData {
  const t = strings[lang];
  return {
    id,
    caption,
    columns: [col('name', t.name), ...(withParent ? [col('parent', t.parent)] : []), col('status', t.status), col('followers', t.followers), col('attendance', t.attendanceRate, 'rate'), col('households', t.households, 'int')],
    rows: unitIds.map((uid) => {
      const u = model.units[uid]!;
      return { name: unitTitle(u, lang), ...(withParent ? { parent: u.parentId ? unitTitleById(u.parentId, lang) : null } : {}),
        status: { text: t.statusText[u.status]!, status: u.status }, followers: u.followerIds.map((c) => model.cadres[c]?.displayName ?? c).join('; '),
        attendance: u.attendance.rate, households: u.households };
    }),
  };
}

/** Cadres with where they work, the units they follow, their load and activity this quarter. */
export function cadresTable(id: string, caption: string, cadreIds: string[], lang: Lang): TableData {
  const t = strings[lang];
  return {
    id,
    caption,
    // Where the row leads comes right after the name, so a phone shows it before the figures.
    columns: [col('name', t.cadre), col('id', t.cadreId, 'code'), col('home', t.pages.homeUnit), col('followed', t.followedUnits), col('level', t.level), col('position', t.position),
      col('units', t.unitsFollowed, 'int'), col('attendance', t.attendanceRate, 'rate'), col('reports', t.reports, 'int'), col('issues', t.issues, 'int'), col('flags', t.status)],
    rows: cadreIds.map((cid) => model.cadres[cid]!).map((c: CadreEntry) => ({
      // Commune cadres have no page: the home unit and the units followed are where their row leads.
      name: cadreCell(c.id, lang), id: c.id, level: t.cadreLevels[c.level], position: c.position,
      home: unitsCell([c.homeUnitId], lang), followed: unitsCell(c.unitIds, lang), units: c.unitIds.length,
      attendance: c.attendanceRate, reports: c.reports, issues: c.issues,
      flags: cadreFlags(c, lang),
    })),
  };
}

export function cadreFlags(c: CadreEntry, lang: Lang): Cell {
  const t = strings[lang].cadreFlags;
  const flags = [c.overloaded && t.overloaded, c.idle && t.idle, c.silent && t.silent].filter((f): f is string => Boolean(f));
  return flags.length === 0 ? null : { text: flags.join(', '), status: c.idle || c.silent ? 'unattended' : 'overloaded' };
}

/** Issues with where they went and how long they waited. */
export function issuesTable(id: string, caption: string, issueIds: string[], lang: Lang): TableData {
  const t = strings[lang];
  return {
    id,
    caption,
    columns: [col('date', t.date, 'date'), col('unit', t.unit), col('cadre', t.cadre), col('topic', t.topic), col('summary', t.summary), col('department', t.department),
      col('respondedOn', t.respondedOn, 'date'), col('days', t.daysToResponse, 'int'), col('age', t.age, 'int'), col('status', t.status)],
    rows: issueIds.map((iid) => model.issues[iid]!).map((i: IssueEntry) => ({
      date: i.date, unit: unitCell(i.unitId, lang), cadre: cadreCell(i.cadreId, lang), topic: i.topic, summary: i.summary, department: i.referredTo ?? t.noDepartment,
      respondedOn: i.respondedOn, days: i.daysToResponse, age: i.respondedOn ? null : i.ageDays,
      status: i.overdue ? { text: t.overdue, status: 'unattended' } : { text: t.statusText[i.status ?? (i.respondedOn ? 'responded' : 'open')]!, status: i.respondedOn ? 'covered' : undefined },
    })),
  };
}

/** Unattended units of one pair, longest-unattended first. */
export function unattendedTable(pair: number, lang: Lang, limit = Infinity): TableData {
  const t = strings[lang];
  return {
    id: `unattended-${model.pairs[pair]!.unitLevel}`,
    caption: `${t.unattended}: ${pairLabel(pair, lang)}`,
    columns: [col('unit', t.unit), col('parent', t.parent), col('quarters', t.quartersUnattended, 'int')],
    rows: model.unattended[pair]!.slice(0, limit).map((uid) => {
      const u: UnitEntry = model.units[uid]!;
      return { unit: unitCell(uid, lang), parent: u.parentId ? unitCell(u.parentId, lang) : null, quarters: u.unattendedQuarters };
    }),
  };
}

export function departmentsTable(lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: 'departments',
    caption: t.department,
    columns: [col('department', t.department), col('raised', t.raised, 'int'), col('responded', t.responded, 'int'), col('median', t.medianDays, 'int'), col('overdue', t.overdue, 'int')],
    rows: model.departments.map((d) => ({ department: d.department || t.noDepartment, raised: d.raised, responded: d.responded, median: d.medianDaysToResponse, overdue: d.overdue })),
  };
}

/** Each quarter's figures per pair, oldest first. */
export function historyTable(lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: 'history',
    caption: t.trend,
    columns: [col('quarter', t.quarter), col('pair', t.pair), col('cadres', t.cadres, 'int'), col('units', t.units, 'int'), col('ratio', t.ratio, 'ratio'), col('covered', t.covered, 'int'),
      col('unattended', t.unattended, 'int'), col('overloaded', t.overloaded, 'int'), col('idle', t.idle, 'int'), col('attendance', t.attendanceRate, 'rate'), col('raised', t.raised, 'int'), col('overdue', t.overdue, 'int')],
    rows: model.history.flatMap((q) => q.coverage.map((c, i) => ({
      quarter: q.quarter, pair: pairLabel(i, lang), cadres: c.cadres, units: c.units, ratio: c.ratio, covered: c.covered, unattended: c.unattended, overloaded: c.overloaded, idle: c.idle,
      attendance: q.activity?.attendanceRate ?? null, raised: q.issues?.raised ?? null, overdue: q.issues?.overdue ?? null,
    }))),
  };
}

/** Assignments added, ended and moved between the last two quarters. */
export function changesTable(lang: Lang): TableData | null {
  const change = model.changes.at(-1);
  if (!change) return null;
  const t = strings[lang];
  return {
    id: 'changes',
    caption: `${t.change}: ${change.from} → ${change.to}`,
    columns: [col('change', t.change), col('cadre', t.cadre), col('from', t.from), col('to', t.to)],
    rows: [
      ...change.moved.map((m) => ({ change: t.moved, cadre: cadreCell(m.cadreId, lang), from: unitCell(m.fromUnitId, lang), to: unitCell(m.toUnitId, lang) })),
      ...change.added.map((m) => ({ change: t.added, cadre: cadreCell(m.cadreId, lang), from: null, to: unitCell(m.unitId, lang) })),
      ...change.ended.map((m) => ({ change: t.ended, cadre: cadreCell(m.cadreId, lang), from: unitCell(m.unitId, lang), to: null })),
    ],
  };
}

export function chronicTable(lang: Lang): TableData | null {
  const change = model.changes.at(-1);
  if (!change) return null;
  const t = strings[lang];
  return {
    id: 'chronic',
    caption: `${t.chronic} (${change.from}, ${change.to})`,
    columns: [col('unit', t.unit), col('level', t.level), col('parent', t.parent)],
    rows: change.chronic.map((uid) => ({ unit: unitCell(uid, lang), level: t.levelTitle[model.units[uid]!.level], parent: model.units[uid]!.parentId ? unitCell(model.units[uid]!.parentId!, lang) : null })),
  };
}

export function warningsTable(lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: 'warnings',
    caption: t.warnings,
    columns: [col('quarter', t.quarter), col('file', t.file), col('line', t.line, 'int'), col('column', t.column), col('value', t.value), col('message', t.message)],
    rows: model.warnings.map((w) => ({ quarter: w.quarter, file: w.file, line: w.line === null ? null : String(w.line), column: w.column, value: w.value, message: w.message[lang] })),
  };
}

export function noBoundaryTable(lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: 'no-boundary',
    caption: t.noBoundary,
    columns: [col('unit', t.unit), col('parent', t.parent), col('point', 'lat, lon')],
    rows: (model.map?.missingBoundary ?? []).map((uid) => {
      const u = model.units[uid]!;
      return { unit: unitCell(uid, lang), parent: u.parentId ? unitCell(u.parentId, lang) : null, point: u.lat !== null && u.lon !== null ? `${u.lat}, ${u.lon}` : null };
    }),
  };
}

export function filesTable(lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: 'files',
    caption: t.about.source,
    columns: [col('quarter', t.quarter), col('file', t.file), col('bytes', t.bytes, 'int'), col('sha256', t.checksum)],
    rows: model.files.map((f) => ({ quarter: f.quarter, file: f.name, bytes: f.bytes, sha256: f.sha256 })),
  };
}

/** The units a cadre follows this quarter. */
export function cadreUnitsTable(cadreId: string, lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: `cadre-units-${cadreId}`,
    caption: t.unitsFollowed,
    columns: [col('unit', t.unit), col('level', t.level), col('parent', t.parent), col('attendance', t.attendanceRate, 'rate')],
    rows: model.cadres[cadreId]!.unitIds.map((uid) => {
      const u = model.units[uid]!;
      return { unit: unitCell(uid, lang), level: t.levelTitle[u.level], parent: u.parentId ? unitCell(u.parentId, lang) : null, attendance: u.attendance.rate };
    }),
  };
}

/** Issues still waiting for an answer, oldest first. */
export function openIssueIds(): string[] {
  return Object.values(model.issues).filter((i) => i.respondedOn === null).sort((a, b) => b.ageDays - a.ageDays || a.id.localeCompare(b.id)).map((i) => i.id);
}

export function overdueIssueIds(): string[] {
  return openIssueIds().filter((id) => model.issues[id]!.overdue);
}

/** Overdue issues of an area, oldest first: the short list of the A4 brief. */
export function areaOverdueIssueIds(unitId: string): string[] {
  // issueIds come most urgent first: unanswered ones oldest first.
  return model.units[unitId]!.issueIds.filter((i) => model.issues[i]!.overdue);
}

/** A narrow issues table for print: when, where, what, to whom, and how long it has waited. */
export function overdueTable(id: string, caption: string, issueIds: string[], lang: Lang): TableData {
  const t = strings[lang];
  return {
    id,
    caption,
    columns: [col('date', t.date, 'date'), col('unit', t.unit), col('cadre', t.cadre), col('summary', t.summary), col('department', t.department), col('age', t.age, 'int')],
    rows: issueIds.map((iid) => model.issues[iid]!).map((i: IssueEntry) => ({
      date: i.date, unit: unitCell(i.unitId, lang), cadre: cadreCell(i.cadreId, lang), summary: i.summary ?? i.topic, department: i.referredTo ?? t.noDepartment, age: i.ageDays,
    })),
  };
}

/** Every table of the site, so each has its CSV download. Ids are unique per language. */
export function allTables(lang: Lang): TableData[] {
  const t = strings[lang];
  const tables: (TableData | null)[] = [
    coverageTable(lang),
    departmentsTable(lang),
    historyTable(lang),
    changesTable(lang),
    chronicTable(lang),
    warningsTable(lang),
    noBoundaryTable(lang),
    filesTable(lang),
    issuesTable('overdue', t.overdueIssues, overdueIssueIds(), lang),
    issuesTable('issues-open', t.issues, openIssueIds(), lang),
    issuesTable('issues-all', t.issues, Object.keys(model.issues), lang),
    cadresTable('overloaded', t.overloaded, model.overloadedIds, lang),
    cadresTable('idle', t.idle, model.idleIds, lang),
    cadresTable('silent', t.silentCadres, model.silentIds, lang),
    ...model.pairs.map((_, i) => unattendedTable(i, lang)),
  ];
  for (const unit of Object.values(model.units)) {
    if (!unit.hasPage) continue;
    const pageChildren = unit.childIds.filter((c) => model.units[c]!.hasPage);
    const rowChildren = unit.childIds.filter((c) => !model.units[c]!.hasPage);
    const grandchildren = rowChildren.flatMap((c) => model.units[c]!.childIds);
    if (pageChildren.length > 0) tables.push(areaTable(`areas-${unit.id}`, t.children, pageChildren, lang));
    if (rowChildren.length > 0) tables.push(memberUnitsTable(`units-${unit.id}`, t.children, rowChildren, lang));
    if (grandchildren.length > 0) tables.push(memberUnitsTable(`groups-${unit.id}`, t.groups, grandchildren, lang, true));
    tables.push(cadresTable(`cadres-${unit.id}`, t.cadres, unit.cadreIds, lang));
    tables.push(issuesTable(`issues-${unit.id}`, t.issues, unit.issueIds, lang));
    if (unit.hasBrief) tables.push(overdueTable(`overdue-${unit.id}`, t.overdueIssues, areaOverdueIssueIds(unit.id), lang));
  }
  for (const cadre of Object.values(model.cadres)) {
    if (!cadre.hasPage) continue;
    tables.push(cadreUnitsTable(cadre.id, lang));
    tables.push(issuesTable(`cadre-issues-${cadre.id}`, t.issues, cadre.issueIds, lang));
  }
  for (const region of model.regions) {
    tables.push(areaTable(`areas-region-${region.slug}`, t.children, region.unitIds, lang));
    tables.push(cadresTable(`cadres-region-${region.slug}`, t.cadres, region.cadreIds, lang));
    tables.push(issuesTable(`issues-region-${region.slug}`, t.issues, region.issueIds, lang));
  }
  return tables.filter((table): table is TableData => table !== null);
}
