// Bed voor de nacht (domain.md §4, issue 13): a registered person may sleep in the shelter during screening, before
// the toegangsbesluit, for at most N nights (tenants.settings.bedVoorDeNachtMax, default 3). The stay hangs on
// the registration (no trajectory). Access granted: the registration's short stays join the new trajectory (their
// nights count in the trajectory figures). Refused or referred: they stay registration-only (they count in bed
// occupancy only), and a short stay still open ends on the decision date.

import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, daysBetween, isIsoDate, todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { refreshFigureFacts } from '../reporting/figure-facts.js';
import { assertPersonNights, assertUnitNights, lockUnitForNights, maxShortStayNights } from './capacity.js';
import { toVerblijf, type Verblijf } from './placements.dto.js';
import { staysWithPlace } from './placements.queries.js';
import { shortStayTooLong } from './placements.service.js';

/**
 * Who may give a bed for the night on this registration: roles that see the whole region (every client they see);
 * a locatiemedewerker for a registered client who is not in shelter anywhere (the walk-in at the door during
 * screening). Others: 404.
 */
async function assertShortStayAllowed(ctx: Ctx, clientId: string) {
  if (can(ctx.actor, 'clienten.alleInRegio')) return assertClientVisible(ctx, clientId);
  const open = await ctx.db
    .selectFrom('stays')
    .select('id')
    .where('client_id', '=', clientId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  const client = await ctx.db
    .selectFrom('clients')
    .select('id')
    .where('id', '=', clientId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  if (!client || open) throw new NotFoundError('Aanmelding niet gevonden.');
}

/** POST /v1/aanmeldingen/{id}/bedden-voor-de-nacht */
export async function giveShortStay(
  ctx: Ctx,
  registrationId: string,
  input: { eenheidId: string; datum: string; tot?: string | null; huishoudgrootte?: number },
): Promise<Verblijf> {
  authorize(ctx, 'bedVoorDeNacht.geven');
  const r = await ctx.db
    .selectFrom('registrations')
    .select(['id', 'client_id', 'registered_on', 'status'])
    .where('id', '=', registrationId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw new NotFoundError('Aanmelding niet gevonden.');
  // The person first (the same person given two beds at once must not get them): lock, then decide visibility.
  await ctx.db.selectFrom('clients').select('id').where('id', '=', r.client_id).forUpdate().execute();
  await assertShortStayAllowed(ctx, r.client_id).catch((e: unknown) => {
    throw e instanceof NotFoundError ? new NotFoundError('Aanmelding niet gevonden.') : e;
  });
  const p = new Problems();
  checkPastDate(
    p,
    ctx,
    'datum',
    input.datum,
    r.registered_on,
    `Een bed voor de nacht kan niet vóór de aanmelding (${datumTekst(r.registered_on)}).`,
  );
  if (input.tot != null) {
    checkPastDate(p, ctx, 'tot', input.tot);
    if (isIsoDate(input.tot) && isIsoDate(input.datum) && input.tot < input.datum)
      p.add('tot', 'range', 'De einddatum ligt vóór de startdatum.');
  }
  const size = input.huishoudgrootte ?? 1;
  if (!Number.isInteger(size) || size < 1 || size > 15)
    p.add('huishoudgrootte', 'range', 'Huishoudgrootte is een geheel getal van 1 tot 15.');
  if (!input.eenheidId) p.add('eenheidId', 'required', 'Kies een eenheid.');
  if (isIsoDate(input.datum) && input.datum >= r.registered_on && (input.tot == null || input.tot >= input.datum)) {
    const end = input.tot ?? todayInNl(ctx.now);
    if (end >= input.datum) {
      const problem = await shortStayTooLong(ctx, { id: '', registration_id: r.id }, input.datum, end);
      if (problem) p.add(input.tot == null ? 'datum' : 'tot', 'range', problem);
    }
  }
  p.throwIfAny();
  if (r.status === 'besloten')
    throw new ConflictError('Over deze aanmelding is al besloten: plaats de cliënt met een gewone plaatsing.');
  const open = await ctx.db
    .selectFrom('stays')
    .select('id')
    .where('client_id', '=', r.client_id)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  if (open) throw new ConflictError('Deze cliënt verblijft al in een opvangplek.');
  const unit = await lockUnitForNights(ctx, input.eenheidId);
  if (!unit.active) throw new NotFoundError('Eenheid niet gevonden.');
  authorize(ctx, 'plaatsen.opLocatie', { facilityId: unit.facility_id });
  if (size > unit.beds)
    throw new ConflictError(
      `Dit huishouden (${size} personen) past niet in ${unit.name} (${unit.beds} ${unit.beds === 1 ? 'bed' : 'bedden'}). Kies een gezinseenheid.`,
    );
  const row = await ctx.db
    .insertInto('stays')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: r.client_id,
      registration_id: r.id,
      trajectory_id: null,
      unit_id: unit.id,
      household_size: size,
      short_stay: true,
      started_on: input.datum,
      ended_on: input.tot ?? null,
      end_reason: input.tot ? 'bed-voor-de-nacht' : null,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await refreshFigureFacts(ctx.db, { registrationIds: [r.id], stayIds: [row.id] });
  await assertUnitNights(ctx, unit, input.datum, input.tot ?? null);
  await assertPersonNights(ctx, r.client_id, input.datum, input.tot ?? null);
  await audit(ctx, {
    clientId: r.client_id,
    action: 'plaatsen',
    resource: 'bed-voor-de-nacht',
    detail: `eenheid ${unit.id}`,
  });
  const s = await staysWithPlace(ctx.db).where('stays.id', '=', row.id).executeTakeFirstOrThrow();
  return toVerblijf(ctx.actor, s, ctx.now);
}

/**
 * After the toegangsbesluit, in the decision's transaction. 'toegang': the registration's short stays join the
 * trajectory. Otherwise: they remain registration-only; one still open ends on the decision date (never after its
 * maximum number of nights, never before its start).
 */
export async function settleShortStays(
  ctx: Ctx,
  registrationId: string,
  outcome: string,
  decidedOn: string,
  trajectoryId: string | null,
): Promise<void> {
  if (outcome === 'toegang' && trajectoryId) {
    await ctx.db
      .updateTable('stays')
      .set({ trajectory_id: trajectoryId })
      .where('registration_id', '=', registrationId)
      .where('short_stay', '=', true)
      .where('trajectory_id', 'is', null)
      .execute();
    await refreshFigureFacts(ctx.db, { registrationIds: [registrationId], trajectoryIds: [trajectoryId] });
    return;
  }
  const open = await ctx.db
    .selectFrom('stays')
    .select(['id', 'started_on', 'client_id'])
    .where('registration_id', '=', registrationId)
    .where('short_stay', '=', true)
    .where('trajectory_id', 'is', null)
    .where('ended_on', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!open) return;
  const max = await maxShortStayNights(ctx);
  const others = await ctx.db
    .selectFrom('stays')
    .select(['started_on', 'ended_on'])
    .where('registration_id', '=', registrationId)
    .where('short_stay', '=', true)
    .where('id', '!=', open.id)
    .where('ended_on', 'is not', null)
    .execute();
  const used = others.reduce((n, o) => n + Math.max(0, daysBetween(o.started_on, o.ended_on!)), 0);
  const latest = addDays(open.started_on, Math.max(0, max - used));
  const end = decidedOn < open.started_on ? open.started_on : decidedOn > latest ? latest : decidedOn;
  await ctx.db
    .updateTable('stays')
    .set({ ended_on: end, end_reason: 'bed-voor-de-nacht' })
    .where('id', '=', open.id)
    .execute();
  await refreshFigureFacts(ctx.db, { registrationIds: [registrationId], stayIds: [open.id] });
  await audit(ctx, { clientId: open.client_id, action: 'beeindigen', resource: 'bed-voor-de-nacht' });
}
