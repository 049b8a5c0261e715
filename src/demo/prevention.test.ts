import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../app.js';
import { computeKeyFigures } from '../areas/reporting/kerncijfers.js';
import type { Database } from '../platform/db/database.js';
import { seededDemo } from '../test/demo.js';
import { loginAs } from '../test/fixtures.js';
import { DEMO_PASSWORD } from './seed.js';

// Issue 6 demo: ~40% of the clients in shelter had been in shelter before (domain.md §1, vision 2020–2025), measured
// by GET /v1/rapportages/terugval `eerderInOpvang`, without touching Dordrecht's 2015–2019H1 reference history.
let database: Database;
let app: ReturnType<typeof createApp>;
const TODAY = '2026-11-23';
const RETURN_NOTE = 'Opnieuw in de opvang: eerder verblijf bekend.';

beforeAll(async () => {
  ({ database, app } = await seededDemo(TODAY));
});
afterAll(() => database.close());

describe('demodata voorkomen: eerder in de opvang', () => {
  it('35–45% van de cliënten in de opvang was er eerder, per jaar en in de laatste 12 maanden, in elke centrumgemeente', async () => {
    const periods: [string, string][] = [
      ['2025-11-23', '2026-11-23'],
      ['2021-01-01', '2022-01-01'],
      ['2022-01-01', '2023-01-01'],
      ['2023-01-01', '2024-01-01'],
      ['2024-01-01', '2025-01-01'],
      ['2025-01-01', '2026-01-01'],
    ];
    for (const tenant of ['dordrecht', 'almere', 'nissewaard']) {
      const t = await loginAs(app, `${tenant}.toegang`, DEMO_PASSWORD);
      for (const [van, tot] of periods) {
        const r = await t.get(`/v1/rapportages/terugval?van=${van}&tot=${tot}`);
        expect(r.status).toBe(200);
        const e = r.body.eerderInOpvang as { clienten: number; waarvanEerder: number; aandeel: number };
        expect(e.clienten, `${tenant} ${van}`).toBeGreaterThanOrEqual(10);
        expect(e.aandeel, `${tenant} ${van}: ${e.waarvanEerder} van ${e.clienten}`).toBeGreaterThanOrEqual(0.35);
        expect(e.aandeel, `${tenant} ${van}: ${e.waarvanEerder} van ${e.clienten}`).toBeLessThanOrEqual(0.45);
        expect(e.aandeel).toBeCloseTo(e.waarvanEerder / e.clienten, 10);
      }
    }
  });

  it('terugkerende cliënten: alleen na 2019-07-01, een eerder verblijf dat ruim ervoor eindigde, geen dubbel bezette kamers', async () => {
    const db = database.db;
    const regs = await db
      .selectFrom('registrations')
      .select(['id', 'client_id', 'registered_on', 'tenant_id'])
      .where('notes', '=', RETURN_NOTE)
      .execute();
    expect(regs.length).toBeGreaterThan(50);
    expect(regs.every((r) => r.registered_on >= '2019-07-01' && r.registered_on < TODAY)).toBe(true);
    // every returning client had a stay that ended at least 30 days before the new registration
    const early = await sql<{ id: string }>`
      select r.id from registrations r where r.notes = ${RETURN_NOTE}
        and not exists (select 1 from stays s where s.client_id = r.client_id and s.registration_id <> r.id and s.ended_on <= r.registered_on - 30)`.execute(
      db,
    );
    expect(early.rows).toEqual([]);
    // no 1-person room holds two stays at once
    const overlap = await sql<{ n: number }>`
      select count(*)::int as n from stays a join stays b on a.unit_id = b.unit_id and a.id < b.id join units u on u.id = a.unit_id
      where u.beds = 1 and a.started_on < coalesce(b.ended_on, '9999-12-31'::date) and b.started_on < coalesce(a.ended_on, '9999-12-31'::date)`.execute(
      db,
    );
    expect(overlap.rows[0]!.n).toBe(0);
    // Dordrecht reference registrations 2015–2019H1 unchanged (Leger des Heils: 287, 293, 338, 346, 178)
    const expected: [string, string, number][] = [
      ['2015-01-01', '2016-01-01', 287],
      ['2016-01-01', '2017-01-01', 293],
      ['2017-01-01', '2018-01-01', 338],
      ['2018-01-01', '2019-01-01', 346],
      ['2019-01-01', '2019-07-01', 178],
    ];
    for (const [from, to, n] of expected)
      expect((await computeKeyFigures(db, { tenantId: 'dordrecht', from, to })).aanmeldingen, from).toBe(n);
  });
});
