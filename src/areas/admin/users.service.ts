import type { Ctx } from '../../rights/context.js';
import { requireRole } from '../../rights/visibility.js';
import { Problems, NotFoundError } from '../../platform/errors.js';
import { hashPassword } from '../../rights/sessions.js';
import { ROLES } from '../../reference/reference.js';

export async function listUsers(ctx: Ctx) {
  requireRole(ctx, 'beheerder');
  const rows = await ctx.db.selectFrom('users').leftJoin('facilities', 'facilities.id', 'users.facility_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.active', 'users.locked_until', 'facilities.name as facility_name'])
    .where('users.tenant_id', '=', ctx.actor.tenantId).orderBy('users.username').execute();
  return {
    resultaten: rows.map((u) => ({
      id: u.id, gebruikersnaam: u.username, naam: u.display_name, rol: u.role, rolLabel: ROLES.find((r) => r.code === u.role)?.label ?? u.role,
      actief: u.active, geblokkeerd: !!u.locked_until && new Date(u.locked_until) > ctx.now, locatie: u.facility_name,
    })),
  };
}

export async function createUser(ctx: Ctx, input: { gebruikersnaam: string; naam: string; rol: string; wachtwoord: string; locatieId?: string | null }) {
  requireRole(ctx, 'beheerder');
  const p = new Problems();
  const username = (input.gebruikersnaam ?? '').trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) p.add('gebruikersnaam', 'format', 'Gebruikersnaam: 3 tot 40 tekens, kleine letters, cijfers, punt, streep.');
  if (!input.naam?.trim()) p.add('naam', 'required', 'Vul de naam in.');
  if (!ROLES.some((r) => r.code === input.rol) || input.rol === 'client') p.add('rol', 'enum', 'Kies een geldige rol (cliëntaccounts ontstaan vanuit het dossier).');
  if ((input.wachtwoord ?? '').length < 12) p.add('wachtwoord', 'length', 'Het wachtwoord moet minstens 12 tekens hebben.');
  if (input.rol === 'locatie') {
    if (!input.locatieId) p.add('locatieId', 'required', 'Een locatiemedewerker hoort bij een locatie.');
    else if (!(await ctx.db.selectFrom('facilities').select('id').where('id', '=', input.locatieId).where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst())) p.add('locatieId', 'unknown', 'Onbekende locatie.');
  }
  if (username && (await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())) p.add('gebruikersnaam', 'unique', 'Deze gebruikersnaam bestaat al.');
  p.throwIfAny();
  const row = await ctx.db.insertInto('users').values({
    tenant_id: ctx.actor.tenantId, username, display_name: input.naam.trim(), role: input.rol, password_hash: await hashPassword(input.wachtwoord),
    facility_id: input.rol === 'locatie' ? input.locatieId! : null, client_id: null,
  }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, gebruikersnaam: username };
}

export async function unlockUser(ctx: Ctx, userId: string) {
  requireRole(ctx, 'beheerder');
  const r = await ctx.db.updateTable('users').set({ locked_until: null, failed_logins: 0 }).where('id', '=', userId).where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
  if (!r.numUpdatedRows) throw new NotFoundError('Gebruiker niet gevonden.');
  return { id: userId, geblokkeerd: false };
}
