import { readFileSync } from 'node:fs';
import type { Feature } from 'geojson';
import { SITE_MODEL_VERSION, type SiteModel } from '../lib/model/types.ts';

/**
 * The site model, read once per build from the file scripts/build.ts wrote. Pages look their
 * data up here and hand it to the helpers, which compute nothing.
 */
function loadModel(): SiteModel {
  const path = process.env.NAMCOSO_MODEL;
  if (!path) throw new Error('NAMCOSO_MODEL is not set: build the site with `npm run build`, which computes the model first.');
  const model = JSON.parse(readFileSync(path, 'utf8')) as SiteModel;
  if (model.version !== SITE_MODEL_VERSION) throw new Error(`Site model version ${model.version}, expected ${SITE_MODEL_VERSION}.`);
  return model;
}

export const model: SiteModel = loadModel();

/** The drawable boundary features by unit id, which scripts/build.ts wrote beside the model. */
export function boundaryFeatures(): Map<string, Feature> {
  const path = process.env.NAMCOSO_BOUNDARIES;
  if (!path) throw new Error('NAMCOSO_BOUNDARIES is not set: build the site with `npm run build`.');
  return new Map(JSON.parse(readFileSync(path, 'utf8')) as [string, Feature][]);
}
