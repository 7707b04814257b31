import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import loadHighs from 'highs';
import type { PlanSolver } from '../../src/lib/plan/plan.ts';
import { type PlanComponent, solverInThread } from '../../src/lib/plan/solve.ts';

/**
 * Solves a plan's independent parts on every core (HiGHS in WebAssembly runs on one thread),
 * the largest parts first so no thread is left with a big one at the end. A budget that links
 * parts is solved in this thread. A lone part goes to a worker too: HiGHS's memory grows with
 * the largest model it solved and is never given back, and this thread goes on to render the
 * site, where the worker's memory is gone with it. makePlan asks for one pair's parts at a time.
 */
export async function solverInWorkers(threads = availableParallelism()): Promise<PlanSolver & { close: () => Promise<void> }> {
  let local: ReturnType<typeof solverInThread> | undefined;
  const inThread = async () => (local ??= solverInThread(await loadHighs()));
  const workers: Worker[] = [];
  return {
    async each(jobs) {
      if (jobs.length === 0) return [];
      if (threads < 2) return (await inThread()).each(jobs);
      while (workers.length < Math.min(threads, jobs.length)) workers.push(new Worker(new URL('./plan-worker.ts', import.meta.url)));
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
        // A thread that ends without an error (killed, out of memory) would otherwise leave the plan waiting.
        worker.once('exit', (code) => fail(new Error(`A plan solver thread stopped (exit ${code}).`)));
        send();
      }).finally(() => worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit'))));
      return results;
    },
    together: async (parts: PlanComponent[], maxChanges: number) => (await inThread()).together(parts, maxChanges),
    close: async () => { await Promise.all(workers.map((w) => w.terminate())); },
  };
}
