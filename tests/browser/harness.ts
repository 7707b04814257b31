import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { serveStatic } from '../../scripts/lib/static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = 'tests/.output';

/** Runs `npm run build` as a user would; returns its exit code and output. */
export function build(args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/build.ts', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** Serves a built folder under a base path on a free port. */
export async function serve(dir: string, base: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = serveStatic(dir, base);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((done) => server.close(() => done())) };
}

/** A site built as a user would build it, into a fresh temporary folder, served, with Chromium open. */
export interface BuiltSite {
  out: string;
  site: { url: string; close: () => Promise<void> };
  browser: Browser;
  /** Closes the browser and the server and deletes the temporary folder. */
  close: () => Promise<void>;
}

/** Builds `data` under `base`; a failed build, or one that printed a stack trace, throws with its output. */
export async function builtSite(data: string, base: string): Promise<BuiltSite> {
  const out = join(mkdtempSync(join(tmpdir(), 'namcoso-site-')), 'dist');
  const result = build(['--data', data, '--out', out, '--base', base]);
  if (result.code !== 0 || /\n\s+at /.test(result.stderr)) throw new Error(`The build of ${data} failed (exit ${result.code}):\n${result.stderr}`);
  const site = await serve(out, base);
  const browser = await launch();
  return {
    out, site, browser,
    close: async () => {
      await browser.close();
      await site.close();
      rmSync(join(out, '..'), { recursive: true, force: true });
    },
  };
}

export function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What a page did wrong while loading: console errors, failed requests, requests to another host. */
export interface PageWatch {
  errors: string[];
  foreign: string[];
  failed: string[];
}

/** Opens a page that refuses every request to another host and records what went wrong. */
export async function watchedPage(browser: Browser, origin: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const watch: PageWatch = { errors: [], foreign: [], failed: [] };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    watch.foreign.push(url);
    return route.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error') watch.errors.push(m.text()); });
  page.on('pageerror', (e) => watch.errors.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 400) watch.failed.push(`${r.status()} ${r.url()}`); });
  return { page, watch };
}

/** SHA-256 of every file of a folder, by relative path. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}
