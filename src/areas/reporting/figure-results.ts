// Issue 15 (ADR 0032): the computed kerncijfers per tenant × period × filters × report day, kept in figure_results.
// Any change of what the figures read notes its tenant and the earliest date it can touch, in the same transaction; at
// commit the tenant's version steps and the stored results of the periods ending after that date are deleted
// (migration 0041). So a stored result is never older than the data it describes; a tenant with a change still
// uncommitted in the reading transaction itself is computed fresh.
//
// Why a result layer above the per-record facts (ADR 0015): several figures count distinct persons, trajectories or
// nights over the period, which no per-day or per-month sum can give; the facts make one computation ~3× cheaper,
// but the national dashboard (44 centrumgemeenten × 10 years) still reads millions of facts rows. Past periods of a
// tenant without changes are now read as stored results.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { textArray } from '../../platform/db/arrays.js';
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

/**
 * The series of every tenant in q, from stored results where they are current and from `compute` otherwise. A
 * commit that changes a tenant deletes the stored results of the periods it can touch (migration 0041), so what is
 * stored is current; per tenant only the run of periods from the first to the last missing one is computed (`compute`
 * gets contiguous periods), grouped by that run. What was computed is stored only while the tenant's version is still
 * the one read before computing, with its version row locked until this transaction ends: a commit of a change waits
 * for it and then deletes what it makes stale.
 */
export async function seriesWithResults<KeyFigures extends StoredResult>(
  db: Tx,
  q: SeriesQuery,
  compute: (tenantIds: string[], periods: Period[]) => Promise<Map<string, KeyFigures[]>>,
): Promise<Map<string, KeyFigures[]>> {
  if (!q.tenantIds.length || !q.periods.length) return compute(q.tenantIds, q.periods);
  const keys = q.periods.map((p) => resultKey(q, p));
  // The version first: whatever is computed after this is at least as new as it (a commit in between only makes
  // this reader skip storing, and the next reader computes again).
  const state = await sql<{ tenant_id: string; version: string | number; dirty: boolean }>`
    select t.tenant_id, coalesce(v.version, 0) as version,
      exists (select 1 from figure_changes c where c.tenant_id = t.tenant_id) as dirty
    from unnest(${textArray(q.tenantIds)}) as t(tenant_id)
    left join figure_versions v on v.tenant_id = t.tenant_id
  `.execute(db);
  const stored = await sql<{ tenant_id: string; query_key: string; result: KeyFigures | string }>`
    select r.tenant_id, r.query_key, r.result
    from figure_results r
    where r.tenant_id = any(${textArray(q.tenantIds)}) and r.query_key = any(${textArray(keys)})
      and r.report_day = ${q.today}::date
  `.execute(db);
  const dirty = new Set(state.rows.filter((s) => s.dirty).map((s) => s.tenant_id));
  const found = new Map<string, KeyFigures>();
  for (const r of stored.rows) {
    if (dirty.has(r.tenant_id)) continue;
    found.set(`${r.tenant_id}\u0000${r.query_key}`, typeof r.result === 'string' ? JSON.parse(r.result) : r.result);
  }
  const out = new Map<string, (KeyFigures | undefined)[]>();
  // tenants with missing periods, grouped by the run [first, last] of periods to compute
  const runs = new Map<string, { first: number; last: number; tenants: string[] }>();
  for (const t of q.tenantIds) {
    const row = keys.map((k) => found.get(`${t}\u0000${k}`));
    out.set(t, row);
    const first = row.findIndex((x) => x === undefined);
    if (first < 0) continue;
    const last = row.length - 1 - [...row].reverse().findIndex((x) => x === undefined);
    const run = runs.get(`${first}:${last}`) ?? { first, last, tenants: [] };
    run.tenants.push(t);
    runs.set(`${first}:${last}`, run);
  }
  if (!runs.size) return out as Map<string, KeyFigures[]>;

  const version = new Map(state.rows.map((s) => [s.tenant_id, Number(s.version)]));
  const rows: { t: string; k: string; v: number; to: string; r: string }[] = [];
  for (const run of runs.values()) {
    const periods = q.periods.slice(run.first, run.last + 1);
    const fresh = await compute(run.tenants, periods);
    for (const t of run.tenants) {
      const figures = fresh.get(t);
      const row = out.get(t)!;
      for (const [j, f] of (figures ?? []).entries()) {
        const i = run.first + j;
        row[i] = f;
        if (!dirty.has(t))
          // this transaction's own uncommitted change: not for others to read
          rows.push({ t, k: keys[i]!, v: version.get(t) ?? 0, to: q.periods[i]!.to, r: JSON.stringify(f) });
      }
    }
  }
  if (rows.length) {
    const candidates = [...new Set(rows.map((r) => r.t))].sort();
    // Lock the version rows of the tenants whose version has not moved since it was read (one lock order, and never
    // waiting: a row that a committing change holds is skipped, its tenant's results are not stored).
    const locked = await sql<{ tenant_id: string; version: string | number }>`
      select tenant_id, version from figure_versions
      where tenant_id = any(${textArray(candidates)})
      order by tenant_id
      for share skip locked
    `.execute(db);
    const current = new Set(
      locked.rows.filter((l) => Number(l.version) === (version.get(l.tenant_id) ?? -1)).map((l) => l.tenant_id),
    );
    const keep = rows.filter((r) => current.has(r.t));
    if (keep.length) {
      const tenants = [...new Set(keep.map((r) => r.t))];
      // results of an earlier report day are of no use any more
      await sql`delete from figure_results where tenant_id = any(${textArray(tenants)})
        and report_day < ${q.today}::date`.execute(db);
      keep.sort((a, b) => (a.t === b.t ? a.k.localeCompare(b.k) : a.t.localeCompare(b.t))); // one lock order
      await sql`
        insert into figure_results (tenant_id, query_key, version, report_day, period_to, result)
        select x.t, x.k, x.v, ${q.today}::date, x.d, x.r::json
        from unnest(${textArray(keep.map((r) => r.t))}, ${textArray(keep.map((r) => r.k))},
          ${`{${keep.map((r) => r.v).join(',')}}`}::bigint[], ${textArray(keep.map((r) => r.to))}::date[],
          ${textArray(keep.map((r) => r.r))}) as x(t, k, v, d, r)
        on conflict (tenant_id, query_key) do update
          set version = excluded.version, report_day = excluded.report_day, period_to = excluded.period_to,
            result = excluded.result, computed_at = now()
      `.execute(db);
    }
  }
  return out as Map<string, KeyFigures[]>;
}

export interface ResultDifference {
  tenantId: string;
  key: string;
}

/**
 * The check (CLI cijfers-controleren): every stored result (each one claims to be current) recomputed from the facts with
 * `compute`; returns the ones that differ (empty: all stored results are right).
 */
export async function compareFigureResults<KeyFigures extends StoredResult>(
  db: Tx,
  compute: (tenantId: string, key: string) => Promise<KeyFigures | null>,
  tenantId?: string,
): Promise<ResultDifference[]> {
  const rows = await sql<{ tenant_id: string; query_key: string; result: KeyFigures | string }>`
    select r.tenant_id, r.query_key, r.result from figure_results r
    ${tenantId ? sql`where r.tenant_id = ${tenantId}` : sql``}
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
