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
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/database.js';
import { CAUSES, EXIT_GROUPS } from '../reference/reference.js';

export interface KeyFiguresQuery {
  tenantId: string;
  /** First day of the period, 'YYYY-MM-DD' (inclusive). */
  from: string;
  /** Day after the period, 'YYYY-MM-DD' (exclusive). */
  to: string;
  originMunicipalityCode?: string;
  facilityId?: string;
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
  herkomst: { herkomst: string; aantal: number }[];
  aanleiding: { aanleiding: string; aantal: number }[];
  uitstroomPerGroep: { groep: string; label: string; aantal: number }[];
}

const round1 = (x: number | null | undefined): number | null => (x == null || !Number.isFinite(x) ? null : Math.round(x * 10) / 10);
const share = (n: number, d: number): number | null => (d > 0 ? n / d : null);

export async function computeKeyFigures(db: Tx, q: KeyFiguresQuery): Promise<KeyFigures> {
  const from = sql`${q.from}::date`;
  const to = sql`${q.to}::date`;
  const origin = q.originMunicipalityCode ?? null;
  const facility = q.facilityId ?? null;

  const clientFilter = (c: string): RawBuilder<unknown> =>
    origin ? sql`and ${sql.ref(c)}.origin_municipality_code = ${origin}` : sql``;
  /** Condition on a stay alias `s` joined with units `u` and facilities `f`: a night-shelter stay. */
  const shelter = (s: string): RawBuilder<unknown> => facility
    ? sql`exists (select 1 from units su where su.id = ${sql.ref(s)}.unit_id and su.facility_id = ${facility})`
    : sql`exists (select 1 from units su join facilities sf on sf.id = su.facility_id where su.id = ${sql.ref(s)}.unit_id and sf.is_night_shelter)`;
  /** Any stay, or only stays in the filtered facility. */
  const inFacility = (s: string): RawBuilder<unknown> => facility
    ? sql`exists (select 1 from units fu where fu.id = ${sql.ref(s)}.unit_id and fu.facility_id = ${facility})`
    : sql`true`;

  // 1. aanmeldingen and startTraject
  const regFacility = facility
    ? sql`and exists (select 1 from stays fs where ${inFacility('fs')} and (fs.registration_id = r.id
          or fs.trajectory_id in (select ft.id from trajectories ft where ft.registration_id = r.id)))`
    : sql``;
  const reg = await sql<{ aanmeldingen: number; start_traject: number }>`
    select count(*)::int as aanmeldingen,
      (count(*) filter (where exists (
        select 1 from trajectories t
        where t.registration_id = r.id and t.tenant_id = r.tenant_id
          and (select coalesce(sum(greatest(0, coalesce(s.ended_on, current_date) - s.started_on)), 0)
               from stays s
               where (s.registration_id = r.id or s.trajectory_id = t.id) and ${shelter('s')}) > 3
      )))::int as start_traject
    from registrations r join clients c on c.id = r.client_id
    where r.tenant_id = ${q.tenantId} and r.registered_on >= ${from} and r.registered_on < ${to}
      ${clientFilter('c')} ${regFacility}
  `.execute(db);

  // 2. trajectories ended in the period
  const trajFacility = facility
    ? sql`and exists (select 1 from stays fs where fs.trajectory_id = t.id and ${inFacility('fs')})`
    : sql``;
  const ended = sql`
    select t.id, (t.ended_on - t.started_on) as dur, t.exit_destination, t.exit_group,
      (select sum(greatest(0, coalesce(s.ended_on, t.ended_on) - s.started_on))
       from stays s where s.trajectory_id = t.id and ${inFacility('s')}) as nights
    from trajectories t join clients c on c.id = t.client_id
    where t.tenant_id = ${q.tenantId} and t.ended_on >= ${from} and t.ended_on < ${to}
      ${clientFilter('c')} ${trajFacility}
  `;
  const tr = await sql<{ n: number; dur: number | null; nights: number | null; uit: number; binnen: number; wonen: number }>`
    with ended as (${ended})
    select count(*)::int as n,
      avg(dur)::float8 as dur,
      avg(nights)::float8 as nights,
      (count(*) filter (where exit_destination is not null))::int as uit,
      (count(*) filter (where dur <= 91))::int as binnen,
      (count(*) filter (where exit_destination is not null and exit_group = 'permanent'))::int as wonen
    from ended
  `.execute(db);
  const groups = await sql<{ groep: string | null; aantal: number }>`
    with ended as (${ended})
    select exit_group as groep, count(*)::int as aantal from ended
    where exit_destination is not null group by exit_group
  `.execute(db);

  // 3. mean bed occupancy: overlap nights of night-shelter stays with [from, to) / nights in the period
  const occ = await sql<{ overlap: number; nights: number }>`
    select coalesce(sum(greatest(0, least(coalesce(s.ended_on, ${to}), ${to}) - greatest(s.started_on, ${from}))), 0)::float8 as overlap,
      (${to} - ${from})::int as nights
    from stays s join clients c on c.id = s.client_id
    where s.tenant_id = ${q.tenantId} and s.started_on < ${to} and (s.ended_on is null or s.ended_on > ${from})
      and ${shelter('s')} ${clientFilter('c')}
  `.execute(db);

  // 4. herkomst and aanleiding: distinct clients with a stay overlapping the period (a 0-night stay inside the
  //    period counts too).
  const present = sql`
    select distinct c.id, c.origin_label, c.cause
    from stays s join clients c on c.id = s.client_id
    where s.tenant_id = ${q.tenantId} and s.started_on < ${to}
      and (s.ended_on is null or s.ended_on > ${from} or s.started_on >= ${from})
      and ${inFacility('s')} ${clientFilter('c')}
  `;
  const herkomst = await sql<{ label: string; aantal: number }>`
    with p as (${present}) select origin_label as label, count(*)::int as aantal from p group by origin_label
  `.execute(db);
  const aanleiding = await sql<{ cause: string | null; aantal: number }>`
    with p as (${present}) select cause, count(*)::int as aantal from p group by cause
  `.execute(db);

  const r = reg.rows[0]!;
  const t = tr.rows[0]!;
  const o = occ.rows[0]!;
  const byCount = <T extends { aantal: number }>(key: (x: T) => string) => (a: T, b: T) => b.aantal - a.aantal || key(a).localeCompare(key(b), 'nl');
  const causeLabel = (code: string | null) => (code == null ? 'Onbekend' : CAUSES.find((c) => c.code === code)?.label ?? code);
  const groupOrder = EXIT_GROUPS.map((g) => g.code as string);

  return {
    aanmeldingen: r.aanmeldingen,
    startTraject: r.start_traject,
    gemiddeldAantalNachten: round1(t.nights),
    gemiddeldeDuurTrajectDagen: round1(t.dur),
    uitgestroomd: t.uit,
    gemiddeldeBedbezetting: o.nights > 0 ? round1(o.overlap / o.nights) : null,
    binnenDrieMaandenDoorgestroomd: share(t.binnen, t.n),
    uitstroomNaarWonen: share(t.wonen, t.uit),
    herkomst: herkomst.rows.map((x) => ({ herkomst: x.label, aantal: x.aantal })).sort(byCount((x) => x.herkomst)),
    aanleiding: aanleiding.rows.map((x) => ({ aanleiding: causeLabel(x.cause), aantal: x.aantal })).sort(byCount((x) => x.aanleiding)),
    uitstroomPerGroep: [...groups.rows.reduce((m, x) => m.set(x.groep ?? 'overig', (m.get(x.groep ?? 'overig') ?? 0) + x.aantal), new Map<string, number>())]
      .map(([groep, aantal]) => ({ groep, label: EXIT_GROUPS.find((g) => g.code === groep)?.label ?? groep, aantal }))
      .sort((a, b) => groupOrder.indexOf(a.groep) - groupOrder.indexOf(b.groep)),
  };
}
