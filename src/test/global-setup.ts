import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { MIGRATED_TEMPLATE_FILE, newTestRunId, templateDbName, testDbKind, withDatabaseName } from './db.js';

// Once per run: a run id (unique database names on a shared PostgreSQL), the migrated template, and a teardown that
// removes everything the run made: the migrated template, the demo templates (made on first use, src/test/db.ts)
// and any clone a crashed test file left behind. Each test file then clones a template (Immich's approach).
// Environment set here reaches the test workers, which vitest starts after the global setup.
export default async function setup() {
  process.env.ONDERDAK_TEST_RUN ||= newTestRunId();
  if (testDbKind() === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = templateDbName();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const database = await openPostgres(withDatabaseName(url, name));
    await migrate(database);
    await database.close();
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // this run's templates and their clones only: "_" is a LIKE wildcard, and run 123 must not drop run 1234's
      const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)`, [
        name,
        `${name}_`,
      ]);
      for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => {});
      await c.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-test-'));
  process.env.ONDERDAK_TEST_DIR = dir;
  const database = await openPglite();
  await migrate(database);
  const dump = await database.pglite!.dumpDataDir('none');
  fs.writeFileSync(path.join(dir, MIGRATED_TEMPLATE_FILE), Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
