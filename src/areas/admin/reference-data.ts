import type { Db } from '../../platform/db/database.js';
import { CAUSES, REGISTRATION_SOURCES, EXIT_DESTINATIONS, EXIT_GROUPS, FACILITY_TYPES, UNIT_KINDS, DECISION_OUTCOMES, ROLES, ORIGIN_OTHER } from '../../reference/reference.js';

export async function referenceData(db: Db, tenantId: string) {
  const [gemeenten, tenants] = await Promise.all([
    db.selectFrom('municipalities').select(['code', 'name']).where('tenant_id', '=', tenantId).orderBy('name').execute(),
    db.selectFrom('tenants').select(['id', 'name']).orderBy('name').execute(),
  ]);
  return {
    gemeenten: gemeenten.map((g) => ({ code: g.code, naam: g.name })), herkomstOverig: ORIGIN_OTHER,
    aanleidingen: CAUSES, bronnen: REGISTRATION_SOURCES, bestemmingen: EXIT_DESTINATIONS.map((d) => ({ code: d.code, label: d.label, groep: d.group })),
    bestemmingsgroepen: EXIT_GROUPS, voorzieningtypen: FACILITY_TYPES, eenheidsoorten: UNIT_KINDS, besluituitkomsten: DECISION_OUTCOMES, rollen: ROLES,
    tenants: tenants.map((t) => ({ id: t.id, naam: t.name })),
  };
}
