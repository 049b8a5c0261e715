import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export class MigrationChecksumError extends Error {}

export interface MigrationFile {
  version: string;
  text: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return {
        version: f.replace(/\.sql$/, ''),
        text,
        checksum: crypto.createHash('sha256').update(text).digest('hex'),
      };
    });
}

/** Applies pending migrations, each in its own transaction; refuses to start when an applied file changed. */
export async function migrate(database: Database, files = readMigrations()): Promise<string[]> {
  await database.execScript(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const applied: string[] = [];
  const lock = database.kind === 'postgres' ? `SELECT pg_advisory_xact_lock(hashtext('onderdak-migrations'));` : '';
  const rows = await database.db.selectFrom('schema_migrations').selectAll().execute();
  const known = new Map(rows.map((r) => [r.version, r.checksum]));
  for (const [version, checksum] of known) {
    const file = files.find((f) => f.version === version);
    if (file && file.checksum !== checksum) {
      throw new MigrationChecksumError(
        `Migratie ${version} is gewijzigd nadat hij is toegepast (checksum klopt niet). Zet het bestand terug; maak voor wijzigingen een nieuwe migratie.`,
      );
    }
  }
  for (const file of files) {
    if (known.has(file.version)) continue;
    // One script per migration: BEGIN..COMMIT through the simple-query protocol (handles $$ bodies).
    await database
      .execScript(`BEGIN; ${lock}
      DO $onderdak$ BEGIN IF EXISTS (SELECT 1 FROM schema_migrations WHERE version = '${file.version}') THEN RAISE EXCEPTION 'al toegepast'; END IF; END $onderdak$;
      ${file.text}
      ;INSERT INTO schema_migrations(version, checksum) VALUES ('${file.version}', '${file.checksum}');
      COMMIT;`)
      .catch(async (e) => {
        await database.execScript('ROLLBACK').catch(() => {});
        throw e;
      });
    applied.push(file.version);
  }
  await applyRowLevelSecurity(database, lock);
  await database.flush();
  void sql;
  return applied;
}

/**
 * Row-level security on every table with tenant data, also on tables that later migrations (or other branches)
 * add: onderdak_apply_rls() (migration 0011, docs/adr/0010) is idempotent and runs after every migrate. Databases
 * migrated only up to before 0011 (tests of the runner) have no such function and are left alone.
 */
async function applyRowLevelSecurity(database: Database, lock: string) {
  await database
    .execScript(`BEGIN; ${lock}
    DO $onderdak$ BEGIN
      IF to_regprocedure('onderdak_apply_rls()') IS NOT NULL THEN PERFORM onderdak_apply_rls(); END IF;
    END $onderdak$;
    COMMIT;`)
    .catch(async (e) => {
      await database.execScript('ROLLBACK').catch(() => {});
      throw e;
    });
}
