// Prestatieafspraken: how many extra homes each corporation agreed per gemeente and year, and how many were let.

import { Problems } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { agreementsDto } from './agreements.dto.js';
import { actorCorporation } from './corporations.service.js';
import { agreementsOfYear, corporationExists, municipalityNames, realisedInYear } from './housing.queries.js';

export async function upsertAgreement(
  ctx: Ctx,
  input: { corporatieId: string; jaar: number; gemeentecode: string; aantal: number },
) {
  authorize(ctx, 'wonen.prestatieafsprakenBeheren');
  const p = new Problems();
  if (!(await corporationExists(ctx, input.corporatieId))) p.add('corporatieId', 'unknown', 'Onbekende corporatie.');
  if (!Number.isInteger(input.jaar) || input.jaar < 2015 || input.jaar > 2040)
    p.add('jaar', 'range', 'Jaar van 2015 tot 2040.');
  if (!(await municipalityNames(ctx)).has(input.gemeentecode))
    p.add('gemeentecode', 'unknown', 'Kies een gemeente uit de eigen regio.');
  if (!Number.isInteger(input.aantal) || input.aantal < 0 || input.aantal > 10_000)
    p.add('aantal', 'range', 'Aantal extra woonplekken is een geheel getal van 0 tot 10.000.');
  p.throwIfAny();
  const existing = await ctx.db
    .selectFrom('performance_agreements')
    .select('id')
    .where('corporation_id', '=', input.corporatieId)
    .where('year', '=', input.jaar)
    .where('municipality_code', '=', input.gemeentecode)
    .executeTakeFirst();
  if (existing)
    await ctx.db
      .updateTable('performance_agreements')
      .set({ agreed_count: input.aantal })
      .where('id', '=', existing.id)
      .execute();
  else
    await ctx.db
      .insertInto('performance_agreements')
      .values({
        tenant_id: ctx.actor.tenantId,
        corporation_id: input.corporatieId,
        year: input.jaar,
        municipality_code: input.gemeentecode,
        agreed_count: input.aantal,
      })
      .execute();
  return listAgreements(ctx, { jaar: input.jaar });
}

/** Agreement vs realisation (homes let to our clients: offers moved in that year) per corporation and gemeente. */
export async function listAgreements(ctx: Ctx, q: { jaar?: number }) {
  authorize(ctx, 'wonen.zien');
  const own = await actorCorporation(ctx);
  const year = q.jaar ?? Number(todayInNl(ctx.now).slice(0, 4));
  const names = await municipalityNames(ctx);
  return agreementsDto(year, await agreementsOfYear(ctx, year, own), await realisedInYear(ctx, year, own), names);
}
