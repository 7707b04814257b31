import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/csv-out.ts';
import type { Lang } from '../../lib/types.ts';
import { idSlug } from '../../site/slug.ts';
import { allTables, type Cell, type TableData } from '../../site/tables.ts';

/** The CSV behind every table of the site, per language: `csv/vi/coverage.csv`. */
export function getStaticPaths() {
  return (['vi', 'en'] as Lang[]).flatMap((lang) => allTables(lang).map((table) => ({ params: { file: `${lang}/${idSlug(table.id)}.csv` }, props: { table } })));
}

const raw = (cell: Cell | undefined) => (cell !== null && typeof cell === 'object' ? cell.text : cell ?? null);

export const GET: APIRoute = ({ props }) => {
  const { table } = props as { table: TableData };
  const body = toCsv(
    table.columns.map((c) => ({ key: c.key, header: c.label })),
    table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.key, raw(row[c.key])]))),
  );
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
