import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import {
  type ApiClient,
  anAdmittedClient,
  aPlacedClient,
  aReferredClient,
  loginAs,
  seedFixture,
} from '../../test/fixtures.js';

// Issue 14: a locatiemedewerker places only clients admitted and referred to its facility, or its own residents; for every
// other client id the answer is 404 — also when that client is in shelter elsewhere or belongs to another tenant —
// and nothing is stored or logged about that client.

let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let almereUnit: string;
let otherRoom2: string;
const NOW = new Date('2026-11-23T10:00:00Z');
const ON = '2026-11-20';

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  const fac = await database.db
    .insertInto('facilities')
    .values({
      tenant_id: 'almere',
      name: 'Opvang Almere',
      type: 'crisisopvang',
      postcode: null,
      municipality_code: '0034',
      wijk: null,
      latitude: null,
      longitude: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unit = await database.db
    .insertInto('units')
    .values({ tenant_id: 'almere', facility_id: fac.id, name: 'Kamer A1', kind: 'eenpersoonskamer', beds: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  almereUnit = unit.id;
  const other2 = await database.db
    .insertInto('units')
    .values({
      tenant_id: 'dordrecht',
      facility_id: fx.otherFacilityId,
      name: 'Kamer H2',
      kind: 'eenpersoonskamer',
      beds: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  otherRoom2 = other2.id;
  app = createApp({ database, now: () => NOW });
});
afterAll(() => database.close());

const staysOf = (clientId: string) =>
  database.db
    .selectFrom('stays')
    .select(['id', 'unit_id', 'ended_on'])
    .where('client_id', '=', clientId)
    .orderBy('started_on')
    .execute();
const auditRowsBy = (username: string, clientId: string) =>
  database.db
    .selectFrom('audit_log')
    .select(['action', 'resource', 'tenant_id'])
    .where('username', '=', username)
    .where('client_id', '=', clientId)
    .execute();

async function expectRefusedAsUnknown(loc: ApiClient, clientId: string, unit: string) {
  const staysBefore = await staysOf(clientId);
  const res = await loc.post('/v1/plaatsingen', { clientId, eenheidId: unit, datum: '2026-11-22' });
  expect(res.status).toBe(404);
  expect(res.body.detail).toBe('Cliënt niet gevonden.');
  expect(await staysOf(clientId)).toEqual(staysBefore);
  expect((await loc.get(`/v1/clienten/${clientId}`)).status).toBe(404);
  return res.body;
}

describe('locatiemedewerkers plaatsen alleen toegelaten cliënten of eigen bewoners', () => {
  it('locatie kan een toegelaten, naar de eigen locatie verwezen cliënt in een eigen eenheid plaatsen en ziet daarna het dossier', async () => {
    const t = await loginAs(app, 'toegang');
    const c = await aReferredClient(t, { voornaam: 'Wachtend', admittedOn: ON, facilityId: fx.facilityId });
    const loc = await loginAs(app, 'locatie');
    expect((await loc.get(`/v1/clienten/${c.clientId}`)).status).toBe(404);
    const placed = await loc.post('/v1/plaatsingen', {
      clientId: c.clientId,
      eenheidId: fx.room2,
      datum: '2026-11-22',
    });
    expect(placed.status).toBe(201);
    expect((await loc.get(`/v1/clienten/${c.clientId}`)).status).toBe(200);
    expect(await auditRowsBy('locatie', c.clientId)).toEqual(
      expect.arrayContaining([{ action: 'plaatsen', resource: 'verblijf', tenant_id: 'dordrecht' }]),
    );
    // its own resident again: the ordinary 409 (the client is visible to them)
    const again = await loc.post('/v1/plaatsingen', {
      clientId: c.clientId,
      eenheidId: fx.family,
      datum: '2026-11-22',
    });
    expect(again.status).toBe(409);
    expect((await loc.post(`/v1/plaatsingen/${placed.body.id}/beeindigingen`, { datum: '2026-11-22' })).status).toBe(
      200,
    );
  });

  it('locatie kan een onzichtbare cliënt niet plaatsen: 404, niets opgeslagen en geen auditregel over die cliënt', async () => {
    const t = await loginAs(app, 'toegang');
    const loc = await loginAs(app, 'locatie');
    // without an access decision
    const reg = await t.post('/v1/clienten', {
      voornaam: 'Zonder',
      achternaam: 'Besluit',
      geboortedatum: '1980-05-01',
      herkomstGemeentecode: '0505',
    });
    expect(reg.status).toBe(201);
    const a = await expectRefusedAsUnknown(loc, reg.body.id, fx.room1);
    // admitted but in shelter at another location: 404 as well (was 409, which told where the person was)
    const elsewhere = await aPlacedClient(t, { voornaam: 'Elders', admittedOn: ON, unit: fx.otherRoom });
    const b = await expectRefusedAsUnknown(loc, elsewhere.clientId, fx.room1);
    expect(b).toEqual(a);
    // an id that does not exist at all: the same answer
    const c = await expectRefusedAsUnknown(loc, '00000000-0000-4000-8000-000000000000', fx.room1);
    expect(c).toEqual(a);
    expect(await auditRowsBy('locatie', reg.body.id)).toEqual([]);
    expect(await auditRowsBy('locatie', elsewhere.clientId)).toEqual([]);
    expect(await staysOf(elsewhere.clientId)).toEqual([
      expect.objectContaining({ unit_id: fx.otherRoom, ended_on: null }),
    ]);
  });

  it('404 voor een cliënt van een andere centrumgemeente, of die nu in de opvang verblijft of niet', async () => {
    const almere = await loginAs(app, 'almere.toegang');
    const waiting = await anAdmittedClient(almere, {
      voornaam: 'Almeerder',
      herkomstGemeentecode: '0034',
      admittedOn: ON,
    });
    const inShelter = await anAdmittedClient(almere, {
      voornaam: 'Bewoner',
      herkomstGemeentecode: '0034',
      admittedOn: ON,
    });
    expect(
      (await almere.post('/v1/plaatsingen', { clientId: inShelter.clientId, eenheidId: almereUnit, datum: ON })).status,
    ).toBe(201);
    for (const who of ['locatie', 'toegang']) {
      const u = await loginAs(app, who);
      const answers = [];
      for (const id of [waiting.clientId, inShelter.clientId]) {
        const before = await staysOf(id);
        const res = await u.post('/v1/plaatsingen', { clientId: id, eenheidId: fx.room1, datum: '2026-11-22' });
        expect(res.status).toBe(404);
        answers.push(res.body);
        expect(await staysOf(id)).toEqual(before);
        expect(await auditRowsBy(who, id)).toEqual([]);
      }
      expect(answers[0]).toEqual(answers[1]);
    }
  });

  it('verhuizen en beëindigen van een verblijf van een cliënt die de locatie niet (meer) ziet: altijd 404, vóór elke 409', async () => {
    const t = await loginAs(app, 'toegang');
    const c = await aPlacedClient(t, { voornaam: 'Verhuisd', admittedOn: ON, unit: fx.room1 });
    const moved = await t.post(`/v1/plaatsingen/${c.stayId}/verhuizingen`, {
      eenheidId: otherRoom2,
      datum: '2026-11-21',
    });
    expect(moved.status).toBe(201);
    // the old stay was at the own location, but it has ended and the client now lives elsewhere
    const loc = await loginAs(app, 'locatie');
    expect((await loc.post(`/v1/plaatsingen/${c.stayId}/beeindigingen`, { datum: '2026-11-22' })).status).toBe(404);
    expect(
      (await loc.post(`/v1/plaatsingen/${c.stayId}/verhuizingen`, { eenheidId: fx.room2, datum: '2026-11-22' })).status,
    ).toBe(404);
    // the current stay at the other location
    expect((await loc.post(`/v1/plaatsingen/${moved.body.id}/beeindigingen`, { datum: '2026-11-22' })).status).toBe(
      404,
    );
    expect(await auditRowsBy('locatie', c.clientId)).toEqual([]);
    // toegang sees every client of the region: an ended stay is an ordinary 409
    expect((await t.post(`/v1/plaatsingen/${c.stayId}/beeindigingen`, { datum: '2026-11-22' })).status).toBe(409);
  });
});
