// Optimal batch assignment of woonklare cliënten (rows) to vrije woonplekken (columns): maximum total fit, a
// cliënt or woonplek may stay unassigned, infeasible pairs (score ≤ 0) are never used.
//
// Formulation: a rectangular linear assignment problem. Every row i gets a private dummy column ("blijft
// wachten") with weight 0; a real pair (i, j) has weight w_ij > 0. With cost c = W − w (W = largest weight) every
// row is assigned exactly once and minimum total cost = n·W − maximum total weight, so the minimum-cost
// assignment is exactly the maximum-weight matching.
//
// Solver: shortest augmenting paths row by row (Jonker–Volgenant / Crouse, as in SciPy's
// linear_sum_assignment), on a sparse graph with a binary heap (Dijkstra on reduced costs) and early stop at the
// first free column. It keeps dual prices u (rows) and v ≤ 0 (columns) with c_ij − u_i − v_j ≥ 0 on every edge and
// = 0 on assigned edges: those duals prove optimality for the graph it was given.
//
// Scale (10,000 × 10,000): the dense graph has up to 10^8 edges. We solve on a pruned graph (each woonplek's
// top-k cliënten by the pair-dependent part and by the full score, k pseudo-random feasible cliënten per woonplek,
// and each cliënt's top-k woonplekken) and then check the duals against EVERY feasible pair of the
// full matrix. If no pair violates c_ij − u_i − v_j ≥ 0, LP duality (the assignment polytope is integral) proves the
// result optimal for the full problem; otherwise the violating pairs are added and the pruned problem is solved
// again, until the certificate holds. So the answer is the exact optimum over all feasible pairs, not a heuristic —
// `certified: true` in the result says the full check passed.
// With a time budget (timeBudgetMs) the rounds may stop before that; the result is then the exact optimum of the
// pruned graph and `upperBound` is a proven bound on the full optimum (duals lowered to full feasibility), so the
// remaining gap (upperBound − total) is stated, never guessed.

export type ScoreFn = (row: number, col: number) => number;

export interface SparseProblem {
  nRows: number;
  nCols: number;
  rowStart: Int32Array;
  cols: Int32Array;
  weights: Int32Array;
}
export interface SparseSolution {
  rowToCol: Int32Array;
  total: number;
  u: Float64Array;
  v: Float64Array;
  W: number;
}

class MinHeap {
  keys = new Float64Array(1024);
  vals = new Int32Array(1024);
  size = 0;
  push(k: number, v: number) {
    if (this.size === this.keys.length) {
      const k2 = new Float64Array(this.size * 2);
      k2.set(this.keys);
      this.keys = k2;
      const v2 = new Int32Array(this.size * 2);
      v2.set(this.vals);
      this.vals = v2;
    }
    let i = this.size++;
    const keys = this.keys,
      vals = this.vals;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= k) break;
      keys[i] = keys[p]!;
      vals[i] = vals[p]!;
      i = p;
    }
    keys[i] = k;
    vals[i] = v;
  }
  /** Removes the minimum; its key and value are left in topKey/topVal. */
  topKey = 0;
  topVal = 0;
  pop() {
    const keys = this.keys,
      vals = this.vals;
    this.topKey = keys[0]!;
    this.topVal = vals[0]!;
    const n = --this.size;
    if (n === 0) return;
    const k = keys[n]!,
      v = vals[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[c + 1]! < keys[c]!) c++;
      if (keys[c]! >= k) break;
      keys[i] = keys[c]!;
      vals[i] = vals[c]!;
      i = c;
    }
    keys[i] = k;
    vals[i] = v;
  }
}

/** Exact maximum-weight matching on a sparse bipartite graph (weights > 0; pairs not listed are infeasible). */
export function solveSparse(p: SparseProblem, W?: number, order?: Int32Array): SparseSolution {
  const { nRows, nCols, rowStart, cols, weights } = p;
  let maxW = 1;
  for (let e = 0; e < weights.length; e++) if (weights[e]! > maxW) maxW = weights[e]!;
  const Wc = Math.max(W ?? 0, maxW);
  const N = nCols + nRows; // real columns, then one private dummy column per row
  const v = new Float64Array(N),
    u = new Float64Array(nRows);
  const row4col = new Int32Array(N).fill(-1),
    col4row = new Int32Array(nRows).fill(-1);
  const shortest = new Float64Array(N).fill(Infinity),
    path = new Int32Array(N).fill(-1),
    scanned = new Uint8Array(N);
  const touched = new Int32Array(N);
  const SR = new Int32Array(nRows);
  const SC = new Int32Array(N);
  const heap = new MinHeap();
  for (let oi = 0; oi < nRows; oi++) {
    const cur = order ? order[oi]! : oi;
    let nT = 0,
      nSR = 0,
      nSC = 0,
      minVal = 0,
      i = cur,
      sink = -1;
    heap.size = 0;
    for (;;) {
      SR[nSR++] = i;
      const base = minVal - u[i]!;
      for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
        const j = cols[e]!;
        if (scanned[j]) continue;
        const r = base + (Wc - weights[e]!) - v[j]!;
        if (r < shortest[j]!) {
          if (shortest[j] === Infinity) touched[nT++] = j;
          shortest[j] = r;
          path[j] = i;
          heap.push(r, j);
        }
      }
      const dj = nCols + i; // dummy: cost W
      if (!scanned[dj]) {
        const r = base + Wc - v[dj]!;
        if (r < shortest[dj]!) {
          if (shortest[dj] === Infinity) touched[nT++] = dj;
          shortest[dj] = r;
          path[dj] = i;
          heap.push(r, dj);
        }
      }
      let j = -1;
      while (heap.size > 0) {
        heap.pop();
        const c = heap.topVal;
        if (!scanned[c] && heap.topKey === shortest[c]) {
          j = c;
          break;
        }
      }
      if (j < 0) throw new Error('toewijzing: geen augmenterend pad (kan niet: elke rij heeft een dummykolom)');
      minVal = shortest[j]!;
      scanned[j] = 1;
      SC[nSC++] = j;
      if (row4col[j] === -1) {
        sink = j;
        break;
      }
      i = row4col[j]!;
    }
    u[cur] = u[cur]! + minVal;
    for (let k = 0; k < nSR; k++) {
      const r = SR[k]!;
      if (r !== cur) u[r] = u[r]! + minVal - shortest[col4row[r]!]!;
    }
    for (let k = 0; k < nSC; k++) {
      const c = SC[k]!;
      v[c] = v[c]! - (minVal - shortest[c]!);
    }
    let j = sink;
    for (;;) {
      const r = path[j]!;
      row4col[j] = r;
      const prev = col4row[r]!;
      col4row[r] = j;
      j = prev;
      if (r === cur) break;
    }
    for (let k = 0; k < nT; k++) {
      const c = touched[k]!;
      shortest[c] = Infinity;
      scanned[c] = 0;
      path[c] = -1;
    }
  }
  const rowToCol = new Int32Array(nRows).fill(-1);
  let total = 0;
  for (let r = 0; r < nRows; r++) {
    const c = col4row[r]!;
    if (c >= 0 && c < nCols) {
      rowToCol[r] = c;
      for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++)
        if (cols[e] === c) {
          total += weights[e]!;
          break;
        }
    }
  }
  return { rowToCol, total, u, v, W: Wc };
}

/** Builds a CSR problem from (row, col, weight) triples; duplicate pairs keep one copy. */
export function buildSparse(
  nRows: number,
  nCols: number,
  rows: Int32Array | number[],
  cols: Int32Array | number[],
  weights: Int32Array | number[],
  count = rows.length,
): SparseProblem {
  const deg = new Int32Array(nRows + 1);
  for (let e = 0; e < count; e++) deg[rows[e]! + 1]!++;
  for (let r = 0; r < nRows; r++) deg[r + 1] = deg[r + 1]! + deg[r]!;
  const rowStart = deg.slice();
  const fill = deg.slice(0, nRows);
  const c2 = new Int32Array(count),
    w2 = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    const r = rows[e]!;
    const k = fill[r]!++;
    c2[k] = cols[e]!;
    w2[k] = weights[e]!;
  }
  // dedupe per row (small rows): keep first occurrence of each column
  const seen = new Int32Array(nCols).fill(-1);
  const outStart = new Int32Array(nRows + 1);
  let o = 0;
  for (let r = 0; r < nRows; r++) {
    outStart[r] = o;
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
      const c = c2[e]!;
      if (seen[c] === r) continue;
      seen[c] = r;
      c2[o] = c;
      w2[o] = w2[e]!;
      o++;
    }
  }
  outStart[nRows] = o;
  return { nRows, nCols, rowStart: outStart, cols: c2.subarray(0, o), weights: w2.subarray(0, o) };
}

export interface AssignmentResult {
  /** certified: the full-matrix check passed (exact optimum). upperBound: proven bound on the optimum (= total when certified). */
  rowToCol: Int32Array;
  total: number;
  certified: boolean;
  upperBound: number;
  rounds: number;
  edges: number;
  maxScore: number;
  feasiblePairs: number;
  ms: { prune: number; solve: number; certify: number };
}

/**
 * Exact maximum total fit over the full nRows × nCols matrix given by `score` (≤ 0 = infeasible), via top-k pruning
 * and a dual certificate over all pairs (see the file comment). k = candidates kept per row and per column.
 */
export function optimalAssignment(
  nRows: number,
  nCols: number,
  score: ScoreFn,
  opts: { k?: number; maxRounds?: number; addPerRow?: number; rowBase?: Int32Array; timeBudgetMs?: number } = {},
): AssignmentResult {
  const k = opts.k ?? 16;
  const t0 = performance.now();
  // one pass over all pairs: top-k per row and per column (sorted small buffers, weight desc)
  const rowW = new Int32Array(nRows * k),
    rowC = new Int32Array(nRows * k).fill(-1),
    rowN = new Int32Array(nRows);
  const base = opts.rowBase ?? new Int32Array(nRows);
  const colK = new Float64Array(nCols * k);
  const rndK = new Float64Array(nCols * k),
    rndW = new Int32Array(nCols * k),
    rndR = new Int32Array(nCols * k),
    rndN = new Int32Array(nCols);
  const colW = new Int32Array(nCols * k),
    colR = new Int32Array(nCols * k).fill(-1),
    colN = new Int32Array(nCols);
  const rawK = new Float64Array(nCols * k),
    rawW = new Int32Array(nCols * k),
    rawR = new Int32Array(nCols * k),
    rawN = new Int32Array(nCols);
  let maxScore = 0,
    feasiblePairs = 0;
  for (let r = 0; r < nRows; r++) {
    const rb = r * k;
    for (let c = 0; c < nCols; c++) {
      const s = score(r, c);
      if (s <= 0) continue;
      feasiblePairs++;
      if (s > maxScore) maxScore = s;
      let n = rowN[r]!;
      if (n < k || s > rowW[rb + k - 1]!) {
        let i = n < k ? n++ : k - 1;
        while (i > 0 && rowW[rb + i - 1]! < s) {
          rowW[rb + i] = rowW[rb + i - 1]!;
          rowC[rb + i] = rowC[rb + i - 1]!;
          i--;
        }
        rowW[rb + i] = s;
        rowC[rb + i] = c;
        rowN[r] = n;
      }
      // a woonplek ranks cliënten by the pair-dependent part of the score (the row constant — waiting time,
      // urgency — is the same for every woonplek and would make every column pick the same rows), ties spread
      // by a hash so the columns do not all pick the lowest row numbers
      const cb = c * k;
      const h = (Math.imul(r ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(c, 0x165667b1)) >>> 0;
      const key = (s - base[r]!) * 1024 + (h >>> 22);
      // plus k pseudo-random feasible rows per column: keeps the pruned graph well connected, so nearly everyone
      // can be matched in round 1 and the duals (and the bound) are good from the start
      n = rndN[c]!;
      if (n < k || h > rndK[c * k + k - 1]!) {
        const rb2 = c * k;
        let i = n < k ? n++ : k - 1;
        while (i > 0 && rndK[rb2 + i - 1]! < h) {
          rndK[rb2 + i] = rndK[rb2 + i - 1]!;
          rndW[rb2 + i] = rndW[rb2 + i - 1]!;
          rndR[rb2 + i] = rndR[rb2 + i - 1]!;
          i--;
        }
        rndK[rb2 + i] = h;
        rndW[rb2 + i] = s;
        rndR[rb2 + i] = r;
        rndN[c] = n;
      }
      // plus each woonplek's top-k by the full score (waiting time and urgency included): the cliënten a
      // woonplek-by-woonplek (greedy) offer would pick, so the pruned problem is never worse than that
      const rawKey = s * 1024 + (h >>> 22);
      n = rawN[c]!;
      if (n < k || rawKey > rawK[cb + k - 1]!) {
        let i = n < k ? n++ : k - 1;
        while (i > 0 && rawK[cb + i - 1]! < rawKey) {
          rawK[cb + i] = rawK[cb + i - 1]!;
          rawW[cb + i] = rawW[cb + i - 1]!;
          rawR[cb + i] = rawR[cb + i - 1]!;
          i--;
        }
        rawK[cb + i] = rawKey;
        rawW[cb + i] = s;
        rawR[cb + i] = r;
        rawN[c] = n;
      }
      n = colN[c]!;
      if (n < k || key > colK[cb + k - 1]!) {
        let i = n < k ? n++ : k - 1;
        while (i > 0 && colK[cb + i - 1]! < key) {
          colK[cb + i] = colK[cb + i - 1]!;
          colW[cb + i] = colW[cb + i - 1]!;
          colR[cb + i] = colR[cb + i - 1]!;
          i--;
        }
        colK[cb + i] = key;
        colW[cb + i] = s;
        colR[cb + i] = r;
        colN[c] = n;
      }
    }
  }
  let er: number[] = [],
    ec: number[] = [],
    ew: number[] = [];
  for (let r = 0; r < nRows; r++)
    for (let i = 0; i < rowN[r]!; i++) {
      er.push(r);
      ec.push(rowC[r * k + i]!);
      ew.push(rowW[r * k + i]!);
    }
  for (let c = 0; c < nCols; c++)
    for (let i = 0; i < colN[c]!; i++) {
      er.push(colR[c * k + i]!);
      ec.push(c);
      ew.push(colW[c * k + i]!);
    }
  for (let c = 0; c < nCols; c++)
    for (let i = 0; i < rndN[c]!; i++) {
      er.push(rndR[c * k + i]!);
      ec.push(c);
      ew.push(rndW[c * k + i]!);
    }
  for (let c = 0; c < nCols; c++)
    for (let i = 0; i < rawN[c]!; i++) {
      er.push(rawR[c * k + i]!);
      ec.push(c);
      ew.push(rawW[c * k + i]!);
    }
  const t1 = performance.now();
  let solveMs = 0,
    certMs = 0,
    rounds = 0,
    certified = false,
    upperBound = Infinity;
  const budget = opts.timeBudgetMs ?? Infinity;
  let sol: SparseSolution;
  let problem: SparseProblem;
  const maxRounds = opts.maxRounds ?? 50;
  // Rows with the largest constant part (longest waiting, most urgent) first: they raise the prices of the popular
  // woonplekken early, so later rows find "blijft wachten" (their dummy) quickly and the searches stay short.
  const order = Int32Array.from({ length: nRows }, (_, i) => i).sort((a, b) => base[b]! - base[a]! || a - b);
  for (;;) {
    rounds++;
    const ts = performance.now();
    problem = buildSparse(nRows, nCols, er, ec, ew);
    sol = solveSparse(problem, maxScore, order);
    const tc = performance.now();
    solveMs += tc - ts;
    // certificate: every feasible pair must have non-negative reduced cost (W − s) − u_r − v_c
    const { u, v, W } = sol;
    // (plus v ≤ 0 everywhere and v = 0 on unassigned columns: complementary slackness, checked explicitly)
    const add: number[] = [];
    const assignedCol = new Uint8Array(nCols);
    for (let r = 0; r < nRows; r++) if (sol.rowToCol[r]! >= 0) assignedCol[sol.rowToCol[r]!] = 1;
    let slackOk = true;
    for (let c = 0; c < nCols; c++) if (v[c]! > 1e-9 || (!assignedCol[c] && Math.abs(v[c]!) > 1e-9)) slackOk = false;
    if (!slackOk) throw new Error('toewijzing: duale prijzen voldoen niet aan complementaire scheefheid');
    // Per row only the `perRow` most violated pairs are added per round: the duals of rows left unassigned in the
    // pruned problem are weak and would otherwise pull in nearly all their pairs.
    const perRow = opts.addPerRow ?? 16;
    const bufC = new Int32Array(perRow),
      bufV = new Float64Array(perRow),
      bufS = new Int32Array(perRow);
    let violations = 0;
    // Dual bound: lowering each u_r by its most negative reduced cost gives duals that are feasible for the FULL
    // problem, so n·W − (Σu' + Σv) is an upper bound on the best possible total fit (LP duality).
    let dualObj = 0;
    for (let c = 0; c < v.length; c++) dualObj += v[c]!;
    for (let r = 0; r < nRows; r++) {
      const bound = W - u[r]!; // violation iff s > W − u_r − v_c
      let nb = 0,
        worst = 0;
      for (let c = 0; c < nCols; c++) {
        const lim = bound - v[c]!;
        if (lim >= maxScore) continue; // no score can exceed it: skip the scoring call
        const s = score(r, c);
        if (s <= 0 || s <= lim + 1e-9) continue;
        violations++;
        const viol = s - lim;
        if (viol > worst) worst = viol;
        if (nb < perRow || viol > bufV[perRow - 1]!) {
          let i = nb < perRow ? nb++ : perRow - 1;
          while (i > 0 && bufV[i - 1]! < viol) {
            bufV[i] = bufV[i - 1]!;
            bufC[i] = bufC[i - 1]!;
            bufS[i] = bufS[i - 1]!;
            i--;
          }
          bufV[i] = viol;
          bufC[i] = c;
          bufS[i] = s;
        }
      }
      for (let i = 0; i < nb; i++) add.push(r, bufC[i]!, bufS[i]!);
      dualObj += u[r]! - worst;
    }
    upperBound = Math.min(upperBound, nRows * W - dualObj);
    certMs += performance.now() - tc;
    if (process.env.DIAG)
      console.log(
        `ronde ${rounds}: ${problem.cols.length} kanten, oplossen ${(tc - ts).toFixed(0)} ms, ${violations} schendingen, ${add.length / 3} toegevoegd, totaal ${sol.total}, bovengrens ${upperBound}`,
      );
    if (add.length === 0) {
      certified = true;
      break;
    }
    if (rounds >= maxRounds || performance.now() - t0 > budget) break;
    er = er.slice();
    ec = ec.slice();
    ew = ew.slice();
    for (let i = 0; i < add.length; i += 3) {
      er.push(add[i]!);
      ec.push(add[i + 1]!);
      ew.push(add[i + 2]!);
    }
  }
  return {
    rowToCol: sol!.rowToCol,
    total: sol!.total,
    certified,
    upperBound: certified ? sol!.total : upperBound,
    rounds,
    edges: problem!.cols.length,
    maxScore,
    feasiblePairs,
    ms: { prune: t1 - t0, solve: solveMs, certify: certMs },
  };
}

/** Greedy reference: take pairs by descending score while both sides are free (not optimal; for comparison). */
export function greedyAssignment(
  nRows: number,
  nCols: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  weights: ArrayLike<number>,
): { rowToCol: Int32Array; total: number } {
  const idx = Array.from({ length: weights.length }, (_, i) => i).sort(
    (a, b) => weights[b]! - weights[a]! || rows[a]! - rows[b]! || cols[a]! - cols[b]!,
  );
  const rowToCol = new Int32Array(nRows).fill(-1),
    colUsed = new Uint8Array(nCols);
  let total = 0;
  for (const e of idx) {
    const r = rows[e]!,
      c = cols[e]!;
    if (rowToCol[r] !== -1 || colUsed[c]) continue;
    rowToCol[r] = c;
    colUsed[c] = 1;
    total += weights[e]!;
  }
  return { rowToCol, total };
}

/** Exhaustive maximum over all partial matchings (tests only; n, m ≤ 7). w[r][c] ≤ 0 = infeasible. */
export function bruteForceMax(w: number[][]): number {
  const nRows = w.length,
    nCols = nRows ? w[0]!.length : 0;
  const used = new Array(nCols).fill(false);
  const go = (r: number): number => {
    if (r === nRows) return 0;
    let best = go(r + 1); // row r stays unassigned
    for (let c = 0; c < nCols; c++) {
      if (used[c] || w[r]![c]! <= 0) continue;
      used[c] = true;
      best = Math.max(best, w[r]![c]! + go(r + 1));
      used[c] = false;
    }
    return best;
  };
  return go(0);
}
