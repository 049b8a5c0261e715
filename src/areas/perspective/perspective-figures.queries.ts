// Queries of the figures of actielijn 2 for a period [van, tot) of one tenant (aggregated in the service; no persons leave it).
import type { Ctx } from '../../rights/context.js';

/** Blockades active in the period (recorded before its end, not lifted before its start). */
export function blockersInPeriod(ctx: Ctx, tenant: string, van: string, tot: string) {
  return ctx.db
    .selectFrom('blockers')
    .select(['id', 'kind', 'since', 'resolved_on'])
    .where('tenant_id', '=', tenant)
    .where('since', '<', tot)
    .where((eb) => eb.or([eb('resolved_on', 'is', null), eb('resolved_on', '>=', van)]))
    .execute();
}

/** Per trajectory: the placement date (first stay start) and the date its plan was drawn up. */
export function placementsWithPlan(ctx: Ctx, tenant: string) {
  return ctx.db
    .selectFrom('stays')
    .innerJoin('trajectories', 'trajectories.id', 'stays.trajectory_id')
    .leftJoin('perspective_plans', 'perspective_plans.trajectory_id', 'trajectories.id')
    .select([
      'trajectories.id',
      (eb) => eb.fn.min<string>('stays.started_on').as('placement'),
      (eb) => eb.fn.min<string | null>('perspective_plans.drawn_up_on').as('drawn'),
    ])
    .where('trajectories.tenant_id', '=', tenant)
    .groupBy('trajectories.id')
    .execute();
}

/** The ZRM scores of the trajectories that ended in the period. */
export async function zrmOfEndedTrajectories(ctx: Ctx, tenant: string, van: string, tot: string) {
  const ended = await ctx.db
    .selectFrom('trajectories')
    .select('id')
    .where('tenant_id', '=', tenant)
    .where('ended_on', '>=', van)
    .where('ended_on', '<', tot)
    .execute();
  if (!ended.length) return [];
  return ctx.db
    .selectFrom('zrm_assessments')
    .innerJoin('zrm_scores', 'zrm_scores.assessment_id', 'zrm_assessments.id')
    .select(['zrm_assessments.id', 'trajectory_id', 'assessed_on', 'zrm_assessments.created_at', 'domain', 'score'])
    .where(
      'trajectory_id',
      'in',
      ended.map((t) => t.id),
    )
    .execute();
}

/** Waiting-list entries listed before the end of the period. */
export function waitingListEntriesBefore(ctx: Ctx, tenant: string, tot: string) {
  return ctx.db
    .selectFrom('waiting_list_entries')
    .select(['id', 'list_kind', 'listed_on', 'removed_on', 'removal_reason'])
    .where('tenant_id', '=', tenant)
    .where('listed_on', '<', tot)
    .execute();
}
