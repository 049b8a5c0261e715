// Issue 20: the by-name list of the region (toegang, with names), its protected figures (beleid, beheerder), the
// monthly flow with CSV, and the tenant setting "inactief na N maanden zonder contact".
import { Problems } from '../../platform/errors.js';
import { addDays, todayInNl } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { protectionFor } from '../reporting/protection.js';
import { monthlyFlow, nextMonth, type PersonTimeline, replayAll, totalIn, totalOut } from './flow.js';
import { labelOf, SITUATIONS, type Situation, TURN_AWAY_REASONS } from './homelessness.dto.js';
import { loadEvidence, type PersonFacts } from './homelessness.queries.js';

export const DEFAULT_INACTIVE_MONTHS = 3;

function parseSettings(raw: unknown): Record<string, unknown> {
  if (typeof raw === 'string') {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return (raw ?? {}) as Record<string, unknown>;
}

/** The tenant setting inactiefNaMaanden (tenants.settings jsonb; absent: 3). */
export async function inactiveMonths(ctx: Ctx): Promise<number> {
  const t = await ctx.db
    .selectFrom('tenants')
    .select('settings')
    .where('id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  const v = parseSettings(t?.settings).inactiefNaMaanden;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 24 ? v : DEFAULT_INACTIVE_MONTHS;
}

export async function getListSettings(ctx: Ctx) {
  authorize(ctx, 'dakloosheid.instellingen');
  return { inactiefNaMaanden: await inactiveMonths(ctx) };
}

export async function updateListSettings(ctx: Ctx, input: { inactiefNaMaanden: number }) {
  authorize(ctx, 'dakloosheid.instellingen');
  const v = input.inactiefNaMaanden;
  if (!Number.isInteger(v) || v < 1 || v > 24)
    new Problems().add('inactiefNaMaanden', 'range', 'Inactief na: een heel aantal maanden van 1 tot 24.').throwIfAny();
  const t = await ctx.db
    .selectFrom('tenants')
    .select('settings')
    .where('id', '=', ctx.actor.tenantId)
    .executeTakeFirstOrThrow();
  const next = { ...parseSettings(t.settings), inactiefNaMaanden: v };
  await ctx.db
    .updateTable('tenants')
    .set({ settings: JSON.stringify(next) })
    .where('id', '=', ctx.actor.tenantId)
    .execute();
  await audit(ctx, { clientId: null, action: 'wijzigen', resource: 'instellingen', detail: `inactiefNaMaanden=${v}` });
  return { inactiefNaMaanden: v };
}

/** Everyone's state now, with the current situation of the active ones. */
export async function currentPicture(ctx: Ctx) {
  const today = todayInNl(ctx.now);
  const months = await inactiveMonths(ctx);
  const { evidence, facts } = await loadEvidence(ctx.db, ctx.actor.tenantId, today);
  const timelines = replayAll(evidence, today, months);
  return { today, months, timelines, facts };
}

export function situationOf(t: PersonTimeline, facts: PersonFacts): Situation {
  if (t.state !== 'actief') return 'onbekend';
  if (facts.inShelter.has(t.person)) return 'opvang';
  const latest = facts.latestSituation.get(t.person);
  if (latest && t.activeSince && latest.on >= t.activeSince && latest.situation !== 'onbekend')
    return latest.situation as Situation;
  if (facts.waitingForHome.has(t.person)) return 'wacht_op_woning';
  if (t.person.startsWith('anoniem:')) return 'onbekend';
  return 'bekend_bij_toegang';
}

export async function byNameList(
  ctx: Ctx,
  q: { toestand?: 'actief' | 'inactief' | 'gehuisvest' | 'alle'; situatie?: Situation },
) {
  authorize(ctx, 'dakloosheid.namenlijst');
  const { today, months, timelines, facts } = await currentPicture(ctx);
  const toestand = q.toestand ?? 'actief';
  const chosen = timelines
    .filter((t) => toestand === 'alle' || t.state === toestand)
    .map((t) => ({ t, situatie: situationOf(t, facts) }))
    .filter((x) => !q.situatie || x.situatie === q.situatie);
  const clientIds = chosen.filter((x) => x.t.person.startsWith('client:')).map((x) => x.t.person.slice(7));
  const anonIds = chosen.filter((x) => x.t.person.startsWith('anoniem:')).map((x) => x.t.person.slice(8));
  const names = new Map<string, { naam: string; leeftijd: number | null }>();
  for (let i = 0; i < clientIds.length; i += 1000) {
    const rows = await ctx.db
      .selectFrom('clients')
      .select(['id', 'first_name', 'last_name', 'birth_date'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', 'in', clientIds.slice(i, i + 1000))
      .execute();
    for (const r of rows)
      names.set(`client:${r.id}`, {
        naam: `${r.first_name} ${r.last_name}`,
        leeftijd: r.birth_date ? ageOn(r.birth_date, today) : null,
      });
  }
  if (anonIds.length) {
    const rows = await ctx.db
      .selectFrom('anonymous_persons')
      .select(['id', 'description', 'estimated_age'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', 'in', anonIds)
      .execute();
    for (const r of rows) names.set(`anoniem:${r.id}`, { naam: r.description, leeftijd: r.estimated_age });
  }
  await auditPersons(ctx, clientIds, { action: 'lezen', resource: 'namenlijst' });
  const resultaten = chosen
    .map(({ t, situatie }) => {
      const isClient = t.person.startsWith('client:');
      const n = names.get(t.person);
      return {
        sleutel: t.person,
        clientId: isClient ? t.person.slice(7) : null,
        anoniemId: isClient ? null : t.person.slice(8),
        naam: n?.naam ?? '(onbekend)',
        geschatteLeeftijd: n?.leeftijd ?? null,
        toestand: t.state,
        situatie,
        situatieLabel: labelOf(SITUATIONS, situatie),
        laatsteContact: t.lastContact,
        actiefSinds: t.activeSince,
        alleenVeldwerk: !isClient,
      };
    })
    .sort((a, b) => b.laatsteContact.localeCompare(a.laatsteContact) || a.naam.localeCompare(b.naam, 'nl'));
  return { peildatum: today, inactiefNaMaanden: months, aantal: resultaten.length, resultaten };
}

function ageOn(birth: string, day: string): number {
  let age = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  if (day.slice(5) < birth.slice(5)) age--;
  return age;
}

/** The figures of the by-name list and unmet demand: exact for toegang, the cell key method for beleid/beheerder. */
export async function homelessnessFigures(ctx: Ctx) {
  authorize(ctx, 'dakloosheid.cijfers');
  const p = await protectionFor(ctx);
  const { today, timelines, facts } = await currentPicture(ctx);
  const active = timelines.filter((t) => t.state === 'actief');
  const perSituation = new Map<string, string[]>();
  for (const t of active) {
    const s = situationOf(t, facts);
    perSituation.set(s, [...(perSituation.get(s) ?? []), t.person]);
  }
  const since = addDays(today, -365);
  const turnAways = await turnAwayRecords(ctx, since);
  const perReason = new Map<string, string[]>();
  for (const r of turnAways) perReason.set(r.reason, [...(perReason.get(r.reason) ?? []), r.key]);
  const counts = await ctx.db
    .selectFrom('street_counts')
    .select(['counted_on', 'number'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .execute();
  const perYear = new Map<number, number>();
  for (const c of counts)
    perYear.set(Number(c.counted_on.slice(0, 4)), (perYear.get(Number(c.counted_on.slice(0, 4))) ?? 0) + c.number);
  return {
    peildatum: today,
    exact: p.exact,
    actief: p.count(active.map((t) => t.person)),
    inactief: p.count(timelines.filter((t) => t.state === 'inactief').map((t) => t.person)),
    perSituatie: SITUATIONS.map((s) => ({
      code: s.code,
      label: s.label,
      aantal: p.count(perSituation.get(s.code) ?? []),
    })).filter((x) => x.aantal > 0),
    afgewezenLaatste12Maanden: p.count(turnAways.map((r) => r.key)),
    afgewezenPerReden: TURN_AWAY_REASONS.map((r) => ({
      code: r.code,
      label: r.label,
      aantal: p.count(perReason.get(r.code) ?? []),
    })).filter((x) => x.aantal > 0),
    // Head counts of a night on the street (no records of persons behind them): published as counted (ADR 0023).
    buitenslapersPerJaar: [...perYear.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([jaar, aantal]) => ({ jaar, aantal })),
  };
}

/** Turn-away records since a day: the register's own rows and the toegang's refusals/referrals not yet in it. */
export async function turnAwayRecords(ctx: Ctx, since: string) {
  const own = await ctx.db
    .selectFrom('turn_aways')
    .select(['id', 'reason', 'requested_on'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('requested_on', '>=', since)
    .execute();
  const decisions = await ctx.db
    .selectFrom('access_decisions as d')
    .leftJoin('turn_aways as t', 't.access_decision_id', 'd.id')
    .select(['d.id', 'd.outcome', 'd.decided_on'])
    .where('d.tenant_id', '=', ctx.actor.tenantId)
    .where('d.outcome', 'in', ['afwijzing', 'doorverwijzing'])
    .where('d.decided_on', '>=', since)
    .where('t.id', 'is', null)
    .execute();
  return [
    ...own.map((r) => ({ key: `r:${r.id}`, reason: r.reason, on: r.requested_on })),
    ...decisions.map((d) => ({
      key: `d:${d.id}`,
      reason: d.outcome === 'afwijzing' ? 'afgewezen' : 'doorverwezen',
      on: d.decided_on,
    })),
  ];
}

/** The monthly flow [van, tot] (months, inclusive); counts protected for beleid/beheerder. */
export async function flowFor(ctx: Ctx, q: { van: string; tot: string }) {
  authorize(ctx, 'dakloosheid.cijfers');
  const p = new Problems();
  if (q.tot < q.van) p.add('tot', 'range', 'De laatste maand ligt vóór de eerste maand.');
  let n = 0;
  for (let m = q.van; m <= q.tot && n <= 121; m = nextMonth(m)) n++;
  if (n > 120) p.add('tot', 'range', 'Kies hoogstens 120 maanden.');
  p.throwIfAny();
  const prot = await protectionFor(ctx);
  const { months, timelines } = await currentPicture(ctx);
  const flow = monthlyFlow(timelines, q.van, q.tot);
  const maanden = flow.map((m) => {
    if (prot.exact)
      return {
        maand: m.maand,
        peildag: m.peildag,
        actiefBegin: m.actiefBegin,
        instroomNieuw: m.instroom.nieuw,
        instroomTerugUitWonen: m.instroom.terug_uit_wonen,
        instroomTerugNaInactiviteit: m.instroom.terug_na_inactiviteit,
        uitstroomNaarWonen: m.uitstroom.naar_wonen,
        uitstroomInactief: m.uitstroom.inactief,
        actiefEind: m.actiefEind,
        netto: totalIn(m) - totalOut(m),
      };
    const c = (ids: string[]) => prot.count(ids.map((id, i) => `${m.maand}:${id}:${i}`));
    const row = {
      maand: m.maand,
      peildag: m.peildag,
      actiefBegin: prot.count(m.ids.actiefBegin),
      instroomNieuw: c(m.ids.instroom.nieuw),
      instroomTerugUitWonen: c(m.ids.instroom.terug_uit_wonen),
      instroomTerugNaInactiviteit: c(m.ids.instroom.terug_na_inactiviteit),
      uitstroomNaarWonen: c(m.ids.uitstroom.naar_wonen),
      uitstroomInactief: c(m.ids.uitstroom.inactief),
      actiefEind: prot.count(m.ids.actiefEind),
      netto: 0,
    };
    row.netto =
      row.instroomNieuw +
      row.instroomTerugUitWonen +
      row.instroomTerugNaInactiviteit -
      row.uitstroomNaarWonen -
      row.uitstroomInactief;
    return row;
  });
  let streak = 0;
  for (let i = maanden.length - 1; i >= 0 && maanden[i]!.netto < 0; i--) streak++;
  return {
    van: q.van,
    tot: q.tot,
    exact: prot.exact,
    inactiefNaMaanden: months,
    maanden,
    maandenOpRijMinderInstroom: streak,
  };
}

export function flowCsv(r: Awaited<ReturnType<typeof flowFor>>): string {
  const head = [
    'maand',
    'peildag',
    'actief begin',
    'instroom nieuw',
    'instroom terug uit wonen',
    'instroom terug na inactiviteit',
    'uitstroom naar wonen',
    'uitstroom inactief',
    'actief eind',
    'netto',
  ];
  const rows = r.maanden.map((m) =>
    [
      m.maand,
      m.peildag,
      m.actiefBegin,
      m.instroomNieuw,
      m.instroomTerugUitWonen,
      m.instroomTerugNaInactiviteit,
      m.uitstroomNaarWonen,
      m.uitstroomInactief,
      m.actiefEind,
      m.netto,
    ].join(';'),
  );
  return `\uFEFF${[head.join(';'), ...rows].join('\r\n')}\r\n`;
}
