import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Ctx, Actor } from './context.js';
import { ForbiddenError, NotFoundError } from '../platform/errors.js';
import type { Role } from '../reference/reference.js';

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
  let q = ctx.db.selectFrom('clients').where('clients.tenant_id', '=', actor.tenantId).where('clients.merged_into', 'is', null);
  if (actor.role === 'client') q = q.where('clients.id', '=', actor.clientId ?? '');
  if (actor.role === 'locatie') {
    // Shelter staff: clients with an open stay at their own facility.
    q = q.where(({ exists, selectFrom }) => exists(
      selectFrom('stays').innerJoin('units', 'units.id', 'stays.unit_id')
        .select(sql`1`.as('one'))
        .whereRef('stays.client_id', '=', 'clients.id')
        .where('stays.ended_on', 'is', null)
        .where('units.facility_id', '=', actor.facilityId ?? ''),
    ));
  }
  return q;
}

/** Throws 404 (not 403: no hint that a person exists elsewhere) unless the actor may see this client. */
export async function assertClientVisible(ctx: Ctx, clientId: string): Promise<void> {
  const row = await visibleClients(ctx).select('clients.id').where('clients.id', '=', clientId).executeTakeFirst();
  if (!row) throw new NotFoundError('Cliënt niet gevonden.');
}

