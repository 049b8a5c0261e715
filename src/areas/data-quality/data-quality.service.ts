// Issue 20: the data-quality page — the stored findings (ADR 0027: recomputed for the touched clients on every change,
// so a fix shows at once; in full once a day), per worker, location and tenant with a link to fix each, and the score
// per month (stored by the latest read in that month).
import { Problems } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import { auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import type { Finding } from './engine.js';
import { ensureFreshFindings, recordCount, storedFindings } from './findings-store.js';
import { RULES } from './rules.js';
import type { EntityKind } from './snapshot.js';

/**
 * The stored findings (ADR 0027: kept current on every change, recomputed in full once a day) and the score; stores
 * this month's score. Returns the findings the caller may see.
 */
export async function currentFindings(ctx: Ctx) {
  await ensureFreshFindings(ctx);
  const today = todayInNl(ctx.now);
  const rules = new Map(RULES.map((r) => [r.code, r]));
  const all: Finding[] = (await storedFindings(ctx)).flatMap((f) => {
    const r = rules.get(f.code);
    return r ? [{ ...f, severity: r.severity, text: r.text, entity: f.entity as EntityKind }] : [];
  });
  const records = await recordCount(ctx);
  const bad = new Set(all.map((f) => `${f.entity}:${f.recordId}`)).size;
  const score = records === 0 ? 100 : Math.round((1000 * (records - bad)) / records) / 10;
  const month = today.slice(0, 7);
  const values = {
    tenant_id: ctx.actor.tenantId,
    month,
    score,
    findings: all.length,
    records,
    computed_at: ctx.now,
  };
  await ctx.db
    .insertInto('data_quality_scores')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'month']).doUpdateSet({ score, findings: all.length, records, computed_at: ctx.now }),
    )
    .execute();
  return { today, all, score, records };
}

export async function dataQualityPage(ctx: Ctx, q: { medewerkerId?: string; locatieId?: string; regel?: string }) {
  authorize(ctx, 'datakwaliteit.zien');
  if (q.regel && !RULES.some((r) => r.code === q.regel))
    new Problems().add('regel', 'unknown', 'Deze regel bestaat niet.').throwIfAny();
  const { today, all, score, records } = await currentFindings(ctx);
  // a locatiemedewerker sees the findings of the own location only
  const mine = can(ctx.actor, 'datakwaliteit.alleLocaties')
    ? all
    : all.filter((f) => f.facilityId !== null && f.facilityId === ctx.actor.facilityId);
  const chosen = mine.filter(
    (f) =>
      (!q.medewerkerId || f.workerId === q.medewerkerId) &&
      (!q.locatieId || f.facilityId === q.locatieId) &&
      (!q.regel || f.code === q.regel),
  );
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .execute();
  const facilities = await ctx.db
    .selectFrom('facilities')
    .select(['id', 'name'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .execute();
  const userName = new Map(users.map((u) => [u.id, u.display_name]));
  const facilityName = new Map(facilities.map((f) => [f.id, f.name]));
  const shown = chosen.slice(0, LIMIT);
  const clientIds = [...new Set(shown.map((f) => f.clientId).filter((x): x is string => !!x))];
  const names = new Map<string, string>();
  for (let i = 0; i < clientIds.length; i += 1000) {
    const rows = await ctx.db
      .selectFrom('clients')
      .select(['id', 'first_name', 'last_name'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', 'in', clientIds.slice(i, i + 1000))
      .execute();
    for (const r of rows) names.set(r.id, `${r.first_name} ${r.last_name}`);
  }
  await auditPersons(ctx, clientIds, { action: 'lezen', resource: 'datakwaliteit' });
  const groupBy = (key: (f: Finding) => string | null, label: (id: string) => string) => {
    const m = new Map<string, number>();
    for (const f of mine) {
      const k = key(f);
      if (k) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m.entries()]
      .map(([id, aantal]) => ({ id, naam: label(id), aantal }))
      .sort((a, b) => b.aantal - a.aantal || a.naam.localeCompare(b.naam, 'nl'));
  };
  const perRule = new Map<string, number>();
  for (const f of mine) perRule.set(f.code, (perRule.get(f.code) ?? 0) + 1);
  return {
    peildatum: today,
    score,
    records,
    aantalRegels: RULES.length,
    aantal: chosen.length,
    perMedewerker: groupBy(
      (f) => f.workerId,
      (id) => userName.get(id) ?? 'Onbekende medewerker',
    ),
    perLocatie: groupBy(
      (f) => f.facilityId,
      (id) => facilityName.get(id) ?? 'Onbekende locatie',
    ),
    perRegel: RULES.filter((r) => perRule.has(r.code)).map((r) => ({
      code: r.code,
      ernst: r.severity,
      tekst: r.text,
      aantal: perRule.get(r.code) ?? 0,
    })),
    bevindingen: shown.map((f) => ({
      code: f.code,
      ernst: f.severity,
      tekst: f.text,
      soort: f.entity,
      recordId: f.recordId,
      clientId: f.clientId,
      clientNaam: f.clientId ? (names.get(f.clientId) ?? null) : null,
      locatieId: f.facilityId,
      locatieNaam: f.facilityId ? (facilityName.get(f.facilityId) ?? null) : null,
      medewerkerId: f.workerId,
      medewerkerNaam: f.workerId ? (userName.get(f.workerId) ?? null) : null,
      herstelLink: f.fixPath,
    })),
    meer: chosen.length > shown.length,
  };
}
const LIMIT = 500;

export async function dataQualityScores(ctx: Ctx) {
  authorize(ctx, 'datakwaliteit.score');
  await currentFindings(ctx);
  const rows = await ctx.db
    .selectFrom('data_quality_scores')
    .select(['month', 'score', 'findings', 'records'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('month')
    .execute();
  return {
    maanden: rows.map((r) => ({ maand: r.month, score: Number(r.score), bevindingen: r.findings, records: r.records })),
  };
}

export function ruleCatalogue() {
  return {
    regels: RULES.map((r) => ({ code: r.code, ernst: r.severity, soort: r.entity, tekst: r.text })),
  };
}
