import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, contractDocument, createApp } from '../../app.js';
import { createTestDatabase } from '../../test/db.js';
import { loginAs, PASSWORD, seedFixture } from '../../test/fixtures.js';
import type { Database } from '../db/database.js';

let database: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  app = createApp({ database });
});
afterAll(() => database.close());

const login = (gebruikersnaam: string, wachtwoord: string) =>
  app.request('/v1/sessies', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam, wachtwoord }),
  });

describe('NL API Design Rules', () => {
  it('publiceert /v1/openapi.json zonder login, met CORS *, server-URL /v1, alle paden in kebab-case en problem+json gedeclareerd', async () => {
    const res = await app.request('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const text = await res.text();
    expect(text, 'GET /v1/openapi.json geeft precies het vastgelegde contract (docs/openapi.json)').toBe(
      JSON.stringify(contractDocument()),
    );
    type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };
    const doc = JSON.parse(text) as {
      openapi: string;
      info: { version: string; contact: object };
      servers: { url: string }[];
      paths: Record<string, Record<string, Operation>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.version).toBe(API_VERSION);
    expect(doc.info.contact).toMatchObject({
      name: expect.any(String),
      url: expect.any(String),
      email: expect.any(String),
    });
    // The major version is in the server URL (API-20); the paths are relative to it.
    expect(doc.servers.map((s) => s.url)).toEqual(['/v1']);
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBeGreaterThanOrEqual(20);
    expect(paths).toContain('/openapi.json');
    for (const p of paths) {
      expect(p.startsWith('/')).toBe(true);
      expect(p.startsWith('/v1/'), `${p}: al onder de server-URL /v1`).toBe(false);
      expect(p.endsWith('/')).toBe(false);
      const segments = p === '/openapi.json' ? [] : p.split('/').slice(1); // the one path the NL rules exempt
      for (const seg of segments) expect(seg).toMatch(/^(\{[a-zA-Z]+\}|_?[a-z0-9]+(-[a-z0-9]+)*)$/);
      for (const [method, op] of Object.entries(doc.paths[p])) {
        for (const status of ['400', '401', '403', '500'])
          expect(op.responses[status]?.content?.['application/problem+json'], `${p} ${status}`).toBeTruthy();
        // Server URL + path is where the app serves the operation: not the 404 for an unknown path, not a 405.
        const url = `/v1${p.replace(/\{[^}]+\}/g, 'x')}`;
        const hasBody = ['post', 'put', 'patch'].includes(method);
        const served = await app.request(url, {
          method: method.toUpperCase(),
          ...(hasBody ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
        });
        const detail = served.headers.get('content-type')?.includes('problem+json')
          ? ((await served.json()) as { detail: string }).detail
          : '';
        expect(
          served.status === 405 || (served.status === 404 && detail === 'Deze API-bron bestaat niet.'),
          `${method.toUpperCase()} ${url}: ${served.status} ${detail}`,
        ).toBe(false);
      }
    }
  });

  it('zet API-Version en beveiligingsheaders op elk antwoord, ook op fouten', async () => {
    for (const res of [
      await app.request('/v1/openapi.json'),
      await app.request('/v1/clienten'),
      await app.request('/v1/bestaat-niet'),
    ]) {
      expect(res.headers.get('api-version')).toBe(API_VERSION);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      // HSTS only over HTTPS (RFC 6797 §7.2; see hardening.test.ts for X-Forwarded-Proto from a trusted proxy)
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const overHttps = await app.request('https://localhost/v1/bestaat-niet');
    expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('geeft 404 (geen redirect) bij een slash aan het eind, 405 met Allow bij een verkeerde methode, 415 bij geen JSON', async () => {
    const t = await loginAs(app, 'toegang');
    expect((await app.request('/v1/clienten/', { headers: { cookie: t.cookie } })).status).toBe(404);
    const put = await app.request('/v1/clienten', {
      method: 'PUT',
      headers: { cookie: t.cookie, 'x-csrf-token': t.csrfToken, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toContain('GET');
    const form = await app.request('/v1/clienten', {
      method: 'POST',
      headers: { cookie: t.cookie, 'x-csrf-token': t.csrfToken, 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(form.status).toBe(415);
    expect(form.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('inloggen en sessies', () => {
  it('weigert een onjuist wachtwoord met een Nederlandse problem+json en blokkeert na 5 pogingen', async () => {
    const bad = await login('beleid', 'fout');
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { detail: string }).detail).toBe('Gebruikersnaam of wachtwoord onjuist.');
    for (let i = 0; i < 3; i++) await login('beleid', 'fout');
    const locked = await login('beleid', 'fout');
    expect(locked.status).toBe(423);
    expect((await login('beleid', PASSWORD)).status).toBe(423); // even the right password, while locked
    const beheer = await loginAs(app, 'beheer');
    const users = await beheer.get('/v1/gebruikers');
    const id = users.body.resultaten.find((u: { gebruikersnaam: string }) => u.gebruikersnaam === 'beleid').id;
    expect(
      users.body.resultaten.find((u: { gebruikersnaam: string }) => u.gebruikersnaam === 'beleid').geblokkeerd,
    ).toBe(true);
    expect((await beheer.post(`/v1/gebruikers/${id}/deblokkeringen`, {})).status).toBe(201);
    expect((await login('beleid', PASSWORD)).status).toBe(201);
  });

  it('vereist een CSRF-token bij wijzigingen en sluit de sessie bij uitloggen', async () => {
    const t = await loginAs(app, 'toegang');
    const noCsrf = await app.request('/v1/clienten', {
      method: 'POST',
      headers: { cookie: t.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ voornaam: 'X', achternaam: 'Y', herkomst: 'Onbekend' }),
    });
    expect(noCsrf.status).toBe(403);
    const me = await t.get('/v1/sessies/huidig');
    expect(me.body.gebruiker).toMatchObject({
      rol: 'toegang',
      tenant: { id: 'dordrecht' },
      mogelijkheden: { clienten: true, gebruikersBeheren: false },
    });
    const res = await login('toegang', PASSWORD);
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    expect((await t.del('/v1/sessies/huidig')).status).toBe(204);
    expect((await t.get('/v1/sessies/huidig')).status).toBe(401);
  });

  it('beheerder maakt gebruikers aan met controle op alle velden', async () => {
    const beheer = await loginAs(app, 'beheer');
    const bad = await beheer.post('/v1/gebruikers', {
      gebruikersnaam: 'A',
      naam: '',
      rol: 'koning',
      wachtwoord: 'kort',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'gebruikersnaam',
      'naam',
      'rol',
      'wachtwoord',
    ]);
    const ok = await beheer.post('/v1/gebruikers', {
      gebruikersnaam: 'nieuwe.collega',
      naam: 'Nieuwe Collega',
      rol: 'toegang',
      wachtwoord: 'een-lang-wachtwoord',
    });
    expect(ok.status).toBe(201);
    expect((await login('nieuwe.collega', 'een-lang-wachtwoord')).status).toBe(201);
    const t = await loginAs(app, 'toegang');
    expect(
      (
        await t.post('/v1/gebruikers', {
          gebruikersnaam: 'x.y.z',
          naam: 'X',
          rol: 'toegang',
          wachtwoord: 'een-lang-wachtwoord',
        })
      ).status,
    ).toBe(403);
  });
});
