// Waiting lists for the next step (tussenvoorziening, beschermd wonen, Housing First, …): position, expected wait
// from recent throughput, visible priority rules, and taking a client off the list with a reason.
import type { z } from '@hono/zod-openapi';
import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, daysBetween, todayInNl } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible, visibleClients } from '../../rights/visibility.js';
import { checkText, notBefore } from './checks.js';
import { isCode, labelOf, REMOVAL_REASONS, storedCode, WAITING_LISTS } from './life-domains.js';
import { expectedWaitDays, PRIORITY_RULES, THROUGHPUT_WINDOW_DAYS } from './rules.js';
import type { EerdereWachtlijstplaatsing, Wachtlijstplaatsing } from './waiting-lists.dto.js';
import { activeEntries, entriesOfClientRows, throughput } from './waiting-lists.queries.js';

function listOrThrow(id: string) {
  const l = WAITING_LISTS.find((x) => x.code === id);
  if (!l) throw new NotFoundError('Wachtlijst niet gevonden.');
  return l;
}

const ruleText = () => ({
  prioriteitsregels: PRIORITY_RULES,
  wachttijdUitleg: `De verwachte wachttijd volgt uit het aantal plaatsingen vanuit deze wachtlijst in de afgelopen ${THROUGHPUT_WINDOW_DAYS} dagen: bij n plaatsingen komt er gemiddeld elke ${THROUGHPUT_WINDOW_DAYS}/n dagen een plek vrij, dus wacht positie p ongeveer p × ${THROUGHPUT_WINDOW_DAYS}/n dagen. Zonder plaatsingen in die periode is de wachttijd onbekend.`,
});

/** GET /v1/wachtlijsten: every list with length and throughput (no persons). */
export async function listWaitingLists(ctx: Ctx) {
  authorize(ctx, 'wachtlijsten.lezen');
  const today = todayInNl(ctx.now);
  const out = [];
  for (const l of WAITING_LISTS) {
    const entries = await activeEntries(ctx, l.code);
    const tp = await throughput(ctx, l.code, today);
    out.push({
      id: l.code,
      naam: l.label,
      lengte: entries.length,
      urgent: entries.filter((e) => e.urgent).length,
      langsteWachtDagen: entries.length ? Math.max(...entries.map((e) => daysBetween(e.listed_on, today))) : null,
      geplaatstRecent: tp.placed,
      gemiddeldeWachttijdGeplaatstDagen: tp.avgWait,
      verwachteWachttijdNieuwDagen: expectedWaitDays(entries.length + 1, tp.placed),
    });
  }
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'wachtlijsten (overzicht, geen persoonsgegevens)' });
  return {
    resultaten: out,
    ...ruleText(),
    vensterDagen: THROUGHPUT_WINDOW_DAYS,
    afmeldredenen: [...REMOVAL_REASONS],
    mogelijkheden: { plaatsen: can(ctx.actor, 'wachtlijsten.beheren') },
  };
}

/** GET /v1/wachtlijsten/{id}: one list in priority order. Shelter staff see the positions of their own clients only (positions count everyone). */
export async function getWaitingList(ctx: Ctx, id: string) {
  authorize(ctx, 'wachtlijsten.lezen');
  const l = listOrThrow(id);
  const today = todayInNl(ctx.now);
  const entries = await activeEntries(ctx, l.code);
  const tp = await throughput(ctx, l.code, today);
  const visible = new Set((await visibleClients(ctx).select('clients.id').execute()).map((r) => r.id));
  const rows = entries.map((e, i) => ({ e, positie: i + 1 })).filter(({ e }) => visible.has(e.client_id));
  await auditPersons(
    ctx,
    rows.map(({ e }) => e.client_id),
    { action: 'lezen', resource: `wachtlijst ${l.code}` },
  );
  const mayWrite = can(ctx.actor, 'wachtlijsten.beheren');
  return {
    id: l.code,
    naam: l.label,
    lengte: entries.length,
    geplaatstRecent: tp.placed,
    gemiddeldeWachttijdGeplaatstDagen: tp.avgWait,
    vensterDagen: THROUGHPUT_WINDOW_DAYS,
    ...ruleText(),
    resultaten: rows.map(({ e, positie }) => {
      const wait = expectedWaitDays(positie, tp.placed);
      return {
        id: e.id,
        positie,
        client: { id: e.client_id, voornaam: e.first_name, achternaam: e.last_name },
        opLijstSinds: e.listed_on,
        wachtDagen: daysBetween(e.listed_on, today),
        urgent: e.urgent,
        toelichting: e.note,
        verwachteWachttijdDagen: wait,
        verwachteDatum: wait === null ? null : addDays(today, wait),
        mogelijkheden: { afmelden: mayWrite },
      };
    }),
    afmeldredenen: [...REMOVAL_REASONS],
    mogelijkheden: { plaatsen: mayWrite },
  };
}

/** POST /v1/wachtlijsten/{id}/plaatsingen */
export async function addToWaitingList(
  ctx: Ctx,
  id: string,
  input: { clientId: string; datum: string; urgent?: boolean; toelichting?: string | null },
) {
  authorize(ctx, 'wachtlijsten.beheren');
  const l = listOrThrow(id);
  const p = new Problems();
  checkPastDate(p, ctx, 'datum', input.datum);
  const note = checkText(p, 'toelichting', input.toelichting, {
    required: !!input.urgent,
    max: 1000,
    label: 'een toelichting (verplicht bij urgentie)',
  });
  p.throwIfAny();
  await assertClientVisible(ctx, input.clientId);
  await ctx.db
    .selectFrom('clients')
    .select('id')
    .where('id', '=', input.clientId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const dup = await ctx.db
    .selectFrom('waiting_list_entries')
    .select('listed_on')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('list_kind', '=', l.code)
    .where('client_id', '=', input.clientId)
    .where('removed_on', 'is', null)
    .executeTakeFirst();
  if (dup)
    throw new ConflictError(`Deze cliënt staat al sinds ${datumTekst(dup.listed_on)} op de wachtlijst ${l.label}.`);
  const t = await ctx.db
    .selectFrom('trajectories')
    .select('id')
    .where('client_id', '=', input.clientId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  const row = await ctx.db
    .insertInto('waiting_list_entries')
    .values({
      tenant_id: ctx.actor.tenantId,
      list_kind: l.code,
      client_id: input.clientId,
      trajectory_id: t?.id ?? null,
      listed_on: input.datum,
      urgent: !!input.urgent,
      note,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: input.clientId, action: 'aanmaken', resource: `wachtlijst ${l.code}` });
  const entry = (await entriesOfClient(ctx, input.clientId)).actief.find((e) => e.id === row.id);
  if (!entry) throw new NotFoundError('Plaatsing op de wachtlijst niet gevonden.');
  return entry;
}

/** POST /v1/wachtlijsten/{id}/plaatsingen/{plaatsingId}/afmeldingen: off the list, with a reason. */
export async function removeFromWaitingList(
  ctx: Ctx,
  id: string,
  entryId: string,
  input: { datum: string; reden: string; toelichting?: string | null },
) {
  authorize(ctx, 'wachtlijsten.beheren');
  const l = listOrThrow(id);
  const e = await ctx.db
    .selectFrom('waiting_list_entries')
    .selectAll()
    .where('id', '=', entryId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('list_kind', '=', l.code)
    .forUpdate()
    .executeTakeFirst();
  if (!e) throw new NotFoundError('Plaatsing op de wachtlijst niet gevonden.');
  await assertClientVisible(ctx, e.client_id);
  const p = new Problems();
  checkPastDate(
    p,
    ctx,
    'datum',
    input.datum,
    e.listed_on,
    notBefore(`de datum van plaatsing op de lijst (${datumTekst(e.listed_on)})`),
  );
  if (!isCode(REMOVAL_REASONS, input.reden)) p.add('reden', 'enum', 'Kies een reden van afmelding.');
  const note = checkText(p, 'toelichting', input.toelichting, {
    required: input.reden === 'overig',
    max: 1000,
    label: 'een toelichting',
  });
  p.throwIfAny();
  if (e.removed_on)
    throw new ConflictError(`Deze cliënt is al op ${datumTekst(e.removed_on)} van de wachtlijst gehaald.`);
  await ctx.db
    .updateTable('waiting_list_entries')
    .set({ removed_on: input.datum, removal_reason: input.reden, removal_note: note })
    .where('id', '=', entryId)
    .execute();
  await audit(ctx, {
    clientId: e.client_id,
    action: 'wijzigen',
    resource: `wachtlijst ${l.code}`,
    detail: `afgemeld: ${input.reden}`,
  });
  const reden = storedCode(REMOVAL_REASONS, input.reden);
  return {
    id: e.id,
    lijst: l.code,
    lijstNaam: l.label,
    clientId: e.client_id,
    opLijstSinds: e.listed_on,
    afgemeldOp: input.datum,
    reden,
    redenLabel: labelOf(REMOVAL_REASONS, reden),
    wachtDagen: daysBetween(e.listed_on, input.datum),
  };
}

/** A client's waiting-list entries: active ones with position and expected wait, and earlier ones. Caller authorizes and audits. */
export async function entriesOfClient(ctx: Ctx, clientId: string) {
  const today = todayInNl(ctx.now);
  const rows = await entriesOfClientRows(ctx, clientId);
  const mayWrite = can(ctx.actor, 'wachtlijsten.beheren');
  const actief: z.infer<typeof Wachtlijstplaatsing>[] = [];
  for (const r of rows.filter((x) => !x.removed_on)) {
    const list = storedCode(WAITING_LISTS, r.list_kind);
    const entries = await activeEntries(ctx, list);
    const positie = entries.findIndex((e) => e.id === r.id) + 1;
    const tp = await throughput(ctx, list, today);
    const wait = expectedWaitDays(positie, tp.placed);
    actief.push({
      id: r.id,
      lijst: list,
      lijstNaam: labelOf(WAITING_LISTS, list),
      opLijstSinds: r.listed_on,
      wachtDagen: daysBetween(r.listed_on, today),
      urgent: r.urgent,
      toelichting: r.note,
      positie,
      lengte: entries.length,
      verwachteWachttijdDagen: wait,
      verwachteDatum: wait === null ? null : addDays(today, wait),
      mogelijkheden: { afmelden: mayWrite },
    });
  }
  const eerder = rows.flatMap((r): z.infer<typeof EerdereWachtlijstplaatsing>[] => {
    if (!r.removed_on) return [];
    const list = storedCode(WAITING_LISTS, r.list_kind);
    const reden = r.removal_reason ? storedCode(REMOVAL_REASONS, r.removal_reason) : null;
    return [
      {
        id: r.id,
        lijst: list,
        lijstNaam: labelOf(WAITING_LISTS, list),
        opLijstSinds: r.listed_on,
        afgemeldOp: r.removed_on,
        reden,
        redenLabel: labelOf(REMOVAL_REASONS, reden),
        wachtDagen: daysBetween(r.listed_on, r.removed_on),
      },
    ];
  });
  return { actief, eerder, lijsten: [...WAITING_LISTS], afmeldredenen: [...REMOVAL_REASONS] };
}
