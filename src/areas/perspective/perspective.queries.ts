// Loaders the services of actielijn 2 share: an object of this tenant whose client the actor may see, or 404.
// Rights (authorize) are the caller's first step; these only find and check visibility.

import { anyOf } from '../../platform/db/arrays.js';
import { NotFoundError } from '../../platform/errors.js';
import type { Ctx } from '../../rights/context.js';
import { assertClientVisible } from '../../rights/visibility.js';

/** A trajectory of this tenant whose client the actor may see; 404 otherwise (also for other tenants). */
export async function loadTrajectory(ctx: Ctx, trajectoryId: string) {
  const t = await ctx.db
    .selectFrom('trajectories')
    .select(['id', 'client_id', 'started_on', 'ended_on'])
    .where('id', '=', trajectoryId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!t) throw new NotFoundError('Traject niet gevonden.');
  await assertClientVisible(ctx, t.client_id);
  return t;
}

/** A perspectiefplan of this tenant whose client the actor may see; 404 otherwise. */
export async function loadPlan(ctx: Ctx, planId: string) {
  const p = await ctx.db
    .selectFrom('perspective_plans')
    .selectAll()
    .where('id', '=', planId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!p) throw new NotFoundError('Perspectiefplan niet gevonden.');
  await assertClientVisible(ctx, p.client_id);
  return p;
}

/** A goal with its plan (404 unless the actor may see the plan's client). */
export async function loadGoal(ctx: Ctx, goalId: string) {
  const g = await ctx.db
    .selectFrom('plan_goals')
    .selectAll()
    .where('id', '=', goalId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!g) throw new NotFoundError('Doel niet gevonden.');
  const plan = await loadPlan(ctx, g.plan_id);
  return { goal: g, plan };
}

/** A blockade of this tenant, locked for the change that follows, with its trajectory (404 unless visible). */
export async function loadBlockerForUpdate(ctx: Ctx, blockerId: string) {
  const b = await ctx.db
    .selectFrom('blockers')
    .selectAll()
    .where('id', '=', blockerId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!b) throw new NotFoundError('Blokkade niet gevonden.');
  const trajectory = await loadTrajectory(ctx, b.trajectory_id);
  return { blocker: b, trajectory };
}

/** Placement date of a trajectory: the start of its first stay (null when never placed). */
export async function placementOf(ctx: Ctx, trajectoryId: string): Promise<string | null> {
  const r = await ctx.db
    .selectFrom('stays')
    .select((eb) => eb.fn.min<string>('started_on').as('first'))
    .where('trajectory_id', '=', trajectoryId)
    .executeTakeFirst();
  return r?.first ?? null;
}

/** Placement date (first stay start) per trajectory. */
export async function placementsOf(ctx: Ctx, trajectoryIds: readonly string[]): Promise<Map<string, string>> {
  if (!trajectoryIds.length) return new Map();
  const rows = await ctx.db
    .selectFrom('stays')
    .select(['trajectory_id', (eb) => eb.fn.min<string>('started_on').as('first')])
    .where('trajectory_id', '=', anyOf(trajectoryIds))
    .groupBy('trajectory_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.trajectory_id ? [[r.trajectory_id, r.first] as const] : [])));
}
