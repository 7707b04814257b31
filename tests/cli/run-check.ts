import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkJson } from '../../scripts/lib/report.ts';
import { loadData } from '../../src/lib/load.ts';
import type { Lang } from '../../src/lib/types.ts';
import { memorySource } from '../memory-source.ts';

/** The repository root (this file is tests/cli/run-check.ts). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The hand-checked tiny data folder and its one export. */
export const TINY = join(ROOT, 'tests/fixtures/tiny');
export const TINY_EXPORT = join(TINY, 'exports/2017-Q4');

/**
 * The Node that runs scripts/check.ts. Inside `npm test` process.execPath is the pinned Node 24;
 * but `./node_modules/.bin/vitest` starts with `#!/usr/bin/env node`, which may be an older system
 * Node that cannot run .ts files, so fall back to the pinned binary in node_modules then.
 */
function nodeBinary(): string {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 24) return process.execPath;
  const pinned = join(ROOT, 'node_modules/.bin/node');
  return existsSync(pinned) ? pinned : process.execPath;
}

export interface CheckResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, when `--json` was given (undefined if it is not JSON). */
  json?: any;
}

/** Runs `node scripts/check.ts ...args` from the repository root, synchronously, with TZ=UTC. */
export function runCheck(args: string[]): CheckResult {
  const r = spawnSync(nodeBinary(), ['scripts/check.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  const result: CheckResult = { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  if (args.includes('--json')) {
    try {
      result.json = JSON.parse(r.stdout);
    } catch {
      result.json = undefined;
    }
  }
  return result;
}

const created: string[] = [];

/** The tiny fixture's files, changed by `mutate` (keys are file names; delete a key to remove the file). */
function tinyFiles(mutate: (files: Record<string, string | Buffer>) => void): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  for (const name of readdirSync(TINY_EXPORT)) files[name] = readFileSync(join(TINY_EXPORT, name), 'utf8');
  mutate(files);
  return files;
}

/**
 * What `check DIR --json` reports for the tiny fixture changed by `mutate`, computed in this
 * process through an in-memory DataSource: the same loadData and checkJson as the command, without
 * starting Node. Exit code and stderr are the command's own: tests of those use runCheck.
 */
export async function checkExport(
  mutate: (files: Record<string, string | Buffer>) => void,
  opts: { folder?: string; config?: string; lang?: Lang } = {},
): Promise<{ code: number; json: any }> {
  const source: Record<string, string | Uint8Array> = {};
  for (const [name, content] of Object.entries(tinyFiles(mutate))) source[`d/exports/${opts.folder ?? '2017-Q4'}/${name}`] = content;
  if (opts.config !== undefined) source['d/config.json'] = opts.config;
  const loaded = await loadData('d', memorySource(source));
  return { code: loaded.findings.errors.length === 0 ? 0 : 1, json: JSON.parse(JSON.stringify(checkJson(loaded, opts.lang ?? 'vi'))) };
}

/**
 * Copies the tiny fixture into a fresh temp dir as DIR/exports/<folder>/ (2017-Q4 unless told),
 * lets `mutate` change the files (keys are file names; delete a key to remove the file; a
 * Buffer is written as raw bytes), writes config.json when given, and returns DIR.
 */
export function makeExport(
  mutate: (files: Record<string, string | Buffer>) => void,
  opts: { folder?: string; config?: string } = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), 'namcoso-'));
  created.push(dir);
  const files = tinyFiles(mutate);
  const folder = join(dir, 'exports', opts.folder ?? '2017-Q4');
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(folder, name), content);
  }
  if (opts.config !== undefined) writeFileSync(join(dir, 'config.json'), opts.config);
  return dir;
}

/** Copies the tiny fixture unchanged into a temp dir (for checks that need a writable copy). */
export function copyTiny(): string {
  const dir = mkdtempSync(join(tmpdir(), 'namcoso-'));
  created.push(dir);
  cpSync(TINY, dir, { recursive: true });
  return dir;
}

/** Removes every temp dir made by makeExport/copyTiny; call from afterAll. */
export function cleanupExports(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Lines of a stack trace ("    at f (file:1:2)") or an uncaught "Error:"/"TypeError:" line. */
export function stackTraceLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^\s+at /.test(l) || /^\w*Error:/.test(l) || /^node:internal/.test(l));
}
