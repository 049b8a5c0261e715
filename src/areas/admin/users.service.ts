import crypto from 'node:crypto';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { ROLES } from '../../reference/reference.js';
import { audit } from '../../rights/audit.js';
import { asTableOwner, type Ctx } from '../../rights/context.js';
import { passwordProblem } from '../../rights/passwords.js';
import { authorize } from '../../rights/rights.js';
import { clearLoginCounters, hashPassword, sessionTokenHash } from '../../rights/sessions.js';
import { type Gebruiker, toGebruiker } from './users.dto.js';
import { usersWithFacility } from './users.queries.js';

async function userById(ctx: Ctx, id: string): Promise<Gebruiker> {
  return toGebruiker(
    await usersWithFacility(ctx.db, ctx.actor.tenantId).where('users.id', '=', id).executeTakeFirstOrThrow(),
    ctx.now,
  );
}

export async function listUsers(ctx: Ctx) {
  authorize(ctx, 'gebruikers.beheren');
  const rows = await usersWithFacility(ctx.db, ctx.actor.tenantId).orderBy('users.username').execute();
  return { resultaten: rows.map((u) => toGebruiker(u, ctx.now)) };
}

interface Links {
  locatieId?: string | null;
  corporatieId?: string | null;
  zorgaanbiederId?: string | null;
}

/** A tenant beheerder gives these roles; client accounts come from the dossier, the installation role from set-up. */
const ASSIGNABLE = ROLES.map((r) => r.code).filter((c) => c !== 'client' && c !== 'installatie');

/** The organisation links of a user: each must be of the own tenant; a locatiemedewerker needs a location. */
async function checkLinks(ctx: Ctx, p: Problems, rol: string, links: Links) {
  const own = async (table: 'facilities' | 'housing_corporations' | 'care_providers', id: string) =>
    !!(await ctx.db
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where('tenant_id', '=', ctx.actor.tenantId)
      .executeTakeFirst());
  if (rol === 'locatie' && !links.locatieId)
    p.add('locatieId', 'required', 'Een locatiemedewerker hoort bij een locatie.');
  if (links.locatieId && !(await own('facilities', links.locatieId)))
    p.add('locatieId', 'unknown', 'Onbekende locatie.');
  if (links.corporatieId && !(await own('housing_corporations', links.corporatieId)))
    p.add('corporatieId', 'unknown', 'Onbekende corporatie.');
  if (links.zorgaanbiederId && !(await own('care_providers', links.zorgaanbiederId)))
    p.add('zorgaanbiederId', 'unknown', 'Onbekende zorgaanbieder.');
}

export async function createUser(
  ctx: Ctx,
  input: {
    gebruikersnaam: string;
    naam: string;
    rol: string;
    wachtwoord: string;
  } & Links,
): Promise<Gebruiker> {
  authorize(ctx, 'gebruikers.beheren');
  const p = new Problems();
  const username = (input.gebruikersnaam ?? '').trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username))
    p.add('gebruikersnaam', 'format', 'Gebruikersnaam: 3 tot 40 tekens, kleine letters, cijfers, punt, streep.');
  if (!input.naam?.trim()) p.add('naam', 'required', 'Vul de naam in.');
  if (!ASSIGNABLE.includes(input.rol as never))
    p.add(
      'rol',
      'enum',
      input.rol === 'client'
        ? 'Een cliëntaccount maakt de toegangsmedewerker aan vanuit het dossier van de cliënt (knop "Cliëntaccount aanmaken").'
        : 'Kies een geldige rol.',
    );
  const weak = passwordProblem(input.wachtwoord ?? '', { username, name: input.naam });
  if (weak) p.add('wachtwoord', weak.code, weak.reason);
  await checkLinks(ctx, p, input.rol, input);
  if (username && (await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()))
    p.add('gebruikersnaam', 'unique', 'Deze gebruikersnaam bestaat al.');
  p.throwIfAny();
  const row = await ctx.db
    .insertInto('users')
    .values({
      tenant_id: ctx.actor.tenantId,
      username,
      display_name: input.naam.trim(),
      role: input.rol,
      password_hash: await hashPassword(input.wachtwoord),
      facility_id: input.rol === 'locatie' ? (input.locatieId ?? null) : null,
      corporation_id: input.corporatieId ?? null,
      care_provider_id: input.zorgaanbiederId ?? null,
      client_id: null,
      must_change_password: true, // issue 11: the beheerder chose it, so the user picks their own at first login
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: null, action: 'aanmaken', resource: 'gebruiker', detail: username });
  return userById(ctx, row.id);
}

/** Issue 11: edit a user of the own tenant: name, role, organisation links, active (deactivating ends their sessions). */
export async function updateUser(
  ctx: Ctx,
  userId: string,
  input: { naam?: string; rol?: string; actief?: boolean } & Links,
): Promise<Gebruiker> {
  authorize(ctx, 'gebruikers.beheren');
  const current = await ctx.db
    .selectFrom('users')
    .select(['id', 'role', 'facility_id', 'corporation_id', 'care_provider_id', 'active'])
    .where('id', '=', userId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!current) throw new NotFoundError('Gebruiker niet gevonden.');
  const p = new Problems();
  const rol = input.rol ?? current.role;
  if (input.naam !== undefined && !input.naam.trim()) p.add('naam', 'required', 'Vul de naam in.');
  if (input.rol !== undefined && input.rol !== current.role) {
    if (!ASSIGNABLE.includes(input.rol as never) || !ASSIGNABLE.includes(current.role as never))
      p.add('rol', 'enum', 'Kies een geldige rol (een cliëntaccount blijft een cliëntaccount).');
  }
  const links: Links = {
    locatieId: input.locatieId !== undefined ? input.locatieId : current.facility_id,
    corporatieId: input.corporatieId !== undefined ? input.corporatieId : current.corporation_id,
    zorgaanbiederId: input.zorgaanbiederId !== undefined ? input.zorgaanbiederId : current.care_provider_id,
  };
  await checkLinks(ctx, p, rol, links);
  p.throwIfAny();
  if (userId === ctx.actor.userId && (input.actief === false || (input.rol && input.rol !== current.role)))
    throw new ConflictError('U kunt uw eigen account niet deactiveren of een andere rol geven.');
  await ctx.db
    .updateTable('users')
    .set({
      ...(input.naam !== undefined ? { display_name: input.naam.trim() } : {}),
      role: rol,
      facility_id: rol === 'locatie' ? (links.locatieId ?? null) : null,
      corporation_id: links.corporatieId ?? null,
      care_provider_id: links.zorgaanbiederId ?? null,
      ...(input.actief !== undefined ? { active: input.actief } : {}),
    })
    .where('id', '=', userId)
    .execute();
  // A deactivated user, or one whose role or location changed, starts again with a new session.
  if (input.actief === false || rol !== current.role || links.locatieId !== current.facility_id)
    await asTableOwner(ctx, () => ctx.db.deleteFrom('sessions').where('user_id', '=', userId).execute());
  const detail =
    input.actief === false && current.active
      ? 'gedeactiveerd'
      : input.actief === true && !current.active
        ? 'geactiveerd'
        : 'gewijzigd';
  await audit(ctx, { clientId: null, action: 'wijzigen', resource: 'gebruiker', detail: `${userId}: ${detail}` });
  return userById(ctx, userId);
}

export async function unlockUser(ctx: Ctx, userId: string): Promise<Gebruiker> {
  authorize(ctx, 'gebruikers.beheren');
  if (!(await clearLoginCounters(ctx.db, userId, ctx.actor.tenantId)))
    throw new NotFoundError('Gebruiker niet gevonden.');
  return userById(ctx, userId);
}

// ----- one-time codes: reset links (beheerder) and invitation codes (client accounts) -----

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I
export const RESET_HOURS = 24;
export const INVITATION_DAYS = 14;

/** A one-time code of 16 characters (80 bits), shown in groups of four. Only its sha256 is stored. */
export function newOneTimeCode(): string {
  const bytes = crypto.randomBytes(16);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export async function issueAccountToken(
  ctx: Ctx,
  userId: string,
  kind: 'herstel' | 'uitnodiging',
): Promise<{ code: string; verlooptOp: string }> {
  const code = newOneTimeCode();
  const expires = new Date(
    ctx.now.getTime() + (kind === 'herstel' ? RESET_HOURS * 3600_000 : INVITATION_DAYS * 86_400_000),
  );
  // an earlier unused code of the same user stops working
  await ctx.db.deleteFrom('account_tokens').where('user_id', '=', userId).where('used_at', 'is', null).execute();
  await ctx.db
    .insertInto('account_tokens')
    .values({
      token_hash: sessionTokenHash(normaliseCode(code)),
      tenant_id: ctx.actor.tenantId,
      user_id: userId,
      kind,
      expires_at: expires,
      used_at: null,
      created_by: ctx.actor.userId,
    })
    .execute();
  return { code, verlooptOp: expires.toISOString() };
}

/**
 * Issue 11: a one-time reset link for a user of the own tenant, shown to the beheerder (nothing is mailed). Using it
 * sets a new password; the old password keeps working until then. The user's authenticator app is unlinked only when
 * asked (`tweeFactorOpnieuw`): they then enrol again at the next login.
 */
export async function createResetLink(ctx: Ctx, userId: string, input: { tweeFactorOpnieuw?: boolean }) {
  authorize(ctx, 'gebruikers.beheren');
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'username', 'active'])
    .where('id', '=', userId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!user) throw new NotFoundError('Gebruiker niet gevonden.');
  if (!user.active) throw new ConflictError('Activeer het account eerst.');
  if (input.tweeFactorOpnieuw)
    await ctx.db
      .updateTable('users')
      .set({ totp_secret: null, totp_confirmed_at: null, totp_last_step: null })
      .where('id', '=', userId)
      .execute();
  const { code, verlooptOp } = await issueAccountToken(ctx, userId, 'herstel');
  await audit(ctx, {
    clientId: null,
    action: 'aanmaken',
    resource: 'herstellink',
    detail: `${user.username}${input.tweeFactorOpnieuw ? '; authenticator-app ontkoppeld' : ''}`,
  });
  return {
    gebruikersnaam: user.username,
    code,
    link: `/wachtwoord-instellen#code=${encodeURIComponent(code)}`,
    verlooptOp,
  };
}
