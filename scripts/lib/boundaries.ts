import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { featuresById, isDrawable } from '../../src/lib/map-payload.ts';
import type { Problem } from '../../src/lib/types.ts';

/**
 * Reads every GeoJSON/TopoJSON file of data/boundaries into features by unit id, keeping only
 * those a map can draw, so that the level the map chooses is one it can show.
 */
export function readBoundaries(dir: string): { features: Map<string, Feature>; errors: Problem[] } {
  const features = new Map<string, Feature>();
  const errors: Problem[] = [];
  if (!existsSync(dir)) return { features, errors };
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(geo|topo)?json$/i.test(name)) continue;
    try {
      for (const [id, feature] of featuresById(JSON.parse(readFileSync(join(dir, name), 'utf8')))) {
        if (isDrawable(feature)) features.set(id, feature);
      }
    } catch (e) {
      errors.push({ file: `boundaries/${name}`, line: null, column: null, value: null, code: 'bad-boundary', params: { detail: (e as Error).message } });
    }
  }
  return { features, errors };
}
