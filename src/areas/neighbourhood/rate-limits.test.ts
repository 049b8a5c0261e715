// Issue 17 — the public form's abuse limits and form tokens hold across server processes: two app instances on one
// database (PGlite, and PostgreSQL with DATABASE_URL) share the write limits and the form secret, and the source
// address is stored only as an HMAC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type Json, seedFixture } from '../../test/fixtures.js';
import { PUBLIC_LIMITS } from './neighbourhood.routes.js';

let database: Database;
let clock = new Date('2026-12-02T09:00:00Z');
const now = () => clock;
const SLUG = 'kasperspad-limieten';
const IP = '203.0.113.77';

beforeAll(async () => {
  delete process.env.ONDERDAK_FORM_SECRET; // the secret must come from the database
  database = await createTestDatabase();
  const fx = await seedFixture(database);
  await database.db
    .insertInto('public_facilities')
    .values({
      tenant_id: 'dordrecht',
      slug: SLUG,
      facility_id: fx.facilityId,
      name: 'Crisisopvang Kasperspad',
      kind: 'opvang',
      description: 'Nachtopvang.',
      care_provider: 'Leger des Heils',
      management_contact: 'Bel 078 000 00 00',
      published: true,
    })
    .execute();
});
afterAll(async () => {
  await database?.close();
});

async function call(a: ReturnType<typeof createApp>, method: string, path: string, body?: unknown) {
  const r = await a.request(
    path,
    {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: IP } } },
  ); // the peer address, as @hono/node-server passes it
  const text = await r.text();
  return { status: r.status, headers: r.headers, body: (text ? JSON.parse(text) : null) as Json };
}
const melding = (token: string, i: number) => ({
  soort: 'geluid',
  wat: 'Harde muziek na middernacht',
  datum: '2026-12-01',
  waar: `Kasperspad ${i}`,
  formulierToken: token,
});

describe('public form limits shared by server processes', () => {
  it('accepts a token issued by another instance and together allows no more reports than the limit', async () => {
    const one = createApp({ database, now });
    const two = createApp({ database, now });
    const page = await call(one, 'GET', `/v1/openbare-locaties/${SLUG}`);
    expect(page.status).toBe(200);
    clock = new Date(clock.getTime() + 5000);
    const statuses: number[] = [];
    let tooMany: Awaited<ReturnType<typeof call>> | null = null;
    for (let i = 0; i < 8; i++) {
      const r = await call(
        i % 2 ? two : one,
        'POST',
        `/v1/openbare-locaties/${SLUG}/meldingen`,
        melding(page.body.formulierToken, i),
      );
      statuses.push(r.status);
      if (r.status === 429) tooMany ??= r;
    }
    const limit = PUBLIC_LIMITS.reportsPerAddress.limit;
    expect(statuses.filter((s) => s === 201)).toHaveLength(limit);
    expect(statuses.slice(limit).every((s) => s === 429)).toBe(true);
    expect(tooMany?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(tooMany?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(tooMany?.headers.get('retry-after'))).toBeLessThanOrEqual(
      PUBLIC_LIMITS.reportsPerAddress.windowSeconds,
    );
    expect(tooMany?.body).toMatchObject({ status: 429, title: 'Te veel aanvragen' });
    expect(tooMany?.body.detail).toMatch(/Probeer het later opnieuw/);
    const stored = await database.db
      .selectFrom('nuisance_reports')
      .select('id')
      .where('place', 'like', 'Kasperspad %')
      .execute();
    expect(stored).toHaveLength(limit);
  });

  it('opens a new window after the old one expired, and removes expired windows', async () => {
    clock = new Date(clock.getTime() + (PUBLIC_LIMITS.reportsPerFacility.windowSeconds + 1) * 1000);
    const fresh = createApp({ database, now }); // its first hit cleans up
    const page = await call(fresh, 'GET', `/v1/openbare-locaties/${SLUG}`);
    clock = new Date(clock.getTime() + 5000);
    const r = await call(
      fresh,
      'POST',
      `/v1/openbare-locaties/${SLUG}/meldingen`,
      melding(page.body.formulierToken, 99),
    );
    expect(r.status).toBe(201);
    const rows = await database.db.selectFrom('public_rate_limits').selectAll().execute();
    expect(rows.every((w) => new Date(w.window_end).getTime() > clock.getTime())).toBe(true);
    expect(rows.map((w) => w.hits)).toEqual([1, 1]); // address and facility, both in a new window
  });

  it('stores the source address nowhere as such, and the secret once', async () => {
    const limits = JSON.stringify(await database.db.selectFrom('public_rate_limits').selectAll().execute());
    expect(limits).not.toContain(IP);
    expect(limits).not.toContain(SLUG);
    const reports = JSON.stringify(await database.db.selectFrom('nuisance_reports').selectAll().execute());
    expect(reports).not.toContain(IP);
    const secrets = await database.db.selectFrom('installation_secrets').selectAll().execute();
    expect(secrets).toHaveLength(1);
    expect(secrets[0].value).toMatch(/^[0-9a-f]{64}$/);
  });
});
