import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { strings } from '../../src/lib/i18n.ts';
import type { Lang } from '../../src/lib/types.ts';

/** The file every build writes into its output; only a folder carrying it may be replaced. */
export const OUTPUT_MARKER = '.namcoso-site';
/** The file a build writes into its working folder, so a later build knows it may remove it. */
const WORK_MARKER = '.namcoso-build';

/** Resolves a path the user typed against the folder they ran npm from, not the package root. */
export function userPath(typed: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.INIT_CWD ?? process.cwd(), typed);
}

/** The real path of `path`, following symlinks as far as the folders exist. */
function realish(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : join(realish(parent), basename(abs));
}

function within(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export type OutputRefusal =
  | { code: 'out-root' | 'out-home' | 'out-not-folder' | 'out-foreign'; path: string }
  | { code: 'out-contains' | 'out-in-data'; path: string; contained: string };

/**
 * Says why `out` must not be replaced by a build, or null when it may: it must be missing,
 * an empty folder, or a folder a previous build wrote (it carries the marker), and must not
 * be `/` or the home folder, hold the project or its data, or lie inside the data. Reads the
 * disk, writes nothing.
 */
export function refuseOutput(out: string, folders: { project: string; data: string }, home = homedir()): OutputRefusal | null {
  const target = realish(out);
  if (dirname(target) === target) return { code: 'out-root', path: target };
  if (target === realish(home)) return { code: 'out-home', path: target };
  for (const folder of [folders.project, folders.data]) {
    if (within(target, realish(folder))) return { code: 'out-contains', path: target, contained: realish(folder) };
  }
  // The build reads every file of the data folder's boundaries and exports.
  if (within(realish(folders.data), target)) return { code: 'out-in-data', path: target, contained: realish(folders.data) };
  if (!existsSync(target)) return null;
  if (!statSync(target).isDirectory()) return { code: 'out-not-folder', path: target };
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return null;
  return { code: 'out-foreign', path: target };
}

export function refusalMessage(r: OutputRefusal, lang: Lang): string {
  const t = strings[lang].cli.refusal;
  switch (r.code) {
    case 'out-contains':
    case 'out-in-data':
      return t[r.code](r.path, r.contained);
    case 'out-foreign':
      return t[r.code](r.path, OUTPUT_MARKER);
    default:
      return t[r.code](r.path);
  }
}

/** The folders a build of `out` keeps beside it: its lock and its working folders. */
function siblings(out: string) {
  const target = realish(out);
  const parent = dirname(target);
  const name = basename(target);
  return { target, parent, lock: join(parent, `.${name}.lock`), workPrefix: `.${name}.build-` };
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function pidIn(file: string): number {
  try {
    return Number.parseInt(readFileSync(file, 'utf8'), 10);
  } catch {
    return Number.NaN;
  }
}

export type LockResult = { ok: true; release: () => void } | { ok: false; pid: number; lock: string };

/**
 * Takes the output's lock, so two builds never write the same output at once. A lock left by
 * a build that no longer runs is taken over.
 */
export function lockOutput(out: string): LockResult {
  const { parent, lock } = siblings(out);
  mkdirSync(parent, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { ok: true, release: () => { if (pidIn(lock) === process.pid) rmSync(lock, { force: true }); } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = pidIn(lock);
      if (alive(pid) && pid !== process.pid) return { ok: false, pid, lock };
      rmSync(lock, { force: true });
    }
  }
  return { ok: false, pid: pidIn(lock), lock };
}

/**
 * Removes the working folders that killed builds of this output left behind. Only folders
 * with our name pattern, our marker and a dead owner are touched.
 */
export function sweepLeftovers(out: string): string[] {
  const { parent, workPrefix } = siblings(out);
  if (!existsSync(parent)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(workPrefix)) continue;
    const folder = join(parent, name);
    const marker = join(folder, WORK_MARKER);
    if (!lstatSync(folder).isDirectory() || !existsSync(marker) || alive(pidIn(marker))) continue;
    rmSync(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

/** Creates this build's working folder beside the output, marked as ours. */
export function makeWorkFolder(out: string): string {
  const { parent, workPrefix } = siblings(out);
  const work = join(parent, `${workPrefix}${process.pid}-${Date.now()}`);
  mkdirSync(work, { recursive: true });
  const fd = openSync(join(work, WORK_MARKER), 'wx');
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return work;
}

/**
 * Marks `staging` as a namcoso site and swaps it in for the output; the previous output, if
 * any, moves into the working folder, which the caller removes.
 */
export function swapIn(staging: string, out: string, work: string, stamp: string): void {
  const { target } = siblings(out);
  const fd = openSync(join(staging, OUTPUT_MARKER), 'wx');
  writeSync(fd, `${JSON.stringify({ generator: 'namcoso', builtAt: stamp })}\n`);
  closeSync(fd);
  if (existsSync(target)) renameSync(target, join(work, 'previous'));
  renameSync(staging, target);
}
