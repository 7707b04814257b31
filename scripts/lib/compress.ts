import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * Writes `x.gz` and `x.br` beside every compressible file of the site of at least 1 KiB, so a
 * host that serves precompressed files (nginx gzip_static/brotli_static, sirv, IIS with the
 * rules in the README) sends them without compressing on each request. A copy that would
 * not be smaller is not written. Returns how many files were compressed.
 */
export function precompress(dir: string): number {
  const root = dir.length + 1;
  let n = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const sitePath = file.slice(root);
    if (!isCompressible(sitePath, statSync(file).size)) continue;
    writeCompressedCopies(file, sitePath, readFileSync(file));
    n++;
  }
  return n;
}
