import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../app.js';
import type { Database } from '../platform/db/database.js';
import { seededDemo } from '../test/demo.js';
import { loginAs } from '../test/fixtures.js';
import { DEMO_PASSWORD } from './seed.js';

// The demo must make the worklists of actielijn 2 meaningful: late plans, several clients over 91 days, blockades,
// waiting lists with an expected wait, and a demo client who can read their own plan.
let database: Database;
let app: ReturnType<typeof createApp>;
const TODAY = '2026-05-01';

beforeAll(async () => {
  ({ database, app } = await seededDemo(TODAY));
});
afterAll(() => database.close());

describe('demodata werken aan perspectief', () => {
  it('geeft Dordrecht een gevulde doorstroomoverleg-lijst, te late plannen en wachtlijsten met verwachte wachttijd', async () => {
    const t = await loginAs(app, 'dordrecht.toegang', DEMO_PASSWORD);
    const list = await t.get('/v1/werklijsten/doorstroomoverleg');
    expect(list.status).toBe(200);
    const rows = list.body.resultaten as { dagenInOpvang: number; blokkades: unknown[]; volgendeActor: unknown }[];
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(list.body.totalen.bovenDoel).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.dagenInOpvang <= 120)).toBe(true);
    expect(rows.map((r) => r.dagenInOpvang)).toEqual([...rows.map((r) => r.dagenInOpvang)].sort((a, b) => b - a));
    expect(rows.filter((r) => r.blokkades.length > 0).length).toBeGreaterThanOrEqual(5);
    const late = await t.get('/v1/werklijsten/te-late-plannen');
    expect(late.body.resultaten.length).toBeGreaterThanOrEqual(2);
    const lists = await t.get('/v1/wachtlijsten');
    const tv = lists.body.resultaten.find((l: { id: string }) => l.id === 'tussenvoorziening');
    expect(tv.lengte).toBeGreaterThan(0);
    expect(tv.verwachteWachttijdNieuwDagen).toBeGreaterThan(0);
    const fig = await t.get(`/v1/rapportages/perspectief?van=2026-01-01&tot=2026-05-01`);
    expect(fig.body.planBinnen5Dagen.plaatsingen).toBeGreaterThan(5);
  });

  it('de democliënt leest het eigen plan', async () => {
    const c = await loginAs(app, 'dordrecht.client', DEMO_PASSWORD);
    const me = (await c.get('/v1/sessies/huidig')).body.gebruiker;
    const p = await c.get(`/v1/clienten/${me.clientId}/perspectief`);
    expect(p.status).toBe(200);
    expect(p.body.traject.plan.doelen.length).toBeGreaterThanOrEqual(2);
    expect(p.body.traject.plan.mogelijkheden.opmerkingPlaatsen).toBe(true);
  });

  it('elk ondertekend demoplan heeft zijn ondertekende versie 1, gelijk aan het plan', async () => {
    const signed = await database.db
      .selectFrom('perspective_plans')
      .select(['id', 'signed_on'])
      .where('tenant_id', '=', 'dordrecht')
      .where('signed_on', 'is not', null)
      .execute();
    expect(signed.length).toBeGreaterThan(10);
    const versions = await database.db
      .selectFrom('perspective_plan_versions')
      .select(['plan_id', 'version_no', 'signed_on'])
      .where('tenant_id', '=', 'dordrecht')
      .execute();
    const norm = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
    expect(versions.map((v) => `${v.plan_id} ${v.version_no} ${norm(v.signed_on)}`).sort()).toEqual(
      signed.map((p) => `${p.id} 1 ${norm(p.signed_on)}`).sort(),
    );
    const t = await loginAs(app, 'dordrecht.toegang', DEMO_PASSWORD);
    const plan = await t.get(`/v1/perspectiefplannen/${signed[0]!.id}`);
    expect(plan.body).toMatchObject({
      gewijzigdSindsOndertekening: false,
      versies: [{ versie: 1, ondertekendOp: norm(signed[0]!.signed_on) }],
    });
    const v1 = await t.get(`/v1/perspectiefplannen/${signed[0]!.id}/versies/1`);
    expect(v1.body.inhoud.doelen.map((g: { id: string }) => g.id)).toEqual(
      plan.body.doelen.map((g: { id: string }) => g.id),
    );
  });
});
