// The same rules as evaluatePair (matching.ts), compiled to typed arrays for the full-matrix passes of the batch
// assignment (10^8 pairs at 10,000 × 10,000). matching.test.ts checks that both give identical scores.

import { daysBetween } from '../../platform/validation.js';
import type { MonotoneGroups, ScoreFn } from './assignment.js';
import {
  AFFORDABILITY,
  evaluatePair,
  type MatchCandidate,
  type MatchUnit,
  POINTS,
  rankPairs,
  supportRank,
  URGENCIES,
} from './matching.js';

const HF = supportRank('housing-first');

export function compileScorer(
  candidates: MatchCandidate[],
  units: MatchUnit[],
  today: string,
): ScoreFn & { rowBase: Int32Array; groups: MonotoneGroups } {
  const muni = new Map<string, number>();
  const idx = (code: string) => {
    let i = muni.get(code);
    if (i === undefined) {
      i = muni.size;
      muni.set(code, i);
    }
    return i;
  };
  const nU = units.length,
    nC = candidates.length;
  const uMin = new Int32Array(nU),
    uMax = new Int32Array(nU),
    uRent = new Int32Array(nU),
    uSup = new Int8Array(nU),
    uHF = new Uint8Array(nU);
  const uAge = new Uint8Array(nU),
    uMuni = new Int32Array(nU),
    uRooms = new Int32Array(nU),
    uAvail = new Uint8Array(nU);
  units.forEach((u, i) => {
    uMin[i] = u.householdMin;
    uMax[i] = u.householdMax;
    uRent[i] = u.rentCents;
    uSup[i] = supportRank(u.supportMax);
    uHF[i] = u.type === 'housing-first' ? 1 : 0;
    uAge[i] = u.ageGroup === 'jongeren' ? 1 : u.ageGroup === '55plus' ? 2 : 0;
    uMuni[i] = idx(u.municipalityCode);
    uRooms[i] = u.rooms;
    uAvail[i] = u.availableFrom <= today ? 1 : 0;
  });
  const cHs = new Int32Array(nC),
    cInc = new Int32Array(nC),
    cMax = new Int32Array(nC),
    cSup = new Int8Array(nC),
    cYoung = new Uint8Array(nC),
    cOld = new Uint8Array(nC);
  const cNet = new Int32Array(nC).fill(-1),
    cBase = new Int32Array(nC);
  const cPrefLo = new Uint32Array(nC),
    cPrefHi = new Uint32Array(nC);
  const cPrefSet: (Set<number> | null)[] = new Array(nC).fill(null);
  candidates.forEach((c, i) => {
    cHs[i] = c.householdSize;
    cInc[i] = c.netIncomeCents;
    cMax[i] = Math.floor(c.netIncomeCents * AFFORDABILITY.maxShare);
    cSup[i] = supportRank(c.supportLevel);
    cYoung[i] = c.age !== null && c.age >= 18 && c.age <= 27 ? 1 : 0;
    cOld[i] = c.age !== null && c.age >= 55 ? 1 : 0;
    // municipality indices: only those that occur among the units matter
    if (c.networkCode && muni.has(c.networkCode)) cNet[i] = muni.get(c.networkCode)!;
    for (const p of c.preferred) {
      const m = muni.get(p);
      if (m === undefined) continue;
      if (m < 32) cPrefLo[i] = (cPrefLo[i]! | (1 << m)) >>> 0;
      else if (m < 64) cPrefHi[i] = (cPrefHi[i]! | (1 << (m - 32))) >>> 0;
      else {
        cPrefSet[i] ??= new Set();
        cPrefSet[i].add(m);
      }
    }
    const waited = Math.max(0, daysBetween(c.readySince, today));
    cBase[i] =
      POINTS.basis +
      Math.min(POINTS.wachttijdMax, waited * POINTS.wachttijdPerDag) +
      (URGENCIES.find((x) => x.code === c.urgency)?.points ?? 0);
  });
  const {
    incomeLimitSingleCents: LS,
    incomeLimitMultiCents: LM,
    capRentCents: CAP,
    baseRentCents: BASE,
    allowanceShare: SHARE,
  } = AFFORDABILITY;
  const P_PREF = POINTS.voorkeursgemeente,
    P_NET = POINTS.netwerkgemeente,
    P_SIZE = POINTS.passendeGrootte,
    P_MARGIN = POINTS.betaalbaarheidMarge,
    P_AVAIL = POINTS.directBeschikbaar;
  /** Score of candidate r for unit c; 0 = infeasible. */
  const fn = (r: number, c: number): number => {
    const hs = cHs[r]!;
    if (hs < uMin[c]! || hs > uMax[c]!) return 0;
    const s = cSup[r]!;
    if (s > uSup[c]! || (uHF[c] === 1 && s !== HF)) return 0;
    const ag = uAge[c]!;
    if ((ag === 1 && cYoung[r] === 0) || (ag === 2 && cOld[r] === 0)) return 0;
    const income = cInc[r]!,
      rent = uRent[c]!;
    let allow = 0;
    if (income <= (hs > 1 ? LM : LS)) {
      const part = (rent < CAP ? rent : CAP) - BASE;
      if (part > 0) allow = Math.floor(part * SHARE);
    }
    const cost = rent - allow,
      maxCost = cMax[r]!;
    if (cost > maxCost) return 0;
    let score = cBase[r]!;
    const m = uMuni[c]!;
    if (m < 32 ? (cPrefLo[r]! >>> m) & 1 : m < 64 ? (cPrefHi[r]! >>> (m - 32)) & 1 : cPrefSet[r]?.has(m))
      score += P_PREF;
    if (cNet[r] === m) score += P_NET;
    if (uRooms[c]! <= hs + 1) score += P_SIZE;
    if (maxCost > 0) score += Math.floor((P_MARGIN * (maxCost - cost)) / maxCost);
    if (uAvail[c] === 1) score += P_AVAIL;
    return score;
  };
  /** The part of every score of cliënt r that does not depend on the woonplek (basis, wachttijd, urgentie). */
  return Object.assign(fn, { rowBase: cBase, groups: monotoneGroups(units, uMuni, uAvail, SHARE) });
}

/**
 * Woonplekken that differ only in rent, in groups sorted by rent (see MonotoneGroups in assignment.ts). Within a
 * group every rule but affordability is the same for a given cliënt; the net cost rent − toeslag never falls when the
 * rent rises (the toeslag grows by at most `allowanceShare` ≤ 1 per cent of rent), so the margin points never rise
 * and once a home is too expensive every dearer one is too. matching.test.ts checks the order for random cases.
 */
function monotoneGroups(units: MatchUnit[], uMuni: Int32Array, uAvail: Uint8Array, share: number): MonotoneGroups {
  if (!(share >= 0 && share <= 1)) throw new Error('toewijzing: huurtoeslagaandeel buiten 0..1');
  const byKey = new Map<string, number[]>();
  units.forEach((u, i) => {
    const key = [
      uMuni[i],
      u.householdMin,
      u.householdMax,
      u.supportMax,
      u.type === 'housing-first' ? 1 : 0,
      u.ageGroup,
      u.rooms,
      uAvail[i],
    ].join('|');
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const groupStart = new Int32Array(byKey.size + 1);
  const order = new Int32Array(units.length);
  let p = 0,
    g = 0;
  for (const list of byKey.values()) {
    groupStart[g++] = p;
    list.sort((a, b) => units[a]!.rentCents - units[b]!.rentCents || a - b);
    for (const i of list) order[p++] = i;
  }
  groupStart[g] = p;
  return { groupStart, order };
}

/**
 * Ranked list for one woonplek: score all candidates with the compiled rules, keep the best `limit` (ties: earliest
 * woonklaar, then id), and build the full explanation only for those (plus one, so the last one can be compared).
 */
export function rankCandidatesForUnit(unit: MatchUnit, candidates: MatchCandidate[], today: string, limit: number) {
  const score = compileScorer(candidates, [unit], today);
  const idx: number[] = [];
  const s = new Int32Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    s[i] = score(i, 0);
    if (s[i]! > 0) idx.push(i);
  }
  const tie = (i: number) => candidates[i]!.readySince + '|' + candidates[i]!.id;
  idx.sort((a, b) => s[b]! - s[a]! || (tie(a) < tie(b) ? -1 : tie(a) > tie(b) ? 1 : 0));
  const top = idx.slice(0, limit + 1);
  const ranked = rankPairs(
    top.map((i) => ({ item: candidates[i]!, result: evaluatePair(unit, candidates[i]!, today), tieKey: tie(i) })),
  ).slice(0, limit);
  return { ranked, feasible: idx.length };
}
