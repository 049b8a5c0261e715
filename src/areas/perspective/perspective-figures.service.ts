// Figures of actielijn 2 for a period [van, tot): aggregates only. Roles without exact figures get the cell key
// method (src/areas/reporting/protection.ts) and fixed calendar periods (issue 13).

import { Problems } from '../../platform/errors.js';
import { addDays, daysBetween, isIsoDate, todayInNl } from '../../platform/validation.js';
import { settingsOf } from '../../reference/tenant-settings.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { protectionFor } from '../reporting/protection.js';
import { checkFixedPeriod } from '../reporting/reports.service.js';
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
  const tenant = ctx.actor.tenantId;
  const prot = await protectionFor(ctx, tenant);
  if (!prot.exact) checkFixedPeriod(q, p);
  p.throwIfAny();
  const today = todayInNl(ctx.now);
  /** Published count of records; `withheld` tells whether the means over them are left out. */
  const withheld = (n: number, published: number) => !prot.exact && n > 0 && published < prot.minimum;
  const lastDay = addDays(q.tot, -1) < today ? addDays(q.tot, -1) : today;

  // 1. Blockades active in the period, by type and duration (until lifted, or until the end of the period).
  const blockers = await blockersInPeriod(ctx, tenant, q.van, q.tot);
  const blokkades = BLOCKER_KINDS.map((k) => {
    const rows = blockers
      .filter((b) => b.kind === k.code)
      .map((b) => ({
        id: b.id,
        d: Math.max(0, daysBetween(b.since, b.resolved_on && b.resolved_on <= lastDay ? b.resolved_on : lastDay)),
      }));
    const n = prot.count(rows.map((r) => r.id));
    const ids = (pred: (d: number) => boolean) => rows.filter((r) => pred(r.d)).map((r) => r.id);
    const hidden = withheld(rows.length, n);
    return {
      soort: k.code,
      soortLabel: k.label,
      aantal: n,
      onderdrukt: hidden || undefined,
      gemiddeldeDuurDagen: prot.mean(mean(rows.map((r) => r.d)), n),
      duur: hidden
        ? null
        : {
            korterDan4Weken: prot.count(ids((d) => d < 28)),
            vierTot12Weken: prot.count(ids((d) => d >= 28 && d <= 84)),
            langerDan12Weken: prot.count(ids((d) => d > 84)),
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
  const onTime = due.filter((r) => r.drawn && r.drawn <= addDays(r.placement, planDays));
  const plaatsingen = prot.count(due.map((r) => r.id));
  const opTijd = prot.count(onTime.map((r) => r.id));
  const planBinnen5Dagen = {
    plaatsingen,
    opTijd,
    zonderPlan: prot.count(due.filter((r) => !r.drawn).map((r) => r.id)),
    aandeel: prot.share(opTijd, plaatsingen, 3),
  };

  // 3. ZRM change between the first and the last measurement of trajectories that ended in the period.
  const assessments = await zrmOfEndedTrajectories(ctx, tenant, q.van, q.tot);
  const byTraj = new Map<string, typeof assessments>();
  for (const a of assessments)
    if (a.trajectory_id) byTraj.set(a.trajectory_id, [...(byTraj.get(a.trajectory_id) ?? []), a]);
  const pairs: { trajectory: string; domain: string; first: number; last: number }[] = [];
  for (const [trajectory, rows] of byTraj) {
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
      if (l) pairs.push({ trajectory, domain: r.domain, first: r.score, last: l.score });
    }
  }
  const zrmVerandering = ZRM_DOMAINS.map((d) => {
    const ps = pairs.filter((x) => x.domain === d.code);
    const n = prot.count(ps.map((x) => x.trajectory));
    const hidden = withheld(ps.length, n);
    return {
      domein: d.code,
      domeinLabel: d.label,
      trajecten: n,
      onderdrukt: hidden || undefined,
      gemiddeldeIntake: prot.mean(mean(ps.map((x) => x.first)), n, 1),
      gemiddeldeUitstroom: prot.mean(mean(ps.map((x) => x.last)), n, 1),
      gemiddeldeVerandering: prot.mean(mean(ps.map((x) => x.last - x.first)), n, 1),
    };
  });

  // 4. Waiting lists: length at the end of the period, placements from the list in the period and their wait.
  const entries = await waitingListEntriesBefore(ctx, tenant, q.tot);
  const wachtlijsten = WAITING_LISTS.map((l) => {
    const es = entries.filter((e) => e.list_kind === l.code);
    const waiting = es.filter((e) => !e.removed_on || e.removed_on >= q.tot);
    const placed = es.flatMap((e) =>
      e.removal_reason === 'geplaatst' && e.removed_on && e.removed_on >= q.van && e.removed_on < q.tot
        ? [{ id: e.id, wait: daysBetween(e.listed_on, e.removed_on) }]
        : [],
    );
    const geplaatst = prot.count(placed.map((x) => x.id));
    return {
      lijst: l.code,
      lijstNaam: l.label,
      lengteEindePeriode: prot.count(waiting.map((e) => e.id)),
      geplaatst,
      gemiddeldeWachttijdDagen: prot.mean(mean(placed.map((x) => x.wait)), geplaatst),
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
    onderdrukkingsgrens: prot.exact ? null : prot.minimum,
    blokkades,
    planBinnen5Dagen,
    zrmVerandering,
    wachtlijsten,
  };
}
