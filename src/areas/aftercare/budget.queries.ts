// Queries of preventief budgetbeheer.
import type { Ctx } from '../../rights/context.js';

/** The budgetbeheer of this tenant (of one client when given), by planned end. */
export function budgetRows(ctx: Ctx, f: { clientId?: string } = {}) {
  let q = ctx.db
    .selectFrom('budget_management as b')
    .innerJoin('clients as c', 'c.id', 'b.client_id')
    .select([
      'b.id',
      'b.client_id',
      'b.plan_id',
      'b.provider',
      'b.started_on',
      'b.phase_out_from',
      'b.ends_on',
      'b.ended_early_on',
      'b.ended_early_reason',
      'c.first_name',
      'c.last_name',
    ])
    .where('b.tenant_id', '=', ctx.actor.tenantId);
  if (f.clientId) q = q.where('b.client_id', '=', f.clientId);
  return q.orderBy('b.ends_on').execute();
}
export type BudgetRow = Awaited<ReturnType<typeof budgetRows>>[number];
