import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { generateHistory } from '../../demo/history.js';
import type { Database } from '../../platform/db/database.js';
import { DEMO_TENANTS } from '../../reference/reference.js';
import { createTestDatabase } from '../../test/db.js';
import { loginAs, seedFixture } from '../../test/fixtures.js';
import { rebuildFigureFacts } from './figure-facts.js';

// The dashboard endpoints against the Dordrecht demo history (which reproduces the Leger des Heils table).
const here = path.dirname(fileURLToPath(import.meta.url));
const reference = JSON.parse(
  fs.readFileSync(path.resolve(here, '../../demo/seed-figures.json'), 'utf8'),
).nachtopvang_dordrecht;
const TODAY = '2026-05-01';

let database: Database;
let app: ReturnType<typeof createApp>;
let crisisopvang = '';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  const db = database.db;
  const t = DEMO_TENANTS[0]!;
  // the history is made through the services, which check each client's municipality of origin against the region
  await db
    .insertInto('municipalities')
    .values(t.municipalities.map((m) => ({ code: m.code, name: m.name, tenant_id: 'dordrecht' })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const hist = (
    await db
      .insertInto('facilities')
      .values({
        tenant_id: 'dordrecht',
        name: 'Nachtopvang (oud)',
        type: 'crisisopvang',
        is_night_shelter: true,
        active: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const dorm = (
    await db
      .insertInto('units')
      .values({
        tenant_id: 'dordrecht',
        facility_id: hist,
        name: 'Slaapzaal',
        kind: 'reserve',
        beds: 500,
        is_reserve: true,
        active: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  crisisopvang = (
    await db
      .insertInto('facilities')
      .values({ tenant_id: 'dordrecht', name: 'Crisisopvang Kromhout', type: 'crisisopvang', is_night_shelter: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const rooms = await db
    .insertInto('units')
    .values([
      ...Array.from({ length: 50 }, (_, i) => ({
        tenant_id: 'dordrecht',
        facility_id: crisisopvang,
        name: `Kamer ${i + 1}`,
        kind: 'eenpersoonskamer',
        beds: 1,
      })),
      ...Array.from({ length: 10 }, (_, i) => ({
        tenant_id: 'dordrecht',
        facility_id: crisisopvang,
        name: `Reserve ${i + 1}`,
        kind: 'reserve',
        beds: 1,
        is_reserve: true,
      })),
    ])
    .returning(['id', 'is_reserve'])
    .execute();
  const user = (await db.selectFrom('users').select('id').where('username', '=', 'toegang').executeTakeFirstOrThrow())
    .id;
  await generateHistory(db, {
    tenantId: 'dordrecht',
    nightShelterUnitId: dorm,
    currentUnitIds: rooms.filter((r) => !r.is_reserve).map((r) => r.id),
    caseManagerId: user,
    seed: 20190701,
    profile: 'dordrecht',
    today: TODAY,
    municipalities: t.municipalities,
  });
  await rebuildFigureFacts(db); // issue 15: the history is inserted directly; the figures read the facts
  app = createApp({ database, now: () => new Date(`${TODAY}T10:00:00Z`) });
}, 900_000); // four and a half years of history through the services: ~3 min of CPU, longer on a busy machine
afterAll(() => database.close());

const KEYS: Record<string, string> = {
  aanmeldingen: 'aanmeldingen',
  langer_dan_3_nachten_en_start_traject: 'startTraject',
  gemiddeld_aantal_nachten: 'gemiddeldAantalNachten',
  gemiddelde_duur_traject_dagen: 'gemiddeldeDuurTrajectDagen',
  uitgestroomd: 'uitgestroomd',
  gemiddelde_bedbezetting: 'gemiddeldeBedbezetting',
};

describe('GET /v1/rapportages/*', () => {
  it('reproduceert de Leger des Heils-tabel via de API (reeks per jaar, trajecthouder: exacte cijfers)', async () => {
    const b = await loginAs(app, 'toegang');
    const r = await b.get('/v1/rapportages/reeksen?regio=dordrecht&van=2015-01-01&tot=2019-07-01&interval=jaar');
    expect(r.status).toBe(200);
    const perioden = r.body.perioden as Record<string, unknown>[];
    expect(perioden.map((p) => p.label)).toEqual(['2015', '2016', '2017', '2018', '2019']);
    for (const [i, p] of perioden.entries()) {
      for (const [refKey, key] of Object.entries(KEYS)) {
        const expected = reference[refKey][i] as number | null;
        if (expected == null) continue;
        const actual = p[key] as number;
        expect(
          Math.abs(actual - expected) / expected,
          `${p.label} ${key}: ${actual} vs ${expected}`,
        ).toBeLessThanOrEqual(0.05);
      }
    }
    expect(perioden[3]!.aanmeldingen).toBe(346);
    const k = await b.get('/v1/rapportages/kerncijfers?regio=dordrecht&van=2018-01-01&tot=2019-01-01');
    expect(k.body).toMatchObject({
      aanmeldingen: 346,
      startTraject: 192,
      uitgestroomd: 149,
      onderdrukkingsgrens: null,
    });
    expect(k.body.bescherming).toBeNull();
    // the policy officer sees the same figures protected: at most 2 off, with the method named
    const beleid = (
      await (await loginAs(app, 'beleid')).get('/v1/rapportages/kerncijfers?van=2018-01-01&tot=2019-01-01')
    ).body;
    for (const key of ['aanmeldingen', 'startTraject', 'uitgestroomd'])
      expect(Math.abs(beleid[key] - k.body[key]), key).toBeLessThanOrEqual(2);
    expect(beleid.onderdrukkingsgrens).toBe(10);
    expect(beleid.bescherming.methode).toBe('celsleutelmethode');
    expect(beleid.wetVanLittle).toBeNull();
    // linking: the same persons reached another way (the year in the yearly series) give the same published values
    const reeks = (
      await (await loginAs(app, 'beleid')).get('/v1/rapportages/reeksen?van=2017-01-01&tot=2019-01-01&interval=jaar')
    ).body;
    expect(reeks.perioden, JSON.stringify(reeks)).toBeDefined();
    const jaar2018 = (reeks.perioden as Record<string, unknown>[]).find((p) => p.label === '2018')!;
    for (const key of ['aanmeldingen', 'startTraject', 'uitgestroomd', 'trajectenBeeindigd', 'personenInOpvang'])
      if (key in jaar2018) expect(jaar2018[key], key).toEqual(beleid[key]);
    expect(jaar2018.aanmeldingen).toEqual(beleid.aanmeldingen);
  });

  it('exporteert CSV voor Nederlandse Excel', async () => {
    const b = await loginAs(app, 'toegang');
    const res = await app.request('/v1/rapportages/reeksen?van=2015-01-01&tot=2019-07-01&interval=jaar&formaat=csv', {
      headers: { cookie: b.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="kerncijfers-dordrecht-jaar-2015-01-01-2019-07-01\.csv"/,
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).split('\r\n');
    expect(rows[0]).toBe('Kerncijfer;2015;2016;2017;2018;2019');
    expect(rows[1]).toBe('Aanmeldingen;287;293;338;346;178');
    expect(rows.find((l) => l.startsWith('Gemiddelde duur traject (dagen);'))).toMatch(/^[^;]+(;\d+(,\d)?){5}$/);
    const one = await app.request('/v1/rapportages/kerncijfers?van=2018-01-01&tot=2019-01-01&formaat=csv', {
      headers: { cookie: b.cookie },
    });
    expect(one.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(
      new TextDecoder('utf-8', { ignoreBOM: true })
        .decode(await one.arrayBuffer())
        .split('\r\n')
        .slice(0, 2),
    ).toEqual(['\uFEFFKerncijfer;2018-01-01 tot 2019-01-01', 'Aanmeldingen;346']);
    const bad = await app.request('/v1/rapportages/reeksen?van=2015-01-01&tot=2019-07-01&interval=week&formaat=csv', {
      headers: { cookie: b.cookie },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });

  it('beschermt elk aantal voor beleid met de celsleutelmethode: 0 blijft 0, nooit 1 of 2, hooguit 2 ernaast, elke keer hetzelfde', async () => {
    const q = '/v1/rapportages/reeksen?van=2018-01-01&tot=2019-01-01&interval=maand&herkomstGemeentecode=0531';
    const exact = (await (await loginAs(app, 'toegang')).get(q)).body.perioden as Record<string, unknown>[];
    const beleid = await loginAs(app, 'beleid');
    const agg = (await beleid.get(q)).body.perioden as Record<string, unknown>[];
    const again = (await beleid.get(q)).body.perioden as Record<string, unknown>[];
    expect(again).toEqual(agg);
    let small = 0;
    let changed = 0;
    for (const [i, p] of exact.entries()) {
      for (const key of ['aanmeldingen', 'startTraject', 'uitgestroomd', 'trajectenBeeindigd', 'personenInOpvang']) {
        const n = p[key] as number;
        const published = agg[i]![key] as number;
        if (n === 0) expect(published, `${p.label} ${key}`).toBe(0);
        expect([1, 2]).not.toContain(published);
        expect(Math.abs(published - n)).toBeLessThanOrEqual(2);
        if (n > 0 && n < 5) small++;
        if (published !== n) changed++;
      }
      for (const h of agg[i]!.herkomst as { aantal: number }[]) expect(h.aantal).toBeGreaterThanOrEqual(3);
      if ((agg[i]!.trajectenBeeindigd as number) < 10) expect(agg[i]!.gemiddeldeDuurTrajectDagen).toBeNull();
    }
    expect(small).toBeGreaterThan(5); // Hendrik-Ido-Ambacht per month: small numbers
    expect(changed).toBeGreaterThan(0);
    expect(exact.every((p) => (p.onderdrukt as string[]).length === 0)).toBe(true);
    expect(exact.some((p) => p.wetVanLittle !== null)).toBe(true);
  });

  it('geeft beleid alleen vaste kalenderperioden (vrije datums: 400 met uitleg), de trajecthouder vrije', async () => {
    const beleid = await loginAs(app, 'beleid');
    for (const q of [
      '/v1/rapportages/kerncijfers?van=2018-01-01&tot=2018-01-16',
      '/v1/rapportages/kerncijfers?van=2018-01-02&tot=2018-02-02',
      '/v1/rapportages/kerncijfers?van=2018-02-01&tot=2018-05-01', // three months, but not a quarter
      '/v1/rapportages/reeksen?van=2018-01-15&tot=2019-01-01&interval=maand',
      '/v1/rapportages/reeksen?van=2008-01-01&tot=2019-01-01&interval=jaar', // more than ten years
    ]) {
      const r = await beleid.get(q);
      expect(r.status, q).toBe(400);
      expect(r.body.invalidParams[0].reason).toMatch(/vaste perioden|ten hoogste/);
    }
    for (const q of [
      '/v1/rapportages/kerncijfers?van=2018-04-01&tot=2018-07-01',
      '/v1/rapportages/kerncijfers?van=2018-07-01&tot=2019-01-01',
      '/v1/rapportages/kerncijfers?van=2018-03-01&tot=2018-04-01',
    ])
      expect((await beleid.get(q)).status, q).toBe(200);
    expect(
      (await (await loginAs(app, 'toegang')).get('/v1/rapportages/kerncijfers?van=2018-01-02&tot=2018-02-02')).status,
    ).toBe(200);
  });

  it('filtert op doelgroep en locatie', async () => {
    const b = await loginAs(app, 'toegang');
    const all = (await b.get('/v1/rapportages/kerncijfers?van=2018-01-01&tot=2019-01-01')).body;
    const groups = await Promise.all(
      ['tot-18', '18-26', '27-49', '50-plus'].map(
        async (g) =>
          (await b.get(`/v1/rapportages/kerncijfers?van=2018-01-01&tot=2019-01-01&leeftijdsgroep=${g}`)).body
            .aanmeldingen as number,
      ),
    );
    expect(groups.reduce((s, n) => s + n, 0)).toBe(all.aanmeldingen); // every demo client has a birth date
    expect(groups[1]).toBeGreaterThan(0);
    const single = (await b.get('/v1/rapportages/kerncijfers?van=2018-01-01&tot=2019-01-01&huishouden=alleenstaand'))
      .body;
    const fam = (await b.get('/v1/rapportages/kerncijfers?van=2018-01-01&tot=2019-01-01&huishouden=gezin')).body;
    // every client is either alone or part of a household (the history has households of two and three in 2018)
    expect(single.aanmeldingen + fam.aanmeldingen).toBe(all.aanmeldingen);
    expect(fam.aanmeldingen).toBeGreaterThan(0);
    expect(single.aanmeldingen).toBeGreaterThan(fam.aanmeldingen);
    const loc = (await b.get(`/v1/rapportages/kerncijfers?van=2018-01-01&tot=2019-01-01&locatieId=${crisisopvang}`))
      .body;
    expect(loc.aanmeldingen).toBe(0); // the rooms opened in 2026
    const bad = await b.get(
      '/v1/rapportages/kerncijfers?van=2018-01-01&tot=2019-01-01&leeftijdsgroep=oud&huishouden=x',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'huishouden',
      'leeftijdsgroep',
    ]);
    const range = await b.get('/v1/rapportages/reeksen?van=2019-01-01&tot=2018-01-01&interval=jaar');
    expect(range.status).toBe(400);
    expect(range.body.invalidParams[0].name).toBe('tot');
  });

  it('toont de actuele bezetting per locatie tegenover de capaciteit, zonder personen', async () => {
    const b = await loginAs(app, 'toegang');
    const r = await b.get('/v1/rapportages/bezetting');
    expect(r.status).toBe(200);
    expect(r.body.peildatum).toBe(TODAY);
    const k = r.body.locaties.find((l: { id: string }) => l.id === crisisopvang);
    expect(k).toMatchObject({
      capaciteit: 50,
      reserve: 10,
      bezet: 38,
      vrij: 12,
      reserveBezet: 0,
      bezettingsgraad: 0.76,
    });
    expect(r.body.locaties.some((l: { naam: string }) => l.naam === 'Nachtopvang (oud)')).toBe(false); // inactive
    expect(JSON.stringify(r.body)).not.toMatch(/clientId|voornaam|achternaam|"naam":"[^"]*Test /);
    // beleid: the live occupancy is protected too (cell key method), capacity stays exact
    const p = (await (await loginAs(app, 'beleid')).get('/v1/rapportages/bezetting')).body;
    const kp = p.locaties.find((l: { id: string }) => l.id === crisisopvang);
    expect(kp.capaciteit).toBe(50);
    expect(Math.abs(kp.bezet - 38)).toBeLessThanOrEqual(2);
    expect(p.bescherming.methode).toBe('celsleutelmethode');
    expect(r.body.bescherming).toBeNull();
  });

  it('alleen rapportagerollen, alleen de eigen regio, nooit dossiers', async () => {
    for (const user of ['corporatie', 'locatie']) {
      const t = await loginAs(app, user);
      for (const p of [
        '/v1/rapportages/kerncijfers?van=2018-01-01&tot=2019-01-01',
        '/v1/rapportages/reeksen?van=2018-01-01&tot=2019-01-01&interval=jaar',
        '/v1/rapportages/bezetting',
      ]) {
        const r = await t.get(p);
        expect(r.status, `${user} ${p}`).toBe(403);
        expect(r.headers.get('content-type')).toContain('application/problem+json');
      }
    }
    const almere = await loginAs(app, 'almere.toegang');
    expect(
      (await almere.get('/v1/rapportages/reeksen?regio=dordrecht&van=2018-01-01&tot=2019-01-01&interval=jaar')).status,
    ).toBe(403);
    expect((await almere.get('/v1/rapportages/bezetting?regio=dordrecht')).status).toBe(403);
    const anon = await app.request('/v1/rapportages/reeksen?van=2018-01-01&tot=2019-01-01&interval=jaar');
    expect(anon.status).toBe(401);
    // the policy officer gets no person data
    const b = await loginAs(app, 'beleid');
    const some = await database.db
      .selectFrom('clients')
      .select('id')
      .where('tenant_id', '=', 'dordrecht')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect([403, 404]).toContain((await b.get(`/v1/clienten/${some.id}`)).status);
    const list = await b.get('/v1/clienten');
    expect(list.status === 403 || list.body.resultaten.length === 0).toBe(true);
  });

  it('staat in de OpenAPI-beschrijving', async () => {
    const doc = (await (await app.request('/v1/openapi.json')).json()) as {
      servers: { url: string }[];
      paths: Record<
        string,
        { get: { parameters: { name: string }[]; responses: Record<string, { content: Record<string, unknown> }> } }
      >;
    };
    // Paths are relative to the server URL, which carries the major version (API-20).
    expect(doc.servers[0]!.url).toBe('/v1');
    expect(Object.keys(doc.paths['/rapportages/reeksen']!.get.responses['200']!.content)).toEqual([
      'application/json',
      'text/csv',
    ]);
    expect(doc.paths['/rapportages/reeksen']!.get.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'regio',
        'van',
        'tot',
        'interval',
        'leeftijdsgroep',
        'huishouden',
        'herkomstGemeentecode',
        'locatieId',
        'formaat',
      ]),
    );
    expect(doc.paths['/rapportages/bezetting']).toBeDefined();
  });
});
