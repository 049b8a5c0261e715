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

export const YEAR = 365;

/** splitmix32: a well-mixed 32-bit seed from any integer. */
export function splitmix32(x: number): number {
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
export function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export function drawStay(dist: StayDist, u: number): number {
  if (dist.kind === 'exp') return -Math.log(u) * dist.mean;
  const v = dist.values;
  return v[Math.min(v.length - 1, Math.floor(u * v.length))];
}

/** Cumulative sums for length-biased draws from an empirical distribution. */
export function cumulative(dist: StayDist): Float64Array | null {
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
export function drawResidual(dist: StayDist, cum: Float64Array | null, u1: number, u2: number): number {
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

  const stayDist = model.stay;
  const readyDist = model.ready;
  const stayExp = stayDist.kind === 'exp';
  const readyExp = readyDist.kind === 'exp';
  const stayMean = stayDist.kind === 'exp' ? stayDist.mean : 0;
  const readyMean = readyDist.kind === 'exp' ? readyDist.mean : 0;
  const stayVals = stayDist.kind === 'empirical' ? stayDist.values : new Float64Array(1);
  const readyVals = readyDist.kind === 'empirical' ? readyDist.values : new Float64Array(1);
  const INF = Number.POSITIVE_INFINITY;
  const {
    arrivals,
    turnedAway,
    occupiedNights,
    fullNights,
    reservePlaceNights,
    staySum,
    stayCount,
    waitSum,
    waitCount,
  } = out;
  const hist = out.occupancyHist;

  for (let r = 0; r < runs; r++) {
    // the run's own xoshiro128** stream, kept in locals (the hot loop has no closures)
    const run = firstRun + r;
    let s0 = splitmix32(seed ^ Math.imul(run + 1, 0x632be5ab));
    let s1 = splitmix32(s0 ^ 0x1b873593);
    let s2 = splitmix32(s1 ^ 0x7fffffff);
    let s3 = splitmix32(s2 ^ (run + 0x2545f491));
    if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
    let u = 0; // the last uniform drawn: `NEXT_U` below is the generator, written out where it is used
    const base = r * years;
    let heapN = 0;
    let nFree = capacity;
    for (let i = 0; i < capacity; i++) freeSlots[i] = capacity - 1 - i;
    let qHead = 0;
    let qLen = 0;
    let occ = 0;
    let x = 0;
    let w = 0;
    let t = 0;
    let s = 0;
    let i = 0;
    let p = 0;
    let c = 0;
    let y = 0;

    // occupants at day 0 (residual stays; drawn with a separate generator so the main stream stays simple)
    const init = runRandom(seed ^ 0x5bd1e995, run);
    const initial = Math.min(model.initial, capacity);
    for (let k = 0; k < initial; k++) {
      s = freeSlots[--nFree];
      occ++;
      slotArrived[s] = 0;
      slotReadyAt[s] = -1;
      t = Math.max(0.01, drawResidual(model.initialStay, initCum, init(), init()));
      i = heapN++;
      while (i > 0) {
        p = (i - 1) >> 1;
        if (heapT[p] <= t) break;
        heapT[i] = heapT[p];
        heapS[i] = heapS[p];
        i = p;
      }
      heapT[i] = t;
      heapS[i] = s;
    }

    let arrDay = 0;
    let tArr = INF;
    let tSup = INF;
    // first arrival
    {
      let from = 0;
      for (;;) {
        if (arrDay >= days) break;
        const lam = rate[arrDay];
        if (lam > 0) {
          x = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
          w = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= w;
          s3 = rotl(s3, 11);
          u = ((x >>> 0) + 0.5) / 4294967296;
          const cand = from - Math.log(u) / lam;
          if (cand < arrDay + 1) {
            tArr = cand;
            break;
          }
        }
        from = arrDay + 1;
        arrDay++;
      }
    }
    if (supply > 0) {
      x = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      w = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= w;
      s3 = rotl(s3, 11);
      u = ((x >>> 0) + 0.5) / 4294967296;
      tSup = -Math.log(u) / supply;
    }
    let night = 0;
    let tNight = 0.5;

    while (night < days) {
      const tHeap = heapN > 0 ? heapT[0] : INF;
      if (tNight <= tArr && tNight <= tSup && tNight <= tHeap) {
        y = (night / YEAR) | 0;
        hist[night * width + occ]++;
        occupiedNights[base + y] += occ;
        if (occ >= rooms) fullNights[base + y] += 1;
        if (occ > rooms) reservePlaceNights[base + y] += occ - rooms;
        night++;
        tNight = night + 0.5;
        continue;
      }
      if (tHeap <= tArr && tHeap <= tSup) {
        // pop the heap top
        s = heapS[0];
        heapN--;
        t = heapT[heapN];
        p = heapS[heapN];
        i = 0;
        for (;;) {
          c = 2 * i + 1;
          if (c >= heapN) break;
          if (c + 1 < heapN && heapT[c + 1] < heapT[c]) c++;
          if (heapT[c] >= t) break;
          heapT[i] = heapT[c];
          heapS[i] = heapS[c];
          i = c;
        }
        heapT[i] = t;
        heapS[i] = p;
        if (slotReadyAt[s] >= 0) {
          // ready for a next step: from now on waiting in the queue for a woonplek, keeping the place
          slotReadyAt[s] = tHeap;
          queue[(qHead + qLen) % capacity] = s;
          qLen++;
        } else {
          freeSlots[nFree++] = s;
          occ--;
          y = Math.min(years - 1, (tHeap / YEAR) | 0);
          staySum[base + y] += tHeap - slotArrived[s];
          stayCount[base + y] += 1;
        }
        continue;
      }
      x = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      w = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= w;
      s3 = rotl(s3, 11);
      u = ((x >>> 0) + 0.5) / 4294967296;
      if (tSup <= tArr) {
        if (qLen > 0) {
          s = queue[qHead];
          qHead = qHead + 1 === capacity ? 0 : qHead + 1;
          qLen--;
          y = Math.min(years - 1, (tSup / YEAR) | 0);
          waitSum[base + y] += tSup - slotReadyAt[s];
          waitCount[base + y] += 1;
          slotReadyAt[s] = -1;
          freeSlots[nFree++] = s;
          occ--;
          staySum[base + y] += tSup - slotArrived[s];
          stayCount[base + y] += 1;
        }
        tSup -= Math.log(u) / supply;
        continue;
      }
      // an arrival
      y = (tArr / YEAR) | 0;
      arrivals[base + y] += 1;
      if (occ < capacity) {
        const next = u < pNext;
        x = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
        w = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= w;
        s3 = rotl(s3, 11);
        u = ((x >>> 0) + 0.5) / 4294967296;
        let len = next
          ? readyExp
            ? -Math.log(u) * readyMean
            : readyVals[(u * readyVals.length) | 0]
          : stayExp
            ? -Math.log(u) * stayMean
            : stayVals[(u * stayVals.length) | 0];
        len -= shift;
        if (len < minStay) len = minStay;
        s = freeSlots[--nFree];
        occ++;
        slotArrived[s] = tArr;
        slotReadyAt[s] = next ? 1 : -1;
        t = tArr + len;
        i = heapN++;
        while (i > 0) {
          p = (i - 1) >> 1;
          if (heapT[p] <= t) break;
          heapT[i] = heapT[p];
          heapS[i] = heapS[p];
          i = p;
        }
        heapT[i] = t;
        heapS[i] = s;
      } else turnedAway[base + y] += 1;
      // next arrival: the rate is constant within a day (memoryless, so redraw at the day boundary)
      let from = tArr;
      tArr = INF;
      for (;;) {
        if (arrDay >= days) break;
        const lam = rate[arrDay];
        if (lam > 0) {
          x = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
          w = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= w;
          s3 = rotl(s3, 11);
          u = ((x >>> 0) + 0.5) / 4294967296;
          const cand = from - Math.log(u) / lam;
          if (cand < arrDay + 1) {
            tArr = cand;
            break;
          }
        }
        from = arrDay + 1;
        arrDay++;
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
