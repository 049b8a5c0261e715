import crypto from 'node:crypto';
import net from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../../test/db.js';
import { type Database, NO_WAIT, openPostgres, type Tx } from './database.js';

// ADR 0035: on PostgreSQL the BEGIN and every statement marked NO_WAIT inside a transaction are written without
// waiting for their answer, and leave in one write with the next statement that waits. A proxy between the app and
// PostgreSQL counts the writes that arrive from the app: in a strict question-and-answer exchange each one is a round
// trip. An unwaited statement that fails must fail its transaction with its own error and leave nothing behind.
describe.skipIf(testDbKind() !== 'postgres')('de pijplijn naar PostgreSQL', () => {
  const table = `pijplijn_proef_${crypto.randomBytes(4).toString('hex')}`;
  let proxy: net.Server;
  let writesFromApp = 0;
  const sockets = new Set<net.Socket>();
  let proxiedUrl = '';
  const opened: Database[] = [];

  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL!);
    proxy = net.createServer((app) => {
      const server = net.connect(Number(target.port || 5432), target.hostname);
      sockets.add(app).add(server);
      app.setNoDelay(true);
      server.setNoDelay(true);
      app.on('data', (chunk) => {
        writesFromApp++;
        server.write(chunk);
      });
      server.on('data', (chunk) => app.write(chunk));
      app.on('close', () => server.destroy());
      server.on('close', () => app.destroy());
      app.on('error', () => server.destroy());
      server.on('error', () => app.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const u = new URL(process.env.DATABASE_URL!);
    u.hostname = '127.0.0.1';
    u.port = String((proxy.address() as net.AddressInfo).port);
    proxiedUrl = u.toString();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create table ${table} (n int not null)`);
    await admin.end();
  });

  afterAll(async () => {
    for (const d of opened) await d.close();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop table if exists ${table}`);
    await admin.end();
    for (const s of sockets) s.destroy();
    await new Promise((r) => proxy.close(r));
  });

  async function open(pipeline: boolean): Promise<Database> {
    const before = process.env.DATABASE_PIPELINE;
    process.env.DATABASE_PIPELINE = pipeline ? '1' : '0';
    try {
      const d = await openPostgres(proxiedUrl);
      opened.push(d);
      // one connection open and warm, so the count below holds no connection start-up
      await sql`select 1`.execute(d.db);
      return d;
    } finally {
      if (before === undefined) delete process.env.DATABASE_PIPELINE;
      else process.env.DATABASE_PIPELINE = before;
    }
  }

  const rows = async (d: Database) =>
    (await sql<{ n: number }>`select n from ${sql.table(table)} order by n`.execute(d.db)).rows.map((r) => r.n);

  /** A request transaction in miniature: setup without waiting, a read, an audit row without waiting, commit. */
  const requestLike = (tx: Tx, value: string) =>
    (async () => {
      await sql`select set_config('onderdak.proef', ${value}, true) ${sql.raw(NO_WAIT)}`.execute(tx);
      const seen = await sql<{ v: string }>`select current_setting('onderdak.proef') as v`.execute(tx);
      await sql`insert into ${sql.table(table)} (n) values (${Number(value)}) ${sql.raw(NO_WAIT)}`.execute(tx);
      return seen.rows[0]!.v;
    })();

  it('BEGIN, instelling en eerste query gaan in één schrijfactie, de auditregel met de COMMIT: 2 rondgangen in plaats van 5', async () => {
    for (const [pipeline, expected] of [
      [true, 2],
      [false, 5],
    ] as const) {
      const d = await open(pipeline);
      const start = writesFromApp;
      const seen = await d.db.transaction().execute((tx) => requestLike(tx, pipeline ? '7' : '8'));
      expect(seen).toBe(pipeline ? '7' : '8');
      expect(writesFromApp - start).toBe(expected);
    }
    expect(await rows(opened[0]!)).toEqual([7, 8]);
    await sql`delete from ${sql.table(table)}`.execute(opened[0]!.db);
  });

  it('een opdracht zonder wachten die faalt, laat de volgende opdracht falen met zijn eigen fout; niets blijft staan', async () => {
    const d = await open(true);
    const failing = d.db.transaction().execute(async (tx) => {
      await sql`insert into ${sql.table(table)} (n) values (${1})`.execute(tx);
      await sql`insert into ${sql.table(table)} (n) values (${null}) ${sql.raw(NO_WAIT)}`.execute(tx);
      await sql`select 1`.execute(tx);
    });
    await expect(failing).rejects.toThrow(/null value in column "n"/);
    expect(await rows(d)).toEqual([]);
  });

  it('… ook als het de laatste opdracht vóór de COMMIT is: de COMMIT faalt en niets blijft staan', async () => {
    const d = await open(true);
    const failing = d.db.transaction().execute(async (tx) => {
      await sql`insert into ${sql.table(table)} (n) values (${2})`.execute(tx);
      await sql`select 1/${0}::int ${sql.raw(NO_WAIT)}`.execute(tx);
    });
    await expect(failing).rejects.toThrow(/division by zero/);
    expect(await rows(d)).toEqual([]);
    // the connection goes back to the pool clean: the next transaction on it works
    expect(await d.db.transaction().execute((tx) => requestLike(tx, '3'))).toBe('3');
    expect(await rows(d)).toEqual([3]);
    await sql`delete from ${sql.table(table)}`.execute(d.db);
  });

  it('gelijktijdige transacties op een pool van 10 verbindingen krijgen elk hun eigen antwoorden', async () => {
    const d = await open(true);
    const values = Array.from({ length: 60 }, (_, i) => String(100 + i));
    const seen = await Promise.all(values.map((v) => d.db.transaction().execute((tx) => requestLike(tx, v))));
    expect(seen).toEqual(values);
    expect(await rows(d)).toEqual(values.map(Number));
    await sql`delete from ${sql.table(table)}`.execute(d.db);
  });

  it.each([
    ['met', true],
    ['zonder', false],
  ])(
    'valt de verbinding weg midden in een transactie (%s pijplijn), dan faalt alleen die; de server blijft en de pool werkt daarna',
    async (_label, pipeline) => {
      const d = await open(pipeline);
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      try {
        const failing = d.db.transaction().execute(async (tx) => {
          const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx)).rows[0]!.pid;
          await sql`insert into ${sql.table(table)} (n) values (${9}) ${sql.raw(NO_WAIT)}`.execute(tx);
          await admin.query('select pg_terminate_backend($1)', [pid]);
          await sql`select pg_sleep(0.05)`.execute(tx);
        });
        // node-postgres also emits 'error' on the lent-out client: without a listener an uncaught error (vitest
        // reports it, a server stops)
        await expect(failing).rejects.toThrow(/terminat|connection/i);
        expect(await rows(d)).toEqual([]);
        expect(await d.db.transaction().execute((tx) => requestLike(tx, '4'))).toBe('4');
        expect(await rows(d)).toEqual([4]);
        await sql`delete from ${sql.table(table)}`.execute(d.db);
      } finally {
        await admin.end();
      }
    },
  );

  it('buiten een transactie wacht een opdracht met de markering gewoon op zijn antwoord', async () => {
    const d = await open(true);
    await expect(sql`select 1/${0}::int ${sql.raw(NO_WAIT)}`.execute(d.db)).rejects.toThrow(/division by zero/);
    const r = await sql<{ v: number }>`select ${5}::int as v ${sql.raw(NO_WAIT)}`.execute(d.db);
    expect(r.rows[0]!.v).toBe(5);
  });
});
