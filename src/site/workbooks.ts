import { formatDate } from '../lib/format.ts';
import type { Lang } from '../lib/types.ts';
import { dateSerial, sheetEntry, sheetNames, workbook, workbookSize, type XEntry, type XFormat, type XSheet, type XValue, type XWorkbook } from '../lib/xlsx.ts';
import { columnNote } from './column-notes.ts';
import { strings } from './i18n.ts';
import { unitTitle } from './labels.ts';
import { model } from './model.ts';
import { allRoutes, type Route } from './routes.ts';
import { idSlug } from './slug.ts';
import { allTables, type Cell, type Column, type TableData } from './tables.ts';

/**
 * The Excel downloads: one workbook per table, beside its CSV, and one per page holding all of
 * the page's tables, each on its own sheet, with a last sheet saying where the figures come from
 * and what each column means. Tables are the ones the CSV endpoint writes (`allTables`).
 */

const FORMAT: Record<Column['type'], XFormat> = { text: 'text', code: 'text', int: 'int', rate: 'rate', ratio: 'ratio', date: 'date', delta: 'delta' };
const NUMERIC = /^-?\d+(\.\d+)?$/;

function value(column: Column, cell: Cell | undefined): XValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'object') return cell.text;
  if (typeof cell === 'number') return cell;
  if (column.type === 'date') return dateSerial(cell) ?? cell;
  // A count the model keeps as text (a warning's line) is still a number to sum; an id never is.
  if (column.type !== 'text' && column.type !== 'code' && NUMERIC.test(cell)) return Number(cell);
  return cell;
}

function tableSheet(table: TableData): XSheet {
  return {
    name: table.caption,
    title: table.caption,
    header: table.columns.map((c) => c.label),
    formats: table.columns.map((c) => FORMAT[c.type]),
    rows: table.rows.map((row) => table.columns.map((c) => value(c, row[c.key]))),
    freeze: true,
  };
}

const byLang = new Map<Lang, { list: TableData[]; byId: Map<string, TableData> }>();
/** Every table of the site (`allTables`), computed once per language for the CSV and the workbooks alike. */
export function siteTables(lang: Lang): TableData[] {
  let tables = byLang.get(lang);
  if (!tables) {
    const list = allTables(lang);
    byLang.set(lang, (tables = { list, byId: new Map(list.map((t) => [t.id, t])) }));
  }
  return tables.list;
}
const tableById = (lang: Lang, id: string): TableData | undefined => (siteTables(lang), byLang.get(lang)!.byId.get(id));

// A table's sheet is compressed once and placed in its own workbook and in those of the pages
// showing it, both when a page shows a link's size and when the endpoint writes the file.
const sheets = new Map<string, XEntry>();
function tableEntry(lang: Lang, table: TableData): XEntry {
  const key = `${lang}/${table.id}`;
  let e = sheets.get(key);
  if (!e) sheets.set(key, (e = sheetEntry(tableSheet(table))));
  return e;
}

function infoSheet(lang: Lang, title: string, tables: { table: TableData; sheet: string }[]): XSheet {
  const t = strings[lang];
  const w = t.workbook;
  const q = model.quarter;
  const exportFiles = model.files.filter((f) => f.quarter === q.id).map((f) => f.name).join(', ');
  return {
    name: w.infoSheet,
    title,
    preamble: [
      [w.source, model.title],
      [w.export, `exports/${q.id}${exportFiles ? `: ${exportFiles}` : ''}`],
      [t.quarter, `${q.id} (${formatDate(q.start, lang)} – ${formatDate(q.end, lang)})`],
      [w.builtAt, `${formatDate(model.builtAt, lang)} ${model.builtAt.slice(11, 16)} UTC`],
      [],
    ],
    header: [w.sheet, w.column, w.definition],
    formats: ['text', 'text', 'text'],
    rows: tables.flatMap(({ table, sheet }) => table.columns.map((c) => [sheet, c.label, columnNote(c, lang, model.overdueDays)])),
    freeze: false,
    wrap: [false, false, true],
  };
}

// Many workbooks share their last sheet (every unit's cadres table has the same caption and
// columns), and both the page showing a link's size and the endpoint writing the file need it.
const infos = new Map<string, XEntry>();

function book(lang: Lang, title: string, tables: TableData[]): XWorkbook {
  const t = strings[lang];
  const names = sheetNames([...tables.map((table) => table.caption), t.workbook.infoSheet]);
  const key = [lang, title, ...tables.flatMap((table, i) => [names[i], ...table.columns.map((c) => `${c.key}\t${c.label}`)])].join('\n');
  let info = infos.get(key);
  if (!info) infos.set(key, (info = sheetEntry(infoSheet(lang, title, tables.map((table, i) => ({ table, sheet: names[i]! }))))));
  return {
    title,
    created: model.builtAt,
    sheets: [...tables.map((table, i) => ({ name: names[i]!, entry: tableEntry(lang, table) })), { name: names.at(-1)!, entry: info }],
  };
}

/** Site-relative file of a table's workbook: `xlsx/vi/table/coverage.xlsx`. */
export const tableWorkbookFile = (lang: Lang, tableId: string): string => `xlsx/${lang}/table/${idSlug(tableId)}.xlsx`;

function tableBook(lang: Lang, tableId: string): XWorkbook {
  const table = tableById(lang, tableId);
  if (!table) throw new Error(`No table ${tableId}`);
  return book(lang, table.caption, [table]);
}
export const tableWorkbook = (lang: Lang, tableId: string): Buffer => workbook(tableBook(lang, tableId));
export const tableWorkbookSize = (lang: Lang, tableId: string): number => workbookSize(tableBook(lang, tableId));

/** The ids of the tables a page shows, in page order: what its workbook holds. */
export function pageTableIds(route: Route): string[] {
  const { kind, id } = route;
  const root = model.units[model.rootIds[0]!]!;
  const exists = (ids: string[]) => ids.filter((i) => tableById(route.lang, i) !== undefined);
  switch (kind) {
    case 'overview': return exists(['coverage', `unattended-${model.pairs[0]?.unitLevel}`, 'overdue', 'silent', `areas-${root.id}`, 'departments', 'history']);
    case 'unit': return exists([`areas-${id}`, `units-${id}`, `groups-${id}`, `cadres-${id}`, `issues-${id}`]);
    // The brief shows its children as areas or, where it has none with a page, as rows.
    case 'brief': return exists([`areas-${id}`, `overdue-${id}`]).length === 2 ? exists([`areas-${id}`, `overdue-${id}`]) : exists([`units-${id}`, `overdue-${id}`]);
    case 'cadre': return exists([`cadre-units-${id}`, `cadre-issues-${id}`]);
    case 'region': {
      const slug = model.regions.find((r) => r.id === id)!.slug;
      return exists([`areas-region-${slug}`, `cadres-region-${slug}`, `issues-region-${slug}`]);
    }
    case 'map': return model.map?.missingBoundary.length ? exists(['no-boundary']) : [];
    case 'unattended': return exists(model.pairs.map((p) => `unattended-${p.unitLevel}`));
    case 'cadres': return exists(['overloaded', 'idle']);
    case 'silent': return exists(['silent']);
    case 'issues': return exists(['departments', 'issues-open', 'issues-all']);
    case 'history': return exists(['history', 'changes', 'chronic']);
    case 'quality': return exists(['warnings', ...(model.map?.missingBoundary.length ? ['no-boundary'] : [])]);
    case 'about': return exists(['files']);
    case 'search': return [];
  }
}

function pageTitle(route: Route): string {
  const t = strings[route.lang];
  const unit = route.id ? model.units[route.id] : undefined;
  switch (route.kind) {
    case 'overview': return `${unitTitle(model.units[model.rootIds[0]!]!, route.lang)}: ${t.quarter} ${model.quarter.id}`;
    case 'unit': return unitTitle(unit!, route.lang);
    case 'brief': return `${t.brief}: ${unitTitle(unit!, route.lang)}`;
    case 'cadre': return model.cadres[route.id!]!.displayName;
    case 'region': return `${t.region}: ${model.regions.find((r) => r.id === route.id)!.name}`;
    case 'about': return t.about.title;
    case 'search': return t.search.title;
    default: return t.nav[route.kind];
  }
}

/** Site-relative file of a page's workbook: `xlsx/en/page/unit/801.xlsx`; the overview's is `…/page/overview.xlsx`. */
export const pageWorkbookFile = (route: Route): string => `xlsx/${route.lang}/page/${route.path.replace(/\/$/, '') || 'overview'}.xlsx`;

/** The name a download is saved under, saying which site, quarter and page: `namcoso-2026-Q3-unit-801.xlsx`. */
export const savedName = (file: string): string => `namcoso-${model.quarter.id}-${file.replace(/^xlsx\/(vi|en)\/(table|page)\//, '').replace(/\//g, '-')}`;

function pageBook(route: Route): XWorkbook | null {
  const tables = pageTableIds(route).map((id) => tableById(route.lang, id)!);
  return tables.length === 0 ? null : book(route.lang, `${pageTitle(route)} · ${model.title}`, tables);
}
export function pageWorkbook(route: Route): Buffer | null {
  const b = pageBook(route);
  return b && workbook(b);
}
/** The size of the page's workbook, null for a page without tables. */
export function pageWorkbookSize(route: Route): number | null {
  const b = pageBook(route);
  return b && workbookSize(b);
}

let routes: Map<string, Route> | undefined;
/** The route of a page from what its layout knows, its language and site-relative path. */
export function routeOf(lang: Lang, path: string): Route | undefined {
  routes ??= new Map(allRoutes().map((r) => [`${r.lang}:${r.path}`, r]));
  return routes.get(`${lang}:${path}`);
}
