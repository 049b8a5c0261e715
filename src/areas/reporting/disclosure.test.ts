import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { cellKeyOf, cellKeySql, MAX_DEVIATION, perturb, possibleTrueValues, recordKey } from './disclosure.js';

// The cell key method (issue 13): the perturbation table's promises, and 10,000+ seeded differencing and linking
// attacks on synthetic tenants that must never pin a count of 1–4 to a single value.

/** Seeded PRNG (mulberry32): the same attacks on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the perturbation table', () => {
  const keys = Array.from({ length: 20_000 }, (_, i) => (i + 0.5) / 20_000);
  it('keeps a true zero at zero and never publishes 1 or 2', () => {
    const wrong: string[] = [];
    for (const k of keys) if (perturb(0, k) !== 0) wrong.push(`0 → ${perturb(0, k)}`);
    for (let n = 1; n <= 30; n++)
      for (const k of keys) {
        const p = perturb(n, k);
        if (p === 1 || p === 2 || Math.abs(p - n) > MAX_DEVIATION || p < 0) wrong.push(`${n} → ${p} (sleutel ${k})`);
      }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
  it('has mean deviation 0 and variance 1 from 5 persons on', () => {
    for (const n of [5, 6, 17, 250]) {
      const d = keys.map((k) => perturb(n, k) - n);
      const mean = d.reduce((a, b) => a + b, 0) / d.length;
      const variance = d.reduce((a, b) => a + (b - mean) ** 2, 0) / d.length;
      expect(Math.abs(mean)).toBeLessThan(0.001);
      expect(Math.abs(variance - 1)).toBeLessThan(0.001);
    }
  });
  it('gives the same published value for the same records, whatever their order', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const k1 = cellKeyOf('geheim', ids);
    const k2 = cellKeyOf('geheim', [...ids].reverse());
    expect(k1).toBe(k2);
    expect(perturb(4, k1)).toBe(perturb(4, k2));
    expect(cellKeyOf('ander-geheim', ids)).not.toBe(k1);
  });
  it('makes cell keys additive over disjoint sets (the key of a union is the sum of the keys, modulo 1)', () => {
    const a = cellKeyOf('s', ['1', '2']);
    const b = cellKeyOf('s', ['3']);
    expect(Math.abs(((a + b) % 1) - cellKeyOf('s', ['1', '2', '3']))).toBeLessThan(1e-12);
    expect(recordKey('s', '3')).toBeCloseTo(b, 12);
  });
  it('computes the same cell key in the database as in the application (also over distinct ids)', async () => {
    const database = await createTestDatabase();
    try {
      const ids = ['c1', 'c2', 'c3', 'a-much-longer-record-id-7f3e'];
      const r = await sql<{ k: number; d: number }>`
        select ${cellKeySql('geheim', sql.ref('v.id'))} as k, ${cellKeySql('geheim', sql.ref('v.id'), { distinct: true })} as d
        from (values ('c1'), ('c2'), ('c3'), ('a-much-longer-record-id-7f3e'), ('c1')) v(id)
      `.execute(database.db);
      expect(r.rows[0]!.d).toBeCloseTo(cellKeyOf('geheim', ids), 12);
      expect(r.rows[0]!.k).toBeCloseTo(cellKeyOf('geheim', [...ids, 'c1']), 12);
    } finally {
      await database.close();
    }
  });
  it('leaves every published value consistent with at least three true values', () => {
    for (let p = 0; p < 60; p++) {
      if (p === 1 || p === 2) continue;
      expect(possibleTrueValues(p).length).toBeGreaterThanOrEqual(3);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// The attacker. Records have a month, a household type, an age group and a facility; a cell is the set of records
// matching a period (set of months) and filter values, and its published value is perturb(|cell|, key(cell)).
// An attack is a family of cells the attacker requests. Their exact relations are known to the attacker (cells are
// unions of the atoms of the family's finest partition), so the attacker solves for the atoms: every assignment of
// counts to atoms whose cell sums are all possible behind the published values. A count is pinned when all
// feasible assignments give it the same value and that value is 1–4 (an atom, or any cell of the family).

interface Rec {
  id: string;
  month: number;
  gezin: boolean;
  age: number;
  facility: number;
  key: bigint;
}
type Cell = (r: Rec) => boolean;

function population(seed: number, size: number, secret: string): Rec[] {
  const rand = rng(seed);
  return Array.from({ length: size }, (_, i) => {
    const id = `${seed}-${i}`;
    return {
      id,
      month: Math.floor(rand() * 12),
      gezin: rand() < 0.15,
      age: Math.floor(rand() * 4),
      facility: rand() < 0.7 ? 0 : rand() < 0.6 ? 1 : 2,
      key: BigInt(Math.round(recordKey(secret, id) * 2 ** 52)),
    };
  });
}

const TWO52 = 2n ** 52n;
function publish(recs: Rec[]): number {
  let sum = 0n;
  for (const r of recs) sum += r.key;
  return perturb(recs.length, Number(sum % TWO52) / 2 ** 52);
}

/** All feasible values of every atom and every cell, or null when the search is too large to be exhaustive. */
function attackerSolve(
  cells: number[][],
  published: number[],
  atomCount: number,
): { atoms: Set<number>[]; cells: Set<number>[] } {
  const allowed = published.map((p) => new Set(possibleTrueValues(p)));
  const maxOf = published.map((p) => Math.max(...possibleTrueValues(p)));
  const minOf = published.map((p) => Math.min(...possibleTrueValues(p)));
  const upper = Array.from({ length: atomCount }, (_, a) =>
    Math.min(...cells.map((c, i) => (c.includes(a) ? maxOf[i]! : Number.POSITIVE_INFINITY))),
  );
  const atoms = Array.from({ length: atomCount }, () => new Set<number>());
  const cellVals = cells.map(() => new Set<number>());
  const v = new Array<number>(atomCount).fill(0);
  const lastAtom = cells.map((c) => Math.max(...c));
  const search = (a: number) => {
    if (a === atomCount) {
      const sums = cells.map((c) => c.reduce((s, x) => s + v[x]!, 0));
      if (!sums.every((s, i) => allowed[i]!.has(s))) return;
      for (const [i, x] of v.entries()) atoms[i]!.add(x);
      for (const [i, s] of sums.entries()) cellVals[i]!.add(s);
      return;
    }
    for (let x = 0; x <= upper[a]!; x++) {
      v[a] = x;
      // prune: a cell whose atoms are all assigned must be possible; partial sums may not exceed the maximum
      let ok = true;
      for (let i = 0; i < cells.length && ok; i++) {
        let s = 0;
        for (const y of cells[i]!) if (y <= a) s += v[y]!;
        if (s > maxOf[i]!) ok = false;
        else if (lastAtom[i] === a && (s < minOf[i]! || !allowed[i]!.has(s))) ok = false;
      }
      if (ok) search(a + 1);
    }
  };
  search(0);
  return { atoms, cells: cellVals };
}

/** An attack: a family of cells (predicates) over one population. */
type Attack = { kind: string; cells: Cell[] };

function randomAttack(rand: () => number): Attack {
  const m = Math.floor(rand() * 10);
  const fac = Math.floor(rand() * 3);
  const age = Math.floor(rand() * 4);
  const inMonths =
    (...ms: number[]): Cell =>
    (r) =>
      ms.includes(r.month);
  const and =
    (...ps: Cell[]): Cell =>
    (r) =>
      ps.every((p) => p(r));
  const gezin: Cell = (r) => r.gezin;
  const alleen: Cell = (r) => !r.gezin;
  const atFac: Cell = (r) => r.facility === fac;
  const ofAge: Cell = (r) => r.age === age;
  switch (Math.floor(rand() * 6)) {
    case 0: // a filter, its complement and the total (totals minus visible cells)
      return { kind: 'complement', cells: [inMonths(m), and(inMonths(m), gezin), and(inMonths(m), alleen)] };
    case 1: // overlapping periods: two two-month windows, their union and the single months
      return {
        kind: 'overlapping periods',
        cells: [
          inMonths(m, m + 1),
          inMonths(m + 1, m + 2),
          inMonths(m, m + 1, m + 2),
          inMonths(m),
          inMonths(m + 2),
        ].map((c) => and(c, atFac)),
      };
    case 2: // a quarter against its months (differences of totals)
      return {
        kind: 'quarter minus months',
        cells: [inMonths(m, m + 1, m + 2), inMonths(m), inMonths(m + 1), inMonths(m + 2)].map((c) => and(c, gezin)),
      };
    case 3: // cross-filters: facility × household type × age group, with their margins
      return {
        kind: 'cross filters',
        cells: [
          and(inMonths(m), atFac),
          and(inMonths(m), atFac, gezin),
          and(inMonths(m), atFac, ofAge),
          and(inMonths(m), atFac, gezin, ofAge),
          and(inMonths(m), atFac, alleen, ofAge),
        ],
      };
    case 4: // share × total: the share's numerator is the published numerator, plus the denominator and its rest
      return {
        kind: 'share times total',
        cells: [
          and(inMonths(m, m + 1, m + 2), atFac),
          and(inMonths(m, m + 1, m + 2), atFac, ofAge),
          and(inMonths(m, m + 1, m + 2), atFac, (r) => r.age !== age),
        ],
      };
    default: // linking: the same small group reached through different filters, with margins
      return {
        kind: 'linking',
        cells: [
          and(inMonths(m), gezin, atFac),
          and(inMonths(m), gezin, ofAge),
          and(inMonths(m), gezin),
          and(inMonths(m), gezin, atFac, ofAge),
        ],
      };
  }
}

/** Runs one attack; returns a description of a pinned count, or null. */
function runAttack(recs: Rec[], attack: Attack): { pinned: string | null; smallTargets: number } {
  // the finest partition: records by their membership signature over the family's cells
  const sig = new Map<string, Rec[]>();
  for (const r of recs) {
    const s = attack.cells.map((c) => (c(r) ? '1' : '0')).join('');
    if (!s.includes('1')) continue;
    sig.set(s, [...(sig.get(s) ?? []), r]);
  }
  // atoms also include every empty signature the attacker cannot rule out: only the non-empty ones matter for
  // the truth, but the attacker does not know which are empty, so use all signatures of the family
  const signatures = new Set<string>(sig.keys());
  const n = attack.cells.length;
  for (let bits = 1; bits < 1 << n; bits++) {
    const s = Array.from({ length: n }, (_, i) => ((bits >> i) & 1 ? '1' : '0')).join('');
    if (possibleSignature(attack, s)) signatures.add(s);
  }
  const atomList = [...signatures];
  const cells = attack.cells.map((_, i) => atomList.flatMap((s, a) => (s[i] === '1' ? [a] : [])));
  const published = attack.cells.map((c) => publish(recs.filter(c)));
  const truthAtoms = atomList.map((s) => sig.get(s)?.length ?? 0);
  const truthCells = attack.cells.map((c) => recs.filter(c).length);
  const sol = attackerSolve(cells, published, atomList.length);
  const small = (x: number) => x >= 1 && x <= 4;
  const pinnedSet = (s: Set<number>) => s.size === 1 && small([...s][0]!);
  let smallTargets = 0;
  for (const [a, t] of truthAtoms.entries()) {
    if (small(t)) smallTargets++;
    if (pinnedSet(sol.atoms[a]!)) return { pinned: `${attack.kind}: atom ${atomList[a]} = ${t}`, smallTargets };
  }
  for (const [i, t] of truthCells.entries()) {
    if (small(t)) smallTargets++;
    if (pinnedSet(sol.cells[i]!)) return { pinned: `${attack.kind}: cell ${i} = ${t}`, smallTargets };
  }
  return { pinned: null, smallTargets };
}

/**
 * Which membership signatures are logically possible for a family (e.g. "in month m but not in months m..m+2" is
 * not): decided by the structure of the predicates, probed on a grid of all attribute combinations.
 */
const PROBES: Rec[] = [];
for (let month = 0; month < 12; month++)
  for (const gezin of [false, true])
    for (let age = 0; age < 4; age++)
      for (let facility = 0; facility < 3; facility++) PROBES.push({ id: '', month, gezin, age, facility, key: 0n });
function possibleSignature(attack: Attack, s: string): boolean {
  return PROBES.some((r) => attack.cells.map((c) => (c(r) ? '1' : '0')).join('') === s);
}

describe('differencing and linking attacks on the cell key method', () => {
  it('pin no count of 1–4 in 12,000 seeded attacks on synthetic tenants (small and larger)', () => {
    const rand = rng(20261202);
    const tenants = [
      population(1, 40, 'geheim-klein-1'),
      population(2, 90, 'geheim-klein-2'),
      population(3, 250, 'geheim-middel'),
      population(4, 600, 'geheim-groot'),
    ];
    const pinned: string[] = [];
    let smallTargets = 0;
    let attacks = 0;
    for (; attacks < 12_000; attacks++) {
      const recs = tenants[attacks % tenants.length]!;
      const r = runAttack(recs, randomAttack(rand));
      smallTargets += r.smallTargets;
      if (r.pinned) pinned.push(r.pinned);
    }
    expect(pinned.slice(0, 5)).toEqual([]);
    // the attacks did aim at small counts
    expect(smallTargets).toBeGreaterThan(5_000);
  });

  it('would pin counts without the method: the same attacks on exact figures do pin (the test can fail)', () => {
    const rand = rng(7);
    const recs = population(1, 40, 'x');
    // exact publication: the attacker sees the true values, so every small cell is pinned at once
    let pins = 0;
    for (let i = 0; i < 200; i++) {
      const attack = randomAttack(rand);
      const truth = attack.cells.map((c) => recs.filter(c).length);
      if (truth.some((t) => t >= 1 && t <= 4)) pins++;
    }
    expect(pins).toBeGreaterThan(50);
    // and an independent noise draw per request (no cell key) is pinned by repeating the request
    const noisy = (n: number, draw: number) => perturb(n, draw);
    const seen = new Set<number>();
    for (let d = 0; d < 50; d++) seen.add(noisy(2, rng(d)()));
    const candidates = [...seen].map((p) => new Set(possibleTrueValues(p)));
    const common = [0, 1, 2, 3, 4, 5, 6].filter((v) => candidates.every((c) => c.has(v)));
    expect(common).toEqual([2]);
  });
});
