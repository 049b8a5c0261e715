import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { compiledQuery } from '../platform/db/compiled.js';
import type { Db, Tx } from '../platform/db/database.js';
import { LockedError, UnauthorizedError } from '../platform/errors.js';
import type { Role } from '../reference/reference.js';
import { tenantSettings } from '../reference/tenant-settings.js';
import type { Actor } from './context.js';
import {
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
  pruneAddressFailures,
  refundAddressAttempt,
  reserveAccountAttempt,
  reserveAddressAttempt,
  resetAccountAttempts,
  TooManyAttemptsError,
  UNKNOWN_SOURCE,
} from './login-guard.js';
import { needsSecondFactor } from './rights.js';

export { clearLoginCounters, LOCKOUT_MINUTES, MAX_FAILED_LOGINS, TooManyAttemptsError } from './login-guard.js';
export const SESSION_HOURS = 10;
export const SESSION_COOKIE = 'onderdak_sessie';

const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 }; // OWASP argon2id minimum

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/**
 * An argon2id hash (same parameters as hashPassword) of a random secret nobody knows: a login for a name that is no
 * active account is verified against it, so it takes as long and answers the same as a wrong password.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$ho54XolvNoXM4+rIOjObcQ$Wxv64nnax0Wuf8nzhdQrN2olswt4gnRL0ohJsBi8rdM';

/** How many passwords login has verified in this process (for tests: a burst may verify only MAX_FAILED_LOGINS). */
export const passwordChecks = { accounts: 0, dummy: 0 };

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
/** How a session token (or a one-time code) is stored: its sha256 only. */
export const sessionTokenHash = sha256;

/**
 * Issue 11: a login step still to take before the session is usable (it is usable for that step only, see
 * PENDING_STEP_ROUTES): a new password (forced after an account was made or reset by the beheerder), enrolling an
 * authenticator app, or the code from it.
 */
export type LoginStep = 'wachtwoord' | 'totp-koppelen' | 'totp';

/** The only routes a session with a pending login step may call (src/areas/admin/accounts.routes.ts). */
export const PENDING_STEP_ROUTES: ReadonlySet<string> = new Set([
  'GET /v1/sessies/huidig',
  'DELETE /v1/sessies/huidig',
  'POST /v1/sessies/huidig/wachtwoorden',
  'POST /v1/sessies/huidig/totp-koppelingen',
  'POST /v1/sessies/huidig/totp-codes',
]);

export interface Session {
  token: string;
  csrfToken: string;
  actor: Actor;
  step: LoginStep | null;
}

/** The next login step of a user, after the steps already taken in this session. */
export function nextLoginStep(
  u: { must_change_password: boolean; totp_confirmed_at: Date | string | null; role: string; settings: unknown },
  passedTotp: boolean,
): LoginStep | null {
  if (u.totp_confirmed_at && !passedTotp) return 'totp';
  if (u.must_change_password) return 'wachtwoord';
  if (!u.totp_confirmed_at && tenantSettings(u.settings).tweeFactorVerplicht && needsSecondFactor(u.role as Role))
    return 'totp-koppelen';
  return null;
}

/** The login facts nextLoginStep needs. */
export function loginFacts(db: Db | Tx, userId: string) {
  return db
    .selectFrom('users')
    .leftJoin('tenants', 'tenants.id', 'users.tenant_id')
    .select(['users.must_change_password', 'users.totp_confirmed_at', 'users.role', 'tenants.settings'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
}

const WRONG = 'Gebruikersnaam of wachtwoord onjuist.';
const LOCKED = `Dit account is tijdelijk geblokkeerd na ${MAX_FAILED_LOGINS} mislukte pogingen. Probeer het na ${LOCKOUT_MINUTES} minuten opnieuw of vraag de beheerder om deblokkering.`;

/**
 * Password login. Before any password is verified, the attempt is reserved atomically for the source address (429
 * with growing delays) and for the account (423 from the attempt that reaches MAX_FAILED_LOGINS), so parallel
 * attempts can never verify more passwords than that (src/rights/login-guard.ts). An unknown or inactive name gets
 * the same counting, the same verification time (a dummy hash) and the same answers. Every attempt is logged.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
  now: Date,
  sourceIp?: string,
): Promise<Session> {
  const name = username.trim().toLowerCase();
  const source = sourceIp || UNKNOWN_SOURCE;
  const log = (user: { id: string; tenant_id: string | null; role: string } | null, action: string, detail: string) =>
    db
      .insertInto('audit_log')
      .values({
        tenant_id: user?.tenant_id ?? null,
        user_id: user?.id ?? null,
        username: username.slice(0, 100),
        role: user?.role ?? null,
        on_behalf_of: null,
        client_id: null,
        action,
        resource: 'sessie',
        detail,
        source_ip: sourceIp ?? null,
        basis: null,
      })
      .execute();
  try {
    await reserveAddressAttempt(db, source, now);
  } catch (e) {
    if (e instanceof TooManyAttemptsError) await log(null, 'inloggen-mislukt', 'te veel pogingen vanaf dit adres');
    throw e;
  }
  const reserved = await reserveAccountAttempt(db, name, now);
  if (reserved.kind === 'locked') {
    await log(reserved.user, 'inloggen-mislukt', 'account geblokkeerd');
    throw new LockedError(LOCKED, reserved.retryAfterSeconds);
  }
  if (reserved.kind === 'unknown') {
    passwordChecks.dummy++;
    await verify(DUMMY_PASSWORD_HASH, password);
    const locked = reserved.failedLogins >= MAX_FAILED_LOGINS;
    await log(null, 'inloggen-mislukt', locked ? 'onbekende gebruiker; geblokkeerd' : 'onbekende gebruiker');
    await pruneAddressFailures(db, now);
    throw locked ? new LockedError(LOCKED, LOCKOUT_MINUTES * 60) : new UnauthorizedError(WRONG);
  }
  const user = reserved.account;
  passwordChecks.accounts++;
  if (!(await verify(user.password_hash, password))) {
    const locked = user.failed_logins >= MAX_FAILED_LOGINS;
    await log(user, 'inloggen-mislukt', locked ? 'wachtwoord onjuist; account geblokkeerd' : 'wachtwoord onjuist');
    await pruneAddressFailures(db, now);
    throw locked ? new LockedError(LOCKED, LOCKOUT_MINUTES * 60) : new UnauthorizedError(WRONG);
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const step = nextLoginStep(await loginFacts(db, user.id), false);
  await db.transaction().execute(async (tx) => {
    await resetAccountAttempts(tx, user.id);
    await refundAddressAttempt(tx, source);
    await tx
      .insertInto('sessions')
      .values({
        token_hash: sha256(token),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000),
        pending_step: step,
        last_seen_at: now,
      })
      .execute();
  });
  await log(user, 'inloggen', step ? `wachtwoord juist; volgende stap: ${step}` : 'gelukt');
  return { token, csrfToken, actor: toActor(user), step };
}

/** The session row with its user and the tenant settings: on every request, so compiled once (ADR 0036). */
const sessionRow = compiledQuery((db, tokenHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.tenant_id',
      'users.facility_id',
      'users.client_id',
      'users.active',
      'sessions.pending_step',
      'sessions.last_seen_at',
    ])
    .select((eb) =>
      eb.selectFrom('tenants').select('tenants.settings').whereRef('tenants.id', '=', 'users.tenant_id').as('settings'),
    )
    .where('sessions.token_hash', '=', tokenHash),
);

export async function sessionFromToken(db: Db, token: string | undefined, now: Date): Promise<Session | null> {
  if (!token) return null;
  const [row] = (await sessionRow(db, sha256(token))).rows;
  if (!row || !row.active || new Date(row.expires_at) <= now) return null;
  // Issue 11: the idle timeout (tenant setting). A clock that goes back (another app clock in tests) idles nothing.
  const idleMs = tenantSettings(row.settings).inactiefMinuten * 60_000;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (now.getTime() - lastSeen > idleMs) {
    await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
    return null;
  }
  if (now.getTime() - lastSeen > 60_000)
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', sha256(token)).execute();
  return {
    token,
    csrfToken: row.csrf_token,
    actor: toActor(row),
    step: (row.pending_step as LoginStep | null) ?? null,
  };
}

export async function logout(db: Db, token: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
}

function toActor(u: {
  id: string;
  username: string;
  display_name: string;
  role: string;
  tenant_id: string | null;
  facility_id: string | null;
  client_id: string | null;
}): Actor {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    tenantId: u.tenant_id ?? '',
    facilityId: u.facility_id,
    clientId: u.client_id,
  };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected),
    b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
