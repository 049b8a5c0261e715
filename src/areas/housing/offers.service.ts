// Aanbiedingen: a free woonplek offered to a woonklare cliënt → geaccepteerd / afgewezen (reden) → contract getekend →
// verhuisd, which ends the stay and the trajectory with the exit destination of the home type (registerExit).

import { checkPastDate } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems, ValidationError } from '../../platform/errors.js';
import { stateMachine } from '../../platform/transitions.js';
import { todayInNl } from '../../platform/validation.js';
import { EXIT_DESTINATIONS } from '../../reference/reference.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { visibleClients } from '../../rights/visibility.js';
import { addressOfHome } from '../aftercare/aftercare.service.js';
import { registerExit } from '../shelter/placements.service.js';
import { toMatchCandidate } from './candidates.dto.js';
import { actorCorporation } from './corporations.service.js';
import { codeIn } from './housing.dto.js';
import { candidateQuery, municipalityNames, offerQuery } from './housing.queries.js';
import { evaluatePair, UNIT_TYPES } from './matching.js';
import { OFFER_STATUSES, OFFER_STEPS, type OfferStatus, type OfferStep, offerDto } from './offers.dto.js';
import { toMatchUnit } from './units.dto.js';
import { loadUnit } from './units.service.js';

/** Offer status transitions: what may follow what (409 otherwise). Who may record which step is in the rights table. */
const OFFER_STATES = stateMachine<OfferStatus>('Een aanbieding', {
  aangeboden: ['geaccepteerd', 'afgewezen', 'ingetrokken'],
  geaccepteerd: ['contract-getekend', 'afgewezen', 'ingetrokken'],
  'contract-getekend': ['verhuisd'],
  afgewezen: [],
  ingetrokken: [],
  verhuisd: [],
});
export const OFFER_TRANSITIONS = OFFER_STATES.table;

/** What the home's status becomes after a step. */
const UNIT_STATUS_AFTER: Partial<Record<OfferStep, string>> = {
  afgewezen: 'beschikbaar',
  ingetrokken: 'beschikbaar',
  'contract-getekend': 'verhuurd',
  verhuisd: 'verhuurd',
};
const OPEN_STATUSES: OfferStatus[] = ['aangeboden', 'geaccepteerd', 'contract-getekend'];
const CORPORATION_BASIS = 'Woonruimtebemiddeling: naam, huishouden, ondersteuningsbehoefte en contact (domain.md §5)';

function exitDestinationFor(unitType: string, corporationId: string | null): string {
  if (unitType === 'corporatie' && !corporationId) return 'huur-particulier';
  return UNIT_TYPES.find((t) => t.code === unitType)?.exit ?? 'huur-corporatie';
}

/** The offers a user may see: on the own corporation's homes, or (toegang) for the clients the user may see. */
function offersInScope(ctx: Ctx, own: string | null) {
  const q = offerQuery(ctx);
  return own
    ? q.where('housing_units.corporation_id', '=', own)
    : q.where('housing_offers.client_id', 'in', visibleClients(ctx).select('clients.id'));
}

async function loadOffer(ctx: Ctx, id: string, lock = false) {
  authorize(ctx, 'wonen.aanbiedingenZien');
  const q = offersInScope(ctx, await actorCorporation(ctx)).where('housing_offers.id', '=', id);
  const o = lock ? await q.forUpdate('housing_offers').executeTakeFirst() : await q.executeTakeFirst();
  if (!o) throw new NotFoundError('Aanbieding niet gevonden.');
  return o;
}

/** One offer; its candidate's read is logged (the corporation's with its limited basis). */
export async function getOffer(ctx: Ctx, id: string) {
  const o = await loadOffer(ctx, id);
  if (can(ctx.actor, 'wonen.kandidatenZien'))
    await audit(ctx, { clientId: o.client_id, action: 'lezen', resource: 'aanbieding' });
  else
    await audit(ctx, {
      clientId: o.client_id,
      action: 'lezen',
      resource: 'aanbieding (corporatie)',
      basis: CORPORATION_BASIS,
    });
  return offerDto(ctx.actor, o, OFFER_STATES);
}

export async function listOffers(ctx: Ctx, q: { status?: string; kandidaatId?: string; woonplekId?: string } = {}) {
  authorize(ctx, 'wonen.aanbiedingenZien');
  let query = offersInScope(ctx, await actorCorporation(ctx));
  if (q.status) query = query.where('housing_offers.status', '=', q.status);
  if (q.kandidaatId) query = query.where('housing_offers.candidate_id', '=', q.kandidaatId);
  if (q.woonplekId) query = query.where('housing_offers.unit_id', '=', q.woonplekId);
  const rows = await query
    .orderBy('housing_offers.offered_on', 'desc')
    .orderBy('housing_offers.id')
    .limit(500)
    .execute();
  const fullView = can(ctx.actor, 'wonen.kandidatenZien');
  await auditPersons(
    ctx,
    rows.map((o) => o.client_id),
    {
      action: 'zoeken',
      resource: fullView ? 'aanbiedingen' : 'aanbiedingen (corporatie)',
      detail: `${rows.length} resultaten`,
      ...(fullView ? {} : { basis: CORPORATION_BASIS }),
    },
  );
  return { resultaten: rows.map((o) => offerDto(ctx.actor, o, OFFER_STATES)) };
}

export async function createOffer(ctx: Ctx, input: { woonplekId: string; kandidaatId: string; datum: string }) {
  authorize(ctx, 'wonen.aanbieden');
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum, '2000-01-01');
  p.throwIfAny();
  const cand = await candidateQuery(ctx)
    .where('housing_candidates.id', '=', input.kandidaatId)
    .forUpdate('housing_candidates')
    .executeTakeFirst();
  if (!cand) throw new NotFoundError('Woonkandidaat niet gevonden.');
  const unit = await loadUnit(ctx, input.woonplekId, true);
  if (cand.status !== 'woonklaar') throw new ConflictError('Deze kandidaat is niet (meer) woonklaar.');
  if (unit.status !== 'beschikbaar')
    throw new ConflictError(`Deze woonplek is ${unit.status} en kan nu niet worden aangeboden.`);
  if (input.datum < cand.ready_since)
    new Problems()
      .add('datum', 'range', `De aanbieding kan niet vóór woonklaar (${cand.ready_since}) liggen.`)
      .throwIfAny();
  const open = await ctx.db
    .selectFrom('housing_offers')
    .select('id')
    .where('candidate_id', '=', cand.id)
    .where('status', 'in', OPEN_STATUSES)
    .executeTakeFirst();
  if (open) throw new ConflictError('Deze kandidaat heeft al een lopende aanbieding; handel die eerst af.');
  const today = todayInNl(ctx.now);
  const pair = evaluatePair(toMatchUnit(unit, await municipalityNames(ctx)), toMatchCandidate(cand, today), today);
  if (!pair.feasible) throw new ConflictError(`Deze woonplek past niet bij de kandidaat: ${pair.blockers.join(' ')}`);
  const row = await ctx.db
    .insertInto('housing_offers')
    .values({
      tenant_id: ctx.actor.tenantId,
      unit_id: unit.id,
      candidate_id: cand.id,
      client_id: cand.client_id,
      status: 'aangeboden',
      offered_on: input.datum,
      score: pair.score,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.updateTable('housing_units').set({ status: 'aangeboden' }).where('id', '=', unit.id).execute();
  await audit(ctx, {
    clientId: cand.client_id,
    action: 'aanmaken',
    resource: 'aanbieding woonplek',
    detail: unit.address,
  });
  return getOffer(ctx, row.id);
}

export async function respondToOffer(
  ctx: Ctx,
  id: string,
  input: { reactie: string; datum: string; reden?: string | null },
) {
  authorize(ctx, 'wonen.aanbiedingReageren');
  const o = await loadOffer(ctx, id, true);
  const step = OFFER_STEPS.find((s) => s === input.reactie);
  const p = new Problems();
  if (!step) p.add('reactie', 'enum', 'Kies geaccepteerd, afgewezen, ingetrokken, contract-getekend of verhuisd.');
  checkPastDate(p, ctx, 'datum', input.datum, o.contract_on ?? o.responded_on ?? o.offered_on);
  const reden = input.reden?.trim() ?? '';
  if ((step === 'afgewezen' || step === 'ingetrokken') && !reden) p.add('reden', 'required', 'Vermeld de reden.');
  if (!step || p.list.length) throw new ValidationError(p.list);
  authorize(ctx, 'wonen.aanbiedingReageren', { stap: step });
  OFFER_STATES.assert(codeIn(OFFER_STATUSES, o.status, 'aanbiedingstatus'), step);
  const set: {
    status: OfferStep;
    responded_on?: string;
    decline_reason?: string;
    contract_on?: string;
    moved_in_on?: string;
    exit_destination?: string;
  } = { status: step };
  if (step === 'geaccepteerd' || step === 'afgewezen' || step === 'ingetrokken') set.responded_on = input.datum;
  if (step === 'afgewezen' || step === 'ingetrokken') set.decline_reason = reden;
  if (step === 'contract-getekend') set.contract_on = input.datum;
  if (step === 'verhuisd') {
    // Move-in ends the stay and the trajectory with the destination of this kind of home (same transaction).
    const destination = exitDestinationFor(o.type, o.corporation_id);
    if (!EXIT_DESTINATIONS.some((d) => d.code === destination))
      throw new ConflictError('Onbekende bestemming voor dit type woonplek.');
    if (o.type === 'housing-first') {
      const hf = await ctx.db
        .selectFrom('housing_first_trajectories')
        .select(['id', 'decision_on', 'started_on'])
        .where('client_id', '=', o.client_id)
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('started_on', 'is', null)
        .where('ended_on', 'is', null)
        .executeTakeFirst();
      if (!hf?.decision_on)
        throw new ConflictError('Voor een Housing First-woning is eerst een Housing First-beschikking nodig.');
      await ctx.db
        .updateTable('housing_first_trajectories')
        .set({ started_on: input.datum, unit_id: o.unit_id })
        .where('id', '=', hf.id)
        .execute();
    }
    // the home becomes the address the waakvlam watches (arrears signals on it raise an alarm in the aftercare plan)
    const home = await ctx.db
      .selectFrom('housing_units')
      .select(['address', 'postcode'])
      .where('id', '=', o.unit_id)
      .executeTakeFirstOrThrow();
    await registerExit(
      ctx,
      o.trajectory_id,
      { datum: input.datum, bestemming: destination },
      { newAddress: addressOfHome(home.postcode, home.address) },
    );
    set.moved_in_on = input.datum;
    set.exit_destination = destination;
    await ctx.db
      .updateTable('housing_candidates')
      .set({ status: 'gehuisvest', housed_on: input.datum })
      .where('id', '=', o.candidate_id)
      .execute();
  }
  await ctx.db.updateTable('housing_offers').set(set).where('id', '=', id).execute();
  const unitStatus = UNIT_STATUS_AFTER[step];
  if (unitStatus)
    await ctx.db.updateTable('housing_units').set({ status: unitStatus }).where('id', '=', o.unit_id).execute();
  await audit(ctx, { clientId: o.client_id, action: 'wijzigen', resource: 'aanbieding woonplek', detail: step });
  return getOffer(ctx, id);
}
