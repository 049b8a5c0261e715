// Issue 12: a merge can be undone. Two records wrongly merged are split again with their history (the rows that
// moved go back, the gaps the duplicate filled are emptied again), and the pair is recorded as two different
// persons, so it is never proposed or merged as duplicates again.

import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { refreshFigureFacts } from '../reporting/figure-facts.js';
import { getClientFile } from './clients.service.js';

const MOVED_TABLES = ['registrations', 'trajectories', 'stays', 'household_members'] as const;
const FILLABLE = ['bsn', 'birth_date', 'phone', 'email', 'cause'] as const;

interface MergeSnapshot {
  client: Record<string, unknown>;
  moved?: Partial<Record<(typeof MOVED_TABLES)[number], string[]>>;
  filled?: string[];
}

export async function undoMerge(ctx: Ctx, keptId: string, mergeId: string, reason: string) {
  authorize(ctx, 'clienten.splitsen');
  if (!reason?.trim())
    new Problems().add('reden', 'required', 'Vermeld waarom de samenvoeging onjuist was.').throwIfAny();
  await assertClientVisible(ctx, keptId);
  const m = await ctx.db
    .selectFrom('client_merges')
    .selectAll()
    .where('id', '=', mergeId)
    .where('kept_id', '=', keptId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!m) throw new NotFoundError('Samenvoeging niet gevonden.');
  if (m.undone_at) throw new ConflictError('Deze samenvoeging is al ongedaan gemaakt.');
  const snap = m.snapshot as unknown as MergeSnapshot;
  if (!snap.moved)
    throw new ConflictError(
      'Deze samenvoeging is gemaakt voordat samenvoegingen ongedaan konden worden gemaakt: er is niet vastgelegd welke gegevens van het andere dossier kwamen. Splitsen kan alleen handmatig, door de functioneel beheerder.',
    );
  for (const table of MOVED_TABLES) {
    const ids = snap.moved[table] ?? [];
    if (ids.length)
      await ctx.db
        .updateTable(table)
        .set({ client_id: m.merged_id })
        .where('id', 'in', ids)
        .where('client_id', '=', keptId)
        .execute();
  }
  await refreshFigureFacts(ctx.db, { clientIds: [keptId, m.merged_id] });
  // Empty the gaps the duplicate filled, where the kept record still holds the duplicate's value.
  const kept = await ctx.db.selectFrom('clients').selectAll().where('id', '=', keptId).executeTakeFirstOrThrow();
  const reset: Partial<Record<(typeof FILLABLE)[number], null>> = {};
  for (const f of FILLABLE)
    if ((snap.filled ?? []).includes(f) && kept[f] !== null && String(kept[f]) === String(snap.client[f]))
      reset[f] = null;
  if (Object.keys(reset).length)
    await ctx.db
      .updateTable('clients')
      .set({ ...reset, updated_at: ctx.now })
      .where('id', '=', keptId)
      .execute();
  await ctx.db
    .updateTable('clients')
    .set({ merged_into: null, updated_at: ctx.now })
    .where('id', '=', m.merged_id)
    .execute();
  await ctx.db
    .updateTable('client_merges')
    .set({ undone_at: ctx.now, undone_by: ctx.actor.userId, undo_reason: reason.trim() })
    .where('id', '=', mergeId)
    .execute();
  const [a, b] = keptId < m.merged_id ? [keptId, m.merged_id] : [m.merged_id, keptId];
  await ctx.db
    .insertInto('client_distinct_pairs')
    .values({ tenant_id: ctx.actor.tenantId, client_a: a, client_b: b, recorded_by: ctx.actor.userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await audit(ctx, {
    clientId: keptId,
    action: 'samenvoegen',
    resource: 'client',
    detail: `${m.merged_id} weer gesplitst`,
  });
  await audit(ctx, {
    clientId: m.merged_id,
    action: 'samenvoegen',
    resource: 'client',
    detail: `gesplitst van ${keptId}`,
  });
  return getClientFile(ctx, keptId);
}
