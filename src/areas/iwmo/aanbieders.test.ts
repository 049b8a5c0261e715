import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, aPlacedClient, loginAs, seedFixture } from '../../test/fixtures.js';

// Issue 19: the beheerder and beleid set a location's AGB code for the iWmo messages; an AGB code has 8 digits,
// belongs to one location, and a code that already has messages stays; toegang and locatie may not set it. A
// location that gets its code can then get a toewijzing (301) addressed to it.

let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let beheer: ApiClient;
let beleid: ApiClient;
let toegang: ApiClient;
let locatie: ApiClient;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => new Date('2026-11-23T10:00:00Z') });
  beheer = await loginAs(app, 'beheer');
  beleid = await loginAs(app, 'beleid');
  toegang = await loginAs(app, 'toegang');
  locatie = await loginAs(app, 'locatie');
});
afterAll(() => database.close());

const zet = (who: ApiClient, locatieId: string, agbCode: string, naam = 'Leger des Heils') =>
  who.put(`/v1/iwmo-aanbieders/${locatieId}`, { agbCode, naam });

describe('AGB-codes voor iWmo', () => {
  it('lijst de locaties zonder AGB-code en de gemeentecode van de centrumgemeente', async () => {
    const r = await beheer.get('/v1/iwmo-aanbieders');
    expect(r.status).toBe(200);
    expect(r.body.gemeentecode).toMatch(/^\d{4}$/);
    const eigen = r.body.aanbieders.find((a: { locatieId: string }) => a.locatieId === fx.facilityId);
    expect(eigen).toMatchObject({ agbCode: null, naam: null });
  });

  it('weigert een AGB-code die geen 8 cijfers heeft, met een Nederlandse reden', async () => {
    for (const fout of ['1234', '123456789', '1234567a']) {
      const r = await zet(beheer, fx.facilityId, fout);
      expect(r.status).toBe(400);
      expect(r.body.invalidParams).toEqual([
        expect.objectContaining({ name: 'agbCode', reason: 'Een AGB-code heeft precies 8 cijfers, zoals 41000010.' }),
      ]);
    }
  });

  it('legt een AGB-code vast; daarna kan een plaatsing op die locatie een toewijzing krijgen', async () => {
    const placed = await aPlacedClient(toegang, {
      voornaam: 'Agb',
      bsn: '111222333',
      admittedOn: '2026-11-01',
      unit: fx.room1,
    });
    expect((await toegang.post('/v1/iwmo-toewijzingen', { verblijfId: placed.stayId })).status).toBe(409);
    const r = await zet(beheer, fx.facilityId, ' 41000010 ');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ locatieId: fx.facilityId, agbCode: '41000010', naam: 'Leger des Heils' });
    const lijst = await beleid.get('/v1/iwmo-aanbieders');
    expect(lijst.body.aanbieders.find((a: { locatieId: string }) => a.locatieId === fx.facilityId).agbCode).toBe(
      '41000010',
    );
    const tw = await toegang.post('/v1/iwmo-toewijzingen', { verblijfId: placed.stayId });
    expect(tw.status).toBe(201);
    expect(tw.body.agbCode).toBe('41000010');
  });

  it('een code hoort bij één locatie, en een code met berichten blijft staan (de naam mag wel wijzigen)', async () => {
    const dubbel = await zet(beleid, fx.otherFacilityId, '41000010');
    expect(dubbel.status).toBe(409);
    expect(dubbel.body.detail).toContain('hoort al bij locatie');
    const anders = await zet(beheer, fx.facilityId, '41000020');
    expect(anders.status).toBe(409);
    expect(anders.body.detail).toContain('Er zijn al iWmo-berichten met AGB-code 41000010');
    const naam = await zet(beheer, fx.facilityId, '41000010', 'Leger des Heils Dordrecht');
    expect(naam.status).toBe(200);
    expect(naam.body.naam).toBe('Leger des Heils Dordrecht');
  });

  it('alleen beheerder en beleid: toegang en locatie krijgen 403', async () => {
    expect((await toegang.get('/v1/iwmo-aanbieders')).status).toBe(403);
    expect((await zet(locatie, fx.facilityId, '41000030')).status).toBe(403);
  });
});
