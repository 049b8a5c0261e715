// Queries that every request runs (the session, the tenant settings, the audit row, the dossier) are built and
// compiled once instead of on every call (ADR 0036). Building a Kysely query creates and freezes a tree of nodes and
// compiling walks it again; measured under load that was a quarter of the server's CPU for a dossier read. This is
// Kysely's own recipe "splitting query building and execution": compile once, execute the compiled query.
//
// The query is built with a marker string in the place of every argument; after compiling, the marker's position in
// the parameter list says where each argument goes. A marker that does not come back as a parameter of its own (used
// in sql.raw, sql.lit or inside a larger value) is refused when the query is first built, so a query cannot silently
// keep a marker as a value.
import {
  type Compilable,
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type RawBuilder,
} from 'kysely';
import type { Tx } from './database.js';
import type { DB } from './schema.js';

/** Builds queries only (both our dialects compile PostgreSQL); it can never reach a database. */
const builder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const marker = (i: number) => `\u0000onderdak:argument:${i}\u0000`;

/** A query builder's compile(), or a raw sql`…` compiled by the builder above (without it, Kysely refuses). */
const compileOnce = <R>(q: Compilable<R> | RawBuilder<R>): CompiledQuery<R> =>
  'isRawBuilder' in q ? q.compile(builder) : q.compile();

/**
 * A query of string arguments, built and compiled on its first call. `build` must use each argument only as a
 * value (a parameter), never in the shape of the query: it runs once.
 */
export function compiledQuery<A extends string[], R>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<R> | RawBuilder<R>,
): (db: Tx, ...args: { [K in keyof A]: string | null }) => Promise<QueryResult<R>> {
  let template: CompiledQuery<R> | null = null;
  let slots: number[] = []; // per parameter: the argument it takes, or -1 for a constant of the query
  return async (db, ...args) => {
    if (!template) {
      const markers = args.map((_, i) => marker(i));
      const compiled = compileOnce(build(builder, ...(markers as A)));
      slots = compiled.parameters.map((p) => markers.indexOf(p as string));
      markers.forEach((m, i) => {
        if (!slots.includes(i) || compiled.sql.includes(m))
          throw new Error(`compiledQuery: argument ${i} is not a parameter of its own in: ${compiled.sql}`);
      });
      template = compiled;
    }
    const parameters = template.parameters.map((p, i) => (slots[i]! >= 0 ? args[slots[i]!] : p));
    return db.executeQuery<R>({ ...template, parameters });
  };
}
