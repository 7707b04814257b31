import loadHighs from 'highs';
import { parentPort } from 'node:worker_threads';
import { solverInThread, type PlanComponent } from '../../src/lib/plan/solve.ts';

/** One worker of `solverInWorkers`: solves the parts it is sent, one message each. */
const solver = solverInThread(await loadHighs());
parentPort!.on('message', async (job: { id: number; part: PlanComponent; overloaded: number | null }) => {
  const [chosen] = await solver.each([job]);
  parentPort!.postMessage({ id: job.id, chosen });
});
