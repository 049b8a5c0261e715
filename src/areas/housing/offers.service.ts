// Aanbiedingen: a free woonplek offered to a woonklare cliënt → geaccepteerd / afgewezen (reden) → contract getekend →
// verhuisd, which ends the stay and the trajectory with the exit destination of the home type (registerExit).
import { sql } from 'kysely';
import type { Ctx } from '../../rights/context.js';
import { audit } from '../../rights/audit.js';
import { requireRole, visibleClients } from '../../rights/visibility.js';
import { Problems, NotFoundError, ConflictError, ForbiddenError } from '../../platform/errors.js';
import { isIsoDate, todayInNl } from '../../platform/validation.js';
import { registerExit } from '../shelter/placements.service.js';
import { addressOfHome } from '../aftercare/aftercare.service.js';
import { EXIT_DESTINATIONS } from '../../reference/reference.js';
import { ageOn, evaluatePair, supportLabel, UNIT_TYPES } from './matching.js';
import { actorCorporation } from './housing.service.js';

/** Offer status transitions, as a table: what may follow what. */
export const OFFER_TRANSITIONS: Record<string, string[]> = {
  aangeboden: ['geaccepteerd', 'afgewezen', 'ingetrokken'],
  geaccepteerd: ['contract-getekend', 'afgewezen', 'ingetrokken'],
  'contract-getekend': ['verhuisd'],
  afgewezen: [],
  ingetrokken: [],
  verhuisd: [],
};
/** Who may record which step: the toegang for the client, the corporation for its own homes. */
export const OFFER_STEP_ROLES: Record<string, string[]> = {
  geaccepteerd: ['toegang'],
  afgewezen: ['toegang', 'corporatie'],
  ingetrokken: ['toegang'],
  'contract-getekend': ['toegang', 'corporatie'],
  verhuisd: ['toegang'],
};
/** What the home's status becomes after a step. */
const UNIT_STATUS_AFTER: Record<string, string> = { afgewezen: 'beschikbaar', ingetrokken: 'beschikbaar', 'contract-getekend': 'verhuurd', verhuisd: 'verhuurd' };
const OPEN_STATUSES = ['aangeboden', 'geaccepteerd', 'contract-getekend'];

export function exitDestinationFor(unitType: string, corporationId: string | null): string {
  if (unitType === 'corporatie' && !corporationId) return 'huur-particulier';
  return UNIT_TYPES.find((t) => t.code === unitType)?.exit ?? 'huur-corporatie';
}

function checkDate(ctx: Ctx, p: Problems, value: string | undefined, min: string) {
  if (!value || !isIsoDate(value)) p.add('datum', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
  else if (value > todayInNl(ctx.now)) p.add('datum', 'future', 'De datum mag niet in de toekomst liggen.');
  else if (value < min) p.add('datum', 'range', `De datum mag niet vóór ${min} liggen.`);
}

function offerBase(ctx: Ctx) {
  return ctx.db.selectFrom('housing_offers').innerJoin('housing_units', 'housing_units.id', 'housing_offers.unit_id')
    .innerJoin('housing_candidates', 'housing_candidates.id', 'housing_offers.candidate_id').innerJoin('clients', 'clients.id', 'housing_offers.client_id')
    .leftJoin('housing_corporations', 'housing_corporations.id', 'housing_units.corporation_id')
    .select(['housing_offers.id', 'housing_offers.status', 'housing_offers.offered_on', 'housing_offers.responded_on', 'housing_offers.decline_reason', 'housing_offers.contract_on',
      'housing_offers.moved_in_on', 'housing_offers.exit_destination', 'housing_offers.score', 'housing_offers.client_id', 'housing_offers.candidate_id', 'housing_offers.unit_id',
      'housing_units.address', 'housing_units.type', 'housing_units.corporation_id', 'housing_units.municipality_code', 'housing_corporations.name as corporation_name',
      'housing_candidates.household_size', 'housing_candidates.support_level', 'housing_candidates.trajectory_id', 'housing_candidates.ready_since',
      'clients.first_name', 'clients.last_name', 'clients.phone', 'clients.email'])
    .where('housing_offers.tenant_id', '=', ctx.actor.tenantId);
}
type OfferRow = Awaited<ReturnType<ReturnType<typeof offerBase>['executeTakeFirstOrThrow']>>;

function nextSteps(ctx: Ctx, status: string) {
  return Object.fromEntries(['geaccepteerd', 'afgewezen', 'ingetrokken', 'contract-getekend', 'verhuisd'].map((s) => [s, (OFFER_TRANSITIONS[status] ?? []).includes(s) && OFFER_STEP_ROLES[s]!.includes(ctx.actor.role)]));
}

/**
 * domain.md §5: corporation staff see of a matched candidate only name, household size, support need and contact —
 * nothing else about the person (no client id, no income, no dates of the trajectory).
 */
function corporationView(ctx: Ctx, o: OfferRow) {
  return {
    id: o.id, status: o.status, aangebodenOp: o.offered_on, gereageerdOp: o.responded_on, redenAfwijzing: o.decline_reason, contractOp: o.contract_on, verhuisdOp: o.moved_in_on,
    woonplek: { id: o.unit_id, adres: o.address, type: o.type },
    kandidaat: { naam: `${o.first_name} ${o.last_name}`, huishoudgrootte: o.household_size, ondersteuning: supportLabel(o.support_level), contact: { telefoon: o.phone, email: o.email } },
    mogelijkheden: nextSteps(ctx, o.status),
  };
}

function fullView(ctx: Ctx, o: OfferRow) {
  return {
    id: o.id, status: o.status, aangebodenOp: o.offered_on, gereageerdOp: o.responded_on, redenAfwijzing: o.decline_reason, contractOp: o.contract_on, verhuisdOp: o.moved_in_on,
    bestemming: o.exit_destination, score: o.score,
    woonplek: { id: o.unit_id, adres: o.address, type: o.type, corporatie: o.corporation_name, gemeentecode: o.municipality_code.trim() },
    kandidaat: { id: o.candidate_id, clientId: o.client_id, naam: `${o.first_name} ${o.last_name}`, huishoudgrootte: o.household_size, ondersteuning: supportLabel(o.support_level), woonklaarSinds: o.ready_since },
    mogelijkheden: nextSteps(ctx, o.status),
  };
}

async function view(ctx: Ctx, o: OfferRow) {
  if (ctx.actor.role === 'corporatie') {
    await audit(ctx, { clientId: o.client_id, action: 'lezen', resource: 'aanbieding (corporatie)', basis: 'Woonruimtebemiddeling: naam, huishouden, ondersteuningsbehoefte en contact (domain.md §5)' });
    return corporationView(ctx, o);
  }
  return fullView(ctx, o);
}

async function loadOffer(ctx: Ctx, id: string, lock = false) {
  requireRole(ctx, 'toegang', 'corporatie');
  const own = await actorCorporation(ctx);
  let q = offerBase(ctx).where('housing_offers.id', '=', id);
  if (own) q = q.where('housing_units.corporation_id', '=', own);
  else q = q.where('housing_offers.client_id', 'in', visibleClients(ctx).select('clients.id'));
  const o = lock ? await q.forUpdate('housing_offers').executeTakeFirst() : await q.executeTakeFirst();
  if (!o) throw new NotFoundError('Aanbieding niet gevonden.');
  return o;
}

export async function getOffer(ctx: Ctx, id: string) {
  return view(ctx, await loadOffer(ctx, id));
}

export async function listOffers(ctx: Ctx, q: { status?: string; kandidaatId?: string; woonplekId?: string } = {}) {
  requireRole(ctx, 'toegang', 'corporatie');
  const own = await actorCorporation(ctx);
  let query = offerBase(ctx);
  if (own) query = query.where('housing_units.corporation_id', '=', own);
  else query = query.where('housing_offers.client_id', 'in', visibleClients(ctx).select('clients.id'));
  if (q.status) query = query.where('housing_offers.status', '=', q.status);
  if (q.kandidaatId) query = query.where('housing_offers.candidate_id', '=', q.kandidaatId);
  if (q.woonplekId) query = query.where('housing_offers.unit_id', '=', q.woonplekId);
  const rows = await query.orderBy('housing_offers.offered_on', 'desc').orderBy('housing_offers.id').limit(500).execute();
  const out = [];
  for (const o of rows) out.push(await view(ctx, o));
  if (!own) await audit(ctx, { clientId: null, action: 'zoeken', resource: 'aanbiedingen', detail: `${rows.length} resultaten` });
  return { resultaten: out };
}

export async function createOffer(ctx: Ctx, input: { woonplekId: string; kandidaatId: string; datum: string }) {
  requireRole(ctx, 'toegang');
  const p = new Problems();
  checkDate(ctx, p, input.datum, '2000-01-01');
  p.throwIfAny();
  const cand = await visibleClients(ctx).innerJoin('housing_candidates', 'housing_candidates.client_id', 'clients.id')
    .select(['housing_candidates.id', 'housing_candidates.client_id', 'housing_candidates.status', 'housing_candidates.household_size', 'housing_candidates.net_income_cents',
      'housing_candidates.support_level', 'housing_candidates.preferred_municipalities', 'housing_candidates.network_municipality_code', 'housing_candidates.urgency',
      'housing_candidates.ready_since', 'clients.birth_date'])
    .where('housing_candidates.id', '=', input.kandidaatId).where('housing_candidates.tenant_id', '=', ctx.actor.tenantId).forUpdate('housing_candidates').executeTakeFirst();
  if (!cand) throw new NotFoundError('Woonkandidaat niet gevonden.');
  const unit = await ctx.db.selectFrom('housing_units').selectAll().where('id', '=', input.woonplekId).where('tenant_id', '=', ctx.actor.tenantId).forUpdate().executeTakeFirst();
  if (!unit) throw new NotFoundError('Woonplek niet gevonden.');
  if (cand.status !== 'woonklaar') throw new ConflictError('Deze kandidaat is niet (meer) woonklaar.');
  if (unit.status !== 'beschikbaar') throw new ConflictError(`Deze woonplek is ${unit.status} en kan nu niet worden aangeboden.`);
  if (input.datum < cand.ready_since) new Problems().add('datum', 'range', `De aanbieding kan niet vóór woonklaar (${cand.ready_since}) liggen.`).throwIfAny();
  const open = await ctx.db.selectFrom('housing_offers').select('id').where('candidate_id', '=', cand.id).where('status', 'in', OPEN_STATUSES).executeTakeFirst();
  if (open) throw new ConflictError('Deze kandidaat heeft al een lopende aanbieding; handel die eerst af.');
  const today = todayInNl(ctx.now);
  const pair = evaluatePair(
    { id: unit.id, type: unit.type, municipalityCode: unit.municipality_code.trim(), rooms: unit.rooms, rentCents: unit.rent_cents, householdMin: unit.household_min, householdMax: unit.household_max, ageGroup: unit.age_group, supportMax: unit.support_max, availableFrom: unit.available_from },
    { id: cand.id, householdSize: cand.household_size, netIncomeCents: cand.net_income_cents, supportLevel: cand.support_level, preferred: cand.preferred_municipalities.map((m) => m.trim()), networkCode: cand.network_municipality_code?.trim() ?? null, urgency: cand.urgency, readySince: cand.ready_since, age: ageOn(cand.birth_date, today) },
    today);
  if (!pair.feasible) throw new ConflictError(`Deze woonplek past niet bij de kandidaat: ${pair.blockers.join(' ')}`);
  const row = await ctx.db.insertInto('housing_offers').values({
    tenant_id: ctx.actor.tenantId, unit_id: unit.id, candidate_id: cand.id, client_id: cand.client_id, status: 'aangeboden', offered_on: input.datum, score: pair.score, created_by: ctx.actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.updateTable('housing_units').set({ status: 'aangeboden' }).where('id', '=', unit.id).execute();
  await audit(ctx, { clientId: cand.client_id, action: 'aanmaken', resource: 'aanbieding woonplek', detail: unit.address });
  return getOffer(ctx, row.id);
}

export async function respondToOffer(ctx: Ctx, id: string, input: { reactie: string; datum: string; reden?: string | null }) {
  const o = await loadOffer(ctx, id, true);
  const p = new Problems();
  if (!OFFER_STEP_ROLES[input.reactie]) p.add('reactie', 'enum', 'Kies geaccepteerd, afgewezen, ingetrokken, contract-getekend of verhuisd.');
  checkDate(ctx, p, input.datum, o.contract_on ?? o.responded_on ?? o.offered_on);
  if ((input.reactie === 'afgewezen' || input.reactie === 'ingetrokken') && !input.reden?.trim()) p.add('reden', 'required', 'Vermeld de reden.');
  p.throwIfAny();
  if (!OFFER_STEP_ROLES[input.reactie]!.includes(ctx.actor.role)) throw new ForbiddenError('Uw rol mag deze stap niet vastleggen.');
  if (!OFFER_TRANSITIONS[o.status]?.includes(input.reactie)) throw new ConflictError(`Een aanbieding met status '${o.status}' kan niet naar '${input.reactie}'.`);
  const set: Record<string, string | null> = { status: input.reactie };
  if (input.reactie === 'geaccepteerd' || input.reactie === 'afgewezen' || input.reactie === 'ingetrokken') { set.responded_on = input.datum; }
  if (input.reactie === 'afgewezen' || input.reactie === 'ingetrokken') set.decline_reason = input.reden!.trim();
  if (input.reactie === 'contract-getekend') set.contract_on = input.datum;
  if (input.reactie === 'verhuisd') {
    // Move-in ends the stay and the trajectory with the destination of this kind of home (same transaction).
    const destination = exitDestinationFor(o.type, o.corporation_id);
    if (!EXIT_DESTINATIONS.some((d) => d.code === destination)) throw new ConflictError('Onbekende bestemming voor dit type woonplek.');
    if (o.type === 'housing-first') {
      const hf = await ctx.db.selectFrom('housing_first_trajectories').select(['id', 'decision_on', 'started_on']).where('client_id', '=', o.client_id).where('tenant_id', '=', ctx.actor.tenantId).where('started_on', 'is', null).where('ended_on', 'is', null).executeTakeFirst();
      if (!hf || !hf.decision_on) throw new ConflictError('Voor een Housing First-woning is eerst een Housing First-beschikking nodig.');
      await ctx.db.updateTable('housing_first_trajectories').set({ started_on: input.datum, unit_id: o.unit_id }).where('id', '=', hf.id).execute();
    }
    // the home becomes the address the waakvlam watches (arrears signals on it raise an alarm in the aftercare plan)
    const home = await ctx.db.selectFrom('housing_units').select(['address', 'postcode']).where('id', '=', o.unit_id).executeTakeFirstOrThrow();
    await registerExit(ctx, o.trajectory_id, { datum: input.datum, bestemming: destination }, { newAddress: addressOfHome(home.postcode, home.address) });
    set.moved_in_on = input.datum;
    set.exit_destination = destination;
    await ctx.db.updateTable('housing_candidates').set({ status: 'gehuisvest', housed_on: input.datum }).where('id', '=', o.candidate_id).execute();
  }
  await ctx.db.updateTable('housing_offers').set(set).where('id', '=', id).execute();
  const unitStatus = UNIT_STATUS_AFTER[input.reactie];
  if (unitStatus) await ctx.db.updateTable('housing_units').set({ status: unitStatus }).where('id', '=', o.unit_id).execute();
  await audit(ctx, { clientId: o.client_id, action: 'wijzigen', resource: 'aanbieding woonplek', detail: input.reactie });
  return getOffer(ctx, id);
}

/** Counts used by the figures; exported for reuse. */
export function offerCountsQuery(ctx: Ctx, from: string, to: string) {
  return ctx.db.selectFrom('housing_offers').select(['status', sql<number>`count(*)::int`.as('n')])
    .where('tenant_id', '=', ctx.actor.tenantId).where('offered_on', '>=', from).where('offered_on', '<', to).groupBy('status');
}
