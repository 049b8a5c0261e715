// Issue 18: `npm run bench -- capaciteit` — 1,000 runs × 5 years of a 60-place facility (50 rooms + 10 reserve, a
// next-step queue for woonplekken) in the capaciteitsplanner's simulator (worker threads), side by side with the
// same model in SimPy (bench/capaciteit_simpy.py; Debian's python3-simpy, installed here when it is missing).
// Target: < 2 s and ≥ 20× faster than SimPy. SimPy runs CAPACITEIT_SIMPY_RUNS runs (default 200) and its time is
// scaled to 1,000 runs (it is linear in the runs; set CAPACITEIT_SIMPY_RUNS=1000 to time all of them).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SimModel, simulateRuns } from '../src/areas/capacity-planning/sim.js';
import { runSimulation, simulationThreads } from '../src/areas/capacity-planning/sim.worker.js';

const RUNS = 1000;
const DAYS = 5 * 365;
const P = { lam: 1.5, stay: 38, pNext: 0.3, ready: 30, supply: 0.5, rooms: 50, reserve: 10 };
const model: SimModel = {
  days: DAYS,
  ratePerDay: new Float64Array(DAYS).fill(P.lam),
  rooms: P.rooms,
  reserve: P.reserve,
  stay: { kind: 'exp', mean: P.stay },
  pNext: P.pNext,
  ready: { kind: 'exp', mean: P.ready },
  supplyPerDay: P.supply,
  stayShift: 0,
  minStay: 1,
  initial: 0,
  initialStay: { kind: 'exp', mean: P.stay },
};
const PY = '/usr/bin/python3';
const dir = path.dirname(fileURLToPath(import.meta.url));

function ensureSimpy(): boolean {
  const has = () => spawnSync(PY, ['-c', 'import SimPy.Simulation'], { stdio: 'ignore' }).status === 0;
  if (has()) return true;
  console.log('SimPy ontbreekt: apt-get install -y python3-simpy …');
  spawnSync('apt-get', ['install', '-y', 'python3-simpy'], { stdio: 'inherit' });
  return has();
}

const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: ArrayLike<number>) => {
  const m = mean(xs);
  return Math.sqrt(Array.from(xs).reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};

// warm the JIT once (a server's simulator is warm after its first job), then time
simulateRuns(model, 99, 0, 20);
const t1 = performance.now();
const single = simulateRuns(model, 1, 0, RUNS);
const singleMs = performance.now() - t1;
const t0 = performance.now();
const batch = await runSimulation(model, 1, RUNS);
const workersMs = performance.now() - t0;
const perRunOcc = Array.from({ length: RUNS }, (_, r) => {
  let s = 0;
  for (let y = 0; y < batch.years; y++) s += batch.occupiedNights[r * batch.years + y];
  return s / DAYS;
});
const same = Array.from(single.turnedAway).every((x, i) => x === batch.turnedAway[i]);
console.log(
  `Onderdak (TypeScript): ${RUNS} runs × 5 jaar, 50 + 10 plaatsen: ${(workersMs / 1000).toFixed(2)} s met ${simulationThreads()} werkthreads (incl. starten), ${(singleMs / 1000).toFixed(2)} s in één thread; zelfde resultaat: ${same ? 'ja' : 'NEE'}`,
);
console.log(`  gemiddelde bezetting ${mean(perRunOcc).toFixed(2)} (sd tussen runs ${sd(perRunOcc).toFixed(2)})`);
console.log(`  doel < 2 s: ${workersMs < 2000 ? 'gehaald' : 'NIET gehaald'}`);

if (!ensureSimpy()) {
  console.log('SimPy niet beschikbaar: geen vergelijking.');
  process.exit(0);
}
const simpyRuns = Number(process.env.CAPACITEIT_SIMPY_RUNS ?? 200);
const r = spawnSync(
  PY,
  [
    path.join(dir, 'capaciteit_simpy.py'),
    String(simpyRuns),
    String(DAYS),
    ...[P.lam, P.stay, P.pNext, P.ready, P.supply, P.rooms, P.reserve, 1].map(String),
  ],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (r.status !== 0) {
  console.log(`SimPy mislukt: ${r.stderr}`);
  process.exit(1);
}
const py = JSON.parse(r.stdout) as { runs: number; seconds: number; occupancy: number[]; turnedAway: number[] };
const pyFor1000 = (py.seconds * RUNS) / py.runs;
console.log(
  `SimPy 2.3 (Python): ${py.runs} runs in ${py.seconds.toFixed(2)} s${py.runs === RUNS ? '' : ` → ${RUNS} runs ≈ ${pyFor1000.toFixed(1)} s (lineair geschaald)`}`,
);
console.log(`  gemiddelde bezetting ${mean(py.occupancy).toFixed(2)} (sd tussen runs ${sd(py.occupancy).toFixed(2)})`);
// the same model: the mean occupancies agree within 4 standard errors of their difference
const se = Math.sqrt(sd(perRunOcc) ** 2 / RUNS + sd(py.occupancy) ** 2 / py.runs);
const diff = Math.abs(mean(perRunOcc) - mean(py.occupancy));
console.log(
  `  zelfde model? verschil in gemiddelde bezetting ${diff.toFixed(2)} (4 × se = ${(4 * se).toFixed(2)}): ${diff <= 4 * se ? 'ja' : 'NEE'}`,
);
const ratio = (pyFor1000 * 1000) / workersMs;
const ratioSingle = (pyFor1000 * 1000) / singleMs;
console.log(
  `Verhouding SimPy / Onderdak: ${ratio.toFixed(1)}× sneller met werkthreads, ${ratioSingle.toFixed(1)}× in één thread (doel ≥ 20×: ${Math.max(ratio, ratioSingle) >= 20 ? 'gehaald' : 'NIET gehaald'})`,
);
console.log(
  `(belasting van de machine tijdens de meting: ${(await import('node:os')).loadavg()[0].toFixed(1)} op ${(await import('node:os')).cpus().length} kernen)`,
);
