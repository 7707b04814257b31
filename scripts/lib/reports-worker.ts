import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { type IdBlock, IdIndex } from '../../src/lib/ingest/id-index.ts';
import { createReportFold, type ReportFold, type ReportJob, type ReportPartStart } from '../../src/lib/ingest/reports.ts';

/**
 * One worker of `foldReportsInParallel`: folds its stretch of reports.csv, reading on through the
 * stretches after it while its last record is unfinished, then answers the main thread's questions
 * about its report ids (duplicates across stretches) and reads its stretch again when told to.
 */
export interface WorkerData {
  path: string;
  /** Byte ranges of every stretch; this worker starts at `first`. */
  ranges: { start: number; end: number }[];
  first: number;
  /** The file's size, which ends the last stretch. */
  size: number;
  /** How the stretch starts when it is not the file's first. */
  part: ReportPartStart | null;
  job: ReportJob;
  chunkBytes: number;
}

export type ToWorker =
  | { kind: 'ids' }
  | { kind: 'check'; prior: IdBlock[] }
  | { kind: 'refold'; prior: IdBlock[]; lineBase: number };

const data = workerData as WorkerData;
const port = parentPort!;
const PROGRESS_BYTES = 16 << 20;

let last = data.first;
let fold = readStretches();
port.postMessage({ kind: 'part', part: fold.finish(), last });

port.on('message', (msg: ToWorker) => {
  if (msg.kind === 'ids') {
    const block = fold.ids.toBlock();
    port.postMessage({ kind: 'ids', block }, [block.chars.buffer, block.starts.buffer, block.lines.buffer] as ArrayBuffer[]);
  } else if (msg.kind === 'check') {
    port.postMessage({ kind: 'check', clash: msg.prior.some((b) => fold.ids.sharesIdWith(b)) });
  } else {
    fold = readStretches(IdIndex.fromBlocks(msg.prior), msg.lineBase);
    port.postMessage({ kind: 'part', part: fold.finish(), last });
  }
});

/** Reads from the first stretch on until a stretch ends on a record's end (or reading stops, or the file ends). */
function readStretches(priorIds?: IdIndex, lineBase?: number): ReportFold {
  const f = createReportFold(data.job, { ...(data.part ? { part: data.part } : {}), ...(priorIds ? { priorIds } : {}), ...(lineBase !== undefined ? { lineBase } : {}) });
  const fd = openSync(data.path, 'r');
  const buffer = Buffer.allocUnsafe(data.chunkBytes);
  let unreported = 0;
  try {
    for (let r = data.first; r < data.ranges.length; r++) {
      last = r;
      const { start, end } = data.ranges[r]!;
      let at = start;
      while (at < end) {
        // Chunks end where the whole-file reader's chunks end, so a record too long to hold is
        // found at the same place.
        const until = Math.min(end, (Math.floor(at / data.chunkBytes) + 1) * data.chunkBytes);
        const n = readSync(fd, buffer, 0, until - at, at);
        if (n <= 0) break;
        at += n;
        unreported += n;
        if (unreported >= PROGRESS_BYTES) {
          port.postMessage({ kind: 'progress', bytes: unreported });
          unreported = 0;
        }
        if (!f.reader.write(buffer.subarray(0, n))) return f;
      }
      if (end >= data.size) {
        f.reader.end();
        return f;
      }
      if (f.reader.atRecordEnd()) return f;
    }
    return f;
  } finally {
    closeSync(fd);
    port.postMessage({ kind: 'progress', bytes: unreported });
  }
}
