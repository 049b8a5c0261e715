// Demo history: clients, registrations, decisions, trajectories and stays for years of night shelter, built so
// that computeKeyFigures (src/areas/reporting/kerncijfers.ts, domain.md §4) reproduces the Leger des Heils table
// of Dordrecht (reference/seed-figures.json) year by year, plus a current situation relative to `today`.
//
// The history is constructed, not sampled and hoped for:
// - per period exactly A registrations, of which exactly S start a trajectory with more than 3 nights; the rest
//   are a "bed voor de nacht" during screening (at most the tenant's bedVoorDeNachtMax nights, then referred),
//   referrals and refusals (domain.md §4: shapes the app itself records);
// - trajectory durations are lognormal around a multiplier per start quarter; the multipliers are calibrated
//   (fixed-point iteration) so that the mean duration of the trajectories ending in each period hits its target;
// - exactly U of the trajectories ending in a period get a known exit destination, the others end as "vertrokken,
//   bestemming onbekend" (dropped out) and so count in the duration/nights means but not in "uitgestroomd";
// - nights < duration by splitting a trajectory in two stays with nights away in between, sized per end
//   period so the mean nights hits its target;
// - finally beds for the night (registration-only short stays) fill the remaining bed-nights so the mean occupancy
//   hits its target; where even the maximum short stays cannot (2019H1: 55.5 beds from 88 starts, a table that
//   does not satisfy Little's law) some trajectories of that period are households of two (a household of n
//   occupies n beds, domain.md §4).
// Issue 13: the plan decides WHAT happens on which day; generateHistory then replays it in date order through the
// services the API calls (createClient, createRegistration, giveShortStay, decide, placeClient, endStay,
// registerExit) with ctx.now on the historic day, so the demo has only shapes real use can produce.

import { getSettings, updateSettings } from '../areas/admin/settings.service.js';
import { aftercarePlanView, closeAftercarePlan, registerContact } from '../areas/aftercare/aftercare.service.js';
import { addMonths, DEFAULT_CONTACT_MONTHS } from '../areas/aftercare/aftercare-rules.js';
import { recordClient } from '../areas/intake/clients.service.js';
import { recordDecision, recordRegistration } from '../areas/intake/registrations.service.js';
import { withFigureFactsDeferred } from '../areas/reporting/figure-facts.js';
import { maxShortStayNights } from '../areas/shelter/capacity.js';
import { endStay, placeClient, registerExit } from '../areas/shelter/placements.service.js';
import { giveShortStay } from '../areas/shelter/short-stays.service.js';
import { type Db, sql, type Tx } from '../platform/db/database.js';
import { CAUSES, EXIT_DESTINATIONS, REGISTRATION_SOURCES } from '../reference/reference.js';
import { withAuditBatched } from '../rights/audit.js';
import { type Actor, actAsTenant, type Ctx } from '../rights/context.js';
import { AFTERCARE_NOTES } from './prevention.js';
import { createRng, fromDayNumber, type Rng, toDayNumber } from './random.js';

export interface HistoryOptions {
  tenantId: string;
  /**
   * One big historic dormitory unit (beds large enough for the whole history; as many households as beds, set here
   * when lower). Opened while the history is enacted when it is inactive, and closed again after.
   */
  nightShelterUnitId: string;
  /** 1-person rooms of the current crisisopvang. */
  currentUnitIds: string[];
  caseManagerId: string | null;
  seed: number;
  profile: 'dordrecht' | 'small';
  /** 'YYYY-MM-DD' */
  today: string;
  /** From this day on ('YYYY-MM-DD') stays are in the 1-person rooms (currentUnitIds), not in the dormitory. */
  roomsFrom?: string;
  municipalities: { code: string; name: string }[];
  /**
   * The tenant's maximum nights for a bed voor de nacht the history needs (tenant setting bedVoorDeNachtMax, set
   * through the settings service when it is lower). Dordrecht: 14 (see docs/adr/0014); default: the tenant's own.
   */
  bedVoorDeNachtMax?: number;
  /** Progress (one line per year enacted). */
  log?: (msg: string) => void;
}

export interface HistorySummary {
  clients: number;
  registrations: number;
  trajectories: number;
  stays: number;
}

/** One period of the history with its targets (null = free, made plausible). */
export interface PeriodSpec {
  label: string;
  from: string;
  to: string;
  aanmeldingen: number;
  startTraject: number;
  duur: number;
  nachten: number;
  /** The reference gives no nights for this period: the generator may lower `nachten` to fit the occupancy. */
  nachtenVrij?: boolean;
  uitgestroomd: number | null;
  /** Target mean occupancy; `hard` ones are exact, soft ones only a floor filled by guests. */
  bezetting: number;
  bezettingHard: boolean;
}

/** Leger des Heils, Dordrecht (seed-figures.json); values marked free are interpolations, not reference. */
export const DORDRECHT_PERIODS: PeriodSpec[] = [
  {
    label: '2014',
    from: '2014-01-01',
    to: '2015-01-01',
    aanmeldingen: 280,
    startTraject: 135,
    duur: 95,
    nachten: 82,
    nachtenVrij: true,
    uitgestroomd: 80,
    bezetting: 26,
    bezettingHard: false,
  },
  {
    label: '2015',
    from: '2015-01-01',
    to: '2016-01-01',
    aanmeldingen: 287,
    startTraject: 137,
    duur: 99,
    nachten: 84,
    nachtenVrij: true,
    uitgestroomd: 85,
    bezetting: 30,
    bezettingHard: true,
  },
  {
    label: '2016',
    from: '2016-01-01',
    to: '2017-01-01',
    aanmeldingen: 293,
    startTraject: 133,
    duur: 67.9,
    nachten: 62,
    uitgestroomd: 124,
    bezetting: 34,
    bezettingHard: false,
  },
  {
    label: '2017',
    from: '2017-01-01',
    to: '2018-01-01',
    aanmeldingen: 338,
    startTraject: 144,
    duur: 70,
    nachten: 59,
    uitgestroomd: 151,
    bezetting: 38,
    bezettingHard: false,
  },
  {
    label: '2018',
    from: '2018-01-01',
    to: '2019-01-01',
    aanmeldingen: 346,
    startTraject: 192,
    duur: 87,
    nachten: 72,
    uitgestroomd: 149,
    bezetting: 42,
    bezettingHard: true,
  },
  {
    label: '2019H1',
    from: '2019-01-01',
    to: '2019-07-01',
    aanmeldingen: 178,
    startTraject: 88,
    duur: 85,
    nachten: 72,
    nachtenVrij: true,
    uitgestroomd: 47,
    bezetting: 55.5,
    bezettingHard: true,
  },
];

// ---------------------------------------------------------------------------------------------------------
// reference distributions

const HERKOMST_DORDRECHT: [string, number][] = [
  ['Dordrecht', 44],
  ['Zwijndrecht', 6],
  ['Hendrik-Ido-Ambacht', 4],
  ['Alblasserdam', 3],
  ['Gorinchem', 3],
  ['Sliedrecht', 3],
  ['Leerdam', 1],
  ['Molenlanden', 1],
  ['Overig Nederland', 15],
  ['Buitenland', 8],
  ['Onbekend', 2],
];
/** Origin labels that are a place inside a municipality with another name. */
const PLACE_IN_MUNICIPALITY: Record<string, string> = { Leerdam: 'Vijfheerenlanden' };

const AANLEIDING: [string, number][] = [
  ['Huurachterstand - schulden', 31],
  ['Relatiebreuk', 30],
  ['Gebrek motivatie bij eerdere zorg', 19],
  ['Veroorzaken woonoverlast', 11],
  ['Geen huis na detentieverleden', 8],
  ['Terugkeer uit buitenland', 8],
  ['Overig', 5],
  ['Uitzetting vanwege wietplantage', 3],
];

const EXIT_WEIGHTS: Record<string, number> = {
  'huur-corporatie': 14,
  'huur-particulier': 6,
  koopwoning: 0.5,
  'housing-first': 5,
  'familie-vrienden-permanent': 9.5,
  'beschermd-wonen': 9,
  'ggz-kliniek': 4,
  verslavingskliniek: 3,
  ziekenhuis: 1,
  detentie: 3,
  tussenvoorziening: 8,
  'skaeve-huse': 2,
  'onder-de-pannen': 3,
  'familie-vrienden-tijdelijk': 7,
  'andere-opvang': 5,
  straat: 7,
  'onbekend-dakloos': 5,
  buitenland: 3,
  overleden: 1,
};

const SOURCE_WEIGHTS: Record<string, number> = {
  zelf: 30,
  veldwerk: 15,
  meldpunt: 14,
  wijkteam: 14,
  huisarts: 4,
  politie: 8,
  familie: 5,
  centrumgemeente: 4,
  overig: 6,
};

const MALE = [
  'Mohamed',
  'Jan',
  'Peter',
  'Kevin',
  'Dennis',
  'Mark',
  'Ahmed',
  'Richard',
  'Sander',
  'Patrick',
  'Rob',
  'Marco',
  'Erik',
  'Johan',
  'Stefan',
  'Bas',
  'Youssef',
  'Ricardo',
  'Marcel',
  'Henk',
  'Wim',
  'Kees',
  'Tom',
  'Niels',
  'Jeroen',
  'Martijn',
  'Ferry',
  'Rachid',
  'Mustafa',
  'Tomasz',
  'Piotr',
  'Gerrit',
  'Ronald',
  'Edwin',
  'Danny',
  'Jordy',
  'Mitchell',
  'Ryan',
  'Lucas',
  'Daan',
  'Hamza',
  'Anton',
  'Willem',
  'Arjen',
];
const FEMALE = [
  'Linda',
  'Sandra',
  'Maria',
  'Anouk',
  'Samira',
  'Priscilla',
  'Monique',
  'Esther',
  'Fatima',
  'Kim',
  'Naomi',
  'Sabrina',
  'Chantal',
  'Ilse',
  'Yvonne',
  'Marieke',
  'Petra',
  'Anja',
  'Latifa',
  'Demi',
  'Romy',
  'Joyce',
  'Bianca',
  'Sharon',
];
const LAST = [
  'de Vries',
  'Jansen',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'van der Linden',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van den Heuvel',
  'van der Veen',
  'van den Broek',
  'de Bruijn',
  'de Jong',
  'van Dijk',
  'Schouten',
  'van Beek',
  'Willems',
  'van Vliet',
  'Hoekstra',
  'Maas',
  'Verhoeven',
  'Koster',
  'Prins',
  'Blom',
  'Huisman',
  'Kuipers',
  'El Amrani',
  'Bouzid',
  'Yilmaz',
  'Kaya',
  'Kowalski',
  'Nowak',
  'Martina',
  'Rosario',
  'Baars',
  'Verschoor',
  'Van Wijngaarden',
  'Heijboer',
];

// ---------------------------------------------------------------------------------------------------------
// the plan (in memory)

interface PClient {
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  bsn: string | null;
  gender: string;
  origin_municipality_code: string | null;
  origin_label: string;
  cause: string;
  busyUntil: number;
}
interface PRegistration {
  id: string;
  clientId: string;
  day: number;
  source: string;
  status: string;
  kind: 'traject' | 'bed' | 'doorverwijzing' | 'afwijzing' | 'open';
  decision: { outcome: string; day: number; emergency: boolean; reason: string } | null;
}
interface PTrajectory {
  id: string;
  clientId: string;
  regId: string;
  start: number;
  end: number | null;
  exit: string | null;
  group: string | null;
}
interface PStay {
  id: string;
  clientId: string;
  regId: string;
  trajId: string | null;
  unitId: string;
  start: number;
  end: number | null;
  endReason: string | null;
  /** Persons in the household (beds it occupies). */
  household: number;
  /** A bed voor de nacht on the registration (before the decision). */
  short: boolean;
}

export interface HistoryPlan {
  clients: PClient[];
  registrations: PRegistration[];
  trajectories: PTrajectory[];
  stays: PStay[];
}

const d = toDayNumber;

function uuid(rng: Rng): string {
  const h = () =>
    Math.floor(rng.next() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  const v = (0x8 | Math.floor(rng.next() * 4)).toString(16);
  return `${h()}${h()}-${h()}-4${h().slice(1)}-${v}${h().slice(1)}-${h()}${h()}${h()}`;
}

/** A BSN that passes the elfproef. */
function bsn(rng: Rng): string {
  for (;;) {
    const digits = [rng.int(1, 9), ...Array.from({ length: 7 }, () => rng.int(0, 9))];
    const sum = digits.reduce((s, x, i) => s + x * (9 - i), 0);
    const last = sum % 11;
    if (last <= 9) return [...digits, last].join('');
  }
}

/** Spreads n days evenly over [from, to) with a little jitter; sorted. */
function spread(rng: Rng, n: number, from: number, to: number): number[] {
  const len = to - from;
  return Array.from({ length: n }, (_, k) => from + Math.min(len - 1, Math.floor(((k + rng.next()) / n) * len))).sort(
    (a, b) => a - b,
  );
}

interface Measured {
  label: string;
  aanmeldingen: number;
  startTraject: number;
  nachten: number | null;
  duur: number | null;
  uitgestroomd: number;
  ended: number;
  bezetting: number;
}

/** The figures of computeKeyFigures, computed in memory on a plan (all stays in night-shelter units). */
export function measurePlan(plan: HistoryPlan, from: string, to: string, label = ''): Measured {
  const f = d(from),
    t = d(to);
  const nightsOfReg = new Map<string, number>();
  const nightsOfTraj = new Map<string, number>();
  let overlap = 0;
  for (const s of plan.stays) {
    const n = Math.max(0, (s.end ?? Infinity) - s.start);
    nightsOfReg.set(s.regId, (nightsOfReg.get(s.regId) ?? 0) + n);
    if (s.trajId) nightsOfTraj.set(s.trajId, (nightsOfTraj.get(s.trajId) ?? 0) + n);
    overlap += s.household * Math.max(0, Math.min(s.end ?? Infinity, t) - Math.max(s.start, f));
  }
  const trajOfReg = new Set(plan.trajectories.map((x) => x.regId));
  const regs = plan.registrations.filter((r) => r.day >= f && r.day < t);
  const ended = plan.trajectories.filter((x) => x.end != null && x.end >= f && x.end < t);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return {
    label,
    aanmeldingen: regs.length,
    startTraject: regs.filter((r) => trajOfReg.has(r.id) && (nightsOfReg.get(r.id) ?? 0) > 3).length,
    nachten: mean(ended.filter((x) => nightsOfTraj.has(x.id)).map((x) => nightsOfTraj.get(x.id)!)),
    duur: mean(ended.map((x) => x.end! - x.start)),
    uitgestroomd: ended.filter((x) => x.exit != null && x.exit !== 'onbekend').length,
    ended: ended.length,
    bezetting: overlap / (t - f),
  };
}

interface TrajDraft {
  regIndex: number;
  start: number;
  base: number;
  split: number;
  q: number;
  dur: number;
  end: number;
  gap: number;
}

/** Builds the whole plan in memory. Deterministic for a given seed. */
export function planHistory(opts: HistoryOptions): HistoryPlan {
  const rng = createRng(opts.seed);
  const idRng = createRng(opts.seed ^ 0x5eed);
  const today = d(opts.today);
  // Dordrecht: the reference years, then plausible years up to ~5 months before today (a dashboard trend without a
  // hole between mid-2019 and the current situation); their figures come from their own generator so the
  // reference years draw the same random numbers whatever today is.
  const periods =
    opts.profile === 'dordrecht'
      ? [
          ...DORDRECHT_PERIODS,
          ...continuationPeriods(
            DORDRECHT_PERIODS[DORDRECHT_PERIODS.length - 1]!.to,
            opts.today,
            createRng(opts.seed ^ 0xc0de),
          ),
        ]
      : smallPeriods(opts.today, rng);
  const histEnd = d(periods[periods.length - 1]!.to);
  // all historic trajectories and stays still open at histEnd end before closeBy
  const closeBy = Math.max(histEnd + 30, Math.min(histEnd + 90, today - 1));

  // ---- registrations per period (days only; kinds assigned below)
  interface RegDraft {
    day: number;
    kind: PRegistration['kind'];
    period: number;
    guestNights?: number;
  }
  const regs: RegDraft[] = [];
  const trajs: TrajDraft[] = [];
  const firstDay = d(periods[0]!.from);
  periods.forEach((p, pi) => {
    const from = d(p.from),
      to = d(p.to);
    const days = spread(rng, p.startTraject, from, to);
    for (const day of days) {
      trajs.push({
        regIndex: regs.length,
        start: day,
        base: Math.exp(0.6 * rng.normal() - 0.18),
        split: rng.next(),
        q: Math.floor((day - firstDay) / 30.5),
        dur: 0,
        end: 0,
        gap: 0,
      });
      regs.push({ day, kind: 'traject', period: pi });
    }
  });

  // ---- durations: calibrate a multiplier per start quarter to the mean duration of trajectories ending per period
  const nq = Math.max(...trajs.map((x) => x.q)) + 1;
  const mult = new Array<number>(nq).fill(periods[0]!.duur);
  const pFrom = periods.map((p) => d(p.from)),
    pTo = periods.map((p) => d(p.to));
  const periodOf = (day: number) => {
    for (let i = 0; i < periods.length; i++) if (day >= pFrom[i]! && day < pTo[i]!) return i;
    return -1;
  };
  const applyDurations = () => {
    for (const x of trajs) {
      x.dur = Math.max(5, Math.min(420, Math.round(x.base * mult[x.q]!)));
      x.end = x.start + x.dur;
    }
  };
  // Jacobi start: nudge each quarter towards the targets of the periods its trajectories end in
  for (let it = 0; it < 100; it++) {
    applyDurations();
    const sum = new Array<number>(periods.length).fill(0),
      cnt = new Array<number>(periods.length).fill(0);
    for (const x of trajs) {
      const pi = periodOf(x.end);
      if (pi >= 0) {
        sum[pi]! += x.dur;
        cnt[pi]! += 1;
      }
    }
    const logRatio = periods.map((p, i) => (cnt[i]! > 0 ? Math.log(p.duur / (sum[i]! / cnt[i]!)) : 0));
    const w = Array.from({ length: nq }, () => ({ s: 0, n: 0 }));
    for (const x of trajs) {
      const pi = periodOf(x.end);
      if (pi >= 0) {
        w[x.q]!.s += logRatio[pi]!;
        w[x.q]!.n += 1;
      }
    }
    for (let q = 0; q < nq; q++)
      if (w[q]!.n > 0) mult[q] = Math.max(15, Math.min(250, mult[q]! * Math.exp(0.6 * (w[q]!.s / w[q]!.n))));
  }
  // then coordinate descent on a loss that also asks enough trajectories to end in each period to have U exits
  // (e.g. 2017: 151 exits from 144 starts, so the stock has to be drawn down)
  const minEnded = periods.map((p) => (p.uitgestroomd == null ? 0 : Math.ceil(p.uitgestroomd * 1.06)));
  const loss = () => {
    applyDurations();
    const sum = new Array<number>(periods.length).fill(0),
      cnt = new Array<number>(periods.length).fill(0);
    for (const x of trajs) {
      const pi = periodOf(x.end);
      if (pi >= 0) {
        sum[pi]! += x.dur;
        cnt[pi]! += 1;
      }
    }
    let l = 0;
    periods.forEach((p, i) => {
      const mean = cnt[i]! ? sum[i]! / cnt[i]! : 0;
      l += 100 * ((mean - p.duur) / p.duur) ** 2;
      l += 100 * (Math.max(0, minEnded[i]! - cnt[i]!) / Math.max(1, minEnded[i]!)) ** 2;
    });
    for (let q = 1; q < nq; q++) l += 0.002 * Math.log(mult[q]! / mult[q - 1]!) ** 2;
    return l;
  };
  let best = loss();
  for (let step = 0.3; step > 0.004; step *= 0.7) {
    for (let sweep = 0; sweep < 4; sweep++) {
      let improved = false;
      for (let q = 0; q < nq; q++) {
        const orig = mult[q]!;
        for (const f of [1 + step, 1 / (1 + step)]) {
          mult[q] = Math.max(10, Math.min(300, orig * f));
          const l = loss();
          if (l < best - 1e-12) {
            best = l;
            improved = true;
            break;
          }
          mult[q] = orig;
        }
      }
      if (!improved) break;
    }
  }
  applyDurations();
  // trajectories still running at the end of the history close during the closing window
  for (const x of trajs) {
    if (x.end >= histEnd && x.end > closeBy) {
      x.end = Math.max(x.start + 5, histEnd + Math.floor(rng.next() * (closeBy - histEnd)));
      x.dur = x.end - x.start;
    }
  }

  // ---- nights: per end period, gaps (nights away between two stays) so that mean nights hits the target.
  // Where the reference has no nights (free) and the trajectories alone would fill more beds than the (hard)
  // occupancy target, the nights target of that period is lowered until they fit.
  const nachten = periods.map((p) => p.nachten);
  const setGaps = () => {
    for (const x of trajs) x.gap = 0;
    periods.forEach((_p, pi) => {
      const ended = trajs.filter((x) => periodOf(x.end) === pi);
      if (!ended.length) return;
      const total = ended.reduce((s, x) => s + x.dur, 0);
      const need = Math.round(total - nachten[pi]! * ended.length);
      const cand = ended.filter((x) => x.dur >= 21).sort((a, b) => b.dur - a.dur);
      const candTotal = cand.reduce((s, x) => s + x.dur, 0);
      if (need <= 0 || !cand.length) return;
      for (const x of cand) x.gap = Math.min(x.dur - 8, Math.floor((x.dur * need) / candTotal));
      let rest = need - cand.reduce((s, x) => s + x.gap, 0);
      for (let i = 0; rest > 0 && i < cand.length * 4; i++) {
        const x = cand[i % cand.length]!;
        if (x.gap < x.dur - 8) {
          x.gap += 1;
          rest -= 1;
        }
      }
    });
  };
  const firstStayNights = (x: TrajDraft) =>
    Math.max(1, Math.min(x.dur - x.gap - 1, Math.round((x.dur - x.gap) * (0.3 + 0.4 * x.split))));
  const trajOccupancy = (pi: number) => {
    const from = pFrom[pi]!,
      to = pTo[pi]!;
    const ov = (a: number, b: number) => Math.max(0, Math.min(b, to) - Math.max(a, from));
    let n = 0;
    for (const x of trajs) {
      if (x.gap > 0) {
        const a = firstStayNights(x);
        n += ov(x.start, x.start + a) + ov(x.start + a + x.gap, x.end);
      } else n += ov(x.start, x.end);
    }
    return n / (to - from);
  };
  for (let it = 0; it < 30; it++) {
    setGaps();
    let changed = false;
    periods.forEach((p, pi) => {
      if (!p.bezettingHard || !p.nachtenVrij) return;
      const excess = trajOccupancy(pi) - p.bezetting * 0.97; // leave room for short stays and a few guests
      const ended = trajs.filter((x) => periodOf(x.end) === pi).length;
      if (excess > 0.05 && ended > 0) {
        nachten[pi] = Math.max(p.duur * 0.6, nachten[pi]! - ((excess * (pTo[pi]! - pFrom[pi]!)) / ended) * 1.2);
        changed = true;
      }
    });
    if (!changed) break;
  }
  // closing-window trajectories: a modest gap for realism
  for (const x of trajs)
    if (periodOf(x.end) < 0 && x.dur >= 30 && rng.chance(0.4)) x.gap = Math.round(x.dur * rng.next() * 0.2);

  // ---- exits: exactly U of the trajectories ending in a period get a destination; after the history all do
  const exitOf = new Map<TrajDraft, boolean>();
  periods.forEach((p, pi) => {
    const ended = trajs.filter((x) => periodOf(x.end) === pi);
    const u = Math.min(ended.length, p.uitgestroomd ?? Math.round(ended.length * 0.8));
    // longer trajectories more often end with a registered exit: sort by a noisy duration
    const ranked = ended.map((x) => ({ x, k: x.dur * (0.5 + rng.next()) })).sort((a, b) => b.k - a.k);
    ranked.forEach((r, i) => {
      exitOf.set(r.x, i < u);
    });
  });
  for (const x of trajs) if (periodOf(x.end) < 0) exitOf.set(x, true);

  // ---- the rest of the registrations: guests, short emergency stays, referrals, refusals
  // first the non-guest rest, then guests sized to fill the occupancy target
  const plan: HistoryPlan = { clients: [], registrations: [], trajectories: [], stays: [] };
  const unit = opts.nightShelterUnitId;
  const exitCodes = Object.entries(EXIT_WEIGHTS) as [string, number][];
  const groupOf = (code: string) => EXIT_DESTINATIONS.find((e) => e.code === code)!.group;

  // materialize trajectories and their stays (client ids assigned later)
  const regIds = regs.map(() => uuid(idRng));
  for (const x of trajs) {
    const regId = regIds[x.regIndex]!;
    const id = uuid(idRng);
    const hasExit = exitOf.get(x)!;
    // Without a registered exit: "vertrokken, bestemming onbekend" (issue 13: the app records that shape itself).
    const exit = hasExit ? rng.weighted(exitCodes) : 'onbekend';
    plan.trajectories.push({
      id,
      clientId: '',
      regId,
      start: x.start,
      end: x.end,
      exit,
      group: exit ? groupOf(exit) : null,
    });
    const lastReason = hasExit ? 'uitstroom' : 'vertrokken zonder afmelding';
    if (x.gap > 0) {
      const a = firstStayNights(x);
      plan.stays.push({
        id: uuid(idRng),
        clientId: '',
        regId,
        trajId: id,
        unitId: unit,
        household: 1,
        short: false,
        start: x.start,
        end: x.start + a,
        endReason: 'tijdelijk elders verbleven',
      });
      plan.stays.push({
        id: uuid(idRng),
        clientId: '',
        regId,
        trajId: id,
        unitId: unit,
        household: 1,
        short: false,
        start: x.start + a + x.gap,
        end: x.end,
        endReason: lastReason,
      });
    } else {
      plan.stays.push({
        id: uuid(idRng),
        clientId: '',
        regId,
        trajId: id,
        unitId: unit,
        household: 1,
        short: false,
        start: x.start,
        end: x.end,
        endReason: lastReason,
      });
    }
  }

  // other registrations per period: beds for the night (then referred), referrals and refusals
  const maxBed = Math.max(1, opts.bedVoorDeNachtMax ?? 3);
  const roomsFrom = opts.roomsFrom ? d(opts.roomsFrom) : Infinity;
  const extraRegs: { id: string; draft: RegDraft; stay: [number, number] | null }[] = [];
  periods.forEach((p, pi) => {
    const from = d(p.from),
      to = d(p.to);
    const len = to - from;
    const rest = p.aanmeldingen - p.startTraject;
    const nAfw = Math.round(rest * 0.04);
    const maxBeds = rest - nAfw - Math.round(rest * 0.15); // keep at least 15% referrals without a bed
    // a third gets a bed for 1–3 nights while the screening runs
    const beds: [number, number][] = spread(rng, Math.min(maxBeds, Math.round(rest * 0.3)), from, to - maxBed).map(
      (day) => [
        day,
        day +
          Math.min(
            maxBed,
            rng.weighted([
              [1, 4],
              [2, 3],
              [3, 2],
            ] as [number, number][]),
          ),
      ],
    );
    const overlapOf = (x: { start: number; end: number | null; household: number }) =>
      x.household * Math.max(0, Math.min(x.end ?? Infinity, to) - Math.max(x.start, from));
    const stayOverlap = () => plan.stays.reduce((s, x) => s + overlapOf(x), 0);
    const bedOverlap = () => beds.reduce((s, [a, b]) => s + (b - a), 0);
    let need = Math.round(p.bezetting * len - stayOverlap() - bedOverlap());
    // more beds for the night, up to the tenant's maximum, while the occupancy target needs them
    while (need > 0 && beds.length < maxBeds) {
      const n = Math.max(1, Math.min(maxBed, need, Math.round(maxBed * (0.5 + 0.5 * rng.next()))));
      const start = from + Math.floor(rng.next() * (len - n));
      beds.push([start, start + n]);
      need -= n;
    }
    for (const b of beds) {
      if (need <= 0) break;
      const more = Math.min(maxBed - (b[1] - b[0]), need, to - b[1]);
      if (more > 0) {
        b[1] += more;
        need -= more;
      }
    }
    // still short of a hard target (2019H1): trajectories starting in the period are households (two, then three)
    if (need > 0 && p.bezettingHard && to <= roomsFrom) {
      const cands = plan.trajectories
        .filter((x) => x.start >= from && x.start < to)
        .map((x) => ({ x, k: rng.next() }))
        .sort((a, b) => a.k - b.k);
      for (const size of [2, 3])
        for (const { x } of cands) {
          if (need <= 0) break;
          for (const s of plan.stays.filter((s) => s.trajId === x.id)) {
            need -= (overlapOf(s) / s.household) * (size - s.household);
            s.household = size;
          }
        }
    }
    const nDoor = rest - nAfw - beds.length;
    for (const b of beds) extraRegs.push({ id: uuid(idRng), draft: { day: b[0], kind: 'bed', period: pi }, stay: b });
    for (const day of spread(rng, nDoor, from, to))
      extraRegs.push({ id: uuid(idRng), draft: { day, kind: 'doorverwijzing', period: pi }, stay: null });
    for (const day of spread(rng, nAfw, from, to))
      extraRegs.push({ id: uuid(idRng), draft: { day, kind: 'afwijzing', period: pi }, stay: null });
    for (const e of extraRegs.filter((e) => e.draft.period === pi && e.stay)) {
      plan.stays.push({
        id: uuid(idRng),
        clientId: '',
        regId: e.id,
        trajId: null,
        unitId: unit,
        start: e.stay![0],
        end: e.stay![1],
        endReason: 'bed-voor-de-nacht',
        household: 1,
        short: true,
      });
    }
  });

  // ---- registrations with decisions
  const sourceCodes = Object.entries(SOURCE_WEIGHTS).filter(([c]) =>
    REGISTRATION_SOURCES.some((s) => s.code === c),
  ) as [string, number][];
  // A trajectory starts on the day access is granted (decide() starts it then), so a trajectory's decision is on its
  // start day; a bed for the night ends with the referral decision (settleShortStays ends it on that day).
  const decide = (kind: PRegistration['kind'], day: number, bedEnd?: number): PRegistration['decision'] => {
    switch (kind) {
      case 'traject':
        return {
          outcome: 'toegang',
          day,
          emergency: true,
          reason: 'Dakloos, geen alternatief; traject naar wonen gestart.',
        };
      case 'bed':
        return {
          outcome: 'doorverwijzing',
          day: bedEnd ?? day,
          emergency: false,
          reason: rng.pick([
            'Na enkele nachten opvang: terug naar eigen netwerk met ondersteuning wijkteam.',
            'Wil (nog) geen traject; doorverwezen naar inloop en wijkteam.',
            'Warme overdracht naar centrumgemeente van herkomst.',
            'Kan na enkele nachten terecht bij familie; nazorg via wijkteam.',
          ]),
        };
      case 'doorverwijzing':
        return {
          outcome: 'doorverwijzing',
          day: day + rng.int(0, 10),
          emergency: false,
          reason: rng.pick([
            'Terug naar eigen netwerk met ondersteuning wijkteam.',
            'Voorliggend veld: schuldhulpverlening en wijkteam.',
            'Warme overdracht naar centrumgemeente van herkomst.',
            'Kan terecht bij familie; nazorg via wijkteam.',
          ]),
        };
      case 'afwijzing':
        return {
          outcome: 'afwijzing',
          day: day + rng.int(1, 14),
          emergency: false,
          reason: 'Niet dakloos in de zin van de Wmo; eigen woonruimte beschikbaar.',
        };
      default:
        return null;
    }
  };
  const allRegs: PRegistration[] = [
    ...regs.map((r, i) => ({
      id: regIds[i]!,
      clientId: '',
      day: r.day,
      source: rng.weighted(sourceCodes),
      status: 'besloten',
      kind: r.kind,
      decision: decide(r.kind, r.day),
    })),
    ...extraRegs.map((e) => ({
      id: e.id,
      clientId: '',
      day: e.draft.day,
      source: rng.weighted(sourceCodes),
      status: 'besloten',
      kind: e.draft.kind,
      decision: decide(e.draft.kind, e.draft.day, e.stay?.[1]),
    })),
  ];

  // ---- current situation relative to today
  const rooms = opts.currentUnitIds;
  const nCurrent = Math.min(rooms.length, opts.profile === 'dordrecht' ? 38 : 10);
  const currentStarts = Array.from({ length: nCurrent }, () => today - rng.int(1, 120)).sort((a, b) => a - b);
  currentStarts.forEach((start, i) => {
    const regId = uuid(idRng),
      trajId = uuid(idRng);
    allRegs.push({
      id: regId,
      clientId: '',
      day: start,
      source: rng.weighted(sourceCodes),
      status: 'besloten',
      kind: 'traject',
      decision: {
        outcome: 'toegang',
        day: start,
        emergency: true,
        reason: 'Dakloos, geen alternatief; traject naar wonen gestart.',
      },
    });
    plan.trajectories.push({ id: trajId, clientId: '', regId, start, end: null, exit: null, group: null });
    plan.stays.push({
      id: uuid(idRng),
      clientId: '',
      regId,
      trajId,
      unitId: rooms[i]!,
      household: 1,
      short: false,
      start,
      end: null,
      endReason: null,
    });
  });
  const nOpen = opts.profile === 'dordrecht' ? 6 : 2;
  for (let i = 0; i < nOpen; i++) {
    allRegs.push({
      id: uuid(idRng),
      clientId: '',
      day: today - rng.int(0, 20),
      source: rng.weighted(sourceCodes),
      status: 'aangemeld',
      kind: 'open',
      decision: null,
    });
  }

  // ---- clients: about a quarter of the registrations are a returning client (40% had used shelter before)
  allRegs.sort((a, b) => a.day - b.day || a.id.localeCompare(b.id));
  const busyUntil = new Map<string, number>();
  for (const s of plan.stays) busyUntil.set(s.regId, Math.max(busyUntil.get(s.regId) ?? 0, s.end ?? Infinity));
  for (const t of plan.trajectories) busyUntil.set(t.regId, Math.max(busyUntil.get(t.regId) ?? 0, t.end ?? Infinity));
  const origins = originDistribution(opts);
  // one BSN is one person (createClient refuses a second client with the same BSN)
  const usedBsn = new Set<string>();
  const uniqueBsn = () => {
    for (;;) {
      const b = bsn(rng);
      if (!usedBsn.has(b)) {
        usedBsn.add(b);
        return b;
      }
    }
  };
  const causes = AANLEIDING.map(([label, w]) => [CAUSES.find((c) => c.label === label)!.code, w] as [string, number]);
  for (const r of allRegs) {
    const free = plan.clients.filter((c) => c.busyUntil + 30 < r.day);
    let client: PClient;
    if (free.length > 0 && r.kind !== 'open' && rng.chance(0.25)) {
      client = rng.pick(free.slice(-200));
    } else {
      const gender = rng.chance(0.8) ? 'man' : 'vrouw';
      const [label, code] = rng.weighted(origins);
      const age = 18 + Math.floor(Math.abs(rng.normal()) * 14 + rng.next() * 25);
      client = {
        id: uuid(idRng),
        first_name: rng.pick(gender === 'man' ? MALE : FEMALE),
        last_name: rng.pick(LAST),
        birth_date: fromDayNumber(Math.min(r.day, today) - age * 365 - rng.int(0, 364)),
        bsn: rng.chance(0.7) ? uniqueBsn() : null,
        gender,
        origin_municipality_code: code,
        origin_label: label,
        cause: rng.weighted(causes),
        busyUntil: 0,
      };
      plan.clients.push(client);
    }
    r.clientId = client.id;
    client.busyUntil = Math.max(client.busyUntil, busyUntil.get(r.id) ?? r.day);
  }
  if (opts.roomsFrom) assignRooms(plan, d(opts.roomsFrom), opts.nightShelterUnitId, rooms);
  const clientOfReg = new Map(allRegs.map((r) => [r.id, r.clientId]));
  for (const t of plan.trajectories) t.clientId = clientOfReg.get(t.regId)!;
  for (const s of plan.stays) s.clientId = clientOfReg.get(s.regId)!;
  plan.registrations = allRegs;
  return plan;
}

function originDistribution(opts: HistoryOptions): [[string, string | null], number][] {
  const byName = new Map(opts.municipalities.map((m) => [m.name, m.code]));
  if (opts.profile === 'dordrecht') {
    return HERKOMST_DORDRECHT.map(([label, w]) => [
      [label, byName.get(PLACE_IN_MUNICIPALITY[label] ?? label) ?? null],
      w,
    ]);
  }
  // a generic region: the central municipality (first) about half, the rest of the region a quarter
  const [central, ...region] = opts.municipalities;
  const out: [[string, string | null], number][] = [];
  if (central) out.push([[central.name, central.code], 50]);
  for (const m of region) out.push([[m.name, m.code], 25 / Math.max(1, region.length)]);
  out.push([['Overig Nederland', null], 15], [['Buitenland', null], 8], [['Onbekend', null], 2]);
  return out;
}

/**
 * Puts every stay starting on or after `from` in a 1-person room instead of the dormitory: the open (current)
 * stays keep their rooms, the others go, in order of start, to a room that is free for the whole stay (the room
 * that became free last, so rooms rotate plausibly). A stay for which no room is free (a peak over capacity)
 * stays in the dormitory, as the reserve beds would take it. Never more than one person per room per night.
 */
function assignRooms(plan: HistoryPlan, from: number, dorm: string, rooms: string[]) {
  if (!rooms.length) return;
  const freeAt = new Map(rooms.map((r) => [r, -Infinity]));
  const blockedFrom = new Map(rooms.map((r) => [r, Infinity]));
  for (const s of plan.stays)
    if (s.end == null && blockedFrom.has(s.unitId))
      blockedFrom.set(s.unitId, Math.min(blockedFrom.get(s.unitId)!, s.start));
  const todo = plan.stays
    .filter((s) => s.unitId === dorm && s.start >= from && s.end != null)
    .sort((a, b) => a.start - b.start || a.end! - b.end!);
  for (const s of todo) {
    let best: string | null = null;
    for (const r of rooms) {
      const f = freeAt.get(r)!;
      if (f <= s.start && s.end! <= blockedFrom.get(r)! && (best == null || f > freeAt.get(best)!)) best = r;
    }
    if (best == null) continue;
    s.unitId = best;
    freeAt.set(best, s.end!);
  }
}

/** Dordrecht after the reference: half-year 2019, then yearly periods up to 150 days before today. */
function continuationPeriods(fromIso: string, todayIso: string, rng: Rng): PeriodSpec[] {
  const out: PeriodSpec[] = [];
  const end = d(todayIso) - 150;
  let from = fromIso;
  for (let i = 0; d(from) < end; i++) {
    const y = Number(from.slice(0, 4));
    const yearEnd = `${y + 1}-01-01`;
    const to = d(yearEnd) <= end ? yearEnd : fromDayNumber(end);
    const frac = (d(to) - d(from)) / 365;
    if (frac < 0.15) break;
    // the policy works: somewhat more registrations (prevention finds people earlier), shorter trajectories
    const a = Math.round(rng.int(310, 370) * frac);
    const s = Math.round(a * (0.5 + 0.06 * rng.next()));
    const duur = Math.max(62, Math.round(84 - 3 * i + rng.int(-4, 4)));
    out.push({
      label: from.slice(5) === '01-01' ? String(y) : `${y}H2`,
      from,
      to,
      aanmeldingen: a,
      startTraject: s,
      duur,
      nachten: Math.round(duur * 0.86),
      uitgestroomd: null,
      bezetting: 30 + rng.int(0, 6),
      bezettingHard: false,
    });
    from = to;
  }
  return out;
}

/** 'small' profile: yearly periods from 2017 up to 150 days before today, plausible modest numbers. */
function smallPeriods(todayIso: string, rng: Rng): PeriodSpec[] {
  const out: PeriodSpec[] = [];
  const end = d(todayIso) - 150;
  for (let y = 2017; ; y++) {
    const from = `${y}-01-01`;
    if (d(from) >= end) break;
    const to = d(`${y + 1}-01-01`) <= end ? `${y + 1}-01-01` : fromDayNumber(end);
    const frac = (d(to) - d(from)) / 365;
    if (frac < 0.1) break;
    const a = Math.round(rng.int(60, 120) * frac);
    const s = Math.round(a * (0.4 + 0.15 * rng.next()));
    const duur = rng.int(70, 100);
    out.push({
      label: String(y),
      from,
      to,
      aanmeldingen: a,
      startTraject: s,
      duur,
      nachten: Math.round(duur * 0.88),
      uitgestroomd: null,
      bezetting: 0,
      bezettingHard: false,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// replay through the services (issue 13)

/**
 * Dordrecht's table needs beds for the night of up to 14 nights (the most the beheer screen allows): 2015–2019 had
 * many night-shelter guests who never started a trajectory (2018: 346 registrations, 192 trajectories, 42 beds);
 * at the default 3 nights the occupancy of 2018 and 2019H1 is out of reach (docs/adr/0014).
 */
const DORDRECHT_BED_VOOR_DE_NACHT = 14;

/** A historic moment: the service sees this day as today (ctx.now), late morning in the Netherlands. */
const momentOf = (day: number) => new Date(`${fromDayNumber(day)}T10:00:00Z`);

/**
 * Plans the history and enacts it in date order through the same service functions the API routes call, each with
 * ctx.now on the historic day and the demo trajectory holder (role toegang) as actor, acting for the tenant only
 * (row-level security). Every rule of the app applies (capacity per night, a bed for the night at most N nights
 * before the decision, no exit before a start, …); a refusal is a bug in the plan and aborts the load.
 */
export async function generateHistory(db: Db, opts: HistoryOptions): Promise<HistorySummary> {
  if (!opts.caseManagerId) throw new Error('generateHistory: een trajecthouder (caseManagerId) is nodig.');
  const T = opts.tenantId;
  const actor: Actor = {
    userId: opts.caseManagerId,
    username: 'demo',
    displayName: 'Demo (historie)',
    role: 'toegang',
    tenantId: T,
    facilityId: null,
    clientId: null,
  };
  return db.transaction().execute(async (tx) => {
    await actAsTenant(tx, T);
    const ctxOn = (day: number, who: Actor = actor): Ctx => ({ actor: who, db: tx as Tx, now: momentOf(day) });
    const first = d(opts.profile === 'dordrecht' ? DORDRECHT_PERIODS[0]!.from : '2017-01-01');
    const wanted = opts.bedVoorDeNachtMax ?? (opts.profile === 'dordrecht' ? DORDRECHT_BED_VOOR_DE_NACHT : null);
    if (wanted) {
      // the tenant's policy, set by its beheerder at the start of the history
      const beheer = ctxOn(first, { ...actor, role: 'beheerder' });
      const current = await getSettings(beheer);
      if (current.bedVoorDeNachtMax < wanted) await updateSettings(beheer, { ...current, bedVoorDeNachtMax: wanted });
    }
    const plan = planHistory({ ...opts, bedVoorDeNachtMax: await maxShortStayNights(ctxOn(first)) });
    // A closed historic dormitory was open during its history: open while the history is enacted, closed again after.
    // A dormitory takes one household per bed (the capacity check counts households per night).
    const dorm = await tx
      .selectFrom('units')
      .select(['active', 'beds', 'max_households'])
      .where('id', '=', opts.nightShelterUnitId)
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('units')
      .set({ active: true, max_households: Math.max(dorm.max_households, dorm.beds) })
      .where('id', '=', opts.nightShelterUnitId)
      .execute();
    // every write goes through its service; the facts of the figures are rebuilt once at the end (same result)
    // The planner's statistics follow the growing tables (a year of history at a time): without them it keeps the
    // plans of empty tables (sequential scans) and every step gets slower as the history grows.
    const analyze = async () => {
      await sql`SET LOCAL ROLE NONE`.execute(tx);
      await sql`ANALYZE`.execute(tx);
      await actAsTenant(tx, T);
    };
    await withFigureFactsDeferred(tx, T, () =>
      withAuditBatched(tx, () => enact(plan, ctxOn, analyze, d(opts.today), opts.log)),
    );
    if (!dorm.active)
      await tx.updateTable('units').set({ active: false }).where('id', '=', opts.nightShelterUnitId).execute();
    return {
      clients: plan.clients.length,
      registrations: plan.registrations.length,
      trajectories: plan.trajectories.length,
      stays: plan.stays.length,
    };
  });
}

interface PlannedEvent {
  day: number;
  /** Within a day: ends first (they free beds), then decisions, then new registrations and placements. */
  order: number;
  seq: number;
  run: (ctx: Ctx) => Promise<unknown>;
}

async function enact(
  plan: HistoryPlan,
  ctxOn: (day: number) => Ctx,
  analyze: () => Promise<void>,
  today: number,
  log?: (msg: string) => void,
) {
  const clientById = new Map(plan.clients.map((c) => [c.id, c]));
  const trajOfReg = new Map(plan.trajectories.map((t) => [t.regId, t]));
  const staysOf = new Map<string, PStay[]>();
  for (const s of plan.stays) {
    const key = s.trajId ?? s.regId;
    const list = staysOf.get(key) ?? [];
    list.push(s);
    staysOf.set(key, list);
  }
  for (const list of staysOf.values()) list.sort((a, b) => a.start - b.start);
  // the ids the services give, per plan id
  const clientId = new Map<string, string>();
  const regId = new Map<string, string>();
  const trajId = new Map<string, string>();
  const stayId = new Map<string, string>();
  const events: PlannedEvent[] = [];
  const byTime = (a: PlannedEvent, b: PlannedEvent) => a.day - b.day || a.order - b.order || a.seq - b.seq;
  let seq = 0;
  let enacting = -1; // index of the event being enacted; an event it plans is put in its place in time after it
  const at = (day: number, order: number, run: PlannedEvent['run']) => {
    const ev = { day, order, seq: seq++, run };
    if (enacting < 0) return void events.push(ev);
    let lo = enacting + 1;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byTime(events[mid]!, ev) < 0) lo = mid + 1;
      else hi = mid;
    }
    events.splice(lo, 0, ev);
  };
  const place = (s: PStay) => async (ctx: Ctx) => {
    const v = await placeClient(ctx, {
      clientId: clientId.get(s.clientId)!,
      eenheidId: s.unitId,
      datum: fromDayNumber(s.start),
      huishoudgrootte: s.household,
    });
    stayId.set(s.id, v.id);
  };

  for (const r of plan.registrations) {
    const t = r.kind === 'traject' ? trajOfReg.get(r.id) : undefined;
    const stays = staysOf.get(t ? t.id : r.id) ?? [];
    at(r.day, 2, async (ctx) => {
      let cid = clientId.get(r.clientId);
      if (!cid) {
        const c = clientById.get(r.clientId)!;
        cid = await recordClient(ctx, {
          voornaam: c.first_name,
          achternaam: c.last_name,
          geboortedatum: c.birth_date,
          bsn: c.bsn,
          herkomstGemeentecode: c.origin_municipality_code,
          herkomst: c.origin_label,
          aanleiding: c.cause,
        });
        clientId.set(r.clientId, cid);
      }
      const reg = { id: await recordRegistration(ctx, { clientId: cid, datum: fromDayNumber(r.day), bron: r.source }) };
      regId.set(r.id, reg.id);
      if (r.kind === 'bed') {
        for (const s of stays) {
          const v = await giveShortStay(ctx, reg.id, { eenheidId: s.unitId, datum: fromDayNumber(s.start) });
          stayId.set(s.id, v.id);
        }
      }
      if (t && r.decision) {
        const besluit = await recordDecision(ctx, reg.id, {
          uitkomst: 'toegang',
          datum: fromDayNumber(r.decision.day),
          reden: r.decision.reason,
        });
        if (!besluit.trajectoryId) throw new Error('Toegang zonder traject.');
        trajId.set(t.id, besluit.trajectoryId);
        if (stays[0] && stays[0].start === r.day) await place(stays[0])(ctx);
      }
    });
    if (r.decision && !t)
      at(r.decision.day, r.decision.day > r.day ? 1 : 4, (ctx) =>
        recordDecision(ctx, regId.get(r.id)!, {
          uitkomst: r.decision!.outcome as 'doorverwijzing' | 'afwijzing',
          datum: fromDayNumber(r.decision!.day),
          reden: r.decision!.reason,
        }),
      );
    if (!t) continue;
    stays.forEach((s, i) => {
      if (i > 0 || s.start !== r.day) at(s.start, 3, place(s));
      // a stay that ends before the trajectory does: nights away (the exit ends the last stay)
      if (s.end != null && i < stays.length - 1)
        at(s.end, 0, (ctx) =>
          endStay(ctx, stayId.get(s.id)!, { datum: fromDayNumber(s.end!), reden: s.endReason ?? 'vertrek' }),
        );
    });
    if (t.end != null) {
      const endDay = t.end;
      at(endDay, 0, async (ctx) => {
        const exit = await registerExit(ctx, trajId.get(t.id)!, {
          datum: fromDayNumber(endDay),
          bestemming: t.exit ?? 'onbekend',
        });
        // The exit to a home made a nazorg plan: a year later its contacts are registered and it is closed, as a
        // worker does; otherwise every historic plan would stay open with years of "missed" contacts.
        const planId = exit.nazorgplanId;
        if (!planId) return;
        const closeDay = toDayNumber(addMonths(fromDayNumber(endDay), 12)) + 7 + (endDay % 21);
        if (closeDay < today) at(closeDay, 1, (later) => closePlan(later, planId, endDay, closeDay));
      });
    }
  }
  events.sort(byTime);
  let year = '';
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (fromDayNumber(e.day).slice(0, 4) !== year) {
      year = fromDayNumber(e.day).slice(0, 4);
      log?.(`  historie ${year}…`);
      if (i > 0) await analyze();
    } else if (i === 300) await analyze();
    // PGlite answers without real I/O, so a load of minutes would never let the server's event loop run: every 200
    // steps give it a turn (npm start serves the login page and its 503 "demo wordt geladen" meanwhile).
    if (i % 200 === 199) await new Promise((r) => setImmediate(r));
    enacting = i;
    try {
      await e.run(ctxOn(e.day));
    } catch (err) {
      throw new Error(`Demo-historie: de service weigert een stap op ${fromDayNumber(e.day)}: ${String(err)}`, {
        cause: err,
      });
    }
  }
}

/** A year after the exit: the default contacts registered (most reached) and the nazorg plan closed. */
async function closePlan(ctx: Ctx, planId: string, exitDay: number, closeDay: number) {
  const plan = await aftercarePlanView(ctx, planId);
  for (const [k, m] of DEFAULT_CONTACT_MONTHS.entries()) {
    const contact = plan.contacten.find((c) => c.maanden === m && !c.datum);
    if (!contact) continue;
    // 0–6 days after the planned date: before the closing day (at least 12 months + 7 days after the exit)
    await registerContact(ctx, planId, {
      geplandContactId: contact.id,
      datum: fromDayNumber(toDayNumber(addMonths(fromDayNumber(exitDay), m)) + (exitDay % 7)),
      bereikt: (exitDay + k) % 7 !== 0,
      notitie: AFTERCARE_NOTES[(exitDay + k) % AFTERCARE_NOTES.length]!,
    });
  }
  await closeAftercarePlan(ctx, planId, {
    datum: fromDayNumber(closeDay),
    reden: 'Nazorgperiode afgerond; stabiel wonend.',
  });
}
