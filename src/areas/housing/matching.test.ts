import { describe, expect, it } from 'vitest';
import { createRng } from '../../demo/random.js';
import { addDays } from '../../platform/validation.js';
import { bruteForceMax, buildSparse, greedyAssignment, optimalAssignment, solveSparse } from './assignment.js';
import { compileScorer } from './fastscore.js';
import { estimatedAllowanceCents, evaluatePair, type MatchCandidate, type MatchUnit, rankPairs } from './matching.js';

const today = '2026-11-23';
const unit = (o: Partial<MatchUnit> = {}): MatchUnit => ({
  id: 'u',
  type: 'corporatie',
  municipalityCode: '0505',
  municipalityName: 'Dordrecht',
  rooms: 2,
  rentCents: 60_000,
  householdMin: 1,
  householdMax: 2,
  ageGroup: 'alle',
  supportMax: 'licht',
  availableFrom: '2026-11-01',
  ...o,
});
const cand = (o: Partial<MatchCandidate> = {}): MatchCandidate => ({
  id: 'c',
  householdSize: 1,
  netIncomeCents: 150_000,
  supportLevel: 'licht',
  preferred: [],
  networkCode: null,
  urgency: 'normaal',
  readySince: today,
  age: 40,
  ...o,
});

describe('harde eisen', () => {
  it('huishouden moet passen', () => {
    expect(evaluatePair(unit({ householdMax: 2 }), cand({ householdSize: 3 }), today).feasible).toBe(false);
    expect(
      evaluatePair(unit({ householdMin: 2, householdMax: 4 }), cand({ householdSize: 1 }), today).blockers[0],
    ).toContain('past niet');
    expect(
      evaluatePair(unit({ householdMax: 3 }), cand({ householdSize: 3, netIncomeCents: 250_000 }), today).feasible,
    ).toBe(true);
  });

  it('betaalbaarheid: netto woonlast (huur − geschatte huurtoeslag) ≤ 30% van het inkomen', () => {
    // income € 1.500 (≤ € 2.000 grens): toeslag = 0,6 × (min(huur, 680) − 225); max woonlast = 450
    // huur 600: toeslag 0,6 × 375 = 225 → woonlast 375 ≤ 450: past
    expect(estimatedAllowanceCents(60_000, 150_000, 1)).toBe(22_500);
    expect(evaluatePair(unit({ rentCents: 60_000 }), cand({ netIncomeCents: 150_000 }), today).feasible).toBe(true);
    // huur 800: toeslag 0,6 × 455 = 273 → woonlast 527 > 450: past niet
    const r = evaluatePair(unit({ rentCents: 80_000 }), cand({ netIncomeCents: 150_000 }), today);
    expect(r.feasible).toBe(false);
    expect(r.blockers[0]).toContain('Niet betaalbaar');
    // inkomen € 2.100 (boven de grens): geen toeslag; huur 640 ≤ 630? nee → 640 > 630 past niet, 630 past precies
    expect(estimatedAllowanceCents(64_000, 210_000, 1)).toBe(0);
    expect(evaluatePair(unit({ rentCents: 64_000 }), cand({ netIncomeCents: 210_000 }), today).feasible).toBe(false);
    expect(evaluatePair(unit({ rentCents: 63_000 }), cand({ netIncomeCents: 210_000 }), today).feasible).toBe(true);
    // meerpersoons: grens € 2.700, dus bij € 2.500 wel toeslag
    expect(estimatedAllowanceCents(60_000, 250_000, 2)).toBe(22_500);
    expect(estimatedAllowanceCents(60_000, 250_000, 1)).toBe(0);
  });

  it('ondersteuning moet beschikbaar zijn en Housing First-woningen zijn alleen voor Housing First', () => {
    expect(evaluatePair(unit({ supportMax: 'licht' }), cand({ supportLevel: 'intensief' }), today).feasible).toBe(
      false,
    );
    expect(evaluatePair(unit({ supportMax: 'intensief' }), cand({ supportLevel: 'licht' }), today).feasible).toBe(true);
    expect(
      evaluatePair(
        unit({ type: 'housing-first', supportMax: 'housing-first' }),
        cand({ supportLevel: 'licht' }),
        today,
      ).blockers.join(),
    ).toContain('Housing First');
    expect(
      evaluatePair(
        unit({ type: 'housing-first', supportMax: 'housing-first' }),
        cand({ supportLevel: 'housing-first' }),
        today,
      ).feasible,
    ).toBe(true);
    expect(
      evaluatePair(unit({ supportMax: 'intensief' }), cand({ supportLevel: 'housing-first' }), today).feasible,
    ).toBe(false);
  });

  it('doelgroep leeftijd', () => {
    expect(evaluatePair(unit({ ageGroup: 'jongeren' }), cand({ age: 30 }), today).feasible).toBe(false);
    expect(evaluatePair(unit({ ageGroup: 'jongeren' }), cand({ age: 22 }), today).feasible).toBe(true);
    expect(evaluatePair(unit({ ageGroup: '55plus' }), cand({ age: null }), today).feasible).toBe(false);
  });
});

describe('voorkeuren en uitleg', () => {
  it('telt de punten zoals beschreven', () => {
    // basis 100 + voorkeur 200 + netwerk 150 + 100 dagen + urgent 250 + grootte 50 (2 kamers ≤ 1+1) + marge + direct 25
    // marge: max woonlast 450, woonlast 600 − 225 = 375 → floor(50 × 75 / 450) = 8
    const r = evaluatePair(
      unit(),
      cand({ preferred: ['0505'], networkCode: '0505', readySince: addDays(today, -100), urgency: 'urgent' }),
      today,
    );
    expect(r.score).toBe(100 + 200 + 150 + 100 + 250 + 50 + 8 + 25);
    expect(r.components.map((c) => c.code)).toEqual([
      'basis',
      'voorkeursgemeente',
      'netwerkgemeente',
      'wachttijd',
      'urgentie',
      'grootte',
      'betaalbaarheid',
      'beschikbaar',
    ]);
    // wachttijd maximaal 365 punten
    expect(
      evaluatePair(unit(), cand({ readySince: addDays(today, -800) }), today).components.find(
        (c) => c.code === 'wachttijd',
      )!.punten,
    ).toBe(365);
  });

  it('rangschikt en legt in gewone taal uit waarom iemand hoger of lager staat', () => {
    const u = unit();
    const a = cand({ id: 'a', readySince: addDays(today, -300) }); // 300 wachtpunten tegen b: 200 voorkeur + 10 wacht
    const b = cand({ id: 'b', preferred: ['0505'], readySince: addDays(today, -10) });
    const c = cand({ id: 'c', supportLevel: 'intensief' });
    const ranked = rankPairs([a, b, c].map((x) => ({ item: x, result: evaluatePair(u, x, today), tieKey: x.id })));
    expect(ranked.map((r) => r.item.id)).toEqual(['a', 'b']); // c past niet
    expect(ranked[0]!.uitleg).toMatch(/^Plaats 1 met \d+ punten: voldoet aan alle harde eisen/);
    expect(ranked[0]!.uitleg).toContain('300 dagen woonklaar (+300)');
    expect(ranked[0]!.uitleg).toContain('hoger dan nummer 2 vooral door de wachttijd (290 punten verschil)');
    expect(ranked[1]!.uitleg).toContain('voorkeursgemeente Dordrecht (+200)');
    expect(ranked[1]!.uitleg).toContain('lager dan nummer 1');
  });

  it('de snelle (gecompileerde) score is gelijk aan evaluatePair', () => {
    const rng = createRng(11);
    const gems = ['0505', '0482', '0642', '0590'];
    const units = Array.from({ length: 40 }, (_, i) =>
      unit({
        id: `u${i}`,
        type: rng.pick(['corporatie', 'housing-first', 'skaeve-huse', 'onder-de-pannen']),
        municipalityCode: rng.pick(gems),
        rooms: rng.int(1, 4),
        rentCents: rng.int(30_000, 90_000),
        householdMin: 1,
        householdMax: rng.int(1, 4),
        ageGroup: rng.pick(['alle', 'jongeren', '55plus']),
        supportMax: rng.pick(['geen', 'licht', 'intensief', 'housing-first']),
        availableFrom: addDays(today, rng.int(-20, 20)),
      }),
    );
    const cands = Array.from({ length: 60 }, (_, i) =>
      cand({
        id: `c${i}`,
        householdSize: rng.int(1, 4),
        netIncomeCents: rng.int(90_000, 300_000),
        supportLevel: rng.pick(['geen', 'licht', 'intensief', 'housing-first']),
        preferred: rng.chance(0.5) ? [rng.pick(gems)] : [],
        networkCode: rng.chance(0.5) ? rng.pick(gems) : null,
        urgency: rng.pick(['normaal', 'hoog', 'urgent']),
        readySince: addDays(today, -rng.int(0, 500)),
        age: rng.chance(0.1) ? null : rng.int(18, 80),
      }),
    );
    const score = compileScorer(cands, units, today);
    let feasible = 0;
    for (let r = 0; r < cands.length; r++)
      for (let c = 0; c < units.length; c++) {
        const slow = evaluatePair(units[c]!, cands[r]!, today);
        expect(score(r, c)).toBe(slow.feasible ? slow.score : 0);
        if (slow.feasible) feasible++;
      }
    expect(feasible).toBeGreaterThan(50);
  });
});

describe('optimale toewijzing', () => {
  it('is gelijk aan brute kracht (alle permutaties) op willekeurige kleine gevallen, n ≤ 7', () => {
    const rng = createRng(42);
    let beatsGreedy = 0;
    for (let t = 0; t < 300; t++) {
      const n = rng.int(1, 7),
        m = rng.int(1, 7);
      const w = Array.from({ length: n }, () =>
        Array.from({ length: m }, () => (rng.chance(0.35) ? 0 : rng.int(1, 30))),
      );
      const res = optimalAssignment(n, m, (r, c) => w[r]![c]!, { k: rng.int(1, 3), addPerRow: 1 });
      const best = bruteForceMax(w);
      expect(res.total).toBe(best);
      expect(res.certified).toBe(true);
      // the assignment is a valid matching over feasible pairs and its weights add up to total
      const used = new Set<number>();
      let sum = 0;
      res.rowToCol.forEach((c, r) => {
        if (c >= 0) {
          expect(used.has(c)).toBe(false);
          used.add(c);
          expect(w[r]![c]!).toBeGreaterThan(0);
          sum += w[r]![c]!;
        }
      });
      expect(sum).toBe(best);
      const rows: number[] = [],
        cols: number[] = [],
        ws: number[] = [];
      w.forEach((row, r) => {
        row.forEach((x, c) => {
          if (x > 0) {
            rows.push(r);
            cols.push(c);
            ws.push(x);
          }
        });
      });
      const g = greedyAssignment(n, m, rows, cols, ws);
      expect(g.total).toBeLessThanOrEqual(best);
      if (g.total < best) beatsGreedy++;
    }
    expect(beatsGreedy).toBeGreaterThan(0);
  });

  it('een hand-berekend geval waar gulzig verliest', () => {
    // rows a, b; cols x, y. a–x 10, a–y 9, b–x 8, b–y onhaalbaar. Gulzig: a–x (10), b niets = 10. Optimaal: a–y + b–x = 17.
    const w = [
      [10, 9],
      [8, 0],
    ];
    const p = buildSparse(2, 2, [0, 0, 1], [0, 1, 0], [10, 9, 8]);
    const s = solveSparse(p);
    expect(s.total).toBe(17);
    expect([...s.rowToCol]).toEqual([1, 0]);
    expect(greedyAssignment(2, 2, [0, 0, 1], [0, 1, 0], [10, 9, 8]).total).toBe(10);
    expect(optimalAssignment(2, 2, (r, c) => w[r]![c]!, { k: 1, addPerRow: 1 }).total).toBe(17);
  });

  it('vindt het optimum ook met zware snoei: het certificaat voegt ontbrekende paren toe', () => {
    const rng = createRng(3);
    const n = 60,
      m = 50;
    const w = Array.from({ length: n }, () => Array.from({ length: m }, () => (rng.chance(0.5) ? 0 : rng.int(1, 100))));
    const full = optimalAssignment(n, m, (r, c) => w[r]![c]!, { k: 60 });
    const pruned = optimalAssignment(n, m, (r, c) => w[r]![c]!, { k: 1, addPerRow: 1 });
    expect(pruned.certified).toBe(true);
    expect(pruned.total).toBe(full.total);
    expect(pruned.upperBound).toBe(pruned.total);
  });
});
