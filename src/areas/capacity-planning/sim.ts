// Issue 18 (ADR 0020): the discrete-event Monte Carlo model of the capaciteitsplanner. Pure and synchronous: the
// worker pool (sim.pool.ts) splits the runs over threads; tests call simulateRuns directly.
//
// One pool of places (the rooms of all locations in the scenario plus their reserve places; centrale toegang places
// anyone anywhere). Per run, in continuous time (unit: day):
// - arrivals: a Poisson process whose rate is constant within a day (ratePerDay[d]: weekday × season × policy);
// - an arrival gets a room while fewer than `rooms` are occupied, else a reserve place while fewer than
//   rooms + reserve are occupied, else is turned away (sent elsewhere);
// - with probability pNext the arrival needs a next step (a woonplek): it stays `ready` days, then waits in a FIFO
//   queue for a woonplek while keeping its place; woonplekken come as a Poisson process (supplyPerDay) and go to
//   the head of the queue (one that comes while nobody waits goes to someone outside the shelter);
// - otherwise it stays `stay` days and leaves;
// - every night (at d + 0.5) the occupancy is recorded.
// Each run has its own random stream (xoshiro128** seeded by splitmix32 from (seed, run index)), so a run's result
// depends only on the model, the seed and the run's index: the same seed gives the same answer whatever the number
// of threads.

export type StayDist = { kind: 'exp'; mean: number } | { kind: 'empirical'; values: Float64Array };

export interface SimModel {
  days: number;
  /** Arrivals per day for every day of the horizon (length ≥ days). */
  ratePerDay: Float64Array;
  rooms: number;
  reserve: number;
  /** Stay of an arrival that needs no next step (days). */
  stay: StayDist;
  /** Share of arrivals that need a next step (a woonplek). */
  pNext: number;
  /** Time until ready for a next step (days). */
  ready: StayDist;
  /** Woonplekken for people waiting in the shelter, per day. */
  supplyPerDay: number;
  /** Days taken off every stay and every time-to-ready (faster outflow). */
  stayShift: number;
  /** No stay or time-to-ready is shorter than this (days; 1 for real scenarios, 0 for pure theory). */
  minStay: number;
  /** Occupants at day 0; their remaining stay is drawn from the residual (length-biased) of `initialStay`. */
  initial: number;
  initialStay: StayDist;
}

/** What the runs of one batch produce. Per-year arrays are run-major: [run * years + year]. */
export interface SimBatch {
  runs: number;
  years: number;
  days: number;
  capacity: number;
  /** occupancy histogram per night: [day * (capacity + 1) + occupancy] = number of runs. */
  occupancyHist: Uint32Array;
  arrivals: Float64Array;
  turnedAway: Float64Array;
  /** Σ over the nights of the year of the places in use beyond the rooms. */
  reservePlaceNights: Float64Array;
  /** Nights of the year with every room occupied. */
  fullNights: Float64Array;
  /** Σ over the nights of the year of the occupancy (mean occupancy = this / nights). */
  occupiedNights: Float64Array;
  /** Per year: Σ and count of stays (days) of those who left in that year. */
  staySum: Float64Array;
  stayCount: Float64Array;
  /** Per year: Σ and count of waits for a woonplek of those who got one in that year. */
  waitSum: Float64Array;
  waitCount: Float64Array;
}

const YEAR = 365;

/** splitmix32: a well-mixed 32-bit seed from any integer. */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** xoshiro128** for one run: its own stream, derived from (seed, run). Uniform in (0, 1). */
export function runRandom(seed: number, run: number): () => number {
  let a = splitmix32(seed ^ Math.imul(run + 1, 0x632be5ab));
  let b = splitmix32(a ^ 0x1b873593);
  let c = splitmix32(b ^ 0x7fffffff);
  let d = splitmix32(c ^ (run + 0x2545f491));
  if ((a | b | c | d) === 0) a = 1;
  return () => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return ((r >>> 0) + 0.5) / 4294967296;
  };
}
function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function drawStay(dist: StayDist, u: number): number {
  if (dist.kind === 'exp') return -Math.log(u) * dist.mean;
  const v = dist.values;
  return v[Math.min(v.length - 1, Math.floor(u * v.length))];
}

/** Cumulative sums for length-biased draws from an empirical distribution. */
function cumulative(dist: StayDist): Float64Array | null {
  if (dist.kind === 'exp') return null;
  const c = new Float64Array(dist.values.length);
  let s = 0;
  for (let i = 0; i < c.length; i++) {
    s += dist.values[i];
    c[i] = s;
  }
  return c;
}

/** The remaining stay of someone present at a random moment: U × (a length-biased stay). */
function drawResidual(dist: StayDist, cum: Float64Array | null, u1: number, u2: number): number {
  if (dist.kind === 'exp' || !cum) return drawStay(dist, u1);
  const x = u1 * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return u2 * dist.values[lo];
}

/** Runs [firstRun, firstRun + runs) of the model with the given seed. */
export function simulateRuns(model: SimModel, seed: number, firstRun: number, runs: number): SimBatch {
  const days = model.days;
  const years = Math.max(1, Math.ceil(days / YEAR));
  const rooms = model.rooms;
  const capacity = rooms + model.reserve;
  const width = capacity + 1;
  const out: SimBatch = {
    runs,
    years,
    days,
    capacity,
    occupancyHist: new Uint32Array(days * width),
    arrivals: new Float64Array(runs * years),
    turnedAway: new Float64Array(runs * years),
    reservePlaceNights: new Float64Array(runs * years),
    fullNights: new Float64Array(runs * years),
    occupiedNights: new Float64Array(runs * years),
    staySum: new Float64Array(runs * years),
    stayCount: new Float64Array(runs * years),
    waitSum: new Float64Array(runs * years),
    waitCount: new Float64Array(runs * years),
  };
  // binary min-heap of (time, slot) for departures and ready moments; slots hold the occupants
  const heapT = new Float64Array(capacity + 1);
  const heapS = new Int32Array(capacity + 1);
  const slotArrived = new Float64Array(capacity);
  const slotReadyAt = new Float64Array(capacity); // -1: leaves at its heap time; ≥ 0: waits for a woonplek after it
  const freeSlots = new Int32Array(capacity);
  const queue = new Int32Array(capacity); // FIFO ring of slots waiting for a woonplek
  const initCum = cumulative(model.initialStay);
  const rate = model.ratePerDay;
  const shift = model.stayShift;
  const pNext = model.pNext;
  const supply = model.supplyPerDay;
  const minStay = model.minStay;

  for (let r = 0; r < runs; r++) {
    const rnd = runRandom(seed, firstRun + r);
    const base = r * years;
    let heapN = 0;
    let nFree = capacity;
    for (let i = 0; i < capacity; i++) freeSlots[i] = capacity - 1 - i;
    let qHead = 0;
    let qLen = 0;
    let occ = 0;

    const push = (t: number, s: number) => {
      let i = heapN++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (heapT[p] <= t) break;
        heapT[i] = heapT[p];
        heapS[i] = heapS[p];
        i = p;
      }
      heapT[i] = t;
      heapS[i] = s;
    };
    const pop = () => {
      const t = heapT[--heapN];
      const s = heapS[heapN];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= heapN) break;
        if (c + 1 < heapN && heapT[c + 1] < heapT[c]) c++;
        if (heapT[c] >= t) break;
        heapT[i] = heapT[c];
        heapS[i] = heapS[c];
        i = c;
      }
      heapT[i] = t;
      heapS[i] = s;
    };
    const leave = (s: number, t: number) => {
      freeSlots[nFree++] = s;
      occ--;
      const y = Math.min(years - 1, Math.floor(t / YEAR));
      out.staySum[base + y] += t - slotArrived[s];
      out.stayCount[base + y] += 1;
    };
    // place someone at time t with the given stay; pNext decides the kind
    const admit = (t: number, arrived: number, stayFromNow: number, next: boolean) => {
      const s = freeSlots[--nFree];
      occ++;
      slotArrived[s] = arrived;
      slotReadyAt[s] = next ? 1 : -1;
      push(t + stayFromNow, s);
    };

    const initial = Math.min(model.initial, capacity);
    for (let i = 0; i < initial; i++) {
      const rest = Math.max(0.01, drawResidual(model.initialStay, initCum, rnd(), rnd()));
      admit(0, 0, rest, false);
    }

    // next arrival in a piecewise-constant Poisson process
    let arrDay = 0;
    let tArr = 0;
    const nextArrival = (from: number): number => {
      let t = from;
      for (;;) {
        if (arrDay >= days) return Number.POSITIVE_INFINITY;
        const lam = rate[arrDay];
        const dayEnd = arrDay + 1;
        if (lam > 0) {
          const cand = t - Math.log(rnd()) / lam;
          if (cand < dayEnd) return cand;
        }
        t = dayEnd;
        arrDay++;
      }
    };
    tArr = nextArrival(0);
    let tSup = supply > 0 ? -Math.log(rnd()) / supply : Number.POSITIVE_INFINITY;
    let night = 0;
    let tNight = 0.5;

    while (night < days) {
      const tHeap = heapN > 0 ? heapT[0] : Number.POSITIVE_INFINITY;
      if (tNight <= tArr && tNight <= tSup && tNight <= tHeap) {
        const y = Math.floor(night / YEAR);
        out.occupancyHist[night * width + occ]++;
        out.occupiedNights[base + y] += occ;
        if (occ >= rooms) out.fullNights[base + y] += 1;
        if (occ > rooms) out.reservePlaceNights[base + y] += occ - rooms;
        night++;
        tNight = night + 0.5;
      } else if (tHeap <= tArr && tHeap <= tSup) {
        const s = heapS[0];
        pop();
        if (slotReadyAt[s] >= 0) {
          // ready for a next step: from now on waiting in the queue for a woonplek
          slotReadyAt[s] = tHeap;
          queue[(qHead + qLen) % capacity] = s;
          qLen++;
        } else leave(s, tHeap);
      } else if (tSup <= tArr) {
        if (qLen > 0) {
          const s = queue[qHead];
          qHead = (qHead + 1) % capacity;
          qLen--;
          const y = Math.min(years - 1, Math.floor(tSup / YEAR));
          out.waitSum[base + y] += tSup - slotReadyAt[s];
          out.waitCount[base + y] += 1;
          slotReadyAt[s] = -1;
          leave(s, tSup);
        }
        tSup += -Math.log(rnd()) / supply;
      } else {
        const y = Math.floor(tArr / YEAR);
        out.arrivals[base + y] += 1;
        if (occ < capacity) {
          const next = rnd() < pNext;
          const len = drawStay(next ? model.ready : model.stay, rnd()) - shift;
          admit(tArr, tArr, len < minStay ? minStay : len, next);
        } else out.turnedAway[base + y] += 1;
        tArr = nextArrival(tArr);
      }
    }
  }
  return out;
}

/** Adds batch b into a (same model, disjoint runs): the per-run arrays are concatenated, histograms summed. */
export function mergeBatches(batches: SimBatch[]): SimBatch {
  const first = batches[0];
  const runs = batches.reduce((s, b) => s + b.runs, 0);
  const cat = (key: keyof SimBatch) => {
    const outArr = new Float64Array(runs * first.years);
    let off = 0;
    for (const b of batches) {
      const arr = b[key] as Float64Array;
      outArr.set(arr, off);
      off += arr.length;
    }
    return outArr;
  };
  const hist = new Uint32Array(first.occupancyHist.length);
  for (const b of batches) for (let i = 0; i < hist.length; i++) hist[i] += b.occupancyHist[i];
  return {
    runs,
    years: first.years,
    days: first.days,
    capacity: first.capacity,
    occupancyHist: hist,
    arrivals: cat('arrivals'),
    turnedAway: cat('turnedAway'),
    reservePlaceNights: cat('reservePlaceNights'),
    fullNights: cat('fullNights'),
    occupiedNights: cat('occupiedNights'),
    staySum: cat('staySum'),
    stayCount: cat('stayCount'),
    waitSum: cat('waitSum'),
    waitCount: cat('waitCount'),
  };
}

/** Erlang-B blocking probability for offered load a = λ·W and c servers (stable recursion). */
export function erlangB(a: number, c: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}
