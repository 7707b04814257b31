import type { Feature } from 'geojson';
import { buildMapPayload, hasLocation, type MapPayload, type MapUnitInput } from '../lib/map-payload.ts';
import { buildSearchIndex, type SearchEntry, type SearchIndex } from '../lib/search-index.ts';
import type { SiteModel, UnitEntry } from '../lib/model/types.ts';
import type { Lang } from '../lib/types.ts';
import { strings } from '../lib/i18n.ts';
import { pageUnitOf } from './labels.ts';
import { pagePath } from './paths.ts';
import { kindTitle, unitTitle } from './unit-title.ts';

/*
 * The files the browser loads on demand, per language: the map payload and the search index.
 * Links in them are relative to their own URL (`data/…`), so the site works under any base.
 */

const relative = (lang: Lang, path: string) => `${lang === 'en' ? '../en/' : '../'}${path}`;

function unitHref(model: SiteModel, id: string, lang: Lang): string {
  const page = pageUnitOf(model, id);
  return page ? relative(lang, pagePath.unit(page.id)) : '';
}

/** The map of the model's map level; null when the model has none. */
export function mapPayload(model: SiteModel, features: Map<string, Feature>, lang: Lang): MapPayload | null {
  if (!model.map) return null;
  const { level, drawn, drawing } = model.map;
  const followed = Object.values(model.units).filter((u) => u.level === level);
  const unitInput = (u: UnitEntry): MapUnitInput => ({
    id: u.id, name: unitTitle(u, lang), href: unitHref(model, u.id, lang),
    status: u.status === 'none' ? 'nodata' : u.status,
    coverage: u.status === 'none' ? null : u.status === 'covered' ? 1 : 0,
    attendance: u.attendance.rate, lat: u.lat, lon: u.lon, parentId: u.parentId, share: null,
  });
  let units: MapUnitInput[] = followed.map(unitInput);
  if (drawing === 'ancestor') {
    // The areas carry the coverage of the map's pair (the first) inside them; attendance is not drawn for them.
    const areas = Object.values(model.units).filter((u) => u.level === drawn).map((u): MapUnitInput => {
      const c = u.area?.coverage[0] ?? { covered: 0, units: 0, coverageRate: null };
      return {
        ...unitInput(u), attendance: null, coverage: c.coverageRate, share: { covered: c.covered, units: c.units },
        status: c.units === 0 ? 'nodata' : c.covered === c.units ? 'covered' : 'unattended',
      };
    });
    // Followed units stay on the map as points where they have a location.
    units = [...areas, ...units.filter(hasLocation)];
  }
  // The level above the drawn units (districts over communes), outlined and named under their figures.
  const parents = drawing === 'followed' ? [...new Set(followed.map((u) => u.parentId))] : [];
  const areas = parents.flatMap((id) => (id && model.units[id] ? [{ id, name: unitTitle(model.units[id]!, lang) }] : []));
  return buildMapPayload(units, features, { followed: level, drawn, drawing }, {}, areas);
}

/** Every unit but groups, and every cadre, each linked to its page or its nearest ancestor's. */
export function searchIndex(model: SiteModel, lang: Lang): SearchIndex {
  const t = strings[lang];
  const parentTitle = (id: string | null) => (id && model.units[id] ? unitTitle(model.units[id]!, lang) : '');
  const entries: SearchEntry[] = [
    ...Object.values(model.units)
      .filter((u) => u.level !== 'group')
      .map((u): SearchEntry => ({
        kind: 'unit', id: u.id, name: unitTitle(u, lang), plainName: u.name, level: u.level,
        detail: [kindTitle(u, lang), parentTitle(u.parentId)].filter(Boolean).join(' · '), href: unitHref(model, u.id, lang),
      })),
    ...Object.values(model.cadres).map((c): SearchEntry => ({
      kind: 'cadre', id: c.id, name: c.displayName, detail: [c.position ?? t.cadreLevels[c.level], parentTitle(c.homeUnitId)].filter(Boolean).join(' · '),
      href: c.hasPage ? relative(lang, pagePath.cadre(c.id)) : unitHref(model, c.homeUnitId, lang),
    })),
  ];
  return buildSearchIndex(entries);
}
