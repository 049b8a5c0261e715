// Issue 15 (ADR 0015): the four queries of computeSeries (kerncijfers.ts) on the maintained facts of
// figure-facts.ts instead of the raw stays. Same definitions, same row shapes; kerncijfers.ts builds the figures.
// - Registrations and trajectories: one fact row per record and scope carries its nights in that scope; a row
//   whose nights still depend on the report day (an open stay, or a stay ending after the report day) is
//   recomputed from figure_stays when read.
// - Bed occupancy: figure_bed_nights (closed stays, per facility and night) plus the open stays; with a person
//   filter or cell keys (distinct persons) per stay from figure_stays.
// - herkomst / aanleiding: distinct clients of figure_stays (one row per stay, its facility already resolved).
// Person filters (herkomst, huishouden, leeftijdsgroep) join clients as the raw queries do: the facts carry the
// client and the date at which the age counts.
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import type { ExitGroup } from '../../reference/reference.js';

type Raw = RawBuilder<unknown>;
export interface FactQueryParts {
  db: Tx;
  tenants: Raw;
  today: string;
  day: Raw;
  facility: string | null;
  allFacilities: boolean;
  bounds: Raw;
  periods: Raw;
  spanOf: (start: string, end: string) => Raw;
  minFrom: string;
  maxTo: string;
  ck: (name: string, col: string, opts?: { filter?: Raw; distinct?: boolean }) => Raw;
  ckGroups: Raw;
  groupCols: Raw;
  clientJoin: (col: string) => Raw;
  clientFilter: (refDate: Raw) => Raw;
  secret: string | undefined;
  personFilter: boolean;
}

export async function factQueries(x: FactQueryParts) {
  const { db, tenants, day, facility, allFacilities, bounds, periods, spanOf, minFrom, maxTo, ck } = x;
  const scope = facility ?? (allFacilities ? ':alle' : ':nacht');
  /** Keeps only figure_stays rows `a` in the scope. */
  const stayScope = (a: string) =>
    facility
      ? sql`and ${sql.ref(`${a}.facility_id`)} = ${facility}`
      : allFacilities
        ? sql``
        : sql`and ${sql.ref(`${a}.facility_id`)} in (select nf.id from facilities nf where nf.is_night_shelter and nf.tenant_id = any(${tenants}))`;
  const current = (a: string) =>
    sql`(not ${sql.ref(`${a}.open`)} and (${sql.ref(`${a}.last_day`)} is null or ${sql.ref(`${a}.last_day`)} <= ${day}))`;
  const inPeriods = (col: string) => sql`${sql.ref(col)} >= ${minFrom}::date and ${sql.ref(col)} < ${maxTo}::date`;

  const reg = sql<{ tenant_id: string; i: number; aanmeldingen: number; start_traject: number }>`
    with regs as materialized (
      select fr.registration_id as id, fr.tenant_id, width_bucket(fr.registered_on, ${bounds}) as i, fr.has_trajectory,
        case when ${current('fr')} then fr.nights else (
          -- its own stays, and those of its trajectories registered under another registration: two index lookups
          select coalesce(sum(greatest(0, least(coalesce(z.ended_on, ${day}), ${day}) - z.started_on)), 0) from (
            select fs.started_on, fs.ended_on from figure_stays fs
            where fs.registration_id = fr.registration_id ${stayScope('fs')}
            union all
            select fs.started_on, fs.ended_on from trajectories t join figure_stays fs on fs.trajectory_id = t.id
            where t.registration_id = fr.registration_id and fs.registration_id is distinct from fr.registration_id
              ${stayScope('fs')}
          ) z
        ) end as n
      from figure_registrations fr ${x.clientJoin('fr.client_id')}
      where fr.tenant_id = any(${tenants}) and fr.scope = ${scope} and ${inPeriods('fr.registered_on')}
        ${x.clientFilter(sql`fr.registered_on`)}
    )
    select regs.tenant_id, regs.i, count(*)::int as aanmeldingen,
      (count(*) filter (where regs.has_trajectory and regs.n > 3))::int as start_traject
      ${ck('aanmeldingen', 'regs.id')} ${ck('start_traject', 'regs.id', { filter: sql`regs.has_trajectory and regs.n > 3` })}
    from regs ${facility ? sql`where regs.n > 0` : sql``}
    group by regs.tenant_id, regs.i
  `.execute(db);

  const tr = sql<
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
      select ft.trajectory_id as id, ft.tenant_id, width_bucket(ft.ended_on, ${bounds}) as i, ft.ended_on,
        (ft.ended_on - ft.started_on) as dur, ft.exit_destination, ft.exit_group,
        case when ${current('ft')} then ft.nights else (
          select coalesce(sum(greatest(0, least(coalesce(fs.ended_on, ft.ended_on, ${day}), ${day}) - fs.started_on)), 0)
          from figure_stays fs where fs.trajectory_id = ft.trajectory_id ${stayScope('fs')}
        ) end as nights
      from figure_trajectories ft ${x.clientJoin('ft.client_id')}
      where ft.tenant_id = any(${tenants}) and ft.scope = ${scope} and ${inPeriods('ft.ended_on')}
        ${x.clientFilter(sql`ft.ref_date`)}
    )
    select tenant_id, i, count(*)::int as n,
      avg(dur)::float8 as dur,
      avg(nights)::float8 as nights,
      (count(*) filter (where exit_destination is not null and exit_group is distinct from 'onbekend'))::int as uit,
      (count(*) filter (where exit_destination is null or exit_group = 'onbekend'))::int as onbekend,
      (count(*) filter (where dur <= 91))::int as binnen,
      (count(*) filter (where exit_destination is not null and exit_group = 'permanent'))::int as wonen,
      ${x.groupCols}
      ${ck('n', 'ended.id')} ${ck('uit', 'ended.id', { filter: sql`exit_destination is not null and exit_group is distinct from 'onbekend'` })}
      ${ck('onbekend', 'ended.id', { filter: sql`exit_destination is null or exit_group = 'onbekend'` })}
      ${ck('binnen', 'ended.id', { filter: sql`dur <= 91` })} ${x.ckGroups}
    from ended where nights > 0 group by tenant_id, i
  `.execute(db);

  // Occupancy: per stay when persons matter (a person filter, or the distinct persons of the cell key method),
  // else from the bed nights plus the open stays.
  const perStay = !!x.secret || x.personFilter;
  const occ = perStay
    ? sql<{ tenant_id: string; i: number; overlap: number; persons?: number; ck_persons?: number }>`
    with st as (
      select s.tenant_id, s.started_on, s.ended_on, s.household_size, s.client_id
      from figure_stays s ${x.clientJoin('s.client_id')}
      where s.tenant_id = any(${tenants}) and s.started_on < least(${maxTo}::date, ${day}) and (s.ended_on is null or s.ended_on > ${minFrom}::date)
        ${stayScope('s')} ${x.clientFilter(sql`s.ref_date`)}
    )
    select st.tenant_id, p.i,
      sum(st.household_size * greatest(0, least(coalesce(st.ended_on, p.tot), p.tot, ${day}) - greatest(st.started_on, p.van)))::float8 as overlap
      ${x.secret ? sql`, (count(distinct st.client_id) filter (where least(coalesce(st.ended_on, p.tot), p.tot, ${day}) > greatest(st.started_on, p.van)))::int as persons` : sql``}
      ${ck('persons', 'st.client_id', { distinct: true, filter: sql`least(coalesce(st.ended_on, p.tot), p.tot, ${day}) > greatest(st.started_on, p.van)` })}
    from st cross join lateral ${spanOf('st.started_on', 'st.ended_on')} k(i) join ${periods} p on p.i = k.i
    group by st.tenant_id, p.i
  `.execute(db)
    : sql<{ tenant_id: string; i: number; overlap: number; persons?: number; ck_persons?: number }>`
    select tenant_id, i, sum(overlap)::float8 as overlap from (
      select b.tenant_id, width_bucket(b.night, ${bounds}) as i, sum(b.beds) as overlap
      from figure_bed_nights b
      where b.tenant_id = any(${tenants}) and b.night >= ${minFrom}::date and b.night < least(${maxTo}::date, ${day})
        ${stayScope('b')}
      group by 1, 2
      union all
      select s.tenant_id, p.i, sum(s.household_size * greatest(0, least(p.tot, ${day}) - greatest(s.started_on, p.van)))
      from figure_stays s cross join lateral ${spanOf('s.started_on', 's.ended_on')} k(i) join ${periods} p on p.i = k.i
      where s.tenant_id = any(${tenants}) and s.ended_on is null and s.started_on < least(${maxTo}::date, ${day})
        ${stayScope('s')}
      group by 1, 2
    ) o group by tenant_id, i
  `.execute(db);

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
      from figure_stays s ${x.clientJoin('s.client_id')}
      where s.tenant_id = any(${tenants}) and s.started_on < ${maxTo}::date
        and (s.ended_on is null or s.ended_on > ${minFrom}::date or s.started_on >= ${minFrom}::date)
        ${stayScope('s')} ${x.clientFilter(sql`s.ref_date`)}
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

  return Promise.all([reg, tr, occ, pres]);
}
