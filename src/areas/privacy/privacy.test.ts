import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { anExitedClient, aPlacedClient, loginAs, seedFixture } from '../../test/fixtures.js';
import { subjectRef } from './purge.service.js';
import { retentionOf } from './retention.js';

// Issue 19, AVG: the art. 15 export of everything held about a client (JSON and printable HTML, audited), and the
// retention purge (domain.md §3: 15 years after a provision, 5 years without one, 6 weeks when withdrawn) with a
// dry run first and a destruction log without person data.
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

describe('bewaartermijnen (domain.md §3)', () => {
  const base = {
    granted: false,
    provisionEndedOn: null,
    anyOpen: false,
    lastDecisionOn: null,
    withdrawnOn: null,
    pendingRegistration: false,
  };
  it('15 jaar na het einde van de verstrekking, 5 jaar zonder verstrekking, 6 weken na intrekking', () => {
    expect(retentionOf({ ...base, granted: true, provisionEndedOn: '2010-03-01' })).toEqual({
      category: 'verstrekking',
      destroyFrom: '2025-03-01',
    });
    expect(retentionOf({ ...base, lastDecisionOn: '2020-02-29' })).toEqual({
      category: 'geen-verstrekking',
      destroyFrom: '2025-02-28',
    });
    expect(retentionOf({ ...base, withdrawnOn: '2026-10-01' })).toEqual({
      category: 'ingetrokken',
      destroyFrom: '2026-11-12',
    });
  });
  it('een lopende verstrekking of een aanmelding zonder besluit begint geen termijn', () => {
    expect(retentionOf({ ...base, granted: true, provisionEndedOn: '2000-01-01', anyOpen: true })).toBeNull();
    expect(retentionOf({ ...base, lastDecisionOn: '2000-01-01', pendingRegistration: true })).toBeNull();
  });
});

describe('AVG art. 15: alle gegevens van een cliënt', () => {
  it('JSON met alle onderdelen (ook nieuwe tabellen met client_id), zonder geheimen, en gelogd', async () => {
    const t = await loginAs(app, 'toegang');
    const p = await aPlacedClient(t, {
      voornaam: 'Inzage',
      admittedOn: '2026-11-01',
      unit: fx.room2,
      bsn: '123456782',
    });
    await t.post(`/v1/clienten/${p.clientId}/eigen-bijdrage/betalingen`, { datum: '2026-11-10', bedrag: 5 });
    const r = await t.get(`/v1/clienten/${p.clientId}/gegevensoverzicht`);
    expect(r.status).toBe(200);
    const parts = r.body.onderdelen.map((o: { onderdeel: string }) => o.onderdeel);
    expect(parts).toEqual(
      expect.arrayContaining([
        'clients',
        'registrations',
        'access_decisions',
        'trajectories',
        'stays',
        'own_contribution_payments',
      ]),
    );
    const person = r.body.onderdelen[0].rijen[0];
    expect(person).toEqual(
      expect.arrayContaining([
        { veld: 'first_name', waarde: 'Inzage' },
        { veld: 'bsn', waarde: '123456782' },
      ]),
    );
    expect(JSON.stringify(r.body)).not.toMatch(/password_hash|search_keys|"veld":"tenant_id"/);
    expect(r.body.inzagelog.length).toBeGreaterThan(0);
    const logged = await database.db
      .selectFrom('audit_log')
      .select(['basis'])
      .where('client_id', '=', p.clientId)
      .where('resource', '=', 'avg-inzage')
      .execute();
    expect(logged).toEqual([{ basis: 'AVG art. 15 — recht op inzage' }]);
  });
  it('leesbare, afdrukbare HTML in het Nederlands, met escaping', async () => {
    const t = await loginAs(app, 'toegang');
    const c = await t.post('/v1/clienten', {
      voornaam: '<script>x</script>',
      achternaam: 'Html',
      herkomstGemeentecode: '0505',
    });
    const r = await t.get(`/v1/clienten/${c.body.id}/gegevensoverzicht?formaat=html`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.body).toContain('<html lang="nl">');
    expect(r.body).toContain('Uw gegevens in Onderdak');
    expect(r.body).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(r.body).not.toContain('<script>x');
  });
  it('beheerder en beleid zien geen dossierinhoud; een andere regio krijgt 404', async () => {
    const t = await loginAs(app, 'toegang');
    const c = await t.post('/v1/clienten', { voornaam: 'Afgeschermd', achternaam: 'X', herkomstGemeentecode: '0505' });
    for (const u of ['beheer', 'beleid'])
      expect((await (await loginAs(app, u)).get(`/v1/clienten/${c.body.id}/gegevensoverzicht`)).status).toBe(403);
    expect(
      (await (await loginAs(app, 'almere.toegang')).get(`/v1/clienten/${c.body.id}/gegevensoverzicht`)).status,
    ).toBe(404);
  });
});

describe('vernietigen na de bewaartermijn', () => {
  let old: string;
  let recent: string;
  it('de proefrun noemt alleen de dossiers waarvan de termijn verstreken is, zonder namen', async () => {
    const t = await loginAs(app, 'toegang');
    old = (
      await anExitedClient(t, {
        voornaam: 'Oud',
        admittedOn: '2010-01-05',
        exitOn: '2010-03-01',
        bestemming: 'onbekend',
      })
    ).clientId;
    recent = (
      await anExitedClient(t, {
        voornaam: 'Recent',
        admittedOn: '2020-01-05',
        exitOn: '2020-03-01',
        bestemming: 'onbekend',
      })
    ).clientId;
    const beheer = await loginAs(app, 'beheer');
    const dry = await beheer.get('/v1/bewaartermijnen/verlopen-dossiers');
    expect(dry.status).toBe(200);
    expect(dry.body.dossiers).toEqual([
      {
        referentie: subjectRef('dordrecht', old),
        categorie: 'verstrekking',
        termijn: '15 jaar na het einde van de verstrekking',
        vernietigenVanaf: '2025-03-01',
      },
    ]);
    expect(JSON.stringify(dry.body)).not.toContain('Oud');
    // nothing was destroyed by the dry run
    expect(
      (await database.db.selectFrom('clients').select('first_name').where('id', '=', old).executeTakeFirstOrThrow())
        .first_name,
    ).toBe('Oud');
    expect((await t.get('/v1/bewaartermijnen/verlopen-dossiers')).status).toBe(403);
  });
  it('uitvoeren vraagt bevestiging, weigert een referentie die niet verlopen is, en anonimiseert dan met een log zonder persoonsgegevens', async () => {
    const beheer = await loginAs(app, 'beheer');
    expect((await beheer.post('/v1/vernietigingen', { bevestigd: false })).status).toBe(400);
    const wrong = await beheer.post('/v1/vernietigingen', {
      bevestigd: true,
      referenties: [subjectRef('dordrecht', recent)],
    });
    expect(wrong.status).toBe(409);
    const ok = await beheer.post('/v1/vernietigingen', {
      bevestigd: true,
      referenties: [subjectRef('dordrecht', old)],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.resultaten).toHaveLength(1);
    expect(ok.body.resultaten[0]).toMatchObject({
      referentie: subjectRef('dordrecht', old),
      categorie: 'verstrekking',
      door: 'beheer',
    });
    const c = await database.db.selectFrom('clients').selectAll().where('id', '=', old).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ first_name: 'Vernietigd', last_name: 'Dossier', birth_date: null, bsn: null });
    expect(c.anonymised_at).not.toBeNull();
    const log = await database.db.selectFrom('destruction_log').selectAll().execute();
    expect(JSON.stringify(log)).not.toMatch(new RegExp(`Oud|${old}`));
    // the stay and trajectory stay (anonymous) so past figures do not change; the next dry run is empty
    expect(
      await database.db.selectFrom('trajectories').select('id').where('client_id', '=', old).execute(),
    ).toHaveLength(1);
    expect((await beheer.get('/v1/bewaartermijnen/verlopen-dossiers')).body.aantal).toBe(0);
    expect((await beheer.get('/v1/vernietigingen')).body.resultaten).toHaveLength(1);
  });
});
