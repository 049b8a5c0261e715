// Queries of the waiting lists: the active entries of a list in priority order, recent throughput, a client's entries.
import { sql } from 'kysely';
import { anyOf } from '../../platform/db/arrays.js';
import { addDays } from '../../platform/validation.js';
import type { Ctx } from '../../rights/context.js';
import { orderWaitingList, THROUGHPUT_WINDOW_DAYS } from './rules.js';

/** The entries still on a list, in priority order (orderWaitingList), with the client's name. */
export async function activeEntries(ctx: Ctx, kind: string) {
  const rows = await ctx.db
    .selectFrom('waiting_list_entries')
    .innerJoin('clients', 'clients.id', 'waiting_list_entries.client_id')
    .select([
      'waiting_list_entries.id',
      'waiting_list_entries.client_id',
      'listed_on',
      'urgent',
      'note',
      'waiting_list_entries.created_at',
      'clients.first_name',
      'clients.last_name',
    ])
    .where('waiting_list_entries.tenant_id', '=', ctx.actor.tenantId)
    .where('list_kind', '=', kind)
    .where('removed_on', 'is', null)
    .execute();
  return orderWaitingList(rows.map((r) => ({ ...r, listedOn: r.listed_on, createdAt: r.created_at })));
}

/** Placements from the list in the last 180 days (the throughput the expected wait is based on), and their mean wait. */
export async function throughput(ctx: Ctx, kind: string, today: string) {
  const r = await ctx.db
    .selectFrom('waiting_list_entries')
    .select([
      sql<number>`count(*)::int`.as('n'),
      sql<number | null>`avg(removed_on - listed_on)::float8`.as('avg_wait'),
    ])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('list_kind', '=', kind)
    .where('removal_reason', '=', 'geplaatst')
    .where('removed_on', '>', addDays(today, -THROUGHPUT_WINDOW_DAYS))
    .where('removed_on', '<=', today)
    .executeTakeFirstOrThrow();
  return { placed: r.n, avgWait: r.avg_wait === null ? null : Math.round(r.avg_wait) };
}

/** All entries of a client, newest first (active and earlier). */
export function entriesOfClientRows(ctx: Ctx, clientId: string) {
  return ctx.db
    .selectFrom('waiting_list_entries')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('client_id', '=', clientId)
    .orderBy('listed_on', 'desc')
    .execute();
}

/** The active entries of these clients (for the doorstroomoverleg). */
export async function activeEntriesOfClients(ctx: Ctx, clientIds: readonly string[]) {
  if (!clientIds.length) return [];
  return ctx.db
    .selectFrom('waiting_list_entries')
    .select(['client_id', 'list_kind', 'listed_on'])
    .where('client_id', '=', anyOf(clientIds))
    .where('removed_on', 'is', null)
    .execute();
}
