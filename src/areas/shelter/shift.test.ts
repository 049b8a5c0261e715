import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, aPlacedClient, loginAs, seedFixture } from '../../test/fixtures.js';
import { isUnconfirmed, unconfirmedNights } from './presence.js';

// Issue 16: the nightly presence check ("wie sliep hier") and the 48-hour rule — a booking nobody confirmed for two
// nights is flagged "onbevestigd" on the shift view, the bed board and the live bezetting, instead of silently
// counted — and the shift view of a location (arrivals, free rooms, signals, journal, house rules, handover).

let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let t: ApiClient;
let loc: ApiClient;
let loc2: ApiClient;
const NOW = new Date('2026-11-23T10:00:00Z'); // today in NL: 2026-11-23; last night started 2026-11-22
const TODAY = '2026-11-23';
let twoNights: { clientId: string; stayId: string };
let oneNight: { clientId: string; stayId: string };
let longStay: { clientId: string; stayId: string };

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => NOW });
  t = await loginAs(app, 'toegang');
  loc = await loginAs(app, 'locatie');
  loc2 = await loginAs(app, 'locatie2');
  twoNights = await aPlacedClient(t, {
    voornaam: 'Twee',
    achternaam: 'Nachten',
    admittedOn: '2026-11-21',
    unit: fx.room1,
  });
  oneNight = await aPlacedClient(t, { voornaam: 'Een', achternaam: 'Nacht', admittedOn: '2026-11-22', unit: fx.room2 });
  longStay = await aPlacedClient(t, {
    voornaam: 'Lang',
    achternaam: 'Verblijf',
    admittedOn: '2026-08-01',
    unit: fx.family,
  });
});
afterAll(() => database.close());

const boardStay = async (who: ApiClient, stayId: string) => {
  const b = await who.get(`/v1/locaties/${fx.facilityId}/bezetting`);
  expect(b.status).toBe(200);
  return {
    board: b.body,
    stay: b.body.eenheden
      .flatMap((e: { verblijven: unknown[] }) => e.verblijven)
      .find((v: { id: string }) => v.id === stayId),
  };
};

describe('de 48-uursregel van de aanwezigheidscontrole', () => {
  it('telt de nachten tot en met vannacht zonder bevestigde aanwezigheid, vanaf de laatst bevestigde nacht of het begin', () => {
    expect(unconfirmedNights('2026-11-21', null, TODAY)).toBe(2);
    expect(unconfirmedNights('2026-11-22', null, TODAY)).toBe(1);
    expect(unconfirmedNights('2026-11-23', null, TODAY)).toBe(0);
    expect(unconfirmedNights('2026-11-01', '2026-11-22', TODAY)).toBe(0);
    expect(unconfirmedNights('2026-11-01', '2026-11-21', TODAY)).toBe(1);
    expect(unconfirmedNights('2026-11-01', '2026-11-20', TODAY)).toBe(2);
    // a confirmation from before a stay started (an older stay) does not count for this one
    expect(unconfirmedNights('2026-11-20', '2026-11-10', TODAY)).toBe(3);
    expect(isUnconfirmed('2026-11-21', null, TODAY)).toBe(true);
    expect(isUnconfirmed('2026-11-22', null, TODAY)).toBe(false);
    expect(isUnconfirmed('2026-11-01', '2026-11-21', TODAY)).toBe(false);
    expect(isUnconfirmed('2026-11-01', '2026-11-20', TODAY)).toBe(true);
  });

  it('een boeking die twee nachten niemand bevestigde, staat als onbevestigd op het bedbord, de locatielijst en het dienstoverzicht', async () => {
    const a = await boardStay(loc, twoNights.stayId);
    expect(a.stay).toMatchObject({ onbevestigd: true, laatstBevestigdeNacht: null });
    expect((await boardStay(loc, oneNight.stayId)).stay).toMatchObject({ onbevestigd: false });
    // the long stay was placed in August and never confirmed: flagged as well
    expect((await boardStay(loc, longStay.stayId)).stay.onbevestigd).toBe(true);
    expect(a.board.totaal.onbevestigd).toBe(2);
    const list = await t.get('/v1/locaties');
    expect(list.body.resultaten.find((r: { id: string }) => r.id === fx.facilityId).onbevestigd).toBe(2);
    expect(list.body.resultaten.find((r: { id: string }) => r.id === fx.otherFacilityId).onbevestigd).toBe(0);
    // beleid sees the bezetting but not the flag (it concerns persons)
    const beleid = await loginAs(app, 'beleid');
    expect((await beleid.get(`/v1/locaties/${fx.facilityId}/bezetting`)).body.totaal.onbevestigd).toBeNull();
    const dienst = await loc.get(`/v1/locaties/${fx.facilityId}/dienst`);
    expect(dienst.status).toBe(200);
    const signal = dienst.body.signalen.find((s: { verblijfId: string }) => s.verblijfId === twoNights.stayId);
    expect(signal.signalen.map((s: { code: string }) => s.code)).toEqual(['onbevestigd']);
  });

  it('bevestigen dat iemand vannacht sliep haalt de vlag weg; "niet aanwezig" laat hem staan', async () => {
    const r = await loc.post(`/v1/locaties/${fx.facilityId}/aanwezigheid`, {
      nacht: '2026-11-22',
      verblijven: [
        { verblijfId: twoNights.stayId, aanwezig: true },
        { verblijfId: longStay.stayId, aanwezig: false },
      ],
    });
    expect(r.status).toBe(200);
    const row = (id: string) => r.body.resultaten.find((x: { verblijfId: string }) => x.verblijfId === id);
    expect(row(twoNights.stayId)).toMatchObject({ aanwezig: true, bevestigdDoor: 'locatie', onbevestigd: false });
    expect(row(longStay.stayId)).toMatchObject({ aanwezig: false, onbevestigd: true });
    expect(row(oneNight.stayId)).toMatchObject({ aanwezig: null, onbevestigd: false });
    expect((await boardStay(loc, twoNights.stayId)).stay).toMatchObject({
      onbevestigd: false,
      laatstBevestigdeNacht: '2026-11-22',
    });
    expect((await boardStay(loc, longStay.stayId)).board.totaal.onbevestigd).toBe(1);
    // a second answer for the same night replaces the first (one row per stay and night)
    const again = await loc.post(`/v1/locaties/${fx.facilityId}/aanwezigheid`, {
      nacht: '2026-11-22',
      verblijven: [{ verblijfId: twoNights.stayId, aanwezig: false }],
    });
    expect(again.status).toBe(200);
    const rows = await database.db
      .selectFrom('presence_checks')
      .select(['present'])
      .where('stay_id', '=', twoNights.stayId)
      .execute();
    expect(rows).toEqual([{ present: false }]);
    expect((await boardStay(loc, twoNights.stayId)).stay.onbevestigd).toBe(true);
    // every answer is logged for the person (NEN 7513)
    const logged = await database.db
      .selectFrom('audit_log')
      .select(['action', 'resource'])
      .where('client_id', '=', twoNights.clientId)
      .where('resource', '=', 'aanwezigheid')
      .where('action', '=', 'wijzigen')
      .execute();
    expect(logged).toHaveLength(2);
  });

  it('weigert een nacht in de toekomst, een nacht van meer dan 7 dagen terug, een onbekend of dubbel verblijf, alles tegelijk gemeld', async () => {
    const future = await loc.post(`/v1/locaties/${fx.facilityId}/aanwezigheid`, {
      nacht: '2026-11-24',
      verblijven: [{ verblijfId: oneNight.stayId, aanwezig: true }],
    });
    expect(future.status).toBe(400);
    expect(future.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['nacht']);
    const old = await loc.post(`/v1/locaties/${fx.facilityId}/aanwezigheid`, {
      nacht: '2026-11-15',
      verblijven: [],
    });
    expect(old.status).toBe(400);
    expect(old.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['nacht', 'verblijven']);
    // the stay of "Een Nacht" started on 22 November: it did not sleep the night of the 21st here
    const notYet = await loc.post(`/v1/locaties/${fx.facilityId}/aanwezigheid`, {
      nacht: '2026-11-21',
      verblijven: [
        { verblijfId: oneNight.stayId, aanwezig: true },
        { verblijfId: twoNights.stayId, aanwezig: true },
        { verblijfId: twoNights.stayId, aanwezig: true },
      ],
    });
    expect(notYet.status).toBe(400);
    expect(notYet.body.invalidParams.map((p: { name: string }) => p.name)).toEqual([
      'verblijven[0].verblijfId',
      'verblijven[2].verblijfId',
    ]);
    expect(
      await database.db.selectFrom('presence_checks').select('id').where('night', '=', '2026-11-21').execute(),
    ).toEqual([]);
  });

  it('alleen de medewerkers van de locatie zelf bevestigen; een andere locatie krijgt 404, de toegang 403', async () => {
    const body = { nacht: '2026-11-22', verblijven: [{ verblijfId: oneNight.stayId, aanwezig: true }] };
    expect((await loc2.post(`/v1/locaties/${fx.facilityId}/aanwezigheid`, body)).status).toBe(404);
    expect((await loc2.get(`/v1/locaties/${fx.facilityId}/aanwezigheid`)).status).toBe(404);
    expect((await t.post(`/v1/locaties/${fx.facilityId}/aanwezigheid`, body)).status).toBe(403);
    // the toegang does see who is unconfirmed
    const seen = await t.get(`/v1/locaties/${fx.facilityId}/aanwezigheid?nacht=2026-11-22`);
    expect(seen.status).toBe(200);
    expect(seen.body.mogelijkheden).toEqual({ bevestigen: false });
    expect(seen.body.resultaten.map((r: { naam: string }) => r.naam).sort()).toEqual([
      'Een Nacht',
      'Lang Verblijf',
      'Twee Nachten',
    ]);
  });
});

describe('het dienstoverzicht van een locatie', () => {
  it('toont aankomsten van vandaag, alleen kamers met een vrij bed, signalen boven de norm en zonder plan, en incidenten van de dag', async () => {
    await database.db
      .insertInto('units')
      .values({
        tenant_id: 'dordrecht',
        facility_id: fx.facilityId,
        name: 'Kamer 03',
        kind: 'eenpersoonskamer',
        beds: 1,
      })
      .execute();
    const arrival = await aPlacedClient(t, {
      voornaam: 'Nieuw',
      achternaam: 'Vandaag',
      admittedOn: TODAY,
      unit: fx.reserve,
    });
    const inc = await loc.post(`/v1/clienten/${longStay.clientId}/journaalberichten`, {
      soort: 'incident',
      tekst: 'Ruzie in de gang, politie niet nodig.',
    });
    expect(inc.status).toBe(201);
    const d = await loc.get(`/v1/locaties/${fx.facilityId}/dienst`);
    expect(d.status).toBe(200);
    expect(d.body.datum).toBe(TODAY);
    expect(d.body.aankomsten.map((a: { verblijfId: string }) => a.verblijfId)).toEqual([arrival.stayId]);
    // Kamer 01, 02 and the reserve place are full; the family unit has 3 free beds but holds its one household
    expect(d.body.vrijeEenheden.map((u: { naam: string; vrij: number }) => [u.naam, u.vrij])).toEqual([
      ['Kamer 03', 1],
    ]);
    const lang = d.body.signalen.find((s: { verblijfId: string }) => s.verblijfId === longStay.stayId);
    expect(lang.dagenInOpvang).toBe(114);
    expect(lang.signalen.map((s: { code: string }) => s.code)).toEqual(['boven-norm', 'geen-plan', 'onbevestigd']);
    expect(d.body.signalen.find((s: { verblijfId: string }) => s.verblijfId === arrival.stayId)).toBeUndefined();
    expect(d.body.journaal).toEqual([
      expect.objectContaining({ naam: 'Lang Verblijf', soort: 'incident', soortLabel: 'Incident', auteur: 'locatie' }),
    ]);
    expect(d.body.mogelijkheden).toEqual({
      overdrachtSchrijven: true,
      aanwezigheidBevestigen: true,
      maatregelVastleggen: true,
    });
    // the norm is the tenant setting normDoorstroomDagen
    await database.db
      .updateTable('tenants')
      .set({ settings: JSON.stringify({ normDoorstroomDagen: 200 }) })
      .where('id', '=', 'dordrecht')
      .execute();
    const later = await loc.get(`/v1/locaties/${fx.facilityId}/dienst`);
    const lang2 = later.body.signalen.find((s: { verblijfId: string }) => s.verblijfId === longStay.stayId);
    expect(lang2.signalen.map((s: { code: string }) => s.code)).toEqual(['geen-plan', 'onbevestigd']);
    await database.db.updateTable('tenants').set({ settings: '{}' }).where('id', '=', 'dordrecht').execute();
    // another location's staff do not see it
    expect((await loc2.get(`/v1/locaties/${fx.facilityId}/dienst`)).status).toBe(404);
    expect((await (await loginAs(app, 'beleid')).get(`/v1/locaties/${fx.facilityId}/dienst`)).status).toBe(403);
  });

  it('een notitie voor de volgende dienst staat met schrijver en tijd in het overzicht; een lege notitie wordt geweigerd', async () => {
    const empty = await loc.post(`/v1/locaties/${fx.facilityId}/dienstoverdrachten`, { tekst: '   ' });
    expect(empty.status).toBe(400);
    const n = await loc.post(`/v1/locaties/${fx.facilityId}/dienstoverdrachten`, {
      tekst: 'Kamer 02 lekt, klusjesman belt morgen.',
    });
    expect(n.status).toBe(201);
    expect(n.body).toMatchObject({ auteur: 'locatie', geschrevenOp: NOW.toISOString() });
    const d = await t.get(`/v1/locaties/${fx.facilityId}/dienst`);
    expect(d.body.overdrachten.map((o: { tekst: string }) => o.tekst)).toEqual([
      'Kamer 02 lekt, klusjesman belt morgen.',
    ]);
    expect(d.body.mogelijkheden.overdrachtSchrijven).toBe(false);
    expect((await loc2.post(`/v1/locaties/${fx.facilityId}/dienstoverdrachten`, { tekst: 'x' })).status).toBe(404);
  });

  it('een schorsing heeft een reden en een periode, staat op het bedbord en in het dienstoverzicht', async () => {
    const bad = await loc.post(`/v1/plaatsingen/${oneNight.stayId}/maatregelen`, {
      soort: 'schorsing',
      reden: '',
      van: '2026-11-23',
      tot: '2026-11-20',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['reden', 'tot']);
    const s = await loc.post(`/v1/plaatsingen/${oneNight.stayId}/maatregelen`, {
      soort: 'schorsing',
      reden: 'Drugs gedeald op de kamer',
      van: TODAY,
      tot: '2026-11-26',
    });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({ soort: 'schorsing', soortLabel: 'Schorsing', van: TODAY, tot: '2026-11-26' });
    const w = await loc.post(`/v1/plaatsingen/${twoNights.stayId}/maatregelen`, {
      soort: 'waarschuwing',
      reden: 'Na 23 uur binnengekomen',
      van: TODAY,
    });
    expect(w.status).toBe(201);
    expect((await boardStay(loc, oneNight.stayId)).stay.geschorstTot).toBe('2026-11-26');
    expect((await boardStay(loc, twoNights.stayId)).stay.geschorstTot).toBeNull();
    const d = await loc.get(`/v1/locaties/${fx.facilityId}/dienst`);
    expect(d.body.maatregelen.map((m: { naam: string; soort: string }) => [m.naam, m.soort]).sort()).toEqual([
      ['Een Nacht', 'schorsing'],
      ['Twee Nachten', 'waarschuwing'],
    ]);
    const sig = d.body.signalen.find((x: { verblijfId: string }) => x.verblijfId === oneNight.stayId);
    expect(sig.signalen.map((x: { code: string }) => x.code)).toContain('geschorst');
    // the toegang reads, but only the location's staff record; the write is logged for the person
    expect((await t.get(`/v1/plaatsingen/${oneNight.stayId}/maatregelen`)).body.resultaten).toHaveLength(1);
    expect(
      (
        await t.post(`/v1/plaatsingen/${oneNight.stayId}/maatregelen`, {
          soort: 'waarschuwing',
          reden: 'x',
          van: TODAY,
        })
      ).status,
    ).toBe(403);
    expect((await loc2.get(`/v1/plaatsingen/${oneNight.stayId}/maatregelen`)).status).toBe(404);
    const logged = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('client_id', '=', oneNight.clientId)
      .where('resource', '=', 'huisregels')
      .where('action', '=', 'aanmaken')
      .execute();
    expect(logged).toHaveLength(1);
  });
});
