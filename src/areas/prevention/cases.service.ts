// Preventive cases (Vroeg Eropaf): one per arrears signal. Steps: contact attempts, home visits, and one outcome.
// The status follows the transition table of ./case-status.ts; a step it does not allow is refused with 409.

import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { NotFoundError, Problems, ValidationError } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { allowedSteps, eventOf, nextStatus } from './case-status.js';
import { type CaseView, caseListItemDto, caseViewDto } from './cases.dto.js';
import { caseList, caseWithSignal, stepsOf } from './cases.queries.js';
import { CASE_OUTCOMES, CASE_STATUSES, codeOf, STEP_KINDS } from './prevention-codes.js';
import { clientsPossiblyShown, matchClient } from './signals.queries.js';

export async function listCases(
  ctx: Ctx,
  q: {
    status?: 'open' | 'afgesloten' | 'alle';
    sorteer?: 'leeftijd' | 'bedrag';
    zoek?: string;
    pagina?: number;
    paginaGrootte?: number;
  },
) {
  authorize(ctx, 'voorkomen.werken');
  const size = Math.min(Math.max(q.paginaGrootte ?? 50, 1), 200);
  const page = Math.max(q.pagina ?? 1, 1);
  const status = q.status ?? 'open';
  const rows = await caseList(ctx, {
    status,
    sorteer: q.sorteer,
    zoek: q.zoek,
    limit: size + 1,
    offset: (page - 1) * size,
  });
  const shown = rows.slice(0, size);
  await audit(ctx, {
    clientId: null,
    action: 'zoeken',
    resource: 'preventiezaken',
    detail: `status ${status}, ${shown.length} zaken`,
  });
  await auditPersons(ctx, await clientsPossiblyShown(ctx, shown), {
    action: 'lezen',
    resource: 'preventiezaken',
    detail: `werklijst, status ${status}`,
  });
  const today = todayInNl(ctx.now);
  return {
    resultaten: shown.map((r) => caseListItemDto(r, today)),
    pagina: page,
    paginaGrootte: size,
    heeftVolgende: rows.length > size,
  };
}

/** The case as the user sees it, with its signal's person; the caller logs the read or the change. */
async function caseView(ctx: Ctx, id: string) {
  const c = await caseWithSignal(ctx, id);
  if (!c) throw new NotFoundError('Preventiezaak niet gevonden.');
  const steps = await stepsOf(ctx, id);
  const clientId = await matchClient(ctx, c);
  const status = codeOf(CASE_STATUSES, c.status);
  const view = caseViewDto(c, steps, {
    clientId,
    today: todayInNl(ctx.now),
    allowed: allowedSteps(status),
    may: can(ctx.actor, 'preventiezaken.stapVastleggen', { status }),
  });
  return { view, person: c };
}

export async function getCase(ctx: Ctx, id: string): Promise<CaseView> {
  authorize(ctx, 'voorkomen.werken');
  const { view, person } = await caseView(ctx, id);
  // one row per client the signal may be about; without any, the read is logged without a client
  const clients = await clientsPossiblyShown(ctx, [person]);
  if (clients.length) await auditPersons(ctx, clients, { action: 'lezen', resource: 'preventiezaak', detail: id });
  else await audit(ctx, { clientId: null, action: 'lezen', resource: 'preventiezaak', detail: id });
  return view;
}

export interface StepInput {
  soort: string;
  datum: string;
  bereikt?: boolean | null;
  uitkomst?: string | null;
  toelichting?: string | null;
}

export async function addStep(ctx: Ctx, id: string, input: StepInput): Promise<CaseView> {
  authorize(ctx, 'preventiezaken.stapVastleggen');
  const c = await caseWithSignal(ctx, id, true);
  if (!c) throw new NotFoundError('Preventiezaak niet gevonden.');
  const p = new Problems();
  const soort = STEP_KINDS.find((k) => k.code === input.soort)?.code;
  if (!soort) p.add('soort', 'enum', 'Kies contactpoging, huisbezoek of uitkomst.');
  checkPastDate(
    p,
    ctx,
    'datum',
    input.datum,
    c.signal_date,
    `De datum ligt vóór de signaaldatum (${datumTekst(c.signal_date)}).`,
  );
  if ((input.soort === 'contactpoging' || input.soort === 'huisbezoek') && typeof input.bereikt !== 'boolean')
    p.add('bereikt', 'required', 'Geef aan of de bewoner is bereikt.');
  const outcome = CASE_OUTCOMES.find((o) => o.code === input.uitkomst)?.code ?? null;
  if (input.soort === 'uitkomst' && !outcome)
    p.add('uitkomst', 'enum', `Kies een uitkomst: ${CASE_OUTCOMES.map((o) => o.label.toLowerCase()).join(', ')}.`);
  if (input.toelichting && input.toelichting.length > 2000)
    p.add('toelichting', 'length', 'De toelichting is te lang (max. 2000 tekens).');
  if (!soort || p.list.length) throw new ValidationError(p.list); // all problems at once
  const next = nextStatus(
    codeOf(CASE_STATUSES, c.status),
    eventOf({ soort, bereikt: input.bereikt, uitkomst: input.uitkomst }),
  );
  await ctx.db
    .insertInto('prevention_steps')
    .values({
      case_id: id,
      kind: soort,
      step_on: input.datum,
      reached: soort === 'uitkomst' ? null : !!input.bereikt,
      outcome: soort === 'uitkomst' ? outcome : null,
      notes: input.toelichting?.trim() || null,
      created_by: ctx.actor.userId,
    })
    .execute();
  await ctx.db
    .updateTable('prevention_cases')
    .set({ status: next, ...(soort === 'uitkomst' ? { outcome, outcome_on: input.datum } : {}) })
    .where('id', '=', id)
    .execute();
  await audit(ctx, {
    clientId: await matchClient(ctx, c),
    action: 'wijzigen',
    resource: 'preventiezaak',
    detail: `${id}: ${soort}${soort === 'uitkomst' ? ` ${input.uitkomst}` : ''}`,
  });
  return (await caseView(ctx, id)).view;
}
