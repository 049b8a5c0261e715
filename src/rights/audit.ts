import { markChanged } from '../areas/data-quality/changes.js';
import { arrayLiteral } from '../platform/db/arrays.js';
import { compiledQuery } from '../platform/db/compiled.js';
import { NO_WAIT, sql, type Tx } from '../platform/db/database.js';
import { NotFoundError } from '../platform/errors.js';
import { auditAction, auditPart } from './audit-shape.js';
import type { Ctx } from './context.js';
import { authorize, can } from './rights.js';

export type AuditAction =
  | 'lezen'
  | 'aanmaken'
  | 'wijzigen'
  | 'samenvoegen'
  | 'plaatsen'
  | 'beeindigen'
  | 'besluiten'
  | 'zoeken';

interface AuditEntry {
  action: AuditAction;
  resource: string;
  detail?: string;
  basis?: string;
  emergency?: boolean;
}

/** The one shape of a NEN 7513 row: who (the actor), on whose behalf, about whom, what, from where, on what basis. */
function auditRow(ctx: Ctx, clientId: string | null, entry: AuditEntry) {
  return {
    tenant_id: ctx.actor.tenantId,
    user_id: ctx.actor.userId,
    username: ctx.actor.username,
    role: ctx.actor.role,
    on_behalf_of: ctx.actor.tenantId,
    client_id: clientId,
    action: entry.action,
    resource: entry.resource,
    detail: entry.detail ?? null,
    source_ip: ctx.sourceIp ?? null,
    basis: entry.basis ?? basisFor(ctx.actor.role),
    emergency: entry.emergency ?? false,
  };
}

/** NEN 7513 log row, written in the caller's transaction: the action and its log commit together. */
export async function audit(ctx: Ctx, entry: AuditEntry & { clientId: string | null }) {
  // issue 20 (ADR 0027): a write's client gets its data-quality findings recomputed before the commit
  if (entry.action !== 'lezen' && entry.action !== 'zoeken') markChanged(ctx.db, entry.clientId);
  const row = auditRow(ctx, entry.clientId, entry);
  if (await batch(ctx.db, [row])) return;
  await insertAuditRows(ctx.db, row, row.client_id === null ? NO_CLIENT : arrayLiteral([row.client_id]));
}

/** The client ids of a row about no client: one NULL element. */
const NO_CLIENT = '{NULL}';

/**
 * The audit rows of one entry, one per client in the array literal `clientIds`, in one statement whose text does not
 * depend on the number of clients: built and compiled once (ADR 0036), the shared fields once. `emergency` travels
 * as text and is cast in SQL (a text argument; PGlite would serialize a parameter typed boolean by truthiness).
 * ADR 0035: the insert travels with the next statement, and its error fails the commit.
 */
const insertAuditRowsQuery = compiledQuery(
  (
    _db,
    tenantId,
    userId,
    username,
    role,
    onBehalfOf,
    action,
    resource,
    detail,
    sourceIp,
    basis,
    emergency,
    clientIds,
  ) =>
    sql`insert into audit_log (tenant_id, user_id, username, role, on_behalf_of, client_id, action, resource, detail,
        source_ip, basis, emergency)
      select ${tenantId}::text, ${userId}::text, ${username}::text, ${role}::text, ${onBehalfOf}::text, c,
        ${action}::text, ${resource}::text, ${detail}::text, ${sourceIp}::text, ${basis}::text, (${emergency}::text)::boolean
      from unnest(${clientIds}::text[]) as c ${sql.raw(NO_WAIT)}`,
);
const insertAuditRows = (db: Tx, r: AuditRow, clientIds: string) =>
  insertAuditRowsQuery(
    db,
    r.tenant_id,
    r.user_id,
    r.username,
    r.role,
    r.on_behalf_of,
    r.action,
    r.resource,
    r.detail,
    r.source_ip,
    r.basis,
    String(r.emergency),
    clientIds,
  );

type AuditRow = ReturnType<typeof auditRow>;
/** Rows waiting to be written, per transaction in withAuditBatched (keyed by the transaction object itself). */
const pending = new WeakMap<object, AuditRow[]>();
const BATCH = 1000;

async function flush(db: Tx, rows: AuditRow[]) {
  const out = rows.splice(0, rows.length);
  if (out.length) await db.insertInto('audit_log').values(out).execute();
}

/** In a batched transaction: queue the rows (written per BATCH); false when the transaction writes them itself. */
async function batch(db: Tx, rows: AuditRow[]): Promise<boolean> {
  const queue = pending.get(db);
  if (!queue) return false;
  queue.push(...rows);
  if (queue.length >= BATCH) await flush(db, queue);
  return true;
}

/**
 * Issue 13 (ADR 0014): runs fn with the audit rows of tx written in multi-row inserts (per 1000, and the rest at the
 * end) instead of one insert per row — still in the same transaction, so the actions and their log commit together
 * or not at all. For write-only bulk work in one transaction (the demo history): the log read inside fn would miss
 * the rows still queued.
 */
export async function withAuditBatched<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  if (pending.has(tx)) return fn();
  const queue: AuditRow[] = [];
  pending.set(tx, queue);
  try {
    const result = await fn();
    await flush(tx, queue);
    return result;
  } finally {
    pending.delete(tx);
  }
}

function basisFor(role: string): string {
  switch (role) {
    case 'toegang':
      return 'Wmo 2015 art. 2.3.2 — onderzoek en toegang maatschappelijke opvang';
    case 'locatie':
      return 'Uitvoering opvang (toewijzing zorgaanbieder)';
    case 'client':
      return 'AVG art. 15 — inzage eigen gegevens';
    default:
      return 'Taakuitoefening';
  }
}

export async function auditTrail(ctx: Ctx, clientId: string) {
  return ctx.db
    .selectFrom('audit_log')
    .select(['at', 'username', 'role', 'action', 'resource', 'detail', 'emergency', 'source_ip', 'basis'])
    .where('client_id', '=', clientId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}

/** The NEN 7513 log of one dossier, for the client themself, toegang and the beheerder. Reading it is logged too. */
export async function clientAuditLog(ctx: Ctx, clientId: string) {
  authorize(ctx, 'inzagelog.lezen');
  const exists = await ctx.db
    .selectFrom('clients')
    .select('id')
    .where('id', '=', clientId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!exists) throw new NotFoundError('Cliënt niet gevonden.');
  authorize(ctx, 'inzagelog.lezen', { clientId });
  const rows = await auditTrail(ctx, clientId);
  // After reading: the answer shows the log as it was when asked; the next look shows this one.
  await audit(ctx, { clientId, action: 'lezen', resource: 'inzagelog' });
  // The beheerder sees who, when, what kind and on what basis, never content (issue 11), also for old rows.
  const noContent = !can(ctx.actor, 'inzagelog.toelichtingZien');
  return {
    resultaten: rows.map((r) => ({
      tijdstip: new Date(r.at).toISOString(),
      gebruiker: r.username,
      rol: r.role,
      actie: noContent ? auditAction(r.action) : r.action,
      onderdeel: noContent ? auditPart(r.resource) : r.resource,
      toelichting: noContent ? null : r.detail,
      grondslag: r.basis,
      vanaf: r.source_ip,
      noodtoegang: r.emergency,
    })),
  };
}

/**
 * One audit row per person shown (NEN 7513: the person's own log must show every list they appeared in), written
 * in one statement in the caller's transaction.
 */
export async function auditPersons(
  ctx: Ctx,
  clientIds: readonly (string | null | undefined)[],
  entry: Omit<AuditEntry, 'emergency'>,
) {
  const ids = [...new Set(clientIds.filter((id): id is string => !!id))];
  if (!ids.length) return;
  if (entry.action !== 'lezen' && entry.action !== 'zoeken') for (const id of ids) markChanged(ctx.db, id);
  if (
    await batch(
      ctx.db,
      ids.map((clientId) => auditRow(ctx, clientId, entry)),
    )
  )
    return;
  // one statement for all of them, the same for any number of persons (ADR 0036)
  await insertAuditRows(ctx.db, auditRow(ctx, null, entry), arrayLiteral(ids));
}
