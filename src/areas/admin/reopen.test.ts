// Issue 11: a closed unit or location can be opened again, and a location is linked to the zorgaanbieder that runs
// it. Both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, aPlacedClient, type Json, loginAs, seedFixture } from '../../test/fixtures.js';

let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let beheer: ApiClient;
let toegang: ApiClient;
const now = new Date('2026-12-02T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => now });
  beheer = await loginAs(app, 'beheer');
  toegang = await loginAs(app, 'toegang');
});
afterAll(() => database.close());

const adminFacility = async (id: string) =>
  (await beheer.get('/v1/beheerlocaties')).body.resultaten.find((l: Json) => l.id === id);

describe('gesloten eenheden en locaties heropenen', () => {
  it('een heropende eenheid staat weer op het bedbord en er kan iemand geplaatst worden', async () => {
    expect((await beheer.post(`/v1/eenheden/${fx.room2}/sluitingen`, { datum: '2026-12-01' })).status).toBe(201);
    const closed = (await adminFacility(fx.facilityId)).eenheden.find((e: Json) => e.id === fx.room2);
    expect(closed.mogelijkheden).toMatchObject({ heropenen: true, sluiten: false });
    const r = await beheer.post(`/v1/eenheden/${fx.room2}/heropeningen`, {});
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ actief: true, geslotenOp: null, mogelijkheden: { heropenen: false } });
    expect((await beheer.post(`/v1/eenheden/${fx.room2}/heropeningen`, {})).status).toBe(409);
    const board = await toegang.get(`/v1/locaties/${fx.facilityId}/bezetting`);
    expect(board.body.eenheden.map((e: Json) => e.id)).toContain(fx.room2);
    await aPlacedClient(toegang, { voornaam: 'Terug', admittedOn: '2026-12-02', unit: fx.room2 });
  });

  it('een locatie gaat weer open met de eenheden die tegelijk met haar gesloten zijn; eerder gesloten eenheden niet', async () => {
    // Andere opvang has one unit (Kamer H1); add one that is closed on its own before the location closes
    const extra = await beheer.post(`/v1/locaties/${fx.otherFacilityId}/eenheidreeksen`, {
      reeksen: [{ voorvoegsel: 'X', van: 1, tot: 1, soort: 'eenpersoonskamer', bedden: 1 }],
    });
    const x01 = extra.body.eenheden[0].id;
    expect((await beheer.post(`/v1/eenheden/${x01}/sluitingen`, { datum: '2026-11-20' })).status).toBe(201);
    expect((await beheer.post(`/v1/locaties/${fx.otherFacilityId}/sluitingen`, { datum: '2026-12-01' })).status).toBe(
      201,
    );
    // a unit of a closed location cannot be reopened on its own
    const unitFirst = await beheer.post(`/v1/eenheden/${fx.otherRoom}/heropeningen`, {});
    expect(unitFirst.status).toBe(409);
    expect(unitFirst.body.detail).toContain('Open eerst de locatie');
    expect((await adminFacility(fx.otherFacilityId)).mogelijkheden.heropenen).toBe(true);

    const r = await beheer.post(`/v1/locaties/${fx.otherFacilityId}/heropeningen`, {});
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ actief: true, geslotenOp: null });
    const state = Object.fromEntries(r.body.eenheden.map((e: Json) => [e.naam, e.actief]));
    expect(state).toEqual({ 'Kamer H1': true, X01: false });
    expect((await toegang.get('/v1/locaties')).body.resultaten.map((l: Json) => l.id)).toContain(fx.otherFacilityId);
    expect((await beheer.post(`/v1/locaties/${fx.otherFacilityId}/heropeningen`, {})).status).toBe(409);
  });
});

describe('een locatie koppelen aan een zorgaanbieder', () => {
  it('de beheerder koppelt en ontkoppelt; een zorgaanbieder van buiten de regio wordt geweigerd', async () => {
    const zorg = await beheer.post('/v1/zorgaanbieders', { naam: 'Leger des Heils' });
    expect(zorg.status).toBe(201);
    const linked = await beheer.patch(`/v1/locaties/${fx.facilityId}`, { zorgaanbiederId: zorg.body.id });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ zorgaanbiederId: zorg.body.id, zorgaanbiederNaam: 'Leger des Heils' });
    const bad = await beheer.patch(`/v1/locaties/${fx.facilityId}`, { zorgaanbiederId: 'bestaat-niet' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0]).toMatchObject({ name: 'zorgaanbiederId' });
    const unlinked = await beheer.patch(`/v1/locaties/${fx.facilityId}`, { zorgaanbiederId: null });
    expect(unlinked.body).toMatchObject({ zorgaanbiederId: null, zorgaanbiederNaam: null });
  });
});
