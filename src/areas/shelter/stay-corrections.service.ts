// Date corrections of a stay (issue 13): a worker fixes a wrong placement date or end (exit) date, with a reason.
// The old and new dates are kept (stay_corrections), the change is audited, and every night the stay newly covers is
// re-checked against the room's capacity and the person's other stays, in the same transaction. An exit date is
// corrected on the stay that ended with the exit: the trajectory's end date moves with it.
// (Corrections of person data, registrations and decisions have their own generic history elsewhere.)

import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { isIsoDate } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { refreshFigureFacts } from '../reporting/figure-facts.js';
import { assertPersonNights, assertUnitNights, lockUnitForNights } from './capacity.js';
import type { Verblijfcorrectie } from './placements.dto.js';
import { shortStayTooLong } from './placements.service.js';

async function loadStay(ctx: Ctx, stayId: string, action: 'verblijven.corrigeren' | 'verblijven.correctiesLezen') {
  authorize(ctx, action);
  const s = await ctx.db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .select([
      'stays.id',
      'stays.client_id',
      'stays.unit_id',
      'stays.registration_id',
      'stays.trajectory_id',
      'stays.short_stay',
      'stays.started_on',
      'stays.ended_on',
      'stays.end_reason',
      'units.facility_id',
    ])
    .where('stays.id', '=', stayId)
    .where('stays.tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!s || !can(ctx.actor, action, { facilityId: s.facility_id })) throw new NotFoundError('Verblijf niet gevonden.');
  await assertClientVisible(ctx, s.client_id).catch((e: unknown) => {
    throw e instanceof NotFoundError ? new NotFoundError('Verblijf niet gevonden.') : e;
  });
  return s;
}

const toCorrectie = (c: {
  id: string;
  stay_id: string;
  old_started_on: string;
  new_started_on: string;
  old_ended_on: string | null;
  new_ended_on: string | null;
  reason: string;
  corrected_at: Date;
  display_name: string | null;
}): Verblijfcorrectie => ({
  id: c.id,
  verblijfId: c.stay_id,
  oudVan: c.old_started_on,
  nieuwVan: c.new_started_on,
  oudTot: c.old_ended_on,
  nieuwTot: c.new_ended_on,
  reden: c.reason,
  gecorrigeerdDoor: c.display_name,
  gecorrigeerdOp: new Date(c.corrected_at).toISOString(),
});

function correctionsOf(ctx: Ctx, stayId: string) {
  return ctx.db
    .selectFrom('stay_corrections')
    .leftJoin('users', 'users.id', 'stay_corrections.corrected_by')
    .select([
      'stay_corrections.id',
      'stay_corrections.stay_id',
      'stay_corrections.old_started_on',
      'stay_corrections.new_started_on',
      'stay_corrections.old_ended_on',
      'stay_corrections.new_ended_on',
      'stay_corrections.reason',
      'stay_corrections.corrected_at',
      'users.display_name',
    ])
    .where('stay_corrections.stay_id', '=', stayId)
    .where('stay_corrections.tenant_id', '=', ctx.actor.tenantId)
    .orderBy('stay_corrections.corrected_at')
    .orderBy('stay_corrections.id');
}

/** GET /v1/plaatsingen/{id}/correcties */
export async function listStayCorrections(ctx: Ctx, stayId: string) {
  const s = await loadStay(ctx, stayId, 'verblijven.correctiesLezen');
  const rows = await correctionsOf(ctx, stayId).execute();
  await audit(ctx, { clientId: s.client_id, action: 'lezen', resource: 'verblijfcorrecties' });
  return { resultaten: rows.map(toCorrectie) };
}

/** POST /v1/plaatsingen/{id}/correcties: new start and/or end date of one stay, with the reason. */
export async function correctStay(
  ctx: Ctx,
  stayId: string,
  input: { van?: string | null; tot?: string | null; reden: string },
): Promise<Verblijfcorrectie> {
  const found = await loadStay(ctx, stayId, 'verblijven.corrigeren');
  // The person first, then the stay, then the room (the same order as a placement: person, room).
  await ctx.db.selectFrom('clients').select('id').where('id', '=', found.client_id).forUpdate().execute();
  const s = await ctx.db
    .selectFrom('stays')
    .select(['id', 'started_on', 'ended_on'])
    .where('id', '=', stayId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const van = input.van ?? s.started_on;
  const tot = input.tot === undefined || input.tot === null ? s.ended_on : input.tot;
  const p = new Problems();
  if (!input.reden?.trim()) p.add('reden', 'required', 'Geef de reden van de correctie.');
  if (input.van != null) checkPastDate(p, ctx, 'van', input.van);
  if (input.tot != null) {
    if (s.ended_on === null)
      p.add('tot', 'open', 'Dit verblijf loopt nog: beëindig het verblijf in plaats van de einddatum te corrigeren.');
    else checkPastDate(p, ctx, 'tot', input.tot);
  }
  if (input.van == null && input.tot == null) p.add('van', 'required', 'Geef een nieuwe begin- of einddatum.');
  if (isIsoDate(van) && tot && isIsoDate(tot) && tot < van)
    p.add(
      input.tot != null ? 'tot' : 'van',
      'range',
      `De einddatum (${datumTekst(tot)}) ligt vóór de begindatum (${datumTekst(van)}).`,
    );
  let trajectory: { id: string; started_on: string; ended_on: string | null } | undefined;
  if (found.trajectory_id)
    trajectory = await ctx.db
      .selectFrom('trajectories')
      .select(['id', 'started_on', 'ended_on'])
      .where('id', '=', found.trajectory_id)
      .forUpdate()
      .executeTakeFirst();
  const exitStay =
    found.end_reason === 'uitstroom' && trajectory?.ended_on != null && trajectory.ended_on === s.ended_on;
  if (trajectory && !found.short_stay && isIsoDate(van) && van < trajectory.started_on)
    p.add(
      'van',
      'range',
      `De plaatsingsdatum ligt vóór de start van het traject (${datumTekst(trajectory.started_on)}).`,
    );
  if (exitStay && trajectory && tot && isIsoDate(tot) && tot < trajectory.started_on)
    p.add(
      'tot',
      'range',
      `De uitstroomdatum ligt vóór de start van het traject (${datumTekst(trajectory.started_on)}).`,
    );
  if (found.short_stay && !found.trajectory_id && found.registration_id && isIsoDate(van)) {
    const r = await ctx.db
      .selectFrom('registrations')
      .select('registered_on')
      .where('id', '=', found.registration_id)
      .executeTakeFirst();
    if (r && van < r.registered_on)
      p.add('van', 'range', `Een bed voor de nacht kan niet vóór de aanmelding (${datumTekst(r.registered_on)}).`);
    if (tot && isIsoDate(tot) && tot >= van) {
      const problem = await shortStayTooLong(ctx, found, van, tot);
      if (problem) p.add(input.tot != null ? 'tot' : 'van', 'range', problem);
    }
  }
  p.throwIfAny();
  if (van === s.started_on && tot === s.ended_on)
    throw new ConflictError('Deze data staan al zo in het verblijf: er is niets te corrigeren.');
  const unit = await lockUnitForNights(ctx, found.unit_id);
  await ctx.db.updateTable('stays').set({ started_on: van, ended_on: tot }).where('id', '=', stayId).execute();
  if (exitStay && trajectory && tot !== s.ended_on)
    await ctx.db.updateTable('trajectories').set({ ended_on: tot }).where('id', '=', trajectory.id).execute();
  await refreshFigureFacts(ctx.db, {
    registrationIds: [found.registration_id],
    trajectoryIds: [found.trajectory_id],
    stayIds: [stayId],
  });
  // Only the nights the stay newly covers can get over capacity: earlier start, later end.
  if (van < s.started_on) {
    await assertUnitNights(ctx, unit, van, s.started_on);
    await assertPersonNights(ctx, found.client_id, van, s.started_on);
  }
  if (s.ended_on !== null && tot !== null && tot > s.ended_on) {
    await assertUnitNights(ctx, unit, s.ended_on, tot);
    await assertPersonNights(ctx, found.client_id, s.ended_on, tot);
  }
  const row = await ctx.db
    .insertInto('stay_corrections')
    .values({
      tenant_id: ctx.actor.tenantId,
      stay_id: stayId,
      client_id: found.client_id,
      old_started_on: s.started_on,
      new_started_on: van,
      old_ended_on: s.ended_on,
      new_ended_on: tot,
      reason: input.reden.trim(),
      corrected_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, {
    clientId: found.client_id,
    action: 'wijzigen',
    resource: 'verblijf',
    detail: `correctie: van ${s.started_on}→${van}, tot ${s.ended_on ?? '-'}→${tot ?? '-'}${exitStay ? ' (uitstroomdatum)' : ''}`,
  });
  const c = await correctionsOf(ctx, stayId).where('stay_corrections.id', '=', row.id).executeTakeFirstOrThrow();
  return toCorrectie(c);
}
