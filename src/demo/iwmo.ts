// Issue 19 (iWmo 3.2): the demo's zorgaanbieders get AGB codes (one per active location), and the current placements
// with a toegangsbesluit get their 301 toewijzing, so the iWmo page has messages to download. Deterministic: codes
// follow the order of the locations, and at most 25 toewijzingen per tenant (the oldest stays first).
import { makeToewijzing } from '../areas/iwmo/iwmo.service.js';
import type { Database } from '../platform/db/database.js';
import { inSystemTransaction } from '../rights/context.js';

const AANBIEDER: Record<string, string> = {
  dordrecht: 'Leger des Heils Dordrecht',
  almere: 'Leger des Heils Flevoland',
};

export async function seedIwmoDemo(database: Database, opts: { now: Date; tenants: string[] }) {
  const summary: Record<string, number> = {};
  await inSystemTransaction(database, async (db) => {
    for (const [ti, tenant] of opts.tenants.entries()) {
      const facilities = await db
        .selectFrom('facilities')
        .select(['id', 'name'])
        .where('tenant_id', '=', tenant)
        .where('active', '=', true)
        .orderBy('name')
        .orderBy('id')
        .execute();
      if (!facilities.length) continue;
      await db
        .insertInto('iwmo_aanbieders')
        .values(
          facilities.map((f, fi) => ({
            tenant_id: tenant,
            facility_id: f.id,
            agb_code: String(41_000_000 + ti * 1000 + fi * 10).padStart(8, '0'),
            naam: AANBIEDER[tenant] ?? 'Zorgaanbieder maatschappelijke opvang',
          })),
        )
        .execute();
      const stays = await db
        .selectFrom('stays')
        .innerJoin('units', 'units.id', 'stays.unit_id')
        .innerJoin('facilities', 'facilities.id', 'units.facility_id')
        .innerJoin('iwmo_aanbieders', 'iwmo_aanbieders.facility_id', 'facilities.id')
        .innerJoin('clients', 'clients.id', 'stays.client_id')
        .innerJoin('access_decisions', (j) =>
          j
            .onRef('access_decisions.registration_id', '=', 'stays.registration_id')
            .on('access_decisions.outcome', '=', 'toegang'),
        )
        .select([
          'stays.id',
          'stays.client_id',
          'stays.started_on',
          'stays.short_stay',
          'facilities.name',
          'facilities.postcode',
          'iwmo_aanbieders.agb_code',
          'clients.bsn',
          'clients.birth_date',
        ])
        .where('stays.tenant_id', '=', tenant)
        .where('stays.ended_on', 'is', null)
        .where('clients.bsn', 'is not', null)
        .where('clients.birth_date', 'is not', null)
        .orderBy('stays.started_on')
        .orderBy('stays.id')
        .limit(40)
        .execute();
      let made = 0;
      for (const s of stays) {
        if (made >= 25) break;
        try {
          await makeToewijzing(db, tenant, opts.now, {
            clientId: s.client_id,
            stayId: s.id,
            agbCode: s.agb_code,
            categorie: s.short_stay ? '17' : '16',
            ingangsdatum: s.started_on,
            einddatum: null,
            organisatie: s.name,
            postcode: s.postcode,
            plaatsnaam: null,
          });
          made++;
        } catch {
          // a demo client whose BSN fails the elfproef gets no 301 (the page lists it with the reason)
        }
      }
      summary[tenant] = made;
    }
  });
  return summary;
}
