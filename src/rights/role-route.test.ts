// Role × route: every operation of the OpenAPI document, called as every role (and without a session), answers
// exactly what the rights table says. Generated from the document, so a new route is covered the moment it exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { Database } from '../platform/db/database.js';
import type { Role } from '../reference/reference.js';
import { createTestDatabase } from '../test/db.js';
import { loginAs, seedFixture } from '../test/fixtures.js';
import { type Action, RIGHTS, rolesFor } from './rights.js';
import { hashPassword } from './sessions.js';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: { type?: string; format?: string; enum?: string[]; minimum?: number };
}
interface Operation {
  'x-actie'?: string;
  parameters?: Parameter[];
  requestBody?: unknown;
}
interface OpenApiDocument {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

const ROLES: Role[] = ['toegang', 'locatie', 'corporatie', 'beleid', 'beheerder', 'client', 'installatie'];
const PASSWORD = 'rol-route-test-wachtwoord';

let database: Database;
let app: ReturnType<typeof createApp>;
let doc: OpenApiDocument;
const sessions = new Map<Role, Awaited<ReturnType<typeof loginAs>>>();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  app = createApp({ database });
  // The fixture has no client account: give one client a login of their own.
  const client = await database.db
    .insertInto('clients')
    .values({
      tenant_id: 'dordrecht',
      first_name: 'Rol',
      last_name: 'Test',
      birth_date: null,
      bsn: null,
      origin_municipality_code: null,
      origin_label: 'Onbekend',
      cause: null,
      phone: null,
      email: null,
      gender: null,
      merged_into: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('users')
    .values({
      tenant_id: 'dordrecht',
      username: 'client',
      display_name: 'Rol Test',
      role: 'client',
      password_hash: await hashPassword(PASSWORD),
      facility_id: null,
      client_id: client.id,
    })
    .execute();
  // A corporatiemedewerker works for a corporation; unlinked, every housing route refuses them (by design).
  const corporation = await database.db
    .insertInto('housing_corporations')
    .values({ tenant_id: 'dordrecht', name: 'Woonbron', contact_email: null, contact_phone: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .updateTable('users')
    .set({ corporation_id: corporation.id })
    .where('username', '=', 'corporatie')
    .execute();
  const usernames: Record<Role, string> = {
    toegang: 'toegang',
    locatie: 'locatie',
    corporatie: 'corporatie',
    beleid: 'beleid',
    beheerder: 'beheer',
    client: 'client',
    installatie: 'installatie',
  };
  // Issue 11: the installation-wide role has no tenant.
  await database.db
    .insertInto('users')
    .values({
      tenant_id: null,
      username: 'installatie',
      display_name: 'Installatie Beheer',
      role: 'installatie',
      password_hash: await hashPassword(PASSWORD),
      facility_id: null,
      client_id: null,
    })
    .execute();
  for (const role of ROLES) {
    sessions.set(
      role,
      await loginAs(app, usernames[role], role === 'client' || role === 'installatie' ? PASSWORD : undefined),
    );
  }
  doc = (await (await app.request('/v1/openapi.json')).json()) as OpenApiDocument;
});
afterAll(() => database.close());

/** Every operation, with logout last (it ends the session the other calls use). */
function operations() {
  const ops: { method: string; path: string; op: Operation }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) ops.push({ method: method.toUpperCase(), path, op });
  }
  const isLogout = (o: { method: string; path: string }) => o.method === 'DELETE' && o.path.endsWith('/sessies/huidig');
  return ops.sort((a, b) => Number(isLogout(a)) - Number(isLogout(b)));
}

/** A request URL with a made-up id for every path parameter and a plausible value for every required query key. */
function urlFor(path: string, op: Operation) {
  const base = doc.servers?.[0]?.url ?? '';
  const full = path.startsWith('/v1') ? path : `${base.replace(/\/$/, '')}${path}`;
  const withIds = full.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
  const query = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    if (p.in !== 'query' || !p.required) continue;
    const s = p.schema ?? {};
    query.set(
      p.name,
      s.enum?.[0] ??
        (s.format === 'date'
          ? '2026-01-01'
          : s.type === 'integer' || s.type === 'number'
            ? String(s.minimum ?? 2026)
            : 'x'),
    );
  }
  const q = query.toString();
  return q ? `${withIds}?${q}` : withIds;
}

function expectedFor(access: string, role: Role | null): 'open' | 401 | 403 | 'allowed' {
  if (access === 'openbaar') return 'open';
  if (role === null) return 401;
  if (access === 'ingelogd') return 'allowed';
  return rolesFor(access as Action).includes(role) ? 'allowed' : 403;
}

describe('rechtentabel × routes', () => {
  it('de installatiebeheerder (issue 11) ziet geen persoonsgegevens: alleen centrumgemeenten, en elke route met persoonsgegevens is 403', async () => {
    const held = (Object.keys(RIGHTS) as Action[]).filter((a) => rolesFor(a).includes('installatie'));
    expect(held).toEqual(['centrumgemeenten.beheren']);
    const s = sessions.get('installatie')!;
    for (const url of [
      '/v1/clienten',
      '/v1/aanmeldingen',
      '/v1/gebruikers',
      '/v1/locaties',
      '/v1/rapportages/kerncijfers?van=2026-01-01&tot=2026-02-01',
    ]) {
      expect((await s.get(url)).status, url).toBe(403);
    }
    const list = await s.get('/v1/centrumgemeenten');
    expect(list.status).toBe(200);
    expect(Object.keys(list.body.resultaten[0]).sort()).toEqual(['aantalGemeenten', 'cbsCode', 'id', 'naam']);
  });

  it('elke operatie noemt een actie uit de rechtentabel (of openbaar/ingelogd)', () => {
    const missing = operations()
      .filter(
        ({ op }) => !op['x-actie'] || !(op['x-actie'] in RIGHTS || ['openbaar', 'ingelogd'].includes(op['x-actie'])),
      )
      .map(({ method, path, op }) => `${method} ${path}: ${op['x-actie'] ?? '(geen)'}`);
    expect(missing).toEqual([]);
    expect(operations().length).toBeGreaterThanOrEqual(90);
  });

  it('elke rol krijgt op elke route precies wat de rechtentabel zegt (zonder sessie 401, zonder recht 403, met recht nooit 401/403/5xx)', async () => {
    const wrong: string[] = [];
    for (const { method, path, op } of operations()) {
      const access = op['x-actie'] ?? '';
      const url = urlFor(path, op);
      const body = ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined;
      for (const role of [null, ...ROLES]) {
        const expected = expectedFor(access, role);
        let status: number;
        if (role === null) {
          const res = await app.request(url, {
            method,
            headers: body ? { 'content-type': 'application/json' } : {},
            body: body ? JSON.stringify(body) : undefined,
          });
          status = res.status;
        } else {
          const s = sessions.get(role)!;
          const res =
            method === 'GET'
              ? await s.get(url)
              : method === 'DELETE'
                ? await s.del(url)
                : method === 'PATCH'
                  ? await s.patch(url, body)
                  : method === 'PUT'
                    ? await s.put(url, body)
                    : await s.post(url, body);
          status = res.status;
        }
        const ok =
          expected === 'open'
            ? status !== 401 && status !== 403 && status < 500
            : expected === 'allowed'
              ? status !== 401 && status !== 403 && status < 500
              : status === expected;
        if (!ok) wrong.push(`${method} ${path} als ${role ?? 'anoniem'} (${access}): ${status}, verwacht ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
