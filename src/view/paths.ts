import type { Lang } from '../lib/types.ts';
import { idSlug } from './slug.ts';

/** Site-relative paths of every page, the same in both languages apart from the `en/` prefix. */
export const pagePath = {
  overview: () => '',
  unit: (id: string) => `unit/${idSlug(id)}/`,
  brief: (id: string) => `brief/${idSlug(id)}/`,
  cadre: (id: string) => `cadre/${idSlug(id)}/`,
  region: (slug: string) => `region/${slug}/`,
  map: () => 'map/',
  unattended: () => 'unattended/',
  cadres: () => 'cadres/',
  silent: () => 'silent/',
  issues: () => 'issues/',
  history: () => 'history/',
  quality: () => 'quality/',
  about: () => 'about/',
  search: () => 'search/',
  plan: (pairSlug: string) => `plan/${pairSlug}/`,
  teams: () => 'teams/',
  team: (slug: string) => `teams/${slug}/`,
  departments: () => 'departments/',
  department: (slug: string) => `departments/${slug}/`,
  regions: () => 'regions/',
};

/** `province-commune`: the plan page of a level pair. */
export const pairSlug = (pair: { cadreLevel: string; unitLevel: string }): string => `${pair.cadreLevel}-${pair.unitLevel}`;

export const langPrefix = (lang: Lang): string => (lang === 'en' ? 'en/' : '');

/** An absolute URL path under the site's base, e.g. `/sub/path/en/unit/801/`. */
export function href(lang: Lang, path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${langPrefix(lang)}${path}`;
}

/** A file under the base that is the same in both languages (data files, CSV). */
export function asset(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${path}`;
}
