import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text files worth compressing; images other than SVG and fonts are compressed already. */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|csv|svg|xml|txt)$/i;
/** Below this a compressed copy saves less than a network packet. */
const MIN_BYTES = 1024;
/**
 * Brotli's quality 10 takes about 25 times as long as quality 6 for 20 % less, and gzip's 9 almost
 * three times as long as 6 for 1 % less: worth it for the few files every visitor loads
 * (`_astro/`, the search index and map in `data/`), not for thousands of pages and CSV files each
 * read by few (brotli 6 and gzip 6 keep the demo's 7,500 files to seconds). Brotli's best, 11,
 * took the demo's search index from 91 KB to 88 KB for 1.4 s more of each language's build.
 */
const SHARED = /(^|[\\/])(_astro|data)[\\/]/;

/** Whether `precompress` gives the site's file (its path inside the site) compressed copies. */
export const isCompressible = (sitePath: string, bytes: number): boolean => bytes >= MIN_BYTES && COMPRESSIBLE.test(sitePath);

/**
 * Writes `file.br` and `file.gz` for the site's file at `sitePath` holding `bytes`, each only if
 * smaller. Synchronous, on the thread that has the bytes: zlib's asynchronous calls, a few files
 * at a time on libuv's threads, took half as much CPU time again for the same bytes.
 */
export function writeCompressedCopies(file: string, sitePath: string, bytes: Buffer): void {
  const shared = SHARED.test(sitePath);
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: shared ? 10 : 6, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } });
  if (br.length < bytes.length) writeFileSync(`${file}.br`, br);
  const gzipped = gzipSync(bytes, { level: shared ? 9 : 6 });
  if (gzipped.length < bytes.length) writeFileSync(`${file}.gz`, gzipped);
}

/** The files of `dir` that get compressed copies, as [file, path inside the site]. */
function compressibleFiles(dir: string): [string, string][] {
  const root = dir.length + 1;
  const files: [string, string][] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const sitePath = file.slice(root);
    if (isCompressible(sitePath, statSync(file).size)) files.push([file, sitePath]);
  }
  return files;
}

/** Compresses the files it is given: in the calling thread, or in scripts/lib/compress-worker.ts. */
export function compressFiles(files: [string, string][]): void {
  for (const [file, sitePath] of files) writeCompressedCopies(file, sitePath, readFileSync(file));
}

/**
 * Writes `x.gz` and `x.br` beside every compressible file of the site of at least 1 KiB, so a
 * host that serves precompressed files (nginx gzip_static/brotli_static, sirv, IIS with the
 * rules in the README) sends them without compressing on each request. A copy that would
 * not be smaller is not written. Half the files, every other one, go to a second thread: the
 * demo site's 7,681 files took 4.1–4.9 s instead of 5.6–6.3 s, for 40 % more CPU time, when
 * nothing else runs.
 */
export async function precompress(dir: string): Promise<void> {
  const files = compressibleFiles(dir);
  const worker = new Worker(new URL('./compress-worker.ts', import.meta.url), { workerData: files.filter((_, i) => i % 2 === 1) });
  const done = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`The compressing thread stopped (exit ${code}).`))));
  });
  try {
    compressFiles(files.filter((_, i) => i % 2 === 0));
  } finally {
    await done;
  }
}
