import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { createFakeZgw, FAKE_ZGW_CLIENT_ID } from '../../fakes/zgw.js';
import { type Database, openPostgres } from '../../platform/db/database.js';
import { createTestDatabase, testDbKind, withDatabaseName } from '../../test/db.js';
import { anAdmittedClient, loginAs, seedFixture } from '../../test/fixtures.js';
import { dispatchOnce } from './outbox.dispatcher.js';
import { zgwClient } from './zgw.client.js';

// Issue 19 / ADR 0028: two dispatchers (on PostgreSQL: two processes' worth of connections, each with its own pool)
// race over one outbox. Every change arrives exactly once, in order per zaak, and none is lost.
let database: Database;
let second: Database; // the "other process": on PostgreSQL its own pool on the same database; on PGlite the same one
let app: ReturnType<typeof createApp>;
const clock = () => new Date('2026-11-23T10:00:00Z');
const base = 'http://zgw.test';
const zgw = createFakeZgw({ base, secret: 'geheim' });
const client = zgwClient({
  zakenUrl: `${base}/zaken/api/v1`,
  besluitenUrl: `${base}/besluiten/api/v1`,
  clientId: FAKE_ZGW_CLIENT_ID,
  secret: 'geheim',
  zaaktype: zgw.catalog.zaaktype,
  besluittype: zgw.catalog.besluittype,
  statustypen: zgw.catalog.statustypen,
  // a little network time per call, so that the two dispatchers really interleave
  fetch: async (u, i) => {
    await new Promise((r) => setTimeout(r, 3));
    return zgw.app.request(u, i);
  },
});

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  app = createApp({ database, now: clock });
  if (testDbKind() === 'postgres') {
    const name = (await database.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('n')).executeTakeFirst())!
      .n;
    second = await openPostgres(withDatabaseName(process.env.DATABASE_URL!, name));
  } else second = database;
  await database.db.insertInto('zgw_connections').values({ tenant_id: 'dordrecht', rsin: '002220647' }).execute();
});
afterAll(async () => {
  if (second !== database) await second.close();
  await database.close();
});

const outbox = () =>
  database.db.selectFrom('zgw_outbox').selectAll().where('tenant_id', '=', 'dordrecht').orderBy('id').execute();

describe('outbox met twee dispatchers tegelijk (lease, ADR 0028)', () => {
  it('twee dispatchers die racen leveren elke wijziging precies één keer, op volgorde per zaak, en verliezen niets', async () => {
    const t = await loginAs(app, 'toegang');
    for (let i = 0; i < 4; i++) await anAdmittedClient(t, { voornaam: `Race${i}`, admittedOn: '2026-11-20' });
    expect(await outbox()).toHaveLength(16);

    // both run rounds until the outbox is empty; neither waits for the other
    const run = async (db: Database, owner: string) => {
      let sent = 0;
      for (let round = 0; round < 200 && (await outbox()).some((r) => r.state === 'wachtend'); round++)
        sent += (await dispatchOnce(db, () => client, clock, 100, owner)).verzonden;
      return sent;
    };
    const [a, b] = await Promise.all([run(database, 'proces-a'), run(second, 'proces-b')]);
    expect(a + b).toBe(16);

    const rows = await outbox();
    expect(rows.every((r) => r.state === 'verzonden' && r.remote_url && r.claimed_by === null)).toBe(true);
    expect(zgw.state.writes).toHaveLength(16); // nothing sent twice
    expect(zgw.state.zaken).toHaveLength(4);
    expect(zgw.state.statussen).toHaveLength(8);
    expect(zgw.state.besluiten).toHaveLength(4);
    // per zaak: zaak, status aangemeld, besluit, status besloten
    const zaakOf = (w: string) => {
      const [kind, id] = w.split(' ');
      if (kind !== 'besluit') return id!;
      const url = zgw.state.besluiten.find((x) => x.identificatie === id)!.zaak;
      return zgw.state.zaken.find((z) => z.url === url)!.identificatie;
    };
    const perZaak = new Map<string, string[]>();
    for (const w of zgw.state.writes) {
      const step = w.startsWith('status') ? `status ${w.split(' ').at(-1)}` : w.split(' ')[0]!;
      perZaak.set(zaakOf(w), [...(perZaak.get(zaakOf(w)) ?? []), step]);
    }
    expect(perZaak.size).toBe(4);
    for (const steps of perZaak.values())
      expect(steps).toEqual(['zaak', 'status aangemeld', 'besluit', 'status besloten']);
  });

  it('een rij die een ander proces vasthoudt wacht; na het verlopen van diens lease gaat ze alsnog (niets verloren)', async () => {
    const t = await loginAs(app, 'toegang');
    await anAdmittedClient(t, { voornaam: 'Lease', admittedOn: '2026-11-21' });
    const head = (await outbox()).find((r) => r.state === 'wachtend')!;
    await database.db
      .updateTable('zgw_outbox')
      .set({ claimed_by: 'ander-proces', claimed_until: new Date(Date.now() + 3_600_000) })
      .where('id', '=', head.id)
      .execute();
    const before = zgw.state.writes.length;
    expect(await dispatchOnce(second, () => client, clock, 100, 'proces-b')).toEqual({ verzonden: 0, mislukt: 0 });
    expect(zgw.state.writes.length).toBe(before); // the rows behind it wait too: order per tenant
    // the other process died: its lease runs out
    await database.db
      .updateTable('zgw_outbox')
      .set({ claimed_until: new Date(Date.now() - 1000) })
      .where('id', '=', head.id)
      .execute();
    expect(await dispatchOnce(second, () => client, clock, 100, 'proces-b')).toEqual({ verzonden: 4, mislukt: 0 });
    expect((await outbox()).every((r) => r.state === 'verzonden')).toBe(true);
  });
});
