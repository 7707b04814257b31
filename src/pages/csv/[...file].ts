import type { APIRoute } from 'astro';
import { model } from '../../view/model.ts';
import { idSlug } from '../../view/slug.ts';
import { siteTables, type TableData, tableCsv } from '../../view/tables.ts';

/** The CSV behind every table of the site, per language: `csv/vi/coverage.csv`. */
export function getStaticPaths() {
  return siteTables(model).map(({ lang, table }) => ({ params: { file: `${lang}/${idSlug(table.id)}.csv` }, props: { table } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(tableCsv((props as { table: TableData }).table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
