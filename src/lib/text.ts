/** Text helpers for matching headers and values typed by hand in Vietnamese. */

/**
 * Canonical form of a header cell: NFC (Excel on macOS writes NFD), trimmed, lower-cased,
 * inner whitespace collapsed to one space. `\s` also covers NBSP and a stray U+FEFF.
 */
export function normalizeHeader(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Lower-case text without diacritics, so `MÃ ĐƠN VỊ` matches `ma don vi`.
 * `đ` is a letter of its own, not `d` plus a mark, so NFD leaves it alone: map it by hand.
 */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a
 * substring as a view into its parent, so one kept cell would pin a whole chunk of a
 * streamed file; kept values are detached.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

// C0 controls but tab and line feed (a quoted cell may hold them), DEL and the C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** True when a cell holds a control character: a broken export, and one that would reach the pages. */
export function hasControlCharacter(s: string): boolean {
  return CONTROL.test(s);
}

/** The text with each control character written visibly, `Nguyễn[U+0000]Văn`, for a problem's value. */
export function showControlCharacters(s: string): string {
  return s.replace(new RegExp(CONTROL.source, 'g'), (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}
