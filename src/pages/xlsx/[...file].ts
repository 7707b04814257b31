import type { APIRoute } from 'astro';
import type { Lang } from '../../lib/types.ts';
import { allRoutes } from '../../site/routes.ts';
import { pageTableIds, pageWorkbook, pageWorkbookFile, siteTables, tableWorkbook, tableWorkbookFile } from '../../site/workbooks.ts';

/** The Excel workbooks: one per table (`xlsx/vi/table/coverage.xlsx`) and one per page with tables (`xlsx/vi/page/unit/801.xlsx`). */
export function getStaticPaths() {
  const tables = (['vi', 'en'] as Lang[]).flatMap((lang) => siteTables(lang).map((table) => ({ params: { file: tableWorkbookFile(lang, table.id).slice('xlsx/'.length) }, props: { lang, tableId: table.id } })));
  const pages = allRoutes().filter((route) => pageTableIds(route).length > 0).map((route) => ({ params: { file: pageWorkbookFile(route).slice('xlsx/'.length) }, props: { route } }));
  return [...tables, ...pages];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const GET: APIRoute = ({ props }) => {
  const p = props as { lang: Lang; tableId: string } | { route: Parameters<typeof pageWorkbook>[0] };
  const bytes = 'route' in p ? pageWorkbook(p.route)! : tableWorkbook(p.lang, p.tableId);
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': XLSX } });
};
