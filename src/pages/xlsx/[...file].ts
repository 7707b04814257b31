import type { APIRoute } from 'astro';
import { model } from '../../view/model.ts';
import { allRoutes, type Route } from '../../view/routes.ts';
import { siteTables } from '../../view/tables.ts';
import { pageWorkbook, pageWorkbookFile, pageWorkbookTables, tableWorkbook, tableWorkbookFile } from '../../view/workbooks.ts';

/** The Excel workbooks: one per table (`xlsx/vi/table/coverage.xlsx`) and one per page with tables (`xlsx/vi/page/unit/801.xlsx`). */
export function getStaticPaths() {
  const tables = siteTables(model).map(({ lang, table }) => ({ params: { file: tableWorkbookFile(lang, table.id).slice('xlsx/'.length) }, props: { lang, tableId: table.id } }));
  const pages = allRoutes(model).filter((route) => pageWorkbookTables(model, route).length > 0).map((route) => ({ params: { file: pageWorkbookFile(route).slice('xlsx/'.length) }, props: { route } }));
  return [...tables, ...pages];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const GET: APIRoute = ({ props }) => {
  const p = props as { lang: Route['lang']; tableId: string } | { route: Route };
  const bytes = 'route' in p ? pageWorkbook(model, p.route)! : tableWorkbook(model, p.lang, p.tableId);
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': XLSX } });
};
