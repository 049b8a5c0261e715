import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, aPlacedClient, type Json, loginAs, seedFixture } from '../../test/fixtures.js';
import { ZRM_DOMAINS } from '../perspective/life-domains.js';

// Issue 16 — Mijn Onderdak against the real app and database (PGlite, and PostgreSQL with DATABASE_URL).
let database: Database;
let fx: Awaited<ReturnType<typeof seedFixture>>;
const NOW = new Date('2026-12-02T09:00:00Z');
let app: ReturnType<typeof createApp>;
let t: ApiClient; // toegang: trajecthouder of both clients
let loc: ApiClient; // locatie at Anna's facility
let me: ApiClient; // client Anna
let bobLogin: ApiClient; // client Bob
let anna: { clientId: string; trajectoryId: string };
let bob: { clientId: string; trajectoryId: string };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const BSN = '123456782';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => NOW });
  t = await loginAs(app, 'toegang');
  anna = await aPlacedClient(t, {
    voornaam: 'Anna',
    bsn: BSN,
    aanleiding: 'geen-huis-na-detentie',
    admittedOn: '2026-11-01',
    unit: fx.room1,
    placedOn: '2026-11-01',
  });
  bob = await aPlacedClient(t, {
    voornaam: 'Bob',
    admittedOn: '2026-11-20',
    unit: fx.otherRoom,
    placedOn: '2026-11-20',
  });
  const hash = await database.db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'toegang')
    .executeTakeFirstOrThrow();
  const clientUser = (username: string, clientId: string) => ({
    tenant_id: 'dordrecht',
    username,
    display_name: username,
    role: 'client',
    password_hash: hash.password_hash,
    facility_id: null,
    client_id: clientId,
  });
  await database.db
    .insertInto('users')
    .values([clientUser('client.anna', anna.clientId), clientUser('client.bob', bob.clientId)])
    .execute();
  loc = await loginAs(app, 'locatie');
  me = await loginAs(app, 'client.anna');
  bobLogin = await loginAs(app, 'client.bob');

  // a plan with goals on ZRM domains (Justitie, Basale ADL) and actions for the client and others
  const plan = await t.post(`/v1/trajecten/${anna.trajectoryId}/perspectiefplan`, {
    opgesteldOp: '2026-11-03',
    eigenWoorden: 'Ik wil weer een eigen plek en rust.',
    wensen: 'Een kamer in Dordrecht.',
  });
  expect(plan.status).toBe(201);
  const goal = await t.post(`/v1/perspectiefplannen/${plan.body.id}/doelen`, {
    levensgebied: 'justitie',
    omschrijving: 'Afspraken met de reclassering nakomen',
  });
  expect(goal.status).toBe(201);
  const goal2 = await t.post(`/v1/perspectiefplannen/${plan.body.id}/doelen`, {
    levensgebied: 'financien',
    omschrijving: 'Overzicht van mijn schulden',
  });
  for (const [omschrijving, eigenaarOrganisatie, uiterlijk] of [
    ['Papieren van de bank meenemen', 'client', '2026-12-09'],
    ['Aanmelden bij schuldhulp', 'trajecthouder', '2026-12-15'],
  ])
    expect(
      (
        await t.post(`/v1/doelen/${goal2.body.id}/acties`, {
          omschrijving,
          eigenaarOrganisatie,
          eigenaarNaam: null,
          uiterlijk,
        })
      ).status,
    ).toBe(201);
  await t.post(`/v1/clienten/${anna.clientId}/afspraken`, {
    datum: '2026-12-04',
    tijd: '10:30',
    metWie: 'Fatima',
    waar: 'Stadskantoor',
    onderwerp: 'Plan bespreken',
  });
  await t.post(`/v1/clienten/${anna.clientId}/afspraken`, {
    datum: '2026-11-20',
    tijd: '10:30',
    metWie: 'Fatima',
    waar: 'Stadskantoor',
  });
  await t.post(`/v1/clienten/${anna.clientId}/journaalberichten`, {
    soort: 'contact',
    tekst: 'We hebben over je plan gepraat.',
    gedeeldMetClient: true,
  });
  await t.post(`/v1/clienten/${anna.clientId}/journaalberichten`, {
    soort: 'observatie',
    tekst: 'Interne notitie: niet voor de cliënt.',
  });
  await t.post(`/v1/clienten/${anna.clientId}/documenten`, {
    bestandsnaam: 'beschikking.pdf',
    omschrijving: 'Je beschikking',
    inhoud: PDF.toString('base64'),
  });
  await t.post(`/v1/clienten/${bob.clientId}/documenten`, {
    bestandsnaam: 'bob.pdf',
    inhoud: PDF.toString('base64'),
  });
  // a staff member reads the dossier: the client sees that, in words
  await loc.get(`/v1/clienten/${anna.clientId}`);
});
afterAll(() => database.close());

describe('Mijn Onderdak: het eigen overzicht van de cliënt', () => {
  let view: Json;
  beforeAll(async () => {
    const r = await me.get('/v1/mijn-onderdak');
    expect(r.status).toBe(200);
    view = r.body;
  });

  it('toont waar ik slaap, mijn contactpersoon en mijn komende afspraken', () => {
    expect(view.voornaam).toBe('Anna');
    expect(view.slaapplek).toMatchObject({ locatie: 'Crisisopvang Test', adres: 'Kasperspad 3', kamer: 'Kamer 01' });
    expect(view.slaapplek.sinds).toBe('2026-11-01');
    expect(view.contactpersoon.naam).toBe('toegang');
    expect(view.contactpersoon.bereikbaar).toMatch(/bericht/);
    // only the coming appointment, not the past one
    expect(view.afspraken).toEqual([
      { datum: '2026-12-04', tijd: '10:30', metWie: 'Fatima', waar: 'Stadskantoor', waarover: 'Plan bespreken' },
    ]);
  });

  it('geeft het plan in mijn eigen woorden, met levensgebieden in gewone woorden en mijn volgende stap', () => {
    expect(view.plan.inMijnWoorden).toBe('Ik wil weer een eigen plek en rust.');
    expect(view.plan.doelen.map((d: Json) => d.onderwerp)).toEqual(['Andere zaken', 'Geld en rekeningen']);
    expect(view.plan.mijnVolgendeStappen).toEqual([
      expect.objectContaining({ wat: 'Papieren van de bank meenemen', wie: 'Jij', doorMij: true, stand: 'Nog doen' }),
    ]);
    const geld = view.plan.doelen[1];
    expect(geld.acties.map((a: Json) => a.wie)).toEqual(['Jij', 'Je contactpersoon']);
  });

  it('bevat geen interne velden: geen id, geen BSN, geen ZRM-namen, geen aanleiding', () => {
    const text = JSON.stringify(view);
    expect(text).not.toMatch(UUID);
    expect(text).not.toContain(BSN);
    expect(text).not.toMatch(/detentie/i);
    expect(text).not.toContain('Interne notitie');
    for (const d of ZRM_DOMAINS) {
      expect(text).not.toContain(`"${d.label}"`);
      expect(text).not.toContain(`"${d.code}"`);
    }
    expect(text).not.toMatch(/"(lezen|aanmaken|wijzigen|dossiersamenvatting)"/);
  });

  it('toont alleen gedeelde verslagen', () => {
    expect(view.verslagen.map((v: Json) => v.tekst)).toEqual(['We hebben over je plan gepraat.']);
  });

  it('wie heeft mijn dossier bekeken: soort medewerker, organisatie, datum en reden in gewone woorden', () => {
    const looked = view.inzage.find((i: Json) => i.wie === 'Een medewerker van de opvang');
    expect(looked).toMatchObject({
      organisatie: 'Crisisopvang Test',
      wat: 'heeft je gegevens bekeken',
      waarom: 'Voor je verblijf in de opvang.',
    });
    expect(looked.datum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // the client's own looks are not in the list, and no username is
    expect(view.inzage.every((i: Json) => !/client\.anna|locatie|toegang/.test(JSON.stringify(i)))).toBe(true);
  });

  it('laat mijn eigen document downloaden, en elke download komt in het inzagelog', async () => {
    expect(view.documenten).toHaveLength(1);
    const d = view.documenten[0];
    expect(d).toMatchObject({ naam: 'beschikking.pdf', soort: 'PDF', omschrijving: 'Je beschikking' });
    const r = await me.get(d.downloadPad);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const logged = await database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('client_id', '=', anna.clientId)
      .where('resource', '=', 'document')
      .where('username', '=', 'client.anna')
      .execute();
    expect(logged.map((l) => l.detail)).toContain('download beschikking.pdf');
  });

  it('elke keer lezen laat een auditregel achter', async () => {
    const count = async () =>
      (
        await database.db
          .selectFrom('audit_log')
          .select('id')
          .where('client_id', '=', anna.clientId)
          .where('resource', '=', 'mijn onderdak')
          .execute()
      ).length;
    const before = await count();
    await me.get('/v1/mijn-onderdak');
    expect(await count()).toBe(before + 1);
  });
});

describe('een cliënt ziet alleen de eigen gegevens', () => {
  it('een ander overzicht bestaat niet voor mij: Bob ziet Bob, niet Anna', async () => {
    const r = await bobLogin.get('/v1/mijn-onderdak');
    expect(r.status).toBe(200);
    expect(r.body.voornaam).toBe('Bob');
    expect(JSON.stringify(r.body)).not.toMatch(/Anna|beschikking\.pdf|Kasperspad/);
  });

  it('het document van een ander is niet te downloaden (404), ook niet met de verwijzing van die ander', async () => {
    const annasRef = (await me.get('/v1/mijn-onderdak')).body.documenten[0].downloadPad;
    expect((await bobLogin.get(annasRef)).status).toBe(404);
    const bobsRef = (await bobLogin.get('/v1/mijn-onderdak')).body.documenten[0].downloadPad;
    expect((await me.get(bobsRef)).status).toBe(404);
  });

  it('de staff-routes voor een ander dossier geven de cliënt 403 of 404, nooit de gegevens', async () => {
    expect((await me.get(`/v1/clienten/${bob.clientId}/clientberichten`)).status).toBe(403);
    expect((await me.get(`/v1/clienten/${bob.clientId}`)).status).toBe(404);
  });

  it('het inzagelog van de medewerkers is niet voor de cliënt, ook niet van het eigen dossier (403, zonder gegevens)', async () => {
    for (const id of [anna.clientId, bob.clientId]) {
      const r = await me.get(`/v1/clienten/${id}/inzagelog`);
      expect(r.status).toBe(403);
      expect(r.body).not.toHaveProperty('resultaten');
    }
    // the own log stays readable in plain words through Mijn Onderdak
    expect((await me.get('/v1/mijn-onderdak')).status).toBe(200);
  });

  it('een medewerker heeft geen Mijn Onderdak (403)', async () => {
    expect((await t.get('/v1/mijn-onderdak')).status).toBe(403);
  });
});

describe('bericht → taak voor de trajecthouder → antwoord', () => {
  it('een opmerking wordt een taak in mijn taken, en na het antwoord leest de cliënt het antwoord', async () => {
    const sent = await me.post('/v1/mijn-onderdak/berichten', {
      soort: 'opmerking',
      tekst: 'Kan mijn afspraak later op de dag?',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.antwoord).toBeNull();

    const tasks = await t.get('/v1/mijn-taken');
    const task = tasks.body.resultaten.find(
      (x: Json) => x.soort === 'opmerking' && x.clientId === anna.clientId && /later op de dag/.test(x.omschrijving),
    );
    expect(task).toBeDefined();

    const list = await t.get(`/v1/clienten/${anna.clientId}/clientberichten`);
    expect(list.status).toBe(200);
    expect(list.body.open).toBe(1);
    const msg = list.body.resultaten[0];
    expect(msg.mogelijkheden.beantwoorden).toBe(true);
    const answered = await t.post(`/v1/clientberichten/${msg.id}/antwoorden`, { tekst: 'Ja, om 14:00 kan ook.' });
    expect(answered.status).toBe(201);
    expect(answered.body.mogelijkheden.beantwoorden).toBe(false);

    const after = await t.get('/v1/mijn-taken');
    expect(
      after.body.resultaten.some((x: Json) => x.clientId === anna.clientId && /later op de dag/.test(x.omschrijving)),
    ).toBe(false);
    const view = (await me.get('/v1/mijn-onderdak')).body;
    expect(view.berichten[0]).toMatchObject({
      tekst: 'Kan mijn afspraak later op de dag?',
      antwoord: { tekst: 'Ja, om 14:00 kan ook.', door: 'toegang' },
    });
    // a second answer is refused
    expect((await t.post(`/v1/clientberichten/${msg.id}/antwoorden`, { tekst: 'Nog eens' })).status).toBe(409);
  });

  it('een verzoek om correctie wordt een correctietaak voor de trajecthouder, met wat er niet klopt', async () => {
    const sent = await me.post('/v1/mijn-onderdak/berichten', {
      soort: 'correctie',
      onderwerp: 'telefoon',
      tekst: 'Mijn nummer is nu 0612345678.',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.onderwerp).toBe('Mijn telefoonnummer');
    const tasks = await t.get('/v1/mijn-taken');
    const task = tasks.body.resultaten.find((x: Json) => x.soort === 'correctieverzoek');
    expect(task).toMatchObject({ clientId: anna.clientId });
    expect(task.omschrijving).toContain('Mijn telefoonnummer');
  });

  it('een correctie zonder onderwerp en een leeg bericht geven alle fouten tegelijk', async () => {
    const r = await me.post('/v1/mijn-onderdak/berichten', { soort: 'correctie', tekst: '  ' });
    expect(r.status).toBe(400);
    const names = r.body.invalidParams.map((p: Json) => p.name).sort();
    expect(names).toEqual(['onderwerp', 'tekst']);
  });

  it('een bericht van een ander dossier is voor een locatiemedewerker van elders niet te vinden (404)', async () => {
    const bobMsg = await bobLogin.post('/v1/mijn-onderdak/berichten', { soort: 'opmerking', tekst: 'Hallo' });
    expect(bobMsg.status).toBe(201);
    const list = await t.get(`/v1/clienten/${bob.clientId}/clientberichten`);
    const id = list.body.resultaten[0].id;
    // loc works at Anna's facility, Bob sleeps elsewhere
    expect((await loc.post(`/v1/clientberichten/${id}/antwoorden`, { tekst: 'x' })).status).toBe(404);
    expect((await loc.get(`/v1/clienten/${bob.clientId}/clientberichten`)).status).toBe(404);
  });
});
