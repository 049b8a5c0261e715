// Journal (rapportage) per client: dated and timed entries with author and kind. Who reads which entry is the rights
// table ('rapportage.lezen') and visibility.ts (visibleJournalEntries); a correction within a day keeps the original.
import type { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { isIsoDate } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible, visibleJournalEntries } from '../../rights/visibility.js';
import { CORRECTION_HOURS, JOURNAL_KINDS, type JournalKind, labelIn } from './casework-codes.js';
import type { Rapportage } from './journal.dto.js';

type Entry = z.infer<typeof Rapportage>;

export interface JournalInput {
  tijdstip?: string | null;
  soort: string;
  tekst: string;
  gedeeldMetClient?: boolean;
}
export interface JournalFilter {
  soort?: string;
  zoek?: string;
  van?: string;
  tot?: string;
  pagina?: number;
  paginaGrootte?: number;
}
/** Entries per page of the journal, unless the request asks for another size (at most 100). */
export const JOURNAL_PAGE_SIZE = 20;

const iso = (d: Date | string) => new Date(d).toISOString();

async function rowsOf(ctx: Ctx, clientId: string) {
  return visibleJournalEntries(ctx, clientId)
    .leftJoin('facilities', 'facilities.id', 'journal_entries.facility_id')
    .selectAll('journal_entries')
    .select('facilities.name as facility_name')
    .orderBy('journal_entries.occurred_at', 'desc')
    .orderBy('journal_entries.created_at', 'desc')
    .orderBy('journal_entries.seq', 'desc')
    .limit(2000)
    .execute();
}
type Row = Awaited<ReturnType<typeof rowsOf>>[number];

/** The first version of a chain of corrections (its writing time starts the correction window). */
function rootOf(row: Row, byId: Map<string, Row>): Row {
  let r = row;
  for (let i = 0; i < 100 && r.corrects_id; i++) {
    const prev = byId.get(r.corrects_id);
    if (!prev) break;
    r = prev;
  }
  return r;
}

function withinCorrectionWindow(ctx: Ctx, firstWrittenAt: Date | string): boolean {
  return ctx.now.getTime() - new Date(firstWrittenAt).getTime() <= CORRECTION_HOURS * 3600_000;
}

function entryDto(ctx: Ctx, r: Row, byId: Map<string, Row>): Entry {
  const earlier: Row[] = [];
  for (let p = r.corrects_id ? byId.get(r.corrects_id) : undefined; p && earlier.length < 100; ) {
    earlier.unshift(p);
    p = p.corrects_id ? byId.get(p.corrects_id) : undefined;
  }
  const row = { gedeeld: r.shared_with_client, facilityId: r.facility_id, auteurId: r.author_id };
  return {
    id: r.id,
    clientId: r.client_id,
    tijdstip: iso(r.occurred_at),
    soort: r.kind as JournalKind,
    soortLabel: labelIn(JOURNAL_KINDS, r.kind),
    tekst: r.body,
    gedeeldMetClient: r.shared_with_client,
    auteur: r.author_name,
    auteurRol: r.author_role,
    locatie: r.facility_name,
    vastgelegdOp: iso(r.created_at),
    gecorrigeerd: r.corrects_id !== null,
    // the client sees the entry as it is now, not the earlier wording
    eerdereVersies: can(ctx.actor, 'rapportage.schrijven')
      ? earlier.map((e) => ({
          tijdstip: iso(e.occurred_at),
          soort: e.kind as JournalKind,
          tekst: e.body,
          gedeeldMetClient: e.shared_with_client,
          vastgelegdOp: iso(e.created_at),
          door: e.author_name,
        }))
      : [],
    mogelijkheden: {
      corrigeren:
        can(ctx.actor, 'rapportage.corrigeren', row) &&
        withinCorrectionWindow(ctx, rootOf(r, byId).created_at) &&
        r.superseded_by === null,
    },
  };
}

/** Escapes a word for LIKE (its %, _ and \\ are literal). */
const likeWord = (w: string) => `%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/**
 * GET /v1/clienten/{id}/journaalberichten: the current version of every entry the actor may read, newest first, one
 * page at a time. Filter (soort, van, tot) and search (every word in text, author or kind) run in the database, so
 * they cover all pages; `totaal` counts the matching entries.
 */
export async function listJournal(ctx: Ctx, clientId: string, filter: JournalFilter) {
  authorize(ctx, 'rapportage.lezen');
  await assertClientVisible(ctx, clientId);
  const p = new Problems();
  if (filter.soort && !JOURNAL_KINDS.some((k) => k.code === filter.soort))
    p.add('soort', 'enum', `Kies een soort: ${JOURNAL_KINDS.map((k) => k.code).join(', ')}.`);
  if (filter.van && !isIsoDate(filter.van)) p.add('van', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
  if (filter.tot && !isIsoDate(filter.tot)) p.add('tot', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
  p.throwIfAny();
  const page = filter.pagina ?? 1;
  const size = filter.paginaGrootte ?? JOURNAL_PAGE_SIZE;
  const words = (filter.zoek ?? '').toLocaleLowerCase('nl').split(/\s+/).filter(Boolean).slice(0, 10);
  const dayNl = sql<string>`to_char(journal_entries.occurred_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`;
  let q = visibleJournalEntries(ctx, clientId).where('journal_entries.superseded_by', 'is', null);
  if (filter.soort) q = q.where('journal_entries.kind', '=', filter.soort);
  if (filter.van) q = q.where(dayNl, '>=', filter.van);
  if (filter.tot) q = q.where(dayNl, '<=', filter.tot);
  for (const w of words)
    q = q.where(
      sql<string>`lower(journal_entries.body || ' ' || journal_entries.author_name || ' ' || journal_entries.kind)`,
      'like',
      likeWord(w),
    );
  const [count, current] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .leftJoin('facilities', 'facilities.id', 'journal_entries.facility_id')
      .selectAll('journal_entries')
      .select('facilities.name as facility_name')
      .orderBy('journal_entries.occurred_at', 'desc')
      .orderBy('journal_entries.created_at', 'desc')
      .orderBy('journal_entries.seq', 'desc')
      .limit(size + 1)
      .offset((page - 1) * size)
      .execute(),
  ]);
  const hasNext = current.length > size;
  const shown = current.slice(0, size);
  // the earlier versions of the entries on this page (a correction chain), for their history
  const byId = new Map<string, Row>(shown.map((r) => [r.id, r]));
  let pending = shown.map((r) => r.corrects_id).filter((id): id is string => !!id);
  for (let depth = 0; pending.length && depth < 100; depth++) {
    const earlier = await visibleJournalEntries(ctx, clientId)
      .leftJoin('facilities', 'facilities.id', 'journal_entries.facility_id')
      .selectAll('journal_entries')
      .select('facilities.name as facility_name')
      .where('journal_entries.id', 'in', pending)
      .execute();
    for (const e of earlier) byId.set(e.id, e);
    pending = earlier.map((e) => e.corrects_id).filter((id): id is string => !!id && !byId.has(id));
  }
  const resultaten = shown
    .map((r) => entryDto(ctx, r, byId))
    .filter((e) =>
      can(ctx.actor, 'rapportage.lezen', { gedeeld: e.gedeeldMetClient, facilityId: byId.get(e.id)?.facility_id }),
    );
  await audit(ctx, { clientId, action: 'lezen', resource: 'rapportage', detail: `${resultaten.length} regels` });
  return {
    resultaten,
    totaal: Number(count.n),
    pagina: page,
    paginaGrootte: size,
    heeftVolgende: hasNext,
    soorten: [...JOURNAL_KINDS],
    mogelijkheden: { schrijven: can(ctx.actor, 'rapportage.schrijven') },
  };
}

function checkInput(ctx: Ctx, input: JournalInput, p: Problems): Date {
  if (!JOURNAL_KINDS.some((k) => k.code === input.soort))
    p.add('soort', 'enum', `Kies een soort: ${JOURNAL_KINDS.map((k) => k.label.toLowerCase()).join(', ')}.`);
  const text = (input.tekst ?? '').trim();
  if (!text) p.add('tekst', 'required', 'Schrijf wat er gebeurde.');
  else if (text.length > 10000) p.add('tekst', 'maxLength', 'Een rapportage is ten hoogste 10.000 tekens.');
  let at = ctx.now;
  if (input.tijdstip) {
    const t = new Date(input.tijdstip);
    if (Number.isNaN(t.getTime()) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(input.tijdstip))
      p.add('tijdstip', 'date-time', 'Vul een geldig tijdstip in (datum en tijd).');
    else if (t.getTime() > ctx.now.getTime() + 5 * 60_000)
      p.add('tijdstip', 'future', 'Het tijdstip mag niet in de toekomst liggen.');
    else at = t;
  }
  return at;
}

async function oneEntry(ctx: Ctx, clientId: string, id: string): Promise<Entry> {
  const rows = await rowsOf(ctx, clientId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const r = byId.get(id);
  if (!r) throw new NotFoundError('Rapportage niet gevonden.');
  return entryDto(ctx, r, byId);
}

/** POST /v1/clienten/{id}/journaalberichten */
export async function addJournalEntry(ctx: Ctx, clientId: string, input: JournalInput) {
  authorize(ctx, 'rapportage.schrijven');
  await assertClientVisible(ctx, clientId);
  const p = new Problems();
  const at = checkInput(ctx, input, p);
  p.throwIfAny();
  const row = await writeEntry(ctx, clientId, {
    occurred_at: at,
    kind: input.soort,
    body: input.tekst.trim(),
    shared_with_client: input.gedeeldMetClient ?? false,
    facility_id: ctx.actor.facilityId,
    corrects_id: null,
  });
  await audit(ctx, { clientId, action: 'aanmaken', resource: 'rapportage', detail: input.soort });
  return oneEntry(ctx, clientId, row.id);
}

/** Inserts one entry by the actor (also used by the handover of a case). */
export async function writeEntry(
  ctx: Ctx,
  clientId: string,
  v: {
    occurred_at: Date;
    kind: JournalKind | string;
    body: string;
    shared_with_client: boolean;
    facility_id: string | null;
    corrects_id: string | null;
  },
) {
  return ctx.db
    .insertInto('journal_entries')
    .values({
      ...v,
      tenant_id: ctx.actor.tenantId,
      client_id: clientId,
      author_id: ctx.actor.userId,
      author_name: ctx.actor.displayName,
      author_role: ctx.actor.role,
      // the request's clock, not the database's: the correction window is measured against ctx.now
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** POST /v1/journaalberichten/{id}/correcties: a new version by the author within a day; the original is kept. */
export async function correctJournalEntry(ctx: Ctx, entryId: string, input: Partial<JournalInput> & { tekst: string }) {
  authorize(ctx, 'rapportage.schrijven');
  const found = await ctx.db
    .selectFrom('journal_entries')
    .select(['id', 'client_id'])
    .where('id', '=', entryId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!found) throw new NotFoundError('Rapportage niet gevonden.');
  await assertClientVisible(ctx, found.client_id);
  const rows = await rowsOf(ctx, found.client_id);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const r = byId.get(entryId);
  if (!r) throw new NotFoundError('Rapportage niet gevonden.'); // another facility's entry: not found
  authorize(ctx, 'rapportage.corrigeren', { auteurId: r.author_id });
  if (r.superseded_by) throw new ConflictError('Deze rapportage is al gecorrigeerd. Corrigeer de nieuwste versie.');
  if (!withinCorrectionWindow(ctx, rootOf(r, byId).created_at))
    throw new ConflictError(
      `Een rapportage kan alleen binnen ${CORRECTION_HOURS} uur na het schrijven worden gecorrigeerd. Schrijf een nieuwe rapportage.`,
    );
  const merged: JournalInput = {
    soort: input.soort ?? r.kind,
    tekst: input.tekst,
    tijdstip: input.tijdstip ?? iso(r.occurred_at),
    gedeeldMetClient: input.gedeeldMetClient ?? r.shared_with_client,
  };
  const p = new Problems();
  const at = checkInput(ctx, merged, p);
  p.throwIfAny();
  const row = await writeEntry(ctx, r.client_id, {
    occurred_at: at,
    kind: merged.soort,
    body: merged.tekst.trim(),
    shared_with_client: merged.gedeeldMetClient ?? false,
    facility_id: r.facility_id,
    corrects_id: r.id,
  });
  const upd = await ctx.db
    .updateTable('journal_entries')
    .set({ superseded_by: row.id })
    .where('id', '=', r.id)
    .where('superseded_by', 'is', null)
    .executeTakeFirst();
  if (Number(upd.numUpdatedRows) !== 1)
    throw new ConflictError('Deze rapportage is al gecorrigeerd. Corrigeer de nieuwste versie.');
  await audit(ctx, { clientId: r.client_id, action: 'wijzigen', resource: 'rapportage', detail: 'correctie' });
  return oneEntry(ctx, r.client_id, row.id);
}
