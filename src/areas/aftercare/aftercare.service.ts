// Nazorg / waakvlam (domain.md §1, actielijn 3): after every exit to housing (exit group 'permanent' or
// beschermd wonen) a follow-up plan with contacts after 1, 3, 6 and 12 months (adjustable, ./contact-moments.service.ts),
// a responsible party (wijkteam, FACT, ambulant begeleider), registered contacts and alarm signals
// (./aftercare-alarms.ts); preventief budgetbeheer is in ./budget.service.ts.
import type { NotNull } from 'kysely';
import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, normalizePostcode, todayInNl } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { codeOf } from '../prevention/prevention-codes.js';
import { type PlanCandidates, type PlanView, planListItemDto, planViewDto } from './aftercare.dto.js';
import { contactsOf, insertPlannedContacts, lockPlan, planQuery } from './aftercare.queries.js';
import { alarmsFor } from './aftercare-alarms.js';
import {
  checkAddress,
  checkResponsible,
  DEFAULT_CONTACT_MONTHS,
  destLabel,
  PLAN_STATUSES,
  planTransition,
  UNASSIGNED_LABEL,
} from './aftercare-rules.js';
import { budgetOfClient } from './budget.service.js';
import { relapseDestinationType } from './relapse.js';

export interface NewAddress {
  postcode: string;
  houseNumber: string;
}

/**
 * The new address of a home as the waakvlam matches arrears signals on it (postcode + house number), from the
 * home's postcode and street address ("Zonnebloemstraat 77 A, Dordrecht" → 77A, "Atjehstraat 12-3" → 12-3); null when either is missing.
 */
export function addressOfHome(postcodeIn: string | null, street: string): NewAddress | null {
  const postcode = postcodeIn ? normalizePostcode(postcodeIn) : null;
  const m = /\s([1-9][0-9]{0,4})(?:\s*[-]?\s*([A-Za-z]{1,2}|[0-9]{1,3})(?=\s*(?:,|$)))?/.exec(
    street.split(',')[0] ?? '',
  );
  if (!postcode || !m) return null;
  const suffix = m[2] ? (/^[0-9]/.test(m[2]) ? `-${m[2]}` : m[2].toUpperCase()) : '';
  return { postcode, houseNumber: `${m[1]}${suffix}` };
}

export interface NewAftercarePlan {
  trajectId: string;
  verantwoordelijkeSoort: string;
  verantwoordelijkeNaam: string;
  maanden?: number[] | null;
  postcode?: string | null;
  huisnummer?: string | null;
}

/** One click after an exit to housing: the plan with its planned contacts. */
export async function createAftercarePlan(ctx: Ctx, input: NewAftercarePlan): Promise<PlanView> {
  authorize(ctx, 'nazorg.werken');
  const t = await ctx.db
    .selectFrom('trajectories')
    .select(['id', 'client_id', 'ended_on', 'exit_destination', 'exit_group'])
    .where('id', '=', input.trajectId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!t) throw new NotFoundError('Traject niet gevonden.');
  await assertClientVisible(ctx, t.client_id);
  const p = new Problems();
  checkResponsible(p, input.verantwoordelijkeSoort, input.verantwoordelijkeNaam);
  const months = input.maanden ?? DEFAULT_CONTACT_MONTHS;
  if (!months.length) p.add('maanden', 'required', 'Plan minstens één nazorgcontact.');
  months.forEach((m, i) => {
    if (!Number.isInteger(m) || m < 1 || m > 36)
      p.add(`maanden[${i}]`, 'range', 'Een contactmoment ligt 1 tot 36 maanden na de uitstroom.');
  });
  if (new Set(months).size !== months.length) p.add('maanden', 'unique', 'Elk contactmoment mag één keer voorkomen.');
  const { postcode, houseNumber } = checkAddress(p, input.postcode, input.huisnummer);
  p.throwIfAny();
  if (!t.ended_on || !t.exit_destination)
    throw new ConflictError('Dit traject is nog niet beëindigd met een uitstroom.');
  if (!relapseDestinationType(t.exit_destination, t.exit_group))
    throw new ConflictError(
      `Nazorg (waakvlam) geldt na uitstroom naar wonen; dit traject stroomde uit naar ${destLabel(t.exit_destination)}.`,
    );
  const existing = await ctx.db
    .selectFrom('aftercare_plans')
    .select('id')
    .where('trajectory_id', '=', t.id)
    .executeTakeFirst();
  if (existing) throw new ConflictError('Voor deze uitstroom bestaat al een nazorgplan.');
  const plan = await ctx.db
    .insertInto('aftercare_plans')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: t.client_id,
      trajectory_id: t.id,
      exit_on: t.ended_on,
      responsible_kind: input.verantwoordelijkeSoort,
      responsible_name: input.verantwoordelijkeNaam.trim(),
      postcode,
      house_number: houseNumber,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertPlannedContacts(ctx, plan.id, t.ended_on, months);
  await audit(ctx, { clientId: t.client_id, action: 'aanmaken', resource: 'nazorgplan', detail: plan.id });
  return aftercarePlanView(ctx, plan.id);
}

/**
 * Waakvlam after EVERY exit to housing: called by registerExit (src/areas/shelter/placements.service.ts) in the same
 * transaction. Makes the plan with the default contacts (1, 3, 6, 12 months) and no responsible party yet
 * ("verantwoordelijke toewijzen" on the worklist). Makes nothing when the exit does not qualify (same rule as
 * createAftercarePlan), when this exit already has a plan, or when the client still has an active plan from an
 * earlier exit (that plan shows the return as an alarm; the worker closes it and makes a new one from the
 * candidates). Returns the id of the new plan or null.
 */
export async function createPlanAfterExit(
  ctx: Ctx,
  trajectoryId: string,
  newAddress: NewAddress | null = null,
): Promise<string | null> {
  const t = await ctx.db
    .selectFrom('trajectories')
    .select(['id', 'client_id', 'ended_on', 'exit_destination', 'exit_group'])
    .where('id', '=', trajectoryId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!t?.ended_on || !relapseDestinationType(t.exit_destination, t.exit_group)) return null;
  const existing = await ctx.db
    .selectFrom('aftercare_plans')
    .select('id')
    .where((eb) =>
      eb.or([eb('trajectory_id', '=', t.id), eb.and([eb('client_id', '=', t.client_id), eb('status', '=', 'actief')])]),
    )
    .executeTakeFirst();
  if (existing) return null;
  const plan = await ctx.db
    .insertInto('aftercare_plans')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: t.client_id,
      trajectory_id: t.id,
      exit_on: t.ended_on,
      responsible_kind: null,
      responsible_name: null,
      postcode: newAddress?.postcode ?? null,
      house_number: newAddress?.houseNumber ?? null,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertPlannedContacts(ctx, plan.id, t.ended_on, DEFAULT_CONTACT_MONTHS);
  await audit(ctx, {
    clientId: t.client_id,
    action: 'aanmaken',
    resource: 'nazorgplan',
    detail: `${plan.id} automatisch bij uitstroom`,
  });
  return plan.id;
}

/** Worklist: active plans, the ones with alarms (missed contacts first) on top, then by the next planned contact. */
export async function listAftercarePlans(
  ctx: Ctx,
  q: { status?: 'actief' | 'afgesloten' | 'alle' },
): Promise<{ resultaten: ReturnType<typeof planListItemDto>[] }> {
  authorize(ctx, 'nazorg.werken');
  const status = q.status ?? 'actief';
  let query = planQuery(ctx);
  if (status !== 'alle') query = query.where('p.status', '=', status);
  const plans = await query.orderBy('p.exit_on', 'desc').limit(500).execute();
  const contacts = plans.length
    ? await contactsOf(
        ctx,
        plans.map((p) => p.id),
      )
    : [];
  const alarms = await alarmsFor(ctx, plans, contacts);
  const today = todayInNl(ctx.now);
  await audit(ctx, {
    clientId: null,
    action: 'zoeken',
    resource: 'nazorgplannen',
    detail: `status ${status}, ${plans.length} plannen`,
  });
  await auditPersons(
    ctx,
    plans.map((p) => p.client_id),
    { action: 'lezen', resource: 'nazorgplannen', detail: `werklijst, status ${status}` },
  );
  const rows = plans.map((p) =>
    planListItemDto(
      p,
      contacts.filter((c) => c.plan_id === p.id),
      alarms.get(p.id) ?? [],
      today,
    ),
  );
  rows.sort(
    (x, y) =>
      (y.gemist ? 1 : 0) - (x.gemist ? 1 : 0) ||
      (y.alarmen.length ? 1 : 0) - (x.alarmen.length ? 1 : 0) ||
      (y.toeTeWijzen ? 1 : 0) - (x.toeTeWijzen ? 1 : 0) ||
      (x.volgendContact?.gepland ?? '9999').localeCompare(y.volgendContact?.gepland ?? '9999'),
  );
  return { resultaten: rows };
}

/** The plan as this user sees it (visible client, rights on it); the caller logs the read or the change. */
export async function aftercarePlanView(ctx: Ctx, id: string): Promise<PlanView> {
  const p = await planQuery(ctx).where('p.id', '=', id).executeTakeFirst();
  if (!p) throw new NotFoundError('Nazorgplan niet gevonden.');
  await assertClientVisible(ctx, p.client_id);
  const contacts = await contactsOf(ctx, [id], 'datum');
  const alarms = (await alarmsFor(ctx, [p], contacts)).get(p.id) ?? [];
  const budget = await budgetOfClient(ctx, p.client_id);
  const status = codeOf(PLAN_STATUSES, p.status);
  return planViewDto(p, contacts, alarms, budget, {
    today: todayInNl(ctx.now),
    mayChange: can(ctx.actor, 'nazorg.planWijzigen', { status }),
    mayAddBudget: can(ctx.actor, 'budgetbeheer.vastleggen'),
  });
}

export async function getAftercarePlan(ctx: Ctx, id: string): Promise<PlanView> {
  authorize(ctx, 'nazorg.werken');
  const view = await aftercarePlanView(ctx, id);
  await audit(ctx, { clientId: view.clientId, action: 'lezen', resource: 'nazorgplan', detail: id });
  return view;
}

export interface ContactInput {
  datum: string;
  bereikt: boolean;
  geplandContactId?: string | null;
  zorgsignaal?: boolean | null;
  notitie?: string | null;
}

/** A contact or closing date: a real date, not in the future and not before the exit. */
function checkDateSinceExit(pr: Problems, ctx: Ctx, datum: string, exitOn: string) {
  checkPastDate(pr, ctx, 'datum', datum, exitOn, `De datum ligt vóór de uitstroom (${datumTekst(exitOn)}).`);
}

export async function registerContact(ctx: Ctx, planId: string, input: ContactInput): Promise<PlanView> {
  authorize(ctx, 'nazorg.planWijzigen');
  const p = await lockPlan(ctx, planId);
  const pr = new Problems();
  checkDateSinceExit(pr, ctx, input.datum, p.exit_on);
  if (typeof input.bereikt !== 'boolean') pr.add('bereikt', 'required', 'Geef aan of de cliënt is bereikt.');
  if (input.notitie && input.notitie.length > 2000)
    pr.add('notitie', 'length', 'De notitie is te lang (max. 2000 tekens).');
  pr.throwIfAny();
  planTransition(codeOf(PLAN_STATUSES, p.status), 'contact');
  const values = {
    done_on: input.datum,
    reached: input.bereikt,
    concern: !!input.zorgsignaal,
    notes: input.notitie?.trim() || null,
  };
  if (input.geplandContactId) {
    const c = await ctx.db
      .selectFrom('aftercare_contacts')
      .select(['id', 'done_on'])
      .where('id', '=', input.geplandContactId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!c) throw new NotFoundError('Gepland contact niet gevonden in dit plan.');
    if (c.done_on) throw new ConflictError(`Dit geplande contact is al geregistreerd op ${datumTekst(c.done_on)}.`);
    await ctx.db.updateTable('aftercare_contacts').set(values).where('id', '=', c.id).execute();
  } else {
    await ctx.db
      .insertInto('aftercare_contacts')
      .values({ plan_id: planId, month_offset: null, planned_on: null, ...values, created_by: ctx.actor.userId })
      .execute();
  }
  await audit(ctx, { clientId: p.client_id, action: 'wijzigen', resource: 'nazorgcontact', detail: planId });
  return aftercarePlanView(ctx, planId);
}

export async function closeAftercarePlan(
  ctx: Ctx,
  planId: string,
  input: { datum: string; reden?: string | null },
): Promise<PlanView> {
  authorize(ctx, 'nazorg.planWijzigen');
  const p = await lockPlan(ctx, planId);
  const pr = new Problems();
  checkDateSinceExit(pr, ctx, input.datum, p.exit_on);
  pr.throwIfAny();
  const next = planTransition(codeOf(PLAN_STATUSES, p.status), 'afsluiten'); // 409 'Dit nazorgplan is al afgesloten.'
  await ctx.db
    .updateTable('aftercare_plans')
    .set({ status: next, closed_on: input.datum, close_reason: input.reden?.trim() || null })
    .where('id', '=', planId)
    .execute();
  await audit(ctx, {
    clientId: p.client_id,
    action: 'wijzigen',
    resource: 'nazorgplan',
    detail: `${planId} afgesloten`,
  });
  return aftercarePlanView(ctx, planId);
}

export interface AftercarePlanChange {
  verantwoordelijkeSoort?: string | null;
  verantwoordelijkeNaam?: string | null;
  postcode?: string | null;
  huisnummer?: string | null;
}

/** PATCH: responsible party (both fields together) and/or the new address. Absent fields stay as they are. */
export async function updateAftercarePlan(ctx: Ctx, planId: string, input: AftercarePlanChange): Promise<PlanView> {
  authorize(ctx, 'nazorg.planWijzigen');
  const plan = await lockPlan(ctx, planId);
  const pr = new Problems();
  const responsible = input.verantwoordelijkeSoort !== undefined || input.verantwoordelijkeNaam !== undefined;
  const address = input.postcode !== undefined || input.huisnummer !== undefined;
  if (!responsible && !address)
    pr.add('verantwoordelijkeSoort', 'required', 'Geef een verantwoordelijke of een adres op om te wijzigen.');
  if (responsible) checkResponsible(pr, input.verantwoordelijkeSoort, input.verantwoordelijkeNaam);
  const addr = address ? checkAddress(pr, input.postcode, input.huisnummer) : null;
  pr.throwIfAny();
  planTransition(codeOf(PLAN_STATUSES, plan.status), 'wijzigen');
  const set: {
    responsible_kind?: string;
    responsible_name?: string;
    postcode?: string | null;
    house_number?: string | null;
  } = {};
  const changes: string[] = [];
  if (responsible && input.verantwoordelijkeSoort && input.verantwoordelijkeNaam) {
    set.responsible_kind = input.verantwoordelijkeSoort;
    set.responsible_name = input.verantwoordelijkeNaam.trim();
    changes.push(
      `verantwoordelijke ${plan.responsible_name ?? UNASSIGNED_LABEL.toLowerCase()} → ${set.responsible_name} (${set.responsible_kind})`,
    );
  }
  if (addr) {
    set.postcode = addr.postcode;
    set.house_number = addr.houseNumber;
    changes.push('adres gewijzigd');
  }
  await ctx.db.updateTable('aftercare_plans').set(set).where('id', '=', planId).execute();
  await audit(ctx, {
    clientId: plan.client_id,
    action: 'wijzigen',
    resource: 'nazorgplan',
    detail: `${planId}: ${changes.join('; ')}`,
  });
  return aftercarePlanView(ctx, planId);
}

/** Exits to housing in the last year without an aftercare plan: the "one click" list. */
export async function planCandidates(ctx: Ctx): Promise<PlanCandidates> {
  authorize(ctx, 'nazorg.werken');
  const today = todayInNl(ctx.now);
  const rows = await ctx.db
    .selectFrom('trajectories as t')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .select(['t.id', 't.client_id', 't.ended_on', 't.exit_destination', 't.exit_group', 'c.first_name', 'c.last_name'])
    .where('t.tenant_id', '=', ctx.actor.tenantId)
    .where('c.merged_into', 'is', null)
    .where('t.ended_on', '>=', addDays(today, -365))
    .where('t.exit_destination', 'is not', null)
    .where((eb) => eb.or([eb('t.exit_group', '=', 'permanent'), eb('t.exit_destination', '=', 'beschermd-wonen')]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('aftercare_plans')
            .select('aftercare_plans.id')
            .whereRef('aftercare_plans.trajectory_id', '=', 't.id'),
        ),
      ),
    )
    .$narrowType<{ ended_on: NotNull }>() // the filter on ended_on above leaves no null
    .orderBy('t.ended_on', 'desc')
    .limit(200)
    .execute();
  await audit(ctx, {
    clientId: null,
    action: 'zoeken',
    resource: 'nazorgkandidaten',
    detail: `${rows.length} uitstromen zonder plan`,
  });
  await auditPersons(
    ctx,
    rows.map((r) => r.client_id),
    { action: 'lezen', resource: 'nazorgkandidaten', detail: 'uitstroom naar wonen zonder nazorgplan' },
  );
  return {
    resultaten: rows.map((r) => ({
      trajectId: r.id,
      clientId: r.client_id,
      naam: `${r.first_name} ${r.last_name}`,
      uitstroomDatum: r.ended_on,
      bestemmingLabel: destLabel(r.exit_destination),
      standaardMaanden: DEFAULT_CONTACT_MONTHS,
    })),
  };
}
