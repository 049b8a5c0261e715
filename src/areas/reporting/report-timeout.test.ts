// Issue 13/15: every report request runs with the report statement timeout, now set in the same round trip as the
// planner-statistics check; this test fails when that timeout is no longer set in the request transaction.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, sql } from '../../platform/db/database.js';
import { type Actor, inTransaction } from '../../rights/context.js';
import { createTestDatabase } from '../../test/db.js';
import { seedFixture } from '../../test/fixtures.js';
import { occupancyForActor, REPORT_STATEMENT_TIMEOUT } from './reports.service.js';

let database: Database;
let actor: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  const user = await database.db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('tenant_id', '=', 'dordrecht')
    .executeTakeFirstOrThrow();
  actor = {
    userId: user.id,
    username: user.username,
    displayName: 'Test',
    role: 'toegang',
    tenantId: 'dordrecht',
    facilityId: null,
    clientId: null,
  };
});
afterAll(() => database?.close());

it('een rapportageverzoek loopt met de tijdslimiet voor rapportages', async () => {
  const timeoutAfterReport = await inTransaction(database, actor, async (ctx) => {
    const before = await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(ctx.db);
    expect(before.rows[0]!.t).not.toBe(REPORT_STATEMENT_TIMEOUT);
    await occupancyForActor(ctx, {});
    return (await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(ctx.db)).rows[0]!.t;
  });
  expect(timeoutAfterReport).toBe(REPORT_STATEMENT_TIMEOUT);
  // set locally: the next transaction has the normal timeout again
  const afterwards = await inTransaction(
    database,
    actor,
    async (ctx) =>
      (await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(ctx.db)).rows[0]!.t,
  );
  expect(afterwards).not.toBe(REPORT_STATEMENT_TIMEOUT);
});
