import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { registerHooks } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { Feature } from 'geojson';
import type { SiteModel } from '../../src/lib/model/types.ts';
import type { Lang } from '../../src/lib/types.ts';
import { precompress } from './compress.ts';
import type { DownloadsJob } from './downloads.ts';

/*
 * Writes the site's downloads (scripts/lib/downloads.ts) in a thread of its own: each page's
 * files, reporting the sizes of the workbooks it links to as soon as they are written; then the
 * map and search files; then their .br and .gz.
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
const write = (path: string, bytes: string | Buffer) => writeFileSync(folderOf(path), bytes);

// Files are written a few at a time on libuv's threads while the next page's are drawn: opening
// and writing 25,000 files would otherwise take a third of this thread's time.
const writing = new Set<Promise<void>>();
for (const { files, sizes } of downloadFiles(model, job.workbooks)) {
  for (const f of files) {
    if (writing.size >= 16) await Promise.race(writing);
    const done: Promise<void> = writeFile(folderOf(f.path), f.bytes).then(() => void writing.delete(done));
    writing.add(done);
  }
  parentPort!.postMessage({ sizes });
}
await Promise.all(writing);
const features = new Map(JSON.parse(readFileSync(job.boundariesPath, 'utf8')) as [string, Feature][]);
for (const lang of ['vi', 'en'] as Lang[]) {
  const map = mapPayload(model, features, lang);
  if (map) write(`data/map-${lang}.json`, JSON.stringify(map));
  write(`data/search-${lang}.json`, JSON.stringify(searchIndex(model, lang)));
}
await precompress(job.outDir);
parentPort!.postMessage({ done: true });
