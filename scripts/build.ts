import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { normaliseBasePath } from '../src/lib/config.ts';
import { strings } from '../src/lib/i18n.ts';
import { loadData } from '../src/lib/load.ts';
import { buildSiteModel } from '../src/lib/model/build-site-model.ts';
import { HANDOVER, type WithHandover } from '../src/view/handover.ts';
import { assignmentsCsv } from '../src/lib/plan/csv.ts';
import { makePlan } from '../src/lib/plan/plan.ts';
import { readBoundaries } from './lib/boundaries.ts';
import { parseCommandLine } from './lib/cli.ts';
import { solverInWorkers } from './lib/plan-solver.ts';
import { precompress } from './lib/compress.ts';
import { type Downloads, startDownloads } from './lib/downloads.ts';
import { exportCache } from './lib/export-cache.ts';
import { nodeSource, terminalProgress } from './lib/node-source.ts';
import { restartWithMallocEnv } from './lib/malloc-env.ts';
import { lockOutput, makeWorkFolder, refusalMessage, refuseOutput, swapIn, sweepLeftovers, userPath } from './lib/output.ts';
import { problemLine } from './lib/report.ts';

const USAGE = `Usage: npm run build -- [--data DIR] [--out DIR] [--base /sub/path/] [--no-cache] [--lang vi|en]
  Reads DIR (default data/), writes the static site to OUT (default dist/). Relative paths are
  taken from the folder you run npm from. OUT must be new, empty, or a site namcoso built
  before; it is replaced only when the whole build succeeded. Quarters whose files did not
  change since the last build are taken from .cache/namcoso/; --no-cache reads them all.`;

restartWithMallocEnv();
const { values, lang, fail: usage } = parseCommandLine(USAGE, { data: { type: 'string', default: 'data' }, out: { type: 'string', default: 'dist' }, base: { type: 'string' }, 'no-cache': { type: 'boolean' } });
const dataDir = userPath(String(values.data));
const outDir = userPath(String(values.out));
if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) usage(`No such folder: ${dataDir}`);
const cliBase = typeof values.base === 'string'
  ? normaliseBasePath(values.base) ?? usage(`--base must be a path such as /sub/path/, not "${values.base}"`)
  : null;
const projectDir = resolve(import.meta.dirname, '..');
const refusal = refuseOutput(outDir, { project: projectDir, data: dataDir });
if (refusal) usage(refusalMessage(refusal, lang));
const lock = lockOutput(outDir);
if (!lock.ok) {
  process.stderr.write(`${strings[lang].cli.busy(lock.pid, outDir)}\n`);
  process.exit(1);
}
process.on('exit', lock.release);
sweepLeftovers(outDir);

// The rendering's garbage would otherwise let each thread's heap grow to several times what it
// holds before V8 collects it: the demo's peak went from 1.25 GB to under 0.9 GB for about a
// tenth more CPU time. Set before any worker starts, so theirs follow it too.
setFlagsFromString('--heap-growing-percent=30');
setFlagsFromString('--max-semi-space-size=8');
const started = Date.now();
const { model, base, boundaries, proposedAssignments } = await computeModel();
const modelMs = Date.now() - started;
// The quarters read are garbage now, as large as the model or more: V8 would collect them only
// once Astro's heap grew on top of them, so the peak would be the two together.
setFlagsFromString('--expose-gc');
(runInNewContext('gc') as () => void)();

// Everything is built beside the output and swapped in at the end, so a failure leaves it as it was.
const work = makeWorkFolder(outDir);
const modelPath = join(work, 'model.json');
const boundariesPath = join(work, 'boundaries.json');
const downloadsDir = join(work, 'downloads');
const staging = join(work, 'site');
let downloads: Downloads | undefined;
try {
  writeFileSync(modelPath, JSON.stringify(model));
  writeFileSync(boundariesPath, JSON.stringify([...boundaries.features]));
  // The CSVs, workbooks, map and search files are written on the second core while Astro
  // renders the pages on the first; the pages get the model in memory, once.
  downloads = startDownloads({ modelPath, boundariesPath, outDir: downloadsDir, base, workbooks: process.env.NAMCOSO_WORKBOOKS !== '0' });
  (globalThis as WithHandover)[HANDOVER] = { model, downloadSize: downloads.size };
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Vite lets these variables override the build's own values; a parent tool (Vitest) sets them.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
  // Astro keeps its prerender chunks under the working directory (in `.astro/` when the output
  // lies outside it), so two builds at once would share them: each build works in its own folder,
  // where the chunks find Astro's packages through a link to the project's node_modules.
  symlinkSync(join(projectDir, 'node_modules'), join(work, 'node_modules'), 'dir');
  process.chdir(work);
  const { build } = await import('astro');
  if (process.stderr.isTTY) process.stderr.write(`${strings[lang].cli.rendering}\n`);
  // Bundler notices about Astro's own internals mean nothing to the staff who publish: errors only.
  await build({ root: resolve(import.meta.dirname, '..'), outDir: staging, base, logLevel: 'error', vite: { logLevel: 'error' } });
  mkdirSync(join(staging, 'plan'), { recursive: true });
  writeFileSync(join(staging, 'plan', 'assignments.csv'), proposedAssignments);
  if (process.stderr.isTTY) process.stderr.write(`${strings[lang].cli.precompressing}\n`);
  // The pages' files, while the worker finishes the downloads' (it compresses its own as it writes them).
  await precompress(staging);
  await downloads.done;
  for (const folder of readdirSync(downloadsDir)) renameSync(join(downloadsDir, folder), join(staging, folder));
  // The output may have changed during the build: check it again right before replacing it.
  const late = refuseOutput(outDir, { project: projectDir, data: dataDir });
  if (late) throw new Error(refusalMessage(late, lang));
  swapIn(staging, outDir, work, model.builtAt);
  // The bench's split of the time: reading, checking and planning, then the site's files.
  if (process.env.NAMCOSO_TIMINGS) writeFileSync(process.env.NAMCOSO_TIMINGS, JSON.stringify({ modelMs, filesMs: Date.now() - started - modelMs }));
} catch (e) {
  await downloads?.stop();
  process.stderr.write(`${strings[lang].cli.buildFailed}:\n${(e as Error).message ?? e}\n`);
  process.exitCode = 1;
} finally {
  process.chdir(projectDir);
  rmSync(work, { recursive: true, force: true });
}
if (!process.exitCode) {
  const pages = countPages(outDir);
  process.stdout.write(`${strings[lang].cli.built(pages, outDir, ((Date.now() - started) / 1000).toFixed(1))}\n`);
}

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) n++;
  return n;
}

/**
 * Reads and checks the data, plans next quarter and computes the site model; exits 1 listing
 * every error. The analysed quarters stay inside this function, so they are garbage before the
 * pages render.
 */
async function computeModel() {
  const source = nodeSource(terminalProgress());
  const cache = values['no-cache'] ? undefined : exportCache(join(projectDir, '.cache', 'namcoso'), dataDir, source.files);
  const loaded = await loadData(dataDir, source, cache);
  // Reading leaves every quarter's garbage behind: collected now, the plan's instances (9 million
  // edges in the largest province) take its place instead of adding to it at the build's peak.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const boundaries = readBoundaries(join(dataDir, 'boundaries'));
  const errors = [...loaded.findings.errors, ...boundaries.errors];
  if (errors.length > 0) {
    for (const p of errors) process.stderr.write(`✗ ${problemLine(p, lang)}\n`);
    process.stderr.write(`${strings[lang].cli.nothingBuilt(errors.length)}\n`);
    process.exit(1);
  }
  process.stdout.write(`${strings[lang].cli.quartersRead(loaded.read, loaded.quarters.length)}\n`);
  const solver = await solverInWorkers();
  const plan = await makePlan(solver, loaded.current!, loaded.config);
  await solver.close();
  const model = buildSiteModel({
    plan,
    loaded,
    builtAt: process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString() : new Date().toISOString(),
    files: source.files.map((f) => ({ quarter: basename(dirname(f.path)), name: basename(f.path), bytes: f.bytes, sha256: f.sha256 })),
    boundaryIds: new Set(boundaries.features.keys()),
  });
  return { model, base: cliBase ?? loaded.config.basePath, boundaries, proposedAssignments: assignmentsCsv(plan.assignments) };
}
