import type { Lang } from '../lib/types.ts';
import { langPrefix, pagePath, pairSlug } from './paths.ts';
import type { SiteModel } from '../lib/model/types.ts';

export type PageKind = 'overview' | 'unit' | 'brief' | 'cadre' | 'region' | 'map' | 'unattended' | 'cadres' | 'silent' | 'issues' | 'history' | 'quality' | 'about' | 'search' | 'plan' | 'teams' | 'team' | 'departments' | 'department' | 'regions';

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
    // The side-by-side pages exist where there is something to put side by side.
    if (model.teams.length > 0) routes.push({ lang, kind: 'teams', path: pagePath.teams() });
    for (const team of model.teams) routes.push({ lang, kind: 'team', path: pagePath.team(team.slug), id: team.id });
    if (model.departmentScorecards.length > 0) routes.push({ lang, kind: 'departments', path: pagePath.departments() });
    for (const d of model.departmentScorecards) routes.push({ lang, kind: 'department', path: pagePath.department(d.slug), id: d.id });
    if (model.regions.length > 0) routes.push({ lang, kind: 'regions', path: pagePath.regions() });
    model.plan?.pairs.forEach((pair, i) => routes.push({ lang, kind: 'plan', path: pagePath.plan(pairSlug(pair)), id: String(i) }));
  }
  return routes;
}

/** Astro's rest parameter for a route: undefined for the Vietnamese overview at the root. */
export function routeParam(route: Route): string | undefined {
  const full = `${langPrefix(route.lang)}${route.path}`.replace(/\/$/, '');
  return full === '' ? undefined : full;
}
