import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text files worth compressing; images other than SVG and fonts are compressed already. */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|csv|svg|xml|txt)$/i;
/** Below this a compressed copy saves less than a network packet. */
const MIN_BYTES = 1024;
/**
 * Brotli's best quality (11) takes about 100 times as long as quality 6 for 10 % less, and gzip's 9
 * almost three times as long as 6 for 1 % less: worth it for the few files every visitor loads
 * (`_astro/`, the search index and map in `data/`), not for thousands of pages and CSV files each
 * read by few (brotli 6 and gzip 6 keep the demo's 7,500 files to seconds).
 */
const SHARED = /(^|[\\/])(_astro|data)[\\/]/;

/**
 * Writes `x.gz` and `x.br` beside every compressible file of the site of at least 1 KiB, so a
 * host that serves precompressed files (nginx gzip_static/brotli_static, sirv, IIS with the
 * rules in the README) sends them without compressing on each request. A copy that would
 * not be smaller is not written. zlib runs on libuv's four threads, shared by the build's two
 * threads that compress: two files at a time each (a Brotli and a gzip stream apiece) keep them
 * busy, and more would only hold more files and compressors in memory while they wait.
 * Returns how many files were compressed.
 */
export async function precompress(dir: string): Promise<number> {
  const root = dir.length + 1;
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((path) => statSync(path).size >= MIN_BYTES);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const path = files[next++]!;
      const bytes = readFileSync(path);
      const shared = SHARED.test(path.slice(root));
      const [br, gzipped] = await Promise.all([
        brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: shared ? 11 : 6, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
        gz(bytes, { level: shared ? 9 : 6 }),
      ]);
      if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
      if (gzipped.length < bytes.length) writeFileSync(`${path}.gz`, gzipped);
    }
  };
  await Promise.all(Array.from({ length: 2 }, worker));
  return files.length;
}
