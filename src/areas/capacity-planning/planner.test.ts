// Issue 18 through the API on the Dordrecht demo: the model fitted on the own history with its backtest, saved
// scenarios (Dutch problems, per tenant), and simulation jobs that run in worker threads (202, progress, result)
// answering "50 + 10" with its risks, reproducibly for a seed, and comparing scenarios.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../app.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';
import type { Database } from '../../platform/db/database.js';
import { seededDemo } from '../../test/demo.js';
import { type ApiClient, type Json, loginAs } from '../../test/fixtures.js';

const TODAY = '2026-05-01';
let database: Database;
let app: ReturnType<typeof createApp>;
let beleid: ApiClient;
let toegang: ApiClient;

beforeAll(async () => {
  ({ database, app } = await seededDemo(TODAY));
  beleid = await loginAs(app, 'dordrecht.beleid', DEMO_PASSWORD);
  toegang = await loginAs(app, 'dordrecht.toegang', DEMO_PASSWORD);
});
afterAll(() => database.close());

const params = (over: Partial<Json> = {}) => ({
  locaties: [{ naam: 'Crisisopvang Kromhout-Kasperspad', kamers: 50, reserve: 10 }],
  minderInstroomProcent: 0,
  kortereVerblijfsduurDagen: 0,
  extraWoonplekkenPerMaand: 0,
  housingFirstProcent: 0,
  ...over,
});

async function simulate(who: ApiClient, body: Json): Promise<Json> {
  const r = await who.post('/v1/capaciteitsplanning/simulaties', body);
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  expect(r.headers.get('location')).toBe(`/v1/capaciteitsplanning/simulaties/${r.body.id}`);
  expect(r.body.status).toBe('bezig');
  for (let i = 0; i < 600; i++) {
    const s = await who.get(`/v1/capaciteitsplanning/simulaties/${r.body.id}`);
    expect(s.status).toBe(200);
    if (s.body.status !== 'bezig') return s.body;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('simulatie niet klaar binnen een minuut');
}

describe('het model gefit op de eigen historie', () => {
  it('geeft instroom, verblijfsduur, vervolgplek en de backtest over de laatste 12 maanden, en de capaciteit 50 + 10', async () => {
    const r = await beleid.get('/v1/capaciteitsplanning/model');
    expect(r.status).toBe(200);
    const m = r.body;
    expect(m.kamers).toBe(50);
    expect(m.reserve).toBe(10);
    expect(m.instroomPerDag).toBeGreaterThan(0);
    expect(m.gemiddeldeVerblijfsduur).toBeGreaterThan(1);
    expect(m.weekdagpatroon).toHaveLength(7);
    expect(m.seizoenspatroon).toHaveLength(12);
    expect(m.aandeelVervolgplek).toBeGreaterThan(0);
    expect(m.aandeelVervolgplek).toBeLessThan(1);
    // no group of fewer than 10 stays is shown, and counts are rounded to 5 (disclosure control)
    for (const g of [...m.perVoorzieningstype, ...m.perHuishouden]) expect(g.aantal % 5).toBe(0);
    expect(m.backtest).not.toBeNull();
    expect(m.backtest.vanaf).toBe('2025-05-01');
    expect(m.backtest.maanden.length).toBeGreaterThanOrEqual(12);
    expect(m.backtest.gemiddeldeAfwijkingProcent).toBeGreaterThanOrEqual(0);
    // the model must reproduce the year it did not see reasonably (a broken fit gives errors far above this)
    expect(m.backtest.gemiddeldeAfwijkingProcent).toBeLessThan(35);
  });

  it('is er niet voor de locatiemedewerker of de corporatie (alleen beleid en toegang)', async () => {
    const loc = await loginAs(app, 'dordrecht.locatie', DEMO_PASSWORD);
    expect((await loc.get('/v1/capaciteitsplanning/model')).status).toBe(403);
    expect(
      (await loc.post('/v1/capaciteitsplanning/simulaties', { scenario: { naam: 'x', parameters: params() } })).status,
    ).toBe(403);
  });
});

describe('scenario’s opslaan', () => {
  it('slaat een scenario op per centrumgemeente, wijzigt en verwijdert het; een dubbele naam is een conflict', async () => {
    const c = await beleid.post('/v1/capaciteitsplanning/scenarios', { naam: '50 + 10', parameters: params() });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body.parameters.locaties[0].kamers).toBe(50);
    expect(
      (await toegang.post('/v1/capaciteitsplanning/scenarios', { naam: '50 + 10', parameters: params() })).status,
    ).toBe(409);
    const u = await toegang.put(`/v1/capaciteitsplanning/scenarios/${c.body.id}`, {
      naam: '50 + 10',
      parameters: params({ minderInstroomProcent: 5 }),
    });
    expect(u.status).toBe(200);
    expect(u.body.parameters.minderInstroomProcent).toBe(5);
    const almere = await loginAs(app, 'almere.beleid', DEMO_PASSWORD);
    expect(
      (await almere.get('/v1/capaciteitsplanning/scenarios')).body.resultaten.map((s: Json) => s.naam),
    ).not.toContain('50 + 10');
    expect((await almere.del(`/v1/capaciteitsplanning/scenarios/${c.body.id}`)).status).toBe(404);
    expect((await beleid.get('/v1/capaciteitsplanning/scenarios')).body.resultaten.map((s: Json) => s.naam)).toContain(
      '50 + 10',
    );
    expect((await beleid.del(`/v1/capaciteitsplanning/scenarios/${c.body.id}`)).status).toBe(204);
    expect((await beleid.del(`/v1/capaciteitsplanning/scenarios/${c.body.id}`)).status).toBe(404);
  });

  it('geeft alle fouten tegelijk, in het Nederlands, met het veld erbij (nooit een 500)', async () => {
    const r = await beleid.post('/v1/capaciteitsplanning/scenarios', {
      naam: ' ',
      parameters: params({
        minderInstroomProcent: 120,
        housingFirstProcent: -1,
        locaties: [{ naam: '', kamers: 2.5, reserve: -3 }],
      }),
    });
    expect(r.status).toBe(400);
    const fields = r.body.invalidParams.map((p: Json) => p.name);
    expect(fields).toEqual(
      expect.arrayContaining([
        'naam',
        'parameters.minderInstroomProcent',
        'parameters.housingFirstProcent',
        'parameters.locaties[0].naam',
        'parameters.locaties[0].kamers',
        'parameters.locaties[0].reserve',
      ]),
    );
    expect(JSON.stringify(r.body)).toContain('moet tussen 0 en 90 liggen');
    const bad = await beleid.post('/v1/capaciteitsplanning/simulaties', { jaren: 9, runs: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: Json) => p.name)).toEqual(
      expect.arrayContaining(['jaren', 'runs', 'scenarioId']),
    );
  });
});

describe('simulaties: "50 + 10" met zijn risico’s, en scenario’s naast elkaar', () => {
  let base: Json;
  it('rekent in werkthreads, meldt voortgang en geeft mediaan, 90%-band en kansen over de horizon', async () => {
    base = await simulate(beleid, {
      scenario: { naam: '50 + 10', parameters: params() },
      jaren: 2,
      runs: 200,
      seed: 42,
    });
    expect(base.status).toBe('klaar');
    expect(base.voortgang).toBe(100);
    const res = base.resultaat;
    expect(res.kamers).toBe(50);
    expect(res.reserve).toBe(10);
    expect(res.dagen).toHaveLength(730);
    expect(res.dagen[0].datum).toBe(TODAY);
    for (const d of res.dagen) {
      expect(d.p5).toBeLessThanOrEqual(d.mediaan);
      expect(d.mediaan).toBeLessThanOrEqual(d.p95);
      expect(d.p95).toBeLessThanOrEqual(60);
      expect(d.kansAllesVol).toBeLessThanOrEqual(d.kansKamersVol);
    }
    expect(res.jaren).toHaveLength(2);
    expect(res.jaren[0].verblijfsduur.mediaan).toBeGreaterThan(0);
    expect(res.kansKamersVolPerNacht).toBeGreaterThanOrEqual(0);
  });

  it('dezelfde seed geeft hetzelfde antwoord', async () => {
    const again = await simulate(toegang, {
      scenario: { naam: '50 + 10', parameters: params() },
      jaren: 2,
      runs: 200,
      seed: 42,
    });
    expect(again.resultaat).toEqual(base.resultaat);
  });

  it('preventie −15% en een tweede locatie met 20 kamers verlagen de druk op de reserve en het afwijzen', async () => {
    const prevent = await simulate(beleid, {
      scenario: { naam: '50 + 10, preventie −15%', parameters: params({ minderInstroomProcent: 15 }) },
      jaren: 2,
      runs: 200,
      seed: 42,
    });
    const second = await simulate(beleid, {
      scenario: {
        naam: 'tweede locatie met 20 kamers',
        parameters: params({
          locaties: [
            { naam: 'Crisisopvang Kromhout-Kasperspad', kamers: 50, reserve: 10 },
            { naam: 'Tweede locatie', kamers: 20, reserve: 0 },
          ],
        }),
      },
      jaren: 2,
      runs: 200,
      seed: 42,
    });
    const y = (s: Json) => s.resultaat.jaren[1];
    expect(y(prevent).instroom.mediaan).toBeLessThan(y(base).instroom.mediaan);
    expect(y(prevent).gemiddeldeBezetting.mediaan).toBeLessThan(y(base).gemiddeldeBezetting.mediaan);
    expect(second.resultaat.kamers).toBe(70);
    expect(y(second).afgewezen.mediaan).toBeLessThanOrEqual(y(base).afgewezen.mediaan);
    expect(second.resultaat.kansKamersVolPerNacht).toBeLessThanOrEqual(base.resultaat.kansKamersVolPerNacht);
    const list = await beleid.get('/v1/capaciteitsplanning/simulaties');
    expect(list.body.resultaten.map((s: Json) => s.naam)).toEqual(
      expect.arrayContaining(['50 + 10', '50 + 10, preventie −15%', 'tweede locatie met 20 kamers']),
    );
  });

  it('een opgeslagen scenario van een andere centrumgemeente bestaat niet (404)', async () => {
    const almere = await loginAs(app, 'almere.beleid', DEMO_PASSWORD);
    const s = await almere.post('/v1/capaciteitsplanning/scenarios', { naam: 'Almere', parameters: params() });
    expect(s.status).toBe(201);
    expect((await beleid.post('/v1/capaciteitsplanning/simulaties', { scenarioId: s.body.id })).status).toBe(404);
    expect((await beleid.get(`/v1/capaciteitsplanning/simulaties/${base.id}`)).status).toBe(200);
    expect((await almere.get(`/v1/capaciteitsplanning/simulaties/${base.id}`)).status).toBe(404);
  });
});
