// Kysely queries of clients: the summary list (search, duplicates) and everything the client file shows.
import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../rights/context.js';
import { visibleClients } from '../../rights/visibility.js';
import { staysWithPlace } from '../shelter/placements.queries.js';
import { decisionsWithNames } from './registrations.queries.js';

/** Every word of the search term must occur in the first or last name (case-insensitive). */
export function nameMatches(search: string) {
  const words = search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `%${w.replace(/[%_\\]/g, '')}%`);
  return (eb: ExpressionBuilder<DB, 'clients'>) =>
    eb.and(
      words.map((like) =>
        eb.or([eb(sql`lower(clients.first_name)`, 'like', like), eb(sql`lower(clients.last_name)`, 'like', like)]),
      ),
    );
}

/** The visible clients as list rows: person, current place, and the counts the list status is made of. */
export function clientSummaryRows(
  ctx: Ctx,
  opts: { ids?: string[]; search?: string; limit?: number; offset?: number; sort?: string } = {},
) {
  let q = visibleClients(ctx)
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('stays')
          .innerJoin('units', 'units.id', 'stays.unit_id')
          .innerJoin('facilities', 'facilities.id', 'units.facility_id')
          .select(['stays.client_id', 'facilities.name as facility_name', 'units.name as unit_name'])
          .where('stays.ended_on', 'is', null)
          .as('open_stay'),
      (join) => join.onRef('open_stay.client_id', '=', 'clients.id'),
    )
    .select((eb) => [
      'clients.id',
      'clients.first_name',
      'clients.last_name',
      'clients.birth_date',
      'clients.origin_label',
      'clients.bsn',
      'clients.created_at',
      'open_stay.facility_name',
      'open_stay.unit_name',
      eb
        .selectFrom('trajectories')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('trajectories.client_id', '=', 'clients.id')
        .where('trajectories.ended_on', 'is', null)
        .as('open_trajectories'),
      eb
        .selectFrom('trajectories')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('trajectories.client_id', '=', 'clients.id')
        .as('trajectories'),
      eb
        .selectFrom('registrations')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('registrations.client_id', '=', 'clients.id')
        .where('registrations.status', '!=', 'besloten')
        .as('open_registrations'),
      // issue 12 deel A: the trajecthouder of the open trajectory
      eb
        .selectFrom('trajectories')
        .innerJoin('users', 'users.id', 'trajectories.case_manager_id')
        .select('users.display_name')
        .whereRef('trajectories.client_id', '=', 'clients.id')
        .where('trajectories.ended_on', 'is', null)
        .limit(1)
        .as('case_manager_name'),
    ]);
  if (opts.ids) q = q.where('clients.id', 'in', opts.ids);
  if (opts.search) q = q.where(nameMatches(opts.search));
  q =
    opts.sort === '-aangemaakt'
      ? q.orderBy('clients.created_at', 'desc')
      : q.orderBy(sql`lower(clients.last_name)`).orderBy(sql`lower(clients.first_name)`);
  if (opts.limit) q = q.limit(opts.limit).offset(opts.offset ?? 0);
  return q.execute();
}
export type ClientSummaryRow = Awaited<ReturnType<typeof clientSummaryRows>>[number];

/** Everything of one client's file (the caller has checked that the client is visible). */
export async function clientFileRows(ctx: Ctx, clientId: string) {
  const db = ctx.db;
  const client = await db.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirstOrThrow();
  const [household, registrations, decisions, trajectories, stays, merges] = await Promise.all([
    db.selectFrom('household_members').selectAll().where('client_id', '=', clientId).orderBy('name').execute(),
    db
      .selectFrom('registrations')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('registered_on', 'desc')
      .execute(),
    decisionsWithNames(db).where('registrations.client_id', '=', clientId).execute(),
    db.selectFrom('trajectories').selectAll().where('client_id', '=', clientId).orderBy('started_on', 'desc').execute(),
    staysWithPlace(db).where('stays.client_id', '=', clientId).orderBy('stays.started_on', 'desc').execute(),
    db.selectFrom('client_merges').select(['merged_at', 'merged_id']).where('kept_id', '=', clientId).execute(),
  ]);
  return { client, household, registrations, decisions, trajectories, stays, merges };
}
export type ClientFileRows = Awaited<ReturnType<typeof clientFileRows>>;
