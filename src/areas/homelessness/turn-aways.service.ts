// Issue 20: the register of requests that found no place (vol, past niet bij het huishouden, regiobinding,
// afgewezen, doorverwezen), with where the person went. A refusal or referral of the toegang (access_decisions) is
// shown from the decision itself; recording where that person went links a row to the decision (no copy).
import { checkPastDate } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, isIsoDate, todayInNl } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { labelOf, TURN_AWAY_REASONS, WENT_TO } from './homelessness.dto.js';

export interface NewTurnAway {
  datum?: string | null;
  clientId?: string | null;
  toegangsbesluitId?: string | null;
  locatieId?: string | null;
  reden?: string | null;
  waarNaartoe?: string | null;
  huishoudgrootte?: number | null;
  toelichting?: string | null;
}

const reasonOfOutcome = (outcome: string) => (outcome === 'afwijzing' ? 'afgewezen' : 'doorverwezen');

export async function recordTurnAway(ctx: Ctx, input: NewTurnAway) {
  authorize(ctx, 'afgewezen.vastleggen');
  const p = new Problems();
  let decision: { id: string; outcome: string; decided_on: string; client_id: string } | undefined;
  if (input.toegangsbesluitId) {
    decision = await ctx.db
      .selectFrom('access_decisions as d')
      .innerJoin('registrations as r', 'r.id', 'd.registration_id')
      .select(['d.id', 'd.outcome', 'd.decided_on', 'r.client_id'])
      .where('d.id', '=', input.toegangsbesluitId)
      .where('d.tenant_id', '=', ctx.actor.tenantId)
      .executeTakeFirst();
    if (!decision) throw new NotFoundError('Dit toegangsbesluit bestaat niet.');
    if (decision.outcome === 'toegang')
      throw new ConflictError('Dit besluit gaf toegang: dat is geen afgewezen verzoek.');
    if (!input.waarNaartoe) p.add('waarNaartoe', 'required', 'Kies waar de persoon naartoe ging.');
  } else {
    checkPastDate(p, ctx, 'datum', input.datum ?? undefined);
    if (!input.reden) p.add('reden', 'required', 'Kies een reden.');
  }
  const hh = input.huishoudgrootte ?? 1;
  if (!Number.isInteger(hh) || hh < 1 || hh > 20) p.add('huishoudgrootte', 'range', 'Huishoudgrootte: 1 tot 20.');
  if (input.locatieId) {
    const f = await ctx.db
      .selectFrom('facilities')
      .select('id')
      .where('id', '=', input.locatieId)
      .where('tenant_id', '=', ctx.actor.tenantId)
      .executeTakeFirst();
    if (!f) p.add('locatieId', 'unknown', 'Deze locatie bestaat niet in uw regio.');
    else if (!can(ctx.actor, 'afgewezen.vastleggen', { facilityId: input.locatieId }))
      p.add('locatieId', 'own', 'U legt alleen afgewezen verzoeken van uw eigen locatie vast.');
  }
  p.throwIfAny();
  const clientId = decision?.client_id ?? input.clientId ?? null;
  if (clientId && !decision) await assertClientVisible(ctx, clientId);
  if (decision) {
    const linked = await ctx.db
      .selectFrom('turn_aways')
      .select('id')
      .where('access_decision_id', '=', decision.id)
      .executeTakeFirst();
    if (linked) throw new ConflictError('Bij dit besluit is al vastgelegd waar de persoon heen ging.');
  }
  const row = await ctx.db
    .insertInto('turn_aways')
    .values({
      tenant_id: ctx.actor.tenantId,
      requested_on: decision?.decided_on ?? input.datum!,
      client_id: clientId,
      access_decision_id: decision?.id ?? null,
      facility_id: input.locatieId ?? ctx.actor.facilityId ?? null,
      reason: decision ? reasonOfOutcome(decision.outcome) : input.reden!,
      went_to: input.waarNaartoe ?? null,
      household_size: hh,
      notes: input.toelichting?.trim() || null,
      recorded_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId, action: 'aanmaken', resource: 'afgewezen-verzoek', detail: row.id });
  return oneTurnAway(ctx, row.id);
}

export async function updateTurnAway(
  ctx: Ctx,
  id: string,
  input: { waarNaartoe: string; toelichting?: string | null },
) {
  authorize(ctx, 'afgewezen.vastleggen');
  const row = await ctx.db
    .selectFrom('turn_aways')
    .select(['id', 'client_id', 'facility_id'])
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!row || !can(ctx.actor, 'afgewezen.vastleggen', { facilityId: row.facility_id }))
    throw new NotFoundError('Dit afgewezen verzoek bestaat niet.');
  await ctx.db
    .updateTable('turn_aways')
    .set({
      went_to: input.waarNaartoe,
      ...(input.toelichting !== undefined ? { notes: input.toelichting?.trim() || null } : {}),
    })
    .where('id', '=', id)
    .execute();
  await audit(ctx, { clientId: row.client_id, action: 'wijzigen', resource: 'afgewezen-verzoek', detail: id });
  return oneTurnAway(ctx, id);
}

function registerRows(ctx: Ctx) {
  return ctx.db
    .selectFrom('turn_aways as t')
    .leftJoin('clients as c', 'c.id', 't.client_id')
    .leftJoin('facilities as f', 'f.id', 't.facility_id')
    .select([
      't.id',
      't.access_decision_id',
      't.requested_on',
      't.client_id',
      'c.first_name',
      'c.last_name',
      't.facility_id',
      'f.name as facility_name',
      't.reason',
      't.went_to',
      't.household_size',
      't.notes',
    ])
    .where('t.tenant_id', '=', ctx.actor.tenantId);
}
type RegisterRow = Awaited<ReturnType<ReturnType<typeof registerRows>['execute']>>[number];
const toDto = (r: RegisterRow) => ({
  id: r.id,
  toegangsbesluitId: r.access_decision_id,
  datum: r.requested_on,
  clientId: r.client_id,
  naam: r.client_id ? `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim() : null,
  locatieId: r.facility_id,
  locatieNaam: r.facility_name,
  reden: r.reason,
  redenLabel: labelOf(TURN_AWAY_REASONS, r.reason),
  waarNaartoe: r.went_to,
  waarNaartoeLabel: r.went_to ? labelOf(WENT_TO, r.went_to) : null,
  huishoudgrootte: r.household_size,
  toelichting: r.notes,
  bron: (r.access_decision_id ? 'toegangsbesluit' : 'register') as 'register' | 'toegangsbesluit',
});

async function oneTurnAway(ctx: Ctx, id: string) {
  const r = await registerRows(ctx).where('t.id', '=', id).executeTakeFirstOrThrow();
  return toDto(r);
}

export async function listTurnAways(ctx: Ctx, q: { van?: string }) {
  authorize(ctx, 'afgewezen.zien');
  const van = q.van ?? addDays(todayInNl(ctx.now), -365);
  if (!isIsoDate(van)) new Problems().add('van', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).').throwIfAny();
  const own = await registerRows(ctx).where('t.requested_on', '>=', van).execute();
  const decisions = await ctx.db
    .selectFrom('access_decisions as d')
    .innerJoin('registrations as r', 'r.id', 'd.registration_id')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .leftJoin('turn_aways as t', 't.access_decision_id', 'd.id')
    .select(['d.id', 'd.outcome', 'd.decided_on', 'd.reason', 'r.client_id', 'c.first_name', 'c.last_name'])
    .where('d.tenant_id', '=', ctx.actor.tenantId)
    .where('d.outcome', 'in', ['afwijzing', 'doorverwijzing'])
    .where('d.decided_on', '>=', van)
    .where('t.id', 'is', null)
    .execute();
  const resultaten = [
    ...own.map(toDto),
    ...decisions.map((d) => ({
      id: null,
      toegangsbesluitId: d.id,
      datum: d.decided_on,
      clientId: d.client_id,
      naam: `${d.first_name} ${d.last_name}`,
      locatieId: null,
      locatieNaam: null,
      reden: reasonOfOutcome(d.outcome),
      redenLabel: labelOf(TURN_AWAY_REASONS, reasonOfOutcome(d.outcome)),
      waarNaartoe: null,
      waarNaartoeLabel: null,
      huishoudgrootte: 1,
      toelichting: d.reason,
      bron: 'toegangsbesluit' as const,
    })),
  ].sort(
    (a, b) =>
      b.datum.localeCompare(a.datum) ||
      (a.id ?? a.toegangsbesluitId ?? '').localeCompare(b.id ?? b.toegangsbesluitId ?? ''),
  );
  await auditPersons(
    ctx,
    resultaten.map((r) => r.clientId),
    { action: 'lezen', resource: 'afgewezen-verzoeken' },
  );
  return { resultaten };
}
