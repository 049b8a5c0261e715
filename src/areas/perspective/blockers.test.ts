import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { aPlacedClient, type Json, loginAs, seedFixture } from '../../test/fixtures.js';

// PATCH /v1/blokkades/{id} (doorstroomoverleg: "wie is aan zet / volgende stap" bijwerken) against the real app and
// database (PGlite, and PostgreSQL when DATABASE_URL is set).
let database: Database;
let fx: Awaited<ReturnType<typeof seedFixture>>;
const NOW = new Date('2026-11-23T10:00:00Z'); // Monday 23 November 2026, 11:00 in the Netherlands
const LATER = new Date('2026-11-30T23:30:00Z'); // 00:30 on 1 December in the Netherlands (still 30 November in UTC)
const NEXT_DAY_NL = new Date('2026-12-03T09:00:00Z');
let app: ReturnType<typeof createApp>;
let later: ReturnType<typeof createApp>;
let nextDay: ReturnType<typeof createApp>;
let t: Awaited<ReturnType<typeof loginAs>>;
let cor: { clientId: string; trajectoryId: string };
let eva: { clientId: string; trajectoryId: string };
let housing: string; // open blockade of Cor with who-acts-next filled in
let other: string; // open 'overig' blockade of Cor (description required)

type Who = Awaited<ReturnType<typeof loginAs>>;
async function patch(a: ReturnType<typeof createApp>, who: Who, path: string, body: unknown) {
  const r = await a.request(path, {
    method: 'PATCH',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, type: r.headers.get('content-type'), body: (await r.json()) as Json };
}

const admitted = (name: string, unit: string, placedOn: string) =>
  aPlacedClient(t, {
    voornaam: name,
    achternaam: 'Blok',
    geboortedatum: '1979-03-02',
    admittedOn: '2026-07-01',
    unit,
    placedOn,
  });

const row = (id: string) =>
  database.db.selectFrom('blockers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const history = (id: string) =>
  database.db.selectFrom('blocker_updates').selectAll().where('blocker_id', '=', id).orderBy('version').execute();
const auditRows = (clientId: string) =>
  database.db
    .selectFrom('audit_log')
    .select(['username', 'action', 'resource', 'detail'])
    .where('client_id', '=', clientId)
    .where('resource', '=', 'blokkade')
    .where('action', '=', 'wijzigen')
    .orderBy('id')
    .execute();

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => NOW });
  later = createApp({ database, now: () => LATER });
  nextDay = createApp({ database, now: () => NEXT_DAY_NL });
  t = await loginAs(app, 'toegang');
  cor = await admitted('Cor', fx.room1, '2026-09-01'); // at the facility of user 'locatie'
  eva = await admitted('Eva', fx.otherRoom, '2026-09-14'); // at the facility of user 'locatie2'
  const b1 = await t.post(`/v1/trajecten/${cor.trajectoryId}/blokkades`, {
    soort: 'geen-passende-huisvesting',
    omschrijving: 'Wacht op urgentieverklaring',
    sinds: '2026-09-10',
    volgendeActorOrganisatie: 'corporatie',
    volgendeActorNaam: 'Drechtwerk',
    volgendeStap: 'Woning aanbieden',
  });
  expect(b1.status).toBe(201);
  expect(b1.body).toMatchObject({
    vastgelegdOp: '2026-11-23',
    bijgewerktOp: null,
    wijzigingen: [],
    mogelijkheden: { opheffen: true, wijzigen: true },
  });
  housing = b1.body.id;
  const b2 = await t.post(`/v1/trajecten/${cor.trajectoryId}/blokkades`, {
    soort: 'overig',
    omschrijving: 'Geen geldig identiteitsbewijs',
    sinds: '2026-09-20',
  });
  expect(b2.status).toBe(201);
  other = b2.body.id;
});
afterAll(() => database.close());

describe('PATCH /v1/blokkades/{id}', () => {
  it('wijzigt alleen de meegegeven velden en bewaart de oude en nieuwe waarden', async () => {
    const r = await patch(app, t, `/v1/blokkades/${housing}`, {
      volgendeActorNaam: 'Woonbron',
      volgendeStap: '  Bezichtiging plannen  ',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: housing,
      omschrijving: 'Wacht op urgentieverklaring',
      sinds: '2026-09-10',
      volgendeActor: { organisatie: 'corporatie', organisatieLabel: 'Woningcorporatie', naam: 'Woonbron' },
      volgendeStap: 'Bezichtiging plannen',
      vastgelegdOp: '2026-11-23',
      bijgewerktOp: '2026-11-23',
    });
    expect(r.body.wijzigingen).toEqual([
      {
        op: '2026-11-23T10:00:00.000Z',
        door: 'toegang',
        velden: [
          { veld: 'volgendeActorNaam', van: 'Drechtwerk', naar: 'Woonbron' },
          { veld: 'volgendeStap', van: 'Woning aanbieden', naar: 'Bezichtiging plannen' },
        ],
      },
    ]);
    const stored = await row(housing);
    expect(stored).toMatchObject({
      kind: 'geen-passende-huisvesting',
      description: 'Wacht op urgentieverklaring',
      since: '2026-09-10',
      next_actor_org: 'corporatie',
      next_actor_name: 'Woonbron',
      next_step: 'Bezichtiging plannen',
      resolved_on: null,
    });
    const h = await history(housing);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({
      version: 1,
      tenant_id: 'dordrecht',
      previous_values: { volgendeActorNaam: 'Drechtwerk', volgendeStap: 'Woning aanbieden' },
      new_values: { volgendeActorNaam: 'Woonbron', volgendeStap: 'Bezichtiging plannen' },
    });
    expect(new Date(h[0]!.changed_at).toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('een week later: locatiemedewerker wijzigt wie aan zet is; null wist een veld, ongewijzigde velden komen niet in de geschiedenis', async () => {
    const loc = await loginAs(later, 'locatie');
    const r = await patch(later, loc, `/v1/blokkades/${housing}`, {
      volgendeActorOrganisatie: 'schuldhulp',
      volgendeActorNaam: null,
      volgendeStap: 'Bezichtiging plannen',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      volgendeActor: { organisatie: 'schuldhulp', organisatieLabel: 'Schuldhulpverlening', naam: null },
      volgendeStap: 'Bezichtiging plannen',
      bijgewerktOp: '2026-12-01',
    });
    expect(r.body.wijzigingen.map((w: { door: string }) => w.door)).toEqual(['toegang', 'locatie']);
    expect(r.body.wijzigingen[1]).toEqual({
      op: '2026-11-30T23:30:00.000Z',
      door: 'locatie',
      velden: [
        { veld: 'volgendeActorOrganisatie', van: 'corporatie', naar: 'schuldhulp' },
        { veld: 'volgendeActorNaam', van: 'Woonbron', naar: null },
      ],
    });
    expect((await history(housing)).map((h) => h.version)).toEqual([1, 2]);

    // the case view carries the history; the worklist shows "volgende stap door … sinds <date of last change>"
    const view = await t.get(`/v1/clienten/${cor.clientId}/perspectief`);
    const b = view.body.traject.blokkades.find((x: { id: string }) => x.id === housing);
    expect(b.wijzigingen).toHaveLength(2);
    expect(b.bijgewerktOp).toBe('2026-12-01');
    const tl = await loginAs(nextDay, 'toegang');
    const list = await tl.get('/v1/werklijsten/doorstroomoverleg');
    expect(list.status).toBe(200);
    const item = list.body.resultaten.find((x: { clientId: string }) => x.clientId === cor.clientId);
    expect(item.volgendeActor).toMatchObject({
      organisatie: 'schuldhulp',
      naam: null,
      wat: 'Bezichtiging plannen',
      bron: 'blokkade',
      blokkadeId: housing,
      sinds: '2026-12-01',
    });
    expect(
      item.blokkades.map((x: { id: string; bijgewerktOp: string | null; vastgelegdOp: string }) => [
        x.id,
        x.bijgewerktOp,
        x.vastgelegdOp,
      ]),
    ).toEqual([
      [housing, '2026-12-01', '2026-11-23'],
      [other, null, '2026-11-23'],
    ]);
    expect(item.blokkades[0].mogelijkheden).toEqual({ wijzigen: true });
    expect(list.body.keuzelijsten.eigenaren.map((o: { code: string }) => o.code)).toContain('schuldhulp');
  });

  it('een PATCH zonder echte wijziging laat blokkade en geschiedenis ongemoeid', async () => {
    const before = await row(housing);
    const r = await patch(app, t, `/v1/blokkades/${housing}`, {
      volgendeActorOrganisatie: 'schuldhulp',
      omschrijving: 'Wacht op urgentieverklaring',
    });
    expect(r.status).toBe(200);
    expect(await row(housing)).toEqual(before);
    expect(await history(housing)).toHaveLength(2);
  });

  it('400 met alle problemen tegelijk, met dezelfde regels als bij vastleggen; niets opgeslagen', async () => {
    const before = await row(housing);
    const r = await patch(app, t, `/v1/blokkades/${housing}`, {
      omschrijving: 'o'.repeat(1001),
      volgendeActorOrganisatie: 'buurman',
      volgendeActorNaam: 'n'.repeat(201),
      volgendeStap: 's'.repeat(1001),
    });
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    expect(r.body.invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`).sort()).toEqual([
      'omschrijving:length',
      'volgendeActorNaam:length',
      'volgendeActorOrganisatie:enum',
      'volgendeStap:length',
    ]);
    // 'overig' needs a description: clearing it is refused
    const cleared = await patch(app, t, `/v1/blokkades/${other}`, {
      omschrijving: '   ',
      volgendeActorOrganisatie: 'x',
    });
    expect(cleared.status).toBe(400);
    expect(cleared.body.invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`).sort()).toEqual(
      ['omschrijving:required', 'volgendeActorOrganisatie:enum'],
    );
    // fields that cannot be changed this way, and wrong types, are refused too
    expect((await patch(app, t, `/v1/blokkades/${housing}`, { sinds: '2026-01-01' })).status).toBe(400);
    expect((await patch(app, t, `/v1/blokkades/${housing}`, { volgendeStap: 12 })).status).toBe(400);
    expect(await row(housing)).toEqual(before);
    expect(await row(other)).toMatchObject({ description: 'Geen geldig identiteitsbewijs', next_actor_org: null });
    expect(await history(housing)).toHaveLength(2);
    expect(await history(other)).toHaveLength(0);
  });

  it('404 voor een andere tenant, een andere locatie of een onbekende blokkade; 403 voor rollen zonder schrijfrecht', async () => {
    const before = await row(housing);
    for (const user of ['almere.toegang', 'locatie2']) {
      const u = await loginAs(app, user);
      const r = await patch(app, u, `/v1/blokkades/${housing}`, { volgendeStap: 'Overgenomen' });
      expect(r.status, user).toBe(404);
      expect(r.type).toContain('application/problem+json');
    }
    expect((await patch(app, t, '/v1/blokkades/bestaat-niet', { volgendeStap: 'x' })).status).toBe(404);
    for (const user of ['beleid', 'corporatie', 'beheer']) {
      const u = await loginAs(app, user);
      expect((await patch(app, u, `/v1/blokkades/${housing}`, { volgendeStap: 'Overgenomen' })).status, user).toBe(403);
    }
    // locatie2 may write plans, but only for its own residents: Eva's blockade is theirs to change, Cor's is not
    const evaBlock = await t.post(`/v1/trajecten/${eva.trajectoryId}/blokkades`, {
      soort: 'schulden',
      sinds: '2026-10-01',
    });
    const loc2 = await loginAs(app, 'locatie2');
    expect(
      (
        await patch(app, loc2, `/v1/blokkades/${evaBlock.body.id}`, {
          volgendeActorOrganisatie: 'schuldhulp',
          volgendeStap: 'Aanmelden',
        })
      ).status,
    ).toBe(200);
    expect(await row(housing)).toEqual(before);
  });

  it('409 op een opgeheven blokkade', async () => {
    const lifted = await t.post(`/v1/blokkades/${other}/opheffingen`, { datum: '2026-11-22' });
    expect(lifted.status).toBe(201);
    expect(lifted.body.mogelijkheden).toEqual({ opheffen: false, wijzigen: false });
    const r = await patch(app, t, `/v1/blokkades/${other}`, { volgendeStap: 'Toch nog iets' });
    expect(r.status).toBe(409);
    expect(r.body.detail).toBe(
      'Deze blokkade is al opgeheven op 22 november 2026; een opgeheven blokkade wijzigt u niet meer.',
    );
    expect((await row(other)).next_step).toBeNull();
    expect(await history(other)).toHaveLength(0);
  });

  it('schrijft bij elke geslaagde wijziging één auditregel (wie, welke cliënt, welke velden); bij fouten geen', async () => {
    expect(
      (await auditRows(cor.clientId))
        .filter((a) => !a.detail?.startsWith('opgeheven'))
        .map((a) => [a.username, a.detail]),
    ).toEqual([
      ['toegang', 'geen-passende-huisvesting: volgendeActorNaam, volgendeStap'],
      ['locatie', 'geen-passende-huisvesting: volgendeActorOrganisatie, volgendeActorNaam'],
      ['toegang', 'geen-passende-huisvesting: geen wijzigingen'],
    ]);
    expect((await auditRows(eva.clientId)).map((a) => [a.username, a.detail])).toEqual([
      ['locatie2', 'schulden: volgendeActorOrganisatie, volgendeStap'],
    ]);
  });
});
