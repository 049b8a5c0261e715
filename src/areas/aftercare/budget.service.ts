// Preventief budgetbeheer (domain.md §1, actielijn 3): 1–3 years, an opbouw and an afbouw phase; it can end early
// (or, before it began, be cancelled).
import { sql } from 'kysely';
import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { daysBetween, isIsoDate, todayInNl } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { assertClientVisible } from '../../rights/visibility.js';
import { budgetPhase } from './aftercare-rules.js';
import { type Budget, budgetDto } from './budget.dto.js';
import { budgetRows } from './budget.queries.js';

/** The budgetbeheer of one client as the user sees it (a plan shows it too). */
export async function budgetOfClient(ctx: Ctx, clientId: string): Promise<Budget[]> {
  const today = todayInNl(ctx.now);
  return (await budgetRows(ctx, { clientId })).map((b) => budgetDto(ctx.actor, b, today));
}

async function budgetView(ctx: Ctx, clientId: string, id: string): Promise<Budget> {
  const found = (await budgetOfClient(ctx, clientId)).find((b) => b.id === id);
  if (!found) throw new NotFoundError('Budgetbeheertraject niet gevonden.');
  return found;
}

export async function listBudget(ctx: Ctx): Promise<{ resultaten: Budget[] }> {
  authorize(ctx, 'nazorg.werken');
  const today = todayInNl(ctx.now);
  const rows = await budgetRows(ctx);
  await audit(ctx, { clientId: null, action: 'zoeken', resource: 'budgetbeheer', detail: `${rows.length} trajecten` });
  await auditPersons(
    ctx,
    rows.map((b) => b.client_id),
    { action: 'lezen', resource: 'budgetbeheer', detail: 'lijst' },
  );
  return { resultaten: rows.map((b) => budgetDto(ctx.actor, b, today)) };
}

export interface NewBudget {
  clientId: string;
  nazorgplanId?: string | null;
  uitvoerder: string;
  start: string;
  afbouwVanaf: string;
  eind: string;
}

export async function createBudget(ctx: Ctx, input: NewBudget): Promise<Budget> {
  authorize(ctx, 'budgetbeheer.vastleggen');
  await assertClientVisible(ctx, input.clientId);
  const p = new Problems();
  if (!input.uitvoerder?.trim())
    p.add('uitvoerder', 'required', 'Vul in wie het budgetbeheer uitvoert (bijvoorbeeld de sociale dienst).');
  for (const f of ['start', 'afbouwVanaf', 'eind'] as const)
    if (!input[f] || !isIsoDate(input[f])) p.add(f, 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
  if (!p.list.length) {
    if (input.afbouwVanaf <= input.start)
      p.add('afbouwVanaf', 'range', 'De afbouwfase begint na de start (eerst opbouw).');
    if (input.eind <= input.afbouwVanaf) p.add('eind', 'range', 'Het einde ligt na het begin van de afbouwfase.');
    const days = daysBetween(input.start, input.eind);
    if (days < 365 || days > 1096) p.add('eind', 'range', 'Preventief budgetbeheer duurt één tot drie jaar.');
  }
  if (input.nazorgplanId) {
    const plan = await ctx.db
      .selectFrom('aftercare_plans')
      .select(['client_id'])
      .where('id', '=', input.nazorgplanId)
      .where('tenant_id', '=', ctx.actor.tenantId)
      .executeTakeFirst();
    if (!plan || plan.client_id !== input.clientId)
      p.add('nazorgplanId', 'unknown', 'Dit nazorgplan hoort niet bij deze cliënt.');
  }
  p.throwIfAny();
  const overlap = await ctx.db
    .selectFrom('budget_management')
    .select(['started_on', 'ends_on'])
    .where('client_id', '=', input.clientId)
    .where('started_on', '<', input.eind)
    .where(sql<boolean>`coalesce(ended_early_on, ends_on) > ${input.start}::date`)
    .executeTakeFirst();
  if (overlap)
    throw new ConflictError(
      `Deze cliënt heeft al preventief budgetbeheer van ${datumTekst(overlap.started_on)} tot ${datumTekst(overlap.ends_on)}.`,
    );
  const row = await ctx.db
    .insertInto('budget_management')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: input.clientId,
      plan_id: input.nazorgplanId ?? null,
      provider: input.uitvoerder.trim(),
      started_on: input.start,
      phase_out_from: input.afbouwVanaf,
      ends_on: input.eind,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: input.clientId, action: 'aanmaken', resource: 'budgetbeheer', detail: row.id });
  return budgetView(ctx, input.clientId, row.id);
}

/**
 * POST /v1/budgetbeheertrajecten/{id}/beeindigingen: end a running trajectory before its planned end (reason
 * required). The date lies on or after the start, before the planned end and not in the future; from that date the
 * phase is 'afgerond' (also when the afbouw phase was not reached). Only a running trajectory (opbouw/afbouw) can
 * end early, once. A planned one (not started yet) is cancelled: the date is today or earlier, so before the start,
 * and the phase becomes 'geannuleerd'; its period is free again for a new trajectory.
 */
export async function endBudgetEarly(ctx: Ctx, id: string, input: { datum: string; reden: string }): Promise<Budget> {
  authorize(ctx, 'budgetbeheer.beeindigen');
  const b = await ctx.db
    .selectFrom('budget_management')
    .select(['id', 'client_id', 'started_on', 'phase_out_from', 'ends_on', 'ended_early_on'])
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!b) throw new NotFoundError('Budgetbeheertraject niet gevonden.');
  await assertClientVisible(ctx, b.client_id);
  const today = todayInNl(ctx.now);
  // the state decides first (409): once ended or cancelled, no date makes it valid again
  const phase = budgetPhase(b, today);
  if (phase === 'geannuleerd')
    throw new ConflictError(`Dit budgetbeheer is al geannuleerd (${datumTekst(b.ended_early_on)}).`);
  if (b.ended_early_on)
    throw new ConflictError(`Dit budgetbeheer is al voortijdig beëindigd op ${datumTekst(b.ended_early_on)}.`);
  if (phase === 'afgerond') throw new ConflictError(`Dit budgetbeheer is al afgerond (${datumTekst(b.ends_on)}).`);
  const planned = phase === 'gepland'; // not begun yet: this request cancels it
  const p = new Problems();
  checkPastDate(
    p,
    ctx,
    'datum',
    input.datum,
    planned ? undefined : b.started_on,
    `De datum ligt vóór de start van het budgetbeheer (${datumTekst(b.started_on)}).`,
  );
  if (!p.list.length && input.datum >= b.ends_on)
    p.add(
      'datum',
      'range',
      `De datum ligt niet vóór het geplande einde (${datumTekst(b.ends_on)}); dan is het geen voortijdige beëindiging.`,
    );
  if (!input.reden?.trim()) p.add('reden', 'required', 'Vermeld waarom het budgetbeheer voortijdig stopt.');
  else if (input.reden.length > 2000) p.add('reden', 'length', 'De reden is te lang (max. 2000 tekens).');
  p.throwIfAny();
  await ctx.db
    .updateTable('budget_management')
    .set({ ended_early_on: input.datum, ended_early_reason: input.reden.trim() })
    .where('id', '=', id)
    .execute();
  await audit(ctx, {
    clientId: b.client_id,
    action: 'beeindigen',
    resource: 'budgetbeheer',
    detail: `${id} ${planned ? 'geannuleerd' : 'voortijdig'} per ${input.datum}`,
  });
  return budgetView(ctx, b.client_id, id);
}
