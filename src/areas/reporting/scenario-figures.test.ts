import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, loginAs, seedFixture } from '../../test/fixtures.js';

// Issue 13, "done when": an independent scenario entered through the API gives the figures of domain.md §4 exactly.
// Every expectation below is computed by hand in the comments, not by project code.
//
// Fixture: facility A "Crisisopvang Test" is the night shelter (Kamer 01, Kamer 02, Reserveplek 01: 1 bed each;
// Gezinswoning 01: 4 beds); facility B "Andere opvang" is not (Kamer H1: 1 bed). Today is 2026-11-23, so last night
// is the night of 22 on 23 November. A night d is the night that starts on date d.
//
// Anna   reg 10-02; bed voor de nacht Kamer 01 10-02..10-04 (nights 2, 3); toegang 10-04 (the short stay joins the
//        trajectory); placed Kamer 01 10-04; exit 10-14 huur-corporatie (permanent). Nights 2 + 10 = 12, duration 10.
// Bram   reg 10-05; bed voor de nacht Kamer 02 10-05..10-07 (2 nights); afwijzing 10-07: registration-only stay.
// Cees   reg 10-03; toegang 10-03; placed Kamer H1 (B) 10-03; moved to Kamer 02 (A) 10-10; exit 10-20 "vertrokken,
//        bestemming onbekend". Nights: 7 in B, 10 in A. Duration 17.
// Daan   reg 10-01; toegang 10-01; placed Gezinswoning 01 with a household of 3 on 10-01; still there.
// Eva    reg 10-08; toegang 10-08; never placed; exit 10-09 housing-first: no night anywhere, never in scope.
// Femke  reg 10-06; toegang 10-06; placed Reserveplek 01 10-06; exit 10-08 beschermd-wonen. 2 nights, duration 2.
// Gert   reg 10-01; toegang 10-01; a back-dated placement in Kamer 01 on 10-05 is refused (Anna sleeps there);
//        placed Kamer 01 10-20; still there.

const NOW = new Date('2026-11-23T10:00:00Z');
let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let t: ApiClient;

async function ok(r: Promise<{ status: number; body: { [k: string]: unknown } }>, status: number) {
  const res = await r;
  if (res.status !== status) throw new Error(`${res.status} in plaats van ${status}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, string>;
}
async function registered(voornaam: string, on: string) {
  const c = await ok(
    t.post('/v1/clienten', {
      voornaam,
      achternaam: 'Scenario',
      geboortedatum: '1980-05-01',
      herkomstGemeentecode: '0505',
    }),
    201,
  );
  const a = await ok(t.post('/v1/aanmeldingen', { clientId: c.id, datum: on, bron: 'zelf' }), 201);
  return { clientId: c.id!, registrationId: a.id! };
}
async function admitted(voornaam: string, on: string) {
  const r = await registered(voornaam, on);
  const b = await ok(t.post(`/v1/aanmeldingen/${r.registrationId}/besluiten`, { uitkomst: 'toegang', datum: on }), 201);
  return { ...r, trajectoryId: b.trajectId! };
}
const place = (clientId: string, eenheidId: string, datum: string, huishoudgrootte?: number) =>
  t.post('/v1/plaatsingen', { clientId, eenheidId, datum, ...(huishoudgrootte ? { huishoudgrootte } : {}) });
const exit = (trajectoryId: string, datum: string, bestemming: string) =>
  ok(t.post(`/v1/trajecten/${trajectoryId}/uitstroom`, { datum, bestemming }), 200);
const figures = async (van: string, tot: string, locatieId?: string) =>
  ok(
    t.get(`/v1/rapportages/kerncijfers?van=${van}&tot=${tot}${locatieId ? `&locatieId=${locatieId}` : ''}`),
    200,
  ) as unknown as Promise<Record<string, unknown>>;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => NOW });
  t = await loginAs(app, 'toegang');

  const anna = await registered('Anna', '2026-10-02');
  await ok(
    t.post(`/v1/aanmeldingen/${anna.registrationId}/bedden-voor-de-nacht`, {
      eenheidId: fx.room1,
      datum: '2026-10-02',
      tot: '2026-10-04',
    }),
    201,
  );
  const annaB = await ok(
    t.post(`/v1/aanmeldingen/${anna.registrationId}/besluiten`, { uitkomst: 'toegang', datum: '2026-10-04' }),
    201,
  );
  await ok(place(anna.clientId, fx.room1, '2026-10-04'), 201);
  await exit(annaB.trajectId!, '2026-10-14', 'huur-corporatie');

  const bram = await registered('Bram', '2026-10-05');
  await ok(
    t.post(`/v1/aanmeldingen/${bram.registrationId}/bedden-voor-de-nacht`, {
      eenheidId: fx.room2,
      datum: '2026-10-05',
      tot: '2026-10-07',
    }),
    201,
  );
  await ok(
    t.post(`/v1/aanmeldingen/${bram.registrationId}/besluiten`, {
      uitkomst: 'afwijzing',
      datum: '2026-10-07',
      reden: 'Geen dakloosheid vastgesteld',
    }),
    201,
  );

  const cees = await admitted('Cees', '2026-10-03');
  const ceesStay = await ok(place(cees.clientId, fx.otherRoom, '2026-10-03'), 201);
  await ok(t.post(`/v1/plaatsingen/${ceesStay.id}/verhuizingen`, { eenheidId: fx.room2, datum: '2026-10-10' }), 201);
  await exit(cees.trajectoryId, '2026-10-20', 'onbekend');

  const daan = await admitted('Daan', '2026-10-01');
  await ok(place(daan.clientId, fx.family, '2026-10-01', 3), 201);

  const eva = await admitted('Eva', '2026-10-08');
  await exit(eva.trajectoryId, '2026-10-09', 'housing-first');

  const femke = await admitted('Femke', '2026-10-06');
  await ok(place(femke.clientId, fx.reserve, '2026-10-06'), 201);
  await exit(femke.trajectoryId, '2026-10-08', 'beschermd-wonen');

  const gert = await admitted('Gert', '2026-10-01');
  const refused = await place(gert.clientId, fx.room1, '2026-10-05');
  expect(refused.status).toBe(409);
  expect(refused.body.detail).toContain('Kamer 01 in Crisisopvang Test is vol in de nacht van 5 op 6 oktober 2026');
  await ok(place(gert.clientId, fx.room1, '2026-10-20'), 201);
}, 300_000);
afterAll(() => database?.close());

describe('de cijfers van §4 uit een scenario dat via de API is ingevoerd', () => {
  it('oktober, standaardbereik (nachtopvang): elk kerncijfer zoals met de hand berekend', async () => {
    const f = await figures('2026-10-01', '2026-11-01');
    expect(f).toMatchObject({
      // Anna, Bram, Cees, Daan, Eva, Femke, Gert
      aanmeldingen: 7,
      // > 3 nights in scope and a trajectory: Anna 12, Cees 10, Daan 53 (10-01..11-22), Gert 34 (10-20..11-22);
      // not Bram (no trajectory), Eva (0 nights), Femke (2 nights)
      startTraject: 4,
      // in-scope trajectories ended in October: Anna 12, Cees 10 (only the nights in A), Femke 2; Eva has no night
      trajectenBeeindigd: 3,
      gemiddeldAantalNachten: 8, // (12 + 10 + 2) / 3
      gemiddeldeDuurTrajectDagen: 9.7, // (10 + 17 + 2) / 3 = 9.67
      uitgestroomd: 2, // Anna (permanent), Femke (beschermd); not Eva (out of scope), not Cees (unknown)
      vertrokkenOnbekend: 1, // Cees
      binnenDrieMaandenDoorgestroomd: 1,
      uitstroomNaarWonen: 0.5, // Anna of Anna and Femke
      // bed-nights in A: Anna 2 + 10, Bram 2, Cees 10, Daan 3 × 31 = 93, Femke 2, Gert 12 (10-20..10-31) = 131;
      // 131 / 31 = 4.23
      gemiddeldeBedbezetting: 4.2,
      personenInOpvang: 6, // everyone but Eva
    });
    expect(f.uitstroomPerGroep).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ groep: 'permanent', aantal: 1 }),
        expect.objectContaining({ groep: 'beschermd', aantal: 1 }),
        expect.objectContaining({ groep: 'onbekend', aantal: 1 }),
      ]),
    );
    expect((f.uitstroomPerGroep as unknown[]).length).toBe(3);
  });

  it('oktober, alle locaties: de nachten in B tellen mee, voor elk cijfer hetzelfde bereik', async () => {
    const f = await figures('2026-10-01', '2026-11-01', 'alle');
    expect(f).toMatchObject({
      aanmeldingen: 7,
      startTraject: 4,
      trajectenBeeindigd: 3,
      gemiddeldAantalNachten: 10.3, // (12 + 17 + 2) / 3 = 10.33
      gemiddeldeDuurTrajectDagen: 9.7,
      uitgestroomd: 2,
      vertrokkenOnbekend: 1,
      gemiddeldeBedbezetting: 4.5, // (131 + 7) / 31 = 4.45
    });
  });

  it('oktober, één locatie (B): alleen aanmeldingen en trajecten met een nacht daar', async () => {
    const f = await figures('2026-10-01', '2026-11-01', fx.otherFacilityId);
    expect(f).toMatchObject({
      aanmeldingen: 1, // Cees
      startTraject: 1, // 7 nights in B
      trajectenBeeindigd: 1,
      gemiddeldAantalNachten: 7,
      gemiddeldeDuurTrajectDagen: 17,
      uitgestroomd: 0,
      vertrokkenOnbekend: 1,
      gemiddeldeBedbezetting: 0.2, // 7 / 31
      personenInOpvang: 1,
    });
  });

  it('november: bezetting over de verstreken nachten (1..22 november), een huishouden van 3 telt als 3 bedden', async () => {
    const f = await figures('2026-11-01', '2026-12-01');
    // Daan 3 × 22 + Gert 22 = 88 bed-nights over 22 past nights
    expect(f.gemiddeldeBedbezetting).toBe(4);
    expect(f).toMatchObject({ aanmeldingen: 0, trajectenBeeindigd: 0, uitgestroomd: 0, vertrokkenOnbekend: 0 });
  });
});
