// Figures of issue 5: the Housing First pipeline per gemeente (seeds/002) and the housing figures for a period
// [van, tot): time from woonklaar to moved in, offers and their outcome, exits to housing per corporation and gemeente.
import { sql } from 'kysely';
import type { Ctx } from '../../rights/context.js';
import { audit } from '../../rights/audit.js';
import { assertClientVisible, requireRole, visibleClients } from '../../rights/visibility.js';
import { Problems, NotFoundError, ConflictError } from '../../platform/errors.js';
import { isIsoDate, todayInNl, daysBetween } from '../../platform/validation.js';
import { suppressSmallCells, SUPPRESS_BELOW } from '../reporting/reports.service.js';

// ---------- Housing First ----------

/** Pipeline stage of a Housing First trajectory, derived from its dates. */
export function hfStage(t: { decision_on: string | null; started_on: string | null }): 'in-voorbereiding' | 'beschikking-wacht-op-woning' | 'gestart' {
  return t.started_on ? 'gestart' : t.decision_on ? 'beschikking-wacht-op-woning' : 'in-voorbereiding';
}

/** Counts per gemeente: trajecten (all not ended), gestart, beschikking wacht op woning, in voorbereiding. */
export async function housingFirstPipeline(ctx: Ctx) {
  requireRole(ctx, 'toegang', 'beleid', 'beheerder');
  const rows = await ctx.db.selectFrom('housing_first_trajectories').innerJoin('municipalities', 'municipalities.code', 'housing_first_trajectories.municipality_code')
    .select([
      'municipalities.code', 'municipalities.name',
      sql<number>`count(*)::int`.as('trajecten'),
      sql<number>`count(*) filter (where housing_first_trajectories.started_on is not null)::int`.as('gestart'),
      sql<number>`count(*) filter (where housing_first_trajectories.started_on is null and housing_first_trajectories.decision_on is not null)::int`.as('wacht'),
      sql<number>`count(*) filter (where housing_first_trajectories.decision_on is null)::int`.as('voorbereiding'),
    ])
    .where('housing_first_trajectories.tenant_id', '=', ctx.actor.tenantId).where('housing_first_trajectories.ended_on', 'is', null)
    .groupBy(['municipalities.code', 'municipalities.name']).orderBy(sql`count(*)`, 'desc').orderBy('municipalities.name').execute();
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'housing first pijplijn' });
  const perGemeente = rows.map((r) => ({ gemeentecode: r.code.trim(), gemeente: r.name, trajecten: Number(r.trajecten), gestart: Number(r.gestart), beschikkingWachtOpWoning: Number(r.wacht), inVoorbereiding: Number(r.voorbereiding) }));
  const sum = (k: 'trajecten' | 'gestart' | 'beschikkingWachtOpWoning' | 'inVoorbereiding') => perGemeente.reduce((s, r) => s + r[k], 0);
  return {
    toelichting: 'Housing First: aanmelding → beschikking (wacht op een woning) → traject gestart zodra de cliënt in de Housing First-woning woont. Slagingskans 80–90% tegen 40–50% in de opvang (seeds/002).',
    perGemeente, totaal: { trajecten: sum('trajecten'), gestart: sum('gestart'), beschikkingWachtOpWoning: sum('beschikkingWachtOpWoning'), inVoorbereiding: sum('inVoorbereiding') },
  };
}

export async function listHousingFirst(ctx: Ctx) {
  requireRole(ctx, 'toegang');
  const rows = await visibleClients(ctx).innerJoin('housing_first_trajectories', 'housing_first_trajectories.client_id', 'clients.id')
    .innerJoin('municipalities', 'municipalities.code', 'housing_first_trajectories.municipality_code')
    .select(['housing_first_trajectories.id', 'housing_first_trajectories.client_id', 'housing_first_trajectories.referred_on', 'housing_first_trajectories.decision_on',
      'housing_first_trajectories.started_on', 'housing_first_trajectories.ended_on', 'municipalities.name', 'municipalities.code', 'clients.first_name', 'clients.last_name'])
    .where('housing_first_trajectories.tenant_id', '=', ctx.actor.tenantId).orderBy('municipalities.name').orderBy('housing_first_trajectories.referred_on').execute();
  await audit(ctx, { clientId: null, action: 'zoeken', resource: 'housing first trajecten', detail: `${rows.length} resultaten` });
  return { resultaten: rows.map(hfDto(ctx)) };
}

const hfDto = (ctx: Ctx) => (r: { id: string; client_id: string; referred_on: string; decision_on: string | null; started_on: string | null; ended_on: string | null; name: string; code: string; first_name: string; last_name: string }) => ({
  id: r.id, clientId: r.client_id, naam: `${r.first_name} ${r.last_name}`, gemeentecode: r.code.trim(), gemeente: r.name, aangemeldOp: r.referred_on, beschikkingOp: r.decision_on,
  gestartOp: r.started_on, beeindigdOp: r.ended_on, fase: hfStage(r),
  mogelijkheden: { beschikkingVastleggen: ctx.actor.role === 'toegang' && !r.decision_on && !r.ended_on },
});

export async function createHousingFirst(ctx: Ctx, input: { clientId: string; gemeentecode: string; aangemeldOp: string; beschikkingOp?: string | null }) {
  requireRole(ctx, 'toegang');
  await assertClientVisible(ctx, input.clientId);
  const p = new Problems();
  const m = await ctx.db.selectFrom('municipalities').select('code').where('code', '=', input.gemeentecode).where('tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
  if (!m) p.add('gemeentecode', 'unknown', 'Kies een gemeente uit de eigen regio.');
  const today = todayInNl(ctx.now);
  if (!isIsoDate(input.aangemeldOp) || input.aangemeldOp > today) p.add('aangemeldOp', 'date', 'Vul een geldige datum in die niet in de toekomst ligt.');
  if (input.beschikkingOp && (!isIsoDate(input.beschikkingOp) || input.beschikkingOp > today || input.beschikkingOp < input.aangemeldOp)) p.add('beschikkingOp', 'date', 'De beschikkingsdatum ligt tussen aanmelding en vandaag.');
  p.throwIfAny();
  const open = await ctx.db.selectFrom('housing_first_trajectories').select('id').where('client_id', '=', input.clientId).where('ended_on', 'is', null).executeTakeFirst();
  if (open) throw new ConflictError('Deze cliënt heeft al een lopend Housing First-traject.');
  const row = await ctx.db.insertInto('housing_first_trajectories').values({ tenant_id: ctx.actor.tenantId, client_id: input.clientId, municipality_code: input.gemeentecode, referred_on: input.aangemeldOp, decision_on: input.beschikkingOp ?? null, created_by: ctx.actor.userId }).returning('id').executeTakeFirstOrThrow();
  await audit(ctx, { clientId: input.clientId, action: 'aanmaken', resource: 'housing first traject' });
  return getHousingFirst(ctx, row.id);
}

async function getHousingFirst(ctx: Ctx, id: string) {
  const r = await visibleClients(ctx).innerJoin('housing_first_trajectories', 'housing_first_trajectories.client_id', 'clients.id')
    .innerJoin('municipalities', 'municipalities.code', 'housing_first_trajectories.municipality_code')
    .select(['housing_first_trajectories.id', 'housing_first_trajectories.client_id', 'housing_first_trajectories.referred_on', 'housing_first_trajectories.decision_on',
      'housing_first_trajectories.started_on', 'housing_first_trajectories.ended_on', 'municipalities.name', 'municipalities.code', 'clients.first_name', 'clients.last_name'])
    .where('housing_first_trajectories.id', '=', id).where('housing_first_trajectories.tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
  if (!r) throw new NotFoundError('Housing First-traject niet gevonden.');
  return hfDto(ctx)(r);
}

export async function recordHousingFirstDecision(ctx: Ctx, id: string, input: { datum: string }) {
  requireRole(ctx, 'toegang');
  const t = await getHousingFirst(ctx, id);
  const p = new Problems();
  if (!isIsoDate(input.datum) || input.datum > todayInNl(ctx.now) || input.datum < t.aangemeldOp) p.add('datum', 'date', `De beschikkingsdatum ligt tussen de aanmelding (${t.aangemeldOp}) en vandaag.`);
  p.throwIfAny();
  if (t.beschikkingOp) throw new ConflictError('Voor dit traject is al een beschikking vastgelegd.');
  await ctx.db.updateTable('housing_first_trajectories').set({ decision_on: input.datum }).where('id', '=', id).execute();
  await audit(ctx, { clientId: t.clientId, action: 'besluiten', resource: 'housing first beschikking' });
  return getHousingFirst(ctx, id);
}

// ---------- housing figures ----------

export async function housingFigures(ctx: Ctx, q: { van: string; tot: string }) {
  requireRole(ctx, 'toegang', 'beleid', 'beheerder');
  const p = new Problems();
  if (!isIsoDate(q.van)) p.add('van', 'date', 'Ongeldige begindatum.');
  if (!isIsoDate(q.tot)) p.add('tot', 'date', 'Ongeldige einddatum.');
  if (isIsoDate(q.van) && isIsoDate(q.tot) && q.tot <= q.van) p.add('tot', 'range', 'De einddatum moet na de begindatum liggen.');
  p.throwIfAny();
  const T = ctx.actor.tenantId;
  // moved in during [van, tot)
  const moves = await ctx.db.selectFrom('housing_offers').innerJoin('housing_candidates', 'housing_candidates.id', 'housing_offers.candidate_id')
    .innerJoin('housing_units', 'housing_units.id', 'housing_offers.unit_id').innerJoin('municipalities', 'municipalities.code', 'housing_units.municipality_code')
    .leftJoin('housing_corporations', 'housing_corporations.id', 'housing_units.corporation_id')
    .select(['housing_offers.moved_in_on', 'housing_offers.exit_destination', 'housing_candidates.ready_since', 'housing_units.type', 'municipalities.name as gemeente', 'housing_corporations.name as corporatie'])
    .where('housing_offers.tenant_id', '=', T).where('housing_offers.status', '=', 'verhuisd').where('housing_offers.moved_in_on', '>=', q.van).where('housing_offers.moved_in_on', '<', q.tot).execute();
  const days = moves.map((m) => daysBetween(m.ready_since, m.moved_in_on!)).sort((a, b) => a - b);
  const mean = days.length ? Math.round((10 * days.reduce((s, d) => s + d, 0)) / days.length) / 10 : null;
  const median = days.length ? (days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2) : null;
  const group = (key: (m: typeof moves[number]) => string) => {
    const map = new Map<string, number>();
    for (const m of moves) map.set(key(m), (map.get(key(m)) ?? 0) + 1);
    return [...map.entries()].map(([naam, aantal]) => ({ naam, aantal })).sort((a, b) => b.aantal - a.aantal || a.naam.localeCompare(b.naam));
  };
  // offers made in [van, tot) and where they stand now
  const offers = await ctx.db.selectFrom('housing_offers').select(['status', 'decline_reason']).where('tenant_id', '=', T).where('offered_on', '>=', q.van).where('offered_on', '<', q.tot).execute();
  const count = (pred: (s: string) => boolean) => offers.filter((o) => pred(o.status)).length;
  const reasons = new Map<string, number>();
  for (const o of offers) if (o.status === 'afgewezen') reasons.set(o.decline_reason ?? 'onbekend', (reasons.get(o.decline_reason ?? 'onbekend') ?? 0) + 1);
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'cijfers wonen', detail: `${q.van} tot ${q.tot}` });
  const aggregatesOnly = ctx.actor.role !== 'toegang';
  const cells = <T extends { aantal: number }>(rows: T[]) => (aggregatesOnly ? suppressSmallCells(rows) : rows);
  return {
    van: q.van, tot: q.tot,
    doorlooptijd: { verhuisd: moves.length, gemiddeldeDagenWoonklaarTotVerhuisd: mean, mediaanDagen: median, toelichting: 'Dagen van woonklaar-melding tot verhuisdatum, voor wie in de periode verhuisde.' },
    aanbiedingen: {
      gedaan: offers.length, geaccepteerd: count((s) => ['geaccepteerd', 'contract-getekend', 'verhuisd'].includes(s)), afgewezen: count((s) => s === 'afgewezen'),
      ingetrokken: count((s) => s === 'ingetrokken'), lopend: count((s) => s === 'aangeboden'),
      redenenAfwijzing: cells([...reasons.entries()].map(([naam, aantal]) => ({ naam, aantal }))),
      toelichting: 'Aanbiedingen gedaan in de periode, naar hun huidige stand (geaccepteerd = geaccepteerd, contract getekend of verhuisd).',
    },
    uitstroomNaarWonen: {
      totaal: moves.length,
      perCorporatie: cells(group((m) => m.corporatie ?? 'Geen corporatie (gemeente of particulier)')),
      perGemeente: cells(group((m) => m.gemeente)),
      perBestemming: cells(group((m) => m.exit_destination ?? 'onbekend')),
    },
    onderdrukkingsgrens: aggregatesOnly ? SUPPRESS_BELOW : null,
  };
}
