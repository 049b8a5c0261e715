// Issue 18 (ADR 0020): from the tenant's history to a simulation model, from a scenario to model parameters, and
// from the simulated runs to the answers (median and 90% band). Pure functions; the service reads the history.
import { addDays, daysBetween } from '../../platform/validation.js';
import type { SimBatch, SimModel } from './sim.js';

/** One stay in scope, without anything of the person: dates, household size, facility type, next step or not. */
export interface HistoryStay {
  startedOn: string;
  /** null: still open. */
  endedOn: string | null;
  householdSize: number;
  facilityType: string;
  /** The last stay of a trajectory that ended with a next step (a woonplek: permanent, tijdelijk, beschermd). */
  nextStep: boolean;
}
export interface History {
  stays: HistoryStay[];
  /** Waits (days) from woonklaar to housed, of candidates housed in the fit window. */
  waits: number[];
  rooms: number;
  reserve: number;
}

export interface GroupStat {
  groep: string;
  aantal: number;
  gemiddeld: number;
  mediaan: number;
}
export interface Fit {
  from: string;
  to: string;
  arrivalsPerDay: number;
  /** Monday … Sunday, mean 1. */
  weekday: number[];
  /** January … December, mean 1. */
  season: number[];
  stays: Float64Array;
  meanStay: number;
  pNext: number;
  nextStays: Float64Array;
  meanWait: number;
  waitAssumed: boolean;
  readyFactor: number;
  supplyPerDay: number;
  occupancyAtEnd: number;
  byFacilityType: GroupStat[];
  byHousehold: GroupStat[];
  rooms: number;
  reserve: number;
  stayCount: number;
}

/** The fit window: the 3 years before `to`. */
export const FIT_YEARS = 3;
/** Group figures about fewer stays than this are not shown (statistical disclosure control, domain.md §4). */
export const MIN_GROUP = 10;
const DEFAULT_WAIT_SHARE = 0.25;

const mean = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length ? s / xs.length : 0;
};
function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** 0 = Monday … 6 = Sunday of an ISO date. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}
const monthOf = (date: string) => Number(date.slice(5, 7)) - 1;

/** Nights of a stay as seen on day `to` (an open stay counts up to `to`). */
const nightsOf = (s: HistoryStay, to: string) => daysBetween(s.startedOn, s.endedOn && s.endedOn < to ? s.endedOn : to);

/** Occupied places on the night starting on `night`. */
export function occupancyOn(stays: HistoryStay[], night: string): number {
  let n = 0;
  for (const s of stays) if (s.startedOn <= night && (s.endedOn == null || s.endedOn > night)) n++;
  return n;
}

/** Fits the model to the history in [to − FIT_YEARS years, to): only what was known on `to`. */
export function fitHistory(h: History, to: string): Fit {
  const from = addDays(to, -FIT_YEARS * 365);
  const known = h.stays
    .filter((s) => s.startedOn < to)
    .map((s) => (s.endedOn && s.endedOn >= to ? { ...s, endedOn: null } : s));
  const inWindow = known.filter((s) => s.startedOn >= from);
  const days = daysBetween(from, to);
  const arrivalsPerDay = inWindow.length / days;
  // weekday and month patterns: arrivals per calendar day of each kind, relative to the mean
  const wdCount = new Array(7).fill(0);
  const wdDays = new Array(7).fill(0);
  const mCount = new Array(12).fill(0);
  const mDays = new Array(12).fill(0);
  for (let d = from; d < to; d = addDays(d, 1)) {
    wdDays[weekdayOf(d)]++;
    mDays[monthOf(d)]++;
  }
  for (const s of inWindow) {
    wdCount[weekdayOf(s.startedOn)]++;
    mCount[monthOf(s.startedOn)]++;
  }
  const rel = (count: number[], n: number[]) => {
    const r = count.map((c, i) => (n[i] ? c / n[i] : 0));
    const m = mean(r) || 1;
    return r.map((x) => (inWindow.length ? x / m : 1));
  };
  // stays: those that started in the window; one still open counts with its nights so far (a lower bound)
  const nights = inWindow.map((s) => Math.max(1, nightsOf(s, to)));
  const stays = Float64Array.from(nights.length ? nights : [30]);
  const nextNights = inWindow.filter((s) => s.nextStep && s.endedOn).map((s) => Math.max(1, nightsOf(s, to)));
  const pNext = inWindow.length ? nextNights.length / inWindow.length : 0;
  const meanNext = mean(nextNights);
  const waitAssumed = h.waits.length < MIN_GROUP;
  const meanWait = waitAssumed ? DEFAULT_WAIT_SHARE * meanNext : Math.min(mean(h.waits), 0.9 * meanNext);
  const readyFactor = meanNext > 0 ? Math.max(0.1, 1 - meanWait / meanNext) : 1;
  // woonplekken for people waiting in the shelter: the M/M/1 service rate that gives the observed mean wait
  // Wq = λ / (μ (μ − λ))  ⇒  μ = (λ + √(λ² + 4λ/Wq)) / 2
  const lambdaNext = arrivalsPerDay * pNext;
  const supplyPerDay =
    lambdaNext > 0 && meanWait > 0 ? (lambdaNext + Math.sqrt(lambdaNext ** 2 + (4 * lambdaNext) / meanWait)) / 2 : 0;
  const group = (key: (s: HistoryStay) => string): GroupStat[] => {
    const by = new Map<string, number[]>();
    for (const s of inWindow) {
      const k = key(s);
      by.set(k, [...(by.get(k) ?? []), Math.max(1, nightsOf(s, to))]);
    }
    return [...by.entries()]
      .filter(([, xs]) => xs.length >= MIN_GROUP)
      .map(([groep, xs]) => ({
        groep,
        aantal: Math.round(xs.length / 5) * 5,
        gemiddeld: round1(mean(xs)),
        mediaan: median(xs),
      }))
      .sort((a, b) => a.groep.localeCompare(b.groep));
  };
  return {
    from,
    to,
    arrivalsPerDay,
    weekday: rel(wdCount, wdDays),
    season: rel(mCount, mDays),
    stays,
    meanStay: mean(stays),
    pNext,
    nextStays: Float64Array.from(nextNights.length ? nextNights : [30]),
    meanWait,
    waitAssumed,
    readyFactor,
    supplyPerDay,
    occupancyAtEnd: occupancyOn(known, addDays(to, -1)),
    byFacilityType: group((s) => s.facilityType),
    byHousehold: group((s) => (s.householdSize > 1 ? 'huishouden (2 of meer)' : 'alleenstaand')),
    rooms: h.rooms,
    reserve: h.reserve,
    stayCount: inWindow.length,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** What a policy scenario changes (the API's scenario parameters). */
export interface ScenarioParams {
  locaties: { naam: string; kamers: number; reserve: number }[];
  /** Less inflow from prevention, percent (15 = −15%). */
  minderInstroomProcent: number;
  /** Days off every stay from faster outflow. */
  kortereVerblijfsduurDagen: number;
  extraWoonplekkenPerMaand: number;
  /** Share of those who need a next step that goes straight to Housing First (never enters the shelter), percent. */
  housingFirstProcent: number;
}

const DAYS_PER_MONTH = 365.25 / 12;

/** The simulation model of a scenario, starting on `start` for `days` days with `initial` occupants. */
export function scenarioModel(fit: Fit, p: ScenarioParams, start: string, days: number, initial: number): SimModel {
  const hf = p.housingFirstProcent / 100;
  const keep = (1 - p.minderInstroomProcent / 100) * (1 - fit.pNext * hf);
  const ratePerDay = new Float64Array(days);
  const startWd = weekdayOf(start);
  for (let d = 0, date = start; d < days; d++, date = addDays(date, 1))
    ratePerDay[d] = fit.arrivalsPerDay * fit.weekday[(startWd + d) % 7] * fit.season[monthOf(date)] * keep;
  const pNext = fit.pNext * (1 - hf) > 0 ? (fit.pNext * (1 - hf)) / (1 - fit.pNext * hf) : 0;
  const notNext = fit.stays.length ? fit.stays : Float64Array.of(30);
  return {
    days,
    ratePerDay,
    rooms: p.locaties.reduce((s, l) => s + l.kamers, 0),
    reserve: p.locaties.reduce((s, l) => s + l.reserve, 0),
    stay: { kind: 'empirical', values: notNext },
    pNext,
    ready: { kind: 'empirical', values: fit.nextStays.map((x) => Math.max(1, x * fit.readyFactor)) },
    supplyPerDay: fit.supplyPerDay + p.extraWoonplekkenPerMaand / DAYS_PER_MONTH,
    stayShift: p.kortereVerblijfsduurDagen,
    minStay: 1,
    initial,
    initialStay: { kind: 'empirical', values: fit.stays },
  };
}

export interface Band {
  mediaan: number;
  p5: number;
  p95: number;
}
export interface DayResult {
  datum: string;
  mediaan: number;
  p5: number;
  p95: number;
  kansKamersVol: number;
  kansAllesVol: number;
}
export interface YearResult {
  jaar: number;
  instroom: Band;
  afgewezen: Band;
  reserveplaatsNachten: Band;
  nachtenKamersVol: Band;
  gemiddeldeBezetting: Band;
  verblijfsduur: Band;
  wachttijdVervolgplek: Band;
}
export interface Summary {
  runs: number;
  kamers: number;
  reserve: number;
  dagen: DayResult[];
  jaren: YearResult[];
  kansKamersVolPerNacht: number;
  kansAllesVolPerNacht: number;
}

function quantile(sorted: Float64Array, q: number): number {
  if (!sorted.length) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function band(values: Float64Array, digits = 1): Band {
  const s = Float64Array.from(values).sort();
  const r = (x: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  return { mediaan: r(quantile(s, 0.5)), p5: r(quantile(s, 0.05)), p95: r(quantile(s, 0.95)) };
}

/** Median, 90% band and chances from the merged runs. */
export function summarise(b: SimBatch, rooms: number, start: string): Summary {
  const width = b.capacity + 1;
  const dagen: DayResult[] = [];
  let full = 0;
  let allFull = 0;
  for (let d = 0, date = start; d < b.days; d++, date = addDays(date, 1)) {
    const row = b.occupancyHist.subarray(d * width, (d + 1) * width);
    const at = (q: number) => {
      const target = q * b.runs;
      let c = 0;
      for (let k = 0; k < width; k++) {
        c += row[k];
        if (c >= target) return k;
      }
      return width - 1;
    };
    let f = 0;
    for (let k = rooms; k < width; k++) f += row[k];
    full += f;
    allFull += row[width - 1];
    dagen.push({
      datum: date,
      mediaan: at(0.5),
      p5: at(0.05),
      p95: at(0.95),
      kansKamersVol: Math.round((f / b.runs) * 1000) / 1000,
      kansAllesVol: Math.round((row[width - 1] / b.runs) * 1000) / 1000,
    });
  }
  const jaren: YearResult[] = [];
  for (let y = 0; y < b.years; y++) {
    const nights = Math.min(365, b.days - y * 365);
    const per = (f: (r: number) => number) => {
      const v = new Float64Array(b.runs);
      for (let r = 0; r < b.runs; r++) v[r] = f(r * b.years + y);
      return v;
    };
    const scale = 365 / nights; // a short last year is shown per 365 days
    jaren.push({
      jaar: y + 1,
      instroom: band(
        per((i) => b.arrivals[i] * scale),
        0,
      ),
      afgewezen: band(
        per((i) => b.turnedAway[i] * scale),
        0,
      ),
      reserveplaatsNachten: band(
        per((i) => b.reservePlaceNights[i] * scale),
        0,
      ),
      nachtenKamersVol: band(
        per((i) => b.fullNights[i] * scale),
        0,
      ),
      gemiddeldeBezetting: band(per((i) => b.occupiedNights[i] / nights)),
      verblijfsduur: band(per((i) => (b.stayCount[i] ? b.staySum[i] / b.stayCount[i] : 0))),
      wachttijdVervolgplek: band(per((i) => (b.waitCount[i] ? b.waitSum[i] / b.waitCount[i] : 0))),
    });
  }
  const cells = b.days * b.runs;
  return {
    runs: b.runs,
    kamers: rooms,
    reserve: b.capacity - rooms,
    dagen,
    jaren,
    kansKamersVolPerNacht: Math.round((full / cells) * 1000) / 1000,
    kansAllesVolPerNacht: Math.round((allFull / cells) * 1000) / 1000,
  };
}

export interface BacktestMonth {
  maand: string;
  werkelijk: number;
  model: number;
  p5: number;
  p95: number;
}
/** Per month of the backtest: actual mean occupancy against the model's median (and band), and the error. */
export function backtestMonths(
  stays: HistoryStay[],
  s: Summary,
): { maanden: BacktestMonth[]; mae: number; mape: number; binnenBand: number } {
  const by = new Map<string, { act: number[]; mod: number[]; lo: number[]; hi: number[] }>();
  let inside = 0;
  for (const d of s.dagen) {
    const act = occupancyOn(stays, d.datum);
    if (act >= d.p5 && act <= d.p95) inside++;
    const k = d.datum.slice(0, 7);
    const e = by.get(k) ?? { act: [], mod: [], lo: [], hi: [] };
    e.act.push(act);
    e.mod.push(d.mediaan);
    e.lo.push(d.p5);
    e.hi.push(d.p95);
    by.set(k, e);
  }
  const maanden = [...by.entries()].map(([maand, e]) => ({
    maand,
    werkelijk: round1(mean(e.act)),
    model: round1(mean(e.mod)),
    p5: round1(mean(e.lo)),
    p95: round1(mean(e.hi)),
  }));
  const err = maanden.map((m) => Math.abs(m.model - m.werkelijk));
  const rel = maanden.filter((m) => m.werkelijk > 0).map((m) => Math.abs(m.model - m.werkelijk) / m.werkelijk);
  return {
    maanden,
    mae: round1(mean(err)),
    mape: Math.round(mean(rel) * 1000) / 10,
    binnenBand: Math.round((inside / Math.max(1, s.dagen.length)) * 1000) / 10,
  };
}
