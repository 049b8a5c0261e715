// Lists of ids as ONE array parameter instead of an IN list of n parameters. The SQL text then no longer depends on
// how many ids there are, so PostgreSQL keeps one prepared statement and plan for it (ADR 0034) and Kysely compiles
// one value instead of n (ADR 0036). Same on both drivers: the literal travels as text and the database parses it.
import { type RawBuilder, sql } from 'kysely';

/** PostgreSQL array literal of text values: every element quoted, `"` and `\` escaped. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
}

/**
 * `column = any($1)`: true when the column equals one of the values; an empty list matches nothing (where an empty
 * IN list is a syntax error). The array takes the column's type, so it also serves date or integer columns.
 */
export function anyOf(values: readonly string[]): RawBuilder<string> {
  return anyOfLiteral(arrayLiteral(values));
}

/** anyOf for a list already written as an array literal: the argument of a compiledQuery (compiled.ts). */
export function anyOfLiteral(literal: string): RawBuilder<string> {
  return sql<string>`any(${literal})`;
}

/** The same list as a `text[]` value, for unnest() and comparisons where no column gives the type. */
export function textArray(values: readonly string[]): RawBuilder<string[]> {
  return sql<string[]>`${arrayLiteral(values)}::text[]`;
}
