// Issue 11 part B: backup and restore, and upgrades that keep data. A backup of a running PGlite installation (the
// demo region), restored into an empty directory, shows the same dossiers and the same figures; a data directory
// made by the previous release (migrations 0001–0010, with its rows) migrates cleanly on start and keeps them.
// PostgreSQL installations back up with pg_dump: the route says so (409).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';
import { restoreBackup } from '../../platform/db/backup.js';
import { type Database, openPglite } from '../../platform/db/database.js';
import { migrate, readMigrations } from '../../platform/db/migrate.js';
import { createDemoDatabase, testDbKind } from '../../test/db.js';
import { type Json, loginAs, seedFixture } from '../../test/fixtures.js';

const TODAY = '2026-12-02';
const now = new Date(`${TODAY}T10:00:00Z`);
const tmpDirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-backup-'));
  tmpDirs.push(d);
  return d;
};

let database: Database;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  database = await createDemoDatabase(TODAY);
  app = createApp({ database, now: () => now });
});
afterAll(async () => {
  await database.close();
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

/** What a user sees of a region: the client list, one full dossier, and the key figures of a year. */
async function whatToegangSees(a: ReturnType<typeof createApp>) {
  const t = await loginAs(a, 'dordrecht.toegang', DEMO_PASSWORD);
  const list = await t.get('/v1/clienten?paginaGrootte=100');
  const first: Json = list.body.resultaten[0];
  const file = await t.get(`/v1/clienten/${first.id}`);
  const figures = await t.get('/v1/rapportages/kerncijfers?van=2026-01-01&tot=2026-12-01');
  const beds = await t.get('/v1/locaties');
  return {
    totaal: list.body.totaal,
    ids: list.body.resultaten.map((c: Json) => c.id),
    file: file.body,
    figures: figures.body,
    beds: beds.body,
  };
}

describe('reservekopie en terugzetten', () => {
  it.skipIf(testDbKind() !== 'pglite')(
    'een reservekopie van een draaiende installatie, teruggezet in een lege map, toont dezelfde dossiers en cijfers',
    async () => {
      const beheer = await loginAs(app, 'dordrecht.beheer', DEMO_PASSWORD);
      const res = await app.request('/v1/reservekopie', { headers: { cookie: beheer.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/gzip');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 2)]).toEqual([0x1f, 0x8b]); // gzip
      const dir = path.join(tmp(), 'data');
      const { applied } = await restoreBackup(bytes, dir);
      expect(applied).toEqual([]); // the backup was made by this release
      const restored = await openPglite({ dataDir: path.join(dir, 'pgdata') });
      try {
        const restoredApp = createApp({ database: restored, now: () => now });
        const before = await whatToegangSees(app);
        const after = await whatToegangSees(restoredApp);
        expect(after.totaal).toBeGreaterThan(10);
        expect(after).toEqual(before);
      } finally {
        await restored.close();
      }
      // the download itself is in the log
      const log = await database.db
        .selectFrom('audit_log')
        .select('resource')
        .where('username', '=', 'dordrecht.beheer')
        .where('resource', '=', 'reservekopie')
        .execute();
      expect(log).toHaveLength(1);
      // a second backup right after: 429 with Retry-After (a backup copies the whole database)
      const again = await beheer.get('/v1/reservekopie');
      expect(again.status).toBe(429);
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    },
  );

  it.skipIf(testDbKind() !== 'postgres')('PostgreSQL: de route verwijst naar pg_dump', async () => {
    const beheer = await loginAs(app, 'dordrecht.beheer', DEMO_PASSWORD);
    const r = await beheer.get('/v1/reservekopie');
    expect(r.status).toBe(409);
    expect(r.body.detail).toMatch(/pg_dump/);
  });

  it('zet nooit terug over bestaande gegevens', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'iets'), 'x');
    await expect(restoreBackup(new Uint8Array([1, 2, 3]), dir)).rejects.toThrow(/niet leeg/);
  });

  it('alleen de beheerder maakt een reservekopie', async () => {
    const t = await loginAs(app, 'dordrecht.toegang', DEMO_PASSWORD);
    expect((await t.get('/v1/reservekopie')).status).toBe(403);
  });
});

describe('bijwerken naar een nieuwe versie', () => {
  // Rows written straight into the tables of 0001–0010, as the previous release stored them (the app of this release
  // would write columns the old schema lacks).
  async function oldReleaseData(db: Database) {
    await seedFixture(db);
    const unit = await db.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', 'Gezinswoning 01')
      .executeTakeFirstOrThrow();
    for (let i = 1; i <= 30; i++) {
      const c = await db.db
        .insertInto('clients')
        .values({
          tenant_id: 'dordrecht',
          first_name: `Oud${i}`,
          last_name: 'Release',
          birth_date: '1980-01-01',
          bsn: null,
          origin_municipality_code: '0505',
          origin_label: 'Dordrecht',
          cause: 'relatiebreuk',
          phone: null,
          email: null,
          gender: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const r = await db.db
        .insertInto('registrations')
        .values({
          tenant_id: 'dordrecht',
          client_id: c.id,
          registered_on: '2026-06-01',
          source: 'zelf',
          status: 'besloten',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const t = await db.db
        .insertInto('trajectories')
        .values({ tenant_id: 'dordrecht', client_id: c.id, registration_id: r.id, started_on: '2026-06-02' })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (i <= 3)
        await db.db
          .insertInto('stays')
          .values({
            tenant_id: 'dordrecht',
            client_id: c.id,
            registration_id: r.id,
            trajectory_id: t.id,
            unit_id: unit.id,
            started_on: '2026-06-02',
          })
          .execute();
    }
  }

  it('een gegevensmap van de vorige versie (migraties 0001–0010) migreert bij de start en houdt haar gegevens', async () => {
    const dir = path.join(tmp(), 'pgdata');
    const previous = readMigrations().filter((m) => m.version <= '0010_z');
    expect(previous.map((m) => m.version).at(-1)).toBe('0010_login_guard');
    const counts = async (db: Database) => {
      const n = async (table: 'clients' | 'stays' | 'trajectories' | 'registrations' | 'units') =>
        (await db.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
      return {
        clients: await n('clients'),
        registrations: await n('registrations'),
        stays: await n('stays'),
        trajectories: await n('trajectories'),
        units: await n('units'),
      };
    };
    const old = await openPglite({ dataDir: dir });
    let before: Awaited<ReturnType<typeof counts>>;
    try {
      await migrate(old, previous);
      await oldReleaseData(old);
      before = await counts(old);
    } finally {
      await old.close();
    }
    expect(before).toMatchObject({ clients: 30, stays: 3 });
    const current = await openPglite({ dataDir: dir });
    try {
      const applied = await migrate(current);
      expect(applied).toEqual(
        readMigrations()
          .filter((m) => m.version > '0010_z')
          .map((m) => m.version),
      );
      expect(applied).toContain('0013_region_and_import');
      expect(await counts(current)).toEqual(before);
      const closed = await current.db.selectFrom('units').select('id').where('closed_on', 'is not', null).execute();
      expect(closed).toEqual([]); // the new column starts empty
      // the current app works on the upgraded data: the toegang finds the old clients, the bed board counts the stays
      const a = createApp({ database: current, now: () => now });
      const t = await loginAs(a, 'toegang');
      expect((await t.get('/v1/clienten?zoek=Release')).body.totaal).toBe(30);
      const board = await t.get('/v1/locaties');
      expect(board.body.resultaten.find((l: Json) => l.naam === 'Crisisopvang Test').bezet).toBe(3);
    } finally {
      await current.close();
    }
  });
});
