// Woningcorporaties, and which corporation's homes a user works with.

import { ConflictError, ForbiddenError, Problems } from '../../platform/errors.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { corporationDto } from './corporations.dto.js';
import { corporationOfUser } from './housing.queries.js';

/**
 * The corporation whose homes, agreements and offers the user is limited to: null for roles that see every
 * corporation ('wonen.alleCorporaties'); a corporatiemedewerker without a linked corporation sees nothing.
 */
export async function actorCorporation(ctx: Ctx): Promise<string | null> {
  if (can(ctx.actor, 'wonen.alleCorporaties')) return null;
  const own = await corporationOfUser(ctx);
  if (!own)
    throw new ForbiddenError(
      'Uw account is (nog) niet gekoppeld aan een woningcorporatie. Vraag de beheerder dit te doen.',
    );
  return own;
}

export async function listCorporations(ctx: Ctx) {
  authorize(ctx, 'wonen.zien');
  const own = await actorCorporation(ctx);
  let q = ctx.db.selectFrom('housing_corporations').selectAll().where('tenant_id', '=', ctx.actor.tenantId);
  if (own) q = q.where('id', '=', own);
  const rows = await q.orderBy('name').execute();
  return { resultaten: rows.map(corporationDto) };
}

export async function createCorporation(
  ctx: Ctx,
  input: { naam: string; email?: string | null; telefoon?: string | null },
) {
  authorize(ctx, 'wonen.corporatiesBeheren');
  const p = new Problems();
  if (!input.naam?.trim()) p.add('naam', 'required', 'Vul de naam van de corporatie in.');
  if (input.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email))
    p.add('email', 'format', 'Vul een geldig e-mailadres in.');
  p.throwIfAny();
  const naam = input.naam.trim();
  const dup = await ctx.db
    .selectFrom('housing_corporations')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('name', '=', naam)
    .executeTakeFirst();
  if (dup) throw new ConflictError('Er bestaat al een corporatie met deze naam.');
  const r = await ctx.db
    .insertInto('housing_corporations')
    .values({
      tenant_id: ctx.actor.tenantId,
      name: naam,
      contact_email: input.email ?? null,
      contact_phone: input.telefoon ?? null,
    })
    .returning(['id', 'name', 'contact_email', 'contact_phone'])
    .executeTakeFirstOrThrow();
  return corporationDto(r);
}
