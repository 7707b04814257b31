import { foldDiacritics } from './text.ts';

/** A readable path segment for a name: `Cù Lao Minh` → `cu-lao-minh`. */
export function slugify(name: string): string {
  // Cut so that a region named at length still makes a file name the system accepts.
  return foldDiacritics(name).replace(/[^a-z0-9]+/g, '-').slice(0, 80).replace(/^-|-$/g, '') || 'vung';
}
