import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { detectEncoding, type Encoding } from '../../src/lib/csv/decode.ts';
import { createCsvReader } from '../../src/lib/csv/read.ts';
import { afterLineBreak, looksLikeRecordStart } from '../../src/lib/csv/split.ts';
import type { ReportJob, ReportPart } from '../../src/lib/ingest/reports.ts';
import type { IdBlock } from '../../src/lib/ingest/id-index.ts';
import type { ToWorker, WorkerData } from './reports-worker.ts';

/** The chunk size of every reader of the export (see node-source.ts). */
export const CHUNK_BYTES = 1 << 20;
/** Below this, starting threads costs more than it saves. */
export const MIN_PARALLEL_BYTES = 8 << 20;
/** How far past a target offset to look for a cut that looks like a record's start. */
const SEARCH_BYTES = 256 << 10;
const YOUNG_GENERATION_MB = 16;

export interface ParallelOptions {
  /** Threads to use; all cores by default. */
  threads?: number;
  /** Smallest file worth threads (tests lower it). */
  minBytes?: number;
  /** Bytes read so far, of the file's size. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Folds reports.csv in worker threads, one stretch of the file each, into parts in file order
 * (merged by `mergeReportParts`); null when the file is too small to be worth it, or its head does
 * not give a header to start the stretches with (the caller then reads it whole, as before).
 *
 * Each stretch starts right after a line break that looks like a record's end (see split.ts). The
 * worker of the stretch before checks that it is one: if its last record runs on, it reads on
 * through the next stretches itself and their workers' results are dropped. Report ids repeated
 * across stretches are found afterwards; a stretch holding one is folded again knowing the ids
 * before it, so its errors and figures are exactly those of one reading of the file.
 */
export async function foldReportsInParallel(path: string, job: ReportJob, options: ParallelOptions = {}): Promise<ReportPart[] | null> {
  const threads = options.threads ?? availableParallelism();
  const size = statSync(path).size;
  if (threads < 2 || size < (options.minBytes ?? MIN_PARALLEL_BYTES)) return null;
  const fd = openSync(path, 'r');
  let ranges: { start: number; end: number }[];
  let head: ReturnType<typeof readHead>;
  try {
    head = readHead(fd);
    if (!head) return null;
    const cuts: number[] = [];
    for (let k = 1; k < threads; k++) {
      const cut = findCut(fd, Math.floor((size * k) / threads), size, head);
      if (cut > (cuts.at(-1) ?? 0) && cut < size) cuts.push(cut);
    }
    const bounds = [0, ...cuts, size];
    ranges = cuts.length === 0 ? [] : bounds.slice(1).map((end, i) => ({ start: bounds[i]!, end }));
  } finally {
    closeSync(fd);
  }
  if (ranges.length === 0) return null;

  let done = 0;
  const workers = ranges.map((range, first) => {
    const data: WorkerData = {
      path, ranges, first, size, job, chunkBytes: CHUNK_BYTES,
      part: first === 0 ? null : { ...head!.format, byteOffset: range.start },
    };
    const worker = new Worker(new URL('./reports-worker.ts', import.meta.url), {
      workerData: data,
      // V8 lets a busy thread's young generation grow to 128 MiB; three of those would take an eighth of the memory budget.
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const replies: ((msg: { kind: string }) => void)[] = [];
    const failures: ((e: unknown) => void)[] = [];
    worker.on('message', (msg: { kind: string; bytes?: number }) => {
      if (msg.kind === 'progress') {
        done += msg.bytes!;
        options.onProgress?.(Math.min(done, size), size);
      } else replies.shift()?.(msg);
    });
    worker.on('error', (e) => failures.forEach((f) => f(e)));
    const next = <T>() =>
      new Promise<T>((resolve, reject) => {
        replies.push(resolve as (msg: { kind: string }) => void);
        failures.push(reject);
      });
    return { worker, next, ask: <T>(msg: ToWorker) => (worker.postMessage(msg), next<T>()) };
  });
  try {
    const firstReplies = workers.map((w) => w.next<{ part: ReportPart; last: number }>());
    const parts: ReportPart[] = [];
    const used: number[] = [];
    const prior: IdBlock[] = [];
    let base = 0;
    for (let k = 0; k < workers.length; ) {
      let { part, last } = await firstReplies[k]!;
      if (k > 0 && (await workers[k]!.ask<{ clash: boolean }>({ kind: 'check', prior })).clash) {
        ({ part, last } = await workers[k]!.ask<{ part: ReportPart; last: number }>({ kind: 'refold', prior, lineBase: base }));
      }
      parts.push(part);
      used.push(k);
      base += part.lines;
      if (part.stopped || last + 1 >= workers.length) break;
      const { block } = await workers[k]!.ask<{ block: IdBlock }>({ kind: 'ids' });
      // Lines of a first reading count from the stretch's own start.
      if (part.lineBase === 0) block.lines = block.lines.map((l) => l + base - part.lines);
      prior.push(block);
      k = last + 1;
    }
    return parts;
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

/** The file's encoding and CSV format, read from its first chunk; null when the header is not whole there or reading it failed. */
function readHead(fd: number) {
  const bytes = Buffer.allocUnsafe(CHUNK_BYTES);
  const n = readSync(fd, bytes, 0, CHUNK_BYTES, 0);
  const { encoding, bomLength } = detectEncoding(bytes.subarray(0, n));
  let header: string[] | null = null;
  const headerReader = createCsvReader('reports.csv', {
    header(cells) {
      header = cells;
    },
    record() {},
  });
  headerReader.write(bytes.subarray(0, n));
  const format = headerReader.format();
  if (!header || !format || headerReader.stopped) return null;
  return { encoding, format: { encoding, hasBom: bomLength > 0, ...format, header: header as string[] } };
}

/** A cut at or after `target`: right after a line break, preferably one after which the text looks like records. */
function findCut(fd: number, target: number, size: number, head: { encoding: Encoding; format: { delimiter: string; headerLength: number } }): number {
  const window = Buffer.allocUnsafe(Math.min(SEARCH_BYTES, size - target));
  const n = readSync(fd, window, 0, window.length, target);
  const bytes = window.subarray(0, n);
  const decoder = new TextDecoder(head.encoding);
  let first = -1;
  for (let at = afterLineBreak(bytes, 0, head.encoding, target); at > 0 && at < n; at = afterLineBreak(bytes, at, head.encoding, target)) {
    if (first < 0) first = at;
    const text = decoder.decode(bytes.subarray(at, Math.min(n, at + 8192))).replace(/\r\n?/g, '\n');
    if (looksLikeRecordStart(text, head.format.delimiter, head.format.headerLength)) return target + at;
  }
  return first < 0 ? size : target + first;
}
