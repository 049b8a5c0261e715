// Queries of the perspectiefplan: the plan with goals, actions, status history and comments; its signed versions.

import { anyOf } from '../../platform/db/arrays.js';
import type { Ctx } from '../../rights/context.js';

/** Everything planCoreDto shapes: the plan (with trajectory and client), goals, actions, action history, comments. */
export async function planRows(ctx: Ctx, planId: string) {
  const plan = await ctx.db
    .selectFrom('perspective_plans')
    .innerJoin('trajectories', 'trajectories.id', 'perspective_plans.trajectory_id')
    .innerJoin('clients', 'clients.id', 'perspective_plans.client_id')
    .select([
      'perspective_plans.id',
      'perspective_plans.trajectory_id',
      'perspective_plans.client_id',
      'perspective_plans.drawn_up_on',
      'perspective_plans.client_words',
      'perspective_plans.client_wishes',
      'perspective_plans.signed_on',
      'trajectories.started_on',
      'trajectories.ended_on',
      'clients.first_name',
      'clients.last_name',
      'clients.birth_date',
    ])
    .where('perspective_plans.id', '=', planId)
    .executeTakeFirstOrThrow();
  const goals = await ctx.db
    .selectFrom('plan_goals')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const goalIds = goals.map((g) => g.id);
  const actions = goalIds.length
    ? await ctx.db
        .selectFrom('plan_actions')
        .selectAll()
        .where('goal_id', '=', anyOf(goalIds))
        .orderBy('due_on')
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : [];
  const actionIds = actions.map((a) => a.id);
  const changes = actionIds.length
    ? await ctx.db
        .selectFrom('plan_action_status_changes')
        .leftJoin('users', 'users.id', 'plan_action_status_changes.changed_by')
        .select([
          'plan_action_status_changes.action_id',
          'from_status',
          'to_status',
          'changed_on',
          'note',
          'users.display_name',
        ])
        .where('action_id', '=', anyOf(actionIds))
        .orderBy('plan_action_status_changes.created_at')
        .execute()
    : [];
  const comments = await commentRows(ctx, planId);
  return { plan, goals, actions, changes, comments };
}
export type PlanRows = Awaited<ReturnType<typeof planRows>>;

export function commentRows(ctx: Ctx, planId: string) {
  return ctx.db
    .selectFrom('plan_comments')
    .select(['id', 'author_name', 'author_role', 'body', 'created_at'])
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The signed versions of a plan, oldest first. */
export function versionsOf(ctx: Ctx, planId: string) {
  return ctx.db
    .selectFrom('perspective_plan_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.version_no', 'v.signed_on', 'v.created_at', 'v.agreement_hash', 'u.display_name'])
    .where('v.plan_id', '=', planId)
    .where('v.tenant_id', '=', ctx.actor.tenantId)
    .orderBy('v.version_no')
    .execute();
}

/** One signed version with its frozen content (jsonb: both drivers return it parsed). */
export function versionOf(ctx: Ctx, planId: string, versionNo: number) {
  return ctx.db
    .selectFrom('perspective_plan_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.version_no', 'v.signed_on', 'v.created_at', 'v.content', 'u.display_name'])
    .where('v.plan_id', '=', planId)
    .where('v.tenant_id', '=', ctx.actor.tenantId)
    .where('v.version_no', '=', versionNo)
    .executeTakeFirst();
}
