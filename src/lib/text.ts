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
