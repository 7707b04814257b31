import { foldDiacritics, normalizeHeader } from './text.ts';
import type { FileName } from './types.ts';

export interface ColumnSpec {
  key: string;
  /** The Vietnamese header; matched with or without diacritics. */
  vi: string;
  required: boolean;
  /** Other spellings seen in exports. */
  aliases?: string[];
}

/** The columns of each file of the export, as the contract lists them. */
export const schema: Record<FileName, ColumnSpec[]> = {
  'units.csv': [
    { key: 'unit_id', vi: 'mã đơn vị', required: true },
    { key: 'name', vi: 'tên đơn vị', required: true },
    { key: 'level', vi: 'cấp', required: true },
    { key: 'parent_id', vi: 'mã đơn vị cấp trên', required: true },
    { key: 'kind', vi: 'loại', required: false },
    { key: 'region', vi: 'vùng', required: false },
    { key: 'sponsor', vi: 'đơn vị đỡ đầu', required: false },
    { key: 'households', vi: 'số hộ', required: false },
    { key: 'population', vi: 'dân số', required: false },
    { key: 'lat', vi: 'vĩ độ', required: false },
    { key: 'lon', vi: 'kinh độ', required: false },
  ],
  'cadres.csv': [
    { key: 'cadre_id', vi: 'mã cán bộ', required: true },
    { key: 'name', vi: 'họ và tên', required: true },
    { key: 'level', vi: 'cấp', required: true },
    { key: 'home_unit_id', vi: 'mã đơn vị công tác', required: true },
    { key: 'position', vi: 'chức vụ', required: false },
    { key: 'field', vi: 'lĩnh vực', required: false },
    { key: 'team', vi: 'đoàn công tác', required: false },
    { key: 'gender', vi: 'giới tính', required: false },
  ],
  'assignments.csv': [
    { key: 'cadre_id', vi: 'mã cán bộ', required: true },
    { key: 'unit_id', vi: 'mã đơn vị', required: true },
    { key: 'role', vi: 'vai trò', required: false },
    { key: 'start_date', vi: 'từ ngày', required: false },
    { key: 'end_date', vi: 'đến ngày', required: false },
  ],
  'reports.csv': [
    { key: 'report_id', vi: 'mã báo cáo', required: true },
    { key: 'cadre_id', vi: 'mã cán bộ', required: true },
    { key: 'unit_id', vi: 'mã đơn vị', required: true },
    { key: 'date', vi: 'ngày', required: true },
    { key: 'type', vi: 'loại', required: true },
    { key: 'topic', vi: 'chủ đề', required: false },
    { key: 'summary', vi: 'nội dung', required: false },
    { key: 'referred_to', vi: 'cơ quan tiếp nhận', required: false },
    { key: 'responded_on', vi: 'ngày phản hồi', required: false },
    { key: 'status', vi: 'tình trạng', required: false },
  ],
};

export interface ColumnMatch {
  /** Cell index of each known column present. */
  index: Map<string, number>;
  missing: string[];
  /** Headers that match no column, as written. */
  unknown: string[];
  /** Columns given twice, as written the second time. */
  duplicated: string[];
}

/** Matches a header row to the file's columns (trimmed, NFC, lower-cased; Vietnamese with or without diacritics). */
export function matchColumns(file: FileName, header: string[]): ColumnMatch {
  const byName = new Map<string, string>();
  for (const col of schema[file]) {
    for (const name of [col.key, col.vi, ...(col.aliases ?? [])]) {
      byName.set(normalizeHeader(name), col.key);
      byName.set(foldDiacritics(normalizeHeader(name)), col.key);
    }
  }
  const index = new Map<string, number>();
  const unknown: string[] = [];
  const duplicated: string[] = [];
  header.forEach((cell, i) => {
    const norm = normalizeHeader(cell);
    const key = byName.get(norm) ?? byName.get(foldDiacritics(norm));
    if (key === undefined) {
      if (norm !== '') unknown.push(cell.trim());
    } else if (index.has(key)) duplicated.push(cell.trim());
    else index.set(key, i);
  });
  const missing = schema[file].filter((c) => c.required && !index.has(c.key)).map((c) => c.key);
  return { index, missing, unknown, duplicated };
}
