import { strFromU8, unzipSync } from 'fflate';

/**
 * Reads an .xlsx back for the tests, with fflate's unzip rather than our own ZIP code: each sheet's
 * cells with their type, value, style and number format, and the raw XML to look for formulas.
 */
export interface ReadCell {
  ref: string;
  /** `t`: `inlineStr` for text, absent for numbers. */
  type: string | null;
  value: string | number;
  format: string;
  bold: boolean;
}
export interface ReadSheet {
  name: string;
  xml: string;
  cells: Map<string, ReadCell>;
  /** The cells' values by row, from row 1; an empty cell is null. */
  rows: (string | number | null)[][];
}

const BUILT_IN: Record<string, string> = { '0': 'General', '3': '#,##0' };
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

function colIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

export function readWorkbook(bytes: Uint8Array): { files: Record<string, string>; title: string; sheets: ReadSheet[] } {
  const files = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
  const styles = files['xl/styles.xml']!;
  const numFmts = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [m[1]!, unescape(m[2]!)]));
  const fonts = [...styles.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]!.includes('<b/>'));
  const xfs = [...styles.split('<cellXfs')[1]!.matchAll(/<xf numFmtId="(\d+)" fontId="(\d+)"/g)].map((m) => ({ format: numFmts.get(m[1]!) ?? BUILT_IN[m[1]!]!, bold: fonts[Number(m[2])]! }));
  const rels = new Map([...files['xl/_rels/workbook.xml.rels']!.matchAll(/Id="(rId\d+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const sheets = [...files['xl/workbook.xml']!.matchAll(/<sheet name="([^"]*)" sheetId="\d+" r:id="(rId\d+)"\/>/g)].map((m) => {
    const xml = files[`xl/${rels.get(m[2]!)}`]!;
    const cells = new Map<string, ReadCell>();
    const rows: (string | number | null)[][] = [];
    for (const c of xml.matchAll(/<c r="([A-Z]+(\d+))"(?: s="(\d+)")?(?: t="(\w+)")?>(.*?)<\/c>/g)) {
      const [, ref, row, s, t, body] = c;
      const value = t === 'inlineStr' ? unescape(/<t[^>]*>(.*?)<\/t>/s.exec(body!)![1]!) : Number(/<v>(.*?)<\/v>/.exec(body!)![1]);
      const xf = xfs[Number(s ?? 0)]!;
      cells.set(ref!, { ref: ref!, type: t ?? null, value, format: xf.format, bold: xf.bold });
      const r = Number(row) - 1;
      while (rows.length <= r) rows.push([]);
      rows[r]![colIndex(ref!)] = value;
    }
    return { name: unescape(m[1]!), xml, cells, rows: rows.map((r) => Array.from(r, (v) => v ?? null)) };
  });
  const title = unescape(/<dc:title>(.*?)<\/dc:title>/.exec(files['docProps/core.xml']!)![1]!);
  return { files, title, sheets };
}
