import { createHash } from 'node:crypto';

/** Longest slug kept whole: a file name may hold 255 bytes, and a Vietnamese letter takes 9 once escaped. */
const MAX_SLUG = 100;

/**
 * An id as one safe path segment: percent-encoded, with `%` written `~` (and `~` itself escaped,
 * so `~` is always followed by two hex digits). A static host decodes `%23` back to `#` before it
 * looks for the folder, so an id such as `X#1` or `a?b` would otherwise name a folder no link can
 * reach. `.` and `..` are escaped too: as a path segment they would name this folder or its parent.
 * A slug longer than MAX_SLUG is cut and ends in `~~` and a hash of the whole id, a form no shorter
 * slug can take, so any id gets a page (a file name has at most 255 bytes). Plain codes
 * (`28756`, `28756-01`) stay as they are.
 */
export function idSlug(id: string): string {
  const slug = (id === '.' || id === '..' ? id.replace(/\./g, '%2E') : encodeURIComponent(id))
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%/g, '~');
  if (slug.length <= MAX_SLUG) return slug;
  // Cut before an escape the limit would split.
  const head = slug.slice(0, MAX_SLUG - 20).replace(/~[0-9A-F]?$/, '');
  return `${head}~~${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}
