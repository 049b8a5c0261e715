// Verwijzing naar een locatie (issue 14): the toegang refers an admitted client who waits for a bed to one facility;
// the locatiemedewerker of that facility sees "Verwezen naar onze locatie" and may place only those clients (or its
// own residents, rights/visibility.ts assertClientPlaceable). Placing the client closes the referral.
import { checkPastDate, datumTekst } from '../../platform/dates.js';
import type { Tx } from '../../platform/db/database.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { isIsoDate } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { type ReferralRow, toVerwijzing, type Verwijzing } from './referrals.dto.js';

function referrals(db: Tx, tenantId: string) {
  return db
    .selectFrom('facility_referrals as r')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .leftJoin('users as u', 'u.id', 'r.referred_by')
    .select([
      'r.id',
      'r.client_id',
      'c.first_name',
      'c.last_name',
      'c.birth_date',
      'r.facility_id',
      'f.name as facility_name',
      'r.referred_on',
      'u.display_name as referrer_name',
      'r.note',
      'r.withdrawn_on',
      'r.stay_id',
    ])
    .where('r.tenant_id', '=', tenantId);
}

async function referralDto(ctx: Ctx, id: string): Promise<Verwijzing> {
  const row: ReferralRow = await referrals(ctx.db, ctx.actor.tenantId).where('r.id', '=', id).executeTakeFirstOrThrow();
  return toVerwijzing(ctx.actor, row);
}

/** An open trajectory whose registration has the access decision 'toegang': the client is admitted. */
export async function isAdmitted(db: Tx, tenantId: string, clientId: string): Promise<boolean> {
  const row = await db
    .selectFrom('trajectories')
    .innerJoin('access_decisions', 'access_decisions.registration_id', 'trajectories.registration_id')
    .select('trajectories.id')
    .where('trajectories.client_id', '=', clientId)
    .where('trajectories.tenant_id', '=', tenantId)
    .where('trajectories.ended_on', 'is', null)
    .where('access_decisions.outcome', '=', 'toegang')
    .executeTakeFirst();
  return !!row;
}

export async function referClient(
  ctx: Ctx,
  clientId: string,
  input: { locatieId: string; datum: string; toelichting?: string | null },
): Promise<Verwijzing> {
  authorize(ctx, 'verwijzingen.aanmaken');
  // the client row is locked: two referrals of one client at once cannot both be the open one
  await assertClientVisible(ctx, clientId);
  await ctx.db.selectFrom('clients').select('id').where('id', '=', clientId).forUpdate().execute();
  const facility = await ctx.db
    .selectFrom('facilities')
    .select(['id', 'name'])
    .where('id', '=', input.locatieId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('active', '=', true)
    .executeTakeFirst();
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  if (!facility) p.add('locatieId', 'unknown', 'Deze locatie bestaat niet (meer) in uw regio.');
  p.throwIfAny();
  if (!(await isAdmitted(ctx.db, ctx.actor.tenantId, clientId)))
    throw new ConflictError('Deze cliënt heeft geen toegangsbesluit met open traject: neem eerst een besluit.');
  const staying = await ctx.db
    .selectFrom('stays')
    .select('id')
    .where('client_id', '=', clientId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  if (staying) throw new ConflictError('Deze cliënt verblijft al in een opvangplek. Gebruik verhuizen.');
  const open = await ctx.db
    .selectFrom('facility_referrals as r')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .select('f.name')
    .where('r.client_id', '=', clientId)
    .where('r.withdrawn_on', 'is', null)
    .where('r.stay_id', 'is', null)
    .executeTakeFirst();
  if (open) throw new ConflictError(`Deze cliënt is al verwezen naar ${open.name}. Trek die verwijzing eerst in.`);
  const row = await ctx.db
    .insertInto('facility_referrals')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: clientId,
      facility_id: input.locatieId,
      referred_on: input.datum,
      referred_by: ctx.actor.userId,
      note: input.toelichting?.trim() || null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId, action: 'aanmaken', resource: 'verwijzing', detail: `locatie ${input.locatieId}` });
  return referralDto(ctx, row.id);
}

export async function withdrawReferral(ctx: Ctx, id: string, input: { datum: string }): Promise<Verwijzing> {
  authorize(ctx, 'verwijzingen.intrekken');
  const r = await ctx.db
    .selectFrom('facility_referrals')
    .select(['id', 'client_id', 'referred_on', 'withdrawn_on', 'stay_id'])
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw new NotFoundError('Verwijzing niet gevonden.');
  await assertClientVisible(ctx, r.client_id).catch((e: unknown) => {
    throw e instanceof NotFoundError ? new NotFoundError('Verwijzing niet gevonden.') : e;
  });
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  if (isIsoDate(input.datum) && input.datum < r.referred_on)
    p.add('datum', 'range', `De datum ligt vóór de verwijzing (${datumTekst(r.referred_on)}).`);
  p.throwIfAny();
  if (r.withdrawn_on) throw new ConflictError(`Deze verwijzing is al ingetrokken op ${datumTekst(r.withdrawn_on)}.`);
  if (r.stay_id) throw new ConflictError('Deze cliënt is al geplaatst; de verwijzing is afgerond.');
  await ctx.db
    .updateTable('facility_referrals')
    .set({ withdrawn_on: input.datum, withdrawn_by: ctx.actor.userId })
    .where('id', '=', id)
    .execute();
  await audit(ctx, { clientId: r.client_id, action: 'wijzigen', resource: 'verwijzing', detail: 'ingetrokken' });
  return referralDto(ctx, id);
}

/** Every referral of one client (dossier), newest first, and whether the client can be referred now. */
export async function clientReferrals(
  ctx: Ctx,
  clientId: string,
): Promise<{ resultaten: Verwijzing[]; mogelijkheden: { verwijzen: boolean } }> {
  authorize(ctx, 'verwijzingen.zien');
  await assertClientVisible(ctx, clientId);
  const rows = await referrals(ctx.db, ctx.actor.tenantId)
    .where('r.client_id', '=', clientId)
    .orderBy('r.referred_on', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute();
  await audit(ctx, { clientId, action: 'lezen', resource: 'verwijzingen' });
  const open = rows.some((r) => !r.withdrawn_on && !r.stay_id);
  const verwijzen =
    can(ctx.actor, 'verwijzingen.aanmaken') &&
    !open &&
    (await isAdmitted(ctx.db, ctx.actor.tenantId, clientId)) &&
    !(await ctx.db
      .selectFrom('stays')
      .select('id')
      .where('client_id', '=', clientId)
      .where('ended_on', 'is', null)
      .executeTakeFirst());
  return { resultaten: rows.map((r) => toVerwijzing(ctx.actor, r)), mogelijkheden: { verwijzen } };
}

/** "Verwezen naar onze locatie": the open referrals to one facility, oldest first. Each client shown is logged. */
export async function facilityReferrals(ctx: Ctx, facilityId: string): Promise<{ resultaten: Verwijzing[] }> {
  authorize(ctx, 'verwijzingen.locatieZien');
  const f = await ctx.db
    .selectFrom('facilities')
    .select('id')
    .where('id', '=', facilityId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!f || !can(ctx.actor, 'verwijzingen.locatieZien', { facilityId: f.id }))
    throw new NotFoundError('Locatie niet gevonden.');
  const rows = await referrals(ctx.db, ctx.actor.tenantId)
    .where('r.facility_id', '=', facilityId)
    .where('r.withdrawn_on', 'is', null)
    .where('r.stay_id', 'is', null)
    .where('c.merged_into', 'is', null)
    .orderBy('r.referred_on')
    .orderBy('r.created_at')
    .execute();
  await auditPersons(
    ctx,
    rows.map((r) => r.client_id),
    { action: 'lezen', resource: 'verwijzingen-locatie' },
  );
  return { resultaten: rows.map((r) => toVerwijzing(ctx.actor, r)) };
}

/** After a placement: the client's open referral is done (whichever facility it named), so nobody places twice. */
export async function closeReferralOnPlacement(ctx: Ctx, clientId: string, stayId: string): Promise<void> {
  await ctx.db
    .updateTable('facility_referrals')
    .set({ stay_id: stayId })
    .where('client_id', '=', clientId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('withdrawn_on', 'is', null)
    .where('stay_id', 'is', null)
    .execute();
}
