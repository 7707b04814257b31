import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { buildMapPayload, type MapUnitInput } from '../../src/lib/map-payload.ts';
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
      const units: MapUnitInput[] = Object.values(model.units)
        .filter((u) => u.level === model.map!.level)
        .map((u) => ({
          id: u.id, name: unitTitle(u, lang), href: unitHref(u.id),
          status: u.status === 'none' ? 'nodata' : u.status,
          coverage: u.status === 'none' ? null : u.status === 'covered' ? 1 : 0,
          attendance: u.attendance.rate, lat: u.lat, lon: u.lon, parentId: u.parentId,
        }));
      writeFileSync(join(outDir, 'data', `map-${lang}.json`), JSON.stringify(buildMapPayload(units, features, model.map.level)));
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
