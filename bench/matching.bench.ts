// Benchmark issues 5 and 15: optimal batch assignment of 10,000 woonklare cliënten × 10,000 vrije woonplekken, the
// per-home ranked list, and the total fit of a greedy assignment for comparison.
// Run alone: `npx tsx bench/matching.bench.ts [n]` (default n = 10000), or with all benches via `npm run bench`.

import { solveAssignment } from '../src/areas/housing/assignment.worker.js';
import { compileScorer, rankCandidatesForUnit } from '../src/areas/housing/fastscore.js';
import type { MatchCandidate, MatchUnit } from '../src/areas/housing/matching.js';
import { createRng } from '../src/demo/random.js';
import { addDays } from '../src/platform/validation.js';

const n = Number(process.argv[2] ?? 10_000);
const today = '2026-11-23';
const rng = createRng(5005);
const GEMEENTEN = ['0505', '0482', '0531', '0590', '0610', '0642', '0512', '1978', '0523', '1961'];
const pickW = <T>(items: [T, number][]) => rng.weighted(items);

const candidates: MatchCandidate[] = Array.from({ length: n }, (_, i) => {
  const hs = pickW<number>([
    [1, 70],
    [2, 12],
    [3, 8],
    [4, 6],
    [5, 4],
  ]);
  const prefs = new Set<string>([rng.pick(GEMEENTEN)]);
  if (rng.chance(0.5)) prefs.add(rng.pick(GEMEENTEN));
  return {
    id: `c${i}`,
    householdSize: hs,
    netIncomeCents: rng.int(110_000, 260_000) + (hs - 1) * 30_000,
    supportLevel: pickW<string>([
      ['geen', 20],
      ['licht', 45],
      ['intensief', 25],
      ['housing-first', 10],
    ]),
    preferred: [...prefs],
    networkCode: rng.chance(0.7) ? rng.pick(GEMEENTEN) : null,
    urgency: pickW<string>([
      ['normaal', 80],
      ['hoog', 15],
      ['urgent', 5],
    ]),
    readySince: addDays(today, -rng.int(0, 500)),
    age: rng.int(18, 75),
  };
});
const units: MatchUnit[] = Array.from({ length: n }, (_, i) => {
  const type = pickW<string>([
    ['corporatie', 70],
    ['housing-first', 10],
    ['skaeve-huse', 5],
    ['tussenvoorziening', 10],
    ['onder-de-pannen', 5],
  ]);
  const rooms =
    type === 'corporatie'
      ? pickW<number>([
          [1, 30],
          [2, 40],
          [3, 20],
          [4, 10],
        ])
      : 1;
  const hmax = type === 'corporatie' ? Math.max(1, rooms + 1) : 1;
  return {
    id: `u${i}`,
    type,
    municipalityCode: rng.pick(GEMEENTEN),
    rooms,
    rentCents: rng.int(35_000, 80_000) + (rooms - 1) * 5_000,
    householdMin: 1,
    householdMax: hmax,
    ageGroup: pickW<string>([
      ['alle', 85],
      ['jongeren', 10],
      ['55plus', 5],
    ]),
    supportMax:
      type === 'housing-first'
        ? 'housing-first'
        : type === 'skaeve-huse' || type === 'tussenvoorziening'
          ? 'intensief'
          : pickW<string>([
              ['geen', 20],
              ['licht', 60],
              ['intensief', 20],
            ]),
    availableFrom: addDays(today, rng.int(-30, 60)),
  };
});

// Issue 15: the exact solver, in a worker thread as the server runs it; meanwhile this thread measures how late a 10 ms
// timer fires (the server's responsiveness while a region is solved). CPU time is printed beside wall time: on a
// shared machine the wall time mostly measures the other processes.
const lags: number[] = [];
let last = performance.now();
const timer = setInterval(() => {
  const t = performance.now();
  lags.push(t - last - 10);
  last = t;
}, 10);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const res = await solveAssignment({ candidates, units, today }, { forceWorker: true });
const tTotal = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(timer);
lags.sort((a, b) => a - b);
const score = compileScorer(candidates, units, today);
const assigned = res.rowToCol.reduce((s, c) => s + (c >= 0 ? 1 : 0), 0);

// Greedy as the work is done without a batch: the homes in order of availability, each offered to the best fitting
// client still free (over ALL feasible pairs; 10^8 score evaluations).
const tg = performance.now();
const greedy = { rowToCol: new Int32Array(n).fill(-1), total: 0 };
{
  const order = units.map((u, c) => ({ c, d: u.availableFrom })).sort((a, b) => a.d.localeCompare(b.d) || a.c - b.c);
  const taken = new Uint8Array(n);
  for (const { c } of order) {
    let best = -1,
      bestS = 0;
    for (let r = 0; r < n; r++) {
      if (taken[r]) continue;
      const s = score(r, c);
      if (s > bestS) {
        bestS = s;
        best = r;
      }
    }
    if (best >= 0) {
      taken[best] = 1;
      greedy.rowToCol[best] = c;
      greedy.total += bestS;
    }
  }
}
const tGreedy = performance.now() - tg;
const greedyAssigned = greedy.rowToCol.reduce((s, c) => s + (c >= 0 ? 1 : 0), 0);

// per-home ranked list with explanations (what GET /v1/woonplekken/{id}/kandidaten does in memory)
const times: number[] = [];
for (let t = 0; t < 20; t++) {
  const u = units[rng.int(0, n - 1)]!;
  const a = performance.now();
  const { ranked } = rankCandidatesForUnit(u, candidates, today, 50);
  if (ranked.length && !ranked[0]!.uitleg) throw new Error('geen uitleg');
  times.push(performance.now() - a);
}
times.sort((a, b) => a - b);

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `Matching ${n} woonklare cliënten × ${n} vrije woonplekken (${res.feasiblePairs.toLocaleString('nl-NL')} haalbare paren, ${((100 * res.feasiblePairs) / (n * n)).toFixed(1)}%)`,
);
console.log(
  `  | optimale toewijzing ${n} × ${n} | basis (issue): 26,6 s voor een resultaat binnen 0,07% van het optimum; 5,3 s geeft −3,6% t.o.v. gulzig; veiling met ε-schaling (ADR 0016): 49,8 s, 46,7 s CPU | nu: ${fmt(tTotal)} wandklok, ${fmt((cpu.user + cpu.system) / 1000)} CPU (werkthread), ${res.certified ? 'bewezen optimaal (duaal certificaat over alle paren sluit)' : `NIET bewezen: bovengrens ${res.upperBound}`} | doel: bewezen optimum < 5 s: ${res.certified && tTotal < 5000 ? 'gehaald' : 'NIET gehaald'} |`,
);
console.log(
  `  waarvan snoeien ${fmt(res.ms.prune)}, oplossen (JV, warm tussen rondes) ${fmt(res.ms.solve)}, certificaat ${fmt(res.ms.certify)}; ${res.rounds} rondes, ${res.evaluations.toLocaleString('nl-NL')} scoreberekeningen (alle paren één keer: ${(n * n).toLocaleString('nl-NL')})`,
);
console.log(
  `  totale passendheid: ${res.total.toLocaleString('nl-NL')} punten (bovengrens ${res.upperBound.toLocaleString('nl-NL')}), ${assigned} toegewezen; gulzig ${greedy.total.toLocaleString('nl-NL')} punten, ${greedyAssigned} toegewezen (${fmt(tGreedy)}) → optimum t.o.v. gulzig +${((100 * (res.total - greedy.total)) / greedy.total).toFixed(2)}%`,
);
console.log(
  `  server blijft antwoorden tijdens het oplossen (werkthread): een timer van 10 ms kwam mediaan ${lags[lags.length >> 1]?.toFixed(1) ?? '?'} ms, max ${lags[lags.length - 1]?.toFixed(1) ?? '?'} ms te laat`,
);
console.log(
  `  gerangschikte lijst per woonplek (${n} kandidaten, met uitleg): mediaan ${times[10]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms — doel < 100 ms: ${times[19]! < 100 ? 'gehaald' : 'NIET gehaald'}`,
);
