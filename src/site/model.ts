import { readFileSync } from 'node:fs';
import { SITE_MODEL_VERSION, type SiteModel } from '../lib/site/types.ts';

/**
 * The site model, read once per build from the file scripts/build.ts wrote. Pages look their
 * data up here and format it; they compute nothing.
 */
function loadModel(): SiteModel {
  const path = process.env.NAMCOSO_MODEL;
  if (!path) throw new Error('NAMCOSO_MODEL is not set: build the site with `npm run build`, which computes the model first.');
  const model = JSON.parse(readFileSync(path, 'utf8')) as SiteModel;
  if (model.version !== SITE_MODEL_VERSION) throw new Error(`Site model version ${model.version}, expected ${SITE_MODEL_VERSION}.`);
  return model;
}

export const model: SiteModel = loadModel();
