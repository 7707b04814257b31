import { foldDiacritics } from './text.ts';

/** A readable path segment for a name: `Cù Lao Minh` → `cu-lao-minh`. */
export function slugify(name: string): string {
  return foldDiacritics(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'vung';
}
