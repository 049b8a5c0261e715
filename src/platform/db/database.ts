import { Kysely, PostgresDialect, PGliteDialect, sql, type Transaction } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB> | Kysely<DB>;

/** Handle on an open database: the query layer plus the two things Kysely cannot do for us. */
export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs a multi-statement script through the simple-query protocol (migrations). */
  execScript(text: string): Promise<void>;
  /** Makes committed writes durable (PGlite only; PostgreSQL fsyncs itself). */
  flush(): Promise<void>;
  close(): Promise<void>;
  /** The embedded instance, for dumping a migrated template in tests. */
  pglite?: PGlite;
}

// int8 and numeric as numbers, date as 'YYYY-MM-DD' string on both drivers, so results do not depend on the driver.
const INT8 = 20, NUMERIC = 1700, DATE = 1082;
pg.types.setTypeParser(INT8, (v: string) => Number(v));
pg.types.setTypeParser(NUMERIC, (v: string) => Number(v));
pg.types.setTypeParser(DATE, (v: string) => v);

export async function openPostgres(url: string): Promise<Database> {
  // jit=off: our queries are short; PostgreSQL's JIT compiles the larger report queries for 1–2 s to save far less
  // (measured in bench/kerncijfers.bench.ts: 1.7 s of 2.7 s was compilation). A DBA can still turn it on per role.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  // An idle client can be cut off by the server (restart, failover, pg_terminate_backend, DROP DATABASE … FORCE).
  // pg-pool then emits 'error' on the pool, which crashes the process when nobody listens; the pool already
  // discards that client and opens a new one for the next query, so a warning is all that is needed.
  pool.on('error', (err) => { process.emitWarning(`PostgreSQL-verbinding verbroken (${err.message}); de pool maakt een nieuwe.`); });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db, kind: 'postgres',
    async execScript(text) { const c = await pool.connect(); try { await c.query(text); } finally { c.release(); } },
    async flush() {},
    async close() { await db.destroy(); },
  };
}

export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob | File } = {}): Promise<Database> {
  const pglite = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v), [DATE]: (v: string) => v },
    relaxedDurability: false,
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db, kind: 'pglite', pglite,
    async execScript(text) { await pglite.exec(text); },
    async flush() { await (pglite as unknown as { syncToFs?: () => Promise<void> }).syncToFs?.(); },
    async close() { await db.destroy(); if (!pglite.closed) await pglite.close(); },
  };
}

export class DataDirLockedError extends Error {}

/** A lock file on the data directory: PGlite does not lock it and two processes would corrupt it. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, '.onderdak.lock');
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch {
    const pid = Number(fs.readFileSync(lockPath, 'utf8'));
    let alive = false;
    try { if (pid) { process.kill(pid, 0); alive = true; } } catch { alive = false; }
    if (alive && pid !== process.pid) {
      throw new DataDirLockedError(`De gegevensmap ${dataDir} is in gebruik door een ander proces (pid ${pid}). Stop dat proces eerst, of gebruik de API van de draaiende server.`);
    }
    fs.writeFileSync(lockPath, String(process.pid)); // stale lock of a crashed process
  }
  return () => { try { fs.unlinkSync(lockPath); } catch { /* already gone */ } };
}

export async function openFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Database & { release?: () => void }> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  const release = lockDataDir(dataDir);
  try {
    const database = await openPglite({ dataDir: path.join(dataDir, 'pgdata') });
    return { ...database, release, async close() { await database.close(); release(); } };
  } catch (e) { release(); throw e; }
}

export { sql };
