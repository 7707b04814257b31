import type { SiteModel } from '../lib/model/types.ts';

/**
 * What scripts/build.ts hands the pages, in memory, in the process that renders them (a
 * registered symbol, since Astro bundles its own copy of this module): the site model, computed
 * once per build, and the sizes of the downloads, which a worker thread writes while the pages
 * render.
 */
export interface BuildHandover {
  model: SiteModel;
  /** The size of a download file once written; null for a page without a workbook. Rejects when the build writes no such file. */
  downloadSize(file: string): Promise<number | null>;
}
export const HANDOVER = Symbol.for('namcoso.build');

export type WithHandover = { [HANDOVER]?: BuildHandover };
