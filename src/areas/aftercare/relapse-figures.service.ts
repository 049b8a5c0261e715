// Loads the rows for the terugval figure (./relapse.ts) and the "known before" history of one client.
import { sql } from 'kysely';
import type { Ctx } from '../../rights/context.js';
import type { Tx } from '../../platform/db/database.js';
import { audit } from '../../rights/audit.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { ForbiddenError, Problems } from '../../platform/errors.js';
import { daysBetween, isIsoDate, todayInNl } from '../../platform/validation.js';
import { EXIT_DESTINATIONS } from '../../reference/reference.js';
import { SUPPRESS_BELOW } from '../reporting/reports.service.js';
import { computeRelapse, relapseDestinationType, RETURN_WINDOWS, type EntryRow, type ExitRow, type RelapseCounts } from './relapse.js';

/** Exits of the tenant in [from, to) and all entries (registrations, stay starts) of those clients after `from`. */
export async function loadRelapseRows(db: Tx, tenantId: string, from: string, to: string): Promise<{ exits: ExitRow[]; entries: EntryRow[] }> {
  const exits = await db.selectFrom('trajectories').select(['client_id', 'ended_on', 'exit_destination', 'exit_group'])
    .where('tenant_id', '=', tenantId).where('ended_on', '>=', from).where('ended_on', '<', to).where('exit_destination', 'is not', null).execute();
  const entries = await sql<{ client_id: string; date: string }>`
    select r.client_id, r.registered_on as date from registrations r
    where r.tenant_id = ${tenantId} and r.registered_on > ${from}::date
      and r.client_id in (select t.client_id from trajectories t where t.tenant_id = ${tenantId} and t.ended_on >= ${from}::date and t.ended_on < ${to}::date)
    union all
    select s.client_id, s.started_on as date from stays s
    where s.tenant_id = ${tenantId} and s.started_on > ${from}::date
      and s.client_id in (select t.client_id from trajectories t where t.tenant_id = ${tenantId} and t.ended_on >= ${from}::date and t.ended_on < ${to}::date)
  `.execute(db);
  return {
    exits: exits.map((e) => ({ clientId: e.client_id, exitDate: e.ended_on!, destination: e.exit_destination, group: e.exit_group })),
    entries: entries.rows.map((e) => ({ clientId: e.client_id, date: e.date })),
  };
}

/**
 * "Eerder in de opvang": of the distinct clients with a stay overlapping [from, to), the share that had an
 * earlier stay of another trajectory (or without trajectory) that ended on or before the start of their first
 * stay in the period (the seed: 40% of current clients had used shelter before).
 */
export async function loadUsedShelterBefore(db: Tx, tenantId: string, from: string, to: string) {
  const r = await sql<{ clients: number; before: number }>`
    with cur as (
      select distinct on (s.client_id) s.client_id, s.started_on, s.trajectory_id
      from stays s where s.tenant_id = ${tenantId} and s.started_on < ${to}::date and (s.ended_on is null or s.ended_on > ${from}::date or s.started_on >= ${from}::date)
      order by s.client_id, s.started_on
    )
    select count(*)::int as clients,
      (count(*) filter (where exists (
        select 1 from stays p where p.client_id = cur.client_id and p.ended_on is not null and p.ended_on <= cur.started_on
          and p.started_on < cur.started_on and (cur.trajectory_id is null or p.trajectory_id is distinct from cur.trajectory_id))))::int as before
    from cur`.execute(db);
  return r.rows[0] ?? { clients: 0, before: 0 };
}

const suppressCounts = (c: RelapseCounts): RelapseCounts => {
  const out = { ...c };
  for (const w of RETURN_WINDOWS) {
    const x = c[w.key];
    const small = (n: number) => n > 0 && n < SUPPRESS_BELOW;
    out[w.key] = small(x.noemer) || small(x.teruggekeerd)
      ? { noemer: small(x.noemer) ? null as unknown as number : x.noemer, teruggekeerd: null as unknown as number, aandeel: null, nogNietVolledig: x.nogNietVolledig, onderdrukt: true } as never
      : x;
  }
  if (c.uitstromen > 0 && c.uitstromen < SUPPRESS_BELOW) (out as { uitstromen: number | null }).uitstromen = null;
  return out;
};

/** GET /v1/rapportages/terugval: aggregates only (no persons), small cells suppressed for non-toegang roles. */
export async function relapseReport(ctx: Ctx, q: { van: string; tot: string; peildatum?: string }) {
  if (!['beleid', 'toegang', 'beheerder'].includes(ctx.actor.role)) throw new ForbiddenError('Uw rol heeft geen toegang tot rapportages.');
  const p = new Problems();
  if (!isIsoDate(q.van)) p.add('van', 'date', 'Ongeldige begindatum.');
  if (!isIsoDate(q.tot)) p.add('tot', 'date', 'Ongeldige einddatum.');
  if (isIsoDate(q.van) && isIsoDate(q.tot) && q.tot <= q.van) p.add('tot', 'range', 'De einddatum moet na de begindatum liggen.');
  if (q.peildatum && !isIsoDate(q.peildatum)) p.add('peildatum', 'date', 'Ongeldige peildatum.');
  p.throwIfAny();
  const peildatum = q.peildatum ?? todayInNl(ctx.now);
  const rows = await loadRelapseRows(ctx.db, ctx.actor.tenantId, q.van, q.tot);
  const result = computeRelapse(rows.exits, rows.entries, { from: q.van, to: q.tot, peildatum });
  const used = await loadUsedShelterBefore(ctx.db, ctx.actor.tenantId, q.van, q.tot);
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'terugvalcijfers', detail: `${q.van} tot ${q.tot}` });
  const suppress = ctx.actor.role !== 'toegang';
  const small = (n: number) => suppress && n > 0 && n < SUPPRESS_BELOW;
  return {
    van: q.van, tot: q.tot, peildatum,
    definitie: 'Uitstroom naar permanente woonruimte of beschermd wonen in [van, tot); per persoon de eerste zo’n uitstroom. Terugval = eerste nieuwe aanmelding of plaatsing na de uitstroomdatum, binnen 180/365/730 dagen. Een termijn telt alleen uitstromen waarvan de termijn op de peildatum verstreken is.',
    totaal: suppress ? suppressCounts(result.totaal) : result.totaal,
    perBestemming: result.perBestemming.map((x) => (suppress ? { ...x, ...suppressCounts(x) } : x)),
    eerderInOpvang: { clienten: small(used.clients) ? null : used.clients, waarvanEerder: small(used.before) ? null : used.before, aandeel: used.clients && !small(used.before) && !small(used.clients) ? used.before / used.clients : null },
    onderdrukkingsgrens: suppress ? SUPPRESS_BELOW : null,
  };
}

const destLabel = (code: string | null) => (code ? EXIT_DESTINATIONS.find((d) => d.code === code)?.label ?? code : null);

/**
 * GET /v1/clienten/{id}/voorgeschiedenis: was this person known before? Earlier registrations, stays, exits,
 * aftercare and budgetbeheer, arrears signals (toegang only), and which registrations/placements are a return
 * after an exit to housing.
 */
export async function clientHistory(ctx: Ctx, clientId: string) {
  await assertClientVisible(ctx, clientId);
  const c = await ctx.db.selectFrom('clients').select(['id', 'bsn', 'first_name', 'last_name', 'birth_date']).where('id', '=', clientId).executeTakeFirstOrThrow();
  const [regs, stays, trajs] = await Promise.all([
    ctx.db.selectFrom('registrations').select(['id', 'registered_on']).where('client_id', '=', clientId).orderBy('registered_on').execute(),
    ctx.db.selectFrom('stays').innerJoin('units', 'units.id', 'stays.unit_id').innerJoin('facilities', 'facilities.id', 'units.facility_id')
      .select(['stays.id', 'stays.started_on', 'stays.ended_on', 'stays.trajectory_id', 'facilities.name as facility']).where('stays.client_id', '=', clientId).orderBy('stays.started_on').execute(),
    ctx.db.selectFrom('trajectories').select(['id', 'started_on', 'ended_on', 'exit_destination', 'exit_group']).where('client_id', '=', clientId).orderBy('started_on').execute(),
  ]);
  const today = todayInNl(ctx.now);
  const latestReg = regs.at(-1)?.registered_on ?? null;
  const peil = latestReg ?? today;
  const exits = trajs.filter((t) => t.ended_on && t.exit_destination).map((t) => ({
    trajectId: t.id, datum: t.ended_on!, bestemming: t.exit_destination, bestemmingLabel: destLabel(t.exit_destination), bestemmingsgroep: t.exit_group,
    naarWonen: !!relapseDestinationType(t.exit_destination, t.exit_group),
  }));
  // Every registration or placement after an exit to housing is a return; the most recent exit before it says which.
  const housingExits = exits.filter((e) => e.naarWonen);
  const returnOf = (date: string) => {
    const prior = housingExits.filter((e) => e.datum < date).at(-1);
    if (!prior) return null;
    const anyLater = exits.filter((e) => e.datum < date).at(-1);
    if (anyLater && anyLater.datum > prior.datum) return null; // a later exit elsewhere (e.g. to shelter) came in between
    return prior;
  };
  const terugkeer = [
    ...regs.map((r) => ({ soort: 'aanmelding' as const, id: r.id, datum: r.registered_on })),
    ...stays.filter((s, i) => i === 0 || stays[i - 1]!.trajectory_id !== s.trajectory_id || !s.trajectory_id).map((s) => ({ soort: 'plaatsing' as const, id: s.id, datum: s.started_on })),
  ].flatMap((e) => {
    const prior = returnOf(e.datum);
    return prior ? [{ ...e, uitstroomDatum: prior.datum, bestemmingLabel: prior.bestemmingLabel, dagenNaUitstroom: daysBetween(prior.datum, e.datum) }] : [];
  }).sort((a, b) => a.datum.localeCompare(b.datum));

  const earlierStays = stays.filter((s) => s.ended_on && s.ended_on <= peil && s.started_on < peil);
  const isToegang = ctx.actor.role === 'toegang';
  let nazorg: { id: string; status: string; uitstroomDatum: string; verantwoordelijke: string }[] = [];
  let budgetbeheer: { id: string; start: string; eind: string; uitvoerder: string }[] = [];
  let signalen: { id: string; zaakId: string | null; datum: string; bron: string; bronNaam: string; bedragAchterstand: number }[] = [];
  if (isToegang) {
    nazorg = (await ctx.db.selectFrom('aftercare_plans').select(['id', 'status', 'exit_on', 'responsible_name', 'responsible_kind']).where('client_id', '=', clientId).orderBy('exit_on').execute())
      .map((p) => ({ id: p.id, status: p.status, uitstroomDatum: p.exit_on, verantwoordelijke: p.responsible_name ? `${p.responsible_name} (${p.responsible_kind})` : 'Nog toe te wijzen' }));
    budgetbeheer = (await ctx.db.selectFrom('budget_management').select(['id', 'started_on', 'ends_on', 'ended_early_on', 'provider']).where('client_id', '=', clientId).orderBy('started_on').execute())
      .map((b) => ({ id: b.id, start: b.started_on, eind: b.ended_early_on ?? b.ends_on, uitvoerder: b.provider }));
    const sig = await ctx.db.selectFrom('early_signals as s').leftJoin('prevention_cases as pc', 'pc.signal_id', 's.id')
      .select(['s.id', 'pc.id as case_id', 's.signal_date', 's.source_type', 's.source_name', 's.amount_arrears'])
      .where('s.tenant_id', '=', ctx.actor.tenantId)
      .where((eb) => eb.or([
        ...(c.bsn ? [eb('s.bsn', '=', c.bsn)] : []),
        ...(c.birth_date ? [eb.and([eb('s.birth_date', '=', c.birth_date), eb(sql`lower(s.first_name)`, '=', c.first_name.toLowerCase()), eb(sql`lower(s.last_name)`, '=', c.last_name.toLowerCase())])] : []),
        eb.lit(false),
      ]))
      .orderBy('s.signal_date').execute();
    signalen = sig.map((s) => ({ id: s.id, zaakId: s.case_id, datum: s.signal_date, bron: s.source_type, bronNaam: s.source_name, bedragAchterstand: Number(s.amount_arrears) }));
  }
  const earlierRegs = regs.slice(0, -1); // every registration before the current (latest) one
  const earlierExits = exits.filter((e) => e.datum <= peil);
  const eerderBekend = earlierRegs.length > 0 || earlierStays.length > 0 || earlierExits.length > 0 || nazorg.some((n) => n.uitstroomDatum <= peil) || signalen.some((s) => s.datum <= peil);
  const nights = earlierStays.reduce((a, s) => a + daysBetween(s.started_on, s.ended_on!), 0);
  const parts: string[] = [];
  if (earlierRegs.length) parts.push(`${earlierRegs.length} eerdere ${earlierRegs.length === 1 ? 'aanmelding' : 'aanmeldingen'} (eerste ${earlierRegs[0]!.registered_on})`);
  if (earlierStays.length) parts.push(`${earlierStays.length} ${earlierStays.length === 1 ? 'verblijf' : 'verblijven'} in de opvang (${nights} nachten)`);
  const lastExit = earlierExits.at(-1);
  if (lastExit) parts.push(`laatste uitstroom ${lastExit.datum} naar ${lastExit.bestemmingLabel}`);
  if (nazorg.length) parts.push(`nazorg: ${nazorg.length} ${nazorg.length === 1 ? 'plan' : 'plannen'}`);
  if (signalen.length) parts.push(`${signalen.length} ${signalen.length === 1 ? 'betalingsachterstandsignaal' : 'betalingsachterstandsignalen'}`);
  const lastReturn = terugkeer.at(-1);
  await audit(ctx, { clientId, action: 'lezen', resource: 'voorgeschiedenis' });
  return {
    clientId, eerderBekend, peildatum: peil,
    samenvatting: eerderBekend ? `Eerder bekend: ${parts.join('; ')}.` : 'Niet eerder bekend bij de opvang.',
    terugkeerNaWonen: lastReturn ? { ...lastReturn, tekst: `Terugkeer na uitstroom naar ${lastReturn.bestemmingLabel} op ${lastReturn.uitstroomDatum} (${lastReturn.dagenNaUitstroom} dagen later).` } : null,
    aanmeldingen: regs.map((r) => ({ id: r.id, datum: r.registered_on, terugkeer: terugkeer.some((t) => t.soort === 'aanmelding' && t.id === r.id) })),
    verblijven: { aantal: earlierStays.length, nachten: nights, eerste: earlierStays[0]?.started_on ?? null, laatste: earlierStays.at(-1)?.ended_on ?? null, locaties: [...new Set(earlierStays.map((s) => s.facility))] },
    uitstromen: exits,
    terugkeer,
    nazorg, budgetbeheer, signalen,
  };
}
