import type { Database } from '../platform/db/database.js';
import { hashPassword } from '../rights/sessions.js';
import { createApp } from '../app.js';

export const PASSWORD = 'test-wachtwoord-123';
let cachedHash: Promise<string> | null = null;

/** Two tenants, users of every role, one crisisopvang with 2 rooms, 1 reserve place and a family unit. */
export async function seedFixture(database: Database) {
  const hash = await (cachedHash ??= hashPassword(PASSWORD));
  const db = database.db;
  await db.insertInto('tenants').values([
    { id: 'dordrecht', name: 'Centrumgemeente Dordrecht', central_municipality_code: '0505' },
    { id: 'almere', name: 'Centrumgemeente Almere', central_municipality_code: '0034' },
  ]).execute();
  await db.insertInto('municipalities').values([
    { code: '0505', name: 'Dordrecht', tenant_id: 'dordrecht' }, { code: '0642', name: 'Zwijndrecht', tenant_id: 'dordrecht' },
    { code: '0034', name: 'Almere', tenant_id: 'almere' },
  ]).execute();
  const fac = await db.insertInto('facilities').values({ tenant_id: 'dordrecht', name: 'Crisisopvang Test', type: 'crisisopvang', address: 'Kasperspad 3', postcode: '3311AB', municipality_code: '0505', wijk: 'Kromhout', is_night_shelter: true, latitude: null, longitude: null }).returning('id').executeTakeFirstOrThrow();
  const other = await db.insertInto('facilities').values({ tenant_id: 'dordrecht', name: 'Andere opvang', type: '24-uursopvang', address: 'Elders 1', postcode: null, municipality_code: '0505', wijk: null, latitude: null, longitude: null }).returning('id').executeTakeFirstOrThrow();
  const units = await db.insertInto('units').values([
    { tenant_id: 'dordrecht', facility_id: fac.id, name: 'Kamer 01', kind: 'eenpersoonskamer', beds: 1 },
    { tenant_id: 'dordrecht', facility_id: fac.id, name: 'Kamer 02', kind: 'eenpersoonskamer', beds: 1 },
    { tenant_id: 'dordrecht', facility_id: fac.id, name: 'Reserveplek 01', kind: 'reserve', beds: 1, is_reserve: true },
    { tenant_id: 'dordrecht', facility_id: fac.id, name: 'Gezinswoning 01', kind: 'gezin', beds: 4 },
    { tenant_id: 'dordrecht', facility_id: other.id, name: 'Kamer H1', kind: 'eenpersoonskamer', beds: 1 },
  ]).returning(['id', 'name']).execute();
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  const users = [
    { username: 'toegang', role: 'toegang', tenant_id: 'dordrecht', facility_id: null },
    { username: 'locatie', role: 'locatie', tenant_id: 'dordrecht', facility_id: fac.id },
    { username: 'locatie2', role: 'locatie', tenant_id: 'dordrecht', facility_id: other.id },
    { username: 'beleid', role: 'beleid', tenant_id: 'dordrecht', facility_id: null },
    { username: 'beheer', role: 'beheerder', tenant_id: 'dordrecht', facility_id: null },
    { username: 'corporatie', role: 'corporatie', tenant_id: 'dordrecht', facility_id: null },
    { username: 'almere.toegang', role: 'toegang', tenant_id: 'almere', facility_id: null },
  ];
  await db.insertInto('users').values(users.map((u) => ({ ...u, display_name: u.username, password_hash: hash, client_id: null }))).execute();
  return { facilityId: fac.id, otherFacilityId: other.id, room1: unit('Kamer 01'), room2: unit('Kamer 02'), reserve: unit('Reserveplek 01'), family: unit('Gezinswoning 01'), otherRoom: unit('Kamer H1') };
}

/** A logged-in HTTP client against the app (in-process, real database). */
export async function loginAs(app: ReturnType<typeof createApp>, username: string, password = PASSWORD) {
  const res = await app.request('/v1/sessies', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gebruikersnaam: username, wachtwoord: password }) });
  if (res.status !== 201) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = await res.json() as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await app.request(path, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body !== undefined ? JSON.stringify(body) : undefined });
    const text = await r.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: r.status, headers: r.headers, body: (text ? JSON.parse(text) : null) as any };
  };
  return {
    cookie, csrfToken,
    get: (p: string) => call('GET', p),
    post: (p: string, b: unknown) => call('POST', p, b),
    patch: (p: string, b: unknown) => call('PATCH', p, b),
    del: (p: string) => call('DELETE', p),
  };
}
