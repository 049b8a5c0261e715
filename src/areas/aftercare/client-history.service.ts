// "Eerder bekend?" (domain.md §4): the history of one client at a new registration — earlier registrations,
// stays, exits, aftercare and budgetbeheer, arrears signals — and which registrations/placements are a return after
// an exit to housing.
import { sql } from 'kysely';
import { datumTekst } from '../../platform/dates.js';
import { daysBetween, todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { codeOf, SIGNAL_SOURCES } from '../prevention/prevention-codes.js';
import { destLabel, PLAN_STATUSES, UNASSIGNED_LABEL } from './aftercare-rules.js';
import type { ClientHistory } from './client-history.dto.js';
import { relapseDestinationType } from './relapse.js';

/** Aftercare plans and budgetbeheer of the client (only for those who work on aftercare). */
async function aftercareOf(ctx: Ctx, clientId: string): Promise<Pick<ClientHistory, 'nazorg' | 'budgetbeheer'>> {
  if (!can(ctx.actor, 'nazorg.werken')) return { nazorg: [], budgetbeheer: [] };
  const plans = await ctx.db
    .selectFrom('aftercare_plans')
    .select(['id', 'status', 'exit_on', 'responsible_name', 'responsible_kind'])
    .where('client_id', '=', clientId)
    .orderBy('exit_on')
    .execute();
  const budget = await ctx.db
    .selectFrom('budget_management')
    .select(['id', 'started_on', 'ends_on', 'ended_early_on', 'provider'])
    .where('client_id', '=', clientId)
    .orderBy('started_on')
    .execute();
  return {
    nazorg: plans.map((p) => ({
      id: p.id,
      status: codeOf(PLAN_STATUSES, p.status),
      uitstroomDatum: p.exit_on,
      verantwoordelijke: p.responsible_name ? `${p.responsible_name} (${p.responsible_kind})` : UNASSIGNED_LABEL,
    })),
    budgetbeheer: budget.map((b) => ({
      id: b.id,
      start: b.started_on,
      eind: b.ended_early_on ?? b.ends_on,
      uitvoerder: b.provider,
    })),
  };
}

/** Arrears signals about the client: same BSN, or same name and birth date (only for those who work on prevention). */
async function signalsOf(
  ctx: Ctx,
  c: { bsn: string | null; first_name: string; last_name: string; birth_date: string | null },
): Promise<ClientHistory['signalen']> {
  if (!can(ctx.actor, 'voorkomen.werken')) return [];
  const sig = await ctx.db
    .selectFrom('early_signals as s')
    .leftJoin('prevention_cases as pc', 'pc.signal_id', 's.id')
    .select(['s.id', 'pc.id as case_id', 's.signal_date', 's.source_type', 's.source_name', 's.amount_arrears'])
    .where('s.tenant_id', '=', ctx.actor.tenantId)
    .where((eb) =>
      eb.or([
        ...(c.bsn ? [eb('s.bsn', '=', c.bsn)] : []),
        ...(c.birth_date
          ? [
              eb.and([
                eb('s.birth_date', '=', c.birth_date),
                eb(sql`lower(s.first_name)`, '=', c.first_name.toLowerCase()),
                eb(sql`lower(s.last_name)`, '=', c.last_name.toLowerCase()),
              ]),
            ]
          : []),
        eb.lit(false),
      ]),
    )
    .orderBy('s.signal_date')
    .execute();
  return sig.map((s) => ({
    id: s.id,
    zaakId: s.case_id,
    datum: s.signal_date,
    bron: codeOf(SIGNAL_SOURCES, s.source_type),
    bronNaam: s.source_name,
    bedragAchterstand: Number(s.amount_arrears),
  }));
}

/** GET /v1/clienten/{id}/voorgeschiedenis: was this person known before? */
export async function clientHistory(ctx: Ctx, clientId: string): Promise<ClientHistory> {
  authorize(ctx, 'dossier.lezen');
  await assertClientVisible(ctx, clientId);
  const c = await ctx.db
    .selectFrom('clients')
    .select(['id', 'bsn', 'first_name', 'last_name', 'birth_date'])
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow();
  const [regs, stays, trajs] = await Promise.all([
    ctx.db
      .selectFrom('registrations')
      .select(['id', 'registered_on'])
      .where('client_id', '=', clientId)
      .orderBy('registered_on')
      .execute(),
    ctx.db
      .selectFrom('stays')
      .innerJoin('units', 'units.id', 'stays.unit_id')
      .innerJoin('facilities', 'facilities.id', 'units.facility_id')
      .select(['stays.id', 'stays.started_on', 'stays.ended_on', 'stays.trajectory_id', 'facilities.name as facility'])
      .where('stays.client_id', '=', clientId)
      .orderBy('stays.started_on')
      .execute(),
    ctx.db
      .selectFrom('trajectories')
      .select(['id', 'started_on', 'ended_on', 'exit_destination', 'exit_group'])
      .where('client_id', '=', clientId)
      .orderBy('started_on')
      .execute(),
  ]);
  const today = todayInNl(ctx.now);
  const latestReg = regs.at(-1)?.registered_on ?? null;
  const peil = latestReg ?? today;
  const exits = trajs.flatMap((t) =>
    t.ended_on && t.exit_destination
      ? [
          {
            trajectId: t.id,
            datum: t.ended_on,
            bestemming: t.exit_destination,
            bestemmingLabel: destLabel(t.exit_destination),
            bestemmingsgroep: t.exit_group,
            naarWonen: !!relapseDestinationType(t.exit_destination, t.exit_group),
          },
        ]
      : [],
  );
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
    ...stays
      .filter((s, i) => i === 0 || stays[i - 1]?.trajectory_id !== s.trajectory_id || !s.trajectory_id)
      .map((s) => ({ soort: 'plaatsing' as const, id: s.id, datum: s.started_on })),
  ]
    .flatMap((e) => {
      const prior = returnOf(e.datum);
      return prior
        ? [
            {
              ...e,
              uitstroomDatum: prior.datum,
              bestemmingLabel: prior.bestemmingLabel,
              dagenNaUitstroom: daysBetween(prior.datum, e.datum),
            },
          ]
        : [];
    })
    .sort((a, b) => a.datum.localeCompare(b.datum));

  const earlierStays = stays.flatMap((s) =>
    s.ended_on && s.ended_on <= peil && s.started_on < peil ? [{ ...s, ended_on: s.ended_on }] : [],
  );
  const { nazorg, budgetbeheer } = await aftercareOf(ctx, clientId);
  const signalen = await signalsOf(ctx, c);
  const earlierRegs = regs.slice(0, -1); // every registration before the current (latest) one
  const earlierExits = exits.filter((e) => e.datum <= peil);
  const eerderBekend =
    earlierRegs.length > 0 ||
    earlierStays.length > 0 ||
    earlierExits.length > 0 ||
    nazorg.some((n) => n.uitstroomDatum <= peil) ||
    signalen.some((s) => s.datum <= peil);
  const nights = earlierStays.reduce((a, s) => a + daysBetween(s.started_on, s.ended_on), 0);
  const parts: string[] = [];
  const firstEarlierReg = earlierRegs[0];
  if (firstEarlierReg)
    parts.push(
      `${earlierRegs.length} eerdere ${earlierRegs.length === 1 ? 'aanmelding' : 'aanmeldingen'} (eerste ${datumTekst(firstEarlierReg.registered_on)})`,
    );
  if (earlierStays.length)
    parts.push(
      `${earlierStays.length} ${earlierStays.length === 1 ? 'verblijf' : 'verblijven'} in de opvang (${nights} nachten)`,
    );
  const lastExit = earlierExits.at(-1);
  if (lastExit) parts.push(`laatste uitstroom ${datumTekst(lastExit.datum)} naar ${lastExit.bestemmingLabel}`);
  if (nazorg.length) parts.push(`nazorg: ${nazorg.length} ${nazorg.length === 1 ? 'plan' : 'plannen'}`);
  if (signalen.length)
    parts.push(
      `${signalen.length} ${signalen.length === 1 ? 'betalingsachterstandsignaal' : 'betalingsachterstandsignalen'}`,
    );
  const lastReturn = terugkeer.at(-1);
  await audit(ctx, { clientId, action: 'lezen', resource: 'voorgeschiedenis' });
  return {
    clientId,
    eerderBekend,
    peildatum: peil,
    samenvatting: eerderBekend ? `Eerder bekend: ${parts.join('; ')}.` : 'Niet eerder bekend bij de opvang.',
    terugkeerNaWonen: lastReturn
      ? {
          ...lastReturn,
          tekst: `Terugkeer na uitstroom naar ${lastReturn.bestemmingLabel} op ${datumTekst(lastReturn.uitstroomDatum)} (${lastReturn.dagenNaUitstroom} dagen later).`,
        }
      : null,
    aanmeldingen: regs.map((r) => ({
      id: r.id,
      datum: r.registered_on,
      terugkeer: terugkeer.some((t) => t.soort === 'aanmelding' && t.id === r.id),
    })),
    verblijven: {
      aantal: earlierStays.length,
      nachten: nights,
      eerste: earlierStays[0]?.started_on ?? null,
      laatste: earlierStays.at(-1)?.ended_on ?? null,
      locaties: [...new Set(earlierStays.map((s) => s.facility))],
    },
    uitstromen: exits,
    terugkeer,
    nazorg,
    budgetbeheer,
    signalen,
  };
}
