// Issue 20, ADR 0027: the data-quality findings are stored and kept current on every change. audit() marks the client
// a write touched; inTransaction calls applyDataQualityChanges before the commit, which recomputes the findings of
// those clients (and of their likely duplicates) from a per-client snapshot, in the same transaction. Rules that
// depend on today's date, and changes that are not about one client (units, settings), are caught by the daily full
// recomputation (first read of the day, ensureFreshFindings). compareFindings recomputes everything and compares.
import { sql } from 'kysely';
import { todayInNl } from '../../platform/validation.js';
import { type Ctx, registerBeforeCommit } from '../../rights/context.js';
import { ANON, inBulkLoad, takeChanged } from './changes.js';
import { type Finding, runRules } from './engine.js';
import type { SnapshotData } from './snapshot.js';
import { loadSnapshot } from './snapshot-loader.js';

const DUPLICATE_CODES = new Set(['CLI-08', 'CLI-09']);
const nameKey = (c: { first_name: string; last_name: string; birth_date: string | null }) =>
  c.birth_date ? `${c.first_name.trim().toLowerCase()}|${c.last_name.trim().toLowerCase()}|${c.birth_date}` : null;

function matchKeyOf(f: Finding, data: SnapshotData): string | null {
  if (!DUPLICATE_CODES.has(f.code)) return null;
  const c = data.rows.client.find((x) => x.id === f.recordId);
  if (!c) return null;
  return f.code === 'CLI-08' ? `bsn:${c.bsn}` : `naam:${nameKey(c)}`;
}

function rowsOf(tenantId: string, findings: Finding[], data: SnapshotData) {
  return findings.map((f) => ({
    tenant_id: tenantId,
    code: f.code,
    entity: f.entity,
    record_id: f.recordId,
    client_id: f.clientId,
    facility_id: f.facilityId,
    worker_id: f.workerId,
    fix_path: f.fixPath,
    match_key: matchKeyOf(f, data),
  }));
}

async function insertFindings(ctx: Ctx, rows: ReturnType<typeof rowsOf>) {
  for (let i = 0; i < rows.length; i += 1000)
    await ctx.db
      .insertInto('data_quality_findings')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** Locks the tenant's state row (one recomputation at a time per tenant on PostgreSQL) and returns its day. */
async function lockState(ctx: Ctx): Promise<string | null> {
  await ctx.db
    .insertInto('data_quality_state')
    .values({ tenant_id: ctx.actor.tenantId, refreshed_on: null, refreshed_at: null })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  const row = await ctx.db
    .selectFrom('data_quality_state')
    .select('refreshed_on')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  return row?.refreshed_on ?? null;
}

/** Clients sharing a BSN or name + birth date with the given ones (the likely-duplicate rules look across clients). */
async function partnersOf(ctx: Ctx, ids: string[]): Promise<{ ids: Set<string>; keys: Set<string> }> {
  const t = ctx.actor.tenantId;
  const mine = ids.length
    ? await ctx.db
        .selectFrom('clients')
        .select(['id', 'bsn', 'first_name', 'last_name', 'birth_date'])
        .where('tenant_id', '=', t)
        .where('id', 'in', ids)
        .where('merged_into', 'is', null)
        .execute()
    : [];
  const keys = new Set<string>();
  for (const c of mine) {
    if (c.bsn) keys.add(`bsn:${c.bsn}`);
    const k = nameKey(c);
    if (k) keys.add(`naam:${k}`);
  }
  const bsns = mine.map((c) => c.bsn).filter((x): x is string => !!x);
  const births = mine.map((c) => c.birth_date).filter((x): x is string => !!x);
  const out = new Set<string>();
  if (bsns.length || births.length) {
    const rows = await ctx.db
      .selectFrom('clients')
      .select(['id', 'bsn', 'first_name', 'last_name', 'birth_date'])
      .where('tenant_id', '=', t)
      .where('merged_into', 'is', null)
      .where((eb) =>
        eb.or([
          ...(bsns.length ? [eb('bsn', 'in', bsns)] : []),
          ...(births.length ? [eb('birth_date', 'in', births)] : []),
        ]),
      )
      .execute();
    for (const c of rows) {
      const k = nameKey(c);
      if ((c.bsn && keys.has(`bsn:${c.bsn}`)) || (k && keys.has(`naam:${k}`))) out.add(c.id);
    }
  }
  return { ids: out, keys };
}

/** Recomputes the stored findings of these clients (and ANON: the findings of no client) in the caller's transaction. */
export async function recomputeFindings(ctx: Ctx, touched: Iterable<string>) {
  const t = ctx.actor.tenantId;
  const set = new Set(touched);
  const anon = set.delete(ANON);
  if (set.size) {
    const direct = [...set];
    // the clients merged into a touched one lose their findings (their records are the kept client's now)
    const merged = await ctx.db
      .selectFrom('clients')
      .select('id')
      .where('tenant_id', '=', t)
      .where('merged_into', 'in', direct)
      .execute();
    // old and new likely-duplicate partners: who shared a key before (stored findings) and who shares one now
    const oldKeys = await ctx.db
      .selectFrom('data_quality_findings')
      .select('match_key')
      .distinct()
      .where('tenant_id', '=', t)
      .where('client_id', 'in', direct)
      .where('match_key', 'is not', null)
      .execute();
    const now = await partnersOf(ctx, direct);
    const keys = [...new Set([...oldKeys.map((k) => k.match_key as string), ...now.keys])];
    const oldPartners = keys.length
      ? await ctx.db
          .selectFrom('data_quality_findings')
          .select('client_id')
          .distinct()
          .where('tenant_id', '=', t)
          .where('match_key', 'in', keys)
          .execute()
      : [];
    const affected = new Set([
      ...direct,
      ...merged.map((m) => m.id),
      ...now.ids,
      ...oldPartners.map((p) => p.client_id).filter((x): x is string => !!x),
    ]);
    // the partners of every affected client are loaded too, so their duplicate rules see all their matches
    const loaded = new Set([...affected, ...(await partnersOf(ctx, [...affected])).ids]);
    const data = await loadSnapshot(ctx, [...loaded]);
    const findings = runRules(data).filter((f) => f.clientId !== null && affected.has(f.clientId));
    const list = [...affected];
    for (let i = 0; i < list.length; i += 1000)
      await ctx.db
        .deleteFrom('data_quality_findings')
        .where('tenant_id', '=', t)
        .where('client_id', 'in', list.slice(i, i + 1000))
        .execute();
    await insertFindings(ctx, rowsOf(t, findings, data));
  }
  if (anon) {
    const data = await loadSnapshot(ctx, 'anoniem');
    const findings = runRules(data).filter((f) => f.clientId === null);
    await ctx.db
      .deleteFrom('data_quality_findings')
      .where('tenant_id', '=', t)
      .where('client_id', 'is', null)
      .execute();
    await insertFindings(ctx, rowsOf(t, findings, data));
  }
}

/** Before the commit of a request transaction: recompute the findings of whatever the writes touched. */
export async function applyDataQualityChanges(ctx: Ctx) {
  const set = takeChanged(ctx.db);
  if (!set) return;
  if (inBulkLoad()) {
    await markFullRefreshDue(ctx);
    return;
  }
  const day = await lockState(ctx);
  // no full recomputation yet (new tenant, after a bulk load): the next read does it, nothing to keep current now
  if (day === null) return;
  await recomputeFindings(ctx, set);
}

export async function markFullRefreshDue(ctx: Ctx) {
  await ctx.db
    .insertInto('data_quality_state')
    .values({ tenant_id: ctx.actor.tenantId, refreshed_on: null, refreshed_at: null })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ refreshed_on: null }))
    .execute();
}

/** The full recomputation over the whole tenant; replaces every stored finding. */
export async function refreshAllFindings(ctx: Ctx) {
  const data = await loadSnapshot(ctx);
  const findings = runRules(data);
  await ctx.db.deleteFrom('data_quality_findings').where('tenant_id', '=', ctx.actor.tenantId).execute();
  await insertFindings(ctx, rowsOf(ctx.actor.tenantId, findings, data));
  await ctx.db
    .updateTable('data_quality_state')
    .set({ refreshed_on: data.today, refreshed_at: ctx.now })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .execute();
}

/** The daily refresh: the first read of the day (or after a bulk load) recomputes everything (date rules). */
export async function ensureFreshFindings(ctx: Ctx) {
  const day = await lockState(ctx);
  if (day !== todayInNl(ctx.now)) await refreshAllFindings(ctx);
}

export interface StoredFinding {
  code: string;
  entity: string;
  recordId: string;
  clientId: string | null;
  facilityId: string | null;
  workerId: string | null;
  fixPath: string;
}

export async function storedFindings(ctx: Ctx): Promise<StoredFinding[]> {
  const rows = await ctx.db
    .selectFrom('data_quality_findings')
    .select(['code', 'entity', 'record_id', 'client_id', 'facility_id', 'worker_id', 'fix_path'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('code')
    .orderBy('record_id')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    entity: r.entity,
    recordId: r.record_id,
    clientId: r.client_id,
    facilityId: r.facility_id,
    workerId: r.worker_id,
    fixPath: r.fix_path,
  }));
}

const keyOf = (f: StoredFinding) =>
  [f.code, f.entity, f.recordId, f.clientId, f.facilityId, f.workerId, f.fixPath].join(' ');

/** The stored findings against a recomputation from the raw data: what is missing and what is extra. */
export async function compareFindings(ctx: Ctx): Promise<{ ontbreekt: string[]; overbodig: string[] }> {
  const fresh = runRules(await loadSnapshot(ctx)).map(keyOf);
  const stored = (await storedFindings(ctx)).map(keyOf);
  const count = (xs: string[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const a = count(fresh);
  const b = count(stored);
  const ontbreekt = [...a].filter(([k, n]) => (b.get(k) ?? 0) < n).map(([k]) => k);
  const overbodig = [...b].filter(([k, n]) => (a.get(k) ?? 0) < n).map(([k]) => k);
  return { ontbreekt, overbodig };
}

/** Record counts for the score, with the same filters as the full snapshot. */
export async function recordCount(ctx: Ctx): Promise<number> {
  const t = ctx.actor.tenantId;
  const r = await sql<{ n: number }>`
    SELECT
      (SELECT count(*) FROM clients WHERE tenant_id = ${t} AND merged_into IS NULL)
    + (SELECT count(*) FROM registrations x JOIN clients c ON c.id = x.client_id WHERE x.tenant_id = ${t} AND c.merged_into IS NULL)
    + (SELECT count(*) FROM access_decisions WHERE tenant_id = ${t})
    + (SELECT count(*) FROM trajectories x JOIN clients c ON c.id = x.client_id WHERE x.tenant_id = ${t} AND c.merged_into IS NULL)
    + (SELECT count(*) FROM stays x JOIN clients c ON c.id = x.client_id WHERE x.tenant_id = ${t} AND c.merged_into IS NULL)
    + (SELECT count(*) FROM outreach_contacts WHERE tenant_id = ${t})
    + (SELECT count(*) FROM turn_aways WHERE tenant_id = ${t})
    + (SELECT count(*) FROM street_counts WHERE tenant_id = ${t})
    + (SELECT count(*) FROM housing_candidates WHERE tenant_id = ${t})
    + (SELECT count(*) FROM perspective_plans WHERE tenant_id = ${t}) AS n`.execute(ctx.db);
  return Number(r.rows[0]?.n ?? 0);
}

// the area keeps its stored findings current itself: rights/context.ts runs this before every commit
registerBeforeCommit(applyDataQualityChanges);
