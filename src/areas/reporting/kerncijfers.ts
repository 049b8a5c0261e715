// Kerncijfers of the night shelter, exactly as defined in ../shared/domain.md §4 (the Leger des Heils table
// "Cijfers maatschappelijke opvang"). Every figure is for a half-open period [from, to) of ISO dates.
//
// Choices where the definition leaves room (kept here so every report follows the same ones):
// - Nights of a stay are (ended_on − started_on); a same-day exit is 0 nights. An open stay runs "until now"
//   when its length matters (startTraject), and until +infinity for occupancy (it occupies every night of the
//   period from its start on).
// - Bed occupancy counts 1 bed per stay (one person), not household_size: the night shelter places single
//   adults, and the Leger des Heils table counts people per night. It is the sum of the overlap nights of the
//   stays in units of night-shelter facilities (facilities.is_night_shelter) with the period, divided by the
//   number of nights in the period (equivalent to averaging a per-night count, but without generate_series).
// - "Placement of more than 3 nights" (startTraject) sums the nights of the night-shelter stays of the
//   registration or of the trajectory it started.
// - Mean nights is over the ended trajectories that had at least one stay; a trajectory without any stay
//   (e.g. straight into Housing First) has no nights in shelter to average. An open stay of an ended
//   trajectory is counted up to the trajectory's end.
// - Filters: originMunicipalityCode restricts to clients with that CBS code of origin; facilityId restricts to
//   stays in that facility (and to registrations/trajectories with a stay there) and makes that facility the
//   "night shelter" for occupancy and for the > 3 nights rule, whatever its is_night_shelter flag.
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
import { CAUSES, EXIT_GROUPS, type ExitGroup } from '../../reference/reference.js';
import { type CellKeys, cellKeySql } from './cellkeys.js';

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
}

export interface KeyFigures {
  aanmeldingen: number;
  startTraject: number;
  gemiddeldAantalNachten: number | null;
  gemiddeldeDuurTrajectDagen: number | null;
  uitgestroomd: number;
  gemiddeldeBedbezetting: number | null;
  /** Share 0..1 of ended trajectories with a duration of at most 91 days. */
  binnenDrieMaandenDoorgestroomd: number | null;
  /** Share 0..1 of exits to permanent housing. */
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

export async function computeKeyFigures(db: Tx, q: KeyFiguresQuery): Promise<KeyFigures> {
  const { tenantId, from, to, ...filters } = q;
  const r = await computeSeries(db, { tenantIds: [tenantId], periods: [{ from, to }], filters });
  return r.get(tenantId)![0]!;
}

/**
 * All key figures for every tenant in tenantIds and every period (periods may overlap or have gaps).
 * Returns per tenant an array parallel to `periods`.
 */
export async function computeSeries(
  db: Tx,
  q: { tenantIds: string[]; periods: Period[]; filters?: FigureFilters; cellKeySecret?: string },
): Promise<Map<string, KeyFigures[]>> {
  const f = q.filters ?? {};
  // Issue 13: with a cellKeySecret every count also yields its cell key (`, <key> as ck_<name>`), else nothing.
  const secret = q.cellKeySecret;
  const ck = (name: string, col: string, opts: { filter?: RawBuilder<unknown>; distinct?: boolean } = {}) =>
    secret ? sql`, ${cellKeySql(secret, sql.ref(col), opts)} as ${sql.ref(`ck_${name}`)}` : sql``;
  const ckGroups = sql.join(
    GROUP_CODES.map((g) =>
      ck(`g_${g}`, 'ended.id', { filter: sql`exit_destination is not null and coalesce(exit_group, 'overig') = ${g}` }),
    ),
    sql` `,
  );
  for (const [i, p] of q.periods.entries()) {
    if (!(p.from <= p.to) || (i > 0 && q.periods[i - 1]!.to !== p.from))
      throw new Error('computeSeries: perioden moeten aansluiten en oplopen (splitPeriods).');
  }
  const tenants = sql`${pgArray(q.tenantIds)}::text[]`;
  const periods = sql`(select p.van, p.tot, p.i::int as i from unnest(${pgArray(q.periods.map((p) => p.from))}::date[], ${pgArray(q.periods.map((p) => p.to))}::date[]) with ordinality as p(van, tot, i))`;
  const minFrom = q.periods.reduce((m, p) => (p.from < m ? p.from : m), q.periods[0]?.from ?? '9999-12-31');
  const maxTo = q.periods.reduce((m, p) => (p.to > m ? p.to : m), q.periods[0]?.to ?? '0001-01-01');
  const facility = f.facilityId ?? null;

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
  /** Joins for a night-shelter stay `s` (or a stay in the filtered facility). */
  const shelterJoin = (s: string) =>
    facility
      ? sql`join units su on su.id = ${sql.ref(`${s}.unit_id`)} and su.facility_id = ${facility}`
      : sql`join units su on su.id = ${sql.ref(`${s}.unit_id`)} join facilities sf on sf.id = su.facility_id and sf.is_night_shelter`;
  const facilityJoin = (s: string) =>
    facility ? sql`join units fu on fu.id = ${sql.ref(`${s}.unit_id`)} and fu.facility_id = ${facility}` : sql``;

  // 1. aanmeldingen and startTraject. The nights of registration r are those of the shelter stays of r itself or
  //    of a trajectory of r, each stay counted once: keyed by its own registration, plus by its trajectory's
  //    registration when that is another one. One pass over the stays with hash joins; no "x in (…) or y in (…)",
  //    which PostgreSQL evaluates per row once the subquery no longer fits in work_mem (quadratic nationally).
  // The facility filter as two semi-joins (issue 13): a correlated exists with "a = r.id or b in (…)" ran once per
  // registration over all stays and took minutes for 2015–2027 with a locatieId.
  const regFacility = facility
    ? sql`and r.id in (select fs.registration_id from stays fs join units fu on fu.id = fs.unit_id and fu.facility_id = ${facility}
          where fs.tenant_id = any(${tenants}) and fs.registration_id is not null
        union select ft.registration_id from stays fs join units fu on fu.id = fs.unit_id and fu.facility_id = ${facility}
          join trajectories ft on ft.id = fs.trajectory_id where fs.tenant_id = any(${tenants}) and ft.registration_id is not null)`
    : sql``;
  const reg = sql<{ tenant_id: string; i: number; aanmeldingen: number; start_traject: number }>`
    with regs as materialized (
      select r.id, r.tenant_id, p.i
      from ${periods} p
      join registrations r on r.registered_on >= p.van and r.registered_on < p.tot
      ${clientJoin('r.client_id')}
      where r.tenant_id = any(${tenants}) ${clientFilter(sql`r.registered_on`)} ${regFacility}
    ), with_trajectory as (
      select distinct t.registration_id as id from trajectories t where t.tenant_id = any(${tenants}) and t.registration_id is not null
    ), keyed as (
      select s.registration_id as rid, greatest(0, coalesce(s.ended_on, current_date) - s.started_on) as n
      from stays s ${shelterJoin('s')}
      where s.tenant_id = any(${tenants}) and s.registration_id is not null
      union all
      select t.registration_id, greatest(0, coalesce(s.ended_on, current_date) - s.started_on)
      from stays s ${shelterJoin('s')} join trajectories t on t.id = s.trajectory_id
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

  // 2. trajectories ended in the period, with exits per destination group
  const trajFacility = facility
    ? sql`and t.id in (select fs.trajectory_id from stays fs join units fu on fu.id = fs.unit_id and fu.facility_id = ${facility}
          where fs.tenant_id = any(${tenants}) and fs.trajectory_id is not null)`
    : sql``;
  const groupCols = sql.join(
    GROUP_CODES.map(
      (g) =>
        sql`(count(*) filter (where exit_destination is not null and coalesce(exit_group, 'overig') = ${g}))::int as ${sql.ref(`g_${g}`)}`,
    ),
  );
  const tr = sql<
    {
      tenant_id: string;
      i: number;
      n: number;
      dur: number | null;
      nights: number | null;
      uit: number;
      binnen: number;
      wonen: number;
    } & Record<`g_${ExitGroup}`, number>
  >`
    with ended as materialized (
      select t.id, t.tenant_id, p.i, t.ended_on, (t.ended_on - t.started_on) as dur, t.exit_destination, t.exit_group
      from ${periods} p
      join trajectories t on t.ended_on >= p.van and t.ended_on < p.tot
      ${clientJoin('t.client_id')}
      where t.tenant_id = any(${tenants}) ${clientFilter(regDateOr('t.registration_id', 't.started_on'))} ${trajFacility}
    ), nights as (
      select e.id, sum(greatest(0, coalesce(s.ended_on, e.ended_on) - s.started_on)) as nights
      from (select distinct id, ended_on from ended) e join stays s on s.trajectory_id = e.id ${facilityJoin('s')}
      group by e.id
    )
    select tenant_id, i, count(*)::int as n,
      avg(dur)::float8 as dur,
      avg(nights.nights)::float8 as nights,
      (count(*) filter (where exit_destination is not null))::int as uit,
      (count(*) filter (where dur <= 91))::int as binnen,
      (count(*) filter (where exit_destination is not null and exit_group = 'permanent'))::int as wonen,
      ${groupCols}
      ${ck('n', 'ended.id')} ${ck('uit', 'ended.id', { filter: sql`exit_destination is not null` })}
      ${ck('binnen', 'ended.id', { filter: sql`dur <= 91` })} ${ckGroups}
    from ended left join nights on nights.id = ended.id group by tenant_id, i
  `.execute(db);

  // 3. mean bed occupancy: overlap nights of night-shelter stays with [van, tot) / nights in the period.
  const occ = sql<{ tenant_id: string; i: number; overlap: number; persons?: number; ck_persons?: number }>`
    with st as (
      select s.tenant_id, s.started_on, s.ended_on, s.client_id
      from stays s ${shelterJoin('s')} ${clientJoin('s.client_id')}
      where s.tenant_id = any(${tenants}) and s.started_on < ${maxTo}::date and (s.ended_on is null or s.ended_on > ${minFrom}::date)
        ${clientFilter(regDateOr('s.registration_id', 's.started_on'))}
    )
    select st.tenant_id, p.i,
      sum(greatest(0, least(coalesce(st.ended_on, p.tot), p.tot) - greatest(st.started_on, p.van)))::float8 as overlap
      ${secret ? sql`, (count(distinct st.client_id) filter (where least(coalesce(st.ended_on, p.tot), p.tot) > greatest(st.started_on, p.van)))::int as persons` : sql``}
      ${ck('persons', 'st.client_id', { distinct: true, filter: sql`least(coalesce(st.ended_on, p.tot), p.tot) > greatest(st.started_on, p.van)` })}
    from st cross join lateral ${spanOf('st.started_on', 'st.ended_on')} k(i) join ${periods} p on p.i = k.i
    group by st.tenant_id, p.i
  `.execute(db);

  // 4. herkomst and aanleiding: distinct clients with a stay overlapping the period (a 0-night stay inside the
  //    period counts too).
  const pres = sql<{
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
      from stays s ${facilityJoin('s')} ${clientJoin('s.client_id')}
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
  const [regR, trR, occR, presR] = await Promise.all([reg, tr, occ, pres]);

  const result = new Map<string, KeyFigures[]>();
  for (const t of q.tenantIds) {
    result.set(
      t,
      q.periods.map((p) => {
        const nights = Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000);
        return {
          aanmeldingen: 0,
          startTraject: 0,
          gemiddeldAantalNachten: null,
          gemiddeldeDuurTrajectDagen: null,
          uitgestroomd: 0,
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
    k.binnenDrieMaandenDoorgestroomd = share(t.binnen, t.n);
    k.uitstroomNaarWonen = share(t.wonen, t.uit);
    k.uitstroomPerGroep = EXIT_GROUPS.map((g) => ({ groep: g.code, label: g.label, aantal: t[`g_${g.code}`] })).filter(
      (g) => g.aantal > 0,
    );
  }
  for (const o of occR.rows) {
    const k = at(o.tenant_id, o.i);
    const p = q.periods[o.i - 1]!;
    const nights = Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000);
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

// Issue 13: the cell keys of the counts (columns ck_<name> of the four queries), for disclosure.ts.
function addCellKeys(
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
  for (const r of rows.presR.rows) {
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
