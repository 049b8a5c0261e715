// Kysely queries of registrations and decisions that the intake services share.
import type { Db } from '../../platform/db/database.js';

/** Access decisions with the decider's name and the responsible tenant (DecisionRow); add the where yourself. */
export function decisionsWithNames(db: Db) {
  return db
    .selectFrom('access_decisions')
    .innerJoin('registrations', 'registrations.id', 'access_decisions.registration_id')
    .leftJoin('users', 'users.id', 'access_decisions.decided_by')
    .leftJoin('tenants', 'tenants.id', 'access_decisions.responsible_tenant_id')
    .select([
      'access_decisions.id',
      'access_decisions.registration_id',
      'access_decisions.outcome',
      'access_decisions.decided_on',
      'access_decisions.reason',
      'access_decisions.objection_deadline',
      'access_decisions.emergency_shelter',
      'access_decisions.regional_tie',
      'access_decisions.responsible_tenant_id',
      'users.display_name as decider',
      'tenants.name as responsible_tenant_name',
    ]);
}
