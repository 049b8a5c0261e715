import { sql } from 'kysely';
import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { stateMachine } from '../../platform/transitions.js';
import { addDays } from '../../platform/validation.js';
import { DECISION_OUTCOMES, type DecisionOutcome, REGISTRATION_SOURCES } from '../../reference/reference.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { assertClientVisible, visibleClients } from '../../rights/visibility.js';
import { refreshFigureFacts } from '../reporting/figure-facts.js';
import { settleShortStays } from '../shelter/short-stays.service.js';
import { proposeHandover } from './handovers.service.js';
import { assessRegionalTie, type RegionalTieInput } from './regional-tie.js';
import {
  type Aanmelding,
  AanmeldingStatus,
  type Toegangsbesluit,
  toAanmelding,
  toAanmeldingInLijst,
  toToegangsbesluit,
} from './registrations.dto.js';
import { decisionsWithNames, objectionsOf } from './registrations.queries.js';

/** Awb 6:7: bezwaartermijn is six weeks. */
export const OBJECTION_DAYS = 42;

/** Registration status transitions, as a table: what may follow what. */
export const REGISTRATION_TRANSITIONS = stateMachine<AanmeldingStatus>('Een aanmelding', {
  aangemeld: ['gescreend', 'besloten', 'ingetrokken'],
  gescreend: ['besloten', 'ingetrokken'],
  besloten: [],
  ingetrokken: [],
});

export async function createRegistration(
  ctx: Ctx,
  input: { clientId: string; datum: string; bron: string; toelichting?: string | null },
) {
  return getRegistration(ctx, await recordRegistration(ctx, input));
}

/** The write step of createRegistration without reading it back (issue 13: the demo history): the id. */
export async function recordRegistration(
  ctx: Ctx,
  input: { clientId: string; datum: string; bron: string; toelichting?: string | null },
): Promise<string> {
  authorize(ctx, 'aanmeldingen.registreren');
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  if (!REGISTRATION_SOURCES.some((s) => s.code === input.bron))
    p.add('bron', 'enum', 'Kies een geldige bron van de aanmelding.');
  p.throwIfAny();
  await assertClientVisible(ctx, input.clientId);
  // A registration while a trajectory is open belongs to that trajectory (issue 12): linked, and the screen says so.
  const open = await ctx.db
    .selectFrom('trajectories')
    .select('id')
    .where('client_id', '=', input.clientId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  const row = await ctx.db
    .insertInto('registrations')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: input.clientId,
      registered_on: input.datum,
      source: input.bron,
      notes: input.toelichting?.trim() || null,
      created_by: ctx.actor.userId,
      trajectory_id: open?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await refreshFigureFacts(ctx.db, { registrationIds: [row.id] });
  await audit(ctx, { clientId: input.clientId, action: 'aanmaken', resource: 'aanmelding' });
  return row.id;
}

async function loadRegistration(ctx: Ctx, id: string) {
  const r = await ctx.db
    .selectFrom('registrations')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError('Aanmelding niet gevonden.');
  await assertClientVisible(ctx, r.client_id);
  return r;
}

/** One registration, for everyone who may see the client's file (the client's own included). */
export async function getRegistration(ctx: Ctx, id: string): Promise<Aanmelding> {
  authorize(ctx, 'dossier.lezen');
  const r = await loadRegistration(ctx, id);
  const d = await decisionsWithNames(ctx.db).where('access_decisions.registration_id', '=', id).executeTakeFirst();
  const t = await ctx.db.selectFrom('trajectories').select('id').where('registration_id', '=', id).executeTakeFirst();
  const linked = r.trajectory_id
    ? await ctx.db
        .selectFrom('trajectories')
        .select(['id', 'started_on as start'])
        .where('id', '=', r.trajectory_id)
        .executeTakeFirst()
    : undefined;
  const objections = d ? await objectionsOf(ctx.db, [d.id]) : [];
  await audit(ctx, { clientId: r.client_id, action: 'lezen', resource: 'aanmelding' });
  return toAanmelding(
    ctx.actor,
    r,
    d ? toToegangsbesluit(ctx.actor, d, t?.id ?? linked?.id ?? null, objections) : null,
    linked ?? null,
  );
}

export async function listRegistrations(ctx: Ctx, q: { status?: string; pagina?: number; paginaGrootte?: number }) {
  authorize(ctx, 'aanmeldingen.lezen');
  const size = Math.min(Math.max(q.paginaGrootte ?? 20, 1), 100);
  const page = Math.max(q.pagina ?? 1, 1);
  let base = visibleClients(ctx)
    .innerJoin('registrations', 'registrations.client_id', 'clients.id')
    .leftJoin('access_decisions', 'access_decisions.registration_id', 'registrations.id');
  if (q.status) base = base.where('registrations.status', '=', q.status);
  const rows = await base
    .select([
      'registrations.id',
      'registrations.registered_on',
      'registrations.source',
      'registrations.status',
      'registrations.notes',
      'clients.id as client_id',
      'clients.first_name',
      'clients.last_name',
      'registrations.trajectory_id',
      'access_decisions.outcome as decision_outcome',
      'access_decisions.decided_on',
    ])
    .orderBy('registrations.registered_on', 'desc')
    .orderBy('registrations.created_at', 'desc')
    .limit(size + 1)
    .offset((page - 1) * size)
    .execute();
  const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const shown = rows.slice(0, size);
  await auditPersons(
    ctx,
    shown.map((r) => r.client_id),
    { action: 'zoeken', resource: 'aanmeldingen', detail: `werklijst, ${n} resultaten` },
  );
  return {
    resultaten: shown.map(toAanmeldingInLijst),
    pagina: page,
    paginaGrootte: size,
    totaal: n,
    heeftVolgende: rows.length > size,
  };
}

export async function recordScreening(ctx: Ctx, id: string, input: { datum: string; bevindingen: string }) {
  authorize(ctx, 'aanmeldingen.screenen');
  const r = await loadRegistration(ctx, id);
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum, r.registered_on);
  if (!input.bevindingen?.trim()) p.add('bevindingen', 'required', 'Beschrijf de bevindingen van de screening.');
  p.throwIfAny();
  REGISTRATION_TRANSITIONS.assert(AanmeldingStatus.parse(r.status), 'gescreend');
  await ctx.db
    .updateTable('registrations')
    .set({ screening: input.bevindingen.trim(), screened_on: input.datum, status: 'gescreend' })
    .where('id', '=', id)
    .execute();
  await audit(ctx, { clientId: r.client_id, action: 'wijzigen', resource: 'screening' });
  return getRegistration(ctx, id);
}

/**
 * Withdraws a registration before a decision (issue 19): the client no longer asks, or cannot be reached. A bed for
 * the night still open ends on that date; the file is destroyed 6 weeks later (domain.md §3, privacy/retention.ts).
 */
export async function withdrawRegistration(ctx: Ctx, id: string, input: { datum: string; reden: string }) {
  const r = await loadRegistration(ctx, id);
  const status = AanmeldingStatus.parse(r.status);
  if (status === 'besloten') throw new ConflictError('Over deze aanmelding is al besloten: intrekken kan niet meer.');
  if (status === 'ingetrokken')
    throw new ConflictError(`Deze aanmelding is al ingetrokken op ${datumTekst(r.withdrawn_on ?? r.registered_on)}.`);
  authorize(ctx, 'aanmeldingen.intrekken', { status });
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum, r.screened_on ?? r.registered_on);
  const reden = input.reden?.trim() ?? '';
  if (!reden) p.add('reden', 'required', 'Vermeld waarom de aanmelding wordt ingetrokken.');
  else if (reden.length > 1000) p.add('reden', 'length', 'De reden is te lang (max. 1000 tekens).');
  p.throwIfAny();
  REGISTRATION_TRANSITIONS.assert(status, 'ingetrokken');
  await ctx.db
    .updateTable('registrations')
    .set({ status: 'ingetrokken', withdrawn_on: input.datum, withdrawal_reason: reden })
    .where('id', '=', id)
    .execute();
  await settleShortStays(ctx, id, 'ingetrokken', input.datum, null);
  await refreshFigureFacts(ctx.db, { registrationIds: [id], trajectoryIds: [] });
  await audit(ctx, { clientId: r.client_id, action: 'wijzigen', resource: 'aanmelding', detail: 'ingetrokken' });
  return getRegistration(ctx, id);
}

export interface DecisionInput {
  uitkomst: DecisionOutcome;
  datum: string;
  reden?: string | null;
  regiobinding?: RegionalTieInput | null;
}

/** Toegangsbesluit. 'toegang' always includes emergency shelter and starts a trajectory; the regiobinding decides who keeps the case. */
export async function decide(ctx: Ctx, id: string, input: DecisionInput): Promise<Toegangsbesluit> {
  await recordDecision(ctx, id, input);
  const { besluit } = await getRegistration(ctx, id);
  if (!besluit) throw new Error('Het besluit is niet opgeslagen.');
  return besluit;
}

/**
 * The write step of decide (every check, the decision, the trajectory, the short stays, the handover and the audit
 * row) without reading the registration back: the trajectory started or joined, if any. Issue 13: the demo history.
 */
export async function recordDecision(
  ctx: Ctx,
  id: string,
  input: DecisionInput,
): Promise<{ trajectoryId: string | null }> {
  authorize(ctx, 'aanmeldingen.besluiten');
  const r = await ctx.db
    .selectFrom('registrations')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw new NotFoundError('Aanmelding niet gevonden.');
  await assertClientVisible(ctx, r.client_id);
  const p = new Problems();
  if (!DECISION_OUTCOMES.some((o) => o.code === input.uitkomst))
    p.add('uitkomst', 'enum', 'Kies toegang, doorverwijzing of afwijzing.');
  checkPastDate(p, ctx, 'datum', input.datum, r.registered_on);
  if (input.uitkomst === 'afwijzing' && !input.reden?.trim())
    p.add('reden', 'required', 'Een afwijzing moet een reden hebben.');
  if (input.uitkomst === 'doorverwijzing' && !input.reden?.trim())
    p.add('reden', 'required', 'Vermeld naar welke voorziening in het voorliggend veld is doorverwezen.');
  const tie = input.regiobinding;
  if (tie) {
    if (!Number.isFinite(tie.jarenInRegio) || tie.jarenInRegio < 0 || tie.jarenInRegio > 120)
      p.add('regiobinding.jarenInRegio', 'range', 'Jaren in de regio is een getal van 0 tot 120.');
    if (!['deze-regio', 'andere-regio', 'geen-voorkeur'].includes(tie.wensClient))
      p.add('regiobinding.wensClient', 'enum', 'Kies de wens van de cliënt.');
    if (tie.andereTenantId) {
      if (tie.andereTenantId === ctx.actor.tenantId)
        p.add('regiobinding.andereTenantId', 'same', 'Kies een andere centrumgemeente dan de eigen.');
      else if (
        !(await ctx.db.selectFrom('tenants').select('id').where('id', '=', tie.andereTenantId).executeTakeFirst())
      )
        p.add('regiobinding.andereTenantId', 'unknown', 'Onbekende centrumgemeente.');
    }
  }
  const outcome = input.uitkomst;
  const assessment = outcome === 'toegang' && tie ? assessRegionalTie(tie) : null;
  // Below the threshold, with another centrumgemeente named, that one becomes responsible (warm handover).
  const responsibleTenant =
    assessment && tie ? (!assessment.blijftHier && tie.andereTenantId ? tie.andereTenantId : ctx.actor.tenantId) : null;
  const handover = !!responsibleTenant && responsibleTenant !== ctx.actor.tenantId;
  if (handover && !tie?.toestemmingOverdracht)
    p.add(
      'regiobinding.toestemmingOverdracht',
      'required',
      'Een warme overdracht kan alleen met toestemming van de cliënt. Leg die vast, of houd de zaak hier.',
    );
  p.throwIfAny();
  const status = AanmeldingStatus.parse(r.status);
  if (status === 'besloten') throw new ConflictError('Over deze aanmelding is al besloten.');
  REGISTRATION_TRANSITIONS.assert(status, 'besloten');
  const decision = await ctx.db
    .insertInto('access_decisions')
    .values({
      tenant_id: ctx.actor.tenantId,
      registration_id: id,
      outcome,
      decided_on: input.datum,
      decided_by: ctx.actor.userId,
      reason: input.reden?.trim() || null,
      objection_deadline: addDays(input.datum, OBJECTION_DAYS),
      emergency_shelter: outcome === 'toegang',
      regional_tie: assessment ? JSON.stringify({ ...assessment, invoer: tie }) : null,
      responsible_tenant_id: responsibleTenant,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.updateTable('registrations').set({ status: 'besloten' }).where('id', '=', id).execute();
  let trajectoryId: string | null = null;
  if (outcome === 'toegang') {
    const open = await ctx.db
      .selectFrom('trajectories')
      .select('id')
      .where('client_id', '=', r.client_id)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    if (open) {
      // A second registration while a trajectory is open: it belongs to that trajectory (issue 12).
      trajectoryId = open.id;
      await ctx.db.updateTable('registrations').set({ trajectory_id: open.id }).where('id', '=', id).execute();
    } else {
      trajectoryId = (
        await ctx.db
          .insertInto('trajectories')
          .values({
            tenant_id: ctx.actor.tenantId,
            client_id: r.client_id,
            registration_id: id,
            started_on: input.datum,
            case_manager_id: ctx.actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
  }
  // Issue 13: beds for the night during screening join the trajectory, or stay registration-only.
  await settleShortStays(ctx, id, outcome, input.datum, trajectoryId);
  await refreshFigureFacts(ctx.db, { registrationIds: [id], trajectoryIds: [trajectoryId] });
  if (handover && responsibleTenant)
    await proposeHandover(ctx, {
      decisionId: decision.id,
      clientId: r.client_id,
      trajectoryId,
      receiverTenantId: responsibleTenant,
      consentOn: input.datum,
      reason: input.reden?.trim() || null,
    });
  await audit(ctx, { clientId: r.client_id, action: 'besluiten', resource: 'toegangsbesluit', detail: outcome });
  return { trajectoryId };
}
