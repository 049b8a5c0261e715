import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { anExitedClient, loginAs, seedFixture } from '../../test/fixtures.js';
import { addressOfHome } from './aftercare.service.js';

// Issue 6 (vervolg): a nazorgplan after every exit to housing (same transaction as the exit), an adjustable contact
// schedule and responsible party, and preventief budgetbeheer that can end early.
let database: Database;
let app: ReturnType<typeof createApp>;
const NOW = new Date('2026-11-23T10:00:00Z'); // today in NL: 2026-11-23
type T = Awaited<ReturnType<typeof loginAs>>;
type Contact = { id: string; maanden: number | null; gepland: string | null; datum: string | null; status: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  app = createApp({ database, now: () => NOW });
});
afterAll(() => database.close());

async function admitAndExit(
  t: T,
  p: { voornaam: string; reg: string; exit: string; bestemming: string; clientId?: string },
) {
  const x = await anExitedClient(t, {
    voornaam: p.voornaam,
    achternaam: 'Nazorg',
    geboortedatum: '1980-05-06',
    clientId: p.clientId,
    admittedOn: p.reg,
    exitOn: p.exit,
    bestemming: p.bestemming,
  });
  return { clientId: x.clientId, trajectId: x.trajectoryId, nazorgplanId: x.nazorgplanId };
}

const plansOf = (trajectoryId: string) =>
  database.db.selectFrom('aftercare_plans').selectAll().where('trajectory_id', '=', trajectoryId).execute();
const auditRows = (clientId: string, resource: string) =>
  database.db
    .selectFrom('audit_log')
    .select(['action', 'resource', 'detail', 'username'])
    .where('client_id', '=', clientId)
    .where('resource', '=', resource)
    .execute();
const names = (r: { body: { invalidParams: { name: string }[] } }) => r.body.invalidParams.map((p) => p.name);

describe('nazorgplan automatisch bij uitstroom naar wonen', () => {
  it('maakt bij uitstroom naar een eigen woning een plan met contacten na 1, 3, 6 en 12 maanden, verantwoordelijke nog toe te wijzen', async () => {
    const t = await loginAs(app, 'toegang');
    const x = await admitAndExit(t, {
      voornaam: 'Anna',
      reg: '2026-07-01',
      exit: '2026-08-31',
      bestemming: 'huur-particulier',
    });
    expect(x.nazorgplanId).toEqual(expect.any(String));
    const rows = await plansOf(x.trajectId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: x.nazorgplanId,
      client_id: x.clientId,
      exit_on: '2026-08-31',
      responsible_kind: null,
      responsible_name: null,
      status: 'actief',
    });

    const plan = await t.get(`/v1/nazorgplannen/${x.nazorgplanId}`);
    expect(plan.status).toBe(200);
    // 31 Aug + 1 month = 30 Sep (clamped), + 3 = 30 Nov, + 6 = 28 Feb 2027, + 12 = 31 Aug 2027; 30 Sep is past today
    expect(plan.body.contacten.map((c: Contact) => [c.maanden, c.gepland, c.status])).toEqual([
      [1, '2026-09-30', 'gemist'],
      [3, '2026-11-30', 'gepland'],
      [6, '2027-02-28', 'gepland'],
      [12, '2027-08-31', 'gepland'],
    ]);
    expect(plan.body).toMatchObject({
      toeTeWijzen: true,
      verantwoordelijke: { soort: null, naam: null, soortLabel: 'Nog toe te wijzen', toegewezen: false },
      mogelijkheden: { wijzigen: true },
    });
    const row = (await t.get('/v1/nazorgplannen')).body.resultaten.find((r: { id: string }) => r.id === x.nazorgplanId);
    expect(row).toMatchObject({ toeTeWijzen: true, verantwoordelijke: { toegewezen: false } });
    expect(
      (await t.get('/v1/nazorgkandidaten')).body.resultaten.map((r: { trajectId: string }) => r.trajectId),
    ).not.toContain(x.trajectId);
    expect(await auditRows(x.clientId, 'nazorgplan')).toContainEqual({
      action: 'aanmaken',
      resource: 'nazorgplan',
      detail: `${x.nazorgplanId} automatisch bij uitstroom`,
      username: 'toegang',
    });

    // beschermd wonen also counts as an exit to housing (same rule as the manual plan)
    const bw = await admitAndExit(t, {
      voornaam: 'Bea',
      reg: '2026-07-01',
      exit: '2026-09-01',
      bestemming: 'beschermd-wonen',
    });
    expect(await plansOf(bw.trajectId)).toHaveLength(1);
  });

  it('maakt geen plan bij uitstroom naar straat of een tussenvoorziening; die blijven buiten de nazorg', async () => {
    const t = await loginAs(app, 'toegang');
    for (const bestemming of ['straat', 'tussenvoorziening']) {
      const x = await admitAndExit(t, {
        voornaam: `Bert-${bestemming}`,
        reg: '2026-07-01',
        exit: '2026-08-01',
        bestemming,
      });
      expect(x.nazorgplanId, bestemming).toBeNull();
      expect(await plansOf(x.trajectId), bestemming).toEqual([]);
      expect(
        (
          await t.post('/v1/nazorgplannen', {
            trajectId: x.trajectId,
            verantwoordelijkeSoort: 'wijkteam',
            verantwoordelijkeNaam: 'W',
          })
        ).status,
      ).toBe(409);
    }
  });

  it('maakt geen tweede plan: niet voor dezelfde uitstroom, niet naast een actief plan van een eerdere uitstroom', async () => {
    const t = await loginAs(app, 'toegang');
    const first = await admitAndExit(t, {
      voornaam: 'Carla',
      reg: '2026-02-01',
      exit: '2026-03-02',
      bestemming: 'huur-corporatie',
    });
    expect(first.nazorgplanId).toEqual(expect.any(String));
    expect(
      (
        await t.post('/v1/nazorgplannen', {
          trajectId: first.trajectId,
          verantwoordelijkeSoort: 'fact',
          verantwoordelijkeNaam: 'FACT',
        })
      ).status,
    ).toBe(409);
    // Carla comes back and leaves to housing again while the first plan is still active
    const again = await admitAndExit(t, {
      voornaam: 'Carla',
      clientId: first.clientId,
      reg: '2026-09-01',
      exit: '2026-10-01',
      bestemming: 'huur-corporatie',
    });
    expect(again.nazorgplanId).toBeNull();
    const all = await database.db
      .selectFrom('aftercare_plans')
      .select('id')
      .where('client_id', '=', first.clientId)
      .execute();
    expect(all).toHaveLength(1);
    const p1 = await t.get(`/v1/nazorgplannen/${first.nazorgplanId}`);
    expect(p1.body.alarmen.map((a: { soort: string }) => a.soort)).toContain('terugkeer');
    // the second exit is on the candidates list; the manual path makes its plan after the first one is closed
    expect(
      (await t.get('/v1/nazorgkandidaten')).body.resultaten.map((r: { trajectId: string }) => r.trajectId),
    ).toContain(again.trajectId);
    expect(
      (
        await t.post(`/v1/nazorgplannen/${first.nazorgplanId}/afsluitingen`, {
          datum: '2026-10-02',
          reden: 'Terugval; nieuw plan na nieuwe uitstroom',
        })
      ).status,
    ).toBe(201);
    const manual = await t.post('/v1/nazorgplannen', {
      trajectId: again.trajectId,
      verantwoordelijkeSoort: 'ambulant-begeleider',
      verantwoordelijkeNaam: 'Leger des Heils ambulant',
    });
    expect(manual.status).toBe(201);
    expect(manual.body.contacten.map((c: Contact) => c.gepland)).toEqual([
      '2026-11-01',
      '2027-01-01',
      '2027-04-01',
      '2027-10-01',
    ]);
  });
});

describe('nazorgplan aanpassen: verantwoordelijke en contactmomenten', () => {
  it('wijst de verantwoordelijke toe en verplaatst, voegt toe en schrapt geplande contactmomenten; 400 met alle problemen, 404, 409', async () => {
    const t = await loginAs(app, 'toegang');
    const x = await admitAndExit(t, {
      voornaam: 'Dirk',
      reg: '2026-09-01',
      exit: '2026-10-15',
      bestemming: 'huur-corporatie',
    });
    const base = `/v1/nazorgplannen/${x.nazorgplanId}`;

    // responsible party
    const empty = await t.patch(base, {});
    expect(empty.status).toBe(400);
    expect(names(empty)).toEqual(['verantwoordelijkeSoort']);
    const bad = await t.patch(base, {
      verantwoordelijkeSoort: 'politie',
      verantwoordelijkeNaam: '  ',
      postcode: '33AB',
      huisnummer: '5',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(names(bad)).toEqual(['verantwoordelijkeSoort', 'verantwoordelijkeNaam', 'postcode']);
    const assigned = await t.patch(base, { verantwoordelijkeSoort: 'fact', verantwoordelijkeNaam: 'FACT Yulius' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      toeTeWijzen: false,
      verantwoordelijke: { soort: 'fact', soortLabel: 'FACT-team', naam: 'FACT Yulius', toegewezen: true },
      adres: null,
    });
    expect((await auditRows(x.clientId, 'nazorgplan')).map((r) => r.detail)).toContain(
      `${x.nazorgplanId}: verantwoordelijke nog toe te wijzen → FACT Yulius (fact)`,
    );
    const row = (await t.get('/v1/nazorgplannen')).body.resultaten.find((r: { id: string }) => r.id === x.nazorgplanId);
    expect(row.toeTeWijzen).toBe(false);

    // schedule: 15 Nov 2026 (missed), 15 Jan, 15 Apr, 15 Oct 2027
    const byMonth = (cs: Contact[], m: number) => cs.find((c) => c.maanden === m)!;
    const start = (await t.get(base)).body.contacten as Contact[];
    expect(start.map((c) => c.gepland)).toEqual(['2026-11-15', '2027-01-15', '2027-04-15', '2027-10-15']);
    const add = (gepland: string) => t.post(`${base}/contactmomenten`, { gepland });
    const past = await add('2026-11-01');
    expect(past.status).toBe(400);
    expect(past.body.invalidParams).toEqual([{ name: 'gepland', code: 'past', reason: expect.any(String) }]);
    expect((await add('2029-10-16')).body.invalidParams[0].code).toBe('range'); // exit + 36 months = 2029-10-15
    expect((await add('2027-01-15')).body.invalidParams[0].code).toBe('unique');
    expect((await add('2026-13-01')).body.invalidParams[0].code).toBe('date');
    const extra = await add('2026-12-01');
    expect(extra.status).toBe(201);
    expect(extra.body.contacten.map((c: Contact) => [c.maanden, c.gepland, c.status])).toEqual([
      [1, '2026-11-15', 'gemist'],
      [null, '2026-12-01', 'gepland'],
      [3, '2027-01-15', 'gepland'],
      [6, '2027-04-15', 'gepland'],
      [12, '2027-10-15', 'gepland'],
    ]);
    const extraId = (extra.body.contacten as Contact[]).find((c) => c.maanden === null)!.id;

    // move the missed one: the missed-contact alarm goes away, the month label stays
    const moveTo = (id: string, gepland: string) => t.patch(`${base}/contactmomenten/${id}`, { gepland });
    expect((await moveTo(byMonth(start, 1).id, '2026-12-01')).body.invalidParams[0].code).toBe('unique');
    const moved = await moveTo(byMonth(start, 1).id, '2026-11-30');
    expect(moved.status).toBe(200);
    expect(byMonth(moved.body.contacten, 1)).toMatchObject({ gepland: '2026-11-30', status: 'gepland' });
    expect(moved.body.alarmen.filter((a: { soort: string }) => a.soort === 'gemist-contact')).toEqual([]);
    expect((await moveTo('onbekend-id', '2026-12-20')).status).toBe(404);

    // a done contact cannot be moved or removed
    const done = await t.post(`${base}/contacten`, {
      datum: '2026-11-22',
      bereikt: true,
      geplandContactId: byMonth(start, 3).id,
    });
    expect(done.status).toBe(201);
    expect((await moveTo(byMonth(start, 3).id, '2027-02-01')).status).toBe(409);
    expect((await t.del(`${base}/contactmomenten/${byMonth(start, 3).id}`)).status).toBe(409);

    // remove the extra one, then the 6- and 12-month ones; the last open moment stays (409)
    const removed = await t.del(`${base}/contactmomenten/${extraId}`);
    expect(removed.status).toBe(200);
    expect(removed.body.contacten.map((c: Contact) => c.gepland)).toEqual([
      '2026-11-30',
      '2027-01-15',
      '2027-04-15',
      '2027-10-15',
    ]);
    expect((await t.del(`${base}/contactmomenten/${byMonth(start, 6).id}`)).status).toBe(200);
    expect((await t.del(`${base}/contactmomenten/${byMonth(start, 12).id}`)).status).toBe(200);
    const last = await t.del(`${base}/contactmomenten/${byMonth(start, 1).id}`);
    expect(last.status).toBe(409);
    expect((await t.get(base)).body.contacten.map((c: Contact) => [c.maanden, c.gepland, c.status])).toEqual([
      [1, '2026-11-30', 'gepland'],
      [3, '2027-01-15', 'gedaan'],
    ]);
    // every change logged: 1 added, 1 moved, 3 removed
    expect((await auditRows(x.clientId, 'nazorgplanning')).map((r) => r.action)).toEqual([
      'wijzigen',
      'wijzigen',
      'wijzigen',
      'wijzigen',
      'wijzigen',
    ]);

    // other tenant: 404; no person data for beleid: 403
    const other = await loginAs(app, 'almere.toegang');
    expect((await other.patch(base, { verantwoordelijkeSoort: 'fact', verantwoordelijkeNaam: 'X' })).status).toBe(404);
    expect((await other.post(`${base}/contactmomenten`, { gepland: '2027-03-01' })).status).toBe(404);
    expect(
      (await (await loginAs(app, 'beleid')).patch(base, { verantwoordelijkeSoort: 'fact', verantwoordelijkeNaam: 'X' }))
        .status,
    ).toBe(403);

    // closed plan: 409 on every change
    expect(
      (await t.post(`${base}/afsluitingen`, { datum: '2026-11-23', reden: 'Verhuisd buiten de regio' })).status,
    ).toBe(201);
    const closed = await t.get(base);
    expect(closed.body.mogelijkheden).toMatchObject({ wijzigen: false, planningWijzigen: false });
    expect(
      (await t.patch(base, { verantwoordelijkeSoort: 'wijkteam', verantwoordelijkeNaam: 'Wijkteam' })).status,
    ).toBe(409);
    expect((await add('2027-03-01')).status).toBe(409);
    expect((await moveTo(byMonth(start, 1).id, '2027-03-01')).status).toBe(409);
    expect((await t.del(`${base}/contactmomenten/${byMonth(start, 1).id}`)).status).toBe(409);
    expect((await t.get(base)).body.verantwoordelijke.naam).toBe('FACT Yulius');
  });
});

describe('preventief budgetbeheer voortijdig beëindigen of annuleren', () => {
  it('beëindigt met datum en verplichte reden; de fase wordt afgerond en een nieuw traject mag daarna starten', async () => {
    const t = await loginAs(app, 'toegang');
    const x = await admitAndExit(t, {
      voornaam: 'Eva',
      reg: '2025-10-01',
      exit: '2025-12-01',
      bestemming: 'huur-corporatie',
    });
    const b = await t.post('/v1/budgetbeheertrajecten', {
      clientId: x.clientId,
      nazorgplanId: x.nazorgplanId,
      uitvoerder: 'Sociale Dienst Drechtsteden',
      start: '2026-01-05',
      afbouwVanaf: '2026-09-01',
      eind: '2027-07-01',
    });
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({
      fase: 'afbouw',
      voortijdigBeeindigd: null,
      mogelijkheden: { voortijdigBeeindigen: true },
    });
    const next = {
      clientId: x.clientId,
      uitvoerder: 'Kredietbank',
      start: '2026-11-21',
      afbouwVanaf: '2027-06-01',
      eind: '2027-11-21',
    };
    expect((await t.post('/v1/budgetbeheertrajecten', next)).status).toBe(409); // overlaps the running one

    const end = (id: string, body: unknown) => t.post(`/v1/budgetbeheertrajecten/${id}/beeindigingen`, body);
    const invalid = await end(b.body.id, { datum: '2026-11-30', reden: ' ' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code])).toEqual([
      ['datum', 'future'],
      ['reden', 'required'],
    ]);
    expect((await end(b.body.id, { datum: '2026-01-04', reden: 'x' })).body.invalidParams[0]).toMatchObject({
      name: 'datum',
      code: 'range',
    });
    const ok = await end(b.body.id, { datum: '2026-11-20', reden: 'Cliënt verhuisd naar een andere gemeente' });
    expect(ok.status).toBe(201);
    // 2026-01-05 → 2026-11-20 = 319 days ≈ 10 months; the afbouw phase (from 09-01) was reached
    expect(ok.body).toMatchObject({
      fase: 'afgerond',
      eind: '2027-07-01',
      voortijdigBeeindigd: { datum: '2026-11-20', reden: 'Cliënt verhuisd naar een andere gemeente' },
      afbouwBereikt: true,
      duurMaanden: 10,
      dagenTotEind: 0,
      mogelijkheden: { voortijdigBeeindigen: false },
    });
    expect((await end(b.body.id, { datum: '2026-11-21', reden: 'nogmaals' })).status).toBe(409);
    expect(await auditRows(x.clientId, 'budgetbeheer')).toContainEqual({
      action: 'beeindigen',
      resource: 'budgetbeheer',
      detail: `${b.body.id} voortijdig per 2026-11-20`,
      username: 'toegang',
    });
    const row = await database.db
      .selectFrom('budget_management')
      .select(['ended_early_on', 'ended_early_reason', 'ends_on'])
      .where('id', '=', b.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      ended_early_on: '2026-11-20',
      ended_early_reason: 'Cliënt verhuisd naar een andere gemeente',
      ends_on: '2027-07-01',
    });

    // the early end frees the period: a new trajectory from 2026-11-21 is accepted, and ends in its opbouw phase
    const n = await t.post('/v1/budgetbeheertrajecten', next);
    expect(n.status).toBe(201);
    expect(n.body.fase).toBe('opbouw');
    const early = await end(n.body.id, { datum: '2026-11-23', reden: 'Cliënt wil het zelf doen' });
    expect(early.body).toMatchObject({ fase: 'afgerond', afbouwBereikt: false, duurMaanden: 0 });
    const list = (await t.get('/v1/budgetbeheertrajecten')).body.resultaten.filter(
      (r: { clientId: string }) => r.clientId === x.clientId,
    );
    expect(list.map((r: { voortijdigBeeindigd: { datum: string } }) => r.voortijdigBeeindigd.datum)).toEqual(
      ['2026-11-20', '2026-11-23'].sort(),
    );

    // a planned trajectory (not started yet) is cancelled by the same request; its period is free again
    const planned = {
      clientId: x.clientId,
      uitvoerder: 'Kredietbank',
      start: '2027-01-04',
      afbouwVanaf: '2027-09-01',
      eind: '2028-01-04',
    };
    const pl = await t.post('/v1/budgetbeheertrajecten', planned);
    expect(pl.body).toMatchObject({ fase: 'gepland', mogelijkheden: { voortijdigBeeindigen: false, annuleren: true } });
    expect((await end(pl.body.id, { datum: '2026-11-24', reden: 'x' })).body.invalidParams[0]).toMatchObject({
      name: 'datum',
      code: 'future',
    });
    const cancelled = await end(pl.body.id, {
      datum: '2026-11-23',
      reden: 'Schulden toch via de kredietbank geregeld',
    });
    expect(cancelled.status).toBe(201);
    expect(cancelled.body).toMatchObject({
      fase: 'geannuleerd',
      voortijdigBeeindigd: { datum: '2026-11-23' },
      duurMaanden: 0,
      afbouwBereikt: false,
      mogelijkheden: { voortijdigBeeindigen: false, annuleren: false },
    });
    expect((await end(pl.body.id, { datum: '2026-11-23', reden: 'nogmaals' })).status).toBe(409);
    expect(await auditRows(x.clientId, 'budgetbeheer')).toContainEqual({
      action: 'beeindigen',
      resource: 'budgetbeheer',
      detail: `${pl.body.id} geannuleerd per 2026-11-23`,
      username: 'toegang',
    });
    expect((await t.post('/v1/budgetbeheertrajecten', planned)).status).toBe(201);

    expect(
      (
        await (
          await loginAs(app, 'almere.toegang')
        ).post(`/v1/budgetbeheertrajecten/${b.body.id}/beeindigingen`, { datum: '2026-11-20', reden: 'x' })
      ).status,
    ).toBe(404);
    expect((await end('bestaat-niet', { datum: '2026-11-20', reden: 'x' })).status).toBe(404);
  });
});

describe('adres van een woning voor de waakvlam', () => {
  it('haalt postcode en huisnummer (met toevoeging) uit het adres van de woonplek', () => {
    expect(addressOfHome('3311 aa', 'Zonnebloemstraat 77 A, Dordrecht')).toEqual({
      postcode: '3311AA',
      houseNumber: '77A',
    });
    expect(addressOfHome('1094AB', '2e Atjehstraat 12-3, Amsterdam')).toEqual({
      postcode: '1094AB',
      houseNumber: '12-3',
    });
    expect(addressOfHome('3311AB', 'Kasperspad 3')).toEqual({ postcode: '3311AB', houseNumber: '3' });
    expect(addressOfHome(null, 'Kasperspad 3, Dordrecht')).toBeNull(); // no postcode: no address to watch
    expect(addressOfHome('3311AB', 'Onbekend, Dordrecht')).toBeNull();
  });
});
