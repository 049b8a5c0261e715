import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { cachedDemo, keepDemoFile } from '../demo/cache.js';
import { seedDemo } from '../demo/seed.js';
import { type Database, openPglite, openPostgres } from '../platform/db/database.js';
import { isIsoDate, todayInNl } from '../platform/validation.js';

// Test databases are clones of templates made once per run (docs/adr/0009):
// - the migrated template, made by the global setup (src/test/global-setup.ts);
// - one demo template per demo day (the whole demo region, src/demo/seed.ts, as of that day), made on first use by
//   whichever test file needs it first, under a lock, and then cloned by every other file of the run that needs it.
// On PGlite a template is a dumpDataDir() file in the run's directory; on PostgreSQL it is a database whose name
// carries the run id (ONDERDAK_TEST_RUN), so that runs on the same server never touch each other's databases.

export function testDbKind(): 'pglite' | 'postgres' {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

/** The id of this test run: set by scripts/test-unit.mjs, or by the global setup when vitest is started directly. */
function testRunId(): string {
  const id = process.env.ONDERDAK_TEST_RUN;
  if (!id)
    throw new Error('ONDERDAK_TEST_RUN ontbreekt: draai de tests via vitest (globalSetup) of scripts/test-unit.mjs.');
  return id;
}

/** A run id that is safe in an unquoted PostgreSQL name and unique across runs on one server. */
export function newTestRunId(): string {
  return `${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
}

export function templateDbName(): string {
  return `onderdak_tpl_${testRunId()}`;
}

/** The demo template of one day; it starts with `${templateDbName()}_` so the run's teardown drops it. */
function demoTemplateDbName(today: string): string {
  return `${templateDbName()}_demo_${today.replaceAll('-', '')}`;
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The directory of this run's PGlite templates (made and removed by the global setup). */
function testRunDir(): string {
  const dir = process.env.ONDERDAK_TEST_DIR;
  if (!dir) throw new Error('ONDERDAK_TEST_DIR ontbreekt: draai de tests via vitest (globalSetup).');
  return dir;
}

export const MIGRATED_TEMPLATE_FILE = 'migrated.tar';

async function adminQuery(url: string, ...statements: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const text of statements) await c.query(text);
  } finally {
    await c.end();
  }
}

/**
 * A test database does not wait for its commits to reach the disk: a crash loses it anyway. Visibility, locking and
 * isolation are unchanged (the race tests still race); only the fsync per commit goes, which on a busy disk is most
 * of a request. Set per database, for the sessions the app opens on it.
 */
const noCommitFsync = (name: string) => `ALTER DATABASE ${name} SET synchronous_commit = off`;

/** A PostgreSQL clone of a template database; close() drops it. */
async function clonePostgres(template: string): Promise<Database> {
  const url = process.env.DATABASE_URL!;
  const name = `${templateDbName()}_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${template}`, noCommitFsync(name));
  const database = await openPostgres(withDatabaseName(url, name));
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    },
  };
}

function loadPgliteTemplate(file: string): Promise<Database> {
  return openPglite({ loadDataDir: new Blob([fs.readFileSync(file)]) });
}

/** A fresh, migrated, empty database for one test file: a clone of the template. */
export async function createTestDatabase(): Promise<Database> {
  if (testDbKind() === 'postgres') return clonePostgres(templateDbName());
  return loadPgliteTemplate(path.join(testRunDir(), MIGRATED_TEMPLATE_FILE));
}

/**
 * A fresh database with the whole demo region as of `today` (default: today in the Netherlands), for one test file:
 * a clone of the run's demo template of that day. The first file of the run that asks for a day builds the template
 * (about as long as seeding the demo once); every later one, in any worker, clones it.
 */
export async function createDemoDatabase(today: string = todayInNl(new Date())): Promise<Database> {
  if (!isIsoDate(today)) throw new Error(`createDemoDatabase: '${today}' is geen datum (JJJJ-MM-DD).`);
  if (testDbKind() === 'postgres') {
    await ensurePostgresDemoTemplate(today);
    return clonePostgres(demoTemplateDbName(today));
  }
  const file = path.join(testRunDir(), `demo-${today}.tar`);
  const built = await buildOnce(file, async (tmp) => {
    // Issue 13: the demo made through the services takes minutes; an earlier run with the same code kept it
    const kept = cachedDemo('test', today);
    if (kept) {
      fs.copyFileSync(kept, tmp);
      return null;
    }
    const database = await createTestDatabase();
    try {
      await seedDemo(database, { today });
      const dump = await database.pglite!.dumpDataDir('none');
      fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      keepDemoFile('test', today, tmp);
      return database; // the builder's own copy: identical to the template just written, so no need to load it again
    } catch (e) {
      await database.close();
      throw e;
    }
  });
  return built ?? loadPgliteTemplate(file);
}

/** PostgreSQL: builds the day's demo template once per run, under an advisory lock (released if the builder dies). */
async function ensurePostgresDemoTemplate(today: string): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const template = demoTemplateDbName(today);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount) return;
    // built under another name and renamed when complete: a half-built template (builder died) is never cloned
    const building = `${template}_bouw`;
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${building} TEMPLATE ${templateDbName()}`);
    await admin.query(noCommitFsync(building));
    const database = await openPostgres(withDatabaseName(url, building));
    try {
      await seedDemo(database, { today });
    } finally {
      await database.close();
    }
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock_all()').catch(() => {});
    await admin.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes `target` exactly once across the run's worker processes: the first caller takes `${target}.lock` and builds
 * into a temporary file that is renamed into place when complete; the others wait for the file. A lock whose process
 * has died is taken over. A failing build fails the caller (and the next caller tries again and fails the same way).
 * Returns what `build` returned when this caller built the file, else null.
 */
async function buildOnce<T>(
  target: string,
  build: (tmp: string) => Promise<T>,
  timeoutMs = 15 * 60_000,
): Promise<T | null> {
  const lock = `${target}.lock`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (fs.existsSync(target)) return null;
    let fd: number | null = null;
    try {
      fd = fs.openSync(lock, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (fd !== null) {
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      try {
        if (fs.existsSync(target)) return null;
        const tmp = `${target}.${process.pid}.tmp`;
        try {
          const result = await build(tmp);
          fs.renameSync(tmp, target);
          return result;
        } finally {
          fs.rmSync(tmp, { force: true });
        }
      } finally {
        fs.rmSync(lock, { force: true });
      }
    }
    let holder = 0;
    try {
      holder = Number(fs.readFileSync(lock, 'utf8'));
    } catch {
      /* gone meanwhile: try again */
    }
    if (holder && !processAlive(holder)) fs.rmSync(lock, { force: true });
    if (Date.now() > deadline)
      throw new Error(
        `Template ${path.basename(target)} is na ${timeoutMs / 1000} s nog niet klaar (bouwer: pid ${holder}).`,
      );
    await sleep(200);
  }
}
