// Figures of actielijn 2 for a period [van, tot): aggregates only; cells below 5 suppressed for roles that see no persons.
import type { Ctx } from '../../rights/context.js';
import { audit } from '../../rights/audit.js';
import { ForbiddenError, Problems } from '../../platform/errors.js';
import { addDays, daysBetween, isIsoDate, todayInNl } from '../../platform/validation.js';
import { SUPPRESS_BELOW } from '../reporting/reports.service.js';
import { PLAN_DUE_DAYS } from './rules.js';
import { BLOCKER_KINDS, WAITING_LISTS, ZRM_DOMAINS } from './life-domains.js';

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

export async function perspectiveFigures(ctx: Ctx, q: { van: string; tot: string }) {
  if (!['beleid', 'toegang', 'beheerder'].includes(ctx.actor.role)) throw new ForbiddenError('Uw rol heeft geen toegang tot rapportages.');
  const p = new Problems();
  if (!isIsoDate(q.van)) p.add('van', 'date', 'Ongeldige begindatum.');
  if (!isIsoDate(q.tot)) p.add('tot', 'date', 'Ongeldige einddatum.');
  if (isIsoDate(q.van) && isIsoDate(q.tot) && q.tot <= q.van) p.add('tot', 'range', 'De einddatum moet na de begindatum liggen.');
  p.throwIfAny();
  const tenant = ctx.actor.tenantId;
  const today = todayInNl(ctx.now);
  const suppress = ctx.actor.role !== 'toegang';
  const cell = (n: number) => (suppress && n > 0 && n < SUPPRESS_BELOW ? null : n);
  const small = (n: number) => suppress && n > 0 && n < SUPPRESS_BELOW;
  const lastDay = addDays(q.tot, -1) < today ? addDays(q.tot, -1) : today;

  // 1. Blockades active in the period, by type and duration (until lifted, or until the end of the period).
  const blockers = await ctx.db.selectFrom('blockers').select(['kind', 'since', 'resolved_on'])
    .where('tenant_id', '=', tenant).where('since', '<', q.tot).where((eb) => eb.or([eb('resolved_on', 'is', null), eb('resolved_on', '>=', q.van)])).execute();
  const blokkades = BLOCKER_KINDS.map((k) => {
    const durations = blockers.filter((b) => b.kind === k.code).map((b) => Math.max(0, daysBetween(b.since, b.resolved_on && b.resolved_on <= lastDay ? b.resolved_on : lastDay)));
    const n = durations.length;
    const buckets = { korterDan4Weken: durations.filter((d) => d < 28).length, vierTot12Weken: durations.filter((d) => d >= 28 && d <= 84).length, langerDan12Weken: durations.filter((d) => d > 84).length };
    return {
      soort: k.code, soortLabel: k.label, aantal: cell(n), onderdrukt: small(n) || undefined, gemiddeldeDuurDagen: small(n) ? null : mean(durations),
      duur: small(n) ? null : { korterDan4Weken: cell(buckets.korterDan4Weken), vierTot12Weken: cell(buckets.vierTot12Weken), langerDan12Weken: cell(buckets.langerDan12Weken) },
    };
  });

  // 2. Share of plans drawn up within 5 days of placement, for placements in the period whose deadline has passed.
  const placements = await ctx.db.selectFrom('stays').innerJoin('trajectories', 'trajectories.id', 'stays.trajectory_id')
    .leftJoin('perspective_plans', 'perspective_plans.trajectory_id', 'trajectories.id')
    .select(['trajectories.id', (eb) => eb.fn.min<string>('stays.started_on').as('placement'), (eb) => eb.fn.min<string | null>('perspective_plans.drawn_up_on').as('drawn')])
    .where('trajectories.tenant_id', '=', tenant).groupBy('trajectories.id').execute();
  const due = placements.filter((r) => r.placement >= q.van && r.placement < q.tot && (addDays(r.placement, PLAN_DUE_DAYS) < today || r.drawn));
  const onTime = due.filter((r) => r.drawn && r.drawn <= addDays(r.placement, PLAN_DUE_DAYS)).length;
  const planBinnen5Dagen = {
    plaatsingen: cell(due.length), opTijd: small(due.length) ? null : cell(onTime), zonderPlan: small(due.length) ? null : cell(due.filter((r) => !r.drawn).length),
    aandeel: small(due.length) || due.length === 0 ? null : Math.round((onTime / due.length) * 1000) / 1000,
  };

  // 3. ZRM change between the first and the last measurement of trajectories that ended in the period.
  const ended = await ctx.db.selectFrom('trajectories').select('id').where('tenant_id', '=', tenant).where('ended_on', '>=', q.van).where('ended_on', '<', q.tot).execute();
  const endedIds = ended.map((t) => t.id);
  const assessments = endedIds.length ? await ctx.db.selectFrom('zrm_assessments').innerJoin('zrm_scores', 'zrm_scores.assessment_id', 'zrm_assessments.id')
    .select(['zrm_assessments.id', 'trajectory_id', 'assessed_on', 'zrm_assessments.created_at', 'domain', 'score'])
    .where('trajectory_id', 'in', endedIds).execute() : [];
  const byTraj = new Map<string, typeof assessments>();
  for (const a of assessments) byTraj.set(a.trajectory_id!, [...(byTraj.get(a.trajectory_id!) ?? []), a]);
  const pairs: { domain: string; first: number; last: number }[] = [];
  for (const rows of byTraj.values()) {
    const ids = [...new Map(rows.map((r) => [r.id, r])).values()].sort((a, b) => a.assessed_on.localeCompare(b.assessed_on) || new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
    if (ids.length < 2 || ids[0]!.assessed_on === ids[ids.length - 1]!.assessed_on) continue;
    const first = ids[0]!.id, last = ids[ids.length - 1]!.id;
    for (const r of rows.filter((x) => x.id === first)) {
      const l = rows.find((x) => x.id === last && x.domain === r.domain);
      if (l) pairs.push({ domain: r.domain, first: r.score, last: l.score });
    }
  }
  const zrmVerandering = ZRM_DOMAINS.map((d) => {
    const ps = pairs.filter((x) => x.domain === d.code);
    const hidden = small(ps.length);
    return {
      domein: d.code, domeinLabel: d.label, trajecten: cell(ps.length), onderdrukt: hidden || undefined,
      gemiddeldeIntake: hidden ? null : mean(ps.map((x) => x.first)), gemiddeldeUitstroom: hidden ? null : mean(ps.map((x) => x.last)),
      gemiddeldeVerandering: hidden ? null : mean(ps.map((x) => x.last - x.first)),
    };
  });

  // 4. Waiting lists: length at the end of the period, placements from the list in the period and their wait.
  const entries = await ctx.db.selectFrom('waiting_list_entries').select(['list_kind', 'listed_on', 'removed_on', 'removal_reason'])
    .where('tenant_id', '=', tenant).where('listed_on', '<', q.tot).execute();
  const wachtlijsten = WAITING_LISTS.map((l) => {
    const es = entries.filter((e) => e.list_kind === l.code);
    const length = es.filter((e) => !e.removed_on || e.removed_on >= q.tot).length;
    const placed = es.filter((e) => e.removal_reason === 'geplaatst' && e.removed_on! >= q.van && e.removed_on! < q.tot);
    return {
      lijst: l.code, lijstNaam: l.label, lengteEindePeriode: cell(length), geplaatst: cell(placed.length),
      gemiddeldeWachttijdDagen: small(placed.length) ? null : mean(placed.map((e) => daysBetween(e.listed_on, e.removed_on!))),
    };
  });

  await audit(ctx, { clientId: null, action: 'lezen', resource: 'rapportage perspectief', detail: `${q.van} tot ${q.tot}` });
  return { regio: tenant, van: q.van, tot: q.tot, onderdrukkingsgrens: suppress ? SUPPRESS_BELOW : null, blokkades, planBinnen5Dagen, zrmVerandering, wachtlijsten };
}
