import type { Database, Tx } from '../platform/db/database.js';
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

/**
 * Runs fn in one short transaction (PGlite has one connection) and flushes the commit to disk, so that the
 * change and its audit rows are stored together or not at all.
 */
export async function inTransaction<T>(
  database: Database,
  actor: Actor,
  fn: (ctx: Ctx) => Promise<T>,
  opts: { now?: Date; sourceIp?: string } = {},
): Promise<T> {
  const result = await database.db
    .transaction()
    .execute((tx) => fn({ actor, db: tx, now: opts.now ?? new Date(), sourceIp: opts.sourceIp }));
  await database.flush();
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
