// Issue 16 — Mijn Onderdak: the client's own view, shaped for the client. Everything is read for the logged-in
// client only (actor.clientId through visibleClients), with one audit row per read. Nothing internal leaves here:
// no record ids (a document is reached by a short reference), no BSN, no ZRM codes or scores, no cause of
// homelessness, no staff action codes. Messages (comment, correction request) are a task for the trajecthouder
// (src/areas/casework/tasks.service.ts) until a staff member answers.
import { createHash } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible, visibleClients, visibleJournalEntries } from '../../rights/visibility.js';
import { appointmentsOf } from '../casework/appointments.service.js';
import type { Clientbericht, MijnBericht, MijnOnderdak } from './portal.dto.js';
import {
  ANSWER_WITHIN_DAYS,
  CORRECTION_SUBJECTS,
  type CorrectionSubject,
  HOW_TO_REACH,
  plainActionStatus,
  plainDeed,
  plainGoalStatus,
  plainLifeDomain,
  plainOwner,
  plainReason,
  plainViewer,
} from './portal-texts.js';

const MESSAGE_KINDS = [
  { code: 'opmerking', label: 'Opmerking of vraag' },
  { code: 'correctie', label: 'Verzoek om correctie' },
] as const;
type MessageKind = (typeof MESSAGE_KINDS)[number]['code'];
const kindLabel = (k: string) => MESSAGE_KINDS.find((x) => x.code === k)?.label ?? k;
const subjectLabel = (s: string | null) => (s ? (CORRECTION_SUBJECTS.find((x) => x.code === s)?.label ?? s) : null);

const dateNl = (d: Date | string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(d));
const timeNl = (d: Date | string) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(
    new Date(d),
  );
const iso = (d: Date | string) => new Date(d).toISOString();

/** A document's reference in the client's view: short, stable, and not the record id. */
function documentRef(tenantId: string, id: string): string {
  return createHash('sha256').update(`${tenantId}:${id}`).digest('hex').slice(0, 16);
}

function plainSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** The client of the session; 404 when the account is linked to no (visible) client. */
async function ownClientId(ctx: Ctx): Promise<string> {
  const id = ctx.actor.clientId;
  if (!id) throw new NotFoundError('Er is geen dossier aan je account gekoppeld.');
  await assertClientVisible(ctx, id);
  return id;
}

/** GET /v1/mijn-onderdak */
export async function myOnderdak(ctx: Ctx): Promise<MijnOnderdak> {
  authorize(ctx, 'mijnOnderdak.lezen');
  const clientId = await ownClientId(ctx);
  const today = todayInNl(ctx.now);
  const person = await visibleClients(ctx)
    .select(['clients.first_name'])
    .where('clients.id', '=', clientId)
    .executeTakeFirstOrThrow();

  // where I sleep
  const stay = await ctx.db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .leftJoin('municipalities', 'municipalities.code', 'facilities.municipality_code')
    .leftJoin('care_providers', 'care_providers.id', 'facilities.care_provider_id')
    .select([
      'stays.started_on',
      'units.name as unit_name',
      'facilities.name as facility_name',
      'facilities.address',
      'facilities.postcode',
      'municipalities.name as place',
      'care_providers.contact_phone',
    ])
    .where('stays.client_id', '=', clientId)
    .where('stays.tenant_id', '=', ctx.actor.tenantId)
    .where('stays.ended_on', 'is', null)
    .orderBy('stays.started_on', 'desc')
    .executeTakeFirst();

  // my contact person: the trajecthouder of the open trajectory
  const trajectory = await ctx.db
    .selectFrom('trajectories')
    .leftJoin('users', 'users.id', 'trajectories.case_manager_id')
    .select(['trajectories.id', 'users.display_name'])
    .where('trajectories.client_id', '=', clientId)
    .where('trajectories.tenant_id', '=', ctx.actor.tenantId)
    .where('trajectories.ended_on', 'is', null)
    .orderBy('trajectories.started_on', 'desc')
    .executeTakeFirst();

  const appointments = await appointmentsOf(ctx, [clientId], today, '9999-12-31');

  // my plan, in my own words
  const plan = trajectory
    ? await ctx.db
        .selectFrom('perspective_plans')
        .select(['id', 'drawn_up_on', 'client_words', 'client_wishes', 'signed_on'])
        .where('trajectory_id', '=', trajectory.id)
        .executeTakeFirst()
    : undefined;
  const goals = plan
    ? await ctx.db
        .selectFrom('plan_goals')
        .select(['id', 'life_domain', 'description', 'status'])
        .where('plan_id', '=', plan.id)
        .where('status', '!=', 'gestopt')
        .orderBy('created_at')
        .execute()
    : [];
  const actions = goals.length
    ? await ctx.db
        .selectFrom('plan_actions')
        .select(['goal_id', 'description', 'owner_org', 'due_on', 'status'])
        .where(
          'goal_id',
          'in',
          goals.map((g) => g.id),
        )
        .where('status', '!=', 'vervallen')
        .orderBy('due_on')
        .execute()
    : [];
  const actionDto = (a: (typeof actions)[number]) => ({
    wat: a.description,
    wie: plainOwner(a.owner_org),
    doorMij: a.owner_org === 'client',
    wanneer: a.due_on,
    stand: plainActionStatus(a.status),
    klaar: a.status === 'afgerond',
  });

  const documents = await ctx.db
    .selectFrom('client_documents')
    .select(['id', 'file_name', 'description', 'media_type', 'size_bytes', 'created_at'])
    .where('client_id', '=', clientId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('created_at', 'desc')
    .execute();

  const journal = await visibleJournalEntries(ctx, clientId)
    .select(['occurred_at', 'author_name', 'body'])
    .where('superseded_by', 'is', null)
    .orderBy('occurred_at', 'desc')
    .limit(50)
    .execute();

  const messages = await ownMessages(ctx, clientId);
  const inzage = await whoLooked(ctx, clientId);

  await audit(ctx, { clientId, action: 'lezen', resource: 'mijn onderdak' });
  return {
    voornaam: person.first_name,
    vandaag: today,
    slaapplek: stay
      ? {
          locatie: stay.facility_name,
          adres: stay.address || null,
          postcode: stay.postcode,
          plaats: stay.place ?? null,
          kamer: stay.unit_name,
          sinds: stay.started_on,
        }
      : null,
    contactpersoon: trajectory?.display_name
      ? {
          naam: trajectory.display_name,
          bereikbaar: `${HOW_TO_REACH} Meestal binnen ${ANSWER_WITHIN_DAYS} werkdagen.`,
          telefoonLocatie: stay?.contact_phone ?? null,
        }
      : null,
    afspraken: appointments.slice(0, 10).map((a) => ({
      datum: a.starts_on,
      tijd: a.starts_at,
      metWie: a.with_whom,
      waar: a.location,
      waarover: a.subject,
    })),
    plan: plan
      ? {
          inMijnWoorden: plan.client_words,
          mijnWensen: plan.client_wishes,
          gemaaktOp: plan.drawn_up_on,
          getekend: plan.signed_on !== null,
          doelen: goals.map((g) => ({
            onderwerp: plainLifeDomain(g.life_domain),
            doel: g.description,
            stand: plainGoalStatus(g.status),
            acties: actions.filter((a) => a.goal_id === g.id).map(actionDto),
          })),
          mijnVolgendeStappen: actions
            .filter((a) => a.owner_org === 'client' && a.status !== 'afgerond')
            .slice(0, 5)
            .map(actionDto),
        }
      : null,
    documenten: documents.map((d) => ({
      naam: d.file_name,
      omschrijving: d.description,
      soort: d.media_type === 'application/pdf' ? 'PDF' : 'Afbeelding',
      grootte: plainSize(d.size_bytes),
      toegevoegdOp: dateNl(d.created_at),
      downloadPad: `/v1/mijn-onderdak/documenten/${documentRef(ctx.actor.tenantId, d.id)}`,
    })),
    verslagen: journal.map((j) => ({
      datum: dateNl(j.occurred_at),
      tijd: timeNl(j.occurred_at),
      door: j.author_name,
      tekst: j.body,
    })),
    berichten: messages,
    correctieOnderwerpen: [...CORRECTION_SUBJECTS],
    inzage,
  };
}

async function ownMessages(ctx: Ctx, clientId: string): Promise<MijnBericht[]> {
  const rows = await ctx.db
    .selectFrom('client_messages')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map(messageForClient);
}

function messageForClient(r: {
  kind: string;
  subject: string | null;
  body: string;
  created_at: Date | string;
  answer: string | null;
  answered_at: Date | string | null;
  answered_by_name: string | null;
}): MijnBericht {
  return {
    soort: r.kind as MessageKind,
    soortTekst: r.kind === 'correctie' ? 'Je vroeg om een correctie' : 'Je schreef',
    onderwerp: subjectLabel(r.subject),
    tekst: r.body,
    verstuurdOp: iso(r.created_at),
    antwoord:
      r.answer && r.answered_at
        ? { tekst: r.answer, door: r.answered_by_name ?? 'Een medewerker', op: iso(r.answered_at) }
        : null,
  };
}

/**
 * "Wie heeft mijn dossier bekeken": the audit rows about me by others, as plain sentences — the kind of worker and
 * their organisation, the day, what they did and why in words; never a username or an internal action code. Rows of
 * one day by the same kind of worker doing the same thing are one line ("3 keer").
 */
async function whoLooked(ctx: Ctx, clientId: string) {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .leftJoin('facilities', 'facilities.id', 'users.facility_id')
    .leftJoin('care_providers', 'care_providers.id', 'facilities.care_provider_id')
    .leftJoin('housing_corporations', 'housing_corporations.id', 'users.corporation_id')
    .leftJoin('tenants', 'tenants.id', 'audit_log.on_behalf_of')
    .select([
      'audit_log.at',
      'audit_log.role',
      'audit_log.action',
      'audit_log.emergency',
      'facilities.name as facility_name',
      'care_providers.name as provider_name',
      'housing_corporations.name as corporation_name',
      'tenants.name as tenant_name',
    ])
    .where('audit_log.client_id', '=', clientId)
    .where('audit_log.tenant_id', '=', ctx.actor.tenantId)
    .where((eb) => eb.or([eb('audit_log.role', 'is', null), eb('audit_log.role', '!=', 'client')]))
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(2000)
    .execute();
  const lines: { datum: string; wie: string; organisatie: string | null; wat: string; waarom: string; keer: number }[] =
    [];
  const byKey = new Map<string, (typeof lines)[number]>();
  for (const r of rows) {
    // The organisation the viewer works for, by the kind of worker that looked (not a rights decision).
    const organisatieNaar: Record<string, string | null> = {
      locatie: r.provider_name ?? r.facility_name ?? null,
      corporatie: r.corporation_name ?? null,
    };
    const organisatie = (r.role ? organisatieNaar[r.role] : undefined) ?? r.tenant_name ?? null;
    const line = {
      datum: dateNl(r.at),
      wie: plainViewer(r.role),
      organisatie,
      wat: plainDeed(r.action),
      waarom: plainReason(r.role, r.emergency),
      keer: 1,
    };
    const key = `${line.datum}|${line.wie}|${line.organisatie}|${line.wat}|${line.waarom}`;
    const seen = byKey.get(key);
    if (seen) seen.keer++;
    else if (lines.length < 60) {
      byKey.set(key, line);
      lines.push(line);
    }
  }
  return lines;
}

/** GET /v1/mijn-onderdak/documenten/{referentie}: one of the own documents, by its reference. */
export async function downloadMyDocument(ctx: Ctx, ref: string) {
  authorize(ctx, 'mijnOnderdak.lezen');
  const clientId = await ownClientId(ctx);
  const ids = await ctx.db
    .selectFrom('client_documents')
    .select(['id'])
    .where('client_id', '=', clientId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .execute();
  const match = ids.find((d) => documentRef(ctx.actor.tenantId, d.id) === ref);
  if (!match) throw new NotFoundError('Document niet gevonden.');
  const r = await ctx.db
    .selectFrom('client_documents')
    .select(['client_id', 'file_name', 'media_type', 'content'])
    .where('id', '=', match.id)
    .executeTakeFirstOrThrow();
  authorize(ctx, 'mijnOnderdak.documentDownloaden', { clientId: r.client_id });
  await audit(ctx, { clientId, action: 'lezen', resource: 'document', detail: `download ${r.file_name}` });
  return { fileName: r.file_name, mediaType: r.media_type, content: new Uint8Array(r.content) };
}

export interface MessageInput {
  soort: string;
  onderwerp?: string | null;
  tekst: string;
}

/** POST /v1/mijn-onderdak/berichten: a comment or question, or a request to correct my data. */
export async function sendMessage(ctx: Ctx, input: MessageInput): Promise<MijnBericht> {
  authorize(ctx, 'mijnOnderdak.berichtSturen');
  const clientId = await ownClientId(ctx);
  const p = new Problems();
  if (!MESSAGE_KINDS.some((k) => k.code === input.soort))
    p.add('soort', 'enum', 'Kies: een opmerking of vraag, of een verzoek om correctie.');
  const text = (input.tekst ?? '').trim();
  if (!text) p.add('tekst', 'required', 'Schrijf je bericht.');
  else if (text.length > 2000) p.add('tekst', 'maxLength', 'Je bericht is te lang. Schrijf ten hoogste 2000 tekens.');
  let subject: CorrectionSubject | null = null;
  if (input.soort === 'correctie') {
    const s = CORRECTION_SUBJECTS.find((x) => x.code === input.onderwerp);
    if (!s) p.add('onderwerp', 'required', 'Kies wat er niet klopt.');
    else subject = s.code;
  }
  p.throwIfAny();
  const row = await ctx.db
    .insertInto('client_messages')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: clientId,
      kind: input.soort as MessageKind,
      subject,
      body: text,
      author_id: ctx.actor.userId,
      created_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId, action: 'aanmaken', resource: 'clientbericht', detail: input.soort });
  return messageForClient(row);
}

// ----- staff -----

function staffDto(ctx: Ctx, r: Awaited<ReturnType<typeof staffRows>>[number]): z.infer<typeof Clientbericht> {
  return {
    id: r.id,
    clientId: r.client_id,
    soort: r.kind as MessageKind,
    soortLabel: kindLabel(r.kind),
    onderwerp: r.subject,
    onderwerpLabel: subjectLabel(r.subject),
    tekst: r.body,
    verstuurdOp: iso(r.created_at),
    antwoord: r.answer,
    beantwoordOp: r.answered_at ? iso(r.answered_at) : null,
    beantwoordDoor: r.answered_by_name,
    mogelijkheden: { beantwoorden: can(ctx.actor, 'clientberichten.beantwoorden', { beantwoord: r.answer !== null }) },
  };
}

function staffRows(ctx: Ctx, clientId: string) {
  return ctx.db
    .selectFrom('client_messages')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

/** GET /v1/clienten/{id}/clientberichten: the client's messages in the dossier, newest first. */
export async function listClientMessages(ctx: Ctx, clientId: string) {
  authorize(ctx, 'clientberichten.lezen');
  await assertClientVisible(ctx, clientId);
  const rows = await staffRows(ctx, clientId);
  await audit(ctx, { clientId, action: 'lezen', resource: 'clientberichten', detail: `${rows.length} berichten` });
  return { resultaten: rows.map((r) => staffDto(ctx, r)), open: rows.filter((r) => r.answer === null).length };
}

/** POST /v1/clientberichten/{id}/antwoorden: the answer the client reads in Mijn Onderdak; the task is then done. */
export async function answerClientMessage(ctx: Ctx, messageId: string, input: { tekst: string }) {
  authorize(ctx, 'clientberichten.beantwoorden');
  const found = await ctx.db
    .selectFrom('client_messages')
    .select(['id', 'client_id', 'answer'])
    .where('id', '=', messageId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!found) throw new NotFoundError('Bericht niet gevonden.');
  await assertClientVisible(ctx, found.client_id);
  if (found.answer !== null) throw new ConflictError('Dit bericht is al beantwoord.');
  const p = new Problems();
  const text = (input.tekst ?? '').trim();
  if (!text) p.add('tekst', 'required', 'Schrijf een antwoord.');
  else if (text.length > 4000) p.add('tekst', 'maxLength', 'Een antwoord is ten hoogste 4000 tekens.');
  p.throwIfAny();
  await ctx.db
    .updateTable('client_messages')
    .set({
      answer: text,
      answered_at: ctx.now,
      answered_by: ctx.actor.userId,
      answered_by_name: ctx.actor.displayName,
      answered_by_role: ctx.actor.role,
    })
    .where('id', '=', messageId)
    .execute();
  await audit(ctx, { clientId: found.client_id, action: 'wijzigen', resource: 'clientbericht', detail: 'antwoord' });
  const rows = await staffRows(ctx, found.client_id);
  const r = rows.find((x) => x.id === messageId);
  if (!r) throw new NotFoundError('Bericht niet gevonden.');
  return staffDto(ctx, r);
}

/** Open (unanswered) messages of these clients, oldest first: the trajecthouder's tasks. */
export async function openClientMessages(ctx: Ctx, clientIds: readonly string[]) {
  if (!clientIds.length) return [];
  return ctx.db
    .selectFrom('client_messages')
    .select(['client_id', 'kind', 'subject', 'body', 'created_at'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('client_id', 'in', clientIds)
    .where('answered_at', 'is', null)
    .orderBy('created_at')
    .execute();
}
export { subjectLabel as correctionSubjectLabel };
