// Alarm signals of active aftercare plans (waakvlam): missed follow-ups, concerns at a contact, new arrears
// signals for the person or on the new address, and a return to the shelter.
import { sql } from 'kysely';
import { datumTekst } from '../../platform/dates.js';
import { daysBetween, todayInNl } from '../../platform/validation.js';
import type { Ctx } from '../../rights/context.js';
import type { ContactRow, PlanRow } from './aftercare.queries.js';

export type AlarmKind = 'gemist-contact' | 'nieuw-signaal' | 'zorgsignaal' | 'terugkeer';
export const ALARM_KINDS: readonly AlarmKind[] = ['gemist-contact', 'nieuw-signaal', 'zorgsignaal', 'terugkeer'];
export type Alarm = { soort: AlarmKind; datum: string; tekst: string };

/** The alarms per plan (newest first); closed plans have none. */
export async function alarmsFor(
  ctx: Ctx,
  plans: readonly PlanRow[],
  contacts: readonly ContactRow[],
): Promise<Map<string, Alarm[]>> {
  const today = todayInNl(ctx.now);
  const out = new Map<string, Alarm[]>(plans.map((p) => [p.id, []]));
  const push = (planId: string, alarm: Alarm) => out.get(planId)?.push(alarm);
  const active = plans.filter((p) => p.status === 'actief');
  const [firstActive] = active;
  if (!firstActive) return out;
  for (const c of contacts) {
    const plan = active.find((p) => p.id === c.plan_id);
    if (!plan) continue;
    if (c.planned_on && !c.done_on && c.planned_on < today)
      push(plan.id, {
        soort: 'gemist-contact',
        datum: c.planned_on,
        tekst: `${c.month_offset ? `Nazorgcontact na ${c.month_offset} ${c.month_offset === 1 ? 'maand' : 'maanden'}` : 'Extra nazorgcontact'} (gepland ${datumTekst(c.planned_on)}) is niet geregistreerd — ${daysBetween(c.planned_on, today)} dagen over tijd.`,
      });
    if (c.done_on && c.concern)
      push(plan.id, {
        soort: 'zorgsignaal',
        datum: c.done_on,
        tekst: `Zorgsignaal bij het contact van ${datumTekst(c.done_on)}${c.notes ? `: ${c.notes}` : ''}.`,
      });
  }
  const minExit = active.reduce((m, p) => (p.exit_on < m ? p.exit_on : m), firstActive.exit_on);
  const signals = await ctx.db
    .selectFrom('early_signals')
    .select([
      'signal_date',
      'source_name',
      'source_type',
      'bsn',
      'first_name',
      'last_name',
      'birth_date',
      'postcode',
      'house_number',
      'amount_arrears',
    ])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('signal_date', '>=', minExit)
    .execute();
  for (const p of active) {
    for (const s of signals) {
      if (s.signal_date < p.exit_on) continue;
      const samePerson =
        (p.bsn && s.bsn === p.bsn) ||
        (p.birth_date &&
          s.birth_date === p.birth_date &&
          s.first_name.toLowerCase() === p.first_name.toLowerCase() &&
          s.last_name.toLowerCase() === p.last_name.toLowerCase());
      const sameAddress =
        p.postcode && p.house_number && s.postcode === p.postcode && s.house_number === p.house_number;
      if (samePerson || sameAddress) {
        push(p.id, {
          soort: 'nieuw-signaal',
          datum: s.signal_date,
          tekst: `Nieuw signaal betalingsachterstand (${s.source_name}, € ${Number(s.amount_arrears).toFixed(2).replace('.', ',')}) ${samePerson ? 'voor deze persoon' : 'op het nieuwe adres'} op ${datumTekst(s.signal_date)}.`,
        });
      }
    }
  }
  const clientIds = active.map((p) => p.client_id);
  const returns = await sql<{ client_id: string; date: string }>`
    select client_id, registered_on as date from registrations where tenant_id = ${ctx.actor.tenantId} and client_id in (${sql.join(clientIds)}) and registered_on >= ${minExit}::date
    union all
    select client_id, started_on as date from stays where tenant_id = ${ctx.actor.tenantId} and client_id in (${sql.join(clientIds)}) and started_on >= ${minExit}::date`.execute(
    ctx.db,
  );
  for (const p of active) {
    const first = returns.rows
      .filter((r) => r.client_id === p.client_id && r.date > p.exit_on)
      .map((r) => r.date)
      .sort()[0];
    if (first)
      push(p.id, {
        soort: 'terugkeer',
        datum: first,
        tekst: `Terugkeer: nieuwe aanmelding of plaatsing op ${datumTekst(first)}, ${daysBetween(p.exit_on, first)} dagen na de uitstroom.`,
      });
  }
  for (const list of out.values()) list.sort((a, b) => b.datum.localeCompare(a.datum));
  return out;
}
