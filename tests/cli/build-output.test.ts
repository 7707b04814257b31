import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, refuseOutput } from '../../scripts/lib/output.ts';
import { hashTree } from '../browser/harness.ts';
import { ROOT, stackTraceLines, TINY } from './run-check.ts';

/**
 * Every case runs in a throwaway copy of the project, so a refusal that failed would destroy
 * only the copy. `cwd` is where the user typed the command (npm passes it as INIT_CWD).
 */
let sandbox: string;
let project: string;

function build(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(project, 'scripts/build.ts'), ...args, '--lang', 'en'], {
    cwd: project,
    env: { ...process.env, TZ: 'UTC', INIT_CWD: cwd, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A pid that was alive a moment ago and is not any more. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'namcoso-out-'));
  project = join(sandbox, 'project');
  const skip = new Set(['node_modules', '.git', 'dist', '.astro', '.cache', 'tests']);
  cpSync(ROOT, project, { recursive: true, filter: (src) => !skip.has(src.slice(ROOT.length + 1).split('/')[0]!) });
  cpSync(TINY, join(project, 'tests/fixtures/tiny'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
});
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('npm run build refuses an output it did not build', { timeout: 30_000 }, () => {
  it.each([
    ['.', 'it holds'],
    ['..', 'it holds'],
    ['data', 'it holds'],
    ['data/site', 'inside the data folder'],
    ['src', 'it holds'],
  ])('--out %s from inside the project: exit 2, nothing touched', (out, why) => {
    const before = hashTree(project);
    const r = build(project, ['--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(why);
    expect(stackTraceLines(r.stderr)).toEqual([]);
    expect(hashTree(project)).toEqual(before);
  });

  it('refuses a folder holding someone’s files, and a file, and leaves them as they were', () => {
    const folder = join(sandbox, 'Desktop');
    mkdirSync(folder);
    writeFileSync(join(folder, 'important.txt'), 'báo cáo quý');
    const file = join(sandbox, 'notes.txt');
    writeFileSync(file, 'ghi chú');
    const r = build(sandbox, ['--data', join(project, 'tests/fixtures/tiny'), '--out', 'Desktop']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${folder}: it holds files namcoso did not build`);
    expect(readFileSync(join(folder, 'important.txt'), 'utf8')).toBe('báo cáo quý');
    expect(build(sandbox, ['--data', join(project, 'tests/fixtures/tiny'), '--out', 'notes.txt']).code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('ghi chú');
  });

  it('refuses the home folder, even an empty one', () => {
    const home = join(sandbox, 'home');
    mkdirSync(home);
    const r = build(sandbox, ['--data', join(project, 'tests/fixtures/tiny'), '--out', home], { HOME: home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('home folder');
    expect(existsSync(home)).toBe(true);
  });

  it('refuses the file-system root and folders above the project (decided without writing)', () => {
    const folders = { project, data: join(project, 'data') };
    expect(refuseOutput('/', folders)?.code).toBe('out-root');
    expect(refuseOutput(sandbox, folders)?.code).toBe('out-contains');
    expect(refuseOutput(join(sandbox, 'new-site'), folders)).toBeNull();
  });

  it('refuses a --base that is not a path, before reading anything', () => {
    const r = build(sandbox, ['--data', join(project, 'tests/fixtures/tiny'), '--out', 'never', '--base', 'javascript:alert(1)']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--base must be a path');
    expect(existsSync(join(sandbox, 'never'))).toBe(false);
  });
});

describe('npm run build replaces its own output, one build at a time', { timeout: 120_000 }, () => {
  let work: string;
  let first: Record<string, string>;
  // A fixed build stamp, so that two builds of the same data can be compared byte for byte.
  const stamp = { SOURCE_DATE_EPOCH: '0' };
  beforeAll(() => {
    work = join(sandbox, 'staff');
    cpSync(join(project, 'tests/fixtures/tiny'), join(work, 'data'), { recursive: true });
  });

  it('takes relative --data and --out from the folder npm was run in, and marks what it built', () => {
    const r = build(work, ['--data', 'data', '--out', 'site'], stamp);
    expect(r.code, r.stderr).toBe(0);
    first = hashTree(join(work, 'site'));
    expect(existsSync(join(work, 'site/index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(work, 'site', OUTPUT_MARKER), 'utf8'))).toMatchObject({ generator: 'namcoso' });
    expect(existsSync(join(project, 'site'))).toBe(false);
  });

  it('writes a .br and a .gz beside every page, script, style, data file and CSV over 1 KiB, and beside nothing small', () => {
    const site = join(work, 'site');
    const files = readdirSync(site, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    const originals = files.filter((f) => /\.(html|js|css|json|csv)$/.test(f));
    expect(originals.some((f) => f.endsWith('.js')) && originals.some((f) => f.endsWith('.css')) && originals.some((f) => f.endsWith('.csv'))).toBe(true);
    for (const file of originals) {
      const bytes = readFileSync(file);
      if (bytes.length < 1024) {
        expect(existsSync(`${file}.br`), file).toBe(false);
        continue;
      }
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(bytes), file).toBe(true);
      expect(gunzipSync(readFileSync(`${file}.gz`)).equals(bytes), file).toBe(true);
    }
    expect(readFileSync(join(site, 'index.html.br')).length).toBeLessThan(readFileSync(join(site, 'index.html')).length / 3);
  });

  it('has the file behind every download link of every page', () => {
    const site = join(work, 'site');
    const pages = Object.keys(first).filter((path) => path.endsWith('.html'));
    const links = new Set(pages.flatMap((path) => [...readFileSync(join(site, path), 'utf8').matchAll(/href="\/(csv\/[^"]+)"[^>]* download/g)].map((m) => m[1]!)));
    expect(links.size).toBeGreaterThan(20);
    for (const link of links) expect(existsSync(join(site, link)), link).toBe(true);
  });

  it('refuses a second build while another is writing the same output, and leaves the site as it is', async () => {
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(work, '.site.lock'), String(sleeper.pid));
      const before = hashTree(join(work, 'site'));
      const r = build(work, ['--data', 'data', '--out', 'site']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Another build (process ${sleeper.pid}) is writing to ${join(work, 'site')}`);
      expect(hashTree(join(work, 'site'))).toEqual(before);
      expect(readFileSync(join(work, '.site.lock'), 'utf8')).toBe(String(sleeper.pid));
    } finally {
      sleeper.kill();
    }
  });

  it('runs two builds to different outputs at once, each in its own working folders', async () => {
    // Astro keeps its prerender chunks under the working directory and deletes them when done:
    // builds sharing one would delete each other's chunks halfway.
    const env = { ...process.env, TZ: 'UTC', INIT_CWD: work, SOURCE_DATE_EPOCH: '1700000000' };
    const runs = ['left', 'right'].map((out) => new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [join(project, 'scripts/build.ts'), '--data', 'data', '--out', out, '--lang', 'en'], { cwd: project, env });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => done({ code, stderr }));
    }));
    for (const r of await Promise.all(runs)) expect(r.code, r.stderr).toBe(0);
    expect(hashTree(join(work, 'left'))).toEqual(hashTree(join(work, 'right')));
    expect(existsSync(join(project, '.astro', '.prerender'))).toBe(false);
  });

  it('takes over the lock and clears the folders of a killed build, and nothing it did not make', () => {
    const dead = deadPid();
    writeFileSync(join(work, '.site.lock'), String(dead));
    const leftover = join(work, `.site.build-${dead}-1`);
    mkdirSync(join(leftover, 'site'), { recursive: true });
    writeFileSync(join(leftover, '.namcoso-build'), String(dead));
    const lookalike = join(work, '.site.build-notes');
    mkdirSync(lookalike);
    writeFileSync(join(lookalike, 'keep.txt'), 'x');
    writeFileSync(join(work, 'site', 'stale.html'), 'from an older build');

    const r = build(work, ['--data', 'data', '--out', 'site'], stamp);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(leftover)).toBe(false);
    expect(readFileSync(join(lookalike, 'keep.txt'), 'utf8')).toBe('x');
    expect(existsSync(join(work, '.site.lock'))).toBe(false);
    // The new site replaced the old one whole: nothing of the older build survives.
    expect(existsSync(join(work, 'site', 'stale.html'))).toBe(false);
    expect(existsSync(join(work, 'site', 'index.html'))).toBe(true);
    // The same data and stamp give the same site, byte for byte: pages, CSVs, map and search files.
    expect(hashTree(join(work, 'site'))).toEqual(first);
  });
});
