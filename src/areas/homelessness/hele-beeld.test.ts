// Issue 20 through the API: the by-name list (veldwerk-only persons included, inactive after N months, back on new
// contact), names for toegang and protected figures for beleid, the monthly flow (inflow − outflow = change in
// active), the turn-away register that links the toegang's refusals instead of copying them, the street count, and
// the data-quality page where fixing a finding makes it disappear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { anAdmittedClient, type Json, loginAs, seedFixture } from '../../test/fixtures.js';

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

const anon = (beschrijving: string, datum: string, extra: Record<string, unknown> = {}) => ({
  datum,
  anoniem: { beschrijving, geschatteLeeftijd: 45 },
  slaapplek: 'buiten',
  breedtegraad: 51.8075,
  lengtegraad: 4.6684,
  plek: 'Station',
  aangeboden: ['nachtopvang'],
  ...extra,
});

describe('de namenlijst', () => {
  it('toont een persoon die alleen uit veldwerk bekend is, met situatie en laatste contact', async () => {
    const t = await loginAs(app, 'toegang');
    const r = await t.post('/v1/veldwerkcontacten', anon('Man, groene jas', '2026-11-20'));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ naam: 'Man, groene jas', slaapplek: 'buiten', clientId: null });
    const list = await t.get('/v1/namenlijst');
    expect(list.status).toBe(200);
    const p = list.body.resultaten.find((x: Json) => x.anoniemId === r.body.anoniemId);
    expect(p).toMatchObject({
      naam: 'Man, groene jas',
      toestand: 'actief',
      situatie: 'buiten',
      laatsteContact: '2026-11-20',
      alleenVeldwerk: true,
      geschatteLeeftijd: 45,
    });
  });

  it('zet iemand na 3 maanden zonder contact op inactief en weer op actief bij nieuw contact', async () => {
    const t = await loginAs(app, 'toegang');
    const first = await t.post('/v1/veldwerkcontacten', anon('Vrouw, blauwe tas', '2026-07-01'));
    const id = first.body.anoniemId;
    const inactive = await t.get('/v1/namenlijst?toestand=inactief');
    expect(inactive.body.resultaten.map((x: Json) => x.anoniemId)).toContain(id);
    expect((await t.get('/v1/namenlijst')).body.resultaten.map((x: Json) => x.anoniemId)).not.toContain(id);
    // the beheerder sets 6 months: then she is active again
    const beheer = await loginAs(app, 'beheer');
    expect((await beheer.put('/v1/namenlijst-instellingen', { inactiefNaMaanden: 6 })).status).toBe(200);
    expect((await t.get('/v1/namenlijst')).body.resultaten.map((x: Json) => x.anoniemId)).toContain(id);
    expect((await beheer.put('/v1/namenlijst-instellingen', { inactiefNaMaanden: 0 })).status).toBe(400);
    await beheer.put('/v1/namenlijst-instellingen', { inactiefNaMaanden: 3 });
    // a new contact brings her back
    const again = await t.post('/v1/veldwerkcontacten', {
      ...anon('x', '2026-11-22'),
      anoniem: undefined,
      anoniemId: id,
      slaapplek: 'bij_anderen',
    });
    expect(again.status).toBe(201);
    const back = (await t.get('/v1/namenlijst')).body.resultaten.find((x: Json) => x.anoniemId === id);
    expect(back).toMatchObject({ toestand: 'actief', situatie: 'bij_anderen', actiefSinds: '2026-11-22' });
  });

  it('toont een cliënt in de opvang met naam en legt het lezen vast in het inzagelog', async () => {
    const t = await loginAs(app, 'toegang');
    const c = await anAdmittedClient(t, { voornaam: 'Bram', achternaam: 'Namenlijst', admittedOn: '2026-11-10' });
    expect(
      (await t.post('/v1/plaatsingen', { clientId: c.clientId, eenheidId: fx.room1, datum: '2026-11-10' })).status,
    ).toBe(201);
    const p = (await t.get('/v1/namenlijst')).body.resultaten.find((x: Json) => x.clientId === c.clientId);
    expect(p).toMatchObject({
      naam: 'Bram Namenlijst',
      situatie: 'opvang',
      toestand: 'actief',
      actiefSinds: '2026-11-10',
    });
    const audit = await database.db
      .selectFrom('audit_log')
      .select('resource')
      .where('client_id', '=', c.clientId)
      .where('resource', '=', 'namenlijst')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('geeft beleid geen namen (403) maar wel beschermde cijfers', async () => {
    const beleid = await loginAs(app, 'beleid');
    expect((await beleid.get('/v1/namenlijst')).status).toBe(403);
    const f = await beleid.get('/v1/dakloosheidscijfers');
    expect(f.status).toBe(200);
    expect(f.body.exact).toBe(false);
    // the cell key method never publishes 1 or 2
    for (const s of f.body.perSituatie) expect([1, 2]).not.toContain(s.aantal);
    const t = await loginAs(app, 'toegang');
    expect((await t.get('/v1/dakloosheidscijfers')).body.exact).toBe(true);
  });

  it('weigert een veldwerkcontact zonder persoon of plek met Nederlandse meldingen', async () => {
    const t = await loginAs(app, 'toegang');
    const r = await t.post('/v1/veldwerkcontacten', {
      datum: '2026-12-01',
      slaapplek: 'buiten',
      breedtegraad: 52.37,
      lengtegraad: 4.9,
      aangeboden: [],
    });
    expect(r.status).toBe(400);
    const names = r.body.invalidParams.map((p: Json) => p.name);
    expect(names).toEqual(expect.arrayContaining(['datum', 'clientId', 'breedtegraad']));
    expect(r.body.invalidParams[0].reason).toMatch(/[a-z]/);
  });
});

describe('de maandelijkse stroom', () => {
  it('instroom − uitstroom = verandering van het aantal actieven, elke maand, en als CSV', async () => {
    const t = await loginAs(app, 'toegang');
    // someone who left to a home and returned: outflow naar wonen, inflow terug uit wonen
    const c = await anAdmittedClient(t, { voornaam: 'Stroom', achternaam: 'Test', admittedOn: '2026-03-02' });
    const stay = await t.post('/v1/plaatsingen', { clientId: c.clientId, eenheidId: fx.room2, datum: '2026-03-02' });
    expect(stay.status).toBe(201);
    const exit = await t.post(`/v1/trajecten/${c.trajectoryId}/uitstroom`, {
      datum: '2026-05-10',
      bestemming: 'huur-corporatie',
    });
    expect(exit.status).toBe(200);
    await t.post('/v1/veldwerkcontacten', { ...anon('y', '2026-09-15'), anoniem: undefined, clientId: c.clientId });
    const r = await t.get('/v1/maandstromen?van=2026-01&tot=2026-11');
    expect(r.status).toBe(200);
    expect(r.body.exact).toBe(true);
    for (const m of r.body.maanden) {
      const inflow = m.instroomNieuw + m.instroomTerugUitWonen + m.instroomTerugNaInactiviteit;
      const outflow = m.uitstroomNaarWonen + m.uitstroomInactief;
      expect(inflow - outflow).toBe(m.actiefEind - m.actiefBegin);
    }
    const byMonth = Object.fromEntries(r.body.maanden.map((m: Json) => [m.maand, m]));
    expect(byMonth['2026-05'].uitstroomNaarWonen).toBeGreaterThanOrEqual(1);
    expect(byMonth['2026-09'].instroomTerugUitWonen).toBeGreaterThanOrEqual(1);
    const csv = await t.get('/v1/maandstromen?van=2026-01&tot=2026-11&formaat=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toContain('instroom nieuw');
    expect(csv.body.trim().split('\r\n')).toHaveLength(12);
    const bad = await t.get('/v1/maandstromen?van=2026-13&tot=2026-01');
    expect(bad.status).toBe(400);
    const reversed = await t.get('/v1/maandstromen?van=2026-05&tot=2026-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.invalidParams[0].reason).toMatch(/vóór de eerste maand/);
  });
});

describe('het register van afgewezen verzoeken', () => {
  it('toont een afwijzing van de toegang en koppelt waar de persoon heen ging zonder kopie', async () => {
    const t = await loginAs(app, 'toegang');
    const cl = await t.post('/v1/clienten', {
      voornaam: 'Afgewezen',
      achternaam: 'Persoon',
      geboortedatum: '1990-01-01',
    });
    const a = await t.post('/v1/aanmeldingen', { clientId: cl.body.id, datum: '2026-11-01', bron: 'zelf' });
    const d = await t.post(`/v1/aanmeldingen/${a.body.id}/besluiten`, {
      uitkomst: 'afwijzing',
      datum: '2026-11-02',
      reden: 'Geen MO-doelgroep',
    });
    expect(d.status).toBe(201);
    const before = await t.get('/v1/afgewezen-verzoeken');
    const row = before.body.resultaten.find((x: Json) => x.clientId === cl.body.id);
    expect(row).toMatchObject({ id: null, reden: 'afgewezen', bron: 'toegangsbesluit', waarNaartoe: null });
    const linked = await t.post('/v1/afgewezen-verzoeken', {
      toegangsbesluitId: row.toegangsbesluitId,
      waarNaartoe: 'eigen_netwerk',
    });
    expect(linked.status).toBe(201);
    const after = await t.get('/v1/afgewezen-verzoeken');
    expect(after.body.resultaten.filter((x: Json) => x.clientId === cl.body.id)).toEqual([
      expect.objectContaining({
        id: linked.body.id,
        waarNaartoe: 'eigen_netwerk',
        datum: '2026-11-02',
        reden: 'afgewezen',
      }),
    ]);
    expect(
      (await t.post('/v1/afgewezen-verzoeken', { toegangsbesluitId: row.toegangsbesluitId, waarNaartoe: 'straat' }))
        .status,
    ).toBe(409);
  });

  it('laat een locatiemedewerker "vol" vastleggen en telt het als onvervulde vraag', async () => {
    const t = await loginAs(app, 'toegang');
    const before = (await t.get('/v1/dakloosheidscijfers')).body.afgewezenLaatste12Maanden;
    const loc = await loginAs(app, 'locatie');
    const r = await loc.post('/v1/afgewezen-verzoeken', { datum: '2026-11-22', reden: 'vol', waarNaartoe: 'straat' });
    expect(r.status).toBe(201);
    expect(r.body.locatieId).toBe(fx.facilityId);
    const other = await loc.post('/v1/afgewezen-verzoeken', {
      datum: '2026-11-22',
      reden: 'vol',
      locatieId: fx.otherFacilityId,
    });
    expect(other.status).toBe(400);
    expect((await t.get('/v1/dakloosheidscijfers')).body.afgewezenLaatste12Maanden).toBe(before + 1);
    expect((await loc.get('/v1/afgewezen-verzoeken')).status).toBe(403);
  });
});

describe('de telling van buitenslapers', () => {
  it('telt per jaar het totaal over de gebieden', async () => {
    const beleid = await loginAs(app, 'beleid');
    expect(
      (await beleid.post('/v1/straattellingen', { datum: '2017-11-16', gebied: 'Binnenstad', aantal: 100 })).status,
    ).toBe(201);
    expect(
      (await beleid.post('/v1/straattellingen', { datum: '2017-11-16', gebied: 'Krispijn', aantal: 22 })).status,
    ).toBe(201);
    const dup = await beleid.post('/v1/straattellingen', { datum: '2017-11-16', gebied: 'Krispijn', aantal: 1 });
    expect(dup.status).toBe(400);
    const r = await beleid.get('/v1/straattellingen');
    expect(r.body.perJaar).toEqual([{ jaar: 2017, aantal: 122, gebieden: 2 }]);
    expect((await beleid.get('/v1/dakloosheidscijfers')).body.buitenslapersPerJaar).toEqual([
      { jaar: 2017, aantal: 122 },
    ]);
  });
});

describe('de datakwaliteit', () => {
  it('toont een bevinding met een herstellink, en na herstel is die weg', async () => {
    const t = await loginAs(app, 'toegang');
    const r = await t.post('/v1/afgewezen-verzoeken', { datum: '2026-11-21', reden: 'vol', locatieId: fx.facilityId });
    expect(r.status).toBe(201);
    const page = await t.get('/v1/datakwaliteit?regel=AFW-01');
    expect(page.status).toBe(200);
    expect(page.body.aantalRegels).toBeGreaterThanOrEqual(100);
    const f = page.body.bevindingen.find((x: Json) => x.recordId === r.body.id);
    expect(f).toMatchObject({
      code: 'AFW-01',
      herstelLink: `/hele-beeld?onderdeel=afgewezen&verzoek=${r.body.id}`,
      locatieId: fx.facilityId,
    });
    expect(page.body.perLocatie.map((g: Json) => g.id)).toContain(fx.facilityId);
    expect((await t.patch(`/v1/afgewezen-verzoeken/${r.body.id}`, { waarNaartoe: 'andere_opvang' })).status).toBe(200);
    const after = await t.get('/v1/datakwaliteit?regel=AFW-01');
    expect(after.body.bevindingen.map((x: Json) => x.recordId)).not.toContain(r.body.id);
  });

  it('laat een locatiemedewerker alleen de bevindingen van de eigen locatie zien', async () => {
    const loc2 = await loginAs(app, 'locatie2');
    const page = await loc2.get('/v1/datakwaliteit');
    expect(page.status).toBe(200);
    for (const f of page.body.bevindingen) expect(f.locatieId).toBe(fx.otherFacilityId);
  });

  it('bewaart de score per maand en geeft die zonder persoonsgegevens aan beleid', async () => {
    const beleid = await loginAs(app, 'beleid');
    expect((await beleid.get('/v1/datakwaliteit')).status).toBe(403);
    const s = await beleid.get('/v1/datakwaliteit/scores');
    expect(s.status).toBe(200);
    expect(s.body.maanden.at(-1)).toMatchObject({ maand: '2026-11' });
    expect(s.body.maanden.at(-1).score).toBeGreaterThan(0);
    expect(s.body.maanden.at(-1).score).toBeLessThanOrEqual(100);
  });
});
