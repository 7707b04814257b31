import { Worker } from 'node:worker_threads';

export interface DownloadsJob {
  /** The site model as JSON, which scripts/build.ts wrote. */
  modelPath: string;
  /** The drawable boundary features as JSON `[id, feature]` pairs. */
  boundariesPath: string;
  /** An empty folder: `csv/`, `xlsx/` and `data/` go in it. */
  outDir: string;
  base: string;
  /** False for the bench's build without workbooks (NAMCOSO_WORKBOOKS=0). */
  workbooks: boolean;
}

export interface Downloads {
  /** The size of a workbook once written (null: the page has none); rejects if the build writes no such file. */
  size(file: string): Promise<number | null>;
  /** Resolves once every file is written and precompressed. */
  done: Promise<void>;
  /** Stops the worker, when the build fails. */
  stop(): Promise<number>;
}

/**
 * Starts writing every CSV, workbook, map and search file of the site in a worker thread
 * (scripts/lib/downloads-worker.ts), from the same view functions the pages use, so they are
 * written on the second core while Astro renders the pages on the first. A page waits for the
 * sizes of the workbooks it links to; the worker writes them in the pages' order.
 */
export function startDownloads(job: DownloadsJob): Downloads {
  const sizes = new Map<string, number | null>();
  const waiting = new Map<string, { resolve: (n: number | null) => void; reject: (e: Error) => void }[]>();
  let over = false;
  const worker = new Worker(new URL('./downloads-worker.ts', import.meta.url), { workerData: job });
  let settle!: { resolve: () => void; reject: (e: Error) => void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Rejected only when awaited: a failing build reports the worker's error once, from `done`.
  done.catch(() => {});
  const finish = (error: Error | null) => {
    if (over) return;
    over = true;
    for (const [file, list] of waiting) for (const w of list) w.reject(error ?? new Error(`No download ${file} was written for a page that links to it.`));
    waiting.clear();
    if (error) settle.reject(error);
    else settle.resolve();
  };
  worker.on('message', (m: { sizes?: Record<string, number | null>; done?: true }) => {
    if (m.done) return finish(null);
    for (const [file, size] of Object.entries(m.sizes!)) {
      sizes.set(file, size);
      for (const w of waiting.get(file) ?? []) w.resolve(size);
      waiting.delete(file);
    }
  });
  worker.on('error', (e) => finish(e as Error));
  worker.on('exit', (code) => finish(code === 0 ? null : new Error(`The downloads' writer stopped (exit ${code}).`)));
  return {
    size(file) {
      if (sizes.has(file)) return Promise.resolve(sizes.get(file)!);
      if (over) return Promise.reject(new Error(`No download ${file} was written for a page that links to it.`));
      return new Promise((resolve, reject) => {
        const list = waiting.get(file) ?? [];
        list.push({ resolve, reject });
        waiting.set(file, list);
      });
    },
    done,
    stop: () => worker.terminate(),
  };
}
