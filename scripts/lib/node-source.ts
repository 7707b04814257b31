import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { DataSource } from '../../src/lib/load.ts';
import { foldReportsInParallel, MIN_PARALLEL_BYTES } from './parallel-reports.ts';

export interface FileRecord {
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * The real file system as a DataSource. Files are streamed in 1 MiB chunks; every file read to
 * its end is recorded with its size and SHA-256 for the site's About page. A large reports.csv is
 * folded in worker threads, one stretch of the file each, while this thread takes its checksum.
 */
export function nodeSource(onProgress?: (path: string, done: number, total: number) => void): DataSource & { files: FileRecord[] } {
  const files: FileRecord[] = [];
  return {
    files,
    list: (path) => (isDirectory(path) ? readdirSync(path) : null),
    isDirectory,
    readBytes: (path) => (existsSync(path) && statSync(path).isFile() ? readFileSync(path) : null),
    open(path) {
      if (!existsSync(path) || !statSync(path).isFile()) return null;
      const total = statSync(path).size;
      return (async function* () {
        const hash = createHash('sha256');
        let done = 0;
        for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
          hash.update(chunk as Buffer);
          done += (chunk as Buffer).length;
          onProgress?.(path, done, total);
          yield chunk as Uint8Array;
        }
        files.push({ path, bytes: done, sha256: hash.digest('hex') });
      })();
    },
    async foldReports(path, job) {
      if (!existsSync(path) || statSync(path).size < MIN_PARALLEL_BYTES) return null;
      const hashing = checksum(path);
      const parts = await foldReportsInParallel(path, job, { onProgress: onProgress && ((done, total) => onProgress(path, done, total)) });
      const record = await hashing;
      if (parts) files.push(record);
      return parts;
    },
  };
}

export async function checksum(path: string): Promise<FileRecord> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { path, bytes, sha256: hash.digest('hex') };
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** A one-line progress report on a terminal; silent when stderr is a file or a pipe. */
export function terminalProgress(): ((path: string, done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (path, done, total) => {
    const now = Date.now();
    if (now - last < 200 && done < total) return;
    last = now;
    const pct = total === 0 ? 100 : Math.round((done / total) * 100);
    process.stderr.write(`\r${path} ${pct}%\x1b[K${done >= total ? '\n' : ''}`);
  };
}
