// Issue 20, ADR 0027: the stored data-quality findings, kept current on every change, equal a recomputation from the
// raw data after any sequence of writes (random, seeded), and a fix removes its finding without a full recomputation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { actAsTenant, type Ctx } from '../../rights/context.js';
import { createTestDatabase } from '../../test/db.js';
import { anAdmittedClient, type Json, loginAs, seedFixture } from '../../test/fixtures.js';
import { compareFindings, recomputeFindings } from './findings-store.js';

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

async function asTenant<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const tenantId = 'dordrecht';
  return database.db.transaction().execute(async (tx) => {
    await actAsTenant(tx, tenantId);
    const actor = {
      userId: 'x',
      username: 'x',
      displayName: 'x',
      role: 'toegang' as const,
      tenantId,
      facilityId: null,
      clientId: null,
    };
    return fn({ actor, db: tx, now: NOW });
  });
}

function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('de opgeslagen bevindingen van de datakwaliteit', () => {
  it('zijn na een willekeurige reeks wijzigingen gelijk aan de herberekening uit de ruwe gegevens', async () => {
    const t = await loginAs(app, 'toegang');
    // the first read does the full recomputation; from then on every write keeps the findings current
    expect((await t.get('/v1/datakwaliteit')).status).toBe(200);
    const rnd = prng(20);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const clients: string[] = [];
    const turnAways: string[] = [];
    for (let i = 0; i < 24; i++) {
      const op = pick(['client', 'opgenomen', 'afgewezen', 'herstel', 'veldwerk']);
      if (op === 'client' || op === 'opgenomen' || !clients.length) {
        // few names and one birth date: likely duplicates (CLI-09) come and go
        const voornaam = pick(['Jan', 'Piet', 'Anna']);
        const c =
          op === 'opgenomen'
            ? await anAdmittedClient(t, { voornaam, admittedOn: '2026-11-01' })
            : (
                await t.post('/v1/clienten', {
                  voornaam,
                  achternaam: 'Test',
                  geboortedatum: '1980-05-01',
                  herkomstGemeentecode: '0505',
                })
              ).body;
        clients.push((c as Json).clientId ?? (c as Json).id);
      } else if (op === 'afgewezen') {
        const r = await t.post('/v1/afgewezen-verzoeken', {
          datum: '2026-11-21',
          reden: 'vol',
          locatieId: fx.facilityId,
          ...(rnd() < 0.5 ? { clientId: pick(clients) } : {}),
        });
        expect(r.status).toBe(201);
        turnAways.push(r.body.id);
      } else if (op === 'herstel' && turnAways.length) {
        const id = pick(turnAways);
        expect((await t.patch(`/v1/afgewezen-verzoeken/${id}`, { waarNaartoe: 'andere_opvang' })).status).toBe(200);
      } else {
        const r = await t.post('/v1/veldwerkcontacten', {
          datum: '2026-11-20',
          ...(rnd() < 0.5
            ? { clientId: pick(clients) }
            : { anoniem: { beschrijving: `Persoon ${i}`, geschatteLeeftijd: 45 } }),
          slaapplek: 'buiten',
          breedtegraad: 51.8075,
          lengtegraad: 4.6684,
          plek: 'Station',
          aangeboden: ['nachtopvang'],
        });
        expect(r.status).toBe(201);
      }
    }
    const diff = await asTenant((ctx) => compareFindings(ctx));
    expect(diff).toEqual({ ontbreekt: [], overbodig: [] });
    // and the page shows likely duplicates that the writes themselves produced
    const page = await t.get('/v1/datakwaliteit?regel=CLI-09');
    expect(page.body.aantal).toBeGreaterThan(0);
  });

  it('herberekent de bevindingen van één cliënt in milliseconden (gemeten)', async () => {
    const t = await loginAs(app, 'toegang');
    const c = await anAdmittedClient(t, { voornaam: 'Meting', admittedOn: '2026-11-01' });
    const id = (c as Json).clientId as string;
    const n = 20;
    const started = performance.now();
    for (let i = 0; i < n; i++) await asTenant((ctx) => recomputeFindings(ctx, [id]));
    const perWrite = (performance.now() - started) / n;
    console.log(
      `datakwaliteit per wijziging: ${perWrite.toFixed(1)} ms (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
    );
    expect(perWrite).toBeLessThan(500);
    expect(await asTenant((ctx) => compareFindings(ctx))).toEqual({ ontbreekt: [], overbodig: [] });
  });
});
