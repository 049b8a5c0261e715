// Cell keys in SQL (issue 13): the part of the cell key method that the figure queries (kerncijfers.ts,
// reporting.queries.ts) use; the method itself and its parameters are in disclosure.ts.
import { type RawBuilder, sql } from 'kysely';

export const TWO52 = 4503599627370496; // 2^52

/** SQL: the record key of column `col` as an integer 0 ≤ k < 2^52. */
export function recordKeySql(secret: string, col: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`('x' || substr(md5(${secret} || ${col}::text), 1, 13))::bit(52)::bigint`;
}

/** SQL aggregate: the cell key (0..1) of the rows in the group (optionally only where `filter`; `distinct` ids once). */
export function cellKeySql(
  secret: string,
  col: RawBuilder<unknown>,
  opts: { filter?: RawBuilder<unknown>; distinct?: boolean } = {},
): RawBuilder<number> {
  const sum = opts.distinct ? sql`sum(distinct ${recordKeySql(secret, col)})` : sql`sum(${recordKeySql(secret, col)})`;
  const filtered = opts.filter ? sql`${sum} filter (where ${opts.filter})` : sum;
  return sql<number>`((coalesce(${filtered}, 0) % ${sql.lit(TWO52)})::float8 / ${sql.lit(TWO52)})`;
}

/** Cell keys of the counts of one set of key figures (computeSeries with a cellKeySecret fills them). */
export interface CellKeys {
  aanmeldingen: number;
  startTraject: number;
  trajectenBeeindigd: number;
  uitgestroomd: number;
  vertrokkenOnbekend: number;
  binnenDrieMaanden: number;
  /** Count and key of the trajectories ended within 91 days (the numerator of binnenDrieMaandenDoorgestroomd). */
  binnenDrieMaandenAantal: number;
  uitstroomPerGroep: Record<string, number>;
  personenInOpvang: number;
  herkomst: Record<string, number>;
  herkomstPerGemeente: Record<string, number>;
  aanleiding: Record<string, number>;
  /** Distinct persons behind the mean bed occupancy, and their key. */
  bezettingPersonen: number;
  bezetting: number;
}
