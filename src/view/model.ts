import type { SiteModel } from '../lib/model/types.ts';
import { HANDOVER, type BuildHandover, type WithHandover } from './handover.ts';

function handover(): BuildHandover {
  const h = (globalThis as WithHandover)[HANDOVER];
  if (!h) throw new Error('No site model: build the site with `npm run build`, which computes the model first.');
  return h;
}

/** The site model, computed once per build: pages look their data up here and hand it to the helpers, which compute nothing. */
export const model: SiteModel = handover().model;

/** The size of a workbook a page links to, once written (`xlsx/vi/table/coverage.xlsx`); null when the page has none. */
export const downloadSize = (file: string): Promise<number | null> => handover().downloadSize(file);
