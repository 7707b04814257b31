import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A small .xlsx (Office Open XML) writer: the ZIP container and SpreadsheetML written here,
 * compression by Node's own zlib. No dependency, so no advisory can reach it; and because each
 * sheet is compressed once into a position-free entry, one table's sheet serves both its own
 * workbook and its page's workbook without being compressed twice.
 */

/** How a column's numbers are shown; text is always stored as text. */
export type XFormat = 'text' | 'int' | 'rate' | 'ratio' | 'date' | 'delta' | 'number';
/** A number (a date is its spreadsheet serial, see `dateSerial`), a text, or an empty cell. */
export type XValue = string | number | null;

export interface XSheet {
  /** Tab name: 31 characters at most, none of `[]:*?/\`, unique in its workbook (see `sheetNames`). */
  name: string;
  /** Row 1, in bold: the table's caption. */
  title: string;
  /** Rows of text between the title and the header, first cell bold (the workbook's own facts). */
  preamble?: string[][];
  /** Bold; when `freeze`, it and everything above stay in view while scrolling. */
  header: string[];
  formats: XFormat[];
  rows: XValue[][];
  freeze: boolean;
  /** Columns whose long text wraps within a fixed width instead of widening the column. */
  wrap?: boolean[];
}

/** One compressed part of the package, independent of where it lands in the file. */
export interface XEntry {
  crc: number;
  size: number;
  data: Buffer;
  stored?: boolean;
}

// Style ids: the order of <xf> in cellXfs below.
const S = { plain: 0, bold: 1, title: 2, int: 3, rate: 4, date: 5, ratio: 6, delta: 7, wrap: 8, quoted: 9 } as const;
const NUMBER_STYLE: Record<XFormat, number> = { text: S.plain, number: S.plain, int: S.int, rate: S.rate, date: S.date, ratio: S.ratio, delta: S.delta };

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<numFmts count="4"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/>\
<numFmt numFmtId="166" formatCode="0.000"/><numFmt numFmtId="167" formatCode="+#,##0;-#,##0;0"/></numFmts>\
<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="10"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// XML 1.0 cannot carry most control characters, even escaped; a spreadsheet would refuse the file.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_SPECIAL = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// Most cells need neither: one test spares them both replacements.
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[\u0000-\u001F&<>"\uD800-\uDFFF\uFFFE\uFFFF]/;
export const xmlText = (s: string): string => (NEEDS_WORK.test(s) ? s.replace(NOT_XML, '').replace(XML_SPECIAL, (c) => ENTITY[c]!) : s);

// Text a spreadsheet would run as a formula if a user retyped the cell: shown with Excel's quote prefix.
const FORMULA_START = /^[=+\-@]/;

function columnName(i: number): string {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `2026-09-30` → 46295, the day count a spreadsheet stores for a date (1900 system); null when not a date. */
export function dateSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : ms / 86_400_000 + 25_569;
}

// Text is always an inline string (t="inlineStr"): a reader never evaluates it, whatever it starts with.
function textCell(ref: string, text: string, style: number): string {
  const s = style === S.plain && FORMULA_START.test(text) ? S.quoted : style;
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

function rowXml(r: number, values: readonly XValue[], styleOf: (i: number, v: XValue) => number, letters: string[]): string {
  let xml = `<row r="${r}">`;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '') continue;
    const ref = letters[i]! + r;
    const style = styleOf(i, v);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) continue;
      xml += `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${v}</v></c>`;
    } else {
      xml += textCell(ref, v, style);
    }
  }
  return xml + '</row>';
}

/** Characters a value takes once shown, to size its column. */
function shownWidth(v: XValue, format: XFormat): number {
  if (v === null) return 0;
  if (typeof v === 'string') return v.includes('\n') ? Math.max(...v.split('\n').map((line) => line.length)) : v.length;
  switch (format) {
    case 'date': return 10;
    case 'rate': return 7;
    case 'ratio': return String(Math.trunc(v)).length + 4;
    default: {
      // Digits, their thousands separators and a sign; Intl here would cost more than the whole sheet.
      const digits = String(Math.round(Math.abs(v))).length;
      return digits + Math.floor((digits - 1) / 3) + 1;
    }
  }
}

/** The worksheet XML of one sheet. */
export function sheetXml(sheet: XSheet): string {
  const n = Math.max(sheet.header.length, ...(sheet.preamble ?? []).map((r) => r.length));
  const letters = Array.from({ length: n }, (_, i) => columnName(i));
  const widths = letters.map((_, i) => {
    if (sheet.wrap?.[i]) return 60;
    let w = sheet.header[i]?.length ?? 0;
    for (const row of sheet.preamble ?? []) w = Math.max(w, row[i]?.length ?? 0);
    for (const row of sheet.rows) w = Math.max(w, shownWidth(row[i] ?? null, sheet.formats[i] ?? 'text'));
    return Math.min(60, Math.max(6, w + 2));
  });
  const preamble = sheet.preamble ?? [];
  const headerRow = 2 + preamble.length;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    sheet.freeze
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols><sheetData>`,
    rowXml(1, [sheet.title], () => S.title, letters),
    ...preamble.map((row, i) => rowXml(2 + i, row, (c) => (c === 0 ? S.bold : S.plain), letters)),
    rowXml(headerRow, sheet.header, () => S.bold, letters),
  ];
  const styleOf = (i: number, v: XValue) => (typeof v === 'number' ? NUMBER_STYLE[sheet.formats[i] ?? 'number'] : sheet.wrap?.[i] ? S.wrap : S.plain);
  sheet.rows.forEach((row, i) => parts.push(rowXml(headerRow + 1 + i, row, styleOf, letters)));
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/**
 * The bytes in a buffer of their own: zlib's output and small strings are slices of 64 KiB
 * blocks, which a kept entry would keep whole (the demo's sheets would hold 500 MB, not 60).
 */
function own(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

export function entry(content: string): XEntry {
  const raw = Buffer.from(content, 'utf8');
  // Setting up a deflate stream costs more than a part of a few lines gains from it: those are stored.
  if (raw.length < 1024) return { crc: crc32(raw), size: raw.length, data: own(raw), stored: true };
  // Level 2 takes about half level 4's time (a third of the default 6's) for a file about 10% larger.
  return { crc: crc32(raw), size: raw.length, data: own(deflateRawSync(raw, { level: 2 })) };
}

/** A sheet ready to be placed in any workbook. */
export const sheetEntry = (sheet: XSheet): XEntry => entry(sheetXml(sheet));

/** Tab names as spreadsheets accept them: no `[]:*?/\`, at most 31 characters, unique ignoring case. */
export function sheetNames(wanted: string[]): string[] {
  const seen = new Set<string>();
  return wanted.map((w) => {
    const base = (w.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim() || 'Sheet').slice(0, 31);
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - ` (${k})`.length)} (${k})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** ZIP's MS-DOS time and date of an ISO timestamp. */
function dosTime(iso: string): [number, number] {
  const d = new Date(iso);
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const date = ((Math.max(1980, d.getUTCFullYear()) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return [time, date];
}

/** A ZIP archive of stored and deflated entries (the package an .xlsx is), with stored timestamps so a rebuild gives the same bytes. */
function zip(files: [string, XEntry][], modified: string): Buffer {
  const [time, date] = dosTime(modified);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, e] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.stored ? 10 : 20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(e.stored ? 0 : 8, 8); // stored or deflated
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    local.copy(dir, 6, 4, 30); // version needed … name length, as in the local header
    dir.writeUInt32LE(offset, 42);
    central.push(dir, nameBytes);
    chunks.push(local, nameBytes, e.data);
    offset += 30 + nameBytes.length + e.data.length;
  }
  const centralSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

export interface XWorkbook {
  title: string;
  /** ISO timestamp: the document's creation time and every file's date in the archive. */
  created: string;
  /** Sheets in tab order, each with its tab name and its compressed worksheet. */
  sheets: { name: string; entry: XEntry }[];
}

/** The parts of the package, in order. */
function parts(book: XWorkbook): [string, XEntry][] {
  const n = book.sheets.length;
  const sheetPaths = book.sheets.map((_, i) => `worksheets/sheet${i + 1}.xml`);
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const contentTypes = `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
${sheetPaths.map((p) => `<Override PartName="/xl/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
  const rels = `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const created = new Date(book.created).toISOString().replace(/\.\d+Z$/, 'Z');
  const core = `${xml}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" \
xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(book.title)}</dc:title><dc:creator>namcoso</dc:creator>\
<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created></cp:coreProperties>`;
  const workbookXml = `${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
<bookViews><workbookView activeTab="0"/></bookViews><sheets>${book.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const workbookRels = `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
${sheetPaths.map((p, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${p}"/>`).join('')}\
<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  return [
    ['[Content_Types].xml', entry(contentTypes)],
    ['_rels/.rels', entry(rels)],
    ['docProps/core.xml', entry(core)],
    ['xl/workbook.xml', entry(workbookXml)],
    ['xl/_rels/workbook.xml.rels', entry(workbookRels)],
    ['xl/styles.xml', stylesEntry()],
    ...book.sheets.map((s, i): [string, XEntry] => [`xl/${sheetPaths[i]}`, s.entry]),
  ];
}

/** The .xlsx file. */
export const workbook = (book: XWorkbook): Buffer => zip(parts(book), book.created);


let styles: XEntry | undefined;
const stylesEntry = (): XEntry => (styles ??= entry(STYLES));
