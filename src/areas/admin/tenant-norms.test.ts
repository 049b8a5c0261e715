// Issue 11: the tenant settings normDoorstroomDagen and planTermijnDagen are used wherever the screens, worklists and
// signals apply the stay norm or the plan term. The §4 figure "binnen 3 maanden doorgestroomd" keeps 91 days.
// Both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, aPlacedClient, type Json, loginAs, seedFixture } from '../../test/fixtures.js';

let database: Database;
let app: ReturnType<typeof createApp>;
let beheer: ApiClient;
let toegang: ApiClient;
let longStay: string;
let noPlan: string;
const now = new Date('2026-12-02T10:00:00Z'); // today 2026-12-02

async function setNorms(change: { normDoorstroomDagen?: number; planTermijnDagen?: number }) {
  const cur = await beheer.get('/v1/instellingen');
  const r = await beheer.put('/v1/instellingen', { ...cur.body, ...change });
  expect(r.status).toBe(200);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const fx = await seedFixture(database);
  app = createApp({ database, now: () => now });
  beheer = await loginAs(app, 'beheer');
  toegang = await loginAs(app, 'toegang');
  // placed 2026-09-01: 92 days in shelter today
  longStay = (await aPlacedClient(toegang, { voornaam: 'Lang', admittedOn: '2026-09-01', unit: fx.room1 })).clientId;
  // placed 2026-11-25 without a plan: 7 days ago
  noPlan = (await aPlacedClient(toegang, { voornaam: 'Zonderplan', admittedOn: '2026-11-25', unit: fx.room2 }))
    .clientId;
});
afterAll(() => database.close());

describe('de norm doorstroom (normDoorstroomDagen) is een instelling van de centrumgemeente', () => {
  it('92 dagen in de opvang is boven de standaardnorm van 91, en binnen een norm van 120 dagen', async () => {
    await setNorms({ normDoorstroomDagen: 91 });
    const summary = (await toegang.get(`/v1/clienten/${longStay}/samenvatting`)).body;
    expect(summary).toMatchObject({ dagenInOpvang: 92, doelDagen: 91 });
    const persp = (await toegang.get(`/v1/clienten/${longStay}/perspectief`)).body;
    expect(persp.traject.driemaandencontrole).toMatchObject({ doelDagen: 91, bovenDoel: true, resterendeDagen: -1 });
    const overleg = (await toegang.get('/v1/werklijsten/doorstroomoverleg')).body;
    expect(overleg.doelDagen).toBe(91);
    expect(overleg.totalen.bovenDoel).toBe(1);
    expect(overleg.resultaten.find((r: Json) => r.clientId === longStay).urgentie).toBe('boven-doel');
    const tasks = (await toegang.get('/v1/mijn-taken')).body.resultaten.filter(
      (t: Json) => t.clientId === longStay && t.soort === 'signaal',
    );
    expect(tasks.map((t: Json) => t.omschrijving)).toEqual(['92 dagen in de opvang: boven de norm van 91 dagen']);

    await setNorms({ normDoorstroomDagen: 120 });
    expect((await toegang.get(`/v1/clienten/${longStay}/samenvatting`)).body.doelDagen).toBe(120);
    const persp2 = (await toegang.get(`/v1/clienten/${longStay}/perspectief`)).body;
    expect(persp2.traject.driemaandencontrole).toMatchObject({ doelDagen: 120, bovenDoel: false, resterendeDagen: 28 });
    const overleg2 = (await toegang.get('/v1/werklijsten/doorstroomoverleg')).body;
    expect(overleg2.doelDagen).toBe(120);
    expect(overleg2.totalen.bovenDoel).toBe(0);
    // still the 12-week signal (92 days ≥ 84), but no longer over the norm
    expect(overleg2.resultaten.find((r: Json) => r.clientId === longStay).urgentie).toBe('12-weken');
    const tasks2 = (await toegang.get('/v1/mijn-taken')).body.resultaten.filter(
      (t: Json) => t.clientId === longStay && t.soort === 'signaal',
    );
    expect(tasks2.map((t: Json) => t.omschrijving)).toEqual([
      '12 weken in de opvang (92 dagen): bespreek de doorstroom',
    ]);
    await setNorms({ normDoorstroomDagen: 91 });
  });
});

describe('de termijn van het perspectiefplan (planTermijnDagen) is een instelling van de centrumgemeente', () => {
  it('zonder plan 7 dagen na plaatsing is te laat bij 5 dagen, en nog binnen de termijn bij 10 dagen', async () => {
    await setNorms({ planTermijnDagen: 5 });
    const summary = (await toegang.get(`/v1/clienten/${noPlan}/samenvatting`)).body;
    expect(summary.plan).toMatchObject({ status: 'te-laat', uiterlijkeDatum: '2026-11-30', dagenTeLaat: 2 });
    const late = (await toegang.get('/v1/werklijsten/te-late-plannen')).body;
    expect(late.resultaten.map((r: Json) => r.clientId)).toContain(noPlan);
    expect(late.regel).toContain('binnen 5 dagen');
    const task = (await toegang.get('/v1/mijn-taken')).body.resultaten.find(
      (t: Json) => t.clientId === noPlan && t.soort === 'plan',
    );
    expect(task).toMatchObject({ urgent: true, datum: '2026-11-30' });

    await setNorms({ planTermijnDagen: 10 });
    const persp = (await toegang.get(`/v1/clienten/${noPlan}/perspectief`)).body;
    expect(persp.traject.planTermijn).toMatchObject({ status: 'nog-binnen-termijn', uiterlijkeDatum: '2026-12-05' });
    const late2 = (await toegang.get('/v1/werklijsten/te-late-plannen')).body;
    expect(late2.resultaten.map((r: Json) => r.clientId)).not.toContain(noPlan);
    expect(late2.regel).toContain('binnen 10 dagen');
    const task2 = (await toegang.get('/v1/mijn-taken')).body.resultaten.find(
      (t: Json) => t.clientId === noPlan && t.soort === 'plan',
    );
    expect(task2).toMatchObject({
      urgent: false,
      datum: '2026-12-05',
      omschrijving: 'Perspectiefplan opstellen (binnen 10 dagen na plaatsing)',
    });
    await setNorms({ planTermijnDagen: 5 });
  });

  it('het cijfer "plan op tijd" telt met de termijn van de centrumgemeente', async () => {
    // a plan drawn up 7 days after placement: late with 5 days, on time with 10
    const persp = (await toegang.get(`/v1/clienten/${noPlan}/perspectief`)).body;
    const plan = await toegang.post(`/v1/trajecten/${persp.traject.id}/perspectiefplan`, { opgesteldOp: '2026-12-02' });
    expect(plan.status).toBe(201);
    const q = '/v1/rapportages/perspectief?van=2026-11-01&tot=2026-12-01';
    await setNorms({ planTermijnDagen: 5 });
    expect((await toegang.get(q)).body.planBinnen5Dagen).toMatchObject({ plaatsingen: 1, opTijd: 0 });
    await setNorms({ planTermijnDagen: 10 });
    expect((await toegang.get(q)).body.planBinnen5Dagen).toMatchObject({ plaatsingen: 1, opTijd: 1 });
    await setNorms({ planTermijnDagen: 5 });
  });
});
