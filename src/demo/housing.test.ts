import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../app.js';
import type { Database } from '../platform/db/database.js';
import { seededDemo } from '../test/demo.js';
import { loginAs } from '../test/fixtures.js';
import { DEMO_PASSWORD } from './seed.js';
import seedFigures from './seed-figures.json' with { type: 'json' };

// Issue 5 demo: the Housing First pipeline of Almere reproduces seeds/002 through the report query, and every
// tenant has corporations, homes, agreements, ready clients and offers.
let database: Database;
let app: ReturnType<typeof createApp>;
const TODAY = '2026-05-01';

beforeAll(async () => {
  ({ database, app } = await seededDemo(TODAY));
});
afterAll(() => database.close());

describe('demodata wonen', () => {
  it('Housing First Almere: de aantallen van seed-figures.json via /v1/rapportages/housing-first', async () => {
    // Toegang sees exact figures; beleid's are protected (cell key method), checked below.
    const t = await loginAs(app, 'almere.toegang', DEMO_PASSWORD);
    const r = await t.get('/v1/rapportages/housing-first');
    expect(r.status).toBe(200);
    const by = Object.fromEntries(
      (
        r.body.perGemeente as {
          gemeente: string;
          trajecten: number;
          gestart: number;
          beschikkingWachtOpWoning: number;
        }[]
      ).map((g) => [g.gemeente, g]),
    );
    const ref = seedFigures.housing_first_flevoland;
    expect(by.Almere).toMatchObject({
      trajecten: ref.Almere.trajecten,
      gestart: ref.Almere.gestart,
      beschikkingWachtOpWoning: ref.Almere.beschikking_wacht_op_woning,
    });
    expect(by.Almere).toMatchObject({ trajecten: 25, gestart: 13, beschikkingWachtOpWoning: 6 });
    for (const g of ['Urk', 'Noordoostpolder', 'Lelystad'] as const)
      expect(by[g]).toMatchObject({ trajecten: ref[g].trajecten, gestart: ref[g].gestart });

    // Beleid gets the protected figures: each count at most 2 from the exact one, and never a published 1 or 2.
    const b = await loginAs(app, 'almere.beleid', DEMO_PASSWORD);
    const pr = await b.get('/v1/rapportages/housing-first');
    expect(pr.status).toBe(200);
    const prot = pr.body.perGemeente as { gemeente: string; trajecten: number; gestart: number }[];
    for (const g of prot) {
      const exact = by[g.gemeente as keyof typeof by]!;
      for (const k of ['trajecten', 'gestart'] as const) {
        expect(Math.abs(g[k] - exact[k])).toBeLessThanOrEqual(2);
        expect([1, 2]).not.toContain(g[k]);
      }
    }
  });

  it('corporatiemedewerkers zijn gekoppeld en zien hun eigen woningen; toegang ziet woonklare cliënten en aanbiedingen', async () => {
    for (const tenant of ['dordrecht', 'almere', 'nissewaard']) {
      const corp = await loginAs(app, `${tenant}.corporatie`, DEMO_PASSWORD);
      const own = await corp.get('/v1/corporaties');
      expect(own.body.resultaten).toHaveLength(1);
      const homes = await corp.get('/v1/woonplekken');
      expect(homes.status).toBe(200);
      expect(
        homes.body.resultaten.every((u: { corporatieId: string }) => u.corporatieId === own.body.resultaten[0].id),
      ).toBe(true);
      const t = await loginAs(app, `${tenant}.toegang`, DEMO_PASSWORD);
      expect((await t.get('/v1/woonkandidaten')).body.resultaten.length).toBeGreaterThanOrEqual(2);
      const offers = (await t.get('/v1/aanbiedingen')).body.resultaten as { status: string }[];
      expect(offers.length).toBeGreaterThanOrEqual(2);
      const pa = await t.get('/v1/prestatieafspraken?jaar=2026');
      expect(pa.body.totaal.afgesproken).toBeGreaterThan(0);
    }
    const names = (
      await (await loginAs(app, 'dordrecht.toegang', DEMO_PASSWORD)).get('/v1/corporaties')
    ).body.resultaten.map((c: { naam: string }) => c.naam);
    expect(names).toEqual(['Trivire', 'Woonbron', 'Woonkracht10']);
  });
});
