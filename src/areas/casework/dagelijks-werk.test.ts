import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import {
  type ApiClient,
  anAdmittedClient,
  aPlacedClient,
  type Json,
  loginAs,
  seedFixture,
} from '../../test/fixtures.js';

// Issue 12 (afronding) against the real app and database (PGlite, and PostgreSQL with DATABASE_URL): a colleague
// handover is seen, appointments change and cancel with a reason and history, the journal comes in pages, the team
// view flags a full caseload, a besluit is corrected after a placement where sound, old merges are not offered for
// undo, and the client's own view works end to end.
let database: Database;
let fx: Awaited<ReturnType<typeof seedFixture>>;
const NOW = new Date('2026-12-02T09:00:00Z');
let app: ReturnType<typeof createApp>;
let t: ApiClient; // toegang, trajecthouder of everyone admitted below
let t2: ApiClient; // a colleague
let me: ApiClient; // the client Carla
let carla: { clientId: string; trajectoryId: string; registrationId: string };
let dirk: { clientId: string; trajectoryId: string; registrationId: string };

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
  t = await loginAs(app, 'toegang');
  carla = await aPlacedClient(t, {
    voornaam: 'Carla',
    admittedOn: '2026-11-01',
    unit: fx.room1,
    placedOn: '2026-11-05',
  });
  dirk = await anAdmittedClient(t, { voornaam: 'Dirk', admittedOn: '2026-11-20' });
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
        username: 'client.carla',
        display_name: 'Carla Test',
        role: 'client',
        password_hash: hash.password_hash,
        facility_id: null,
        client_id: carla.clientId,
      },
      {
        tenant_id: 'dordrecht',
        username: 'toegang.collega',
        display_name: 'Collega Drie',
        role: 'toegang',
        password_hash: hash.password_hash,
        facility_id: null,
        client_id: null,
      },
    ])
    .execute();
  t2 = await loginAs(app, 'toegang.collega');
  me = await loginAs(app, 'client.carla');
});
afterAll(() => database.close());

describe('overdracht aan een collega', () => {
  it('staat op de takenlijst van de ontvanger tot die hem als gezien markeert; de overdrager ziet wanneer', async () => {
    const team = (await t.get('/v1/trajecthouders')).body;
    const colleague = team.resultaten.find((u: Json) => u.naam === 'Collega Drie');
    const h = await t.post(`/v1/trajecten/${dirk.trajectoryId}/overdrachten`, {
      naarId: colleague.id,
      notitie: 'Dirk heeft maandag een gesprek bij de corporatie.',
    });
    expect(h.status, JSON.stringify(h.body)).toBe(201);
    expect(h.body).toMatchObject({ gezienOp: null, mogelijkheden: { bevestigen: false } });
    // the receiver has it on the list, with the handover to acknowledge
    const task = (await t2.get('/v1/mijn-taken')).body.resultaten.find((x: Json) => x.soort === 'overdracht');
    expect(task).toMatchObject({ naam: 'Dirk Test', overdrachtId: h.body.id });
    // the sender sees it is not seen yet, and cannot mark it as seen for the colleague
    expect((await t.get(`/v1/clienten/${dirk.clientId}/samenvatting`)).body.laatsteOverdracht).toMatchObject({
      naar: { naam: 'Collega Drie' },
      gezienOp: null,
    });
    expect((await t.post(`/v1/collega-overdrachten/${h.body.id}/bevestigingen`, {})).status).toBe(403);
    // the receiver marks it as seen: off the list; a second time is a conflict
    const seen = await t2.post(`/v1/collega-overdrachten/${h.body.id}/bevestigingen`, {});
    expect(seen.status, JSON.stringify(seen.body)).toBe(201);
    expect(seen.body.gezienOp).toBe(NOW.toISOString());
    expect((await t2.get('/v1/mijn-taken')).body.resultaten.some((x: Json) => x.soort === 'overdracht')).toBe(false);
    expect((await t2.post(`/v1/collega-overdrachten/${h.body.id}/bevestigingen`, {})).status).toBe(409);
    // the sender sees when: in the summary and the list of handovers of the case
    expect((await t.get(`/v1/clienten/${dirk.clientId}/samenvatting`)).body.laatsteOverdracht.gezienOp).toBe(
      NOW.toISOString(),
    );
    const list = await t.get(`/v1/trajecten/${dirk.trajectoryId}/overdrachten`);
    expect(list.body.resultaten.map((o: Json) => [o.van.naam, o.naar.naam, o.gezienOp])).toEqual([
      ['toegang', 'Collega Drie', NOW.toISOString()],
    ]);
    expect((await auditOf(dirk.clientId, 'trajecthouder')).map((l) => [l.username, l.detail])).toContainEqual([
      'toegang.collega',
      'overdracht gezien',
    ]);
    const journal = (await t.get(`/v1/clienten/${dirk.clientId}/journaalberichten?soort=overdracht`)).body;
    expect(journal.resultaten.map((r: Json) => r.tekst)).toContain(
      'Overdracht gezien door Collega Drie (overgedragen door toegang).',
    );
  });
});

describe('afspraken wijzigen en annuleren', () => {
  it('een wijziging van datum, tijd en plaats blijft met reden in de geschiedenis; de cliënt ziet alleen de afspraak', async () => {
    const a = await t.post(`/v1/clienten/${carla.clientId}/afspraken`, {
      datum: '2026-12-07',
      tijd: '10:00',
      metWie: 'Schuldhulp',
      waar: 'Stadskantoor',
    });
    expect(a.status).toBe(201);
    const c = await t.patch(`/v1/afspraken/${a.body.id}`, {
      datum: '2026-12-08',
      tijd: '14:30',
      waar: 'Wijkcentrum',
      reden: 'Schuldhulp kan maandag niet',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body).toMatchObject({ datum: '2026-12-08', tijd: '14:30', waar: 'Wijkcentrum', metWie: 'Schuldhulp' });
    expect(c.body.geschiedenis.map((g: Json) => `${g.veld}:${g.oud}→${g.nieuw} (${g.reden})`)).toEqual([
      'datum:2026-12-07→2026-12-08 (Schuldhulp kan maandag niet)',
      'tijd:10:00→14:30 (Schuldhulp kan maandag niet)',
      'waar:Stadskantoor→Wijkcentrum (Schuldhulp kan maandag niet)',
    ]);
    const bad = await t.patch(`/v1/afspraken/${a.body.id}`, { datum: '2026-11-30', tijd: '25:00', metWie: ' ' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: Json) => p.name).sort()).toEqual(['datum', 'metWie', 'tijd']);
    const own = (await me.get(`/v1/clienten/${carla.clientId}/afspraken`)).body.resultaten;
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ datum: '2026-12-08', tijd: '14:30', geschiedenis: [] });
    expect((await me.patch(`/v1/afspraken/${a.body.id}`, { tijd: '09:00' })).status).toBe(403);
    expect((await auditOf(carla.clientId, 'afspraak')).map((l) => l.detail)).toContain('datum, tijd, waar');
  });

  it('annuleren vraagt een reden; daarna is de afspraak niet meer te wijzigen en staat ze niet meer in de samenvatting', async () => {
    const a = (
      await t.post(`/v1/clienten/${carla.clientId}/afspraken`, {
        datum: '2026-12-03',
        tijd: '09:00',
        metWie: 'Huisarts',
        waar: 'Praktijk',
      })
    ).body;
    expect((await t.get(`/v1/clienten/${carla.clientId}/samenvatting`)).body.volgendeAfspraak.metWie).toBe('Huisarts');
    const noReason = await t.post(`/v1/afspraken/${a.id}/annuleringen`, { reden: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.invalidParams[0].name).toBe('reden');
    const x = await t.post(`/v1/afspraken/${a.id}/annuleringen`, { reden: 'Cliënt is ziek' });
    expect(x.status, JSON.stringify(x.body)).toBe(201);
    expect(x.body).toMatchObject({
      geannuleerd: true,
      annuleringsreden: 'Cliënt is ziek',
      mogelijkheden: { wijzigen: false, annuleren: false },
    });
    expect(x.body.geschiedenis.map((g: Json) => [g.veld, g.reden])).toEqual([['geannuleerd', 'Cliënt is ziek']]);
    expect((await t.patch(`/v1/afspraken/${a.id}`, { tijd: '10:00' })).status).toBe(409);
    expect((await t.post(`/v1/afspraken/${a.id}/annuleringen`, { reden: 'nog eens' })).status).toBe(409);
    expect((await t.get(`/v1/clienten/${carla.clientId}/samenvatting`)).body.volgendeAfspraak.metWie).toBe(
      'Schuldhulp',
    );
  });
});

describe('rapportage per pagina', () => {
  beforeAll(async () => {
    for (let day = 1; day <= 25; day++) {
      const r = await t.post(`/v1/clienten/${carla.clientId}/journaalberichten`, {
        tijdstip: `2026-11-${String(day).padStart(2, '0')}T10:00:00+01:00`,
        soort: day % 5 === 0 ? 'incident' : 'contact',
        tekst: day === 1 ? 'Eerste gesprek, zeldzaam woord: fietsenstalling.' : `Gesprek op dag ${day}.`,
        gedeeldMetClient: day % 2 === 0,
      });
      expect(r.status).toBe(201);
    }
  });

  it('pagina 1 heeft de nieuwste 20 met een link naar de volgende; pagina 2 de rest', async () => {
    const p1 = (await t.get(`/v1/clienten/${carla.clientId}/journaalberichten`)).body;
    expect(p1).toMatchObject({ totaal: 25, pagina: 1, paginaGrootte: 20 });
    expect(p1.resultaten).toHaveLength(20);
    expect(p1.resultaten[0].tekst).toBe('Gesprek op dag 25.');
    expect(p1._links.next.href).toContain('pagina=2');
    const p2 = (await t.get(p1._links.next.href)).body;
    expect(p2.resultaten.map((r: Json) => r.tekst)).toEqual([
      'Gesprek op dag 5.',
      'Gesprek op dag 4.',
      'Gesprek op dag 3.',
      'Gesprek op dag 2.',
      'Eerste gesprek, zeldzaam woord: fietsenstalling.',
    ]);
    expect(p2._links.next).toBeUndefined();
    expect(p2._links.prev.href).toContain('pagina=1');
  });

  it('zoeken en filteren gaan over alle pagina’s, niet alleen de getoonde', async () => {
    const found = (await t.get(`/v1/clienten/${carla.clientId}/journaalberichten?zoek=FIETSENSTALLING`)).body;
    expect(found.totaal).toBe(1);
    expect(found.resultaten.map((r: Json) => r.tekst)).toEqual(['Eerste gesprek, zeldzaam woord: fietsenstalling.']);
    const incidents = (
      await t.get(`/v1/clienten/${carla.clientId}/journaalberichten?soort=incident&paginaGrootte=2&pagina=3`)
    ).body;
    expect(incidents.totaal).toBe(5);
    expect(incidents.resultaten.map((r: Json) => r.tekst)).toEqual(['Gesprek op dag 5.']);
    const period = (await t.get(`/v1/clienten/${carla.clientId}/journaalberichten?van=2026-11-02&tot=2026-11-03`)).body;
    expect(period.resultaten.map((r: Json) => r.tekst)).toEqual(['Gesprek op dag 3.', 'Gesprek op dag 2.']);
    // a LIKE wildcard is a literal character, not "anything"
    expect((await t.get(`/v1/clienten/${carla.clientId}/journaalberichten?zoek=%25`)).body.totaal).toBe(0);
  });

  it('de cliënt bladert alleen door de gedeelde rapportages', async () => {
    const own = (await me.get(`/v1/clienten/${carla.clientId}/journaalberichten?paginaGrootte=5`)).body;
    expect(own.totaal).toBe(12);
    expect(own.resultaten.every((r: Json) => r.gedeeldMetClient)).toBe(true);
  });
});

describe('teamoverzicht', () => {
  it('telt per trajecthouder de lopende trajecten en markeert wie boven de norm zit', async () => {
    const team = (await t.get('/v1/trajecthouders?norm=1')).body;
    expect(team.norm).toBe(1);
    const own = team.resultaten.find((u: Json) => u.naam === 'toegang');
    expect(own).toMatchObject({ aantal: own.clienten.length, teVeel: own.clienten.length > 1 });
    expect(own.inOpvang).toBe(own.clienten.filter((c: Json) => c.dagenInOpvang !== null).length);
    const colleague = team.resultaten.find((u: Json) => u.naam === 'Collega Drie');
    expect(colleague).toMatchObject({ aantal: 1, teVeel: false });
    expect((await t.get('/v1/trajecthouders')).body.resultaten.find((u: Json) => u.naam === 'toegang').teVeel).toBe(
      false,
    );
    expect((await t.get('/v1/trajecthouders?norm=0')).status).toBe(400);
  });
});

describe('besluit corrigeren na een plaatsing', () => {
  it('motivering en een eerdere datum mogen; een datum na de plaatsing of een andere uitkomst niet, met wat u wel doet', async () => {
    const reg = (await t.get(`/v1/aanmeldingen/${carla.registrationId}`)).body;
    const decisionId = reg.besluit.id as string;
    const why = await t.patch(`/v1/toegangsbesluiten/${decisionId}`, {
      reden: 'Motivering aangevuld',
      motivering: 'Dakloos na huisuitzetting',
    });
    expect(why.status, JSON.stringify(why.body)).toBe(200);
    expect(why.body.reden ?? why.body.motivering).toBe('Dakloos na huisuitzetting');
    const late = await t.patch(`/v1/toegangsbesluiten/${decisionId}`, { reden: 'Tikfout', datum: '2026-11-10' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('op 5 november 2026 geplaatst');
    expect(late.body.detail).toContain('corrigeer eerst de plaatsingsdatum');
    const outcome = await t.patch(`/v1/toegangsbesluiten/${decisionId}`, {
      reden: 'Toch niet',
      uitkomst: 'afwijzing',
      motivering: 'x',
    });
    expect(outcome.status).toBe(409);
    expect(outcome.body.detail).toContain('Beëindig het traject');
    const earlier = await t.patch(`/v1/toegangsbesluiten/${decisionId}`, { reden: 'Tikfout', datum: '2026-11-02' });
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(200);
    const trajectory = await database.db
      .selectFrom('trajectories')
      .select('started_on')
      .where('id', '=', carla.trajectoryId)
      .executeTakeFirstOrThrow();
    expect(trajectory.started_on).toBe('2026-11-02');
  });
});

describe('samenvoegingen van vóór het ongedaan maken', () => {
  it('zonder vastgelegde verplaatsing geen splitsknop maar uitleg; een gesplitst paar wordt nooit meer als dubbel voorgesteld', async () => {
    const a = await anAdmittedClient(t, { voornaam: 'Oud', achternaam: 'Samengevoegd', admittedOn: '2026-10-01' });
    const b = (
      await t.post('/v1/clienten', {
        voornaam: 'Oud',
        achternaam: 'Samengevoegd',
        geboortedatum: '1980-01-01',
        herkomstGemeentecode: '0505',
      })
    ).body.id as string;
    const m = await t.post(`/v1/clienten/${a.clientId}/samenvoegingen`, { samenTeVoegenClientId: b });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.samenvoegingen[0]).toMatchObject({ splitsbaar: true, toelichting: null });
    // as a merge made before the undo feature: the snapshot has no list of moved rows
    await database.db
      .updateTable('client_merges')
      .set({ snapshot: JSON.stringify({ client: { id: b } }) })
      .where('kept_id', '=', a.clientId)
      .execute();
    const file = (await t.get(`/v1/clienten/${a.clientId}`)).body;
    expect(file.samenvoegingen[0].splitsbaar).toBe(false);
    expect(file.samenvoegingen[0].toelichting).toContain('handmatig');
    const undo = await t.post(`/v1/clienten/${a.clientId}/samenvoegingen/${file.samenvoegingen[0].id}/splitsingen`, {
      reden: 'Toch twee personen',
    });
    expect(undo.status).toBe(409);
    expect(undo.body.detail).toContain('handmatig');
  });

  it('een gesplitst paar wordt niet meer als dubbel voorgesteld voor het dossier zelf', async () => {
    const kept = (
      await t.post('/v1/clienten', {
        voornaam: 'Ria',
        achternaam: 'Tweeling',
        geboortedatum: '1990-05-05',
        herkomstGemeentecode: '0505',
      })
    ).body.id as string;
    const other = (
      await t.post('/v1/clienten', {
        voornaam: 'Ria',
        achternaam: 'Tweeling',
        geboortedatum: '1990-05-05',
        herkomstGemeentecode: '0505',
        telefoon: '06-12345678',
      })
    ).body.id as string;
    const ask = { voornaam: 'Ria', achternaam: 'Tweeling', geboortedatum: '1990-05-05', clientId: kept };
    expect((await t.post('/v1/clienten/_dubbelen', ask)).body.kandidaten.map((k: Json) => k.id)).toEqual([other]);
    const m = (await t.post(`/v1/clienten/${kept}/samenvoegingen`, { samenTeVoegenClientId: other })).body;
    const s = await t.post(`/v1/clienten/${kept}/samenvoegingen/${m.samenvoegingen[0].id}/splitsingen`, {
      reden: 'Tweelingzus, ander persoon',
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect((await t.post('/v1/clienten/_dubbelen', ask)).body.kandidaten).toEqual([]);
    expect(
      (await t.post('/v1/clienten/_dubbelen', { ...ask, clientId: other })).body.kandidaten.map((k: Json) => k.id),
    ).toEqual([]);
    // without a dossier (a new registration) both are still found
    const fresh = (await t.post('/v1/clienten/_dubbelen', { ...ask, clientId: undefined })).body.kandidaten;
    expect(fresh.map((k: Json) => k.id).sort()).toEqual([kept, other].sort());
  });
});

describe('de eigen kant van de cliënt', () => {
  it('de cliënt leest gedeelde rapportage en eigen afspraken, reageert op het plan; de trajecthouder krijgt een taak', async () => {
    const shared = await t.post(`/v1/clienten/${carla.clientId}/journaalberichten`, {
      soort: 'contact',
      tekst: 'We zoeken samen naar een kamer.',
      gedeeldMetClient: true,
    });
    await t.post(`/v1/clienten/${carla.clientId}/journaalberichten`, {
      soort: 'observatie',
      tekst: 'Intern: let op schulden.',
    });
    const journal = (await me.get(`/v1/clienten/${carla.clientId}/journaalberichten?zoek=kamer`)).body;
    expect(journal.resultaten.map((r: Json) => r.id)).toEqual([shared.body.id]);
    expect((await me.get(`/v1/clienten/${carla.clientId}/journaalberichten?zoek=schulden`)).body.totaal).toBe(0);
    expect(
      (await me.post(`/v1/clienten/${carla.clientId}/journaalberichten`, { soort: 'contact', tekst: 'x' })).status,
    ).toBe(403);
    expect((await me.get(`/v1/clienten/${carla.clientId}/afspraken`)).body.resultaten.length).toBeGreaterThan(0);
    const plan = await t.post(`/v1/trajecten/${carla.trajectoryId}/perspectiefplan`, { opgesteldOp: '2026-12-01' });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const comment = await me.post(`/v1/perspectiefplannen/${plan.body.id}/opmerkingen`, {
      tekst: 'Ik wil graag in Dordrecht blijven.',
    });
    expect(comment.status).toBe(201);
    const task = (await t.get('/v1/mijn-taken')).body.resultaten.find(
      (x: Json) => x.soort === 'opmerking' && x.clientId === carla.clientId,
    );
    expect(task.omschrijving).toContain('Ik wil graag in Dordrecht blijven.');
    // the colleague (not the trajecthouder) does not get it
    expect((await t2.get('/v1/mijn-taken')).body.resultaten.some((x: Json) => x.soort === 'opmerking')).toBe(false);
  });
});
