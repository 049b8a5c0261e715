// Kysely queries of clients: the summary list (search, duplicates) and everything the client file shows.
import { type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { anyOf } from '../../platform/db/arrays.js';
import { compiledQuery } from '../../platform/db/compiled.js';
import type { DB } from '../../platform/db/schema.js';
import { asTableOwner, type Ctx } from '../../rights/context.js';
import { visibleClients } from '../../rights/visibility.js';
import { staysWithPlace } from '../shelter/placements.queries.js';
import { isEmptySearch, type ParsedSearch, searchMatches, searchRank } from './client-search.js';
import { decisionsWithNames, objectionsOf } from './registrations.queries.js';

type SummaryOpts = {
  ids?: string[];
  search?: ParsedSearch;
  bsn?: string;
  limit?: number;
  offset?: number;
  sort?: string;
};

/** The filters of the list (ids, search, BSN), on any query over the visible clients. */
function filtered<O>(q: SelectQueryBuilder<DB, 'clients', O>, opts: SummaryOpts) {
  if (opts.ids) q = q.where('clients.id', '=', anyOf(opts.ids));
  if (opts.search && !isEmptySearch(opts.search)) q = q.where(searchMatches(opts.search));
  if (opts.bsn) q = q.where('clients.bsn', '=', opts.bsn);
  return q;
}

/** The filters and the order of the list (search, BSN, sort), on any query over the visible clients. */
function filteredAndOrdered<O>(q: SelectQueryBuilder<DB, 'clients', O>, opts: SummaryOpts) {
  q = filtered(q, opts);
  if (opts.sort === '-aangemaakt') q = q.orderBy('clients.created_at', 'desc');
  else {
    // the best matches first (whole words before prefixes before typos), then by name
    if (opts.search?.words.length && !opts.sort) q = q.orderBy(searchRank(opts.search), 'desc');
    q = q.orderBy(sql`lower(clients.last_name)`).orderBy(sql`lower(clients.first_name)`).orderBy('clients.id');
  }
  return q;
}

/**
 * The visible clients as list rows: person, current place, and the counts the list status is made of. Issue 15: a
 * page is picked first (filters and order only) and the summary columns (correlated subqueries) are computed for
 * the rows of that page only — not for every match before the sort, which made a short search term cost seconds.
 */
export async function clientSummaryRows(ctx: Ctx, opts: SummaryOpts = {}) {
  return (await clientSummaryPage(ctx, opts)).rows;
}

/**
 * As clientSummaryRows, with the number of all matches (`total`) when a page is asked (`limit`): counted in the page
 * query itself (count(*) over ()), so the filter runs once instead of once more for a separate count. Only a page past
 * the end has no row to carry the count; then it is counted apart.
 */
export async function clientSummaryPage(ctx: Ctx, opts: SummaryOpts = {}) {
  const limit = opts.limit;
  if (!limit) {
    const rows = await summaryQuery(ctx, opts).execute();
    return { rows, total: rows.length };
  }
  // The matches as narrow rows first (id and sort keys; `offset 0` keeps PostgreSQL from merging the two levels), then
  // counted and sorted: the window count no longer holds every match's whole row (measured: 2.8 → 1.7 ms for "de").
  const matches = filtered(visibleClients(ctx), opts)
    .select([
      'clients.id',
      'clients.created_at',
      (opts.search?.words.length && !opts.sort ? searchRank(opts.search) : sql<number>`0`).as('rank'),
      sql<string>`lower(clients.last_name)`.as('last'),
      sql<string>`lower(clients.first_name)`.as('first'),
    ])
    .offset(0)
    .as('m');
  let pageQ = ctx.db.selectFrom(matches).select(['m.id', sql<number>`count(*) over ()`.as('total')]);
  pageQ =
    opts.sort === '-aangemaakt'
      ? pageQ.orderBy('m.created_at', 'desc')
      : pageQ.orderBy('m.rank', 'desc').orderBy('m.last').orderBy('m.first').orderBy('m.id'); // as filteredAndOrdered
  // ADR 0036: the page of ids and the count run as the table owner. Under RLS PostgreSQL may not use the GIN index of
  // the search keys (the @> operator is not leakproof), and scanned every client of every tenant for each search
  // (measured for "de": 4.9 against 1.9 ms). visibleClients always filters on the actor's tenant (and for shelter
  // staff on their own facility) itself; this step returns only ids and a number, and the persons' data below are
  // read under RLS again, so an id of another tenant could not show a row.
  const page = await asTableOwner(ctx, () =>
    pageQ
      .limit(limit)
      .offset(opts.offset ?? 0)
      .execute(),
  );
  if (!page.length) {
    if (!opts.offset) return { rows: [], total: 0 };
    const { n } = await asTableOwner(ctx, () =>
      filtered(visibleClients(ctx).select(sql<number>`count(*)::int`.as('n')), opts).executeTakeFirstOrThrow(),
    );
    return { rows: [], total: n };
  }
  const rows = await summaryQuery(ctx, { ids: page.map((r) => r.id) }).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: page.flatMap((r) => byId.get(r.id) ?? []), total: Number(page[0]!.total) };
}

function summaryQuery(ctx: Ctx, opts: SummaryOpts) {
  const q = visibleClients(ctx)
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
      // the last time the chain saw the person: a registration, a decision, the start or end of a stay
      sql<string | null>`(SELECT max(d)::text FROM (
          SELECT registered_on AS d FROM registrations WHERE registrations.client_id = clients.id
          UNION ALL SELECT started_on FROM stays WHERE stays.client_id = clients.id
          UNION ALL SELECT ended_on FROM stays WHERE stays.client_id = clients.id
        ) contacts)`.as('last_contact'),
    ]);
  return filteredAndOrdered(q, opts);
}
export type ClientSummaryRow = Awaited<ReturnType<typeof clientSummaryRows>>[number];

/** Everything of one client's file (the caller has checked that the client is visible). */
/** The parts of the client file, read on every dossier view: built and compiled once (ADR 0036). */
const file = {
  household: compiledQuery((db, clientId: string) =>
    db.selectFrom('household_members').selectAll().where('client_id', '=', clientId).orderBy('name'),
  ),
  registrations: compiledQuery((db, clientId: string) =>
    db.selectFrom('registrations').selectAll().where('client_id', '=', clientId).orderBy('registered_on', 'desc'),
  ),
  decisions: compiledQuery((db, clientId: string) =>
    decisionsWithNames(db).where('registrations.client_id', '=', clientId),
  ),
  trajectories: compiledQuery((db, clientId: string) =>
    db.selectFrom('trajectories').selectAll().where('client_id', '=', clientId).orderBy('started_on', 'desc'),
  ),
  stays: compiledQuery((db, clientId: string) =>
    staysWithPlace(db).where('stays.client_id', '=', clientId).orderBy('stays.started_on', 'desc'),
  ),
  merges: compiledQuery((db, clientId: string) =>
    db
      .selectFrom('client_merges')
      .select(['id', 'merged_at', 'merged_id', 'undone_at'])
      // merges made before the undo feature stored no list of moved rows: they cannot be split from what is stored
      .select(sql<boolean>`(snapshot -> 'moved') IS NOT NULL`.as('splittable'))
      .where('kept_id', '=', clientId),
  ),
  corrections: compiledQuery((db, clientId: string) =>
    db
      .selectFrom('corrections')
      .leftJoin('users', 'users.id', 'corrections.corrected_by')
      .select([
        'corrections.id',
        'corrections.entity',
        'corrections.entity_id',
        'corrections.field',
        'corrections.old_value',
        'corrections.new_value',
        'corrections.reason',
        'corrections.corrected_at',
        'users.display_name as corrected_by_name',
      ])
      .where('corrections.client_id', '=', clientId)
      .orderBy('corrections.corrected_at', 'desc')
      .orderBy('corrections.id'),
  ),
  distinct: compiledQuery((db, clientId: string) =>
    db
      .selectFrom('client_distinct_pairs')
      .select(['client_a', 'client_b'])
      .where((eb) => eb.or([eb('client_a', '=', clientId), eb('client_b', '=', clientId)])),
  ),
};

export async function clientFileRows(ctx: Ctx, clientId: string, read?: Selectable<DB['clients']>) {
  const db = ctx.db;
  const client =
    read ?? (await db.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirstOrThrow());
  const rows = <R>(q: Promise<{ rows: R[] }>) => q.then((r) => r.rows);
  const [household, registrations, decisions, trajectories, stays, merges, corrections] = await Promise.all([
    rows(file.household(db, clientId)),
    rows(file.registrations(db, clientId)),
    rows(file.decisions(db, clientId)),
    rows(file.trajectories(db, clientId)),
    rows(file.stays(db, clientId)),
    rows(file.merges(db, clientId)),
    rows(file.corrections(db, clientId)),
  ]);
  const objections = await objectionsOf(
    db,
    decisions.map((d) => d.id),
  );
  const distinct = await rows(file.distinct(db, clientId));
  const notSame = distinct.map((d) => (d.client_a === clientId ? d.client_b : d.client_a));
  return { client, household, registrations, decisions, trajectories, stays, merges, corrections, objections, notSame };
}
export type ClientFileRows = Awaited<ReturnType<typeof clientFileRows>>;
