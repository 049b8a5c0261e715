// Figures of issue 5: the Housing First pipeline per gemeente (seeds/002) and the housing figures for a period
// [van, tot): time from woonklaar to moved in, offers and their outcome, exits to housing per corporation and gemeente.
// Roles without exact figures get the cell key method (src/areas/reporting/protection.ts) and fixed periods (issue 13).
import { Problems } from '../../platform/errors.js';
import { daysBetween, isIsoDate } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { protectionFor } from '../reporting/protection.js';
import { checkFixedPeriod } from '../reporting/reports.service.js';
import { movesInPeriod } from './housing.queries.js';

/** Counts per gemeente: trajecten (all not ended), gestart, beschikking wacht op woning, in voorbereiding. */
export async function housingFirstPipeline(ctx: Ctx) {
  authorize(ctx, 'wonen.cijfers');
  const prot = await protectionFor(ctx);
  const rows = await ctx.db
    .selectFrom('housing_first_trajectories')
    .innerJoin('municipalities', 'municipalities.code', 'housing_first_trajectories.municipality_code')
    .select([
      'housing_first_trajectories.id',
      'municipalities.code',
      'municipalities.name',
      'housing_first_trajectories.started_on',
      'housing_first_trajectories.decision_on',
    ])
    .where('housing_first_trajectories.tenant_id', '=', ctx.actor.tenantId)
    .where('housing_first_trajectories.ended_on', 'is', null)
    .execute();
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'housing first pijplijn' });
  // Every count is a cell (cell key method for policy roles): a gemeente with a published 0 is left out.
  type Row = (typeof rows)[number];
  const stages = (rs: Row[]) => ({
    trajecten: prot.count(rs.map((r) => r.id)),
    gestart: prot.count(rs.filter((r) => r.started_on).map((r) => r.id)),
    beschikkingWachtOpWoning: prot.count(rs.filter((r) => !r.started_on && r.decision_on).map((r) => r.id)),
    inVoorbereiding: prot.count(rs.filter((r) => !r.decision_on).map((r) => r.id)),
  });
  const byCode = new Map<string, { name: string; rows: Row[] }>();
  for (const r of rows) {
    const g = byCode.get(r.code.trim()) ?? byCode.set(r.code.trim(), { name: r.name, rows: [] }).get(r.code.trim())!;
    g.rows.push(r);
  }
  const perGemeente = [...byCode]
    .map(([code, g]) => ({ gemeentecode: code, gemeente: g.name, ...stages(g.rows) }))
    .filter((g) => g.trajecten > 0)
    .sort((a, b) => b.trajecten - a.trajecten || a.gemeente.localeCompare(b.gemeente, 'nl'));
  return {
    toelichting:
      'Housing First: aanmelding → beschikking (wacht op een woning) → traject gestart zodra de cliënt in de Housing First-woning woont. Slagingskans 80–90% tegen 40–50% in de opvang (seeds/002).',
    perGemeente,
    totaal: stages(rows),
  };
}

export async function housingFigures(ctx: Ctx, q: { van: string; tot: string }) {
  authorize(ctx, 'wonen.cijfers');
  const p = new Problems();
  if (!isIsoDate(q.van)) p.add('van', 'date', 'Ongeldige begindatum.');
  if (!isIsoDate(q.tot)) p.add('tot', 'date', 'Ongeldige einddatum.');
  if (isIsoDate(q.van) && isIsoDate(q.tot) && q.tot <= q.van)
    p.add('tot', 'range', 'De einddatum moet na de begindatum liggen.');
  const prot = await protectionFor(ctx);
  if (!prot.exact) checkFixedPeriod(q, p);
  p.throwIfAny();
  // moved in during [van, tot)
  const moves = await movesInPeriod(ctx, q.van, q.tot);
  const days = moves
    .flatMap((m) => (m.moved_in_on ? [daysBetween(m.ready_since, m.moved_in_on)] : []))
    .sort((a, b) => a - b);
  const mean = days.length ? Math.round((10 * days.reduce((s, d) => s + d, 0)) / days.length) / 10 : null;
  const mid = Math.floor(days.length / 2);
  const median = days.length
    ? days.length % 2
      ? (days[mid] ?? 0)
      : ((days[mid - 1] ?? 0) + (days[mid] ?? 0)) / 2
    : null;
  const group = (key: (m: (typeof moves)[number]) => string) => {
    const map = new Map<string, string[]>();
    for (const m of moves) map.set(key(m), [...(map.get(key(m)) ?? []), m.id]);
    return map;
  };
  // offers made in [van, tot) and where they stand now
  const offers = await ctx.db
    .selectFrom('housing_offers')
    .select(['id', 'status', 'decline_reason'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('offered_on', '>=', q.van)
    .where('offered_on', '<', q.tot)
    .execute();
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'cijfers wonen', detail: `${q.van} tot ${q.tot}` });
  const count = (pred: (s: string) => boolean) => prot.count(offers.filter((o) => pred(o.status)).map((o) => o.id));
  const reasons = new Map<string, string[]>();
  for (const o of offers)
    if (o.status === 'afgewezen') {
      const k = o.decline_reason ?? 'onbekend';
      reasons.set(k, [...(reasons.get(k) ?? []), o.id]);
    }
  /** A list of cells: published counts, cells published as 0 left out. */
  const cells = (groups: Map<string, string[]>) =>
    [...groups.entries()]
      .map(([naam, ids]) => ({ naam, aantal: prot.count(ids) }))
      .filter((x) => x.aantal > 0)
      .sort((a, b) => b.aantal - a.aantal || a.naam.localeCompare(b.naam));
  const verhuisd = prot.count(moves.map((m) => m.id));
  return {
    van: q.van,
    tot: q.tot,
    doorlooptijd: {
      verhuisd,
      gemiddeldeDagenWoonklaarTotVerhuisd: prot.mean(mean, verhuisd),
      mediaanDagen: prot.mean(median, verhuisd),
      toelichting: 'Dagen van woonklaar-melding tot verhuisdatum, voor wie in de periode verhuisde.',
    },
    aanbiedingen: {
      gedaan: prot.count(offers.map((o) => o.id)),
      geaccepteerd: count((s) => ['geaccepteerd', 'contract-getekend', 'verhuisd'].includes(s)),
      afgewezen: count((s) => s === 'afgewezen'),
      ingetrokken: count((s) => s === 'ingetrokken'),
      lopend: count((s) => s === 'aangeboden'),
      redenenAfwijzing: cells(reasons),
      toelichting:
        'Aanbiedingen gedaan in de periode, naar hun huidige stand (geaccepteerd = geaccepteerd, contract getekend of verhuisd).',
    },
    uitstroomNaarWonen: {
      totaal: verhuisd,
      perCorporatie: cells(group((m) => m.corporatie ?? 'Geen corporatie (gemeente of particulier)')),
      perGemeente: cells(group((m) => m.gemeente)),
      perBestemming: cells(group((m) => m.exit_destination ?? 'onbekend')),
    },
    onderdrukkingsgrens: prot.exact ? null : prot.minimum,
  };
}
