import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, aPlacedClient, type Json, loginAs, seedFixture } from '../../test/fixtures.js';

// Issue 12 deel A — daily casework against the real app and database (PGlite, and PostgreSQL with DATABASE_URL).
let database: Database;
let fx: Awaited<ReturnType<typeof seedFixture>>;
const NOW = new Date('2026-12-02T09:00:00Z'); // Wednesday 2 December 2026, 10:00 in the Netherlands
const NEXT_DAY = new Date('2026-12-03T10:00:00Z'); // 25 hours later
let app: ReturnType<typeof createApp>;
let nextDay: ReturnType<typeof createApp>;
let t: ApiClient; // toegang, trajecthouder of every client admitted below
let loc: ApiClient; // locatie at the facility of room1
let loc2: ApiClient; // locatie at the other facility
let me: ApiClient; // client Anna
let anna: { clientId: string; trajectoryId: string };
let bob: { clientId: string; trajectoryId: string };

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const auditOf = (clientId: string, resource: string) =>
  database.db
    .selectFrom('audit_log')
    .select(['username', 'action', 'detail'])
    .where('client_id', '=', clientId)
    .where('resource', '=', resource)
    .orderBy('id')
    .execute();

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => NOW });
  nextDay = createApp({ database, now: () => NEXT_DAY });
  t = await loginAs(app, 'toegang');
  anna = await aPlacedClient(t, { voornaam: 'Anna', admittedOn: '2026-09-01', unit: fx.room1, placedOn: '2026-09-01' });
  bob = await aPlacedClient(t, {
    voornaam: 'Bob',
    admittedOn: '2026-11-30',
    unit: fx.otherRoom,
    placedOn: '2026-11-30',
  });
  const hash = await database.db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'toegang')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('users')
    .values([
      {
        tenant_id: 'dordrecht',
        username: 'client.anna',
        display_name: 'Anna Test',
        role: 'client',
        password_hash: hash.password_hash,
        facility_id: null,
        client_id: anna.clientId,
      },
      {
        tenant_id: 'dordrecht',
        username: 'toegang2',
        display_name: 'Collega Twee',
        role: 'toegang',
        password_hash: hash.password_hash,
        facility_id: null,
        client_id: null,
      },
    ])
    .execute();
  loc = await loginAs(app, 'locatie');
  loc2 = await loginAs(app, 'locatie2');
  me = await loginAs(app, 'client.anna');
});
afterAll(() => database.close());

describe('rapportage (journaal)', () => {
  let shared: Json;
  let internal: Json;
  let byLocation: Json;

  beforeAll(async () => {
    shared = (
      await t.post(`/v1/clienten/${anna.clientId}/journaalberichten`, {
        tijdstip: '2026-12-01T14:30:00+01:00',
        soort: 'contact',
        tekst: 'Gesprek over woningzoeken gehad.',
        gedeeldMetClient: true,
      })
    ).body;
    internal = (
      await t.post(`/v1/clienten/${anna.clientId}/journaalberichten`, {
        soort: 'observatie',
        tekst: 'Lijkt onrustig, vaker navragen.',
      })
    ).body;
    byLocation = (
      await loc.post(`/v1/clienten/${anna.clientId}/journaalberichten`, {
        soort: 'incident',
        tekst: 'Ruzie op de gang, opgelost.',
      })
    ).body;
  });

  it('een rapportage heeft datum en tijd, schrijver en soort', () => {
    expect(shared).toMatchObject({
      tijdstip: '2026-12-01T13:30:00.000Z',
      soort: 'contact',
      soortLabel: 'Contact',
      auteur: 'toegang',
      auteurRol: 'toegang',
      gedeeldMetClient: true,
      gecorrigeerd: false,
      mogelijkheden: { corrigeren: true },
    });
    expect(internal.tijdstip).toBe(NOW.toISOString());
    expect(byLocation.locatie).toBe('Crisisopvang Test');
  });

  it('de cliënt leest alleen gedeelde rapportages; de locatie alleen die van de eigen locatie; toegang alles', async () => {
    const own = await me.get(`/v1/clienten/${anna.clientId}/journaalberichten`);
    expect(own.status).toBe(200);
    expect(own.body.resultaten.map((r: Json) => r.id)).toEqual([shared.id]);
    expect(own.body.mogelijkheden.schrijven).toBe(false);
    const atLocation = await loc.get(`/v1/clienten/${anna.clientId}/journaalberichten`);
    expect(atLocation.body.resultaten.map((r: Json) => r.id)).toEqual([byLocation.id]);
    const all = await t.get(`/v1/clienten/${anna.clientId}/journaalberichten`);
    expect(all.body.resultaten.map((r: Json) => r.id)).toEqual([byLocation.id, internal.id, shared.id]);
    // another location does not see the client at all; another tenant neither; beleid has no person access
    expect((await loc2.get(`/v1/clienten/${anna.clientId}/journaalberichten`)).status).toBe(404);
    expect(
      (await (await loginAs(app, 'almere.toegang')).get(`/v1/clienten/${anna.clientId}/journaalberichten`)).status,
    ).toBe(404);
    expect((await (await loginAs(app, 'beleid')).get(`/v1/clienten/${anna.clientId}/journaalberichten`)).status).toBe(
      403,
    );
    expect(
      (await me.post(`/v1/clienten/${anna.clientId}/journaalberichten`, { soort: 'contact', tekst: 'x' })).status,
    ).toBe(403);
  });

  it('filteren op soort en periode en zoeken in de tekst', async () => {
    const q = (s: string) => t.get(`/v1/clienten/${anna.clientId}/journaalberichten?${s}`);
    expect((await q('soort=incident')).body.resultaten.map((r: Json) => r.id)).toEqual([byLocation.id]);
    expect((await q('zoek=WONING')).body.resultaten.map((r: Json) => r.id)).toEqual([shared.id]);
    expect((await q('van=2026-12-02')).body.resultaten).toHaveLength(2);
    expect((await q('tot=2026-12-01')).body.resultaten.map((r: Json) => r.id)).toEqual([shared.id]);
    const bad = await q('soort=roddel');
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: Json) => p.name)).toEqual(['soort']);
  });

  it('invoer wordt in één keer gecontroleerd: soort, tekst en tijdstip in de toekomst', async () => {
    const r = await t.post(`/v1/clienten/${anna.clientId}/journaalberichten`, {
      soort: 'roddel',
      tekst: '  ',
      tijdstip: '2026-12-05T10:00:00Z',
    });
    expect(r.status).toBe(400);
    expect(r.body.invalidParams.map((p: Json) => p.name).sort()).toEqual(['soort', 'tekst', 'tijdstip']);
  });

  it('een correctie binnen een dag bewaart het origineel; alleen de schrijver corrigeert; daarna 409', async () => {
    const c = await t.post(`/v1/journaalberichten/${internal.id}/correcties`, {
      tekst: 'Lijkt onrustig; morgen bellen.',
    });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({
      tekst: 'Lijkt onrustig; morgen bellen.',
      soort: 'observatie',
      gecorrigeerd: true,
      eerdereVersies: [{ tekst: 'Lijkt onrustig, vaker navragen.', soort: 'observatie' }],
    });
    const original = await database.db
      .selectFrom('journal_entries')
      .selectAll()
      .where('id', '=', internal.id)
      .executeTakeFirstOrThrow();
    expect(original.body).toBe('Lijkt onrustig, vaker navragen.');
    expect(original.superseded_by).toBe(c.body.id);
    // the list shows the current version once
    const all = await t.get(`/v1/clienten/${anna.clientId}/journaalberichten`);
    expect(all.body.resultaten.map((r: Json) => r.tekst)).toContain('Lijkt onrustig; morgen bellen.');
    expect(all.body.resultaten.map((r: Json) => r.tekst)).not.toContain('Lijkt onrustig, vaker navragen.');
    // the superseded version cannot be corrected again
    expect((await t.post(`/v1/journaalberichten/${internal.id}/correcties`, { tekst: 'x' })).status).toBe(409);
    // not the author: 403
    const t2 = await loginAs(app, 'toegang2');
    expect((await t2.post(`/v1/journaalberichten/${shared.id}/correcties`, { tekst: 'x' })).status).toBe(403);
    // another facility's entry is not found for a locatiemedewerker
    expect((await loc.post(`/v1/journaalberichten/${shared.id}/correcties`, { tekst: 'x' })).status).toBe(404);
    // after 24 hours: 409, and the list no longer offers it
    const late = await loginAs(nextDay, 'toegang');
    const r = await late.post(`/v1/journaalberichten/${c.body.id}/correcties`, { tekst: 'te laat' });
    expect(r.status).toBe(409);
    const list = await late.get(`/v1/clienten/${anna.clientId}/journaalberichten`);
    expect(list.body.resultaten.every((x: Json) => x.mogelijkheden.corrigeren === false)).toBe(true);
    const log = await auditOf(anna.clientId, 'rapportage');
    expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(['aanmaken', 'lezen', 'wijzigen']));
  });
});

describe('afspraken', () => {
  it('een afspraak heeft datum, tijd, met wie en waar; de cliënt ziet de eigen komende afspraken', async () => {
    const a = await t.post(`/v1/clienten/${anna.clientId}/afspraken`, {
      datum: '2026-12-04',
      tijd: '14:30',
      metWie: 'Schuldhulp, mevrouw De Vries',
      waar: 'Stadskantoor',
      onderwerp: 'Aanmelden schuldhulp',
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ datum: '2026-12-04', tijd: '14:30', geannuleerd: false, voorbij: false });
    const own = await me.get(`/v1/clienten/${anna.clientId}/afspraken`);
    expect(own.status).toBe(200);
    expect(own.body.resultaten.map((r: Json) => r.metWie)).toEqual(['Schuldhulp, mevrouw De Vries']);
    expect(own.body.mogelijkheden.toevoegen).toBe(false);
    const bad = await t.post(`/v1/clienten/${anna.clientId}/afspraken`, {
      datum: '2026-11-01',
      tijd: '25:00',
      metWie: '',
      waar: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: Json) => p.name).sort()).toEqual(['datum', 'metWie', 'tijd', 'waar']);
  });

  it('annuleren haalt de afspraak van de lijst van komende afspraken in de samenvatting', async () => {
    const a = await t.post(`/v1/clienten/${bob.clientId}/afspraken`, {
      datum: '2026-12-03',
      tijd: '09:00',
      metWie: 'Huisarts',
      waar: 'Gezondheidscentrum',
    });
    expect((await t.get(`/v1/clienten/${bob.clientId}/samenvatting`)).body.volgendeAfspraak).toMatchObject({
      datum: '2026-12-03',
      tijd: '09:00',
    });
    const c = await t.post(`/v1/afspraken/${a.body.id}/annuleringen`, { reden: 'Gaat niet door' });
    expect(c.status).toBe(201);
    expect(c.body.geannuleerd).toBe(true);
    expect((await t.post(`/v1/afspraken/${a.body.id}/annuleringen`, { reden: 'Nog eens' })).status).toBe(409);
    expect((await t.get(`/v1/clienten/${bob.clientId}/samenvatting`)).body.volgendeAfspraak).toBeNull();
  });
});

describe('documenten', () => {
  it('PDF en PNG worden herkend aan de inhoud; download als bijlage met nosniff en een regel in het inzagelog', async () => {
    const up = await t.post(`/v1/clienten/${anna.clientId}/documenten`, {
      bestandsnaam: 'C:\\fakepath\\identiteitsbewijs.png',
      omschrijving: 'Kopie ID',
      inhoud: PNG.toString('base64'),
    });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      bestandsnaam: 'identiteitsbewijs.png',
      mediatype: 'image/png',
      grootte: PNG.length,
    });
    const pdf = await t.post(`/v1/clienten/${anna.clientId}/documenten`, {
      bestandsnaam: 'beschikking.pdf',
      inhoud: PDF.toString('base64'),
    });
    expect(pdf.body.mediatype).toBe('application/pdf');
    const list = await loc.get(`/v1/clienten/${anna.clientId}/documenten`);
    expect(list.body.resultaten.map((d: Json) => d.bestandsnaam)).toEqual(['beschikking.pdf', 'identiteitsbewijs.png']);
    const res = await app.request(`/v1/documenten/${up.body.id}/inhoud`, { headers: { cookie: t.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="identiteitsbewijs.png"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    await app.request(`/v1/documenten/${up.body.id}/inhoud`, { headers: { cookie: t.cookie } });
    const downloads = (await auditOf(anna.clientId, 'document')).filter((l) => l.detail?.startsWith('download'));
    expect(downloads).toHaveLength(2);
  });

  it('een ander bestand met een PDF-naam wordt geweigerd, net als een te groot bestand', async () => {
    const html = await t.post(`/v1/clienten/${anna.clientId}/documenten`, {
      bestandsnaam: 'brief.pdf',
      inhoud: Buffer.from('<html><script>alert(1)</script></html>').toString('base64'),
    });
    expect(html.status).toBe(400);
    expect(html.body.invalidParams[0]).toMatchObject({ name: 'inhoud', code: 'mediaType' });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    PDF.copy(big);
    const tooBig = await t.post(`/v1/clienten/${anna.clientId}/documenten`, {
      bestandsnaam: 'groot.pdf',
      inhoud: big.toString('base64'),
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.invalidParams[0]).toMatchObject({ name: 'inhoud', code: 'maxSize' });
  });

  it('documenten van een cliënt elders zijn niet te vinden; de cliënt zelf en beleid hebben geen toegang', async () => {
    const list = await t.get(`/v1/clienten/${anna.clientId}/documenten`);
    const id = list.body.resultaten[0].id;
    const get = (who: ApiClient) => app.request(`/v1/documenten/${id}/inhoud`, { headers: { cookie: who.cookie } });
    expect((await get(loc2)).status).toBe(404);
    expect((await get(await loginAs(app, 'almere.toegang'))).status).toBe(404);
    expect((await get(me)).status).toBe(403);
  });
});

describe('caseload, overdracht en mijn taken', () => {
  it('de trajecthouder staat in de samenvatting van het dossier, met status, kamer en dagen tegen de norm', async () => {
    const s = await t.get(`/v1/clienten/${anna.clientId}/samenvatting`);
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({
      status: 'in-opvang',
      locatie: 'Crisisopvang Test',
      eenheid: 'Kamer 01',
      dagenInOpvang: 92,
      doelDagen: 91,
      trajecthouder: { naam: 'toegang' },
      plan: { id: null, status: 'te-laat' },
      openBlokkades: 0,
      volgendeAfspraak: { datum: '2026-12-04', tijd: '14:30' },
      mogelijkheden: { overdragen: true },
    });
    expect((await me.get(`/v1/clienten/${anna.clientId}/samenvatting`)).body.mogelijkheden.overdragen).toBe(false);
  });

  it('mijn taken: plan te laat, 12-wekensignaal boven de norm, plan nog binnen termijn en de komende afspraak', async () => {
    const r = await t.get('/v1/mijn-taken');
    expect(r.status).toBe(200);
    const of = (naam: string) =>
      r.body.resultaten
        .filter((x: Json) => x.naam === naam)
        .map((x: Json) => x.soort)
        .sort();
    expect(of('Anna Test')).toEqual(['afspraak', 'plan', 'signaal']);
    expect(of('Bob Test')).toEqual(['plan']);
    const bobPlan = r.body.resultaten.find((x: Json) => x.naam === 'Bob Test');
    expect(bobPlan).toMatchObject({ datum: '2026-12-05', urgent: false });
    expect(r.body.perSoort.find((s: Json) => s.code === 'plan').aantal).toBe(2);
    // the location sees its own residents' work
    const l = await loc.get('/v1/mijn-taken');
    expect(l.body.resultaten.every((x: Json) => x.naam === 'Anna Test')).toBe(true);
    expect((await me.get('/v1/mijn-taken')).status).toBe(403);
  });

  it('een reactie van de cliënt op het plan en een blokkade waar de trajecthouder aan zet is komen op de lijst', async () => {
    const plan = await t.post(`/v1/trajecten/${anna.trajectoryId}/perspectiefplan`, { opgesteldOp: '2026-12-02' });
    expect(plan.status).toBe(201);
    expect(
      (await me.post(`/v1/perspectiefplannen/${plan.body.id}/opmerkingen`, { tekst: 'Ik wil naar Zwijndrecht.' }))
        .status,
    ).toBe(201);
    expect(
      (
        await t.post(`/v1/trajecten/${anna.trajectoryId}/blokkades`, {
          soort: 'schulden',
          sinds: '2026-11-20',
          volgendeActorOrganisatie: 'trajecthouder',
          volgendeStap: 'Aanmelden bij schuldhulp',
        })
      ).status,
    ).toBe(201);
    const r = await t.get('/v1/mijn-taken');
    const anna_ = r.body.resultaten.filter((x: Json) => x.naam === 'Anna Test');
    expect(anna_.map((x: Json) => x.soort).sort()).toEqual(['afspraak', 'blokkade', 'opmerking', 'signaal']);
    expect(anna_.find((x: Json) => x.soort === 'opmerking').omschrijving).toContain('Ik wil naar Zwijndrecht.');
    // once staff answer, the comment is handled
    await t.post(`/v1/perspectiefplannen/${plan.body.id}/opmerkingen`, { tekst: 'Bespreken we donderdag.' });
    const after = await t.get('/v1/mijn-taken');
    expect(after.body.resultaten.some((x: Json) => x.soort === 'opmerking')).toBe(false);
  });

  it('overdragen aan een collega met een notitie: nieuwe trajecthouder, op de takenlijst van de collega, in het journaal', async () => {
    const team = await t.get('/v1/trajecthouders');
    expect(team.status).toBe(200);
    const colleague = team.body.resultaten.find((u: Json) => u.naam === 'Collega Twee');
    expect(team.body.resultaten.find((u: Json) => u.naam === 'toegang').aantal).toBe(2);
    const h = await t.post(`/v1/trajecten/${bob.trajectoryId}/overdrachten`, {
      naarId: colleague.id,
      notitie: 'Bob belt liever in de ochtend.',
    });
    expect(h.status).toBe(201);
    expect(h.body).toMatchObject({ van: { naam: 'toegang' }, naar: { naam: 'Collega Twee' } });
    expect((await t.post(`/v1/trajecten/${bob.trajectoryId}/overdrachten`, { naarId: colleague.id })).status).toBe(409);
    const bad = await t.post(`/v1/trajecten/${bob.trajectoryId}/overdrachten`, { naarId: 'niemand' });
    expect(bad.status).toBe(400);
    const t2 = await loginAs(app, 'toegang2');
    const mine = await t2.get('/v1/mijn-clienten');
    expect(mine.body.resultaten.map((r: Json) => r.naam)).toEqual(['Bob Test']);
    expect((await t.get('/v1/mijn-clienten')).body.resultaten.map((r: Json) => r.naam)).toEqual(['Anna Test']);
    const tasks = await t2.get('/v1/mijn-taken');
    expect(tasks.body.resultaten.find((x: Json) => x.soort === 'overdracht')).toMatchObject({
      naam: 'Bob Test',
      omschrijving: 'Overgedragen door toegang: Bob belt liever in de ochtend.',
    });
    expect((await t2.get(`/v1/clienten/${bob.clientId}/samenvatting`)).body.trajecthouder.naam).toBe('Collega Twee');
    // the client list shows the trajecthouder too
    const list = await t2.get('/v1/clienten?zoek=Bob');
    expect(list.body.resultaten.map((r: Json) => r.trajecthouder)).toEqual(['Collega Twee']);
    const journal = await t2.get(`/v1/clienten/${bob.clientId}/journaalberichten?soort=overdracht`);
    expect(journal.body.resultaten[0].tekst).toBe(
      'Casus overgedragen aan Collega Twee: Bob belt liever in de ochtend.',
    );
    expect((await auditOf(bob.clientId, 'trajecthouder')).map((l) => l.action)).toEqual(['wijzigen']);
    expect((await loc.post(`/v1/trajecten/${anna.trajectoryId}/overdrachten`, { naarId: colleague.id })).status).toBe(
      403,
    );
  });
});
