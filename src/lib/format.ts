import type { Lang } from './types.ts';

/**
 * Display formatting of numbers and dates for the two UI languages.
 *
 * Conventions (one place, so every page agrees):
 * - vi uses Intl 'vi-VN' (`6.038`, `0,848`), en uses 'en-GB' (`6,038`, `0.848`).
 * - Percent: one fixed decimal, no space before `%`, as Intl writes it in both
 *   languages and as Vietnamese official texts usually do: vi `84,8%`, en `84.8%`.
 * - Negative numbers get a true minus sign U+2212 (`−2`), never a hyphen.
 * - `null`, `undefined` and non-finite numbers (a ratio with a zero denominator) → `—`.
 * - Dates are DD/MM/YYYY in both languages: the audience is Vietnamese.
 */

export const MISSING = '—';
const MINUS = '\u2212';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

// Intl.NumberFormat is costly to build, and a page formats thousands of numbers: one per language,
// style and number of decimals, found by a short key.
const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, style: 'decimal' | 'percent', digits: number): Intl.NumberFormat {
  const key = lang + style + digits;
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(LOCALES[lang] ?? LOCALES.vi, { style, minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, nf);
  }
  return nf;
}

function isMissing(n: number | null | undefined): n is null | undefined {
  return n === null || n === undefined || !Number.isFinite(n);
}

function withMinus(s: string): string {
  return s.charCodeAt(0) === 45 ? MINUS + s.slice(1) : s;
}

/** `6038` → vi `6.038`, en `6,038`. Rounds to a whole number. */
export function formatInteger(n: number | null | undefined, lang: Lang = 'vi'): string {
  if (isMissing(n)) return MISSING;
  return withMinus(numberFormat(lang, 'decimal', 0).format(Math.round(n) || 0));
}

/** `formatDecimal(0.8476, 3)` → vi `0,848`, en `0.848`. Always `digits` decimals. */
export function formatDecimal(n: number | null | undefined, digits: number, lang: Lang = 'vi'): string {
  if (isMissing(n)) return MISSING;
  const nf = numberFormat(lang, 'decimal', digits);
  // Avoid "−0,0" for tiny negatives that round to zero.
  return withMinus(nf.format(n).replace(/^-(?=[0.,]*$)/, ''));
}

/**
 * A rate in [0, 1] → vi `84,8%`, en `84.8%`. One decimal by default so columns of rates
 * line up; `digits = 0` for axis ticks (`25%`).
 */
export function formatPercent(rate: number | null | undefined, lang: Lang = 'vi', digits = 1): string {
  if (isMissing(rate)) return MISSING;
  const nf = numberFormat(lang, 'percent', digits);
  return withMinus(nf.format(rate).replace(/^-(?=[0.,%\s]*$)/, ''));
}

/**
 * Cadres per unit: 3 decimals under 10 (`0,848`), 2 from 10 on (`12,50`), where a
 * third decimal is noise.
 */
export function formatRatio(ratio: number | null | undefined, lang: Lang = 'vi'): string {
  if (isMissing(ratio)) return MISSING;
  return formatDecimal(ratio, Math.abs(ratio) < 10 ? 3 : 2, lang);
}

/**
 * ISO `YYYY-MM-DD` (a longer ISO timestamp is cut to its date) → `DD/MM/YYYY` in both
 * languages. Parsed as text, so no time zone can shift the day. Anything else → `—`.
 */
export function formatDate(iso: string | null | undefined, _lang: Lang = 'vi'): string {
  if (!iso) return MISSING;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return MISSING;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** A change with an explicit sign: `+3`, `−2` (U+2212), `0`; thousands grouped. */
export function formatDelta(n: number | null | undefined, lang: Lang = 'vi'): string {
  if (isMissing(n)) return MISSING;
  const r = Math.round(n);
  if (r === 0) return '0';
  const body = numberFormat(lang, 'decimal', 0).format(Math.abs(r));
  return (r > 0 ? '+' : MINUS) + body;
}

/** A change of a rate in percentage points, signed, one decimal: 0.045 → vi `+4,5`, en `+4.5`; the caller names the unit. */
export function formatPoints(change: number | null | undefined, lang: Lang = 'vi'): string {
  if (isMissing(change)) return MISSING;
  const points = Math.round(change * 1000) / 10;
  if (points === 0) return '0';
  const body = numberFormat(lang, 'decimal', 1).format(Math.abs(points));
  return `${points > 0 ? '+' : MINUS}${body}`;
}

/** A file size as a download link shows it: `24 KB`, `1,3 MB` (vi) / `1.3 MB` (en); 1 KB = 1,024 bytes. */
export function formatSize(bytes: number, lang: Lang = 'vi'): string {
  if (bytes < 1024 * 1024) return `${formatInteger(Math.max(1, Math.round(bytes / 1024)), lang)} KB`;
  return `${formatDecimal(bytes / 1024 / 1024, 1, lang)} MB`;
}
