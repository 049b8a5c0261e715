import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { aPlacedClient, loginAs, seedFixture } from '../../test/fixtures.js';

// NEN 7513 in wonen: every read of person data leaves an audit row per person shown (lists too), in the same
// transaction, and never a row about a person of another centrumgemeente.
let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let ann = { clientId: '', candId: '' },
  bas = { clientId: '', candId: '' };
let offerId = '',
  almereClientId = '';
const NOW = new Date('2026-11-23T10:00:00Z');
type Client = Awaited<ReturnType<typeof loginAs>>;

async function readyClient(t: Client, voornaam: string, room: string) {
  const { clientId } = await aPlacedClient(t, {
    voornaam,
    achternaam: 'de Vries',
    geboortedatum: '1985-02-03',
    telefoon: '0611111111',
    admittedOn: '2026-09-01',
    unit: room,
  });
  const k = await t.post('/v1/woonkandidaten', {
    clientId,
    huishoudgrootte: 1,
    nettoInkomen: 1500,
    ondersteuning: 'licht',
    woonklaarSinds: '2026-10-01',
  });
  expect(k.status).toBe(201);
  return { clientId, candId: k.body.id as string };
}

/** The audit rows written while `fn` ran. */
async function rowsWrittenBy(fn: () => Promise<unknown>) {
  const last = await database.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  await fn();
  return database.db
    .selectFrom('audit_log')
    .select(['client_id', 'action', 'resource', 'role', 'basis'])
    .where('id', '>', last?.id ?? 0)
    .orderBy('id')
    .execute();
}
const about = (rows: { client_id: string | null }[], clientId: string) => rows.filter((r) => r.client_id === clientId);

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  const corp = await database.db
    .insertInto('housing_corporations')
    .values({ tenant_id: 'dordrecht', name: 'Woonbron', contact_email: null, contact_phone: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .updateTable('users')
    .set({ corporation_id: corp.id })
    .where('username', '=', 'corporatie')
    .execute();
  app = createApp({ database, now: () => NOW });
  const t = await loginAs(app, 'toegang');
  ann = await readyClient(t, 'Ann', fx.room1);
  bas = await readyClient(t, 'Bas', fx.room2);
  const u = await t.post('/v1/woonplekken', {
    corporatieId: corp.id,
    type: 'corporatie',
    adres: 'Voorstraat 2, Dordrecht',
    postcode: '3311AA',
    gemeentecode: '0505',
    kamers: 2,
    oppervlakte: 45,
    huur: 500,
    beschikbaarVanaf: '2026-11-01',
  });
  const o = await t.post('/v1/aanbiedingen', { woonplekId: u.body.id, kandidaatId: ann.candId, datum: '2026-11-20' });
  expect(o.status).toBe(201);
  offerId = o.body.id;
  const a = await (await loginAs(app, 'almere.toegang')).post('/v1/clienten', {
    voornaam: 'Elders',
    achternaam: 'Bekend',
    herkomstGemeentecode: '0034',
  });
  almereClientId = a.body.id;
});
afterAll(() => database.close());

describe('wonen: elke getoonde persoon laat een auditregel achter', () => {
  it('één aanbieding lezen wordt gelogd, voor de toegang en (met eigen grondslag) voor de corporatie', async () => {
    const t = await loginAs(app, 'toegang');
    const rows = await rowsWrittenBy(async () => expect((await t.get(`/v1/aanbiedingen/${offerId}`)).status).toBe(200));
    expect(about(rows, ann.clientId)).toMatchObject([{ action: 'lezen', resource: 'aanbieding', role: 'toegang' }]);
    const corp = await loginAs(app, 'corporatie');
    const corpRows = await rowsWrittenBy(async () =>
      expect((await corp.get(`/v1/aanbiedingen/${offerId}`)).status).toBe(200),
    );
    expect(about(corpRows, ann.clientId)).toMatchObject([
      {
        action: 'lezen',
        resource: 'aanbieding (corporatie)',
        role: 'corporatie',
        basis: expect.stringContaining('Woonruimtebemiddeling'),
      },
    ]);
  });

  it('lijsten: één regel per getoonde persoon', async () => {
    const t = await loginAs(app, 'toegang');
    const candidates = await rowsWrittenBy(() => t.get('/v1/woonkandidaten'));
    expect(about(candidates, ann.clientId)).toHaveLength(1);
    expect(about(candidates, bas.clientId)).toHaveLength(1);
    const offers = await rowsWrittenBy(() => t.get('/v1/aanbiedingen'));
    expect(about(offers, ann.clientId)).toHaveLength(1);
    expect(about(offers, bas.clientId)).toHaveLength(0); // no offer for Bas: not shown, not logged
    const corp = await loginAs(app, 'corporatie');
    const corpOffers = await rowsWrittenBy(() => corp.get('/v1/aanbiedingen'));
    expect(about(corpOffers, ann.clientId)).toHaveLength(1);
    const proposal = await rowsWrittenBy(() => t.post('/v1/toewijzingsvoorstellen', {}));
    expect(about(proposal, bas.clientId)).toHaveLength(1);
  });

  it('kandidaten bij een woonplek: alleen wie in de lijst staat', async () => {
    const t = await loginAs(app, 'toegang');
    const free = await t.post('/v1/woonplekken', {
      corporatieId: null,
      type: 'tussenvoorziening',
      adres: 'Singel 5, Dordrecht',
      gemeentecode: '0505',
      kamers: 1,
      oppervlakte: 30,
      huur: 400,
      beschikbaarVanaf: '2026-11-01',
      ondersteuning: 'intensief',
    });
    expect(free.status).toBe(201);
    const r = await t.get(`/v1/woonplekken/${free.body.id}/kandidaten`);
    const shown: string[] = r.body.resultaten.map((x: { kandidaat: { clientId: string } }) => x.kandidaat.clientId);
    expect(shown.length).toBeGreaterThan(0);
    const rows = await rowsWrittenBy(() => t.get(`/v1/woonplekken/${free.body.id}/kandidaten`));
    for (const id of shown) expect(about(rows, id)).toHaveLength(1);
    expect(rows.filter((x) => x.client_id !== null && !shown.includes(x.client_id))).toHaveLength(0);
  });

  it('Housing First-lijst: één regel per traject', async () => {
    const t = await loginAs(app, 'toegang');
    expect(
      (
        await t.post('/v1/housing-first-trajecten', {
          clientId: bas.clientId,
          gemeentecode: '0505',
          aangemeldOp: '2026-10-01',
        })
      ).status,
    ).toBe(201);
    const rows = await rowsWrittenBy(() => t.get('/v1/housing-first-trajecten'));
    expect(about(rows, bas.clientId)).toMatchObject([{ action: 'zoeken', resource: 'housing first trajecten' }]);
  });

  it('een cliënt van een andere centrumgemeente wordt nooit gelogd', async () => {
    const t = await loginAs(app, 'toegang');
    const rows = await rowsWrittenBy(async () => {
      const r = await t.get(`/v1/woonkandidaten?clientId=${almereClientId}`);
      expect(r.status).toBe(200);
      expect(r.body.resultaten).toEqual([]);
    });
    expect(about(rows, almereClientId)).toHaveLength(0);
    const offers = await rowsWrittenBy(() => t.get(`/v1/aanbiedingen?kandidaatId=${almereClientId}`));
    expect(about(offers, almereClientId)).toHaveLength(0);
  });
});
