// Issue 17 — the business case of a candidate site (docs/adr/0019-buurt-en-locaties.md). A pure function of the
// site's places and its assumptions, so the API, the preview while editing and the side-by-side comparison all give
// the same figures. Every assumption is visible and editable; the defaults come from seed-figures.json where the
// source has a number (outflow rates, nights per stay) and are otherwise a starting point the tenant overwrites.

/** The policy figures the defaults come from (src/demo/seed-figures.json; the test checks they still match). */
export const SOURCE_FIGURES = {
  /** landelijk.housing_first_slagingskans "80-90%": the midpoint. */
  housingFirstSuccess: 85,
  /** landelijk.maatschappelijke_opvang_slagingskans "40-50%": the midpoint. */
  shelterSuccess: 45,
  /** nachtopvang_dordrecht.gemiddeld_aantal_nachten for 2018 (the latest year given). */
  nightsPerShelterStay: 72,
} as const;

export const ASSUMPTION_KEYS = [
  'investering',
  'kostenPerPlekPerJaar',
  'bezettingsgraad',
  'kostenPerNacht',
  'uitstroomkansLocatie',
  'uitstroomkansOpvang',
  'bewonersPerPlekPerJaar',
  'nachtenPerTerugval',
  'looptijdJaren',
] as const;
export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];
export type Assumptions = Record<AssumptionKey, number>;

/** Label, unit and allowed range of every assumption (the form shows them; the service checks them). */
export const ASSUMPTIONS: Record<AssumptionKey, { label: string; unit: string; min: number; max: number }> = {
  investering: { label: 'Investering (verbouwing, inrichting)', unit: 'euro', min: 0, max: 100_000_000 },
  kostenPerPlekPerJaar: { label: 'Kosten per plek per jaar (huur, begeleiding)', unit: 'euro', min: 0, max: 1_000_000 },
  bezettingsgraad: { label: 'Verwachte bezetting', unit: '%', min: 0, max: 100 },
  kostenPerNacht: { label: 'Kosten van een nacht in de opvang', unit: 'euro', min: 0, max: 10_000 },
  uitstroomkansLocatie: { label: 'Kans op duurzaam wonen vanuit deze plek', unit: '%', min: 0, max: 100 },
  uitstroomkansOpvang: { label: 'Kans op duurzaam wonen vanuit de opvang', unit: '%', min: 0, max: 100 },
  bewonersPerPlekPerJaar: { label: 'Bewoners per plek per jaar', unit: 'personen', min: 0, max: 50 },
  nachtenPerTerugval: { label: 'Opvangnachten bij terugval', unit: 'nachten', min: 0, max: 3650 },
  looptijdJaren: { label: 'Looptijd', unit: 'jaar', min: 1, max: 50 },
};

/** The starting assumptions for a new site: per form where it matters, the tenant's cost per night. */
export function defaultAssumptions(form: string, costPerNight: number): Assumptions {
  const housingFirst = form === 'housing_first';
  const small = form === 'skaeve_huse' || housingFirst;
  return {
    investering: small ? 60_000 : 400_000,
    kostenPerPlekPerJaar: housingFirst ? 16_000 : small ? 20_000 : 24_000,
    bezettingsgraad: 90,
    kostenPerNacht: costPerNight,
    uitstroomkansLocatie: housingFirst ? SOURCE_FIGURES.housingFirstSuccess : SOURCE_FIGURES.shelterSuccess + 15,
    uitstroomkansOpvang: SOURCE_FIGURES.shelterSuccess,
    bewonersPerPlekPerJaar: housingFirst ? 0.5 : 1,
    nachtenPerTerugval: SOURCE_FIGURES.nightsPerShelterStay,
    looptijdJaren: 10,
  };
}

export interface BusinessCaseResult {
  /** plekken × kostenPerPlekPerJaar */
  jaarlijkseKosten: number;
  /** plekken × bezettingsgraad × 365: nights these people would otherwise spend in the shelter */
  bespaardeOpvangnachten: number;
  /** bespaardeOpvangnachten × kostenPerNacht */
  vermedenOpvangkosten: number;
  /** plekken × bezettingsgraad × bewonersPerPlekPerJaar × (uitstroomkansLocatie − uitstroomkansOpvang) */
  extraDuurzaamGehuisvest: number;
  /** extraDuurzaamGehuisvest × nachtenPerTerugval × kostenPerNacht */
  vermedenTerugvalkosten: number;
  /** vermedenOpvangkosten + vermedenTerugvalkosten − jaarlijkseKosten */
  nettoPerJaar: number;
  /** nettoPerJaar × looptijdJaren − investering */
  saldoOverLooptijd: number;
  /** investering / nettoPerJaar, or null when the site never earns the investment back */
  terugverdientijdJaren: number | null;
}

/** The formulas as shown on the page (same order as the result). */
export const FORMULAS: readonly string[] = [
  'jaarlijkse kosten = plekken × kosten per plek per jaar',
  'bespaarde opvangnachten = plekken × bezetting × 365',
  'vermeden opvangkosten = bespaarde opvangnachten × kosten per nacht',
  'extra duurzaam gehuisvest = plekken × bezetting × bewoners per plek per jaar × (kans vanuit deze plek − kans vanuit de opvang)',
  'vermeden terugvalkosten = extra duurzaam gehuisvest × opvangnachten bij terugval × kosten per nacht',
  'netto per jaar = vermeden opvangkosten + vermeden terugvalkosten − jaarlijkse kosten',
  'saldo over de looptijd = netto per jaar × looptijd − investering',
  'terugverdientijd = investering ÷ netto per jaar (alleen als netto per jaar positief is)',
];

const round = (n: number, digits = 0) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

export function computeBusinessCase(places: number, a: Assumptions): BusinessCaseResult {
  const occupied = places * (a.bezettingsgraad / 100);
  const jaarlijkseKosten = places * a.kostenPerPlekPerJaar;
  const bespaardeOpvangnachten = occupied * 365;
  const vermedenOpvangkosten = bespaardeOpvangnachten * a.kostenPerNacht;
  const extra =
    occupied * a.bewonersPerPlekPerJaar * Math.max(0, a.uitstroomkansLocatie - a.uitstroomkansOpvang) * 0.01;
  const vermedenTerugvalkosten = extra * a.nachtenPerTerugval * a.kostenPerNacht;
  const netto = vermedenOpvangkosten + vermedenTerugvalkosten - jaarlijkseKosten;
  return {
    jaarlijkseKosten: round(jaarlijkseKosten),
    bespaardeOpvangnachten: round(bespaardeOpvangnachten),
    vermedenOpvangkosten: round(vermedenOpvangkosten),
    extraDuurzaamGehuisvest: round(extra, 1),
    vermedenTerugvalkosten: round(vermedenTerugvalkosten),
    nettoPerJaar: round(netto),
    saldoOverLooptijd: round(netto * a.looptijdJaren - a.investering),
    terugverdientijdJaren: netto > 0 ? round(a.investering / netto, 1) : null,
  };
}

/** Stored assumptions completed with the defaults (a key added later gets its default). */
export function completeAssumptions(stored: Partial<Record<string, number>>, defaults: Assumptions): Assumptions {
  const out = { ...defaults };
  for (const k of ASSUMPTION_KEYS) {
    const v = stored[k];
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  }
  return out;
}
