// Kysely queries the housing services share: municipalities, homes, candidates, offers, Housing First trajectories
// and the agreement/realisation counts. Tenant restrictions are inside every query; person data starts from
// visibleClients(ctx).
import { sql } from 'kysely';
import type { Ctx } from '../../rights/context.js';
import { visibleClients } from '../../rights/visibility.js';

/** Code → name of the tenant's municipalities (codes are char(4) in the database: trimmed here). */
export async function municipalityNames(ctx: Ctx): Promise<Map<string, string>> {
  const rows = await ctx.db
    .selectFrom('municipalities')
    .select(['code', 'name'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .execute();
  return new Map(rows.map((r) => [r.code.trim(), r.name]));
}

/** The corporation a user account is linked to (users.corporation_id), or null. */
export async function corporationOfUser(ctx: Ctx): Promise<string | null> {
  const u = await ctx.db
    .selectFrom('users')
    .select('corporation_id')
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirst();
  return u?.corporation_id ?? null;
}

export async function corporationExists(ctx: Ctx, id: string): Promise<boolean> {
  return !!(await ctx.db
    .selectFrom('housing_corporations')
    .select('id')
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst());
}

// ---------- woonplekken ----------

export function unitQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('housing_units')
    .leftJoin('housing_corporations', 'housing_corporations.id', 'housing_units.corporation_id')
    .select([
      'housing_units.id',
      'housing_units.corporation_id',
      'housing_units.type',
      'housing_units.address',
      'housing_units.postcode',
      'housing_units.municipality_code',
      'housing_units.wijk',
      'housing_units.rooms',
      'housing_units.area_m2',
      'housing_units.rent_cents',
      'housing_units.available_from',
      'housing_units.household_min',
      'housing_units.household_max',
      'housing_units.age_group',
      'housing_units.support_max',
      'housing_units.conditions',
      'housing_units.status',
      'housing_corporations.name as corporation_name',
    ])
    .where('housing_units.tenant_id', '=', ctx.actor.tenantId);
}
export type UnitRow = Awaited<ReturnType<ReturnType<typeof unitQuery>['executeTakeFirstOrThrow']>>;

// ---------- woonkandidaten ----------

export function candidateQuery(ctx: Ctx) {
  return visibleClients(ctx)
    .innerJoin('housing_candidates', 'housing_candidates.client_id', 'clients.id')
    .select([
      'housing_candidates.id',
      'housing_candidates.client_id',
      'housing_candidates.trajectory_id',
      'housing_candidates.household_size',
      'housing_candidates.net_income_cents',
      'housing_candidates.support_level',
      'housing_candidates.preferred_municipalities',
      'housing_candidates.network_municipality_code',
      'housing_candidates.urgency',
      'housing_candidates.ready_since',
      'housing_candidates.status',
      'housing_candidates.housed_on',
      'clients.first_name',
      'clients.last_name',
      'clients.birth_date',
    ])
    .where('housing_candidates.tenant_id', '=', ctx.actor.tenantId);
}
export type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidateQuery>['executeTakeFirstOrThrow']>>;

// ---------- aanbiedingen ----------

export function offerQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('housing_offers')
    .innerJoin('housing_units', 'housing_units.id', 'housing_offers.unit_id')
    .innerJoin('housing_candidates', 'housing_candidates.id', 'housing_offers.candidate_id')
    .innerJoin('clients', 'clients.id', 'housing_offers.client_id')
    .leftJoin('housing_corporations', 'housing_corporations.id', 'housing_units.corporation_id')
    .select([
      'housing_offers.id',
      'housing_offers.status',
      'housing_offers.offered_on',
      'housing_offers.responded_on',
      'housing_offers.decline_reason',
      'housing_offers.contract_on',
      'housing_offers.moved_in_on',
      'housing_offers.exit_destination',
      'housing_offers.score',
      'housing_offers.client_id',
      'housing_offers.candidate_id',
      'housing_offers.unit_id',
      'housing_units.address',
      'housing_units.type',
      'housing_units.corporation_id',
      'housing_units.municipality_code',
      'housing_corporations.name as corporation_name',
      'housing_candidates.household_size',
      'housing_candidates.support_level',
      'housing_candidates.trajectory_id',
      'housing_candidates.ready_since',
      'clients.first_name',
      'clients.last_name',
      'clients.phone',
      'clients.email',
    ])
    .where('housing_offers.tenant_id', '=', ctx.actor.tenantId);
}
export type OfferRow = Awaited<ReturnType<ReturnType<typeof offerQuery>['executeTakeFirstOrThrow']>>;

// ---------- Housing First ----------

export function housingFirstQuery(ctx: Ctx) {
  return visibleClients(ctx)
    .innerJoin('housing_first_trajectories', 'housing_first_trajectories.client_id', 'clients.id')
    .innerJoin('municipalities', 'municipalities.code', 'housing_first_trajectories.municipality_code')
    .select([
      'housing_first_trajectories.id',
      'housing_first_trajectories.client_id',
      'housing_first_trajectories.referred_on',
      'housing_first_trajectories.decision_on',
      'housing_first_trajectories.started_on',
      'housing_first_trajectories.ended_on',
      'municipalities.name',
      'municipalities.code',
      'clients.first_name',
      'clients.last_name',
    ])
    .where('housing_first_trajectories.tenant_id', '=', ctx.actor.tenantId);
}
export type HousingFirstRow = Awaited<ReturnType<ReturnType<typeof housingFirstQuery>['executeTakeFirstOrThrow']>>;

// ---------- prestatieafspraken ----------

/** The agreements of a year (one corporation's only when `corporationId` is given). */
export function agreementsOfYear(ctx: Ctx, year: number, corporationId: string | null) {
  let q = ctx.db
    .selectFrom('performance_agreements')
    .innerJoin('housing_corporations', 'housing_corporations.id', 'performance_agreements.corporation_id')
    .select([
      'performance_agreements.corporation_id',
      'housing_corporations.name',
      'performance_agreements.municipality_code',
      'performance_agreements.agreed_count',
    ])
    .where('performance_agreements.tenant_id', '=', ctx.actor.tenantId)
    .where('performance_agreements.year', '=', year);
  if (corporationId) q = q.where('performance_agreements.corporation_id', '=', corporationId);
  return q.execute();
}
export type AgreementRow = Awaited<ReturnType<typeof agreementsOfYear>>[number];

/** Realisation: homes let to our clients (offers moved in that year), per corporation and gemeente. */
export function realisedInYear(ctx: Ctx, year: number, corporationId: string | null) {
  let q = ctx.db
    .selectFrom('housing_offers')
    .innerJoin('housing_units', 'housing_units.id', 'housing_offers.unit_id')
    .innerJoin('housing_corporations', 'housing_corporations.id', 'housing_units.corporation_id')
    .select([
      'housing_corporations.id as corporation_id',
      'housing_corporations.name',
      'housing_units.municipality_code',
      sql<number>`count(*)::int`.as('n'),
    ])
    .where('housing_offers.tenant_id', '=', ctx.actor.tenantId)
    .where('housing_offers.status', '=', 'verhuisd')
    .where('housing_offers.moved_in_on', '>=', `${year}-01-01`)
    .where('housing_offers.moved_in_on', '<', `${year + 1}-01-01`)
    .groupBy(['housing_corporations.id', 'housing_corporations.name', 'housing_units.municipality_code']);
  if (corporationId) q = q.where('housing_units.corporation_id', '=', corporationId);
  return q.execute();
}
export type RealisedRow = Awaited<ReturnType<typeof realisedInYear>>[number];

// ---------- cijfers ----------

/** Moves into a home during [van, tot), with the waiting start, home type, gemeente and corporation. */
export function movesInPeriod(ctx: Ctx, van: string, tot: string) {
  return ctx.db
    .selectFrom('housing_offers')
    .innerJoin('housing_candidates', 'housing_candidates.id', 'housing_offers.candidate_id')
    .innerJoin('housing_units', 'housing_units.id', 'housing_offers.unit_id')
    .innerJoin('municipalities', 'municipalities.code', 'housing_units.municipality_code')
    .leftJoin('housing_corporations', 'housing_corporations.id', 'housing_units.corporation_id')
    .select([
      'housing_offers.id',
      'housing_offers.moved_in_on',
      'housing_offers.exit_destination',
      'housing_candidates.ready_since',
      'housing_units.type',
      'municipalities.name as gemeente',
      'housing_corporations.name as corporatie',
    ])
    .where('housing_offers.tenant_id', '=', ctx.actor.tenantId)
    .where('housing_offers.status', '=', 'verhuisd')
    .where('housing_offers.moved_in_on', '>=', van)
    .where('housing_offers.moved_in_on', '<', tot)
    .execute();
}
