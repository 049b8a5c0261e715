// Issue 15 (ADR 0015): the facts the kerncijfers are read from, kept in the same transaction as every change of
// registrations, stays, trajectories and exits. Grain:
// - figure_registrations: one row per registration × scope (':alle', ':nacht' always; one row per facility where
//   it has a stay): registration date, whether it started a trajectory, its nights in that scope (its own stays and
//   those of its trajectory, each once), as of any report day after last_day; open = an open stay still counts.
// - figure_trajectories: one row per trajectory × scope with a stay there: start, end, exit, nights in scope.
// - figure_stays: one row per stay with its facility and the date its age counts at (presence, occupancy with
//   person filters, open stays); also the memory of the previous state, so a refresh knows which nights changed.
// - figure_bed_nights: occupied beds per facility and night of the closed stays.
// Rows whose nights still depend on the report day (open, or last_day after it) are recomputed from figure_stays
// when read (kerncijfers.ts); those are the few current stays.
//
// refreshFigureFacts(trx, keys) recomputes the facts of the given registrations, trajectories and clients (and of
// everything linked to them) from the raw rows; services call it after they change stays, trajectories or
// registrations. rebuildFigureFacts(db, tenantId?) recomputes everything; compareFigureFacts reports differences.
import { type RawBuilder, sql } from 'kysely';
import { textArray } from '../../platform/db/arrays.js';
import type { Tx } from '../../platform/db/database.js';

export interface FigureKeys {
  registrationIds?: (string | null | undefined)[];
  trajectoryIds?: (string | null | undefined)[];
  /** Clients whose records moved (merge, undo of a merge): all their registrations, trajectories and stays. */
  clientIds?: (string | null | undefined)[];
  stayIds?: (string | null | undefined)[];
}

const arr = (xs: (string | null | undefined)[] | undefined) => {
  const v = [...new Set((xs ?? []).filter((x): x is string => typeof x === 'string' && x.length > 0))];
  return textArray(v);
};
const NIGHT = ':nacht';
const ALL = ':alle';

/** The facts rows to (re)insert, for the registrations / trajectories / stays matched by the conditions. */
async function insertFacts(
  db: Tx,
  w: { reg: RawBuilder<unknown>; traj: RawBuilder<unknown>; stay: RawBuilder<unknown> },
): Promise<void> {
  await sql`
    insert into figure_stays (tenant_id, stay_id, client_id, registration_id, trajectory_id, facility_id, household_size, ref_date, started_on, ended_on)
    select s.tenant_id, s.id, s.client_id, s.registration_id, s.trajectory_id, u.facility_id, s.household_size,
      coalesce((select r.registered_on from registrations r where r.id = s.registration_id), s.started_on), s.started_on, s.ended_on
    from stays s join units u on u.id = s.unit_id
    where ${w.stay}
  `.execute(db);
  await sql`
    insert into figure_registrations (tenant_id, registration_id, scope, client_id, registered_on, has_trajectory, nights, open, last_day)
    with r as materialized (
      select r.id, r.tenant_id, r.client_id, r.registered_on,
        exists (select 1 from trajectories t where t.registration_id = r.id) as has_trajectory
      from registrations r where ${w.reg}
    ), keyed as (
      select s.registration_id as rid, s.started_on, s.ended_on, u.facility_id, f.is_night_shelter
      from stays s join units u on u.id = s.unit_id join facilities f on f.id = u.facility_id
      where s.registration_id in (select id from r)
      union all
      select t.registration_id, s.started_on, s.ended_on, u.facility_id, f.is_night_shelter
      from stays s join trajectories t on t.id = s.trajectory_id join units u on u.id = s.unit_id join facilities f on f.id = u.facility_id
      where t.registration_id in (select id from r) and s.registration_id is distinct from t.registration_id
    ), scoped as (
      select rid, ${ALL}::text as scope, started_on, ended_on from keyed
      union all select rid, ${NIGHT}::text, started_on, ended_on from keyed where is_night_shelter
      union all select rid, facility_id, started_on, ended_on from keyed
    ), agg as (
      select rid, scope, sum(greatest(0, coalesce(ended_on, started_on) - started_on))::int as nights,
        bool_or(ended_on is null) as open, max(greatest(started_on, ended_on)) as last_day
      from scoped group by rid, scope
    )
    select r.tenant_id, r.id, sc.scope, r.client_id, r.registered_on, r.has_trajectory, coalesce(a.nights, 0),
      coalesce(a.open, false), a.last_day
    from r cross join (values (${ALL}::text), (${NIGHT}::text)) sc(scope) left join agg a on a.rid = r.id and a.scope = sc.scope
    union all
    select r.tenant_id, r.id, a.scope, r.client_id, r.registered_on, r.has_trajectory, a.nights, a.open, a.last_day
    from r join agg a on a.rid = r.id and a.scope not in (${ALL}, ${NIGHT})
  `.execute(db);
  await sql`
    insert into figure_trajectories (tenant_id, trajectory_id, scope, client_id, registration_id, ref_date, started_on, ended_on,
      exit_destination, exit_group, nights, open, last_day)
    with t as materialized (
      select t.id, t.tenant_id, t.client_id, t.registration_id, t.started_on, t.ended_on, t.exit_destination, t.exit_group,
        coalesce((select r.registered_on from registrations r where r.id = t.registration_id), t.started_on) as ref_date
      from trajectories t where ${w.traj}
    ), st as (
      select t.id as tid, s.started_on, coalesce(s.ended_on, t.ended_on) as ended_on, u.facility_id, f.is_night_shelter
      from t join stays s on s.trajectory_id = t.id join units u on u.id = s.unit_id join facilities f on f.id = u.facility_id
    ), scoped as (
      select tid, ${ALL}::text as scope, started_on, ended_on from st
      union all select tid, ${NIGHT}::text, started_on, ended_on from st where is_night_shelter
      union all select tid, facility_id, started_on, ended_on from st
    ), agg as (
      select tid, scope, sum(greatest(0, coalesce(ended_on, started_on) - started_on))::int as nights,
        bool_or(ended_on is null) as open, max(greatest(started_on, ended_on)) as last_day
      from scoped group by tid, scope
    )
    select t.tenant_id, t.id, a.scope, t.client_id, t.registration_id, t.ref_date, t.started_on, t.ended_on,
      t.exit_destination, t.exit_group, a.nights, a.open, a.last_day
    from t join agg a on a.tid = t.id
  `.execute(db);
}

/** Recomputes the occupied beds of the closed stays per facility over [from, to) from figure_stays. */
async function refreshBedNights(db: Tx, ranges: { facility_id: string; from: string; to: string }[]) {
  const merged = new Map<string, { from: string; to: string }>();
  for (const r of ranges) {
    if (!(r.from < r.to)) continue;
    const m = merged.get(r.facility_id);
    if (!m) merged.set(r.facility_id, { from: r.from, to: r.to });
    else {
      if (r.from < m.from) m.from = r.from;
      if (r.to > m.to) m.to = r.to;
    }
  }
  if (!merged.size) return;
  const fac = [...merged.keys()];
  const froms = fac.map((f) => merged.get(f)!.from);
  const tos = fac.map((f) => merged.get(f)!.to);
  const rng = sql`(select * from unnest(${arr(fac)}, ${`{${froms.join(',')}}`}::date[], ${`{${tos.join(',')}}`}::date[]) as x(facility_id, van, tot))`;
  await sql`delete from figure_bed_nights b using ${rng} g
    where b.facility_id = g.facility_id and b.night >= g.van and b.night < g.tot`.execute(db);
  await sql`
    insert into figure_bed_nights (tenant_id, facility_id, night, beds)
    select fs.tenant_id, fs.facility_id, d::date, sum(fs.household_size)::int
    from ${rng} g join figure_stays fs on fs.facility_id = g.facility_id and fs.ended_on is not null
      and fs.started_on < g.tot and fs.ended_on > g.van
    cross join lateral generate_series(greatest(fs.started_on, g.van), least(fs.ended_on, g.tot) - 1, interval '1 day') d
    group by fs.tenant_id, fs.facility_id, d::date
  `.execute(db);
}

type StayRange = { facility_id: string; started_on: string | Date; ended_on: string | Date | null };
const iso = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
const rangesOf = (rows: StayRange[]) =>
  rows
    .filter((r) => r.ended_on != null)
    .map((r) => ({ facility_id: r.facility_id, from: iso(r.started_on), to: iso(r.ended_on!) }));

/**
 * Recomputes, in the caller's transaction, the facts of the given registrations, trajectories, clients and stays
 * and of every record linked to them (a registration and its trajectories, a trajectory and the registrations of
 * its stays), plus the bed nights of their stays before and after the change.
 */
export async function refreshFigureFacts(db: Tx, keys: FigureKeys): Promise<void> {
  if (deferred.has(db)) return; // rebuilt once at the end of withFigureFactsDeferred (issue 13: the demo history)
  const R0 = arr(keys.registrationIds);
  const T0 = arr(keys.trajectoryIds);
  const C = arr(keys.clientIds);
  const S = arr(keys.stayIds);
  // 1. the registrations and trajectories of the stays, clients and records named (now and before the change)
  const links = await sql<{ rid: string | null; tid: string | null }>`
    select s.registration_id as rid, s.trajectory_id as tid from stays s
      where s.registration_id = any(${R0}) or s.trajectory_id = any(${T0}) or s.client_id = any(${C}) or s.id = any(${S})
    union select fs.registration_id, fs.trajectory_id from figure_stays fs
      where fs.registration_id = any(${R0}) or fs.trajectory_id = any(${T0}) or fs.client_id = any(${C}) or fs.stay_id = any(${S})
    union select r.id, null from registrations r where r.client_id = any(${C})
    union select fr.registration_id, null from figure_registrations fr where fr.client_id = any(${C})
    union select null, t.id from trajectories t where t.client_id = any(${C})
    union select null, ft.trajectory_id from figure_trajectories ft where ft.client_id = any(${C})
  `.execute(db);
  const R1 = arr([...(keys.registrationIds ?? []), ...links.rows.map((l) => l.rid)]);
  const T1 = arr([...(keys.trajectoryIds ?? []), ...links.rows.map((l) => l.tid)]);
  // 2. a registration counts the nights of its trajectories; a trajectory's age date is its registration's date
  const more = await sql<{ rid: string | null; tid: string | null }>`
    select t.registration_id as rid, t.id as tid from trajectories t where t.id = any(${T1}) or t.registration_id = any(${R1})
    union select ft.registration_id, ft.trajectory_id from figure_trajectories ft
      where ft.trajectory_id = any(${T1}) or ft.registration_id = any(${R1})
  `.execute(db);
  const all = [...links.rows, ...more.rows];
  const R = arr([...(keys.registrationIds ?? []), ...all.map((l) => l.rid)]);
  const T = arr([...(keys.trajectoryIds ?? []), ...all.map((l) => l.tid)]);
  const stayWhere = sql`(registration_id = any(${R}) or trajectory_id = any(${T}) or client_id = any(${C}) or ${sql.raw('stay_id')} = any(${S}))`;
  const old = await sql<StayRange>`delete from figure_stays where ${stayWhere}
    returning facility_id, started_on::text as started_on, ended_on::text as ended_on`.execute(db);
  await sql`delete from figure_registrations where registration_id = any(${R})`.execute(db);
  await sql`delete from figure_trajectories where trajectory_id = any(${T})`.execute(db);
  await insertFacts(db, {
    reg: sql`r.id = any(${R})`,
    traj: sql`t.id = any(${T})`,
    stay: sql`(s.registration_id = any(${R}) or s.trajectory_id = any(${T}) or s.client_id = any(${C}) or s.id = any(${S}))`,
  });
  const now = await sql<StayRange>`select facility_id, started_on::text as started_on, ended_on::text as ended_on
    from figure_stays where ${stayWhere}`.execute(db);
  await refreshBedNights(db, [...rangesOf(old.rows), ...rangesOf(now.rows)]);
}

/**
 * The transactions in which the per-write refresh is postponed to one rebuild at the end (withFigureFactsDeferred).
 * Keyed by the transaction object itself, so nothing outlives it and no other transaction is affected.
 */
const deferred = new WeakSet<object>();

/**
 * Issue 13 (ADR 0014): runs fn in the caller's transaction with the facts refresh of every write postponed, then
 * rebuilds the facts of the tenant once (rebuildFigureFacts), still in that transaction: afterwards the facts are the
 * same as if every write had refreshed them, at a fraction of the cost for tens of thousands of writes. Only for bulk
 * work that runs in one transaction (the demo history); request code never uses it.
 */
export async function withFigureFactsDeferred<T>(tx: Tx, tenantId: string, fn: () => Promise<T>): Promise<T> {
  if (deferred.has(tx)) return fn();
  deferred.add(tx);
  try {
    const result = await fn();
    deferred.delete(tx);
    await rebuildFigureFacts(tx, tenantId);
    return result;
  } finally {
    deferred.delete(tx);
  }
}

/** Recomputes every fact (of one tenant, or of all) from the raw rows. */
export async function rebuildFigureFacts(db: Tx, tenantId?: string): Promise<void> {
  const t = (col: string) => (tenantId ? sql`${sql.ref(col)} = ${tenantId}` : sql`true`);
  for (const table of ['figure_stays', 'figure_registrations', 'figure_trajectories', 'figure_bed_nights'])
    await sql`delete from ${sql.table(table)} where ${t('tenant_id')}`.execute(db);
  await insertFacts(db, { reg: t('r.tenant_id'), traj: t('t.tenant_id'), stay: t('s.tenant_id') });
  await sql`
    insert into figure_bed_nights (tenant_id, facility_id, night, beds)
    select fs.tenant_id, fs.facility_id, d::date, sum(fs.household_size)::int
    from figure_stays fs cross join lateral generate_series(fs.started_on, fs.ended_on - 1, interval '1 day') d
    where fs.ended_on is not null and ${t('fs.tenant_id')}
    group by fs.tenant_id, fs.facility_id, d::date
  `.execute(db);
}

export interface FactDifference {
  table: string;
  key: string;
  kind: 'ontbreekt' | 'overbodig';
}

/**
 * Recomputes the facts from the raw rows in temporary tables and compares them row by row with the maintained
 * ones. Returns the differences (empty: the facts are current). Runs in the caller's transaction; changes nothing.
 */
export async function compareFigureFacts(db: Tx, tenantId?: string): Promise<FactDifference[]> {
  if (!db.isTransaction) return db.transaction().execute((tx) => compareFigureFacts(tx, tenantId));
  const tables: { name: string; cols: string; key: string }[] = [
    {
      name: 'figure_stays',
      cols: 'tenant_id, stay_id, client_id, registration_id, trajectory_id, facility_id, household_size, ref_date, started_on, ended_on',
      key: 'stay_id',
    },
    {
      name: 'figure_registrations',
      cols: 'tenant_id, registration_id, scope, client_id, registered_on, has_trajectory, nights, open, last_day',
      key: "registration_id || ' ' || scope",
    },
    {
      name: 'figure_trajectories',
      cols: 'tenant_id, trajectory_id, scope, client_id, registration_id, ref_date, started_on, ended_on, exit_destination, exit_group, nights, open, last_day',
      key: "trajectory_id || ' ' || scope",
    },
    { name: 'figure_bed_nights', cols: 'tenant_id, facility_id, night, beds', key: "facility_id || ' ' || night" },
  ];
  const t = (col: string) => (tenantId ? sql`${sql.ref(col)} = ${tenantId}` : sql`true`);
  // Save the maintained rows, rebuild in place, compare, and put the maintained rows back: the caller's
  // transaction ends with the facts exactly as they were (the CLI rolls back anyway).
  const out: FactDifference[] = [];
  for (const x of tables)
    await sql`create temporary table ${sql.raw(`kept_${x.name}`)} on commit drop as
      select ${sql.raw(x.cols)} from ${sql.table(x.name)} where ${t('tenant_id')}`.execute(db);
  await rebuildFigureFacts(db, tenantId);
  for (const x of tables) {
    const diff = await sql<{ key: string; kind: 'ontbreekt' | 'overbodig' }>`
      select ${sql.raw(x.key)} as key, 'ontbreekt' as kind from (
        select ${sql.raw(x.cols)} from ${sql.table(x.name)} where ${t('tenant_id')}
        except all select ${sql.raw(x.cols)} from ${sql.raw(`kept_${x.name}`)}) a
      union all
      select ${sql.raw(x.key)}, 'overbodig' from (
        select ${sql.raw(x.cols)} from ${sql.raw(`kept_${x.name}`)}
        except all select ${sql.raw(x.cols)} from ${sql.table(x.name)} where ${t('tenant_id')}) b
      order by 1 limit 1000
    `.execute(db);
    for (const d of diff.rows) out.push({ table: x.name, key: d.key, kind: d.kind });
  }
  for (const x of tables) {
    await sql`delete from ${sql.table(x.name)} where ${t('tenant_id')}`.execute(db);
    await sql`insert into ${sql.table(x.name)} (${sql.raw(x.cols)}) select ${sql.raw(x.cols)} from ${sql.raw(`kept_${x.name}`)}`.execute(
      db,
    );
    await sql`drop table ${sql.raw(`kept_${x.name}`)}`.execute(db);
  }
  return out;
}
