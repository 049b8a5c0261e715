import crypto from 'node:crypto';
import type { Ctx } from '../../rights/context.js';
import { audit } from '../../rights/audit.js';
import { assertClientVisible, requireRole } from '../../rights/visibility.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { isIsoDate, todayInNl } from '../../platform/validation.js';
import { checkPastDate, checkText, loadTrajectory, mayComment, mayWritePlan, placementOf, requirePlanRead, requirePlanWrite } from './plan-access.js';
import { planTimeliness } from './rules.js';
import {
  ACTION_STATUSES, ACTION_TRANSITIONS, GOAL_STATUSES, GOAL_TRANSITIONS, OWNER_ORGS, ZRM_DOMAINS, labelOf,
} from './life-domains.js';

async function loadPlan(ctx: Ctx, planId: string) {
  requirePlanRead(ctx);
  const p = await ctx.db.selectFrom('perspective_plans').selectAll().where('id', '=', planId).where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
  if (!p) throw new NotFoundError('Perspectiefplan niet gevonden.');
  await assertClientVisible(ctx, p.client_id);
  return p;
}

async function loadGoal(ctx: Ctx, goalId: string) {
  const g = await ctx.db.selectFrom('plan_goals').selectAll().where('id', '=', goalId).where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
  if (!g) throw new NotFoundError('Doel niet gevonden.');
  const plan = await loadPlan(ctx, g.plan_id);
  return { goal: g, plan };
}

/** The whole plan: goals with actions (and their status history), comments, the 5-day deadline and abilities. */
async function planCore(ctx: Ctx, planId: string) {
  const p = await ctx.db.selectFrom('perspective_plans').innerJoin('trajectories', 'trajectories.id', 'perspective_plans.trajectory_id')
    .innerJoin('clients', 'clients.id', 'perspective_plans.client_id')
    .select(['perspective_plans.id', 'perspective_plans.trajectory_id', 'perspective_plans.client_id', 'perspective_plans.drawn_up_on', 'perspective_plans.client_words',
      'perspective_plans.client_wishes', 'perspective_plans.signed_on', 'trajectories.started_on', 'trajectories.ended_on', 'clients.first_name', 'clients.last_name', 'clients.birth_date'])
    .where('perspective_plans.id', '=', planId).executeTakeFirstOrThrow();
  const goals = await ctx.db.selectFrom('plan_goals').selectAll().where('plan_id', '=', planId).orderBy('created_at').orderBy('id').execute();
  const goalIds = goals.map((g) => g.id);
  const actions = goalIds.length ? await ctx.db.selectFrom('plan_actions').selectAll().where('goal_id', 'in', goalIds).orderBy('due_on').orderBy('created_at').orderBy('id').execute() : [];
  const actionIds = actions.map((a) => a.id);
  const changes = actionIds.length ? await ctx.db.selectFrom('plan_action_status_changes').leftJoin('users', 'users.id', 'plan_action_status_changes.changed_by')
    .select(['plan_action_status_changes.action_id', 'from_status', 'to_status', 'changed_on', 'note', 'users.display_name'])
    .where('action_id', 'in', actionIds).orderBy('plan_action_status_changes.created_at').execute() : [];
  const comments = await ctx.db.selectFrom('plan_comments').select(['id', 'author_name', 'author_role', 'body', 'created_at']).where('plan_id', '=', planId).orderBy('created_at').orderBy('id').execute();
  const placement = await placementOf(ctx, p.trajectory_id);
  const today = todayInNl(ctx.now);
  const write = mayWritePlan(ctx.actor);
  return {
    id: p.id, trajectId: p.trajectory_id, clientId: p.client_id,
    client: { voornaam: p.first_name, achternaam: p.last_name, geboortedatum: p.birth_date },
    trajectStart: p.started_on, trajectEinde: p.ended_on, plaatsingsdatum: placement,
    opgesteldOp: p.drawn_up_on, eigenWoorden: p.client_words, wensen: p.client_wishes, ondertekendOp: p.signed_on,
    termijn: planTimeliness(placement, p.drawn_up_on, today),
    doelen: goals.map((g) => ({
      id: g.id, levensgebied: g.life_domain, levensgebiedLabel: labelOf(ZRM_DOMAINS, g.life_domain), omschrijving: g.description,
      status: g.status, statusLabel: labelOf(GOAL_STATUSES, g.status), volgendeStatussen: write ? GOAL_TRANSITIONS[g.status] ?? [] : [],
      acties: actions.filter((a) => a.goal_id === g.id).map((a) => ({
        id: a.id, omschrijving: a.description, eigenaarOrganisatie: a.owner_org, eigenaarOrganisatieLabel: labelOf(OWNER_ORGS, a.owner_org), eigenaarNaam: a.owner_name,
        uiterlijk: a.due_on, status: a.status, statusLabel: labelOf(ACTION_STATUSES, a.status), statusDatum: a.status_on,
        verlopen: !['afgerond', 'vervallen'].includes(a.status) && a.due_on < today,
        volgendeStatussen: write ? ACTION_TRANSITIONS[a.status] ?? [] : [],
        geschiedenis: changes.filter((c) => c.action_id === a.id).map((c) => ({ van: c.from_status, naar: c.to_status, datum: c.changed_on, toelichting: c.note, door: c.display_name })),
      })),
      mogelijkheden: { actieToevoegen: write, statusWijzigen: write },
    })),
    opmerkingen: comments.map((c) => ({ id: c.id, auteur: c.author_name, rol: c.author_role, tekst: c.body, tijdstip: new Date(c.created_at).toISOString() })),
    mogelijkheden: { wijzigen: write, doelToevoegen: write, ondertekenen: write, opmerkingPlaatsen: mayComment(ctx.actor), afdrukken: true },
  };
}

type PlanCore = Awaited<ReturnType<typeof planCore>>;

/** What a signature covers: the plan as printed for the client, frozen in a version (no comments, no history). */
export function signedContent(d: PlanCore) {
  return {
    client: d.client, trajectStart: d.trajectStart, plaatsingsdatum: d.plaatsingsdatum, opgesteldOp: d.opgesteldOp, eigenWoorden: d.eigenWoorden, wensen: d.wensen,
    doelen: d.doelen.map((g) => ({
      id: g.id, levensgebied: g.levensgebied, levensgebiedLabel: g.levensgebiedLabel, omschrijving: g.omschrijving, status: g.status, statusLabel: g.statusLabel,
      acties: g.acties.map((a) => ({
        id: a.id, omschrijving: a.omschrijving, eigenaarOrganisatie: a.eigenaarOrganisatie, eigenaarOrganisatieLabel: a.eigenaarOrganisatieLabel, eigenaarNaam: a.eigenaarNaam,
        uiterlijk: a.uiterlijk, status: a.status, statusLabel: a.statusLabel,
      })),
    })),
  };
}
export type SignedContent = ReturnType<typeof signedContent>;

/**
 * Fingerprint of the agreement: the client's words and wishes, goals and actions with owner and due date. Progress
 * (statuses) is left out on purpose: finishing an action is working the plan, not a new plan to sign.
 */
export function agreementHash(c: SignedContent): string {
  const agreement = {
    eigenWoorden: c.eigenWoorden ?? null, wensen: c.wensen ?? null,
    doelen: c.doelen.map((g) => ({ levensgebied: g.levensgebied, omschrijving: g.omschrijving, acties: g.acties.map((a) => [a.omschrijving, a.eigenaarOrganisatie, a.eigenaarNaam ?? null, a.uiterlijk]) })),
  };
  return crypto.createHash('sha256').update(JSON.stringify(agreement)).digest('hex');
}

const dateNl = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const ownerOf = (a: { eigenaarOrganisatie: string; eigenaarOrganisatieLabel: string | null; eigenaarNaam: string | null }) => `${a.eigenaarOrganisatieLabel ?? a.eigenaarOrganisatie}${a.eigenaarNaam ? ` — ${a.eigenaarNaam}` : ''}`;

/**
 * What changed in the agreement since a signed version, in plain Dutch: the list to go through with the client before
 * signing again. Goals and actions are matched by id; progress (statuses) is not a change, as in agreementHash.
 */
export function agreementChanges(before: SignedContent, now: SignedContent): string[] {
  const out: string[] = [];
  if ((before.eigenWoorden ?? '') !== (now.eigenWoorden ?? '')) out.push('De eigen woorden van de cliënt zijn gewijzigd.');
  if ((before.wensen ?? '') !== (now.wensen ?? '')) out.push('De wensen van de cliënt zijn gewijzigd.');
  const earlier = new Map(before.doelen.map((g) => [g.id, g]));
  for (const g of now.doelen) {
    const o = earlier.get(g.id);
    if (!o) out.push(`Nieuw doel: ${g.levensgebiedLabel}: ${g.omschrijving}.`);
    else if (o.omschrijving !== g.omschrijving || o.levensgebied !== g.levensgebied) out.push(`Doel gewijzigd: „${o.omschrijving}” is nu ${g.levensgebiedLabel}: „${g.omschrijving}”.`);
    const earlierActions = new Map((o?.acties ?? []).map((a) => [a.id, a]));
    for (const a of g.acties) {
      const oa = earlierActions.get(a.id);
      if (!oa) { out.push(`Nieuwe actie bij ${g.omschrijving}: ${a.omschrijving} (${ownerOf(a)}, uiterlijk ${dateNl(a.uiterlijk)}).`); continue; }
      const what: string[] = [];
      if (oa.omschrijving !== a.omschrijving) what.push(`was „${oa.omschrijving}”`);
      if (ownerOf(oa) !== ownerOf(a)) what.push(`uitvoerder ${ownerOf(oa)} → ${ownerOf(a)}`);
      if (oa.uiterlijk !== a.uiterlijk) what.push(`uiterlijk ${dateNl(oa.uiterlijk)} → ${dateNl(a.uiterlijk)}`);
      if (what.length) out.push(`Actie gewijzigd: ${a.omschrijving} (${what.join('; ')}).`);
    }
    for (const oa of o?.acties ?? []) if (!g.acties.some((a) => a.id === oa.id)) out.push(`Actie niet meer in het plan: ${oa.omschrijving}.`);
  }
  for (const o of before.doelen) if (!now.doelen.some((g) => g.id === o.id)) out.push(`Doel niet meer in het plan: ${o.omschrijving}.`);
  // the fingerprint also sees order; never say "changed" without saying something
  if (!out.length && agreementHash(before) !== agreementHash(now)) out.push('De volgorde van doelen of acties is gewijzigd.');
  return out;
}

async function versionsOf(ctx: Ctx, planId: string) {
  return ctx.db.selectFrom('perspective_plan_versions as v').leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.version_no', 'v.signed_on', 'v.created_at', 'v.agreement_hash', 'u.display_name'])
    .where('v.plan_id', '=', planId).where('v.tenant_id', '=', ctx.actor.tenantId).orderBy('v.version_no').execute();
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
    const row = await ctx.db.selectFrom('perspective_plan_versions').select('content').where('plan_id', '=', planId).where('version_no', '=', last.version_no).executeTakeFirstOrThrow();
    changes = agreementChanges(row.content as SignedContent, current); // jsonb: both drivers return it parsed
  }
  return {
    ...core,
    versies: versions.map((v) => ({ versie: v.version_no, ondertekendOp: v.signed_on, vastgelegdOp: new Date(v.created_at).toISOString(), door: v.display_name })),
    gewijzigdSindsOndertekening: changed,
    /** What changed since the last signing, in plain Dutch (empty when nothing changed or never signed). */
    wijzigingenSindsOndertekening: changes,
    mogelijkheden: { ...core.mogelijkheden, ondertekenen: core.mogelijkheden.ondertekenen && (!core.ondertekendOp || changed !== false) },
  };
}

/** GET /v1/perspectiefplannen/{id}/versies/{versie}: a signed version exactly as it was signed. */
export async function getPlanVersion(ctx: Ctx, planId: string, versionNo: number) {
  const plan = await loadPlan(ctx, planId);
  const v = await ctx.db.selectFrom('perspective_plan_versions as v').leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.version_no', 'v.signed_on', 'v.created_at', 'v.content', 'u.display_name'])
    .where('v.plan_id', '=', planId).where('v.tenant_id', '=', ctx.actor.tenantId).where('v.version_no', '=', versionNo).executeTakeFirst();
  if (!v) throw new NotFoundError(`Versie ${versionNo} van dit perspectiefplan bestaat niet.`);
  await audit(ctx, { clientId: plan.client_id, action: 'lezen', resource: 'perspectiefplan versie', detail: `versie ${versionNo}` });
  return { planId, clientId: plan.client_id, versie: v.version_no, ondertekendOp: v.signed_on, vastgelegdOp: new Date(v.created_at).toISOString(), door: v.display_name, inhoud: v.content as SignedContent };
}

/**
 * Freezes the plan as signed on `signedOn` as the next version (used by signPlan and by the demo seed). `content`:
 * the plan's signed content when the caller already has it.
 */
export async function recordVersion(ctx: Ctx, plan: { id: string; tenant_id: string }, signedOn: string, lastNo: number, known?: SignedContent) {
  const content = known ?? signedContent(await planCore(ctx, plan.id));
  await ctx.db.insertInto('perspective_plan_versions').values({
    tenant_id: plan.tenant_id, plan_id: plan.id, version_no: lastNo + 1, signed_on: signedOn, content: JSON.stringify(content), agreement_hash: agreementHash(content), created_by: ctx.actor.userId,
  }).execute();
  return content;
}

export async function getPlan(ctx: Ctx, planId: string) {
  const p = await loadPlan(ctx, planId);
  await audit(ctx, { clientId: p.client_id, action: 'lezen', resource: 'perspectiefplan' });
  return planDto(ctx, planId);
}

export async function getPlanOfTrajectory(ctx: Ctx, trajectoryId: string) {
  const t = await loadTrajectory(ctx, trajectoryId);
  const p = await ctx.db.selectFrom('perspective_plans').select('id').where('trajectory_id', '=', t.id).executeTakeFirst();
  await audit(ctx, { clientId: t.client_id, action: 'lezen', resource: 'perspectiefplan' });
  if (!p) throw new NotFoundError('Voor dit traject is nog geen perspectiefplan opgesteld.');
  return planDto(ctx, p.id);
}

export interface PlanInput { opgesteldOp: string; eigenWoorden?: string | null; wensen?: string | null }

export async function createPlan(ctx: Ctx, trajectoryId: string, input: PlanInput) {
  requirePlanWrite(ctx);
  const t = await loadTrajectory(ctx, trajectoryId);
  const p = new Problems();
  checkPastDate(p, ctx, 'opgesteldOp', input.opgesteldOp, { min: t.started_on, minLabel: `de start van het traject (${t.started_on})` });
  const words = checkText(p, 'eigenWoorden', input.eigenWoorden, { max: 4000, label: 'de eigen woorden' });
  const wishes = checkText(p, 'wensen', input.wensen, { max: 4000, label: 'de wensen' });
  p.throwIfAny();
  if (t.ended_on) throw new ConflictError(`Dit traject is beëindigd op ${t.ended_on}; een nieuw plan kan alleen bij een lopend traject.`);
  const exists = await ctx.db.selectFrom('perspective_plans').select('id').where('trajectory_id', '=', t.id).executeTakeFirst();
  if (exists) throw new ConflictError('Dit traject heeft al een perspectiefplan. Vul dat plan aan.');
  const row = await ctx.db.insertInto('perspective_plans').values({
    tenant_id: ctx.actor.tenantId, trajectory_id: t.id, client_id: t.client_id, drawn_up_on: input.opgesteldOp, client_words: words, client_wishes: wishes, created_by: ctx.actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  await audit(ctx, { clientId: t.client_id, action: 'aanmaken', resource: 'perspectiefplan' });
  return planDto(ctx, row.id);
}

export async function updatePlan(ctx: Ctx, planId: string, input: { eigenWoorden?: string | null; wensen?: string | null }) {
  requirePlanWrite(ctx);
  const plan = await loadPlan(ctx, planId);
  const p = new Problems();
  const words = checkText(p, 'eigenWoorden', input.eigenWoorden, { max: 4000, label: 'de eigen woorden' });
  const wishes = checkText(p, 'wensen', input.wensen, { max: 4000, label: 'de wensen' });
  p.throwIfAny();
  await ctx.db.updateTable('perspective_plans').set({ client_words: words, client_wishes: wishes, updated_at: ctx.now }).where('id', '=', planId).execute();
  await audit(ctx, { clientId: plan.client_id, action: 'wijzigen', resource: 'perspectiefplan' });
  return planDto(ctx, planId);
}

/**
 * "Besproken en ondertekend op": the date the client discussed and signed the printed plan. Each signing freezes the
 * plan as a new version. Signing again is only possible once the agreement changed (409 otherwise), on or after the
 * previous signing.
 */
export async function signPlan(ctx: Ctx, planId: string, input: { datum: string }) {
  requirePlanWrite(ctx);
  const plan = await loadPlan(ctx, planId);
  // one signing at a time per plan, so two workers cannot both become version n + 1 (the unique key would refuse it)
  await ctx.db.selectFrom('perspective_plans').select('id').where('id', '=', planId).forUpdate().execute();
  const last = (await versionsOf(ctx, planId)).at(-1);
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum, last
    ? { min: last.signed_on, minLabel: `de vorige ondertekening (${last.signed_on})` }
    : { min: plan.drawn_up_on, minLabel: `de datum waarop het plan is opgesteld (${plan.drawn_up_on})` });
  p.throwIfAny();
  const content = signedContent(await planCore(ctx, planId));
  if (last && agreementHash(content) === last.agreement_hash) {
    throw new ConflictError(`Het plan is niet gewijzigd sinds de ondertekening op ${last.signed_on} (versie ${last.version_no}); opnieuw ondertekenen is niet nodig.`);
  }
  await recordVersion(ctx, plan, input.datum, last?.version_no ?? 0, content);
  await ctx.db.updateTable('perspective_plans').set({ signed_on: input.datum, updated_at: ctx.now }).where('id', '=', planId).execute();
  await audit(ctx, { clientId: plan.client_id, action: 'wijzigen', resource: 'perspectiefplan', detail: `besproken en ondertekend op ${input.datum} (versie ${(last?.version_no ?? 0) + 1})` });
  return planDto(ctx, planId);
}

export async function addGoal(ctx: Ctx, planId: string, input: { levensgebied: string; omschrijving: string }) {
  requirePlanWrite(ctx);
  const plan = await loadPlan(ctx, planId);
  const p = new Problems();
  if (!ZRM_DOMAINS.some((d) => d.code === input.levensgebied)) p.add('levensgebied', 'enum', 'Kies een levensgebied uit de lijst.');
  const text = checkText(p, 'omschrijving', input.omschrijving, { required: true, max: 1000, label: 'het doel' });
  p.throwIfAny();
  const row = await ctx.db.insertInto('plan_goals').values({ tenant_id: ctx.actor.tenantId, plan_id: planId, life_domain: input.levensgebied, description: text!, created_by: ctx.actor.userId })
    .returning('id').executeTakeFirstOrThrow();
  await audit(ctx, { clientId: plan.client_id, action: 'aanmaken', resource: 'perspectiefplan doel', detail: input.levensgebied });
  const dto = await planDto(ctx, planId);
  return dto.doelen.find((g) => g.id === row.id)!;
}

export async function changeGoalStatus(ctx: Ctx, goalId: string, input: { status: string }) {
  requirePlanWrite(ctx);
  const { goal, plan } = await loadGoal(ctx, goalId);
  if (!GOAL_STATUSES.some((s) => s.code === input.status)) new Problems().add('status', 'enum', 'Kies actief, bereikt of gestopt.').throwIfAny();
  if (!GOAL_TRANSITIONS[goal.status]?.includes(input.status)) throw new ConflictError(`Een doel met status '${labelOf(GOAL_STATUSES, goal.status)}' kan niet naar '${labelOf(GOAL_STATUSES, input.status)}'.`);
  await ctx.db.updateTable('plan_goals').set({ status: input.status }).where('id', '=', goalId).execute();
  await audit(ctx, { clientId: plan.client_id, action: 'wijzigen', resource: 'perspectiefplan doel', detail: `${goal.status} → ${input.status}` });
  const dto = await planDto(ctx, plan.id);
  return dto.doelen.find((g) => g.id === goalId)!;
}

export interface ActionInput { omschrijving: string; eigenaarOrganisatie: string; eigenaarNaam?: string | null; uiterlijk: string }

export async function addAction(ctx: Ctx, goalId: string, input: ActionInput) {
  requirePlanWrite(ctx);
  const { goal, plan } = await loadGoal(ctx, goalId);
  const p = new Problems();
  const text = checkText(p, 'omschrijving', input.omschrijving, { required: true, max: 1000, label: 'de actie' });
  if (!OWNER_ORGS.some((o) => o.code === input.eigenaarOrganisatie)) p.add('eigenaarOrganisatie', 'enum', 'Kies wie de actie uitvoert.');
  const name = checkText(p, 'eigenaarNaam', input.eigenaarNaam, { max: 200, label: 'de naam' });
  if (!input.uiterlijk || !isIsoDate(input.uiterlijk)) p.add('uiterlijk', 'date', 'Vul een geldige uiterste datum in (JJJJ-MM-DD).');
  else if (input.uiterlijk < plan.drawn_up_on) p.add('uiterlijk', 'range', `De uiterste datum ligt vóór de datum van het plan (${plan.drawn_up_on}).`);
  p.throwIfAny();
  const row = await ctx.db.insertInto('plan_actions').values({
    tenant_id: ctx.actor.tenantId, goal_id: goal.id, description: text!, owner_org: input.eigenaarOrganisatie, owner_name: name, due_on: input.uiterlijk, created_by: ctx.actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  await audit(ctx, { clientId: plan.client_id, action: 'aanmaken', resource: 'perspectiefplan actie' });
  const dto = await planDto(ctx, plan.id);
  return dto.doelen.flatMap((g) => g.acties).find((a) => a.id === row.id)!;
}

/** Status change of an action; only the transitions in ACTION_TRANSITIONS are allowed (409 otherwise). */
export async function changeActionStatus(ctx: Ctx, actionId: string, input: { status: string; datum: string; toelichting?: string | null }) {
  requirePlanWrite(ctx);
  const a = await ctx.db.selectFrom('plan_actions').selectAll().where('id', '=', actionId).where('tenant_id', '=', ctx.actor.tenantId).forUpdate().executeTakeFirst();
  if (!a) throw new NotFoundError('Actie niet gevonden.');
  const { plan } = await loadGoal(ctx, a.goal_id);
  const p = new Problems();
  if (!ACTION_STATUSES.some((s) => s.code === input.status)) p.add('status', 'enum', 'Kies een geldige status.');
  checkPastDate(p, ctx, 'datum', input.datum, { min: plan.drawn_up_on, minLabel: `de datum van het plan (${plan.drawn_up_on})` });
  const note = checkText(p, 'toelichting', input.toelichting, { max: 2000, label: 'de toelichting' });
  p.throwIfAny();
  if (!ACTION_TRANSITIONS[a.status]?.includes(input.status)) {
    throw new ConflictError(`Een actie met status '${labelOf(ACTION_STATUSES, a.status)}' kan niet naar '${labelOf(ACTION_STATUSES, input.status)}'.`);
  }
  await ctx.db.updateTable('plan_actions').set({ status: input.status, status_on: input.datum }).where('id', '=', actionId).execute();
  await ctx.db.insertInto('plan_action_status_changes').values({ action_id: actionId, from_status: a.status, to_status: input.status, changed_on: input.datum, note, changed_by: ctx.actor.userId }).execute();
  await audit(ctx, { clientId: plan.client_id, action: 'wijzigen', resource: 'perspectiefplan actie', detail: `${a.status} → ${input.status}` });
  const dto = await planDto(ctx, plan.id);
  return dto.doelen.flatMap((g) => g.acties).find((x) => x.id === actionId)!;
}

export async function listComments(ctx: Ctx, planId: string) {
  const plan = await loadPlan(ctx, planId);
  await audit(ctx, { clientId: plan.client_id, action: 'lezen', resource: 'perspectiefplan opmerkingen' });
  return { resultaten: (await planDto(ctx, planId)).opmerkingen };
}

/** Comments by staff or by the client (regie): the client writes here, never in goals or actions. */
export async function addComment(ctx: Ctx, planId: string, input: { tekst: string }) {
  requireRole(ctx, 'toegang', 'locatie', 'client');
  const plan = await loadPlan(ctx, planId);
  const p = new Problems();
  const text = checkText(p, 'tekst', input.tekst, { required: true, max: 2000, label: 'uw opmerking' });
  p.throwIfAny();
  const row = await ctx.db.insertInto('plan_comments').values({
    tenant_id: ctx.actor.tenantId, plan_id: planId, author_id: ctx.actor.userId, author_name: ctx.actor.displayName, author_role: ctx.actor.role, body: text!,
  }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
  await audit(ctx, { clientId: plan.client_id, action: 'aanmaken', resource: 'perspectiefplan opmerking' });
  return { id: row.id, auteur: ctx.actor.displayName, rol: ctx.actor.role, tekst: text!, tijdstip: new Date(row.created_at).toISOString() };
}
