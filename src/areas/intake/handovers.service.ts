// Issue 12 — warme overdracht: a toegangsbesluit that another centrumgemeente is best placed creates an incoming
// handover there (minimal person data, only with the client's consent). The receiving tenant accepts or declines
// with a reason; on acceptance it gets the client and an aanmelding, and the sending case closes with destination
// "andere opvang". This explicit, audited handover is the ONLY way person data crosses tenants: every step that
// touches the other tenant is in a function named *AcrossTenants below, and writes an audit row in both tenants.

import { sql } from 'kysely';
import { checkPastDate } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { EXIT_DESTINATIONS } from '../../reference/reference.js';
import { audit } from '../../rights/audit.js';
import { actAsTenant, type Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { closeOpenWorkAfterExit } from '../perspective/exit-cleanup.js';
import { refreshFigureFacts } from '../reporting/figure-facts.js';
import { type Overdracht, toOverdracht } from './handovers.dto.js';

/** The minimal person data that crosses to the receiving tenant. */
export interface HandoverPerson {
  voornaam: string;
  achternaam: string;
  geboortedatum: string | null;
  bsn: string | null;
  telefoon: string | null;
  huishoudgrootte: number;
}

/**
 * Called by decide() in the sender's transaction: records the handover to `receiverTenantId` with the minimal data.
 * Writes only the handovers row (the cross-tenant table) and an audit row in the sending tenant.
 */
export async function proposeHandover(
  ctx: Ctx,
  p: {
    decisionId: string;
    clientId: string;
    trajectoryId: string | null;
    receiverTenantId: string;
    consentOn: string;
    reason: string | null;
  },
) {
  const c = await ctx.db
    .selectFrom('clients')
    .select(['first_name', 'last_name', 'birth_date', 'bsn', 'phone'])
    .where('id', '=', p.clientId)
    .executeTakeFirstOrThrow();
  const { n } = await ctx.db
    .selectFrom('household_members')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('client_id', '=', p.clientId)
    .executeTakeFirstOrThrow();
  const person: HandoverPerson = {
    voornaam: c.first_name,
    achternaam: c.last_name,
    geboortedatum: c.birth_date,
    bsn: c.bsn,
    telefoon: c.phone,
    huishoudgrootte: 1 + n,
  };
  await ctx.db
    .insertInto('handovers')
    .values({
      sender_tenant_id: ctx.actor.tenantId,
      receiver_tenant_id: p.receiverTenantId,
      decision_id: p.decisionId,
      sender_client_id: p.clientId,
      sender_trajectory_id: p.trajectoryId,
      consent_on: p.consentOn,
      person: JSON.stringify(person),
      reason: p.reason,
      proposed_by: ctx.actor.userId,
    })
    .execute();
  await audit(ctx, {
    clientId: p.clientId,
    action: 'aanmaken',
    resource: 'overdracht',
    detail: `warme overdracht aangeboden aan ${p.receiverTenantId} (toestemming cliënt ${p.consentOn})`,
  });
}

function handoverRows(ctx: Ctx) {
  return ctx.db
    .selectFrom('handovers')
    .innerJoin('tenants as sender', 'sender.id', 'handovers.sender_tenant_id')
    .innerJoin('tenants as receiver', 'receiver.id', 'handovers.receiver_tenant_id')
    .selectAll('handovers')
    .select(['sender.name as sender_name', 'receiver.name as receiver_name'])
    .where((eb) =>
      eb.or([
        eb('handovers.sender_tenant_id', '=', ctx.actor.tenantId),
        eb('handovers.receiver_tenant_id', '=', ctx.actor.tenantId),
      ]),
    );
}

/** Incoming and outgoing handovers of the own tenant (open ones first). Reading an incoming one is audited. */
export async function listHandovers(ctx: Ctx, q: { richting?: 'inkomend' | 'uitgaand'; status?: string }) {
  authorize(ctx, 'overdrachten.lezen');
  let rows = handoverRows(ctx);
  if (q.richting === 'inkomend') rows = rows.where('handovers.receiver_tenant_id', '=', ctx.actor.tenantId);
  if (q.richting === 'uitgaand') rows = rows.where('handovers.sender_tenant_id', '=', ctx.actor.tenantId);
  if (q.status) rows = rows.where('handovers.status', '=', q.status);
  const list = await rows
    .orderBy(sql`CASE WHEN handovers.status = 'voorgesteld' THEN 0 ELSE 1 END`)
    .orderBy('handovers.proposed_at', 'desc')
    .limit(200)
    .execute();
  for (const h of list) await auditHandoverRead(ctx, h);
  return { resultaten: list.map((h) => toOverdracht(ctx.actor, h)) };
}

/** The receiver has no client yet: its audit row names the handover; the sender's row names its client. */
async function auditHandoverRead(ctx: Ctx, h: { id: string; sender_tenant_id: string; sender_client_id: string }) {
  const own = h.sender_tenant_id === ctx.actor.tenantId;
  await audit(ctx, {
    clientId: own ? h.sender_client_id : null,
    action: 'lezen',
    resource: 'overdracht',
    detail: `overdracht ${h.id}`,
  });
}

async function loadForReceiver(ctx: Ctx, id: string) {
  const h = await handoverRows(ctx).where('handovers.id', '=', id).forUpdate().executeTakeFirst();
  if (!h) throw new NotFoundError('Overdracht niet gevonden.');
  return h;
}

export async function getHandover(ctx: Ctx, id: string): Promise<Overdracht> {
  authorize(ctx, 'overdrachten.lezen');
  const h = await handoverRows(ctx).where('handovers.id', '=', id).executeTakeFirst();
  if (!h) throw new NotFoundError('Overdracht niet gevonden.');
  await auditHandoverRead(ctx, h);
  return toOverdracht(ctx.actor, h);
}

/** Accept or decline an incoming handover (POST /v1/overdrachten/{id}/beoordelingen). */
export async function answerHandover(
  ctx: Ctx,
  id: string,
  input: { besluit: 'accepteren' | 'afwijzen'; datum: string; reden?: string | null },
): Promise<Overdracht> {
  authorize(ctx, 'overdrachten.lezen');
  const h = await loadForReceiver(ctx, id);
  if (h.receiver_tenant_id !== ctx.actor.tenantId)
    authorize(ctx, 'overdrachten.beoordelen', { status: h.status, ontvanger: h.receiver_tenant_id });
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  if (input.besluit === 'afwijzen' && !input.reden?.trim())
    p.add('reden', 'required', 'Vermeld waarom uw gemeente de overdracht niet overneemt.');
  p.throwIfAny();
  if (h.status !== 'voorgesteld') throw new ConflictError('Deze overdracht is al beoordeeld.');
  authorize(ctx, 'overdrachten.beoordelen', { status: h.status, ontvanger: h.receiver_tenant_id });
  if (input.besluit === 'afwijzen') {
    await ctx.db
      .updateTable('handovers')
      .set({
        status: 'afgewezen',
        answered_on: input.datum,
        answered_by: ctx.actor.userId,
        decline_reason: input.reden?.trim() ?? null,
      })
      .where('id', '=', id)
      .execute();
    await audit(ctx, { clientId: null, action: 'besluiten', resource: 'overdracht', detail: `afgewezen ${id}` });
    await auditInSenderTenant(ctx, h, 'afgewezen door de ontvangende centrumgemeente');
  } else {
    await acceptHandoverAcrossTenants(ctx, h, input.datum, input.reden?.trim() || null);
  }
  return getHandover(ctx, id);
}

type HandoverRow = Awaited<ReturnType<typeof loadForReceiver>>;

/** An audit row in the sending tenant about its client, written on behalf of the receiving tenant's user. */
async function auditInSenderTenant(ctx: Ctx, h: HandoverRow, detail: string) {
  // Row-level security: this row belongs to the sending tenant, so the transaction acts for it for this one insert.
  await actAsTenant(ctx.db, h.sender_tenant_id);
  await ctx.db
    .insertInto('audit_log')
    .values({
      tenant_id: h.sender_tenant_id,
      user_id: ctx.actor.userId,
      username: ctx.actor.username,
      role: ctx.actor.role,
      on_behalf_of: ctx.actor.tenantId,
      client_id: h.sender_client_id,
      action: 'wijzigen',
      resource: 'overdracht',
      detail: `${detail} (overdracht ${h.id})`,
      source_ip: ctx.sourceIp ?? null,
      basis: 'Wmo 2015 art. 1.2.1 — landelijke toegankelijkheid, warme overdracht met toestemming cliënt',
      emergency: false,
    })
    .execute();
  await actAsTenant(ctx.db, ctx.actor.tenantId);
}

/**
 * THE cross-tenant step: in the receiving tenant the client (found by BSN, or new from the minimal data) and an
 * aanmelding (bron 'andere centrumgemeente'); in the sending tenant the open stay and trajectory end with destination
 * "andere opvang" and open waiting-list entries and blockades are closed. Audit rows in both tenants.
 */
export async function acceptHandoverAcrossTenants(ctx: Ctx, h: HandoverRow, date: string, note: string | null) {
  const person = h.person as unknown as HandoverPerson;
  const receiver = ctx.actor.tenantId;
  const known = person.bsn
    ? await ctx.db
        .selectFrom('clients')
        .select('id')
        .where('tenant_id', '=', receiver)
        .where('bsn', '=', person.bsn)
        .where('merged_into', 'is', null)
        .executeTakeFirst()
    : undefined;
  const clientId =
    known?.id ??
    (
      await ctx.db
        .insertInto('clients')
        .values({
          tenant_id: receiver,
          first_name: person.voornaam,
          last_name: person.achternaam,
          birth_date: person.geboortedatum,
          bsn: person.bsn,
          origin_municipality_code: null,
          origin_label: 'Overig Nederland',
          cause: null,
          phone: person.telefoon,
          email: null,
          gender: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const reg = await ctx.db
    .insertInto('registrations')
    .values({
      tenant_id: receiver,
      client_id: clientId,
      registered_on: date,
      source: 'centrumgemeente',
      notes: `Warme overdracht vanuit ${h.sender_name}${h.reason ? `: ${h.reason}` : ''}${
        person.huishoudgrootte > 1 ? ` (huishouden van ${person.huishoudgrootte})` : ''
      }${note ? ` — ${note}` : ''}`,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await refreshFigureFacts(ctx.db, { registrationIds: [reg.id] });
  await ctx.db
    .updateTable('handovers')
    .set({
      status: 'geaccepteerd',
      answered_on: date,
      answered_by: ctx.actor.userId,
      receiver_client_id: clientId,
      receiver_registration_id: reg.id,
    })
    .where('id', '=', h.id)
    .execute();
  await audit(ctx, {
    clientId,
    action: 'aanmaken',
    resource: 'overdracht',
    detail: `overgenomen van ${h.sender_name} (overdracht ${h.id})`,
  });
  // The sending case closes with this destination. Row-level security: the rest of this step acts for the sending
  // tenant (same transaction, so both sides commit or neither); auditInSenderTenant below hands back to the receiver.
  await actAsTenant(ctx.db, h.sender_tenant_id);
  const dest = EXIT_DESTINATIONS.find((d) => d.code === 'andere-opvang');
  const t = h.sender_trajectory_id
    ? await ctx.db
        .selectFrom('trajectories')
        .select(['id', 'started_on', 'ended_on'])
        .where('id', '=', h.sender_trajectory_id)
        .where('tenant_id', '=', h.sender_tenant_id)
        .executeTakeFirst()
    : undefined;
  if (t && !t.ended_on && dest) {
    const end = date < t.started_on ? t.started_on : date;
    await ctx.db
      .updateTable('stays')
      .set((eb) => ({
        ended_on: sql<string>`GREATEST(${eb.ref('started_on')}, ${end}::date)`,
        end_reason: 'overdracht',
      }))
      .where('trajectory_id', '=', t.id)
      .where('tenant_id', '=', h.sender_tenant_id)
      .where('ended_on', 'is', null)
      .execute();
    await ctx.db
      .updateTable('trajectories')
      .set({ ended_on: end, exit_destination: dest.code, exit_group: dest.group })
      .where('id', '=', t.id)
      .execute();
    await refreshFigureFacts(ctx.db, { trajectoryIds: [t.id] }); // acting for the sending tenant: its facts
    await closeOpenWorkAfterExit(ctx.db, {
      tenantId: h.sender_tenant_id,
      clientId: h.sender_client_id,
      trajectoryId: t.id,
      date: end,
      group: dest.group,
      destinationLabel: `overgedragen aan ${h.receiver_name}`,
    });
  }
  // auditInSenderTenant acts for the receiver again when it is done
  await auditInSenderTenant(ctx, h, `overgenomen door ${h.receiver_name}; traject beëindigd (andere opvang)`);
}
