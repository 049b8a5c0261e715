import { type Database, NO_WAIT, sql, type Tx } from '../platform/db/database.js';
import type { Role } from '../reference/reference.js';

/** The logged-in person a request acts for. Built once per request from the session; never from input. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  tenantId: string;
  facilityId: string | null;
  clientId: string | null;
}

/** What every domain function receives: who acts, the transaction to act in, and the clock. */
export interface Ctx {
  actor: Actor;
  db: Tx;
  now: Date;
  sourceIp?: string;
}

/** Work an area adds to every request transaction, just before its commit (registered at import, see ADR 0027). */
type BeforeCommitHook = (ctx: Ctx) => Promise<void>;
const beforeCommitHooks: BeforeCommitHook[] = [];

/** Registers work that runs inside every request transaction before it commits; registering twice has no effect. */
export function registerBeforeCommit(hook: BeforeCommitHook): void {
  if (!beforeCommitHooks.includes(hook)) beforeCommitHooks.push(hook);
}

/**
 * Runs fn in one short transaction (PGlite has one connection) and flushes the commit to disk, so that the
 * change and its audit rows are stored together or not at all. The transaction acts for the actor's tenant only:
 * row-level security (docs/adr/0010) hides and refuses every other tenant's rows.
 */
export async function inTransaction<T>(
  database: Database,
  actor: Actor,
  fn: (ctx: Ctx) => Promise<T>,
  opts: { now?: Date; sourceIp?: string } = {},
): Promise<T> {
  const result = await database.db.transaction().execute(async (tx) => {
    await actAsTenant(tx, actor.tenantId);
    const ctx: Ctx = { actor, db: tx, now: opts.now ?? new Date(), sourceIp: opts.sourceIp };
    const out = await fn(ctx);
    // issue 20 (ADR 0027): e.g. the data-quality findings of the clients the writes touched, in this same transaction
    for (const hook of beforeCommitHooks) await hook(ctx);
    return out;
  });
  await database.flush();
  return result;
}

/** The database role request work runs as: not the owner, so row-level security applies (docs/adr/0010). */
export const APP_ROLE = 'onderdak_app';

/**
 * Until the end of the transaction: act as APP_ROLE, for `tenantId` only. Every table with tenant data has a policy
 * on the tenant (migration 0011), so a query that forgets its tenant filter still sees and writes only this tenant.
 */
export async function actAsTenant(tx: Tx, tenantId: string | null): Promise<void> {
  // NO_WAIT (ADR 0035): nobody reads the answer, so on PostgreSQL it travels with the next statement.
  await sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('onderdak.tenant', ${tenantId ?? ''}, true) ${sql.raw(NO_WAIT)}`.execute(
    tx,
  );
}

/**
 * Runs fn as the table owner inside the caller's tenant transaction, then acts for the tenant again. For the
 * owner-only tables (sessions: a session is found by its token before the tenant is known) and for aggregate report
 * counts: under RLS the planner may not push non-leakproof filters below the policy, which made the kerncijfers
 * queries tens of times slower. The caller filters on the user or tenant itself and returns no rows of persons.
 */
export async function asTableOwner<T>(ctx: Ctx, fn: () => Promise<T>): Promise<T> {
  await sql`SET LOCAL ROLE NONE ${sql.raw(NO_WAIT)}`.execute(ctx.db);
  const result = await fn();
  await actAsTenant(ctx.db, ctx.actor.tenantId);
  return result;
}

/**
 * Runs fn in one transaction that acts for no tenant: installation set-up, demo seeding, session bookkeeping.
 * Only code that must work across tenants (or before any tenant exists) uses this; request handlers use inTransaction.
 */
export async function inSystemTransaction<T>(database: Database, fn: (db: Tx) => Promise<T>): Promise<T> {
  const result = await database.db.transaction().execute((tx) => fn(tx));
  await database.flush();
  return result;
}
