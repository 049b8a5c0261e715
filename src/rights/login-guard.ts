// The counters that keep password guessing slow, each changed by ONE atomic statement BEFORE a password is verified
// (migration 0010_login_guard). Nothing is read first and written after the slow argon2 check, so a burst of parallel
// logins cannot slip through between the two; no transaction is held across argon2 either (PGlite has one
// connection, and every other request would wait for it).
//
// - Per account (users.failed_logins, or login_unknown_users for a name that is no active account): every attempt is
//   reserved as a failure; the attempt that reaches MAX_FAILED_LOGINS locks the account right away, so while the last
//   allowed attempts are still being verified no further attempt is let in. A successful login resets the counter;
//   failures lapse after FAILURE_WINDOW_HOURS without attempts. Unknown names follow exactly the same rule, so a 423
//   tells nothing about whether a name exists.
// - Per source address (login_address_failures): a leaky bucket (one failure forgiven per ADDRESS_LEAK_SECONDS);
//   from ADDRESS_FREE_FAILURES on, each failure makes the next attempt wait twice as long (1 s, 2 s, 4 s, … up to
//   ADDRESS_MAX_DELAY_SECONDS): 429 with Retry-After. One address thus cannot guess across many accounts, nor lock
//   out many accounts quickly. A successful login gives back only its own reservation.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../platform/db/database.js';
import { DomainError } from '../platform/errors.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const FAILURE_WINDOW_HOURS = 24;
export const ADDRESS_FREE_FAILURES = 10;
export const ADDRESS_LEAK_SECONDS = 300;
export const ADDRESS_MAX_DELAY_SECONDS = 15 * 60;
/** The key of requests without a known source address (in-process requests, tests). */
export const UNKNOWN_SOURCE = 'onbekend';

/** 429: too many failed attempts from this address; the client may try again after `retryAfterSeconds`. */
export class TooManyAttemptsError extends DomainError {
  constructor(public retryAfterSeconds: number) {
    super(
      429,
      'Te veel pogingen',
      `Te veel mislukte inlogpogingen vanaf dit adres. Probeer het over ${duration(retryAfterSeconds)} opnieuw.`,
      undefined,
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}

function duration(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 seconde' : `${seconds} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}

const lockUntil = (now: Date) => new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
const windowStart = (now: Date) => new Date(now.getTime() - FAILURE_WINDOW_HOURS * 3600_000);

/** An active account whose attempt was reserved: what login needs to verify the password and start a session. */
export interface ReservedAccount {
  id: string;
  tenant_id: string | null;
  username: string;
  display_name: string;
  role: string;
  facility_id: string | null;
  client_id: string | null;
  password_hash: string;
  /** Reserved attempts including this one; MAX_FAILED_LOGINS or more means this attempt locked the account. */
  failed_logins: number;
}

export type AccountReservation =
  | { kind: 'account'; account: ReservedAccount }
  | { kind: 'unknown'; failedLogins: number }
  | {
      kind: 'locked';
      user: { id: string; tenant_id: string | null; role: string } | null;
      /** Seconds until the lock ends (for Retry-After on the 423). */
      retryAfterSeconds: number;
    };

/** Seconds from now until a lock ends; a full lockout when the end is not known. */
export function secondsUntil(lockedUntil: Date | string | null | undefined, now: Date): number {
  const end = lockedUntil ? new Date(lockedUntil).getTime() : now.getTime() + LOCKOUT_MINUTES * 60_000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/**
 * Reserves one attempt for `username` (normalised) before its password is verified, or answers that the name is
 * locked. An unknown or inactive name is counted by the same rule in login_unknown_users.
 */
export async function reserveAccountAttempt(db: Tx, username: string, now: Date): Promise<AccountReservation> {
  // The counter as it is after this attempt: failures lapse after a quiet window, and after an (expired) lock.
  const next = sql<number>`CASE WHEN locked_until IS NOT NULL OR login_attempt_at IS NULL OR login_attempt_at < ${windowStart(now)}::timestamptz THEN 1 ELSE failed_logins + 1 END`;
  for (let tries = 0; tries < 3; tries++) {
    const { rows } = await sql<ReservedAccount>`
      UPDATE users SET failed_logins = ${next},
        locked_until = CASE WHEN ${next} >= ${MAX_FAILED_LOGINS} THEN ${lockUntil(now)}::timestamptz ELSE NULL END,
        login_attempt_at = ${now}::timestamptz
      WHERE username = ${username} AND active AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)
      RETURNING id, tenant_id, username, display_name, role, facility_id, client_id, password_hash, failed_logins`.execute(
      db,
    );
    if (rows[0]) return { kind: 'account', account: rows[0] };
    const user = await db
      .selectFrom('users')
      .select(['id', 'tenant_id', 'role', 'locked_until'])
      .where('username', '=', username)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!user) break;
    // locked; or the lock expired (or was lifted) between the two statements: then try again, but not forever
    if ((user.locked_until && new Date(user.locked_until) > now) || tries === 2)
      return { kind: 'locked', user, retryAfterSeconds: secondsUntil(user.locked_until, now) };
  }
  // the same rule for a name that is no active account (u: the existing row in ON CONFLICT)
  const nextUnknown = sql<number>`CASE WHEN u.locked_until IS NOT NULL OR u.login_attempt_at < ${windowStart(now)}::timestamptz THEN 1 ELSE u.failed_logins + 1 END`;
  const { rows } = await sql<{ failed_logins: number }>`
    INSERT INTO login_unknown_users AS u (username_hash, failed_logins, locked_until, login_attempt_at)
    VALUES (${usernameHash(username)}, 1, CASE WHEN 1 >= ${MAX_FAILED_LOGINS} THEN ${lockUntil(now)}::timestamptz END, ${now}::timestamptz)
    ON CONFLICT (username_hash) DO UPDATE SET failed_logins = ${nextUnknown},
      locked_until = CASE WHEN ${nextUnknown} >= ${MAX_FAILED_LOGINS} THEN ${lockUntil(now)}::timestamptz ELSE NULL END,
      login_attempt_at = ${now}::timestamptz
    WHERE u.locked_until IS NULL OR u.locked_until <= ${now}::timestamptz
    RETURNING failed_logins`.execute(db);
  await db
    .deleteFrom('login_unknown_users')
    .where('login_attempt_at', '<', windowStart(now))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
  if (rows[0]) return { kind: 'unknown', failedLogins: rows[0].failed_logins };
  const lock = await db
    .selectFrom('login_unknown_users')
    .select('locked_until')
    .where('username_hash', '=', usernameHash(username))
    .executeTakeFirst();
  return { kind: 'locked', user: null, retryAfterSeconds: secondsUntil(lock?.locked_until, now) };
}

/** After a correct password: the account's counter starts again. */
export async function resetAccountAttempts(db: Tx, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, login_attempt_at: null })
    .where('id', '=', userId)
    .execute();
}

/** The beheerder's unlock: clears the account's lock and counter. False when the user is not in the tenant. */
export async function clearLoginCounters(db: Tx, userId: string, tenantId: string): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, login_attempt_at: null })
    .where('id', '=', userId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Reserves one attempt for a source address, or throws TooManyAttemptsError while the address must wait. */
export async function reserveAddressAttempt(db: Tx, source: string, now: Date): Promise<void> {
  const t = sql<string>`${now}::timestamptz`;
  // failures forgiven since the last one; a clock that goes back (NTP, or apps with another clock on one database in
  // tests) forgives nothing and adds nothing
  const forgiven = sql<number>`FLOOR(GREATEST(0, EXTRACT(EPOCH FROM (${t} - a.last_failure_at))) / ${ADDRESS_LEAK_SECONDS})::int`;
  const leaked = sql<number>`GREATEST(0, a.failures - ${forgiven})`;
  // the leak clock moves on by whole periods only (a successful login's reservation does not restart it)
  const leakClock = sql`CASE WHEN a.failures - ${forgiven} <= 0 THEN GREATEST(a.last_failure_at, ${t}) ELSE a.last_failure_at + make_interval(secs => ${forgiven} * ${ADDRESS_LEAK_SECONDS}) END`;
  const { rows } = await sql<{ failures: number }>`
    INSERT INTO login_address_failures AS a (source, failures, last_failure_at, blocked_until)
    VALUES (${source}, 1, ${t}, CASE WHEN 1 >= ${ADDRESS_FREE_FAILURES} THEN ${t} + interval '1 second' END)
    ON CONFLICT (source) DO UPDATE SET failures = ${leaked} + 1, last_failure_at = ${leakClock},
      blocked_until = CASE WHEN ${leaked} + 1 >= ${ADDRESS_FREE_FAILURES}
        THEN ${t} + make_interval(secs => LEAST(power(2, LEAST(${leaked} + 1 - ${ADDRESS_FREE_FAILURES}, 20)), ${ADDRESS_MAX_DELAY_SECONDS})) END
    WHERE a.blocked_until IS NULL OR a.blocked_until <= ${t}
    RETURNING failures`.execute(db);
  if (rows[0]) return;
  const row = await db
    .selectFrom('login_address_failures')
    .select('blocked_until')
    .where('source', '=', source)
    .executeTakeFirst();
  const waitMs = row?.blocked_until ? new Date(row.blocked_until).getTime() - now.getTime() : 1000;
  throw new TooManyAttemptsError(Math.max(1, Math.ceil(waitMs / 1000)));
}

/** After a correct password: the address gets back the attempt it reserved (and nothing more). */
export async function refundAddressAttempt(db: Tx, source: string): Promise<void> {
  await sql`UPDATE login_address_failures SET failures = GREATEST(failures - 1, 0),
      blocked_until = CASE WHEN failures - 1 >= ${ADDRESS_FREE_FAILURES} THEN blocked_until END
    WHERE source = ${source}`.execute(db);
}

/** Forgets addresses whose failures have all leaked away. */
export async function pruneAddressFailures(db: Tx, now: Date): Promise<void> {
  await db
    .deleteFrom('login_address_failures')
    .where('last_failure_at', '<', windowStart(now))
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)]))
    .execute();
}

/** What login_unknown_users keeps of a typed name (often a mistyped password): its hash only. */
export function usernameHash(username: string): string {
  return crypto.createHash('sha256').update(username).digest('hex');
}
