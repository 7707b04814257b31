import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import loadHighs from 'highs';
import type { PlanSolver } from '../../src/lib/plan/plan.ts';
import { type PlanComponent, solverInThread } from '../../src/lib/plan/solve.ts';

/**
 * Solves a plan's independent parts on every core (HiGHS in WebAssembly runs on one thread),
 * the largest parts first so no thread is left with a big one at the end. A budget that links
 * parts is solved in this thread.
 */
export async function solverInWorkers(threads = availableParallelism()): Promise<PlanSolver & { close: () => Promise<void> }> {
  const local = solverInThread(await loadHighs());
  const workers: Worker[] = [];
  const ensureWorkers = () => {
    while (workers.length < threads) workers.push(new Worker(new URL('./plan-worker.ts', import.meta.url)));
  };
  return {
    async each(jobs) {
      if (jobs.length < 2 || threads < 2) return local.each(jobs);
      ensureWorkers();
      const results: boolean[][] = new Array(jobs.length);
      const order = jobs.map((_, i) => i).sort((a, b) => jobs[b]!.part.edges.length - jobs[a]!.part.edges.length);
      let next = 0;
      await Promise.all(workers.map((worker) => new Promise<void>((done, fail) => {
        const send = () => {
          if (next >= order.length) return done();
          const id = order[next++]!;
          worker.postMessage({ id, ...jobs[id]! });
        };
        const onMessage = (m: { id: number; chosen: boolean[] }) => {
          results[m.id] = m.chosen;
          send();
        };
        worker.on('message', onMessage);
        worker.once('error', fail);
        send();
      }).finally(() => worker.removeAllListeners('message').removeAllListeners('error'))));
      return results;
    },
    together: (parts: PlanComponent[], maxChanges: number) => local.together(parts, maxChanges),
    close: async () => { await Promise.all(workers.map((w) => w.terminate())); },
  };
}
