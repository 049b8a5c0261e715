// Appointments (afspraken) per client: date, time, with whom, where. Shown on the worklist and in the client's own view.
import type { z } from '@hono/zod-openapi';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, isIsoDate, todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import type { Afspraak, AfspraakWijziging } from './appointments.dto.js';

export interface AppointmentInput {
  datum: string;
  tijd: string;
  metWie: string;
  waar: string;
  onderwerp?: string | null;
}

type Row = {
  id: string;
  client_id: string;
  starts_on: string;
  starts_at: string;
  with_whom: string;
  location: string;
  subject: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
};
type Change = {
  appointment_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
  changed_by_name: string;
  changed_at: Date;
};
type Field = z.infer<typeof AfspraakWijziging>['veld'];

function dto(ctx: Ctx, r: Row, today: string, changes: readonly Change[] = []): z.infer<typeof Afspraak> {
  const past = r.starts_on < today;
  const manage = can(ctx.actor, 'afspraken.beheren');
  const open = manage && !past && r.cancelled_at === null;
  return {
    id: r.id,
    clientId: r.client_id,
    datum: r.starts_on,
    tijd: r.starts_at,
    metWie: r.with_whom,
    waar: r.location,
    onderwerp: r.subject,
    geannuleerd: r.cancelled_at !== null,
    annuleringsreden: r.cancel_reason,
    voorbij: past,
    // the client sees the appointment as it is now; the history with its reasons is for staff
    geschiedenis: manage
      ? changes
          .filter((c) => c.appointment_id === r.id)
          .map((c) => ({
            tijdstip: new Date(c.changed_at).toISOString(),
            veld: c.field as Field,
            oud: c.old_value,
            nieuw: c.new_value,
            reden: c.reason,
            door: c.changed_by_name,
          }))
      : [],
    mogelijkheden: { wijzigen: open, annuleren: open },
  };
}

const columns = [
  'id',
  'client_id',
  'starts_on',
  'starts_at',
  'with_whom',
  'location',
  'subject',
  'cancelled_at',
  'cancel_reason',
] as const;

async function changesOf(ctx: Ctx, appointmentIds: readonly string[]): Promise<Change[]> {
  if (!appointmentIds.length) return [];
  return ctx.db
    .selectFrom('appointment_changes')
    .select(['appointment_id', 'field', 'old_value', 'new_value', 'reason', 'changed_by_name', 'changed_at'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('appointment_id', 'in', appointmentIds)
    .orderBy('changed_at')
    .execute()
    .then((rows) =>
      // one change touches several fields at the same moment: show them in the order of the form
      rows.sort(
        (a, b) =>
          new Date(a.changed_at).getTime() - new Date(b.changed_at).getTime() ||
          FIELD_ORDER.indexOf(a.field as Field) - FIELD_ORDER.indexOf(b.field as Field),
      ),
    );
}
const FIELD_ORDER: readonly Field[] = ['datum', 'tijd', 'metWie', 'waar', 'onderwerp', 'geannuleerd'];

/** Appointments of these clients (already visible to the actor) from `from` to `to` (inclusive), not cancelled. */
export async function appointmentsOf(ctx: Ctx, clientIds: readonly string[], from: string, to: string) {
  if (!clientIds.length) return [];
  return ctx.db
    .selectFrom('appointments')
    .select(columns)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('client_id', 'in', clientIds)
    .where('starts_on', '>=', from)
    .where('starts_on', '<=', to)
    .where('cancelled_at', 'is', null)
    .orderBy('starts_on')
    .orderBy('starts_at')
    .execute();
}

/** GET /v1/clienten/{id}/afspraken: upcoming first (earliest first), then earlier ones (latest first). */
export async function listAppointments(ctx: Ctx, clientId: string) {
  authorize(ctx, 'afspraken.lezen');
  await assertClientVisible(ctx, clientId);
  const today = todayInNl(ctx.now);
  const rows = await ctx.db
    .selectFrom('appointments')
    .select(columns)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('client_id', '=', clientId)
    .orderBy('starts_on')
    .orderBy('starts_at')
    .limit(500)
    .execute();
  const upcoming = rows.filter((r) => r.starts_on >= today);
  const earlier = rows.filter((r) => r.starts_on < today).reverse();
  const changes = can(ctx.actor, 'afspraken.beheren')
    ? await changesOf(
        ctx,
        rows.map((r) => r.id),
      )
    : [];
  await audit(ctx, { clientId, action: 'lezen', resource: 'afspraken' });
  return {
    resultaten: [...upcoming, ...earlier].map((r) => dto(ctx, r, today, changes)),
    mogelijkheden: { toevoegen: can(ctx.actor, 'afspraken.beheren') },
  };
}

/** POST /v1/clienten/{id}/afspraken */
export async function addAppointment(ctx: Ctx, clientId: string, input: AppointmentInput) {
  authorize(ctx, 'afspraken.beheren');
  await assertClientVisible(ctx, clientId);
  const today = todayInNl(ctx.now);
  const { withWhom, where } = checkAppointment(input, today, new Problems()).throwIfAny();
  const row = await ctx.db
    .insertInto('appointments')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: clientId,
      starts_on: input.datum,
      starts_at: input.tijd,
      with_whom: withWhom,
      location: where,
      subject: input.onderwerp?.trim() || null,
      created_by: ctx.actor.userId,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId, action: 'aanmaken', resource: 'afspraak', detail: `${input.datum} ${input.tijd}` });
  return dto(ctx, row, today);
}

function checkAppointment(input: AppointmentInput, today: string, p: Problems) {
  if (!isIsoDate(input.datum)) p.add('datum', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
  else if (input.datum < today) p.add('datum', 'past', 'Een afspraak ligt vandaag of later.');
  else if (input.datum > addDays(today, 366)) p.add('datum', 'range', 'Een afspraak ligt binnen een jaar.');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.tijd ?? ''))
    p.add('tijd', 'time', 'Vul een tijd in als UU:MM, bijvoorbeeld 14:30.');
  const withWhom = (input.metWie ?? '').trim();
  const where = (input.waar ?? '').trim();
  if (!withWhom) p.add('metWie', 'required', 'Vul in met wie de afspraak is.');
  else if (withWhom.length > 200) p.add('metWie', 'maxLength', 'Ten hoogste 200 tekens.');
  if (!where) p.add('waar', 'required', 'Vul in waar de afspraak is.');
  else if (where.length > 200) p.add('waar', 'maxLength', 'Ten hoogste 200 tekens.');
  if ((input.onderwerp ?? '').length > 1000) p.add('onderwerp', 'maxLength', 'Ten hoogste 1000 tekens.');
  return {
    withWhom,
    where,
    throwIfAny: () => {
      p.throwIfAny();
      return { withWhom, where };
    },
  };
}

/** An appointment of the tenant that the actor may change: upcoming and not cancelled (else 409). */
async function changeable(ctx: Ctx, id: string) {
  const r = await ctx.db
    .selectFrom('appointments')
    .select(columns)
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw new NotFoundError('Afspraak niet gevonden.');
  await assertClientVisible(ctx, r.client_id);
  const today = todayInNl(ctx.now);
  if (r.cancelled_at) throw new ConflictError('Deze afspraak is geannuleerd; maak een nieuwe afspraak.');
  if (r.starts_on < today)
    throw new ConflictError('Een afspraak die voorbij is, kan niet meer worden gewijzigd of geannuleerd.');
  return { r, today };
}

async function recordChanges(
  ctx: Ctx,
  r: Row,
  reason: string | null,
  changes: { field: Field; old: string | null; new: string | null }[],
) {
  const real = changes.filter((c) => c.old !== c.new);
  if (real.length)
    await ctx.db
      .insertInto('appointment_changes')
      .values(
        real.map((c) => ({
          tenant_id: ctx.actor.tenantId,
          appointment_id: r.id,
          client_id: r.client_id,
          field: c.field,
          old_value: c.old,
          new_value: c.new,
          reason,
          changed_by: ctx.actor.userId,
          changed_by_name: ctx.actor.displayName,
          changed_at: ctx.now,
        })),
      )
      .execute();
  return real;
}

async function oneAppointment(ctx: Ctx, id: string, today: string) {
  const row = await ctx.db.selectFrom('appointments').select(columns).where('id', '=', id).executeTakeFirstOrThrow();
  return dto(ctx, row, today, await changesOf(ctx, [id]));
}

export interface AppointmentChange {
  datum?: string;
  tijd?: string;
  metWie?: string;
  waar?: string;
  onderwerp?: string | null;
  reden?: string | null;
}

/** PATCH /v1/afspraken/{id}: date, time, with whom, where or subject of an upcoming appointment; every change kept. */
export async function changeAppointment(ctx: Ctx, id: string, input: AppointmentChange) {
  authorize(ctx, 'afspraken.beheren');
  const { r, today } = await changeable(ctx, id);
  const next: AppointmentInput = {
    datum: input.datum ?? r.starts_on,
    tijd: input.tijd ?? r.starts_at,
    metWie: input.metWie ?? r.with_whom,
    waar: input.waar ?? r.location,
    onderwerp: input.onderwerp !== undefined ? input.onderwerp : r.subject,
  };
  const p = new Problems();
  if ((input.reden ?? '').length > 1000) p.add('reden', 'maxLength', 'Ten hoogste 1000 tekens.');
  const { withWhom, where } = checkAppointment(next, today, p).throwIfAny();
  const subject = next.onderwerp?.trim() || null;
  const real = await recordChanges(ctx, r, input.reden?.trim() || null, [
    { field: 'datum', old: r.starts_on, new: next.datum },
    { field: 'tijd', old: r.starts_at, new: next.tijd },
    { field: 'metWie', old: r.with_whom, new: withWhom },
    { field: 'waar', old: r.location, new: where },
    { field: 'onderwerp', old: r.subject, new: subject },
  ]);
  if (real.length)
    await ctx.db
      .updateTable('appointments')
      .set({ starts_on: next.datum, starts_at: next.tijd, with_whom: withWhom, location: where, subject })
      .where('id', '=', id)
      .execute();
  await audit(ctx, {
    clientId: r.client_id,
    action: 'wijzigen',
    resource: 'afspraak',
    detail: real.map((c) => c.field).join(', ') || 'geen wijziging',
  });
  return oneAppointment(ctx, id, today);
}

/** POST /v1/afspraken/{id}/annuleringen: cancel an upcoming appointment, with a reason (kept in its history). */
export async function cancelAppointment(ctx: Ctx, id: string, input: { reden: string }) {
  authorize(ctx, 'afspraken.beheren');
  const reason = (input.reden ?? '').trim();
  const p = new Problems();
  if (!reason) p.add('reden', 'required', 'Vermeld waarom de afspraak niet doorgaat.');
  else if (reason.length > 1000) p.add('reden', 'maxLength', 'Ten hoogste 1000 tekens.');
  p.throwIfAny();
  const { r, today } = await changeable(ctx, id);
  await ctx.db
    .updateTable('appointments')
    .set({ cancelled_at: ctx.now, cancel_reason: reason })
    .where('id', '=', id)
    .execute();
  await recordChanges(ctx, r, reason, [{ field: 'geannuleerd', old: 'nee', new: 'ja' }]);
  await audit(ctx, { clientId: r.client_id, action: 'wijzigen', resource: 'afspraak', detail: 'geannuleerd' });
  return oneAppointment(ctx, id, today);
}
