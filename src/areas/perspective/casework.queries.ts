// Queries of the casework of a trajectory: ZRM measurements, practical steps, blockades and their change history.

import { anyOf } from '../../platform/db/arrays.js';
import type { Ctx } from '../../rights/context.js';

/** A client's ZRM measurements, oldest first, with their scores. */
export async function zrmRows(ctx: Ctx, clientId: string) {
  const assessments = await ctx.db
    .selectFrom('zrm_assessments')
    .leftJoin('users', 'users.id', 'zrm_assessments.created_by')
    .select([
      'zrm_assessments.id',
      'zrm_assessments.assessed_on',
      'zrm_assessments.zrm_version',
      'zrm_assessments.kind',
      'zrm_assessments.trajectory_id',
      'users.display_name',
    ])
    .where('zrm_assessments.client_id', '=', clientId)
    .orderBy('zrm_assessments.assessed_on')
    .orderBy('zrm_assessments.created_at')
    .execute();
  const scores = assessments.length
    ? await ctx.db
        .selectFrom('zrm_scores')
        .selectAll()
        .where(
          'assessment_id',
          'in',
          assessments.map((r) => r.id),
        )
        .execute()
    : [];
  return { assessments, scores };
}
export type ZrmRows = Awaited<ReturnType<typeof zrmRows>>;

/** The practical steps of a trajectory that were ever touched (the others are 'open'). */
export function stepRows(ctx: Ctx, trajectoryId: string) {
  return ctx.db.selectFrom('practical_steps').selectAll().where('trajectory_id', '=', trajectoryId).execute();
}
export type StepRow = Awaited<ReturnType<typeof stepRows>>[number];

/** The blockades of a trajectory: open ones first, then by start. */
export function blockerRows(ctx: Ctx, trajectoryId: string) {
  return ctx.db
    .selectFrom('blockers')
    .selectAll()
    .where('trajectory_id', '=', trajectoryId)
    .orderBy('resolved_on', (ob) => ob.desc().nullsFirst())
    .orderBy('since')
    .execute();
}
export type BlockerRow = Awaited<ReturnType<typeof blockerRows>>[number];

/** The change history (blocker_updates) of these blockades, per blockade oldest first. */
export async function blockerUpdateRows(ctx: Ctx, blockerIds: readonly string[]) {
  if (!blockerIds.length) return [];
  return ctx.db
    .selectFrom('blocker_updates')
    .leftJoin('users', 'users.id', 'blocker_updates.changed_by')
    .select([
      'blocker_updates.blocker_id',
      'blocker_updates.version',
      'blocker_updates.changed_at',
      'blocker_updates.previous_values',
      'blocker_updates.new_values',
      'users.display_name',
    ])
    .where('blocker_updates.blocker_id', '=', anyOf(blockerIds))
    .where('blocker_updates.tenant_id', '=', ctx.actor.tenantId)
    .orderBy('blocker_updates.blocker_id')
    .orderBy('blocker_updates.version')
    .execute();
}
export type BlockerUpdateRow = Awaited<ReturnType<typeof blockerUpdateRows>>[number];
