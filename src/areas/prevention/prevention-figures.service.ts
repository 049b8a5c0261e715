// Prevention figures for a calendar year (rapportages): aggregates only, no persons.
import { sql } from 'kysely';
import { Problems } from '../../platform/errors.js';
import { todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { cellKeySql } from '../reporting/cellkeys.js';
import { tenantSecret } from '../reporting/disclosure.js';
import { protectionFor } from '../reporting/protection.js';
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
 * Roles without exact figures (rapportages.exact) get the cell key method (src/areas/reporting/protection.ts): every
 * count keyed to the signals or cases behind it (cell keys made in SQL; additive, so a total's key is the sum of its
 * parts' keys), the share only from published counts that reach the tenant's minimum. The period is always a whole
 * calendar year.
 */
export async function preventionFigures(ctx: Ctx, q: { jaar: number }): Promise<PreventionFigures> {
  authorize(ctx, 'rapportages.lezen');
  if (!Number.isInteger(q.jaar) || q.jaar < 2000 || q.jaar > 2100)
    new Problems().add('jaar', 'range', 'Kies een jaar tussen 2000 en 2100.').throwIfAny();
  const from = `${q.jaar}-01-01`,
    to = `${q.jaar + 1}-01-01`;
  const today = todayInNl(ctx.now);
  const t = ctx.actor.tenantId;
  const prot = await protectionFor(ctx, t);
  const secret = prot.exact ? 'exact' : await tenantSecret(ctx.db, t);
  const dueWhere = sql`fa.first_action is not null and fa.first_action - s.signal_date <= ${HANDLE_WITHIN_DAYS}
                          or s.signal_date + ${HANDLE_WITHIN_DAYS}::int < ${today}::date`;
  const handledWhere = sql`fa.first_action is not null and fa.first_action - s.signal_date <= ${HANDLE_WITHIN_DAYS}`;
  const signals = await sql<{
    source_type: string;
    n: number;
    due: number;
    handled: number;
    k_n: number;
    k_due: number;
    k_handled: number;
  }>`
    select s.source_type, count(*)::int as n,
      ${cellKeySql(secret, sql.ref('s.id'))} as k_n,
      ${cellKeySql(secret, sql.ref('s.id'), { filter: dueWhere })} as k_due,
      ${cellKeySql(secret, sql.ref('s.id'), { filter: handledWhere })} as k_handled,
      (count(*) filter (where fa.first_action is not null and fa.first_action - s.signal_date <= ${HANDLE_WITHIN_DAYS}
                          or s.signal_date + ${HANDLE_WITHIN_DAYS}::int < ${today}::date))::int as due,
      (count(*) filter (where fa.first_action is not null and fa.first_action - s.signal_date <= ${HANDLE_WITHIN_DAYS}))::int as handled
    from early_signals s join prevention_cases pc on pc.signal_id = s.id
    cross join lateral (select min(ps.step_on) as first_action from prevention_steps ps
                        where ps.case_id = pc.id and ((ps.kind = 'contactpoging' and ps.reached) or ps.kind = 'huisbezoek')) fa
    where s.tenant_id = ${t} and s.signal_date >= ${from}::date and s.signal_date < ${to}::date
    group by s.source_type`.execute(ctx.db);
  const outcomes = await sql<{ outcome: string; n: number; k: number }>`
    select outcome, count(*)::int as n, ${cellKeySql(secret, sql.ref('id'))} as k from prevention_cases
    where tenant_id = ${t} and status = 'afgesloten' and outcome_on >= ${from}::date and outcome_on < ${to}::date group by outcome`.execute(
    ctx.db,
  );
  const lateWhere = sql`s.signal_date + ${HANDLE_WITHIN_DAYS}::int < ${today}::date and not exists (
      select 1 from prevention_steps ps where ps.case_id = pc.id and ((ps.kind = 'contactpoging' and ps.reached) or ps.kind = 'huisbezoek'))`;
  const open = await sql<{ n: number; late: number; k_n: number; k_late: number }>`
    select count(*)::int as n, (count(*) filter (where ${lateWhere}))::int as late,
      ${cellKeySql(secret, sql.ref('pc.id'))} as k_n, ${cellKeySql(secret, sql.ref('pc.id'), { filter: lateWhere })} as k_late
    from prevention_cases pc join early_signals s on s.id = pc.signal_id where pc.tenant_id = ${t} and pc.status <> 'afgesloten'`.execute(
    ctx.db,
  );
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'preventiecijfers', detail: String(q.jaar) });
  /** A published count with its cell key; `onderdrukt` is never set: counts are perturbed, not withheld. */
  const cell = (n: number, key: number) => ({ aantal: prot.countKeyed(n, Number(key)) });
  /** Sum of counts and of cell keys (keys are additive over disjoint sets, modulo 1). */
  const total = (rows: { n: number; k: number }[]) =>
    cell(
      rows.reduce((a, r) => a + r.n, 0),
      rows.reduce((a, r) => (a + Number(r.k)) % 1, 0),
    ).aantal;
  const signalRows = signals.rows;
  const due = total(signalRows.map((r) => ({ n: r.due, k: r.k_due })));
  const handled = total(signalRows.map((r) => ({ n: r.handled, k: r.k_handled })));
  const eviction = outcomes.rows.find((r) => r.outcome === 'huisuitzetting');
  const o = open.rows[0] ?? { n: 0, late: 0, k_n: 0, k_late: 0 };
  return {
    jaar: q.jaar,
    peildatum: today,
    signalen: { aantal: total(signalRows.map((r) => ({ n: r.n, k: r.k_n }))) },
    signalenPerBron: SIGNAL_SOURCES.map((s) => {
      const r = signalRows.find((x) => x.source_type === s.code);
      return { bron: s.code, label: s.label, ...cell(r?.n ?? 0, r?.k_n ?? 0) };
    }),
    huisuitzettingen: { ...cell(eviction?.n ?? 0, eviction?.k ?? 0), doel: 0 },
    binnen2Weken: {
      noemer: due,
      teller: handled,
      aandeel: prot.share(handled, due),
      termijnDagen: HANDLE_WITHIN_DAYS,
    },
    uitkomsten: CASE_OUTCOMES.map((c) => {
      const r = outcomes.rows.find((x) => x.outcome === c.code);
      return { uitkomst: c.code, label: c.label, ...cell(r?.n ?? 0, r?.k ?? 0) };
    }),
    openZaken: { ...cell(o.n, o.k_n), waarvanTermijnVerlopen: cell(o.late, o.k_late).aantal },
    onderdrukkingsgrens: prot.exact ? null : prot.minimum,
  };
}
