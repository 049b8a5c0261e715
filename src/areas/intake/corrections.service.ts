// Issue 12: correcting what was entered — person data, household, contact; an aanmelding and its screening; a
// toegangsbesluit. Every changed field leaves a row in `corrections` (old, new, reason, who, when) and an audit row,
// in the same transaction; the dossier shows the history, and a corrected besluit shows what it was before.

import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems, ValidationError } from '../../platform/errors.js';
import { addDays } from '../../platform/validation.js';
import { DECISION_OUTCOMES, REGISTRATION_SOURCES } from '../../reference/reference.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { refreshFigureFacts } from '../reporting/figure-facts.js';
import { getClientFile, validateNewClient } from './clients.service.js';
import { getRegistration, OBJECTION_DAYS } from './registrations.service.js';

export type CorrectionEntity = 'client' | 'huishoudlid' | 'aanmelding' | 'besluit';
type Value = string | null | undefined;

interface Change {
  entity: CorrectionEntity;
  entityId: string;
  field: string;
  old: Value;
  new: Value;
}

const trimOrNull = (s: Value) => (s?.trim() ? s.trim() : null);

function requireReason(p: Problems, reden: Value) {
  if (!trimOrNull(reden)) p.add('reden', 'required', 'Vermeld waarom dit wordt gecorrigeerd.');
}

/** Writes the history rows of the changes that really change something; returns them. */
async function recordCorrections(ctx: Ctx, clientId: string, reason: string, changes: Change[]) {
  const real = changes.filter((c) => (c.old ?? null) !== (c.new ?? null));
  if (real.length)
    await ctx.db
      .insertInto('corrections')
      .values(
        real.map((c) => ({
          tenant_id: ctx.actor.tenantId,
          client_id: clientId,
          entity: c.entity,
          entity_id: c.entityId,
          field: c.field,
          old_value: c.old ?? null,
          new_value: c.new ?? null,
          reason,
          corrected_by: ctx.actor.userId,
        })),
      )
      .execute();
  return real;
}

export interface ClientCorrection {
  reden: string;
  voornaam?: string;
  achternaam?: string;
  geboortedatum?: string | null;
  bsn?: string | null;
  herkomstGemeentecode?: string | null;
  herkomst?: string | null;
  aanleiding?: string | null;
  telefoon?: string | null;
  email?: string | null;
  /** The whole household as it should be: members with an id are kept (and changed), without one added, missing ones removed. */
  huishoudleden?: { id?: string | null; naam: string; geboortedatum?: string | null; relatie: string }[];
}

/** Corrects person data, contact and household of a client (PATCH /v1/clienten/{id}). */
export async function correctClient(ctx: Ctx, clientId: string, input: ClientCorrection) {
  authorize(ctx, 'clienten.corrigeren');
  await assertClientVisible(ctx, clientId);
  const c = await ctx.db.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirstOrThrow();
  const household = await ctx.db
    .selectFrom('household_members')
    .selectAll()
    .where('client_id', '=', clientId)
    .execute();
  const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
  const merged = {
    voornaam: pick(input.voornaam, c.first_name),
    achternaam: pick(input.achternaam, c.last_name),
    geboortedatum: pick(input.geboortedatum, c.birth_date),
    bsn: pick(input.bsn, c.bsn),
    herkomstGemeentecode: pick(input.herkomstGemeentecode, c.origin_municipality_code),
    // a new municipality code without a label takes the municipality's name
    herkomst: input.herkomst !== undefined ? input.herkomst : input.herkomstGemeentecode ? null : c.origin_label,
    aanleiding: pick(input.aanleiding, c.cause),
    telefoon: pick(input.telefoon, c.phone),
    email: pick(input.email, c.email),
    huishoudleden: input.huishoudleden ?? [],
  };
  // validateNewClient checks every rule of registration again (elfproef, dates, codes) and reports all at once,
  // together with a missing reason and unknown household ids.
  const p = new Problems();
  requireReason(p, input.reden);
  const known = new Set(household.map((h) => h.id));
  (input.huishoudleden ?? []).forEach((m, i) => {
    if (m.id && !known.has(m.id)) p.add(`huishoudleden[${i}].id`, 'unknown', 'Onbekend huishoudlid.');
  });
  let v: Awaited<ReturnType<typeof validateNewClient>>;
  try {
    v = await validateNewClient(ctx, merged);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    p.list.push(...(e.invalidParams ?? []));
    p.throwIfAny();
    throw e;
  }
  p.throwIfAny();
  if (v.bsn && v.bsn !== c.bsn) {
    const same = await ctx.db
      .selectFrom('clients')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('bsn', '=', v.bsn)
      .where('merged_into', 'is', null)
      .where('id', '!=', clientId)
      .executeTakeFirst();
    if (same) throw new ConflictError('Er bestaat al een andere cliënt met dit BSN. Voeg de dossiers samen.');
  }
  const next = {
    first_name: merged.voornaam.trim(),
    last_name: merged.achternaam.trim(),
    birth_date: v.birth,
    bsn: v.bsn,
    origin_municipality_code: v.code,
    origin_label: v.originLabel,
    cause: v.cause,
    phone: trimOrNull(merged.telefoon),
    email: v.email,
  };
  const fields: [string, keyof typeof next][] = [
    ['voornaam', 'first_name'],
    ['achternaam', 'last_name'],
    ['geboortedatum', 'birth_date'],
    ['bsn', 'bsn'],
    ['herkomstGemeentecode', 'origin_municipality_code'],
    ['herkomst', 'origin_label'],
    ['aanleiding', 'cause'],
    ['telefoon', 'phone'],
    ['email', 'email'],
  ];
  const changes: Change[] = fields.map(([api, col]) => ({
    entity: 'client',
    entityId: clientId,
    field: api,
    old: c[col],
    new: next[col],
  }));
  if (input.huishoudleden) {
    const wanted = input.huishoudleden;
    for (const h of household) {
      const w = wanted.find((m) => m.id === h.id);
      if (!w) {
        changes.push({ entity: 'huishoudlid', entityId: h.id, field: 'verwijderd', old: h.name, new: null });
        await ctx.db.deleteFrom('household_members').where('id', '=', h.id).execute();
        continue;
      }
      const upd = { name: w.naam.trim(), birth_date: trimOrNull(w.geboortedatum), relation: w.relatie };
      changes.push(
        { entity: 'huishoudlid', entityId: h.id, field: 'naam', old: h.name, new: upd.name },
        { entity: 'huishoudlid', entityId: h.id, field: 'geboortedatum', old: h.birth_date, new: upd.birth_date },
        { entity: 'huishoudlid', entityId: h.id, field: 'relatie', old: h.relation, new: upd.relation },
      );
      await ctx.db.updateTable('household_members').set(upd).where('id', '=', h.id).execute();
    }
    for (const w of wanted.filter((m) => !m.id)) {
      const row = await ctx.db
        .insertInto('household_members')
        .values({
          client_id: clientId,
          name: w.naam.trim(),
          birth_date: trimOrNull(w.geboortedatum),
          relation: w.relatie,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      changes.push({ entity: 'huishoudlid', entityId: row.id, field: 'toegevoegd', old: null, new: w.naam.trim() });
    }
  }
  const real = await recordCorrections(ctx, clientId, input.reden.trim(), changes);
  if (real.some((r) => r.entity === 'client'))
    await ctx.db
      .updateTable('clients')
      .set({ ...next, updated_at: ctx.now })
      .where('id', '=', clientId)
      .execute();
  await audit(ctx, {
    clientId,
    action: 'wijzigen',
    resource: 'correctie',
    detail: real.length ? real.map((r) => `${r.entity}.${r.field}`).join(', ') : 'geen wijziging',
  });
  return getClientFile(ctx, clientId);
}

export interface RegistrationCorrection {
  reden: string;
  datum?: string;
  bron?: string;
  toelichting?: string | null;
  screeningDatum?: string | null;
  screening?: string | null;
}

/** Corrects an aanmelding and its screening (PATCH /v1/aanmeldingen/{id}). */
export async function correctRegistration(ctx: Ctx, id: string, input: RegistrationCorrection) {
  authorize(ctx, 'aanmeldingen.corrigeren');
  const r = await ctx.db
    .selectFrom('registrations')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError('Aanmelding niet gevonden.');
  await assertClientVisible(ctx, r.client_id);
  const d = await ctx.db
    .selectFrom('access_decisions')
    .selectAll()
    .where('registration_id', '=', id)
    .executeTakeFirst();
  const p = new Problems();
  requireReason(p, input.reden);
  const datum = input.datum ?? r.registered_on;
  checkPastDate(p, ctx, 'datum', datum);
  if (d && datum > d.decided_on)
    p.add('datum', 'range', `De aanmelding ligt na het besluit (${datumTekst(d.decided_on)}).`);
  if (input.bron !== undefined && !REGISTRATION_SOURCES.some((s) => s.code === input.bron))
    p.add('bron', 'enum', 'Kies een geldige bron van de aanmelding.');
  const screeningDatum = input.screeningDatum !== undefined ? trimOrNull(input.screeningDatum) : r.screened_on;
  const screening = input.screening !== undefined ? trimOrNull(input.screening) : r.screening;
  if (screeningDatum) checkPastDate(p, ctx, 'screeningDatum', screeningDatum, datum);
  if (r.screened_on && (!screeningDatum || !screening))
    p.add(
      screening ? 'screeningDatum' : 'screening',
      'required',
      'Een vastgelegde screening houdt een datum en bevindingen.',
    );
  if (!r.screened_on && (screeningDatum || screening))
    p.add('screening', 'state', 'Leg een screening vast met "Screening vastleggen", niet als correctie.');
  p.throwIfAny();
  const next = {
    registered_on: datum,
    source: input.bron ?? r.source,
    notes: input.toelichting !== undefined ? trimOrNull(input.toelichting) : r.notes,
    screened_on: screeningDatum,
    screening,
  };
  const real = await recordCorrections(ctx, r.client_id, input.reden.trim(), [
    { entity: 'aanmelding', entityId: id, field: 'datum', old: r.registered_on, new: next.registered_on },
    { entity: 'aanmelding', entityId: id, field: 'bron', old: r.source, new: next.source },
    { entity: 'aanmelding', entityId: id, field: 'toelichting', old: r.notes, new: next.notes },
    { entity: 'aanmelding', entityId: id, field: 'screeningDatum', old: r.screened_on, new: next.screened_on },
    { entity: 'aanmelding', entityId: id, field: 'screening', old: r.screening, new: next.screening },
  ]);
  if (real.length) await ctx.db.updateTable('registrations').set(next).where('id', '=', id).execute();
  if (real.length) await refreshFigureFacts(ctx.db, { registrationIds: [id] });
  await audit(ctx, {
    clientId: r.client_id,
    action: 'wijzigen',
    resource: 'correctie-aanmelding',
    detail: real.map((x) => x.field).join(', ') || 'geen wijziging',
  });
  return getRegistration(ctx, id);
}

export interface DecisionCorrection {
  reden: string;
  uitkomst?: string;
  datum?: string;
  motivering?: string | null;
}

/**
 * Corrects a toegangsbesluit (PATCH /v1/toegangsbesluiten/{id}): outcome, date or its reasons. The earlier content
 * stays in the history and the besluit shows it. From 'toegang' to another outcome only while the trajectory it
 * started has no stay yet (the trajectory is then ended on its start date without destination: nothing happened).
 */
export async function correctDecision(ctx: Ctx, decisionId: string, input: DecisionCorrection) {
  authorize(ctx, 'besluiten.corrigeren');
  const d = await ctx.db
    .selectFrom('access_decisions')
    .innerJoin('registrations', 'registrations.id', 'access_decisions.registration_id')
    .selectAll('access_decisions')
    .select(['registrations.client_id', 'registrations.registered_on'])
    .where('access_decisions.id', '=', decisionId)
    .where('access_decisions.tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!d) throw new NotFoundError('Besluit niet gevonden.');
  await assertClientVisible(ctx, d.client_id);
  const p = new Problems();
  requireReason(p, input.reden);
  const outcome = input.uitkomst ?? d.outcome;
  if (!DECISION_OUTCOMES.some((o) => o.code === outcome))
    p.add('uitkomst', 'enum', 'Kies toegang, doorverwijzing of afwijzing.');
  const datum = input.datum ?? d.decided_on;
  checkPastDate(p, ctx, 'datum', datum, d.registered_on);
  const motivering = input.motivering !== undefined ? trimOrNull(input.motivering) : d.reason;
  if (outcome !== 'toegang' && !motivering)
    p.add('motivering', 'required', 'Een afwijzing of doorverwijzing moet een motivering hebben.');
  p.throwIfAny();
  const handover = await ctx.db
    .selectFrom('handovers')
    .select('status')
    .where('decision_id', '=', decisionId)
    .executeTakeFirst();
  if (handover && outcome !== d.outcome)
    throw new ConflictError('Dit besluit heeft een warme overdracht; de uitkomst kan niet meer worden gecorrigeerd.');
  const started = await ctx.db
    .selectFrom('trajectories')
    .select(['id', 'started_on', 'ended_on'])
    .where('registration_id', '=', d.registration_id)
    .executeTakeFirst();
  if (d.outcome === 'toegang' && outcome !== 'toegang' && started) {
    const stay = await ctx.db
      .selectFrom('stays')
      .select('id')
      .where('trajectory_id', '=', started.id)
      .executeTakeFirst();
    if (stay || started.ended_on)
      throw new ConflictError(
        'Op grond van dit besluit is de cliënt al geplaatst of uitgestroomd; de uitkomst kan daarom niet meer veranderen. Beëindig het traject (uitstroom registreren) in plaats van het besluit te corrigeren. De motivering en de datum kunt u wel corrigeren.',
      );
    await ctx.db.deleteFrom('trajectories').where('id', '=', started.id).execute();
  }
  // The date of a besluit that started a trajectory may move, but never past what happened on its ground: the first
  // placement (a bed for the night during screening may lie before the besluit) or the exit.
  if (outcome === 'toegang' && d.outcome === 'toegang' && started && datum !== d.decided_on) {
    const first = await ctx.db
      .selectFrom('stays')
      .select((eb) => eb.fn.min('started_on').as('first'))
      .where('trajectory_id', '=', started.id)
      .where('short_stay', '=', false)
      .executeTakeFirst();
    const placed = (first?.first as string | null | undefined) ?? null;
    if (placed && datum > placed)
      throw new ConflictError(
        `Op grond van dit besluit is de cliënt op ${datumTekst(placed)} geplaatst; de besluitdatum kan niet later liggen. Kies een datum op of vóór ${datumTekst(placed)}, of corrigeer eerst de plaatsingsdatum bij het verblijf.`,
      );
    if (started.ended_on && datum > started.ended_on)
      throw new ConflictError(
        `Het traject van dit besluit is op ${datumTekst(started.ended_on)} beëindigd; de besluitdatum kan niet later liggen. Corrigeer eerst de uitstroomdatum.`,
      );
    // the trajectory this besluit started begins on the besluit's date
    if (started.started_on === d.decided_on)
      await ctx.db.updateTable('trajectories').set({ started_on: datum }).where('id', '=', started.id).execute();
  }
  if (d.outcome !== 'toegang' && outcome === 'toegang' && !started) {
    const open = await ctx.db
      .selectFrom('trajectories')
      .select('id')
      .where('client_id', '=', d.client_id)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    if (!open)
      await ctx.db
        .insertInto('trajectories')
        .values({
          tenant_id: ctx.actor.tenantId,
          client_id: d.client_id,
          registration_id: d.registration_id,
          started_on: datum,
          case_manager_id: ctx.actor.userId,
        })
        .execute();
  }
  if (outcome !== d.outcome) await refreshFigureFacts(ctx.db, { registrationIds: [d.registration_id] });
  const real = await recordCorrections(ctx, d.client_id, input.reden.trim(), [
    { entity: 'besluit', entityId: decisionId, field: 'uitkomst', old: d.outcome, new: outcome },
    { entity: 'besluit', entityId: decisionId, field: 'datum', old: d.decided_on, new: datum },
    { entity: 'besluit', entityId: decisionId, field: 'motivering', old: d.reason, new: motivering },
  ]);
  if (real.length)
    await ctx.db
      .updateTable('access_decisions')
      .set({
        outcome,
        decided_on: datum,
        reason: motivering,
        objection_deadline: addDays(datum, OBJECTION_DAYS),
        emergency_shelter: outcome === 'toegang',
      })
      .where('id', '=', decisionId)
      .execute();
  await audit(ctx, {
    clientId: d.client_id,
    action: 'besluiten',
    resource: 'correctie-besluit',
    detail: real.map((x) => x.field).join(', ') || 'geen wijziging',
  });
  const { besluit } = await getRegistration(ctx, d.registration_id);
  if (!besluit) throw new Error('Het besluit is niet gevonden.');
  return besluit;
}
