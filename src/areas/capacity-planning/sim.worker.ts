// Issue 18: the simulation runs in worker threads, off the request thread. runSimulation splits the runs over
// threads (contiguous ranges of run indices, so the result is the same for any number of threads: every run has
// its own random stream), each thread reports progress after every chunk, and the batches are merged.
//
// The worker's code is the model's own functions (sim.ts has no imports), serialised as JavaScript: a thread then
// starts in milliseconds instead of loading the TypeScript loader (which took seconds on this machine).
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import * as sim from './sim.js';
import { mergeBatches, type SimBatch, type SimModel } from './sim.js';

interface Input {
  model: SimModel;
  seed: number;
  firstRun: number;
  runs: number;
  chunk: number;
}
type Message = { kind: 'progress'; done: number } | { kind: 'result'; batch: SimBatch };

/** Threads for one simulation: the cores there are, at most 4. */
export function simulationThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
}

const WORKER_MAIN = `
const { parentPort, workerData } = require('node:worker_threads');
const { model, seed, firstRun, runs, chunk } = workerData;
const parts = [];
for (let r = 0; r < runs; r += chunk) {
  parts.push(simulateRuns(model, seed, firstRun + r, Math.min(chunk, runs - r)));
  parentPort.postMessage({ kind: 'progress', done: Math.min(runs, r + chunk) });
}
const batch = mergeBatches(parts);
parentPort.postMessage({ kind: 'result', batch }, [batch.occupancyHist.buffer]);
`;

/** The worker script: a shim for the loader's name helper, the constants and functions of sim.ts, the main. */
function workerSource(): string {
  const fns = [
    sim.splitmix32,
    sim.rotl,
    sim.runRandom,
    sim.drawStay,
    sim.cumulative,
    sim.drawResidual,
    sim.simulateRuns,
    sim.mergeBatches,
  ];
  return ['var __name = (f) => f;', `const YEAR = ${sim.YEAR};`, ...fns.map((f) => f.toString()), WORKER_MAIN].join(
    '\n',
  );
}

/** All runs of the model, over worker threads; onProgress(runsDone, runs) after every chunk of every thread. */
export function runSimulation(
  model: SimModel,
  seed: number,
  runs: number,
  onProgress?: (done: number, total: number) => void,
  threads = simulationThreads(),
): Promise<SimBatch> {
  const n = Math.max(1, Math.min(threads, runs));
  const per = Math.ceil(runs / n);
  const done = new Array<number>(n).fill(0);
  const source = workerSource();
  const jobs: Promise<SimBatch>[] = [];
  for (let i = 0; i < n; i++) {
    const firstRun = i * per;
    const count = Math.min(per, runs - firstRun);
    if (count <= 0) break;
    const chunk = Math.max(5, Math.ceil(count / 10));
    const w = new Worker(source, { eval: true, workerData: { model, seed, firstRun, runs: count, chunk } as Input });
    jobs.push(
      new Promise<SimBatch>((resolve, reject) => {
        let finished = false;
        w.on('message', (m: Message) => {
          if (m.kind === 'progress') {
            done[i] = m.done;
            onProgress?.(
              done.reduce((s, x) => s + x, 0),
              runs,
            );
          } else {
            finished = true;
            resolve(m.batch);
            void w.terminate();
          }
        });
        w.once('error', reject);
        w.once('exit', (code) => {
          if (!finished) reject(new Error(`simulatie: werkthread stopte met code ${code}`));
        });
      }),
    );
  }
  return Promise.all(jobs).then(mergeBatches);
}
