import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { anAdmittedClient, aPlacedClient, aReferredClient, loginAs, seedFixture } from '../../test/fixtures.js';

// Issue 14: the toegang refers an admitted client to one facility; the locatiemedewerker of that facility sees the
// client under "Verwezen naar onze locatie" and may place only those clients (or its own residents). A withdrawn
// referral, a referral to another facility, or none at all: 404, as for any client they may not see.

let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
const NOW = new Date('2026-11-23T10:00:00Z');
const ON = '2026-11-20';

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => NOW });
});
afterAll(() => database.close());

const auditRows = (username: string, clientId: string) =>
  database.db
    .selectFrom('audit_log')
    .select(['action', 'resource'])
    .where('username', '=', username)
    .where('client_id', '=', clientId)
    .execute();

describe('verwijzen naar een locatie', () => {
  it('locatie plaatst alleen een cliënt die naar de eigen locatie is verwezen; plaatsen sluit de verwijzing af', async () => {
    const t = await loginAs(app, 'toegang');
    const loc = await loginAs(app, 'locatie');
    const loc2 = await loginAs(app, 'locatie2');
    const c = await anAdmittedClient(t, { voornaam: 'Nog', achternaam: 'Nietverwezen', admittedOn: ON });
    // admitted, but not referred: not placeable, not listed
    const before = await loc.post('/v1/plaatsingen', { clientId: c.clientId, eenheidId: fx.room1, datum: ON });
    expect(before.status).toBe(404);
    expect((await loc.get(`/v1/locaties/${fx.facilityId}/verwijzingen`)).body.resultaten).toEqual([]);
    expect((await t.get(`/v1/clienten/${c.clientId}/verwijzingen`)).body).toEqual({
      resultaten: [],
      mogelijkheden: { verwijzen: true },
    });

    const r = await t.post(`/v1/clienten/${c.clientId}/verwijzingen`, {
      locatieId: fx.facilityId,
      datum: '2026-11-21',
      toelichting: 'Rustige kamer graag',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      clientNaam: 'Nog Nietverwezen',
      locatieId: fx.facilityId,
      verwezenOp: '2026-11-21',
      verwezenDoor: 'toegang',
      status: 'open',
      mogelijkheden: { intrekken: true },
    });
    expect((await t.get(`/v1/clienten/${c.clientId}/verwijzingen`)).body.mogelijkheden).toEqual({ verwijzen: false });
    // the facility's list, with a "Plaatsen" action for the locatie; every person shown is logged
    const list = await loc.get(`/v1/locaties/${fx.facilityId}/verwijzingen`);
    expect(list.status).toBe(200);
    expect(list.body.resultaten).toEqual([
      expect.objectContaining({
        clientId: c.clientId,
        toelichting: 'Rustige kamer graag',
        mogelijkheden: { intrekken: false, plaatsen: true },
      }),
    ]);
    expect(await auditRows('locatie', c.clientId)).toEqual([{ action: 'lezen', resource: 'verwijzingen-locatie' }]);
    // another location neither sees this list nor may place the client
    expect((await loc2.get(`/v1/locaties/${fx.facilityId}/verwijzingen`)).status).toBe(404);
    expect((await loc2.get(`/v1/locaties/${fx.otherFacilityId}/verwijzingen`)).body.resultaten).toEqual([]);
    expect(
      (await loc2.post('/v1/plaatsingen', { clientId: c.clientId, eenheidId: fx.otherRoom, datum: ON })).status,
    ).toBe(404);

    const placed = await loc.post('/v1/plaatsingen', {
      clientId: c.clientId,
      eenheidId: fx.room1,
      datum: '2026-11-22',
    });
    expect(placed.status).toBe(201);
    expect((await loc.get(`/v1/locaties/${fx.facilityId}/verwijzingen`)).body.resultaten).toEqual([]);
    const history = await t.get(`/v1/clienten/${c.clientId}/verwijzingen`);
    expect(history.body.resultaten).toEqual([
      expect.objectContaining({
        id: r.body.id,
        status: 'geplaatst',
        mogelijkheden: { intrekken: false, plaatsen: false },
      }),
    ]);
    expect((await loc.post(`/v1/plaatsingen/${placed.body.id}/beeindigingen`, { datum: '2026-11-23' })).status).toBe(
      200,
    );
  });

  it('een ingetrokken verwijzing geeft de locatie geen recht meer op plaatsen (404)', async () => {
    const t = await loginAs(app, 'toegang');
    const loc = await loginAs(app, 'locatie');
    const c = await aReferredClient(t, { voornaam: 'Ingetrokken', admittedOn: ON, facilityId: fx.facilityId });
    const w = await t.post(`/v1/verwijzingen/${c.referralId}/intrekkingen`, { datum: '2026-11-22' });
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ status: 'ingetrokken', ingetrokkenOp: '2026-11-22' });
    expect((await t.post(`/v1/verwijzingen/${c.referralId}/intrekkingen`, { datum: '2026-11-22' })).status).toBe(409);
    const res = await loc.post('/v1/plaatsingen', { clientId: c.clientId, eenheidId: fx.room2, datum: '2026-11-22' });
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe('Cliënt niet gevonden.');
    expect((await loc.get(`/v1/locaties/${fx.facilityId}/verwijzingen`)).body.resultaten).toEqual([]);
    // referred again, to the other location: still not this one's
    expect(
      (await t.post(`/v1/clienten/${c.clientId}/verwijzingen`, { locatieId: fx.otherFacilityId, datum: '2026-11-22' }))
        .status,
    ).toBe(201);
    expect(
      (await loc.post('/v1/plaatsingen', { clientId: c.clientId, eenheidId: fx.room2, datum: '2026-11-22' })).status,
    ).toBe(404);
  });

  it('verwijzen kan alleen bij een toegelaten cliënt zonder verblijf en zonder andere open verwijzing', async () => {
    const t = await loginAs(app, 'toegang');
    const reg = await t.post('/v1/clienten', {
      voornaam: 'Zonder',
      achternaam: 'Besluit',
      geboortedatum: '1980-05-01',
      herkomstGemeentecode: '0505',
    });
    const refer = (clientId: string, body: Record<string, unknown> = {}) =>
      t.post(`/v1/clienten/${clientId}/verwijzingen`, { locatieId: fx.facilityId, datum: ON, ...body });
    expect((await refer(reg.body.id)).status).toBe(409); // no access decision
    const placed = await aPlacedClient(t, { voornaam: 'Al', achternaam: 'Geplaatst', admittedOn: ON, unit: fx.family });
    expect((await refer(placed.clientId)).status).toBe(409); // already staying somewhere
    const c = await aReferredClient(t, { voornaam: 'Eén', admittedOn: ON, facilityId: fx.otherFacilityId });
    const twice = await refer(c.clientId);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('Andere opvang');
    // all field problems at once
    const bad = await refer(c.clientId, { locatieId: 'bestaat-niet', datum: '2027-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['datum', 'locatieId']);
    const unknownFacility = await refer(c.clientId, { locatieId: 'bestaat-niet' });
    expect(unknownFacility.status).toBe(400);
    expect(unknownFacility.body.invalidParams[0].name).toBe('locatieId');
    // another tenant's toegang: the client does not exist for them
    const almere = await loginAs(app, 'almere.toegang');
    expect(
      (await almere.post(`/v1/clienten/${c.clientId}/verwijzingen`, { locatieId: fx.facilityId, datum: ON })).status,
    ).toBe(404);
    expect((await almere.post(`/v1/verwijzingen/${c.referralId}/intrekkingen`, { datum: ON })).status).toBe(404);
    expect((await almere.get(`/v1/locaties/${fx.facilityId}/verwijzingen`)).status).toBe(404);
    // locatie may not refer nor withdraw
    const loc = await loginAs(app, 'locatie');
    expect(
      (await loc.post(`/v1/clienten/${c.clientId}/verwijzingen`, { locatieId: fx.facilityId, datum: ON })).status,
    ).toBe(403);
    expect((await loc.post(`/v1/verwijzingen/${c.referralId}/intrekkingen`, { datum: ON })).status).toBe(403);
    expect(await auditRows('toegang', c.clientId)).toEqual(
      expect.arrayContaining([{ action: 'aanmaken', resource: 'verwijzing' }]),
    );
  });
});
