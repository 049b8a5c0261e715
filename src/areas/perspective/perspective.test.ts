import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, anAdmittedClient, loginAs, seedFixture } from '../../test/fixtures.js';
import { publishableValues } from '../reporting/protection.js';
import { ZRM_DOMAINS } from './life-domains.js';

// HTTP tests of actielijn 2 against the real app and database (PGlite, and PostgreSQL when DATABASE_URL is set).
let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let t: Awaited<ReturnType<typeof loginAs>>;
const NOW = new Date('2026-11-23T10:00:00Z'); // 23 November 2026 in the Netherlands
const ids: Record<string, { clientId: string; trajectoryId: string }> = {};

const admitted = (name: string) =>
  anAdmittedClient(t, { voornaam: name, achternaam: 'Test', geboortedatum: '1980-05-01', admittedOn: '2026-07-01' });

const put = (who: ApiClient, path: string, body: unknown) => who.put(path, body);

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => NOW });
  t = await loginAs(app, 'toegang');
  const placements: [string, string, string][] = [
    ['Anna', fx.room1, '2026-11-18'],
    ['Bram', fx.room2, '2026-11-17'],
    ['Cor', fx.reserve, '2026-08-01'],
    ['Daan', fx.family, '2026-10-12'],
    ['Eva', fx.otherRoom, '2026-09-14'],
  ];
  for (const [name, unit, date] of placements) {
    ids[name] = await admitted(name);
    const p = await t.post('/v1/plaatsingen', { clientId: ids[name]!.clientId, eenheidId: unit, datum: date });
    expect(p.status).toBe(201);
  }
  const toegangUser = await database.db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'toegang')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('users')
    .values({
      tenant_id: 'dordrecht',
      username: 'client.anna',
      display_name: 'Anna Test',
      role: 'client',
      password_hash: toegangUser.password_hash,
      facility_id: null,
      client_id: ids.Anna!.clientId,
    })
    .execute();
});
afterAll(() => database.close());

describe('5-dagenregel en werklijst te late plannen', () => {
  it('geplaatst 18-11 is op 23-11 nog op tijd, geplaatst 17-11 is 1 dag te laat; oudste eerst', async () => {
    const late = await t.get('/v1/werklijsten/te-late-plannen');
    expect(late.status).toBe(200);
    expect(late.body.resultaten.map((r: { naam: string; dagenTeLaat: number }) => [r.naam, r.dagenTeLaat])).toEqual([
      ['Cor Test', 109],
      ['Eva Test', 65],
      ['Daan Test', 37],
      ['Bram Test', 1],
    ]);
    const b = await t.post(`/v1/trajecten/${ids.Bram!.trajectoryId}/perspectiefplan`, {
      opgesteldOp: '2026-11-23',
      eigenWoorden: 'Ik wil weer een eigen plek.',
      wensen: 'Dichtbij mijn dochter',
    });
    expect(b.status).toBe(201);
    expect(b.body.termijn).toEqual({ status: 'te-laat-opgesteld', uiterlijkeDatum: '2026-11-22', dagenTeLaat: 1 });
    const a = await t.post(`/v1/trajecten/${ids.Anna!.trajectoryId}/perspectiefplan`, {
      opgesteldOp: '2026-11-23',
      eigenWoorden: 'Rust en een baan.',
    });
    expect(a.body.termijn).toEqual({ status: 'op-tijd-opgesteld', uiterlijkeDatum: '2026-11-23', dagenTeLaat: 0 });
    expect(
      (await t.post(`/v1/trajecten/${ids.Anna!.trajectoryId}/perspectiefplan`, { opgesteldOp: '2026-11-23' })).status,
    ).toBe(409);
    const after = await t.get('/v1/werklijsten/te-late-plannen');
    expect(after.body.resultaten.map((r: { naam: string }) => r.naam)).toEqual(['Cor Test', 'Eva Test', 'Daan Test']);
  });

  it('weigert een plan met datum in de toekomst of vóór de start van het traject, met alle problemen', async () => {
    const bad = await t.post(`/v1/trajecten/${ids.Cor!.trajectoryId}/perspectiefplan`, { opgesteldOp: '2026-11-24' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams).toEqual([
      { name: 'opgesteldOp', code: 'future', reason: 'De datum mag niet in de toekomst liggen.' },
    ]);
    const early = await t.post(`/v1/trajecten/${ids.Cor!.trajectoryId}/perspectiefplan`, { opgesteldOp: '2026-06-30' });
    expect(early.body.invalidParams[0].code).toBe('range');
  });
});

describe('perspectiefplan: doelen, acties, statusovergangen', () => {
  it('maakt een doel en een actie, en weigert overgangen buiten de tabel met 409', async () => {
    const plan = await t.get(`/v1/trajecten/${ids.Anna!.trajectoryId}/perspectiefplan`);
    expect(plan.status).toBe(200);
    const goal = await t.post(`/v1/perspectiefplannen/${plan.body.id}/doelen`, {
      levensgebied: 'financien',
      omschrijving: 'Schulden in beeld en een regeling',
    });
    expect(goal.status).toBe(201);
    expect(goal.body).toMatchObject({ levensgebiedLabel: 'Financiën', status: 'actief' });
    const badGoal = await t.post(`/v1/perspectiefplannen/${plan.body.id}/doelen`, {
      levensgebied: 'geluk',
      omschrijving: ' ',
    });
    expect(badGoal.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'levensgebied',
      'omschrijving',
    ]);
    const action = await t.post(`/v1/doelen/${goal.body.id}/acties`, {
      omschrijving: 'Aanmelden bij schuldhulp',
      eigenaarOrganisatie: 'schuldhulp',
      eigenaarNaam: 'Piet',
      uiterlijk: '2026-12-01',
    });
    expect(action.status).toBe(201);
    expect(action.body).toMatchObject({
      status: 'gepland',
      eigenaarOrganisatieLabel: 'Schuldhulpverlening',
      volgendeStatussen: ['in-uitvoering', 'afgerond', 'vervallen'],
    });
    const start = await t.post(`/v1/acties/${action.body.id}/statuswijzigingen`, {
      status: 'in-uitvoering',
      datum: '2026-11-23',
    });
    expect(start.status).toBe(201);
    const done = await t.post(`/v1/acties/${action.body.id}/statuswijzigingen`, {
      status: 'afgerond',
      datum: '2026-11-23',
      toelichting: 'Intake gedaan',
    });
    expect(done.body).toMatchObject({ status: 'afgerond', volgendeStatussen: [] });
    expect(done.body.geschiedenis.map((g: { van: string; naar: string }) => `${g.van}>${g.naar}`)).toEqual([
      'gepland>in-uitvoering',
      'in-uitvoering>afgerond',
    ]);
    const back = await t.post(`/v1/acties/${action.body.id}/statuswijzigingen`, {
      status: 'in-uitvoering',
      datum: '2026-11-23',
    });
    expect(back.status).toBe(409);
    expect(back.body.detail).toBe("Een actie met status 'Afgerond' kan niet naar 'In uitvoering'.");
    expect((await t.post(`/v1/doelen/${goal.body.id}/statuswijzigingen`, { status: 'bereikt' })).status).toBe(201);
    expect((await t.post(`/v1/doelen/${goal.body.id}/statuswijzigingen`, { status: 'gestopt' })).status).toBe(409);
    const upd = await put(t, `/v1/perspectiefplannen/${plan.body.id}`, {
      eigenWoorden: 'Rust, een baan en mijn kat terug.',
      wensen: 'Dordrecht',
    });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ eigenWoorden: 'Rust, een baan en mijn kat terug.', wensen: 'Dordrecht' });
    const signed = await t.post(`/v1/perspectiefplannen/${plan.body.id}/ondertekeningen`, { datum: '2026-11-23' });
    expect(signed.body.ondertekendOp).toBe('2026-11-23');
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'resource'])
      .where('client_id', '=', ids.Anna!.clientId)
      .where('resource', 'like', 'perspectiefplan%')
      .execute();
    expect(audit.map((a) => `${a.action} ${a.resource}`)).toEqual(
      expect.arrayContaining([
        'aanmaken perspectiefplan',
        'lezen perspectiefplan',
        'aanmaken perspectiefplan doel',
        'aanmaken perspectiefplan actie',
        'wijzigen perspectiefplan actie',
      ]),
    );
  });
});

describe('toegang tot het plan', () => {
  it('locatiemedewerker ziet en werkt het plan van eigen bewoners bij, niet dat van een andere locatie', async () => {
    const loc = await loginAs(app, 'locatie');
    const loc2 = await loginAs(app, 'locatie2');
    const plan = await loc.get(`/v1/trajecten/${ids.Bram!.trajectoryId}/perspectiefplan`);
    expect(plan.status).toBe(200);
    expect(
      (
        await loc.post(`/v1/perspectiefplannen/${plan.body.id}/doelen`, {
          levensgebied: 'huisvesting',
          omschrijving: 'Inschrijven als woningzoekende',
        })
      ).status,
    ).toBe(201);
    expect((await loc2.get(`/v1/trajecten/${ids.Bram!.trajectoryId}/perspectiefplan`)).status).toBe(404);
    expect((await loc2.get(`/v1/perspectiefplannen/${plan.body.id}`)).status).toBe(404);
    expect(
      (
        await loc2.post(`/v1/perspectiefplannen/${plan.body.id}/doelen`, {
          levensgebied: 'huisvesting',
          omschrijving: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await loc2.get(`/v1/clienten/${ids.Bram!.clientId}/perspectief`)).status).toBe(404);
    const other = await loginAs(app, 'almere.toegang');
    expect((await other.get(`/v1/perspectiefplannen/${plan.body.id}`)).status).toBe(404);
    const beleid = await loginAs(app, 'beleid');
    expect((await beleid.get(`/v1/perspectiefplannen/${plan.body.id}`)).status).toBe(403);
  });

  it('cliënt leest het eigen plan en plaatst een opmerking, maar wijzigt geen doelen of acties', async () => {
    const me = await loginAs(app, 'client.anna');
    const own = await me.get(`/v1/trajecten/${ids.Anna!.trajectoryId}/perspectiefplan`);
    expect(own.status).toBe(200);
    expect(own.body.mogelijkheden).toEqual({
      wijzigen: false,
      doelToevoegen: false,
      ondertekenen: false,
      opmerkingPlaatsen: true,
      afdrukken: true,
    });
    const c = await me.post(`/v1/perspectiefplannen/${own.body.id}/opmerkingen`, {
      tekst: 'Ik wil liever in Zwijndrecht wonen.',
    });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ rol: 'client', tekst: 'Ik wil liever in Zwijndrecht wonen.' });
    expect(
      (await t.get(`/v1/perspectiefplannen/${own.body.id}/opmerkingen`)).body.resultaten.map(
        (r: { tekst: string }) => r.tekst,
      ),
    ).toEqual(['Ik wil liever in Zwijndrecht wonen.']);
    expect(
      (await me.post(`/v1/perspectiefplannen/${own.body.id}/doelen`, { levensgebied: 'financien', omschrijving: 'x' }))
        .status,
    ).toBe(403);
    const goalId = own.body.doelen[0].id;
    expect(
      (
        await me.post(`/v1/doelen/${goalId}/acties`, {
          omschrijving: 'x',
          eigenaarOrganisatie: 'client',
          uiterlijk: '2026-12-01',
        })
      ).status,
    ).toBe(403);
    expect((await me.post(`/v1/doelen/${goalId}/statuswijzigingen`, { status: 'actief' })).status).toBe(403);
    expect((await put(me, `/v1/perspectiefplannen/${own.body.id}`, { eigenWoorden: 'x' })).status).toBe(403);
    expect((await me.get(`/v1/trajecten/${ids.Bram!.trajectoryId}/perspectiefplan`)).status).toBe(404);
    const logged = await database.db
      .selectFrom('audit_log')
      .select(['role', 'action'])
      .where('client_id', '=', ids.Anna!.clientId)
      .where('role', '=', 'client')
      .execute();
    expect(logged.map((l) => l.action)).toEqual(expect.arrayContaining(['lezen', 'aanmaken']));
  });
});

describe('doorstroomoverleg', () => {
  it('sorteert op urgentie met signalen op 6/10/12 weken en de 91-dagennorm; locatie ziet alleen eigen bewoners', async () => {
    const blk = await t.post(`/v1/trajecten/${ids.Cor!.trajectoryId}/blokkades`, {
      soort: 'geen-passende-huisvesting',
      sinds: '2026-09-01',
      volgendeActorOrganisatie: 'corporatie',
      volgendeActorNaam: 'Drechtwerk',
      volgendeStap: 'Woning aanbieden',
    });
    expect(blk.status).toBe(201);
    expect(blk.body).toMatchObject({
      dagen: 83,
      volgendeActor: { organisatieLabel: 'Woningcorporatie', naam: 'Drechtwerk' },
    });
    expect(
      (
        await t.post(`/v1/trajecten/${ids.Cor!.trajectoryId}/blokkades`, {
          soort: 'geen-passende-huisvesting',
          sinds: '2026-09-02',
        })
      ).status,
    ).toBe(409);
    const overig = await t.post(`/v1/trajecten/${ids.Daan!.trajectoryId}/blokkades`, {
      soort: 'overig',
      sinds: '2026-11-01',
    });
    expect(overig.body.invalidParams).toEqual([expect.objectContaining({ name: 'omschrijving', code: 'required' })]);
    const list = await t.get('/v1/werklijsten/doorstroomoverleg');
    expect(list.status).toBe(200);
    expect(
      list.body.resultaten.map(
        (r: { naam: string; dagenInOpvang: number; signaal: string | null; bovenDoel: boolean }) => [
          r.naam,
          r.dagenInOpvang,
          r.signaal,
          r.bovenDoel,
        ],
      ),
    ).toEqual([
      ['Cor Test', 114, '12-weken', true],
      ['Eva Test', 70, '10-weken', false],
      ['Daan Test', 42, '6-weken', false],
      ['Bram Test', 6, null, false],
      ['Anna Test', 5, null, false],
    ]);
    const cor = list.body.resultaten[0];
    expect(cor.urgentie).toBe('boven-doel');
    expect(cor.blokkades[0]).toMatchObject({ soort: 'geen-passende-huisvesting', sinds: '2026-09-01', dagen: 83 });
    expect(cor.volgendeActor).toMatchObject({ organisatie: 'corporatie', naam: 'Drechtwerk', bron: 'blokkade' });
    expect(list.body.totalen).toMatchObject({
      inOpvang: 5,
      bovenDoel: 1,
      signaal12: 1,
      signaal10: 1,
      signaal6: 1,
      metBlokkade: 1,
    });
    const loc = await loginAs(app, 'locatie');
    expect(
      (await loc.get('/v1/werklijsten/doorstroomoverleg')).body.resultaten.map((r: { naam: string }) => r.naam),
    ).toEqual(['Cor Test', 'Daan Test', 'Bram Test', 'Anna Test']);
    const lifted = await t.post(`/v1/blokkades/${blk.body.id}/opheffingen`, { datum: '2026-11-20' });
    expect(lifted.body).toMatchObject({ opgeheven: '2026-11-20', dagen: 80 });
    expect((await t.post(`/v1/blokkades/${blk.body.id}/opheffingen`, { datum: '2026-11-21' })).status).toBe(409);
    const client = await loginAs(app, 'client.anna');
    expect((await client.get('/v1/werklijsten/doorstroomoverleg')).status).toBe(403);
  });
});

describe('praktische stappen en ZRM', () => {
  it('volgt de statustabel per stap, met datums', async () => {
    const path = `/v1/trajecten/${ids.Cor!.trajectoryId}/praktische-stappen`;
    const all = await t.get(path);
    expect(all.body.resultaten.map((s: { soort: string }) => s.soort)).toEqual([
      'briefadres',
      'id',
      'uitkering',
      'schuldhulpverlening',
      'zorgverzekering',
      'inschrijving-woningzoekende',
      'urgentie-aanvraag',
    ]);
    expect(all.body.resultaten.every((s: { status: string }) => s.status === 'open')).toBe(true);
    const req = await t.post(`${path}/briefadres/statuswijzigingen`, { status: 'aangevraagd', datum: '2026-11-02' });
    expect(req.body).toMatchObject({ status: 'aangevraagd', aangevraagdOp: '2026-11-02', blokkeertUitstroom: true });
    const ok = await t.post(`${path}/briefadres/statuswijzigingen`, { status: 'geregeld', datum: '2026-11-10' });
    expect(ok.body).toMatchObject({
      status: 'geregeld',
      aangevraagdOp: '2026-11-02',
      geregeldOp: '2026-11-10',
      blokkeertUitstroom: false,
    });
    expect((await t.post(`${path}/briefadres/statuswijzigingen`, { status: 'open', datum: '2026-11-11' })).status).toBe(
      409,
    );
    expect(
      (await t.post(`${path}/paspoortfoto/statuswijzigingen`, { status: 'geregeld', datum: '2026-11-11' })).status,
    ).toBe(404);
  });

  it('legt een ZRM-meting vast op alle 13 levensgebieden met versie, en weigert een onvolledige', async () => {
    const scores = ZRM_DOMAINS.map((d, i) => ({ domein: d.code, score: (i % 5) + 1 }));
    const partial = await t.post(`/v1/clienten/${ids.Cor!.clientId}/zrm-metingen`, {
      datum: '2026-08-03',
      soort: 'intake',
      scores: scores.slice(1).concat([{ domein: 'justitie', score: 7 }]),
    });
    expect(partial.status).toBe(400);
    expect(partial.body.invalidParams.map((p: { code: string }) => p.code).sort()).toEqual([
      'duplicate',
      'missing',
      'range',
    ]);
    const m1 = await t.post(`/v1/clienten/${ids.Cor!.clientId}/zrm-metingen`, {
      datum: '2026-08-03',
      soort: 'intake',
      scores,
    });
    expect(m1.status).toBe(201);
    expect(m1.body).toMatchObject({ versie: '2017', soort: 'intake', trajectId: ids.Cor!.trajectoryId });
    expect(m1.body.scores).toHaveLength(13);
    expect(m1.body.scores[0]).toEqual({
      domein: 'financien',
      domeinLabel: 'Financiën',
      score: 1,
      scoreLabel: 'Acute problematiek',
    });
    await t.post(`/v1/clienten/${ids.Cor!.clientId}/zrm-metingen`, {
      datum: '2026-11-01',
      soort: 'tussentijds',
      scores: scores.map((s) => ({ ...s, score: Math.min(5, s.score + 1) })),
    });
    const list = await t.get(`/v1/clienten/${ids.Cor!.clientId}/zrm-metingen`);
    expect(list.body.metingen.map((m: { datum: string }) => m.datum)).toEqual(['2026-08-03', '2026-11-01']);
    expect(list.body.metingen[1].scores[0].score).toBe(2);
  });
});

describe('wachtlijsten', () => {
  it('ordent op urgentie en datum, berekent positie en verwachte wachttijd uit de doorstroom van 180 dagen', async () => {
    const extra = [];
    for (const n of ['Fien', 'Gijs', 'Hans', 'Ilse', 'Joop']) {
      const c = await t.post('/v1/clienten', { voornaam: n, achternaam: 'Wacht', herkomst: 'Onbekend' });
      extra.push(c.body.id as string);
    }
    const L = '/v1/wachtlijsten/tussenvoorziening/plaatsingen';
    // history: 3 placements inside the window (after 2026-05-27), one exactly 180 days ago (outside), one not placed
    const hist: [string, string, string][] = [
      [extra[0]!, '2026-09-01', 'geplaatst'],
      [extra[1]!, '2026-10-01', 'geplaatst'],
      [extra[2]!, '2026-11-01', 'geplaatst'],
      [extra[3]!, '2026-05-27', 'geplaatst'],
      [extra[4]!, '2026-11-02', 'niet-meer-nodig'],
    ];
    for (const [clientId, removed, reden] of hist) {
      const e = await t.post(L, { clientId, datum: '2026-03-01' });
      expect(e.status).toBe(201);
      expect((await t.post(`${L}/${e.body.id}/afmeldingen`, { datum: removed, reden })).status).toBe(201);
    }
    expect((await t.post(L, { clientId: ids.Eva!.clientId, datum: '2026-09-01' })).status).toBe(201);
    expect((await t.post(L, { clientId: ids.Daan!.clientId, datum: '2026-08-01' })).status).toBe(201);
    const urgentNoReason = await t.post(L, { clientId: ids.Cor!.clientId, datum: '2026-10-01', urgent: true });
    expect(urgentNoReason.status).toBe(400);
    expect(
      (
        await t.post(L, {
          clientId: ids.Cor!.clientId,
          datum: '2026-10-01',
          urgent: true,
          toelichting: 'Medische urgentie',
        })
      ).status,
    ).toBe(201);
    expect((await t.post(L, { clientId: ids.Cor!.clientId, datum: '2026-10-02' })).status).toBe(409);
    const list = await t.get('/v1/wachtlijsten/tussenvoorziening');
    expect(list.status).toBe(200);
    expect(list.body.geplaatstRecent).toBe(3);
    expect(
      list.body.resultaten.map(
        (r: { client: { voornaam: string }; positie: number; verwachteWachttijdDagen: number }) => [
          r.client.voornaam,
          r.positie,
          r.verwachteWachttijdDagen,
        ],
      ),
    ).toEqual([
      ['Cor', 1, 60],
      ['Daan', 2, 120],
      ['Eva', 3, 180],
    ]);
    expect(list.body.resultaten[0].verwachteDatum).toBe('2027-01-22');
    expect(list.body.prioriteitsregels[0]).toMatch(/Urgente/);
    const overview = await t.get('/v1/wachtlijsten');
    const tv = overview.body.resultaten.find((l: { id: string }) => l.id === 'tussenvoorziening');
    // (184 + 214 + 245) / 3 = 214.3 days waited by the three placed clients
    expect(tv).toMatchObject({
      lengte: 3,
      urgent: 1,
      geplaatstRecent: 3,
      gemiddeldeWachttijdGeplaatstDagen: 214,
      verwachteWachttijdNieuwDagen: 240,
    });
    // locatie2 sees only Eva, at her real position
    const loc2 = await loginAs(app, 'locatie2');
    expect(
      (await loc2.get('/v1/wachtlijsten/tussenvoorziening')).body.resultaten.map(
        (r: { client: { voornaam: string }; positie: number }) => [r.client.voornaam, r.positie],
      ),
    ).toEqual([['Eva', 3]]);
    expect((await loc2.post(L, { clientId: ids.Eva!.clientId, datum: '2026-11-01' })).status).toBe(403);
    // placed: off the list with reason; positions move up
    const cor = list.body.resultaten[0];
    const off = await t.post(`${L}/${cor.id}/afmeldingen`, { datum: '2026-11-23', reden: 'geplaatst' });
    expect(off.body).toMatchObject({ redenLabel: 'Geplaatst op deze vervolgplek', wachtDagen: 53 });
    const after = await t.get('/v1/wachtlijsten/tussenvoorziening');
    expect(
      after.body.resultaten.map(
        (r: { client: { voornaam: string }; positie: number; verwachteWachttijdDagen: number }) => [
          r.client.voornaam,
          r.positie,
          r.verwachteWachttijdDagen,
        ],
      ),
    ).toEqual([
      ['Daan', 1, 45],
      ['Eva', 2, 90],
    ]);
    expect((await t.get('/v1/wachtlijsten/bestaat-niet')).status).toBe(404);
  });
});

describe('cijfers werken aan perspectief', () => {
  it('geeft aggregaten; voor beleid de celsleutelmethode (geen 1 of 2, aandelen en gemiddelden pas vanaf 5)', async () => {
    const q = '/v1/rapportages/perspectief?van=2026-01-01&tot=2027-01-01';
    const full = await t.get(q);
    expect(full.status).toBe(200);
    // placements in 2026 with the deadline passed or a plan: Anna (plan on time), Bram (late plan), Cor, Daan, Eva (none)
    expect(full.body.planBinnen5Dagen).toEqual({ plaatsingen: 5, opTijd: 1, zonderPlan: 3, aandeel: 0.2 });
    expect(full.body.blokkades.find((b: { soort: string }) => b.soort === 'geen-passende-huisvesting')).toMatchObject({
      aantal: 1,
      gemiddeldeDuurDagen: 80,
    });
    expect(full.body.wachtlijsten.find((w: { lijst: string }) => w.lijst === 'tussenvoorziening')).toMatchObject({
      lengteEindePeriode: 2,
      geplaatst: 5,
    });
    const beleid = await loginAs(app, 'beleid');
    const agg = await beleid.get(q);
    expect(agg.body.onderdrukkingsgrens).toBe(5);
    const plan = agg.body.planBinnen5Dagen;
    expect(publishableValues(5)).toContain(plan.plaatsingen);
    expect(publishableValues(1)).toContain(plan.opTijd); // 0 or 3, never the true 1
    expect(publishableValues(3)).toContain(plan.zonderPlan);
    expect(plan.aandeel).toBeNull(); // the numerator (at most 3) is below the minimum
    const blk = agg.body.blokkades.find((b: { soort: string }) => b.soort === 'geen-passende-huisvesting');
    expect([0, 3]).toContain(blk.aantal);
    expect(blk.gemiddeldeDuurDagen).toBeNull(); // a mean over one blockade is that person's duration
    const wl = agg.body.wachtlijsten.find((w: { lijst: string }) => w.lijst === 'tussenvoorziening');
    expect(publishableValues(2)).toContain(wl.lengteEindePeriode);
    expect(publishableValues(5)).toContain(wl.geplaatst);
    // the same request gives the same answer (same cells, same noise)
    expect((await beleid.get(q)).body).toEqual(agg.body);
    // fixed calendar periods for beleid: a free range is refused
    expect((await beleid.get('/v1/rapportages/perspectief?van=2026-01-01&tot=2026-03-15')).status).toBe(400);
    expect(JSON.stringify(agg.body)).not.toMatch(/"(clientId|naam|voornaam|achternaam)"|Anna|Bram/);
    const loc = await loginAs(app, 'locatie');
    expect((await loc.get(q)).status).toBe(403);
  });
});
