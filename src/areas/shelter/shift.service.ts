// Issue 16 — the shift view of a location (aankomsten en vertrekken, vrije kamers, signalen, journaal en incidenten,
// huisregels, dienstoverdracht) and the nightly presence check ("wie sliep hier"). Every person shown or written is
// logged (NEN 7513) in the caller's transaction.
import { sql } from 'kysely';
import { checkPastDate } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, daysBetween, isIsoDate, todayInNl } from '../../platform/validation.js';
import { tenantSettings } from '../../reference/tenant-settings.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { JOURNAL_KINDS, labelIn } from '../casework/casework-codes.js';
import { OPEN_ACTION_STATUSES } from '../perspective/life-domains.js';
import { isUnconfirmed, lastPresentNights } from './presence.js';
import type {
  Aanwezigheid,
  AanwezigheidRegel,
  Dienst,
  Dienstoverdracht,
  DienstSignaal,
  Maatregel,
} from './shift.dto.js';
import { toMaatregel } from './shift.dto.js';

/** How many nights back a presence check may still be recorded (after a weekend; older history is not rewritten). */
export const PRESENCE_MAX_NIGHTS_BACK = 7;

const name = (r: { first_name: string; last_name: string }) => `${r.first_name} ${r.last_name}`.trim();

/** An active facility of the tenant the actor may see for `action`; 404 otherwise (also for other tenants). */
async function facilityFor(
  ctx: Ctx,
  facilityId: string,
  action: 'dienst.zien' | 'aanwezigheid.zien' | 'aanwezigheid.bevestigen' | 'dienstoverdracht.schrijven',
) {
  authorize(ctx, action);
  const f = await ctx.db
    .selectFrom('facilities')
    .select(['id', 'name'])
    .where('id', '=', facilityId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!f || !can(ctx.actor, 'dienst.zien', { facilityId: f.id })) throw new NotFoundError('Locatie niet gevonden.');
  authorize(ctx, action, { facilityId: f.id });
  return f;
}

/** Stays at a facility that sleep the night starting on `night` (started on or before it, not ended by then). */
function staysOnNight(ctx: Ctx, facilityId: string, night: string) {
  return ctx.db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .innerJoin('clients', 'clients.id', 'stays.client_id')
    .select([
      'stays.id',
      'stays.client_id',
      'stays.trajectory_id',
      'stays.started_on',
      'stays.ended_on',
      'stays.household_size',
      'units.id as unit_id',
      'units.name as unit_name',
      'clients.first_name',
      'clients.last_name',
    ])
    .where('stays.tenant_id', '=', ctx.actor.tenantId)
    .where('units.facility_id', '=', facilityId)
    .where('stays.started_on', '<=', night)
    .where((eb) => eb.or([eb('stays.ended_on', 'is', null), eb('stays.ended_on', '>', night)]))
    .orderBy('units.name')
    .orderBy('clients.last_name');
}

// ---------------------------------------------------------------------------------------------------------------
// Presence check
// ---------------------------------------------------------------------------------------------------------------

/** GET /v1/locaties/{id}/aanwezigheid?nacht= — who sleeps here that night, and what was confirmed. */
export async function presenceList(ctx: Ctx, facilityId: string, night?: string): Promise<Aanwezigheid> {
  const f = await facilityFor(ctx, facilityId, 'aanwezigheid.zien');
  const today = todayInNl(ctx.now);
  const nacht = night ?? today;
  if (!isIsoDate(nacht)) new Problems().add('nacht', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).').throwIfAny();
  const stays = await staysOnNight(ctx, f.id, nacht).execute();
  const ids = stays.map((s) => s.id);
  const checks = ids.length
    ? await ctx.db
        .selectFrom('presence_checks')
        .select(['stay_id', 'present', 'confirmed_by_name', 'confirmed_at'])
        .where('stay_id', 'in', ids)
        .where('night', '=', nacht)
        .execute()
    : [];
  const byStay = new Map(checks.map((c) => [c.stay_id, c]));
  const last = await lastPresentNights(ctx.db, ids);
  const resultaten = stays.map((s): AanwezigheidRegel => {
    const c = byStay.get(s.id);
    const lastNight = last.get(s.id) ?? null;
    return {
      verblijfId: s.id,
      clientId: s.client_id,
      naam: name(s),
      eenheid: s.unit_name,
      sinds: s.started_on,
      aanwezig: c ? c.present : null,
      bevestigdDoor: c ? c.confirmed_by_name : null,
      bevestigdOp: c ? new Date(c.confirmed_at).toISOString() : null,
      laatstBevestigdeNacht: lastNight,
      onbevestigd: s.ended_on === null && isUnconfirmed(s.started_on, lastNight, today),
    };
  });
  await auditPersons(
    ctx,
    stays.map((s) => s.client_id),
    { action: 'lezen', resource: 'aanwezigheid', detail: `${f.name}, nacht ${nacht}` },
  );
  return {
    locatieId: f.id,
    nacht,
    resultaten,
    mogelijkheden: { bevestigen: can(ctx.actor, 'aanwezigheid.bevestigen', { facilityId: f.id }) },
  };
}

/**
 * POST /v1/locaties/{id}/aanwezigheid — staff confirm per stay whether the person slept here that night. Rules: the
 * night is not in the future and at most PRESENCE_MAX_NIGHTS_BACK nights back; every stay is one of this location
 * that sleeps that night; each stay once per request. A second answer for the same stay and night replaces the first.
 */
export async function confirmPresence(
  ctx: Ctx,
  facilityId: string,
  input: { nacht: string; verblijven: { verblijfId: string; aanwezig: boolean }[] },
): Promise<Aanwezigheid> {
  const f = await facilityFor(ctx, facilityId, 'aanwezigheid.bevestigen');
  const today = todayInNl(ctx.now);
  const p = new Problems();
  checkPastDate(
    p,
    ctx,
    'nacht',
    input.nacht,
    addDays(today, -PRESENCE_MAX_NIGHTS_BACK),
    `Bevestig een nacht van hoogstens ${PRESENCE_MAX_NIGHTS_BACK} dagen geleden.`,
  );
  if (!input.verblijven.length)
    p.add('verblijven', 'required', 'Geef voor minstens één bewoner aan of hij hier sliep.');
  p.throwIfAny();
  const stays = await staysOnNight(ctx, f.id, input.nacht).execute();
  const byId = new Map(stays.map((s) => [s.id, s]));
  const seen = new Set<string>();
  input.verblijven.forEach((v, i) => {
    if (!byId.has(v.verblijfId))
      p.add(
        `verblijven[${i}].verblijfId`,
        'unknown',
        'Dit verblijf hoort niet bij deze locatie of deze nacht. Ververs de lijst.',
      );
    else if (seen.has(v.verblijfId))
      p.add(`verblijven[${i}].verblijfId`, 'duplicate', 'Deze bewoner staat twee keer in de lijst.');
    seen.add(v.verblijfId);
  });
  p.throwIfAny();
  for (const v of input.verblijven) {
    await ctx.db
      .insertInto('presence_checks')
      .values({
        tenant_id: ctx.actor.tenantId,
        stay_id: v.verblijfId,
        night: input.nacht,
        present: v.aanwezig,
        confirmed_by: ctx.actor.userId,
        confirmed_by_name: ctx.actor.displayName,
        confirmed_at: ctx.now,
      })
      .onConflict((oc) =>
        oc.columns(['stay_id', 'night']).doUpdateSet({
          present: v.aanwezig,
          confirmed_by: ctx.actor.userId,
          confirmed_by_name: ctx.actor.displayName,
          confirmed_at: ctx.now,
        }),
      )
      .execute();
    await audit(ctx, {
      clientId: byId.get(v.verblijfId)!.client_id,
      action: 'wijzigen',
      resource: 'aanwezigheid',
      detail: `nacht ${input.nacht}: ${v.aanwezig ? 'aanwezig' : 'niet aanwezig'}`,
    });
  }
  return presenceList(ctx, f.id, input.nacht);
}

/** Per open stay of these: is it flagged "onbevestigd" today? (bed board and location list) */
export async function unconfirmedStays(
  ctx: Ctx,
  stays: readonly { id: string; started_on: string }[],
): Promise<{ flagged: Set<string>; last: Map<string, string> }> {
  const today = todayInNl(ctx.now);
  const last = await lastPresentNights(
    ctx.db,
    stays.map((s) => s.id),
  );
  return {
    flagged: new Set(stays.filter((s) => isUnconfirmed(s.started_on, last.get(s.id) ?? null, today)).map((s) => s.id)),
    last,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Handover notes between shifts
// ---------------------------------------------------------------------------------------------------------------

const toOverdracht = (r: { id: string; body: string; author_name: string; written_at: Date | string }) => ({
  id: r.id,
  tekst: r.body,
  auteur: r.author_name,
  geschrevenOp: new Date(r.written_at).toISOString(),
});

function notesSince(ctx: Ctx, facilityId: string, since: Date) {
  return ctx.db
    .selectFrom('shift_handover_notes')
    .select(['id', 'body', 'author_name', 'written_at'])
    .where('facility_id', '=', facilityId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('written_at', '>=', since)
    .orderBy('written_at', 'desc')
    .limit(100);
}

/** GET /v1/locaties/{id}/dienstoverdrachten — the notes of the last 7 days, newest first. */
export async function listHandoverNotes(ctx: Ctx, facilityId: string): Promise<{ resultaten: Dienstoverdracht[] }> {
  const f = await facilityFor(ctx, facilityId, 'dienst.zien');
  const rows = await notesSince(ctx, f.id, new Date(ctx.now.getTime() - 7 * 86_400_000)).execute();
  return { resultaten: rows.map(toOverdracht) };
}

/** POST /v1/locaties/{id}/dienstoverdrachten — a note to the next shift, with author and time. */
export async function addHandoverNote(
  ctx: Ctx,
  facilityId: string,
  input: { tekst: string },
): Promise<Dienstoverdracht> {
  const f = await facilityFor(ctx, facilityId, 'dienstoverdracht.schrijven');
  const tekst = input.tekst?.trim() ?? '';
  if (!tekst) new Problems().add('tekst', 'required', 'Schrijf wat de volgende dienst moet weten.').throwIfAny();
  const row = await ctx.db
    .insertInto('shift_handover_notes')
    .values({
      tenant_id: ctx.actor.tenantId,
      facility_id: f.id,
      body: tekst,
      author_id: ctx.actor.userId,
      author_name: ctx.actor.displayName,
      written_at: ctx.now,
    })
    .returning(['id', 'body', 'author_name', 'written_at'])
    .executeTakeFirstOrThrow();
  return toOverdracht(row);
}

// ---------------------------------------------------------------------------------------------------------------
// House rules: a warning or a schorsing on a stay
// ---------------------------------------------------------------------------------------------------------------

async function stayFor(ctx: Ctx, stayId: string, action: 'huisregels.lezen' | 'huisregels.vastleggen') {
  authorize(ctx, action);
  const s = await ctx.db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .select(['stays.id', 'stays.client_id', 'stays.started_on', 'stays.ended_on', 'units.facility_id'])
    .where('stays.id', '=', stayId)
    .where('stays.tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!s || !can(ctx.actor, 'huisregels.lezen', { facilityId: s.facility_id }))
    throw new NotFoundError('Verblijf niet gevonden.');
  authorize(ctx, action, { facilityId: s.facility_id });
  return s;
}

const measureColumns = [
  'stay_measures.id',
  'stay_measures.stay_id',
  'stay_measures.kind',
  'stay_measures.reason',
  'stay_measures.starts_on',
  'stay_measures.ends_on',
  'stay_measures.recorded_by_name',
  'stay_measures.recorded_at',
] as const;

/** GET /v1/plaatsingen/{id}/maatregelen */
export async function listMeasures(ctx: Ctx, stayId: string): Promise<{ resultaten: Maatregel[] }> {
  const s = await stayFor(ctx, stayId, 'huisregels.lezen');
  const rows = await ctx.db
    .selectFrom('stay_measures')
    .select(measureColumns)
    .where('stay_id', '=', s.id)
    .orderBy('starts_on', 'desc')
    .execute();
  await audit(ctx, { clientId: s.client_id, action: 'lezen', resource: 'huisregels' });
  return { resultaten: rows.map(toMaatregel) };
}

/**
 * POST /v1/plaatsingen/{id}/maatregelen — a house-rule warning (one date) or a schorsing (first and last day) with
 * its reason, on an open stay; the date lies within the stay and not in the future (a schorsing may run ahead).
 */
export async function addMeasure(
  ctx: Ctx,
  stayId: string,
  input: { soort: 'waarschuwing' | 'schorsing'; reden: string; van: string; tot?: string | null },
): Promise<Maatregel> {
  const s = await stayFor(ctx, stayId, 'huisregels.vastleggen');
  if (s.ended_on) throw new ConflictError('Dit verblijf is beëindigd: leg geen maatregel meer vast.');
  const p = new Problems();
  const reden = input.reden?.trim() ?? '';
  if (!reden) p.add('reden', 'required', 'Schrijf de reden op: welke huisregel, wat gebeurde er.');
  checkPastDate(p, ctx, 'van', input.van, s.started_on, 'De datum ligt vóór het begin van het verblijf.');
  if (input.soort === 'schorsing') {
    if (!input.tot || !isIsoDate(input.tot)) p.add('tot', 'required', 'Vul de laatste dag van de schorsing in.');
    else if (isIsoDate(input.van) && input.tot < input.van)
      p.add('tot', 'range', 'De laatste dag ligt vóór de eerste dag van de schorsing.');
    else if (isIsoDate(input.van) && daysBetween(input.van, input.tot) > 90)
      p.add('tot', 'range', 'Een schorsing duurt hoogstens 90 dagen.');
  } else if (input.tot) p.add('tot', 'forbidden', 'Een waarschuwing heeft geen einddatum.');
  p.throwIfAny();
  const row = await ctx.db
    .insertInto('stay_measures')
    .values({
      tenant_id: ctx.actor.tenantId,
      stay_id: s.id,
      kind: input.soort,
      reason: reden,
      starts_on: input.van,
      ends_on: input.soort === 'schorsing' ? (input.tot ?? null) : null,
      recorded_by: ctx.actor.userId,
      recorded_by_name: ctx.actor.displayName,
      recorded_at: ctx.now,
    })
    .returning(['id', 'stay_id', 'kind', 'reason', 'starts_on', 'ends_on', 'recorded_by_name', 'recorded_at'])
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: s.client_id, action: 'aanmaken', resource: 'huisregels', detail: input.soort });
  return toMaatregel(row);
}

/** Measures in force on `day` for these stays: schorsingen covering the day, warnings of the last 30 days. */
export async function measuresInForce(ctx: Ctx, stayIds: readonly string[], day: string) {
  if (!stayIds.length) return [];
  return ctx.db
    .selectFrom('stay_measures')
    .select(measureColumns)
    .where('stay_id', 'in', stayIds)
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'schorsing'), eb('starts_on', '<=', day), eb('ends_on', '>=', day)]),
        eb.and([eb('kind', '=', 'waarschuwing'), eb('starts_on', '<=', day), eb('starts_on', '>', addDays(day, -30))]),
      ]),
    )
    .orderBy('starts_on', 'desc')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// The shift view
// ---------------------------------------------------------------------------------------------------------------

/** GET /v1/locaties/{id}/dienst?datum= — what the shift needs to know about this location on this day. */
export async function shiftView(ctx: Ctx, facilityId: string, day?: string): Promise<Dienst> {
  const f = await facilityFor(ctx, facilityId, 'dienst.zien');
  const today = todayInNl(ctx.now);
  const datum = day ?? today;
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', datum);
  p.throwIfAny();
  const tenant = await ctx.db
    .selectFrom('tenants')
    .select('settings')
    .where('id', '=', ctx.actor.tenantId)
    .executeTakeFirstOrThrow();
  const settings = tenantSettings(tenant.settings);

  const [sleeping, arrivals, departures, units] = await Promise.all([
    staysOnNight(ctx, f.id, datum).execute(),
    staysAt(ctx, f.id).where('stays.started_on', '=', datum).execute(),
    staysAt(ctx, f.id).where('stays.ended_on', '=', datum).execute(),
    ctx.db
      .selectFrom('units')
      .select(['id', 'name', 'beds', 'is_reserve', 'max_households'])
      .where('facility_id', '=', f.id)
      .where('active', '=', true)
      .orderBy('is_reserve')
      .orderBy('name')
      .execute(),
  ]);
  const bewoner = (s: { id: string; client_id: string; first_name: string; last_name: string; unit_name: string }) => ({
    verblijfId: s.id,
    clientId: s.client_id,
    naam: name(s),
    eenheid: s.unit_name,
  });

  // a room is free when it has a free bed and room for one more household (capacity.ts checks the same per night)
  const used = new Map<string, number>();
  const households = new Map<string, number>();
  for (const s of sleeping) {
    used.set(s.unit_id, (used.get(s.unit_id) ?? 0) + s.household_size);
    households.set(s.unit_id, (households.get(s.unit_id) ?? 0) + 1);
  }
  const vrijeEenheden = units
    .filter((u) => (households.get(u.id) ?? 0) < u.max_households)
    .map((u) => ({
      id: u.id,
      naam: u.name,
      bedden: u.beds,
      vrij: u.beds - (used.get(u.id) ?? 0),
      reserve: u.is_reserve,
    }))
    .filter((u) => u.vrij > 0);

  // signals per resident: over the norm, no plan after the plan term, an overdue plan action, unconfirmed, suspended
  const trajectoryIds = [...new Set(sleeping.map((s) => s.trajectory_id).filter((t): t is string => !!t))];
  const [firstNights, plans, overdue, measures] = await Promise.all([
    trajectoryIds.length
      ? ctx.db
          .selectFrom('stays')
          .select('trajectory_id')
          .select((eb) => eb.fn.min('started_on').as('first'))
          .where('trajectory_id', 'in', trajectoryIds)
          .groupBy('trajectory_id')
          .execute()
      : [],
    trajectoryIds.length
      ? ctx.db
          .selectFrom('perspective_plans')
          .select('trajectory_id')
          .where('trajectory_id', 'in', trajectoryIds)
          .execute()
      : [],
    trajectoryIds.length
      ? ctx.db
          .selectFrom('plan_actions')
          .innerJoin('plan_goals', 'plan_goals.id', 'plan_actions.goal_id')
          .innerJoin('perspective_plans', 'perspective_plans.id', 'plan_goals.plan_id')
          .select(['perspective_plans.trajectory_id', sql<number>`count(*)::int`.as('n')])
          .where('perspective_plans.trajectory_id', 'in', trajectoryIds)
          .where('plan_actions.status', 'in', OPEN_ACTION_STATUSES)
          .where('plan_actions.due_on', '<', datum)
          .groupBy('perspective_plans.trajectory_id')
          .execute()
      : [],
    measuresInForce(
      ctx,
      sleeping.map((s) => s.id),
      datum,
    ),
  ]);
  const first = new Map(firstNights.map((r) => [r.trajectory_id as string, String(r.first)]));
  const withPlan = new Set(plans.map((r) => r.trajectory_id));
  const late = new Map(overdue.map((r) => [r.trajectory_id, r.n]));
  const open = sleeping.filter((s) => s.ended_on === null);
  const { flagged } = await unconfirmedStays(ctx, open);
  const suspended = new Set(measures.filter((m) => m.kind === 'schorsing').map((m) => m.stay_id));

  const signalen: DienstSignaal[] = [];
  for (const s of sleeping) {
    const start = (s.trajectory_id && first.get(s.trajectory_id)) || s.started_on;
    const days = daysBetween(start, datum);
    const list: DienstSignaal['signalen'] = [];
    if (days > settings.normDoorstroomDagen)
      list.push({ code: 'boven-norm', label: `Langer dan ${settings.normDoorstroomDagen} dagen in de opvang` });
    if (s.trajectory_id && !withPlan.has(s.trajectory_id) && days > settings.planTermijnDagen)
      list.push({ code: 'geen-plan', label: `Geen perspectiefplan na ${settings.planTermijnDagen} dagen` });
    const n = s.trajectory_id ? (late.get(s.trajectory_id) ?? 0) : 0;
    if (n > 0) list.push({ code: 'actie-te-laat', label: n === 1 ? '1 actie te laat' : `${n} acties te laat` });
    if (flagged.has(s.id)) list.push({ code: 'onbevestigd', label: 'Aanwezigheid 48 uur niet bevestigd' });
    if (suspended.has(s.id)) list.push({ code: 'geschorst', label: 'Geschorst' });
    if (list.length) signalen.push({ ...bewoner(s), dagenInOpvang: days, signalen: list });
  }

  // the day's journal at this location (entries written by its staff), incidents included; corrections replace
  const journalRows = await ctx.db
    .selectFrom('journal_entries')
    .innerJoin('clients', 'clients.id', 'journal_entries.client_id')
    .select([
      'journal_entries.id',
      'journal_entries.client_id',
      'journal_entries.occurred_at',
      'journal_entries.kind',
      'journal_entries.body',
      'journal_entries.author_name',
      'clients.first_name',
      'clients.last_name',
    ])
    .where('journal_entries.tenant_id', '=', ctx.actor.tenantId)
    .where('journal_entries.facility_id', '=', f.id)
    .where('journal_entries.superseded_by', 'is', null)
    .where('journal_entries.occurred_at', '>=', new Date(`${addDays(datum, -1)}T00:00:00Z`))
    .where('journal_entries.occurred_at', '<', new Date(`${addDays(datum, 1)}T23:59:59Z`))
    .orderBy('journal_entries.occurred_at', 'desc')
    .limit(500)
    .execute();
  const journaal = journalRows
    .filter((r) => todayInNl(new Date(r.occurred_at)) === datum)
    .map((r) => ({
      id: r.id,
      clientId: r.client_id,
      naam: name(r),
      tijdstip: new Date(r.occurred_at).toISOString(),
      soort: r.kind,
      soortLabel: labelIn(JOURNAL_KINDS, r.kind),
      tekst: r.body,
      auteur: r.author_name,
    }));

  const stayById = new Map(sleeping.map((s) => [s.id, s]));
  const maatregelen = measures.map((m) => {
    const s = stayById.get(m.stay_id)!;
    return { ...toMaatregel(m), clientId: s.client_id, naam: name(s) };
  });

  // notes of the day before and the day itself: what the previous shifts left for this one
  const notes = await notesSince(ctx, f.id, new Date(`${addDays(datum, -2)}T00:00:00Z`))
    .where('written_at', '<', new Date(`${addDays(datum, 1)}T23:59:59Z`))
    .execute();
  const overdrachten = notes
    .filter((n) => {
      const d = todayInNl(new Date(n.written_at));
      return d === datum || d === addDays(datum, -1);
    })
    .map(toOverdracht);

  await auditPersons(
    ctx,
    [...sleeping, ...arrivals, ...departures].map((s) => s.client_id).concat(journalRows.map((r) => r.client_id)),
    { action: 'lezen', resource: 'dienstoverzicht', detail: `${f.name}, ${datum}` },
  );
  return {
    locatie: { id: f.id, naam: f.name },
    datum,
    normDoorstroomDagen: settings.normDoorstroomDagen,
    aankomsten: arrivals.map((s) => ({ ...bewoner(s), sinds: s.started_on })),
    vertrekken: departures.map((s) => ({ ...bewoner(s), reden: s.end_reason })),
    vrijeEenheden,
    signalen,
    journaal,
    maatregelen,
    overdrachten,
    mogelijkheden: {
      overdrachtSchrijven: can(ctx.actor, 'dienstoverdracht.schrijven', { facilityId: f.id }),
      aanwezigheidBevestigen: can(ctx.actor, 'aanwezigheid.bevestigen', { facilityId: f.id }),
      maatregelVastleggen: can(ctx.actor, 'huisregels.vastleggen', { facilityId: f.id }),
    },
  };
}

function staysAt(ctx: Ctx, facilityId: string) {
  return ctx.db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .innerJoin('clients', 'clients.id', 'stays.client_id')
    .select([
      'stays.id',
      'stays.client_id',
      'stays.started_on',
      'stays.end_reason',
      'units.name as unit_name',
      'clients.first_name',
      'clients.last_name',
    ])
    .where('stays.tenant_id', '=', ctx.actor.tenantId)
    .where('units.facility_id', '=', facilityId)
    .orderBy('units.name');
}
