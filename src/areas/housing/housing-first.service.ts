// Housing First trajectories: aanmelding, beschikking (then waiting for a home), started when the client moves into a
// Housing First home (offers.service.ts, step verhuisd).

import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { housingFirstQuery } from './housing.queries.js';
import { housingFirstDto } from './housing-first.dto.js';

export async function listHousingFirst(ctx: Ctx) {
  authorize(ctx, 'wonen.housingFirstBeheren');
  const rows = await housingFirstQuery(ctx)
    .orderBy('municipalities.name')
    .orderBy('housing_first_trajectories.referred_on')
    .execute();
  await auditPersons(
    ctx,
    rows.map((r) => r.client_id),
    { action: 'zoeken', resource: 'housing first trajecten', detail: `${rows.length} resultaten` },
  );
  return { resultaten: rows.map((r) => housingFirstDto(ctx.actor, r)) };
}

async function loadHousingFirst(ctx: Ctx, id: string) {
  const r = await housingFirstQuery(ctx).where('housing_first_trajectories.id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('Housing First-traject niet gevonden.');
  return r;
}

export async function createHousingFirst(
  ctx: Ctx,
  input: { clientId: string; gemeentecode: string; aangemeldOp: string; beschikkingOp?: string | null },
) {
  authorize(ctx, 'wonen.housingFirstBeheren');
  await assertClientVisible(ctx, input.clientId);
  const p = new Problems();
  const m = await ctx.db
    .selectFrom('municipalities')
    .select('code')
    .where('code', '=', input.gemeentecode)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!m) p.add('gemeentecode', 'unknown', 'Kies een gemeente uit de eigen regio.');
  checkPastDate(p, ctx, 'aangemeldOp', input.aangemeldOp);
  if (input.beschikkingOp)
    checkPastDate(
      p,
      ctx,
      'beschikkingOp',
      input.beschikkingOp,
      input.aangemeldOp,
      'De beschikkingsdatum ligt vóór de aanmelding.',
    );
  p.throwIfAny();
  const open = await ctx.db
    .selectFrom('housing_first_trajectories')
    .select('id')
    .where('client_id', '=', input.clientId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  if (open) throw new ConflictError('Deze cliënt heeft al een lopend Housing First-traject.');
  const row = await ctx.db
    .insertInto('housing_first_trajectories')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: input.clientId,
      municipality_code: input.gemeentecode,
      referred_on: input.aangemeldOp,
      decision_on: input.beschikkingOp ?? null,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: input.clientId, action: 'aanmaken', resource: 'housing first traject' });
  return housingFirstDto(ctx.actor, await loadHousingFirst(ctx, row.id));
}

export async function recordHousingFirstDecision(ctx: Ctx, id: string, input: { datum: string }) {
  authorize(ctx, 'wonen.housingFirstBeschikken');
  const t = await loadHousingFirst(ctx, id);
  const p = new Problems();
  checkPastDate(
    p,
    ctx,
    'datum',
    input.datum,
    t.referred_on,
    `De beschikkingsdatum ligt vóór de aanmelding (${datumTekst(t.referred_on)}).`,
  );
  p.throwIfAny();
  if (t.decision_on) throw new ConflictError('Voor dit traject is al een beschikking vastgelegd.');
  await ctx.db
    .updateTable('housing_first_trajectories')
    .set({ decision_on: input.datum })
    .where('id', '=', id)
    .execute();
  await audit(ctx, { clientId: t.client_id, action: 'besluiten', resource: 'housing first beschikking' });
  return housingFirstDto(ctx.actor, await loadHousingFirst(ctx, id));
}
