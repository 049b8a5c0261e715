import type { createApp } from '../app.js';
import type { Database } from '../platform/db/database.js';
import { hashPassword } from '../rights/sessions.js';

export const PASSWORD = 'test-wachtwoord-123';
let cachedHash: Promise<string> | null = null;

/** A JSON answer as the tests read it: any field, checked by the assertions. */
// biome-ignore lint/suspicious/noExplicitAny: tests read the fields of an answer and assert on them
export type Json = any;

/** Two tenants, users of every role, one crisisopvang with 2 rooms, 1 reserve place and a family unit. */
export async function seedFixture(database: Database) {
  cachedHash ??= hashPassword(PASSWORD);
  const hash = await cachedHash;
  const db = database.db;
  await db
    .insertInto('tenants')
    .values([
      { id: 'dordrecht', name: 'Centrumgemeente Dordrecht', central_municipality_code: '0505' },
      { id: 'almere', name: 'Centrumgemeente Almere', central_municipality_code: '0034' },
    ])
    .execute();
  await db
    .insertInto('municipalities')
    .values([
      { code: '0505', name: 'Dordrecht', tenant_id: 'dordrecht' },
      { code: '0642', name: 'Zwijndrecht', tenant_id: 'dordrecht' },
      { code: '0034', name: 'Almere', tenant_id: 'almere' },
    ])
    .execute();
  const fac = await db
    .insertInto('facilities')
    .values({
      tenant_id: 'dordrecht',
      name: 'Crisisopvang Test',
      type: 'crisisopvang',
      address: 'Kasperspad 3',
      postcode: '3311AB',
      municipality_code: '0505',
      wijk: 'Kromhout',
      is_night_shelter: true,
      latitude: null,
      longitude: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const other = await db
    .insertInto('facilities')
    .values({
      tenant_id: 'dordrecht',
      name: 'Andere opvang',
      type: '24-uursopvang',
      address: 'Elders 1',
      postcode: null,
      municipality_code: '0505',
      wijk: null,
      latitude: null,
      longitude: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const units = await db
    .insertInto('units')
    .values([
      { tenant_id: 'dordrecht', facility_id: fac.id, name: 'Kamer 01', kind: 'eenpersoonskamer', beds: 1 },
      { tenant_id: 'dordrecht', facility_id: fac.id, name: 'Kamer 02', kind: 'eenpersoonskamer', beds: 1 },
      {
        tenant_id: 'dordrecht',
        facility_id: fac.id,
        name: 'Reserveplek 01',
        kind: 'reserve',
        beds: 1,
        is_reserve: true,
      },
      { tenant_id: 'dordrecht', facility_id: fac.id, name: 'Gezinswoning 01', kind: 'gezin', beds: 4 },
      { tenant_id: 'dordrecht', facility_id: other.id, name: 'Kamer H1', kind: 'eenpersoonskamer', beds: 1 },
    ])
    .returning(['id', 'name'])
    .execute();
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
  await db
    .insertInto('users')
    .values(users.map((u) => ({ ...u, display_name: u.username, password_hash: hash, client_id: null })))
    .execute();
  return {
    facilityId: fac.id,
    otherFacilityId: other.id,
    room1: unit('Kamer 01'),
    room2: unit('Kamer 02'),
    reserve: unit('Reserveplek 01'),
    family: unit('Gezinswoning 01'),
    otherRoom: unit('Kamer H1'),
  };
}

/** A logged-in HTTP client against the app (in-process, real database). */
export async function loginAs(app: ReturnType<typeof createApp>, username: string, password = PASSWORD) {
  const res = await app.request('/v1/sessies', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: username, wachtwoord: password }),
  });
  if (res.status !== 201) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await app.request(path, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    // a file download (CSV template, backup) is returned as its text; everything else is JSON
    const json = /json/.test(r.headers.get('content-type') ?? 'json');
    return { status: r.status, headers: r.headers, body: (text ? (json ? JSON.parse(text) : text) : null) as Json };
  };
  return {
    cookie,
    csrfToken,
    get: (p: string) => call('GET', p),
    post: (p: string, b: unknown) => call('POST', p, b),
    patch: (p: string, b: unknown) => call('PATCH', p, b),
    put: (p: string, b: unknown) => call('PUT', p, b),
    del: (p: string) => call('DELETE', p),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Fixture builders: a client in a given state, built through the real API as a toegang user would (so every rule
// and audit row applies). Each step must succeed; if one does not, the builder throws with the problem the API gave.
// ---------------------------------------------------------------------------------------------------------------

/** A logged-in API client (loginAs). */
export type ApiClient = Awaited<ReturnType<typeof loginAs>>;

/** The person fields of POST /v1/clienten; what is left out gets a neutral default (adult, from Dordrecht). */
interface ClientFields {
  voornaam: string;
  achternaam?: string;
  geboortedatum?: string;
  herkomstGemeentecode?: string;
  aanleiding?: string;
  bsn?: string;
  telefoon?: string;
  email?: string;
}

async function expectStatus(r: Promise<{ status: number; body: Json }>, status: number, what: string): Promise<Json> {
  const res = await r;
  if (res.status !== status)
    throw new Error(`fixture: ${what} gaf ${res.status} in plaats van ${status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A registered client (POST /v1/clienten), without a registration. */
async function aRegisteredClient(t: ApiClient, fields: ClientFields): Promise<{ clientId: string }> {
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const body = { achternaam: 'Test', geboortedatum: '1980-05-01', herkomstGemeentecode: '0505', ...given };
  const c = await expectStatus(t.post('/v1/clienten', body), 201, `cliënt ${fields.voornaam} registreren`);
  return { clientId: c.id as string };
}

/**
 * A client with access to the shelter: registered (or the existing `clientId`), a registration (source 'zelf') and
 * a decision 'toegang', both on `admittedOn`. Not placed yet.
 */
export async function anAdmittedClient(t: ApiClient, p: ClientFields & { clientId?: string; admittedOn: string }) {
  const { clientId: existing, admittedOn, ...fields } = p;
  const clientId = existing ?? (await aRegisteredClient(t, fields)).clientId;
  const a = await expectStatus(
    t.post('/v1/aanmeldingen', { clientId, datum: admittedOn, bron: 'zelf' }),
    201,
    `aanmelding van ${p.voornaam}`,
  );
  const b = await expectStatus(
    t.post(`/v1/aanmeldingen/${a.id}/besluiten`, { uitkomst: 'toegang', datum: admittedOn }),
    201,
    `toegangsbesluit voor ${p.voornaam}`,
  );
  return { clientId, registrationId: a.id as string, trajectoryId: b.trajectId as string };
}

/** An admitted client referred to `facilityId` (issue 14: only then may that facility's staff place them). */
export async function aReferredClient(
  t: ApiClient,
  p: ClientFields & { clientId?: string; admittedOn: string; facilityId: string; referredOn?: string },
) {
  const { facilityId, referredOn, ...admission } = p;
  const admitted = await anAdmittedClient(t, admission);
  const r = await expectStatus(
    t.post(`/v1/clienten/${admitted.clientId}/verwijzingen`, {
      locatieId: facilityId,
      datum: referredOn ?? p.admittedOn,
    }),
    201,
    `verwijzing van ${p.voornaam}`,
  );
  return { ...admitted, referralId: r.id as string };
}

/** An admitted client placed in `unit` on `placedOn` (default: the day of admission). */
export async function aPlacedClient(
  t: ApiClient,
  p: ClientFields & { admittedOn: string; unit: string; placedOn?: string },
) {
  const { unit, placedOn, ...admission } = p;
  const admitted = await anAdmittedClient(t, admission);
  const stay = await expectStatus(
    t.post('/v1/plaatsingen', { clientId: admitted.clientId, eenheidId: unit, datum: placedOn ?? p.admittedOn }),
    201,
    `plaatsing van ${p.voornaam}`,
  );
  return { ...admitted, stayId: stay.id as string };
}

/**
 * An admitted client (not placed) whose trajectory ended on `exitOn` with `bestemming`; `nazorgplanId` is the
 * aftercare plan the exit made (null for a destination without one).
 */
export async function anExitedClient(
  t: ApiClient,
  p: ClientFields & { clientId?: string; admittedOn: string; exitOn: string; bestemming: string },
) {
  const { exitOn, bestemming, ...admission } = p;
  const admitted = await anAdmittedClient(t, admission);
  const e = await expectStatus(
    t.post(`/v1/trajecten/${admitted.trajectoryId}/uitstroom`, { datum: exitOn, bestemming }),
    200,
    `uitstroom van ${p.voornaam}`,
  );
  return { ...admitted, nazorgplanId: (e.nazorgplanId ?? null) as string | null };
}
