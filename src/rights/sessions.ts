import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../platform/db/database.js';
import type { Actor } from './context.js';
import { LockedError, UnauthorizedError } from '../platform/errors.js';
import type { Role } from '../reference/reference.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const SESSION_HOURS = 10;
export const SESSION_COOKIE = 'onderdak_sessie';

export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 }); // OWASP argon2id minimum
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export interface Session { token: string; csrfToken: string; actor: Actor }

/** Password login with lockout after repeated failures. Every attempt is logged. */
export async function login(db: Db, username: string, password: string, now: Date, sourceIp?: string): Promise<Session> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
  const log = (action: string, detail: string) => db.insertInto('audit_log').values({
    tenant_id: user?.tenant_id ?? null, user_id: user?.id ?? null, username: username.slice(0, 100), role: user?.role ?? null,
    on_behalf_of: null, client_id: null, action, resource: 'sessie', detail, source_ip: sourceIp ?? null, basis: null,
  }).execute();
  if (!user || !user.active) {
    await log('inloggen-mislukt', 'onbekende gebruiker');
    throw new UnauthorizedError('Gebruikersnaam of wachtwoord onjuist.');
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    await log('inloggen-mislukt', 'account geblokkeerd');
    throw new LockedError(`Dit account is tijdelijk geblokkeerd na ${MAX_FAILED_LOGINS} mislukte pogingen. Probeer het na ${LOCKOUT_MINUTES} minuten opnieuw of vraag de beheerder om deblokkering.`);
  }
  if (!(await verify(user.password_hash, password))) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
    await db.updateTable('users').set({ failed_logins: lock ? 0 : failed, locked_until: lock }).where('id', '=', user.id).execute();
    await log('inloggen-mislukt', lock ? 'wachtwoord onjuist; account geblokkeerd' : 'wachtwoord onjuist');
    if (lock) throw new LockedError(`Dit account is tijdelijk geblokkeerd na ${MAX_FAILED_LOGINS} mislukte pogingen. Probeer het na ${LOCKOUT_MINUTES} minuten opnieuw of vraag de beheerder om deblokkering.`);
    throw new UnauthorizedError('Gebruikersnaam of wachtwoord onjuist.');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await tx.insertInto('sessions').values({ token_hash: sha256(token), user_id: user.id, csrf_token: csrfToken, expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000) }).execute();
  });
  await log('inloggen', 'gelukt');
  return { token, csrfToken, actor: toActor(user) };
}

export async function sessionFromToken(db: Db, token: string | undefined, now: Date): Promise<Session | null> {
  if (!token) return null;
  const row = await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.csrf_token', 'sessions.expires_at', 'users.id', 'users.username', 'users.display_name', 'users.role', 'users.tenant_id', 'users.facility_id', 'users.client_id', 'users.active'])
    .where('sessions.token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || !row.active || new Date(row.expires_at) <= now) return null;
  return { token, csrfToken: row.csrf_token, actor: toActor(row) };
}

export async function logout(db: Db, token: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
}

function toActor(u: { id: string; username: string; display_name: string; role: string; tenant_id: string | null; facility_id: string | null; client_id: string | null }): Actor {
  return { userId: u.id, username: u.username, displayName: u.display_name, role: u.role as Role, tenantId: u.tenant_id ?? '', facilityId: u.facility_id, clientId: u.client_id };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected), b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
