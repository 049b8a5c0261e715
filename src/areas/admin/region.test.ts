// Issue 11 part B: setting up the region (units in bulk, editing, closing with open stays refused, regiogemeenten)
// and the beheerder's inzagelog (find by client, user, period; CSV; never dossier content). Both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, anExitedClient, aPlacedClient, loginAs, seedFixture } from '../../test/fixtures.js';

let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let beheer: ApiClient;
let toegang: ApiClient;
const now = new Date('2026-12-02T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => now });
  beheer = await loginAs(app, 'beheer');
  toegang = await loginAs(app, 'toegang');
});
afterAll(() => database.close());

describe('de regio inrichten', () => {
  it('maakt 50 kamers K01–K50 met 1 bed plus 10 reserveplekken in één keer', async () => {
    const loc = await beheer.post('/v1/locaties', {
      naam: 'Nachtopvang Bulk',
      type: 'crisisopvang',
      adres: 'Bulkstraat 1',
      gemeentecode: '0505',
      nachtopvang: true,
    });
    expect(loc.status).toBe(201);
    const r = await beheer.post(`/v1/locaties/${loc.body.id}/eenheidreeksen`, {
      reeksen: [
        { voorvoegsel: 'K', van: 1, tot: 50, soort: 'eenpersoonskamer', bedden: 1 },
        { voorvoegsel: 'R', van: 1, tot: 10, soort: 'reserve', bedden: 1, reserve: true },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body.aantal).toBe(60);
    expect(r.body.eenheden.map((e: { naam: string }) => e.naam).slice(0, 2)).toEqual(['K01', 'K02']);
    const board = await beheer.get(`/v1/locaties/${loc.body.id}/bezetting`);
    expect(board.body.totaal).toMatchObject({ bedden: 50, reserveBedden: 10 });
    // the same series again: every name taken, nothing created
    const again = await beheer.post(`/v1/locaties/${loc.body.id}/eenheidreeksen`, {
      reeksen: [{ voorvoegsel: 'K', van: 49, tot: 52, soort: 'eenpersoonskamer', bedden: 1 }],
    });
    expect(again.status).toBe(400);
    expect(again.body.invalidParams[0].reason).toContain('K49, K50');
    const after = await beheer.get(`/v1/locaties/${loc.body.id}/bezetting`);
    expect(after.body.eenheden).toHaveLength(60);
  });

  it('hernoemt en wijzigt een eenheid, maar niet naar minder bedden dan bezet', async () => {
    const placed = await aPlacedClient(toegang, { voornaam: 'Gezin', admittedOn: '2026-11-01', unit: fx.family });
    await toegang.post(`/v1/plaatsingen/${placed.stayId}/beeindigingen`, { datum: '2026-11-02' });
    await toegang.post('/v1/plaatsingen', {
      clientId: placed.clientId,
      eenheidId: fx.family,
      datum: '2026-11-03',
      huishoudgrootte: 3,
    });
    const r = await beheer.patch(`/v1/eenheden/${fx.family}`, { naam: 'Gezinswoning A', bedden: 5 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ naam: 'Gezinswoning A', bedden: 5, bezet: 3 });
    const tooFew = await beheer.patch(`/v1/eenheden/${fx.family}`, { bedden: 2 });
    expect(tooFew.status).toBe(409);
    expect(tooFew.body.detail).toContain('3 bedden bezet');
    const dup = await beheer.patch(`/v1/eenheden/${fx.family}`, { naam: 'Kamer 01' });
    expect(dup.status).toBe(400);
  });

  it('weigert een eenheid of locatie met een open verblijf te sluiten, met een duidelijke melding', async () => {
    const p = await aPlacedClient(toegang, { voornaam: 'Bewoner', admittedOn: '2026-11-01', unit: fx.otherRoom });
    const unit = await beheer.post(`/v1/eenheden/${fx.otherRoom}/sluitingen`, { datum: '2026-12-01' });
    expect(unit.status).toBe(409);
    expect(unit.body.detail).toMatch(/kan niet worden gesloten: er verblijft nog iemand/);
    const loc = await beheer.post(`/v1/locaties/${fx.otherFacilityId}/sluitingen`, { datum: '2026-12-01' });
    expect(loc.status).toBe(409);
    expect(loc.body.detail).toMatch(/nog 1 open verblijf/);
    await toegang.post(`/v1/plaatsingen/${p.stayId}/beeindigingen`, { datum: '2026-12-01' });
    const closed = await beheer.post(`/v1/locaties/${fx.otherFacilityId}/sluitingen`, { datum: '2026-12-01' });
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({ actief: false, geslotenOp: '2026-12-01' });
    expect(closed.body.eenheden.every((e: { actief: boolean }) => !e.actief)).toBe(true);
    // a closed location is off the bed board and nobody can be placed there
    const list = await toegang.get('/v1/locaties');
    expect(list.body.resultaten.map((l: { id: string }) => l.id)).not.toContain(fx.otherFacilityId);
    const place = await toegang.post('/v1/plaatsingen', {
      clientId: p.clientId,
      eenheidId: fx.otherRoom,
      datum: '2026-12-01',
    });
    expect(place.status).toBe(404);
  });

  it('sluit een lege eenheid en wijzigt een locatie', async () => {
    const r = await beheer.post(`/v1/eenheden/${fx.room2}/sluitingen`, { datum: '2026-12-02' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ actief: false, geslotenOp: '2026-12-02' });
    const board = await toegang.get(`/v1/locaties/${fx.facilityId}/bezetting`);
    expect(board.body.eenheden.map((e: { id: string }) => e.id)).not.toContain(fx.room2);
    const l = await beheer.patch(`/v1/locaties/${fx.facilityId}`, {
      naam: 'Crisisopvang Hernoemd',
      gemeentecode: '0642',
    });
    expect(l.status).toBe(200);
    expect(l.body).toMatchObject({ naam: 'Crisisopvang Hernoemd', gemeentecode: '0642' });
    const bad = await beheer.patch(`/v1/locaties/${fx.facilityId}`, { gemeentecode: '0034', postcode: 'xx' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['gemeentecode', 'postcode']);
  });

  it('voegt een regiogemeente toe, één keer en niet die van een andere regio', async () => {
    const r = await beheer.post('/v1/regiogemeenten', { code: '0590', naam: 'Papendrecht' });
    expect(r.status).toBe(201);
    expect((await beheer.post('/v1/regiogemeenten', { code: '0590', naam: 'Papendrecht' })).status).toBe(409);
    expect((await beheer.post('/v1/regiogemeenten', { code: '0034', naam: 'Almere' })).status).toBe(409);
    const list = await beheer.get('/v1/regiogemeenten');
    expect(list.body.resultaten.map((g: { code: string }) => g.code)).toContain('0590');
  });
});

describe('inzagelog voor de beheerder', () => {
  let clientId: string;
  beforeAll(async () => {
    const c = await anExitedClient(toegang, {
      voornaam: 'Inzage',
      achternaam: 'Zoeker',
      geboortedatum: '1975-03-04',
      admittedOn: '2026-11-10',
      exitOn: '2026-11-20',
      bestemming: 'detentie',
    });
    clientId = c.clientId;
    // an old row that carries content in detail and resource
    await database.db
      .insertInto('audit_log')
      .values({
        tenant_id: 'dordrecht',
        user_id: null,
        username: 'oud.systeem',
        role: 'toegang',
        on_behalf_of: 'dordrecht',
        client_id: clientId,
        action: 'wijzigen',
        resource: 'blokkade middelengebruik',
        detail: 'blokkade: middelengebruik, adres Kasperspad 3',
        source_ip: null,
        basis: 'Taakuitoefening',
        at: new Date('2026-11-15T12:00:00Z'),
      })
      .execute();
  });

  it('vindt regels op naam en geboortedatum, zonder dossierinhoud (ook van oude regels)', async () => {
    const r = await beheer.get('/v1/inzagelogregels?client=zoeker&geboortedatum=1975-03-04');
    expect(r.status).toBe(200);
    expect(r.body.totaal).toBeGreaterThan(3);
    const text = JSON.stringify(r.body.resultaten);
    expect(text).not.toContain('detentie');
    expect(text).not.toContain('middelengebruik');
    expect(text).not.toContain('Kasperspad');
    const line = r.body.resultaten.find((l: { gebruiker: string }) => l.gebruiker === 'oud.systeem');
    expect(line).toMatchObject({ actie: 'wijzigen', onderdeel: 'blokkade', grondslag: 'Taakuitoefening' });
    expect(line.client).toMatchObject({ id: clientId, naam: 'Inzage Zoeker', geboortedatum: '1975-03-04' });
    expect(Object.keys(line)).not.toContain('toelichting');
    const uitstroom = r.body.resultaten.find((l: { onderdeel: string }) => l.onderdeel === 'uitstroom');
    expect(uitstroom).toMatchObject({ gebruiker: 'toegang', rol: 'toegang' });
  });

  it('toont de beheerder ook in het inzagelog van één dossier geen inhoud; de toegang wel', async () => {
    const b = await beheer.get(`/v1/clienten/${clientId}/inzagelog`);
    expect(b.status).toBe(200);
    expect(JSON.stringify(b.body)).not.toMatch(/detentie|middelengebruik|Kasperspad/);
    const t = await toegang.get(`/v1/clienten/${clientId}/inzagelog`);
    expect(JSON.stringify(t.body)).toContain('detentie');
  });

  it('zoekt op gebruiker en op periode', async () => {
    const byUser = await beheer.get('/v1/inzagelogregels?gebruiker=oud.systeem');
    expect(byUser.body.totaal).toBe(1);
    const inPeriod = await beheer.get('/v1/inzagelogregels?gebruiker=oud.systeem&van=2026-11-15&tot=2026-11-15');
    expect(inPeriod.body.totaal).toBe(1);
    const outside = await beheer.get('/v1/inzagelogregels?gebruiker=oud.systeem&van=2026-11-16');
    expect(outside.body.totaal).toBe(0);
    const bad = await beheer.get('/v1/inzagelogregels?van=2026-11-16&tot=2026-11-01');
    expect(bad.status).toBe(400);
  });

  it('exporteert als CSV voor Excel (;, BOM), zonder inhoud', async () => {
    const res = await app.request('/v1/inzagelogregels?client=zoeker&formaat=csv', {
      headers: { cookie: beheer.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads the accents right
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe(
      'tijdstip;gebruiker;rol;actie;onderdeel;grondslag;vanaf;noodtoegang;clientId;client;geboortedatum',
    );
    expect(text).toContain('oud.systeem;toegang;wijzigen;blokkade;Taakuitoefening');
    expect(text).not.toMatch(/detentie|middelengebruik|Kasperspad/);
  });

  it('is alleen voor de beheerder, en het zoeken zelf komt in het log van de getoonde persoon', async () => {
    expect((await toegang.get('/v1/inzagelogregels?client=zoeker')).status).toBe(403);
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['action', 'resource'])
      .where('client_id', '=', clientId)
      .where('username', '=', 'beheer')
      .execute();
    expect(rows).toContainEqual({ action: 'zoeken', resource: 'inzagelog' });
  });
});
