import { type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { ForbiddenError, NotFoundError } from '../platform/errors.js';
import type { Role } from '../reference/reference.js';
import type { Actor, Ctx } from './context.js';

// Access policy (domain.md §5), applied below the HTTP handlers: every query for person data starts from
// visibleClients(ctx), which already carries the tenant and role restrictions.

const PERSON_ROLES: Role[] = ['toegang', 'locatie', 'client'];

export function canSeePersons(actor: Actor): boolean {
  return PERSON_ROLES.includes(actor.role);
}

/** clients the actor may see, as a query to build on. Roles without person access get an error, not an empty list. */
export function visibleClients(ctx: Ctx): SelectQueryBuilder<DB, 'clients', {}> {
  const { actor } = ctx;
  if (!canSeePersons(actor)) throw new ForbiddenError('Uw rol geeft geen toegang tot persoonsgegevens.');
  let q = ctx.db
    .selectFrom('clients')
    .where('clients.tenant_id', '=', actor.tenantId)
    .where('clients.merged_into', 'is', null);
  if (actor.role === 'client') q = q.where('clients.id', '=', actor.clientId ?? '');
  if (actor.role === 'locatie') {
    // Shelter staff: clients with an open stay at their own facility.
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('stays')
          .innerJoin('units', 'units.id', 'stays.unit_id')
          .select(sql`1`.as('one'))
          .whereRef('stays.client_id', '=', 'clients.id')
          .where('stays.ended_on', 'is', null)
          .where('units.facility_id', '=', actor.facilityId ?? ''),
      ),
    );
  }
  return q;
}

/** Throws 404 (not 403: no hint that a person exists elsewhere) unless the actor may see this client. */
export async function assertClientVisible(ctx: Ctx, clientId: string): Promise<void> {
  const row = await visibleClients(ctx).select('clients.id').where('clients.id', '=', clientId).executeTakeFirst();
  if (!row) throw new NotFoundError('Cliënt niet gevonden.');
}

/**
 * Whom a placement may be made for (issue 14). A locatiemedewerker places only
 * - a client already visible to them (an open stay at the own facility: the placement answer is then 409, use
 *   verhuizen), or
 * - a client the toegang admitted (open trajectory whose registration has the access decision 'toegang') and referred
 *   to the own facility (an open verwijzing, src/areas/shelter/referrals.service.ts), with no open stay anywhere.
 * Everyone else is 404, the same answer as for another tenant's id, and decided before any state-dependent 409, so the
 * status code tells nothing about a client's whereabouts. Roles that see the whole region (toegang) may place every
 * client they can see; the missing decision or the open stay is then an ordinary 409.
 */
export async function assertClientPlaceable(ctx: Ctx, clientId: string): Promise<void> {
  const { actor } = ctx;
  if (actor.role !== 'locatie') return assertClientVisible(ctx, clientId);
  const row = await ctx.db
    .selectFrom('clients')
    .select('clients.id')
    .where('clients.id', '=', clientId)
    .where('clients.tenant_id', '=', actor.tenantId)
    .where('clients.merged_into', 'is', null)
    .where(({ or, and, exists, not, selectFrom }) => {
      const openStays = () =>
        selectFrom('stays')
          .innerJoin('units', 'units.id', 'stays.unit_id')
          .select(sql`1`.as('one'))
          .whereRef('stays.client_id', '=', 'clients.id')
          .where('stays.ended_on', 'is', null);
      const admitted = selectFrom('trajectories')
        .innerJoin('access_decisions', 'access_decisions.registration_id', 'trajectories.registration_id')
        .select(sql`1`.as('one'))
        .whereRef('trajectories.client_id', '=', 'clients.id')
        .where('trajectories.tenant_id', '=', actor.tenantId)
        .where('trajectories.ended_on', 'is', null)
        .where('access_decisions.outcome', '=', 'toegang');
      const referredHere = selectFrom('facility_referrals')
        .select(sql`1`.as('one'))
        .whereRef('facility_referrals.client_id', '=', 'clients.id')
        .where('facility_referrals.facility_id', '=', actor.facilityId ?? '')
        .where('facility_referrals.withdrawn_on', 'is', null)
        .where('facility_referrals.stay_id', 'is', null);
      return or([
        exists(openStays().where('units.facility_id', '=', actor.facilityId ?? '')), // a resident of the own facility
        // admitted, referred here, waiting for a bed, not in shelter anywhere
        and([exists(admitted), exists(referredHere), not(exists(openStays()))]),
      ]);
    })
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Cliënt niet gevonden.');
}

/**
 * Issue 12 deel A — journal entries (rapportage) of one client that the actor may read, as a query to build on: the
 * same rule as 'rapportage.lezen' in rights.ts (toegang all, a locatiemedewerker those of the own facility, the client
 * only shared ones). The caller checks the client itself first (assertClientVisible).
 */
export function visibleJournalEntries(ctx: Ctx, clientId: string) {
  const { actor } = ctx;
  if (!canSeePersons(actor)) throw new ForbiddenError('Uw rol geeft geen toegang tot persoonsgegevens.');
  let q = ctx.db
    .selectFrom('journal_entries')
    .where('journal_entries.tenant_id', '=', actor.tenantId)
    .where('journal_entries.client_id', '=', clientId);
  if (actor.role === 'client') q = q.where('journal_entries.shared_with_client', '=', true);
  if (actor.role === 'locatie') q = q.where('journal_entries.facility_id', '=', actor.facilityId ?? '');
  return q;
}
