// Issue 11 part A: the first start of an empty installation, the installation-wide role, users for real (edit,
// deactivate, reset link, forced new password), client accounts from the dossier, two-factor login and the idle timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { totpCode } from '../../rights/totp.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, anAdmittedClient, type Json, loginAs } from '../../test/fixtures.js';
import { prepareSetup } from './setup.service.js';

let database: Database;
let app: ReturnType<typeof createApp>;
let clock: Date;
const tick = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

const INSTALL_PW = 'Lantaarnpaal-Fietsbel-417';
const ADMIN_PW = 'Kaasschaaf-Regenjas-829';
const NEW_PW = 'Zeilboot-Tulpenveld-356';

async function post(path: string, body: unknown) {
  const r = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Json };
}

const setupBody = (code: string) => ({
  code,
  installatiebeheerder: { gebruikersnaam: 'installatie.beheer', naam: 'Ineke Installatie', wachtwoord: INSTALL_PW },
  centrumgemeente: {
    naam: 'Breda',
    cbsCode: '0758',
    regiogemeenten: [
      { code: '0784', naam: 'Oosterhout' },
      { code: '0879', naam: 'Zundert' },
    ],
    beheerder: { gebruikersnaam: 'breda.beheer', naam: 'Bram Beheer', wachtwoord: ADMIN_PW },
  },
});

/** Logs in a user whose tenant requires two-factor login and who has enrolled: the code of the current step. */
async function loginWithTotp(username: string, password: string, secret: string): Promise<ApiClient> {
  tick(31); // a new time step: a code is accepted once
  const s = await loginAs(app, username, password);
  expect((await s.get('/v1/sessies/huidig')).body.gebruiker.vervolgstap).toBe('totp');
  const ok = await s.post('/v1/sessies/huidig/totp-codes', { code: totpCode(secret, clock) });
  expect(ok.status).toBe(201);
  expect(ok.body.gebruiker.vervolgstap).toBeNull();
  return s;
}

let adminSecret = '';

beforeAll(async () => {
  database = await createTestDatabase();
  clock = new Date('2026-12-02T09:00:00Z');
  app = createApp({ database, now: () => clock });
});
afterAll(() => database.close());

describe('eerste start van een lege installatie', () => {
  it('zonder centrumgemeente kan niemand inloggen en wacht de installatie op de link', async () => {
    expect((await post('/v1/sessies', { gebruikersnaam: 'breda.beheer', wachtwoord: ADMIN_PW })).status).toBe(401);
    const code = await prepareSetup(database);
    expect(code).toMatch(/^[\w-]{20,}$/);
    const status = await app.request('/v1/installatie');
    expect(await status.json()).toEqual({ ingericht: false, wachtOpInstallatie: true });
  });

  it('de installatielink werkt precies één keer; een andere code of een tweede keer is 403', async () => {
    const code = (await prepareSetup(database))!; // a restart replaces the earlier link
    expect((await post('/v1/installatie', setupBody('verkeerde-code-0123456789'))).status).toBe(403);
    const bad = await post('/v1/installatie', {
      ...setupBody(code),
      centrumgemeente: {
        ...setupBody(code).centrumgemeente,
        cbsCode: '758',
        regiogemeenten: [{ code: '84', naam: '' }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: Json) => p.name).sort()).toEqual([
      'centrumgemeente.cbsCode',
      'centrumgemeente.regiogemeenten.0.code',
      'centrumgemeente.regiogemeenten.0.naam',
    ]);
    const ok = await post('/v1/installatie', setupBody(code));
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({
      centrumgemeente: { id: 'breda', naam: 'Centrumgemeente Breda' },
      installatiebeheerder: 'installatie.beheer',
      beheerder: 'breda.beheer',
    });
    expect((await post('/v1/installatie', setupBody(code))).status).toBe(403);
    expect(await prepareSetup(database)).toBeNull(); // an installed system prints no new link
    const gemeenten = await database.db
      .selectFrom('municipalities')
      .select('code')
      .where('tenant_id', '=', 'breda')
      .execute();
    expect(gemeenten.map((g) => g.code).sort()).toEqual(['0758', '0784', '0879']);
  });

  it('de installatiebeheerder voegt een centrumgemeente toe en ziet geen persoonsgegevens', async () => {
    const s = await loginAs(app, 'installatie.beheer', INSTALL_PW);
    expect((await s.get('/v1/clienten')).status).toBe(403);
    expect((await s.get('/v1/gebruikers')).status).toBe(403);
    const taken = await s.post('/v1/centrumgemeenten', {
      naam: 'Tilburg',
      cbsCode: '0855',
      regiogemeenten: [{ code: '0784', naam: 'Oosterhout' }],
      beheerder: { gebruikersnaam: 'tilburg.beheer', naam: 'Tess', wachtwoord: ADMIN_PW },
    });
    expect(taken.status).toBe(400);
    expect(taken.body.invalidParams[0]).toMatchObject({ name: 'regiogemeenten', code: 'taken' });
    const ok = await s.post('/v1/centrumgemeenten', {
      naam: 'Tilburg',
      cbsCode: '0855',
      regiogemeenten: [{ code: '0824', naam: 'Oisterwijk' }],
      beheerder: { gebruikersnaam: 'tilburg.beheer', naam: 'Tess', wachtwoord: ADMIN_PW },
    });
    expect(ok.status).toBe(201);
    const list = await s.get('/v1/centrumgemeenten');
    expect(list.body.resultaten.map((r: Json) => r.id)).toEqual(['breda', 'tilburg']);
    // the new beheerder chose no own password yet: a new one first, then (two-factor required) the authenticator app
    tick(1);
    const t = await loginAs(app, 'tilburg.beheer', ADMIN_PW);
    expect((await t.get('/v1/sessies/huidig')).body.gebruiker.vervolgstap).toBe('wachtwoord');
  });
});

describe('tweestapsverificatie (TOTP) voor een centrumgemeente die dat verplicht', () => {
  it('een beheerder zonder app koppelt er een bij het inloggen en kan tot dan niets anders', async () => {
    const s = await loginAs(app, 'breda.beheer', ADMIN_PW);
    const me = await s.get('/v1/sessies/huidig');
    expect(me.body.gebruiker.vervolgstap).toBe('totp-koppelen');
    expect((await s.get('/v1/gebruikers')).status).toBe(403);
    const k = await s.post('/v1/sessies/huidig/totp-koppelingen', {});
    expect(k.status).toBe(201);
    expect(k.body.uri).toMatch(/^otpauth:\/\/totp\/Onderdak:breda\.beheer\?.*secret=/);
    expect(k.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    adminSecret = k.body.geheim;
    const wrong = await s.post('/v1/sessies/huidig/totp-codes', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.invalidParams[0].name).toBe('code');
    const ok = await s.post('/v1/sessies/huidig/totp-codes', { code: totpCode(adminSecret, clock) });
    expect(ok.status).toBe(201);
    expect(ok.body.gebruiker.vervolgstap).toBeNull();
    expect((await s.get('/v1/gebruikers')).status).toBe(200);
  });

  it('bij de volgende keer is de code de tweede stap; dezelfde code werkt geen tweede keer', async () => {
    tick(31);
    const s = await loginAs(app, 'breda.beheer', ADMIN_PW);
    expect((await s.get('/v1/sessies/huidig')).body.gebruiker.vervolgstap).toBe('totp');
    expect((await s.get('/v1/instellingen')).status).toBe(403);
    const code = totpCode(adminSecret, clock);
    expect((await s.post('/v1/sessies/huidig/totp-codes', { code })).status).toBe(201);
    const again = await loginAs(app, 'breda.beheer', ADMIN_PW);
    expect((await again.post('/v1/sessies/huidig/totp-codes', { code })).status).toBe(400);
  });

  it('na vijf foute codes is de sessie beëindigd', async () => {
    tick(31);
    const s = await loginAs(app, 'breda.beheer', ADMIN_PW);
    for (let i = 0; i < 4; i++)
      expect((await s.post('/v1/sessies/huidig/totp-codes', { code: '000001' })).status).toBe(400);
    expect((await s.post('/v1/sessies/huidig/totp-codes', { code: '000001' })).status).toBe(401);
    expect((await s.get('/v1/sessies/huidig')).status).toBe(401);
  });
});

describe('gebruikers echt beheren', () => {
  let beheer: ApiClient;
  let userId = '';
  beforeAll(async () => {
    beheer = await loginWithTotp('breda.beheer', ADMIN_PW, adminSecret);
  });

  it('een nieuwe gebruiker kiest bij de eerste keer inloggen een eigen wachtwoord', async () => {
    const loc = await database.db
      .insertInto('facilities')
      .values({
        tenant_id: 'breda',
        name: 'Opvang Breda',
        type: 'crisisopvang',
        postcode: null,
        municipality_code: '0758',
        wijk: null,
        latitude: null,
        longitude: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const made = await beheer.post('/v1/gebruikers', {
      gebruikersnaam: 'breda.beleid',
      naam: 'Bea Beleid',
      rol: 'beleid',
      wachtwoord: 'Voorlopig-Wachtwoord-2026',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ moetWachtwoordWijzigen: true, locatieId: null });
    userId = made.body.id;
    const s = await loginAs(app, 'breda.beleid', 'Voorlopig-Wachtwoord-2026');
    expect((await s.get('/v1/rapportages/kerncijfers?van=2026-01-01&tot=2026-02-01')).status).toBe(403);
    const weak = await s.post('/v1/sessies/huidig/wachtwoorden', {
      huidigWachtwoord: 'Voorlopig-Wachtwoord-2026',
      nieuwWachtwoord: 'aaaaaaaaaaaa',
    });
    expect(weak.status).toBe(400);
    const ok = await s.post('/v1/sessies/huidig/wachtwoorden', {
      huidigWachtwoord: 'Voorlopig-Wachtwoord-2026',
      nieuwWachtwoord: NEW_PW,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.gebruiker.vervolgstap).toBeNull(); // beleid sees no persons: no second factor
    // the list carries the location id of a locatiemedewerker (issue 14 defect)
    const edited = await beheer.patch(`/v1/gebruikers/${userId}`, {
      rol: 'locatie',
      locatieId: loc.id,
      naam: 'Bea Locatie',
    });
    expect(edited.status).toBe(200);
    const list = await beheer.get('/v1/gebruikers');
    expect(list.body.resultaten.find((u: Json) => u.id === userId)).toMatchObject({
      naam: 'Bea Locatie',
      rol: 'locatie',
      locatieId: loc.id,
      locatie: 'Opvang Breda',
    });
  });

  it('deactiveren beëindigt de sessies en weigert het inloggen; weer activeren laat het toe', async () => {
    await beheer.patch(`/v1/gebruikers/${userId}`, { rol: 'beleid' });
    const s = await loginAs(app, 'breda.beleid', NEW_PW);
    expect((await beheer.patch(`/v1/gebruikers/${userId}`, { actief: false })).body.actief).toBe(false);
    expect((await s.get('/v1/sessies/huidig')).status).toBe(401);
    expect((await post('/v1/sessies', { gebruikersnaam: 'breda.beleid', wachtwoord: NEW_PW })).status).toBe(401);
    expect((await beheer.patch(`/v1/gebruikers/${userId}`, { actief: true })).body.actief).toBe(true);
    await loginAs(app, 'breda.beleid', NEW_PW);
  });

  it('een herstellink zet een nieuw wachtwoord, één keer', async () => {
    const link = await beheer.post(`/v1/gebruikers/${userId}/herstellinks`, {});
    expect(link.status).toBe(201);
    expect(link.body.link).toBe(`/wachtwoord-instellen#code=${link.body.code}`);
    const other = 'Vuurtoren-Pannenkoek-623';
    const used = await post('/v1/wachtwoord-herstellingen', { code: link.body.code.toLowerCase(), wachtwoord: other });
    expect(used).toMatchObject({ status: 201, body: { gebruikersnaam: 'breda.beleid' } });
    expect((await post('/v1/wachtwoord-herstellingen', { code: link.body.code, wachtwoord: other })).status).toBe(400);
    expect((await post('/v1/sessies', { gebruikersnaam: 'breda.beleid', wachtwoord: NEW_PW })).status).toBe(401);
    await loginAs(app, 'breda.beleid', other);
  });

  it('de beheerder kan zichzelf niet deactiveren, en de instellingen bewaren', async () => {
    const me = (await beheer.get('/v1/sessies/huidig')).body.gebruiker.id;
    expect((await beheer.patch(`/v1/gebruikers/${me}`, { actief: false })).status).toBe(409);
    const cur = await beheer.get('/v1/instellingen');
    expect(cur.body).toMatchObject({
      tweeFactorVerplicht: true,
      normDoorstroomDagen: 91,
      inactiefMinuten: 30,
      bedVoorDeNachtMax: 3,
    });
    const bad = await beheer.put('/v1/instellingen', { ...cur.body, onderdrukkingsDrempel: 2, inactiefMinuten: 0 });
    expect(bad.body.invalidParams.map((p: Json) => p.name).sort()).toEqual([
      'inactiefMinuten',
      'onderdrukkingsDrempel',
    ]);
    const ok = await beheer.put('/v1/instellingen', {
      ...cur.body,
      bedVoorDeNachtMax: 5,
      thema: { primair: '#aa0000', logoTekst: 'Breda' },
    });
    expect(ok.body).toMatchObject({ bedVoorDeNachtMax: 5, thema: { primair: '#aa0000' } });
    const zorg = await beheer.post('/v1/zorgaanbieders', { naam: 'Leger des Heils' });
    expect(zorg.status).toBe(201);
    const linked = await beheer.patch(`/v1/gebruikers/${userId}`, { zorgaanbiederId: zorg.body.id });
    expect(linked.body.zorgaanbiederId).toBe(zorg.body.id);
  });

  it('na 30 minuten zonder activiteit is de sessie verlopen', async () => {
    const s = await loginAs(app, 'breda.beleid', 'Vuurtoren-Pannenkoek-623');
    tick(29 * 60);
    expect((await s.get('/v1/sessies/huidig')).status).toBe(200);
    tick(29 * 60); // 29 minutes after the last request: still fine
    expect((await s.get('/v1/sessies/huidig')).status).toBe(200);
    tick(31 * 60);
    expect((await s.get('/v1/sessies/huidig')).status).toBe(401);
  });
});

describe('cliëntaccount vanuit het dossier', () => {
  it('de toegangsmedewerker maakt het aan; de cliënt activeert het met de uitnodigingscode en ziet het eigen dossier', async () => {
    const beheer = await loginWithTotp('breda.beheer', ADMIN_PW, adminSecret);
    await beheer.post('/v1/gebruikers', {
      gebruikersnaam: 'breda.toegang',
      naam: 'Tom Toegang',
      rol: 'toegang',
      wachtwoord: 'Voorlopig-Wachtwoord-2026',
    });
    // first login: new password, then (toegang sees persons) an authenticator app
    const first = await loginAs(app, 'breda.toegang', 'Voorlopig-Wachtwoord-2026');
    const pw = await first.post('/v1/sessies/huidig/wachtwoorden', {
      huidigWachtwoord: 'Voorlopig-Wachtwoord-2026',
      nieuwWachtwoord: NEW_PW,
    });
    expect(pw.body.gebruiker.vervolgstap).toBe('totp-koppelen');
    const secret = (await first.post('/v1/sessies/huidig/totp-koppelingen', {})).body.geheim;
    expect((await first.post('/v1/sessies/huidig/totp-codes', { code: totpCode(secret, clock) })).status).toBe(201);
    const t = first;
    const { clientId } = await anAdmittedClient(t, {
      voornaam: 'Cas',
      herkomstGemeentecode: '0758',
      admittedOn: '2026-11-20',
    });
    const acc = await t.post(`/v1/clienten/${clientId}/accounts`, { gebruikersnaam: 'cas.test' });
    expect(acc.status).toBe(201);
    expect(acc.body.uitnodigingscode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect((await t.post(`/v1/clienten/${clientId}/accounts`, { gebruikersnaam: 'cas.test2' })).status).toBe(403);
    expect((await beheer.post(`/v1/clienten/${clientId}/accounts`, { gebruikersnaam: 'cas.test3' })).status).toBe(403);
    const activated = await post('/v1/wachtwoord-herstellingen', {
      code: acc.body.uitnodigingscode,
      wachtwoord: 'Appelboom-Schommel-Zomer-88',
    });
    expect(activated).toMatchObject({ status: 201, body: { gebruikersnaam: 'cas.test' } });
    const c = await loginAs(app, 'cas.test', 'Appelboom-Schommel-Zomer-88');
    const me = await c.get('/v1/sessies/huidig');
    expect(me.body.gebruiker).toMatchObject({ rol: 'client', clientId, vervolgstap: null });
    expect((await c.get(`/v1/clienten/${clientId}`)).status).toBe(200);
    const logged = await database.db
      .selectFrom('audit_log')
      .select(['action', 'resource'])
      .where('client_id', '=', clientId)
      .where('resource', '=', 'clientaccount')
      .execute();
    expect(logged).toEqual([{ action: 'aanmaken', resource: 'clientaccount' }]);
  });
});
