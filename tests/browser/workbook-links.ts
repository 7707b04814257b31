import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

/** Problems of a built site: every CSV link of a page beside an Excel link, and the page's workbook at its top, both files there. */
export function missingWorkbooks(out: string, base = '/'): string[] {
  const problems: string[] = [];
  const file = (href: string) => join(out, decodeURI(href.replace(base, '')));
  for (const html of htmlFiles(out)) {
    const text = readFileSync(html, 'utf8');
    const page = relative(out, html);
    const tools = [...text.matchAll(/<figcaption class="table-tools">(.*?)<\/figcaption>/gs)].map((m) => m[1]!);
    for (const t of tools) {
      const xlsx = /href="([^"]+\.xlsx)"/.exec(t)?.[1];
      const csv = /href="([^"]+\.csv)"/.exec(t)?.[1];
      if (!xlsx || !csv) problems.push(`${page}: a table without both downloads`);
      else if (!existsSync(file(xlsx)) || !existsSync(file(csv))) problems.push(`${page}: ${xlsx} or ${csv} missing`);
    }
    const pageBook = /<p class="page-download">[^<]*<a href="([^"]+\.xlsx)"/.exec(text)?.[1];
    if (tools.length > 0 && !pageBook) problems.push(`${page}: no workbook of the page`);
    if (pageBook && !existsSync(file(pageBook))) problems.push(`${page}: ${pageBook} missing`);
  }
  return problems;
}
