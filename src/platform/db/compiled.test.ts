// ADR 0036 on both databases: id lists as one array parameter (anyOf, textArray) and queries compiled once
// (compiledQuery) give the same rows as the queries they replace, whatever the values contain.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { anyOf, arrayLiteral, textArray } from './arrays.js';
import { compiledQuery } from './compiled.js';
import type { Database } from './database.js';

let database: Database;
// ids that an array literal must quote: comma, quote, backslash, braces, spaces, NULL as text, non-ASCII
const awkward = ['a,b', 'say "hi"', 'back\\slash', '{brace}', ' spaced ', 'NULL', 'ë€'];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db
    .insertInto('tenants')
    .values(
      [...awkward, 'plain'].map((id, i) => ({
        id,
        name: `Tenant ${i}`,
        central_municipality_code: String(1000 + i),
        settings: JSON.stringify({ n: i }),
      })),
    )
    .execute();
});
afterAll(() => database?.close());

describe('lijsten als één arrayparameter', () => {
  it('anyOf vindt precies de opgegeven ids, ook met komma, aanhalingsteken, backslash en accolades', async () => {
    const rows = await database.db
      .selectFrom('tenants')
      .select('id')
      .where('id', '=', anyOf([...awkward, 'bestaat-niet']))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.id)).toEqual([...awkward].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('een lege lijst vindt niets (een lege IN-lijst is een syntaxfout)', async () => {
    const rows = await database.db.selectFrom('tenants').select('id').where('id', '=', anyOf([])).execute();
    expect(rows).toEqual([]);
  });

  it('anyOf neemt het type van de kolom aan (hier char(4))', async () => {
    const rows = await database.db
      .selectFrom('tenants')
      .select('id')
      .where('central_municipality_code', '=', anyOf(['1000', '1007']))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.id).sort()).toEqual([awkward[0], 'plain'].sort());
  });

  it('textArray geeft elk element ongewijzigd terug via unnest', async () => {
    const { rows } = await sql<{ v: string }>`select unnest(${textArray(awkward)}) as v`.execute(database.db);
    expect(rows.map((r) => r.v)).toEqual(awkward);
    expect(arrayLiteral(['x"y'])).toBe('{"x\\"y"}');
  });
});

describe('eenmaal gecompileerde query', () => {
  const byId = compiledQuery((db, id: string) =>
    db.selectFrom('tenants').select(['id', 'name', 'settings']).where('id', '=', id),
  );

  it('geeft dezelfde rijen als de gebouwde query, met bij elke aanroep de eigen argumenten', async () => {
    for (const id of [...awkward, 'plain', 'bestaat-niet']) {
      const built = await database.db
        .selectFrom('tenants')
        .select(['id', 'name', 'settings'])
        .where('id', '=', id)
        .execute();
      expect((await byId(database.db, id)).rows).toEqual(built);
    }
  });

  it('werkt in een transactie en met null als argument', async () => {
    const nameOrNull = compiledQuery((db, name: string) =>
      db
        .selectFrom('tenants')
        .select('id')
        .where((eb) => eb.or([eb('name', '=', name), eb(sql<string>`${name}::text`, 'is', null)])),
    );
    await database.db.transaction().execute(async (tx) => {
      expect((await nameOrNull(tx, 'Tenant 7')).rows).toEqual([{ id: 'plain' }]);
      expect((await nameOrNull(tx, null)).rows).toHaveLength(awkward.length + 1);
    });
  });

  it('houdt constanten van de query op hun plaats tussen de argumenten', async () => {
    const q = compiledQuery((db, a: string, b: string) =>
      db
        .selectFrom('tenants')
        .select('id')
        .where('central_municipality_code', '=', a)
        .where('name', '<>', 'Tenant 99')
        .where('id', '=', b),
    );
    expect((await q(database.db, '1007', 'plain')).rows).toEqual([{ id: 'plain' }]);
    expect((await q(database.db, '1007', 'a,b')).rows).toEqual([]);
  });

  it('compileert ook een sql-sjabloon; een boolean als tekst wordt in SQL omgezet, niet naar waarheidswaarde', async () => {
    const raw = compiledQuery(
      (_db, flag: string, ids: string) =>
        sql<{ b: boolean; c: string | null }>`select (${flag}::text)::boolean as b, c from unnest(${ids}::text[]) as c`,
    );
    expect((await raw(database.db, 'false', arrayLiteral(['x', 'y']))).rows).toEqual([
      { b: false, c: 'x' },
      { b: false, c: 'y' },
    ]);
    expect((await raw(database.db, 'true', '{NULL}')).rows).toEqual([{ b: true, c: null }]);
  });

  it('weigert een argument dat geen eigen parameter is (bewerkt of in de tekst van de query)', async () => {
    const transformed = compiledQuery((db, id: string) =>
      db.selectFrom('tenants').select('id').where('id', '=', id.toUpperCase()),
    );
    await expect(transformed(database.db, 'plain')).rejects.toThrow(/not a parameter of its own/);
    const inlined = compiledQuery((db, id: string) =>
      db.selectFrom('tenants').select('id').where('id', '=', sql.lit(id)),
    );
    await expect(inlined(database.db, 'plain')).rejects.toThrow(/not a parameter of its own/);
  });
});
