/**
 * An id as one safe path segment: percent-encoded, with `%` written `~`. A static host
 * decodes `%23` back to `#` before it looks for the folder, so an id such as `X#1` or `a?b`
 * would otherwise name a folder no link can reach. Plain codes (`28756`, `28756-01`) stay as they are.
 */
export function idSlug(id: string): string {
  return encodeURIComponent(id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%/g, '~');
}
