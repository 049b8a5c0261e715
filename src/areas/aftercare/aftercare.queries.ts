// Queries of aftercare plans and their contacts, shared by the plan, contact-moment and budget services.
import { sql } from 'kysely';
import { NotFoundError } from '../../platform/errors.js';
import type { Ctx } from '../../rights/context.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { addMonths } from './aftercare-rules.js';

/** Plans of this tenant with the client's name and identity (for the alarms) and the exit destination. */
export function planQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('aftercare_plans as p')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .innerJoin('trajectories as t', 't.id', 'p.trajectory_id')
    .select([
      'p.id',
      'p.client_id',
      'p.trajectory_id',
      'p.exit_on',
      'p.responsible_kind',
      'p.responsible_name',
      'p.postcode',
      'p.house_number',
      'p.status',
      'p.closed_on',
      'p.close_reason',
      'c.first_name',
      'c.last_name',
      'c.birth_date',
      'c.bsn',
      't.exit_destination',
    ])
    .where('p.tenant_id', '=', ctx.actor.tenantId)
    .where('c.merged_into', 'is', null);
}
export type PlanRow = Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirstOrThrow']>>;

/** The contacts (planned and registered) of these plans: by planned date, or (one plan's list) by planned or else done date. */
export function contactsOf(ctx: Ctx, planIds: readonly string[], order: 'gepland' | 'datum' = 'gepland') {
  const q = ctx.db
    .selectFrom('aftercare_contacts')
    .select(['id', 'plan_id', 'month_offset', 'planned_on', 'done_on', 'reached', 'concern', 'notes'])
    .where('plan_id', 'in', planIds);
  return (order === 'gepland' ? q.orderBy('planned_on') : q.orderBy(sql`coalesce(planned_on, done_on)`)).execute();
}
export type ContactRow = Awaited<ReturnType<typeof contactsOf>>[number];

/** The planned contacts of a new plan, `months` after the exit, in order. */
export async function insertPlannedContacts(ctx: Ctx, planId: string, exitOn: string, months: readonly number[]) {
  await ctx.db
    .insertInto('aftercare_contacts')
    .values(
      [...months]
        .sort((a, b) => a - b)
        .map((m) => ({
          plan_id: planId,
          month_offset: m,
          planned_on: addMonths(exitOn, m),
          created_by: ctx.actor.userId,
        })),
    )
    .execute();
}

/** The plan row locked for a change, visible to this user; 404 for other tenants. */
export async function lockPlan(ctx: Ctx, planId: string) {
  const p = await ctx.db
    .selectFrom('aftercare_plans')
    .select([
      'id',
      'client_id',
      'status',
      'exit_on',
      'responsible_kind',
      'responsible_name',
      'postcode',
      'house_number',
    ])
    .where('id', '=', planId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!p) throw new NotFoundError('Nazorgplan niet gevonden.');
  await assertClientVisible(ctx, p.client_id);
  return p;
}
