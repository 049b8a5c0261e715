// Issue 5 — van opvang naar wonen: corporaties, woonplekken, prestatieafspraken, woonkandidaten, matching.
import { sql } from 'kysely';
import type { Ctx } from '../../rights/context.js';
import { audit } from '../../rights/audit.js';
import { assertClientVisible, requireRole, visibleClients } from '../../rights/visibility.js';
import { Problems, NotFoundError, ConflictError, ForbiddenError } from '../../platform/errors.js';
import { isIsoDate, todayInNl, daysBetween, normalizePostcode } from '../../platform/validation.js';
import {
  AGE_GROUPS, AFFORDABILITY, FAIRNESS_RULE, POINTS, SUPPORT_LEVELS, UNIT_STATUSES, UNIT_TYPES, URGENCIES, ageOn, evaluatePair, rankPairs, supportLabel,
  type MatchCandidate, type MatchUnit, type PairResult,
} from './matching.js';
import { compileScorer, rankCandidatesForUnit } from './fastscore.js';
import { optimalAssignment, greedyAssignment } from './assignment.js';

export const NATIONAL_GOAL_EXTRA_WOONPLEKKEN = 10_000;

// ---------- helpers ----------

/** The corporation of a corporatiemedewerker (null for other roles). A corporatie user without one sees nothing. */
export async function actorCorporation(ctx: Ctx): Promise<string | null> {
  if (ctx.actor.role !== 'corporatie') return null;
  const u = await ctx.db.selectFrom('users').select('corporation_id').where('id', '=', ctx.actor.userId).executeTakeFirst();
  if (!u?.corporation_id) throw new ForbiddenError('Uw account is (nog) niet gekoppeld aan een woningcorporatie. Vraag de beheerder dit te doen.');
  return u.corporation_id;
}

const euros = (cents: number) => Math.round(cents) / 100;
const cents = (eur: number) => Math.round(eur * 100);

async function municipalityNames(ctx: Ctx): Promise<Map<string, string>> {
  const rows = await ctx.db.selectFrom('municipalities').select(['code', 'name']).where('tenant_id', '=', ctx.actor.tenantId).execute();
  return new Map(rows.map((r) => [r.code.trim(), r.name]));
}

function checkDate(p: Problems, field: string, value: string | undefined | null, opts: { notFuture?: Ctx; min?: string } = {}) {
  if (!value || !isIsoDate(value)) { p.add(field, 'date', 'Vul een geldige datum in (JJJJ-MM-DD).'); return false; }
  if (opts.notFuture && value > todayInNl(opts.notFuture.now)) p.add(field, 'future', 'De datum mag niet in de toekomst liggen.');
  if (opts.min && value < opts.min) p.add(field, 'range', `De datum mag niet vóór ${opts.min} liggen.`);
  return true;
}

// ---------- corporaties ----------

export async function listCorporations(ctx: Ctx) {
  requireRole(ctx, 'toegang', 'beleid', 'beheerder', 'corporatie');
  const own = await actorCorporation(ctx);
  let q = ctx.db.selectFrom('housing_corporations').selectAll().where('tenant_id', '=', ctx.actor.tenantId);
  if (own) q = q.where('id', '=', own);
  const rows = await q.orderBy('name').execute();
  return { resultaten: rows.map((r) => ({ id: r.id, naam: r.name, email: r.contact_email, telefoon: r.contact_phone })) };
}

export async function createCorporation(ctx: Ctx, input: { naam: string; email?: string | null; telefoon?: string | null }) {
  requireRole(ctx, 'beheerder', 'toegang');
  const p = new Problems();
  if (!input.naam?.trim()) p.add('naam', 'required', 'Vul de naam van de corporatie in.');
  if (input.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email)) p.add('email', 'format', 'Vul een geldig e-mailadres in.');
  p.throwIfAny();
  const dup = await ctx.db.selectFrom('housing_corporations').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('name', '=', input.naam.trim()).executeTakeFirst();
  if (dup) throw new ConflictError('Er bestaat al een corporatie met deze naam.');
  const r = await ctx.db.insertInto('housing_corporations').values({ tenant_id: ctx.actor.tenantId, name: input.naam.trim(), contact_email: input.email ?? null, contact_phone: input.telefoon ?? null }).returning('id').executeTakeFirstOrThrow();
  return { id: r.id, naam: input.naam.trim(), email: input.email ?? null, telefoon: input.telefoon ?? null };
}

// ---------- woonplekken ----------

export interface NewUnitInput {
  corporatieId?: string | null; type: string; adres: string; postcode?: string | null; gemeentecode: string; wijk?: string | null;
  kamers: number; oppervlakte: number; huur: number; beschikbaarVanaf: string; huishoudenMin?: number; huishoudenMax?: number;
  leeftijdsgroep?: string; ondersteuning?: string; voorwaarden?: string | null;
}

type UnitRow = {
  id: string; corporation_id: string | null; type: string; address: string; postcode: string | null; municipality_code: string; wijk: string | null;
  rooms: number; area_m2: number; rent_cents: number; available_from: string; household_min: number; household_max: number; age_group: string;
  support_max: string; conditions: string | null; status: string; corporation_name: string | null;
};

function unitQuery(ctx: Ctx) {
  return ctx.db.selectFrom('housing_units').leftJoin('housing_corporations', 'housing_corporations.id', 'housing_units.corporation_id')
    .select(['housing_units.id', 'housing_units.corporation_id', 'housing_units.type', 'housing_units.address', 'housing_units.postcode', 'housing_units.municipality_code',
      'housing_units.wijk', 'housing_units.rooms', 'housing_units.area_m2', 'housing_units.rent_cents', 'housing_units.available_from', 'housing_units.household_min',
      'housing_units.household_max', 'housing_units.age_group', 'housing_units.support_max', 'housing_units.conditions', 'housing_units.status', 'housing_corporations.name as corporation_name'])
    .where('housing_units.tenant_id', '=', ctx.actor.tenantId);
}

function toMatchUnit(u: UnitRow, names: Map<string, string>): MatchUnit {
  return { id: u.id, type: u.type, municipalityCode: u.municipality_code.trim(), municipalityName: names.get(u.municipality_code.trim()), rooms: u.rooms, rentCents: u.rent_cents,
    householdMin: u.household_min, householdMax: u.household_max, ageGroup: u.age_group, supportMax: u.support_max, availableFrom: u.available_from };
}

function unitDto(ctx: Ctx, u: UnitRow, names: Map<string, string>) {
  const mayManage = ctx.actor.role === 'toegang' || ctx.actor.role === 'corporatie';
  return {
    id: u.id, corporatieId: u.corporation_id, corporatieNaam: u.corporation_name, type: u.type, typeLabel: UNIT_TYPES.find((t) => t.code === u.type)?.label ?? u.type,
    adres: u.address, postcode: u.postcode, gemeentecode: u.municipality_code.trim(), gemeente: names.get(u.municipality_code.trim()) ?? u.municipality_code, wijk: u.wijk,
    kamers: u.rooms, oppervlakte: u.area_m2, huur: euros(u.rent_cents), beschikbaarVanaf: u.available_from, huishoudenMin: u.household_min, huishoudenMax: u.household_max,
    leeftijdsgroep: u.age_group, ondersteuning: u.support_max, ondersteuningLabel: supportLabel(u.support_max), voorwaarden: u.conditions, status: u.status,
    mogelijkheden: {
      kandidatenZien: ctx.actor.role === 'toegang' && u.status === 'beschikbaar',
      aanbieden: ctx.actor.role === 'toegang' && u.status === 'beschikbaar',
      statusWijzigen: mayManage && (u.status === 'beschikbaar' || u.status === 'niet-beschikbaar'),
    },
  };
}

export async function listUnits(ctx: Ctx, q: { status?: string; gemeentecode?: string; corporatieId?: string } = {}) {
  requireRole(ctx, 'toegang', 'beleid', 'beheerder', 'corporatie');
  const own = await actorCorporation(ctx);
  let query = unitQuery(ctx);
  if (own) query = query.where('housing_units.corporation_id', '=', own);
  if (q.status) query = query.where('housing_units.status', '=', q.status);
  if (q.gemeentecode) query = query.where('housing_units.municipality_code', '=', q.gemeentecode);
  if (q.corporatieId) query = query.where('housing_units.corporation_id', '=', q.corporatieId);
  const rows = await query.orderBy('housing_units.status').orderBy('housing_units.available_from').orderBy('housing_units.address').execute();
  const names = await municipalityNames(ctx);
  return { resultaten: rows.map((r) => unitDto(ctx, r, names)) };
}

async function loadUnit(ctx: Ctx, id: string, lock = false) {
  const own = await actorCorporation(ctx);
  let q = unitQuery(ctx).where('housing_units.id', '=', id);
  if (own) q = q.where('housing_units.corporation_id', '=', own); // other corporations' homes: 404
  const row = lock ? await q.forUpdate('housing_units').executeTakeFirst() : await q.executeTakeFirst();
  if (!row) throw new NotFoundError('Woonplek niet gevonden.');
  return row;
}

export async function getUnit(ctx: Ctx, id: string) {
  requireRole(ctx, 'toegang', 'beleid', 'beheerder', 'corporatie');
  return unitDto(ctx, await loadUnit(ctx, id), await municipalityNames(ctx));
}

export async function createUnit(ctx: Ctx, input: NewUnitInput) {
  requireRole(ctx, 'toegang', 'corporatie');
  const own = await actorCorporation(ctx);
  const p = new Problems();
  const corpId = own ?? input.corporatieId ?? null;
  if (!UNIT_TYPES.some((t) => t.code === input.type)) p.add('type', 'enum', 'Kies een type woonplek uit de lijst.');
  if (!input.adres?.trim()) p.add('adres', 'required', 'Vul het adres in.');
  const postcode = input.postcode ? normalizePostcode(input.postcode) : null;
  if (input.postcode && !postcode) p.add('postcode', 'format', 'Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 3311AB.');
  const names = await municipalityNames(ctx);
  if (!names.has(input.gemeentecode)) p.add('gemeentecode', 'unknown', 'Kies een gemeente uit de eigen regio.');
  if (!Number.isInteger(input.kamers) || input.kamers < 1 || input.kamers > 12) p.add('kamers', 'range', 'Aantal kamers is een geheel getal van 1 tot 12.');
  if (!Number.isFinite(input.oppervlakte) || input.oppervlakte < 8 || input.oppervlakte > 400) p.add('oppervlakte', 'range', 'Oppervlakte is 8 tot 400 m².');
  if (!Number.isFinite(input.huur) || input.huur < 0 || input.huur > 5000) p.add('huur', 'range', 'Huur per maand is een bedrag van € 0 tot € 5.000.');
  checkDate(p, 'beschikbaarVanaf', input.beschikbaarVanaf);
  const hmin = input.huishoudenMin ?? 1, hmax = input.huishoudenMax ?? Math.max(hmin, 1);
  if (!Number.isInteger(hmin) || hmin < 1 || hmin > 15) p.add('huishoudenMin', 'range', 'Minimale huishoudgrootte is 1 tot 15.');
  if (!Number.isInteger(hmax) || hmax < hmin || hmax > 15) p.add('huishoudenMax', 'range', 'Maximale huishoudgrootte is minstens de minimale en hoogstens 15.');
  const age = input.leeftijdsgroep ?? 'alle';
  if (!AGE_GROUPS.some((a) => a.code === age)) p.add('leeftijdsgroep', 'enum', 'Kies alle, jongeren of 55plus.');
  const support = input.ondersteuning ?? (input.type === 'housing-first' ? 'housing-first' : 'licht');
  if (!SUPPORT_LEVELS.some((s) => s.code === support)) p.add('ondersteuning', 'enum', 'Kies het niveau van ondersteuning dat hier beschikbaar is.');
  if (input.type === 'housing-first' && support !== 'housing-first') p.add('ondersteuning', 'housing-first', 'Een Housing First-woning heeft Housing First-ondersteuning.');
  if (input.type === 'onder-de-pannen' && hmax > 1) p.add('huishoudenMax', 'range', 'Een kamer bij een gastgezin is voor één persoon.');
  if (corpId) {
    const corp = await ctx.db.selectFrom('housing_corporations').select('id').where('id', '=', corpId).where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
    if (!corp) p.add('corporatieId', 'unknown', 'Onbekende corporatie.');
  } else if (input.type === 'corporatie' || input.type === 'housing-first') p.add('corporatieId', 'required', 'Kies de corporatie die deze woning verhuurt.');
  p.throwIfAny();
  const row = await ctx.db.insertInto('housing_units').values({
    tenant_id: ctx.actor.tenantId, corporation_id: corpId, type: input.type, address: input.adres.trim(), postcode, municipality_code: input.gemeentecode, wijk: input.wijk?.trim() || null,
    rooms: input.kamers, area_m2: Math.round(input.oppervlakte), rent_cents: cents(input.huur), available_from: input.beschikbaarVanaf, household_min: hmin, household_max: hmax,
    age_group: age, support_max: support, conditions: input.voorwaarden?.trim() || null, status: 'beschikbaar', created_by: ctx.actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  return getUnit(ctx, row.id);
}

/** Manual status changes only between beschikbaar and niet-beschikbaar; the rest follows the offers. */
export async function changeUnitStatus(ctx: Ctx, id: string, status: string) {
  requireRole(ctx, 'toegang', 'corporatie');
  const u = await loadUnit(ctx, id, true);
  if (!['beschikbaar', 'niet-beschikbaar'].includes(status)) new Problems().add('status', 'enum', 'Zet een woonplek op beschikbaar of niet-beschikbaar; aangeboden en verhuurd volgen uit de aanbiedingen.').throwIfAny();
  if (!['beschikbaar', 'niet-beschikbaar'].includes(u.status)) throw new ConflictError(`Deze woonplek is ${u.status}; de status volgt nu de aanbieding.`);
  await ctx.db.updateTable('housing_units').set({ status }).where('id', '=', id).execute();
  return getUnit(ctx, id);
}

// ---------- prestatieafspraken ----------

export async function upsertAgreement(ctx: Ctx, input: { corporatieId: string; jaar: number; gemeentecode: string; aantal: number }) {
  requireRole(ctx, 'toegang', 'beleid', 'beheerder');
  const p = new Problems();
  const corp = await ctx.db.selectFrom('housing_corporations').select('id').where('id', '=', input.corporatieId).where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
  if (!corp) p.add('corporatieId', 'unknown', 'Onbekende corporatie.');
  if (!Number.isInteger(input.jaar) || input.jaar < 2015 || input.jaar > 2040) p.add('jaar', 'range', 'Jaar van 2015 tot 2040.');
  if (!(await municipalityNames(ctx)).has(input.gemeentecode)) p.add('gemeentecode', 'unknown', 'Kies een gemeente uit de eigen regio.');
  if (!Number.isInteger(input.aantal) || input.aantal < 0 || input.aantal > 10_000) p.add('aantal', 'range', 'Aantal extra woonplekken is een geheel getal van 0 tot 10.000.');
  p.throwIfAny();
  const existing = await ctx.db.selectFrom('performance_agreements').select('id').where('corporation_id', '=', input.corporatieId).where('year', '=', input.jaar).where('municipality_code', '=', input.gemeentecode).executeTakeFirst();
  if (existing) await ctx.db.updateTable('performance_agreements').set({ agreed_count: input.aantal }).where('id', '=', existing.id).execute();
  else await ctx.db.insertInto('performance_agreements').values({ tenant_id: ctx.actor.tenantId, corporation_id: input.corporatieId, year: input.jaar, municipality_code: input.gemeentecode, agreed_count: input.aantal }).execute();
  return listAgreements(ctx, { jaar: input.jaar });
}

/** Agreement vs realisation (homes let to our clients: offers moved in that year) per corporation and gemeente. */
export async function listAgreements(ctx: Ctx, q: { jaar?: number }) {
  requireRole(ctx, 'toegang', 'beleid', 'beheerder', 'corporatie');
  const own = await actorCorporation(ctx);
  const year = q.jaar ?? Number(todayInNl(ctx.now).slice(0, 4));
  const names = await municipalityNames(ctx);
  let aq = ctx.db.selectFrom('performance_agreements').innerJoin('housing_corporations', 'housing_corporations.id', 'performance_agreements.corporation_id')
    .select(['performance_agreements.corporation_id', 'housing_corporations.name', 'performance_agreements.municipality_code', 'performance_agreements.agreed_count'])
    .where('performance_agreements.tenant_id', '=', ctx.actor.tenantId).where('performance_agreements.year', '=', year);
  if (own) aq = aq.where('performance_agreements.corporation_id', '=', own);
  const agreements = await aq.execute();
  let rq = ctx.db.selectFrom('housing_offers').innerJoin('housing_units', 'housing_units.id', 'housing_offers.unit_id').innerJoin('housing_corporations', 'housing_corporations.id', 'housing_units.corporation_id')
    .select(['housing_units.corporation_id', 'housing_corporations.name', 'housing_units.municipality_code', sql<number>`count(*)::int`.as('n')])
    .where('housing_offers.tenant_id', '=', ctx.actor.tenantId).where('housing_offers.status', '=', 'verhuisd')
    .where('housing_offers.moved_in_on', '>=', `${year}-01-01`).where('housing_offers.moved_in_on', '<', `${year + 1}-01-01`)
    .groupBy(['housing_units.corporation_id', 'housing_corporations.name', 'housing_units.municipality_code']);
  if (own) rq = rq.where('housing_units.corporation_id', '=', own);
  const realised = await rq.execute();
  const key = (c: string, m: string) => `${c}|${m.trim()}`;
  const rows = new Map<string, { corporatieId: string; corporatie: string; gemeentecode: string; gemeente: string; afgesproken: number; gerealiseerd: number }>();
  for (const a of agreements) rows.set(key(a.corporation_id, a.municipality_code), { corporatieId: a.corporation_id, corporatie: a.name, gemeentecode: a.municipality_code.trim(), gemeente: names.get(a.municipality_code.trim()) ?? a.municipality_code, afgesproken: a.agreed_count, gerealiseerd: 0 });
  for (const r of realised) {
    const k = key(r.corporation_id!, r.municipality_code);
    const row = rows.get(k) ?? { corporatieId: r.corporation_id!, corporatie: r.name, gemeentecode: r.municipality_code.trim(), gemeente: names.get(r.municipality_code.trim()) ?? r.municipality_code, afgesproken: 0, gerealiseerd: 0 };
    row.gerealiseerd = Number(r.n);
    rows.set(k, row);
  }
  const list = [...rows.values()].sort((a, b) => a.corporatie.localeCompare(b.corporatie) || a.gemeente.localeCompare(b.gemeente))
    .map((r) => ({ ...r, percentage: r.afgesproken > 0 ? Math.round((100 * r.gerealiseerd) / r.afgesproken) : null }));
  const sum = (f: (r: typeof list[number]) => number, rs = list) => rs.reduce((s, r) => s + f(r), 0);
  const perCorp = new Map<string, typeof list>();
  for (const r of list) perCorp.set(r.corporatie, [...(perCorp.get(r.corporatie) ?? []), r]);
  const perGem = new Map<string, typeof list>();
  for (const r of list) perGem.set(r.gemeente, [...(perGem.get(r.gemeente) ?? []), r]);
  return {
    jaar: year, afspraken: list,
    perCorporatie: [...perCorp.entries()].map(([corporatie, rs]) => ({ corporatie, afgesproken: sum((r) => r.afgesproken, rs), gerealiseerd: sum((r) => r.gerealiseerd, rs) })),
    perGemeente: [...perGem.entries()].map(([gemeente, rs]) => ({ gemeente, afgesproken: sum((r) => r.afgesproken, rs), gerealiseerd: sum((r) => r.gerealiseerd, rs) })).sort((a, b) => a.gemeente.localeCompare(b.gemeente)),
    totaal: { afgesproken: sum((r) => r.afgesproken), gerealiseerd: sum((r) => r.gerealiseerd) },
    landelijkDoel: { extraWoonplekken: NATIONAL_GOAL_EXTRA_WOONPLEKKEN, toelichting: 'Landelijk doel: 10.000 extra woonplekken voor (voormalig) dakloze mensen (seed-figures.json, landelijk).' },
  };
}

// ---------- woonkandidaten ----------

export interface CandidateInput {
  clientId: string; huishoudgrootte: number; nettoInkomen: number; ondersteuning: string; voorkeursgemeenten?: string[]; netwerkgemeente?: string | null;
  urgentie?: string; woonklaarSinds: string;
}

type CandidateRow = {
  id: string; client_id: string; trajectory_id: string; household_size: number; net_income_cents: number; support_level: string; preferred_municipalities: string[];
  network_municipality_code: string | null; urgency: string; ready_since: string; status: string; housed_on: string | null; first_name: string; last_name: string; birth_date: string | null;
};

function candidateQuery(ctx: Ctx) {
  return visibleClients(ctx).innerJoin('housing_candidates', 'housing_candidates.client_id', 'clients.id')
    .select(['housing_candidates.id', 'housing_candidates.client_id', 'housing_candidates.trajectory_id', 'housing_candidates.household_size', 'housing_candidates.net_income_cents',
      'housing_candidates.support_level', 'housing_candidates.preferred_municipalities', 'housing_candidates.network_municipality_code', 'housing_candidates.urgency',
      'housing_candidates.ready_since', 'housing_candidates.status', 'housing_candidates.housed_on', 'clients.first_name', 'clients.last_name', 'clients.birth_date'])
    .where('housing_candidates.tenant_id', '=', ctx.actor.tenantId);
}

function toMatchCandidate(c: CandidateRow, today: string): MatchCandidate {
  return { id: c.id, householdSize: c.household_size, netIncomeCents: c.net_income_cents, supportLevel: c.support_level, preferred: (c.preferred_municipalities ?? []).map((x) => x.trim()),
    networkCode: c.network_municipality_code?.trim() ?? null, urgency: c.urgency, readySince: c.ready_since, age: ageOn(c.birth_date, today) };
}

function candidateDto(ctx: Ctx, c: CandidateRow, names: Map<string, string>) {
  const today = todayInNl(ctx.now);
  return {
    id: c.id, clientId: c.client_id, trajectId: c.trajectory_id, naam: `${c.first_name} ${c.last_name}`, leeftijd: ageOn(c.birth_date, today),
    huishoudgrootte: c.household_size, nettoInkomen: euros(c.net_income_cents), ondersteuning: c.support_level, ondersteuningLabel: supportLabel(c.support_level),
    voorkeursgemeenten: (c.preferred_municipalities ?? []).map((m) => ({ code: m.trim(), naam: names.get(m.trim()) ?? m })),
    netwerkgemeente: c.network_municipality_code ? { code: c.network_municipality_code.trim(), naam: names.get(c.network_municipality_code.trim()) ?? c.network_municipality_code } : null,
    urgentie: c.urgency, woonklaarSinds: c.ready_since, wachtdagen: c.status === 'woonklaar' ? daysBetween(c.ready_since, today) : daysBetween(c.ready_since, c.housed_on ?? today),
    status: c.status, gehuisvestOp: c.housed_on,
    mogelijkheden: { woonplekkenZien: ctx.actor.role === 'toegang' && c.status === 'woonklaar', aanbieden: ctx.actor.role === 'toegang' && c.status === 'woonklaar' },
  };
}

export async function markReady(ctx: Ctx, input: CandidateInput) {
  requireRole(ctx, 'toegang');
  await assertClientVisible(ctx, input.clientId);
  const names = await municipalityNames(ctx);
  const p = new Problems();
  if (!Number.isInteger(input.huishoudgrootte) || input.huishoudgrootte < 1 || input.huishoudgrootte > 15) p.add('huishoudgrootte', 'range', 'Huishoudgrootte is een geheel getal van 1 tot 15.');
  if (!Number.isFinite(input.nettoInkomen) || input.nettoInkomen < 0 || input.nettoInkomen > 20_000) p.add('nettoInkomen', 'range', 'Netto maandinkomen is een bedrag van € 0 tot € 20.000.');
  if (!SUPPORT_LEVELS.some((s) => s.code === input.ondersteuning)) p.add('ondersteuning', 'enum', 'Kies geen, licht, intensief of Housing First.');
  const prefs = [...new Set(input.voorkeursgemeenten ?? [])];
  if (prefs.some((m) => !names.has(m))) p.add('voorkeursgemeenten', 'unknown', 'Kies voorkeursgemeenten uit de eigen regio.');
  if (input.netwerkgemeente && !names.has(input.netwerkgemeente)) p.add('netwerkgemeente', 'unknown', 'Kies de netwerkgemeente uit de eigen regio.');
  const urgency = input.urgentie ?? 'normaal';
  if (!URGENCIES.some((u) => u.code === urgency)) p.add('urgentie', 'enum', 'Kies normaal, hoog of urgent.');
  checkDate(p, 'woonklaarSinds', input.woonklaarSinds, { notFuture: ctx });
  p.throwIfAny();
  const t = await ctx.db.selectFrom('trajectories').select(['id', 'started_on']).where('client_id', '=', input.clientId).where('tenant_id', '=', ctx.actor.tenantId).where('ended_on', 'is', null).executeTakeFirst();
  if (!t) throw new ConflictError('Deze cliënt heeft geen open traject; alleen cliënten met een open traject kunnen woonklaar worden gemeld.');
  if (input.woonklaarSinds < t.started_on) new Problems().add('woonklaarSinds', 'range', `Woonklaar kan niet vóór de start van het traject (${t.started_on}) liggen.`).throwIfAny();
  const active = await ctx.db.selectFrom('housing_candidates').select('id').where('client_id', '=', input.clientId).where('status', '=', 'woonklaar').executeTakeFirst();
  if (active) throw new ConflictError('Deze cliënt staat al als woonklaar geregistreerd.');
  const row = await ctx.db.insertInto('housing_candidates').values({
    tenant_id: ctx.actor.tenantId, client_id: input.clientId, trajectory_id: t.id, household_size: input.huishoudgrootte, net_income_cents: cents(input.nettoInkomen),
    support_level: input.ondersteuning, preferred_municipalities: prefs, network_municipality_code: input.netwerkgemeente ?? null, urgency, ready_since: input.woonklaarSinds,
    status: 'woonklaar', created_by: ctx.actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  await audit(ctx, { clientId: input.clientId, action: 'aanmaken', resource: 'woonkandidaat' });
  return getCandidate(ctx, row.id);
}

async function loadCandidate(ctx: Ctx, id: string) {
  requireRole(ctx, 'toegang');
  const c = await candidateQuery(ctx).where('housing_candidates.id', '=', id).executeTakeFirst();
  if (!c) throw new NotFoundError('Woonkandidaat niet gevonden.');
  return c;
}

export async function getCandidate(ctx: Ctx, id: string) {
  const c = await loadCandidate(ctx, id);
  await audit(ctx, { clientId: c.client_id, action: 'lezen', resource: 'woonkandidaat' });
  return candidateDto(ctx, c, await municipalityNames(ctx));
}

export async function listCandidates(ctx: Ctx, q: { status?: string; clientId?: string } = {}) {
  requireRole(ctx, 'toegang');
  let query = candidateQuery(ctx);
  query = query.where('housing_candidates.status', '=', q.status ?? 'woonklaar');
  if (q.clientId) query = query.where('housing_candidates.client_id', '=', q.clientId);
  const rows = await query.orderBy('housing_candidates.ready_since').orderBy('housing_candidates.id').execute();
  await audit(ctx, { clientId: q.clientId ?? null, action: 'zoeken', resource: 'woonkandidaten', detail: `${rows.length} resultaten` });
  const names = await municipalityNames(ctx);
  return { resultaten: rows.map((r) => candidateDto(ctx, r, names)) };
}

// ---------- matching ----------

function pairDto(r: PairResult, rank: number, uitleg: string) {
  return { rang: rank, score: r.score, uitleg, onderdelen: r.components, nettoWoonlast: euros(r.housingCostCents), geschatteHuurtoeslag: euros(r.allowanceCents), maximaleWoonlast: euros(r.maxCostCents) };
}

export const MATCHING_RULES = {
  hardeEisen: [
    'Huishouden past: huishoudgrootte tussen het minimum en maximum van de woonplek.',
    AFFORDABILITY.uitleg,
    'Ondersteuning beschikbaar: het benodigde niveau (geen < licht < intensief < Housing First) is op deze plek te leveren.',
    'Doelgroep: Housing First-woningen alleen voor kandidaten met een Housing First-indicatie; jongerenwoningen 18 t/m 27 jaar; 55+-woningen vanaf 55 jaar.',
  ],
  voorkeuren: [
    `Voorkeursgemeente +${POINTS.voorkeursgemeente}; netwerkgemeente +${POINTS.netwerkgemeente}; urgentie hoog +100, urgent +250; passende grootte (kamers ≤ personen + 1) +${POINTS.passendeGrootte}; betaalbaarheidsmarge tot +${POINTS.betaalbaarheidMarge}; direct beschikbaar +${POINTS.directBeschikbaar}.`,
  ],
  eerlijkheid: FAIRNESS_RULE,
};

/** Ranked suitable ready clients for a free home. */
export async function candidatesForUnit(ctx: Ctx, unitId: string, q: { limiet?: number } = {}) {
  requireRole(ctx, 'toegang');
  const names = await municipalityNames(ctx);
  const unit = await loadUnit(ctx, unitId);
  const today = todayInNl(ctx.now);
  const rows = await candidateQuery(ctx).where('housing_candidates.status', '=', 'woonklaar').execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const { ranked: rankedMc, feasible } = rankCandidatesForUnit(toMatchUnit(unit, names), rows.map((c) => toMatchCandidate(c, today)), today, q.limiet ?? 50);
  const ranked = rankedMc.map((r) => ({ ...r, item: byId.get(r.item.id)! }));
  await audit(ctx, { clientId: null, action: 'zoeken', resource: 'woonkandidaten bij woonplek', detail: `woonplek ${unitId}: ${ranked.length} passend` });
  return {
    woonplek: unitDto(ctx, unit, names), regels: MATCHING_RULES,
    resultaten: ranked.map((r) => ({ kandidaat: candidateDto(ctx, r.item, names), ...pairDto(r.result, r.rank, r.uitleg) })),
    nietPassend: rows.length - feasible,
  };
}

/** Ranked suitable free homes for a ready client, plus the homes that do not fit and why. */
export async function unitsForCandidate(ctx: Ctx, candidateId: string, q: { limiet?: number } = {}) {
  const c = await loadCandidate(ctx, candidateId);
  const names = await municipalityNames(ctx);
  const today = todayInNl(ctx.now);
  const units = await unitQuery(ctx).where('housing_units.status', '=', 'beschikbaar').execute();
  const mc = toMatchCandidate(c, today);
  const evaluated = units.map((u) => ({ item: u, result: evaluatePair(toMatchUnit(u, names), mc, today), tieKey: `${u.available_from}|${u.id}` }));
  const ranked = rankPairs(evaluated).slice(0, q.limiet ?? 50);
  await audit(ctx, { clientId: c.client_id, action: 'lezen', resource: 'passende woonplekken' });
  return {
    kandidaat: candidateDto(ctx, c, names), regels: MATCHING_RULES,
    resultaten: ranked.map((r) => ({ woonplek: unitDto(ctx, r.item, names), ...pairDto(r.result, r.rank, r.uitleg) })),
    nietPassend: evaluated.filter((e) => !e.result.feasible).slice(0, 20).map((e) => ({ woonplekId: e.item.id, adres: e.item.address, redenen: e.result.blockers })),
  };
}

/** Batch proposal: the optimal assignment of all free homes to all ready clients (nothing is stored). */
export async function computeProposal(ctx: Ctx) {
  requireRole(ctx, 'toegang');
  const names = await municipalityNames(ctx);
  const today = todayInNl(ctx.now);
  const cands = await candidateQuery(ctx).where('housing_candidates.status', '=', 'woonklaar').orderBy('housing_candidates.id').execute();
  const units = await unitQuery(ctx).where('housing_units.status', '=', 'beschikbaar').orderBy('housing_units.id').execute();
  const mcs = cands.map((c) => toMatchCandidate(c, today)), mus = units.map((u) => toMatchUnit(u, names));
  const score = compileScorer(mcs, mus, today);
  const res = optimalAssignment(cands.length, units.length, score, { rowBase: score.rowBase });
  // greedy for comparison, on all feasible pairs (small per tenant)
  const gr: number[] = [], gc: number[] = [], gw: number[] = [];
  for (let r = 0; r < cands.length; r++) for (let c = 0; c < units.length; c++) { const s = score(r, c); if (s > 0) { gr.push(r); gc.push(c); gw.push(s); } }
  const greedy = greedyAssignment(cands.length, units.length, gr, gc, gw);
  const voorstellen = [];
  for (let r = 0; r < cands.length; r++) {
    const col = res.rowToCol[r]!;
    if (col < 0) continue;
    const pr = evaluatePair(mus[col]!, mcs[r]!, today);
    voorstellen.push({
      kandidaat: candidateDto(ctx, cands[r]!, names), woonplek: unitDto(ctx, units[col]!, names), score: pr.score, onderdelen: pr.components,
      uitleg: `${pr.score} punten: ${pr.components.map((x) => `${x.label.charAt(0).toLowerCase()}${x.label.slice(1)} (+${x.punten})`).join('; ')}.`,
    });
  }
  voorstellen.sort((a, b) => b.score - a.score);
  const assigned = new Set(voorstellen.map((v) => v.kandidaat.id));
  await audit(ctx, { clientId: null, action: 'zoeken', resource: 'toewijzingsvoorstel', detail: `${voorstellen.length} koppelingen` });
  return {
    methode: 'Optimale toewijzing (kortste augmenterende paden, Jonker-Volgenant) over alle haalbare paren; onhaalbare paren uitgesloten; bewezen optimaal met duale prijzen.',
    eerlijkheidsregel: FAIRNESS_RULE, regels: MATCHING_RULES,
    totaleScore: res.total, gulzigeScore: greedy.total, bewezenOptimaal: res.certified,
    aantalKandidaten: cands.length, aantalWoonplekken: units.length, haalbareParen: res.feasiblePairs,
    voorstellen,
    zonderWoonplek: cands.filter((c) => !assigned.has(c.id)).map((c) => ({ kandidaatId: c.id, naam: `${c.first_name} ${c.last_name}` })),
  };
}
