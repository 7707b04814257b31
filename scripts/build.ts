import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { loadData } from '../src/lib/load.ts';
import { buildSiteModel } from '../src/lib/site/buildSiteModel.ts';
import { readBoundaries } from './lib/boundaries.ts';
import { parseCommandLine } from './lib/cli.ts';
import { nodeSource, terminalProgress } from './lib/node-source.ts';
import { problemLine } from './lib/report.ts';
import { writeDataFiles } from './lib/site-data.ts';

const USAGE = `Usage: npm run build -- [--data DIR] [--out DIR] [--base /sub/path/] [--lang vi|en]
  Reads DIR (default data/), writes the static site to OUT (default dist/). The output is
  replaced only when the whole build succeeded.`;

const { values, lang, fail: usage } = parseCommandLine(USAGE, { data: { type: 'string', default: 'data' }, out: { type: 'string', default: 'dist' }, base: { type: 'string' } });
const dataDir = resolve(String(values.data));
const outDir = resolve(String(values.out));
if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) usage(`No such folder: ${dataDir}`);

const started = Date.now();
const source = nodeSource(terminalProgress());
const loaded = await loadData(dataDir, source);
const boundaries = readBoundaries(join(dataDir, 'boundaries'));
const errors = [...loaded.findings.errors, ...boundaries.errors];
if (errors.length > 0) {
  for (const p of errors) process.stderr.write(`✗ ${problemLine(p, lang)}\n`);
  process.stderr.write(lang === 'vi'
    ? `${errors.length} lỗi: chưa xây dựng trang; trang đã công bố giữ nguyên.\n`
    : `${errors.length} errors: nothing built; the published site is unchanged.\n`);
  process.exit(1);
}

const base = normaliseBase(typeof values.base === 'string' ? values.base : loaded.config.basePath);
const model = buildSiteModel({
  loaded,
  builtAt: process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString() : new Date().toISOString(),
  files: source.files.map((f) => ({ quarter: basename(dirname(f.path)), name: basename(f.path), bytes: f.bytes, sha256: f.sha256 })),
  boundaryIds: new Set(boundaries.features.keys()),
});

// Everything is built beside the output and swapped in at the end, so a failure leaves it as it was.
const stamp = `${process.pid}-${Date.now()}`;
const work = join(dirname(outDir), `.${basename(outDir)}.build-${stamp}`);
mkdirSync(work, { recursive: true });
const modelPath = join(work, 'model.json');
const staging = join(work, 'site');
try {
  writeFileSync(modelPath, JSON.stringify(model));
  process.env.NAMCOSO_MODEL = modelPath;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Vite lets these variables override the build's own values; a parent tool (Vitest) sets them.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
  const { build } = await import('astro');
  if (process.stderr.isTTY) process.stderr.write(lang === 'vi' ? 'Đang tạo các trang…\n' : 'Rendering the pages…\n');
  // Bundler notices about Astro's own internals mean nothing to the staff who publish: errors only.
  await build({ root: resolve(import.meta.dirname, '..'), outDir: staging, base, logLevel: 'error', vite: { logLevel: 'error' } });
  writeDataFiles(staging, model, boundaries.features);
  const previous = `${work}/previous`;
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
} catch (e) {
  process.stderr.write(`${lang === 'vi' ? 'Xây dựng thất bại; trang đã công bố giữ nguyên' : 'The build failed; the published site is unchanged'}:\n${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (!process.exitCode) {
  const pages = countPages(outDir);
  process.stdout.write(`${lang === 'vi' ? 'Đã xây dựng' : 'Built'} ${pages} ${lang === 'vi' ? 'trang' : 'pages'} → ${outDir} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

function normaliseBase(raw: string): string {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) n++;
  return n;
}
