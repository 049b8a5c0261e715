// NEN 7513 coverage: every GET operation of the OpenAPI document, called with real ids on the demo region by every
// role that may call it, leaves an audit row — written by that very request, for that user — for every person whose
// client id (or unique full name) appears in the answer. Generated from the document, so a new route is covered
// the moment it exists.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../app.js';
import { DEMO_PASSWORD } from '../demo/seed.js';
import type { Database } from '../platform/db/database.js';
import type { Role } from '../reference/reference.js';
import { seededDemo } from '../test/demo.js';
import { loginAs } from '../test/fixtures.js';
import { type Action, rolesFor } from './rights.js';

const TODAY = '2026-05-01';
const TENANT = 'dordrecht';
// The installation-wide role (issue 11) has no demo account and holds no person-data right (role-route.test.ts).
type TenantRole = Exclude<Role, 'installatie'>;
const ROLES: TenantRole[] = ['toegang', 'locatie', 'corporatie', 'beleid', 'beheerder', 'client'];
const USERNAME: Record<TenantRole, string> = {
  toegang: 'dordrecht.toegang',
  locatie: 'dordrecht.locatie',
  corporatie: 'dordrecht.corporatie',
  beleid: 'dordrecht.beleid',
  beheerder: 'dordrecht.beheer',
  client: 'dordrecht.client',
};

interface Operation {
  'x-actie'?: string;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    schema?: { type?: string; format?: string; enum?: string[] };
  }[];
}
interface OpenApiDocument {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

let database: Database;
let app: ReturnType<typeof createApp>;
let doc: OpenApiDocument;
const clients = new Map<string, string>(); // id → full name
const uniqueNames = new Map<string, string>(); // full name → id, only names no other client carries

beforeAll(async () => {
  ({ database, app } = await seededDemo(TODAY));
  doc = (await (await app.request('/v1/openapi.json')).json()) as OpenApiDocument;
  const rows = await database.db
    .selectFrom('clients')
    .select(['id', 'first_name', 'last_name'])
    .where('tenant_id', '=', TENANT)
    .execute();
  const count = new Map<string, number>();
  for (const r of rows) {
    const name = `${r.first_name} ${r.last_name}`;
    clients.set(r.id, name);
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  // A name counts only when it identifies one client and is not also a user's name (the demo shares a few).
  const userNames = new Set(
    (await database.db.selectFrom('users').select('display_name').execute()).map((u) => u.display_name),
  );
  for (const [id, name] of clients) if (count.get(name) === 1 && !userNames.has(name)) uniqueNames.set(name, id);
}, 600_000);
afterAll(() => database?.close());

/** The client each role's calls are about: the client's own, and for staff one placed at the demo locatie user's facility. */
async function subjectClient(role: Role): Promise<string> {
  const db = database.db;
  if (role === 'client') {
    const u = await db
      .selectFrom('users')
      .select('client_id')
      .where('username', '=', USERNAME.client)
      .executeTakeFirstOrThrow();
    return u.client_id!;
  }
  const locatie = await db
    .selectFrom('users')
    .select('facility_id')
    .where('username', '=', USERNAME.locatie)
    .executeTakeFirstOrThrow();
  const stay = await db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .innerJoin('perspective_plans', 'perspective_plans.trajectory_id', 'stays.trajectory_id')
    .select('stays.client_id')
    .where('units.facility_id', '=', locatie.facility_id!)
    .where('stays.ended_on', 'is', null)
    .executeTakeFirst();
  return (
    stay?.client_id ??
    (
      await db
        .selectFrom('stays')
        .select('client_id')
        .where('ended_on', 'is', null)
        .where('tenant_id', '=', TENANT)
        .executeTakeFirstOrThrow()
    ).client_id
  );
}

/** A real id for the path parameter of a resource, about the subject client where the resource belongs to one. */
async function idFor(segment: string, param: string, clientId: string): Promise<string | null> {
  const db = database.db;
  const first = async (q: { executeTakeFirst(): Promise<{ id: unknown } | undefined> }) => {
    const r = await q.executeTakeFirst();
    return r ? String(r.id) : null;
  };
  const trajectory = () =>
    db.selectFrom('trajectories').select('id').where('client_id', '=', clientId).orderBy('started_on', 'desc');
  switch (segment) {
    case 'clienten':
      return clientId;
    case 'aanmeldingen':
      return first(db.selectFrom('registrations').select('id').where('client_id', '=', clientId));
    case 'trajecten':
      return first(trajectory());
    case 'plaatsingen':
      return first(db.selectFrom('stays').select('id').where('client_id', '=', clientId));
    case 'perspectiefplannen':
      if (param === 'versie') return '1';
      return first(db.selectFrom('perspective_plans').select('id').where('client_id', '=', clientId));
    case 'locaties': {
      // The demo locatie user's own facility: every staff role may look at it.
      const u = await db
        .selectFrom('users')
        .select('facility_id')
        .where('username', '=', USERNAME.locatie)
        .executeTakeFirstOrThrow();
      return u.facility_id;
    }
    case 'wachtlijsten':
      return first(db.selectFrom('waiting_list_entries').select('list_kind as id').where('tenant_id', '=', TENANT));
    case 'woonplekken':
      return first(
        db.selectFrom('housing_units').select('id').where('tenant_id', '=', TENANT).where('status', '=', 'beschikbaar'),
      );
    case 'woonkandidaten':
      return first(
        db
          .selectFrom('housing_candidates')
          .select('id')
          .where('tenant_id', '=', TENANT)
          .where('status', '=', 'woonklaar'),
      );
    case 'aanbiedingen':
      return first(db.selectFrom('housing_offers').select('id').where('tenant_id', '=', TENANT));
    case 'preventiezaken':
      return first(db.selectFrom('prevention_cases').select('id').where('tenant_id', '=', TENANT));
    case 'nazorgplannen':
      return first(db.selectFrom('aftercare_plans').select('id').where('tenant_id', '=', TENANT));
    case 'signaalbestanden':
      return first(db.selectFrom('signal_uploads').select('id').where('tenant_id', '=', TENANT));
    case 'gebruikers':
      return first(db.selectFrom('users').select('id').where('tenant_id', '=', TENANT));
    default:
      return null;
  }
}

async function urlFor(path: string, op: Operation, clientId: string): Promise<string | null> {
  const segments = path.split('/');
  let url = '';
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const m = /^\{(.+)\}$/.exec(seg);
    if (!m) {
      url += (i ? '/' : '') + seg;
      continue;
    }
    // {id} belongs to the segment before it; a second parameter ({versie}) to the resource two segments back.
    const resource = m[1] === 'id' ? segments[i - 1]! : segments[i - 2]!;
    const id = await idFor(resource, m[1]!, clientId);
    if (!id) return null;
    url += `/${id}`;
  }
  const base = doc.servers?.[0]?.url ?? '';
  const full = url.startsWith('/v1') ? url : `${base.replace(/\/$/, '')}${url}`;
  const query = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    if (p.in !== 'query' || !p.required) continue;
    const s = p.schema ?? {};
    const value =
      p.name === 'van'
        ? '2025-01-01'
        : p.name === 'tot'
          ? '2026-01-01'
          : p.name === 'jaar'
            ? '2025'
            : (s.enum?.[0] ?? (s.format === 'date' ? '2025-06-01' : 'x'));
    query.set(p.name, value);
  }
  const q = query.toString();
  return q ? `${full}?${q}` : full;
}

/**
 * Persons an answer shows: a client id of the tenant in the text. The corporatie view never carries client ids, so
 * there a full name only one client carries counts too (elsewhere a name may be someone else's: signals about
 * people who are not clients, a colleague's name).
 */
function personsIn(text: string, byName: boolean): Set<string> {
  const shown = new Set<string>();
  for (const id of clients.keys()) if (text.includes(id)) shown.add(id);
  if (byName) for (const [name, id] of uniqueNames) if (text.includes(name)) shown.add(id);
  return shown;
}

describe('inzagelog per getoonde persoon (NEN 7513)', () => {
  it('elke leesroute schrijft in dezelfde aanvraag een auditregel voor iedere persoon die het antwoord toont', async () => {
    const missing: string[] = [];
    let checkedAnswersWithPersons = 0;
    for (const role of ROLES) {
      const session = await loginAs(app, USERNAME[role], DEMO_PASSWORD);
      const user = await database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', USERNAME[role])
        .executeTakeFirstOrThrow();
      const clientId = await subjectClient(role);
      for (const [path, item] of Object.entries(doc.paths)) {
        const op = item.get;
        if (!op) continue;
        const access = op['x-actie'] ?? '';
        if (access === 'openbaar' || (access !== 'ingelogd' && !rolesFor(access as Action).includes(role))) continue;
        const url = await urlFor(path, op, clientId);
        if (!url) continue;
        const before = await database.db
          .selectFrom('audit_log')
          .select(sql<number>`coalesce(max(id), 0)::int`.as('max'))
          .executeTakeFirstOrThrow();
        const res = await session.get(url);
        if (res.status !== 200) continue;
        const shown = personsIn(JSON.stringify(res.body), role === 'corporatie');
        if (!shown.size) continue;
        checkedAnswersWithPersons++;
        const logged = await database.db
          .selectFrom('audit_log')
          .select('client_id')
          .where('id', '>', before.max)
          .where('user_id', '=', user.id)
          .execute();
        const loggedIds = new Set(logged.map((r) => r.client_id));
        const notLogged = [...shown].filter((id) => !loggedIds.has(id));
        if (notLogged.length)
          missing.push(
            `${role} GET ${path}: ${notLogged.length} van ${shown.size} getoonde personen zonder auditregel`,
          );
      }
    }
    expect(missing).toEqual([]);
    // The test must see persons at all, or it proves nothing.
    expect(checkedAnswersWithPersons).toBeGreaterThanOrEqual(20);
  }, 900_000);
});
