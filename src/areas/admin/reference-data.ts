import type { Db } from '../../platform/db/database.js';
import {
  CAUSES,
  DECISION_OUTCOMES,
  EXIT_DESTINATIONS,
  EXIT_GROUPS,
  FACILITY_TYPES,
  ORIGIN_OTHER,
  REGISTRATION_SOURCES,
  ROLES,
  UNIT_KINDS,
} from '../../reference/reference.js';
import type { Referentie } from './session.dto.js';

const options = (list: readonly { code: string; label: string }[]) => list.map(({ code, label }) => ({ code, label }));

export async function referenceData(db: Db, tenantId: string): Promise<Referentie> {
  const [gemeenten, tenants] = await Promise.all([
    db
      .selectFrom('municipalities')
      .select(['code', 'name'])
      .where('tenant_id', '=', tenantId)
      .orderBy('name')
      .execute(),
    db.selectFrom('tenants').select(['id', 'name']).orderBy('name').execute(),
  ]);
  return {
    gemeenten: gemeenten.map((g) => ({ code: g.code, naam: g.name })),
    herkomstOverig: [...ORIGIN_OTHER],
    aanleidingen: options(CAUSES),
    bronnen: options(REGISTRATION_SOURCES),
    bestemmingen: EXIT_DESTINATIONS.map((d) => ({ code: d.code, label: d.label, groep: d.group })),
    bestemmingsgroepen: options(EXIT_GROUPS),
    voorzieningtypen: options(FACILITY_TYPES),
    eenheidsoorten: options(UNIT_KINDS),
    besluituitkomsten: options(DECISION_OUTCOMES),
    rollen: options(ROLES),
    tenants: tenants.map((t) => ({ id: t.id, naam: t.name })),
  };
}
