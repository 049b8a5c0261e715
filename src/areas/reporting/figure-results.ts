// Issue 15 (ADR 0032): the computed kerncijfers per tenant × period × filters × report day, kept in figure_results
// and used as long as the tenant's figure version (migration 0040) has not moved. Any change of what the figures read
// marks the tenant in the same transaction and raises its version at commit, so a result is never older than the data
// it claims to describe; a tenant with a change still uncommitted in the reading transaction itself is computed fresh.
//
// Why a result layer above the per-record facts (ADR 0015): several figures count distinct persons, trajectories or
// nights over the period, which no per-day or per-month sum can give; the facts make one computation ~3× cheaper,
// but the national dashboard (44 centrumgemeenten × 10 years) still reads millions of facts rows. Past periods of a
// tenant without changes are now read as stored results.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';

// Structural types, not imported from kerncijfers.ts (which imports this module): a result is any JSON object.
interface Period {
  from: string;
  to: string;
}
type StoredResult = object;

export interface SeriesQuery {
  tenantIds: string[];
  periods: Period[];
  filters?: object;
  today: string;
  cellKeySecret?: string;
}

/** The key of one tenant-period: period, filters (sorted), report day and a digest of the cell-key secret. */
export function resultKey(q: SeriesQuery, p: Period): string {
  const f = q.filters ?? {};
  const filters = Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const secret = q.cellKeySecret ? createHash('sha256').update(q.cellKeySecret).digest('hex').slice(0, 16) : 'exact';
  return JSON.stringify({ van: p.from, tot: p.to, f: filters, dag: q.today, ck: secret });
}

const textArray = (xs: string[]) =>
  sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`}::text[]`;

/**
 * The series of every tenant in q, from stored results where they are current and from `compute` (for the tenants
 * with any missing period) otherwise; what was computed is stored under the version read before computing.
 */
export async function seriesWithResults<KeyFigures extends StoredResult>(
  db: Tx,
  q: SeriesQuery,
  compute: (tenantIds: string[]) => Promise<Map<string, KeyFigures[]>>,
): Promise<Map<string, KeyFigures[]>> {
  if (!q.tenantIds.length || !q.periods.length) return compute(q.tenantIds);
  const keys = q.periods.map((p) => resultKey(q, p));
  // The version first: whatever is computed after this is at least as new as it (a commit in between only makes
  // the stored result look older than it is, and the next reader computes again).
  const state = await sql<{ tenant_id: string; version: string | number; dirty: boolean }>`
    select t.tenant_id, coalesce(v.version, 0) as version,
      exists (select 1 from figure_changes c where c.tenant_id = t.tenant_id) as dirty
    from unnest(${textArray(q.tenantIds)}) as t(tenant_id)
    left join figure_versions v on v.tenant_id = t.tenant_id
  `.execute(db);
  const stored = await sql<{ tenant_id: string; query_key: string; result: KeyFigures | string }>`
    select r.tenant_id, r.query_key, r.result
    from figure_results r
    left join figure_versions v on v.tenant_id = r.tenant_id
    where r.tenant_id = any(${textArray(q.tenantIds)}) and r.query_key = any(${textArray(keys)})
      and r.version = coalesce(v.version, 0)
  `.execute(db);
  const dirty = new Set(state.rows.filter((s) => s.dirty).map((s) => s.tenant_id));
  const found = new Map<string, KeyFigures>();
  for (const r of stored.rows) {
    if (dirty.has(r.tenant_id)) continue;
    found.set(`${r.tenant_id}\u0000${r.query_key}`, typeof r.result === 'string' ? JSON.parse(r.result) : r.result);
  }
  const out = new Map<string, KeyFigures[]>();
  const missing: string[] = [];
  for (const t of q.tenantIds) {
    const row = keys.map((k) => found.get(`${t}\u0000${k}`));
    if (row.every((x) => x !== undefined)) out.set(t, row as KeyFigures[]);
    else missing.push(t);
  }
  if (!missing.length) return out;

  const fresh = await compute(missing);
  const version = new Map(state.rows.map((s) => [s.tenant_id, Number(s.version)]));
  const rows: { t: string; k: string; v: number; r: string }[] = [];
  for (const t of missing) {
    const figures = fresh.get(t);
    if (!figures) continue;
    out.set(t, figures);
    if (dirty.has(t)) continue; // this transaction's own uncommitted change: not for others to read
    for (const [i, f] of figures.entries()) rows.push({ t, k: keys[i]!, v: version.get(t) ?? 0, r: JSON.stringify(f) });
  }
  if (rows.length) {
    const stored = missing.filter((t) => !dirty.has(t));
    // results of an older version or an earlier report day are of no use any more
    await sql`delete from figure_results r using (select t.tenant_id, coalesce(v.version, 0) as version
        from unnest(${textArray(stored)}) as t(tenant_id) left join figure_versions v on v.tenant_id = t.tenant_id) cur
      where r.tenant_id = cur.tenant_id and (r.version < cur.version or r.report_day < ${q.today}::date)`.execute(db);
    rows.sort((a, b) => (a.t === b.t ? a.k.localeCompare(b.k) : a.t.localeCompare(b.t))); // one lock order
    await sql`
      insert into figure_results (tenant_id, query_key, version, report_day, result)
      select x.t, x.k, x.v, ${q.today}::date, x.r::json
      from unnest(${textArray(rows.map((r) => r.t))}, ${textArray(rows.map((r) => r.k))},
        ${`{${rows.map((r) => r.v).join(',')}}`}::bigint[], ${textArray(rows.map((r) => r.r))}) as x(t, k, v, r)
      on conflict (tenant_id, query_key) do update
        set version = excluded.version, report_day = excluded.report_day, result = excluded.result, computed_at = now()
        where figure_results.version <= excluded.version
    `.execute(db);
  }
  return out;
}

export interface ResultDifference {
  tenantId: string;
  key: string;
}

/**
 * The check (CLI cijfers-controleren): every stored result of the current version recomputed from the facts with
 * `compute`; returns the ones that differ (empty: all stored results are right).
 */
export async function compareFigureResults<KeyFigures extends StoredResult>(
  db: Tx,
  compute: (tenantId: string, key: string) => Promise<KeyFigures | null>,
  tenantId?: string,
): Promise<ResultDifference[]> {
  const rows = await sql<{ tenant_id: string; query_key: string; result: KeyFigures | string }>`
    select r.tenant_id, r.query_key, r.result from figure_results r
    left join figure_versions v on v.tenant_id = r.tenant_id
    where r.version = coalesce(v.version, 0) ${tenantId ? sql`and r.tenant_id = ${tenantId}` : sql``}
    order by r.tenant_id, r.query_key
  `.execute(db);
  const out: ResultDifference[] = [];
  for (const r of rows.rows) {
    const stored = typeof r.result === 'string' ? JSON.parse(r.result) : r.result;
    const now = await compute(r.tenant_id, r.query_key);
    if (!now || JSON.stringify(sortKeys(now)) !== JSON.stringify(sortKeys(stored)))
      out.push({ tenantId: r.tenant_id, key: r.query_key });
  }
  return out;
}

/** Compare with sorted keys, so the check does not depend on the order of object keys. */
export function sortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x && typeof x === 'object')
    return Object.fromEntries(
      Object.entries(x as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return x;
}
