import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { parseCommandLine } from './lib/cli.ts';
import { userPath } from './lib/output.ts';
import { serveStatic } from './lib/static-server.ts';

const USAGE = `Usage: npm run lighthouse -- DIST [--chromium /usr/bin/chromium]
  Serves DIST as npm run preview does (precompressed files, cache headers) and prints
  Lighthouse's mobile performance score of the overview, a district page and the map page.`;

const { values, positionals, fail: usage } = parseCommandLine(USAGE, { chromium: { type: 'string', default: '/usr/bin/chromium' } }, true);
if (positionals.length !== 1) usage('Give the built site\'s folder, once.');
const dir = userPath(positionals[0]!);
if (!existsSync(join(dir, 'index.html')) || !statSync(dir).isDirectory()) usage(`No built site in ${dir} (run npm run build first)`);
const chromePath = String(values.chromium);
if (!existsSync(chromePath)) usage(`No Chromium at ${chromePath}; give its path with --chromium.`);

// The district page: the first area the overview's coverage chart links to.
const overview = readFileSync(join(dir, 'index.html'), 'utf8');
const district = /<svg[^>]* id="coverage-by-area"[\s\S]*?<a href="\/([^"]*)"/.exec(overview)?.[1];
const pages: [string, string][] = [['overview', ''], ...(district ? [['district', district] as [string, string]] : []), ['map', 'map/']];

const server = serveStatic(dir, '/');
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'] });
let exitCode = 0;
try {
  for (const [name, path] of pages) {
    const result = await lighthouse(origin + path, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
    const lhr = result?.lhr;
    if (!lhr || lhr.runtimeError) {
      process.stderr.write(`${name} (/${path}): ${lhr?.runtimeError?.message ?? 'no result'}\n`);
      exitCode = 1;
      continue;
    }
    const audit = (id: string) => lhr.audits[id]?.displayValue ?? '—';
    const score = Math.round((lhr.categories.performance?.score ?? 0) * 100);
    process.stdout.write(`${name.padEnd(9)} ${String(score).padStart(3)}  /${path}  FCP ${audit('first-contentful-paint')}, LCP ${audit('largest-contentful-paint')}, TBT ${audit('total-blocking-time')}, CLS ${audit('cumulative-layout-shift')}, SI ${audit('speed-index')}\n`);
  }
} finally {
  await chrome.kill();
  server.close();
}
process.exit(exitCode);
