import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { MigrationChecksumError, migrate, readMigrations } from './migrate.js';

const database = await createTestDatabase();
afterAll(() => database.close());

describe('migraties', () => {
  it('zijn toegepast en worden niet opnieuw toegepast', async () => {
    const rows = await database.db.selectFrom('schema_migrations').select('version').execute();
    expect(rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version));
    expect(await migrate(database)).toEqual([]);
  });

  it('weigert te starten als een toegepaste migratie gewijzigd is', async () => {
    const files = readMigrations().map((f, i) => (i === 0 ? { ...f, checksum: 'anders' } : f));
    await expect(migrate(database, files)).rejects.toThrow(MigrationChecksumError);
    await expect(migrate(database, files)).rejects.toThrow(/gewijzigd/);
  });

  it('normaliseert count, int8 en date gelijk op beide databases', async () => {
    const r = await database.db
      .selectNoFrom((eb) => [eb.fn.countAll().as('n'), eb.cast<string>(eb.val('2019-06-30'), 'date').as('d')])
      .executeTakeFirstOrThrow();
    expect(r.n).toBe(1);
    expect(r.d).toBe('2019-06-30');
  });
});
