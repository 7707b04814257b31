import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadData } from '../../src/lib/load.ts';
import { exportCache } from '../../scripts/lib/export-cache.ts';
import { nodeSource } from '../../scripts/lib/node-source.ts';
import { TINY } from './run-check.ts';

/** The tiny data twice, a second quarter beside the first, so one can change while the other stays. */
let root: string;
let data: string;
let cacheDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'namcoso-cache-'));
  data = join(root, 'data');
  cacheDir = join(root, 'cache');
  cpSync(TINY, data, { recursive: true });
  cpSync(join(data, 'exports/2017-Q4'), join(data, 'exports/2017-Q3'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Loads the data through the cache, saying which export files were read rather than taken from it. */
async function load(options: { cache?: boolean } = {}) {
  const source = nodeSource();
  const read: string[] = [];
  const open = source.open.bind(source);
  source.open = (path) => {
    read.push(path.slice(data.length + 1));
    return open(path);
  };
  const loaded = await loadData(data, source, options.cache === false ? undefined : exportCache(cacheDir, data, source.files));
  const figures = loaded.quarters.map((q) => q.figures);
  return { loaded, figures, read, files: source.files.map((f) => [f.path.slice(data.length + 1), f.sha256]) };
}

const entries = () => readdirSync(cacheDir, { recursive: true }).map(String).filter((p) => p.endsWith('.v8')).sort();

describe('the export cache', () => {
  it('reads every export the first time, none the second, with the same figures, warnings and checksums', async () => {
    const first = await load();
    expect(first.read).toHaveLength(8);
    expect(entries()).toHaveLength(2);
    const second = await load();
    expect(second.read).toEqual([]);
    expect(second.figures).toEqual(first.figures);
    expect(second.loaded.findings).toEqual(first.loaded.findings);
    expect(second.files).toEqual(first.files);
  });

  it('reads again only the quarter whose file changed, and the figures follow the change', async () => {
    const before = await load();
    appendFileSync(join(data, 'exports/2017-Q4/reports.csv'), 'R-new,C1,10001-01-01,2017-11-02,meeting,,,,,\n');
    const after = await load();
    expect(after.read.every((p) => p.startsWith('exports/2017-Q4/'))).toBe(true);
    expect(after.read).toContain('exports/2017-Q4/reports.csv');
    expect(after.figures[1]!.counts.reports).toBe(before.figures[1]!.counts.reports + 1);
    expect(after.figures).toEqual((await load({ cache: false })).figures);
  });

  it('reads again when the config changes', async () => {
    await load();
    writeFileSync(join(data, 'config.json'), JSON.stringify({ overdueDays: 10 }));
    expect((await load()).read).toHaveLength(8);
  });

  it('never trusts a damaged entry: it reads the export again and writes a sound one', async () => {
    const first = await load();
    for (const entry of entries()) {
      const path = join(cacheDir, entry);
      const bytes = readFileSync(path);
      bytes[bytes.length - 10]! ^= 0xff;
      writeFileSync(path, bytes);
    }
    writeFileSync(join(cacheDir, entries()[0]!), 'not a cache entry');
    const second = await load();
    expect(second.read).toHaveLength(8);
    expect(second.figures).toEqual(first.figures);
    expect((await load()).read).toEqual([]);
  });

  it('is neither read nor written without a cache (--no-cache)', async () => {
    await load({ cache: false });
    expect(() => entries()).toThrow();
  });
});
