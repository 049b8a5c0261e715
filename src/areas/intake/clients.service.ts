import { sql } from 'kysely';
import type { Ctx } from '../../rights/context.js';
import { audit } from '../../rights/audit.js';
import { visibleClients, assertClientVisible, requireRole, mayWriteCases, mayPlace } from '../../rights/visibility.js';
import { Problems, NotFoundError, ConflictError } from '../../platform/errors.js';
import { isValidBsn, isIsoDate, daysBetween, todayInNl } from '../../platform/validation.js';
import { CAUSES, ORIGIN_OTHER, REGISTRATION_SOURCES, EXIT_DESTINATIONS, DECISION_OUTCOMES } from '../../reference/reference.js';

export interface NewClient {
  voornaam: string; achternaam: string; geboortedatum?: string | null; bsn?: string | null;
  herkomstGemeentecode?: string | null; herkomst?: string | null; aanleiding?: string | null;
  telefoon?: string | null; email?: string | null;
  huishoudleden?: { naam: string; geboortedatum?: string | null; relatie: string }[];
}

export type ClientStatus = 'aangemeld' | 'in-opvang' | 'uitgestroomd' | 'geen-traject';

const trimOrNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

async function validateNewClient(ctx: Ctx, input: NewClient) {
  const p = new Problems();
  if (!trimOrNull(input.voornaam)) p.add('voornaam', 'required', 'Vul de voornaam in.');
  if (!trimOrNull(input.achternaam)) p.add('achternaam', 'required', 'Vul de achternaam in.');
  const birth = trimOrNull(input.geboortedatum);
  if (birth && !isIsoDate(birth)) p.add('geboortedatum', 'date', 'Geboortedatum moet een geldige datum zijn (JJJJ-MM-DD).');
  else if (birth && (birth > todayInNl(ctx.now) || birth < '1900-01-01')) p.add('geboortedatum', 'range', 'Geboortedatum ligt niet tussen 1900 en vandaag.');
  const bsn = trimOrNull(input.bsn);
  if (bsn && !isValidBsn(bsn)) p.add('bsn', 'elfproef', 'Dit BSN is ongeldig: het moet 9 cijfers hebben en aan de elfproef voldoen.');
  const code = trimOrNull(input.herkomstGemeentecode);
  let originLabel = trimOrNull(input.herkomst) ?? 'Onbekend';
  if (code) {
    const m = await ctx.db.selectFrom('municipalities').select('name').where('code', '=', code).executeTakeFirst();
    if (!m) p.add('herkomstGemeentecode', 'unknown', 'Onbekende gemeentecode.');
    else if (!input.herkomst) originLabel = m.name;
  } else if (!(ORIGIN_OTHER as readonly string[]).includes(originLabel)) {
    p.add('herkomst', 'enum', `Kies een gemeente of een van: ${ORIGIN_OTHER.join(', ')}.`);
  }
  const cause = trimOrNull(input.aanleiding);
  if (cause && !CAUSES.some((c) => c.code === cause)) p.add('aanleiding', 'enum', 'Onbekende aanleiding.');
  const email = trimOrNull(input.email);
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) p.add('email', 'format', 'Vul een geldig e-mailadres in.');
  (input.huishoudleden ?? []).forEach((m, i) => {
    if (!trimOrNull(m.naam)) p.add(`huishoudleden[${i}].naam`, 'required', `Vul de naam van huishoudlid ${i + 1} in.`);
    if (!['partner', 'kind', 'overig'].includes(m.relatie)) p.add(`huishoudleden[${i}].relatie`, 'enum', 'Relatie is partner, kind of overig.');
    if (m.geboortedatum && !isIsoDate(m.geboortedatum)) p.add(`huishoudleden[${i}].geboortedatum`, 'date', 'Ongeldige geboortedatum.');
  });
  p.throwIfAny();
  return { birth, bsn, code, originLabel, cause, email };
}

export async function createClient(ctx: Ctx, input: NewClient) {
  requireRole(ctx, 'toegang');
  const v = await validateNewClient(ctx, input);
  if (v.bsn) {
    const same = await ctx.db.selectFrom('clients').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('bsn', '=', v.bsn).where('merged_into', 'is', null).executeTakeFirst();
    if (same) throw new ConflictError('Er bestaat al een cliënt met dit BSN. Open die cliënt of voeg de dossiers samen.');
  }
  const row = await ctx.db.insertInto('clients').values({
    tenant_id: ctx.actor.tenantId, first_name: input.voornaam.trim(), last_name: input.achternaam.trim(), birth_date: v.birth, bsn: v.bsn,
    origin_municipality_code: v.code, origin_label: v.originLabel, cause: v.cause, phone: trimOrNull(input.telefoon), email: v.email, gender: null,
  }).returning('id').executeTakeFirstOrThrow();
  if (input.huishoudleden?.length) {
    await ctx.db.insertInto('household_members').values(input.huishoudleden.map((m) => ({ client_id: row.id, name: m.naam.trim(), birth_date: trimOrNull(m.geboortedatum), relation: m.relatie }))).execute();
  }
  await audit(ctx, { clientId: row.id, action: 'aanmaken', resource: 'client' });
  return getClientFile(ctx, row.id);
}

const norm = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');

export function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]; dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

/** Likely duplicates, shown before a new person is created: same BSN, or a similar name with the same birth date. */
export async function findDuplicates(ctx: Ctx, input: { voornaam: string; achternaam: string; geboortedatum?: string | null; bsn?: string | null }) {
  requireRole(ctx, 'toegang');
  const bsn = trimOrNull(input.bsn);
  const birth = trimOrNull(input.geboortedatum);
  if (!bsn && !birth) return { kandidaten: [] };
  const rows = await visibleClients(ctx).select(['clients.id', 'clients.first_name', 'clients.last_name', 'clients.birth_date', 'clients.bsn'])
    .where((eb) => eb.or([...(bsn ? [eb('clients.bsn', '=', bsn)] : []), ...(birth && isIsoDate(birth) ? [eb('clients.birth_date', '=', birth)] : [])]))
    .limit(200).execute();
  const want = norm(input.voornaam + input.achternaam);
  const found: { id: string; reden: string }[] = [];
  for (const r of rows) {
    if (bsn && r.bsn === bsn) { found.push({ id: r.id, reden: 'zelfde BSN' }); continue; }
    const have = norm(r.first_name + r.last_name);
    if (have === want) found.push({ id: r.id, reden: 'gelijke naam en geboortedatum' });
    else if (levenshtein(have, want) <= Math.max(2, Math.floor(want.length / 5)) || norm(r.last_name) === norm(input.achternaam)) found.push({ id: r.id, reden: 'lijkende naam en geboortedatum' });
  }
  const summaries = await summaries_(ctx, found.map((f) => f.id));
  await audit(ctx, { clientId: null, action: 'zoeken', resource: 'client-dubbelen', detail: `${found.length} kandidaten` });
  return { kandidaten: found.map((f) => ({ ...summaries.get(f.id)!, reden: f.reden })) };
}

async function summaries_(ctx: Ctx, ids: string[]) {
  const map = new Map<string, Awaited<ReturnType<typeof summaryRows>>[number]>();
  if (!ids.length) return map;
  for (const r of await summaryRows(ctx, ids)) map.set(r.id, r);
  return map;
}

async function summaryRows(ctx: Ctx, ids: string[] | null, opts: { search?: string; limit?: number; offset?: number; sort?: string } = {}) {
  let q = visibleClients(ctx)
    .leftJoin(
      (eb) => eb.selectFrom('stays').innerJoin('units', 'units.id', 'stays.unit_id').innerJoin('facilities', 'facilities.id', 'units.facility_id')
        .select(['stays.client_id', 'facilities.name as facility_name', 'units.name as unit_name']).where('stays.ended_on', 'is', null).as('open_stay'),
      (join) => join.onRef('open_stay.client_id', '=', 'clients.id'),
    )
    .select((eb) => [
      'clients.id', 'clients.first_name', 'clients.last_name', 'clients.birth_date', 'clients.origin_label', 'clients.bsn', 'clients.created_at',
      'open_stay.facility_name', 'open_stay.unit_name',
      eb.selectFrom('trajectories').select(sql<number>`count(*)::int`.as('n')).whereRef('trajectories.client_id', '=', 'clients.id').where('trajectories.ended_on', 'is', null).as('open_trajectories'),
      eb.selectFrom('trajectories').select(sql<number>`count(*)::int`.as('n')).whereRef('trajectories.client_id', '=', 'clients.id').as('trajectories'),
      eb.selectFrom('registrations').select(sql<number>`count(*)::int`.as('n')).whereRef('registrations.client_id', '=', 'clients.id').where('registrations.status', '!=', 'besloten').as('open_registrations'),
    ]);
  if (ids) q = q.where('clients.id', 'in', ids);
  if (opts.search) {
    for (const word of opts.search.toLowerCase().split(/\s+/).filter(Boolean)) {
      const like = `%${word.replace(/[%_\\]/g, '')}%`;
      q = q.where((eb) => eb.or([eb(sql`lower(clients.first_name)`, 'like', like), eb(sql`lower(clients.last_name)`, 'like', like)]));
    }
  }
  q = opts.sort === '-aangemaakt' ? q.orderBy('clients.created_at', 'desc') : q.orderBy(sql`lower(clients.last_name)`).orderBy(sql`lower(clients.first_name)`);
  if (opts.limit) q = q.limit(opts.limit).offset(opts.offset ?? 0);
  const rows = await q.execute();
  return rows.map((r) => {
    const status: ClientStatus = r.facility_name ? 'in-opvang' : (r.open_registrations ?? 0) > 0 ? 'aangemeld' : (r.trajectories ?? 0) > 0 && !(r.open_trajectories ?? 0) ? 'uitgestroomd' : 'geen-traject';
    return {
      id: r.id, voornaam: r.first_name, achternaam: r.last_name, geboortedatum: r.birth_date, herkomst: r.origin_label, heeftBsn: !!r.bsn,
      status, huidigeLocatie: r.facility_name ? `${r.facility_name} — ${r.unit_name}` : null,
    };
  });
}

export async function searchClients(ctx: Ctx, q: { zoek?: string; pagina?: number; paginaGrootte?: number; sorteer?: string }) {
  const size = Math.min(Math.max(q.paginaGrootte ?? 20, 1), 100);
  const page = Math.max(q.pagina ?? 1, 1);
  const search = (q.zoek ?? '').trim();
  const resultaten = await summaryRows(ctx, null, { search, limit: size + 1, offset: (page - 1) * size, sort: q.sorteer });
  let countQ = visibleClients(ctx).select(sql<number>`count(*)::int`.as('n'));
  for (const word of search.toLowerCase().split(/\s+/).filter(Boolean)) {
    const like = `%${word.replace(/[%_\\]/g, '')}%`;
    countQ = countQ.where((eb) => eb.or([eb(sql`lower(clients.first_name)`, 'like', like), eb(sql`lower(clients.last_name)`, 'like', like)]));
  }
  const { n } = await countQ.executeTakeFirstOrThrow();
  await audit(ctx, { clientId: null, action: 'zoeken', resource: 'clienten', detail: search ? `zoekterm (${search.length} tekens), ${n} resultaten` : `lijst, ${n} resultaten` });
  return { resultaten: resultaten.slice(0, size), pagina: page, paginaGrootte: size, totaal: n, heeftVolgende: resultaten.length > size };
}

const label = (list: readonly { code: string; label: string }[], code: string | null) => (code ? list.find((x) => x.code === code)?.label ?? code : null);

/** The case page: person, household, registrations with decisions, trajectories, stays and one timeline. */
export async function getClientFile(ctx: Ctx, clientId: string) {
  await assertClientVisible(ctx, clientId);
  const c = await ctx.db.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirstOrThrow();
  const [household, registrations, decisions, trajectories, stays, merges] = await Promise.all([
    ctx.db.selectFrom('household_members').selectAll().where('client_id', '=', clientId).orderBy('name').execute(),
    ctx.db.selectFrom('registrations').selectAll().where('client_id', '=', clientId).orderBy('registered_on', 'desc').execute(),
    ctx.db.selectFrom('access_decisions').innerJoin('registrations', 'registrations.id', 'access_decisions.registration_id')
      .leftJoin('users', 'users.id', 'access_decisions.decided_by').leftJoin('tenants', 'tenants.id', 'access_decisions.responsible_tenant_id')
      .select(['access_decisions.id', 'access_decisions.registration_id', 'access_decisions.outcome', 'access_decisions.decided_on', 'access_decisions.reason',
        'access_decisions.objection_deadline', 'access_decisions.emergency_shelter', 'access_decisions.regional_tie', 'access_decisions.responsible_tenant_id',
        'users.display_name as decider', 'tenants.name as responsible_tenant_name'])
      .where('registrations.client_id', '=', clientId).execute(),
    ctx.db.selectFrom('trajectories').selectAll().where('client_id', '=', clientId).orderBy('started_on', 'desc').execute(),
    ctx.db.selectFrom('stays').innerJoin('units', 'units.id', 'stays.unit_id').innerJoin('facilities', 'facilities.id', 'units.facility_id')
      .select(['stays.id', 'stays.unit_id', 'stays.trajectory_id', 'stays.household_size', 'stays.started_on', 'stays.ended_on', 'stays.end_reason',
        'units.name as unit_name', 'facilities.id as facility_id', 'facilities.name as facility_name'])
      .where('stays.client_id', '=', clientId).orderBy('stays.started_on', 'desc').execute(),
    ctx.db.selectFrom('client_merges').select(['merged_at', 'merged_id']).where('kept_id', '=', clientId).execute(),
  ]);
  const today = todayInNl(ctx.now);
  const nightsOf = (s: { started_on: string; ended_on: string | null }) => daysBetween(s.started_on, s.ended_on ?? today);
  const canWrite = mayWriteCases(ctx.actor);
  const decisionByReg = new Map(decisions.map((d) => [d.registration_id, d]));
  const trajectoryByReg = new Map(trajectories.filter((t) => t.registration_id).map((t) => [t.registration_id!, t.id]));
  const decisionDto = (d: (typeof decisions)[number]) => {
    const tie = d.regional_tie as { score: number; toelichting: string[]; warmeOverdracht: boolean } | null;
    return {
      id: d.id, uitkomst: d.outcome, uitkomstLabel: label(DECISION_OUTCOMES, d.outcome), datum: d.decided_on, beslisser: d.decider, reden: d.reason,
      bezwaartermijnTot: d.objection_deadline, noodopvang: d.emergency_shelter,
      regiobinding: tie ? { ...tie, verantwoordelijkeTenantId: d.responsible_tenant_id, verantwoordelijkeTenantNaam: d.responsible_tenant_name } : null,
      trajectId: trajectoryByReg.get(d.registration_id) ?? null,
    };
  };
  const aanmeldingen = registrations.map((r) => {
    const d = decisionByReg.get(r.id);
    return {
      id: r.id, clientId: r.client_id, datum: r.registered_on, bron: r.source, bronLabel: label(REGISTRATION_SOURCES, r.source), toelichting: r.notes,
      screening: r.screening, screeningDatum: r.screened_on, status: r.status, besluit: d ? decisionDto(d) : null,
      mogelijkheden: { screenen: canWrite && !d, besluiten: canWrite && !d },
    };
  });
  const verblijven = stays.map((s) => ({
    id: s.id, clientId, eenheidId: s.unit_id, eenheidNaam: s.unit_name, locatieId: s.facility_id, locatieNaam: s.facility_name,
    van: s.started_on, tot: s.ended_on, nachten: nightsOf(s), huishoudgrootte: s.household_size, trajectId: s.trajectory_id, reden: s.end_reason,
    mogelijkheden: { verhuizen: !s.ended_on && mayPlace(ctx.actor), beeindigen: !s.ended_on && mayPlace(ctx.actor) },
  }));
  const trajecten = trajectories.map((t) => {
    const dest = EXIT_DESTINATIONS.find((d) => d.code === t.exit_destination);
    return {
      id: t.id, clientId, start: t.started_on, eind: t.ended_on, bestemming: t.exit_destination, bestemmingLabel: dest?.label ?? null, bestemmingsgroep: t.exit_group,
      dagen: daysBetween(t.started_on, t.ended_on ?? today),
      nachten: stays.filter((s) => s.trajectory_id === t.id).reduce((n, s) => n + nightsOf(s), 0),
      mogelijkheden: { uitstroom: !t.ended_on && canWrite },
    };
  });
  const tijdlijn: { datum: string; soort: string; titel: string; omschrijving: string }[] = [];
  for (const r of aanmeldingen) {
    tijdlijn.push({ datum: r.datum, soort: 'aanmelding', titel: 'Aanmelding', omschrijving: `Via ${r.bronLabel}${r.toelichting ? ': ' + r.toelichting : ''}` });
    if (r.screeningDatum) tijdlijn.push({ datum: r.screeningDatum, soort: 'screening', titel: 'Screening', omschrijving: r.screening ?? '' });
    if (r.besluit) tijdlijn.push({ datum: r.besluit.datum, soort: 'besluit', titel: `Besluit: ${r.besluit.uitkomstLabel}`, omschrijving: `${r.besluit.reden ?? ''}${r.besluit.regiobinding?.verantwoordelijkeTenantNaam ? ` Verantwoordelijk: ${r.besluit.regiobinding.verantwoordelijkeTenantNaam}.` : ''} Bezwaar mogelijk tot ${r.besluit.bezwaartermijnTot}.`.trim() });
  }
  for (const s of verblijven) {
    tijdlijn.push({ datum: s.van, soort: 'plaatsing', titel: 'Plaatsing', omschrijving: `${s.locatieNaam}, ${s.eenheidNaam}` });
    if (s.tot) tijdlijn.push({ datum: s.tot, soort: 'vertrek', titel: 'Verblijf beëindigd', omschrijving: `${s.locatieNaam}, ${s.eenheidNaam} (${s.nachten} nachten)${s.reden ? ' — ' + s.reden : ''}` });
  }
  for (const t of trajecten) if (t.eind && t.bestemming) tijdlijn.push({ datum: t.eind, soort: 'uitstroom', titel: 'Uitstroom', omschrijving: `${t.bestemmingLabel} (${t.dagen} dagen traject)` });
  for (const m of merges) tijdlijn.push({ datum: new Date(m.merged_at).toISOString().slice(0, 10), soort: 'samenvoeging', titel: 'Dossiers samengevoegd', omschrijving: `Dubbele registratie ${m.merged_id.slice(0, 8)} samengevoegd` });
  const order: Record<string, number> = { aanmelding: 0, screening: 1, besluit: 2, plaatsing: 3, vertrek: 4, uitstroom: 5, samenvoeging: 6 };
  tijdlijn.sort((a, b) => (a.datum === b.datum ? order[b.soort] - order[a.soort] : a.datum < b.datum ? 1 : -1));
  await audit(ctx, { clientId, action: 'lezen', resource: 'dossier' });
  return {
    id: c.id, voornaam: c.first_name, achternaam: c.last_name, geboortedatum: c.birth_date, bsn: ctx.actor.role === 'locatie' ? null : c.bsn,
    herkomst: c.origin_label, herkomstGemeentecode: c.origin_municipality_code, aanleiding: c.cause, aanleidingLabel: label(CAUSES, c.cause),
    telefoon: c.phone, email: c.email,
    huishoudleden: household.map((h) => ({ id: h.id, naam: h.name, geboortedatum: h.birth_date, relatie: h.relation })),
    huishoudgrootte: 1 + household.length,
    aanmeldingen, trajecten, verblijven, tijdlijn,
    mogelijkheden: {
      wijzigen: canWrite, aanmelden: canWrite, plaatsen: mayPlace(ctx.actor) && !verblijven.some((s) => !s.tot),
      uitstroom: canWrite && trajecten.some((t) => !t.eind), samenvoegen: canWrite, inzageLog: ctx.actor.role === 'toegang' || ctx.actor.role === 'client',
    },
  };
}

/** Merges a duplicate into the kept record; the duplicate stays (marked) with a snapshot, so history is kept. */
export async function mergeClients(ctx: Ctx, keptId: string, mergedId: string) {
  requireRole(ctx, 'toegang');
  if (keptId === mergedId) throw new Problems().add('samenTeVoegenClientId', 'same', 'Kies een ander dossier dan dit.').throwIfAny() as never;
  await assertClientVisible(ctx, keptId);
  const dup = await visibleClients(ctx).selectAll('clients').where('clients.id', '=', mergedId).executeTakeFirst();
  if (!dup) throw new NotFoundError('Het samen te voegen dossier is niet gevonden.');
  const kept = await ctx.db.selectFrom('clients').selectAll().where('id', '=', keptId).executeTakeFirstOrThrow();
  if (kept.bsn && dup.bsn && kept.bsn !== dup.bsn) throw new ConflictError('De dossiers hebben een verschillend BSN en zijn dus verschillende personen.');
  const household = await ctx.db.selectFrom('household_members').selectAll().where('client_id', '=', mergedId).execute();
  await ctx.db.insertInto('client_merges').values({ tenant_id: ctx.actor.tenantId, kept_id: keptId, merged_id: mergedId, merged_by: ctx.actor.userId, snapshot: JSON.stringify({ client: dup, household }) }).execute();
  for (const table of ['registrations', 'trajectories', 'stays', 'household_members'] as const) {
    await ctx.db.updateTable(table).set({ client_id: keptId }).where('client_id', '=', mergedId).execute();
  }
  await ctx.db.updateTable('clients').set({
    merged_into: keptId, updated_at: ctx.now,
  }).where('id', '=', mergedId).execute();
  // Fill gaps of the kept record from the duplicate; never overwrite what is there.
  await ctx.db.updateTable('clients').set({
    bsn: kept.bsn ?? dup.bsn, birth_date: kept.birth_date ?? dup.birth_date, phone: kept.phone ?? dup.phone, email: kept.email ?? dup.email,
    cause: kept.cause ?? dup.cause, updated_at: ctx.now,
  }).where('id', '=', keptId).execute();
  await audit(ctx, { clientId: mergedId, action: 'samenvoegen', resource: 'client', detail: `samengevoegd in ${keptId}` });
  await audit(ctx, { clientId: keptId, action: 'samenvoegen', resource: 'client', detail: `${mergedId} samengevoegd` });
  return getClientFile(ctx, keptId);
}
