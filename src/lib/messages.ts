import { csvMessages } from './csv/messages.ts';
import type { Lang, Problem } from './types.ts';

type Describe = (p: Problem) => string;
const param = (p: Problem, key: string) => String(p.params?.[key] ?? '');
const LEVEL_VI: Record<string, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã', hamlet: 'ấp', group: 'tổ' };
const levelVi = (p: Problem, key: string) => LEVEL_VI[param(p, key)] ?? param(p, key);

/** Plain-words messages for the checks of the export; the file, line, column and value are printed beside them. */
const validationMessages: Record<string, { vi: Describe; en: Describe }> = {
  'missing-file': { vi: () => 'Thiếu tệp bắt buộc này trong thư mục kỳ báo cáo.', en: () => 'This required file is missing from the export folder.' },
  'missing-column': { vi: (p) => `Thiếu cột bắt buộc "${p.column}".`, en: (p) => `The required column "${p.column}" is missing.` },
  'duplicate-column': { vi: () => 'Cột này xuất hiện hai lần.', en: () => 'This column appears twice.' },
  'unknown-column': { vi: () => 'Cột không có trong quy định dữ liệu; đã bỏ qua.', en: () => 'Column not in the data contract; ignored.' },
  'required-value': { vi: () => 'Ô bắt buộc đang để trống.', en: () => 'This required cell is empty.' },
  'duplicate-id': {
    vi: (p) => `Mã bị trùng${p.params?.first ? ` (đã có ở dòng ${param(p, 'first')})` : ''}.`,
    en: (p) => `Duplicate id${p.params?.first ? ` (already on line ${param(p, 'first')})` : ''}.`,
  },
  'unknown-level': {
    vi: () => 'Cấp không hợp lệ: dùng tỉnh, huyện, xã, ấp hoặc tổ (province, district, commune, hamlet, group).',
    en: () => 'Unknown level: use province, district, commune, hamlet or group (tỉnh, huyện, xã, ấp, tổ).',
  },
  'unknown-cadre-level': {
    vi: () => 'Cấp của cán bộ không hợp lệ: dùng tỉnh, huyện hoặc xã.',
    en: () => 'Unknown cadre level: use province, district or commune (tỉnh, huyện, xã).',
  },
  'unknown-role': { vi: () => 'Vai trò không hợp lệ: dùng phụ trách (lead) hoặc thành viên (member).', en: () => 'Unknown role: use lead or member (phụ trách, thành viên).' },
  'unknown-report-type': {
    vi: () => 'Loại báo cáo không hợp lệ: dự họp, sinh hoạt chi bộ, đi cơ sở, kiến nghị hoặc khác.',
    en: () => 'Unknown report type: use meeting, branch_meeting, visit, issue or other.',
  },
  'unknown-status': { vi: () => 'Tình trạng không hợp lệ: đang xử lý, đã phản hồi hoặc đã giải quyết.', en: () => 'Unknown status: use open, responded or resolved.' },
  'unknown-gender': { vi: () => 'Giới tính không rõ (nam/nữ); đã bỏ qua.', en: () => 'Unknown gender (male/female); ignored.' },
  'bad-date': { vi: () => 'Không đọc được ngày: dùng DD/MM/YYYY hoặc YYYY-MM-DD.', en: () => 'Unreadable date: use DD/MM/YYYY or YYYY-MM-DD.' },
  'bad-number': { vi: () => 'Không phải số nguyên không âm.', en: () => 'Not a non-negative whole number.' },
  'bad-coordinate': { vi: () => 'Tọa độ không hợp lệ.', en: () => 'Not a valid coordinate.' },
  'unknown-parent': { vi: () => 'Mã đơn vị cấp trên không có trong units.csv.', en: () => 'This parent id is not in units.csv.' },
  'parent-level': {
    vi: (p) => `Đơn vị cấp trên (cấp ${levelVi(p, 'parentLevel')}) phải ở cấp cao hơn đơn vị này (cấp ${levelVi(p, 'level')}).`,
    en: (p) => `The parent (${param(p, 'parentLevel')}) must be at a higher level than this unit (${param(p, 'level')}).`,
  },
  cycle: { vi: (p) => `Vòng lặp trong quan hệ cấp trên: ${param(p, 'path')}.`, en: (p) => `Cycle in the hierarchy: ${param(p, 'path')}.` },
  'no-units': { vi: () => 'units.csv không có đơn vị nào.', en: () => 'units.csv holds no unit.' },
  'extra-root': {
    vi: (p) => `Chỉ đơn vị gốc (${param(p, 'root')}) được để trống mã đơn vị cấp trên.`,
    en: (p) => `Only the root unit (${param(p, 'root')}) may have an empty parent id.`,
  },
  'unknown-unit': { vi: () => 'Mã đơn vị không có trong units.csv.', en: () => 'This unit id is not in units.csv.' },
  'unknown-cadre': { vi: () => 'Mã cán bộ không có trong cadres.csv.', en: () => 'This cadre id is not in cadres.csv.' },
  'unexpected-level': {
    vi: (p) => `Cán bộ cấp ${levelVi(p, 'cadreLevel')} theo dõi đơn vị cấp ${levelVi(p, 'unitLevel')}: không thuộc cặp nào trong cấu hình, không được tính.`,
    en: (p) => `A ${param(p, 'cadreLevel')} cadre follows a ${param(p, 'unitLevel')} unit: no pair of the mapping, not counted.`,
  },
  'duplicate-assignment': {
    vi: (p) => `Phân công lặp lại (như dòng ${param(p, 'first')}).`,
    en: (p) => `Repeated assignment (as on line ${param(p, 'first')}).`,
  },
  'end-before-start': { vi: () => 'Ngày kết thúc trước ngày bắt đầu.', en: () => 'The end date is before the start date.' },
  'response-before-report': { vi: () => 'Ngày phản hồi trước ngày kiến nghị.', en: () => 'The response date is before the issue date.' },
  'report-outside-quarter': {
    vi: (p) => `Báo cáo ngoài kỳ ${param(p, 'quarter')}; không được tính.`,
    en: (p) => `Report dated outside ${param(p, 'quarter')}; not counted.`,
  },
  'pair-without-units': { vi: () => 'Không có đơn vị nào ở cấp được theo dõi này.', en: () => 'No unit at this followed level.' },
  'more-problems': {
    vi: (p) => `Còn ${param(p, 'count')} lỗi cùng loại "${param(p, 'code')}" không liệt kê.`,
    en: (p) => `${param(p, 'count')} more problems of kind "${param(p, 'code')}" not listed.`,
  },
  'bad-folder': {
    vi: () => 'Tên thư mục kỳ báo cáo phải có dạng YYYY-Qn (ví dụ 2017-Q4).',
    en: () => 'An export folder must be named YYYY-Qn (for example 2017-Q4).',
  },
  'no-exports': { vi: () => 'Không có thư mục kỳ báo cáo nào (exports/YYYY-Qn).', en: () => 'No export folder (exports/YYYY-Qn).' },
  'config-json': { vi: (p) => `config.json không phải JSON hợp lệ: ${param(p, 'detail')}`, en: (p) => `config.json is not valid JSON: ${param(p, 'detail')}` },
  'config-encoding': { vi: () => 'config.json phải được lưu dạng UTF-8.', en: () => 'config.json must be saved as UTF-8.' },
  'config-type': { vi: () => 'config.json phải là một đối tượng JSON { … }.', en: () => 'config.json must be a JSON object { … }.' },
  'config-unknown-key': {
    vi: () => 'Khoá cấu hình không có trong hợp đồng dữ liệu (sai chính tả?).',
    en: () => 'This setting is not part of the data contract (a typo?).',
  },
  'config-text': { vi: () => 'Giá trị này phải là chuỗi chữ không rỗng.', en: () => 'This setting must be non-empty text.' },
  'config-url': {
    vi: () => 'Phải là địa chỉ http(s)://… hoặc đường dẫn trên cùng máy chủ.',
    en: () => 'This must be an http(s):// address or a path on the same host.',
  },
  'config-base-path': {
    vi: () => 'basePath phải là đường dẫn như /tinh-uy/nam-co-so/ (không có giao thức, "..", "?" hay "#").',
    en: () => 'basePath must be a path such as /tinh-uy/nam-co-so/ (no scheme, "..", "?" or "#").',
  },
  'config-whole-number': { vi: () => 'Giá trị này phải là số nguyên không âm.', en: () => 'This setting must be a whole number, 0 or more.' },
  'config-topic-fields': {
    vi: () => 'topicFields phải là đối tượng { "chủ đề": "lĩnh vực" } hoặc { "chủ đề": ["lĩnh vực", …] }.',
    en: () => 'topicFields must be an object { "topic": "field" } or { "topic": ["field", …] }.',
  },
  'config-attendance-types': {
    vi: () => 'Phải là danh sách loại báo cáo: dự họp, sinh hoạt chi bộ, đi cơ sở, kiến nghị hoặc khác (meeting, branch_meeting, visit, issue, other).',
    en: () => 'Must be a list of report types: meeting, branch_meeting, visit, issue or other (dự họp, sinh hoạt chi bộ, đi cơ sở, kiến nghị, khác).',
  },
  'config-boolean': { vi: () => 'Giá trị này phải là true hoặc false.', en: () => 'This setting must be true or false.' },
  'config-coverage': {
    vi: () => 'coverage phải là danh sách các cặp { "cadreLevel", "unitLevel" } với cấp hợp lệ, không trùng.',
    en: () => 'coverage must be a list of distinct { "cadreLevel", "unitLevel" } pairs with known levels.',
  },
  'bad-boundary': { vi: (p) => `Không đọc được tệp ranh giới: ${param(p, 'detail')}`, en: (p) => `Unreadable boundary file: ${param(p, 'detail')}` },
};

/** The message of a problem in the reader's language. */
export function describeProblem(problem: Problem, lang: Lang): string {
  const entry = validationMessages[problem.code] ?? csvMessages[problem.code];
  return entry ? entry[lang](problem) : problem.code;
}
