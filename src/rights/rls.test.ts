// Issue 14 — row-level security (docs/adr/0010): request work sees and writes only its own tenant's rows, even when a
// query forgets its tenant filter, on PGlite and PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, sql } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { createTestDatabase } from '../test/db.js';
import { seedFixture } from '../test/fixtures.js';
import { type Actor, inSystemTransaction, inTransaction } from './context.js';

/**
 * Tables without row-level security, each with its reason. Every other public table must have it: a table added
 * with a tenant_id (or *_tenant_id) column gets it from migrate(); a table without one needs a line in rls_policies
 * (a child table: through its parent) or, when it holds no tenant data, in rls_exemptions and here.
 */
const WITHOUT_RLS: Record<string, string> = {
  schema_migrations: 'migratieboekhouding, alleen de eigenaar',
  rls_policies: 'de instellingen van de rijbeveiliging zelf, alleen de eigenaar',
  rls_exemptions: 'de instellingen van de rijbeveiliging zelf, alleen de eigenaar',
  sessions: 'sessies worden gezocht vóór de tenant bekend is (het token bepaalt hem), alleen de eigenaar',
  login_unknown_users: 'inlogteller vóór er een tenant is, alleen een hash van de naam, alleen de eigenaar',
  login_address_failures: 'inlogteller per bronadres vóór er een tenant is, alleen de eigenaar',
  installation_setup: 'eenmalige installatielink vóór er een tenant is, alleen de eigenaar',
  public_rate_limits:
    'tellers van de openbare meldlimieten (HMAC-sleutels), vóór de tenant bekend is; alleen de eigenaar',
  installation_secrets: 'formuliergeheim gedeeld door alle processen; alleen de eigenaar',
};

const actor = (tenantId: string): Actor => ({
  userId: `test-${tenantId}`,
  username: `test.${tenantId}`,
  displayName: 'Test',
  role: 'toegang',
  tenantId,
  facilityId: null,
  clientId: null,
});

let database: Database;
const clientIds: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  for (const tenant of ['dordrecht', 'almere']) {
    const c = await database.db
      .insertInto('clients')
      .values({ tenant_id: tenant, first_name: 'Cliënt', last_name: tenant, origin_label: 'Onbekend' })
      .returning('id')
      .executeTakeFirstOrThrow();
    clientIds[tenant] = c.id;
    await database.db
      .insertInto('household_members')
      .values({ client_id: c.id, name: `Kind ${tenant}`, relation: 'kind' })
      .execute();
  }
});
afterAll(() => database?.close());

describe('rijbeveiliging per tenant', () => {
  it('elke tabel met tenantgegevens heeft rijbeveiliging; de uitzonderingen staan hier met hun reden', async () => {
    const { rows } = await sql<{ name: string; rls: boolean }>`
      SELECT c.relname AS name, c.relrowsecurity AS rls FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`.execute(database.db);
    const without = rows.filter((r) => !r.rls).map((r) => r.name);
    expect(without.sort()).toEqual(Object.keys(WITHOUT_RLS).sort());
    // and the database's own list of exemptions is this list
    const exempt = await database.db.selectFrom('rls_exemptions').select('table_name').execute();
    expect(exempt.map((e) => e.table_name).sort()).toEqual(Object.keys(WITHOUT_RLS).sort());
    expect(rows.length).toBeGreaterThan(30);
  });

  it('een query zonder tenantfilter geeft binnen inTransaction alleen de rijen van de eigen tenant', async () => {
    for (const tenant of ['dordrecht', 'almere']) {
      const seen = await inTransaction(database, actor(tenant), (ctx) =>
        ctx.db.selectFrom('clients').select(['id', 'tenant_id']).execute(),
      );
      expect(seen).toEqual([{ id: clientIds[tenant], tenant_id: tenant }]);
      // a child table without tenant_id: through its parent
      const members = await inTransaction(database, actor(tenant), (ctx) =>
        ctx.db.selectFrom('household_members').select('name').execute(),
      );
      expect(members).toEqual([{ name: `Kind ${tenant}` }]);
      const users = await inTransaction(database, actor(tenant), (ctx) =>
        ctx.db.selectFrom('users').select('tenant_id').distinct().execute(),
      );
      expect(users).toEqual([{ tenant_id: tenant }]);
    }
    // the system transaction (set-up, seeding, login) is the owner and sees everything
    const all = await inSystemTransaction(database, (db) => db.selectFrom('clients').select('id').execute());
    expect(all).toHaveLength(2);
  });

  it('een rij schrijven met de tenant_id van een andere tenant wordt geweigerd', async () => {
    await expect(
      inTransaction(database, actor('dordrecht'), (ctx) =>
        ctx.db
          .insertInto('clients')
          .values({ tenant_id: 'almere', first_name: 'Fout', last_name: 'Geplaatst', origin_label: 'Onbekend' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    // moving an own row to the other tenant is refused as well
    await expect(
      inTransaction(database, actor('dordrecht'), (ctx) =>
        ctx.db.updateTable('clients').set({ tenant_id: 'almere' }).where('id', '=', clientIds.dordrecht).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    // a child row under the other tenant's parent is refused
    await expect(
      inTransaction(database, actor('dordrecht'), (ctx) =>
        ctx.db
          .insertInto('household_members')
          .values({ client_id: clientIds.almere, name: 'Indringer', relation: 'overig' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    // changing or deleting the other tenant's rows without a filter touches none of them
    const changed = await inTransaction(database, actor('dordrecht'), async (ctx) => {
      const u = await ctx.db.updateTable('clients').set({ phone: '0612345678' }).executeTakeFirst();
      const d = await ctx.db.deleteFrom('household_members').where('name', '=', 'Kind almere').executeTakeFirst();
      return { updated: Number(u.numUpdatedRows), deleted: Number(d.numDeletedRows) };
    });
    expect(changed).toEqual({ updated: 1, deleted: 0 });
    const almere = await database.db
      .selectFrom('clients')
      .select('phone')
      .where('id', '=', clientIds.almere)
      .executeTakeFirstOrThrow();
    expect(almere.phone).toBeNull();
    expect(
      await database.db.selectFrom('clients').select('id').where('tenant_id', '=', 'almere').execute(),
    ).toHaveLength(1);
  });

  it('de regiolijst is voor iedereen leesbaar, maar alleen de eigen regio is te wijzigen', async () => {
    const tenants = await inTransaction(database, actor('dordrecht'), (ctx) =>
      ctx.db.selectFrom('tenants').select('id').orderBy('id').execute(),
    );
    expect(tenants.map((t) => t.id)).toEqual(['almere', 'dordrecht']);
    await expect(
      inTransaction(database, actor('dordrecht'), (ctx) =>
        ctx.db.updateTable('tenants').set({ name: 'Overgenomen' }).where('id', '=', 'almere').execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('sessies en inlogtellers zijn niet bereikbaar vanuit een tenant-transactie', async () => {
    await expect(
      inTransaction(database, actor('dordrecht'), (ctx) => ctx.db.selectFrom('sessions').select('user_id').execute()),
    ).rejects.toThrow(/permission denied/);
  });

  it('een nieuwe tabel met tenant_id (of zender/ontvanger) krijgt bij de volgende migrate vanzelf rijbeveiliging', async () => {
    await database.execScript(`
      CREATE TABLE rls_probe (id serial PRIMARY KEY, tenant_id text NOT NULL REFERENCES tenants(id), note text);
      CREATE TABLE rls_probe_handovers (id serial PRIMARY KEY, sender_tenant_id text NOT NULL REFERENCES tenants(id),
        receiver_tenant_id text NOT NULL REFERENCES tenants(id));
      INSERT INTO rls_probe (tenant_id, note) VALUES ('dordrecht', 'd'), ('almere', 'a');
      INSERT INTO rls_probe_handovers (sender_tenant_id, receiver_tenant_id)
        VALUES ('dordrecht', 'almere'), ('almere', 'almere');`);
    try {
      expect(await migrate(database)).toEqual([]); // nothing to migrate, but the new tables are covered
      const probe = (tenant: string, table: string) =>
        inTransaction(database, actor(tenant), async (ctx) => {
          const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(ctx.db);
          return rows[0].n;
        });
      expect(await probe('dordrecht', 'rls_probe')).toBe(1);
      expect(await probe('dordrecht', 'rls_probe_handovers')).toBe(1); // as the sender
      expect(await probe('almere', 'rls_probe_handovers')).toBe(2); // as the receiver of both
      // a custom policy (the lead wires one per table in rls_policies) replaces the automatic one on the next run
      await database.execScript(`INSERT INTO rls_policies (table_name, using_expr, check_expr, reason)
        VALUES ('rls_probe_handovers', 'receiver_tenant_id = onderdak_tenant()', 'sender_tenant_id = onderdak_tenant()', 'proef')`);
      await migrate(database);
      expect(await probe('dordrecht', 'rls_probe_handovers')).toBe(0);
      expect(await probe('almere', 'rls_probe_handovers')).toBe(2);
    } finally {
      await database.execScript(
        `DROP TABLE rls_probe; DROP TABLE rls_probe_handovers; DELETE FROM rls_policies WHERE table_name = 'rls_probe_handovers';`,
      );
    }
  });
});
