import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { testDbKind, templateDbName, withDatabaseName } from './db.js';

// Migrate once; each test file then clones the migrated template (Immich's approach), on PGlite or PostgreSQL.
export default async function setup() {
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
      // this run's template and its clones only: "_" is a LIKE wildcard, and run 123 must not drop run 1234's
      const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)`, [name, `${name}_`]);
      for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => {});
      await c.end();
    };
  }
  const database = await openPglite();
  await migrate(database);
  const dump = await database.pglite!.dumpDataDir('none');
  const file = path.join(os.tmpdir(), `onderdak-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  process.env.ONDERDAK_TEMPLATE = file;
  return () => { fs.rmSync(file, { force: true }); };
}
