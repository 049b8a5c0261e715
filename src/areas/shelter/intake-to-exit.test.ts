import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, anAdmittedClient, loginAs, seedFixture } from '../../test/fixtures.js';

let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
const NOW = new Date('2026-11-23T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => NOW });
});
afterAll(() => database.close());

const admittedClient = (t: ApiClient, voornaam: string, achternaam = 'Jansen') =>
  anAdmittedClient(t, {
    voornaam,
    achternaam,
    geboortedatum: '1980-05-01',
    aanleiding: 'relatiebreuk',
    admittedOn: '2026-11-20',
  });

describe('van aanmelding tot uitstroom', () => {
  it('registreert, screent, besluit, plaatst, toont het beddenbord en registreert uitstroom', async () => {
    const t = await loginAs(app, 'toegang');
    const created = await t.post('/v1/clienten', {
      voornaam: 'Henk',
      achternaam: 'de Vries',
      geboortedatum: '1975-03-14',
      bsn: '123456782',
      herkomstGemeentecode: '0642',
      aanleiding: 'huurachterstand-schulden',
      huishoudleden: [],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      voornaam: 'Henk',
      herkomst: 'Zwijndrecht',
      aanleidingLabel: 'Huurachterstand - schulden',
      bsn: '123456782',
    });
    const id = created.body.id;

    const reg = await t.post('/v1/aanmeldingen', {
      clientId: id,
      datum: '2026-11-01',
      bron: 'meldpunt',
      toelichting: 'Slaapt in auto',
    });
    expect(reg.status).toBe(201);
    expect(reg.body.mogelijkheden).toEqual({
      screenen: true,
      besluiten: true,
      corrigeren: true,
      besluitCorrigeren: false,
      bezwaarRegistreren: false,
      beschikking: false,
      bedVoorDeNacht: true,
      intrekken: true,
    });
    const scr = await t.post(`/v1/aanmeldingen/${reg.body.id}/screeningen`, {
      datum: '2026-11-02',
      bevindingen: 'Geen netwerk, schulden',
    });
    expect(scr.body.status).toBe('gescreend');
    const dec = await t.post(`/v1/aanmeldingen/${reg.body.id}/besluiten`, {
      uitkomst: 'toegang',
      datum: '2026-11-03',
      regiobinding: {
        jarenInRegio: 10,
        sociaalNetwerkInRegio: true,
        bekendBijLokaleZorg: true,
        wensClient: 'deze-regio',
      },
    });
    expect(dec.status).toBe(201);
    expect(dec.body).toMatchObject({ uitkomst: 'toegang', bezwaartermijnTot: '2026-12-15', noodopvang: true });
    expect(dec.body.regiobinding).toMatchObject({
      score: 7,
      warmeOverdracht: false,
      verantwoordelijkeTenantId: 'dordrecht',
    });
    expect(dec.body.trajectId).toBeTruthy();
    const again = await t.post(`/v1/aanmeldingen/${reg.body.id}/besluiten`, {
      uitkomst: 'afwijzing',
      datum: '2026-11-03',
      reden: 'x',
    });
    expect(again.status).toBe(409);

    const before = await t.get(`/v1/locaties/${fx.facilityId}/bezetting`);
    expect(before.body.totaal).toMatchObject({ bedden: 6, bezet: 0, reserveBedden: 1 });
    const place = await t.post('/v1/plaatsingen', { clientId: id, eenheidId: fx.room1, datum: '2026-11-03' });
    expect(place.status).toBe(201);
    expect(place.body).toMatchObject({ eenheidNaam: 'Kamer 01', nachten: 20, trajectId: dec.body.trajectId });
    const after = await t.get(`/v1/locaties/${fx.facilityId}/bezetting`);
    expect(after.body.totaal).toMatchObject({ bezet: 1, vrij: 5 });
    const room = after.body.eenheden.find((u: { naam: string }) => u.naam === 'Kamer 01');
    expect(room.verblijven[0]).toMatchObject({ naam: 'Henk de Vries', nachten: 20 });

    const moved = await t.post(`/v1/plaatsingen/${place.body.id}/verhuizingen`, {
      eenheidId: fx.room2,
      datum: '2026-11-10',
    });
    expect(moved.status).toBe(201);
    const exit = await t.post(`/v1/trajecten/${dec.body.trajectId}/uitstroom`, {
      datum: '2026-11-20',
      bestemming: 'huur-corporatie',
    });
    expect(exit.status).toBe(200);
    expect(exit.body).toMatchObject({ bestemmingsgroep: 'permanent', dagen: 17 });

    const file = await t.get(`/v1/clienten/${id}`);
    expect(
      file.body.verblijven.map((s: { eenheidNaam: string; tot: string; nachten: number }) => [
        s.eenheidNaam,
        s.tot,
        s.nachten,
      ]),
    ).toEqual([
      ['Kamer 02', '2026-11-20', 10],
      ['Kamer 01', '2026-11-10', 7],
    ]);
    expect(file.body.trajecten[0]).toMatchObject({
      eind: '2026-11-20',
      nachten: 17,
      bestemmingLabel: 'Eigen huurwoning (corporatie)',
    });
    expect(file.body.tijdlijn.map((e: { soort: string }) => e.soort)).toEqual([
      'uitstroom',
      'vertrek',
      'vertrek',
      'plaatsing',
      'plaatsing',
      'besluit',
      'screening',
      'aanmelding',
    ]);
    const board = await t.get(`/v1/locaties/${fx.facilityId}/bezetting`);
    expect(board.body.totaal.bezet).toBe(0);
  });

  it('geeft bij ongeldige invoer 400 met alle problemen in het Nederlands, en slaat niets op', async () => {
    const t = await loginAs(app, 'toegang');
    const before = await database.db
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const r = await t.post('/v1/clienten', {
      voornaam: '',
      achternaam: '',
      geboortedatum: '2030-01-01',
      bsn: '123456789',
      herkomst: 'Mars',
    });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'achternaam',
      'bsn',
      'geboortedatum',
      'herkomst',
      'voornaam',
    ]);
    expect(r.body.invalidParams.find((p: { name: string }) => p.name === 'bsn').reason).toMatch(/elfproef/);
    const schema = await t.post('/v1/plaatsingen', { clientId: 5, datum: 'gisteren' });
    expect(schema.status).toBe(400);
    expect(schema.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'clientId',
      'datum',
      'eenheidId',
    ]);
    const after = await database.db
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('weigert een volle kamer en een te groot huishouden met een duidelijke melding', async () => {
    const t = await loginAs(app, 'toegang');
    const a = await admittedClient(t, 'Anna');
    const b = await admittedClient(t, 'Bram');
    expect(
      (await t.post('/v1/plaatsingen', { clientId: a.clientId, eenheidId: fx.reserve, datum: '2026-11-21' })).status,
    ).toBe(201);
    const full = await t.post('/v1/plaatsingen', { clientId: b.clientId, eenheidId: fx.reserve, datum: '2026-11-21' });
    expect(full.status).toBe(409);
    expect(full.body.detail).toMatch(/vol/);
    const big = await t.post('/v1/plaatsingen', {
      clientId: b.clientId,
      eenheidId: fx.otherRoom,
      datum: '2026-11-21',
      huishoudgrootte: 3,
    });
    expect(big.status).toBe(409);
    expect(big.body.detail).toMatch(/past niet/);
    const audited = await database.db
      .selectFrom('audit_log')
      .select('id')
      .where('client_id', '=', b.clientId)
      .where('action', '=', 'plaatsen')
      .execute();
    expect(audited).toHaveLength(0); // refused write: no audit row either (same transaction)
    expect(
      (
        await t.post('/v1/plaatsingen', {
          clientId: b.clientId,
          eenheidId: fx.family,
          datum: '2026-11-21',
          huishoudgrootte: 3,
        })
      ).status,
    ).toBe(201);
  });

  it('plaatst nooit twee cliënten tegelijk in het laatste bed (echte gelijktijdige transacties)', async () => {
    const t = await loginAs(app, 'toegang');
    const t2 = await loginAs(app, 'toegang');
    const c1 = await admittedClient(t, 'Cor');
    const c2 = await admittedClient(t, 'Dirk');
    const [r1, r2] = await Promise.all([
      t.post('/v1/plaatsingen', { clientId: c1.clientId, eenheidId: fx.otherRoom, datum: '2026-11-22' }),
      t2.post('/v1/plaatsingen', { clientId: c2.clientId, eenheidId: fx.otherRoom, datum: '2026-11-22' }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([201, 409]);
    const open = await database.db
      .selectFrom('stays')
      .select('id')
      .where('unit_id', '=', fx.otherRoom)
      .where('ended_on', 'is', null)
      .execute();
    expect(open).toHaveLength(1);
  });

  it('vindt dubbelen vóór aanmaken en voegt dossiers samen met behoud van geschiedenis', async () => {
    const t = await loginAs(app, 'toegang');
    const first = await admittedClient(t, 'Mohamed', 'Bouzid');
    const dup = await t.post('/v1/clienten/_dubbelen', {
      voornaam: 'Mohammed',
      achternaam: 'Bouzid',
      geboortedatum: '1980-05-01',
    });
    expect(dup.body.kandidaten.map((k: { id: string }) => k.id)).toContain(first.clientId);
    const second = await t.post('/v1/clienten', {
      voornaam: 'Mohammed',
      achternaam: 'Bouzid',
      geboortedatum: '1980-05-01',
      herkomst: 'Onbekend',
    });
    await t.post('/v1/aanmeldingen', { clientId: second.body.id, datum: '2026-11-22', bron: 'politie' });
    const merged = await t.post(`/v1/clienten/${first.clientId}/samenvoegingen`, {
      samenTeVoegenClientId: second.body.id,
    });
    expect(merged.status).toBe(200);
    expect(merged.body.aanmeldingen).toHaveLength(2);
    expect(merged.body.tijdlijn.some((e: { soort: string }) => e.soort === 'samenvoeging')).toBe(true);
    expect((await t.get(`/v1/clienten/${second.body.id}`)).status).toBe(404);
    const snapshot = await database.db
      .selectFrom('client_merges')
      .select('snapshot')
      .where('merged_id', '=', second.body.id)
      .executeTakeFirstOrThrow();
    expect((snapshot.snapshot as { client: { first_name: string } }).client.first_name).toBe('Mohammed');
  });
});

describe('toegangsregels en audit', () => {
  it('een medewerker van een andere centrumgemeente vindt de persoon niet', async () => {
    const t = await loginAs(app, 'toegang');
    const c = await admittedClient(t, 'Geheim', 'Persoon');
    const almere = await loginAs(app, 'almere.toegang');
    const search = await almere.get('/v1/clienten?zoek=Geheim');
    expect(search.status).toBe(200);
    expect(search.body.totaal).toBe(0);
    expect((await almere.get(`/v1/clienten/${c.clientId}`)).status).toBe(404);
    expect(
      (await almere.post('/v1/aanmeldingen', { clientId: c.clientId, datum: '2026-11-22', bron: 'zelf' })).status,
    ).toBe(404);
    const own = await t.get('/v1/clienten?zoek=Geheim');
    expect(own.body.totaal).toBe(1);
  });

  it('beleidsmedewerkers en corporaties zien geen personen; locatiemedewerkers alleen eigen bewoners', async () => {
    const t = await loginAs(app, 'toegang');
    const c = await admittedClient(t, 'Lotte', 'Smit');
    await t.post('/v1/plaatsingen', { clientId: c.clientId, eenheidId: fx.room1, datum: '2026-11-22' });
    for (const who of ['beleid', 'corporatie', 'beheer']) {
      const u = await loginAs(app, who);
      expect((await u.get('/v1/clienten')).status).toBe(403);
      expect((await u.get(`/v1/clienten/${c.clientId}`)).status).toBe(403);
    }
    const loc = await loginAs(app, 'locatie');
    expect((await loc.get(`/v1/clienten/${c.clientId}`)).status).toBe(200);
    const loc2 = await loginAs(app, 'locatie2');
    expect((await loc2.get(`/v1/clienten/${c.clientId}`)).status).toBe(404);
    expect((await loc2.get(`/v1/locaties/${fx.facilityId}/bezetting`)).status).toBe(404);
    const beleidBoard = await (await loginAs(app, 'beleid')).get(`/v1/locaties/${fx.facilityId}/bezetting`);
    expect(beleidBoard.status).toBe(200);
    expect(
      beleidBoard.body.eenheden
        .flatMap((u: { verblijven: { naam: string | null }[] }) => u.verblijven)
        .every((s: { naam: string | null }) => s.naam === null),
    ).toBe(true);
  });

  it('logt elke inzage en wijziging met NEN 7513-velden; de beheerder ziet wie het dossier opende', async () => {
    const t = await loginAs(app, 'toegang');
    const c = await admittedClient(t, 'Inge', 'Visser');
    await t.get(`/v1/clienten/${c.clientId}`);
    const loc = await loginAs(app, 'locatie2');
    await loc.get(`/v1/clienten/${c.clientId}`); // refused: not logged as a read
    const beheer = await loginAs(app, 'beheer');
    const log = await beheer.get(`/v1/clienten/${c.clientId}/inzagelog`);
    expect(log.status).toBe(200);
    const actions = log.body.resultaten.map((r: { actie: string; onderdeel: string }) => `${r.actie}:${r.onderdeel}`);
    expect(actions).toEqual(
      expect.arrayContaining(['aanmaken:client', 'aanmaken:aanmelding', 'besluiten:toegangsbesluit', 'lezen:dossier']),
    );
    expect(
      log.body.resultaten.every(
        (r: { gebruiker: string; grondslag: string }) => r.gebruiker === 'toegang' && r.grondslag,
      ),
    ).toBe(true);
    const almere = await loginAs(app, 'almere.toegang');
    expect((await almere.get(`/v1/clienten/${c.clientId}/inzagelog`)).status).toBe(404);
  });
});
