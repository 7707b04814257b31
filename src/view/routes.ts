import type { Lang } from '../lib/types.ts';
import { langPrefix, pagePath, pairSlug } from './paths.ts';
import type { SiteModel } from '../lib/model/types.ts';

export type PageKind = 'overview' | 'unit' | 'brief' | 'cadre' | 'region' | 'map' | 'unattended' | 'cadres' | 'silent' | 'issues' | 'history' | 'quality' | 'about' | 'search' | 'plan';

export interface Route {
  lang: Lang;
  kind: PageKind;
  /** Site-relative path without the language prefix. */
  path: string;
  id?: string;
}

const SINGLE: ('overview' | 'map' | 'unattended' | 'cadres' | 'silent' | 'issues' | 'history' | 'quality' | 'about' | 'search')[] = ['overview', 'map', 'unattended', 'cadres', 'silent', 'issues', 'history', 'quality', 'about', 'search'];

/** Every page of the site, in both languages: one entry per page, ids only. */
export function allRoutes(model: SiteModel): Route[] {
  const routes: Route[] = [];
  for (const lang of ['vi', 'en'] as Lang[]) {
    for (const kind of SINGLE) routes.push({ lang, kind, path: pagePath[kind]() });
    for (const unit of Object.values(model.units)) {
      if (!unit.hasPage) continue;
      routes.push({ lang, kind: 'unit', path: pagePath.unit(unit.id), id: unit.id });
      if (unit.hasBrief) routes.push({ lang, kind: 'brief', path: pagePath.brief(unit.id), id: unit.id });
    }
    for (const cadre of Object.values(model.cadres)) if (cadre.hasPage) routes.push({ lang, kind: 'cadre', path: pagePath.cadre(cadre.id), id: cadre.id });
    for (const region of model.regions) routes.push({ lang, kind: 'region', path: pagePath.region(region.slug), id: region.id });
    model.plan?.pairs.forEach((pair, i) => routes.push({ lang, kind: 'plan', path: pagePath.plan(pairSlug(pair)), id: String(i) }));
  }
  return routes;
}

/** Astro's rest parameter for a route: undefined for the Vietnamese overview at the root. */
export function routeParam(route: Route): string | undefined {
  const full = `${langPrefix(route.lang)}${route.path}`.replace(/\/$/, '');
  return full === '' ? undefined : full;
}
