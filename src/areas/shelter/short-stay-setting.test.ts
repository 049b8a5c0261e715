import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, loginAs, seedFixture } from '../../test/fixtures.js';

// Issue 13 (found while making the demo through the services): the maximum nights of a bed voor de nacht is the
// setting the beheerder sets on the beheer screen (PUT /v1/instellingen, bedVoorDeNachtMax); the check read another key
// and kept 3 whatever the beheerder chose.

const NOW = new Date('2026-11-23T10:00:00Z');
let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let toegang: ApiClient;
let beheer: ApiClient;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => NOW });
  toegang = await loginAs(app, 'toegang');
  beheer = await loginAs(app, 'beheer');
});
afterAll(() => database?.close());

async function registration(voornaam: string, datum: string) {
  const c = await toegang.post('/v1/clienten', { voornaam, achternaam: 'Instelling', herkomstGemeentecode: '0505' });
  const a = await toegang.post('/v1/aanmeldingen', { clientId: c.body.id, datum, bron: 'zelf' });
  expect(a.status).toBe(201);
  return a.body.id as string;
}

describe('bed voor de nacht: het maximum uit de instellingen', () => {
  it('de beheerder zet bedVoorDeNachtMax op 6: een bed voor 6 nachten mag, 7 niet', async () => {
    const bed = (id: string, tot: string) =>
      toegang.post(`/v1/aanmeldingen/${id}/bedden-voor-de-nacht`, { eenheidId: fx.room1, datum: '2026-11-10', tot });
    // the default (3): 4 nights are refused
    const before = await bed(await registration('Vier', '2026-11-10'), '2026-11-14');
    expect(before.status).toBe(400);
    const cur = await beheer.get('/v1/instellingen');
    const put = await beheer.put('/v1/instellingen', { ...cur.body, bedVoorDeNachtMax: 6 });
    expect(put.status).toBe(200);
    const six = await bed(await registration('Zes', '2026-11-10'), '2026-11-16');
    expect(six.status).toBe(201);
    expect(six.body.nachten).toBe(6);
    const seven = await bed(await registration('Zeven', '2026-11-10'), '2026-11-17');
    expect(seven.status).toBe(400);
    expect(JSON.stringify(seven.body)).toContain('ten hoogste 6 nachten');
  });
});
