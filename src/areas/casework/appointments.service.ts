// Appointments (afspraken) per client: date, time, with whom, where. Shown on the worklist and in the client's own view.
import type { z } from '@hono/zod-openapi';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, isIsoDate, todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import type { Afspraak } from './appointments.dto.js';

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
};

function dto(ctx: Ctx, r: Row, today: string): z.infer<typeof Afspraak> {
  const past = r.starts_on < today;
  return {
    id: r.id,
    clientId: r.client_id,
    datum: r.starts_on,
    tijd: r.starts_at,
    metWie: r.with_whom,
    waar: r.location,
    onderwerp: r.subject,
    geannuleerd: r.cancelled_at !== null,
    voorbij: past,
    mogelijkheden: { annuleren: can(ctx.actor, 'afspraken.beheren') && !past && r.cancelled_at === null },
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
] as const;

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
  await audit(ctx, { clientId, action: 'lezen', resource: 'afspraken' });
  return {
    resultaten: [...upcoming, ...earlier].map((r) => dto(ctx, r, today)),
    mogelijkheden: { toevoegen: can(ctx.actor, 'afspraken.beheren') },
  };
}

/** POST /v1/clienten/{id}/afspraken */
export async function addAppointment(ctx: Ctx, clientId: string, input: AppointmentInput) {
  authorize(ctx, 'afspraken.beheren');
  await assertClientVisible(ctx, clientId);
  const today = todayInNl(ctx.now);
  const p = new Problems();
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
  p.throwIfAny();
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

/** POST /v1/afspraken/{id}/annuleringen */
export async function cancelAppointment(ctx: Ctx, id: string) {
  authorize(ctx, 'afspraken.beheren');
  const r = await ctx.db
    .selectFrom('appointments')
    .select(columns)
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError('Afspraak niet gevonden.');
  await assertClientVisible(ctx, r.client_id);
  const today = todayInNl(ctx.now);
  if (r.cancelled_at) throw new ConflictError('Deze afspraak is al geannuleerd.');
  if (r.starts_on < today) throw new ConflictError('Een afspraak die voorbij is, kan niet meer worden geannuleerd.');
  const row = await ctx.db
    .updateTable('appointments')
    .set({ cancelled_at: ctx.now })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: r.client_id, action: 'wijzigen', resource: 'afspraak', detail: 'geannuleerd' });
  return dto(ctx, row, today);
}
