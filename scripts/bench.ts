import { spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadData } from '../src/lib/load.ts';
import { MALLOC_ENV } from './lib/malloc-env.ts';
import { nodeSource } from './lib/node-source.ts';

/**
 * Measures what the README reports: time and peak memory of checking the demo export; the
 * 2-million-row quarter's `check --json` side by side with DuckDB computing the same figures
 * (they must agree exactly); the demo site's build side by side with a bare Astro build of as
 * many trivial pages, and with the same build without its Excel workbooks; the overview's weight.
 * `--skipCheck`, `--skipPlan`, `--skipBuild` leave a measurement out. Each measurement runs in its own process so peak memory is its own; the pairs run in turn, several
 * times, and the median ratio is what counts on a machine shared with other work.
 */
const { values } = parseArgs({
  options: {
    measure: { type: 'string' },
    duckdb: { type: 'string' },
    rows: { type: 'string', default: '2000000' },
    runs: { type: 'string', default: '3' },
    skipBuild: { type: 'boolean' },
    skipCheck: { type: 'boolean' },
    skipPlan: { type: 'boolean' },
  },
});

if (values.measure) {
  const started = performance.now();
  const loaded = await loadData(values.measure, nodeSource());
  const ms = performance.now() - started;
  const figures = loaded.quarters.at(-1)?.figures;
  process.stdout.write(JSON.stringify({ ms: Math.round(ms), peakMiB: Math.round(process.resourceUsage().maxRSS / 1024), reports: figures?.counts.reports, errors: loaded.findings.errors.length }));
  process.exit(0);
}

if (values.duckdb) {
  // Loaded here only, so DuckDB is never in the memory of the other measurements.
  const { duckdbFigures } = await import('./lib/duckdb-peer.ts');
  process.stdout.write(JSON.stringify(await duckdbFigures(values.duckdb)));
  process.exit(0);
}

function measure(dir: string): { ms: number; peakMiB: number; reports: number; errors: number } {
  const run = spawnSync(process.execPath, ['scripts/bench.ts', '--measure', dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** Runs a node script as its own process: its wall time, its peak memory and what it printed. */
function timed(args: string[], cwd = process.cwd(), env: Record<string, string> = {}): { ms: number; cpuMs: number; peakMiB: number; stdout: string } {
  const peakFile = join(scratch, `peak-${process.pid}-${performance.now()}`);
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'lib/peak-memory.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env, NAMCOSO_PEAK_FILE: peakFile },
  });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const { maxRssKiB, cpuMs } = JSON.parse(readFileSync(peakFile, 'utf8')) as { maxRssKiB: number; cpuMs: number };
  return { ms, cpuMs, peakMiB: Math.round(maxRssKiB / 1024), stdout: run.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const scratch = mkdtempSync(join(tmpdir(), 'namcoso-bench-'));

/** A copy of the demo's newest export whose reports.csv has `rows` rows of valid, varied reports. */
async function bigExport(rows: number): Promise<string> {
  const dir = join(scratch, '2017-Q4');
  mkdirSync(dir);
  for (const f of ['units.csv', 'cadres.csv', 'assignments.csv']) copyFileSync(join('data/exports/2017-Q4', f), join(dir, f));
  const assignments = readFileSync(join(dir, 'assignments.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',').slice(0, 2));
  const out = createWriteStream(join(dir, 'reports.csv'));
  const types = ['meeting', 'meeting', 'meeting', 'visit', 'branch_meeting', 'issue', 'other'];
  out.write('report_id,cadre_id,unit_id,date,type,topic,summary,referred_to,responded_on,status\n');
  for (let i = 0; i < rows; i++) {
    const [cadre, unit] = assignments[i % assignments.length]!;
    const type = types[i % types.length]!;
    const day = 1 + (i % 28);
    const month = 10 + (i % 3);
    const issue = type === 'issue';
    const line = `R${i},${cadre},${unit},2017-${month}-${String(day).padStart(2, '0')},${type},${issue ? 'nông thôn mới' : ''},"Báo cáo số ${i}, nội dung ngắn",${issue ? 'Sở Xây dựng' : ''},${issue && i % 2 ? `2017-12-${String(day).padStart(2, '0')}` : ''},${issue ? (i % 2 ? 'responded' : 'open') : ''}\n`;
    if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return dir;
}

function overviewWeight(site: string): number {
  const html = readFileSync(join(site, 'index.html'));
  const assets = [...html.toString().matchAll(/(?:href|src)="\/(_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!);
  const scripts = readdirSync(join(site, '_astro')).filter((f) => f.endsWith('.js'));
  // Modules imported by the entry scripts count too: take every JS chunk, an upper bound.
  const files = [...new Set([...assets, ...scripts.map((f) => `_astro/${f}`)])];
  return [html, ...files.map((f) => readFileSync(join(site, f)))].reduce((sum, b) => sum + gzipSync(b).length, 0);
}

/**
 * `check --json` of the 2M-row quarter against DuckDB on the same four files, in turn: the
 * figures must be identical; the ratio of each run's times, and the peaks, are reported.
 */
function checkAgainstDuckdb(dir: string, runs: number) {
  const ratios: number[] = [];
  const check = { ms: [] as number[], peakMiB: 0 };
  const duck = { ms: [] as number[], peakMiB: 0 };
  for (let i = 0; i < runs; i++) {
    const ours = timed(['scripts/check.ts', dir, '--json']);
    const peer = timed(['scripts/bench.ts', '--duckdb', dir]);
    const json = JSON.parse(ours.stdout);
    const mine = { quarter: json.quarter, counts: json.counts, coverage: json.coverage, activity: json.activity, issues: json.issues, errors: json.errors.length };
    const theirs = JSON.parse(peer.stdout);
    if (!isDeepStrictEqual(mine, theirs)) throw new Error(`check and DuckDB disagree:\n${JSON.stringify(mine)}\n${JSON.stringify(theirs)}`);
    check.ms.push(ours.ms);
    duck.ms.push(peer.ms);
    check.peakMiB = Math.max(check.peakMiB, ours.peakMiB);
    duck.peakMiB = Math.max(duck.peakMiB, peer.peakMiB);
    ratios.push(ours.ms / peer.ms);
    process.stderr.write(`run ${i + 1}: check ${(ours.ms / 1000).toFixed(1)} s, DuckDB ${(peer.ms / 1000).toFixed(1)} s, ratio ${(ours.ms / peer.ms).toFixed(2)}\n`);
  }
  return {
    medianRatio: Math.round(median(ratios) * 100) / 100,
    ratios: ratios.map((r) => Math.round(r * 100) / 100),
    checkSeconds: Math.round(median(check.ms) / 100) / 10,
    checkPeakMiB: check.peakMiB,
    duckdbSeconds: Math.round(median(duck.ms) / 100) / 10,
    duckdbPeakMiB: duck.peakMiB,
    figuresAgree: true,
  };
}

/**
 * A bare Astro project with the same Astro, Node and page options as ours, whose one route lists
 * `pages` trivial pages; it builds into a folder of its own (where its chunks find node_modules).
 */
function bareAstroProject(pages: number): string {
  const dir = join(scratch, 'bare');
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "name": "bare", "private": true, "type": "module" }\n');
  writeFileSync(join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';
export default defineConfig({ output: 'static', trailingSlash: 'always', build: { format: 'directory', inlineStylesheets: 'never' }, devToolbar: { enabled: false } });
`);
  writeFileSync(join(dir, 'src/pages/[...path].astro'), `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { path: \`page/\${i}\` }, props: { i } }));
}
const { i } = Astro.props;
---
<html lang="en"><head><meta charset="utf-8"><title>Page {i}</title></head><body><h1>Page {i}</h1></body></html>
`);
  return dir;
}

interface Series { ms: number[]; cpuMs: number[]; peakMiB: number }
const series = (): Series => ({ ms: [], cpuMs: [], peakMiB: 0 });
function add(s: Series, run: { ms: number; cpuMs: number; peakMiB: number }) {
  s.ms.push(run.ms);
  s.cpuMs.push(run.cpuMs);
  s.peakMiB = Math.max(s.peakMiB, run.peakMiB);
}
const seconds = (ms: number[]) => Math.round(median(ms) / 100) / 10;
const summary = (ratios: number[]) => ({ medianRatio: Math.round(median(ratios) * 100) / 100, ratios: ratios.map((r) => Math.round(r * 100) / 100) });

/**
 * Three builds in turn, `runs` times: the demo build (nothing cached), a bare Astro build of as
 * many pages, and the demo build without its workbooks (NAMCOSO_WORKBOOKS=0, for this bench
 * only). The ratios of each round's times, their medians, and the peaks. The first build counts
 * the pages; the overview's weight is taken from it.
 */
function buildAgainstPeers(runs: number) {
  const out = join(scratch, 'site', 'dist');
  mkdirSync(join(scratch, 'site'));
  const timings = join(scratch, 'timings.json');
  // Each build's wall time, and the part of it that follows the model (reading, checking and planning).
  const build = (env: Record<string, string> = {}) => {
    rmSync(out, { recursive: true, force: true });
    // With the allocator settings the build gives itself (scripts/lib/malloc-env.ts), so it is
    // measured as it runs and does not start again out of the measurement; its peers get them too.
    const run = timed(['scripts/build.ts', '--data', resolve('data'), '--out', out, '--no-cache'], process.cwd(), { ...MALLOC_ENV, ...env, NAMCOSO_TIMINGS: timings });
    const { modelMs } = JSON.parse(readFileSync(timings, 'utf8')) as { modelMs: number };
    return { ...run, modelMs, afterModelMs: run.ms - modelMs };
  };
  const ours = series();
  const bare = series();
  const plain = series();
  const vsBare: number[] = [];
  const afterModelVsBare: number[] = [];
  const vsPlain: number[] = [];
  const cpuVsBare: number[] = [];
  const cpuVsPlain: number[] = [];
  const modelMs: number[] = [];
  let project = '';
  let pages = 0;
  let overviewKiBGzip = 0;
  for (let i = 0; i < runs; i++) {
    const full = build();
    if (i === 0) {
      pages = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
      overviewKiBGzip = Math.round(overviewWeight(out) / 102.4) / 10;
      project = bareAstroProject(pages);
    }
    rmSync(join(project, 'dist'), { recursive: true, force: true });
    const peer = timed([join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], project, { ...MALLOC_ENV, ASTRO_TELEMETRY_DISABLED: '1' });
    const without = build({ NAMCOSO_WORKBOOKS: '0' });
    add(ours, full);
    add(bare, peer);
    add(plain, without);
    vsBare.push(full.ms / peer.ms);
    afterModelVsBare.push(full.afterModelMs / peer.ms);
    vsPlain.push(full.ms / without.ms);
    cpuVsBare.push(full.cpuMs / peer.cpuMs);
    cpuVsPlain.push(full.cpuMs / without.cpuMs);
    modelMs.push(full.modelMs);
    process.stderr.write(`run ${i + 1}: build ${(full.ms / 1000).toFixed(1)} s (model ${(full.modelMs / 1000).toFixed(1)} s), bare Astro ${(peer.ms / 1000).toFixed(1)} s (ratio ${(full.ms / peer.ms).toFixed(2)}), without workbooks ${(without.ms / 1000).toFixed(1)} s (ratio ${(full.ms / without.ms).toFixed(2)})\n`);
  }
  return {
    pages,
    vsBareAstro: summary(vsBare),
    /** The build less its model (reading, checking, the plan's solver): the pages and downloads alone. */
    afterModelVsBareAstro: summary(afterModelVsBare),
    vsWithoutWorkbooks: summary(vsPlain),
    /** The same in CPU time (every thread), which a loaded machine moves less than wall time. */
    cpuVsBareAstro: summary(cpuVsBare),
    cpuVsWithoutWorkbooks: summary(cpuVsPlain),
    buildSeconds: seconds(ours.ms),
    buildCpuSeconds: seconds(ours.cpuMs),
    modelSeconds: seconds(modelMs),
    buildPeakMiB: ours.peakMiB,
    bareAstroSeconds: seconds(bare.ms),
    bareAstroCpuSeconds: seconds(bare.cpuMs),
    bareAstroPeakMiB: bare.peakMiB,
    withoutWorkbooksSeconds: seconds(plain.ms),
    withoutWorkbooksCpuSeconds: seconds(plain.cpuMs),
    withoutWorkbooksPeakMiB: plain.peakMiB,
    overviewKiBGzip,
  };
}

const results: Record<string, unknown> = {};
try {
  results.demoCheck = measure('data');
  if (!values.skipPlan) {
    // The reassignment plan of the whole demo, every pair: load, solve on every core, print.
    const plans = Array.from({ length: Number(values.runs) }, () => timed(['scripts/plan.ts', 'data', '--json']));
    const planMs = plans.map((p) => p.ms).sort((a, b) => a - b);
    results.demoPlan = { medianSeconds: Math.round(planMs[Math.floor(planMs.length / 2)]! / 100) / 10, peakMiB: Math.max(...plans.map((p) => p.peakMiB)),
      changes: JSON.parse(plans[0]!.stdout).pairs.map((p: { changes: unknown[] }) => p.changes.length) };
  }
  if (!values.skipCheck) {
    const big = await bigExport(Number(values.rows));
    results.bigReportsVsDuckdb = checkAgainstDuckdb(big, Number(values.runs));
    rmSync(big, { recursive: true, force: true });
  }
  if (!values.skipBuild) results.demoBuild = buildAgainstPeers(Number(values.runs));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
