import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { Feature } from 'geojson';
import type { SiteModel } from '../../src/lib/model/types.ts';
import type { Lang } from '../../src/lib/types.ts';
import { isCompressible, writeCompressedCopies } from './compress.ts';
import type { DownloadsJob } from './downloads.ts';

/*
 * Writes the site's downloads (scripts/lib/downloads.ts) in a thread of its own: each page's
 * files and their .br and .gz, reporting the sizes of the workbooks it links to as soon as they
 * are written; then the map and search files.
 */
const job = workerData as DownloadsJob;

// The view's modules read `import.meta.env.BASE_URL`, which Vite writes into the pages; loaded
// here, outside Vite, they get it from this hook. Appended, so line numbers stay.
const site = `${pathToFileURL(resolve(import.meta.dirname, '../../src')).href}/`;
registerHooks({
  load(url, context, next) {
    const loaded = next(url, context);
    if (!url.startsWith(site) || loaded.source === undefined || loaded.source === null) return loaded;
    return { ...loaded, source: `${String(loaded.source)}\n;import.meta.env = { BASE_URL: ${JSON.stringify(job.base)} };\n` };
  },
});
const { downloadFiles } = await import('../../src/view/workbooks.ts');
const { mapPayload, searchIndex } = await import('../../src/view/data-files.ts');

const model = JSON.parse(readFileSync(job.modelPath, 'utf8')) as SiteModel;
const folders = new Set<string>();
function folderOf(path: string): string {
  const file = join(job.outDir, path);
  const folder = dirname(file);
  if (!folders.has(folder)) mkdirSync(folder, { recursive: true }), folders.add(folder);
  return file;
}
// Each file is written and compressed (scripts/lib/compress.ts) as soon as it is drawn, from the
// bytes in hand, synchronously: this thread has a core to itself while Astro renders on the other.
function save(path: string, text: string | Buffer): void {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const file = folderOf(path);
  writeFileSync(file, bytes);
  if (isCompressible(path, bytes.length)) writeCompressedCopies(file, path, bytes);
}

for (const { files, sizes } of downloadFiles(model, job.workbooks)) {
  for (const f of files) save(f.path, f.bytes);
  parentPort!.postMessage({ sizes });
}
const features = new Map(JSON.parse(readFileSync(job.boundariesPath, 'utf8')) as [string, Feature][]);
for (const lang of ['vi', 'en'] as Lang[]) {
  const map = mapPayload(model, features, lang);
  if (map) save(`data/map-${lang}.json`, JSON.stringify(map));
  save(`data/search-${lang}.json`, JSON.stringify(searchIndex(model, lang)));
}
parentPort!.postMessage({ done: true });
