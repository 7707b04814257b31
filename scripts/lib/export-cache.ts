import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CachedExport, CachedSummary, QuarterCache } from '../../src/lib/load.ts';
import type { Config } from '../../src/lib/types.ts';
import { checksum, type FileRecord } from './node-source.ts';

const MAGIC = Buffer.from('namcoso-quarter-cache 2\n');
const PROJECT = resolve(import.meta.dirname, '../..');
/** Reading and analysing an export is all of this code, its dependencies and the V8 that serialises the result. */
const CODE_FOLDERS = ['src/lib', 'scripts/lib'];
const EXPORT_FILES = ['units.csv', 'cadres.csv', 'assignments.csv', 'reports.csv'];
/**
 * A file's remembered checksum is used only when the file last changed this long before the
 * checksum was taken: a later write then always moves its change time, whatever the file
 * system's timestamp granularity (git's "racily clean" rule).
 */
const SETTLED_MS = 3000;

/** Size, identity and times of a file, as `stat` gives them: when all are equal, its bytes are presumed equal too. */
interface Stamp {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
}

/**
 * Each quarter's analysis as the site's history needs it, in `<cacheDir>/<data folder's hash>/
 * <quarter>.summary.v8`, and the newest quarter's export as read, in `export.<quarter>.v8`, keyed
 * by the SHA-256 of the quarter's files, the config and the code version. An entry is used only
 * when its key matches and its own checksum holds; a stale or corrupt entry counts as a miss and
 * is replaced. A hit records the files' checksums in `files`, as reading them would have (the
 * About page). `hashed` lists the files checksummed to make a key, not taken from `checksums.json`;
 * `settledMs` and `code` are there for tests, which cannot date a file's change time back nor edit the code.
 */
export function exportCache(
  cacheDir: string,
  dataDir: string,
  files: FileRecord[],
  { settledMs = SETTLED_MS, code = codeVersion() }: { settledMs?: number; code?: string } = {},
): QuarterCache & { hashed: string[] } {
  const folder = join(cacheDir, createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16));
  const started = Date.now();
  const memo = readMemo(join(folder, 'checksums.json'));
  const hashed: string[] = [];

  /** The file's checksum: remembered when its stamp is the one it was taken with, else computed. */
  async function recordOf(path: string): Promise<FileRecord> {
    const before = stampOf(path);
    const known = memo.get(resolve(path));
    if (known && sameStamp(known.stamp, before)) return { path, bytes: Number(before.size), sha256: known.sha256 };
    const begun = Date.now();
    const record = await checksum(path);
    hashed.push(path);
    remember(path, before, record.sha256, begun - settledMs);
    return record;
  }

  /** Keeps the checksum for next time if the file did not change while it was taken, and had settled before. */
  function remember(path: string, before: Stamp, sha256: string, settledBy: number): void {
    const after = stampOf(path);
    if (!sameStamp(before, after) || Number(BigInt(after.ctimeNs) / 1_000_000n) >= settledBy) return;
    memo.set(resolve(path), { stamp: after, sha256 });
    writeMemo(folder, memo);
  }

  function keyOf(kind: string, exportDir: string, config: Config, records: FileRecord[]): string {
    return createHash('sha256')
      .update(JSON.stringify({ kind, code, config, quarter: basename(exportDir), files: records.map((r) => [basename(r.path), r.bytes, r.sha256]) }))
      .digest('hex');
  }

  async function recordsOf(exportDir: string): Promise<FileRecord[]> {
    const records: FileRecord[] = [];
    for (const name of EXPORT_FILES) {
      const path = join(exportDir, name);
      if (existsSync(path) && statSync(path).isFile()) records.push(await recordOf(path));
    }
    return records;
  }

  /** An entry, if there is one for the quarter: no checksum is taken for a quarter never cached. */
  async function lookUp<T>(kind: 'summary' | 'export', exportDir: string, config: Config): Promise<T | null> {
    const path = entryPath(kind, exportDir);
    if (!existsSync(path)) return null;
    const records = await recordsOf(exportDir);
    const entry = readEntry<T>(path, keyOf(kind, exportDir, config, records));
    if (entry) files.push(...records);
    return entry;
  }

  function entryPath(kind: 'summary' | 'export', exportDir: string): string {
    return join(folder, kind === 'summary' ? `${basename(exportDir)}.summary.v8` : `export.${basename(exportDir)}.v8`);
  }

  async function write(kind: 'summary' | 'export', exportDir: string, config: Config, records: FileRecord[], entry: unknown) {
    const payload = serialize(entry);
    const path = entryPath(kind, exportDir);
    // Written beside and renamed, so a reader never sees half an entry.
    const partial = `${path}.${process.pid}.partial`;
    const key = Buffer.from(keyOf(kind, exportDir, config, records), 'hex');
    // The payload is written as it is, not copied behind its header: the newest export can be large.
    const fd = openSync(partial, 'w');
    try {
      writeFileSync(fd, Buffer.concat([MAGIC, key, createHash('sha256').update(payload).digest()]));
      writeFileSync(fd, payload);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
  }

  return {
    hashed,
    summary: (exportDir, config) => lookUp<CachedSummary>('summary', exportDir, config),
    export: (exportDir, config) => lookUp<CachedExport>('export', exportDir, config),
    async set(exportDir, config, { summary, warnings, data }) {
      // Keyed by the checksums taken while the files were read, so the entry holds what they held then.
      const records: FileRecord[] = [];
      for (const name of EXPORT_FILES) {
        const path = join(exportDir, name);
        if (!existsSync(path) || !statSync(path).isFile()) continue;
        const read = files.findLast((f) => f.path === path);
        if (read) remember(path, stampOf(path), read.sha256, started - settledMs);
        records.push(read ?? (await recordOf(path)));
      }
      mkdirSync(folder, { recursive: true });
      await write('summary', exportDir, config, records, { summary, warnings } satisfies CachedSummary);
      if (!data) return;
      // One export kept, the newest's: an older quarter needs only its summary.
      for (const name of readdirSync(folder)) if (/^export\..*\.v8$/.test(name)) rmSync(join(folder, name), { force: true });
      await write('export', exportDir, config, records, { data, warnings } satisfies CachedExport);
    },
  };
}

function stampOf(path: string): Stamp {
  const s = statSync(path, { bigint: true });
  return { dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs) };
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

type Memo = Map<string, { stamp: Stamp; sha256: string }>;

/** The remembered checksums; a file that is damaged or of another version counts as empty. */
function readMemo(path: string): Memo {
  try {
    const { records, sha256 } = JSON.parse(readFileSync(path, 'utf8')) as { records: unknown; sha256: unknown };
    if (sha256 !== createHash('sha256').update(JSON.stringify(records)).digest('hex')) return new Map();
    return new Map(records as [string, { stamp: Stamp; sha256: string }][]);
  } catch {
    return new Map();
  }
}

function writeMemo(folder: string, memo: Memo): void {
  mkdirSync(folder, { recursive: true });
  const records = [...memo];
  const path = join(folder, 'checksums.json');
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify({ records, sha256: createHash('sha256').update(JSON.stringify(records)).digest('hex') }));
  renameSync(partial, path);
}

/** The entry at `path` when it holds `key` and its payload is intact; otherwise null, and a damaged file is removed. */
function readEntry<T>(path: string, key: string): T | null {
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
    return deserialize(bytes.subarray(head + 64)) as T;
  } catch {
    rmSync(path, { force: true });
    return null;
  }
}

/** A hash of the code that reads and analyses exports, the lock file and the V8 version. */
export function codeVersion(project = PROJECT): string {
  const hash = createHash('sha256').update(process.versions.v8).update(readFileSync(join(project, 'package-lock.json')));
  for (const dir of CODE_FOLDERS) {
    const paths = readdirSync(join(project, dir), { recursive: true }).map(String).filter((p) => p.endsWith('.ts')).sort();
    for (const p of paths) hash.update(relative(project, join(project, dir, p))).update(readFileSync(join(project, dir, p)));
  }
  return hash.digest('hex');
}
