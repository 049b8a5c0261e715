// Rows for the terugval figure (./relapse.ts) and the "eerder in de opvang" share; aggregates only, no persons.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import { cellKeySql } from '../reporting/cellkeys.js';
import type { EntryRow, ExitRow } from './relapse.js';
/** Exits of the tenant in [from, to) and all entries (registrations, stay starts) of those clients after `from`. */
export async function loadRelapseRows(
  db: Tx,
  tenantId: string,
  from: string,
  to: string,
): Promise<{ exits: ExitRow[]; entries: EntryRow[] }> {
  const exits = await db
    .selectFrom('trajectories')
    .select(['client_id', 'ended_on', 'exit_destination', 'exit_group'])
    .where('tenant_id', '=', tenantId)
    .where('ended_on', '>=', from)
    .where('ended_on', '<', to)
    .where('exit_destination', 'is not', null)
    .execute();
  const entries = await sql<{ client_id: string; date: string }>`
    select r.client_id, r.registered_on as date from registrations r
    where r.tenant_id = ${tenantId} and r.registered_on > ${from}::date
      and r.client_id in (select t.client_id from trajectories t where t.tenant_id = ${tenantId} and t.ended_on >= ${from}::date and t.ended_on < ${to}::date)
    union all
    select s.client_id, s.started_on as date from stays s
    where s.tenant_id = ${tenantId} and s.started_on > ${from}::date
      and s.client_id in (select t.client_id from trajectories t where t.tenant_id = ${tenantId} and t.ended_on >= ${from}::date and t.ended_on < ${to}::date)
  `.execute(db);
  return {
    exits: exits.flatMap((e) =>
      e.ended_on
        ? [{ clientId: e.client_id, exitDate: e.ended_on, destination: e.exit_destination, group: e.exit_group }]
        : [],
    ),
    entries: entries.rows.map((e) => ({ clientId: e.client_id, date: e.date })),
  };
}

/**
 * "Eerder in de opvang": of the distinct clients with a stay overlapping [from, to), the share that had an
 * earlier stay of another trajectory (or without trajectory) that ended on or before the start of their first
 * stay in the period (the seed: 40% of current clients had used shelter before).
 */
export async function loadUsedShelterBefore(
  db: Tx,
  tenantId: string,
  from: string,
  to: string,
  cellKeySecret?: string,
): Promise<{ clients: number; before: number; clientsKey: number; beforeKey: number }> {
  // with a secret (policy roles, issue 13): the cell keys of both counts, for the cell key method
  const keys = cellKeySecret
    ? sql`, ${cellKeySql(cellKeySecret, sql.ref('f.client_id'))} as "clientsKey",
          ${cellKeySql(cellKeySecret, sql.ref('f.client_id'), { filter: sql`f.before` })} as "beforeKey"`
    : sql`, 0::float8 as "clientsKey", 0::float8 as "beforeKey"`;
  const r = await sql<{ clients: number; before: number; clientsKey: number; beforeKey: number }>`
    with cur as (
      select distinct on (s.client_id) s.client_id, s.started_on, s.trajectory_id
      from stays s where s.tenant_id = ${tenantId} and s.started_on < ${to}::date and (s.ended_on is null or s.ended_on > ${from}::date or s.started_on >= ${from}::date)
      order by s.client_id, s.started_on
    ), f as (
      select cur.client_id, exists (
        select 1 from stays p where p.client_id = cur.client_id and p.ended_on is not null and p.ended_on <= cur.started_on
          and p.started_on < cur.started_on and (cur.trajectory_id is null or p.trajectory_id is distinct from cur.trajectory_id)) as before
      from cur
    )
    select count(*)::int as clients, (count(*) filter (where f.before))::int as before ${keys}
    from f`.execute(db);
  const row = r.rows[0];
  return row
    ? { ...row, clientsKey: Number(row.clientsKey), beforeKey: Number(row.beforeKey) }
    : { clients: 0, before: 0, clientsKey: 0, beforeKey: 0 };
}
