// Issue 19 demo data: tariffs per night per facility type (eigen bijdrage and kostprijs), the regional budget
// (seeds/004: € 900.000 voor innovaties in 2020), a few payments and exemptions, and the zaaksysteem connection
// (switched on last, so only changes made in the demo itself go to the (fake) zaaksysteem). Deterministic, bulk inserts.
import type { Database } from '../platform/db/database.js';
import { addDays } from '../platform/validation.js';

const OWN: Record<string, number> = {
  crisisopvang: 500,
  '24-uursopvang': 750,
  gezinsopvang: 400,
  jongerenopvang: 300,
  trajectbedden: 750,
};
const COST: Record<string, number> = {
  crisisopvang: 9_500,
  '24-uursopvang': 12_000,
  gezinsopvang: 8_500,
  jongerenopvang: 11_000,
  trajectbedden: 10_000,
  'beschermd-wonen': 15_000,
  'housing-first': 4_500,
  'skaeve-huse': 6_000,
  tussenvoorziening: 5_500,
};
/** Valid test RSINs (9 digits, elfproef) per demo tenant; other tenants get the first. */
const RSIN = ['002220647', '001005650', '002564440'];

export async function seedMoneyDemo(database: Database, opts: { today: string; tenants: string[] }) {
  const db = database.db;
  const rates = opts.tenants.flatMap((tenant) => [
    ...Object.entries(OWN).map(([type, cents]) => ({
      tenant_id: tenant,
      kind: 'eigen-bijdrage' as const,
      facility_type: type,
      per_night_cents: cents,
      valid_from: '2016-01-01',
      created_by: null,
    })),
    ...Object.entries(COST).map(([type, cents]) => ({
      tenant_id: tenant,
      kind: 'kostprijs' as const,
      facility_type: type,
      per_night_cents: cents,
      valid_from: '2016-01-01',
      created_by: null,
    })),
  ]);
  await db.insertInto('finance_rates').values(rates).execute();
  await db
    .insertInto('regional_budgets')
    .values(
      opts.tenants.flatMap((tenant) => [
        { tenant_id: tenant, year: 2020, label: 'Innovaties van opvang naar wonen', amount_cents: 90_000_000 },
        {
          tenant_id: tenant,
          year: Number(opts.today.slice(0, 4)),
          label: 'Maatschappelijke opvang',
          amount_cents: 450_000_000,
        },
      ]),
    )
    .execute();
  let payments = 0;
  for (const tenant of opts.tenants) {
    // three residents with an open stay: one exempted (no income yet), two who paid part
    const residents = await db
      .selectFrom('stays')
      .innerJoin('clients', 'clients.id', 'stays.client_id')
      .select(['clients.id', 'stays.started_on'])
      .where('stays.tenant_id', '=', tenant)
      .where('stays.ended_on', 'is', null)
      .orderBy('clients.last_name')
      .orderBy('clients.id')
      .limit(3)
      .execute();
    const [first, ...rest] = residents;
    if (first)
      await db
        .insertInto('own_contribution_adjustments')
        .values({
          tenant_id: tenant,
          client_id: first.id,
          kind: 'vrijstelling',
          percentage: 100,
          from_on: first.started_on,
          to_on: addDays(first.started_on, 27),
          reason: 'Nog geen inkomen; uitkering aangevraagd',
          created_by: null,
        })
        .execute();
    if (rest.length) {
      await db
        .insertInto('own_contribution_payments')
        .values(
          rest.map((r, i) => ({
            tenant_id: tenant,
            client_id: r.id,
            paid_on: addDays(opts.today, -(7 + i * 5)),
            amount_cents: 2_500 + i * 1_000,
            reference: `KAS-${tenant.slice(0, 3).toUpperCase()}-${i + 1}`,
            created_by: null,
          })),
        )
        .execute();
      payments += rest.length;
    }
  }
  await db
    .insertInto('zgw_connections')
    .values(opts.tenants.map((tenant, i) => ({ tenant_id: tenant, rsin: RSIN[i] ?? RSIN[0]! })))
    .execute();
  return { tarieven: rates.length, betalingen: payments };
}
