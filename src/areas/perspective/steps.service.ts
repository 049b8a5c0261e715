// Practical steps that block outflow until arranged (briefadres, ID, uitkering, …): a status workflow per kind.

import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { NotFoundError, Problems } from '../../platform/errors.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { stepsDto } from './casework.dto.js';
import { stepRows } from './casework.queries.js';
import { checkText, notBefore } from './checks.js';
import { isCode, STEP_KINDS, STEP_STATUSES, stepFlow, storedCode } from './life-domains.js';
import { loadTrajectory } from './perspective.queries.js';

/** The steps of a trajectory (caller authorizes and audits). */
export async function stepsOf(ctx: Ctx, trajectoryId: string) {
  return stepsDto(ctx.actor, await stepRows(ctx, trajectoryId));
}

/** GET /v1/trajecten/{id}/praktische-stappen */
export async function listSteps(ctx: Ctx, trajectoryId: string) {
  authorize(ctx, 'perspectief.lezen');
  const t = await loadTrajectory(ctx, trajectoryId);
  await audit(ctx, { clientId: t.client_id, action: 'lezen', resource: 'praktische stappen' });
  return { trajectId: t.id, resultaten: await stepsOf(ctx, t.id) };
}

/** POST /v1/trajecten/{id}/praktische-stappen/{soort}/statuswijzigingen: along the step workflow (409 otherwise). */
export async function changeStep(
  ctx: Ctx,
  trajectoryId: string,
  kind: string,
  input: { status: string; datum: string; toelichting?: string | null },
) {
  authorize(ctx, 'perspectief.schrijven');
  const t = await loadTrajectory(ctx, trajectoryId);
  if (!isCode(STEP_KINDS, kind)) throw new NotFoundError('Onbekende praktische stap.');
  const p = new Problems();
  const to = input.status;
  if (!isCode(STEP_STATUSES, to)) p.add('status', 'enum', 'Kies een geldige status.');
  checkPastDate(
    p,
    ctx,
    'datum',
    input.datum,
    t.started_on,
    notBefore(`de start van het traject (${datumTekst(t.started_on)})`),
  );
  const note = checkText(p, 'toelichting', input.toelichting, { max: 2000, label: 'de toelichting' });
  p.throwIfAny();
  const current = await ctx.db
    .selectFrom('practical_steps')
    .selectAll()
    .where('trajectory_id', '=', t.id)
    .where('kind', '=', kind)
    .forUpdate()
    .executeTakeFirst();
  const from = current ? storedCode(STEP_STATUSES, current.status) : 'open';
  if (isCode(STEP_STATUSES, to)) stepFlow(kind).assert(from, to); // always a code here: checked above
  const requested = to === 'aangevraagd' ? input.datum : to === 'open' ? null : (current?.requested_on ?? null);
  const completed = to === 'geregeld' || to === 'niet-nodig' ? input.datum : null;
  await ctx.db
    .insertInto('practical_steps')
    .values({
      tenant_id: ctx.actor.tenantId,
      trajectory_id: t.id,
      kind,
      status: to,
      requested_on: requested,
      completed_on: completed,
      note: note ?? current?.note ?? null,
      updated_by: ctx.actor.userId,
    })
    .onConflict((oc) =>
      oc.columns(['trajectory_id', 'kind']).doUpdateSet({
        status: to,
        requested_on: requested,
        completed_on: completed,
        note: note ?? current?.note ?? null,
        updated_by: ctx.actor.userId,
        updated_at: ctx.now,
      }),
    )
    .execute();
  await audit(ctx, {
    clientId: t.client_id,
    action: 'wijzigen',
    resource: 'praktische stap',
    detail: `${kind}: ${from} → ${to}`,
  });
  const step = (await stepsOf(ctx, t.id)).find((s) => s.soort === kind);
  if (!step) throw new NotFoundError('Onbekende praktische stap.');
  return step;
}
