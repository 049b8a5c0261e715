// Issue 15: the batch assignment of a large region runs in a worker thread, so the server keeps answering other
// requests while it solves (10,000 × 10,000 is the full passes plus the solver). The worker compiles the
// same scorer from the same plain inputs; regional batches below WORKER_MIN_PAIRS stay in-process and immediate.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { optimalAssignment } from './assignment.js';
import { compileScorer } from './fastscore.js';
import type { MatchCandidate, MatchUnit } from './matching.js';

/** Below this many pairs the assignment is solved in the request itself (a few milliseconds). */
export const WORKER_MIN_PAIRS = 1_000_000;

interface Input {
  candidates: MatchCandidate[];
  units: MatchUnit[];
  today: string;
}
export interface WorkerResult {
  rowToCol: Int32Array;
  total: number;
  certified: boolean;
  upperBound: number;
  feasiblePairs: number;
  /** certificate rounds, score evaluations and time per part (for the bench) */
  rounds: number;
  evaluations: number;
  ms: { prune: number; solve: number; certify: number };
}

function solve({ candidates, units, today }: Input): WorkerResult {
  const score = compileScorer(candidates, units, today);
  const res = optimalAssignment(candidates.length, units.length, score, {
    rowBase: score.rowBase,
    groups: score.groups,
  });
  return {
    rowToCol: res.rowToCol,
    total: res.total,
    certified: res.certified,
    upperBound: res.upperBound,
    feasiblePairs: res.feasiblePairs,
    rounds: res.rounds,
    evaluations: res.evaluations,
    ms: res.ms,
  };
}

/** The optimal assignment, in a worker thread when the batch is large (see WORKER_MIN_PAIRS), else in-process. */
export function solveAssignment(input: Input, opts: { forceWorker?: boolean } = {}): Promise<WorkerResult> {
  if (!opts.forceWorker && input.candidates.length * input.units.length < WORKER_MIN_PAIRS)
    return Promise.resolve(solve(input));
  const url = new URL(import.meta.url);
  // under tsx (npm start, tests) this file is TypeScript: the worker registers the same loader before importing it
  const w = url.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`, {
        eval: true,
        workerData: input,
      })
    : new Worker(url, { workerData: input });
  return new Promise((resolve, reject) => {
    w.once('message', (m: WorkerResult) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`toewijzing: werkthread stopte met code ${code}`));
    });
  });
}

if (!isMainThread && parentPort && (workerData as Input | undefined)?.candidates) {
  const out = solve(workerData as Input);
  parentPort.postMessage(out, [out.rowToCol.buffer as ArrayBuffer]);
}
