import { spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadData } from '../src/lib/load.ts';
import { nodeSource } from './lib/node-source.ts';

/**
 * Measures what the README reports: time and peak memory of checking the demo export and an
 * export with a 2-million-row reports.csv, the demo site's build time and the overview's weight.
 * Each measurement runs in its own process so peak memory is its own.
 */
const { values } = parseArgs({ options: { measure: { type: 'string' }, rows: { type: 'string', default: '2000000' }, skipBuild: { type: 'boolean' } } });

if (values.measure) {
  const started = performance.now();
  const loaded = await loadData(values.measure, nodeSource());
  const ms = performance.now() - started;
  const figures = loaded.quarters.at(-1)?.figures;
  process.stdout.write(JSON.stringify({ ms: Math.round(ms), peakMiB: Math.round(process.resourceUsage().maxRSS / 1024), reports: figures?.counts.reports, errors: loaded.findings.errors.length }));
  process.exit(0);
}

function measure(dir: string): { ms: number; peakMiB: number; reports: number; errors: number } {
  const run = spawnSync(process.execPath, ['scripts/bench.ts', '--measure', dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** A copy of the demo's newest export whose reports.csv has `rows` rows of valid, varied reports. */
async function bigExport(rows: number): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'namcoso-bench-')), '2017-Q4');
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

const results: Record<string, unknown> = {};
results.demoCheck = measure('data');
const big = await bigExport(Number(values.rows));
results.bigReports = measure(big);
rmSync(join(big, '..'), { recursive: true, force: true });
if (!values.skipBuild) {
  const out = join(mkdtempSync(join(tmpdir(), 'namcoso-bench-site-')), 'dist');
  const started = performance.now();
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--data', 'data', '--out', out], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(build.stderr);
  results.demoBuildSeconds = Math.round((performance.now() - started) / 100) / 10;
  results.overviewKiBGzip = Math.round(overviewWeight(out) / 102.4) / 10;
  rmSync(join(out, '..'), { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
