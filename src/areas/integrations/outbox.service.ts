// The state of the outbox to the zaaksysteem, for the beheerder (issue 19): counts and the latest rows, without case
// contents (ids, kinds, attempts, errors).
import { sql } from 'kysely';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import type { Zaaksysteemstatus } from './integrations.dto.js';

export async function outboxStatus(ctx: Ctx, opts: { configured: boolean }): Promise<Zaaksysteemstatus> {
  authorize(ctx, 'zaaksysteem.zien');
  const conn = await ctx.db
    .selectFrom('zgw_connections')
    .select(['enabled', 'rsin'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  const counts = await ctx.db
    .selectFrom('zgw_outbox')
    .select([
      sql<number>`count(*) FILTER (WHERE state = 'wachtend')::int`.as('waiting'),
      sql<number>`count(*) FILTER (WHERE state = 'verzonden')::int`.as('sent'),
      sql<number>`count(*) FILTER (WHERE state = 'wachtend' AND attempts > 0)::int`.as('failing'),
      sql<Date | null>`min(created_at) FILTER (WHERE state = 'wachtend')`.as('oldest'),
    ])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirstOrThrow();
  const rows = await ctx.db
    .selectFrom('zgw_outbox')
    .select([
      'id',
      'kind',
      'status_code',
      'state',
      'attempts',
      'next_attempt_at',
      'last_error',
      'remote_url',
      'created_at',
      'delivered_at',
      'happened_on',
    ])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'zaaksysteem-koppeling' });
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    koppelingAan: !!conn?.enabled,
    ingesteld: opts.configured,
    aantalWachtend: counts.waiting,
    aantalVerzonden: counts.sent,
    aantalMetFout: counts.failing,
    oudsteWachtend: iso(counts.oldest),
    berichten: rows.map((r) => ({
      id: String(r.id),
      soort: r.kind,
      stap: r.status_code,
      datum: r.happened_on,
      status: r.state,
      pogingen: r.attempts,
      volgendePoging: r.state === 'wachtend' ? iso(r.next_attempt_at) : null,
      laatsteFout: r.last_error,
      adres: r.remote_url,
      aangemaakt: iso(r.created_at)!,
      verzonden: iso(r.delivered_at),
    })),
  };
}
