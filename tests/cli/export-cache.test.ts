import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeVersion, exportCache } from '../../scripts/lib/export-cache.ts';
import { nodeSource } from '../../scripts/lib/node-source.ts';
import { checkJson } from '../../scripts/lib/report.ts';
import { loadData } from '../../src/lib/load.ts';
import { buildSiteModel } from '../../src/lib/model/build-site-model.ts';
import { TINY } from './run-check.ts';

/** The tiny data in three quarters, so older ones can stay while one changes. */
let root: string;
let data: string;
let cacheDir: string;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'namcoso-cache-'));
  data = join(root, 'data');
  cacheDir = join(root, 'cache');
  cpSync(TINY, data, { recursive: true });
  for (const q of ['2017-Q2', '2017-Q3']) cpSync(join(data, 'exports/2017-Q4'), join(data, `exports/${q}`), { recursive: true });
  // A checksum is remembered only for a file that changed before it was taken (see settledMs).
  await settle();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/**
 * Loads the data as the build does, through the cache unless `cache: false`, saying which export
 * files were opened, which quarters were read rather than taken from the cache, which files were
 * checksummed to look an entry up, and the site model and `check --json` it gives.
 */
async function load(options: { cache?: boolean; code?: string } = {}) {
  const source = nodeSource();
  const opened: string[] = [];
  const open = source.open.bind(source);
  source.open = (path) => {
    opened.push(path.slice(data.length + 1));
    return open(path);
  };
  const cache = options.cache === false ? undefined : exportCache(cacheDir, data, source.files, { settledMs: 0, code: options.code });
  const loaded = await loadData(data, source, cache);
  const files = source.files.map((f) => ({ quarter: f.path.split('/').at(-2)!, name: f.path.split('/').at(-1)!, bytes: f.bytes, sha256: f.sha256 }));
  const model = buildSiteModel({ loaded, builtAt: '2018-01-15T00:00:00.000Z', files, boundaryIds: new Set() });
  return { loaded, opened, read: loaded.read, hashed: cache?.hashed.map((p) => p.slice(data.length + 1)) ?? [], model, check: checkJson(loaded, 'en') };
}

const entries = () => readdirSync(cacheDir, { recursive: true }).map(String).filter((p) => p.endsWith('.v8')).map((p) => p.split('/').at(-1)!).sort();
const entryPath = (name: string) => join(cacheDir, readdirSync(cacheDir)[0]!, name);

const settle = () => new Promise((r) => setTimeout(r, 20));
/** A modification time that utimes sets exactly (whole seconds), so it can be put back as it was. */
const SOME_TIME = 1_500_000_000;

/** Rewrites a file with other bytes of the same length, then puts its modification time back. */
function editInPlace(path: string, from: string, to: string) {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  expect(to).toHaveLength(from.length);
  writeFileSync(path, text.replace(from, to));
  utimesSync(path, SOME_TIME, SOME_TIME);
  expect(statSync(path).mtimeMs).toBe(SOME_TIME * 1000);
}

describe('the quarter cache', () => {
  it('reads every quarter the first time, none the second, with the same site model and check figures as without it', async () => {
    const uncached = await load({ cache: false });
    const first = await load();
    expect(first.read).toEqual(['2017-Q2', '2017-Q3', '2017-Q4']);
    expect(entries()).toEqual(['2017-Q2.summary.v8', '2017-Q3.summary.v8', '2017-Q4.summary.v8', 'export.2017-Q4.v8']);
    const second = await load();
    expect(second.read).toEqual([]);
    expect(second.opened).toEqual([]);
    // The files' checksums were remembered from the first load: none is read to look the entries up.
    expect(second.hashed).toEqual([]);
    for (const run of [first, second]) {
      expect(run.model).toEqual(uncached.model);
      expect(run.check).toEqual(uncached.check);
    }
    // The About page lists every file with its checksum, cached or not.
    expect(second.model.files.map((f) => `${f.quarter}/${f.name}`)).toHaveLength(12);
  });

  it('after a new quarter, reads only that quarter, and keeps the export of the newest alone', async () => {
    await load();
    cpSync(join(data, 'exports/2017-Q4'), join(data, 'exports/2018-Q1'), { recursive: true });
    const after = await load();
    expect(after.read).toEqual(['2018-Q1']);
    expect(after.opened.every((p) => p.startsWith('exports/2018-Q1/'))).toBe(true);
    expect(entries()).toEqual(['2017-Q2.summary.v8', '2017-Q3.summary.v8', '2017-Q4.summary.v8', '2018-Q1.summary.v8', 'export.2018-Q1.v8']);
    const uncached = await load({ cache: false });
    expect(after.model).toEqual(uncached.model);
    expect(after.check).toEqual(uncached.check);
    expect(after.model.quarters).toEqual(['2017-Q2', '2017-Q3', '2017-Q4', '2018-Q1']);
  });

  it('reads again an older quarter whose CSV was edited, even with its size and modification time kept', async () => {
    const path = join(data, 'exports/2017-Q3/assignments.csv');
    utimesSync(path, SOME_TIME, SOME_TIME);
    await settle();
    await load();
    // Another cadre on a unit in 2017-Q3's assignments: the figures of that quarter must follow.
    const before = readFileSync(path, 'utf8').split('\n');
    const line = before.findIndex((l, i) => i > 0 && l.trim() !== '');
    const [cadre] = before[line]!.split(',');
    const other = before.slice(1).map((l) => l.split(',')[0]).find((c) => c && c !== cadre)!;
    expect(other).toHaveLength(cadre!.length);
    editInPlace(path, before[line]!, before[line]!.replace(cadre!, other));
    const after = await load();
    expect(after.read).toEqual(['2017-Q3']);
    expect(after.hashed).toContain('exports/2017-Q3/assignments.csv');
    const uncached = await load({ cache: false });
    expect(after.model).toEqual(uncached.model);
    expect(after.model.history[1]).not.toEqual(after.model.history[0]);
  });

  it('reads every quarter again when the config or the code changes', async () => {
    await load();
    writeFileSync(join(data, 'config.json'), JSON.stringify({ overdueDays: 10 }));
    expect((await load()).read).toEqual(['2017-Q2', '2017-Q3', '2017-Q4']);
    expect((await load()).read).toEqual([]);
    expect((await load({ code: 'another version' })).read).toEqual(['2017-Q2', '2017-Q3', '2017-Q4']);
  });

  it('never trusts a damaged entry: truncated, flipped or replaced, it is read again and written sound', async () => {
    const first = await load();
    truncateSync(entryPath('2017-Q2.summary.v8'), 40);
    const flipped = readFileSync(entryPath('2017-Q3.summary.v8'));
    flipped[flipped.length - 10]! ^= 0xff;
    writeFileSync(entryPath('2017-Q3.summary.v8'), flipped);
    writeFileSync(entryPath('export.2017-Q4.v8'), 'not a cache entry');
    const second = await load();
    expect(second.read).toEqual(['2017-Q2', '2017-Q3', '2017-Q4']);
    expect(second.model).toEqual(first.model);
    expect((await load()).read).toEqual([]);
  });

  it('checksums a file again when its remembered checksums are damaged', async () => {
    await load();
    const memo = join(readdirSync(cacheDir).map((d) => join(cacheDir, d))[0]!, 'checksums.json');
    writeFileSync(memo, readFileSync(memo, 'utf8').replace(/"sha256":"[0-9a-f]/, '"sha256":"x'));
    const again = await load();
    expect(again.read).toEqual([]);
    expect(again.hashed).toHaveLength(12);
  });

  it('is neither read nor written without a cache (--no-cache)', async () => {
    await load({ cache: false });
    expect(() => entries()).toThrow();
  });
});

describe('the code version', () => {
  it('changes with any file of the code that reads exports, and with the lock file', () => {
    const project = join(root, 'project');
    mkdirSync(join(project, 'src/lib/ingest'), { recursive: true });
    mkdirSync(join(project, 'scripts/lib'), { recursive: true });
    writeFileSync(join(project, 'package-lock.json'), '{}');
    writeFileSync(join(project, 'src/lib/ingest/units.ts'), 'export const a = 1;');
    writeFileSync(join(project, 'scripts/lib/cache.ts'), 'export const b = 1;');
    const versions = [codeVersion(project)];
    writeFileSync(join(project, 'src/lib/ingest/units.ts'), 'export const a = 2;');
    versions.push(codeVersion(project));
    writeFileSync(join(project, 'scripts/lib/cache.ts'), 'export const b = 2;');
    versions.push(codeVersion(project));
    writeFileSync(join(project, 'package-lock.json'), '{ }');
    versions.push(codeVersion(project));
    expect(new Set(versions).size).toBe(4);
    expect(codeVersion(project)).toBe(versions[3]);
  });
});
