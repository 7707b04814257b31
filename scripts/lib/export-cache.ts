import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CachedExport, ExportCache } from '../../src/lib/load.ts';
import type { Config } from '../../src/lib/types.ts';
import { checksum, type FileRecord } from './node-source.ts';

const MAGIC = Buffer.from('namcoso-export-cache 1\n');
const PROJECT = resolve(import.meta.dirname, '../..');
/** Reading an export is all of this code, its dependencies and the V8 that serialises the result. */
const CODE_FOLDERS = ['src/lib', 'scripts/lib'];

/**
 * Each quarter's export as read, in `<cacheDir>/<data folder's hash>/<quarter>.v8`, keyed by the
 * SHA-256 of its files, the config and the code version. An entry is used only when its key
 * matches and its own checksum holds; a stale or corrupt entry counts as a miss and is replaced.
 * A hit records the files' checksums in `files`, as reading them would have (the About page).
 */
export function exportCache(cacheDir: string, dataDir: string, files: FileRecord[]): ExportCache {
  const folder = join(cacheDir, createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16));
  const code = codeVersion();
  const keys = new Map<string, { key: string; records: FileRecord[] }>();

  async function keyOf(exportDir: string, config: Config) {
    const records: FileRecord[] = [];
    for (const name of ['units.csv', 'cadres.csv', 'assignments.csv', 'reports.csv']) {
      const path = join(exportDir, name);
      if (existsSync(path) && statSync(path).isFile()) records.push(await checksum(path));
    }
    const key = createHash('sha256')
      .update(JSON.stringify({ code, config, files: records.map((r) => [basename(r.path), r.bytes, r.sha256]) }))
      .digest('hex');
    return { key, records };
  }

  return {
    async get(exportDir, config) {
      const found = await keyOf(exportDir, config);
      keys.set(exportDir, found);
      const entry = readEntry(join(folder, `${basename(exportDir)}.v8`), found.key);
      if (entry) files.push(...found.records);
      return entry;
    },
    async set(exportDir, config, entry) {
      const { key } = keys.get(exportDir) ?? (await keyOf(exportDir, config));
      mkdirSync(folder, { recursive: true });
      const payload = serialize(entry);
      const path = join(folder, `${basename(exportDir)}.v8`);
      // Written beside and renamed, so a reader never sees half an entry.
      const partial = `${path}.${process.pid}.partial`;
      writeFileSync(partial, Buffer.concat([MAGIC, Buffer.from(key, 'hex'), createHash('sha256').update(payload).digest(), payload]));
      renameSync(partial, path);
    },
  };
}

/** The entry at `path` when it holds `key` and its payload is intact; otherwise null, and a damaged file is removed. */
function readEntry(path: string, key: string): CachedExport | null {
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  const head = MAGIC.length;
  const intact =
    bytes.length > head + 64 &&
    bytes.subarray(0, head).equals(MAGIC) &&
    createHash('sha256').update(bytes.subarray(head + 64)).digest().equals(bytes.subarray(head + 32, head + 64));
  if (!intact) {
    rmSync(path, { force: true });
    return null;
  }
  if (bytes.subarray(head, head + 32).toString('hex') !== key) return null;
  try {
    return deserialize(bytes.subarray(head + 64)) as CachedExport;
  } catch {
    rmSync(path, { force: true });
    return null;
  }
}

/** A hash of the code that reads exports, the lock file and the V8 version. */
function codeVersion(): string {
  const hash = createHash('sha256').update(process.versions.v8).update(readFileSync(join(PROJECT, 'package-lock.json')));
  for (const dir of CODE_FOLDERS) {
    const paths = readdirSync(join(PROJECT, dir), { recursive: true }).map(String).filter((p) => p.endsWith('.ts')).sort();
    for (const p of paths) hash.update(relative(PROJECT, join(PROJECT, dir, p))).update(readFileSync(join(PROJECT, dir, p)));
  }
  return hash.digest('hex');
}
