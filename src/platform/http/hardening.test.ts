// Issue 14: bad input gets problem+json (never a 5xx), bodies have a documented size limit, and forwarded headers count
// only from configured proxies (the audit's source address, the login throttle, Secure cookies and HSTS).
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { createTestDatabase } from '../../test/db.js';
import { loginAs, PASSWORD, seedFixture } from '../../test/fixtures.js';
import type { Database } from '../db/database.js';
import {
  DATABASE_UNREACHABLE_DETAIL,
  databaseProblem,
  MAX_BODY_BYTES,
  parseTrustedProxies,
  requestOrigin,
} from './hardening.js';

let database: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  app = createApp({ database });
});
afterAll(() => database.close());

/** A request as @hono/node-server hands it over: the direct peer's address in env.incoming.socket. */
const fromPeer = (remoteAddress: string | undefined) => ({ incoming: { socket: { remoteAddress } } });

async function as(username: string) {
  const t = await loginAs(app, username);
  const send = async (method: string, path: string, body?: string) => {
    const res = await app.request(path, {
      method,
      headers: { cookie: t.cookie, 'x-csrf-token': t.csrfToken, 'content-type': 'application/json' },
      body,
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: JSON.parse((await res.text()) || 'null'),
    };
  };
  return { send, post: (path: string, body: unknown) => send('POST', path, JSON.stringify(body)) };
}

describe('slechte invoer geeft problem+json, nooit een 5xx', () => {
  it('ongeldige JSON geeft 400 met (body) als veld', async () => {
    const beheer = await as('beheer');
    for (const text of ['{"naam":', '{', "{'a':1}", '{"a":1}}']) {
      const r = await beheer.send('POST', '/v1/locaties', text);
      expect(r.status).toBe(400);
      expect(r.type).toBe('application/problem+json');
      expect(r.body.detail).toMatch(/geen geldige JSON/);
    }
    const login = await app.request('/v1/sessies', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"gebruikersnaam":',
    });
    expect(login.status).toBe(400);
  });

  it('een NUL-teken in een bodyveld, een queryparameter of een padparameter geeft 400 met het veld', async () => {
    const beheer = await as('beheer');
    const body = await beheer.post('/v1/locaties', {
      naam: 'a\u0000b',
      type: 'crisisopvang',
      adres: 'x',
      gemeentecode: '0505',
    });
    expect(body.status).toBe(400);
    expect(body.body.invalidParams).toEqual([expect.objectContaining({ name: 'naam', code: 'nul' })]);

    const login = await app.request('/v1/sessies', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ gebruikersnaam: 'beheer\u0000', wachtwoord: PASSWORD }),
    });
    expect(login.status).toBe(400);
    expect((await login.json()).invalidParams[0].name).toBe('gebruikersnaam');

    const toegang = await as('toegang');
    const query = await toegang.send('GET', '/v1/clienten?zoek=a%00b');
    expect(query.status).toBe(400);
    expect(query.body.invalidParams[0].name).toBe('zoek');

    const path = await toegang.send('GET', '/v1/clienten/abc%00def');
    expect(path.status).toBe(400);
    expect(path.body.invalidParams[0].name).toBe('id');
  });

  it('een misvormd id in het pad geeft 404, in de body 400 of 404, nooit 500', async () => {
    const toegang = await as('toegang');
    for (const id of ['not-a-uuid', '00000000-0000-0000-0000-00000000000z', "1'or'1"]) {
      expect((await toegang.send('GET', `/v1/clienten/${encodeURIComponent(id)}`)).status).toBe(404);
    }
    const r = await toegang.post('/v1/plaatsingen', {
      clientId: 'geen-uuid',
      eenheidId: 'ook-niet',
      datum: '2026-01-05',
    });
    expect([400, 404]).toContain(r.status);
  });

  it('tegelijk dezelfde naam aanmaken geeft één keer 201 en verder 400/409, nooit 500', async () => {
    const beheer = await as('beheer');
    const user = {
      gebruikersnaam: 'tweeling',
      naam: 'Tweeling',
      rol: 'toegang',
      wachtwoord: 'Paardenbloem-Kast-Fiets-93!',
    };
    const statuses = (await Promise.all(Array.from({ length: 6 }, () => beheer.post('/v1/gebruikers', user)))).map(
      (r) => r.status,
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => [201, 400, 409].includes(s))).toBe(true);
  });

  it('databasefouten die invoer kan veroorzaken worden 409, 404 of 400 op beide drivers', async () => {
    const probe = new Hono();
    probe.get('/x/:id', (c) => {
      const pgError = (code: string, message: string, detail?: string) =>
        Object.assign(new Error(message), { code, detail });
      const errors = [
        pgError(
          '23505',
          'duplicate key value violates unique constraint "u"',
          'Key (tenant_id, name)=(dordrecht, A) already exists.',
        ),
        pgError('23503', 'insert violates foreign key', 'Key (client_id)=(abc) is not present in table "clients".'),
        pgError(
          '23503',
          'update or delete violates foreign key',
          'Key (id)=(x) is still referenced from table "stays".',
        ),
        pgError('22P02', `invalid input syntax for type uuid: "${c.req.param('id')}"`),
        pgError('22P02', 'invalid input syntax for type uuid: "iets-anders"'),
        pgError('22001', 'value too long for type character varying(10)'),
        new Error('geen databasefout'),
      ];
      return c.json(errors.map((e) => databaseProblem(c, e)?.status ?? null));
    });
    const res = await probe.request('/x/geen-uuid');
    expect(await res.json()).toEqual([409, 409, 409, 404, 400, 400, null]);
    const dup = databaseProblem(
      { req: { url: 'http://x/v1/a', param: () => ({}) } } as never,
      Object.assign(new Error('dup'), { code: '23505', detail: 'Key (tenant_id, name)=(d, A) already exists.' }),
    )!;
    expect(await dup.json()).toMatchObject({ title: 'Bestaat al', detail: expect.stringContaining('(name)') });
  });

  it('een weggevallen of geweigerde databaseverbinding is 503 met Retry-After, geen 500', async () => {
    const c = { req: { url: 'http://x/v1/clienten', param: () => ({}) } } as never;
    const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
    const lost = [
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('08006', 'connection failure'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ];
    for (const e of lost) {
      const r = databaseProblem(c, e)!;
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('5');
      expect(await r.json()).toMatchObject({ status: 503, detail: DATABASE_UNREACHABLE_DETAIL });
    }
    // a fault of our own stays a 500 (not mapped here)
    expect(databaseProblem(c, new Error('Connection terminated unexpectedly, of niet'))).toBeUndefined();
    expect(databaseProblem(c, pgError('42P01', 'relation "x" does not exist'))).toBeUndefined();
  });
});

describe('grootte van de aanvraag (413, gedocumenteerd)', () => {
  it(`een JSON-body boven ${MAX_BODY_BYTES} bytes geeft 413 met problem+json, ook zonder Content-Length`, async () => {
    const beheer = await as('beheer');
    const big = JSON.stringify({ naam: 'x'.repeat(MAX_BODY_BYTES) });
    const r = await beheer.send('POST', '/v1/locaties', big);
    expect(r.status).toBe(413);
    expect(r.type).toBe('application/problem+json');
    expect(r.body.title).toBe('Aanvraag te groot');
    const t = await loginAs(app, 'beheer');
    const stream = new Blob([big]).stream();
    const chunked = await app.request('/v1/locaties', {
      method: 'POST',
      headers: { cookie: t.cookie, 'x-csrf-token': t.csrfToken, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('het signaalbestand (CSV tot 2.000.000 tekens in JSON) past binnen de eigen, grotere grens', async () => {
    const toegang = await as('toegang');
    const header =
      'bron;bronNaam;referentie;datum;voornaam;achternaam;geboortedatum;bsn;postcode;huisnummer;bedrag;maanden\n';
    const inhoud = (header + 'x;"é";\n'.repeat(300_000)).slice(0, 2_000_000);
    const r = await toegang.post('/v1/signaalbestanden', { bestandsnaam: 'groot.csv', inhoud });
    expect(r.status).not.toBe(413);
    expect(r.status).toBeLessThan(500);
  });

  it('het document noemt 413 bij elke route met een body, met de grens', async () => {
    const doc = await (await app.request('/v1/openapi.json')).json();
    expect(doc.paths['/locaties'].post.responses['413'].description).toMatch(/1 MB/);
    expect(doc.paths['/signaalbestanden'].post.responses['413'].description).toMatch(/12 MB/);
    expect(doc.paths['/locaties'].get.responses['413']).toBeUndefined();
  });
});

describe('doorgestuurde headers alleen van vertrouwde proxy’s (TRUSTED_PROXIES)', () => {
  it('parseTrustedProxies leest een kommalijst en slaat onzin over', () => {
    expect(parseTrustedProxies(' 10.0.0.1, ::1,geen-ip,, ::ffff:10.0.0.2')).toEqual(['10.0.0.1', '::1', '10.0.0.2']);
    expect(parseTrustedProxies(undefined)).toEqual([]);
  });

  it('X-Forwarded-For en -Proto tellen alleen als de directe peer een vertrouwde proxy is', async () => {
    const probe = new Hono();
    const trusted = ['10.0.0.1'];
    probe.get('/', (c) => c.json(requestOrigin(c, trusted)));
    const ask = async (peer: string | undefined, headers: Record<string, string>) =>
      (await probe.request('/', { headers }, fromPeer(peer))).json();
    const xff = { 'x-forwarded-for': '203.0.113.9, 10.0.0.1', 'x-forwarded-proto': 'https' };
    expect(await ask('198.51.100.7', xff)).toEqual({ ip: '198.51.100.7', https: false });
    expect(await ask('10.0.0.1', xff)).toEqual({ ip: '203.0.113.9', https: true });
    expect(await ask('::ffff:10.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).toEqual({
      ip: '203.0.113.9',
      https: false,
    });
    // a client behind the proxy cannot inject an address left of the one the proxy appended
    expect(await ask('10.0.0.1', { 'x-forwarded-for': '1.2.3.4, 203.0.113.9' })).toMatchObject({ ip: '203.0.113.9' });
    expect(await ask('10.0.0.1', { 'x-forwarded-for': 'onzin\u00e9' })).toMatchObject({ ip: '10.0.0.1' });
    expect(await ask(undefined, xff)).toEqual({ ip: undefined, https: false });
  });

  it('het bronadres in het auditlog komt van de peer, niet uit een vervalste X-Forwarded-For', async () => {
    const direct = createApp({ database, trustedProxies: [] });
    const viaProxy = createApp({ database, trustedProxies: ['10.0.0.1'] });
    const loginFrom = async (a: typeof app, peer: string, forwardedFor: string, username: string) => {
      const res = await a.request(
        '/v1/sessies',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ gebruikersnaam: username, wachtwoord: PASSWORD }),
        },
        fromPeer(peer),
      );
      expect(res.status).toBe(201);
      const row = await database.db
        .selectFrom('audit_log')
        .select('source_ip')
        .where('username', '=', username)
        .where('resource', '=', 'sessie')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return row.source_ip;
    };
    expect(await loginFrom(direct, '198.51.100.7', '203.0.113.66', 'beleid')).toBe('198.51.100.7');
    expect(await loginFrom(viaProxy, '10.0.0.1', '203.0.113.66', 'beleid')).toBe('203.0.113.66');
    expect(await loginFrom(viaProxy, '198.51.100.8', '203.0.113.66', 'beleid')).toBe('198.51.100.8');
  });

  it('Secure-cookie en HSTS bij HTTPS (direct of via een vertrouwde proxy), of altijd met SECURE_COOKIES=1', async () => {
    const login = async (a: typeof app, url: string, peer: string, headers: Record<string, string> = {}) => {
      const res = await a.request(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ gebruikersnaam: 'corporatie', wachtwoord: PASSWORD }),
        },
        fromPeer(peer),
      );
      expect(res.status).toBe(201);
      return {
        secure: /;\s*Secure/i.test(res.headers.get('set-cookie') ?? ''),
        hsts: res.headers.get('strict-transport-security'),
      };
    };
    const viaProxy = createApp({ database, trustedProxies: ['10.0.0.1'] });
    const https = { 'x-forwarded-proto': 'https' };
    expect(await login(viaProxy, 'http://localhost/v1/sessies', '198.51.100.7', https)).toEqual({
      secure: false,
      hsts: null,
    });
    expect(await login(viaProxy, 'http://localhost/v1/sessies', '10.0.0.1', https)).toEqual({
      secure: true,
      hsts: 'max-age=31536000; includeSubDomains',
    });
    expect(await login(viaProxy, 'https://localhost/v1/sessies', '198.51.100.7')).toMatchObject({ secure: true });
    const configured = createApp({ database, secureCookies: true });
    expect(await login(configured, 'http://localhost/v1/sessies', '198.51.100.7')).toMatchObject({ secure: true });
    // the logout cookie (deleteCookie) is Secure too over HTTPS
    const t = await loginAs(viaProxy, 'corporatie');
    const out = await viaProxy.request(
      '/v1/sessies/huidig',
      { method: 'DELETE', headers: { cookie: t.cookie, 'x-csrf-token': t.csrfToken, ...https } },
      fromPeer('10.0.0.1'),
    );
    expect(out.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });
});
