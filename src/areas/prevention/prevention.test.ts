import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { anExitedClient, loginAs, seedFixture } from '../../test/fixtures.js';
import { publishableValues } from '../reporting/protection.js';

let database: Database;
let app: ReturnType<typeof createApp>;
const NOW = new Date('2026-11-23T10:00:00Z');
type T = Awaited<ReturnType<typeof loginAs>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  app = createApp({ database, now: () => NOW });
});
afterAll(() => database.close());

const HEADER =
  'bron;bronnaam;referentie;datum;voornaam;achternaam;geboortedatum;bsn;postcode;huisnummer;bedrag;maanden';
const GOOD1 = 'corporatie;Trivire;T-100;2026-11-01;Anna;Smit;1985-04-02;;3311 AB;12;1.250,00;3';
const BAD = 'energie;Eneco;E-7;2026-11-05;Piet;Bos;;123456789;33AB;4;abc;1';
const GOOD2 = 'water;Evides;W-55;2026-11-10;Kees;de Boer;;;3312CD;8;95,40;2';

async function admitAndExit(
  t: T,
  p: { voornaam: string; bsn?: string; reg: string; exit: string; bestemming: string },
) {
  const x = await anExitedClient(t, {
    voornaam: p.voornaam,
    achternaam: 'Terug',
    geboortedatum: '1979-02-03',
    bsn: p.bsn,
    admittedOn: p.reg,
    exitOn: p.exit,
    bestemming: p.bestemming,
  });
  return { clientId: x.clientId, trajectId: x.trajectoryId };
}

describe('vroegsignalering: CSV-upload met voorvertoning en verwerking', () => {
  it('toont fouten per regel, slaat alleen de goede regels op en dupliceert niets bij opnieuw uploaden', async () => {
    const t = await loginAs(app, 'toegang');
    const csv = [HEADER, GOOD1, BAD, GOOD2].join('\n');
    const prev = await t.post('/v1/signaalbestanden', { bestandsnaam: 'signalen-nov.csv', inhoud: csv });
    expect(prev.status).toBe(201);
    expect(prev.body).toMatchObject({
      aantalRijen: 3,
      aantalGeldig: 2,
      aantalFout: 1,
      aantalAlOntvangen: 0,
      mogelijkheden: { verwerken: true },
    });
    const bad = prev.body.rijen.find((r: { rij: number }) => r.rij === 3);
    expect(bad.status).toBe('fout');
    expect(bad.fouten.map((f: { veld: string }) => f.veld)).toEqual(['bsn', 'postcode', 'bedragAchterstand']);
    // preview stores no signals yet
    expect((await t.get('/v1/preventiezaken')).body.resultaten).toHaveLength(0);

    const done = await t.post(`/v1/signaalbestanden/${prev.body.id}/verwerkingen`, {});
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ aantalOpgeslagen: 2, aantalAlOntvangen: 0 });
    expect(done.body.opgeslagen.map((r: { rij: number }) => r.rij)).toEqual([2, 4]);
    expect(done.body.afgewezen).toHaveLength(1);
    expect(done.body.afgewezen[0].rij).toBe(3);
    expect(done.body.afgewezen[0].fouten[0].reden).toContain('elfproef');

    const list = await t.get('/v1/preventiezaken');
    expect(list.body.resultaten.map((z: { naam: string }) => z.naam)).toEqual(['Anna Smit', 'Kees de Boer']); // oldest first
    expect(list.body.resultaten[0]).toMatchObject({
      status: 'nieuw',
      adres: '3311AB 12',
      dagenOud: 22,
      termijnVerlopen: true,
      signaal: { bedragAchterstand: 1250, maandenAchterstand: 3 },
    });
    const byAmount = await t.get('/v1/preventiezaken?sorteer=bedrag');
    expect(byAmount.body.resultaten[0].naam).toBe('Anna Smit');

    expect((await t.post(`/v1/signaalbestanden/${prev.body.id}/verwerkingen`, {})).status).toBe(409);

    const again = await t.post('/v1/signaalbestanden', {
      bestandsnaam: 'signalen-nov-2.csv',
      inhoud: [HEADER, GOOD2, GOOD1].join('\r\n'),
    });
    expect(again.body).toMatchObject({ aantalGeldig: 0, aantalAlOntvangen: 2 });
    const again2 = await t.post(`/v1/signaalbestanden/${again.body.id}/verwerkingen`, {});
    expect(again2.body).toMatchObject({ aantalOpgeslagen: 0, aantalAlOntvangen: 2 });
    expect((await t.get('/v1/preventiezaken')).body.resultaten).toHaveLength(2);
    const count = await database.db
      .selectFrom('early_signals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('weigert een bestand als tekst (415) en toont ontbrekende kolommen', async () => {
    const t = await loginAs(app, 'toegang');
    const raw = await app.request('/v1/signaalbestanden', {
      method: 'POST',
      headers: { cookie: t.cookie, 'x-csrf-token': t.csrfToken, 'content-type': 'text/csv' },
      body: HEADER,
    });
    expect(raw.status).toBe(415);
    const r = await t.post('/v1/signaalbestanden', { bestandsnaam: 'x.csv', inhoud: 'naam;bedrag\nJan;5' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ aantalRijen: 0, mogelijkheden: { verwerken: false } });
    expect(r.body.bestandsfouten[0]).toContain('Kolommen ontbreken');
  });
});

describe('preventiezaak: stappen en statusovergangen', () => {
  it('legt een signaal vast, volgt de stappen en weigert ongeldige overgangen met 409', async () => {
    const t = await loginAs(app, 'toegang');
    const body = {
      bron: 'verhuurder',
      bronNaam: 'Verhuur BV',
      referentie: 'V-1',
      datum: '2026-11-16',
      voornaam: 'Mo',
      achternaam: 'Yilmaz',
      bsn: '123456782',
      postcode: '3311AB',
      huisnummer: '7',
      bedragAchterstand: 640,
      maandenAchterstand: 2,
    };
    const s = await t.post('/v1/signalen', body);
    expect(s.status).toBe(201);
    expect((await t.post('/v1/signalen', body)).status).toBe(409);
    const invalid = await t.post('/v1/signalen', { ...body, referentie: 'V-2', bsn: '123456789', postcode: '3311 A' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['bsn', 'postcode']);

    const path = `/v1/preventiezaken/${s.body.zaakId}`;
    expect(
      (await t.post(`${path}/stappen`, { soort: 'uitkomst', datum: '2026-11-17', uitkomst: 'opgelost' })).status,
    ).toBe(409);
    const step1 = await t.post(`${path}/stappen`, {
      soort: 'contactpoging',
      datum: '2026-11-17',
      bereikt: false,
      toelichting: 'Brief gestuurd',
    });
    expect(step1.status).toBe(201);
    expect(step1.body).toMatchObject({
      status: 'benaderd',
      eersteActie: null,
      mogelijkheden: { uitkomsten: ['huisuitzetting', 'geen-contact'] },
    });
    const refused = await t.post(`${path}/stappen`, {
      soort: 'uitkomst',
      datum: '2026-11-18',
      uitkomst: 'huisuitzetting-voorkomen',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('contact');
    expect((await t.post(`${path}/stappen`, { soort: 'huisbezoek', datum: '2026-11-10', bereikt: true })).status).toBe(
      400,
    ); // before the signal
    const visit = await t.post(`${path}/stappen`, { soort: 'huisbezoek', datum: '2026-11-20', bereikt: true });
    expect(visit.body).toMatchObject({ status: 'in-contact', eersteActie: '2026-11-20', binnenTermijn: true });
    const end = await t.post(`${path}/stappen`, {
      soort: 'uitkomst',
      datum: '2026-11-21',
      uitkomst: 'huisuitzetting-voorkomen',
    });
    expect(end.body).toMatchObject({
      status: 'afgesloten',
      uitkomst: 'huisuitzetting-voorkomen',
      mogelijkheden: { contactpoging: false, afsluiten: false },
    });
    expect(end.body.stappen.map((x: { soort: string }) => x.soort)).toEqual([
      'contactpoging',
      'huisbezoek',
      'uitkomst',
    ]);
    expect(
      (await t.post(`${path}/stappen`, { soort: 'contactpoging', datum: '2026-11-22', bereikt: true })).status,
    ).toBe(409);
    expect(
      (await t.get('/v1/preventiezaken?status=afgesloten')).body.resultaten.map((z: { id: string }) => z.id),
    ).toContain(s.body.zaakId);
  });

  it('laat alleen de toegang van de eigen centrumgemeente signalen zien en logt elke inzage', async () => {
    const t = await loginAs(app, 'toegang');
    const z = (await t.get('/v1/preventiezaken')).body.resultaten[0];
    for (const user of ['beleid', 'locatie', 'corporatie', 'beheer']) {
      const u = await loginAs(app, user);
      expect((await u.get('/v1/preventiezaken')).status, user).toBe(403);
      expect((await u.get(`/v1/preventiezaken/${z.id}`)).status, user).toBe(403);
    }
    const other = await loginAs(app, 'almere.toegang');
    expect((await other.get(`/v1/preventiezaken/${z.id}`)).status).toBe(404);
    expect((await other.get('/v1/preventiezaken')).body.resultaten).toHaveLength(0);
    await t.get(`/v1/preventiezaken/${z.id}`);
    const log = await database.db
      .selectFrom('audit_log')
      .select(['action', 'resource', 'username', 'detail'])
      .where('resource', '=', 'preventiezaak')
      .where('detail', '=', z.id)
      .execute();
    expect(log).toContainEqual({ action: 'lezen', resource: 'preventiezaak', username: 'toegang', detail: z.id });
  });

  it('rapporteert huisuitzettingen en het aandeel binnen 2 weken opgepakt; voor beleid nooit een 1 of 2 en geen aandeel onder de drempel', async () => {
    const t = await loginAs(app, 'toegang');
    // Signals so far (2026): T-100 (11-01, no action, 22 days old → due, not handled), W-55 (11-10, 13 days old, not due yet),
    // V-1 (11-16, home visit 11-20 → handled within 14 days). Add one eviction (handled late) and one fresh one.
    const base = {
      bronNaam: 'Trivire',
      voornaam: 'X',
      achternaam: 'Y',
      postcode: '3311AB',
      huisnummer: '1',
      bedragAchterstand: 2000,
      maandenAchterstand: 5,
    };
    const ev = await t.post('/v1/signalen', { ...base, bron: 'corporatie', referentie: 'T-200', datum: '2026-09-01' });
    await t.post(`/v1/preventiezaken/${ev.body.zaakId}/stappen`, {
      soort: 'contactpoging',
      datum: '2026-09-20',
      bereikt: true,
    });
    await t.post(`/v1/preventiezaken/${ev.body.zaakId}/stappen`, {
      soort: 'uitkomst',
      datum: '2026-10-15',
      uitkomst: 'huisuitzetting',
    });
    const f = await t.get('/v1/rapportages/preventie?jaar=2026');
    expect(f.status).toBe(200);
    expect(f.body.signalen).toEqual({ aantal: 4 });
    expect(f.body.huisuitzettingen).toEqual({ aantal: 1, doel: 0 });
    expect(f.body.binnen2Weken).toMatchObject({ noemer: 3, teller: 1, aandeel: 1 / 3 }); // T-100 late, T-200 late (19 days), V-1 in time
    expect(f.body.signalenPerBron.find((b: { bron: string }) => b.bron === 'corporatie')).toMatchObject({ aantal: 2 });
    const beleid = await loginAs(app, 'beleid');
    const fb = await beleid.get('/v1/rapportages/preventie?jaar=2026');
    expect([0, 3]).toContain(fb.body.huisuitzettingen.aantal); // one eviction: published 0 or 3, never 1
    expect(publishableValues(4)).toContain(fb.body.signalen.aantal);
    expect(fb.body.binnen2Weken.aandeel).toBeNull(); // denominator 3: below the minimum
    expect((await (await loginAs(app, 'locatie')).get('/v1/rapportages/preventie?jaar=2026')).status).toBe(403);
  });
});

describe('nazorg (waakvlam), budgetbeheer, voorgeschiedenis en terugval', () => {
  it('maakt bij uitstroom naar wonen automatisch een nazorgplan, met gemiste contacten en alarmsignalen', async () => {
    const t = await loginAs(app, 'toegang');
    const x = await admitAndExit(t, {
      voornaam: 'Wim',
      bsn: '111222333',
      reg: '2026-05-01',
      exit: '2026-06-15',
      bestemming: 'huur-corporatie',
    });
    // The exit made the plan (waakvlam after every exit to housing): no candidate left, a second plan is refused.
    const cand = await t.get('/v1/nazorgkandidaten');
    expect(cand.body.resultaten.map((r: { trajectId: string }) => r.trajectId)).not.toContain(x.trajectId);
    const auto = (await t.get('/v1/nazorgplannen')).body.resultaten.find(
      (r: { naam: string }) => r.naam === 'Wim Terug',
    );
    expect(auto).toMatchObject({ toeTeWijzen: true, verantwoordelijke: { toegewezen: false } });
    const plan = await t.patch(`/v1/nazorgplannen/${auto.id}`, {
      verantwoordelijkeSoort: 'wijkteam',
      verantwoordelijkeNaam: 'Wijkteam Crabbehof',
      postcode: '3317 AB',
      huisnummer: '21',
    });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({
      trajectId: x.trajectId,
      toeTeWijzen: false,
      verantwoordelijke: { soort: 'wijkteam', naam: 'Wijkteam Crabbehof' },
      adres: { postcode: '3317AB', huisnummer: '21' },
    });
    expect(plan.body.contacten.map((c: { gepland: string; status: string }) => [c.gepland, c.status])).toEqual([
      ['2026-07-15', 'gemist'],
      ['2026-09-15', 'gemist'],
      ['2026-12-15', 'gepland'],
      ['2027-06-15', 'gepland'],
    ]);
    expect(plan.body.alarmen.filter((a: { soort: string }) => a.soort === 'gemist-contact')).toHaveLength(2);
    expect(
      (
        await t.post('/v1/nazorgplannen', {
          trajectId: x.trajectId,
          verantwoordelijkeSoort: 'fact',
          verantwoordelijkeNaam: 'FACT',
        })
      ).status,
    ).toBe(409);
    expect(
      (await t.get('/v1/nazorgkandidaten')).body.resultaten.map((r: { trajectId: string }) => r.trajectId),
    ).not.toContain(x.trajectId);

    const first = plan.body.contacten[0].id;
    const c1 = await t.post(`/v1/nazorgplannen/${plan.body.id}/contacten`, {
      datum: '2026-07-20',
      bereikt: true,
      geplandContactId: first,
      notitie: 'Gaat goed',
    });
    expect(c1.status).toBe(201);
    expect(c1.body.alarmen.filter((a: { soort: string }) => a.soort === 'gemist-contact')).toHaveLength(1);
    expect(
      (
        await t.post(`/v1/nazorgplannen/${plan.body.id}/contacten`, {
          datum: '2026-07-21',
          bereikt: true,
          geplandContactId: first,
        })
      ).status,
    ).toBe(409);

    // A new arrears signal on the new address → alarm on the plan
    await t.post('/v1/signalen', {
      bron: 'energie',
      bronNaam: 'Eneco',
      referentie: 'E-900',
      datum: '2026-11-02',
      voornaam: 'Onbekend',
      achternaam: 'Bewoner',
      postcode: '3317AB',
      huisnummer: '21',
      bedragAchterstand: 310,
      maandenAchterstand: 2,
    });
    const list = await t.get('/v1/nazorgplannen');
    const row = list.body.resultaten.find((r: { id: string }) => r.id === plan.body.id);
    expect(row.alarmen.map((a: { soort: string }) => a.soort).sort()).toEqual(['gemist-contact', 'nieuw-signaal']);
    expect(row.volgendContact).toMatchObject({ gepland: '2026-09-15', overTijd: true });

    // not to housing → no plan
    const y = await admitAndExit(t, {
      voornaam: 'Els',
      reg: '2026-05-01',
      exit: '2026-06-01',
      bestemming: 'tussenvoorziening',
    });
    expect(
      (
        await t.post('/v1/nazorgplannen', {
          trajectId: y.trajectId,
          verantwoordelijkeSoort: 'wijkteam',
          verantwoordelijkeNaam: 'W',
        })
      ).status,
    ).toBe(409);

    // budgetbeheer: 1–3 years, phases
    const tooLong = await t.post('/v1/budgetbeheertrajecten', {
      clientId: x.clientId,
      uitvoerder: 'Sociale Dienst Drechtsteden',
      start: '2026-07-01',
      afbouwVanaf: '2028-01-01',
      eind: '2030-07-01',
    });
    expect(tooLong.status).toBe(400);
    const b = await t.post('/v1/budgetbeheertrajecten', {
      clientId: x.clientId,
      nazorgplanId: plan.body.id,
      uitvoerder: 'Sociale Dienst Drechtsteden',
      start: '2026-07-01',
      afbouwVanaf: '2027-07-01',
      eind: '2028-07-01',
    });
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ fase: 'opbouw', duurMaanden: 24 });
    expect(
      (
        await t.post('/v1/budgetbeheertrajecten', {
          clientId: x.clientId,
          uitvoerder: 'X',
          start: '2027-01-01',
          afbouwVanaf: '2027-06-01',
          eind: '2028-01-01',
        })
      ).status,
    ).toBe(409);

    const closed = await t.post(`/v1/nazorgplannen/${plan.body.id}/afsluitingen`, {
      datum: '2026-11-20',
      reden: 'Stabiel',
    });
    expect(closed.body).toMatchObject({ status: 'afgesloten', mogelijkheden: { contactRegistreren: false } });
    expect(
      (await t.post(`/v1/nazorgplannen/${plan.body.id}/contacten`, { datum: '2026-11-21', bereikt: true })).status,
    ).toBe(409);
    const twice = await t.post(`/v1/nazorgplannen/${plan.body.id}/afsluitingen`, {
      datum: '2026-11-21',
      reden: 'Nog eens',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe('Dit nazorgplan is al afgesloten.');
    expect((await (await loginAs(app, 'beleid')).get('/v1/nazorgplannen')).status).toBe(403);
  });

  it('toont bij een nieuwe aanmelding dat de persoon eerder bekend was en terugkeert na wonen; telt terugval', async () => {
    const t = await loginAs(app, 'toegang');
    const x = await admitAndExit(t, {
      voornaam: 'Ria',
      reg: '2026-03-01',
      exit: '2026-04-01',
      bestemming: 'housing-first',
    });
    const before = await t.get(`/v1/clienten/${x.clientId}/voorgeschiedenis`);
    expect(before.body).toMatchObject({ eerderBekend: false, terugkeerNaWonen: null });
    const reg = await t.post('/v1/aanmeldingen', { clientId: x.clientId, datum: '2026-10-18', bron: 'veldwerk' });
    expect(reg.status).toBe(201);
    const h = await t.get(`/v1/clienten/${x.clientId}/voorgeschiedenis`);
    expect(h.body.eerderBekend).toBe(true);
    expect(h.body.terugkeerNaWonen).toMatchObject({
      soort: 'aanmelding',
      datum: '2026-10-18',
      uitstroomDatum: '2026-04-01',
      dagenNaUitstroom: 200,
      bestemmingLabel: 'Housing First',
    });
    expect(h.body.aanmeldingen.map((a: { datum: string; terugkeer: boolean }) => [a.datum, a.terugkeer])).toEqual([
      ['2026-03-01', false],
      ['2026-10-18', true],
    ]);
    expect(h.body.samenvatting).toMatch(/^Eerder bekend: 1 eerdere aanmelding/);
    expect((await (await loginAs(app, 'beleid')).get(`/v1/clienten/${x.clientId}/voorgeschiedenis`)).status).toBe(403);

    // Exits to housing in 2026 so far: Wim (06-15, no return), Ria (04-01, return after 200 days). Els went to a tussenvoorziening.
    const r = await t.get('/v1/rapportages/terugval?van=2026-01-01&tot=2027-01-01&peildatum=2028-12-31');
    expect(r.status).toBe(200);
    expect(r.body.totaal.uitstromen).toBe(2);
    expect(r.body.totaal.binnen6Maanden).toMatchObject({ noemer: 2, teruggekeerd: 0 });
    expect(r.body.totaal.binnen12Maanden).toMatchObject({ noemer: 2, teruggekeerd: 1, aandeel: 0.5 });
    expect(r.body.perBestemming.find((p: { type: string }) => p.type === 'housing-first')).toMatchObject({
      uitstromen: 1,
      binnen12Maanden: { teruggekeerd: 1 },
    });
    const today = await t.get('/v1/rapportages/terugval?van=2026-01-01&tot=2027-01-01');
    expect(today.body.totaal.binnen6Maanden).toMatchObject({ noemer: 1, nogNietVolledig: 1 }); // Wim's 180 days are not over on 2026-11-23
    const asBeleid = await loginAs(app, 'beleid');
    const beleid = await asBeleid.get('/v1/rapportages/terugval?van=2026-01-01&tot=2027-01-01&peildatum=2029-01-01');
    expect(publishableValues(2)).toContain(beleid.body.totaal.uitstromen); // 0, 3 or 4, never the true 2
    expect(beleid.body.totaal.binnen12Maanden.aandeel).toBeNull();
    expect([0, 3]).toContain(beleid.body.totaal.binnen12Maanden.teruggekeerd);
    // fixed peildata for beleid: a free date would difference the windows day by day
    expect(
      (await asBeleid.get('/v1/rapportages/terugval?van=2026-01-01&tot=2027-01-01&peildatum=2028-12-31')).status,
    ).toBe(400);
  });
});
