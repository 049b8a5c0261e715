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

// ---------------------------------------------------------------------------------------------------------------
// Exact solver (issue 15): ε-scaling auction on a "doubled" sparse graph, warm-started between certificate rounds.
//
// The partial assignment problem (a cliënt or woonplek may stay unassigned) is made a perfect matching problem
// without a dense block: real rows r and real columns c, plus a dummy column r* per row ("blijft wachten",
// weight 0), a dummy row d_c per column ("blijft vrij", weight 0) and, for every real edge (r, c), a dummy edge
// (d_c, r*) of weight 0. A partial matching M extends to a perfect matching (matched r–c pairs pair their dummies
// d_c–r*), so the maximum-weight perfect matching of the doubled graph is the maximum-weight partial matching.
// All constraints are equalities, so prices need no sign rule and a warm start (keep prices and the assignment,
// free only the rows whose edges changed) is always valid.
//
// Weights are scaled by S = (rows + columns + 1) and the last auction phase runs with ε = 1: ε-complementary
// slackness then gives a total within N·ε < S of the optimum, i.e. the exact integer optimum. The certificate is
// not trusted, it is computed: with profits π_i = max_j (w_ij − p_j) over the pruned doubled graph,
//   U_r = π_r + p_{r*} ≥ 0 and P_c = p_c + π_{d_c} ≥ 0
// is a dual solution of the original LP (max Σ s·x, row and column sums ≤ 1) as soon as U_r + P_c ≥ S·s(r, c) holds
// for EVERY feasible pair of the full matrix — which the full check verifies. Then OPT ≤ ⌊(ΣU + ΣP) / S⌋, and the
// result is certified when its total reaches that bound.
// ---------------------------------------------------------------------------------------------------------------

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
  /** rows whose full row was scanned by the certificate (the others are proven by their candidate list alone) */
  rowsScanned: number;
  /**
   * The dual certificate in scaled units (scores × S): U (rows) ≥ 0, P (columns) ≥ 0 with U_r + P_c ≥ S·score(r, c)
   * for every feasible pair of the full matrix, so ⌊(ΣU + ΣP) / S⌋ bounds the optimum (= total when certified).
   */
  dual: { S: number; U: Float64Array; P: Float64Array };
  ms: { prune: number; solve: number; certify: number };
}

const SCALE_STEP = 6;

/** Warm-startable auction state on the doubled graph (see above). Prices are integers kept in doubles (exact). */
export interface AuctionState {
  nRows: number;
  nCols: number;
  S: number;
  price: Float64Array;
  colOf: Int32Array;
  rowOf: Int32Array;
}

interface Doubled {
  start: Int32Array;
  adj: Int32Array;
  w: Float64Array;
}

/** CSR of the doubled graph from the real edges (r, c, s): rows 0..n−1 real, n+c = d_c; columns 0..m−1 real, m+r = r*. */
function buildDoubled(
  n: number,
  m: number,
  S: number,
  er: Int32Array,
  ec: Int32Array,
  es: Int32Array,
  E: number,
): Doubled {
  const N = n + m;
  const start = new Int32Array(N + 1);
  for (let r = 0; r < n; r++) start[r + 1] = 1;
  for (let c = 0; c < m; c++) start[n + c + 1] = 1;
  for (let e = 0; e < E; e++) {
    start[er[e]! + 1]!++;
    start[n + ec[e]! + 1]!++;
  }
  for (let i = 0; i < N; i++) start[i + 1] = start[i + 1]! + start[i]!;
  const fill = start.slice(0, N);
  const total = start[N]!;
  const adj = new Int32Array(total),
    w = new Float64Array(total);
  for (let r = 0; r < n; r++) {
    const k = fill[r]!++;
    adj[k] = m + r; // r → r*, weight 0
  }
  for (let c = 0; c < m; c++) {
    const k = fill[n + c]!++;
    adj[k] = c; // d_c → c, weight 0
  }
  for (let e = 0; e < E; e++) {
    const r = er[e]!,
      c = ec[e]!;
    let k = fill[r]!++;
    adj[k] = c;
    w[k] = S * es[e]!;
    k = fill[n + c]!++;
    adj[k] = m + r; // d_c → r*, weight 0
  }
  return { start, adj, w };
}

/** Gauss–Seidel forward auction with ε for the rows in `queue` (all other rows keep ε-complementary slackness). */
function auctionPhase(g: Doubled, st: AuctionState, eps: number, queue: Int32Array, qLen: number, big: number) {
  const { start, adj, w } = g;
  const { price, colOf, rowOf } = st;
  const cap = queue.length;
  let head = 0,
    tail = qLen % cap,
    size = qLen;
  while (size > 0) {
    const i = queue[head]!;
    head = head + 1 === cap ? 0 : head + 1;
    size--;
    let best = -Infinity,
      second = -Infinity,
      bj = -1;
    for (let e = start[i]!, end = start[i + 1]!; e < end; e++) {
      const j = adj[e]!;
      const val = w[e]! - price[j]!;
      if (val > best) {
        second = best;
        best = val;
        bj = j;
      } else if (val > second) second = val;
    }
    price[bj] = price[bj]! + (second === -Infinity ? big : best - second + eps);
    const old = rowOf[bj]!;
    rowOf[bj] = i;
    colOf[i] = bj;
    if (old >= 0) {
      colOf[old] = -1;
      queue[tail] = old;
      tail = tail + 1 === cap ? 0 : tail + 1;
      size++;
    }
  }
}

/**
 * Exact maximum total fit over the full nRows × nCols matrix given by `score` (≤ 0 = infeasible): one pass keeps
 * each row's top-k columns (and each column's top-k rows by the pair-dependent part, rowBase subtracted), the
 * auction solves that sparse problem, and the dual certificate is checked over every feasible pair; violated
 * pairs are added and the auction continues warm (prices and assignment kept) until the certificate holds.
 * A row needs no scan when U_r ≥ S·(the best score outside its list): only weak rows cost a full row of scores.
 */
export function optimalAssignment(
  nRows: number,
  nCols: number,
  score: ScoreFn,
  opts: { k?: number; maxRounds?: number; addPerRow?: number; rowBase?: Int32Array; timeBudgetMs?: number } = {},
): AssignmentResult {
  const n = nRows,
    m = nCols;
  const k = Math.max(1, opts.k ?? 12);
  const perRow = Math.max(1, opts.addPerRow ?? 32);
  const t0 = performance.now();
  const base = opts.rowBase ?? new Int32Array(n);
  // --- one pass: per row its top-k columns by score; per column its top-k rows by the pair-dependent part
  const rowS = new Int32Array(n * k),
    rowC = new Int32Array(n * k),
    rowN = new Int32Array(n),
    rowMax = new Int32Array(n);
  const colKey = new Float64Array(m * k),
    colR = new Int32Array(m * k),
    colS = new Int32Array(m * k),
    colN = new Int32Array(m);
  // plus k pseudo-random feasible rows per column (keeps the pruned graph connected, so round 1 is already close)
  // and each column's top-k by the full score (the rows a woonplek-by-woonplek offer would pick)
  const rndK = new Float64Array(m * k),
    rndR = new Int32Array(m * k),
    rndS = new Int32Array(m * k),
    rndN = new Int32Array(m);
  const rawK = new Float64Array(m * k),
    rawR = new Int32Array(m * k),
    rawS = new Int32Array(m * k),
    rawN = new Int32Array(m);
  const keep = (
    K: Float64Array,
    R: Int32Array,
    Sc: Int32Array,
    Nn: Int32Array,
    c: number,
    key: number,
    r: number,
    s: number,
  ) => {
    const cb = c * k,
      nc = Nn[c]!;
    if (nc < k || key > K[cb + k - 1]!) {
      let i = k - 1;
      if (nc < k) {
        i = nc;
        Nn[c] = nc + 1;
      }
      while (i > 0 && K[cb + i - 1]! < key) {
        K[cb + i] = K[cb + i - 1]!;
        R[cb + i] = R[cb + i - 1]!;
        Sc[cb + i] = Sc[cb + i - 1]!;
        i--;
      }
      K[cb + i] = key;
      R[cb + i] = r;
      Sc[cb + i] = s;
    }
  };
  let maxScore = 0,
    feasiblePairs = 0;
  for (let r = 0; r < n; r++) {
    const rb = r * k,
      br = base[r]!;
    let nr = 0,
      kth = 0; // smallest kept score once the list is full
    for (let c = 0; c < m; c++) {
      const s = score(r, c);
      if (s <= 0) continue;
      feasiblePairs++;
      if (nr < k || s > kth) {
        let i = nr < k ? nr++ : k - 1;
        while (i > 0 && rowS[rb + i - 1]! < s) {
          rowS[rb + i] = rowS[rb + i - 1]!;
          rowC[rb + i] = rowC[rb + i - 1]!;
          i--;
        }
        rowS[rb + i] = s;
        rowC[rb + i] = c;
        if (nr === k) kth = rowS[rb + k - 1]!;
      }
      // the column side ranks rows by the pair-dependent part (the row constant would make every column pick the
      // same rows), ties spread by a hash
      const cb = c * k;
      const h = (Math.imul(r ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(c, 0x165667b1)) >>> 0;
      const key = (s - br) * 4096 + (h >>> 20);
      if (rndN[c]! < k || h > rndK[cb + k - 1]!) keep(rndK, rndR, rndS, rndN, c, h, r, s);
      const rawKey = s * 4096 + (h >>> 20);
      if (rawN[c]! < k || rawKey > rawK[cb + k - 1]!) keep(rawK, rawR, rawS, rawN, c, rawKey, r, s);
      if (colN[c]! < k || key > colKey[cb + k - 1]!) keep(colKey, colR, colS, colN, c, key, r, s);
    }
    rowN[r] = nr;
    rowMax[r] = nr ? rowS[rb]! : 0;
    if (rowMax[r]! > maxScore) maxScore = rowMax[r]!;
  }
  // outside row r's list every score is ≤ outside[r] (0 when the list holds all its feasible columns)
  const outside = new Int32Array(n);
  for (let r = 0; r < n; r++) outside[r] = rowN[r] === k ? rowS[r * k + k - 1]! : 0;
  let cap = Math.max(1024, 2 * (n + m) * k);
  let er = new Int32Array(cap),
    ec = new Int32Array(cap),
    es = new Int32Array(cap),
    E = 0;
  const push = (r: number, c: number, s: number) => {
    if (E === cap) {
      cap *= 2;
      const a = new Int32Array(cap),
        b = new Int32Array(cap),
        d = new Int32Array(cap);
      a.set(er);
      b.set(ec);
      d.set(es);
      er = a;
      ec = b;
      es = d;
    }
    er[E] = r;
    ec[E] = c;
    es[E] = s;
    E++;
  };
  for (let r = 0; r < n; r++) for (let i = 0; i < rowN[r]!; i++) push(r, rowC[r * k + i]!, rowS[r * k + i]!);
  // column lists, each pair once (a pair may be in several lists: marked per column)
  const mark = new Int32Array(n).fill(-1);
  for (let c = 0; c < m; c++) {
    for (const [R, Sc, Nn] of [
      [colR, colS, colN],
      [rndR, rndS, rndN],
      [rawR, rawS, rawN],
    ] as const)
      for (let i = 0; i < Nn[c]!; i++) {
        const r = R[c * k + i]!,
          s = Sc[c * k + i]!;
        if (mark[r] === c) continue;
        mark[r] = c;
        // skip pairs already in r's list (its list holds every column scoring above outside[r])
        if (rowN[r] === k && s < outside[r]!) push(r, c, s);
        else {
          let dup = false;
          for (let j = 0; j < rowN[r]!; j++) if (rowC[r * k + j] === c) dup = true;
          if (!dup) push(r, c, s);
        }
      }
  }
  const t1 = performance.now();
  // --- auction with ε-scaling on the doubled graph
  const N = n + m;
  // S·ε-slack: with ε = 1 and S = 64·(N + 1) the auction's gap N·ε leaves room for the certificate's repair sum
  const S = 64 * (N + 1);
  const st: AuctionState = {
    nRows: n,
    nCols: m,
    S,
    price: new Float64Array(N),
    colOf: new Int32Array(N).fill(-1),
    rowOf: new Int32Array(N).fill(-1),
  };
  const big = S * (maxScore + 1);
  const queue = new Int32Array(N + 1);
  let g = buildDoubled(n, m, S, er, ec, es, E);
  // ε-scaling: each phase starts from the prices of the one before (the assignment is rebuilt)
  const scale = (eps0: number) => {
    let eps = Math.max(1, Math.floor(eps0));
    for (;;) {
      st.colOf.fill(-1);
      st.rowOf.fill(-1);
      for (let i = 0; i < N; i++) queue[i] = i;
      auctionPhase(g, st, eps, queue, N, big);
      if (eps === 1) break;
      eps = Math.max(1, Math.floor(eps / SCALE_STEP));
    }
  };
  scale((S * maxScore) / 8);
  let solveMs = performance.now() - t1,
    certMs = 0,
    rounds = 0,
    rowsScanned = 0,
    certified = false,
    upperBound = Infinity;
  const budget = opts.timeBudgetMs ?? Infinity;
  const maxRounds = opts.maxRounds ?? 100;
  const pi = new Float64Array(N);
  const bufC = new Int32Array(perRow),
    bufV = new Float64Array(perRow),
    bufS = new Int32Array(perRow);
  let total = 0;
  const rowToCol = new Int32Array(n).fill(-1);
  const rowRepair = new Float64Array(n);
  const bestU = new Float64Array(n),
    bestP = new Float64Array(m);
  for (;;) {
    rounds++;
    const tc = performance.now();
    // profits over the pruned doubled graph, then the original duals U, P
    const { start, adj, w } = g;
    const price = st.price;
    let dual = 0;
    for (let i = 0; i < N; i++) {
      let best = -Infinity;
      for (let e = start[i]!, end = start[i + 1]!; e < end; e++) {
        const val = w[e]! - price[adj[e]!]!;
        if (val > best) best = val;
      }
      pi[i] = best;
      dual += best + price[i]!; // Σπ + Σp (both have N entries)
    }
    total = 0;
    rowToCol.fill(-1);
    for (let r = 0; r < n; r++) {
      const c = st.colOf[r]!;
      if (c >= 0 && c < m) {
        rowToCol[r] = c;
        total += w[findEdge(start, adj, r, c)]! / S;
      }
    }
    const added0 = E;
    let maxViol = 0,
      repair = 0;
    rowRepair.fill(0);
    for (let r = 0; r < n; r++) {
      const U = pi[r]! + price[m + r]!;
      if (U >= S * outside[r]!) continue; // every pair outside the list is covered (P ≥ 0)
      rowsScanned++;
      const lim = S * rowMax[r]!;
      let nb = 0,
        worst = 0;
      for (let c = 0; c < m; c++) {
        const UP = U + price[c]! + pi[n + c]!;
        if (UP >= lim) continue;
        const s = score(r, c);
        if (s <= 0 || S * s <= UP) continue;
        const viol = S * s - UP;
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
      for (let i = 0; i < nb; i++) push(r, bufC[i]!, bufS[i]!);
      // raising U_r by its largest violation makes the dual feasible for row r over the full matrix
      repair += worst;
      rowRepair[r] = worst;
      if (worst > maxViol) maxViol = worst;
    }
    // a dual solution of the full problem: OPT ≤ ⌊(dual + repair) / S⌋ (LP duality, integer scores)
    const bound = Math.floor((dual + repair) / S + 1e-9);
    if (bound < upperBound) {
      // keep the best certificate: feasible over the full matrix after each row's repair
      upperBound = bound;
      for (let r = 0; r < n; r++) bestU[r] = pi[r]! + price[m + r]! + rowRepair[r]!;
      for (let c = 0; c < m; c++) bestP[c] = price[c]! + pi[n + c]!;
    }
    const tEnd = performance.now();
    certMs += tEnd - tc;
    if (upperBound <= total) {
      certified = true;
      if (process.env.DIAG)
        console.log(`ronde ${rounds}: ${E} kanten, certificaat sluit, totaal ${total}, bovengrens ${upperBound}`);
      break;
    }
    if (process.env.DIAG)
      console.log(
        `ronde ${rounds}: ${E} kanten, ${E - added0} toegevoegd, totaal ${total}, bovengrens ${upperBound}, ${(tEnd - tc).toFixed(0)} ms`,
      );
    if (rounds >= maxRounds || tEnd - t0 > budget) break;
    // warm start: the prices are kept; a short ε-scaling from the largest violation (not from the top) repairs
    // them on the graph with the added pairs
    const ts = performance.now();
    g = buildDoubled(n, m, S, er, ec, es, E);
    scale(maxViol / 4);
    solveMs += performance.now() - ts;
  }
  return {
    rowToCol,
    total,
    certified,
    upperBound: certified ? total : upperBound,
    rounds,
    edges: E,
    maxScore,
    feasiblePairs,
    rowsScanned,
    dual: { S, U: bestU, P: bestP },
    ms: { prune: t1 - t0, solve: solveMs, certify: certMs },
  };
}

function findEdge(start: Int32Array, adj: Int32Array, i: number, j: number): number {
  for (let e = start[i]!, end = start[i + 1]!; e < end; e++) if (adj[e] === j) return e;
  throw new Error('toewijzing: toegewezen paar zonder kant');
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
