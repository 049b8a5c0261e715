import type { Ctx } from '../context.js';

export type AuditAction = 'lezen' | 'aanmaken' | 'wijzigen' | 'samenvoegen' | 'plaatsen' | 'beeindigen' | 'besluiten' | 'zoeken';

/** NEN 7513 log row, written in the caller's transaction: the action and its log commit together. */
export async function audit(ctx: Ctx, entry: { clientId: string | null; action: AuditAction; resource: string; detail?: string; basis?: string; emergency?: boolean }) {
  await ctx.db.insertInto('audit_log').values({
    tenant_id: ctx.actor.tenantId,
    user_id: ctx.actor.userId,
    username: ctx.actor.username,
    role: ctx.actor.role,
    on_behalf_of: ctx.actor.tenantId,
    client_id: entry.clientId,
    action: entry.action,
    resource: entry.resource,
    detail: entry.detail ?? null,
    source_ip: ctx.sourceIp ?? null,
    basis: entry.basis ?? basisFor(ctx.actor.role),
    emergency: entry.emergency ?? false,
  }).execute();
}

function basisFor(role: string): string {
  switch (role) {
    case 'toegang': return 'Wmo 2015 art. 2.3.2 — onderzoek en toegang maatschappelijke opvang';
    case 'locatie': return 'Uitvoering opvang (toewijzing zorgaanbieder)';
    case 'client': return 'AVG art. 15 — inzage eigen gegevens';
    default: return 'Taakuitoefening';
  }
}

export async function auditTrail(ctx: Ctx, clientId: string) {
  return ctx.db.selectFrom('audit_log')
    .select(['at', 'username', 'role', 'action', 'resource', 'detail', 'emergency', 'source_ip', 'basis'])
    .where('client_id', '=', clientId)
    .orderBy('at', 'desc').orderBy('id', 'desc')
    .limit(500)
    .execute();
}
