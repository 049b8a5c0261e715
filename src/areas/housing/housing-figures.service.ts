// Figures of issue 5: the Housing First pipeline per gemeente (seeds/002) and the housing figures for a period
// [van, tot): time from woonklaar to moved in, offers and their outcome, exits to housing per corporation and gemeente.
import { sql } from 'kysely';
import { Problems } from '../../platform/errors.js';
import { daysBetween, isIsoDate } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { SUPPRESS_BELOW, suppressSmallCells } from '../reporting/reports.service.js';
import { movesInPeriod } from './housing.queries.js';

/** Counts per gemeente: trajecten (all not ended), gestart, beschikking wacht op woning, in voorbereiding. */
export async function housingFirstPipeline(ctx: Ctx) {
  authorize(ctx, 'wonen.cijfers');
  const rows = await ctx.db
    .selectFrom('housing_first_trajectories')
    .innerJoin('municipalities', 'municipalities.code', 'housing_first_trajectories.municipality_code')
    .select([
      'municipalities.code',
      'municipalities.name',
      sql<number>`count(*)::int`.as('trajecten'),
      sql<number>`count(*) filter (where housing_first_trajectories.started_on is not null)::int`.as('gestart'),
      sql<number>`count(*) filter (where housing_first_trajectories.started_on is null and housing_first_trajectories.decision_on is not null)::int`.as(
        'wacht',
      ),
      sql<number>`count(*) filter (where housing_first_trajectories.decision_on is null)::int`.as('voorbereiding'),
    ])
    .where('housing_first_trajectories.tenant_id', '=', ctx.actor.tenantId)
    .where('housing_first_trajectories.ended_on', 'is', null)
    .groupBy(['municipalities.code', 'municipalities.name'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('municipalities.name')
    .execute();
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'housing first pijplijn' });
  const perGemeente = rows.map((r) => ({
    gemeentecode: r.code.trim(),
    gemeente: r.name,
    trajecten: Number(r.trajecten),
    gestart: Number(r.gestart),
    beschikkingWachtOpWoning: Number(r.wacht),
    inVoorbereiding: Number(r.voorbereiding),
  }));
  const sum = (k: 'trajecten' | 'gestart' | 'beschikkingWachtOpWoning' | 'inVoorbereiding') =>
    perGemeente.reduce((s, r) => s + r[k], 0);
  return {
    toelichting:
      'Housing First: aanmelding → beschikking (wacht op een woning) → traject gestart zodra de cliënt in de Housing First-woning woont. Slagingskans 80–90% tegen 40–50% in de opvang (seeds/002).',
    perGemeente,
    totaal: {
      trajecten: sum('trajecten'),
      gestart: sum('gestart'),
      beschikkingWachtOpWoning: sum('beschikkingWachtOpWoning'),
      inVoorbereiding: sum('inVoorbereiding'),
    },
  };
}

export async function housingFigures(ctx: Ctx, q: { van: string; tot: string }) {
  authorize(ctx, 'wonen.cijfers');
  const p = new Problems();
  if (!isIsoDate(q.van)) p.add('van', 'date', 'Ongeldige begindatum.');
  if (!isIsoDate(q.tot)) p.add('tot', 'date', 'Ongeldige einddatum.');
  if (isIsoDate(q.van) && isIsoDate(q.tot) && q.tot <= q.van)
    p.add('tot', 'range', 'De einddatum moet na de begindatum liggen.');
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
    const map = new Map<string, number>();
    for (const m of moves) map.set(key(m), (map.get(key(m)) ?? 0) + 1);
    return [...map.entries()]
      .map(([naam, aantal]) => ({ naam, aantal }))
      .sort((a, b) => b.aantal - a.aantal || a.naam.localeCompare(b.naam));
  };
  // offers made in [van, tot) and where they stand now
  const offers = await ctx.db
    .selectFrom('housing_offers')
    .select(['status', 'decline_reason'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('offered_on', '>=', q.van)
    .where('offered_on', '<', q.tot)
    .execute();
  const count = (pred: (s: string) => boolean) => offers.filter((o) => pred(o.status)).length;
  const reasons = new Map<string, number>();
  for (const o of offers)
    if (o.status === 'afgewezen')
      reasons.set(o.decline_reason ?? 'onbekend', (reasons.get(o.decline_reason ?? 'onbekend') ?? 0) + 1);
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'cijfers wonen', detail: `${q.van} tot ${q.tot}` });
  const aggregatesOnly = !can(ctx.actor, 'rapportages.exact');
  const cells = <T extends { aantal: number }>(rows: T[]) => (aggregatesOnly ? suppressSmallCells(rows) : rows);
  return {
    van: q.van,
    tot: q.tot,
    doorlooptijd: {
      verhuisd: moves.length,
      gemiddeldeDagenWoonklaarTotVerhuisd: mean,
      mediaanDagen: median,
      toelichting: 'Dagen van woonklaar-melding tot verhuisdatum, voor wie in de periode verhuisde.',
    },
    aanbiedingen: {
      gedaan: offers.length,
      geaccepteerd: count((s) => ['geaccepteerd', 'contract-getekend', 'verhuisd'].includes(s)),
      afgewezen: count((s) => s === 'afgewezen'),
      ingetrokken: count((s) => s === 'ingetrokken'),
      lopend: count((s) => s === 'aangeboden'),
      redenenAfwijzing: cells([...reasons.entries()].map(([naam, aantal]) => ({ naam, aantal }))),
      toelichting:
        'Aanbiedingen gedaan in de periode, naar hun huidige stand (geaccepteerd = geaccepteerd, contract getekend of verhuisd).',
    },
    uitstroomNaarWonen: {
      totaal: moves.length,
      perCorporatie: cells(group((m) => m.corporatie ?? 'Geen corporatie (gemeente of particulier)')),
      perGemeente: cells(group((m) => m.gemeente)),
      perBestemming: cells(group((m) => m.exit_destination ?? 'onbekend')),
    },
    onderdrukkingsgrens: aggregatesOnly ? SUPPRESS_BELOW : null,
  };
}
