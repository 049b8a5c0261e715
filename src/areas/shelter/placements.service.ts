import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems, ValidationError } from '../../platform/errors.js';
import { addDays, daysBetween, isIsoDate, todayInNl } from '../../platform/validation.js';
import { EXIT_DESTINATIONS } from '../../reference/reference.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientPlaceable, assertClientVisible } from '../../rights/visibility.js';
import { createPlanAfterExit, type NewAddress } from '../aftercare/aftercare.service.js';
import { closeOpenWorkAfterExit } from '../perspective/exit-cleanup.js';
import { refreshFigureFacts } from '../reporting/figure-facts.js';
import { assertPersonNights, assertUnitNights, lockUnitForNights, maxShortStayNights } from './capacity.js';
import { type Traject, toVerblijf, type Verblijf } from './placements.dto.js';
import { staysWithPlace } from './placements.queries.js';
import { closeReferralOnPlacement } from './referrals.service.js';

/**
 * Locks the unit row (before its stays are read or written) and checks that this household fits in it at all. Two
 * workers placing into the last free bed are serialised by the row lock; the per-night check after the write
 * (assertUnitNights) then refuses the second one.
 */
async function lockUnitFor(ctx: Ctx, unitId: string, householdSize: number) {
  const unit = await lockUnitForNights(ctx, unitId).catch((e: unknown) => {
    throw e instanceof NotFoundError ? new NotFoundError('Eenheid niet gevonden.') : e;
  });
  if (!unit.active) throw new NotFoundError('Eenheid niet gevonden.');
  authorize(ctx, 'plaatsen.opLocatie', { facilityId: unit.facility_id });
  if (householdSize > unit.beds)
    throw new ConflictError(
      `Dit huishouden (${householdSize} personen) past niet in ${unit.name} (${unit.beds} ${unit.beds === 1 ? 'bed' : 'bedden'}). Kies een gezinseenheid.`,
    );
  return unit;
}

async function stayDto(ctx: Ctx, stayId: string): Promise<Verblijf> {
  const s = await staysWithPlace(ctx.db).where('stays.id', '=', stayId).executeTakeFirstOrThrow();
  return toVerblijf(ctx.actor, s, ctx.now);
}

export async function placeClient(
  ctx: Ctx,
  input: { clientId: string; eenheidId: string; datum: string; huishoudgrootte?: number },
) {
  authorize(ctx, 'plaatsen');
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  const size = input.huishoudgrootte ?? 1;
  if (!Number.isInteger(size) || size < 1 || size > 15)
    p.add('huishoudgrootte', 'range', 'Huishoudgrootte is een geheel getal van 1 tot 15.');
  if (!input.eenheidId) p.add('eenheidId', 'required', 'Kies een eenheid.');
  p.throwIfAny();
  // Lock the client first (the same person placed twice at once must not get two beds), then decide whether this actor
  // may place them at all — under the lock, so the answer cannot change in between. Who may not: 404, before any 409
  // (assertClientPlaceable: a locatiemedewerker places only admitted clients referred to its facility, or its own residents).
  const client = await ctx.db
    .selectFrom('clients')
    .select('id')
    .where('id', '=', input.clientId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!client) throw new NotFoundError('Cliënt niet gevonden.');
  await assertClientPlaceable(ctx, client.id);
  const open = await ctx.db
    .selectFrom('stays')
    .select('id')
    .where('client_id', '=', client.id)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  if (open) throw new ConflictError('Deze cliënt verblijft al in een opvangplek. Gebruik verhuizen.');
  const unit = await lockUnitFor(ctx, input.eenheidId, size);
  const trajectory = await ctx.db
    .selectFrom('trajectories')
    .select(['id', 'registration_id', 'started_on'])
    .where('client_id', '=', client.id)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  if (!trajectory)
    throw new ConflictError('Er is geen toegangsbesluit met open traject: neem eerst een besluit over de aanmelding.');
  if (input.datum < trajectory.started_on)
    new Problems()
      .add(
        'datum',
        'range',
        `De plaatsingsdatum ligt vóór de start van het traject (${datumTekst(trajectory.started_on)}).`,
      )
      .throwIfAny();
  const row = await ctx.db
    .insertInto('stays')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: client.id,
      registration_id: trajectory.registration_id,
      trajectory_id: trajectory.id,
      unit_id: input.eenheidId,
      household_size: size,
      started_on: input.datum,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await refreshFigureFacts(ctx.db, {
    registrationIds: [trajectory.registration_id],
    trajectoryIds: [trajectory.id],
    stayIds: [row.id],
  });
  // Every night from the (possibly back-dated) placement on: the room and the person.
  await assertUnitNights(ctx, unit, input.datum, null);
  await assertPersonNights(ctx, client.id, input.datum, null);
  await closeReferralOnPlacement(ctx, client.id, row.id);
  await audit(ctx, {
    clientId: client.id,
    action: 'plaatsen',
    resource: 'verblijf',
    detail: `eenheid ${input.eenheidId}`,
  });
  return stayDto(ctx, row.id);
}

async function loadOpenStay(ctx: Ctx, stayId: string) {
  authorize(ctx, 'verblijven.wijzigen');
  const s = await ctx.db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .select([
      'stays.id',
      'stays.client_id',
      'stays.started_on',
      'stays.ended_on',
      'stays.household_size',
      'stays.trajectory_id',
      'stays.registration_id',
      'stays.short_stay',
      'stays.unit_id',
      'units.facility_id',
    ])
    .where('stays.id', '=', stayId)
    .where('stays.tenant_id', '=', ctx.actor.tenantId)
    .forUpdate('stays')
    .executeTakeFirst();
  // Another location's stay: not found, no hint that it exists.
  if (!s || !can(ctx.actor, 'verblijven.wijzigen', { facilityId: s.facility_id }))
    throw new NotFoundError('Verblijf niet gevonden.');
  // A stay of a client the actor may no longer see (e.g. moved on to another location): 404 as well, before the 409.
  await assertClientVisible(ctx, s.client_id).catch((e: unknown) => {
    throw e instanceof NotFoundError ? new NotFoundError('Verblijf niet gevonden.') : e;
  });
  if (s.ended_on) throw new ConflictError(`Dit verblijf is al beëindigd op ${datumTekst(s.ended_on)}.`);
  return s;
}

export async function endStay(ctx: Ctx, stayId: string, input: { datum: string; reden?: string | null }) {
  const s = await loadOpenStay(ctx, stayId);
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  if (input.datum && isIsoDate(input.datum) && input.datum < s.started_on)
    p.add('datum', 'range', `De einddatum ligt vóór de start van het verblijf (${datumTekst(s.started_on)}).`);
  if (s.short_stay && !s.trajectory_id && isIsoDate(input.datum) && input.datum >= s.started_on) {
    const problem = await shortStayTooLong(ctx, s, s.started_on, input.datum);
    if (problem) p.add('datum', 'range', problem);
  }
  p.throwIfAny();
  await ctx.db
    .updateTable('stays')
    .set({
      ended_on: input.datum,
      end_reason: input.reden?.trim() || (s.short_stay && !s.trajectory_id ? 'bed-voor-de-nacht' : 'vertrek'),
    })
    .where('id', '=', stayId)
    .execute();
  await refreshFigureFacts(ctx.db, {
    registrationIds: [s.registration_id],
    trajectoryIds: [s.trajectory_id],
    stayIds: [stayId],
  });
  await audit(ctx, { clientId: s.client_id, action: 'beeindigen', resource: 'verblijf' });
  return stayDto(ctx, stayId);
}

export async function moveStay(ctx: Ctx, stayId: string, input: { eenheidId: string; datum: string }) {
  const s = await loadOpenStay(ctx, stayId);
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  if (input.datum && isIsoDate(input.datum) && input.datum < s.started_on)
    p.add('datum', 'range', `De verhuisdatum ligt vóór de start van het verblijf (${datumTekst(s.started_on)}).`);
  if (!input.eenheidId) p.add('eenheidId', 'required', 'Kies de nieuwe eenheid.');
  p.throwIfAny();
  await ctx.db
    .updateTable('stays')
    .set({ ended_on: input.datum, end_reason: 'verhuisd' })
    .where('id', '=', stayId)
    .execute();
  const unit = await lockUnitFor(ctx, input.eenheidId, s.household_size);
  const row = await ctx.db
    .insertInto('stays')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: s.client_id,
      registration_id: s.registration_id,
      trajectory_id: s.trajectory_id,
      unit_id: input.eenheidId,
      household_size: s.household_size,
      short_stay: s.short_stay,
      started_on: input.datum,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await refreshFigureFacts(ctx.db, {
    registrationIds: [s.registration_id],
    trajectoryIds: [s.trajectory_id],
    stayIds: [stayId, row.id],
  });
  await assertUnitNights(ctx, unit, input.datum, null);
  await assertPersonNights(ctx, s.client_id, input.datum, null);
  await audit(ctx, {
    clientId: s.client_id,
    action: 'plaatsen',
    resource: 'verblijf',
    detail: `verhuisd naar ${input.eenheidId}`,
  });
  return stayDto(ctx, row.id);
}

/** Uitstroom: ends the trajectory with destination and group, and the open stay on the same date. */
export async function registerExit(
  ctx: Ctx,
  trajectoryId: string,
  input: { datum: string; bestemming: string },
  opts: { newAddress?: NewAddress | null } = {},
): Promise<Traject> {
  authorize(ctx, 'uitstroom.registreren');
  const t = await ctx.db
    .selectFrom('trajectories')
    .selectAll()
    .where('id', '=', trajectoryId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!t) throw new NotFoundError('Traject niet gevonden.');
  await assertClientVisible(ctx, t.client_id);
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  if (input.datum && isIsoDate(input.datum) && input.datum < t.started_on)
    p.add('datum', 'range', `De uitstroomdatum ligt vóór de start van het traject (${datumTekst(t.started_on)}).`);
  const dest = EXIT_DESTINATIONS.find((d) => d.code === input.bestemming);
  if (!dest) throw new ValidationError(p.add('bestemming', 'enum', 'Kies een bestemming uit de lijst.').list);
  p.throwIfAny();
  if (t.ended_on) throw new ConflictError(`Dit traject is al beëindigd op ${datumTekst(t.ended_on)}.`);
  const openStay = await ctx.db
    .selectFrom('stays')
    .select(['id', 'started_on'])
    .where('trajectory_id', '=', trajectoryId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  if (openStay && input.datum < openStay.started_on)
    new Problems()
      .add(
        'datum',
        'range',
        `De uitstroomdatum ligt vóór de start van het huidige verblijf (${datumTekst(openStay.started_on)}).`,
      )
      .throwIfAny();
  if (openStay)
    await ctx.db
      .updateTable('stays')
      .set({ ended_on: input.datum, end_reason: 'uitstroom' })
      .where('id', '=', openStay.id)
      .execute();
  await ctx.db
    .updateTable('trajectories')
    .set({ ended_on: input.datum, exit_destination: dest.code, exit_group: dest.group })
    .where('id', '=', trajectoryId)
    .execute();
  await refreshFigureFacts(ctx.db, { registrationIds: [t.registration_id], trajectoryIds: [trajectoryId] });
  await audit(ctx, { clientId: t.client_id, action: 'wijzigen', resource: 'uitstroom', detail: input.bestemming });
  // Issue 12: open blockades close ("uitgestroomd"), open waiting-list entries end after an exit to a home.
  await closeOpenWorkAfterExit(ctx.db, {
    tenantId: ctx.actor.tenantId,
    clientId: t.client_id,
    trajectoryId: t.id,
    date: input.datum,
    group: dest.group,
    destinationLabel: dest.label,
  });
  // Nazorg (waakvlam) after every exit to housing: the plan with the default contacts, same transaction (issue 6).
  const nazorgplanId = await createPlanAfterExit(ctx, t.id, opts.newAddress ?? null);
  return {
    id: t.id,
    clientId: t.client_id,
    start: t.started_on,
    eind: input.datum,
    bestemming: dest.code,
    bestemmingLabel: dest.label,
    bestemmingsgroep: dest.group,
    dagen: daysBetween(t.started_on, input.datum),
    nazorgplanId,
  };
}

/**
 * The Dutch problem when the registration-only short stays ("bed voor de nacht") of this registration would sleep
 * more nights than the tenant allows, with stay `s` running [from, to); null when within the maximum.
 */
export async function shortStayTooLong(
  ctx: Ctx,
  s: { id: string; registration_id: string | null },
  from: string,
  to: string,
): Promise<string | null> {
  const max = await maxShortStayNights(ctx);
  const others = s.registration_id
    ? await ctx.db
        .selectFrom('stays')
        .select(['started_on', 'ended_on'])
        .where('registration_id', '=', s.registration_id)
        .where('short_stay', '=', true)
        .where('trajectory_id', 'is', null)
        .where('id', '!=', s.id)
        .execute()
    : [];
  const today = todayInNl(ctx.now);
  const before = others.reduce((n, o) => n + Math.max(0, daysBetween(o.started_on, o.ended_on ?? today)), 0);
  const left = max - before;
  if (daysBetween(from, to) <= left) return null;
  return left <= 0
    ? `Deze aanmelding heeft al ${before} ${before === 1 ? 'nacht' : 'nachten'} bed voor de nacht gehad (ten hoogste ${max}).`
    : `Een bed voor de nacht duurt ten hoogste ${max} ${max === 1 ? 'nacht' : 'nachten'} vóór het toegangsbesluit: kies als einddatum uiterlijk ${datumTekst(addDays(from, left))}.`;
}
