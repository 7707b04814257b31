import { formatDate } from '../lib/format.ts';
import type { Lang } from '../lib/types.ts';
import { dateSerial, sheetEntry, sheetNames, workbook, type XEntry, type XFormat, type XSheet, type XValue, type XWorkbook } from '../lib/xlsx.ts';
import { columnNote } from './column-notes.ts';
import { strings } from '../lib/i18n.ts';
import type { SiteModel } from '../lib/model/types.ts';
import { pairLabel } from './labels.ts';
import { allRoutes, type Route } from './routes.ts';
import { idSlug } from './slug.ts';
import { isFigure, pageTables, siteTables, tableCsv, type Cell, type Column, type TableData } from './tables.ts';
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
  tables?: Map<string, TableData>;
  sheets: Map<string, XEntry>;
  infos: Map<string, XEntry>;
  routes: Map<string, Route>;
}
// Per model: the compressed sheets, the routes, and every table of the site (`siteTables`) by
// language and id, drawn only when asked for (the pages never need them all).
const caches = new WeakMap<SiteModel, Cache>();
function cache(model: SiteModel): Cache {
  let c = caches.get(model);
  if (!c) {
    c = { sheets: new Map(), infos: new Map(), routes: new Map(allRoutes(model).map((r) => [`${r.lang}:${r.path}`, r])) };
    caches.set(model, c);
  }
  return c;
}
function tableById(model: SiteModel, lang: Lang, id: string): TableData | undefined {
  const c = cache(model);
  c.tables ??= new Map(siteTables(model).map(({ lang, table }) => [`${lang}/${table.id}`, table]));
  return c.tables.get(`${lang}/${id}`);
}

// A table's sheet is compressed once and placed in its own workbook and in those of the pages showing it.
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

// Many workbooks share their last sheet (every unit's cadres table has the same caption and columns).
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

/** Site-relative file of a table's CSV: `csv/vi/coverage.csv`. */
export const tableCsvFile = (lang: Lang, tableId: string): string => `csv/${lang}/${idSlug(tableId)}.csv`;

export interface DownloadFile {
  path: string;
  bytes: string | Buffer;
}
/** What one page adds to the downloads: new files, and the size of each workbook it links to (null: the page has none). */
export interface PageDownloads {
  files: DownloadFile[];
  sizes: Record<string, number | null>;
}

/**
 * Every download of the site, page by page in `allRoutes` order, as `siteTables` and
 * `pageWorkbook` give them: each table's CSV and workbook on the first page showing it, then
 * the page's workbook, which holds the first-drawn table of each id. A table's rows are let go
 * once its sheet is compressed. With `workbooks` false (the bench's build without them) only
 * the CSVs are written and every workbook's size is 0.
 */
export function* downloadFiles(model: SiteModel, workbooks = true): Generator<PageDownloads> {
  const first = new Map<string, TableData>();
  for (const route of allRoutes(model)) {
    const { lang } = route;
    const page: PageDownloads = { files: [], sizes: {} };
    const seen = new Set<string>();
    const tables: TableData[] = [];
    for (const table of pageTables(model, route)) {
      if (seen.has(table.id)) continue;
      seen.add(table.id);
      const key = `${lang}/${table.id}`;
      let site = first.get(key);
      if (!site) {
        page.files.push({ path: tableCsvFile(lang, table.id), bytes: tableCsv(table) });
        const file = tableWorkbookFile(lang, table.id);
        if (workbooks) {
          const bytes = workbook(book(model, lang, table.caption, [table]));
          page.files.push({ path: file, bytes });
          page.sizes[file] = bytes.length;
        } else page.sizes[file] = 0;
        site = { ...table, rows: [] };
        first.set(key, site);
      }
      tables.push(site);
    }
    const file = pageWorkbookFile(route);
    if (tables.length === 0) page.sizes[file] = null;
    else if (!workbooks) page.sizes[file] = 0;
    else {
      const bytes = workbook(book(model, lang, `${pageTitle(model, route)} · ${model.title}`, tables));
      page.files.push({ path: file, bytes });
      page.sizes[file] = bytes.length;
    }
    yield page;
  }
}

/** The route of a page from what its layout knows, its language and site-relative path. */
export function routeOf(model: SiteModel, lang: Lang, path: string): Route | undefined {
  return cache(model).routes.get(`${lang}:${path}`);
}
