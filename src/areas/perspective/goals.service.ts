// Goals on a life domain and the actions under them (owner, due date, status workflow with history).

import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { NotFoundError, Problems, ValidationError } from '../../platform/errors.js';
import { isIsoDate } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { checkText, notBefore } from './checks.js';
import {
  ACTION_FLOW,
  ACTION_STATUSES,
  GOAL_FLOW,
  GOAL_STATUSES,
  isCode,
  OWNER_ORGS,
  storedCode,
  ZRM_DOMAINS,
} from './life-domains.js';
import { loadGoal, loadPlan } from './perspective.queries.js';
import { planCore } from './plans.service.js';

/** One goal as the plan shows it. */
async function goalOf(ctx: Ctx, planId: string, goalId: string) {
  const goal = (await planCore(ctx, planId)).doelen.find((g) => g.id === goalId);
  if (!goal) throw new NotFoundError('Doel niet gevonden.');
  return goal;
}

/** One action as the plan shows it. */
async function actionOf(ctx: Ctx, planId: string, actionId: string) {
  const action = (await planCore(ctx, planId)).doelen.flatMap((g) => g.acties).find((a) => a.id === actionId);
  if (!action) throw new NotFoundError('Actie niet gevonden.');
  return action;
}

/** POST /v1/perspectiefplannen/{id}/doelen */
export async function addGoal(ctx: Ctx, planId: string, input: { levensgebied: string; omschrijving: string }) {
  authorize(ctx, 'perspectief.schrijven');
  const plan = await loadPlan(ctx, planId);
  const p = new Problems();
  if (!ZRM_DOMAINS.some((d) => d.code === input.levensgebied))
    p.add('levensgebied', 'enum', 'Kies een levensgebied uit de lijst.');
  const text = checkText(p, 'omschrijving', input.omschrijving, { required: true, max: 1000, label: 'het doel' });
  p.throwIfAny();
  const row = await ctx.db
    .insertInto('plan_goals')
    .values({
      tenant_id: ctx.actor.tenantId,
      plan_id: planId,
      life_domain: input.levensgebied,
      description: text ?? '',
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, {
    clientId: plan.client_id,
    action: 'aanmaken',
    resource: 'perspectiefplan doel',
    detail: input.levensgebied,
  });
  return goalOf(ctx, planId, row.id);
}

/** POST /v1/doelen/{id}/statuswijzigingen: actief ↔ bereikt/gestopt (GOAL_FLOW; 409 otherwise). */
export async function changeGoalStatus(ctx: Ctx, goalId: string, input: { status: string }) {
  authorize(ctx, 'perspectief.schrijven');
  const { goal, plan } = await loadGoal(ctx, goalId);
  const to = input.status;
  if (!isCode(GOAL_STATUSES, to))
    throw new ValidationError([{ name: 'status', code: 'enum', reason: 'Kies actief, bereikt of gestopt.' }]);
  GOAL_FLOW.assert(storedCode(GOAL_STATUSES, goal.status), to);
  await ctx.db.updateTable('plan_goals').set({ status: to }).where('id', '=', goalId).execute();
  await audit(ctx, {
    clientId: plan.client_id,
    action: 'wijzigen',
    resource: 'perspectiefplan doel',
    detail: `${goal.status} → ${to}`,
  });
  return goalOf(ctx, plan.id, goalId);
}

export interface ActionInput {
  omschrijving: string;
  eigenaarOrganisatie: string;
  eigenaarNaam?: string | null;
  uiterlijk: string;
}

/** POST /v1/doelen/{id}/acties */
export async function addAction(ctx: Ctx, goalId: string, input: ActionInput) {
  authorize(ctx, 'perspectief.schrijven');
  const { goal, plan } = await loadGoal(ctx, goalId);
  const p = new Problems();
  const text = checkText(p, 'omschrijving', input.omschrijving, { required: true, max: 1000, label: 'de actie' });
  if (!OWNER_ORGS.some((o) => o.code === input.eigenaarOrganisatie))
    p.add('eigenaarOrganisatie', 'enum', 'Kies wie de actie uitvoert.');
  const name = checkText(p, 'eigenaarNaam', input.eigenaarNaam, { max: 200, label: 'de naam' });
  if (!input.uiterlijk || !isIsoDate(input.uiterlijk))
    p.add('uiterlijk', 'date', 'Vul een geldige uiterste datum in (JJJJ-MM-DD).');
  else if (input.uiterlijk < plan.drawn_up_on)
    p.add('uiterlijk', 'range', `De uiterste datum ligt vóór de datum van het plan (${datumTekst(plan.drawn_up_on)}).`);
  p.throwIfAny();
  const row = await ctx.db
    .insertInto('plan_actions')
    .values({
      tenant_id: ctx.actor.tenantId,
      goal_id: goal.id,
      description: text ?? '',
      owner_org: input.eigenaarOrganisatie,
      owner_name: name,
      due_on: input.uiterlijk,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: plan.client_id, action: 'aanmaken', resource: 'perspectiefplan actie' });
  return actionOf(ctx, plan.id, row.id);
}

/** POST /v1/acties/{id}/statuswijzigingen: only the transitions of ACTION_FLOW (409 otherwise). */
export async function changeActionStatus(
  ctx: Ctx,
  actionId: string,
  input: { status: string; datum: string; toelichting?: string | null },
) {
  authorize(ctx, 'perspectief.schrijven');
  const a = await ctx.db
    .selectFrom('plan_actions')
    .selectAll()
    .where('id', '=', actionId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!a) throw new NotFoundError('Actie niet gevonden.');
  const { plan } = await loadGoal(ctx, a.goal_id);
  const p = new Problems();
  const to = input.status;
  if (!isCode(ACTION_STATUSES, to)) p.add('status', 'enum', 'Kies een geldige status.');
  checkPastDate(
    p,
    ctx,
    'datum',
    input.datum,
    plan.drawn_up_on,
    notBefore(`de datum van het plan (${datumTekst(plan.drawn_up_on)})`),
  );
  const note = checkText(p, 'toelichting', input.toelichting, { max: 2000, label: 'de toelichting' });
  p.throwIfAny();
  if (isCode(ACTION_STATUSES, to)) ACTION_FLOW.assert(storedCode(ACTION_STATUSES, a.status), to); // always a code here: checked above
  await ctx.db
    .updateTable('plan_actions')
    .set({ status: to, status_on: input.datum })
    .where('id', '=', actionId)
    .execute();
  await ctx.db
    .insertInto('plan_action_status_changes')
    .values({
      action_id: actionId,
      from_status: a.status,
      to_status: to,
      changed_on: input.datum,
      note,
      changed_by: ctx.actor.userId,
    })
    .execute();
  await audit(ctx, {
    clientId: plan.client_id,
    action: 'wijzigen',
    resource: 'perspectiefplan actie',
    detail: `${a.status} → ${to}`,
  });
  return actionOf(ctx, plan.id, actionId);
}
