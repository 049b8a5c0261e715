// Belasting en storingen (issue 14): against the real app, started as `npm start` does (tsx src/main.ts), on PGlite
// in a temporary data dir — and on PostgreSQL too when DATABASE_URL is set (a fresh database, dropped afterwards):
//   1. racing placements: many parallel placements into few beds → overbooked beds must be 0;
//   2. kill -9 during a write load: every acknowledged write (201) must be there after a restart → 0 lost;
//   3. parallel login bursts of 100: never more password guesses than the configured limits;
//   4. a fuzz run over every operation of the contract → 0 × 5xx.
// Prints a table of figures and exits non-zero on any failure. Not part of `npm test` (it takes minutes).
// Run: npm run fault   (or: DATABASE_URL=postgres://… npm run fault)
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { ADDRESS_FREE_FAILURES, MAX_FAILED_LOGINS } from '../src/rights/login-guard.js';
import { PASSWORD, seedFixture } from '../src/test/fixtures.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLIENTS_RACING = 40;
const WRITE_LOAD_MS = 4000;
const BURST = 100;
const FUZZ_VARIANTS = 6;

interface Figure {
  db: string;
  check: string;
  figure: string;
  ok: boolean;
}
const figures: Figure[] = [];
const record = (db: string, check: string, figure: string, ok: boolean) => {
  figures.push({ db, check, figure, ok });
  console.log(`${ok ? 'OK  ' : 'FOUT'} [${db}] ${check}: ${figure}`);
};

// ----- the database: prepared before the server starts (the server holds the data dir lock) -----

interface Target {
  name: 'PGlite' | 'PostgreSQL';
  env: Record<string, string>;
  cleanup: () => Promise<void>;
  fx: Awaited<ReturnType<typeof seedFixture>>;
}

async function prepare(database: Database) {
  await migrate(database);
  return seedFixture(database);
}

async function pgliteTarget(): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onderdak-fault-'));
  const database = await openPglite({ dataDir: path.join(dir, 'pgdata') });
  const fx = await prepare(database);
  await database.close();
  return {
    name: 'PGlite',
    env: { DATA_DIR: dir },
    fx,
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(url: string): Promise<Target> {
  const name = `onderdak_fault_${crypto.randomBytes(4).toString('hex')}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString());
  const fx = await prepare(database);
  await database.close();
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: u.toString() },
    fx,
    cleanup: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

// ----- the server -----

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
    srv.on('error', reject);
  });
}

interface Server {
  url: string;
  proc: ChildProcess;
  output: () => string;
}

async function startServer(t: Target): Promise<Server> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, DATA_DIR: _ignored2, ...rest } = process.env;
  let out = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...rest,
      ...t.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ONDERDAK_DEMO: '0',
      TRUSTED_PROXIES: '127.0.0.1', // so that the login bursts can come "from" many addresses
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => {
    out += d;
  });
  proc.stderr!.on('data', (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`De server stopte bij het starten:\n${out}`);
    try {
      if ((await fetch(`${url}/v1/openapi.json`)).ok) return { url, proc, output: () => out };
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  proc.kill('SIGKILL');
  throw new Error(`De server antwoordde niet binnen 180 s:\n${out}`);
}

async function stopServer(s: Server, signal: NodeJS.Signals = 'SIGTERM') {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  const exited = new Promise((r) => s.proc.once('exit', r));
  s.proc.kill(signal);
  await exited;
}

// ----- an HTTP client -----

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
  body: any;
}

async function login(url: string, username: string, password = PASSWORD) {
  const res = await fetch(`${url}/v1/sessies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: username, wachtwoord: password }),
  });
  if (res.status !== 201) throw new Error(`inloggen ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, p: string, body?: unknown, raw?: string): Promise<Answer> => {
    const r = await fetch(`${url}${p}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: raw ?? (body !== undefined ? JSON.stringify(body) : undefined),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: r.status, body: parsed };
  };
}
type Api = Awaited<ReturnType<typeof login>>;

async function admittedClient(api: Api, name: string, on: string): Promise<string> {
  const c = await api('POST', '/v1/clienten', {
    voornaam: name,
    achternaam: 'Belasting',
    geboortedatum: '1980-05-01',
    herkomstGemeentecode: '0505',
  });
  if (c.status !== 201) throw new Error(`cliënt: ${c.status} ${JSON.stringify(c.body)}`);
  const a = await api('POST', '/v1/aanmeldingen', { clientId: c.body.id, datum: on, bron: 'zelf' });
  const b = await api('POST', `/v1/aanmeldingen/${a.body.id}/besluiten`, { uitkomst: 'toegang', datum: on });
  if (b.status !== 201) throw new Error(`besluit: ${b.status} ${JSON.stringify(b.body)}`);
  return c.body.id as string;
}

const today = () => new Date().toISOString().slice(0, 10);

// ----- 1. racing placements -----

async function racingPlacements(t: Target, s: Server) {
  const api = await login(s.url, 'toegang');
  const ids: string[] = [];
  for (let i = 0; i < CLIENTS_RACING; i++) ids.push(await admittedClient(api, `Race${i}`, today()));
  const units = [t.fx.room1, t.fx.room2, t.fx.reserve, t.fx.family];
  const started = Date.now();
  const answers = await Promise.all(
    ids.map((clientId, i) =>
      api('POST', '/v1/plaatsingen', { clientId, eenheidId: units[i % units.length], datum: today() }),
    ),
  );
  const ms = Date.now() - started;
  const placed = answers.filter((a) => a.status === 201).length;
  const fivexx = answers.filter((a) => a.status >= 500).length;
  const board = await api('GET', `/v1/locaties/${t.fx.facilityId}/bezetting`);
  const overbooked = (board.body.eenheden as { bezet: number; bedden: number }[]).reduce(
    (n, u) => n + Math.max(0, u.bezet - u.bedden),
    0,
  );
  const beds = (board.body.eenheden as { bedden: number }[]).reduce((n, u) => n + u.bedden, 0);
  record(
    t.name,
    'racende plaatsingen',
    `${CLIENTS_RACING} tegelijk op ${beds} bedden in ${ms} ms: ${placed} geplaatst, ${overbooked} overboekt, ${fivexx}× 5xx`,
    overbooked === 0 && fivexx === 0 && placed > 0 && placed <= beds,
  );
}

// ----- 2. kill -9 during a write load -----

async function killDuringWrites(t: Target, s: Server): Promise<Server> {
  const api = await login(s.url, 'toegang');
  const acknowledged: string[] = [];
  let stop = false;
  let broken = 0;
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const c = await api('POST', '/v1/clienten', {
          voornaam: `Schrijf${w}x${i}`,
          achternaam: 'Storing',
          geboortedatum: '1979-01-01',
          herkomstGemeentecode: '0505',
        });
        if (c.status === 201) acknowledged.push(c.body.id);
      } catch {
        broken++; // the connection broke when the server was killed: not acknowledged
        return;
      }
    }
  };
  const workers = [0, 1, 2, 3].map(worker);
  await new Promise((r) => setTimeout(r, WRITE_LOAD_MS));
  const killedAt = acknowledged.length;
  s.proc.kill('SIGKILL');
  stop = true;
  await Promise.all(workers);
  await new Promise((r) => s.proc.once('exit', r)).catch(() => {});
  let restarted: Server;
  try {
    restarted = await startServer(t);
  } catch (e) {
    record(t.name, 'kill -9 tijdens schrijven', `herstart mislukt: ${(e as Error).message.slice(0, 200)}`, false);
    throw e;
  }
  const after = await login(restarted.url, 'toegang');
  let lost = 0;
  for (const id of acknowledged) if ((await after('GET', `/v1/clienten/${id}`)).status !== 200) lost++;
  record(
    t.name,
    'kill -9 tijdens schrijven',
    `${acknowledged.length} bevestigde schrijfacties (${killedAt} vóór de kill, ${broken} afgebroken), na herstart ${lost} kwijt`,
    lost === 0 && acknowledged.length > 0,
  );
  return restarted;
}

// ----- 3. login bursts -----

async function loginBursts(t: Target, s: Server) {
  const post = (username: string, password: string, from: string) =>
    fetch(`${s.url}/v1/sessies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ gebruikersnaam: username, wachtwoord: password }),
    }).then(
      (r) => r.status,
      () => 0, // the connection broke: no answer (counted apart)
    );
  // a: one account, 100 guesses at once from 100 addresses: at most MAX_FAILED_LOGINS are verified (401)
  const a = await Promise.all(
    Array.from({ length: BURST }, (_, i) => post('beleid', `geraden-${i}`, `198.51.100.${i + 1}`)),
  );
  const aGuesses = a.filter((x) => x === 401).length;
  const aOther = a.filter((x) => x !== 401 && x !== 423 && x !== 429 && x !== 0).length;
  const lockedAfter = await post('beleid', PASSWORD, '198.51.100.200');
  record(
    t.name,
    `inlogburst ${BURST}× op één account`,
    `${aGuesses} wachtwoorden geprobeerd (grens ${MAX_FAILED_LOGINS}), ${a.filter((x) => x === 423).length}× 423, ${a.filter((x) => x === 0).length}× verbroken, daarna juist wachtwoord: ${lockedAfter}`,
    aGuesses <= MAX_FAILED_LOGINS && aOther === 0 && lockedAfter === 423,
  );
  // b: one address, 100 different names at once: ADDRESS_FREE_FAILURES failures, then the address waits 1 s, 2 s,
  // 4 s, … between attempts (429): during a burst of T seconds at most FREE + ⌈log2(T + 1)⌉ attempts get through
  const started = Date.now();
  const b = await Promise.all(Array.from({ length: BURST }, (_, i) => post(`niemand${i}`, 'fout', '203.0.113.7')));
  const seconds = (Date.now() - started) / 1000;
  const limit = ADDRESS_FREE_FAILURES + Math.ceil(Math.log2(seconds + 1));
  const bGuesses = b.filter((x) => x === 401 || x === 423).length;
  const bOther = b.filter((x) => x !== 401 && x !== 423 && x !== 429 && x !== 0).length;
  record(
    t.name,
    `inlogburst ${BURST}× vanaf één adres`,
    `${bGuesses} pogingen behandeld in ${seconds.toFixed(1)} s (grens ${ADDRESS_FREE_FAILURES} + wachttijden 1, 2, 4… s = ${limit}), ${b.filter((x) => x === 429).length}× 429, ${b.filter((x) => x === 0).length}× verbroken`,
    bGuesses <= limit && bOther === 0,
  );
}

// ----- 4. fuzz -----

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document, read field by field
type Doc = any;

/** encodeURIComponent, also for a lone surrogate (which it refuses): then its UTF-8 replacement bytes. */
function encode(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%EF%BF%BD';
  }
}

const HOSTILE: unknown[] = [
  '\u0000',
  'x'.repeat(100_000),
  -1e308,
  2 ** 53 + 2,
  '2026-02-30',
  '../../etc/passwd',
  "' OR 1=1 --",
  '\ud800',
  { nested: { deep: [1, 2, 3] } },
  [],
  null,
  true,
];

function hostileBody(schema: Doc, doc: Doc, n: number): string {
  const resolved = schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema;
  const props = Object.keys(resolved?.properties ?? {});
  if (n === 0) return '{"onaf": ';
  if (n === 1) return '[]';
  const body: Record<string, unknown> = {};
  for (const [i, p] of props.entries()) body[p] = HOSTILE[(n * 7 + i) % HOSTILE.length];
  body.onbekendVeld = HOSTILE[n % HOSTILE.length];
  return JSON.stringify(body);
}

async function fuzz(t: Target, s: Server) {
  const doc: Doc = await (await fetch(`${s.url}/v1/openapi.json`)).json();
  const apis: Record<string, Api> = {};
  for (const u of ['toegang', 'locatie', 'beheer']) apis[u] = await login(s.url, u);
  const ids = [...Object.values(t.fx), '00000000-0000-4000-8000-000000000000', '%00', 'x'.repeat(64), "'"];
  let requests = 0;
  const failures: string[] = [];
  const dropped: string[] = []; // the connection broke instead of an answer
  for (const [p, item] of Object.entries(doc.paths as Record<string, Record<string, Doc>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (p.startsWith('/sessies')) continue; // logging out would end the sessions of this run
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      for (const [user, api] of Object.entries(apis)) {
        for (let n = 0; n < FUZZ_VARIANTS; n++) {
          const filled = p.replace(/\{[^}]+\}/g, () => encode(ids[(n + requests) % ids.length]));
          const query = (op.parameters ?? [])
            .filter((q: Doc) => q.in === 'query')
            .map((q: Doc) => `${q.name}=${encode(String(HOSTILE[(n + 3) % HOSTILE.length]).slice(0, 2000))}`)
            .join('&');
          const url = `/v1${filled}${query ? `?${query}` : ''}`;
          const raw = bodySchema ? hostileBody(bodySchema, doc, n) : undefined;
          requests++;
          try {
            const r = await api(method.toUpperCase(), url, undefined, raw);
            if (r.status >= 500) failures.push(`${method.toUpperCase()} ${url.slice(0, 120)} als ${user}: ${r.status}`);
          } catch (e) {
            const cause = (e as { cause?: { code?: string; message?: string } }).cause;
            dropped.push(
              `${method.toUpperCase()} ${url.slice(0, 120)} als ${user}: ${cause?.code ?? cause?.message ?? (e as Error).message}`,
            );
          }
        }
      }
    }
  }
  for (const f of failures.slice(0, 20)) console.log(`  5xx: ${f}`);
  for (const f of dropped.slice(0, 20)) console.log(`  verbroken: ${f}`);
  const alive = (await fetch(`${s.url}/v1/openapi.json`).catch(() => null))?.ok === true;
  record(
    t.name,
    'fuzz over het contract',
    `${requests} verzoeken, ${failures.length}× 5xx, ${dropped.length}× verbinding verbroken, server ${alive ? 'draait nog' : 'is weg'}`,
    failures.length === 0 && dropped.length === 0 && alive,
  );
}

// ----- run -----

async function runOn(t: Target) {
  let s = await startServer(t);
  try {
    await racingPlacements(t, s);
    await loginBursts(t, s);
    s = await killDuringWrites(t, s);
    await fuzz(t, s);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const exited = s.proc.exitCode !== null || s.proc.signalCode !== null;
    record(
      t.name,
      'uitvoering',
      `afgebroken: ${(e as Error).message.slice(0, 200)}${cause ? ` (${cause.code ?? cause.message})` : ''}; server ${exited ? `gestopt (${s.proc.exitCode ?? s.proc.signalCode})` : 'draait nog'}`,
      false,
    );
    console.error(s.output().slice(-2000));
  } finally {
    await stopServer(s);
    await t.cleanup();
  }
}

async function main() {
  const started = Date.now();
  await runOn(await pgliteTarget());
  if (process.env.DATABASE_URL) await runOn(await postgresTarget(process.env.DATABASE_URL));
  const w = [10, 36, 90];
  const line = (a: string, b: string, c: string, d: string) =>
    `| ${a.padEnd(w[0])} | ${b.padEnd(w[1])} | ${c.padEnd(w[2])} | ${d} |`;
  console.log(`\nBelasting en storingen (${Math.round((Date.now() - started) / 1000)} s)\n`);
  console.log(line('database', 'controle', 'cijfers', 'ok'));
  console.log(line('-'.repeat(w[0]), '-'.repeat(w[1]), '-'.repeat(w[2]), '--'));
  for (const f of figures) console.log(line(f.db, f.check, f.figure, f.ok ? 'ja' : 'NEE'));
  const failed = figures.filter((f) => !f.ok).length;
  if (failed) {
    console.error(`\n${failed} controle(s) mislukt.`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
