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
  // real columns, then one private dummy column per row (cost W, "blijft wachten"), last in each row's list
  const N = nCols + nRows;
  const start = new Int32Array(nRows + 1);
  for (let r = 0; r < nRows; r++) start[r + 1] = rowStart[r + 1]! + r + 1;
  const adj = new Int32Array(start[nRows]!),
    cost = new Int32Array(start[nRows]!);
  for (let r = 0; r < nRows; r++) {
    let k = start[r]!;
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++, k++) {
      adj[k] = cols[e]!;
      cost[k] = Wc - weights[e]!;
    }
    adj[k] = nCols + r;
    cost[k] = Wc;
  }
  const g: Doubled = { start, adj, cost };
  const st: JvState = {
    u: new Float64Array(nRows),
    v: new Float64Array(N),
    colOf: new Int32Array(nRows).fill(-1),
    rowOf: new Int32Array(N).fill(-1),
  };
  const search = new PathSearch(N);
  for (let oi = 0; oi < nRows; oi++) search.augment(g, st, order ? order[oi]! : oi);
  const rowToCol = new Int32Array(nRows).fill(-1);
  let total = 0;
  for (let r = 0; r < nRows; r++) {
    const c = st.colOf[r]!;
    if (c >= 0 && c < nCols) {
      rowToCol[r] = c;
      for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++)
        if (cols[e] === c) {
          total += weights[e]!;
          break;
        }
    }
  }
  return { rowToCol, total, u: st.u, v: st.v, W: Wc };
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
// Exact solver (issue 15): shortest augmenting paths (Jonker–Volgenant) with integer duals on a "doubled" sparse
// graph, warm-started between certificate rounds.
//
// The partial assignment problem (a cliënt or woonplek may stay unassigned) is made a perfect matching problem
// without a dense block: real rows r and real columns c, plus a dummy column r* per row ("blijft wachten"), a dummy
// row d_c per column ("blijft vrij") and, for every real edge (r, c), a dummy edge (d_c, r*). In min-cost form a real
// edge costs M − s(r, c) and every dummy edge costs M (M = the largest score): every perfect matching has N = n + m
// edges, so its cost is N·M minus its total fit, and a partial matching extends to a perfect one (matched r–c pairs
// pair their dummies d_c–r*). All constraints are equalities, so the duals need no sign rule and a warm start —
// keep duals and assignment, free only the rows that gained an edge with negative reduced cost — is always valid.
//
// JV keeps integer duals u (rows) and v (columns) with cost − u − v ≥ 0 on every edge and = 0 on matched edges. The
// certificate is not trusted, it is computed: U_r = M − u_r − v_{r*} ≥ 0 and P_c = M − v_c − u_{d_c} ≥ 0 is a dual
// solution of the original LP (max Σ s·x, row and column sums ≤ 1) as soon as U_r + P_c ≥ s(r, c) holds for EVERY
// feasible pair of the full matrix — which the full check verifies — and ΣU + ΣP equals the total of the pruned
// optimum. So when the check finds no violated pair, the result is the exact optimum over all pairs.
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
  /** rows whose candidates outside their list had to be checked by the certificate */
  rowsScanned: number;
  /** score evaluations by the pruning pass and the certificate checks together (10^8 would be every pair, once) */
  evaluations: number;
  /**
   * The dual certificate (scale S = 1: integer scores, integer duals): U (rows) ≥ 0, P (columns) ≥ 0 with
   * U_r + P_c ≥ S·score(r, c) for every feasible pair of the full matrix, so ⌊(ΣU + ΣP) / S⌋ bounds the optimum
   * (= total when certified).
   */
  dual: { S: number; U: Float64Array; P: Float64Array };
  /**
   * Certificate rounds that scanned only the flagged rows, the rows whose U fell and the columns whose P fell, and
   * how often the full check that confirms such a round found a violation it had missed (0: the invariant holds).
   */
  incrementalChecks: number;
  incrementalMisses: number;
  ms: { prune: number; solve: number; certify: number };
}

/**
 * Optional structure of the score that makes the full passes cheap without changing the result: the columns split
 * into groups, each listed in an order along which, for EVERY row, the score never increases and, once 0
 * (infeasible), stays 0. The woonplek rules have it (fastscore.ts: same municipality, size, support, age and
 * availability, sorted by rent — a higher rent never lowers the net cost). The passes then stop a group at its first
 * infeasible column and skip blocks whose best possible violation is none.
 */
export interface MonotoneGroups {
  /** start of each group in `order` (length groups + 1) */
  groupStart: Int32Array;
  /** all columns, group by group, each group in non-increasing score order */
  order: Int32Array;
}

interface Doubled {
  start: Int32Array;
  adj: Int32Array;
  cost: Int32Array;
}

/** CSR of the doubled graph from the real edges (r, c, s): rows 0..n−1 real, n+c = d_c; columns 0..m−1 real, m+r = r*. */
function buildDoubled(
  n: number,
  m: number,
  M: number,
  er: Int32Array,
  ec: Int32Array,
  es: Int32Array,
  E: number,
): Doubled {
  const N = n + m;
  const start = new Int32Array(N + 1);
  for (let i = 0; i < N; i++) start[i + 1] = 1;
  for (let e = 0; e < E; e++) {
    start[er[e]! + 1]!++;
    start[n + ec[e]! + 1]!++;
  }
  for (let i = 0; i < N; i++) start[i + 1] = start[i + 1]! + start[i]!;
  const fill = start.slice(0, N);
  const total = start[N]!;
  const adj = new Int32Array(total),
    cost = new Int32Array(total);
  for (let r = 0; r < n; r++) {
    const k = fill[r]!++;
    adj[k] = m + r; // r → r*
    cost[k] = M;
  }
  for (let c = 0; c < m; c++) {
    const k = fill[n + c]!++;
    adj[k] = c; // d_c → c
    cost[k] = M;
  }
  for (let e = 0; e < E; e++) {
    const r = er[e]!,
      c = ec[e]!;
    let k = fill[r]!++;
    adj[k] = c;
    cost[k] = M - es[e]!;
    k = fill[n + c]!++;
    adj[k] = m + r; // d_c → r*
    cost[k] = M;
  }
  return { start, adj, cost };
}

/** JV state on the doubled graph: integer duals (kept in doubles, exact) and the perfect matching being built. */
interface JvState {
  u: Float64Array;
  v: Float64Array;
  colOf: Int32Array;
  rowOf: Int32Array;
}

/** Scratch space of the Dijkstra searches, reset after each search by the list of touched columns. */
class PathSearch {
  shortest: Float64Array;
  path: Int32Array;
  scanned: Uint8Array;
  touched: Int32Array;
  SR: Int32Array;
  SC: Int32Array;
  heap = new MinHeap();
  constructor(N: number) {
    this.shortest = new Float64Array(N).fill(Infinity);
    this.path = new Int32Array(N).fill(-1);
    this.scanned = new Uint8Array(N);
    this.touched = new Int32Array(N);
    this.SR = new Int32Array(N);
    this.SC = new Int32Array(N);
  }

  /** One shortest augmenting path from free row `cur` (Dijkstra on reduced costs, stops at the first free column). */
  augment(g: Doubled, st: JvState, cur: number) {
    const { start, adj, cost } = g;
    const { u, v, colOf, rowOf } = st;
    const { shortest, path, scanned, touched, SR, SC, heap } = this;
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
      for (let e = start[i]!, end = start[i + 1]!; e < end; e++) {
        const j = adj[e]!;
        if (scanned[j]) continue;
        const r = base + cost[e]! - v[j]!;
        if (r < shortest[j]!) {
          if (shortest[j] === Infinity) touched[nT++] = j;
          shortest[j] = r;
          path[j] = i;
          // a free column at the current distance is a shortest sink: no need to settle the others first
          if (r === minVal && rowOf[j] === -1) {
            sink = j;
            break;
          }
          heap.push(r, j);
        }
      }
      if (sink >= 0) {
        scanned[sink] = 1;
        SC[nSC++] = sink;
        break;
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
      // cannot happen: r → r* and d_c → c form a perfect matching, so a free row always has an augmenting path
      if (j < 0) throw new Error('toewijzing: geen augmenterend pad');
      minVal = shortest[j]!;
      scanned[j] = 1;
      SC[nSC++] = j;
      if (rowOf[j] === -1) {
        sink = j;
        break;
      }
      i = rowOf[j]!;
    }
    u[cur] = u[cur]! + minVal;
    for (let k = 1; k < nSR; k++) {
      const r = SR[k]!;
      u[r] = u[r]! + minVal - shortest[colOf[r]!]!;
    }
    for (let k = 0; k < nSC; k++) {
      const c = SC[k]!;
      v[c] = v[c]! - (minVal - shortest[c]!);
    }
    let j = sink;
    for (;;) {
      const r = path[j]!;
      rowOf[j] = r;
      const prev = colOf[r]!;
      colOf[r] = j;
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
}

/**
 * Augmenting row reduction (Jonker & Volgenant 1987): each free row bids for its cheapest column at the price of its
 * second cheapest, lowering that column's dual by the difference and pushing out the row that held it — an auction
 * step with ε = 0, cheap where the augmenting paths would be long. Duals stay feasible (v only decreases) and every
 * assigned row stays tight. Two passes, and at most `maxBids` bids, as in JV; the rows still free are returned at
 * the front of `free`.
 */
function rowReduction(g: Doubled, st: JvState, free: Int32Array, nFree: number, maxBids: number): number {
  const { start, adj, cost } = g;
  const { u, v, colOf, rowOf } = st;
  let bids = 0;
  for (let pass = 0; pass < 2; pass++) {
    const prev = nFree;
    let k = 0;
    nFree = 0;
    while (k < prev) {
      const i = free[k++]!;
      if (colOf[i] !== -1) continue;
      let u1 = Infinity,
        u2 = Infinity,
        j1 = -1,
        j2 = -1;
      for (let e = start[i]!, end = start[i + 1]!; e < end; e++) {
        const j = adj[e]!;
        const h = cost[e]! - v[j]!;
        if (h < u2) {
          if (h >= u1) {
            u2 = h;
            j2 = j;
          } else {
            u2 = u1;
            j2 = j1;
            u1 = h;
            j1 = j;
          }
        }
      }
      if (u2 === Infinity) u2 = u1; // a single edge: take it without a price change
      let i0 = rowOf[j1]!;
      const strict = u1 < u2;
      if (strict) v[j1] = v[j1]! - (u2 - u1);
      else if (i0 >= 0 && j2 >= 0) {
        j1 = j2;
        i0 = rowOf[j2]!;
      }
      if (i0 >= 0) {
        colOf[i0] = -1;
        if (strict && ++bids < maxBids) free[--k] = i0;
        else free[nFree++] = i0;
      }
      rowOf[j1] = i;
      colOf[i] = j1;
      u[i] = strict ? u2 : u1;
    }
  }
  return nFree;
}

/**
 * Cold start through the rectangular problem (each row has a private "blijft wachten" column, free columns keep
 * dual 0): solveSparse's shortest paths stay short there, and its optimal duals give the doubled graph's at once —
 * U_r = W − u_r − v_{r*}, P_c = −v_c are optimal duals of the original LP, and u_r = −U_r, v_c = M − P_c,
 * u_{d_c} = 0, v_{r*} = M are feasible and tight on the doubled graph's matching.
 */
function fromRectangular(n: number, m: number, M: number, p: SparseProblem, N: number): JvState {
  const t = performance.now();
  const sol = solveSparse(p, M);
  const st: JvState = {
    u: new Float64Array(N),
    v: new Float64Array(N),
    colOf: new Int32Array(N).fill(-1),
    rowOf: new Int32Array(N).fill(-1),
  };
  for (let r = 0; r < n; r++) {
    const Ur = sol.W - sol.u[r]! - sol.v[m + r]!;
    st.u[r] = -Ur;
    st.v[m + r] = M;
  }
  for (let c = 0; c < m; c++) st.v[c] = M + sol.v[c]!;
  const link = (i: number, j: number) => {
    st.colOf[i] = j;
    st.rowOf[j] = i;
  };
  for (let r = 0; r < n; r++) {
    const c = sol.rowToCol[r]!;
    if (c >= 0) {
      link(r, c);
      link(n + c, m + r);
    } else link(r, m + r);
  }
  for (let c = 0; c < m; c++) if (st.colOf[n + c] === -1) link(n + c, c);
  if (process.env.DIAG) console.log(`koud (rechthoekig): ${(performance.now() - t).toFixed(0)} ms`);
  return st;
}

/** Blocks of at most BLOCK columns inside each group, for the lower bounds on P the certificate check skips with. */
const BLOCK = 16;
interface GroupBlocks {
  /** first block of each group (length groups + 1) */
  groupBlock: Int32Array;
  /** first position in `order` of each block (length blocks + 1) */
  blockStart: Int32Array;
  minP: Float64Array;
  groupMinP: Float64Array;
  /** groups by ascending groupMinP: a row's scan stops at the first group no score of the row can violate */
  byMinP: Int32Array;
}

function makeBlocks(groups: MonotoneGroups): GroupBlocks {
  const G = groups.groupStart.length - 1;
  const starts: number[] = [];
  const groupBlock = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) {
    groupBlock[g] = starts.length;
    for (let p = groups.groupStart[g]!; p < groups.groupStart[g + 1]!; p += BLOCK) starts.push(p);
  }
  groupBlock[G] = starts.length;
  starts.push(groups.order.length);
  return {
    groupBlock,
    blockStart: Int32Array.from(starts),
    minP: new Float64Array(starts.length - 1),
    groupMinP: new Float64Array(G),
    byMinP: Int32Array.from({ length: G }, (_, g) => g),
  };
}

function updateBlockMinima(groups: MonotoneGroups, b: GroupBlocks, P: Float64Array) {
  const G = groups.groupStart.length - 1;
  for (let g = 0; g < G; g++) {
    let gmin = Infinity;
    for (let k = b.groupBlock[g]!; k < b.groupBlock[g + 1]!; k++) {
      let min = Infinity;
      for (let p = b.blockStart[k]!; p < b.blockStart[k + 1]!; p++) {
        const x = P[groups.order[p]!]!;
        if (x < min) min = x;
      }
      b.minP[k] = min;
      if (min < gmin) gmin = min;
    }
    b.groupMinP[g] = gmin;
  }
  b.byMinP.sort((x, y) => b.groupMinP[x]! - b.groupMinP[y]!);
}

/**
 * Every column c of row r with score(r, c) > Ur + P_c, passed to `found`, using the monotone groups: a group or block
 * whose first score minus its smallest P is ≤ Ur holds no violation, and a group ends at its first infeasible
 * column. Returns the number of score evaluations.
 */
function scanGroups(
  groups: MonotoneGroups,
  b: GroupBlocks,
  P: Float64Array,
  r: number,
  Ur: number,
  rowMax: number,
  score: ScoreFn,
  found: (c: number, s: number) => void,
): number {
  const { order, groupStart } = groups;
  const G = groupStart.length - 1;
  let evals = 0;
  for (let q = 0; q < G; q++) {
    const g = b.byMinP[q]!;
    if (rowMax - b.groupMinP[g]! <= Ur) break; // neither this group nor any later one can hold a violation
    const s0 = score(r, order[groupStart[g]!]!);
    evals++;
    if (s0 <= 0 || s0 - b.groupMinP[g]! <= Ur) continue;
    for (let k = b.groupBlock[g]!; k < b.groupBlock[g + 1]!; k++) {
      const p0 = b.blockStart[k]!;
      const sb = p0 === groupStart[g] ? s0 : score(r, order[p0]!);
      if (p0 !== groupStart[g]) evals++;
      if (sb <= 0) break;
      if (sb - b.minP[k]! <= Ur) continue;
      for (let p = p0; p < b.blockStart[k + 1]!; p++) {
        const c = order[p]!;
        const s = p === p0 ? sb : score(r, c);
        if (p !== p0) evals++;
        if (s <= 0) break;
        if (s > Ur + P[c]!) found(c, s);
      }
    }
  }
  return evals;
}

/** Per owner (a column or a group) its best k rows by a key, best first: key, row and score side by side. */
interface TopKLists {
  k: number;
  key: Float64Array;
  row: Int32Array;
  score: Int32Array;
  count: Int32Array;
}

function topKLists(owners: number, k: number): TopKLists {
  return {
    k,
    key: new Float64Array(owners * k),
    row: new Int32Array(owners * k),
    score: new Int32Array(owners * k),
    count: new Int32Array(owners),
  };
}

/** Offers row r (with its score s) to owner o's list under `key`: kept when the list is not full or key beats its last. */
function keepTopK(l: TopKLists, o: number, key: number, r: number, s: number) {
  const { k, key: K, row: R, score: S } = l;
  const base = o * k,
    n = l.count[o]!;
  if (n === k && key <= K[base + k - 1]!) return;
  let i = k - 1;
  if (n < k) {
    i = n;
    l.count[o] = n + 1;
  }
  while (i > 0 && K[base + i - 1]! < key) {
    K[base + i] = K[base + i - 1]!;
    R[base + i] = R[base + i - 1]!;
    S[base + i] = S[base + i - 1]!;
    i--;
  }
  K[base + i] = key;
  R[base + i] = r;
  S[base + i] = s;
}

/**
 * Exact maximum total fit over the full nRows × nCols matrix given by `score` (≤ 0 = infeasible): one pass keeps
 * each row's top-k columns and some rows per column (with `groups`: a merge of the group heads instead of whole
 * rows), the rectangular JV solves that sparse problem and hands its duals to the doubled graph, and the dual
 * certificate is checked over every feasible pair; violated pairs are added and JV continues warm (duals and
 * assignment kept, only the rows with a violated new edge freed) until the certificate holds. A row needs no scan
 * when U_r ≥ the best score outside its list; with groups, a group or block is skipped when its first score minus
 * its smallest P is ≤ U_r.
 */
export function optimalAssignment(
  nRows: number,
  nCols: number,
  score: ScoreFn,
  opts: {
    k?: number;
    maxRounds?: number;
    addPerRow?: number;
    rowBase?: Int32Array;
    timeBudgetMs?: number;
    groups?: MonotoneGroups;
  } = {},
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
  const col = topKLists(m, k);
  // plus k pseudo-random feasible rows per column (keeps the pruned graph connected, so round 1 is already close)
  // and each column's top-k by the full score (the rows a woonplek-by-woonplek offer would pick)
  const rnd = topKLists(m, k);
  const raw = topKLists(m, k);
  let maxScore = 0,
    feasiblePairs = 0,
    evaluations = 0;
  const groups = opts.groups;
  const groupPairs: number[] = [];
  // outside row r's list every score is ≤ outsideOf[r] (0 when the list holds all its feasible columns)
  const outsideOf = new Int32Array(n);
  if (groups) {
    // per row a k-way merge of the group heads: ~ (groups + k) evaluations instead of a whole row; the feasible
    // pairs are counted by a binary search per group (feasibility is a prefix of each group)
    const { order, groupStart } = groups;
    const G = groupStart.length - 1;
    const heap = new MinHeap();
    const groupOf = new Int32Array(order.length);
    for (let g = 0; g < G; g++) groupOf.fill(g, groupStart[g]!, groupStart[g + 1]!);
    // Per row and group: where its feasible homes end, and the step through them. A row lists homes spread over its
    // feasible part of a group instead of the first ones: every row otherwise lists the same cheapest homes, and the
    // dearer homes that only some rows can pay have almost no edges (the first solve was 12.5% below the optimum on
    // the benchmark, now 8.8%).
    const feasEnd = new Int32Array(G),
      strideOf = new Int32Array(G);
    // half of the feasible homes apart: the cheapest and the middle one first (measured on the benchmark: 2 beats
    // 4 and beats no spreading; ADR 0030, addendum 2)
    const SPREAD = 2;
    // per group its top-k rows by the pair-dependent part (pair*) and by the full score (full*)
    const pair = topKLists(G, k);
    const full = topKLists(G, k);
    for (let r = 0; r < n; r++) {
      heap.size = 0;
      for (let g = 0; g < G; g++) {
        const p = groupStart[g]!,
          end = groupStart[g + 1]!;
        if (p === end) continue;
        evaluations++;
        const s = score(r, order[p]!);
        if (s <= 0) continue;
        heap.push(-s, p);
        // the group's side: its best rows by the pair-dependent part and by the full score, at its cheapest home
        const h = (Math.imul(r ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(g, 0x165667b1)) >>> 0;
        const key = (s - base[r]!) * 4096 + (h >>> 20);
        keepTopK(pair, g, key, r, s);
        keepTopK(full, g, s * 4096 + (h >>> 20), r, s);
        let lo = p + 1,
          hi = end;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          evaluations++;
          if (score(r, order[mid]!) > 0) lo = mid + 1;
          else hi = mid;
        }
        feasiblePairs += lo - p;
        feasEnd[g] = lo;
        strideOf[g] = Math.max(1, Math.floor((lo - p) / SPREAD));
      }
      const rb = r * k;
      let nr = 0,
        skipped = 0; // the best score among homes stepped over (the one after each listed group head)
      while (nr < k && heap.size > 0) {
        heap.pop();
        const p = heap.topVal,
          g = groupOf[p]!,
          step = strideOf[g]!;
        rowS[rb + nr] = -heap.topKey;
        rowC[rb + nr] = order[p]!;
        nr++;
        if (step > 1 && p === groupStart[g] && p + 1 < feasEnd[g]!) {
          evaluations++;
          const s1 = score(r, order[p + 1]!);
          if (s1 > skipped) skipped = s1;
        }
        if (p + step < feasEnd[g]!) {
          evaluations++;
          const s2 = score(r, order[p + step]!);
          if (s2 > 0) heap.push(-s2, p + step);
        }
      }
      // nothing outside the list scores more than a home stepped over or the next home of a group still in the heap
      let out = skipped;
      for (let i = 0; i < heap.size; i++) if (-heap.keys[i]! > out) out = -heap.keys[i]!;
      outsideOf[r] = out;
      rowN[r] = nr;
      rowMax[r] = nr ? rowS[rb]! : 0;
      if (rowMax[r]! > maxScore) maxScore = rowMax[r]!;
    }
    // each home of a group gets the group's rows (where feasible for it)
    const mark = new Int32Array(n).fill(-1);
    for (let g = 0; g < G; g++)
      for (let p = groupStart[g]!; p < groupStart[g + 1]!; p++) {
        const c = order[p]!;
        for (const list of [pair, full])
          for (let i = 0; i < list.count[g]!; i++) {
            const r = list.row[g * k + i]!;
            if (mark[r] === c) continue;
            mark[r] = c;
            evaluations++;
            const s = score(r, c);
            if (s > 0) groupPairs.push(r, c, s);
          }
      }
    if (process.env.DIAG) console.log(`${G} groepen, ${groupPairs.length / 3} groepsparen`);
    // and per column pseudo-random feasible rows (keeps the pruned graph connected, so round 1 is already close)
    for (let c = 0; c < m; c++)
      for (let t = 0; t < 2 * k; t++) {
        const r = (Math.imul(c ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(t + 1, 0x165667b1)) >>> 0;
        const rr = r % n;
        evaluations++;
        const s = score(rr, c);
        const nc = rnd.count[c]!;
        if (s > 0 && nc < k && !rnd.row.subarray(c * k, c * k + nc).includes(rr)) {
          rnd.row[c * k + nc] = rr;
          rnd.score[c * k + nc] = s;
          rnd.count[c] = nc + 1;
        }
      }
  } else
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
        const h = (Math.imul(r ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(c, 0x165667b1)) >>> 0;
        const key = (s - br) * 4096 + (h >>> 20);
        keepTopK(rnd, c, h, r, s);
        keepTopK(raw, c, s * 4096 + (h >>> 20), r, s);
        keepTopK(col, c, key, r, s);
      }
      rowN[r] = nr;
      rowMax[r] = nr ? rowS[rb]! : 0;
      if (rowMax[r]! > maxScore) maxScore = rowMax[r]!;
    }
  // without groups the lists are by score, so the k-th score bounds everything outside a full list
  const outside = outsideOf;
  if (!groups) for (let r = 0; r < n; r++) outside[r] = rowN[r] === k ? rowS[r * k + k - 1]! : 0;
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
  const inRowList = (r: number, c: number, s: number) => {
    // r's list holds every column scoring above outside[r]; without groups it is also sorted, so a lower score is out
    if (!groups && rowN[r] === k && s < outside[r]!) return false;
    for (let j = 0; j < rowN[r]!; j++) if (rowC[r * k + j] === c) return true;
    return false;
  };
  for (let i = 0; i < groupPairs.length; i += 3)
    if (!inRowList(groupPairs[i]!, groupPairs[i + 1]!, groupPairs[i + 2]!))
      push(groupPairs[i]!, groupPairs[i + 1]!, groupPairs[i + 2]!);
  // column lists, each pair once (a pair may be in several lists: marked per column)
  const mark = new Int32Array(n).fill(-1);
  for (let c = 0; c < m; c++) {
    for (const list of [col, rnd, raw])
      for (let i = 0; i < list.count[c]!; i++) {
        const r = list.row[c * k + i]!,
          s = list.score[c * k + i]!;
        if (mark[r] === c) continue;
        mark[r] = c;
        if (!inRowList(r, c, s)) push(r, c, s);
      }
  }
  const t1 = performance.now();
  // --- JV on the doubled graph (integer costs M − s and M)
  const N = n + m;
  const M = Math.max(1, maxScore);
  let g = buildDoubled(n, m, M, er, ec, es, E);
  const search = new PathSearch(N);
  const st = fromRectangular(n, m, M, buildSparse(n, m, er, ec, es, E), N);
  let solveMs = performance.now() - t1,
    certMs = 0,
    rounds = 0,
    rowsScanned = 0,
    certified = false,
    upperBound = Infinity;
  const budget = opts.timeBudgetMs ?? Infinity;
  const maxRounds = opts.maxRounds ?? 100;
  const bufC = new Int32Array(perRow),
    bufV = new Float64Array(perRow),
    bufS = new Int32Array(perRow);
  let total = 0;
  const rowToCol = new Int32Array(n).fill(-1);
  const rowRepair = new Float64Array(n);
  const U = new Float64Array(n),
    P = new Float64Array(m);
  const bestU = new Float64Array(n),
    bestP = new Float64Array(m);
  const affected = new Uint8Array(N);
  const freeRows = new Int32Array(N);
  const blocks = groups ? makeBlocks(groups) : null;
  const lastU = new Float64Array(n),
    lastP = new Float64Array(m),
    flagged = new Uint8Array(n),
    loweredCols = new Int32Array(m);
  let full = true,
    confirming = false,
    incrementalChecks = 0,
    incrementalMisses = 0;
  for (;;) {
    rounds++;
    const tc = performance.now();
    const { u, v, colOf } = st;
    let dual = 0;
    for (let r = 0; r < n; r++) dual += U[r] = M - u[r]! - v[m + r]!;
    for (let c = 0; c < m; c++) dual += P[c] = M - v[c]! - u[n + c]!;
    if (groups) updateBlockMinima(groups, blocks!, P);
    total = 0;
    rowToCol.fill(-1);
    for (let r = 0; r < n; r++) {
      const c = colOf[r]!;
      if (c >= 0 && c < m) {
        rowToCol[r] = c;
        total += M - g.cost[findEdge(g.start, g.adj, r, c)]!;
      }
    }
    const added0 = E;
    let repair = 0;
    rowRepair.fill(0);
    // Incremental check (sound by the invariant below): after a round's check every pair outside the graph either
    // satisfies U_r + P_c ≥ s or its row was flagged. A row that was not flagged and whose U did not fall can only
    // be violated at a column whose P fell, so only flagged rows, rows with a lower U, and the columns with a lower P
    // are scanned; a round that finds nothing is confirmed by a full check over every pair.
    let lowered = 0;
    if (!full)
      for (let c = 0; c < m; c++)
        if (P[c]! < lastP[c]!) {
          loweredCols[lowered++] = c;
          if (lowered > m / 8) break; // many columns moved: a full scan is cheaper
        }
    const incremental = !full && lowered <= m / 8;
    let violatedRows = 0;
    for (let r = 0; r < n; r++) {
      const Ur = U[r]!;
      const wholeRow = !incremental || flagged[r] === 1 || Ur < lastU[r]!;
      flagged[r] = 0;
      if (Ur >= outside[r]!) continue; // every pair outside the list is covered (P ≥ 0)
      if (!wholeRow && lowered === 0) continue;
      rowsScanned++;
      const lim = rowMax[r]!;
      let nb = 0,
        worst = 0;
      const consider = (c: number, s: number) => {
        const viol = s - Ur - P[c]!;
        if (viol <= 0) return;
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
      };
      if (!wholeRow)
        for (let q = 0; q < lowered; q++) {
          const c = loweredCols[q]!;
          if (Ur + P[c]! >= lim) continue;
          evaluations++;
          const s = score(r, c);
          if (s > 0) consider(c, s);
        }
      else if (groups) evaluations += scanGroups(groups, blocks!, P, r, Ur, lim, score, consider);
      else
        for (let c = 0; c < m; c++) {
          if (Ur + P[c]! >= lim) continue;
          evaluations++;
          const s = score(r, c);
          if (s > 0) consider(c, s);
        }
      if (nb > 0) {
        flagged[r] = 1;
        violatedRows++;
      }
      for (let i = 0; i < nb; i++) push(r, bufC[i]!, bufS[i]!);
      // raising U_r by its largest violation makes the dual feasible for row r over the full matrix
      repair += worst;
      rowRepair[r] = worst;
    }
    // a dual solution of the full problem: OPT ≤ ΣU + ΣP + repair (LP duality)
    const bound = dual + repair;
    if (bound < upperBound) {
      // keep the best certificate: feasible over the full matrix after each row's repair
      upperBound = bound;
      for (let r = 0; r < n; r++) bestU[r] = U[r]! + rowRepair[r]!;
      bestP.set(P);
    }
    lastU.set(U);
    lastP.set(P);
    const tEnd = performance.now();
    certMs += tEnd - tc;
    if (incremental) incrementalChecks++;
    if (full && violatedRows > 0 && confirming) incrementalMisses++;
    confirming = false;
    if (!full && violatedRows === 0) {
      // nothing violated in the incremental check: confirm over every pair (the bound above is then exact too)
      full = true;
      confirming = true;
      rounds--;
      continue;
    }
    full = false;
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
    // warm start: duals and assignment stay; a row that gained an edge with negative reduced cost is freed (its
    // column with it) and its dual lowered to feasibility, then each freed row gets one augmenting path
    const ts = performance.now();
    g = buildDoubled(n, m, M, er, ec, es, E);
    for (let e = added0; e < E; e++) {
      affected[er[e]!] = 1;
      affected[n + ec[e]!] = 1;
    }
    let nFree = 0;
    const coveredCols = coverByColumns(n, m, M, er, ec, es, added0, E, st, (i) => {
      freeRows[nFree++] = i;
      affected[i] = 0; // free already: the row loop below need not look at it
    });
    for (let i = 0; i < N; i++) {
      if (!affected[i]) continue;
      affected[i] = 0;
      let best = Infinity;
      for (let e = g.start[i]!, end = g.start[i + 1]!; e < end; e++) {
        const rc = g.cost[e]! - v[g.adj[e]!]!;
        if (rc < best) best = rc;
      }
      if (best >= u[i]!) continue;
      u[i] = best;
      const j = colOf[i]!;
      if (j >= 0) {
        st.rowOf[j] = -1;
        colOf[i] = -1;
      }
      freeRows[nFree++] = i;
    }
    const freed = nFree;
    nFree = rowReduction(g, st, freeRows, nFree, 50 * N);
    for (let k = 0; k < nFree; k++) if (colOf[freeRows[k]!] === -1) search.augment(g, st, freeRows[k]!);
    solveMs += performance.now() - ts;
    if (process.env.DIAG)
      console.log(
        `  warm: ${coveredCols} kolommen verlaagd, ${freed} rijen vrijgemaakt, ${nFree} na de rijreductie, ${(performance.now() - ts).toFixed(0)} ms`,
      );
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
    evaluations,
    dual: { S: 1, U: bestU, P: bestP },
    incrementalChecks,
    incrementalMisses,
    ms: { prune: t1 - t0, solve: solveMs, certify: certMs },
  };
}

/**
 * Warm start, column side: every new edge with negative reduced cost needs its row or its column lowered (and the
 * partner it was matched to freed). Lowering a column's dual fixes all its new edges at once, so columns that many
 * violating rows point at (the popular homes) are lowered — a greedy vertex cover of the violating edges — and only
 * the rows left uncovered are freed by the caller. Duals stay feasible: v only decreases. Returns the columns lowered.
 */
function coverByColumns(
  n: number,
  m: number,
  M: number,
  er: Int32Array,
  ec: Int32Array,
  es: Int32Array,
  from: number,
  E: number,
  st: JvState,
  freed: (row: number) => void,
): number {
  const { u, v, colOf, rowOf } = st;
  const degR = new Int32Array(n),
    degC = new Int32Array(m);
  const negative = (e: number) => M - es[e]! - u[er[e]!]! - v[ec[e]!]! < 0;
  for (let e = from; e < E; e++)
    if (negative(e)) {
      degR[er[e]!]!++;
      degC[ec[e]!]!++;
    }
  const coverC = new Uint8Array(m),
    coverR = new Uint8Array(n);
  let count = 0;
  for (let e = from; e < E; e++) {
    const r = er[e]!,
      c = ec[e]!;
    if (coverC[c] || coverR[r] || !negative(e)) continue;
    if (degC[c]! > degR[r]!) {
      coverC[c] = 1;
      count++;
    } else coverR[r] = 1;
  }
  if (!count) return 0;
  // the lowest dual each lowered column can keep: min over its edges of cost − u (d_c → c has cost M)
  const lowest = new Float64Array(m).fill(Infinity);
  for (let c = 0; c < m; c++) if (coverC[c]) lowest[c] = M - u[n + c]!;
  for (let e = 0; e < E; e++) {
    const c = ec[e]!;
    if (!coverC[c]) continue;
    const h = M - es[e]! - u[er[e]!]!;
    if (h < lowest[c]!) lowest[c] = h;
  }
  for (let c = 0; c < m; c++) {
    if (!coverC[c] || lowest[c]! >= v[c]!) continue;
    v[c] = lowest[c]!;
    const i = rowOf[c]!;
    if (i >= 0) {
      rowOf[c] = -1;
      colOf[i] = -1;
      freed(i);
    }
  }
  return count;
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
