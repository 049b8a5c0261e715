// Prevention figures for a calendar year (rapportages): aggregates only, no persons.
import { sql } from 'kysely';
import { Problems } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { SUPPRESS_BELOW } from '../reporting/reports.service.js';
import { HANDLE_WITHIN_DAYS } from './case-status.js';
import { CASE_OUTCOMES, SIGNAL_SOURCES } from './prevention-codes.js';
import type { PreventionFigures } from './prevention-figures.dto.js';

/**
 * Prevention figures for a calendar year. Definitions:
 * - signalen: signals with signal date in the year, by source type;
 * - huisuitzettingen: cases closed with outcome huisuitzetting, outcome date in the year (goal: zero);
 * - binnen2Weken: of the signals of the year whose 14 days have passed (or that were handled earlier), the share
 *   with a first contact in which the person was reached, or a home visit, within 14 days of the signal date;
 * - uitkomsten: closed cases by outcome (outcome date in the year).
 * Roles without exact figures (rapportages.exact) get cells of 1–4 suppressed (null, onderdrukt).
 */
export async function preventionFigures(ctx: Ctx, q: { jaar: number }): Promise<PreventionFigures> {
  authorize(ctx, 'rapportages.lezen');
  if (!Number.isInteger(q.jaar) || q.jaar < 2000 || q.jaar > 2100)
    new Problems().add('jaar', 'range', 'Kies een jaar tussen 2000 en 2100.').throwIfAny();
  const from = `${q.jaar}-01-01`,
    to = `${q.jaar + 1}-01-01`;
  const today = todayInNl(ctx.now);
  const t = ctx.actor.tenantId;
  const signals = await sql<{ source_type: string; n: number; due: number; handled: number }>`
    select s.source_type, count(*)::int as n,
      (count(*) filter (where fa.first_action is not null and fa.first_action - s.signal_date <= ${HANDLE_WITHIN_DAYS}
                          or s.signal_date + ${HANDLE_WITHIN_DAYS}::int < ${today}::date))::int as due,
      (count(*) filter (where fa.first_action is not null and fa.first_action - s.signal_date <= ${HANDLE_WITHIN_DAYS}))::int as handled
    from early_signals s join prevention_cases pc on pc.signal_id = s.id
    cross join lateral (select min(ps.step_on) as first_action from prevention_steps ps
                        where ps.case_id = pc.id and ((ps.kind = 'contactpoging' and ps.reached) or ps.kind = 'huisbezoek')) fa
    where s.tenant_id = ${t} and s.signal_date >= ${from}::date and s.signal_date < ${to}::date
    group by s.source_type`.execute(ctx.db);
  const outcomes = await sql<{ outcome: string; n: number }>`
    select outcome, count(*)::int as n from prevention_cases
    where tenant_id = ${t} and status = 'afgesloten' and outcome_on >= ${from}::date and outcome_on < ${to}::date group by outcome`.execute(
    ctx.db,
  );
  const open = await sql<{ n: number; late: number }>`
    select count(*)::int as n, (count(*) filter (where s.signal_date + ${HANDLE_WITHIN_DAYS}::int < ${today}::date and not exists (
      select 1 from prevention_steps ps where ps.case_id = pc.id and ((ps.kind = 'contactpoging' and ps.reached) or ps.kind = 'huisbezoek'))))::int as late
    from prevention_cases pc join early_signals s on s.id = pc.signal_id where pc.tenant_id = ${t} and pc.status <> 'afgesloten'`.execute(
    ctx.db,
  );
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'preventiecijfers', detail: String(q.jaar) });
  const suppress = !can(ctx.actor, 'rapportages.exact');
  const cell = (n: number) =>
    suppress && n > 0 && n < SUPPRESS_BELOW ? { aantal: null, onderdrukt: true } : { aantal: n };
  const total = signals.rows.reduce((a, r) => a + r.n, 0);
  const due = signals.rows.reduce((a, r) => a + r.due, 0);
  const handled = signals.rows.reduce((a, r) => a + r.handled, 0);
  const evictions = outcomes.rows.find((r) => r.outcome === 'huisuitzetting')?.n ?? 0;
  return {
    jaar: q.jaar,
    peildatum: today,
    signalen: cell(total),
    signalenPerBron: SIGNAL_SOURCES.map((s) => ({
      bron: s.code,
      label: s.label,
      ...cell(signals.rows.find((r) => r.source_type === s.code)?.n ?? 0),
    })),
    huisuitzettingen: { ...cell(evictions), doel: 0 },
    binnen2Weken: {
      noemer: cell(due).aantal,
      teller: cell(handled).aantal,
      aandeel: due > 0 && (!suppress || due >= SUPPRESS_BELOW) ? handled / due : null,
      termijnDagen: HANDLE_WITHIN_DAYS,
    },
    uitkomsten: CASE_OUTCOMES.map((o) => ({
      uitkomst: o.code,
      label: o.label,
      ...cell(outcomes.rows.find((r) => r.outcome === o.code)?.n ?? 0),
    })),
    openZaken: { ...cell(open.rows[0]?.n ?? 0), waarvanTermijnVerlopen: cell(open.rows[0]?.late ?? 0).aantal },
    onderdrukkingsgrens: suppress ? SUPPRESS_BELOW : null,
  };
}
