// NEN 7513 / issue 14: no audit row is ever written on behalf of another tenant. Every operation of the OpenAPI
// document is called by the toegang of another centrumgemeente with the ids of one Dordrecht client (client,
// aanmelding, traject, verblijf in every path parameter, clientId in the query and the body); afterwards the log holds
// no row of the foreign tenant about a Dordrecht client, and none of those calls succeeded in writing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { Database } from '../platform/db/database.js';
import { createTestDatabase } from '../test/db.js';
import { aPlacedClient, loginAs, seedFixture } from '../test/fixtures.js';

interface Operation {
  parameters?: { name: string; in: string }[];
}

let database: Database;
let app: ReturnType<typeof createApp>;
let ids: { clientId: string; registrationId: string; trajectoryId: string; stayId: string };
const NOW = new Date('2026-11-23T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  const fx = await seedFixture(database);
  app = createApp({ database, now: () => NOW });
  const t = await loginAs(app, 'toegang');
  ids = await aPlacedClient(t, {
    voornaam: 'Dordtse',
    achternaam: 'Bewoner',
    admittedOn: '2026-11-20',
    unit: fx.room1,
  });
});
afterAll(() => database.close());

describe('geen auditregel namens een andere centrumgemeente', () => {
  it('verzoeken van een andere tenant over een cliënt van deze tenant schrijven nooit een auditregel', async () => {
    const doc = (await (await app.request('/v1/openapi.json')).json()) as {
      servers?: { url: string }[];
      paths: Record<string, Record<string, Operation>>;
    };
    const base = doc.servers?.[0]?.url ?? '';
    const almere = await loginAs(app, 'almere.toegang');
    const values = [ids.clientId, ids.registrationId, ids.trajectoryId, ids.stayId];
    const body = {
      clientId: ids.clientId,
      datum: '2026-11-22',
      eenheidId: ids.stayId,
      bron: 'zelf',
      uitkomst: 'toegang',
    };
    const succeededWrites: string[] = [];
    let calls = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      if (path.includes('sessies')) continue; // logging out would end the test's session
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const params = (path.match(/\{[^}]+\}/g) ?? []).length;
        const query = (op.parameters ?? []).some((p) => p.in === 'query' && p.name === 'clientId')
          ? `?clientId=${ids.clientId}`
          : '';
        for (const v of params ? values : [ids.clientId]) {
          const url = base + path.replace(/\{[^}]+\}/g, v) + query;
          const res = await app.request(url, {
            method: method.toUpperCase(),
            headers: {
              cookie: almere.cookie,
              'x-csrf-token': almere.csrfToken,
              ...(method === 'get' || method === 'delete' ? {} : { 'content-type': 'application/json' }),
            },
            body: method === 'get' || method === 'delete' ? undefined : JSON.stringify(body),
          });
          await res.text();
          calls++;
          if (method !== 'get' && res.status < 300 && (params || query))
            succeededWrites.push(`${method.toUpperCase()} ${url}: ${res.status}`);
        }
      }
    }
    expect(calls).toBeGreaterThan(50);
    const foreignRows = await database.db
      .selectFrom('audit_log')
      .innerJoin('clients', 'clients.id', 'audit_log.client_id')
      .select(['audit_log.tenant_id', 'audit_log.action', 'audit_log.resource', 'audit_log.username'])
      .whereRef('audit_log.tenant_id', '<>', 'clients.tenant_id')
      .execute();
    expect(foreignRows).toEqual([]);
    const aboutClient = await database.db
      .selectFrom('audit_log')
      .select(['tenant_id', 'username'])
      .where('client_id', '=', ids.clientId)
      .where('username', '=', 'almere.toegang')
      .execute();
    expect(aboutClient).toEqual([]);
    expect(succeededWrites).toEqual([]);
  });

  it('het lezen van het inzagelog wordt zelf gelogd; een andere tenant krijgt 404 en laat geen regel achter', async () => {
    const beheer = await loginAs(app, 'beheer');
    const rowsAbout = (username: string) =>
      database.db
        .selectFrom('audit_log')
        .select(['action', 'resource', 'tenant_id'])
        .where('client_id', '=', ids.clientId)
        .where('username', '=', username)
        .where('resource', '=', 'inzagelog')
        .execute();
    expect(await rowsAbout('beheer')).toEqual([]);
    const first = await beheer.get(`/v1/clienten/${ids.clientId}/inzagelog`);
    expect(first.status).toBe(200);
    expect(await rowsAbout('beheer')).toEqual([{ action: 'lezen', resource: 'inzagelog', tenant_id: 'dordrecht' }]);
    // the next look shows the previous one
    const second = await beheer.get(`/v1/clienten/${ids.clientId}/inzagelog`);
    expect(second.body.resultaten[0]).toMatchObject({ gebruiker: 'beheer', actie: 'lezen', onderdeel: 'inzagelog' });
    const almere = await loginAs(app, 'almere.toegang');
    expect((await almere.get(`/v1/clienten/${ids.clientId}/inzagelog`)).status).toBe(404);
    expect(await rowsAbout('almere.toegang')).toEqual([]);
  });
});
