import { checkPastDate } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { isIsoDate, isValidBsn } from '../../platform/validation.js';
import { CAUSES, ORIGIN_OTHER } from '../../reference/reference.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { assertClientVisible, visibleClients } from '../../rights/visibility.js';
import { refreshFigureFacts } from '../reporting/figure-facts.js';
import { assertMergeable, assertPersonNights, FIRST_NIGHT } from '../shelter/capacity.js';
import { parseSearch } from './client-search.js';
import { type Client, type DubbelReden, toClient, toClientSamenvatting } from './clients.dto.js';
import { clientFileRows, clientSummaryPage, clientSummaryRows } from './clients.queries.js';

export interface NewClient {
  voornaam: string;
  achternaam: string;
  geboortedatum?: string | null;
  bsn?: string | null;
  herkomstGemeentecode?: string | null;
  herkomst?: string | null;
  aanleiding?: string | null;
  telefoon?: string | null;
  email?: string | null;
  huishoudleden?: { naam: string; geboortedatum?: string | null; relatie: string }[];
}

const trimOrNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export async function validateNewClient(ctx: Ctx, input: NewClient) {
  const p = new Problems();
  if (!trimOrNull(input.voornaam)) p.add('voornaam', 'required', 'Vul de voornaam in.');
  if (!trimOrNull(input.achternaam)) p.add('achternaam', 'required', 'Vul de achternaam in.');
  const birth = trimOrNull(input.geboortedatum);
  if (birth) checkPastDate(p, ctx, 'geboortedatum', birth, '1900-01-01');
  const bsn = trimOrNull(input.bsn);
  if (bsn && !isValidBsn(bsn))
    p.add('bsn', 'elfproef', 'Dit BSN is ongeldig: het moet 9 cijfers hebben en aan de elfproef voldoen.');
  const code = trimOrNull(input.herkomstGemeentecode);
  let originLabel = trimOrNull(input.herkomst) ?? 'Onbekend';
  if (code) {
    const m = await ctx.db.selectFrom('municipalities').select('name').where('code', '=', code).executeTakeFirst();
    if (!m) p.add('herkomstGemeentecode', 'unknown', 'Onbekende gemeentecode.');
    else if (!input.herkomst) originLabel = m.name;
  } else if (!ORIGIN_OTHER.some((o) => o === originLabel)) {
    p.add('herkomst', 'enum', `Kies een gemeente of een van: ${ORIGIN_OTHER.join(', ')}.`);
  }
  const cause = trimOrNull(input.aanleiding);
  if (cause && !CAUSES.some((c) => c.code === cause)) p.add('aanleiding', 'enum', 'Onbekende aanleiding.');
  const email = trimOrNull(input.email);
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) p.add('email', 'format', 'Vul een geldig e-mailadres in.');
  (input.huishoudleden ?? []).forEach((m, i) => {
    if (!trimOrNull(m.naam)) p.add(`huishoudleden[${i}].naam`, 'required', `Vul de naam van huishoudlid ${i + 1} in.`);
    if (!['partner', 'kind', 'overig'].includes(m.relatie))
      p.add(`huishoudleden[${i}].relatie`, 'enum', 'Relatie is partner, kind of overig.');
    if (m.geboortedatum && !isIsoDate(m.geboortedatum))
      p.add(`huishoudleden[${i}].geboortedatum`, 'date', 'Ongeldige geboortedatum.');
  });
  p.throwIfAny();
  return { birth, bsn, code, originLabel, cause, email };
}

export async function createClient(ctx: Ctx, input: NewClient) {
  return getClientFile(ctx, await recordClient(ctx, input));
}

/**
 * The write step of createClient (every check, the insert and its audit row) without reading the file back: the id.
 * Issue 13: the demo history creates thousands of clients through this step and never shows the file.
 */
export async function recordClient(ctx: Ctx, input: NewClient): Promise<string> {
  authorize(ctx, 'clienten.registreren');
  const v = await validateNewClient(ctx, input);
  if (v.bsn) {
    const same = await ctx.db
      .selectFrom('clients')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('bsn', '=', v.bsn)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
    if (same)
      throw new ConflictError('Er bestaat al een cliënt met dit BSN. Open die cliënt of voeg de dossiers samen.');
  }
  const row = await ctx.db
    .insertInto('clients')
    .values({
      tenant_id: ctx.actor.tenantId,
      first_name: input.voornaam.trim(),
      last_name: input.achternaam.trim(),
      birth_date: v.birth,
      bsn: v.bsn,
      origin_municipality_code: v.code,
      origin_label: v.originLabel,
      cause: v.cause,
      phone: trimOrNull(input.telefoon),
      email: v.email,
      gender: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.huishoudleden?.length) {
    await ctx.db
      .insertInto('household_members')
      .values(
        input.huishoudleden.map((m) => ({
          client_id: row.id,
          name: m.naam.trim(),
          birth_date: trimOrNull(m.geboortedatum),
          relation: m.relatie,
        })),
      )
      .execute();
  }
  await audit(ctx, { clientId: row.id, action: 'aanmaken', resource: 'client' });
  return row.id;
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

/** Likely duplicates, shown before a new person is created: same BSN, or a similar name with the same birth date. */
export async function findDuplicates(
  ctx: Ctx,
  input: {
    voornaam: string;
    achternaam: string;
    geboortedatum?: string | null;
    bsn?: string | null;
    clientId?: string | null;
  },
) {
  authorize(ctx, 'clienten.dubbelenZoeken');
  // Issue 12: for an existing dossier, never propose the dossier itself or one it was split from (a known pair).
  const self = trimOrNull(input.clientId);
  const notSame = new Set<string>(self ? [self] : []);
  if (self)
    for (const d of await ctx.db
      .selectFrom('client_distinct_pairs')
      .select(['client_a', 'client_b'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where((eb) => eb.or([eb('client_a', '=', self), eb('client_b', '=', self)]))
      .execute())
      notSame.add(d.client_a === self ? d.client_b : d.client_a);
  const bsn = trimOrNull(input.bsn);
  const birth = trimOrNull(input.geboortedatum);
  if (!bsn && !birth) return { kandidaten: [] };
  const rows = await visibleClients(ctx)
    .select(['clients.id', 'clients.first_name', 'clients.last_name', 'clients.birth_date', 'clients.bsn'])
    .where((eb) =>
      eb.or([
        ...(bsn ? [eb('clients.bsn', '=', bsn)] : []),
        ...(birth && isIsoDate(birth) ? [eb('clients.birth_date', '=', birth)] : []),
      ]),
    )
    .limit(200)
    .execute();
  const want = norm(input.voornaam + input.achternaam);
  const found: { id: string; reden: DubbelReden }[] = [];
  for (const r of rows) {
    if (notSame.has(r.id)) continue;
    if (bsn && r.bsn === bsn) {
      found.push({ id: r.id, reden: 'zelfde BSN' });
      continue;
    }
    const have = norm(r.first_name + r.last_name);
    if (have === want) found.push({ id: r.id, reden: 'gelijke naam en geboortedatum' });
    else if (
      levenshtein(have, want) <= Math.max(2, Math.floor(want.length / 5)) ||
      norm(r.last_name) === norm(input.achternaam)
    )
      found.push({ id: r.id, reden: 'lijkende naam en geboortedatum' });
  }
  const summaries = found.length
    ? new Map(
        (await clientSummaryRows(ctx, { ids: found.map((f) => f.id) })).map((r) => [r.id, toClientSamenvatting(r)]),
      )
    : new Map();
  const kandidaten = found.flatMap((f) => {
    const summary = summaries.get(f.id);
    return summary ? [{ ...summary, reden: f.reden }] : [];
  });
  await auditPersons(
    ctx,
    kandidaten.map((k) => k.id),
    { action: 'zoeken', resource: 'client-dubbelen', detail: `${kandidaten.length} kandidaten` },
  );
  return { kandidaten };
}

export async function searchClients(
  ctx: Ctx,
  q: { zoek?: string; bsn?: string | null; pagina?: number; paginaGrootte?: number; sorteer?: string },
) {
  authorize(ctx, 'clienten.zien');
  const size = Math.min(Math.max(q.paginaGrootte ?? 20, 1), 100);
  const page = Math.max(q.pagina ?? 1, 1);
  const text = (q.zoek ?? '').trim();
  const search = parseSearch(text);
  const bsn = trimOrNull(q.bsn);
  if (bsn && !/^\d{9}$/.test(bsn)) new Problems().add('bsn', 'format', 'Een BSN heeft 9 cijfers.').throwIfAny();
  const { rows, total: n } = await clientSummaryPage(ctx, {
    search,
    bsn: bsn ?? undefined,
    limit: size + 1,
    offset: (page - 1) * size,
    sort: q.sorteer,
  });
  const shown = rows.slice(0, size).map(toClientSamenvatting);
  const what = [text ? `zoekterm (${text.length} tekens)` : null, bsn ? 'op BSN' : null].filter(Boolean).join(', ');
  await auditPersons(
    ctx,
    shown.map((r) => r.id),
    { action: 'zoeken', resource: 'clienten', detail: `${what || 'lijst'}, ${n} resultaten` },
  );
  return { resultaten: shown, pagina: page, paginaGrootte: size, totaal: n, heeftVolgende: rows.length > size };
}

/** The case page: person, household, registrations with decisions, trajectories, stays and one timeline. */
export async function getClientFile(ctx: Ctx, clientId: string): Promise<Client> {
  authorize(ctx, 'dossier.lezen');
  // the visibility check reads the row itself (one query instead of a check and a read)
  const client = await visibleClients(ctx).selectAll('clients').where('clients.id', '=', clientId).executeTakeFirst();
  if (!client) throw new NotFoundError('Cliënt niet gevonden.');
  const rows = await clientFileRows(ctx, clientId, client);
  await audit(ctx, { clientId, action: 'lezen', resource: 'dossier' });
  return toClient(ctx.actor, ctx.now, rows);
}

/** Merges a duplicate into the kept record; the duplicate stays (marked) with a snapshot, so history is kept. */
export async function mergeClients(ctx: Ctx, keptId: string, mergedId: string) {
  authorize(ctx, 'clienten.samenvoegen');
  if (keptId === mergedId)
    new Problems().add('samenTeVoegenClientId', 'same', 'Kies een ander dossier dan dit.').throwIfAny();
  await assertClientVisible(ctx, keptId);
  const dup = await visibleClients(ctx).selectAll('clients').where('clients.id', '=', mergedId).executeTakeFirst();
  if (!dup) throw new NotFoundError('Het samen te voegen dossier is niet gevonden.');
  const kept = await ctx.db.selectFrom('clients').selectAll().where('id', '=', keptId).executeTakeFirstOrThrow();
  if (kept.bsn && dup.bsn && kept.bsn !== dup.bsn)
    throw new ConflictError('De dossiers hebben een verschillend BSN en zijn dus verschillende personen.');
  // Issue 13: never one person in two beds, or with two running trajectories (refused with what to do first).
  await assertMergeable(ctx, keptId, mergedId);
  const [lo, hi] = keptId < mergedId ? [keptId, mergedId] : [mergedId, keptId];
  const distinct = await ctx.db
    .selectFrom('client_distinct_pairs')
    .select('client_a')
    .where('client_a', '=', lo)
    .where('client_b', '=', hi)
    .executeTakeFirst();
  if (distinct) throw new ConflictError('Deze dossiers zijn eerder gesplitst: het zijn twee verschillende personen.');
  const household = await ctx.db
    .selectFrom('household_members')
    .selectAll()
    .where('client_id', '=', mergedId)
    .execute();
  // What moves, and which gaps of the kept record the duplicate fills: kept so the merge can be undone (issue 12).
  const moved: Record<string, string[]> = {};
  for (const table of ['registrations', 'trajectories', 'stays', 'household_members'] as const) {
    moved[table] = (await ctx.db.selectFrom(table).select('id').where('client_id', '=', mergedId).execute()).map(
      (r) => r.id,
    );
  }
  const fill = {
    bsn: kept.bsn ?? dup.bsn,
    birth_date: kept.birth_date ?? dup.birth_date,
    phone: kept.phone ?? dup.phone,
    email: kept.email ?? dup.email,
    cause: kept.cause ?? dup.cause,
  };
  const filled = (Object.keys(fill) as (keyof typeof fill)[]).filter((k) => kept[k] === null && dup[k] !== null);
  const { search_keys: _keys, ...dupRecord } = dup;
  await ctx.db
    .insertInto('client_merges')
    .values({
      tenant_id: ctx.actor.tenantId,
      kept_id: keptId,
      merged_id: mergedId,
      merged_by: ctx.actor.userId,
      snapshot: JSON.stringify({ client: dupRecord, household, moved, filled }),
    })
    .execute();
  for (const table of ['registrations', 'trajectories', 'stays', 'household_members'] as const) {
    await ctx.db.updateTable(table).set({ client_id: keptId }).where('client_id', '=', mergedId).execute();
  }
  await refreshFigureFacts(ctx.db, { clientIds: [keptId, mergedId] });
  await assertPersonNights(ctx, keptId, FIRST_NIGHT, null);
  await ctx.db
    .updateTable('clients')
    .set({
      merged_into: keptId,
      updated_at: ctx.now,
    })
    .where('id', '=', mergedId)
    .execute();
  // Fill gaps of the kept record from the duplicate; never overwrite what is there.
  await ctx.db
    .updateTable('clients')
    .set({ ...fill, updated_at: ctx.now })
    .where('id', '=', keptId)
    .execute();
  await audit(ctx, {
    clientId: mergedId,
    action: 'samenvoegen',
    resource: 'client',
    detail: `samengevoegd in ${keptId}`,
  });
  await audit(ctx, { clientId: keptId, action: 'samenvoegen', resource: 'client', detail: `${mergedId} samengevoegd` });
  return getClientFile(ctx, keptId);
}
