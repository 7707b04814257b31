import type { Problem } from '../types.ts';

type Message = { vi: (p: Problem) => string; en: (p: Problem) => string };

/** Plain-words messages for the problems of reading a CSV file. The caller prints file, line and value. */
export const csvMessages: Record<string, Message> = {
  encoding: {
    vi: () =>
      "Tệp không phải UTF-8 hay UTF-16 (có thể là TCVN3/VNI/Windows-1258): hãy mở bằng Excel và lưu lại dưới dạng 'CSV UTF-8'.",
    en: () =>
      "The file is not UTF-8 or UTF-16 (perhaps TCVN3/VNI/Windows-1258): open it in Excel and save it again as 'CSV UTF-8'.",
  },
  'encoding-utf16-no-bom': {
    vi: () =>
      "Tệp có byte NUL: có lẽ là UTF-16 không có dấu BOM ở đầu tệp. Hãy lưu lại dưới dạng 'CSV UTF-8' (hoặc 'Unicode Text' của Excel, có BOM).",
    en: () =>
      "The file contains NUL bytes: probably UTF-16 without a byte-order mark. Save it again as 'CSV UTF-8' (or Excel's 'Unicode Text', which has one).",
  },
  'empty-file': {
    vi: () => 'Tệp trống: không có dòng tiêu đề.',
    en: () => 'The file is empty: it has no header line.',
  },
  'ragged-row': {
    vi: (p) =>
      `Dòng có ${p.params?.actual} ô nhưng dòng tiêu đề có ${p.params?.expected} cột. Kiểm tra dấu phân cách hoặc dấu ngoặc kép trong dòng này.`,
    en: (p) =>
      `The row has ${p.params?.actual} cells but the header has ${p.params?.expected} columns. Check the delimiters and quotes in this row.`,
  },
  'unterminated-quote': {
    vi: () =>
      'Một ô mở dấu ngoặc kép (") mà không đóng lại, nên phần còn lại của tệp không đọc được. Hãy đóng dấu ngoặc kép hoặc viết nó thành hai dấu ("").',
    en: () =>
      'A cell opens a double quote (") that is never closed, so the rest of the file cannot be read. Close the quote, or write it doubled ("").',
  },
  'quoted-cell-too-long': {
    vi: (p) =>
      `Một ô mở dấu ngoặc kép (") ở dòng này mà sau ${p.params?.limit} ký tự vẫn chưa đóng: có lẽ thiếu dấu ngoặc kép đóng, hoặc ô dài quá mức đọc được. Hãy kiểm tra dấu ngoặc kép của dòng này.`,
    en: (p) =>
      `A cell opens a double quote (") on this line that is still open after ${p.params?.limit} characters: most likely its closing quote is missing, or the cell is longer than can be read. Check the quotes of this line.`,
  },
  'malformed-quote': {
    vi: () =>
      'Dấu ngoặc kép (") nằm giữa một ô có ngoặc kép mà không được viết thành hai dấu (""): nội dung ô có thể bị đọc sai.',
    en: () =>
      'A double quote (") inside a quoted cell is not doubled (""): the cell may be read wrongly.',
  },
  'control-character': {
    vi: () => 'Ô chứa ký tự điều khiển (như NUL), thường do lỗi khi xuất dữ liệu: hãy xoá ký tự đó (vị trí ghi là [U+…]).',
    en: () => 'The cell holds a control character (such as NUL), usually a fault of the export: remove it (shown as [U+…]).',
  },
  'record-too-long': {
    vi: (p) => `Dòng dài hơn ${p.params?.limit} ký tự, không đọc được. Kiểm tra dấu xuống dòng của tệp.`,
    en: (p) => `The row is longer than ${p.params?.limit} characters and cannot be read. Check the file's line breaks.`,
  },
};
