// Kysely queries of registrations and decisions that the intake services share.
import { anyOfLiteral, arrayLiteral } from '../../platform/db/arrays.js';
import { compiledQuery } from '../../platform/db/compiled.js';
import type { Db, Tx } from '../../platform/db/database.js';

/** Access decisions with the decider's name and the responsible tenant (DecisionRow); add the where yourself. */
export function decisionsWithNames(db: Db) {
  return db
    .selectFrom('access_decisions')
    .innerJoin('registrations', 'registrations.id', 'access_decisions.registration_id')
    .leftJoin('users', 'users.id', 'access_decisions.decided_by')
    .leftJoin('tenants', 'tenants.id', 'access_decisions.responsible_tenant_id')
    .leftJoin('handovers', 'handovers.decision_id', 'access_decisions.id')
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
      'handovers.id as handover_id',
      'handovers.status as handover_status',
      'handovers.decline_reason as handover_decline_reason',
      'handovers.answered_on as handover_answered_on',
    ]);
}

/** Bezwaren against the given decisions, oldest first. */
const objectionsOfDecisions = compiledQuery((db, decisionIds: string) =>
  db
    .selectFrom('objections')
    .selectAll()
    .where('decision_id', '=', anyOfLiteral(decisionIds))
    .orderBy('received_on')
    .orderBy('created_at'),
);

/** The objections to these decisions (on every dossier read: compiled once, the ids as one array, ADR 0036). */
export async function objectionsOf(db: Tx, decisionIds: string[]) {
  if (!decisionIds.length) return [];
  return (await objectionsOfDecisions(db, arrayLiteral(decisionIds))).rows;
}
