// Queries of the worklists: who is placed now (visible to the actor), and the open work around them.

import { anyOf } from '../../platform/db/arrays.js';
import type { Ctx } from '../../rights/context.js';
import { visibleClients } from '../../rights/visibility.js';
import { OPEN_ACTION_STATUSES } from './life-domains.js';
import { placementsOf } from './perspective.queries.js';

/** Clients with an open stay in an open trajectory, visible to the actor, with placement date and plan. */
export async function currentlyPlaced(ctx: Ctx) {
  const rows = await visibleClients(ctx)
    .innerJoin('stays', 'stays.client_id', 'clients.id')
    .innerJoin('trajectories', 'trajectories.id', 'stays.trajectory_id')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .leftJoin('perspective_plans', 'perspective_plans.trajectory_id', 'trajectories.id')
    .select([
      'clients.id as client_id',
      'clients.first_name',
      'clients.last_name',
      'trajectories.id as trajectory_id',
      'facilities.name as facility_name',
      'units.name as unit_name',
      'perspective_plans.id as plan_id',
      'perspective_plans.drawn_up_on',
    ])
    .where('stays.ended_on', 'is', null)
    .where('trajectories.ended_on', 'is', null)
    .where('stays.tenant_id', '=', ctx.actor.tenantId)
    .execute();
  const placement = await placementsOf(
    ctx,
    rows.map((r) => r.trajectory_id),
  );
  return rows.flatMap((r) => {
    const first = placement.get(r.trajectory_id);
    return first ? [{ ...r, placement: first }] : [];
  });
}

/** Open blockades, practical steps and open plan actions of these trajectories and plans. */
export async function openWork(ctx: Ctx, trajectoryIds: readonly string[], planIds: readonly string[]) {
  const [blockers, steps, actions] = await Promise.all([
    trajectoryIds.length
      ? ctx.db
          .selectFrom('blockers')
          .selectAll()
          .where('trajectory_id', '=', anyOf(trajectoryIds))
          .where('resolved_on', 'is', null)
          .orderBy('since')
          .execute()
      : [],
    trajectoryIds.length
      ? ctx.db
          .selectFrom('practical_steps')
          .select(['trajectory_id', 'kind', 'status'])
          .where('trajectory_id', '=', anyOf(trajectoryIds))
          .execute()
      : [],
    planIds.length
      ? ctx.db
          .selectFrom('plan_actions')
          .innerJoin('plan_goals', 'plan_goals.id', 'plan_actions.goal_id')
          .select([
            'plan_goals.plan_id',
            'plan_actions.description',
            'plan_actions.owner_org',
            'plan_actions.owner_name',
            'plan_actions.due_on',
          ])
          .where('plan_goals.plan_id', '=', anyOf(planIds))
          .where('plan_actions.status', 'in', OPEN_ACTION_STATUSES)
          .orderBy('plan_actions.due_on')
          .execute()
      : [],
  ]);
  return { blockers, steps, actions };
}
