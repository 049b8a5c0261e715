import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../app.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';
import type { Database } from '../../platform/db/database.js';
import { addDays, daysBetween } from '../../platform/validation.js';
import { seededDemo } from '../../test/demo.js';
import { type ApiClient, loginAs } from '../../test/fixtures.js';
import { personReturns } from '../aftercare/relapse.js';
import { possibleTrueValues, tenantSecret } from './disclosure.js';
import { makeProtection, type Protection } from './protection.js';

// Issue 13, disclosure control over EVERY report a policy role can request, on the demo region:
// 1. the records behind each report's cells are read from the demo database, and the published value of a cell is
//    what the report service publishes for them (checked against the API for a sample of cells of every report);
// 2. 10,000+ seeded differencing and linking attacks (filters subtracted from totals, fixed periods nested in each
//    other, cross-linking of the published dimensions, terugval windows) are solved exactly by an attacker who knows
//    the perturbation table and the relations between the cells; no count of 1–4 may be pinned to a single value;
// 3. shares are computed from published counts (share × total gives back nothing new), the CSV shows what the JSON
//    shows, and at least 95% of the region's month cells of the kerncijfers are published.

const TODAY = '2026-05-01';
let database: Database;
let app: ReturnType<typeof createApp>;
let beleid: ApiClient;
let toegang: ApiClient;
let prot: Protection;

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

// ---------------------------------------------------------------------------------------------------------
// The model. A report's cells are sets of elements (records: a move, an offer, a placement, a person's exit, a
// signal, a Housing First trajectory); an element has a month (index since 2000-01) and categorical attributes.
// A cell is a fixed calendar period (month, quarter, half year or year: the only periods a policy role can ask
// for) and, per attribute, the allowed values; only the cell shapes the report really publishes are used.

interface El {
  id: string;
  month: number;
  a: string;
  b: string;
}
interface CellSpec {
  months: number[];
  a?: string[];
  b?: string[];
}
interface Dataset {
  name: string;
  els: El[];
  /** The values of a and b (the attacker knows the code lists). */
  as: string[];
  bs: string[];
  /** The cell shapes the report publishes for one period (besides periods themselves). */
  shapes: { a?: string[]; b?: string[] }[];
  /** Partitions the report publishes (filter cells whose sum is a published total), for complement attacks. */
  partitions: { total: { a?: string[]; b?: string[] }; parts: { a?: string[]; b?: string[] }[] }[];
  /** Periods: only whole years (preventie) or every fixed period. */
  yearsOnly?: boolean;
  /** Months spanned by the data. */
  firstMonth: number;
  lastMonth: number;
}

const monthOf = (d: string) => (Number(d.slice(0, 4)) - 2000) * 12 + Number(d.slice(5, 7)) - 1;
const inCell = (c: CellSpec) => (e: El) =>
  c.months.includes(e.month) && (!c.a || c.a.includes(e.a)) && (!c.b || c.b.includes(e.b));

/** The fixed periods containing month m (aligned month, quarter, half year, year), as month lists. */
function fixedPeriods(m: number, yearsOnly = false): number[][] {
  const span = (len: number) => {
    const start = m - (m % len);
    return Array.from({ length: len }, (_, i) => start + i);
  };
  return yearsOnly ? [span(12)] : [span(1), span(3), span(6), span(12)];
}

// ---------------------------------------------------------------------------------------------------------
// The attacker: solves exactly for the atoms (the finest partition of the family's cells) all assignments whose
// cell sums are possible behind the published values; a count is pinned when every feasible assignment gives it
// the same value and that value is 1–4.

function attackerSolve(cells: number[][], published: number[], atomCount: number, budget: number) {
  const allowed = published.map((p) => new Set(possibleTrueValues(p)));
  const maxOf = published.map((p) => Math.max(...possibleTrueValues(p)));
  const upper = Array.from({ length: atomCount }, (_, a) =>
    Math.min(...cells.map((c, i) => (c.includes(a) ? maxOf[i]! : Number.POSITIVE_INFINITY))),
  );
  const atoms = Array.from({ length: atomCount }, () => new Set<number>());
  const cellVals = cells.map(() => new Set<number>());
  const v = new Array<number>(atomCount).fill(0);
  const lastAtom = cells.map((c) => Math.max(...c));
  let steps = 0;
  const search = (a: number): boolean => {
    if (++steps > budget) return false;
    if (a === atomCount) {
      const sums = cells.map((c) => c.reduce((s, x) => s + v[x]!, 0));
      if (!sums.every((s, i) => allowed[i]!.has(s))) return true;
      for (const [i, x] of v.entries()) atoms[i]!.add(x);
      for (const [i, s] of sums.entries()) cellVals[i]!.add(s);
      return true;
    }
    // an atom that completes a cell can only take the values that make that cell possible
    let candidates: number[] | null = null;
    for (let i = 0; i < cells.length; i++) {
      if (lastAtom[i] !== a) continue;
      let s = 0;
      for (const y of cells[i]!) if (y < a) s += v[y]!;
      const xs = [...allowed[i]!].map((t) => t - s).filter((x) => x >= 0 && x <= upper[a]!);
      candidates = candidates ? candidates.filter((x) => xs.includes(x)) : xs;
    }
    const xs = candidates ?? Array.from({ length: upper[a]! + 1 }, (_, x) => x);
    for (const x of xs) {
      v[a] = x;
      let ok = true;
      for (let i = 0; i < cells.length && ok; i++) {
        let s = 0;
        for (const y of cells[i]!) if (y <= a) s += v[y]!;
        if (s > maxOf[i]!) ok = false;
      }
      if (ok && !search(a + 1)) return false;
    }
    return true;
  };
  const complete = search(0);
  return complete ? { atoms, cells: cellVals } : null;
}

/** Runs one attack (a family of cells) on a dataset: a pinned count, or null; undefined when too large to solve. */
function runAttack(
  ds: Dataset,
  kind: string,
  family: CellSpec[],
): { pinned: string | null; small: number } | undefined {
  const preds = family.map(inCell);
  const sig = new Map<string, number>();
  for (const e of ds.els) {
    const s = preds.map((p) => (p(e) ? '1' : '0')).join('');
    if (s.includes('1')) sig.set(s, (sig.get(s) ?? 0) + 1);
  }
  // every signature the structure allows (probed over all attribute values), empty or not: the attacker does not
  // know which are empty
  const months = [...new Set(family.flatMap((c) => c.months))];
  const signatures = new Set<string>(sig.keys());
  for (const month of [...months, -1])
    for (const a of ds.as)
      for (const b of ds.bs) {
        const s = preds.map((p) => (p({ id: '', month, a, b }) ? '1' : '0')).join('');
        if (s.includes('1')) signatures.add(s);
      }
  const atomList = [...signatures];
  // order: atoms in many cells first, so that the large residual atoms complete cells (few candidates)
  atomList.sort((x, y) => y.split('1').length - x.split('1').length);
  const cells = family.map((_, i) => atomList.flatMap((s, a) => (s[i] === '1' ? [a] : [])));
  const published = family.map((c) => prot.count(ds.els.filter(inCell(c)).map((e) => e.id)));
  const truthCells = family.map((c) => new Set(ds.els.filter(inCell(c)).map((e) => e.id)).size);
  const sol = attackerSolve(cells, published, atomList.length, 50_000);
  if (!sol) return undefined;
  const isSmall = (x: number) => x >= 1 && x <= 4;
  const pinned = (s: Set<number>) => s.size === 1 && isSmall([...s][0]!);
  let small = 0;
  for (const [a, s] of atomList.entries()) {
    const t = sig.get(s) ?? 0;
    if (isSmall(t)) small++;
    if (pinned(sol.atoms[a]!)) return { pinned: `${ds.name}/${kind}: atoom ${s} = ${t}`, small };
  }
  for (const [i, t] of truthCells.entries()) {
    if (isSmall(t)) small++;
    if (pinned(sol.cells[i]!)) return { pinned: `${ds.name}/${kind}: cel ${i} = ${t}`, small };
  }
  return { pinned: null, small };
}

/** A random attack family on a dataset: the cell shapes it publishes, combined as an attacker would. */
function randomFamily(ds: Dataset, rand: () => number): { kind: string; family: CellSpec[] } {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const month = ds.firstMonth + Math.floor(rand() * (ds.lastMonth - ds.firstMonth + 1));
  const periods = fixedPeriods(month, ds.yearsOnly);
  const period = pick(periods);
  const kind = Math.floor(rand() * 4);
  if (kind === 0 && ds.partitions.length) {
    // filter cells subtracted from totals
    const p = pick(ds.partitions);
    return { kind: 'filters minus totaal', family: [p.total, ...p.parts].map((s) => ({ months: period, ...s })) };
  }
  if (kind === 1 && !ds.yearsOnly) {
    // nested fixed periods: a shape over a year (or half, quarter) and its sub-periods
    const shape = pick(ds.shapes);
    const outer = pick(periods.slice(1));
    const sub = periods[periods.indexOf(outer) - 1]!;
    const subs = Array.from({ length: outer.length / sub.length }, (_, i) =>
      outer.slice(i * sub.length, (i + 1) * sub.length),
    );
    return { kind: 'geneste perioden', family: [outer, ...subs].map((months) => ({ months, ...shape })) };
  }
  if (kind === 2) {
    // linking: several published shapes of one period reach the same small group
    const n = 2 + Math.floor(rand() * 3);
    const shapes = Array.from({ length: n }, () => pick(ds.shapes));
    return { kind: 'koppelen', family: [{ months: period }, ...shapes.map((s) => ({ months: period, ...s }))] };
  }
  // one shape in two adjacent periods of the same length and their common parent (differences of periods)
  const shape = pick(ds.shapes);
  const len = period.length;
  const next = period.map((m) => m + len);
  return {
    kind: 'aangrenzende perioden',
    family: [
      { months: period, ...shape },
      { months: next, ...shape },
      { months: period, ...pick(ds.shapes) },
      { months: next, ...pick(ds.shapes) },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// The datasets of the demo, read with the same definitions as the report services.

const datasets: Dataset[] = [];
const span = (els: El[]) => ({
  firstMonth: Math.min(...els.map((e) => e.month)),
  lastMonth: Math.max(...els.map((e) => e.month)),
});
const one = (x: string) => [x];

async function loadDatasets() {
  const db = database.db;
  // wonen: moves (verhuisd) by corporation (a) and gemeente (b)
  const moves = await sql<{ id: string; moved_in_on: string; corp: string | null; gemeente: string }>`
    select o.id, o.moved_in_on::text as moved_in_on, c.name as corp, m.name as gemeente
    from housing_offers o join housing_units u on u.id = o.unit_id join municipalities m on m.code = u.municipality_code
    left join housing_corporations c on c.id = u.corporation_id
    where o.tenant_id = 'dordrecht' and o.status = 'verhuisd' and o.moved_in_on is not null`.execute(db);
  const moveEls = moves.rows.map((r) => ({
    id: r.id,
    month: monthOf(r.moved_in_on),
    a: r.corp ?? 'Geen corporatie (gemeente of particulier)',
    b: r.gemeente,
  }));
  const corps = [...new Set(moveEls.map((e) => e.a))];
  const gems = [...new Set(moveEls.map((e) => e.b))];
  datasets.push({
    name: 'wonen verhuisd',
    els: moveEls,
    as: [...corps, '?'],
    bs: [...gems, '?'],
    shapes: [{}, ...corps.map((c) => ({ a: one(c) })), ...gems.map((g) => ({ b: one(g) }))],
    partitions: [
      { total: {}, parts: corps.map((c) => ({ a: one(c) })) },
      { total: {}, parts: gems.map((g) => ({ b: one(g) })) },
    ],
    ...span(moveEls),
  });
  // wonen: offers by stand (a) and reason of refusal (b)
  const offers = await sql<{ id: string; offered_on: string; status: string; reason: string | null }>`
    select id, offered_on::text as offered_on, status, decline_reason as reason from housing_offers where tenant_id = 'dordrecht'`.execute(
    db,
  );
  const stand = (s: string) =>
    ['geaccepteerd', 'contract-getekend', 'verhuisd'].includes(s) ? 'geaccepteerd' : s === 'aangeboden' ? 'lopend' : s;
  const offerEls = offers.rows.map((r) => ({
    id: r.id,
    month: monthOf(r.offered_on),
    a: stand(r.status),
    b: r.status === 'afgewezen' ? (r.reason ?? 'onbekend') : '-',
  }));
  const reasons = [...new Set(offerEls.filter((e) => e.a === 'afgewezen').map((e) => e.b))];
  const stands = ['geaccepteerd', 'afgewezen', 'ingetrokken', 'lopend'];
  datasets.push({
    name: 'wonen aanbiedingen',
    els: offerEls,
    as: stands,
    bs: [...reasons, '-', '?'],
    shapes: [{}, ...stands.map((s) => ({ a: one(s) })), ...reasons.map((r) => ({ a: one('afgewezen'), b: one(r) }))],
    partitions: [
      { total: {}, parts: stands.map((s) => ({ a: one(s) })) },
      { total: { a: one('afgewezen') }, parts: reasons.map((r) => ({ a: one('afgewezen'), b: one(r) })) },
    ],
    ...span(offerEls),
  });
  // perspectief: placements whose plan deadline has passed (or with a plan), on time (a)
  const placements = await sql<{ id: string; placement: string; drawn: string | null }>`
    select t.id, min(s.started_on)::text as placement, min(pp.drawn_up_on)::text as drawn
    from stays s join trajectories t on t.id = s.trajectory_id left join perspective_plans pp on pp.trajectory_id = t.id
    where t.tenant_id = 'dordrecht' group by t.id`.execute(db);
  const placementEls = placements.rows
    .filter((r) => addDays(r.placement, 5) < TODAY || r.drawn)
    .map((r) => ({
      id: r.id,
      month: monthOf(r.placement),
      a: r.drawn && r.drawn <= addDays(r.placement, 5) ? 'op-tijd' : r.drawn ? 'te-laat' : 'zonder-plan',
      b: '-',
    }));
  datasets.push({
    name: 'perspectief plan binnen 5 dagen',
    els: placementEls,
    as: ['op-tijd', 'te-laat', 'zonder-plan'],
    bs: ['-'],
    shapes: [{}, { a: one('op-tijd') }, { a: one('zonder-plan') }],
    partitions: [{ total: {}, parts: [{ a: one('op-tijd') }, { a: one('zonder-plan') }] }],
    ...span(placementEls),
  });
  // perspectief: placements from a waiting list, by list (a)
  const placed = await sql<{ id: string; removed_on: string; list_kind: string }>`
    select id, removed_on::text as removed_on, list_kind from waiting_list_entries
    where tenant_id = 'dordrecht' and removal_reason = 'geplaatst' and removed_on is not null`.execute(db);
  const placedEls = placed.rows.map((r) => ({ id: r.id, month: monthOf(r.removed_on), a: r.list_kind, b: '-' }));
  const lists = [...new Set(placedEls.map((e) => e.a))];
  datasets.push({
    name: 'perspectief geplaatst van wachtlijst',
    els: placedEls,
    as: [...lists, '?'],
    bs: ['-'],
    shapes: lists.map((l) => ({ a: one(l) })),
    partitions: [],
    ...span(placedEls),
  });
  // terugval: persons with an exit to the permanent group, by destination type (a) and return window (b); the
  // peildatum is far enough for every window to be complete
  const exits = await sql<{ client_id: string; ended_on: string; exit_destination: string; exit_group: string }>`
    select client_id, ended_on::text as ended_on, exit_destination, exit_group from trajectories
    where tenant_id = 'dordrecht' and ended_on is not null and exit_destination is not null`.execute(db);
  const entries = await sql<{ client_id: string; date: string }>`
    select client_id, registered_on::text as date from registrations where tenant_id = 'dordrecht'
    union all select client_id, started_on::text as date from stays where tenant_id = 'dordrecht'`.execute(db);
  const relapseEls: El[] = [];
  // one person's earliest exit per year (the report's periods are fixed; within a year the earliest exit counts)
  for (let year = 2015; year <= 2026; year++) {
    const persons = personReturns(
      exits.rows.map((e) => ({
        clientId: e.client_id,
        exitDate: e.ended_on,
        destination: e.exit_destination,
        group: e.exit_group,
      })),
      entries.rows.map((e) => ({ clientId: e.client_id, date: e.date })),
      { from: `${year}-01-01`, to: `${year + 1}-01-01` },
    );
    for (const p of persons) {
      if (p.type === 'beschermd-wonen') continue;
      const d = p.daysToReturn;
      relapseEls.push({
        id: p.clientId,
        month: monthOf(p.exitDate),
        a: p.type,
        b: d == null || d > 730 ? 'geen' : d <= 180 ? 'w6' : d <= 365 ? 'w12' : 'w24',
      });
    }
  }
  const windows = { binnen6: ['w6'], binnen12: ['w6', 'w12'], binnen24: ['w6', 'w12', 'w24'] };
  const types = ['eigen-woning', 'housing-first', 'familie-vrienden'];
  datasets.push({
    name: 'terugval',
    els: relapseEls,
    as: types,
    bs: ['w6', 'w12', 'w24', 'geen'],
    yearsOnly: true,
    shapes: [
      {},
      ...Object.values(windows).map((b) => ({ b })),
      ...types.flatMap((t) => [{ a: one(t) }, ...Object.values(windows).map((b) => ({ a: one(t), b }))]),
    ],
    partitions: [
      { total: {}, parts: types.map((t) => ({ a: one(t) })) },
      ...Object.values(windows).map((b) => ({ total: { b }, parts: types.map((t) => ({ a: one(t), b })) })),
    ],
    ...span(relapseEls),
  });
  // preventie: signals of a year by source (a) and whether handled within 14 days (b)
  const signals = await sql<{ id: string; signal_date: string; source_type: string; first_action: string | null }>`
    select s.id, s.signal_date::text as signal_date, s.source_type, (select min(ps.step_on)::text from prevention_steps ps
      where ps.case_id = pc.id and ((ps.kind = 'contactpoging' and ps.reached) or ps.kind = 'huisbezoek')) as first_action
    from early_signals s join prevention_cases pc on pc.signal_id = s.id where s.tenant_id = 'dordrecht'`.execute(db);
  const signalEls = signals.rows.map((r) => {
    const handled = r.first_action != null && daysBetween(r.signal_date, r.first_action) <= 14;
    const due = handled || addDays(r.signal_date, 14) < TODAY;
    return {
      id: r.id,
      month: monthOf(r.signal_date),
      a: r.source_type,
      b: handled ? 'op-tijd' : due ? 'laat' : 'loopt',
    };
  });
  const sources = [...new Set(signalEls.map((e) => e.a))];
  datasets.push({
    name: 'preventie signalen',
    els: signalEls,
    as: [...sources, '?'],
    bs: ['op-tijd', 'laat', 'loopt'],
    yearsOnly: true,
    shapes: [{}, { b: ['op-tijd', 'laat'] }, { b: ['op-tijd'] }, ...sources.map((s) => ({ a: one(s) }))],
    partitions: [{ total: {}, parts: sources.map((s) => ({ a: one(s) })) }],
    ...span(signalEls),
  });
  // Housing First pipeline (now): trajectories by gemeente (a) and stage (b); one "period"
  const hf = await sql<{ id: string; code: string; started_on: string | null; decision_on: string | null }>`
    select id, municipality_code as code, started_on::text as started_on, decision_on::text as decision_on
    from housing_first_trajectories where tenant_id = 'dordrecht' and ended_on is null`.execute(db);
  const hfEls = hf.rows.map((r) => ({
    id: r.id,
    month: 0,
    a: r.code.trim(),
    b: r.started_on ? 'gestart' : r.decision_on ? 'wacht' : 'voorbereiding',
  }));
  const hfGems = [...new Set(hfEls.map((e) => e.a))];
  const stages = ['gestart', 'wacht', 'voorbereiding'];
  datasets.push({
    name: 'housing first pijplijn',
    els: hfEls,
    as: [...hfGems, '?'],
    bs: stages,
    yearsOnly: true,
    shapes: [
      {},
      ...stages.map((s) => ({ b: one(s) })),
      ...hfGems.flatMap((g) => [{ a: one(g) }, ...stages.map((s) => ({ a: one(g), b: one(s) }))]),
    ],
    partitions: [
      { total: {}, parts: hfGems.map((g) => ({ a: one(g) })) },
      { total: {}, parts: stages.map((s) => ({ b: one(s) })) },
      ...hfGems.map((g) => ({ total: { a: one(g) }, parts: stages.map((s) => ({ a: one(g), b: one(s) })) })),
    ],
    firstMonth: 0,
    lastMonth: 0,
  });
}

beforeAll(async () => {
  ({ database, app } = await seededDemo(TODAY));
  beleid = await loginAs(app, 'dordrecht.beleid', DEMO_PASSWORD);
  toegang = await loginAs(app, 'dordrecht.toegang', DEMO_PASSWORD);
  const secret = await tenantSecret(database.db, 'dordrecht');
  prot = makeProtection(secret, 5);
  await loadDatasets();
}, 1_200_000); // may wait for the demo template another file is building
afterAll(() => database?.close());

const published = (ds: string, c: CellSpec) => {
  const d = datasets.find((x) => x.name === ds)!;
  return prot.count(d.els.filter(inCell(c)).map((e) => e.id));
};
/** A share as the services publish it: rounded, at most 1. */
const rounded = (x: number, decimals: number) => Math.round(Math.min(1, x) * 10 ** decimals) / 10 ** decimals;
const yearMonths = (y: number) => Array.from({ length: 12 }, (_, i) => (y - 2000) * 12 + i);

describe('de rapportages publiceren wat het model publiceert (het model is de echte rapportage)', () => {
  it('wonen, perspectief, terugval, preventie en Housing First: de gepubliceerde waarden van beleid zijn die van het model', async () => {
    const checked: string[] = [];
    for (const year of [2025, 2026]) {
      const w = (await beleid.get(`/v1/rapportages/wonen?van=${year}-01-01&tot=${year + 1}-01-01`)).body;
      expect(w.doorlooptijd.verhuisd).toBe(published('wonen verhuisd', { months: yearMonths(year) }));
      for (const c of w.uitstroomNaarWonen.perCorporatie)
        expect(c.aantal).toBe(published('wonen verhuisd', { months: yearMonths(year), a: [c.naam] }));
      expect(w.aanbiedingen.gedaan).toBe(published('wonen aanbiedingen', { months: yearMonths(year) }));
      expect(w.aanbiedingen.afgewezen).toBe(
        published('wonen aanbiedingen', { months: yearMonths(year), a: ['afgewezen'] }),
      );
      const p = (await beleid.get(`/v1/rapportages/perspectief?van=${year}-01-01&tot=${year + 1}-01-01`)).body;
      expect(p.planBinnen5Dagen.plaatsingen).toBe(
        published('perspectief plan binnen 5 dagen', { months: yearMonths(year) }),
      );
      expect(p.planBinnen5Dagen.opTijd).toBe(
        published('perspectief plan binnen 5 dagen', { months: yearMonths(year), a: ['op-tijd'] }),
      );
      for (const l of p.wachtlijsten)
        expect(l.geplaatst).toBe(
          published('perspectief geplaatst van wachtlijst', { months: yearMonths(year), a: [l.lijst] }),
        );
      const s = (await beleid.get(`/v1/rapportages/preventie?jaar=${year}`)).body;
      expect(s.signalen.aantal).toBe(published('preventie signalen', { months: yearMonths(year) }));
      expect(s.binnen2Weken.noemer).toBe(
        published('preventie signalen', { months: yearMonths(year), b: ['op-tijd', 'laat'] }),
      );
      checked.push(String(year));
    }
    for (const year of [2019, 2023]) {
      const r = (
        await beleid.get(`/v1/rapportages/terugval?van=${year}-01-01&tot=${year + 1}-01-01&peildatum=2026-05-01`)
      ).body;
      expect(r.totaal.uitstromen).toBe(published('terugval', { months: yearMonths(year) }));
      expect(r.totaal.binnen12Maanden.teruggekeerd).toBe(
        published('terugval', { months: yearMonths(year), b: ['w6', 'w12'] }),
      );
      expect(r.totaal.binnen24Maanden.noemer).toBe(published('terugval', { months: yearMonths(year) }));
    }
    const hf = (await beleid.get('/v1/rapportages/housing-first')).body;
    expect(hf.totaal.trajecten).toBe(published('housing first pijplijn', { months: [0] }));
    for (const g of hf.perGemeente)
      expect(g.gestart).toBe(published('housing first pijplijn', { months: [0], a: [g.gemeentecode], b: ['gestart'] }));
    expect(checked).toEqual(['2025', '2026']);
    // the demo gives every report something to count (the demo has no open Housing First trajectory on this day:
    // that report's protection is proven in src/areas/housing/housing.test.ts)
    for (const d of datasets.filter((x) => x.name !== 'housing first pijplijn'))
      expect(d.els.length, d.name).toBeGreaterThan(0);
  });
});

describe('aanvallen op alle rapportages van beleid (demo)', () => {
  it('pinnen in 10.000+ geseede verschil- en koppelaanvallen geen enkel aantal van 1–4 op één waarde vast', () => {
    const rand = rng(13_2026);
    const pinned: string[] = [];
    const perKind = new Map<string, number>();
    let small = 0;
    let attacks = 0;
    let tooLarge = 0;
    for (let i = 0; attacks < 10_000 && i < 40_000; i++) {
      const ds = datasets[i % datasets.length]!;
      const { kind, family } = randomFamily(ds, rand);
      const r = runAttack(ds, kind, family);
      if (!r) {
        tooLarge++;
        continue;
      }
      attacks++;
      perKind.set(`${ds.name}/${kind}`, (perKind.get(`${ds.name}/${kind}`) ?? 0) + 1);
      small += r.small;
      if (r.pinned) pinned.push(r.pinned);
    }
    expect(pinned.slice(0, 5)).toEqual([]);
    expect(attacks).toBeGreaterThanOrEqual(10_000);
    // the attacks aimed at small counts, on every report
    expect(small).toBeGreaterThan(2_000);
    for (const d of datasets)
      expect(
        [...perKind.keys()].some((k) => k.startsWith(`${d.name}/`)),
        d.name,
      ).toBe(true);
    expect(tooLarge).toBeLessThan(attacks);
    const perReport = datasets.map(
      (d) => `${d.name} ${[...perKind].filter(([k]) => k.startsWith(`${d.name}/`)).reduce((a, [, n]) => a + n, 0)}`,
    );
    console.log(`aanvallen: ${attacks} (${perReport.join(', ')}); te groot om exact op te lossen: ${tooLarge}`);
  }, 600_000);

  it('zouden zonder de methode wel vastpinnen: dezelfde families op exacte cijfers geven kleine aantallen prijs', () => {
    const rand = rng(7);
    let exposed = 0;
    for (let i = 0; i < 500; i++) {
      const ds = datasets[i % datasets.length]!;
      const { family } = randomFamily(ds, rand);
      if (family.some((c) => [1, 2, 3, 4].includes(ds.els.filter(inCell(c)).length))) exposed++;
    }
    expect(exposed).toBeGreaterThan(50);
  });
});

describe('aandelen, CSV en publicatiegraad', () => {
  it('berekent elk aandeel uit gepubliceerde aantallen die de drempel halen (aandeel × totaal geeft niets nieuws)', async () => {
    let shares = 0;
    for (const year of [2024, 2025, 2026]) {
      const p = (await beleid.get(`/v1/rapportages/perspectief?van=${year}-01-01&tot=${year + 1}-01-01`)).body;
      const pl = p.planBinnen5Dagen;
      if (pl.aandeel != null) {
        shares++;
        expect(pl.opTijd).toBeGreaterThanOrEqual(5);
        expect(pl.plaatsingen).toBeGreaterThanOrEqual(5);
        expect(pl.aandeel).toBe(rounded(pl.opTijd / pl.plaatsingen, 3));
      } else expect(Math.min(pl.opTijd, pl.plaatsingen)).toBeLessThan(5);
      const s = (await beleid.get(`/v1/rapportages/preventie?jaar=${year}`)).body.binnen2Weken;
      if (s.aandeel != null) {
        shares++;
        expect(s.aandeel).toBe(rounded(s.teller / s.noemer, 2));
      } else expect(Math.min(s.teller, s.noemer)).toBeLessThan(5);
      const r = (await beleid.get(`/v1/rapportages/terugval?van=${year - 3}-01-01&tot=${year - 2}-01-01`)).body;
      for (const w of [r.totaal.binnen6Maanden, r.totaal.binnen12Maanden, r.totaal.binnen24Maanden])
        if (w.aandeel != null) {
          shares++;
          expect(w.aandeel).toBe(rounded(w.teruggekeerd / w.noemer, 2));
          expect(Math.min(w.teruggekeerd, w.noemer)).toBeGreaterThanOrEqual(5);
        }
    }
    expect(shares).toBeGreaterThan(0);
  });

  it('toont in de CSV van beleid dezelfde beschermde cijfers als in de JSON (geen extra precisie)', async () => {
    const q = 'van=2025-01-01&tot=2026-01-01&interval=kwartaal';
    const json = (await beleid.get(`/v1/rapportages/reeksen?${q}`)).body;
    const csv = (await beleid.get(`/v1/rapportages/reeksen?${q}&formaat=csv`)).body as string;
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    const row = (label: string) => rows.find((r) => r[0] === label)!.slice(1);
    const asCsv = (n: number | null) => (n == null ? 'x' : String(n));
    expect(row('Aanmeldingen')).toEqual(json.perioden.map((p: { aanmeldingen: number }) => asCsv(p.aanmeldingen)));
    expect(row('Uitgestroomd')).toEqual(json.perioden.map((p: { uitgestroomd: number }) => asCsv(p.uitgestroomd)));
    expect(row('Uitstroom naar wonen (%)')).toEqual(
      json.perioden.map((p: { uitstroomNaarWonen: number | null; onderdrukt: string[] }) =>
        p.onderdrukt.includes('uitstroomNaarWonen')
          ? 'x'
          : p.uitstroomNaarWonen == null
            ? ''
            : String(Math.round(p.uitstroomNaarWonen * 1000) / 10).replace('.', ','),
      ),
    );
  });

  it('publiceert minstens 95% van de regio-maandcellen van de kerncijfers (niet onderdrukt)', async () => {
    const r = await beleid.get('/v1/rapportages/reeksen?van=2016-05-01&tot=2026-05-01&interval=maand');
    expect(r.status).toBe(200);
    const figures = [
      'aanmeldingen',
      'startTraject',
      'gemiddeldAantalNachten',
      'gemiddeldeDuurTrajectDagen',
      'trajectenBeeindigd',
      'uitgestroomd',
      'vertrokkenOnbekend',
      'gemiddeldeBedbezetting',
      'binnenDrieMaandenDoorgestroomd',
      'uitstroomNaarWonen',
      'personenInOpvang',
    ];
    let cells = 0;
    let shown = 0;
    const withheld = new Map<string, number>();
    for (const p of r.body.perioden as { onderdrukt: string[] }[]) {
      for (const f of figures) {
        cells++;
        if (!p.onderdrukt.includes(f)) shown++;
        else withheld.set(f, (withheld.get(f) ?? 0) + 1);
      }
    }
    expect(cells).toBe(120 * figures.length);
    expect(
      shown / cells,
      `gepubliceerd ${shown}/${cells}; niet: ${JSON.stringify([...withheld])}`,
    ).toBeGreaterThanOrEqual(0.95);
    // toegang sees the exact figures: nothing withheld
    const exact = await toegang.get('/v1/rapportages/reeksen?van=2025-01-01&tot=2026-01-01&interval=maand');
    expect(exact.body.perioden.every((p: { onderdrukt: string[] }) => p.onderdrukt.length === 0)).toBe(true);
  });
});
