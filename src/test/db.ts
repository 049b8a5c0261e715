import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../platform/db/database.js';

export function testDbKind(): 'pglite' | 'postgres' {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

export function templateDbName(): string {
  return `onderdak_tpl_${process.env.ONDERDAK_TEST_RUN ?? 'x'}`;
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

/** A fresh, migrated, empty database for one test file: a clone of the template. */
export async function createTestDatabase(): Promise<Database> {
  if (testDbKind() === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const name = `${templateDbName()}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDbName()}`);
    await admin.end();
    const database = await openPostgres(withDatabaseName(url, name));
    return {
      ...database,
      async close() {
        await database.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
        await c.end();
      },
    };
  }
  const file = process.env.ONDERDAK_TEMPLATE;
  if (!file) throw new Error('ONDERDAK_TEMPLATE ontbreekt: draai de tests via vitest (globalSetup).');
  const data = fs.readFileSync(file);
  return openPglite({ loadDataDir: new Blob([data]) });
}
