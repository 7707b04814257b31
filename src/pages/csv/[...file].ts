import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/csv-out.ts';
import type { Lang } from '../../lib/types.ts';
import { idSlug } from '../../site/slug.ts';
import type { Cell, Column, TableData } from '../../site/tables.ts';
import { siteTables } from '../../site/workbooks.ts';

/** The CSV behind every table of the site, per language: `csv/vi/coverage.csv`. */
export function getStaticPaths() {
  return (['vi', 'en'] as Lang[]).flatMap((lang) => siteTables(lang).map((table) => ({ params: { file: `${lang}/${idSlug(table.id)}.csv` }, props: { table } })));
}

const raw = (cell: Cell | undefined) => (cell !== null && typeof cell === 'object' ? cell.text : cell ?? null);
// A rate as the page shows it, 66.7 %: written 0.667, not 0.6666666666666666.
const rounded = (type: Column['type'], value: string | number | null) => (type === 'rate' && typeof value === 'number' ? Math.round(value * 1000) / 1000 : value);

export const GET: APIRoute = ({ props }) => {
  const { table } = props as { table: TableData };
  const body = toCsv(
    table.columns.map((c) => ({ key: c.key, header: c.label })),
    table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.key, rounded(c.type, raw(row[c.key]))]))),
  );
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
