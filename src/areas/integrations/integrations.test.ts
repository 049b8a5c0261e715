import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { createFakeBrp } from '../../fakes/brp.js';
import { createFakeZgw, FAKE_ZGW_CLIENT_ID } from '../../fakes/zgw.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { anAdmittedClient, loginAs, seedFixture } from '../../test/fixtures.js';
import { backoffMs, dispatchOnce } from './outbox.dispatcher.js';
import { zgwClient } from './zgw.client.js';
import { signZgwJwt, verifyZgwJwt } from './zgw.jwt.js';

// Issue 19: a BRP lookup against the fake fills a registration and is logged with its purpose; an aanmelding and a
// besluit reach the (fake) zaaksysteem through the outbox, survive it being down, in order and exactly once.
let database: Database;
let app: ReturnType<typeof createApp>;
let clock = new Date('2026-11-23T10:00:00Z');
const brp = createFakeBrp({ apiKey: 'test-sleutel' });
let brpServer: ReturnType<typeof serve>;
const saved = { url: process.env.BRP_URL, key: process.env.BRP_API_KEY };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  app = createApp({ database, now: () => clock });
  brpServer = serve({ fetch: brp.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => brpServer.once('listening', r));
  process.env.BRP_URL = `http://127.0.0.1:${(brpServer.address() as AddressInfo).port}/haalcentraal/api/brp`;
  process.env.BRP_API_KEY = 'test-sleutel';
});
afterAll(async () => {
  process.env.BRP_URL = saved.url;
  process.env.BRP_API_KEY = saved.key;
  if (saved.url === undefined) delete process.env.BRP_URL;
  if (saved.key === undefined) delete process.env.BRP_API_KEY;
  brpServer.close();
  await database.close();
});

describe('BRP (Haal Centraal BRP Personen bevragen, fake)', () => {
  it('vindt een persoon op BSN (in de body), geeft naam, geboortedatum en briefadres, en logt de doelbinding', async () => {
    const t = await loginAs(app, 'toegang');
    const r = await t.post('/v1/brp-raadplegingen', { bsn: '999900006', doelbinding: 'toegang-opvang' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      gevonden: true,
      persoon: {
        voornamen: 'Johannes Petrus',
        geslachtsnaam: 'Visser',
        geboortedatum: '1979-03-14',
        adres: { postcode: '3311KJ', huisnummer: '12', functie: 'briefadres' },
      },
    });
    expect(brp.requests.at(-1)).toEqual({
      doelbinding: 'toegang-opvang',
      verwerking: 'Aanmelding maatschappelijke opvang',
      gebruiker: 'toegang',
    });
    const log = await database.db
      .selectFrom('audit_log')
      .select(['action', 'resource', 'basis', 'detail', 'username'])
      .where('resource', '=', 'brp-persoon')
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'zoeken', username: 'toegang' });
    expect(log[0]!.basis).toMatch(/Toegang maatschappelijke opvang/);
    expect(log[0]!.detail).not.toContain('999900006');
  });

  it('vult een registratie: met de BRP-gegevens een cliënt registreren en daarna controleren (geen verschillen)', async () => {
    const t = await loginAs(app, 'toegang');
    const p = (await t.post('/v1/brp-raadplegingen', { bsn: '999900018', doelbinding: 'toegang-opvang' })).body.persoon;
    const c = await t.post('/v1/clienten', {
      voornaam: p.voornamen,
      achternaam: p.geslachtsnaam,
      geboortedatum: p.geboortedatum,
      bsn: p.bsn,
      herkomstGemeentecode: '0505',
    });
    expect(c.status).toBe(201);
    const check = await t.post('/v1/brp-raadplegingen', {
      bsn: '999900018',
      doelbinding: 'toegang-opvang',
      clientId: c.body.id,
    });
    expect(check.body.verschillen).toEqual([]);
    const logged = await database.db
      .selectFrom('audit_log')
      .select('client_id')
      .where('resource', '=', 'brp-persoon')
      .where('client_id', '=', c.body.id)
      .execute();
    expect(logged).toHaveLength(1);
  });

  it('niet gevonden is geen fout; ongeldig BSN of doel is 400 en gaat niet naar de BRP; andere rollen 403', async () => {
    const t = await loginAs(app, 'toegang');
    const none = await t.post('/v1/brp-raadplegingen', { bsn: '999900055', doelbinding: 'eigen-bijdrage' });
    expect(none.status).toBe(201);
    expect(none.body).toMatchObject({ gevonden: false, persoon: null });
    const before = brp.requests.length;
    const bad = await t.post('/v1/brp-raadplegingen', { bsn: '123456789', doelbinding: 'nieuwsgierig' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((x: { name: string }) => x.name)).toEqual(['bsn', 'doelbinding']);
    expect(brp.requests.length).toBe(before);
    expect(
      (
        await (
          await loginAs(app, 'beheer')
        ).post('/v1/brp-raadplegingen', { bsn: '999900006', doelbinding: 'toegang-opvang' })
      ).status,
    ).toBe(403);
  });

  it('een BRP die niet antwoordt geeft een duidelijke 503, geen 500', async () => {
    const t = await loginAs(app, 'toegang');
    const url = process.env.BRP_URL;
    process.env.BRP_URL = 'http://127.0.0.1:9/haalcentraal/api/brp';
    try {
      const r = await t.post('/v1/brp-raadplegingen', { bsn: '999900006', doelbinding: 'toegang-opvang' });
      expect(r.status).toBe(503);
      expect(r.body.detail).toMatch(/niet bereikbaar/);
    } finally {
      process.env.BRP_URL = url;
    }
  });
});

describe('zaaksysteem (ZGW) via de outbox', () => {
  const base = 'http://zgw.test';
  const zgw = createFakeZgw({ base, secret: 'geheim' });
  const client = zgwClient({
    zakenUrl: `${base}/zaken/api/v1`,
    besluitenUrl: `${base}/besluiten/api/v1`,
    clientId: FAKE_ZGW_CLIENT_ID,
    secret: 'geheim',
    zaaktype: zgw.catalog.zaaktype,
    besluittype: zgw.catalog.besluittype,
    statustypen: zgw.catalog.statustypen,
    fetch: async (u, i) => zgw.app.request(u, i),
  });
  const dispatch = () =>
    dispatchOnce(
      database,
      () => client,
      () => clock,
    );
  const outbox = () =>
    database.db.selectFrom('zgw_outbox').selectAll().where('tenant_id', '=', 'dordrecht').orderBy('id').execute();

  it('JWT: HS256 met client_id; een verkeerd geheim wordt geweigerd', async () => {
    const tok = signZgwJwt('onderdak', 'geheim', { id: 'u', name: 'U' });
    expect(verifyZgwJwt(tok, { onderdak: 'geheim' })).toMatchObject({ client_id: 'onderdak', iss: 'onderdak' });
    expect(verifyZgwJwt(tok, { onderdak: 'anders' })).toBeNull();
    const r = await zgw.app.request(`${base}/zaken/api/v1/zaken`, { headers: { 'accept-crs': 'EPSG:4326' } });
    expect(r.status).toBe(401);
  });

  it('zonder koppeling schrijft een aanmelding niets in de outbox', async () => {
    const t = await loginAs(app, 'toegang');
    await anAdmittedClient(t, { voornaam: 'Voor', admittedOn: '2026-11-01' });
    expect(await outbox()).toEqual([]);
  });

  it('aanmelding en besluit komen in de outbox (zelfde transactie), overleven een storing en komen op volgorde en precies één keer aan', async () => {
    await database.db.insertInto('zgw_connections').values({ tenant_id: 'dordrecht', rsin: '002220647' }).execute();
    const t = await loginAs(app, 'toegang');
    const a = await anAdmittedClient(t, { voornaam: 'Zaak', admittedOn: '2026-11-20' });
    expect((await outbox()).map((r) => [r.kind, r.status_code, r.state])).toEqual([
      ['zaak', null, 'wachtend'],
      ['status', 'aangemeld', 'wachtend'],
      ['besluit', null, 'wachtend'],
      ['status', 'besloten', 'wachtend'],
    ]);

    // the zaaksysteem is down: nothing arrives, nothing is lost, the first row backs off, the rest waits behind it
    zgw.state.down = true;
    expect(await dispatch()).toEqual({ verzonden: 0, mislukt: 1 });
    let rows = await outbox();
    expect(rows.every((r) => r.state === 'wachtend')).toBe(true);
    expect(rows[0]).toMatchObject({ attempts: 1 });
    expect(rows[0]!.last_error).toMatch(/503/);
    expect(new Date(rows[0]!.next_attempt_at).getTime()).toBe(clock.getTime() + backoffMs(1));
    expect(await dispatch()).toEqual({ verzonden: 0, mislukt: 0 }); // not due yet: no hammering
    clock = new Date(clock.getTime() + backoffMs(1));
    expect(await dispatch()).toEqual({ verzonden: 0, mislukt: 1 });
    expect((await outbox())[0]!.attempts).toBe(2);

    // back up: after the backoff everything arrives, in order
    zgw.state.down = false;
    clock = new Date(clock.getTime() + backoffMs(2));
    expect(await dispatch()).toEqual({ verzonden: 4, mislukt: 0 });
    rows = await outbox();
    expect(rows.every((r) => r.state === 'verzonden' && r.remote_url)).toBe(true);
    expect(
      zgw.state.writes.map(
        (w) => w.split(' ')[0] + (w.endsWith('besloten') ? ' besloten' : w.endsWith('aangemeld') ? ' aangemeld' : ''),
      ),
    ).toEqual(['zaak', 'status aangemeld', 'besluit', 'status besloten']);
    const zaak = zgw.state.zaken[0]!;
    expect(zaak).toMatchObject({
      bronorganisatie: '002220647',
      startdatum: '2026-11-20',
      vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
      kenmerken: [{ kenmerk: a.registrationId, bron: 'Onderdak' }],
    });
    expect(zgw.state.besluiten[0]).toMatchObject({
      zaak: zaak.url,
      datum: '2026-11-20',
      toelichting: /Toegang/ as never,
    });
    // a second round sends nothing again
    expect(await dispatch()).toEqual({ verzonden: 0, mislukt: 0 });
    expect(zgw.state.zaken).toHaveLength(1);
    expect(zgw.state.statussen).toHaveLength(2);
  });

  it('een verloren antwoord (opgeslagen, maar 502) maakt bij de herhaling geen tweede zaak', async () => {
    const t = await loginAs(app, 'toegang');
    await t.post('/v1/aanmeldingen', {
      clientId: (
        await t.post('/v1/clienten', { voornaam: 'Verloren', achternaam: 'Antwoord', herkomstGemeentecode: '0505' })
      ).body.id,
      datum: '2026-11-22',
      bron: 'zelf',
    });
    zgw.state.loseResponses = 1;
    expect(await dispatch()).toEqual({ verzonden: 0, mislukt: 1 });
    expect(zgw.state.zaken).toHaveLength(2); // stored, but we did not hear so
    clock = new Date(clock.getTime() + backoffMs(1));
    expect(await dispatch()).toEqual({ verzonden: 2, mislukt: 0 });
    expect(zgw.state.zaken).toHaveLength(2);
    expect(zgw.state.zaken.filter((z) => z.startdatum === '2026-11-22')).toHaveLength(1);
  });

  it('uitstroom sluit de zaak af met de eindstatus; de beheerder ziet de stand zonder inhoud van de casus', async () => {
    const t = await loginAs(app, 'toegang');
    const first = (await outbox())[0]!;
    const traj = await database.db
      .selectFrom('trajectories')
      .select('id')
      .where('registration_id', '=', first.registration_id)
      .executeTakeFirstOrThrow();
    expect(
      (await t.post(`/v1/trajecten/${traj.id}/uitstroom`, { datum: '2026-11-23', bestemming: 'onbekend' })).status,
    ).toBe(200);
    expect(await dispatch()).toEqual({ verzonden: 1, mislukt: 0 });
    expect(zgw.state.zaken[0]!.einddatum).toBe('2026-11-23');
    const beheer = await loginAs(app, 'beheer');
    const s = await beheer.get('/v1/zaaksysteem-berichten');
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ koppelingAan: true, aantalWachtend: 0, aantalVerzonden: 7 });
    expect(JSON.stringify(s.body)).not.toMatch(/Zaak|Verloren/);
    expect((await (await loginAs(app, 'beleid')).get('/v1/zaaksysteem-berichten')).status).toBe(403);
  });
});
