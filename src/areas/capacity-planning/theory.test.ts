// Issue 18: the simulator against queueing theory. With Poisson arrivals (rate λ), exponential stays (mean W), c
// places and no reserve, the system is M/M/c/c: the share of arrivals turned away is Erlang-B B(λW, c) and the mean
// occupancy is L = λ·W·(1 − B) (Little's law on the admitted). Each check allows 4 standard errors of the Monte
// Carlo estimate, computed from the spread between the independent runs (not a hand-picked tolerance).
import { describe, expect, it } from 'vitest';
import { erlangB, type SimModel, simulateRuns } from './sim.js';

function mmcc(lambda: number, mean: number, c: number, days: number): SimModel {
  return {
    days,
    ratePerDay: new Float64Array(days).fill(lambda),
    rooms: c,
    reserve: 0,
    stay: { kind: 'exp', mean },
    pNext: 0,
    ready: { kind: 'exp', mean },
    supplyPerDay: 0,
    stayShift: 0,
    minStay: 0,
    initial: 0,
    initialStay: { kind: 'exp', mean },
  };
}

const meanSe = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
  return { mean: m, se: Math.sqrt(v / xs.length) };
};

const CASES = [
  { name: 'licht belast', lambda: 0.5, mean: 20, c: 20 },
  { name: 'de crisisopvang (60 plaatsen)', lambda: 1.4, mean: 38, c: 60 },
  { name: 'zwaar belast (aanbod 1,5 × capaciteit)', lambda: 2, mean: 30, c: 40 },
  { name: 'klein en kort', lambda: 3, mean: 2, c: 5 },
];

describe('het model tegen de wachtrijtheorie (M/M/c/c)', () => {
  for (const k of CASES) {
    it(`${k.name}: aandeel afgewezen = Erlang-B en gemiddelde bezetting = λ·W·(1 − B) binnen de Monte-Carlofout`, () => {
      const years = 3;
      const runs = 200;
      const b = simulateRuns(mmcc(k.lambda, k.mean, k.c, years * 365), 20261202, 0, runs);
      // the first year is the warm-up (the runs start empty); years 2 and 3 are measured
      const blocked: number[] = [];
      const occupancy: number[] = [];
      for (let r = 0; r < runs; r++) {
        let arr = 0;
        let away = 0;
        let occ = 0;
        for (let y = 1; y < years; y++) {
          arr += b.arrivals[r * years + y];
          away += b.turnedAway[r * years + y];
          occ += b.occupiedNights[r * years + y];
        }
        blocked.push(away / arr);
        occupancy.push(occ / ((years - 1) * 365));
      }
      const B = erlangB(k.lambda * k.mean, k.c);
      const L = k.lambda * k.mean * (1 - B);
      const sb = meanSe(blocked);
      const sl = meanSe(occupancy);
      expect(Math.abs(sb.mean - B)).toBeLessThanOrEqual(4 * sb.se + 1e-3);
      expect(Math.abs(sl.mean - L)).toBeLessThanOrEqual(4 * sl.se + 1e-3 * L);
      // and the check has power: the Monte Carlo error is small compared with the quantities
      expect(sl.se).toBeLessThan(0.02 * L);
    });
  }

  it('Erlang-B zelf: bekende waarden', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 10);
    expect(erlangB(2, 2)).toBeCloseTo(0.4, 10);
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 3);
  });

  it('dezelfde seed geeft hetzelfde resultaat, ook als de runs anders over threads verdeeld zijn', () => {
    const m = mmcc(1.4, 38, 60, 400);
    const all = simulateRuns(m, 7, 0, 10);
    const part = simulateRuns(m, 7, 5, 5);
    expect(Array.from(part.turnedAway)).toEqual(Array.from(all.turnedAway.slice(5 * 2)));
    expect(Array.from(simulateRuns(m, 8, 0, 10).arrivals)).not.toEqual(Array.from(all.arrivals));
  });
});
