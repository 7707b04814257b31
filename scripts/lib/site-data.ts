import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { buildMapPayload, hasLocation, type MapUnitInput } from '../../src/lib/map-payload.ts';
import { buildSearchIndex, type SearchEntry } from '../../src/lib/search-index.ts';
import type { SiteModel, UnitEntry } from '../../src/lib/site/types.ts';
import type { Lang } from '../../src/lib/types.ts';
import { strings } from '../../src/site/i18n.ts';
import { idSlug } from '../../src/site/slug.ts';
import { unitTitle } from '../../src/site/unit-title.ts';

/**
 * Writes the files the browser loads on demand, per language: the map payload and the search
 * index. Links in them are relative to their own URL (`data/…`), so the site works under any base.
 */
export function writeDataFiles(outDir: string, model: SiteModel, features: Map<string, Feature>): void {
  mkdirSync(join(outDir, 'data'), { recursive: true });
  for (const lang of ['vi', 'en'] as Lang[]) {
    const prefix = lang === 'en' ? '../en/' : '../';
    const pageOf = (id: string): UnitEntry | undefined => {
      let unit: UnitEntry | undefined = model.units[id];
      while (unit && !unit.hasPage) unit = unit.parentId === null ? undefined : model.units[unit.parentId];
      return unit;
    };
    const unitHref = (id: string) => {
      const page = pageOf(id);
      return page ? `${prefix}unit/${idSlug(page.id)}/` : '';
    };
    if (model.map) {
      const { level, drawn, drawing } = model.map;
      const followed = Object.values(model.units).filter((u) => u.level === level);
      const unitInput = (u: UnitEntry): MapUnitInput => ({
        id: u.id, name: unitTitle(u, lang), href: unitHref(u.id),
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
      const payload = buildMapPayload(units, features, { followed: level, drawn, drawing });
      writeFileSync(join(outDir, 'data', `map-${lang}.json`), JSON.stringify(payload));
    }
    const t = strings[lang];
    const parentTitle = (id: string | null) => (id && model.units[id] ? unitTitle(model.units[id]!, lang) : '');
    const entries: SearchEntry[] = [
      ...Object.values(model.units)
        .filter((u) => u.level !== 'group')
        .map((u): SearchEntry => ({ kind: 'unit', id: u.id, name: unitTitle(u, lang), detail: [t.levelTitle[u.level], parentTitle(u.parentId)].filter(Boolean).join(' · '), href: unitHref(u.id) })),
      ...Object.values(model.cadres).map((c): SearchEntry => ({
        kind: 'cadre', id: c.id, name: c.displayName, detail: [c.position ?? t.cadreLevels[c.level], parentTitle(c.homeUnitId)].filter(Boolean).join(' · '),
        href: c.hasPage ? `${prefix}cadre/${idSlug(c.id)}/` : unitHref(c.homeUnitId),
      })),
    ];
    writeFileSync(join(outDir, 'data', `search-${lang}.json`), JSON.stringify(buildSearchIndex(entries)));
  }
}
