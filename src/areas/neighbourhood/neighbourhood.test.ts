// Issue 17 — locaties en buurt against the real app and database (PGlite, and PostgreSQL with DATABASE_URL): the
// public page and melding form without login and their abuse handling, the worklist with its rights and transitions,
// the reporter's view, wijken and draagkracht with the CBS import, candidate sites with business case and procedure,
// and the liveability monitor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, type Json, loginAs, seedFixture } from '../../test/fixtures.js';

let database: Database;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let clock = new Date('2026-12-02T09:00:00Z');
const now = () => clock;
const later = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};
let app: ReturnType<typeof createApp>;
let toegang: ApiClient;
let beleid: ApiClient;
let locatie: ApiClient; // at the Kasperspad facility
let locatie2: ApiClient; // another facility
let almere: ApiClient;
let kromhoutId: string;
let reelandId: string;
let pageId: string;

const SLUG = 'kasperspad-test';

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  const db = database.db;
  const wijken = await db
    .insertInto('wijken')
    .values([
      { tenant_id: 'dordrecht', code: 'WK050501', name: 'Binnenstad', municipality_code: '0505', inhabitants: 10_000 },
      { tenant_id: 'dordrecht', code: 'WK050502', name: 'Reeland', municipality_code: '0505', inhabitants: 20_000 },
    ])
    .returning(['id', 'code'])
    .execute();
  kromhoutId = wijken.find((w) => w.code === 'WK050501')!.id;
  reelandId = wijken.find((w) => w.code === 'WK050502')!.id;
  await db
    .insertInto('wijk_facilities')
    .values([
      { tenant_id: 'dordrecht', wijk_id: kromhoutId, kind: 'opvang', label: 'Nachtopvang', places: 60 },
      { tenant_id: 'dordrecht', wijk_id: reelandId, kind: 'housing_first', label: null, places: 4 },
    ])
    .execute();
  const page = await db
    .insertInto('public_facilities')
    .values({
      tenant_id: 'dordrecht',
      slug: SLUG,
      facility_id: fx.facilityId,
      wijk_id: kromhoutId,
      name: 'Crisisopvang Kasperspad',
      kind: 'opvang',
      description: 'Nachtopvang met eenpersoonskamers.',
      open_since: '2018-12-01',
      care_provider: 'Leger des Heils',
      management_contact: 'Bel de locatieleiding: 078 000 00 00',
      next_meeting_on: '2027-01-20',
      next_meeting_place: 'Buurthuis',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  pageId = page.id;
  await db
    .insertInto('neighbourhood_agreements')
    .values([
      {
        tenant_id: 'dordrecht',
        public_facility_id: pageId,
        made_on: '2019-06-01',
        who: 'Leger des Heils',
        what: 'Dagelijks een rondje door de buurt',
        due_on: null,
        kept: true,
      },
      {
        tenant_id: 'dordrecht',
        public_facility_id: pageId,
        made_on: '2019-06-01',
        who: 'Gemeente',
        what: 'Extra toezicht handhaving',
        due_on: '2019-12-31',
        kept: false,
      },
    ])
    .execute();
  app = createApp({ database, now });
  await relogin();
});

/** Logs everyone in again: a jump of the clock beyond the idle timeout ends the sessions. */
async function relogin() {
  toegang = await loginAs(app, 'toegang');
  beleid = await loginAs(app, 'beleid');
  locatie = await loginAs(app, 'locatie');
  locatie2 = await loginAs(app, 'locatie2');
  almere = await loginAs(app, 'almere.toegang');
}
afterAll(async () => {
  await database?.close();
});

/** An anonymous JSON request (no cookie). */
async function anon(a: ReturnType<typeof createApp>, method: string, path: string, body?: unknown, raw?: string) {
  const r = await a.request(path, {
    method,
    headers: body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {},
    body: raw ?? (body !== undefined ? JSON.stringify(body) : undefined),
  });
  const text = await r.text();
  return { status: r.status, headers: r.headers, body: (text ? JSON.parse(text) : null) as Json };
}

const melding = (token: string, extra: Record<string, unknown> = {}) => ({
  soort: 'geluid',
  wat: 'Harde muziek na middernacht',
  datum: '2026-12-01',
  tijd: '23:30',
  waar: 'Kasperspad hoek Kromhout',
  formulierToken: token,
  ...extra,
});

/** A token from the public page, then the minimum fill time passes. */
async function formToken(a = app) {
  const page = await anon(a, 'GET', `/v1/openbare-locaties/${SLUG}`);
  expect(page.status).toBe(200);
  later(5);
  return page.body.formulierToken as string;
}

describe('the public facility page (no login, no person data)', () => {
  it('shows what the facility is, since when, the agreements, the management and the next meeting', async () => {
    const r = await anon(app, 'GET', `/v1/openbare-locaties/${SLUG}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      naam: 'Crisisopvang Kasperspad',
      sinds: '2018-12-01',
      zorgaanbieder: 'Leger des Heils',
      wijk: 'Binnenstad',
      volgendeBijeenkomst: { datum: '2027-01-20', plaats: 'Buurthuis' },
    });
    expect(r.body.afspraken.map((a: Json) => a.wat)).toEqual([
      'Dagelijks een rondje door de buurt',
      'Extra toezicht handhaving',
    ]);
    expect(JSON.stringify(r.body)).not.toMatch(/facility_id|tenant|Kamer 01/);
  });

  it('answers 404 in Dutch for an unknown slug and 400 for a malformed one', async () => {
    const r = await anon(app, 'GET', '/v1/openbare-locaties/bestaat-niet');
    expect(r.status).toBe(404);
    expect(r.body.detail).toMatch(/bestaat niet/);
    expect((await anon(app, 'GET', '/v1/openbare-locaties/Hoofd%20Letters')).status).toBe(400);
  });
});

describe('a melding from the public form reaches the worklist, and the reply reaches the reporter', () => {
  let code: string;
  let id: string;

  it('refuses a form sent within the minimum fill time and a filled honeypot', async () => {
    const page = await anon(app, 'GET', `/v1/openbare-locaties/${SLUG}`);
    const fast = await anon(app, 'POST', `/v1/openbare-locaties/${SLUG}/meldingen`, melding(page.body.formulierToken));
    expect(fast.status).toBe(400);
    expect(fast.body.invalidParams[0]).toMatchObject({ name: 'formulierToken' });
    expect(fast.body.invalidParams[0].reason).toMatch(/te snel/);
    later(5);
    const bot = await anon(
      app,
      'POST',
      `/v1/openbare-locaties/${SLUG}/meldingen`,
      melding(page.body.formulierToken, { website: 'http://spam.example' }),
    );
    expect(bot.status).toBe(400);
    expect(bot.body.invalidParams.map((p: Json) => p.name)).toContain('website');
    const { count } = await database.db
      .selectFrom('nuisance_reports')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(0);
  });

  it('stores a melding with contact details and gives a tracking code', async () => {
    const token = await formToken();
    const r = await anon(
      app,
      'POST',
      `/v1/openbare-locaties/${SLUG}/meldingen`,
      melding(token, { naam: 'Buurvrouw', email: 'buur@example.nl' }),
    );
    expect(r.status).toBe(201);
    expect(r.body.volgcode).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(r.body.volgpagina).toBe(`/openbaar/melding/${r.body.volgcode}`);
    code = r.body.volgcode;
    const stored = await database.db.selectFrom('nuisance_reports').selectAll().executeTakeFirstOrThrow();
    expect(stored.tracking_hash).not.toContain(code);
    id = stored.id;
    const view = await anon(app, 'GET', `/v1/openbare-meldingen/${code}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ status: 'ontvangen', reactie: null, locatie: 'Crisisopvang Kasperspad' });
    expect(JSON.stringify(view.body)).not.toContain('buur@example.nl');
  });

  it('shows the contact to toegang and the own facility, not to beleid; another facility does not see it', async () => {
    const t = await toegang.get('/v1/buurtmeldingen');
    expect(t.status).toBe(200);
    expect(t.body.meldingen[0]).toMatchObject({
      id,
      contactAchtergelaten: true,
      contact: { email: 'buur@example.nl' },
    });
    const b = await beleid.get('/v1/buurtmeldingen');
    expect(b.body.meldingen[0]).toMatchObject({ id, contactAchtergelaten: true, contact: null });
    const own = await locatie.get('/v1/buurtmeldingen');
    expect(own.body.meldingen.map((m: Json) => m.id)).toEqual([id]);
    const other = await locatie2.get('/v1/buurtmeldingen');
    expect(other.body.meldingen).toEqual([]);
    expect((await locatie2.patch(`/v1/buurtmeldingen/${id}`, { status: 'in_behandeling' })).status).toBe(404);
    expect((await almere.get('/v1/buurtmeldingen')).body.meldingen).toEqual([]);
    expect((await (await loginAs(app, 'corporatie')).get('/v1/buurtmeldingen')).status).toBe(403);
  });

  it('moves ontvangen → in behandeling → afgehandeld with a reply, and measures the response time', async () => {
    later(3600);
    await relogin();
    const r = await locatie.patch(`/v1/buurtmeldingen/${id}`, {
      status: 'in_behandeling',
      reactie: 'Dank voor uw melding. We spreken de bewoners erop aan.',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'in_behandeling', volgendeStatussen: ['afgehandeld'] });
    expect(r.body.reactieUren).toBeGreaterThanOrEqual(1);
    const view = await anon(app, 'GET', `/v1/openbare-meldingen/${code}`);
    expect(view.body).toMatchObject({
      status: 'in_behandeling',
      reactie: 'Dank voor uw melding. We spreken de bewoners erop aan.',
    });
    const done = await locatie.patch(`/v1/buurtmeldingen/${id}`, { status: 'afgehandeld' });
    expect(done.body.status).toBe('afgehandeld');
    const back = await locatie.patch(`/v1/buurtmeldingen/${id}`, { status: 'ontvangen' });
    expect(back.status).toBe(409);
    expect(back.body.detail).toMatch(/Afgehandeld.*Ontvangen/);
  });

  it('groups repeated meldingen on the same spot', async () => {
    const token = await formToken();
    const r = await anon(
      app,
      'POST',
      `/v1/openbare-locaties/${SLUG}/meldingen`,
      melding(token, { waar: 'kasperspad, hoek KROMHOUT', soort: 'vervuiling', wat: 'Afval op de stoep' }),
    );
    expect(r.status).toBe(201);
    const list = await toegang.get('/v1/buurtmeldingen');
    expect(list.body.herhaaldePlekken).toEqual([
      expect.objectContaining({ locatie: 'Crisisopvang Kasperspad', aantal: 2 }),
    ]);
    expect(list.body.meldingen.every((m: Json) => m.opDezePlek === 2)).toBe(true);
  });

  it('does not need a CSRF token on the public form, even with a session cookie, but staff routes still do', async () => {
    const token = await formToken();
    const withCookie = await app.request(`/v1/openbare-locaties/${SLUG}/meldingen`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: toegang.cookie },
      body: JSON.stringify(melding(token, { waar: 'Achterhakkers' })),
    });
    expect(withCookie.status).toBe(201);
    const staff = await app.request(`/v1/buurtmeldingen/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: toegang.cookie },
      body: JSON.stringify({ status: 'in_behandeling' }),
    });
    expect(staff.status).toBe(403);
  });
});

describe('abuse of the public form', () => {
  it('stores scripted input inert and returns it as JSON text, with control characters removed', async () => {
    const a = createApp({ database, now });
    const token = await formToken(a);
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const r = await anon(
      a,
      'POST',
      `/v1/openbare-locaties/${SLUG}/meldingen`,
      melding(token, { wat: `${script}\u0007\u202E`, waar: 'Plein <b>1</b>' }),
    );
    expect(r.status).toBe(201);
    const raw = await a.request(`/v1/openbare-meldingen/${r.body.volgcode}`);
    expect(raw.headers.get('content-type')).toMatch(/^application\/json/);
    expect(raw.headers.get('content-security-policy')).toContain("default-src 'none'");
    const view = (await raw.json()) as Json;
    expect(view.wat).toBe(script);
    expect(view.waar).toBe('Plein <b>1</b>');
  });

  it('answers an oversized body with 413 and an overlong field with 400, both in Dutch', async () => {
    const a = createApp({ database, now });
    const token = await formToken(a);
    const big = await anon(
      a,
      'POST',
      `/v1/openbare-locaties/${SLUG}/meldingen`,
      melding(token, { wat: 'x'.repeat(20_000) }),
    );
    expect(big.status).toBe(413);
    expect(big.body.detail).toMatch(/hooguit 16 kB/);
    const long = await anon(
      a,
      'POST',
      `/v1/openbare-locaties/${SLUG}/meldingen`,
      melding(token, { wat: 'x'.repeat(2001) }),
    );
    expect(long.status).toBe(400);
    expect(long.body.invalidParams[0].name).toBe('wat');
    const future = await anon(
      a,
      'POST',
      `/v1/openbare-locaties/${SLUG}/meldingen`,
      melding(token, { datum: '2027-01-01', email: 'geen-mail' }),
    );
    expect(future.status).toBe(400);
    expect(future.body.invalidParams.map((p: Json) => p.name).sort()).toEqual(['datum', 'email']);
  });

  it('answers a burst from one address with 429 and Retry-After, without storing the extra meldingen', async () => {
    // The write limits live in the database and are shared by all app instances: start from fresh windows.
    await database.db.deleteFrom('public_rate_limits').execute();
    const a = createApp({ database, now });
    const token = await formToken(a);
    const before = await database.db.selectFrom('nuisance_reports').select('id').execute();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await anon(
        a,
        'POST',
        `/v1/openbare-locaties/${SLUG}/meldingen`,
        melding(token, { waar: `Burst ${i}` }),
      );
      statuses.push(r.status);
      if (r.status === 429) {
        expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(r.body.title).toBe('Te veel aanvragen');
      }
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    const after = await database.db.selectFrom('nuisance_reports').select('id').execute();
    expect(after.length - before.length).toBe(5);
  });
});

describe('wijken and draagkracht', () => {
  it('counts places per 1,000 inhabitants and scores draagkracht with the tenant weights', async () => {
    const r = await beleid.get('/v1/wijken');
    expect(r.status).toBe(200);
    const binnenstad = r.body.wijken.find((w: Json) => w.code === 'WK050501');
    const reeland = r.body.wijken.find((w: Json) => w.code === 'WK050502');
    expect(binnenstad).toMatchObject({ plekken: 60, plekkenPer1000: 6 });
    expect(reeland.voorzieningen).toEqual([
      expect.objectContaining({ soort: 'housing_first', naam: null, plekken: 4 }),
    ]);
    expect(binnenstad.draagkracht).toBeLessThan(reeland.draagkracht);
    expect(r.body.formule).toMatch(/draagkracht = 100/);
    const onlyPlaces = await beleid.put('/v1/draagkracht-instellingen', {
      gewichten: { plekken: 1, meldingen: 0, indicator: 0 },
      indicator: null,
      kostenPerNacht: 90,
    });
    expect(onlyPlaces.status).toBe(200);
    const b2 = onlyPlaces.body.wijken.find((w: Json) => w.code === 'WK050501');
    const r2 = onlyPlaces.body.wijken.find((w: Json) => w.code === 'WK050502');
    expect([b2.draagkracht, r2.draagkracht]).toEqual([0, Math.round(100 * (1 - 0.2 / 6))]);
    const zero = await beleid.put('/v1/draagkracht-instellingen', {
      gewichten: { plekken: 0, meldingen: 0, indicator: 0 },
      indicator: null,
      kostenPerNacht: 90,
    });
    expect(zero.status).toBe(400);
    expect(
      (
        await toegang.put('/v1/draagkracht-instellingen', {
          gewichten: { plekken: 1, meldingen: 0, indicator: 0 },
          indicator: null,
          kostenPerNacht: 1,
        })
      ).status,
    ).toBe(403);
  });

  it('imports inhabitants and chosen columns from a CBS Kerncijfers CSV (wijk rows of the region only)', async () => {
    const csv = [
      'Wijken en buurten;Gemeentenaam;Soort regio;Codering;Aantal inwoners;Huishoudens met een laag inkomen (%);Mannen',
      'Dordrecht;Dordrecht;Gemeente;GM0505;119 000;.;.',
      'Binnenstad;Dordrecht;Wijk;WK050501;12.500;18,5;6000',
      'Stadspolders;Dordrecht;Wijk;WK050509;15.000;6,2;7000',
      'Centrum;Dordrecht;Buurt;BU05050101;3.000;20;1500',
      'Almere Stad;Almere;Wijk;WK003401;100.000;9;1',
    ].join('\n');
    const r = await beleid.post('/v1/cbs-imports', {
      csv,
      kolommen: ['Huishoudens met een laag inkomen (%)'],
      jaar: 2024,
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ bijgewerkt: 1, toegevoegd: 1, overgeslagen: 3 });
    const w = await beleid.get('/v1/wijken');
    expect(w.body.wijken.find((x: Json) => x.code === 'WK050501')).toMatchObject({
      inwoners: 12_500,
      indicatoren: { 'Huishoudens met een laag inkomen (%)': 18.5 },
      indicatorJaar: 2024,
    });
    expect(w.body.wijken.find((x: Json) => x.code === 'WK050509').naam).toBe('Stadspolders');
    expect(w.body.beschikbareIndicatoren).toEqual(['Huishoudens met een laag inkomen (%)']);
    const bad = await beleid.post('/v1/cbs-imports', { csv, kolommen: ['Bestaat niet'], jaar: 2024 });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0].reason).toMatch(/staat niet in de kopregel/);
  });
});

describe('candidate sites, business case and the new-location procedure', () => {
  let siteId: string;

  it('adds vacant public real estate with a business case whose assumptions are all visible', async () => {
    const r = await beleid.post('/v1/locatiekandidaten', {
      naam: 'Voormalig belastingkantoor',
      adres: 'Spuiboulevard 1, Dordrecht',
      wijkId: reelandId,
      plekken: 12,
      eigenaar: 'Rijksvastgoedbedrijf',
      eigenaarSoort: 'rijk_rvb',
      leegstaandPubliekVastgoed: true,
      vorm: 'housing_first',
    });
    expect(r.status).toBe(201);
    siteId = r.body.id;
    expect(r.body).toMatchObject({ status: 'verkenning', leegstaandPubliekVastgoed: true, wijk: { naam: 'Reeland' } });
    expect(r.body.businessCase.aannames).toMatchObject({
      kostenPerNacht: 90,
      uitstroomkansLocatie: 85,
      uitstroomkansOpvang: 45,
    });
    expect(r.body.businessCase.formules.length).toBeGreaterThan(5);
    expect((await toegang.post('/v1/locatiekandidaten', { naam: 'x' })).status).toBe(403);
  });

  it('recomputes the business case when an assumption changes, and refuses one out of range', async () => {
    const before = (await beleid.get('/v1/locatiekandidaten')).body.kandidaten[0].businessCase.uitkomst;
    const r = await beleid.put(`/v1/locatiekandidaten/${siteId}/aannames`, { kostenPerNacht: 180 });
    expect(r.status).toBe(200);
    const after = r.body.businessCase.uitkomst;
    expect(after.vermedenOpvangkosten).toBe(before.vermedenOpvangkosten * 2);
    expect(after.nettoPerJaar).toBeGreaterThan(before.nettoPerJaar);
    const bad = await beleid.put(`/v1/locatiekandidaten/${siteId}/aannames`, { bezettingsgraad: 150 });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0]).toMatchObject({ name: 'bezettingsgraad' });
    const preview = await toegang.post('/v1/business-case-berekeningen', {
      plekken: 12,
      aannames: r.body.businessCase.aannames,
    });
    expect(preview.body.uitkomst).toEqual(after);
  });

  it('follows the status table and creates the checklist when the procedure starts', async () => {
    const skip = await beleid.put(`/v1/locatiekandidaten/${siteId}/status`, { status: 'procedure' });
    expect(skip.status).toBe(409);
    for (const status of ['haalbaarheid', 'besluit', 'procedure']) {
      const r = await beleid.put(`/v1/locatiekandidaten/${siteId}/status`, { status });
      expect(r.status).toBe(200);
    }
    const site = (await beleid.get('/v1/locatiekandidaten')).body.kandidaten[0];
    expect(site.procedure.map((s: Json) => s.soort)).toEqual([
      'buren_geinformeerd',
      'publicatie',
      'informatiebijeenkomst',
      'afspraken',
      'contactpersoon',
      'kennismaking',
      'evaluatie_eerste',
      'evaluatie_jaar',
    ]);
    expect(site.procedure[0].gepland).toBe('2026-12-02');
  });

  it('refuses the publication before the neighbours were informed', async () => {
    const site = (await beleid.get('/v1/locatiekandidaten')).body.kandidaten[0];
    const step = (k: string) => site.procedure.find((s: Json) => s.soort === k).id;
    const early = await beleid.patch(`/v1/locatiekandidaten/${siteId}/procedurestappen/${step('publicatie')}`, {
      gedaan: '2026-12-02',
    });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/omwonenden moeten eerst/);
    const informed = await beleid.patch(
      `/v1/locatiekandidaten/${siteId}/procedurestappen/${step('buren_geinformeerd')}`,
      { gedaan: '2026-12-02', eigenaar: 'Wijkmanager' },
    );
    expect(informed.status).toBe(200);
    const pub = await beleid.patch(`/v1/locatiekandidaten/${siteId}/procedurestappen/${step('publicatie')}`, {
      gedaan: '2026-12-02',
    });
    expect(pub.status).toBe(200);
    const agreement = await beleid.post(`/v1/locatiekandidaten/${siteId}/afspraken`, {
      gemaaktOp: '2026-12-02',
      wie: 'Zorgaanbieder',
      wat: 'Kennismakingsavond voor de buren',
      uiterlijk: '2027-02-01',
    });
    expect(agreement.status).toBe(201);
    expect(agreement.body.afspraken).toEqual([expect.objectContaining({ wie: 'Zorgaanbieder', nagekomen: null })]);
  });

  it('puts overdue steps on the beleid worklist', async () => {
    clock = new Date('2027-01-15T09:00:00Z');
    await relogin();
    const r = await beleid.get('/v1/buurtwerklijst');
    expect(r.status).toBe(200);
    // planned on 2026-12-23 (+21) and 2027-01-06 (+35): the meeting, the agreements and the contact person
    expect(r.body.telaatStappen.map((s: Json) => s.omschrijving)).toEqual([
      expect.stringMatching(/^Informatiebijeenkomst/),
      expect.stringMatching(/^Afspraken/),
      expect.stringMatching(/^Contactpersoon/),
    ]);
    expect(r.body.telaatStappen[0].dagenTeLaat).toBe(23);
    expect(r.body.openMeldingenOuderDan5Dagen).toBeGreaterThan(0);
  });
});

describe('the liveability monitor', () => {
  it('counts meldingen by kind and month, response times, agreements kept and the trend', async () => {
    const r = await beleid.get(`/v1/leefbaarheidsmonitor?jaar=2026&openbareLocatieId=${pageId}`);
    expect(r.status).toBe(200);
    const total = (await database.db.selectFrom('nuisance_reports').select('id').execute()).length;
    expect(r.body.meldingen).toBe(total);
    expect(r.body.perMaand[11]).toBe(total);
    expect(r.body.perSoort.find((s: Json) => s.soort === 'vervuiling').totaal).toBe(1);
    expect(r.body.reactietijd.afgehandeld).toBe(1);
    expect(r.body.afspraken).toEqual({ totaal: 2, nagekomen: 1, nietNagekomen: 1, nogTeBeoordelen: 0 });
    expect(r.body.trend.map((t: Json) => t.jaar)).toEqual([2023, 2024, 2025, 2026]);
    expect((await locatie.get(`/v1/leefbaarheidsmonitor?jaar=2026&openbareLocatieId=${pageId}`)).status).toBe(200);
    expect((await locatie2.get(`/v1/leefbaarheidsmonitor?jaar=2026&openbareLocatieId=${pageId}`)).status).toBe(403);
    // without a choice, a locatiemedewerker gets the own facility's figures only
    const own = await locatie2.get('/v1/leefbaarheidsmonitor?jaar=2026');
    expect(own.status).toBe(200);
    expect(own.body.meldingen).toBe(0);
    expect((await locatie.get('/v1/leefbaarheidsmonitor?jaar=2026')).body.meldingen).toBe(total);
    const wijk = await beleid.get(`/v1/leefbaarheidsmonitor?jaar=2026&wijkId=${reelandId}`);
    expect(wijk.body.meldingen).toBe(0);
  });
});
