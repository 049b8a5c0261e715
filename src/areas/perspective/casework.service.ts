// ZRM measurements, practical steps and blockades of a trajectory, and the perspective overview of a client.
import type { Ctx } from '../../rights/context.js';
import { audit } from '../../rights/audit.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { daysBetween, todayInNl } from '../../platform/validation.js';
import { checkPastDate, checkText, loadTrajectory, mayWritePlan, placementOf, requirePlanRead, requirePlanWrite } from './plan-access.js';
import { planDto } from './plans.service.js';
import { planTimeliness, shelterControl } from './rules.js';
import {
  BLOCKER_KINDS, OWNER_ORGS, STEP_KINDS, STEP_STATUSES, STEP_TRANSITIONS, ZRM_DOMAINS, ZRM_KINDS, ZRM_SCALE, ZRM_VERSION, ZRM_VERSIONS, labelOf,
} from './life-domains.js';
import { entriesOfClient } from './waiting-lists.service.js';

// ---------- ZRM ----------

async function zrmDto(ctx: Ctx, clientId: string) {
  const rows = await ctx.db.selectFrom('zrm_assessments').leftJoin('users', 'users.id', 'zrm_assessments.created_by')
    .select(['zrm_assessments.id', 'zrm_assessments.assessed_on', 'zrm_assessments.zrm_version', 'zrm_assessments.kind', 'zrm_assessments.trajectory_id', 'users.display_name'])
    .where('zrm_assessments.client_id', '=', clientId).orderBy('zrm_assessments.assessed_on').orderBy('zrm_assessments.created_at').execute();
  const scores = rows.length ? await ctx.db.selectFrom('zrm_scores').selectAll().where('assessment_id', 'in', rows.map((r) => r.id)).execute() : [];
  return {
    metingen: rows.map((r) => ({
      id: r.id, datum: r.assessed_on, versie: r.zrm_version, soort: r.kind, soortLabel: labelOf(ZRM_KINDS, r.kind), trajectId: r.trajectory_id, door: r.display_name,
      scores: scores.filter((s) => s.assessment_id === r.id).map((s) => ({ domein: s.domain, domeinLabel: labelOf(ZRM_DOMAINS, s.domain), score: s.score, scoreLabel: ZRM_SCALE.find((x) => x.score === s.score)?.label ?? '' }))
        .sort((a, b) => ZRM_DOMAINS.findIndex((d) => d.code === a.domein) - ZRM_DOMAINS.findIndex((d) => d.code === b.domein)),
    })),
    versie: ZRM_VERSION, domeinen: ZRM_DOMAINS, schaal: ZRM_SCALE, soorten: ZRM_KINDS,
    mogelijkheden: { meten: mayWritePlan(ctx.actor) },
  };
}

export async function listZrm(ctx: Ctx, clientId: string) {
  requirePlanRead(ctx);
  await assertClientVisible(ctx, clientId);
  await audit(ctx, { clientId, action: 'lezen', resource: 'zrm-metingen' });
  return zrmDto(ctx, clientId);
}

export interface ZrmInput { datum: string; soort: string; versie?: string; scores: { domein: string; score: number }[] }

export async function addZrm(ctx: Ctx, clientId: string, input: ZrmInput) {
  requirePlanWrite(ctx);
  await assertClientVisible(ctx, clientId);
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  if (!ZRM_KINDS.some((k) => k.code === input.soort)) p.add('soort', 'enum', 'Kies intake, tussentijds of bij uitstroom.');
  const version = input.versie ?? ZRM_VERSION;
  const domains = ZRM_VERSIONS[version];
  if (!domains) p.add('versie', 'enum', `Nieuwe metingen gebruiken de ZRM-versie ${ZRM_VERSION}.`);
  else {
    const given = new Map<string, number>();
    for (const [i, s] of (input.scores ?? []).entries()) {
      if (!domains.includes(s.domein)) p.add(`scores.${i}.domein`, 'enum', `Onbekend levensgebied '${s.domein}'.`);
      else if (given.has(s.domein)) p.add(`scores.${i}.domein`, 'duplicate', `${labelOf(ZRM_DOMAINS, s.domein)} staat er twee keer in.`);
      if (!Number.isInteger(s.score) || s.score < 1 || s.score > 5) p.add(`scores.${i}.score`, 'range', `De score voor ${labelOf(ZRM_DOMAINS, s.domein)} is een geheel getal van 1 tot en met 5.`);
      given.set(s.domein, s.score);
    }
    for (const d of domains) if (!given.has(d)) p.add('scores', 'missing', `Geef een score voor ${labelOf(ZRM_DOMAINS, d)}: de ZRM meet alle levensgebieden.`);
  }
  p.throwIfAny();
  // Link to the trajectory running on that date (the open one, or the one that covered the date).
  const trajectories = await ctx.db.selectFrom('trajectories').select(['id', 'started_on', 'ended_on']).where('client_id', '=', clientId).orderBy('started_on', 'desc').execute();
  const t = trajectories.find((x) => x.started_on <= input.datum && (!x.ended_on || x.ended_on >= input.datum)) ?? null;
  const row = await ctx.db.insertInto('zrm_assessments').values({
    tenant_id: ctx.actor.tenantId, client_id: clientId, trajectory_id: t?.id ?? null, assessed_on: input.datum, zrm_version: version, kind: input.soort, created_by: ctx.actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('zrm_scores').values(input.scores.map((s) => ({ assessment_id: row.id, domain: s.domein, score: s.score }))).execute();
  await audit(ctx, { clientId, action: 'aanmaken', resource: 'zrm-meting', detail: `${input.soort}, versie ${version}` });
  return (await zrmDto(ctx, clientId)).metingen.find((m) => m.id === row.id)!;
}

// ---------- practical steps ----------

async function stepsDto(ctx: Ctx, trajectoryId: string) {
  const rows = await ctx.db.selectFrom('practical_steps').selectAll().where('trajectory_id', '=', trajectoryId).execute();
  const write = mayWritePlan(ctx.actor);
  return STEP_KINDS.map((k) => {
    const r = rows.find((x) => x.kind === k.code);
    const status = r?.status ?? 'open';
    return {
      soort: k.code, soortLabel: k.label, status, statusLabel: labelOf(STEP_STATUSES, status), aangevraagdOp: r?.requested_on ?? null, geregeldOp: r?.completed_on ?? null,
      toelichting: r?.note ?? null, blokkeertUitstroom: status === 'open' || status === 'aangevraagd' || status === 'afgewezen',
      volgendeStatussen: write ? STEP_TRANSITIONS[status] ?? [] : [],
    };
  });
}

export async function listSteps(ctx: Ctx, trajectoryId: string) {
  const t = await loadTrajectory(ctx, trajectoryId);
  await audit(ctx, { clientId: t.client_id, action: 'lezen', resource: 'praktische stappen' });
  return { trajectId: t.id, resultaten: await stepsDto(ctx, t.id) };
}

export async function changeStep(ctx: Ctx, trajectoryId: string, kind: string, input: { status: string; datum: string; toelichting?: string | null }) {
  requirePlanWrite(ctx);
  const t = await loadTrajectory(ctx, trajectoryId);
  if (!STEP_KINDS.some((k) => k.code === kind)) throw new NotFoundError('Onbekende praktische stap.');
  const p = new Problems();
  if (!STEP_STATUSES.some((s) => s.code === input.status)) p.add('status', 'enum', 'Kies een geldige status.');
  checkPastDate(p, ctx, 'datum', input.datum, { min: t.started_on, minLabel: `de start van het traject (${t.started_on})` });
  const note = checkText(p, 'toelichting', input.toelichting, { max: 2000, label: 'de toelichting' });
  p.throwIfAny();
  const current = await ctx.db.selectFrom('practical_steps').selectAll().where('trajectory_id', '=', t.id).where('kind', '=', kind).forUpdate().executeTakeFirst();
  const from = current?.status ?? 'open';
  if (!STEP_TRANSITIONS[from]?.includes(input.status)) {
    throw new ConflictError(`${labelOf(STEP_KINDS, kind)}: van '${labelOf(STEP_STATUSES, from)}' naar '${labelOf(STEP_STATUSES, input.status)}' kan niet.`);
  }
  const requested = input.status === 'aangevraagd' ? input.datum : input.status === 'open' ? null : current?.requested_on ?? null;
  const completed = input.status === 'geregeld' || input.status === 'niet-nodig' ? input.datum : null;
  await ctx.db.insertInto('practical_steps').values({
    tenant_id: ctx.actor.tenantId, trajectory_id: t.id, kind, status: input.status, requested_on: requested, completed_on: completed, note: note ?? current?.note ?? null, updated_by: ctx.actor.userId,
  }).onConflict((oc) => oc.columns(['trajectory_id', 'kind']).doUpdateSet({ status: input.status, requested_on: requested, completed_on: completed, note: note ?? current?.note ?? null, updated_by: ctx.actor.userId, updated_at: ctx.now }))
    .execute();
  await audit(ctx, { clientId: t.client_id, action: 'wijzigen', resource: 'praktische stap', detail: `${kind}: ${from} → ${input.status}` });
  return (await stepsDto(ctx, t.id)).find((s) => s.soort === kind)!;
}

// ---------- blockades ----------

type BlockerRow = { id: string; kind: string; description: string | null; since: string; next_actor_org: string | null; next_actor_name: string | null; next_step: string | null; resolved_on: string | null; created_at: Date };
type BlockerChange = { op: string; door: string | null; velden: { veld: BlockerField; van: string | null; naar: string | null }[] };

/** The fields of a blockade that can be changed afterwards (PATCH /v1/blokkades/{id}), API name → column. */
export const BLOCKER_FIELDS = {
  omschrijving: 'description', volgendeActorOrganisatie: 'next_actor_org', volgendeActorNaam: 'next_actor_name', volgendeStap: 'next_step',
} as const;
export type BlockerField = keyof typeof BLOCKER_FIELDS;

/** Who acts next on a blockade (null: nobody named). Shared by the case page and the doorstroomoverleg worklist. */
export function blockerNextActor(b: { next_actor_org: string | null; next_actor_name: string | null }) {
  return b.next_actor_org ? { organisatie: b.next_actor_org, organisatieLabel: labelOf(OWNER_ORGS, b.next_actor_org), naam: b.next_actor_name } : null;
}

/** Date (NL) the blockade was recorded, and of its last change (null: never changed since). */
export function blockerDates(createdAt: Date, lastChange: Date | null) {
  return { vastgelegdOp: todayInNl(new Date(createdAt)), bijgewerktOp: lastChange ? todayInNl(new Date(lastChange)) : null };
}

function blockerDto(b: BlockerRow, today: string, write: boolean, changes: BlockerChange[] = [], lastChange: Date | null = null) {
  return {
    id: b.id, soort: b.kind, soortLabel: labelOf(BLOCKER_KINDS, b.kind), omschrijving: b.description, sinds: b.since,
    dagen: daysBetween(b.since, b.resolved_on ?? today), opgeheven: b.resolved_on,
    volgendeActor: blockerNextActor(b),
    volgendeStap: b.next_step,
    ...blockerDates(b.created_at, lastChange),
    wijzigingen: changes,
    mogelijkheden: { opheffen: write && !b.resolved_on, wijzigen: write && !b.resolved_on },
  };
}

/** Change history per blockade, oldest first. */
export async function blockerChanges(ctx: Ctx, blockerIds: string[]) {
  const out = new Map<string, { changes: BlockerChange[]; last: Date | null }>();
  if (!blockerIds.length) return out;
  const rows = await ctx.db.selectFrom('blocker_updates').leftJoin('users', 'users.id', 'blocker_updates.changed_by')
    .select(['blocker_updates.blocker_id', 'blocker_updates.version', 'blocker_updates.changed_at', 'blocker_updates.previous_values', 'blocker_updates.new_values', 'users.display_name'])
    .where('blocker_updates.blocker_id', 'in', blockerIds).where('blocker_updates.tenant_id', '=', ctx.actor.tenantId)
    .orderBy('blocker_updates.blocker_id').orderBy('blocker_updates.version').execute();
  for (const r of rows) {
    // jsonb: both drivers return it parsed
    const before = r.previous_values as Record<string, string | null>;
    const after = r.new_values as Record<string, string | null>;
    const e = out.get(r.blocker_id) ?? { changes: [], last: null };
    const at = new Date(r.changed_at);
    e.changes.push({
      op: at.toISOString(), door: r.display_name,
      velden: (Object.keys(BLOCKER_FIELDS) as BlockerField[]).filter((f) => f in after).map((f) => ({ veld: f, van: before[f] ?? null, naar: after[f] ?? null })),
    });
    e.last = at;
    out.set(r.blocker_id, e);
  }
  return out;
}

async function blockersOf(ctx: Ctx, trajectoryId: string) {
  const rows = await ctx.db.selectFrom('blockers').selectAll().where('trajectory_id', '=', trajectoryId).orderBy('resolved_on', (ob) => ob.desc().nullsFirst()).orderBy('since').execute();
  const today = todayInNl(ctx.now);
  const history = await blockerChanges(ctx, rows.map((b) => b.id));
  return rows.map((b) => blockerDto(b, today, mayWritePlan(ctx.actor), history.get(b.id)?.changes, history.get(b.id)?.last));
}

export async function listBlockers(ctx: Ctx, trajectoryId: string) {
  const t = await loadTrajectory(ctx, trajectoryId);
  await audit(ctx, { clientId: t.client_id, action: 'lezen', resource: 'blokkades' });
  return { trajectId: t.id, resultaten: await blockersOf(ctx, t.id) };
}

export interface BlockerInput { soort: string; omschrijving?: string | null; sinds: string; volgendeActorOrganisatie?: string | null; volgendeActorNaam?: string | null; volgendeStap?: string | null }

export async function addBlocker(ctx: Ctx, trajectoryId: string, input: BlockerInput) {
  requirePlanWrite(ctx);
  const t = await loadTrajectory(ctx, trajectoryId);
  const p = new Problems();
  if (!BLOCKER_KINDS.some((k) => k.code === input.soort)) p.add('soort', 'enum', 'Kies een blokkade uit de lijst.');
  const desc = checkText(p, 'omschrijving', input.omschrijving, { required: input.soort === 'overig', max: 1000, label: 'een omschrijving van de blokkade' });
  checkPastDate(p, ctx, 'sinds', input.sinds, { min: t.started_on, minLabel: `de start van het traject (${t.started_on})` });
  if (input.volgendeActorOrganisatie && !OWNER_ORGS.some((o) => o.code === input.volgendeActorOrganisatie)) p.add('volgendeActorOrganisatie', 'enum', 'Kies wie de volgende stap zet.');
  const name = checkText(p, 'volgendeActorNaam', input.volgendeActorNaam, { max: 200, label: 'de naam' });
  const step = checkText(p, 'volgendeStap', input.volgendeStap, { max: 1000, label: 'de volgende stap' });
  p.throwIfAny();
  if (t.ended_on) throw new ConflictError(`Dit traject is beëindigd op ${t.ended_on}.`);
  const active = await ctx.db.selectFrom('blockers').select('id').where('trajectory_id', '=', t.id).where('kind', '=', input.soort).where('resolved_on', 'is', null).executeTakeFirst();
  if (active && input.soort !== 'overig') throw new ConflictError(`Deze blokkade (${labelOf(BLOCKER_KINDS, input.soort)}) staat al open voor dit traject.`);
  const row = await ctx.db.insertInto('blockers').values({
    tenant_id: ctx.actor.tenantId, trajectory_id: t.id, kind: input.soort, description: desc, since: input.sinds, next_actor_org: input.volgendeActorOrganisatie || null,
    next_actor_name: name, next_step: step, created_by: ctx.actor.userId, created_at: ctx.now,
  }).returning('id').executeTakeFirstOrThrow();
  await audit(ctx, { clientId: t.client_id, action: 'aanmaken', resource: 'blokkade', detail: input.soort });
  return (await blockersOf(ctx, t.id)).find((b) => b.id === row.id)!;
}

export async function resolveBlocker(ctx: Ctx, blockerId: string, input: { datum: string }) {
  requirePlanWrite(ctx);
  const b = await ctx.db.selectFrom('blockers').selectAll().where('id', '=', blockerId).where('tenant_id', '=', ctx.actor.tenantId).forUpdate().executeTakeFirst();
  if (!b) throw new NotFoundError('Blokkade niet gevonden.');
  const t = await loadTrajectory(ctx, b.trajectory_id);
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum, { min: b.since, minLabel: `het begin van de blokkade (${b.since})` });
  p.throwIfAny();
  if (b.resolved_on) throw new ConflictError(`Deze blokkade is al opgeheven op ${b.resolved_on}.`);
  await ctx.db.updateTable('blockers').set({ resolved_on: input.datum }).where('id', '=', blockerId).execute();
  await audit(ctx, { clientId: t.client_id, action: 'wijzigen', resource: 'blokkade', detail: `opgeheven: ${b.kind}` });
  return (await blockersOf(ctx, t.id)).find((x) => x.id === blockerId)!;
}

export type BlockerUpdateInput = Partial<Record<BlockerField, string | null>>;

/**
 * Doorstroomoverleg: change the description and "who acts next / next step" of an open blockade. Only the fields
 * given are changed (null or '' clears one); same checks as when recording it; the previous and new values of the
 * fields that really changed are kept in blocker_updates.
 */
export async function updateBlocker(ctx: Ctx, blockerId: string, input: BlockerUpdateInput) {
  requirePlanWrite(ctx);
  const b = await ctx.db.selectFrom('blockers').selectAll().where('id', '=', blockerId).where('tenant_id', '=', ctx.actor.tenantId).forUpdate().executeTakeFirst();
  if (!b) throw new NotFoundError('Blokkade niet gevonden.');
  const t = await loadTrajectory(ctx, b.trajectory_id);
  const given = (f: BlockerField) => input[f] !== undefined;
  const p = new Problems();
  const next: BlockerUpdateInput = {};
  if (given('omschrijving')) next.omschrijving = checkText(p, 'omschrijving', input.omschrijving, { required: b.kind === 'overig', max: 1000, label: 'een omschrijving van de blokkade' });
  if (given('volgendeActorOrganisatie')) {
    if (input.volgendeActorOrganisatie && !OWNER_ORGS.some((o) => o.code === input.volgendeActorOrganisatie)) p.add('volgendeActorOrganisatie', 'enum', 'Kies wie de volgende stap zet.');
    next.volgendeActorOrganisatie = input.volgendeActorOrganisatie || null;
  }
  if (given('volgendeActorNaam')) next.volgendeActorNaam = checkText(p, 'volgendeActorNaam', input.volgendeActorNaam, { max: 200, label: 'de naam' });
  if (given('volgendeStap')) next.volgendeStap = checkText(p, 'volgendeStap', input.volgendeStap, { max: 1000, label: 'de volgende stap' });
  p.throwIfAny();
  if (b.resolved_on) throw new ConflictError(`Deze blokkade is al opgeheven op ${b.resolved_on}; een opgeheven blokkade wijzigt u niet meer.`);
  const before: BlockerUpdateInput = {};
  const after: BlockerUpdateInput = {};
  const set: Partial<Record<(typeof BLOCKER_FIELDS)[BlockerField], string | null>> = {};
  for (const f of Object.keys(next) as BlockerField[]) {
    const col = BLOCKER_FIELDS[f];
    if ((b[col] ?? null) === (next[f] ?? null)) continue;
    before[f] = b[col] ?? null;
    after[f] = next[f] ?? null;
    set[col] = next[f] ?? null;
  }
  const changed = Object.keys(after);
  if (changed.length) {
    await ctx.db.updateTable('blockers').set(set).where('id', '=', b.id).execute();
    const last = await ctx.db.selectFrom('blocker_updates').select((eb) => eb.fn.max<number>('version').as('v')).where('blocker_id', '=', b.id).executeTakeFirst();
    await ctx.db.insertInto('blocker_updates').values({
      tenant_id: ctx.actor.tenantId, blocker_id: b.id, version: Number(last?.v ?? 0) + 1, changed_at: ctx.now, changed_by: ctx.actor.userId,
      previous_values: JSON.stringify(before), new_values: JSON.stringify(after),
    }).execute();
  }
  await audit(ctx, { clientId: t.client_id, action: 'wijzigen', resource: 'blokkade', detail: `${b.kind}: ${changed.length ? changed.join(', ') : 'geen wijzigingen'}` });
  return (await blockersOf(ctx, t.id)).find((x) => x.id === b.id)!;
}

// ---------- overview for the case page ----------

/** Everything of actielijn 2 for one client: the current (or last) trajectory with its 91-day control, plan, ZRM, steps, blockades, waiting lists. */
export async function clientPerspective(ctx: Ctx, clientId: string) {
  requirePlanRead(ctx);
  await assertClientVisible(ctx, clientId);
  const today = todayInNl(ctx.now);
  const t = await ctx.db.selectFrom('trajectories').select(['id', 'started_on', 'ended_on']).where('client_id', '=', clientId)
    .orderBy(({ eb }) => eb.case().when('ended_on', 'is', null).then(0).else(1).end()).orderBy('started_on', 'desc').executeTakeFirst();
  let traject = null;
  if (t) {
    const placement = await placementOf(ctx, t.id);
    const openStay = await ctx.db.selectFrom('stays').select('id').where('trajectory_id', '=', t.id).where('ended_on', 'is', null).executeTakeFirst();
    const plan = await ctx.db.selectFrom('perspective_plans').select(['id', 'drawn_up_on']).where('trajectory_id', '=', t.id).executeTakeFirst();
    traject = {
      id: t.id, start: t.started_on, eind: t.ended_on, plaatsingsdatum: placement, inOpvang: !!openStay,
      driemaandencontrole: placement && openStay ? shelterControl(placement, today) : null,
      planTermijn: planTimeliness(placement, plan?.drawn_up_on ?? null, today),
      plan: plan ? await planDto(ctx, plan.id) : null,
      praktischeStappen: await stepsDto(ctx, t.id),
      blokkades: await blockersOf(ctx, t.id),
    };
  }
  const zrm = await zrmDto(ctx, clientId);
  const wachtlijsten = await entriesOfClient(ctx, clientId);
  await audit(ctx, { clientId, action: 'lezen', resource: 'perspectief' });
  const write = mayWritePlan(ctx.actor);
  const open = !!t && !t.ended_on;
  return {
    clientId, traject, zrm, wachtlijsten,
    keuzelijsten: { levensgebieden: ZRM_DOMAINS, eigenaren: OWNER_ORGS, blokkades: BLOCKER_KINDS, stappen: STEP_KINDS, stapStatussen: STEP_STATUSES },
    mogelijkheden: {
      planOpstellen: write && open && !traject?.plan, zrmMeten: write, stappenWijzigen: write && open, blokkadeToevoegen: write && open,
      wachtlijstPlaatsen: ctx.actor.role === 'toegang' && open,
    },
  };
}
