// Issue 14: no input leads to a 5xx. A bounded fuzz run generated from the OpenAPI document: every operation, a few
// roles, hostile variations of path ids, query values and bodies (NUL bytes, very long strings, wrong types, malformed
// JSON, empty bodies, unknown keys, extreme numbers, invalid dates, malformed ids, odd Unicode), a fixed seed so a
// failure is reproducible. The test lists every 5xx with method, path, role and input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { createRng, type Rng } from '../../demo/random.js';
import { createTestDatabase } from '../../test/db.js';
import { anAdmittedClient, aPlacedClient, loginAs, PASSWORD, seedFixture } from '../../test/fixtures.js';
import type { Database } from '../db/database.js';

const SEED = 14_2026;
/** Variants per operation for each role that may call it (the roles in its description), and for each other role. */
const VARIANTS = 20;
const VARIANTS_REFUSED = 1;
/** Fixture user → role. */
const ROLES: Record<string, string> = {
  beheer: 'beheerder',
  toegang: 'toegang',
  locatie: 'locatie',
  beleid: 'beleid',
  corporatie: 'corporatie',
};

// biome-ignore lint/suspicious/noExplicitAny: a JSON schema of the OpenAPI document, read field by field
type Schema = any;
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; schema: Schema }[];
  roles: string;
  body?: Schema;
}

let database: Database;
let app: ReturnType<typeof createApp>;
let components: Record<string, Schema> = {};
let operations: Operation[] = [];
let knownIds: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const fx = await seedFixture(database);
  app = createApp({ database, now: () => new Date('2030-03-04T10:00:00Z') });
  // real ids (facilities, units, a client in shelter and one admitted) so that variations reach the services
  const toegang = await loginAs(app, 'toegang');
  const placed = await aPlacedClient(toegang, { voornaam: 'Fuzz', admittedOn: '2030-01-10', unit: fx.room1 });
  const admitted = await anAdmittedClient(toegang, { voornaam: 'Zwerf', admittedOn: '2030-02-01' });
  knownIds = [...Object.values(fx), ...Object.values(placed), ...Object.values(admitted)];
  const doc = (await (await app.request('/v1/openapi.json')).json()) as Schema;
  components = doc.components?.schemas ?? {};
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Schema>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const body = op.requestBody?.content?.['application/json']?.schema;
      const roles = /Rollen: ([^\n]*)/.exec(String(op.description ?? ''))?.[1] ?? '';
      operations.push({ method: method.toUpperCase(), path: `/v1${path}`, params: op.parameters ?? [], body, roles });
    }
  }
  operations = operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
});
afterAll(() => database.close());

async function login(username: string) {
  const res = await app.request('/v1/sessies', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: username, wachtwoord: PASSWORD }),
  });
  if (res.status !== 201) throw new Error(`login ${username}: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

const ODD_STRINGS = [
  'a\u0000b',
  '\u0000',
  'x'.repeat(100_000),
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  'e\u0301\u0301\u0301',
  '🏠👨‍👩‍👧',
  "'; DROP TABLE clients; --",
  '../../etc/passwd',
  '%00',
  '',
  ' ',
  '\\',
  '"',
  'null',
  '-1',
  '1e309',
];
const ODD_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffffff',
  '0',
  '-1',
  'a'.repeat(64),
  'a'.repeat(65),
  '%00',
  '%2e%2e',
  '%E2%80%AE',
  '%F0%9F%8F%A0',
  "1'or'1'='1",
  '9'.repeat(30),
];
const ODD_NUMBERS = [-1, 0, -0.5, 1.5, 2 ** 31, 2 ** 63, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 123456789012];
const ODD_DATES = [
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '1000-01-01',
  '2026-1-1',
  '20260101',
  '2026-02-29T25:00',
];
const WRONG_TYPES = [null, true, 12, 'tekst', [], {}, [1, 'a'], { a: { b: [] } }];

function resolve(s: Schema): Schema {
  let out = s;
  for (let i = 0; out?.$ref && i < 10; i++) out = components[String(out.$ref).split('/').pop()!];
  return out ?? {};
}

/** A plausible value for a schema: hostile variations start from something that gets past the first checks. */
function plausible(rng: Rng, raw: Schema, depth = 0): unknown {
  const s = resolve(raw);
  if (depth > 6) return null;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return plausible(rng, rng.pick(alt), depth + 1);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x: Schema) => plausible(rng, x, depth + 1)));
  if (s.enum) return rng.pick(s.enum);
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
        if ((s.required ?? []).includes(k) || rng.chance(0.6)) out[k] = plausible(rng, v, depth + 1);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: rng.int(0, 2) }, () => plausible(rng, s.items ?? {}, depth + 1));
    case 'integer':
    case 'number': {
      const min = s.minimum ?? 0;
      const max = Math.min(s.maximum ?? min + 10, min + 10);
      return rng.int(min, max);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'string':
      if (s.format === 'date') return rng.dateBetween('2029-01-01', '2030-03-01');
      if (s.format === 'date-time') return '2030-01-01T10:00:00.000Z';
      if (s.pattern === '^\\d{4}$') return rng.pick(['0505', '0642', '0034']);
      if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return rng.dateBetween('2029-01-01', '2030-03-01');
      if (/id$/i.test(String(s.description ?? '')) || (s.maxLength === 64 && rng.chance(0.7)))
        return rng.pick(knownIds);
      return rng.pick(['Jansen', 'test', 'De Vries', 'overig', 'x']);
    default:
      return rng.pick(['x', 1, true, null]);
  }
}

/** Every leaf path of a JSON value, to hit one field with a hostile value. */
function leaves(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (v && typeof v === 'object') {
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    if (path.length) out.push(path);
    for (const [k, x] of entries) leaves(x, [...path, k], out);
  } else out.push(path);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = value;
  return copy;
}

const MUTATIONS = ['nul', 'lang', 'type', 'getal', 'datum', 'id', 'unicode', 'onbekend'] as const;

function hostileValue(rng: Rng, kind: (typeof MUTATIONS)[number]): unknown {
  switch (kind) {
    case 'nul':
      return rng.pick(['a\u0000b', '\u0000', '2026-01-01\u0000']);
    case 'lang':
      return 'x'.repeat(rng.pick([201, 4001, 100_000]));
    case 'type':
      return rng.pick(WRONG_TYPES);
    case 'getal':
      return rng.pick(ODD_NUMBERS);
    case 'datum':
      return rng.pick(ODD_DATES);
    case 'id':
      return rng.pick(ODD_IDS);
    default:
      return rng.pick(ODD_STRINGS);
  }
}

/** Percent-encoding; a lone surrogate cannot be encoded, so it goes out as invalid UTF-8 (also hostile). */
function encode(s: string) {
  try {
    return encodeURIComponent(s.slice(0, 5000));
  } catch {
    return '%ED%A0%80';
  }
}

interface Input {
  what: string;
  path: string;
  query: string;
  body?: string;
}

function variant(rng: Rng, op: Operation): Input {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const kind = rng.pick(MUTATIONS);
  const target = rng.pick(['path', 'query', 'body', 'body', 'body'] as const);
  const notes: string[] = [];
  let path = op.path;
  for (const p of pathParams) {
    let v = rng.chance(0.6) ? rng.pick(knownIds) : encodeURIComponent(String(rng.pick(ODD_IDS)));
    if (target === 'path' || rng.chance(0.2)) {
      const h = hostileValue(rng, kind);
      v = rng.chance(0.5) ? encode(String(h)) : rng.pick(ODD_IDS);
    }
    notes.push(`${p.name}=${v.slice(0, 80)}`);
    path = path.replace(`{${p.name}}`, v);
  }
  const q = new URLSearchParams();
  for (const p of queryParams) {
    if (rng.chance(0.5)) q.set(p.name, String(plausible(rng, p.schema ?? {})));
    if (target === 'query' && rng.chance(0.7)) q.set(p.name, String(hostileValue(rng, kind)).slice(0, 5000));
  }
  if (target === 'query' && rng.chance(0.3))
    q.set(rng.pick(['onbekend', 'a\u0000', '']), String(hostileValue(rng, kind)));
  let body: string | undefined;
  if (op.body || ['POST', 'PUT', 'PATCH'].includes(op.method)) {
    const base = op.body ? plausible(rng, op.body) : {};
    const roll = rng.next();
    if (target !== 'body') body = JSON.stringify(base);
    else if (roll < 0.1)
      body = rng.pick(['{', '{"a":', '[1,2', 'nul', '{"a":1}}', '\u0000', '{"a":"\u0000"}', "{'a':1}", '']);
    else if (roll < 0.15) body = rng.pick(['null', '[]', '"tekst"', '12', 'true']);
    else if (kind === 'onbekend') body = JSON.stringify({ ...(base as object), onbekendVeld: 1, __proto__x: { a: 1 } });
    else {
      const spots = leaves(base);
      const spot = spots.length ? rng.pick(spots) : [];
      body = JSON.stringify(setAt(base, spot, hostileValue(rng, kind)));
      notes.push(`veld ${spot.join('.') || '(body)'}`);
    }
  }
  const qs = q.toString();
  return { what: `${kind}/${target} ${notes.join(' ')}`, path, query: qs ? `?${qs}` : '', body };
}

describe('geen 5xx voor welke invoer dan ook (fuzz uit het OpenAPI-document, vaste seed)', () => {
  it(`elke operatie, ${VARIANTS} vijandige varianten per rol die haar mag aanroepen (${Object.keys(ROLES).join(', ')}) en enkele anoniem`, async () => {
    expect(operations.length).toBeGreaterThan(50);
    const rng = createRng(SEED);
    const failures: string[] = [];
    let requests = 0;
    const statuses = new Map<number, number>();
    const send = async (op: Operation, input: Input, who: string, session?: { cookie: string; csrfToken: string }) => {
      requests++;
      const headers: Record<string, string> = {};
      if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrfToken });
      if (input.body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.request(`${input.path}${input.query}`, { method: op.method, headers, body: input.body });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) {
        failures.push(
          `${res.status} ${op.method} ${input.path}${input.query.slice(0, 200)} [${who}] ${input.what} body=${(input.body ?? '').slice(0, 200)} → ${text.slice(0, 200)}`,
        );
      }
    };
    const logout = operations.filter((o) => o.method === 'DELETE' && o.path === '/v1/sessies/huidig');
    const ops = operations.filter((o) => !logout.includes(o));
    const mayCall = (op: Operation, role: string) => !/^[a-z, -]+\.$/.test(op.roles) || op.roles.includes(role);
    for (const [user, role] of Object.entries(ROLES)) {
      const session = await login(user);
      for (const op of ops) {
        const n = mayCall(op, role) ? VARIANTS : VARIANTS_REFUSED;
        for (let i = 0; i < n; i++) await send(op, variant(rng, op), user, session);
      }
    }
    for (const op of operations) for (let i = 0; i < 2; i++) await send(op, variant(rng, op), 'anoniem');
    if (process.env.FUZZ_VERBOSE)
      console.log(
        requests,
        [...statuses].sort((a, b) => a[0] - b[0]),
      );
    expect(requests).toBeGreaterThan(2000);
    expect(failures, `${failures.length} van ${requests} verzoeken gaven 5xx:\n${failures.join('\n')}`).toEqual([]);
  }, 600_000); // every operation × 20 variants × roles: grows with the API; CI has two busy cores
});
