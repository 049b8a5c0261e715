// Issue 17 — the draagkracht (carrying capacity) score of a wijk (docs/adr/0019-buurt-en-locaties.md).
// Three pressures, each scaled to the heaviest wijk of the region (0 = none, 1 = as heavy as the heaviest):
//   P = places for vulnerable groups per 1,000 inhabitants,
//   M = nuisance reports of the past 12 months per 1,000 inhabitants,
//   I = one CBS indicator the tenant chooses (e.g. the share of low-income households), higher = heavier.
// druk = (wP·P + wM·M + wI·I) / (wP + wM + wI); draagkracht = round(100 × (1 − druk)).
// A wijk without inhabitants, or an indicator the wijk lacks, counts as 0 for that pressure.

export interface DraagkrachtWeights {
  places: number;
  reports: number;
  indicator: number;
}

export interface WijkPressures {
  placesPer1000: number;
  reportsPer1000: number;
  indicator: number | null;
}

export const DRAAGKRACHT_FORMULA =
  'draagkracht = 100 × (1 − (wP·P + wM·M + wI·I) ÷ (wP + wM + wI)), met P = plekken per 1.000 inwoners, M = meldingen per 1.000 inwoners (12 maanden) en I = de gekozen CBS-indicator, elk gedeeld door de hoogste waarde in de regio.';

export function draagkrachtScores(wijken: readonly WijkPressures[], w: DraagkrachtWeights): number[] {
  const max = (f: (x: WijkPressures) => number) => Math.max(0, ...wijken.map(f));
  const maxP = max((x) => x.placesPer1000);
  const maxM = max((x) => x.reportsPer1000);
  const maxI = max((x) => x.indicator ?? 0);
  const total = w.places + w.reports + w.indicator;
  return wijken.map((x) => {
    if (total <= 0) return 100;
    const p = maxP > 0 ? x.placesPer1000 / maxP : 0;
    const m = maxM > 0 ? x.reportsPer1000 / maxM : 0;
    const i = maxI > 0 ? (x.indicator ?? 0) / maxI : 0;
    const pressure = (w.places * p + w.reports * m + w.indicator * i) / total;
    return Math.round(100 * (1 - pressure));
  });
}

/** Per 1,000 inhabitants, one decimal; 0 for a wijk without inhabitants. */
export function per1000(count: number, inhabitants: number): number {
  return inhabitants > 0 ? Math.round((count / inhabitants) * 10_000) / 10 : 0;
}
