// Little's law as a sanity check on the key figures (issue 13, domain.md §4), shown to toegang beside the exact
// figures: mean occupancy L ≈ λ · W, with λ the in-scope trajectories per night (those ended in the period, the
// steady-state throughput) and W the mean nights per trajectory. Short stays without a trajectory ("bed voor de
// nacht") are in L but not in λ·W, so L is expected to be somewhat higher. A warning when the data cannot satisfy
// the law within LITTLE_TOLERANCE, or when it cannot be checked at all.
import type { KeyFigures, Period } from './kerncijfers.js';

/** Largest relative difference between L and λ·W that still counts as consistent. */
export const LITTLE_TOLERANCE = 0.25;

export interface LittleCheck {
  gemetenBezetting: number | null;
  instroomPerNacht: number | null;
  gemiddeldAantalNachten: number | null;
  verwachteBezetting: number | null;
  /** (L − λW) / λW; null when it cannot be computed. */
  afwijking: number | null;
  klopt: boolean;
  waarschuwing: string | null;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** The check for one period; only past nights count (up to and including yesterday of `today`). */
export function littleCheck(
  k: Pick<KeyFigures, 'gemiddeldeBedbezetting' | 'trajectenBeeindigd' | 'gemiddeldAantalNachten'>,
  period: Period,
  today: string,
): LittleCheck {
  const end = period.to < today ? period.to : today;
  const nights = Math.max(0, Math.round((Date.parse(end) - Date.parse(period.from)) / 86_400_000));
  const L = k.gemiddeldeBedbezetting;
  const W = k.gemiddeldAantalNachten;
  const lambda = nights > 0 ? k.trajectenBeeindigd / nights : null;
  const base = {
    gemetenBezetting: L,
    instroomPerNacht: lambda == null ? null : round(lambda, 3),
    gemiddeldAantalNachten: W,
  };
  if (L == null || lambda == null || W == null || nights === 0)
    return {
      ...base,
      verwachteBezetting: null,
      afwijking: null,
      klopt: false,
      waarschuwing:
        'Niet te controleren: er zijn in deze periode geen afgesloten trajecten of geen verstreken nachten.',
    };
  const expected = lambda * W;
  if (expected === 0)
    return {
      ...base,
      verwachteBezetting: 0,
      afwijking: null,
      klopt: L === 0,
      waarschuwing: L === 0 ? null : 'De bezetting is hoger dan nul, maar de afgesloten trajecten hadden geen nachten.',
    };
  const afwijking = (L - expected) / expected;
  const klopt = Math.abs(afwijking) <= LITTLE_TOLERANCE;
  return {
    ...base,
    verwachteBezetting: round(expected, 1),
    afwijking: round(afwijking, 3),
    klopt,
    waarschuwing: klopt
      ? null
      : `De gegevens voldoen niet aan de wet van Little: de gemeten bezetting (${L}) wijkt ${Math.round(Math.abs(afwijking) * 100)}% af van instroom × verblijfsduur (${round(expected, 1)}). Controleer ontbrekende of open verblijven.`,
  };
}
