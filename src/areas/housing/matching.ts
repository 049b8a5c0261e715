// Matching of woonklare cliënten to woonplekken (issue 5): hard constraints, preference points and a plain-Dutch
// explanation per pair. Pure functions, no database: the services, the batch assignment and the benchmark all
// use the same rules. Money in euro cents, dates 'YYYY-MM-DD'.
import { daysBetween } from '../../platform/validation.js';

export const SUPPORT_LEVELS = [
  { code: 'geen', label: 'geen begeleiding' },
  { code: 'licht', label: 'lichte ambulante begeleiding' },
  { code: 'intensief', label: 'intensieve ambulante begeleiding' },
  { code: 'housing-first', label: 'Housing First (intensief, direct in eigen woning)' },
] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number]['code'];
export const supportRank = (s: string) => SUPPORT_LEVELS.findIndex((x) => x.code === s);
export const supportLabel = (s: string) => SUPPORT_LEVELS.find((x) => x.code === s)?.label ?? s;

export const UNIT_TYPES = [
  { code: 'corporatie', label: 'Reguliere corporatiewoning', exit: 'huur-corporatie' },
  { code: 'housing-first', label: 'Housing First-woning', exit: 'housing-first' },
  { code: 'skaeve-huse', label: 'Skaeve Huse-woning', exit: 'skaeve-huse' },
  { code: 'tussenvoorziening', label: 'Tussenvoorziening', exit: 'tussenvoorziening' },
  {
    code: 'onder-de-pannen',
    label: 'Kamer bij een gastgezin (Onder de Pannen / Kamers met Aandacht)',
    exit: 'onder-de-pannen',
  },
] as const;
export type UnitType = (typeof UNIT_TYPES)[number]['code'];

export const AGE_GROUPS = [
  { code: 'alle', label: 'alle leeftijden' },
  { code: 'jongeren', label: 'jongeren (18 t/m 27 jaar)' },
  { code: '55plus', label: '55 jaar en ouder' },
] as const;
export const URGENCIES = [
  { code: 'normaal', label: 'normaal', points: 0 },
  { code: 'hoog', label: 'hoog', points: 100 },
  { code: 'urgent', label: 'urgent', points: 250 },
] as const;
export const UNIT_STATUSES = ['beschikbaar', 'aangeboden', 'verhuurd', 'niet-beschikbaar'] as const;
export const CANDIDATE_STATUSES = ['woonklaar', 'gehuisvest', 'ingetrokken'] as const;

/**
 * Betaalbaarheid — vuistregel, expliciet:
 *   netto woonlast = kale huur − geschatte huurtoeslag  ≤  30% van het netto maandinkomen.
 * Geschatte huurtoeslag: alleen als het netto inkomen onder de inkomensgrens ligt (€ 2.000 voor één persoon,
 * € 2.700 voor een meerpersoonshuishouden); dan 60% van het deel van de huur tussen de basishuur (€ 225) en de
 * aftoppingsgrens (€ 680). Dit is een schatting voor de matching, geen toeslagberekening van de Belastingdienst.
 */
export const AFFORDABILITY = {
  maxShare: 0.3,
  incomeLimitSingleCents: 200_000,
  incomeLimitMultiCents: 270_000,
  baseRentCents: 22_500,
  capRentCents: 68_000,
  allowanceShare: 0.6,
  uitleg:
    'Betaalbaar als de netto woonlast (huur min geschatte huurtoeslag) hoogstens 30% van het netto maandinkomen is. Huurtoeslag (vuistregel): bij een netto inkomen onder € 2.000 (alleenstaand) of € 2.700 (meerpersoons) 60% van het deel van de huur tussen € 225 en € 680.',
};

/** Preference points (all integers, so totals are exact). */
export const POINTS = {
  basis: 100,
  voorkeursgemeente: 200,
  netwerkgemeente: 150,
  wachttijdPerDag: 1,
  wachttijdMax: 365,
  passendeGrootte: 50,
  betaalbaarheidMarge: 50,
  directBeschikbaar: 25,
};

/**
 * Eerlijkheidsregel ("wachttijdweging"): elke dag woonklaar telt 1 punt, tot 365. Die punten tellen mee bij elke
 * woonplek die de cliënt kan krijgen, dus in de optimale toewijzing wint bij schaarste wie het langst wacht
 * (bij verder gelijke passendheid); na een jaar groeit het voordeel niet verder, zodat passendheid blijft tellen.
 */
export const FAIRNESS_RULE =
  'Wachttijdweging: 1 punt per dag woonklaar (maximaal 365). Bij schaarste krijgt wie het langst wacht voorrang, bij verder gelijke passendheid.';

export interface MatchUnit {
  id: string;
  type: string;
  municipalityCode: string;
  municipalityName?: string;
  rooms: number;
  rentCents: number;
  householdMin: number;
  householdMax: number;
  ageGroup: string;
  supportMax: string;
  availableFrom: string;
}
export interface MatchCandidate {
  id: string;
  householdSize: number;
  netIncomeCents: number;
  supportLevel: string;
  preferred: string[];
  networkCode: string | null;
  urgency: string;
  readySince: string;
  age: number | null;
}
export interface Component {
  code: string;
  label: string;
  punten: number;
}
export interface PairResult {
  feasible: boolean;
  score: number;
  components: Component[];
  blockers: string[];
  housingCostCents: number;
  allowanceCents: number;
  maxCostCents: number;
}

const euro = (cents: number) =>
  '€ ' + (cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: 0 });

export function estimatedAllowanceCents(rentCents: number, incomeCents: number, householdSize: number): number {
  const limit = householdSize > 1 ? AFFORDABILITY.incomeLimitMultiCents : AFFORDABILITY.incomeLimitSingleCents;
  if (incomeCents > limit) return 0;
  const part = Math.min(rentCents, AFFORDABILITY.capRentCents) - AFFORDABILITY.baseRentCents;
  return part > 0 ? Math.floor(part * AFFORDABILITY.allowanceShare) : 0;
}

function ageFits(group: string, age: number | null): boolean {
  if (group === 'jongeren') return age !== null && age >= 18 && age <= 27;
  if (group === '55plus') return age !== null && age >= 55;
  return true;
}

/** Hard constraints and preference points of one (woonplek, kandidaat) pair, with the reasons in Dutch. */
export function evaluatePair(u: MatchUnit, c: MatchCandidate, today: string): PairResult {
  const blockers: string[] = [];
  if (c.householdSize < u.householdMin || c.householdSize > u.householdMax) {
    blockers.push(
      `Huishouden van ${c.householdSize} past niet (woonplek is voor ${u.householdMin === u.householdMax ? u.householdMin : `${u.householdMin}–${u.householdMax}`} ${u.householdMax === 1 ? 'persoon' : 'personen'}).`,
    );
  }
  const allowance = estimatedAllowanceCents(u.rentCents, c.netIncomeCents, c.householdSize);
  const cost = u.rentCents - allowance;
  const maxCost = Math.floor(c.netIncomeCents * AFFORDABILITY.maxShare);
  if (cost > maxCost)
    blockers.push(
      `Niet betaalbaar: netto woonlast ${euro(cost)} (huur ${euro(u.rentCents)} min geschatte huurtoeslag ${euro(allowance)}) is meer dan 30% van het inkomen (${euro(maxCost)}).`,
    );
  const need = supportRank(c.supportLevel),
    avail = supportRank(u.supportMax);
  if (need > avail)
    blockers.push(
      `Benodigde ondersteuning (${supportLabel(c.supportLevel)}) is hier niet beschikbaar (hoogstens ${supportLabel(u.supportMax)}).`,
    );
  if (u.type === 'housing-first' && c.supportLevel !== 'housing-first')
    blockers.push('Housing First-woningen zijn alleen voor kandidaten met een Housing First-indicatie.');
  if (!ageFits(u.ageGroup, c.age))
    blockers.push(
      `Doelgroep is ${AGE_GROUPS.find((a) => a.code === u.ageGroup)?.label ?? u.ageGroup}${c.age === null ? ' (leeftijd onbekend)' : ` (cliënt is ${c.age})`}.`,
    );
  if (blockers.length)
    return {
      feasible: false,
      score: 0,
      components: [],
      blockers,
      housingCostCents: cost,
      allowanceCents: allowance,
      maxCostCents: maxCost,
    };

  const components: Component[] = [
    {
      code: 'basis',
      label: 'Voldoet aan alle harde eisen (huishouden, betaalbaarheid, ondersteuning, doelgroep)',
      punten: POINTS.basis,
    },
  ];
  const gemeente = u.municipalityName ?? u.municipalityCode;
  if (c.preferred.includes(u.municipalityCode))
    components.push({
      code: 'voorkeursgemeente',
      label: `Ligt in voorkeursgemeente ${gemeente}`,
      punten: POINTS.voorkeursgemeente,
    });
  if (c.networkCode && c.networkCode === u.municipalityCode)
    components.push({
      code: 'netwerkgemeente',
      label: `Dicht bij het netwerk (${gemeente})`,
      punten: POINTS.netwerkgemeente,
    });
  const waited = Math.max(0, daysBetween(c.readySince, today));
  const wait = Math.min(POINTS.wachttijdMax, waited * POINTS.wachttijdPerDag);
  if (wait > 0)
    components.push({
      code: 'wachttijd',
      label: `${waited} ${waited === 1 ? 'dag' : 'dagen'} woonklaar${waited > POINTS.wachttijdMax ? ' (maximaal 365 punten)' : ''}`,
      punten: wait,
    });
  const urg = URGENCIES.find((x) => x.code === c.urgency)?.points ?? 0;
  if (urg > 0) components.push({ code: 'urgentie', label: `Urgentie ${c.urgency}`, punten: urg });
  if (u.rooms <= c.householdSize + 1)
    components.push({
      code: 'grootte',
      label: `Passende grootte (${u.rooms} ${u.rooms === 1 ? 'kamer' : 'kamers'} voor ${c.householdSize} ${c.householdSize === 1 ? 'persoon' : 'personen'})`,
      punten: POINTS.passendeGrootte,
    });
  const margin = maxCost > 0 ? Math.floor((POINTS.betaalbaarheidMarge * (maxCost - cost)) / maxCost) : 0;
  if (margin > 0)
    components.push({
      code: 'betaalbaarheid',
      label: `Ruim betaalbaar: netto woonlast ${euro(cost)} van maximaal ${euro(maxCost)}`,
      punten: margin,
    });
  if (u.availableFrom <= today)
    components.push({ code: 'beschikbaar', label: 'Direct beschikbaar', punten: POINTS.directBeschikbaar });
  const score = components.reduce((s, x) => s + x.punten, 0);
  return {
    feasible: true,
    score,
    components,
    blockers,
    housingCostCents: cost,
    allowanceCents: allowance,
    maxCostCents: maxCost,
  };
}

export interface Ranked<T> {
  item: T;
  result: PairResult;
  rank: number;
  uitleg: string;
}

/** Sorts feasible pairs by score (ties: longest waiting, then id) and explains each position in plain Dutch. */
export function rankPairs<T>(pairs: { item: T; result: PairResult; tieKey: string }[]): Ranked<T>[] {
  const ok = pairs
    .filter((p) => p.result.feasible)
    .sort((a, b) => b.result.score - a.result.score || a.tieKey.localeCompare(b.tieKey));
  return ok.map((p, i) => ({
    item: p.item,
    result: p.result,
    rank: i + 1,
    uitleg: explain(p.result, i + 1, i > 0 ? ok[i - 1]!.result : null, i + 1 < ok.length ? ok[i + 1]!.result : null),
  }));
}

function explain(r: PairResult, rank: number, above: PairResult | null, below: PairResult | null): string {
  const parts = r.components
    .filter((c) => c.code !== 'basis')
    .map((c) => `${c.label.charAt(0).toLowerCase()}${c.label.slice(1)} (+${c.punten})`);
  let s = `Plaats ${rank} met ${r.score} ${r.score === 1 ? 'punt' : 'punten'}: voldoet aan alle harde eisen (+${POINTS.basis})${parts.length ? '; ' + parts.join('; ') : ''}.`;
  if (above) {
    const d = biggestDifference(above, r);
    s +=
      above.score === r.score
        ? ' Evenveel punten als de nummer erboven; die wacht langer of is eerder ingevoerd.'
        : ` Staat lager dan nummer ${rank - 1} (${above.score} ${above.score === 1 ? 'punt' : 'punten'})${d ? `, vooral door ${d}` : ''}.`;
  }
  if (below && below.score < r.score) {
    const d = biggestDifference(r, below);
    if (d) s += ` Staat hoger dan nummer ${rank + 1} vooral door ${d}.`;
  }
  return s;
}

const COMPONENT_NAMES: Record<string, string> = {
  voorkeursgemeente: 'de voorkeursgemeente',
  netwerkgemeente: 'de nabijheid van het netwerk',
  wachttijd: 'de wachttijd',
  urgentie: 'de urgentie',
  grootte: 'de passende grootte',
  betaalbaarheid: 'de betaalbaarheidsmarge',
  beschikbaar: 'de directe beschikbaarheid',
};
function biggestDifference(hi: PairResult, lo: PairResult): string | null {
  const get = (r: PairResult, code: string) => r.components.find((c) => c.code === code)?.punten ?? 0;
  let best: string | null = null,
    bestD = 0;
  for (const code of Object.keys(COMPONENT_NAMES)) {
    const d = get(hi, code) - get(lo, code);
    if (d > bestD) {
      bestD = d;
      best = code;
    }
  }
  return best ? `${COMPONENT_NAMES[best]} (${bestD} ${bestD === 1 ? 'punt' : 'punten'} verschil)` : null;
}

export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
