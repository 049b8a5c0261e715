// The contact schedule of an aftercare plan: extra planned contact moments, moving and removing planned (not yet
// registered) ones. Only while the plan is active (409 otherwise).

import { datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { isIsoDate, todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { codeOf } from '../prevention/prevention-codes.js';
import type { PlanView } from './aftercare.dto.js';
import { lockPlan } from './aftercare.queries.js';
import { aftercarePlanView } from './aftercare.service.js';
import { addMonths, PLAN_STATUSES, planTransition } from './aftercare-rules.js';

/** Problems of a planned date: today or later, after the exit, at most 36 months after it, not twice on one day. */
async function checkPlannedDate(
  ctx: Ctx,
  pr: Problems,
  plan: { id: string; exit_on: string },
  gepland: string,
  exceptContactId: string | null,
) {
  if (!gepland || !isIsoDate(gepland)) {
    pr.add('gepland', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
    return;
  }
  const today = todayInNl(ctx.now);
  const last = addMonths(plan.exit_on, 36);
  if (gepland < today) pr.add('gepland', 'past', 'Een contactmoment plant u vandaag of later.');
  else if (gepland <= plan.exit_on)
    pr.add('gepland', 'range', `Een contactmoment ligt na de uitstroom (${datumTekst(plan.exit_on)}).`);
  else if (gepland > last)
    pr.add('gepland', 'range', `Een contactmoment ligt uiterlijk 36 maanden na de uitstroom (${datumTekst(last)}).`);
  else {
    let q = ctx.db
      .selectFrom('aftercare_contacts')
      .select('id')
      .where('plan_id', '=', plan.id)
      .where('planned_on', '=', gepland)
      .where('done_on', 'is', null);
    if (exceptContactId) q = q.where('id', '!=', exceptContactId);
    if (await q.executeTakeFirst()) pr.add('gepland', 'unique', 'Op deze datum staat al een contactmoment gepland.');
  }
}

/** A planned, not yet registered contact moment of this plan (404 when it is not in the plan, 409 when done). */
async function openContact(ctx: Ctx, planId: string, contactId: string) {
  const c = await ctx.db
    .selectFrom('aftercare_contacts')
    .select(['id', 'planned_on', 'done_on', 'month_offset'])
    .where('id', '=', contactId)
    .where('plan_id', '=', planId)
    .where('planned_on', 'is not', null)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw new NotFoundError('Contactmoment niet gevonden in dit nazorgplan.');
  return c;
}
function refuseDone(c: { done_on: string | null }) {
  if (c.done_on)
    throw new ConflictError(
      `Dit contactmoment is al geregistreerd op ${datumTekst(c.done_on)}; alleen geplande contactmomenten kunnen worden gewijzigd.`,
    );
}

/** POST …/contactmomenten: an extra planned contact moment. */
export async function addContactMoment(ctx: Ctx, planId: string, input: { gepland: string }): Promise<PlanView> {
  authorize(ctx, 'nazorg.planWijzigen');
  const plan = await lockPlan(ctx, planId);
  const pr = new Problems();
  await checkPlannedDate(ctx, pr, plan, input.gepland, null);
  pr.throwIfAny();
  planTransition(codeOf(PLAN_STATUSES, plan.status), 'wijzigen');
  await ctx.db
    .insertInto('aftercare_contacts')
    .values({ plan_id: planId, month_offset: null, planned_on: input.gepland, created_by: ctx.actor.userId })
    .execute();
  await audit(ctx, {
    clientId: plan.client_id,
    action: 'wijzigen',
    resource: 'nazorgplanning',
    detail: `${planId}: contactmoment ${input.gepland} toegevoegd`,
  });
  return aftercarePlanView(ctx, planId);
}

/** PATCH …/contactmomenten/{contactmomentId}: move a planned contact moment to another date. */
export async function moveContactMoment(
  ctx: Ctx,
  planId: string,
  contactId: string,
  input: { gepland: string },
): Promise<PlanView> {
  authorize(ctx, 'nazorg.planWijzigen');
  const plan = await lockPlan(ctx, planId);
  const c = await openContact(ctx, planId, contactId);
  const pr = new Problems();
  await checkPlannedDate(ctx, pr, plan, input.gepland, c.id);
  pr.throwIfAny();
  planTransition(codeOf(PLAN_STATUSES, plan.status), 'wijzigen');
  refuseDone(c);
  await ctx.db.updateTable('aftercare_contacts').set({ planned_on: input.gepland }).where('id', '=', c.id).execute();
  await audit(ctx, {
    clientId: plan.client_id,
    action: 'wijzigen',
    resource: 'nazorgplanning',
    detail: `${planId}: contactmoment ${c.planned_on} → ${input.gepland}`,
  });
  return aftercarePlanView(ctx, planId);
}

/** DELETE …/contactmomenten/{contactmomentId}: remove a planned contact moment; the plan keeps at least one open one. */
export async function removeContactMoment(ctx: Ctx, planId: string, contactId: string): Promise<PlanView> {
  authorize(ctx, 'nazorg.planWijzigen');
  const plan = await lockPlan(ctx, planId);
  const c = await openContact(ctx, planId, contactId);
  planTransition(codeOf(PLAN_STATUSES, plan.status), 'wijzigen');
  refuseDone(c);
  const others = await ctx.db
    .selectFrom('aftercare_contacts')
    .select('id')
    .where('plan_id', '=', planId)
    .where('planned_on', 'is not', null)
    .where('done_on', 'is', null)
    .where('id', '!=', c.id)
    .executeTakeFirst();
  if (!others)
    throw new ConflictError(
      'Dit is het laatste geplande contactmoment. Plan eerst een ander moment of sluit het nazorgplan af.',
    );
  await ctx.db.deleteFrom('aftercare_contacts').where('id', '=', c.id).execute();
  await audit(ctx, {
    clientId: plan.client_id,
    action: 'wijzigen',
    resource: 'nazorgplanning',
    detail: `${planId}: contactmoment ${c.planned_on} verwijderd`,
  });
  return aftercarePlanView(ctx, planId);
}
