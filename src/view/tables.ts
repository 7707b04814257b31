import type { CadreEntry, IssueEntry, UnitEntry } from '../lib/model/types.ts';
import { toCsv } from '../lib/csv-out.ts';
import type { Lang, UnitLevel } from '../lib/types.ts';
import { strings } from '../lib/i18n.ts';
import { pageUnitOf, pairLabel, placeTitle, unitPlace, unitTitle, unitTitleById } from './labels.ts';
import { href, pagePath, pairSlug } from './paths.ts';
import { changesByArea } from '../lib/plan/plan.ts';
import { changeReason } from '../lib/plan/text.ts';
import { allRoutes, type Route } from './routes.ts';
import { flagPhrases, flagStatus } from './status.ts';
import { CADRE_FLAGS } from '../lib/status.ts';
import type { SiteModel } from '../lib/model/types.ts';
import type { Tone } from '../lib/thresholds.ts';
import { departmentScorecardTables, departmentScorecardsTables, regionsTables, teamTables, teamsTables } from './scorecard-tables.ts';

/** `code`: an id, sorted as text and kept on one line. */
export type ColumnType = 'text' | 'code' | 'int' | 'rate' | 'ratio' | 'date' | 'delta';
export interface Column {
  key: string;
  label: string;
  type: ColumnType;
  /** What the column means, for the workbook's last sheet, where column-notes.ts has no entry for its key. */
  note?: string;
  /** In the CSV and the workbook only: the page shows it inside another column's cells (a figure's change). */
  downloadOnly?: boolean;
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
export type Cell = string | number | null | { text: string; href?: string; status?: string; parts?: CellPart[]; sort?: number } | FigureCell;
/**
 * A scorecard's figure: its number is what the page formats by the column's type, sorts by, and
 * the downloads write. It is coloured only when it falls short of a threshold stated on the page;
 * its change since last quarter and its values over the quarters are shown under it.
 */
export interface FigureCell {
  value: number | null;
  short?: boolean;
  change?: { value: number | null; tone: Tone; kind: 'rate' | 'count' };
  trend?: { quarter: string; value: number | null }[];
}
export const isFigure = (cell: Cell | undefined): cell is FigureCell => cell !== null && typeof cell === 'object' && 'value' in cell;
export type Row = Record<string, Cell>;
export interface TableData {
  /** File name of the CSV download, without extension. */
  id: string;
  caption: string;
  columns: Column[];
  rows: Row[];
  /** What a long list is filtered by on the page (src/client/list-pager.ts); the CSV ignores it. */
  filter?: TableFilter;
}

/**
 * The districts, communes and statuses a list's rows can be filtered by, and each row's, as
 * indexes into those lists (short attributes, and safe whatever an id holds).
 */
export interface TableFilter {
  districts: string[];
  communes: string[];
  statuses: { key: string; label: string }[];
  rows: { districts: number[]; communes: number[]; statuses: number[] }[];
}

/** The district and commune a unit lies in (itself when it is one); null where the tree has none. */
function placeOf(model: SiteModel, id: string): { district: string | null; commune: string | null } {
  const place: { district: string | null; commune: string | null } = { district: null, commune: null };
  for (let u: UnitEntry | undefined = model.units[id], depth = 0; u && depth < 10; u = u.parentId === null ? undefined : model.units[u.parentId], depth++) {
    if (u.level === 'district') place.district ??= u.id;
    if (u.level === 'commune') place.commune ??= u.id;
  }
  return place;
}

/** A filter over rows, each placed by some units and carrying some status keys (in `statuses` order). */
function tableFilter(model: SiteModel, statuses: { key: string; label: string }[], rows: { unitIds: string[]; statuses: string[] }[]): TableFilter {
  const index = (list: string[], seen: Map<string, number>) => (id: string) => {
    let i = seen.get(id);
    if (i === undefined) seen.set(id, (i = list.push(id) - 1));
    return i;
  };
  const districts: string[] = [];
  const communes: string[] = [];
  const district = index(districts, new Map());
  const commune = index(communes, new Map());
  const status = new Map(statuses.map((s, i) => [s.key, i]));
  const tagged = rows.map((row) => {
    const places = row.unitIds.map((id) => placeOf(model, id));
    return {
      districts: [...new Set(places.flatMap((p) => (p.district === null ? [] : [district(p.district)])))],
      communes: [...new Set(places.flatMap((p) => (p.commune === null ? [] : [commune(p.commune)])))],
      statuses: row.statuses.map((key) => status.get(key)!),
    };
  });
  // Options in Vietnamese order of their names; the rows' indexes are remapped to match.
  const order = (ids: string[]) => ids.map((id, i) => [id, i] as const).sort((a, b) => (model.units[a[0]]?.name ?? a[0]).localeCompare(model.units[b[0]]?.name ?? b[0], 'vi'));
  const dOrder = order(districts);
  const cOrder = order(communes);
  const dAt = new Map(dOrder.map(([, old], i) => [old, i]));
  const cAt = new Map(cOrder.map(([, old], i) => [old, i]));
  return {
    districts: dOrder.map(([id]) => id), communes: cOrder.map(([id]) => id), statuses,
    rows: tagged.map((r) => ({ districts: r.districts.map((i) => dAt.get(i)!), communes: r.communes.map((i) => cAt.get(i)!), statuses: r.statuses })),
  };
}

/** A table as its CSV download: the cells' plain text, in its columns' order, rates rounded as shown. */
export function tableCsv(table: TableData): string {
  const raw = (cell: Cell | undefined) => (isFigure(cell) ? cell.value : cell !== null && typeof cell === 'object' ? cell.text : cell ?? null);
  // A rate as the page shows it, 66.7 %: written 0.667, not 0.6666666666666666.
  const rounded = (type: ColumnType, value: string | number | null) => (type === 'rate' && typeof value === 'number' ? Math.round(value * 1000) / 1000 : value);
  return toCsv(
    table.columns.map((c) => ({ key: c.key, header: c.label })),
    table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.key, rounded(c.type, raw(row[c.key]))]))),
  );
}

const col = (key: string, label: string, type: ColumnType = 'text'): Column => ({ key, label, type });

/** The page a unit is shown on: its own, or its nearest ancestor's (a group is a row of its hamlet's page). */
function unitHref(model: SiteModel, id: string, lang: Lang): string | undefined {
  const page = pageUnitOf(model, id);
  return page ? href(lang, pagePath.unit(page.id)) : undefined;
}

export function unitCell(model: SiteModel, id: string, lang: Lang): Cell {
  const unit = model.units[id];
  if (!unit) return id;
  // Hamlet and group names repeat from commune to commune: placeTitle says which commune.
  return { text: placeTitle(model, id, lang), href: unitHref(model, id, lang), status: unit.status === 'none' ? undefined : unit.status };
}

/** Units each linked on the page; in the CSV, titles with their ids (`Tổ 1, Ấp 2 (Xã A) [801-02-01]`), joined by `; `. */
function unitsCell(model: SiteModel, ids: string[], lang: Lang): Cell {
  if (ids.length === 0) return null;
  const parts = ids.map((id): CellPart => {
    const { title, commune } = unitPlace(model, id, lang);
    return { text: title, href: unitHref(model, id, lang), ...(commune ? { within: commune } : {}) };
  });
  return { text: ids.map((id) => `${placeTitle(model, id, lang)} [${id}]`).join('; '), parts };
}

export function cadreCell(model: SiteModel, id: string, lang: Lang): Cell {
  const cadre = model.cadres[id];
  if (!cadre) return id;
  return { text: cadre.displayName, href: cadre.hasPage ? href(lang, pagePath.cadre(id)) : undefined };
}

/** Overview: each level pair with its figures and the change in covered units since last quarter. */
export function coverageTable(model: SiteModel, lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: 'coverage',
    caption: t.ratio,
    columns: [col('pair', t.pair), col('cadres', t.cadres, 'int'), col('units', t.units, 'int'), col('ratio', t.ratio, 'ratio'), col('covered', t.covered, 'int'),
      col('unattended', t.unattended, 'int'), col('overloaded', t.overloaded, 'int'), col('idle', t.idle, 'int'), col('deltaCovered', `${t.covered}: ${t.previousQuarter}`, 'delta')],
    rows: model.figures.coverage.map((c, i) => ({
      pair: pairLabel(model, i, lang), cadres: c.cadres, units: c.units, ratio: c.ratio, covered: c.covered, unattended: c.unattended, overloaded: c.overloaded, idle: c.idle,
      deltaCovered: model.sinceLastQuarter[i]?.covered ?? null,
    })),
  };
}

/** The units below an area with each pair's coverage, attendance and issues. */
export function areaTable(model: SiteModel, id: string, caption: string, unitIds: string[], lang: Lang): TableData {
  const t = strings[lang];
  const units = unitIds.map((u) => model.units[u]!).filter((u) => u.area !== null);
  const pairs = model.pairs.map((_, i) => i).filter((i) => units.some((u) => u.area!.coverage[i]!.units > 0));
  return {
    id,
    caption,
    columns: [col('name', t.name), ...pairs.flatMap((i) => [col(`rate${i}`, `${t.coverageRate}: ${pairLabel(model, i, lang)}`, 'rate'), col(`unattended${i}`, `${t.unattended} (${t.levels[model.pairs[i]!.unitLevel]})`, 'int')]),
      col('attendance', t.attendanceRate, 'rate'), col('silent', t.silentCadres, 'int'), col('raised', t.raised, 'int'), col('overdue', t.overdue, 'int')],
    rows: units.map((u) => {
      const a = u.area!;
      const row: Row = { name: unitCell(model, u.id, lang), attendance: a.attendance.rate, silent: a.silentCadres, raised: a.issues.raised, overdue: a.issues.overdue };
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
export function memberUnitsTable(model: SiteModel, id: string, caption: string, unitIds: string[], lang: Lang, withParent = false): TableData {
  const t = strings[lang];
  return {
    id,
    caption,
    columns: [col('name', t.name), ...(withParent ? [col('parent', t.parent)] : []), col('status', t.status), col('followers', t.followers), col('attendance', t.reading.unitAttendance, 'rate'), col('households', t.households, 'int')],
    rows: unitIds.map((uid) => {
      const u = model.units[uid]!;
      return { name: unitTitle(u, lang), ...(withParent ? { parent: u.parentId ? unitTitleById(model, u.parentId, lang) : null } : {}),
        status: { text: t.statusText[u.status]!, status: u.status }, followers: u.followerIds.map((c) => model.cadres[c]?.displayName ?? c).join('; '),
        attendance: u.attendance.rate, households: u.households };
    }),
  };
}

/** Cadres with where they work, the units they follow, their load and activity this quarter. */
export function cadresTable(model: SiteModel, id: string, caption: string, cadreIds: string[], lang: Lang): TableData {
  const t = strings[lang];
  return {
    id,
    caption,
    // Where the row leads comes right after the name, so a phone shows it before the figures.
    columns: [col('name', t.cadre), col('id', t.cadreId, 'code'), col('home', t.pages.homeUnit), col('followed', t.followedUnits), col('level', t.level), col('position', t.position),
      col('units', t.unitsFollowed, 'int'), col('attendance', t.reading.cadreAttendance, 'rate'), col('reports', t.reports, 'int'), col('issues', t.issues, 'int'), col('flags', t.status)],
    rows: cadreIds.map((cid) => model.cadres[cid]!).map((c: CadreEntry) => ({
      // Commune cadres have no page: the home unit and the units followed are where their row leads.
      name: cadreCell(model, c.id, lang), id: c.id, level: { text: t.cadreLevels[c.level], sort: LEVEL_RANK[c.level] }, position: c.position,
      home: unitsCell(model, [c.homeUnitId], lang), followed: unitsCell(model, c.unitIds, lang), units: c.unitIds.length,
      attendance: c.attendanceRate, reports: c.reports, issues: c.issues,
      flags: cadreFlags(model, c, lang),
    })),
    filter: tableFilter(model, CADRE_FLAGS.map((key) => ({ key, label: t.reading.flags[key] })),
      cadreIds.map((cid) => ({ unitIds: [model.cadres[cid]!.homeUnitId, ...model.cadres[cid]!.unitIds], statuses: model.cadres[cid]!.flags }))),
  };
}

/** Levels sort by rank, highest first, never by their names' alphabet. */
const LEVEL_RANK: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2, hamlet: 3, group: 4 };

/** A cadre's status by the one rule (src/lib/status.ts): every flag in words, or nothing. */
export function cadreFlags(model: SiteModel, c: CadreEntry, lang: Lang): Cell {
  const phrases = flagPhrases(model, c, lang);
  return phrases.length === 0 ? null : { text: phrases.join('; '), status: flagStatus(c) };
}

/** Issues with where they went and how long they waited. */
export function issuesTable(model: SiteModel, id: string, caption: string, issueIds: string[], lang: Lang): TableData {
  const t = strings[lang];
  return {
    id,
    caption,
    columns: [col('date', t.date, 'date'), col('unit', t.unit), col('cadre', t.cadre), col('topic', t.topic), col('summary', t.summary), col('department', t.department),
      col('respondedOn', t.respondedOn, 'date'), col('days', t.daysToResponse, 'int'), col('age', t.age, 'int'), col('status', t.status)],
    rows: issueIds.map((iid) => model.issues[iid]!).map((i: IssueEntry) => ({
      date: i.date, unit: unitCell(model, i.unitId, lang), cadre: cadreCell(model, i.cadreId, lang), topic: i.topic, summary: i.summary, department: i.referredTo ?? t.noDepartment,
      respondedOn: i.respondedOn, days: i.daysToResponse, age: i.respondedOn ? null : i.ageDays,
      status: i.overdue ? { text: t.overdue, status: 'unattended' } : { text: t.statusText[i.status ?? (i.respondedOn ? 'responded' : 'open')]!, status: i.respondedOn ? 'covered' : undefined },
    })),
    filter: tableFilter(model, [{ key: 'overdue', label: t.overdue }, { key: 'open', label: t.openAnswer }, { key: 'responded', label: t.responded }],
      issueIds.map((iid) => {
        const i = model.issues[iid]!;
        return { unitIds: [i.unitId], statuses: [...(i.overdue ? ['overdue'] : []), i.respondedOn ? 'responded' : 'open'] };
      })),
  };
}

/** Unattended units of one pair, longest-unattended first. */
export function unattendedTable(model: SiteModel, pair: number, lang: Lang, limit = Infinity): TableData {
  const t = strings[lang];
  return {
    id: `unattended-${model.pairs[pair]!.unitLevel}`,
    caption: `${t.unattended}: ${pairLabel(model, pair, lang)}`,
    columns: [col('unit', t.unit), col('parent', t.parent), col('quarters', t.quartersUnattended, 'int')],
    rows: model.unattended[pair]!.slice(0, limit).map((uid) => {
      const u: UnitEntry = model.units[uid]!;
      return { unit: unitCell(model, uid, lang), parent: u.parentId ? unitCell(model, u.parentId, lang) : null, quarters: u.unattendedQuarters };
    }),
    filter: tableFilter(model, [], model.unattended[pair]!.slice(0, limit).map((uid) => ({ unitIds: [uid], statuses: [] }))),
  };
}

export function departmentsTable(model: SiteModel, lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: 'departments',
    caption: t.department,
    columns: [col('department', t.department), col('raised', t.raised, 'int'), col('responded', t.responded, 'int'), col('median', t.medianDays, 'int'), col('overdue', t.overdue, 'int')],
    rows: model.departments.map((d) => ({ department: d.department || t.noDepartment, raised: d.raised, responded: d.responded, median: d.medianDaysToResponse, overdue: d.overdue })),
  };
}

/** Each quarter's figures per pair, oldest first. */
export function historyTable(model: SiteModel, lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: 'history',
    caption: t.trend,
    columns: [col('quarter', t.quarter), col('pair', t.pair), col('cadres', t.cadres, 'int'), col('units', t.units, 'int'), col('ratio', t.ratio, 'ratio'), col('covered', t.covered, 'int'),
      col('unattended', t.unattended, 'int'), col('overloaded', t.overloaded, 'int'), col('idle', t.idle, 'int'), col('attendance', t.attendanceRate, 'rate'), col('raised', t.raised, 'int'), col('overdue', t.overdue, 'int')],
    rows: model.history.flatMap((q) => q.coverage.map((c, i) => ({
      quarter: q.quarter, pair: pairLabel(model, i, lang), cadres: c.cadres, units: c.units, ratio: c.ratio, covered: c.covered, unattended: c.unattended, overloaded: c.overloaded, idle: c.idle,
      attendance: q.activity?.attendanceRate ?? null, raised: q.issues?.raised ?? null, overdue: q.issues?.overdue ?? null,
    }))),
  };
}

/** Assignments added, ended and moved between the last two quarters. */
export function changesTable(model: SiteModel, lang: Lang): TableData | null {
  const change = model.changes.at(-1);
  if (!change) return null;
  const t = strings[lang];
  return {
    id: 'changes',
    caption: `${t.change}: ${change.from} → ${change.to}`,
    columns: [col('change', t.change), col('cadre', t.cadre), col('from', t.from), col('to', t.to)],
    rows: [
      ...change.moved.map((m) => ({ change: t.moved, cadre: cadreCell(model, m.cadreId, lang), from: unitCell(model, m.fromUnitId, lang), to: unitCell(model, m.toUnitId, lang) })),
      ...change.added.map((m) => ({ change: t.added, cadre: cadreCell(model, m.cadreId, lang), from: null, to: unitCell(model, m.unitId, lang) })),
      ...change.ended.map((m) => ({ change: t.ended, cadre: cadreCell(model, m.cadreId, lang), from: unitCell(model, m.unitId, lang), to: null })),
    ],
  };
}

export function chronicTable(model: SiteModel, lang: Lang): TableData | null {
  const change = model.changes.at(-1);
  if (!change) return null;
  const t = strings[lang];
  return {
    id: 'chronic',
    caption: `${t.chronic} (${change.from}, ${change.to})`,
    columns: [col('unit', t.unit), col('level', t.level), col('parent', t.parent)],
    rows: change.chronic.map((uid) => ({ unit: unitCell(model, uid, lang), level: { text: t.levelTitle[model.units[uid]!.level], sort: LEVEL_RANK[model.units[uid]!.level] }, parent: model.units[uid]!.parentId ? unitCell(model, model.units[uid]!.parentId!, lang) : null })),
  };
}

export function warningsTable(model: SiteModel, lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: 'warnings',
    caption: t.warnings,
    columns: [col('quarter', t.quarter), col('file', t.file), col('line', t.line, 'int'), col('column', t.column), col('value', t.value), col('message', t.message)],
    rows: model.warnings.map((w) => ({ quarter: w.quarter, file: w.file, line: w.line === null ? null : String(w.line), column: w.column, value: w.value, message: w.message[lang] })),
  };
}

export function noBoundaryTable(model: SiteModel, lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: 'no-boundary',
    caption: t.noBoundary,
    columns: [col('unit', t.unit), col('parent', t.parent), col('point', 'lat, lon')],
    rows: (model.map?.missingBoundary ?? []).map((uid) => {
      const u = model.units[uid]!;
      return { unit: unitCell(model, uid, lang), parent: u.parentId ? unitCell(model, u.parentId, lang) : null, point: u.lat !== null && u.lon !== null ? `${u.lat}, ${u.lon}` : null };
    }),
  };
}

export function filesTable(model: SiteModel, lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: 'files',
    caption: t.about.source,
    columns: [col('quarter', t.quarter), col('file', t.file), col('bytes', t.bytes, 'int'), col('sha256', t.checksum)],
    rows: model.files.map((f) => ({ quarter: f.quarter, file: f.name, bytes: f.bytes, sha256: f.sha256 })),
  };
}

/** The units a cadre follows this quarter. */
export function cadreUnitsTable(model: SiteModel, cadreId: string, lang: Lang): TableData {
  const t = strings[lang];
  return {
    id: `cadre-units-${cadreId}`,
    caption: t.unitsFollowed,
    columns: [col('unit', t.unit), col('level', t.level), col('parent', t.parent), col('attendance', t.reading.unitAttendance, 'rate')],
    rows: model.cadres[cadreId]!.unitIds.map((uid) => {
      const u = model.units[uid]!;
      return { unit: unitCell(model, uid, lang), level: { text: t.levelTitle[u.level], sort: LEVEL_RANK[u.level] }, parent: u.parentId ? unitCell(model, u.parentId, lang) : null, attendance: u.attendance.rate };
    }),
  };
}

/** Issues still waiting for an answer, oldest first. */
export function openIssueIds(model: SiteModel): string[] {
  return Object.values(model.issues).filter((i) => i.respondedOn === null).sort((a, b) => b.ageDays - a.ageDays || a.id.localeCompare(b.id)).map((i) => i.id);
}

export function overdueIssueIds(model: SiteModel): string[] {
  return openIssueIds(model).filter((id) => model.issues[id]!.overdue);
}

/** Overdue issues of an area, oldest first: the short list of the A4 brief. */
export function areaOverdueIssueIds(model: SiteModel, unitId: string): string[] {
  // issueIds come most urgent first: unanswered ones oldest first.
  return model.units[unitId]!.issueIds.filter((i) => model.issues[i]!.overdue);
}

/** A narrow issues table for print: when, where, what, to whom, and how long it has waited. */
export function overdueTable(model: SiteModel, id: string, caption: string, issueIds: string[], lang: Lang): TableData {
  const t = strings[lang];
  return {
    id,
    caption,
    columns: [col('date', t.date, 'date'), col('unit', t.unit), col('cadre', t.cadre), col('summary', t.summary), col('department', t.department), col('age', t.age, 'int')],
    rows: issueIds.map((iid) => model.issues[iid]!).map((i: IssueEntry) => ({
      date: i.date, unit: unitCell(model, i.unitId, lang), cadre: cadreCell(model, i.cadreId, lang), summary: i.summary ?? i.topic, department: i.referredTo ?? t.noDepartment, age: i.ageDays,
    })),
  };
}

/*
 * The tables of each page, declared once: the page shows them and the CSV endpoint writes each
 * one's download, so every download link has its file. A table shown on two pages has one id
 * and one CSV (a brief shows the first rows of its unit page's tables, most urgent first).
 */

export function overviewTables(model: SiteModel, lang: Lang) {
  const t = strings[lang];
  const root = model.units[model.rootIds[0]!]!;
  return {
    coverage: coverageTable(model, lang),
    unattended: unattendedTable(model, 0, lang),
    overdue: issuesTable(model, 'overdue', t.overdueIssues, overdueIssueIds(model), lang),
    silent: cadresTable(model, 'silent', t.silentCadres, model.silentIds, lang),
    areas: areaTable(model, `areas-${root.id}`, t.children, root.childIds.filter((id) => model.units[id]!.hasPage), lang),
    departments: departmentsTable(model, lang),
    history: historyTable(model, lang),
  };
}

/** The units below a unit: those with pages as areas, the others as rows. */
function childTables(model: SiteModel, id: string, children: string[], lang: Lang) {
  const t = strings[lang];
  const pageChildren = children.filter((c) => model.units[c]!.hasPage);
  const rowChildren = children.filter((c) => !model.units[c]!.hasPage);
  return {
    areas: pageChildren.length > 0 ? areaTable(model, `areas-${id}`, t.children, pageChildren, lang) : null,
    units: rowChildren.length > 0 ? memberUnitsTable(model, `units-${id}`, t.children, rowChildren, lang) : null,
  };
}

/** A unit page: the units below it, their own children (groups) too, its cadres and its issues. */
export function unitTables(model: SiteModel, id: string, lang: Lang) {
  const t = strings[lang];
  const unit = model.units[id]!;
  const grandchildren = unit.childIds.filter((c) => !model.units[c]!.hasPage).flatMap((c) => model.units[c]!.childIds);
  return {
    ...childTables(model, id, unit.childIds, lang),
    groups: grandchildren.length > 0 ? memberUnitsTable(model, `groups-${id}`, t.groups, grandchildren, lang, true) : null,
    cadres: cadresTable(model, `cadres-${id}`, t.cadres, unit.cadreIds, lang),
    issues: issuesTable(model, `issues-${id}`, t.issues, unit.issueIds, lang),
  };
}

export function briefTables(model: SiteModel, id: string, lang: Lang) {
  const { areas, units } = childTables(model, id, model.units[id]!.urgentChildIds, lang);
  return {
    areas,
    units: areas ? null : units,
    overdue: overdueTable(model, `overdue-${id}`, strings[lang].overdueIssues, areaOverdueIssueIds(model, id), lang),
  };
}

export function cadreTables(model: SiteModel, id: string, lang: Lang) {
  return {
    units: cadreUnitsTable(model, id, lang),
    issues: issuesTable(model, `cadre-issues-${id}`, strings[lang].issues, model.cadres[id]!.issueIds, lang),
  };
}

export function regionTables(model: SiteModel, id: string, lang: Lang) {
  const t = strings[lang];
  const region = model.regions.find((r) => r.id === id)!;
  return {
    areas: areaTable(model, `areas-region-${region.slug}`, t.children, region.unitIds, lang),
    cadres: cadresTable(model, `cadres-region-${region.slug}`, t.cadres, region.cadreIds, lang),
    issues: issuesTable(model, `issues-region-${region.slug}`, t.issues, region.issueIds, lang),
  };
}

export function unattendedTables(model: SiteModel, lang: Lang) {
  return { unattended: model.pairs.map((_, i) => unattendedTable(model, i, lang)) };
}

export function cadreListTables(model: SiteModel, lang: Lang) {
  const t = strings[lang];
  return {
    overloaded: cadresTable(model, 'overloaded', t.overloaded, model.overloadedIds, lang),
    idle: cadresTable(model, 'idle', t.idle, model.idleIds, lang),
  };
}

export function silentTables(model: SiteModel, lang: Lang) {
  return { silent: cadresTable(model, 'silent', strings[lang].silentCadres, model.silentIds, lang) };
}

export function issueListTables(model: SiteModel, lang: Lang) {
  const t = strings[lang];
  return {
    departments: departmentsTable(model, lang),
    open: issuesTable(model, 'issues-open', t.pages.openIssues, openIssueIds(model), lang),
    /** A download only: every issue of the quarter. */
    all: issuesTable(model, 'issues-all', t.issues, Object.keys(model.issues), lang),
  };
}

export function historyTables(model: SiteModel, lang: Lang) {
  return { history: historyTable(model, lang), changes: changesTable(model, lang), chronic: chronicTable(model, lang) };
}

export function qualityTables(model: SiteModel, lang: Lang) {
  return { warnings: warningsTable(model, lang), noBoundary: model.map ? noBoundaryTable(model, lang) : null };
}

export function mapTables(model: SiteModel, lang: Lang) {
  return { noBoundary: model.map && model.map.missingBoundary.length > 0 ? noBoundaryTable(model, lang) : null };
}

export function aboutTables(model: SiteModel, lang: Lang) {
  return { files: filesTable(model, lang) };
}

/** A plan's figures for one pair: today's, and next quarter's once its changes are made. */
export function planFiguresTable(model: SiteModel, pair: number, lang: Lang): TableData {
  const t = strings[lang];
  const p = model.plan!.pairs[pair]!;
  const keys = ['covered', 'unattended', 'overloaded', 'idle', 'maxLoad'] as const;
  return {
    id: `plan-${pairSlug(p)}-figures`,
    caption: `${t.plan.beforeAfter}: ${pairLabel(model, pair, lang)}`,
    columns: [col('figure', t.plan.figure), col('before', t.plan.before, 'int'), col('after', t.plan.after, 'int')],
    rows: keys.map((key) => ({ figure: key === 'maxLoad' ? t.plan.maxLoad : t[key], before: p.before[key], after: p.after[key] })),
  };
}

/** A plan's changes for one pair, listed under their district or commune, with the reason in words. */
export function planChangesTable(model: SiteModel, pair: number, lang: Lang): TableData {
  const t = strings[lang];
  const p = model.plan!.pairs[pair]!;
  const names = { unit: (id: string) => unitTitleById(model, id, lang), cadre: (id: string) => model.cadres[id]?.displayName ?? id };
  return {
    id: `plan-${pairSlug(p)}-changes`,
    caption: `${t.plan.changes}: ${pairLabel(model, pair, lang)}`,
    columns: [col('area', t.plan.area), col('action', t.plan.action), col('cadre', t.cadre), col('cadreId', t.cadreId, 'code'), col('unit', t.unit), col('reason', t.plan.reason)],
    rows: p.changes.map((c) => ({
      area: unitCell(model, c.areaId, lang),
      action: { text: c.action === 'add' ? t.plan.add : t.plan.end, status: c.action === 'add' ? 'covered' : 'unattended' },
      cadre: cadreCell(model, c.cadreId, lang),
      cadreId: c.cadreId,
      unit: unitCell(model, c.unitId, lang),
      reason: changeReason(c, names, lang),
    })),
  };
}

/** How many changes each district or commune gets, for a plan too long to read row by row. */
export function planAreasTable(model: SiteModel, pair: number, lang: Lang): TableData {
  const t = strings[lang];
  const p = model.plan!.pairs[pair]!;
  return {
    id: `plan-${pairSlug(p)}-areas`,
    caption: `${t.plan.byArea}: ${pairLabel(model, pair, lang)}`,
    columns: [col('area', t.plan.area), col('adds', t.plan.adds, 'int'), col('ends', t.plan.ends, 'int')],
    rows: changesByArea(p.changes).map((a) => ({ area: unitCell(model, a.areaId, lang), adds: a.adds, ends: a.ends })),
  };
}

/** Units of a pair that no cadre of its level may follow, and why. */
export function planUnreachableTable(model: SiteModel, pair: number, lang: Lang): TableData {
  const t = strings[lang];
  const p = model.plan!.pairs[pair]!;
  return {
    id: `plan-${pairSlug(p)}-unreachable`,
    caption: `${t.plan.unreachable}: ${pairLabel(model, pair, lang)}`,
    columns: [col('unit', t.unit), col('reason', t.plan.reason)],
    rows: p.unreachable.map((u) => ({
      unit: unitCell(model, u.unitId, lang),
      reason: u.reason.code === 'no-cadre-at-level' ? t.plan.noCadreAtLevel : t.plan.noCadreInArea(unitTitleById(model, u.reason.areaId, lang)),
    })),
  };
}

/**
 * Long lists: at most this many rows on a list page, or on an area page (which holds two), most
 * urgent first and paged on the page (src/client/list-pager.ts); the CSV holds every row.
 */
export const LIST_ROWS_ON_PAGE = 500;
export const AREA_ROWS_ON_PAGE = 200;
/** Issue rows are lighter than cadre rows: the issues page holds a quarter's open issues whole (752 in the demo). */
export const ISSUE_ROWS_ON_PAGE = 1000;
export const ROWS_PER_PAGE = 25;

/** Past this many changes a plan page lists them per area first; the CSV holds every row. */
export const PLAN_ROWS_ON_PAGE = 300;

export function planTables(model: SiteModel, pair: number, lang: Lang) {
  const p = model.plan!.pairs[pair]!;
  return {
    figures: planFiguresTable(model, pair, lang),
    areas: p.changes.length > PLAN_ROWS_ON_PAGE ? planAreasTable(model, pair, lang) : null,
    changes: p.changes.length > 0 ? planChangesTable(model, pair, lang) : null,
    unreachable: p.unreachable.length > 0 ? planUnreachableTable(model, pair, lang) : null,
  };
}

/** Every table a page shows or offers for download. */
export function pageTables(model: SiteModel, route: Route): TableData[] {
  const { lang, id } = route;
  const tables: Record<string, TableData | TableData[] | null> = (() => {
    switch (route.kind) {
      case 'overview': return overviewTables(model, lang);
      case 'unit': return unitTables(model, id!, lang);
      case 'brief': return briefTables(model, id!, lang);
      case 'cadre': return cadreTables(model, id!, lang);
      case 'region': return regionTables(model, id!, lang);
      case 'unattended': return unattendedTables(model, lang);
      case 'cadres': return cadreListTables(model, lang);
      case 'silent': return silentTables(model, lang);
      case 'issues': return issueListTables(model, lang);
      case 'history': return historyTables(model, lang);
      case 'quality': return qualityTables(model, lang);
      case 'map': return mapTables(model, lang);
      case 'about': return aboutTables(model, lang);
      case 'search': return {};
      case 'plan': return planTables(model, Number(id), lang);
      case 'teams': return teamsTables(model, lang);
      case 'team': return teamTables(model, id!, lang);
      case 'departments': return departmentScorecardsTables(model, lang);
      case 'department': return departmentScorecardTables(model, id!, lang);
      case 'regions': return regionsTables(model, lang);
    }
  })();
  return Object.values(tables).flat().filter((table): table is TableData => table !== null);
}

/** Every table of the site, once per language and id: what the CSV endpoint writes. */
export function siteTables(model: SiteModel): { lang: Lang; table: TableData }[] {
  const seen = new Set<string>();
  return allRoutes(model).flatMap((route) => pageTables(model, route).filter((table) => {
    const key = `${route.lang}/${table.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map((table) => ({ lang: route.lang, table })));
}
