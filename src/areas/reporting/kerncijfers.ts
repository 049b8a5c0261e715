// Kerncijfers of the night shelter, exactly as defined in ../shared/domain.md §4 (the Leger des Heils table
// "Cijfers maatschappelijke opvang"). Every figure is for a half-open period [from, to) of ISO dates.
//
// Choices where the definition leaves room (kept here so every report follows the same ones):
// - Scope (issue 13): one facility scope for every figure of a report: by default the night-shelter facilities
//   (facilities.is_night_shelter), or one facility (facilityId), or every facility (facilityId 'alle').
// - Nights of a stay are the nights [started_on, ended_on) up to and including last night, never in the future:
//   least(coalesce(ended_on, today), today) − started_on; a same-day exit is 0 nights. `today` is the report's
//   day (the request's clock).
// - A trajectory is in scope when it has at least one night in a scope facility; every trajectory figure (mean
//   nights, mean duration, uitgestroomd, vertrokken met onbekende bestemming, shares) is over the in-scope
//   trajectories that ended in the period, and mean nights counts their nights in scope only. Short stays (bed voor
//   de nacht) that joined the trajectory count as its nights. An open stay of an ended trajectory is counted up to
//   the trajectory's end.
// - "> 3 nachten en start traject" sums the nights in scope of the stays of the registration or of the trajectory
//   it started (summed over moves).
// - Exits: uitgestroomd = a known destination; vertrokken met onbekende bestemming = destination group 'onbekend'
//   or no destination at all. Uitstroom naar wonen = exits to the permanent group / uitgestroomd (the exits with a
//   known destination; the unknown ones are reported beside it).
// - Bed occupancy: a household of n occupies n beds (household_size); short stays without a trajectory count. It is
//   the sum of the overlap nights of the scope stays with the past nights of the period, divided by the number of
//   past nights of the period (nights after last night do not exist yet); null when the period has none.
// - herkomst / aanleiding: distinct clients with a stay in scope overlapping the period.
// - Filters: originMunicipalityCode restricts to clients with that CBS code of origin; with a one-facility scope
//   aanmeldingen are those with a night in that facility.
// - Target group filters (issue 3):
//   householdType 'gezin' = the client has at least one registered household member (household_members) or
//   at least one stay with household_size > 1; 'alleenstaand' = neither. It is a property of the client, so
//   every figure filters on the same persons.
//   ageGroup = age in whole years at registration: for a registration its date; for a trajectory or stay the
//   date of the registration it belongs to, or its own start date when it has none. Clients without a birth
//   date fall in no age group.
//
// All figures are computed set-based for many tenants and many periods at once (computeSeries: four queries
// in total, whatever the number of periods), so a dashboard of ten years by month costs the same number of
// round trips as one period. computeKeyFigures is the one-tenant, one-period case of it.
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import { todayInNl } from '../../platform/validation.js';
import { CAUSES, EXIT_GROUPS, type ExitGroup } from '../../reference/reference.js';
import { type CellKeys, cellKeySql } from './cellkeys.js';
import { seriesWithResults } from './figure-results.js';
import { factQueries } from './kerncijfers-facts.js';

export type HouseholdType = 'alleenstaand' | 'gezin';
export type AgeGroup = 'tot-18' | '18-26' | '27-49' | '50-plus';
export const AGE_GROUPS: { code: AgeGroup; label: string; min: number; max: number | null }[] = [
  { code: 'tot-18', label: 'Jonger dan 18', min: 0, max: 17 },
  { code: '18-26', label: '18 tot en met 26 jaar', min: 18, max: 26 },
  { code: '27-49', label: '27 tot en met 49 jaar', min: 27, max: 49 },
  { code: '50-plus', label: '50 jaar en ouder', min: 50, max: null },
];
export const HOUSEHOLD_TYPES: { code: HouseholdType; label: string }[] = [
  { code: 'alleenstaand', label: 'Alleenstaand' },
  { code: 'gezin', label: 'Gezin (met partner of kinderen)' },
];

export interface FigureFilters {
  originMunicipalityCode?: string;
  /** The facility scope: one facility's id, 'alle' (every facility), or absent: the night-shelter facilities. */
  facilityId?: string;
  householdType?: HouseholdType;
  ageGroup?: AgeGroup;
}

export interface KeyFiguresQuery extends FigureFilters {
  tenantId: string;
  /** First day of the period, 'YYYY-MM-DD' (inclusive). */
  from: string;
  /** Day after the period, 'YYYY-MM-DD' (exclusive). */
  to: string;
  /** The report's day: nights up to and including last night count ('YYYY-MM-DD'; default: today in NL). */
  today?: string;
}

export interface KeyFigures {
  aanmeldingen: number;
  startTraject: number;
  gemiddeldAantalNachten: number | null;
  gemiddeldeDuurTrajectDagen: number | null;
  uitgestroomd: number;
  /** In-scope trajectories ended in the period whose destination is unknown (group onbekend, or none recorded). */
  vertrokkenOnbekend: number;
  gemiddeldeBedbezetting: number | null;
  /** Share 0..1 of ended trajectories with a duration of at most 91 days. */
  binnenDrieMaandenDoorgestroomd: number | null;
  /** Share 0..1 of the exits with a known destination that went to permanent housing. */
  uitstroomNaarWonen: number | null;
  /** Trajectories ended in the period (with or without exit): the denominator of the means and shares. */
  trajectenBeeindigd: number;
  /** Distinct clients with a stay in the period: the total of herkomst and aanleiding. */
  personenInOpvang: number;
  herkomst: { herkomst: string; aantal: number }[];
  /** The same clients by CBS code of the municipality of origin (for the map); clients without a code are left out. */
  herkomstPerGemeente: { gemeentecode: string; aantal: number }[];
  aanleiding: { aanleiding: string; aantal: number }[];
  uitstroomPerGroep: { groep: ExitGroup; label: string; aantal: number }[];
  /** Cell keys of the counts (issue 13, disclosure.ts): only when computeSeries was given a cellKeySecret. */
  celsleutels?: CellKeys;
}

export interface Period {
  from: string;
  to: string;
}

const round1 = (x: number | null | undefined): number | null =>
  x == null || !Number.isFinite(x) ? null : Math.round(x * 10) / 10;
const share = (n: number, d: number): number | null => (d > 0 ? n / d : null);
const pgArray = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
const causeLabel = (code: string | null) =>
  code == null ? 'Onbekend' : (CAUSES.find((c) => c.code === code)?.label ?? code);
const GROUP_CODES = EXIT_GROUPS.map((g) => g.code);

/** The nights of [from, to) up to and including last night (the night before `today`). */
function pastNights(p: Period, today: string): number {
  const end = p.to < today ? p.to : today;
  return Math.max(0, Math.round((Date.parse(end) - Date.parse(p.from)) / 86_400_000));
}

export async function computeKeyFigures(db: Tx, q: KeyFiguresQuery): Promise<KeyFigures> {
  const { tenantId, from, to, today, ...filters } = q;
  const r = await computeSeries(db, { tenantIds: [tenantId], periods: [{ from, to }], filters, today });
  return r.get(tenantId)![0]!;
}

export interface SeriesOptions {
  tenantIds: string[];
  periods: Period[];
  filters?: FigureFilters;
  today?: string;
  cellKeySecret?: string;
  /**
   * 'results' (default): stored results where current, else computed from the facts and stored (figure-results.ts,
   * ADR 0032); 'facts': always computed from the maintained facts (ADR 0015); 'raw': recomputed from the raw rows.
   */
  source?: 'results' | 'facts' | 'raw';
}

/**
 * All key figures for every tenant in tenantIds and every period (periods contiguous and ascending: splitPeriods).
 * Returns per tenant an array parallel to `periods`.
 */
export async function computeSeries(db: Tx, q: SeriesOptions): Promise<Map<string, KeyFigures[]>> {
  for (const [i, p] of q.periods.entries()) {
    if (!(p.from <= p.to) || (i > 0 && q.periods[i - 1]!.to !== p.from))
      throw new Error('computeSeries: perioden moeten aansluiten en oplopen (splitPeriods).');
  }
  if (q.source === 'raw' || q.source === 'facts') return computeSeriesNow(db, q);
  const today = q.today ?? todayInNl(new Date());
  return seriesWithResults(db, { ...q, today }, (tenantIds, periods) =>
    computeSeriesNow(db, { ...q, tenantIds, periods, today, source: 'facts' }),
  );
}

async function computeSeriesNow(db: Tx, q: SeriesOptions): Promise<Map<string, KeyFigures[]>> {
  const f = q.filters ?? {};
  const today = q.today ?? todayInNl(new Date());
  const day = sql`${today}::date`;
  // Issue 13: with a cellKeySecret every count also yields its cell key (`, <key> as ck_<name>`), else nothing.
  const secret = q.cellKeySecret;
  const ck = (name: string, col: string, opts: { filter?: RawBuilder<unknown>; distinct?: boolean } = {}) =>
    secret ? sql`, ${cellKeySql(secret, sql.ref(col), opts)} as ${sql.ref(`ck_${name}`)}` : sql``;
  const ckGroups = sql.join(
    GROUP_CODES.map((g) =>
      ck(`g_${g}`, 'ended.id', {
        filter: sql`(case when exit_destination is null then 'onbekend' else coalesce(exit_group, 'overig') end) = ${g}`,
      }),
    ),
    sql` `,
  );
  const tenants = sql`${pgArray(q.tenantIds)}::text[]`;
  const periods = sql`(select p.van, p.tot, p.i::int as i from unnest(${pgArray(q.periods.map((p) => p.from))}::date[], ${pgArray(q.periods.map((p) => p.to))}::date[]) with ordinality as p(van, tot, i))`;
  const minFrom = q.periods.reduce((m, p) => (p.from < m ? p.from : m), q.periods[0]?.from ?? '9999-12-31');
  const maxTo = q.periods.reduce((m, p) => (p.to > m ? p.to : m), q.periods[0]?.to ?? '0001-01-01');
  const allFacilities = f.facilityId === 'alle';
  const facility = f.facilityId && !allFacilities ? f.facilityId : null;
  /** Nights of stay `s` up to and including last night (an open one up to `end`, default: last night). */
  const nightsOf = (s: string, end?: RawBuilder<unknown>) =>
    sql`greatest(0, least(coalesce(${sql.ref(`${s}.ended_on`)}, ${end ?? day}), ${day}) - ${sql.ref(`${s}.started_on`)})`;

  /** Filters on client alias `c`; `refDate` is the date at which the age counts. */
  const clientFilter = (refDate: RawBuilder<unknown>): RawBuilder<unknown> => {
    const parts: RawBuilder<unknown>[] = [];
    if (f.originMunicipalityCode) parts.push(sql`and c.origin_municipality_code = ${f.originMunicipalityCode}`);
    if (f.householdType) {
      const family = sql`(exists (select 1 from household_members hm where hm.client_id = c.id)
        or exists (select 1 from stays hs where hs.client_id = c.id and hs.household_size > 1))`;
      parts.push(f.householdType === 'gezin' ? sql`and ${family}` : sql`and not ${family}`);
    }
    if (f.ageGroup) {
      const g = AGE_GROUPS.find((a) => a.code === f.ageGroup)!;
      const age = sql`date_part('year', age(${refDate}, c.birth_date))`;
      parts.push(sql`and c.birth_date is not null and ${age} >= ${g.min}`);
      if (g.max != null) parts.push(sql`and ${age} <= ${g.max}`);
    }
    return sql.join(parts, sql` `);
  };
  /** The client `c` is only needed for a filter on it; without one the join is skipped (it costs a hash of all clients). */
  const clientJoin = (col: string): RawBuilder<unknown> =>
    f.originMunicipalityCode || f.householdType || f.ageGroup ? sql`join clients c on c.id = ${sql.ref(col)}` : sql``;
  const regDateOr = (regCol: string, startCol: string) =>
    sql`coalesce((select ar.registered_on from registrations ar where ar.id = ${sql.ref(regCol)}), ${sql.ref(startCol)})`;

  // Periods are contiguous and sorted (splitPeriods), so the period of a date is width_bucket(date, bounds):
  // a stay is joined only to the periods it can overlap instead of to every period.
  const bounds = sql`${pgArray([...q.periods.map((p) => p.from), q.periods[q.periods.length - 1]?.to ?? '9999-12-31'])}::date[]`;
  const n = q.periods.length;
  const spanOf = (
    start: string,
    end: string,
  ) => sql`generate_series(greatest(1, width_bucket(${sql.ref(start)}, ${bounds})),
    least(${n}, greatest(width_bucket(${sql.ref(start)}, ${bounds}), coalesce(width_bucket(${sql.ref(end)} - 1, ${bounds}), ${n}))))`;
  /** Joins that keep only stays `s` in the scope (night shelters, one facility, or every facility). */
  const scopeJoin = (s: string, alias = 'su') =>
    facility
      ? sql`join units ${sql.raw(alias)} on ${sql.raw(alias)}.id = ${sql.ref(`${s}.unit_id`)} and ${sql.raw(alias)}.facility_id = ${facility}`
      : allFacilities
        ? sql``
        : sql`join units ${sql.raw(alias)} on ${sql.raw(alias)}.id = ${sql.ref(`${s}.unit_id`)} join facilities ${sql.raw(`${alias}f`)} on ${sql.raw(`${alias}f`)}.id = ${sql.raw(alias)}.facility_id and ${sql.raw(`${alias}f`)}.is_night_shelter`;

  // 1. aanmeldingen and startTraject. The nights of registration r are those of the shelter stays of r itself or
  //    of a trajectory of r, each stay counted once: keyed by its own registration, plus by its trajectory's
  //    registration when that is another one. One pass over the stays with hash joins; no "x in (…) or y in (…)",
  //    which PostgreSQL evaluates per row once the subquery no longer fits in work_mem (quadratic nationally).
  // The facility filter as two semi-joins (issue 13): a correlated exists with "a = r.id or b in (…)" ran once per
  // registration over all stays and took minutes for 2015–2027 with a locatieId.
  const regFacility = facility
    ? sql`and r.id in (select fs.registration_id from stays fs ${scopeJoin('fs', 'fu')}
          where fs.tenant_id = any(${tenants}) and fs.registration_id is not null and ${nightsOf('fs')} > 0
        union select ft.registration_id from stays fs ${scopeJoin('fs', 'fu')} join trajectories ft on ft.id = fs.trajectory_id
          where fs.tenant_id = any(${tenants}) and ft.registration_id is not null and ${nightsOf('fs')} > 0)`
    : sql``;
  const reg = () =>
    sql<{ tenant_id: string; i: number; aanmeldingen: number; start_traject: number }>`
    with regs as materialized (
      select r.id, r.tenant_id, p.i
      from ${periods} p
      join registrations r on r.registered_on >= p.van and r.registered_on < p.tot
      ${clientJoin('r.client_id')}
      where r.tenant_id = any(${tenants}) ${clientFilter(sql`r.registered_on`)} ${regFacility}
    ), with_trajectory as (
      select distinct t.registration_id as id from trajectories t where t.tenant_id = any(${tenants}) and t.registration_id is not null
    ), keyed as (
      select s.registration_id as rid, ${nightsOf('s')} as n
      from stays s ${scopeJoin('s')}
      where s.tenant_id = any(${tenants}) and s.registration_id is not null
      union all
      select t.registration_id, ${nightsOf('s')}
      from stays s ${scopeJoin('s')} join trajectories t on t.id = s.trajectory_id
      where s.tenant_id = any(${tenants}) and t.registration_id is not null and s.registration_id is distinct from t.registration_id
    ), nights as (
      select k.rid, sum(k.n) as n from keyed k where k.rid in (select id from regs) group by k.rid
    )
    select regs.tenant_id, regs.i, count(*)::int as aanmeldingen,
      (count(*) filter (where wt.id is not null and nights.n > 3))::int as start_traject
      ${ck('aanmeldingen', 'regs.id')} ${ck('start_traject', 'regs.id', { filter: sql`wt.id is not null and nights.n > 3` })}
    from regs left join with_trajectory wt on wt.id = regs.id left join nights on nights.rid = regs.id
    group by regs.tenant_id, regs.i
  `.execute(db);

  // 2. in-scope trajectories (at least one night in scope) ended in the period, with exits per destination group
  //    (no destination recorded: group onbekend).
  const groupCols = sql.join(
    GROUP_CODES.map(
      (g) =>
        sql`(count(*) filter (where (case when exit_destination is null then 'onbekend' else coalesce(exit_group, 'overig') end) = ${g}))::int as ${sql.ref(`g_${g}`)}`,
    ),
  );
  const tr = () =>
    sql<
      {
        tenant_id: string;
        i: number;
        n: number;
        dur: number | null;
        nights: number | null;
        uit: number;
        onbekend: number;
        binnen: number;
        wonen: number;
      } & Record<`g_${ExitGroup}`, number>
    >`
    with ended as materialized (
      select t.id, t.tenant_id, p.i, t.ended_on, (t.ended_on - t.started_on) as dur, t.exit_destination, t.exit_group
      from ${periods} p
      join trajectories t on t.ended_on >= p.van and t.ended_on < p.tot
      ${clientJoin('t.client_id')}
      where t.tenant_id = any(${tenants}) ${clientFilter(regDateOr('t.registration_id', 't.started_on'))}
    ), nights as (
      select e.id, sum(${nightsOf('s', sql`e.ended_on`)}) as nights
      from (select distinct id, ended_on from ended) e join stays s on s.trajectory_id = e.id ${scopeJoin('s')}
      group by e.id
    )
    select tenant_id, i, count(*)::int as n,
      avg(dur)::float8 as dur,
      avg(nights.nights)::float8 as nights,
      (count(*) filter (where exit_destination is not null and exit_group is distinct from 'onbekend'))::int as uit,
      (count(*) filter (where exit_destination is null or exit_group = 'onbekend'))::int as onbekend,
      (count(*) filter (where dur <= 91))::int as binnen,
      (count(*) filter (where exit_destination is not null and exit_group = 'permanent'))::int as wonen,
      ${groupCols}
      ${ck('n', 'ended.id')} ${ck('uit', 'ended.id', { filter: sql`exit_destination is not null and exit_group is distinct from 'onbekend'` })}
      ${ck('onbekend', 'ended.id', { filter: sql`exit_destination is null or exit_group = 'onbekend'` })}
      ${ck('binnen', 'ended.id', { filter: sql`dur <= 91` })} ${ckGroups}
    from ended join nights on nights.id = ended.id and nights.nights > 0 group by tenant_id, i
  `.execute(db);

  // 3. mean bed occupancy: overlap bed-nights (household_size per night) of the scope stays with the past nights of
  //    [van, tot), divided by the number of past nights (below).
  const occ = () =>
    sql<{ tenant_id: string; i: number; overlap: number; persons?: number; ck_persons?: number }>`
    with st as (
      select s.tenant_id, s.started_on, s.ended_on, s.household_size, s.client_id
      from stays s ${scopeJoin('s')} ${clientJoin('s.client_id')}
      where s.tenant_id = any(${tenants}) and s.started_on < least(${maxTo}::date, ${day}) and (s.ended_on is null or s.ended_on > ${minFrom}::date)
        ${clientFilter(regDateOr('s.registration_id', 's.started_on'))}
    )
    select st.tenant_id, p.i,
      sum(st.household_size * greatest(0, least(coalesce(st.ended_on, p.tot), p.tot, ${day}) - greatest(st.started_on, p.van)))::float8 as overlap
      ${secret ? sql`, (count(distinct st.client_id) filter (where least(coalesce(st.ended_on, p.tot), p.tot, ${day}) > greatest(st.started_on, p.van)))::int as persons` : sql``}
      ${ck('persons', 'st.client_id', { distinct: true, filter: sql`least(coalesce(st.ended_on, p.tot), p.tot, ${day}) > greatest(st.started_on, p.van)` })}
    from st cross join lateral ${spanOf('st.started_on', 'st.ended_on')} k(i) join ${periods} p on p.i = k.i
    group by st.tenant_id, p.i
  `.execute(db);

  // 4. herkomst and aanleiding: distinct clients with a stay overlapping the period (a 0-night stay inside the
  //    period counts too).
  const pres = () =>
    sql<{
      tenant_id: string;
      i: number;
      origin_label: string | null;
      origin_code: string | null;
      cause: string | null;
      by_origin: number;
      aantal: number;
    }>`
    with st as (
      select s.tenant_id, s.client_id, s.started_on, s.ended_on
      from stays s ${scopeJoin('s')} ${clientJoin('s.client_id')}
      where s.tenant_id = any(${tenants}) and s.started_on < ${maxTo}::date
        and (s.ended_on is null or s.ended_on > ${minFrom}::date or s.started_on >= ${minFrom}::date)
        ${clientFilter(regDateOr('s.registration_id', 's.started_on'))}
    ), present as (
      select distinct st.tenant_id, p.i, st.client_id
      from st cross join lateral ${spanOf('st.started_on', 'st.ended_on')} k(i) join ${periods} p on p.i = k.i
      where st.started_on < p.tot and (st.ended_on is null or st.ended_on > p.van or st.started_on >= p.van)
    )
    select pr.tenant_id, pr.i, c.origin_label, c.origin_municipality_code::text as origin_code, c.cause,
      grouping(c.cause)::int as by_origin, count(*)::int as aantal ${ck('aantal', 'pr.client_id')}
    from present pr join clients c on c.id = pr.client_id
    group by grouping sets ((pr.tenant_id, pr.i, c.origin_label, c.origin_municipality_code), (pr.tenant_id, pr.i, c.cause))
  `.execute(db);

  // Independent queries: on PostgreSQL (outside a transaction) they run in parallel on the pool.
  // Issue 15: by default from the maintained facts (figure-facts.ts, ADR 0015); source 'raw' is the recomputation
  // from the raw rows that the facts are checked against.
  const [regR, trR, occR, presR] =
    q.source === 'raw'
      ? await Promise.all([reg(), tr(), occ(), pres()])
      : await factQueries({
          db,
          tenants,
          today,
          day,
          facility,
          allFacilities,
          bounds,
          periods,
          spanOf,
          minFrom,
          maxTo,
          ck,
          ckGroups,
          groupCols,
          clientJoin,
          clientFilter,
          secret,
          personFilter: !!(f.originMunicipalityCode || f.householdType || f.ageGroup),
        });

  const result = new Map<string, KeyFigures[]>();
  for (const t of q.tenantIds) {
    result.set(
      t,
      q.periods.map((p) => {
        const nights = pastNights(p, today);
        return {
          aanmeldingen: 0,
          startTraject: 0,
          gemiddeldAantalNachten: null,
          gemiddeldeDuurTrajectDagen: null,
          uitgestroomd: 0,
          vertrokkenOnbekend: 0,
          gemiddeldeBedbezetting: nights > 0 ? 0 : null,
          binnenDrieMaandenDoorgestroomd: null,
          uitstroomNaarWonen: null,
          trajectenBeeindigd: 0,
          personenInOpvang: 0,
          herkomst: [],
          herkomstPerGemeente: [],
          aanleiding: [],
          uitstroomPerGroep: [],
        };
      }),
    );
  }
  const at = (tenant: string, i: number) => result.get(tenant)?.[i - 1];
  for (const r of regR.rows) {
    const k = at(r.tenant_id, r.i);
    if (k) {
      k.aanmeldingen = r.aanmeldingen;
      k.startTraject = r.start_traject;
    }
  }
  for (const t of trR.rows) {
    const k = at(t.tenant_id, t.i);
    if (!k) continue;
    k.trajectenBeeindigd = t.n;
    k.gemiddeldAantalNachten = round1(t.nights);
    k.gemiddeldeDuurTrajectDagen = round1(t.dur);
    k.uitgestroomd = t.uit;
    k.vertrokkenOnbekend = t.onbekend;
    k.binnenDrieMaandenDoorgestroomd = share(t.binnen, t.n);
    k.uitstroomNaarWonen = share(t.wonen, t.uit);
    k.uitstroomPerGroep = EXIT_GROUPS.map((g) => ({ groep: g.code, label: g.label, aantal: t[`g_${g.code}`] })).filter(
      (g) => g.aantal > 0,
    );
  }
  for (const o of occR.rows) {
    const k = at(o.tenant_id, o.i);
    const nights = pastNights(q.periods[o.i - 1]!, today);
    if (k && nights > 0) k.gemiddeldeBedbezetting = round1(o.overlap / nights);
  }
  for (const x of presR.rows) {
    const k = at(x.tenant_id, x.i);
    if (!k) continue;
    if (x.by_origin) {
      const label = x.origin_label ?? 'Onbekend';
      const h = k.herkomst.find((e) => e.herkomst === label);
      if (h) h.aantal += x.aantal;
      else k.herkomst.push({ herkomst: label, aantal: x.aantal });
      if (x.origin_code) {
        const g = k.herkomstPerGemeente.find((e) => e.gemeentecode === x.origin_code);
        if (g) g.aantal += x.aantal;
        else k.herkomstPerGemeente.push({ gemeentecode: x.origin_code, aantal: x.aantal });
      }
      k.personenInOpvang += x.aantal;
    } else {
      k.aanleiding.push({ aanleiding: causeLabel(x.cause), aantal: x.aantal });
    }
  }
  if (secret) addCellKeys(q.tenantIds, result, { regR, trR, occR, presR });
  const byCount =
    <T extends { aantal: number }>(key: (x: T) => string) =>
    (a: T, b: T) =>
      b.aantal - a.aantal || key(a).localeCompare(key(b), 'nl');
  for (const list of result.values()) {
    for (const k of list) {
      k.herkomst.sort(byCount((x) => x.herkomst));
      k.aanleiding.sort(byCount((x) => x.aanleiding));
      k.herkomstPerGemeente.sort(byCount((x) => x.gemeentecode));
    }
  }
  return result;
}

// Issue 13: the cell keys of the counts (columns ck_<name> of the four queries), for disclosure.ts (exported for the
// order test in cell-keys-order.test.ts).
export function addCellKeys(
  tenantIds: string[],
  result: Map<string, KeyFigures[]>,
  rows: { regR: { rows: object[] }; trR: { rows: object[] }; occR: { rows: object[] }; presR: { rows: object[] } },
) {
  const get = (r: object, name: string) => Number((r as Record<string, unknown>)[name] ?? 0);
  const add = (a: number, b: number) => (a + b) % 1;
  const at = (r: object) =>
    result.get(String((r as Record<string, unknown>).tenant_id))?.[get(r, 'i') - 1]?.celsleutels;
  for (const t of tenantIds)
    for (const k of result.get(t) ?? [])
      k.celsleutels = {
        aanmeldingen: 0,
        startTraject: 0,
        trajectenBeeindigd: 0,
        uitgestroomd: 0,
        vertrokkenOnbekend: 0,
        binnenDrieMaanden: 0,
        binnenDrieMaandenAantal: 0,
        uitstroomPerGroep: {},
        personenInOpvang: 0,
        herkomst: {},
        herkomstPerGemeente: {},
        aanleiding: {},
        bezettingPersonen: 0,
        bezetting: 0,
      };
  for (const r of rows.regR.rows) {
    const c = at(r);
    if (!c) continue;
    c.aanmeldingen = get(r, 'ck_aanmeldingen');
    c.startTraject = get(r, 'ck_start_traject');
  }
  for (const r of rows.trR.rows) {
    const c = at(r);
    if (!c) continue;
    c.trajectenBeeindigd = get(r, 'ck_n');
    c.uitgestroomd = get(r, 'ck_uit');
    c.vertrokkenOnbekend = get(r, 'ck_onbekend');
    c.binnenDrieMaanden = get(r, 'ck_binnen');
    c.binnenDrieMaandenAantal = get(r, 'binnen');
    for (const g of GROUP_CODES) c.uitstroomPerGroep[g] = get(r, `ck_g_${g}`);
  }
  for (const r of rows.occR.rows) {
    const c = at(r);
    if (!c) continue;
    c.bezettingPersonen = get(r, 'persons');
    c.bezetting = get(r, 'ck_persons');
  }
  // in a fixed order, whatever plan PostgreSQL chose (a prepared statement's generic plan may return the groups in
  // another order): the maps below get their keys, and the sums their rounding, the same way every time
  const order = (r: object) => {
    const x = r as Record<string, unknown>;
    return [x.tenant_id, x.i, x.by_origin, x.origin_label, x.origin_code, x.cause]
      .map((v) => String(v ?? ''))
      .join('\u0000');
  };
  const presence = rows.presR.rows
    .map((r) => ({ r, key: order(r) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => e.r);
  for (const r of presence) {
    const c = at(r);
    if (!c) continue;
    const x = r as { by_origin: number; origin_label: string | null; origin_code: string | null; cause: string | null };
    const key = get(r, 'ck_aantal');
    if (x.by_origin) {
      const label = x.origin_label ?? 'Onbekend';
      c.herkomst[label] = add(c.herkomst[label] ?? 0, key);
      if (x.origin_code) c.herkomstPerGemeente[x.origin_code] = add(c.herkomstPerGemeente[x.origin_code] ?? 0, key);
      c.personenInOpvang = add(c.personenInOpvang, key);
    } else {
      const label = causeLabel(x.cause);
      c.aanleiding[label] = add(c.aanleiding[label] ?? 0, key);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// periods

export type Interval = 'jaar' | 'halfjaar' | 'kwartaal' | 'maand';
export const INTERVALS: Interval[] = ['jaar', 'halfjaar', 'kwartaal', 'maand'];
const MONTHS: Record<Interval, number> = { jaar: 12, halfjaar: 6, kwartaal: 3, maand: 1 };
const pad = (n: number) => String(n).padStart(2, '0');

/** Calendar label of the bucket starting in year y, month m (1-based): 2018, 2019H1, 2019K3, 2019-03. */
function bucketLabel(interval: Interval, y: number, m: number): string {
  switch (interval) {
    case 'jaar':
      return String(y);
    case 'halfjaar':
      return `${y}H${m <= 6 ? 1 : 2}`;
    case 'kwartaal':
      return `${y}K${Math.floor((m - 1) / 3) + 1}`;
    default:
      return `${y}-${pad(m)}`;
  }
}

/**
 * Splits [from, to) at calendar boundaries of the interval (years, half years, quarters, months). The first
 * and last part may be partial; each keeps the label of its calendar bucket.
 */
export function splitPeriods(from: string, to: string, interval: Interval): (Period & { label: string })[] {
  const step = MONTHS[interval];
  const out: (Period & { label: string })[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  // start of the calendar bucket containing `from`
  m = Math.floor((m - 1) / step) * step + 1;
  let cur = from;
  while (cur < to) {
    let ny = y,
      nm = m + step;
    if (nm > 12) {
      ny += 1;
      nm -= 12;
    }
    const next = `${ny}-${pad(nm)}-01`;
    const end = next < to ? next : to;
    out.push({ label: bucketLabel(interval, y, m), from: cur, to: end });
    cur = end;
    y = ny;
    m = nm;
  }
  return out;
}
