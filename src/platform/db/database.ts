import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
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
const INT8 = 20,
  NUMERIC = 1700,
  DATE = 1082;
pg.types.setTypeParser(INT8, (v: string) => Number(v));
pg.types.setTypeParser(NUMERIC, (v: string) => Number(v));
pg.types.setTypeParser(DATE, (v: string) => v);

export async function openPostgres(url: string): Promise<Database> {
  // jit=off: our queries are short; PostgreSQL's JIT compiles the larger report queries for 1–2 s to save far less
  // (measured in bench/kerncijfers.bench.ts: 1.7 s of 2.7 s was compilation). A DBA can still turn it on per role.
  const pipeline = pipelineOn();
  const pool = new pg.Pool({ connectionString: url, max: poolSize(), options: '-c jit=off', pipeline });
  // An idle client can be cut off by the server (restart, failover, pg_terminate_backend, DROP DATABASE … FORCE).
  // pg-pool then emits 'error' on the pool, which crashes the process when nobody listens; the pool already
  // discards that client and opens a new one for the next query, so a warning is all that is needed.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL-verbinding verbroken (${err.message}); de pool maakt een nieuwe.`);
  });
  fewerRoundTrips(pool, { prepare: preparedStatementsOn(), pipeline });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async execScript(text) {
      const c = await pool.connect();
      try {
        await c.query(text);
      } finally {
        c.release();
      }
    },
    async flush() {},
    async close() {
      await db.destroy();
    },
  };
}

/** `DATABASE_PREPARED=0` turns named prepared statements off (behind a pooler in transaction mode, e.g. PgBouncer < 1.21). */
function preparedStatementsOn(): boolean {
  return process.env.DATABASE_PREPARED !== '0';
}

/** `DATABASE_PIPELINE=0` turns the pipeline off: every statement waits for its answer before the next is sent. */
function pipelineOn(): boolean {
  return process.env.DATABASE_PIPELINE !== '0';
}

/** Connections per server process (`DATABASE_POOL_SIZE`, default 10; more only helps with more cores at the database). */
function poolSize(): number {
  const n = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(n) && n >= 1 ? n : 10;
}

/** At most this many distinct statements are prepared per connection (PostgreSQL keeps each one's plan in memory). */
export const MAX_PREPARED_STATEMENTS = 400;

type QueryFn = (...args: unknown[]) => Promise<unknown>;

/**
 * A statement whose text ends with this is sent without waiting for its answer, when it runs inside a transaction on
 * PostgreSQL with the pipeline on (ADR 0035): the caller gets an empty result at once and the statement travels with
 * the next one that waits. Only for statements whose result nobody reads (the tenant setup, a role switch, an audit
 * row). If it fails, the next statement that waits — at the latest the COMMIT — fails with its error, and the
 * transaction is rolled back. Elsewhere (PGlite, pipeline off, outside a transaction) it is an ordinary comment.
 */
export const NO_WAIT = '/* onderdak:zonder-wachten */';

/** Per connection: whether a transaction is open, and the first error of a statement that was not waited for. */
interface PipelineState {
  inTransaction: boolean;
  failed: { error: unknown } | null;
  corked: boolean;
}

/** What Kysely gets back for a statement that was not waited for (it reads only `command`, `rowCount` and `rows`). */
function unwaitedResult(text: string) {
  const command = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? 'SELECT';
  return { command, rowCount: 0, rows: [], fields: [] };
}

/**
 * ADR 0034 and 0035: fewer round trips per request on PostgreSQL, below Kysely (every query of the app passes here).
 * - A query text with parameters that recurs is sent as a named prepared statement, so each connection parses and
 *   plans it once and PostgreSQL may keep a generic plan (plan_cache_mode auto: only when it is not costlier than the
 *   custom plans). Planning was most of the database time of the short request queries. A text is named on its
 *   second sighting — one-off texts (an IN list of a new length, seeding) stay unnamed — and at most
 *   MAX_PREPARED_STATEMENTS texts are named per pool. The name is a hash of the text: one name never means two texts.
 * - With the pipeline on (node-postgres `pipeline: true`), a `begin` and every statement marked NO_WAIT inside a
 *   transaction are written at once and not waited for; they leave in one write with the next statement that is
 *   waited for. So the BEGIN, the tenant setup and the first query of a request cost one round trip, a role switch
 *   none, and the audit row travels with the COMMIT.
 * PGlite keeps its own path: it runs in-process, and there a round trip or a plan costs next to nothing.
 */
function fewerRoundTrips(pool: pg.Pool, opts: { prepare: boolean; pipeline: boolean }) {
  const named = new Map<string, string>();
  const seenOnce = new Set<string>();
  const nameFor = (text: string): string | null => {
    const known = named.get(text);
    if (known) return known;
    if (named.size >= MAX_PREPARED_STATEMENTS) return null;
    if (!seenOnce.has(text)) {
      if (seenOnce.size >= 10_000) seenOnce.clear();
      seenOnce.add(text);
      return null;
    }
    seenOnce.delete(text);
    const name = `onderdak_${crypto.createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    named.set(text, name);
    return name;
  };
  const states = new WeakMap<object, PipelineState>();
  pool.on('connect', (client) => {
    // A connection that dies while it is lent out (PostgreSQL restart, failover, pg_terminate_backend) makes
    // node-postgres emit 'error' on the client, and pg-pool listens only while it is idle: without this listener that
    // is an uncaught 'error' event, which stops the whole server. The statements of that client fail with the error
    // themselves, and the pool discards the client when it comes back (it is no longer queryable).
    client.on('error', () => {});
    const query = client.query.bind(client) as QueryFn;
    const stream = (client as unknown as { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection
      ?.stream;
    const state: PipelineState = { inTransaction: false, failed: null, corked: false };
    states.set(client, state);
    const send = (config: unknown, values: unknown, rest: unknown[]) => {
      if (opts.prepare && typeof config === 'string' && Array.isArray(values) && values.length > 0 && !rest.length) {
        const name = nameFor(config);
        if (name) return query({ name, text: config, values });
      }
      return query(config, values, ...rest);
    };
    const uncork = () => {
      if (!state.corked) return;
      state.corked = false;
      stream?.uncork?.();
    };
    const sendUnwaited = (text: string, values: unknown) => {
      // held in the socket until the next statement that is waited for (or the end of this turn of the event loop)
      if (!state.corked && stream?.cork && stream.uncork) {
        stream.cork();
        state.corked = true;
        setImmediate(uncork);
      }
      (send(text, values, []) as Promise<unknown>).catch((error: unknown) => {
        state.failed ??= { error };
      });
      return Promise.resolve(unwaitedResult(text));
    };
    (client as { query: unknown }).query = (config: unknown, values?: unknown, ...rest: unknown[]) => {
      if (!opts.pipeline || typeof config !== 'string' || rest.length) return send(config, values, rest);
      if (config === 'begin' && !state.inTransaction) {
        state.inTransaction = true;
        state.failed = null;
        return sendUnwaited(config, values);
      }
      if (state.inTransaction && config.endsWith(NO_WAIT)) return sendUnwaited(config, values);
      const ends = config === 'commit' || config === 'rollback';
      if (ends) state.inTransaction = false;
      if (config === 'rollback') state.failed = null; // the rollback undoes whatever failed; it must not fail itself
      const answer = send(config, values, rest) as Promise<unknown>;
      uncork();
      // The first error of an unwaited statement wins over what followed from it ("current transaction is aborted").
      const earlier = () => {
        const failed = state.failed;
        if (ends) state.failed = null;
        return failed;
      };
      return answer.then(
        (r) => {
          const failed = earlier();
          if (failed) throw failed.error;
          return r;
        },
        (e: unknown) => {
          throw earlier()?.error ?? e;
        },
      );
    };
  });
  // a client goes back to the pool only after its commit or rollback; nothing may carry over to the next user
  pool.on('release', (_err: unknown, client: object) => {
    const state = states.get(client);
    if (state) {
      state.inTransaction = false;
      state.failed = null;
    }
  });
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
    db,
    kind: 'pglite',
    pglite,
    async execScript(text) {
      await pglite.exec(text);
    },
    async flush() {
      await (pglite as unknown as { syncToFs?: () => Promise<void> }).syncToFs?.();
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

export class DataDirLockedError extends Error {}

export const LOCK_FILE = '.onderdak.lock';

/** What the lock file says about its holder. Two processes never have the same pid and start time. */
export interface LockHolder {
  pid: number;
  /** processStartTime(pid) when the lock was taken; null when the platform does not tell. */
  startTime: string | null;
  /** Random per lock: release() removes the file only while it is still its own. */
  token: string;
  host: string;
}

/**
 * When a process started, exact enough to tell two processes with the same pid apart (pids are reused): on Linux the
 * boot id plus field 22 of /proc/<pid>/stat (clock ticks since boot); elsewhere the start time `ps` shows. Null when
 * the process does not exist or the platform does not tell.
 */
export function processStartTime(pid: number): string | null {
  if (fs.existsSync('/proc/self/stat')) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // the name (field 2) may hold spaces and ')'
      const bootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      return `linux:${bootId}:${fields[22 - 3]}`;
    } catch {
      return null;
    }
  }
  try {
    const started = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
    return started ? `ps:${started}` : null;
  } catch {
    return null;
  }
}

/** When the process started, in ms since 1970, where the platform tells (for lock files of the old format). */
function processStartedAtMs(pid: number): number | null {
  const start = processStartTime(pid);
  if (start?.startsWith('linux:')) {
    const btime = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
    const ticks = Number(start.slice(start.lastIndexOf(':') + 1));
    return btime && Number.isFinite(ticks) ? Number(btime[1]) * 1000 + ticks * 10 : null; // USER_HZ is 100 on Linux
  }
  const ms = start ? Date.parse(start.slice(3)) : Number.NaN;
  return Number.isFinite(ms) ? ms : null;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

/**
 * The live process that holds the lock described by `text`, or null when the lock is stale: its process is gone, or
 * its pid now belongs to a process that started at another time (pid reuse), or the file is empty or unreadable (a
 * crash while it was written). A lock file of the old format (only a pid) counts as stale when that pid's process
 * started after the file was written.
 */
function liveHolder(text: string, mtimeMs: number): LockHolder | null {
  let holder: LockHolder;
  if (/^\d+$/.test(text.trim())) {
    holder = { pid: Number(text.trim()), startTime: null, token: '', host: '' };
    if (holder.pid === process.pid) return null; // this process never wrote the old format
  } else {
    try {
      holder = JSON.parse(text) as LockHolder;
    } catch {
      return null;
    }
  }
  if (typeof holder?.pid !== 'number' || !isAlive(holder.pid)) return null;
  const current = processStartTime(holder.pid);
  if (holder.startTime && current) return holder.startTime === current ? holder : null;
  // start time not recorded or not known now: a process that started after the lock was written is not its holder
  const startedAt = processStartedAtMs(holder.pid);
  if (startedAt !== null && startedAt > mtimeMs + 2000) return null; // btime has whole seconds: some slack
  return holder;
}

/**
 * A lock file on the data directory: PGlite does not lock it and two processes would corrupt it. The file names the
 * holder by pid, start time and a random token, so a stale lock (holder crashed, pid reused by another process) never
 * blocks a start, while a live holder always does.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    token: crypto.randomBytes(16).toString('hex'),
    host: os.hostname(),
  };
  const text = JSON.stringify(me);
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lockPath, text, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 10) throw e;
    }
    let current: string;
    let mtimeMs: number;
    try {
      current = fs.readFileSync(lockPath, 'utf8');
      mtimeMs = fs.statSync(lockPath).mtimeMs;
    } catch {
      continue; // released in the meantime
    }
    const holder = liveHolder(current, mtimeMs);
    if (holder) {
      const who = holder.pid === process.pid ? 'dit proces zelf' : `een ander proces (pid ${holder.pid})`;
      throw new DataDirLockedError(
        `De gegevensmap ${dataDir} is in gebruik door ${who}. Stop dat proces eerst, of gebruik de API van de draaiende server.`,
      );
    }
    removeStaleLock(lockPath, current);
  }
  return () => {
    try {
      if (fs.readFileSync(lockPath, 'utf8') === text) fs.unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  };
}

/**
 * Removes the stale lock file whose text was judged, but not a fresh lock another starting process wrote in the
 * meantime: the file is moved aside atomically first, and put back when it turns out to be someone else's.
 */
function removeStaleLock(lockPath: string, judged: string) {
  const aside = `${lockPath}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return; // gone already
  }
  try {
    if (fs.readFileSync(aside, 'utf8') !== judged) fs.linkSync(aside, lockPath); // not ours to remove: back (unless a new one is there)
  } catch {
    /* a newer lock took its place: that one stays */
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

export async function openFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  opts: {
    /**
     * PGlite: a dump (file) to start a NEW data dir from instead of an empty database (issue 13: the kept demo,
     * src/demo/cache.ts). Unpacked aside and renamed into place when complete; never used for an existing data dir.
     */
    initialDump?: () => string | null;
  } = {},
): Promise<Database & { release?: () => void; fromDump?: boolean }> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  const release = lockDataDir(dataDir);
  try {
    const pgdata = path.join(dataDir, 'pgdata');
    const dump = fs.existsSync(pgdata) ? null : (opts.initialDump?.() ?? null);
    if (dump) {
      const aside = `${pgdata}.laden`;
      fs.rmSync(aside, { recursive: true, force: true });
      const loading = await openPglite({ dataDir: aside, loadDataDir: new Blob([fs.readFileSync(dump)]) });
      await loading.close();
      fs.renameSync(aside, pgdata);
    }
    const database = await openPglite({ dataDir: pgdata });
    return {
      ...database,
      release,
      fromDump: !!dump,
      async close() {
        await database.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

export { sql };
