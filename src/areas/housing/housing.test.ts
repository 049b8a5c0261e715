import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { aPlacedClient, loginAs, seedFixture } from '../../test/fixtures.js';
import { OFFER_TRANSITIONS } from './offers.service.js';

let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let corpA: string, corpB: string;
const NOW = new Date('2026-11-23T10:00:00Z');
type Client = Awaited<ReturnType<typeof loginAs>>;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  const db = database.db;
  corpA = (
    await db
      .insertInto('housing_corporations')
      .values({ tenant_id: 'dordrecht', name: 'Woonbron', contact_email: 'w@example.nl', contact_phone: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  corpB = (
    await db
      .insertInto('housing_corporations')
      .values({ tenant_id: 'dordrecht', name: 'Trivire', contact_email: null, contact_phone: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db.updateTable('users').set({ corporation_id: corpA }).where('username', '=', 'corporatie').execute();
  app = createApp({ database, now: () => NOW });
});
afterAll(() => database.close());

const placedClient = (t: Client, voornaam: string, room: string, phone = '0612345678') =>
  aPlacedClient(t, {
    voornaam,
    achternaam: 'Jansen',
    geboortedatum: '1980-05-01',
    aanleiding: 'relatiebreuk',
    telefoon: phone,
    email: `${voornaam.toLowerCase()}@example.nl`,
    admittedOn: '2026-09-01',
    unit: room,
  });

const home = (o: Record<string, unknown> = {}) => ({
  type: 'corporatie',
  adres: 'Voorstraat 1, Dordrecht',
  postcode: '3311 AA',
  gemeentecode: '0505',
  wijk: 'Binnenstad',
  kamers: 2,
  oppervlakte: 45,
  huur: 600,
  beschikbaarVanaf: '2026-11-01',
  huishoudenMin: 1,
  huishoudenMax: 2,
  ondersteuning: 'licht',
  ...o,
});

describe('wonen: van woonklaar tot verhuisd', () => {
  let henk: Awaited<ReturnType<typeof placedClient>>,
    candId = '',
    unitId = '',
    offerId = '';

  it('corporatie registreert een woning (alleen voor de eigen corporatie) en ziet alleen eigen woningen', async () => {
    const corp = await loginAs(app, 'corporatie');
    const r = await corp.post('/v1/woonplekken', home({ corporatieId: corpB }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      corporatieId: corpA,
      corporatieNaam: 'Woonbron',
      postcode: '3311AA',
      huur: 600,
      status: 'beschikbaar',
    }); // forced to own corporation
    unitId = r.body.id;
    const t = await loginAs(app, 'toegang');
    const other = await t.post('/v1/woonplekken', home({ corporatieId: corpB, adres: 'Spuiweg 9, Dordrecht' }));
    expect(other.status).toBe(201);
    const list = await corp.get('/v1/woonplekken');
    expect(list.body.resultaten.map((u: { id: string }) => u.id)).toEqual([unitId]);
    expect((await corp.get(`/v1/woonplekken/${other.body.id}`)).status).toBe(404);
    expect((await t.get('/v1/woonplekken')).body.resultaten).toHaveLength(2);
    const bad = await corp.post(
      '/v1/woonplekken',
      home({ type: 'kasteel', kamers: 0, huur: -5, gemeentecode: '0034' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'gemeentecode',
      'huur',
      'kamers',
      'type',
    ]);
  });

  it('alleen een cliënt met open traject kan woonklaar worden gemeld', async () => {
    const t = await loginAs(app, 'toegang');
    henk = await placedClient(t, 'Henk', fx.room1);
    const r = await t.post('/v1/woonkandidaten', {
      clientId: henk.clientId,
      huishoudgrootte: 1,
      nettoInkomen: 1500,
      ondersteuning: 'licht',
      voorkeursgemeenten: ['0505'],
      netwerkgemeente: '0642',
      urgentie: 'hoog',
      woonklaarSinds: '2026-10-24',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      naam: 'Henk Jansen',
      wachtdagen: 30,
      voorkeursgemeenten: [{ code: '0505', naam: 'Dordrecht' }],
      status: 'woonklaar',
    });
    candId = r.body.id;
    expect(
      (
        await t.post('/v1/woonkandidaten', {
          clientId: henk.clientId,
          huishoudgrootte: 1,
          nettoInkomen: 1500,
          ondersteuning: 'licht',
          woonklaarSinds: '2026-10-24',
        })
      ).status,
    ).toBe(409);
    const c = await t.post('/v1/clienten', { voornaam: 'Zonder', achternaam: 'Traject', herkomstGemeentecode: '0505' });
    expect(
      (
        await t.post('/v1/woonkandidaten', {
          clientId: c.body.id,
          huishoudgrootte: 1,
          nettoInkomen: 1500,
          ondersteuning: 'licht',
          woonklaarSinds: '2026-10-24',
        })
      ).status,
    ).toBe(409);
    const corp = await loginAs(app, 'corporatie');
    expect((await corp.get('/v1/woonkandidaten')).status).toBe(403);
  });

  it('toont de woning in de gerangschikte lijst van de cliënt, met uitleg, en de cliënt bij de woning', async () => {
    const t = await loginAs(app, 'toegang');
    const r = await t.get(`/v1/woonkandidaten/${candId}/woonplekken`);
    expect(r.status).toBe(200);
    expect(r.body.resultaten).toHaveLength(2);
    // Voorstraat (Woonbron) and Spuiweg (Trivire) are identical; tie → earlier available / id. Both 0505 = voorkeursgemeente.
    // score: 100 + 200 (voorkeur) + 30 (dagen) + 100 (hoog) + 50 (2 kamers) + marge floor(50·75/450)=8 + 25 = 513
    expect(r.body.resultaten[0].score).toBe(513);
    expect(r.body.resultaten[0].uitleg).toContain('voorkeursgemeente Dordrecht (+200)');
    expect(r.body.resultaten[0].uitleg).toContain('30 dagen woonklaar (+30)');
    expect(r.body.resultaten[0]).toMatchObject({
      nettoWoonlast: 375,
      geschatteHuurtoeslag: 225,
      maximaleWoonlast: 450,
    });
    expect(r.body.regels.hardeEisen.join(' ')).toContain('30% van het netto maandinkomen');
    const k = await t.get(`/v1/woonplekken/${unitId}/kandidaten`);
    expect(k.body.resultaten.map((x: { kandidaat: { id: string } }) => x.kandidaat.id)).toEqual([candId]);
    expect(k.body.resultaten[0].rang).toBe(1);
  });

  it('harde eisen sluiten een te dure woning uit, met reden', async () => {
    const t = await loginAs(app, 'toegang');
    const dear = await t.post('/v1/woonplekken', home({ corporatieId: corpB, adres: 'Dure Dijk 1', huur: 900 }));
    const r = await t.get(`/v1/woonkandidaten/${candId}/woonplekken`);
    expect(r.body.resultaten.map((x: { woonplek: { id: string } }) => x.woonplek.id)).not.toContain(dear.body.id);
    expect(r.body.nietPassend.find((x: { woonplekId: string }) => x.woonplekId === dear.body.id).redenen[0]).toContain(
      'Niet betaalbaar',
    );
    const off = await t.post('/v1/aanbiedingen', {
      woonplekId: dear.body.id,
      kandidaatId: candId,
      datum: '2026-11-20',
    });
    expect(off.status).toBe(409);
  });

  it('aanbieding: corporatie ziet alleen naam, huishoudgrootte, ondersteuning en contact', async () => {
    const t = await loginAs(app, 'toegang');
    const off = await t.post('/v1/aanbiedingen', { woonplekId: unitId, kandidaatId: candId, datum: '2026-11-20' });
    expect(off.status).toBe(201);
    offerId = off.body.id;
    expect(off.body.status).toBe('aangeboden');
    expect((await t.get(`/v1/woonplekken/${unitId}`)).body.status).toBe('aangeboden');
    expect(
      (await t.post('/v1/aanbiedingen', { woonplekId: unitId, kandidaatId: candId, datum: '2026-11-20' })).status,
    ).toBe(409);

    const corp = await loginAs(app, 'corporatie');
    const list = await corp.get('/v1/aanbiedingen');
    expect(list.status).toBe(200);
    expect(list.body.resultaten).toHaveLength(1);
    const o = list.body.resultaten[0];
    expect(Object.keys(o.kandidaat).sort()).toEqual(['contact', 'huishoudgrootte', 'naam', 'ondersteuning']);
    expect(Object.keys(o.kandidaat.contact).sort()).toEqual(['email', 'telefoon']);
    expect(o.kandidaat).toEqual({
      naam: 'Henk Jansen',
      huishoudgrootte: 1,
      ondersteuning: 'lichte ambulante begeleiding',
      contact: { telefoon: '0612345678', email: 'henk@example.nl' },
    });
    expect(Object.keys(o).sort()).toEqual([
      'aangebodenOp',
      'contractOp',
      'gereageerdOp',
      'id',
      'kandidaat',
      'mogelijkheden',
      'redenAfwijzing',
      'status',
      'verhuisdOp',
      'woonplek',
    ]);
    expect(Object.keys(o.woonplek).sort()).toEqual(['adres', 'id', 'type']);
    const text = JSON.stringify(list.body);
    for (const forbidden of [
      henk.clientId,
      'clientId',
      'geboortedatum',
      '1980',
      'nettoInkomen',
      'trajectId',
      'woonklaarSinds',
      'relatiebreuk',
    ])
      expect(text).not.toContain(forbidden);
    // corporatie B user does not see it
    await database.db
      .insertInto('users')
      .values({
        tenant_id: 'dordrecht',
        username: 'corporatie.b',
        display_name: 'B',
        role: 'corporatie',
        password_hash: (
          await database.db
            .selectFrom('users')
            .select('password_hash')
            .where('username', '=', 'corporatie')
            .executeTakeFirstOrThrow()
        ).password_hash,
        facility_id: null,
        client_id: null,
        corporation_id: corpB,
      })
      .execute();
    const b = await loginAs(app, 'corporatie.b');
    expect((await b.get('/v1/aanbiedingen')).body.resultaten).toHaveLength(0);
    expect((await b.get(`/v1/aanbiedingen/${offerId}`)).status).toBe(404);
    // and no person access elsewhere
    expect((await corp.get(`/v1/clienten/${henk.clientId}`)).status).toBe(403);
  });

  it('toestandsmachine: ongeldige overgangen geven 409, rollen per stap', async () => {
    expect(OFFER_TRANSITIONS.aangeboden).toEqual(['geaccepteerd', 'afgewezen', 'ingetrokken']);
    const t = await loginAs(app, 'toegang');
    const corp = await loginAs(app, 'corporatie');
    expect(
      (await t.post(`/v1/aanbiedingen/${offerId}/reacties`, { reactie: 'verhuisd', datum: '2026-11-21' })).status,
    ).toBe(409);
    expect(
      (await t.post(`/v1/aanbiedingen/${offerId}/reacties`, { reactie: 'contract-getekend', datum: '2026-11-21' }))
        .status,
    ).toBe(409);
    expect(
      (await corp.post(`/v1/aanbiedingen/${offerId}/reacties`, { reactie: 'geaccepteerd', datum: '2026-11-21' }))
        .status,
    ).toBe(403);
    expect(
      (await t.post(`/v1/aanbiedingen/${offerId}/reacties`, { reactie: 'geaccepteerd', datum: '2026-11-19' })).status,
    ).toBe(400); // before the offer
    const acc = await t.post(`/v1/aanbiedingen/${offerId}/reacties`, { reactie: 'geaccepteerd', datum: '2026-11-21' });
    expect(acc.status).toBe(201);
    expect(acc.body.status).toBe('geaccepteerd');
    expect(
      (await t.post(`/v1/aanbiedingen/${offerId}/reacties`, { reactie: 'geaccepteerd', datum: '2026-11-21' })).status,
    ).toBe(409);
    const con = await corp.post(`/v1/aanbiedingen/${offerId}/reacties`, {
      reactie: 'contract-getekend',
      datum: '2026-11-22',
    });
    expect(con.status).toBe(201);
    expect(con.body.mogelijkheden['contract-getekend']).toBe(false);
    expect((await t.get(`/v1/woonplekken/${unitId}`)).body.status).toBe('verhuurd');
    expect(
      (await corp.post(`/v1/aanbiedingen/${offerId}/reacties`, { reactie: 'verhuisd', datum: '2026-11-23' })).status,
    ).toBe(403);
  });

  it('verhuisd beëindigt verblijf en traject met bestemming huur-corporatie (permanent)', async () => {
    const t = await loginAs(app, 'toegang');
    const r = await t.post(`/v1/aanbiedingen/${offerId}/reacties`, { reactie: 'verhuisd', datum: '2026-11-23' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'verhuisd', verhuisdOp: '2026-11-23', bestemming: 'huur-corporatie' });
    const traj = await database.db
      .selectFrom('trajectories')
      .selectAll()
      .where('id', '=', henk.trajectoryId)
      .executeTakeFirstOrThrow();
    expect(traj).toMatchObject({
      ended_on: '2026-11-23',
      exit_destination: 'huur-corporatie',
      exit_group: 'permanent',
    });
    const stay = await database.db
      .selectFrom('stays')
      .selectAll()
      .where('id', '=', henk.stayId)
      .executeTakeFirstOrThrow();
    expect(stay).toMatchObject({ ended_on: '2026-11-23', end_reason: 'uitstroom' });
    expect((await t.get(`/v1/woonkandidaten/${candId}`)).body).toMatchObject({
      status: 'gehuisvest',
      gehuisvestOp: '2026-11-23',
    });
    // the waakvlam starts on the new home: an aftercare plan (same transaction) watching Voorstraat 1, 3311 AA
    const plan = await database.db
      .selectFrom('aftercare_plans')
      .selectAll()
      .where('trajectory_id', '=', henk.trajectoryId)
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ exit_on: '2026-11-23', postcode: '3311AA', house_number: '1', status: 'actief' });
    expect(
      (await t.post(`/v1/aanbiedingen/${offerId}/reacties`, { reactie: 'afgewezen', datum: '2026-11-23', reden: 'x' }))
        .status,
    ).toBe(409);
  });

  it('afwijzen met reden maakt de woning weer beschikbaar; cijfers en prestatieafspraken tellen mee', async () => {
    const t = await loginAs(app, 'toegang');
    const piet = await placedClient(t, 'Piet', fx.room2);
    const c = await t.post('/v1/woonkandidaten', {
      clientId: piet.clientId,
      huishoudgrootte: 1,
      nettoInkomen: 1400,
      ondersteuning: 'geen',
      woonklaarSinds: '2026-11-01',
    });
    const units = (await t.get('/v1/woonplekken?status=beschikbaar')).body.resultaten;
    const spui = units.find((u: { adres: string }) => u.adres.startsWith('Spuiweg'));
    const off = await t.post('/v1/aanbiedingen', { woonplekId: spui.id, kandidaatId: c.body.id, datum: '2026-11-10' });
    expect(off.status).toBe(201);
    expect(
      (await t.post(`/v1/aanbiedingen/${off.body.id}/reacties`, { reactie: 'afgewezen', datum: '2026-11-12' })).status,
    ).toBe(400); // reason required
    const dec = await t.post(`/v1/aanbiedingen/${off.body.id}/reacties`, {
      reactie: 'afgewezen',
      datum: '2026-11-12',
      reden: 'Te ver van school kinderen',
    });
    expect(dec.body).toMatchObject({ status: 'afgewezen', redenAfwijzing: 'Te ver van school kinderen' });
    expect((await t.get(`/v1/woonplekken/${spui.id}`)).body.status).toBe('beschikbaar');

    const f = await t.get('/v1/rapportages/wonen?van=2026-01-01&tot=2027-01-01');
    expect(f.status).toBe(200);
    expect(f.body.doorlooptijd).toMatchObject({
      verhuisd: 1,
      gemiddeldeDagenWoonklaarTotVerhuisd: 30,
      mediaanDagen: 30,
    }); // 2026-10-24 → 2026-11-23
    expect(f.body.aanbiedingen).toMatchObject({ gedaan: 2, geaccepteerd: 1, afgewezen: 1, lopend: 0 });
    expect(f.body.uitstroomNaarWonen.perCorporatie).toEqual([{ naam: 'Woonbron', aantal: 1 }]);
    expect(f.body.uitstroomNaarWonen.perGemeente).toEqual([{ naam: 'Dordrecht', aantal: 1 }]);
    const beleid = await loginAs(app, 'beleid');
    const fb = await beleid.get('/v1/rapportages/wonen?van=2026-01-01&tot=2027-01-01');
    // one move: published 0 (left out of the list) or 3, never 1
    expect([[], [{ naam: 'Woonbron', aantal: 3 }]]).toContainEqual(fb.body.uitstroomNaarWonen.perCorporatie);
    expect([0, 3]).toContain(fb.body.doorlooptijd.verhuisd);
    expect(fb.body.doorlooptijd.gemiddeldeDagenWoonklaarTotVerhuisd).toBeNull();

    const pa = await beleid.post('/v1/prestatieafspraken', {
      corporatieId: corpA,
      jaar: 2026,
      gemeentecode: '0505',
      aantal: 4,
    });
    expect(pa.status).toBe(201);
    await beleid.post('/v1/prestatieafspraken', { corporatieId: corpB, jaar: 2026, gemeentecode: '0642', aantal: 2 });
    const list = await beleid.get('/v1/prestatieafspraken?jaar=2026');
    expect(list.body.afspraken).toEqual([
      {
        corporatieId: corpB,
        corporatie: 'Trivire',
        gemeentecode: '0642',
        gemeente: 'Zwijndrecht',
        afgesproken: 2,
        gerealiseerd: 0,
        percentage: 0,
      },
      {
        corporatieId: corpA,
        corporatie: 'Woonbron',
        gemeentecode: '0505',
        gemeente: 'Dordrecht',
        afgesproken: 4,
        gerealiseerd: 1,
        percentage: 25,
      },
    ]);
    expect(list.body.totaal).toEqual({ afgesproken: 6, gerealiseerd: 1 });
    expect(list.body.landelijkDoel.extraWoonplekken).toBe(10000);
  });

  it('batchvoorstel: optimale toewijzing, beter of gelijk aan gulzig, met eerlijkheidsregel', async () => {
    const t = await loginAs(app, 'toegang');
    const r = await t.post('/v1/toewijzingsvoorstellen', {});
    expect(r.status).toBe(200);
    expect(r.body.bewezenOptimaal).toBe(true);
    expect(r.body.totaleScore).toBeGreaterThanOrEqual(r.body.gulzigeScore);
    expect(r.body.eerlijkheidsregel).toContain('Wachttijdweging');
    expect(r.body.voorstellen.length).toBe(1); // Piet and the Spuiweg home (Dure Dijk is too expensive)
    expect(r.body.voorstellen[0].woonplek.adres).toBe('Spuiweg 9, Dordrecht');
  });

  it('Housing First: beschikking, wacht op woning, gestart bij verhuizing in een Housing First-woning', async () => {
    const t = await loginAs(app, 'toegang');
    const kees = await placedClient(t, 'Kees', fx.otherRoom);
    const hf = await t.post('/v1/housing-first-trajecten', {
      clientId: kees.clientId,
      gemeentecode: '0642',
      aangemeldOp: '2026-09-02',
    });
    expect(hf.status).toBe(201);
    expect(hf.body.fase).toBe('in-voorbereiding');
    let p = await t.get('/v1/rapportages/housing-first');
    expect(p.body.perGemeente).toEqual([
      {
        gemeentecode: '0642',
        gemeente: 'Zwijndrecht',
        trajecten: 1,
        gestart: 0,
        beschikkingWachtOpWoning: 0,
        inVoorbereiding: 1,
      },
    ]);
    // beleid: the one trajectory is never shown as 1 (cell key method: 0, then left out, or 3)
    const hfBeleid = await (await loginAs(app, 'beleid')).get('/v1/rapportages/housing-first');
    expect([0, 3]).toContain(hfBeleid.body.totaal.trajecten);
    for (const g of hfBeleid.body.perGemeente) expect(g.trajecten).toBe(3);
    expect(hfBeleid.body.totaal.inVoorbereiding).toBe(hfBeleid.body.totaal.trajecten); // same person, same cell
    const c = await t.post('/v1/woonkandidaten', {
      clientId: kees.clientId,
      huishoudgrootte: 1,
      nettoInkomen: 1300,
      ondersteuning: 'housing-first',
      woonklaarSinds: '2026-09-10',
    });
    const u = await t.post(
      '/v1/woonplekken',
      home({
        type: 'housing-first',
        corporatieId: corpB,
        adres: 'HF-straat 1, Zwijndrecht',
        gemeentecode: '0642',
        kamers: 1,
        huur: 500,
        huishoudenMax: 1,
        ondersteuning: 'housing-first',
      }),
    );
    expect(u.status).toBe(201);
    const off = await t.post('/v1/aanbiedingen', {
      woonplekId: u.body.id,
      kandidaatId: c.body.id,
      datum: '2026-11-01',
    });
    expect(off.status).toBe(201);
    await t.post(`/v1/aanbiedingen/${off.body.id}/reacties`, { reactie: 'geaccepteerd', datum: '2026-11-02' });
    await t.post(`/v1/aanbiedingen/${off.body.id}/reacties`, { reactie: 'contract-getekend', datum: '2026-11-03' });
    expect(
      (await t.post(`/v1/aanbiedingen/${off.body.id}/reacties`, { reactie: 'verhuisd', datum: '2026-11-04' })).status,
    ).toBe(409); // no beschikking yet
    expect(
      (await t.post(`/v1/housing-first-trajecten/${hf.body.id}/beschikkingen`, { datum: '2026-09-15' })).status,
    ).toBe(201);
    p = await t.get('/v1/rapportages/housing-first');
    expect(p.body.perGemeente[0]).toMatchObject({ trajecten: 1, gestart: 0, beschikkingWachtOpWoning: 1 });
    const moved = await t.post(`/v1/aanbiedingen/${off.body.id}/reacties`, {
      reactie: 'verhuisd',
      datum: '2026-11-04',
    });
    expect(moved.status).toBe(201);
    expect(moved.body.bestemming).toBe('housing-first');
    p = await t.get('/v1/rapportages/housing-first');
    expect(p.body.perGemeente[0]).toMatchObject({
      trajecten: 1,
      gestart: 1,
      beschikkingWachtOpWoning: 0,
      inVoorbereiding: 0,
    });
    const traj = await database.db
      .selectFrom('trajectories')
      .select(['exit_destination', 'exit_group'])
      .where('id', '=', kees.trajectoryId)
      .executeTakeFirstOrThrow();
    expect(traj).toEqual({ exit_destination: 'housing-first', exit_group: 'permanent' });
  });

  it('andere centrumgemeente ziet niets', async () => {
    const a = await loginAs(app, 'almere.toegang');
    expect((await a.get('/v1/woonplekken')).body.resultaten).toHaveLength(0);
    expect((await a.get(`/v1/woonkandidaten/${candId}`)).status).toBe(404);
    expect((await a.get(`/v1/aanbiedingen/${offerId}`)).status).toBe(404);
  });
});
