import { NotFoundError, Problems } from '../../platform/errors.js';
import { ROLES } from '../../reference/reference.js';
import type { Ctx } from '../../rights/context.js';
import { passwordProblem } from '../../rights/passwords.js';
import { authorize } from '../../rights/rights.js';
import { clearLoginCounters, hashPassword } from '../../rights/sessions.js';
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

export async function createUser(
  ctx: Ctx,
  input: { gebruikersnaam: string; naam: string; rol: string; wachtwoord: string; locatieId?: string | null },
): Promise<Gebruiker> {
  authorize(ctx, 'gebruikers.beheren');
  const p = new Problems();
  const username = (input.gebruikersnaam ?? '').trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username))
    p.add('gebruikersnaam', 'format', 'Gebruikersnaam: 3 tot 40 tekens, kleine letters, cijfers, punt, streep.');
  if (!input.naam?.trim()) p.add('naam', 'required', 'Vul de naam in.');
  if (!ROLES.some((r) => r.code === input.rol) || input.rol === 'client')
    p.add('rol', 'enum', 'Kies een geldige rol (cliëntaccounts ontstaan vanuit het dossier).');
  const weak = passwordProblem(input.wachtwoord ?? '', { username, name: input.naam });
  if (weak) p.add('wachtwoord', weak.code, weak.reason);
  if (input.rol === 'locatie') {
    if (!input.locatieId) p.add('locatieId', 'required', 'Een locatiemedewerker hoort bij een locatie.');
    else if (
      !(await ctx.db
        .selectFrom('facilities')
        .select('id')
        .where('id', '=', input.locatieId)
        .where('tenant_id', '=', ctx.actor.tenantId)
        .executeTakeFirst())
    )
      p.add('locatieId', 'unknown', 'Onbekende locatie.');
  }
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
      client_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return userById(ctx, row.id);
}

export async function unlockUser(ctx: Ctx, userId: string): Promise<Gebruiker> {
  authorize(ctx, 'gebruikers.beheren');
  if (!(await clearLoginCounters(ctx.db, userId, ctx.actor.tenantId)))
    throw new NotFoundError('Gebruiker niet gevonden.');
  return userById(ctx, userId);
}
