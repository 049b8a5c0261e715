// Issue 17 — managing a facility's public page and its agreements with the neighbourhood, against the real app and
// database (PGlite, and PostgreSQL with DATABASE_URL): who may change it, Dutch field errors, the change on the public
// page without login, and the judgement of an agreement in the liveability monitor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, type Json, loginAs, seedFixture } from '../../test/fixtures.js';

let database: Database;
const clock = new Date('2026-12-02T09:00:00Z');
let app: ReturnType<typeof createApp>;
let toegang: ApiClient;
let beleid: ApiClient;
let locatie: ApiClient; // at the facility of the page
let locatie2: ApiClient; // another facility
let pageId: string;
const SLUG = 'kasperspad-beheer';

beforeAll(async () => {
  database = await createTestDatabase();
  const fx = await seedFixture(database);
  const page = await database.db
    .insertInto('public_facilities')
    .values({
      tenant_id: 'dordrecht',
      slug: SLUG,
      facility_id: fx.facilityId,
      name: 'Crisisopvang Kasperspad',
      kind: 'opvang',
      description: 'Nachtopvang.',
      care_provider: 'Leger des Heils',
      management_contact: 'Bel 078 000 00 00',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  pageId = page.id;
  app = createApp({ database, now: () => clock });
  toegang = await loginAs(app, 'toegang');
  beleid = await loginAs(app, 'beleid');
  locatie = await loginAs(app, 'locatie');
  locatie2 = await loginAs(app, 'locatie2');
});
afterAll(async () => {
  await database?.close();
});

const publicPage = async () => {
  const r = await app.request(`/v1/openbare-locaties/${SLUG}`);
  return { status: r.status, body: (await r.json()) as Json };
};
const fields = (body: Json) => (body.invalidParams as Json[]).map((p) => p.name).sort();
const page = (extra: Record<string, unknown> = {}) => ({
  omschrijving: 'Nachtopvang met 20 eenpersoonskamers voor volwassenen.',
  openSinds: '2018-12-01',
  zorgaanbieder: 'Leger des Heils',
  bereikbaarheid: 'Locatieleiding: 078 123 45 67, elke werkdag van 9 tot 17 uur.',
  volgendeBijeenkomst: '2027-01-20',
  plaatsBijeenkomst: 'Buurthuis De Kasperstraat',
  gepubliceerd: true,
  ...extra,
});

describe('openbare pagina beheren (rechtenregel openbarePagina.beheren)', () => {
  it('lets beleid and the own locatie manage the page; toegang reads it, another locatie does not see it', async () => {
    expect((await beleid.get(`/v1/buurtlocaties/${pageId}`)).body.magBeheren).toBe(true);
    expect((await locatie.get(`/v1/buurtlocaties/${pageId}`)).body.magBeheren).toBe(true);
    const t = await toegang.get(`/v1/buurtlocaties/${pageId}`);
    expect(t.status).toBe(200);
    expect(t.body.magBeheren).toBe(false);
    expect((await toegang.put(`/v1/buurtlocaties/${pageId}`, page())).status).toBe(403);
    expect((await locatie2.get(`/v1/buurtlocaties/${pageId}`)).status).toBe(404);
    expect((await locatie2.put(`/v1/buurtlocaties/${pageId}`, page())).status).toBe(404);
  });

  it('shows a saved change on the public page at once, without login', async () => {
    const r = await locatie.put(`/v1/buurtlocaties/${pageId}`, page());
    expect(r.status).toBe(200);
    expect(r.body.volgendeBijeenkomst).toBe('2027-01-20');
    const pub = await publicPage();
    expect(pub.body.omschrijving).toBe('Nachtopvang met 20 eenpersoonskamers voor volwassenen.');
    expect(pub.body.bereikbaarheid).toContain('078 123 45 67');
    expect(pub.body.volgendeBijeenkomst).toEqual({ datum: '2027-01-20', plaats: 'Buurthuis De Kasperstraat' });
  });

  it('refuses a meeting in the past, a meeting without a place and a published page without contact, in Dutch', async () => {
    const r = await beleid.put(
      `/v1/buurtlocaties/${pageId}`,
      page({
        volgendeBijeenkomst: '2026-11-01',
        plaatsBijeenkomst: null,
        bereikbaarheid: '  ',
        openSinds: '2027-01-01',
      }),
    );
    expect(r.status).toBe(400);
    expect(fields(r.body)).toEqual(['bereikbaarheid', 'openSinds', 'plaatsBijeenkomst', 'volgendeBijeenkomst']);
    expect((r.body.invalidParams as Json[]).find((p) => p.name === 'plaatsBijeenkomst')!.reason).toBe(
      'Vul in waar de bijeenkomst is.',
    );
    expect((await publicPage()).body.volgendeBijeenkomst.datum).toBe('2027-01-20'); // nothing stored
  });

  it('takes the page off line when it is not published, and back', async () => {
    expect((await beleid.put(`/v1/buurtlocaties/${pageId}`, page({ gepubliceerd: false }))).status).toBe(200);
    expect((await publicPage()).status).toBe(404);
    expect((await beleid.put(`/v1/buurtlocaties/${pageId}`, page())).status).toBe(200);
    expect((await publicPage()).status).toBe(200);
  });
});

describe('afspraken met de buurt vastleggen en beoordelen', () => {
  let agreementId: string;

  it('records an agreement that the public page shows as running', async () => {
    const r = await locatie.post(`/v1/buurtlocaties/${pageId}/afspraken`, {
      gemaaktOp: '2026-11-30',
      wie: 'Leger des Heils',
      wat: 'Elke avond om 22 uur een rondje door de straat',
      uiterlijk: '2026-12-01',
    });
    expect(r.status).toBe(201);
    const a = (r.body.afspraken as Json[]).find((x) => x.wat === 'Elke avond om 22 uur een rondje door de straat')!;
    expect(a.stand).toBe('loopt');
    expect(a.telaat).toBe(true); // due yesterday, not yet judged
    agreementId = a.id;
    const pub = await publicPage();
    expect(pub.body.afspraken).toEqual([
      {
        gemaaktOp: '2026-11-30',
        wie: 'Leger des Heils',
        wat: 'Elke avond om 22 uur een rondje door de straat',
        uiterlijk: '2026-12-01',
        stand: 'loopt',
      },
    ]);
  });

  it('refuses an agreement without who or what, in the future, or due before it was made', async () => {
    const r = await beleid.post(`/v1/buurtlocaties/${pageId}/afspraken`, {
      gemaaktOp: '2026-12-24',
      wie: ' ',
      wat: '',
      uiterlijk: '2026-12-01',
    });
    expect(r.status).toBe(400);
    expect(fields(r.body)).toEqual(['gemaaktOp', 'uiterlijk', 'wat', 'wie']);
    expect((await publicPage()).body.afspraken).toHaveLength(1);
  });

  it('judges an agreement kept (with a date) so the monitor and the public page count it, and can undo it', async () => {
    const before = (await beleid.get(`/v1/leefbaarheidsmonitor?jaar=2026&openbareLocatieId=${pageId}`)).body.afspraken;
    expect(before).toEqual({ totaal: 1, nagekomen: 0, nietNagekomen: 0, nogTeBeoordelen: 1 });
    const noDate = await locatie.put(`/v1/buurtafspraken/${agreementId}/beoordeling`, { stand: 'nagekomen' });
    expect(noDate.status).toBe(400);
    expect(fields(noDate.body)).toEqual(['beoordeeldOp']);
    const early = await locatie.put(`/v1/buurtafspraken/${agreementId}/beoordeling`, {
      stand: 'nagekomen',
      beoordeeldOp: '2026-11-01',
    });
    expect(fields(early.body)).toEqual(['beoordeeldOp']);
    expect((await locatie2.put(`/v1/buurtafspraken/${agreementId}/beoordeling`, { stand: 'loopt' })).status).toBe(404);
    expect((await toegang.put(`/v1/buurtafspraken/${agreementId}/beoordeling`, { stand: 'loopt' })).status).toBe(403);

    const ok = await locatie.put(`/v1/buurtafspraken/${agreementId}/beoordeling`, {
      stand: 'nagekomen',
      beoordeeldOp: '2026-12-02',
      toelichting: 'Besproken in het buurtoverleg.',
    });
    expect(ok.status).toBe(200);
    const a = (ok.body.afspraken as Json[])[0];
    expect(a).toMatchObject({ stand: 'nagekomen', beoordeeldOp: '2026-12-02', telaat: false });
    expect(a.toelichting).toBe('Besproken in het buurtoverleg.');
    expect((await publicPage()).body.afspraken[0].stand).toBe('nagekomen');
    const after = (await beleid.get(`/v1/leefbaarheidsmonitor?jaar=2026&openbareLocatieId=${pageId}`)).body.afspraken;
    expect(after).toEqual({ totaal: 1, nagekomen: 1, nietNagekomen: 0, nogTeBeoordelen: 0 });

    const undo = await beleid.put(`/v1/buurtafspraken/${agreementId}/beoordeling`, { stand: 'loopt' });
    expect(undo.body.afspraken[0]).toMatchObject({ stand: 'loopt', beoordeeldOp: null, toelichting: null });
  });

  it('answers 404 in Dutch for an unknown agreement', async () => {
    const r = await beleid.put('/v1/buurtafspraken/00000000-0000-4000-8000-000000000000/beoordeling', {
      stand: 'loopt',
    });
    expect(r.status).toBe(404);
    expect(r.body.detail ?? r.body.title).toMatch(/afspraak/i);
  });
});
