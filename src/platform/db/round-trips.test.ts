import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, actAsTenant } from '../../rights/context.js';
import { createTestDatabase, testDbKind } from '../../test/db.js';
import { type Database, MAX_PREPARED_STATEMENTS, type Tx } from './database.js';

// ADR 0034: on PostgreSQL a recurring query text with parameters runs as a named prepared statement (planned once per
// connection); a one-off text stays unnamed, and at most MAX_PREPARED_STATEMENTS texts are named. How the BEGIN
// and the unwaited statements travel (ADR 0035) is tested in pipeline.test.ts.
describe.skipIf(testDbKind() !== 'postgres')('minder rondgangen naar PostgreSQL', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  /** The statements prepared on the connection of this transaction whose text holds `marker`. */
  const preparedWith = (tx: Tx, marker: string) =>
    sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements
      where not from_sql and strpos(statement, ${marker}) > 0 and strpos(statement, 'pg_prepared_statements') = 0`
      .execute(tx)
      .then((r) => r.rows[0]!.n);

  it('een terugkerende query met parameters wordt één keer voorbereid en geeft elke keer het juiste antwoord', async () => {
    await database.db.transaction().execute(async (tx) => {
      const answers: number[] = [];
      for (let i = 1; i <= 4; i++)
        answers.push((await sql<{ v: number }>`select ${i}::int + 0 as v /* terugkerend */`.execute(tx)).rows[0]!.v);
      expect(answers).toEqual([1, 2, 3, 4]);
      expect(await preparedWith(tx, 'terugkerend')).toBe(1);
    });
  });

  it('een query die één keer voorkomt, en een query zonder parameters, worden niet voorbereid', async () => {
    await database.db.transaction().execute(async (tx) => {
      await sql`select ${1}::int as v /* eenmalig */`.execute(tx);
      await sql`select 1 as v /* zonder parameters */`.execute(tx);
      await sql`select 1 as v /* zonder parameters */`.execute(tx);
      expect(await preparedWith(tx, 'eenmalig')).toBe(0);
      expect(await preparedWith(tx, 'zonder parameters')).toBe(0);
    });
  });

  it(`hoogstens ${MAX_PREPARED_STATEMENTS} verschillende teksten worden voorbereid; de rest draait gewoon`, async () => {
    await database.db.transaction().execute(async (tx) => {
      for (let i = 0; i < MAX_PREPARED_STATEMENTS + 20; i++)
        for (let k = 0; k < 2; k++) {
          const r = await sql<{ v: number }>`select ${i}::int as v /* ${sql.raw(`tekst ${i}`)} */`.execute(tx);
          expect(r.rows[0]!.v).toBe(i);
        }
      const named = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where not from_sql`
        .execute(tx)
        .then((r) => r.rows[0]!.n);
      expect(named).toBeLessThanOrEqual(MAX_PREPARED_STATEMENTS);
      expect(await preparedWith(tx, `tekst ${MAX_PREPARED_STATEMENTS + 19} `)).toBe(0);
    });
  });

  it('de tenantinstelling zonder wachten geldt voor de opdrachten erna in dezelfde transactie', async () => {
    await database.db.transaction().execute(async (tx) => {
      await actAsTenant(tx, 'dordrecht');
      const r = await sql<{ tenant: string; role: string }>`select current_setting('onderdak.tenant') as tenant,
        current_user as role`.execute(tx);
      expect(r.rows[0]).toEqual({ tenant: 'dordrecht', role: APP_ROLE });
    });
  });

  it('de transactie begint echt: een fout na de eerste opdracht draait alles terug, ook na een opdracht met parameters', async () => {
    await sql`create table if not exists rondgang_proef (n int)`.execute(database.db);
    for (const first of ['zonder', 'met'] as const) {
      await expect(
        database.db.transaction().execute(async (tx) => {
          if (first === 'zonder') await sql`insert into rondgang_proef values (1)`.execute(tx);
          else await sql`insert into rondgang_proef values (${2})`.execute(tx);
          await sql`insert into rondgang_proef values (${3})`.execute(tx);
          throw new Error('afbreken');
        }),
      ).rejects.toThrow('afbreken');
    }
    const left = await sql<{ n: number }>`select count(*)::int as n from rondgang_proef`.execute(database.db);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('een tenantcode met andere tekens gaat als parameter, nooit als letterlijke tekst in de SQL', async () => {
    await database.db.transaction().execute(async (tx) => {
      await actAsTenant(tx, "o'brien");
      const r = await sql<{ tenant: string }>`select current_setting('onderdak.tenant') as tenant`.execute(tx);
      expect(r.rows[0]!.tenant).toBe("o'brien");
    });
  });
});
