// The perspectiefplan of a trajectory: drawing it up, the client's own words and wishes, signing (each signing is a
// frozen version), reading it, and comments (also by the client: regie). Goals and actions: goals.service.ts.

import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import { settingsOf } from '../../reference/tenant-settings.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { checkText, notBefore } from './checks.js';
import { loadPlan, loadTrajectory, placementOf } from './perspective.queries.js';
import { agreementChanges, agreementHash } from './plan-agreement.js';
import { commentDto, OndertekendePlaninhoud, planCoreDto, type SignedContent, signedContent } from './plans.dto.js';
import { commentRows, planRows, versionOf, versionsOf } from './plans.queries.js';

/** The plan without versions (goals, actions, comments, deadline, abilities). */
export async function planCore(ctx: Ctx, planId: string) {
  const rows = await planRows(ctx, planId);
  const norms = await settingsOf(ctx);
  return planCoreDto(
    ctx.actor,
    rows,
    await placementOf(ctx, rows.plan.trajectory_id),
    todayInNl(ctx.now),
    norms.planTermijnDagen,
  );
}

/** The plan with its signed versions and whether the agreement changed since the last signing (null: never signed in versions). */
export async function planDto(ctx: Ctx, planId: string) {
  const core = await planCore(ctx, planId);
  const versions = await versionsOf(ctx, planId);
  const last = versions.at(-1);
  const current = signedContent(core);
  const changed = last ? agreementHash(current) !== last.agreement_hash : null;
  let changes: string[] = [];
  if (changed && last) {
    const signed = await versionOf(ctx, planId, last.version_no);
    if (signed) changes = agreementChanges(OndertekendePlaninhoud.parse(signed.content), current);
  }
  return {
    ...core,
    versies: versions.map((v) => ({
      versie: v.version_no,
      ondertekendOp: v.signed_on,
      vastgelegdOp: new Date(v.created_at).toISOString(),
      door: v.display_name,
    })),
    gewijzigdSindsOndertekening: changed,
    /** What changed since the last signing, in plain Dutch (empty when nothing changed or never signed). */
    wijzigingenSindsOndertekening: changes,
    mogelijkheden: {
      ...core.mogelijkheden,
      ondertekenen: core.mogelijkheden.ondertekenen && (!core.ondertekendOp || changed !== false),
    },
  };
}

/** GET /v1/perspectiefplannen/{id} */
export async function getPerspectivePlan(ctx: Ctx, planId: string) {
  authorize(ctx, 'perspectief.lezen');
  const p = await loadPlan(ctx, planId);
  await audit(ctx, { clientId: p.client_id, action: 'lezen', resource: 'perspectiefplan' });
  return planDto(ctx, planId);
}

/** GET /v1/trajecten/{id}/perspectiefplan */
export async function getPlanOfTrajectory(ctx: Ctx, trajectoryId: string) {
  authorize(ctx, 'perspectief.lezen');
  const t = await loadTrajectory(ctx, trajectoryId);
  const p = await ctx.db
    .selectFrom('perspective_plans')
    .select('id')
    .where('trajectory_id', '=', t.id)
    .executeTakeFirst();
  if (!p) throw new NotFoundError('Voor dit traject is nog geen perspectiefplan opgesteld.');
  await audit(ctx, { clientId: t.client_id, action: 'lezen', resource: 'perspectiefplan' });
  return planDto(ctx, p.id);
}

/** GET /v1/perspectiefplannen/{id}/versies/{versie}: a signed version exactly as it was signed. */
export async function getPlanVersion(ctx: Ctx, planId: string, versionNo: number) {
  authorize(ctx, 'perspectief.lezen');
  const plan = await loadPlan(ctx, planId);
  const v = await versionOf(ctx, planId, versionNo);
  if (!v) throw new NotFoundError(`Versie ${versionNo} van dit perspectiefplan bestaat niet.`);
  await audit(ctx, {
    clientId: plan.client_id,
    action: 'lezen',
    resource: 'perspectiefplan versie',
    detail: `versie ${versionNo}`,
  });
  return {
    planId,
    clientId: plan.client_id,
    versie: v.version_no,
    ondertekendOp: v.signed_on,
    vastgelegdOp: new Date(v.created_at).toISOString(),
    door: v.display_name,
    inhoud: OndertekendePlaninhoud.parse(v.content),
  };
}

/**
 * Freezes the plan as signed on `signedOn` as the next version (used by signPlan and by the demo seed). `known`:
 * the plan's signed content when the caller already has it.
 */
export async function recordVersion(
  ctx: Ctx,
  plan: { id: string; tenant_id: string },
  signedOn: string,
  lastNo: number,
  known?: SignedContent,
) {
  const content = known ?? signedContent(await planCore(ctx, plan.id));
  await ctx.db
    .insertInto('perspective_plan_versions')
    .values({
      tenant_id: plan.tenant_id,
      plan_id: plan.id,
      version_no: lastNo + 1,
      signed_on: signedOn,
      content: JSON.stringify(content),
      agreement_hash: agreementHash(content),
      created_by: ctx.actor.userId,
    })
    .execute();
  return content;
}

export interface PlanInput {
  opgesteldOp: string;
  eigenWoorden?: string | null;
  wensen?: string | null;
}

/** POST /v1/trajecten/{id}/perspectiefplan: one plan per trajectory, for a running trajectory. */
export async function createPerspectivePlan(ctx: Ctx, trajectoryId: string, input: PlanInput) {
  authorize(ctx, 'perspectief.schrijven');
  const t = await loadTrajectory(ctx, trajectoryId);
  const p = new Problems();
  checkPastDate(
    p,
    ctx,
    'opgesteldOp',
    input.opgesteldOp,
    t.started_on,
    notBefore(`de start van het traject (${datumTekst(t.started_on)})`),
  );
  const words = checkText(p, 'eigenWoorden', input.eigenWoorden, { max: 4000, label: 'de eigen woorden' });
  const wishes = checkText(p, 'wensen', input.wensen, { max: 4000, label: 'de wensen' });
  p.throwIfAny();
  if (t.ended_on)
    throw new ConflictError(
      `Dit traject is beëindigd op ${datumTekst(t.ended_on)}; een nieuw plan kan alleen bij een lopend traject.`,
    );
  const exists = await ctx.db
    .selectFrom('perspective_plans')
    .select('id')
    .where('trajectory_id', '=', t.id)
    .executeTakeFirst();
  if (exists) throw new ConflictError('Dit traject heeft al een perspectiefplan. Vul dat plan aan.');
  const row = await ctx.db
    .insertInto('perspective_plans')
    .values({
      tenant_id: ctx.actor.tenantId,
      trajectory_id: t.id,
      client_id: t.client_id,
      drawn_up_on: input.opgesteldOp,
      client_words: words,
      client_wishes: wishes,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: t.client_id, action: 'aanmaken', resource: 'perspectiefplan' });
  return planDto(ctx, row.id);
}

/** PUT /v1/perspectiefplannen/{id}: the client's own words and wishes. */
export async function updatePerspectivePlan(
  ctx: Ctx,
  planId: string,
  input: { eigenWoorden?: string | null; wensen?: string | null },
) {
  authorize(ctx, 'perspectief.schrijven');
  const plan = await loadPlan(ctx, planId);
  const p = new Problems();
  const words = checkText(p, 'eigenWoorden', input.eigenWoorden, { max: 4000, label: 'de eigen woorden' });
  const wishes = checkText(p, 'wensen', input.wensen, { max: 4000, label: 'de wensen' });
  p.throwIfAny();
  await ctx.db
    .updateTable('perspective_plans')
    .set({ client_words: words, client_wishes: wishes, updated_at: ctx.now })
    .where('id', '=', planId)
    .execute();
  await audit(ctx, { clientId: plan.client_id, action: 'wijzigen', resource: 'perspectiefplan' });
  return planDto(ctx, planId);
}

/**
 * "Besproken en ondertekend op": the date the client discussed and signed the printed plan. Each signing freezes the
 * plan as a new version. Signing again is only possible once the agreement changed (409 otherwise), on or after the
 * previous signing.
 */
export async function signPlan(ctx: Ctx, planId: string, input: { datum: string }) {
  authorize(ctx, 'perspectief.schrijven');
  const plan = await loadPlan(ctx, planId);
  // one signing at a time per plan, so two workers cannot both become version n + 1 (the unique key would refuse it)
  await ctx.db.selectFrom('perspective_plans').select('id').where('id', '=', planId).forUpdate().execute();
  const last = (await versionsOf(ctx, planId)).at(-1);
  const p = new Problems();
  if (last)
    checkPastDate(
      p,
      ctx,
      'datum',
      input.datum,
      last.signed_on,
      notBefore(`de vorige ondertekening (${datumTekst(last.signed_on)})`),
    );
  else
    checkPastDate(
      p,
      ctx,
      'datum',
      input.datum,
      plan.drawn_up_on,
      notBefore(`de datum waarop het plan is opgesteld (${datumTekst(plan.drawn_up_on)})`),
    );
  p.throwIfAny();
  const content = signedContent(await planCore(ctx, planId));
  if (last && agreementHash(content) === last.agreement_hash) {
    throw new ConflictError(
      `Het plan is niet gewijzigd sinds de ondertekening op ${datumTekst(last.signed_on)} (versie ${last.version_no}); opnieuw ondertekenen is niet nodig.`,
    );
  }
  await recordVersion(ctx, plan, input.datum, last?.version_no ?? 0, content);
  await ctx.db
    .updateTable('perspective_plans')
    .set({ signed_on: input.datum, updated_at: ctx.now })
    .where('id', '=', planId)
    .execute();
  await audit(ctx, {
    clientId: plan.client_id,
    action: 'wijzigen',
    resource: 'perspectiefplan',
    detail: `besproken en ondertekend op ${input.datum} (versie ${(last?.version_no ?? 0) + 1})`,
  });
  return planDto(ctx, planId);
}

/** GET /v1/perspectiefplannen/{id}/opmerkingen */
export async function listComments(ctx: Ctx, planId: string) {
  authorize(ctx, 'perspectief.lezen');
  const plan = await loadPlan(ctx, planId);
  await auditPersons(ctx, [plan.client_id], { action: 'lezen', resource: 'perspectiefplan opmerkingen' });
  return { resultaten: (await commentRows(ctx, planId)).map(commentDto) };
}

/** Comments by staff or by the client (regie): the client writes here, never in goals or actions. */
export async function addComment(ctx: Ctx, planId: string, input: { tekst: string }) {
  authorize(ctx, 'perspectief.reageren');
  const plan = await loadPlan(ctx, planId);
  const p = new Problems();
  const text = checkText(p, 'tekst', input.tekst, { required: true, max: 2000, label: 'uw opmerking' });
  p.throwIfAny();
  const row = await ctx.db
    .insertInto('plan_comments')
    .values({
      tenant_id: ctx.actor.tenantId,
      plan_id: planId,
      author_id: ctx.actor.userId,
      author_name: ctx.actor.displayName,
      author_role: ctx.actor.role,
      body: text ?? '',
    })
    .returning(['id', 'author_name', 'author_role', 'body', 'created_at'])
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: plan.client_id, action: 'aanmaken', resource: 'perspectiefplan opmerking' });
  return commentDto(row);
}
