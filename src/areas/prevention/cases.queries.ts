// Queries of preventive cases: the worklist, one case with its signal, and its steps.
import { sql } from 'kysely';
import type { Ctx } from '../../rights/context.js';

/** First action that counts as "handled": a contact in which the person was reached, or any home visit. */
const FIRST_ACTION = sql<
  string | null
>`(select min(ps.step_on) from prevention_steps ps where ps.case_id = pc.id and ((ps.kind = 'contactpoging' and ps.reached) or ps.kind = 'huisbezoek'))`;

export interface CaseListFilter {
  status: 'open' | 'afgesloten' | 'alle';
  sorteer?: 'leeftijd' | 'bedrag';
  zoek?: string;
  limit: number;
  offset: number;
}

/** The worklist: oldest signals first (age), then the biggest arrears; or by amount first. */
export function caseList(ctx: Ctx, f: CaseListFilter) {
  let query = ctx.db
    .selectFrom('prevention_cases as pc')
    .innerJoin('early_signals as s', 's.id', 'pc.signal_id')
    .select([
      'pc.id',
      'pc.status',
      'pc.outcome',
      'pc.outcome_on',
      's.id as signal_id',
      's.source_type',
      's.source_name',
      's.reference',
      's.signal_date',
      's.first_name',
      's.last_name',
      's.birth_date',
      's.bsn',
      's.postcode',
      's.house_number',
      's.amount_arrears',
      's.months_arrears',
      FIRST_ACTION.as('first_action'),
      sql<number>`(select count(*)::int from prevention_steps ps where ps.case_id = pc.id and ps.kind <> 'uitkomst')`.as(
        'steps',
      ),
    ])
    .where('pc.tenant_id', '=', ctx.actor.tenantId);
  if (f.status === 'open') query = query.where('pc.status', '!=', 'afgesloten');
  if (f.status === 'afgesloten') query = query.where('pc.status', '=', 'afgesloten');
  for (const word of (f.zoek ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const like = `%${word.replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(s.first_name)`, 'like', like),
        eb(sql`lower(s.last_name)`, 'like', like),
        eb(sql`lower(s.postcode)`, 'like', like),
        eb(sql`lower(s.source_name)`, 'like', like),
      ]),
    );
  }
  query =
    f.sorteer === 'bedrag'
      ? query.orderBy('s.amount_arrears', 'desc').orderBy('s.signal_date', 'asc')
      : query.orderBy('s.signal_date', 'asc').orderBy('s.amount_arrears', 'desc');
  return query.orderBy('pc.id').limit(f.limit).offset(f.offset).execute();
}

/** One case of this tenant with its signal (locked for a change when `lock`), or undefined. */
export function caseWithSignal(ctx: Ctx, id: string, lock = false) {
  const q = ctx.db
    .selectFrom('prevention_cases as pc')
    .innerJoin('early_signals as s', 's.id', 'pc.signal_id')
    .select([
      'pc.id',
      'pc.status',
      'pc.outcome',
      'pc.outcome_on',
      's.id as signal_id',
      's.source_type',
      's.source_name',
      's.reference',
      's.signal_date',
      's.first_name',
      's.last_name',
      's.birth_date',
      's.bsn',
      's.postcode',
      's.house_number',
      's.amount_arrears',
      's.months_arrears',
      's.upload_id',
      's.upload_row',
    ])
    .where('pc.id', '=', id)
    .where('pc.tenant_id', '=', ctx.actor.tenantId);
  return (lock ? q.forUpdate('pc') : q).executeTakeFirst();
}

export function stepsOf(ctx: Ctx, caseId: string) {
  return ctx.db
    .selectFrom('prevention_steps')
    .leftJoin('users', 'users.id', 'prevention_steps.created_by')
    .select(['prevention_steps.id', 'kind', 'step_on', 'reached', 'outcome', 'notes', 'users.display_name'])
    .where('case_id', '=', caseId)
    .orderBy('step_on')
    .orderBy('prevention_steps.created_at')
    .execute();
}
