// Issue 11: an upgrade keeps data. A database made by the previous release (v1.0.0: migrations 0001–0009, the ones
// in the tree at the commit that wrote "## [1.0.0]" into CHANGELOG.md, 1ae2ad9; there is no git tag) holds a tenant, users and a placed client inserted the way that
// release wrote them; migrate() brings it to the current version, and the data is intact and usable: the users log
// in, the client is found by name (the search keys of 0015 are filled for existing rows), the dossier and the bed
// board read as before. On PGlite the database is a data directory on disk, closed and opened again as on a restart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { hashPassword } from '../../rights/sessions.js';
import { templateDbName, testDbKind, withDatabaseName } from '../../test/db.js';
import { type ApiClient, type Json, loginAs } from '../../test/fixtures.js';
import { type Database, openPglite, openPostgres } from './database.js';
import { migrate, readMigrations } from './migrate.js';

const PREVIOUS_RELEASE_LAST = '0009_plan_versions';
const PASSWORD = 'Oude-Release-Wachtwoord-17';
const now = new Date('2026-12-02T10:00:00Z');

let database: Database;
let reopen: () => Promise<Database>;
let cleanup: () => Promise<void> = async () => {};

async function admin(url: string, statement: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  if (testDbKind() === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const name = `${templateDbName()}_upgrade_${process.pid}`;
    await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(url, `CREATE DATABASE ${name}`);
    reopen = () => openPostgres(withDatabaseName(url, name));
    cleanup = () => admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-upgrade-'));
    reopen = () => openPglite({ dataDir: dir });
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  // 1. the previous release: its migrations only
  const old = await reopen();
  const previous = readMigrations().filter((m) => m.version <= PREVIOUS_RELEASE_LAST);
  expect(previous.map((m) => m.version)).toHaveLength(9);
  await migrate(old, previous);
  // 2. data as that release wrote it (its own columns only; as table owner, there was no row-level security yet)
  const hash = await hashPassword(PASSWORD);
  await old.execScript(`
    INSERT INTO tenants (id, name, central_municipality_code) VALUES ('oudstad', 'Centrumgemeente Oudstad', '0505');
    INSERT INTO municipalities (code, name, tenant_id) VALUES ('0505', 'Oudstad', 'oudstad');
    INSERT INTO facilities (id, tenant_id, name, type, address, municipality_code, is_night_shelter)
      VALUES ('fac-1', 'oudstad', 'Nachtopvang Oud', 'crisisopvang', 'Oudeweg 1', '0505', true);
    INSERT INTO units (id, tenant_id, facility_id, name, kind, beds)
      VALUES ('unit-1', 'oudstad', 'fac-1', 'K01', 'eenpersoonskamer', 1),
             ('unit-2', 'oudstad', 'fac-1', 'K02', 'eenpersoonskamer', 1);
    INSERT INTO users (id, tenant_id, username, display_name, role, password_hash)
      VALUES ('u-toegang', 'oudstad', 'oud.toegang', 'Toegang Oud', 'toegang', '${hash}'),
             ('u-beheer', 'oudstad', 'oud.beheer', 'Beheer Oud', 'beheerder', '${hash}');
    INSERT INTO clients (id, tenant_id, first_name, last_name, birth_date, origin_municipality_code, origin_label)
      VALUES ('client-1', 'oudstad', 'Grietje', 'Vanouds', '1970-02-03', '0505', 'Oudstad');
    INSERT INTO registrations (id, tenant_id, client_id, registered_on, source, status, created_by)
      VALUES ('reg-1', 'oudstad', 'client-1', '2026-10-01', 'zelf', 'besloten', 'u-toegang');
    INSERT INTO access_decisions (id, tenant_id, registration_id, outcome, decided_on, decided_by, objection_deadline)
      VALUES ('dec-1', 'oudstad', 'reg-1', 'toegang', '2026-10-01', 'u-toegang', '2026-11-12');
    INSERT INTO trajectories (id, tenant_id, client_id, registration_id, started_on, case_manager_id)
      VALUES ('traj-1', 'oudstad', 'client-1', 'reg-1', '2026-10-01', 'u-toegang');
    INSERT INTO stays (id, tenant_id, client_id, registration_id, trajectory_id, unit_id, started_on, created_by)
      VALUES ('stay-1', 'oudstad', 'client-1', 'reg-1', 'traj-1', 'unit-1', '2026-10-01', 'u-toegang');
  `);
  await old.close();
  // 3. the new release starts on it
  database = await reopen();
  const applied = await migrate(database);
  expect(applied[0]).toBe('0010_login_guard');
}, 120_000);
afterAll(async () => {
  await database?.close();
  await cleanup();
});

describe('bijwerken vanaf de vorige uitgave (v1.0.0, migraties 0001–0009) houdt de gegevens', () => {
  let app: ReturnType<typeof createApp>;
  let toegang: ApiClient;
  beforeAll(async () => {
    app = createApp({ database, now: () => now });
    toegang = await loginAs(app, 'oud.toegang', PASSWORD);
  });

  it('alle migraties zijn toegepast en een tweede start past niets meer toe', async () => {
    const rows = await database.db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
    expect(rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version));
    expect(await migrate(database)).toEqual([]);
  });

  it('de bestaande gebruikers loggen in met hun oude wachtwoord', async () => {
    const beheer = await loginAs(app, 'oud.beheer', PASSWORD);
    expect((await beheer.get('/v1/sessies/huidig')).body.gebruiker).toMatchObject({ gebruikersnaam: 'oud.beheer' });
    // the tenant's settings take their defaults (nothing was stored by the old release)
    expect((await beheer.get('/v1/instellingen')).body).toMatchObject({
      normDoorstroomDagen: 91,
      planTermijnDagen: 5,
      inactiefMinuten: 30,
    });
  });

  it('de toegangsmedewerker vindt de cliënt op naam en leest het dossier zoals het was', async () => {
    const found = await toegang.get('/v1/clienten?zoek=Vanouds');
    expect(found.status).toBe(200);
    expect(found.body.resultaten.map((c: Json) => c.id)).toEqual(['client-1']);
    const summary = await toegang.get('/v1/clienten/client-1/samenvatting');
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      status: 'in-opvang',
      locatie: 'Nachtopvang Oud',
      eenheid: 'K01',
      trajectId: 'traj-1',
      dagenInOpvang: 62,
    });
    const board = await toegang.get('/v1/locaties/fac-1/bezetting');
    expect(board.body.totaal).toMatchObject({ bedden: 2 });
    expect(board.body.eenheden.find((e: Json) => e.id === 'unit-1').bezet).toBe(1);
  });

  it('er kan verder gewerkt worden: de cliënt verhuist naar een andere kamer', async () => {
    const moved = await toegang.post('/v1/plaatsingen/stay-1/verhuizingen', {
      eenheidId: 'unit-2',
      datum: '2026-12-02',
    });
    expect(moved.status).toBe(201);
    expect((await toegang.get('/v1/clienten/client-1/samenvatting')).body.eenheid).toBe('K02');
  });
});
