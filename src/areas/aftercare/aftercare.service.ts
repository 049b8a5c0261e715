// Nazorg / waakvlam (domain.md §1, actielijn 3): after every exit to housing (exit group 'permanent' or
// beschermd wonen) a follow-up plan with contacts after 1, 3, 6 and 12 months (adjustable), a responsible party
// (wijkteam, FACT, ambulant begeleider), registered contacts and alarm signals; plus preventief budgetbeheer
// (1–3 years, an opbouw and an afbouw phase).
import { sql } from 'kysely';
import type { Ctx } from '../../rights/context.js';
import { audit } from '../../rights/audit.js';
import { assertClientVisible, requireRole } from '../../rights/visibility.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, daysBetween, isIsoDate, normalizePostcode, todayInNl } from '../../platform/validation.js';
import { EXIT_DESTINATIONS } from '../../reference/reference.js';
import { relapseDestinationType } from './relapse.js';

export const DEFAULT_CONTACT_MONTHS = [1, 3, 6, 12];
export const RESPONSIBLE_KINDS = [
  { code: 'wijkteam', label: 'Sociaal wijkteam' },
  { code: 'fact', label: 'FACT-team' },
  { code: 'ambulant-begeleider', label: 'Ambulant begeleider' },
] as const;

export type PlanStatus = 'actief' | 'afgesloten';
type PlanEvent = 'contact' | 'afsluiten' | 'wijzigen';
/** Plan state transitions: contacts and changes (schedule, responsible party, address) only while active; closing once. */
export const PLAN_TRANSITIONS: Record<PlanStatus, Partial<Record<PlanEvent, PlanStatus>>> = {
  actief: { contact: 'actief', wijzigen: 'actief', afsluiten: 'afgesloten' },
  afgesloten: {},
};
const REFUSED: Record<PlanEvent, string> = {
  contact: 'Dit nazorgplan is afgesloten; er kunnen geen contacten meer bij.',
  wijzigen: 'Dit nazorgplan is afgesloten; de planning en de verantwoordelijke kunnen niet meer worden gewijzigd.',
  afsluiten: 'Dit nazorgplan is al afgesloten.',
};
function transition(status: PlanStatus, event: PlanEvent): PlanStatus {
  const next = PLAN_TRANSITIONS[status]?.[event];
  if (!next) throw new ConflictError(REFUSED[event]);
  return next;
}

/** Same day-of-month `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12), nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const destLabel = (code: string | null) => (code ? EXIT_DESTINATIONS.find((d) => d.code === code)?.label ?? code : null);
const respLabel = (code: string) => RESPONSIBLE_KINDS.find((r) => r.code === code)?.label ?? code;
/** Label of a plan without a responsible party (made automatically at the exit). */
export const UNASSIGNED_LABEL = 'Nog toe te wijzen';
function responsibleDto(kind: string | null, name: string | null) {
  return kind && name ? { soort: kind, soortLabel: respLabel(kind), naam: name, toegewezen: true } : { soort: null, soortLabel: UNASSIGNED_LABEL, naam: null, toegewezen: false };
}

/** Collects the problems of a responsible party (both fields required together). */
function checkResponsible(p: Problems, kind: string | null | undefined, name: string | null | undefined) {
  if (!RESPONSIBLE_KINDS.some((r) => r.code === kind)) p.add('verantwoordelijkeSoort', 'enum', 'Kies wijkteam, FACT-team of ambulant begeleider.');
  if (!name?.trim()) p.add('verantwoordelijkeNaam', 'required', 'Vul in wie de nazorg doet (team of naam).');
}

export interface NewAddress { postcode: string; houseNumber: string }

/**
 * The new address of a home as the waakvlam matches arrears signals on it (postcode + house number), from the
 * home's postcode and street address ("Zonnebloemstraat 77 A, Dordrecht" → 77A, "Atjehstraat 12-3" → 12-3); null when either is missing.
 */
export function addressOfHome(postcodeIn: string | null, street: string): NewAddress | null {
  const postcode = postcodeIn ? normalizePostcode(postcodeIn) : null;
  const m = /\s([1-9][0-9]{0,4})(?:\s*[-]?\s*([A-Za-z]{1,2}|[0-9]{1,3})(?=\s*(?:,|$)))?/.exec(street.split(',')[0] ?? '');
  if (!postcode || !m) return null;
  const suffix = m[2] ? (/^[0-9]/.test(m[2]) ? `-${m[2]}` : m[2].toUpperCase()) : '';
  return { postcode, houseNumber: `${m[1]}${suffix}` };
}

/** Collects the problems of the new address (postcode and house number together or neither). */
function checkAddress(p: Problems, postcodeIn: string | null | undefined, houseIn: string | null | undefined) {
  let postcode: string | null = null;
  if (postcodeIn?.trim()) { postcode = normalizePostcode(postcodeIn); if (!postcode) p.add('postcode', 'format', 'Vul een geldige postcode in (bijvoorbeeld 3311AB).'); }
  const houseNumber = houseIn?.trim().toUpperCase().replace(/\s+/g, '') || null;
  if (houseNumber && !/^[1-9][0-9]{0,4}[-A-Z0-9]{0,6}$/.test(houseNumber)) p.add('huisnummer', 'format', 'Vul een geldig huisnummer in.');
  if (!!postcode !== !!houseNumber && !p.list.some((x) => x.name === 'postcode' || x.name === 'huisnummer')) p.add(postcode ? 'huisnummer' : 'postcode', 'required', 'Vul postcode én huisnummer van het nieuwe adres in (of geen van beide).');
  return { postcode, houseNumber };
}

export interface NewPlan {
  trajectId: string; verantwoordelijkeSoort: string; verantwoordelijkeNaam: string; maanden?: number[] | null;
  postcode?: string | null; huisnummer?: string | null;
}

/** The planned contacts of a new plan, `months` after the exit, in order. */
async function insertPlannedContacts(ctx: Ctx, planId: string, exitOn: string, months: readonly number[]) {
  await ctx.db.insertInto('aftercare_contacts').values([...months].sort((a, b) => a - b)
    .map((m) => ({ plan_id: planId, month_offset: m, planned_on: addMonths(exitOn, m), created_by: ctx.actor.userId }))).execute();
}

/** One click after an exit to housing: the plan with its planned contacts. */
export async function createPlan(ctx: Ctx, input: NewPlan) {
  requireRole(ctx, 'toegang');
  const t = await ctx.db.selectFrom('trajectories').select(['id', 'client_id', 'ended_on', 'exit_destination', 'exit_group'])
    .where('id', '=', input.trajectId).where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
  if (!t) throw new NotFoundError('Traject niet gevonden.');
  await assertClientVisible(ctx, t.client_id);
  const p = new Problems();
  checkResponsible(p, input.verantwoordelijkeSoort, input.verantwoordelijkeNaam);
  const months = input.maanden ?? DEFAULT_CONTACT_MONTHS;
  if (!months.length) p.add('maanden', 'required', 'Plan minstens één nazorgcontact.');
  months.forEach((m, i) => { if (!Number.isInteger(m) || m < 1 || m > 36) p.add(`maanden[${i}]`, 'range', 'Een contactmoment ligt 1 tot 36 maanden na de uitstroom.'); });
  if (new Set(months).size !== months.length) p.add('maanden', 'unique', 'Elk contactmoment mag één keer voorkomen.');
  const { postcode, houseNumber } = checkAddress(p, input.postcode, input.huisnummer);
  p.throwIfAny();
  if (!t.ended_on || !t.exit_destination) throw new ConflictError('Dit traject is nog niet beëindigd met een uitstroom.');
  if (!relapseDestinationType(t.exit_destination, t.exit_group)) throw new ConflictError(`Nazorg (waakvlam) geldt na uitstroom naar wonen; dit traject stroomde uit naar ${destLabel(t.exit_destination)}.`);
  const existing = await ctx.db.selectFrom('aftercare_plans').select('id').where('trajectory_id', '=', t.id).executeTakeFirst();
  if (existing) throw new ConflictError('Voor deze uitstroom bestaat al een nazorgplan.');
  const plan = await ctx.db.insertInto('aftercare_plans').values({
    tenant_id: ctx.actor.tenantId, client_id: t.client_id, trajectory_id: t.id, exit_on: t.ended_on, responsible_kind: input.verantwoordelijkeSoort,
    responsible_name: input.verantwoordelijkeNaam.trim(), postcode, house_number: houseNumber, created_by: ctx.actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  await insertPlannedContacts(ctx, plan.id, t.ended_on, months);
  await audit(ctx, { clientId: t.client_id, action: 'aanmaken', resource: 'nazorgplan', detail: plan.id });
  return getPlan(ctx, plan.id, { skipAudit: true });
}

/**
 * Waakvlam after EVERY exit to housing: called by registerExit (src/areas/shelter/placements.service.ts) in the same
 * transaction. Makes the plan with the default contacts (1, 3, 6, 12 months) and no responsible party yet
 * ("verantwoordelijke toewijzen" on the worklist). Makes nothing when the exit does not qualify (same rule as
 * createPlan), when this exit already has a plan, or when the client still has an active plan from an earlier
 * exit (that plan shows the return as an alarm; the worker closes it and makes a new one from the candidates).
 * Returns the id of the new plan or null.
 */
export async function createPlanAfterExit(ctx: Ctx, trajectoryId: string, newAddress: NewAddress | null = null): Promise<string | null> {
  const t = await ctx.db.selectFrom('trajectories').select(['id', 'client_id', 'ended_on', 'exit_destination', 'exit_group'])
    .where('id', '=', trajectoryId).where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
  if (!t?.ended_on || !relapseDestinationType(t.exit_destination, t.exit_group)) return null;
  const existing = await ctx.db.selectFrom('aftercare_plans').select('id')
    .where((eb) => eb.or([eb('trajectory_id', '=', t.id), eb.and([eb('client_id', '=', t.client_id), eb('status', '=', 'actief')])])).executeTakeFirst();
  if (existing) return null;
  const plan = await ctx.db.insertInto('aftercare_plans').values({
    tenant_id: ctx.actor.tenantId, client_id: t.client_id, trajectory_id: t.id, exit_on: t.ended_on, responsible_kind: null, responsible_name: null,
    postcode: newAddress?.postcode ?? null, house_number: newAddress?.houseNumber ?? null, created_by: ctx.actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  await insertPlannedContacts(ctx, plan.id, t.ended_on, DEFAULT_CONTACT_MONTHS);
  await audit(ctx, { clientId: t.client_id, action: 'aanmaken', resource: 'nazorgplan', detail: `${plan.id} automatisch bij uitstroom` });
  return plan.id;
}

interface PlanRow {
  id: string; client_id: string; trajectory_id: string; exit_on: string; responsible_kind: string | null; responsible_name: string | null; postcode: string | null; house_number: string | null;
  status: string; closed_on: string | null; close_reason: string | null; first_name: string; last_name: string; birth_date: string | null; bsn: string | null; exit_destination: string | null;
}
interface ContactRow { id: string; plan_id: string; month_offset: number | null; planned_on: string | null; done_on: string | null; reached: boolean | null; concern: boolean; notes: string | null }

export type Alarm = { soort: 'gemist-contact' | 'nieuw-signaal' | 'zorgsignaal' | 'terugkeer'; datum: string; tekst: string };

/** Alarm signals of active plans: missed follow-ups, new arrears signals for this person or address, concerns, a return. */
async function alarmsFor(ctx: Ctx, plans: PlanRow[], contacts: ContactRow[]): Promise<Map<string, Alarm[]>> {
  const today = todayInNl(ctx.now);
  const out = new Map<string, Alarm[]>(plans.map((p) => [p.id, []]));
  const active = plans.filter((p) => p.status === 'actief');
  if (!active.length) return out;
  for (const c of contacts) {
    const plan = active.find((p) => p.id === c.plan_id);
    if (!plan) continue;
    if (c.planned_on && !c.done_on && c.planned_on < today) out.get(plan.id)!.push({ soort: 'gemist-contact', datum: c.planned_on, tekst: `${c.month_offset ? `Nazorgcontact na ${c.month_offset} ${c.month_offset === 1 ? 'maand' : 'maanden'}` : 'Extra nazorgcontact'} (gepland ${c.planned_on}) is niet geregistreerd — ${daysBetween(c.planned_on, today)} dagen over tijd.` });
    if (c.done_on && c.concern) out.get(plan.id)!.push({ soort: 'zorgsignaal', datum: c.done_on, tekst: `Zorgsignaal bij het contact van ${c.done_on}${c.notes ? `: ${c.notes}` : ''}.` });
  }
  const minExit = active.reduce((m, p) => (p.exit_on < m ? p.exit_on : m), active[0]!.exit_on);
  const signals = await ctx.db.selectFrom('early_signals').select(['signal_date', 'source_name', 'source_type', 'bsn', 'first_name', 'last_name', 'birth_date', 'postcode', 'house_number', 'amount_arrears'])
    .where('tenant_id', '=', ctx.actor.tenantId).where('signal_date', '>=', minExit).execute();
  for (const p of active) {
    for (const s of signals) {
      if (s.signal_date < p.exit_on) continue;
      const samePerson = (p.bsn && s.bsn === p.bsn) || (p.birth_date && s.birth_date === p.birth_date && s.first_name.toLowerCase() === p.first_name.toLowerCase() && s.last_name.toLowerCase() === p.last_name.toLowerCase());
      const sameAddress = p.postcode && p.house_number && s.postcode === p.postcode && s.house_number === p.house_number;
      if (samePerson || sameAddress) {
        out.get(p.id)!.push({ soort: 'nieuw-signaal', datum: s.signal_date, tekst: `Nieuw signaal betalingsachterstand (${s.source_name}, € ${Number(s.amount_arrears).toFixed(2).replace('.', ',')}) ${samePerson ? 'voor deze persoon' : 'op het nieuwe adres'} op ${s.signal_date}.` });
      }
    }
  }
  const returns = await sql<{ client_id: string; date: string }>`
    select client_id, registered_on as date from registrations where tenant_id = ${ctx.actor.tenantId} and client_id in (${sql.join(active.map((p) => p.client_id))}) and registered_on >= ${minExit}::date
    union all
    select client_id, started_on as date from stays where tenant_id = ${ctx.actor.tenantId} and client_id in (${sql.join(active.map((p) => p.client_id))}) and started_on >= ${minExit}::date`.execute(ctx.db);
  for (const p of active) {
    const first = returns.rows.filter((r) => r.client_id === p.client_id && r.date > p.exit_on).map((r) => r.date).sort()[0];
    if (first) out.get(p.id)!.push({ soort: 'terugkeer', datum: first, tekst: `Terugkeer: nieuwe aanmelding of plaatsing op ${first}, ${daysBetween(p.exit_on, first)} dagen na de uitstroom.` });
  }
  for (const list of out.values()) list.sort((a, b) => b.datum.localeCompare(a.datum));
  return out;
}

function planQuery(ctx: Ctx) {
  return ctx.db.selectFrom('aftercare_plans as p').innerJoin('clients as c', 'c.id', 'p.client_id').innerJoin('trajectories as t', 't.id', 'p.trajectory_id')
    .select(['p.id', 'p.client_id', 'p.trajectory_id', 'p.exit_on', 'p.responsible_kind', 'p.responsible_name', 'p.postcode', 'p.house_number', 'p.status', 'p.closed_on', 'p.close_reason',
      'c.first_name', 'c.last_name', 'c.birth_date', 'c.bsn', 't.exit_destination'])
    .where('p.tenant_id', '=', ctx.actor.tenantId).where('c.merged_into', 'is', null);
}

function contactDto(c: ContactRow, today: string) {
  return {
    id: c.id, maanden: c.month_offset, gepland: c.planned_on, datum: c.done_on, bereikt: c.reached, zorgsignaal: c.concern, notitie: c.notes,
    status: c.done_on ? 'gedaan' : c.planned_on && c.planned_on < today ? 'gemist' : 'gepland',
  };
}

/** Worklist: active plans, the ones with alarms (missed contacts first) on top, then by the next planned contact. */
export async function listPlans(ctx: Ctx, q: { status?: 'actief' | 'afgesloten' | 'alle' }) {
  requireRole(ctx, 'toegang');
  const status = q.status ?? 'actief';
  let query = planQuery(ctx);
  if (status !== 'alle') query = query.where('p.status', '=', status);
  const plans = await query.orderBy('p.exit_on', 'desc').limit(500).execute();
  const contacts = plans.length ? await ctx.db.selectFrom('aftercare_contacts').select(['id', 'plan_id', 'month_offset', 'planned_on', 'done_on', 'reached', 'concern', 'notes'])
    .where('plan_id', 'in', plans.map((p) => p.id)).orderBy('planned_on').execute() : [];
  const alarms = await alarmsFor(ctx, plans, contacts);
  const today = todayInNl(ctx.now);
  await audit(ctx, { clientId: null, action: 'zoeken', resource: 'nazorgplannen', detail: `status ${status}, ${plans.length} plannen` });
  const rows = plans.map((p) => {
    const own = contacts.filter((c) => c.plan_id === p.id);
    const next = own.filter((c) => c.planned_on && !c.done_on).sort((a, b) => a.planned_on!.localeCompare(b.planned_on!))[0];
    const a = alarms.get(p.id) ?? [];
    return {
      id: p.id, clientId: p.client_id, naam: `${p.first_name} ${p.last_name}`, uitstroomDatum: p.exit_on, bestemmingLabel: destLabel(p.exit_destination), status: p.status,
      verantwoordelijke: responsibleDto(p.responsible_kind, p.responsible_name),
      /** Made automatically at the exit: someone has to take it on ("verantwoordelijke toewijzen"). */
      toeTeWijzen: p.status === 'actief' && !p.responsible_kind,
      volgendContact: next ? { id: next.id, gepland: next.planned_on, maanden: next.month_offset, overTijd: next.planned_on! < today } : null,
      gemist: a.filter((x) => x.soort === 'gemist-contact').length,
      contactenGedaan: own.filter((c) => c.done_on).length,
      alarmen: a,
    };
  });
  rows.sort((x, y) => (y.gemist ? 1 : 0) - (x.gemist ? 1 : 0) || (y.alarmen.length ? 1 : 0) - (x.alarmen.length ? 1 : 0) || (y.toeTeWijzen ? 1 : 0) - (x.toeTeWijzen ? 1 : 0)
    || (x.volgendContact?.gepland ?? '9999').localeCompare(y.volgendContact?.gepland ?? '9999'));
  return { resultaten: rows };
}

export async function getPlan(ctx: Ctx, id: string, opts: { skipAudit?: boolean } = {}) {
  requireRole(ctx, 'toegang');
  const p = await planQuery(ctx).where('p.id', '=', id).executeTakeFirst();
  if (!p) throw new NotFoundError('Nazorgplan niet gevonden.');
  await assertClientVisible(ctx, p.client_id);
  const contacts = await ctx.db.selectFrom('aftercare_contacts').leftJoin('users', 'users.id', 'aftercare_contacts.created_by')
    .select(['aftercare_contacts.id', 'plan_id', 'month_offset', 'planned_on', 'done_on', 'reached', 'concern', 'notes'])
    .where('plan_id', '=', id).orderBy(sql`coalesce(planned_on, done_on)`).execute();
  const alarms = (await alarmsFor(ctx, [p], contacts)).get(p.id) ?? [];
  const budget = await budgetRows(ctx, { clientId: p.client_id });
  const today = todayInNl(ctx.now);
  if (!opts.skipAudit) await audit(ctx, { clientId: p.client_id, action: 'lezen', resource: 'nazorgplan', detail: id });
  const active = p.status === 'actief';
  return {
    id: p.id, clientId: p.client_id, naam: `${p.first_name} ${p.last_name}`, trajectId: p.trajectory_id, uitstroomDatum: p.exit_on, bestemmingLabel: destLabel(p.exit_destination),
    status: p.status, afgeslotenOp: p.closed_on, redenAfsluiting: p.close_reason,
    verantwoordelijke: responsibleDto(p.responsible_kind, p.responsible_name),
    toeTeWijzen: active && !p.responsible_kind,
    adres: p.postcode ? { postcode: p.postcode, huisnummer: p.house_number } : null,
    contacten: contacts.map((c) => contactDto(c, today)),
    alarmen: alarms,
    budgetbeheer: budget,
    mogelijkheden: { contactRegistreren: active, afsluiten: active, budgetbeheerToevoegen: active, wijzigen: active, planningWijzigen: active },
  };
}

export interface ContactInput { datum: string; bereikt: boolean; geplandContactId?: string | null; zorgsignaal?: boolean | null; notitie?: string | null }

export async function registerContact(ctx: Ctx, planId: string, input: ContactInput) {
  const p = await lockPlan(ctx, planId);
  const pr = new Problems();
  checkDateSinceExit(pr, ctx, input.datum, p.exit_on);
  if (typeof input.bereikt !== 'boolean') pr.add('bereikt', 'required', 'Geef aan of de cliënt is bereikt.');
  if (input.notitie && input.notitie.length > 2000) pr.add('notitie', 'length', 'De notitie is te lang (max. 2000 tekens).');
  pr.throwIfAny();
  transition(p.status as PlanStatus, 'contact');
  const values = { done_on: input.datum, reached: input.bereikt, concern: !!input.zorgsignaal, notes: input.notitie?.trim() || null };
  if (input.geplandContactId) {
    const c = await ctx.db.selectFrom('aftercare_contacts').select(['id', 'done_on']).where('id', '=', input.geplandContactId).where('plan_id', '=', planId).executeTakeFirst();
    if (!c) throw new NotFoundError('Gepland contact niet gevonden in dit plan.');
    if (c.done_on) throw new ConflictError(`Dit geplande contact is al geregistreerd op ${c.done_on}.`);
    await ctx.db.updateTable('aftercare_contacts').set(values).where('id', '=', c.id).execute();
  } else {
    await ctx.db.insertInto('aftercare_contacts').values({ plan_id: planId, month_offset: null, planned_on: null, ...values, created_by: ctx.actor.userId }).execute();
  }
  await audit(ctx, { clientId: p.client_id, action: 'wijzigen', resource: 'nazorgcontact', detail: planId });
  return getPlan(ctx, planId, { skipAudit: true });
}

export async function closePlan(ctx: Ctx, planId: string, input: { datum: string; reden?: string | null }) {
  const p = await lockPlan(ctx, planId);
  const pr = new Problems();
  checkDateSinceExit(pr, ctx, input.datum, p.exit_on);
  pr.throwIfAny();
  const next = transition(p.status as PlanStatus, 'afsluiten'); // 409 'Dit nazorgplan is al afgesloten.' (REFUSED)
  await ctx.db.updateTable('aftercare_plans').set({ status: next, closed_on: input.datum, close_reason: input.reden?.trim() || null }).where('id', '=', planId).execute();
  await audit(ctx, { clientId: p.client_id, action: 'wijzigen', resource: 'nazorgplan', detail: `${planId} afgesloten` });
  return getPlan(ctx, planId, { skipAudit: true });
}

// ------------------------------------------------------------------------------------ planning en verantwoordelijke

/** A contact or closing date: a real date, not in the future and not before the exit. */
function checkDateSinceExit(pr: Problems, ctx: Ctx, datum: string, exitOn: string) {
  if (!datum || !isIsoDate(datum)) pr.add('datum', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
  else if (datum > todayInNl(ctx.now)) pr.add('datum', 'future', 'De datum mag niet in de toekomst liggen.');
  else if (datum < exitOn) pr.add('datum', 'range', `De datum ligt vóór de uitstroom (${exitOn}).`);
}

/** The plan row locked for a change, visible to this user; 404 for other tenants. */
async function lockPlan(ctx: Ctx, planId: string) {
  requireRole(ctx, 'toegang');
  const p = await ctx.db.selectFrom('aftercare_plans').select(['id', 'client_id', 'status', 'exit_on', 'responsible_kind', 'responsible_name', 'postcode', 'house_number'])
    .where('id', '=', planId).where('tenant_id', '=', ctx.actor.tenantId).forUpdate().executeTakeFirst();
  if (!p) throw new NotFoundError('Nazorgplan niet gevonden.');
  await assertClientVisible(ctx, p.client_id);
  return p;
}

export interface PlanChange { verantwoordelijkeSoort?: string | null; verantwoordelijkeNaam?: string | null; postcode?: string | null; huisnummer?: string | null }

/** PATCH: responsible party (both fields together) and/or the new address. Absent fields stay as they are. */
export async function updatePlan(ctx: Ctx, planId: string, input: PlanChange) {
  const plan = await lockPlan(ctx, planId);
  const pr = new Problems();
  const responsible = input.verantwoordelijkeSoort !== undefined || input.verantwoordelijkeNaam !== undefined;
  const address = input.postcode !== undefined || input.huisnummer !== undefined;
  if (!responsible && !address) pr.add('verantwoordelijkeSoort', 'required', 'Geef een verantwoordelijke of een adres op om te wijzigen.');
  if (responsible) checkResponsible(pr, input.verantwoordelijkeSoort, input.verantwoordelijkeNaam);
  const addr = address ? checkAddress(pr, input.postcode, input.huisnummer) : null;
  pr.throwIfAny();
  transition(plan.status as PlanStatus, 'wijzigen');
  const set: { responsible_kind?: string; responsible_name?: string; postcode?: string | null; house_number?: string | null } = {};
  const changes: string[] = [];
  if (responsible) {
    set.responsible_kind = input.verantwoordelijkeSoort!; set.responsible_name = input.verantwoordelijkeNaam!.trim();
    changes.push(`verantwoordelijke ${plan.responsible_name ?? UNASSIGNED_LABEL.toLowerCase()} → ${set.responsible_name} (${set.responsible_kind})`);
  }
  if (addr) { set.postcode = addr.postcode; set.house_number = addr.houseNumber; changes.push('adres gewijzigd'); }
  await ctx.db.updateTable('aftercare_plans').set(set).where('id', '=', planId).execute();
  await audit(ctx, { clientId: plan.client_id, action: 'wijzigen', resource: 'nazorgplan', detail: `${planId}: ${changes.join('; ')}` });
  return getPlan(ctx, planId, { skipAudit: true });
}

/** Problems of a planned date: today or later, after the exit, at most 36 months after it, not twice on one day. */
async function checkPlannedDate(ctx: Ctx, pr: Problems, plan: { id: string; exit_on: string }, gepland: string, exceptContactId: string | null) {
  if (!gepland || !isIsoDate(gepland)) { pr.add('gepland', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).'); return; }
  const today = todayInNl(ctx.now);
  const last = addMonths(plan.exit_on, 36);
  if (gepland < today) pr.add('gepland', 'past', 'Een contactmoment plant u vandaag of later.');
  else if (gepland <= plan.exit_on) pr.add('gepland', 'range', `Een contactmoment ligt na de uitstroom (${plan.exit_on}).`);
  else if (gepland > last) pr.add('gepland', 'range', `Een contactmoment ligt uiterlijk 36 maanden na de uitstroom (${last}).`);
  else {
    let q = ctx.db.selectFrom('aftercare_contacts').select('id').where('plan_id', '=', plan.id).where('planned_on', '=', gepland).where('done_on', 'is', null);
    if (exceptContactId) q = q.where('id', '!=', exceptContactId);
    if (await q.executeTakeFirst()) pr.add('gepland', 'unique', 'Op deze datum staat al een contactmoment gepland.');
  }
}

/** A planned, not yet registered contact moment of this plan (404 when it is not in the plan, 409 when done). */
async function openContact(ctx: Ctx, planId: string, contactId: string) {
  const c = await ctx.db.selectFrom('aftercare_contacts').select(['id', 'planned_on', 'done_on', 'month_offset'])
    .where('id', '=', contactId).where('plan_id', '=', planId).where('planned_on', 'is not', null).forUpdate().executeTakeFirst();
  if (!c) throw new NotFoundError('Contactmoment niet gevonden in dit nazorgplan.');
  return c;
}
function refuseDone(c: { done_on: string | null }) {
  if (c.done_on) throw new ConflictError(`Dit contactmoment is al geregistreerd op ${c.done_on}; alleen geplande contactmomenten kunnen worden gewijzigd.`);
}

/** POST …/contactmomenten: an extra planned contact moment. */
export async function addContactMoment(ctx: Ctx, planId: string, input: { gepland: string }) {
  const plan = await lockPlan(ctx, planId);
  const pr = new Problems();
  await checkPlannedDate(ctx, pr, plan, input.gepland, null);
  pr.throwIfAny();
  transition(plan.status as PlanStatus, 'wijzigen');
  await ctx.db.insertInto('aftercare_contacts').values({ plan_id: planId, month_offset: null, planned_on: input.gepland, created_by: ctx.actor.userId }).execute();
  await audit(ctx, { clientId: plan.client_id, action: 'wijzigen', resource: 'nazorgplanning', detail: `${planId}: contactmoment ${input.gepland} toegevoegd` });
  return getPlan(ctx, planId, { skipAudit: true });
}

/** PATCH …/contactmomenten/{contactmomentId}: move a planned contact moment to another date. */
export async function moveContactMoment(ctx: Ctx, planId: string, contactId: string, input: { gepland: string }) {
  const plan = await lockPlan(ctx, planId);
  const c = await openContact(ctx, planId, contactId);
  const pr = new Problems();
  await checkPlannedDate(ctx, pr, plan, input.gepland, c.id);
  pr.throwIfAny();
  transition(plan.status as PlanStatus, 'wijzigen');
  refuseDone(c);
  await ctx.db.updateTable('aftercare_contacts').set({ planned_on: input.gepland }).where('id', '=', c.id).execute();
  await audit(ctx, { clientId: plan.client_id, action: 'wijzigen', resource: 'nazorgplanning', detail: `${planId}: contactmoment ${c.planned_on} → ${input.gepland}` });
  return getPlan(ctx, planId, { skipAudit: true });
}

/** DELETE …/contactmomenten/{contactmomentId}: remove a planned contact moment; the plan keeps at least one open one. */
export async function removeContactMoment(ctx: Ctx, planId: string, contactId: string) {
  const plan = await lockPlan(ctx, planId);
  const c = await openContact(ctx, planId, contactId);
  transition(plan.status as PlanStatus, 'wijzigen');
  refuseDone(c);
  const others = await ctx.db.selectFrom('aftercare_contacts').select('id').where('plan_id', '=', planId).where('planned_on', 'is not', null).where('done_on', 'is', null).where('id', '!=', c.id).executeTakeFirst();
  if (!others) throw new ConflictError('Dit is het laatste geplande contactmoment. Plan eerst een ander moment of sluit het nazorgplan af.');
  await ctx.db.deleteFrom('aftercare_contacts').where('id', '=', c.id).execute();
  await audit(ctx, { clientId: plan.client_id, action: 'wijzigen', resource: 'nazorgplanning', detail: `${planId}: contactmoment ${c.planned_on} verwijderd` });
  return getPlan(ctx, planId, { skipAudit: true });
}

/** Exits to housing in the last year without an aftercare plan: the "one click" list. */
export async function planCandidates(ctx: Ctx) {
  requireRole(ctx, 'toegang');
  const today = todayInNl(ctx.now);
  const rows = await ctx.db.selectFrom('trajectories as t').innerJoin('clients as c', 'c.id', 't.client_id')
    .select(['t.id', 't.client_id', 't.ended_on', 't.exit_destination', 't.exit_group', 'c.first_name', 'c.last_name'])
    .where('t.tenant_id', '=', ctx.actor.tenantId).where('c.merged_into', 'is', null)
    .where('t.ended_on', '>=', addDays(today, -365)).where('t.exit_destination', 'is not', null)
    .where((eb) => eb.or([eb('t.exit_group', '=', 'permanent'), eb('t.exit_destination', '=', 'beschermd-wonen')]))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('aftercare_plans').select('aftercare_plans.id').whereRef('aftercare_plans.trajectory_id', '=', 't.id'))))
    .orderBy('t.ended_on', 'desc').limit(200).execute();
  await audit(ctx, { clientId: null, action: 'zoeken', resource: 'nazorgkandidaten', detail: `${rows.length} uitstromen zonder plan` });
  return { resultaten: rows.map((r) => ({ trajectId: r.id, clientId: r.client_id, naam: `${r.first_name} ${r.last_name}`, uitstroomDatum: r.ended_on, bestemmingLabel: destLabel(r.exit_destination), standaardMaanden: DEFAULT_CONTACT_MONTHS })) };
}

// ------------------------------------------------------------------------------------------------ budgetbeheer

export function budgetPhase(b: { started_on: string; phase_out_from: string; ends_on: string; ended_early_on?: string | null }, today: string) {
  const end = b.ended_early_on ?? b.ends_on;
  if (b.ended_early_on && b.ended_early_on <= b.started_on) return 'geannuleerd'; // stopped before it began
  if (today < b.started_on) return 'gepland';
  if (today >= end) return 'afgerond';
  return today < b.phase_out_from ? 'opbouw' : 'afbouw';
}

async function budgetRows(ctx: Ctx, f: { clientId?: string }) {
  let q = ctx.db.selectFrom('budget_management as b').innerJoin('clients as c', 'c.id', 'b.client_id')
    .select(['b.id', 'b.client_id', 'b.plan_id', 'b.provider', 'b.started_on', 'b.phase_out_from', 'b.ends_on', 'b.ended_early_on', 'b.ended_early_reason', 'c.first_name', 'c.last_name'])
    .where('b.tenant_id', '=', ctx.actor.tenantId);
  if (f.clientId) q = q.where('b.client_id', '=', f.clientId);
  const today = todayInNl(ctx.now);
  return (await q.orderBy('b.ends_on').execute()).map((b) => {
    const end = b.ended_early_on ?? b.ends_on;
    const fase = budgetPhase(b, today);
    return {
      id: b.id, clientId: b.client_id, naam: `${b.first_name} ${b.last_name}`, nazorgplanId: b.plan_id, uitvoerder: b.provider,
      start: b.started_on, afbouwVanaf: b.phase_out_from, eind: b.ends_on, fase,
      /** Ended before the planned end: the date and the reason; `eind` stays the planned end. */
      voortijdigBeeindigd: b.ended_early_on ? { datum: b.ended_early_on, reden: b.ended_early_reason } : null,
      /** Whether the afbouw phase was reached before the (early) end. */
      afbouwBereikt: b.phase_out_from < end,
      duurMaanden: Math.max(0, Math.round(daysBetween(b.started_on, end) / 30.44)), dagenTotEind: Math.max(0, daysBetween(today, end)),
      // a running trajectory ends early; a planned one is cancelled (same request, the date is then today or earlier)
      mogelijkheden: { voortijdigBeeindigen: fase === 'opbouw' || fase === 'afbouw', annuleren: fase === 'gepland' },
    };
  });
}

export async function listBudget(ctx: Ctx) {
  requireRole(ctx, 'toegang');
  const rows = await budgetRows(ctx, {});
  await audit(ctx, { clientId: null, action: 'zoeken', resource: 'budgetbeheer', detail: `${rows.length} trajecten` });
  return { resultaten: rows };
}

export interface NewBudget { clientId: string; nazorgplanId?: string | null; uitvoerder: string; start: string; afbouwVanaf: string; eind: string }

export async function createBudget(ctx: Ctx, input: NewBudget) {
  requireRole(ctx, 'toegang');
  await assertClientVisible(ctx, input.clientId);
  const p = new Problems();
  if (!input.uitvoerder?.trim()) p.add('uitvoerder', 'required', 'Vul in wie het budgetbeheer uitvoert (bijvoorbeeld de sociale dienst).');
  for (const f of ['start', 'afbouwVanaf', 'eind'] as const) if (!input[f] || !isIsoDate(input[f])) p.add(f, 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
  if (!p.list.length) {
    if (input.afbouwVanaf <= input.start) p.add('afbouwVanaf', 'range', 'De afbouwfase begint na de start (eerst opbouw).');
    if (input.eind <= input.afbouwVanaf) p.add('eind', 'range', 'Het einde ligt na het begin van de afbouwfase.');
    const days = daysBetween(input.start, input.eind);
    if (days < 365 || days > 1096) p.add('eind', 'range', 'Preventief budgetbeheer duurt één tot drie jaar.');
  }
  if (input.nazorgplanId) {
    const plan = await ctx.db.selectFrom('aftercare_plans').select(['client_id']).where('id', '=', input.nazorgplanId).where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
    if (!plan || plan.client_id !== input.clientId) p.add('nazorgplanId', 'unknown', 'Dit nazorgplan hoort niet bij deze cliënt.');
  }
  p.throwIfAny();
  const overlap = await ctx.db.selectFrom('budget_management').select(['started_on', 'ends_on']).where('client_id', '=', input.clientId)
    .where('started_on', '<', input.eind).where(sql<boolean>`coalesce(ended_early_on, ends_on) > ${input.start}::date`).executeTakeFirst();
  if (overlap) throw new ConflictError(`Deze cliënt heeft al preventief budgetbeheer van ${overlap.started_on} tot ${overlap.ends_on}.`);
  const row = await ctx.db.insertInto('budget_management').values({
    tenant_id: ctx.actor.tenantId, client_id: input.clientId, plan_id: input.nazorgplanId ?? null, provider: input.uitvoerder.trim(),
    started_on: input.start, phase_out_from: input.afbouwVanaf, ends_on: input.eind, created_by: ctx.actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  await audit(ctx, { clientId: input.clientId, action: 'aanmaken', resource: 'budgetbeheer', detail: row.id });
  return (await budgetRows(ctx, { clientId: input.clientId })).find((b) => b.id === row.id)!;
}

/**
 * POST /v1/budgetbeheertrajecten/{id}/beeindigingen: end a running trajectory before its planned end (reason
 * required). The date lies on or after the start, before the planned end and not in the future; from that date the
 * phase is 'afgerond' (also when the afbouw phase was not reached). Only a running trajectory (opbouw/afbouw) can
 * end early, once. A planned one (not started yet) is cancelled: the date is today or earlier, so before the start,
 * and the phase becomes 'geannuleerd'; its period is free again for a new trajectory.
 */
export async function endBudgetEarly(ctx: Ctx, id: string, input: { datum: string; reden: string }) {
  requireRole(ctx, 'toegang');
  const b = await ctx.db.selectFrom('budget_management').select(['id', 'client_id', 'started_on', 'phase_out_from', 'ends_on', 'ended_early_on'])
    .where('id', '=', id).where('tenant_id', '=', ctx.actor.tenantId).forUpdate().executeTakeFirst();
  if (!b) throw new NotFoundError('Budgetbeheertraject niet gevonden.');
  await assertClientVisible(ctx, b.client_id);
  const today = todayInNl(ctx.now);
  // the state decides first (409): once ended or cancelled, no date makes it valid again
  const phase = budgetPhase(b, today);
  if (phase === 'geannuleerd') throw new ConflictError(`Dit budgetbeheer is al geannuleerd (${b.ended_early_on}).`);
  if (b.ended_early_on) throw new ConflictError(`Dit budgetbeheer is al voortijdig beëindigd op ${b.ended_early_on}.`);
  if (phase === 'afgerond') throw new ConflictError(`Dit budgetbeheer is al afgerond (${b.ends_on}).`);
  const planned = phase === 'gepland'; // not begun yet: this request cancels it
  const p = new Problems();
  if (!input.datum || !isIsoDate(input.datum)) p.add('datum', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
  else if (input.datum > today) p.add('datum', 'future', 'De datum mag niet in de toekomst liggen.');
  else if (!planned && input.datum < b.started_on) p.add('datum', 'range', `De datum ligt vóór de start van het budgetbeheer (${b.started_on}).`);
  else if (input.datum >= b.ends_on) p.add('datum', 'range', `De datum ligt niet vóór het geplande einde (${b.ends_on}); dan is het geen voortijdige beëindiging.`);
  if (!input.reden?.trim()) p.add('reden', 'required', 'Vermeld waarom het budgetbeheer voortijdig stopt.');
  else if (input.reden.length > 2000) p.add('reden', 'length', 'De reden is te lang (max. 2000 tekens).');
  p.throwIfAny();
  await ctx.db.updateTable('budget_management').set({ ended_early_on: input.datum, ended_early_reason: input.reden.trim() }).where('id', '=', id).execute();
  await audit(ctx, { clientId: b.client_id, action: 'beeindigen', resource: 'budgetbeheer', detail: `${id} ${planned ? 'geannuleerd' : 'voortijdig'} per ${input.datum}` });
  return (await budgetRows(ctx, { clientId: b.client_id })).find((x) => x.id === id)!;
}
