import { foldDiacritics } from './text.ts';
import type { CadreLevel, IssueStatus, ReportType, Role, UnitLevel } from './types.ts';

/**
 * The coded values of the contract, each with its English and Vietnamese words. Matching
 * folds case and diacritics, so `Xã`, `xa` and `commune` are the same level.
 */
function vocabulary<T extends string>(words: Record<T, string[]>): (raw: string) => T | null {
  const lookup = new Map<string, T>();
  for (const [value, synonyms] of Object.entries(words) as [T, string[]][]) {
    for (const word of [value, ...synonyms]) lookup.set(foldDiacritics(word), value);
  }
  return (raw) => lookup.get(foldDiacritics(raw.trim()).replace(/\s+/g, ' ')) ?? null;
}

export const parseUnitLevel = vocabulary<UnitLevel>({
  province: ['tỉnh', 'thành phố trực thuộc trung ương'],
  district: ['huyện', 'quận', 'thị xã'],
  commune: ['xã', 'phường', 'thị trấn'],
  hamlet: ['ấp', 'khu phố', 'thôn', 'bản'],
  group: ['tổ', 'tổ nhân dân tự quản', 'tổ dân phố', 'residents_group'],
});

export const parseCadreLevel = vocabulary<CadreLevel>({
  province: ['tỉnh'],
  district: ['huyện'],
  commune: ['xã'],
});

export const parseRole = vocabulary<Role>({ lead: ['phụ trách', 'trưởng'], member: ['thành viên'] });

export const parseReportType = vocabulary<ReportType>({
  meeting: ['dự họp', 'họp'],
  branch_meeting: ['sinh hoạt chi bộ', 'branch meeting'],
  visit: ['đi cơ sở'],
  issue: ['kiến nghị'],
  other: ['khác'],
});

export const parseIssueStatus = vocabulary<IssueStatus>({
  open: ['đang xử lý'],
  responded: ['đã phản hồi'],
  resolved: ['đã giải quyết'],
});

export const parseGender = vocabulary<'male' | 'female'>({ male: ['nam'], female: ['nữ'] });

/** Depth of each unit level, root first; a parent must sit at a smaller depth than its child. */
export const unitLevelDepth: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2, hamlet: 3, group: 4 };
