import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { aPlacedClient, loginAs, seedFixture } from '../../test/fixtures.js';

// Signed versions of the perspectiefplan (PGlite, and PostgreSQL when DATABASE_URL is set): each signing freezes the
// plan; only a change in the agreement (not progress on it) asks for a new signing.
let database: Database;
let app: ReturnType<typeof createApp>;
let t: Awaited<ReturnType<typeof loginAs>>;
const NOW = new Date('2026-11-23T10:00:00Z');
let planId = '';
let clientId = '';
let actionId = '';

const put = (path: string, body: unknown) => t.put(path, body);

beforeAll(async () => {
  database = await createTestDatabase();
  const fx = await seedFixture(database);
  app = createApp({ database, now: () => NOW });
  t = await loginAs(app, 'toegang');
  const fenna = await aPlacedClient(t, {
    voornaam: 'Fenna',
    achternaam: 'Versie',
    geboortedatum: '1985-03-03',
    admittedOn: '2026-11-15',
    unit: fx.room1,
    placedOn: '2026-11-16',
  });
  clientId = fenna.clientId;
  const plan = await t.post(`/v1/trajecten/${fenna.trajectoryId}/perspectiefplan`, {
    opgesteldOp: '2026-11-19',
    eigenWoorden: 'Een eigen plek en mijn kinderen weer zien.',
    wensen: 'Zwijndrecht',
  });
  expect(plan.status).toBe(201);
  planId = plan.body.id;
  const goal = await t.post(`/v1/perspectiefplannen/${planId}/doelen`, {
    levensgebied: 'financien',
    omschrijving: 'Schulden op een rij',
  });
  const action = await t.post(`/v1/doelen/${goal.body.id}/acties`, {
    omschrijving: 'Aanmelden bij schuldhulp',
    eigenaarOrganisatie: 'schuldhulp',
    eigenaarNaam: 'Kredietbank',
    uiterlijk: '2026-12-01',
  });
  expect(action.status).toBe(201);
  actionId = action.body.id;
});
afterAll(() => database.close());

describe('ondertekende versies van het perspectiefplan', () => {
  it('legt bij elke ondertekening een versie vast en vraagt alleen na een gewijzigde afspraak om een nieuwe', async () => {
    const before = await t.get(`/v1/perspectiefplannen/${planId}`);
    expect(before.body).toMatchObject({ versies: [], gewijzigdSindsOndertekening: null, ondertekendOp: null });
    expect(before.body.mogelijkheden.ondertekenen).toBe(true);

    const first = await t.post(`/v1/perspectiefplannen/${planId}/ondertekeningen`, { datum: '2026-11-20' });
    expect(first.status).toBe(201);
    expect(
      first.body.versies.map((v: { versie: number; ondertekendOp: string }) => [v.versie, v.ondertekendOp]),
    ).toEqual([[1, '2026-11-20']]);
    expect(first.body.gewijzigdSindsOndertekening).toBe(false);
    expect(first.body.mogelijkheden.ondertekenen).toBe(false);

    // nothing new to sign: 409, and no second version
    const again = await t.post(`/v1/perspectiefplannen/${planId}/ondertekeningen`, { datum: '2026-11-21' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('niet gewijzigd sinds de ondertekening op 20 november 2026 (versie 1)');

    // working the plan (an action starts) is not a new agreement
    expect(
      (await t.post(`/v1/acties/${actionId}/statuswijzigingen`, { status: 'in-uitvoering', datum: '2026-11-21' }))
        .status,
    ).toBe(201);
    expect((await t.get(`/v1/perspectiefplannen/${planId}`)).body).toMatchObject({
      gewijzigdSindsOndertekening: false,
      wijzigingenSindsOndertekening: [],
    });

    // a new goal and other words are: the plan says so and may be signed again, not before the previous signing
    expect(
      (
        await t.post(`/v1/perspectiefplannen/${planId}/doelen`, {
          levensgebied: 'huisvesting',
          omschrijving: 'Inschrijven als woningzoekende',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await put(`/v1/perspectiefplannen/${planId}`, {
          eigenWoorden: 'Een eigen plek in Zwijndrecht.',
          wensen: 'Zwijndrecht',
        })
      ).status,
    ).toBe(200);
    const changed = await t.get(`/v1/perspectiefplannen/${planId}`);
    expect(changed.body.gewijzigdSindsOndertekening).toBe(true);
    expect(changed.body.wijzigingenSindsOndertekening).toEqual([
      'De eigen woorden van de cliënt zijn gewijzigd.',
      'Nieuw doel: Huisvesting: Inschrijven als woningzoekende.',
    ]);
    expect(changed.body.mogelijkheden.ondertekenen).toBe(true);
    const early = await t.post(`/v1/perspectiefplannen/${planId}/ondertekeningen`, { datum: '2026-11-19' });
    expect(early.status).toBe(400);
    expect(early.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['datum']);
    expect(early.body.invalidParams[0].reason).toContain('vorige ondertekening (20 november 2026)');

    const second = await t.post(`/v1/perspectiefplannen/${planId}/ondertekeningen`, { datum: '2026-11-23' });
    expect(second.status).toBe(201);
    expect(second.body.versies.map((v: { versie: number }) => v.versie)).toEqual([1, 2]);
    expect(second.body).toMatchObject({
      ondertekendOp: '2026-11-23',
      gewijzigdSindsOndertekening: false,
      wijzigingenSindsOndertekening: [],
    });

    // version 1 is what was signed then: one goal, the old words, the action as it stood
    const v1 = await t.get(`/v1/perspectiefplannen/${planId}/versies/1`);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ versie: 1, ondertekendOp: '2026-11-20' });
    expect(v1.body.inhoud.eigenWoorden).toBe('Een eigen plek en mijn kinderen weer zien.');
    expect(v1.body.inhoud.doelen.map((g: { omschrijving: string }) => g.omschrijving)).toEqual(['Schulden op een rij']);
    expect(v1.body.inhoud.doelen[0].acties[0]).toMatchObject({
      omschrijving: 'Aanmelden bij schuldhulp',
      eigenaarNaam: 'Kredietbank',
      uiterlijk: '2026-12-01',
      status: 'gepland',
    });
    const v2 = await t.get(`/v1/perspectiefplannen/${planId}/versies/2`);
    expect(v2.body.inhoud.eigenWoorden).toBe('Een eigen plek in Zwijndrecht.');
    expect(v2.body.inhoud.doelen.map((g: { omschrijving: string }) => g.omschrijving)).toEqual([
      'Schulden op een rij',
      'Inschrijven als woningzoekende',
    ]);
    expect(v2.body.inhoud.doelen[0].acties[0].status).toBe('in-uitvoering');

    const reads = await database.db
      .selectFrom('audit_log')
      .select(['action', 'resource', 'detail'])
      .where('client_id', '=', clientId)
      .where('resource', '=', 'perspectiefplan versie')
      .execute();
    expect(reads.map((r) => `${r.action} ${r.detail}`)).toEqual(['lezen versie 1', 'lezen versie 2']);
    const signings = await database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('client_id', '=', clientId)
      .where('resource', '=', 'perspectiefplan')
      .where('action', '=', 'wijzigen')
      .where('detail', 'like', 'besproken%')
      .execute();
    expect(signings.map((r) => r.detail)).toEqual([
      'besproken en ondertekend op 2026-11-20 (versie 1)',
      'besproken en ondertekend op 2026-11-23 (versie 2)',
    ]);
  });

  it('een onbekende versie is 404, een ongeldig versienummer 400, een andere centrumgemeente ziet niets', async () => {
    expect((await t.get(`/v1/perspectiefplannen/${planId}/versies/9`)).status).toBe(404);
    const bad = await t.get(`/v1/perspectiefplannen/${planId}/versies/nul`);
    expect(bad.status).toBe(400);
    const other = await loginAs(app, 'almere.toegang');
    expect((await other.get(`/v1/perspectiefplannen/${planId}/versies/1`)).status).toBe(404);
    const beleid = await loginAs(app, 'beleid');
    expect((await beleid.get(`/v1/perspectiefplannen/${planId}/versies/1`)).status).toBe(403);
  });

  it('de cliënt leest de ondertekende versies van het eigen plan', async () => {
    const hash = (
      await database.db
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', 'toegang')
        .executeTakeFirstOrThrow()
    ).password_hash;
    await database.db
      .insertInto('users')
      .values({
        tenant_id: 'dordrecht',
        username: 'client.fenna',
        display_name: 'Fenna Versie',
        role: 'client',
        password_hash: hash,
        facility_id: null,
        client_id: clientId,
      })
      .execute();
    const me = await loginAs(app, 'client.fenna');
    const own = await me.get(`/v1/perspectiefplannen/${planId}`);
    expect(own.body.versies.map((v: { versie: number }) => v.versie)).toEqual([1, 2]);
    expect(own.body.mogelijkheden.ondertekenen).toBe(false);
    const v1 = await me.get(`/v1/perspectiefplannen/${planId}/versies/1`);
    expect(v1.status).toBe(200);
    expect(v1.body.inhoud.eigenWoorden).toBe('Een eigen plek en mijn kinderen weer zien.');
    expect((await me.post(`/v1/perspectiefplannen/${planId}/ondertekeningen`, { datum: '2026-11-23' })).status).toBe(
      403,
    );
  });
});
