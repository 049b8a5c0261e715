// Figures of actielijn 2 for a period [van, tot): aggregates only; cells below 5 suppressed for roles that see no persons.

import { Problems } from '../../platform/errors.js';
import { addDays, daysBetween, isIsoDate, todayInNl } from '../../platform/validation.js';
import { settingsOf } from '../../reference/tenant-settings.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { SUPPRESS_BELOW } from '../reporting/reports.service.js';
import { BLOCKER_KINDS, WAITING_LISTS, ZRM_DOMAINS } from './life-domains.js';
import {
  blockersInPeriod,
  placementsWithPlan,
  waitingListEntriesBefore,
  zrmOfEndedTrajectories,
} from './perspective-figures.queries.js';

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

/** GET /v1/rapportages/perspectief */
export async function perspectiveFigures(ctx: Ctx, q: { van: string; tot: string }) {
  authorize(ctx, 'rapportages.lezen');
  const p = new Problems();
  if (!isIsoDate(q.van)) p.add('van', 'date', 'Ongeldige begindatum.');
  if (!isIsoDate(q.tot)) p.add('tot', 'date', 'Ongeldige einddatum.');
  if (isIsoDate(q.van) && isIsoDate(q.tot) && q.tot <= q.van)
    p.add('tot', 'range', 'De einddatum moet na de begindatum liggen.');
  p.throwIfAny();
  const tenant = ctx.actor.tenantId;
  const today = todayInNl(ctx.now);
  const suppress = !can(ctx.actor, 'rapportages.exact');
  const small = (n: number) => suppress && n > 0 && n < SUPPRESS_BELOW;
  const cell = (n: number) => (small(n) ? null : n);
  const lastDay = addDays(q.tot, -1) < today ? addDays(q.tot, -1) : today;

  // 1. Blockades active in the period, by type and duration (until lifted, or until the end of the period).
  const blockers = await blockersInPeriod(ctx, tenant, q.van, q.tot);
  const blokkades = BLOCKER_KINDS.map((k) => {
    const durations = blockers
      .filter((b) => b.kind === k.code)
      .map((b) =>
        Math.max(0, daysBetween(b.since, b.resolved_on && b.resolved_on <= lastDay ? b.resolved_on : lastDay)),
      );
    const n = durations.length;
    const buckets = {
      korterDan4Weken: durations.filter((d) => d < 28).length,
      vierTot12Weken: durations.filter((d) => d >= 28 && d <= 84).length,
      langerDan12Weken: durations.filter((d) => d > 84).length,
    };
    return {
      soort: k.code,
      soortLabel: k.label,
      aantal: cell(n),
      onderdrukt: small(n) || undefined,
      gemiddeldeDuurDagen: small(n) ? null : mean(durations),
      duur: small(n)
        ? null
        : {
            korterDan4Weken: cell(buckets.korterDan4Weken),
            vierTot12Weken: cell(buckets.vierTot12Weken),
            langerDan12Weken: cell(buckets.langerDan12Weken),
          },
    };
  });

  // 2. Share of plans drawn up within the plan term (tenant setting planTermijnDagen, default 5 days) of placement,
  // for placements in the period whose deadline has passed. Not a §4 figure, so the tenant's own policy term applies.
  const planDays = (await settingsOf(ctx)).planTermijnDagen;
  const placements = await placementsWithPlan(ctx, tenant);
  const due = placements.filter(
    (r) => r.placement >= q.van && r.placement < q.tot && (addDays(r.placement, planDays) < today || r.drawn),
  );
  const onTime = due.filter((r) => r.drawn && r.drawn <= addDays(r.placement, planDays)).length;
  const planBinnen5Dagen = {
    plaatsingen: cell(due.length),
    opTijd: small(due.length) ? null : cell(onTime),
    zonderPlan: small(due.length) ? null : cell(due.filter((r) => !r.drawn).length),
    aandeel: small(due.length) || due.length === 0 ? null : Math.round((onTime / due.length) * 1000) / 1000,
  };

  // 3. ZRM change between the first and the last measurement of trajectories that ended in the period.
  const assessments = await zrmOfEndedTrajectories(ctx, tenant, q.van, q.tot);
  const byTraj = new Map<string, typeof assessments>();
  for (const a of assessments)
    if (a.trajectory_id) byTraj.set(a.trajectory_id, [...(byTraj.get(a.trajectory_id) ?? []), a]);
  const pairs: { domain: string; first: number; last: number }[] = [];
  for (const rows of byTraj.values()) {
    const ids = [...new Map(rows.map((r) => [r.id, r])).values()].sort(
      (a, b) =>
        a.assessed_on.localeCompare(b.assessed_on) ||
        new Date(a.created_at).getTime() - new Date(b.created_at).getTime(),
    );
    const first = ids[0];
    const last = ids.at(-1);
    if (!first || !last || ids.length < 2 || first.assessed_on === last.assessed_on) continue;
    for (const r of rows.filter((x) => x.id === first.id)) {
      const l = rows.find((x) => x.id === last.id && x.domain === r.domain);
      if (l) pairs.push({ domain: r.domain, first: r.score, last: l.score });
    }
  }
  const zrmVerandering = ZRM_DOMAINS.map((d) => {
    const ps = pairs.filter((x) => x.domain === d.code);
    const hidden = small(ps.length);
    return {
      domein: d.code,
      domeinLabel: d.label,
      trajecten: cell(ps.length),
      onderdrukt: hidden || undefined,
      gemiddeldeIntake: hidden ? null : mean(ps.map((x) => x.first)),
      gemiddeldeUitstroom: hidden ? null : mean(ps.map((x) => x.last)),
      gemiddeldeVerandering: hidden ? null : mean(ps.map((x) => x.last - x.first)),
    };
  });

  // 4. Waiting lists: length at the end of the period, placements from the list in the period and their wait.
  const entries = await waitingListEntriesBefore(ctx, tenant, q.tot);
  const wachtlijsten = WAITING_LISTS.map((l) => {
    const es = entries.filter((e) => e.list_kind === l.code);
    const length = es.filter((e) => !e.removed_on || e.removed_on >= q.tot).length;
    const waits = es.flatMap((e) =>
      e.removal_reason === 'geplaatst' && e.removed_on && e.removed_on >= q.van && e.removed_on < q.tot
        ? [daysBetween(e.listed_on, e.removed_on)]
        : [],
    );
    return {
      lijst: l.code,
      lijstNaam: l.label,
      lengteEindePeriode: cell(length),
      geplaatst: cell(waits.length),
      gemiddeldeWachttijdDagen: small(waits.length) ? null : mean(waits),
    };
  });

  await audit(ctx, {
    clientId: null,
    action: 'lezen',
    resource: 'rapportage perspectief',
    detail: `${q.van} tot ${q.tot}`,
  });
  return {
    regio: tenant,
    van: q.van,
    tot: q.tot,
    onderdrukkingsgrens: suppress ? SUPPRESS_BELOW : null,
    blokkades,
    planBinnen5Dagen,
    zrmVerandering,
    wachtlijsten,
  };
}
