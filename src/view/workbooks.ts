import { formatDate } from '../lib/format.ts';
import type { Lang } from '../lib/types.ts';
import { dateSerial, sheetEntry, sheetNames, workbook, workbookSize, type XEntry, type XFormat, type XSheet, type XValue, type XWorkbook } from '../lib/xlsx.ts';
import { columnNote } from './column-notes.ts';
import { strings } from '../lib/i18n.ts';
import type { SiteModel } from '../lib/model/types.ts';
import { pairLabel } from './labels.ts';
import { allRoutes, type Route } from './routes.ts';
import { idSlug } from './slug.ts';
import { isFigure, pageTables, siteTables, type Cell, type Column, type TableData } from './tables.ts';
import { unitTitle } from './unit-title.ts';

/**
 * The Excel downloads: one workbook per table, beside its CSV, and one per page holding all of
 * the page's tables, each on its own sheet, with a last sheet saying where the figures come from
 * and what each column means. Tables are the ones the CSV endpoint writes (`siteTables`), and a
 * page's workbook holds its `pageTables`.
 */

const FORMAT: Record<Column['type'], XFormat> = { text: 'text', code: 'text', int: 'int', rate: 'rate', ratio: 'ratio', date: 'date', delta: 'delta' };
const NUMERIC = /^-?\d+(\.\d+)?$/;

function value(column: Column, cell: Cell | undefined): XValue {
  if (cell === null || cell === undefined) return null;
  if (isFigure(cell)) return cell.value;
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

interface Cache {
  tables: Map<string, TableData>;
  sheets: Map<string, XEntry>;
  infos: Map<string, XEntry>;
  routes: Map<string, Route>;
}
// Per model: every table of the site (`siteTables`) by language and id, the compressed sheets, the routes.
const caches = new WeakMap<SiteModel, Cache>();
function cache(model: SiteModel): Cache {
  let c = caches.get(model);
  if (!c) {
    c = {
      tables: new Map(siteTables(model).map(({ lang, table }) => [`${lang}/${table.id}`, table])),
      sheets: new Map(),
      infos: new Map(),
      routes: new Map(allRoutes(model).map((r) => [`${r.lang}:${r.path}`, r])),
    };
    caches.set(model, c);
  }
  return c;
}
const tableById = (model: SiteModel, lang: Lang, id: string): TableData | undefined => cache(model).tables.get(`${lang}/${id}`);

// A table's sheet is compressed once and placed in its own workbook and in those of the pages
// showing it, both when a page shows a link's size and when the endpoint writes the file.
function tableEntry(model: SiteModel, lang: Lang, table: TableData): XEntry {
  const sheets = cache(model).sheets;
  const key = `${lang}/${table.id}`;
  let e = sheets.get(key);
  if (!e) sheets.set(key, (e = sheetEntry(tableSheet(table))));
  return e;
}

function infoSheet(model: SiteModel, lang: Lang, title: string, tables: { table: TableData; sheet: string }[]): XSheet {
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
    rows: tables.flatMap(({ table, sheet }) => table.columns.map((c) => [sheet, c.label, c.note ?? columnNote(c, lang, model.overdueDays)])),
    freeze: false,
    wrap: [false, false, true],
  };
}

// Many workbooks share their last sheet (every unit's cadres table has the same caption and
// columns), and both the page showing a link's size and the endpoint writing the file need it.
function book(model: SiteModel, lang: Lang, title: string, tables: TableData[]): XWorkbook {
  const t = strings[lang];
  const infos = cache(model).infos;
  const names = sheetNames([...tables.map((table) => table.caption), t.workbook.infoSheet]);
  const key = [lang, title, ...tables.flatMap((table, i) => [names[i], ...table.columns.map((c) => `${c.key}\t${c.label}`)])].join('\n');
  let info = infos.get(key);
  if (!info) infos.set(key, (info = sheetEntry(infoSheet(model, lang, title, tables.map((table, i) => ({ table, sheet: names[i]! }))))));
  return {
    title,
    created: model.builtAt,
    sheets: [...tables.map((table, i) => ({ name: names[i]!, entry: tableEntry(model, lang, table) })), { name: names.at(-1)!, entry: info }],
  };
}

/** Site-relative file of a table's workbook: `xlsx/vi/table/coverage.xlsx`. */
export const tableWorkbookFile = (lang: Lang, tableId: string): string => `xlsx/${lang}/table/${idSlug(tableId)}.xlsx`;

function tableBook(model: SiteModel, lang: Lang, tableId: string): XWorkbook {
  const table = tableById(model, lang, tableId);
  if (!table) throw new Error(`No table ${tableId}`);
  return book(model, lang, table.caption, [table]);
}
export const tableWorkbook = (model: SiteModel, lang: Lang, tableId: string): Buffer => workbook(tableBook(model, lang, tableId));
export const tableWorkbookSize = (model: SiteModel, lang: Lang, tableId: string): number => workbookSize(tableBook(model, lang, tableId));

/**
 * The tables a page shows or offers, in page order, each once: what its workbook holds. The
 * page's own (`pageTables`) looked up in the site's, so a sheet is compressed once per build.
 */
export function pageWorkbookTables(model: SiteModel, route: Route): TableData[] {
  const seen = new Set<string>();
  return pageTables(model, route).filter((table) => !seen.has(table.id) && (seen.add(table.id), true)).map((table) => tableById(model, route.lang, table.id) ?? table);
}

function pageTitle(model: SiteModel, route: Route): string {
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
    case 'plan': return `${t.plan.title}: ${pairLabel(model, Number(route.id), route.lang)}`;
    case 'teams': return t.scorecards.teamsTitle;
    case 'team': return t.scorecards.teamTitle(model.teams.find((x) => x.id === route.id)!.name);
    case 'departments': return t.scorecards.departmentsTitle;
    case 'department': return t.scorecards.departmentTitle(model.departmentScorecards.find((x) => x.id === route.id)!.name);
    case 'regions': return t.scorecards.regionsTitle;
    default: return t.nav[route.kind];
  }
}

/** Site-relative file of a page's workbook: `xlsx/en/page/unit/801.xlsx`; the overview's is `…/page/overview.xlsx`. */
export const pageWorkbookFile = (route: Route): string => `xlsx/${route.lang}/page/${route.path.replace(/\/$/, '') || 'overview'}.xlsx`;

/** The name a download is saved under, saying which site, quarter and page: `namcoso-2026-Q3-unit-801.xlsx`. */
export const savedName = (model: SiteModel, file: string): string => `namcoso-${model.quarter.id}-${file.replace(/^xlsx\/(vi|en)\/(table|page)\//, '').replace(/\//g, '-')}`;

function pageBook(model: SiteModel, route: Route): XWorkbook | null {
  const tables = pageWorkbookTables(model, route);
  return tables.length === 0 ? null : book(model, route.lang, `${pageTitle(model, route)} · ${model.title}`, tables);
}
export function pageWorkbook(model: SiteModel, route: Route): Buffer | null {
  const b = pageBook(model, route);
  return b && workbook(b);
}
/** The size of the page's workbook, null for a page without tables. */
export function pageWorkbookSize(model: SiteModel, route: Route): number | null {
  const b = pageBook(model, route);
  return b && workbookSize(b);
}

/** The route of a page from what its layout knows, its language and site-relative path. */
export function routeOf(model: SiteModel, lang: Lang, path: string): Route | undefined {
  return cache(model).routes.get(`${lang}:${path}`);
}
