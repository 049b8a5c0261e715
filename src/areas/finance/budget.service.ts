// Budget and cost (issue 19): what the nights cost per facility type (kostprijs per night, a tenant tariff) against the
// regional budget of a year (seeds/004: € 900.000 voor innovaties in 2020). Aggregates only: no persons leave here.
import { ConflictError, Problems } from '../../platform/errors.js';
import { addDays, todayInNl } from '../../platform/validation.js';
import { FACILITY_TYPES } from '../../reference/reference.js';
import { audit } from '../../rights/audit.js';
import { asTableOwner, type Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import type { Budgetoverzicht } from './finance.dto.js';
import { ratesOf } from './finance.service.js';
import { parseEuroCents, tariffOn } from './own-contribution.js';

const euros = (cents: number) => Math.round(cents) / 100;

/** Spend in [1 Jan, min(1 Jan next year, today)): bed-nights (a household of n occupies n beds) × kostprijs per night. */
export async function budgetOverview(ctx: Ctx, year: number): Promise<Budgetoverzicht> {
  authorize(ctx, 'budget.zien');
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    new Problems().add('jaar', 'range', 'Kies een jaar van 2000 tot 2100.').throwIfAny();
  const today = todayInNl(ctx.now);
  const from = `${year}-01-01`;
  const yearEnd = `${year + 1}-01-01`;
  const to = yearEnd < today ? yearEnd : today;
  const rates = await ratesOf(ctx, 'kostprijs');
  // Counts over the tenant's stays, filtered on the tenant here (asTableOwner: see src/rights/context.ts).
  const stays = await asTableOwner(ctx, () =>
    ctx.db
      .selectFrom('stays')
      .innerJoin('units', 'units.id', 'stays.unit_id')
      .innerJoin('facilities', 'facilities.id', 'units.facility_id')
      .select(['facilities.type', 'stays.started_on', 'stays.ended_on', 'stays.household_size'])
      .where('stays.tenant_id', '=', ctx.actor.tenantId)
      .where('stays.started_on', '<', to)
      .where((eb) => eb.or([eb('stays.ended_on', 'is', null), eb('stays.ended_on', '>', from)]))
      .execute(),
  );
  const perType = new Map<string, { nights: number; cents: number }>();
  for (const s of stays) {
    const start = s.started_on > from ? s.started_on : from;
    const end = s.ended_on && s.ended_on < to ? s.ended_on : to;
    const x = perType.get(s.type) ?? { nights: 0, cents: 0 };
    for (let d = start; d < end; d = addDays(d, 1)) {
      x.nights += s.household_size;
      x.cents += s.household_size * tariffOn(rates, s.type, d);
    }
    perType.set(s.type, x);
  }
  const budgets = await ctx.db
    .selectFrom('regional_budgets')
    .select(['label', 'amount_cents'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('year', '=', year)
    .orderBy('label')
    .execute();
  const uitgaven = FACILITY_TYPES.filter((t) => perType.has(t.code)).map((t) => {
    const x = perType.get(t.code)!;
    return {
      voorzieningstype: t.code,
      omschrijving: t.label,
      bednachten: x.nights,
      kostprijsBekend: rates.some((r) => r.facilityType === t.code),
      bedrag: euros(x.cents),
    };
  });
  const totalBudget = budgets.reduce((s, b) => s + Number(b.amount_cents), 0);
  const totalSpend = [...perType.values()].reduce((s, x) => s + x.cents, 0);
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'budget', detail: String(year) });
  return {
    jaar: year,
    peildatum: addDays(to, -1),
    budgetten: budgets.map((b) => ({ omschrijving: b.label, bedrag: euros(Number(b.amount_cents)) })),
    totaalBudget: euros(totalBudget),
    uitgaven,
    totaalUitgaven: euros(totalSpend),
    resterend: euros(totalBudget - totalSpend),
  };
}

export async function setBudget(
  ctx: Ctx,
  input: { jaar: number; omschrijving: string; bedrag: number | string },
): Promise<Budgetoverzicht> {
  authorize(ctx, 'tarieven.beheren');
  const p = new Problems();
  if (!Number.isInteger(input.jaar) || input.jaar < 2000 || input.jaar > 2100)
    p.add('jaar', 'range', 'Kies een jaar van 2000 tot 2100.');
  if (!input.omschrijving?.trim()) p.add('omschrijving', 'required', 'Geef het budget een omschrijving.');
  const cents = parseEuroCents(input.bedrag);
  if (cents === null || cents < 0) p.add('bedrag', 'format', 'Vul een bedrag in, bijvoorbeeld 900.000,00.');
  p.throwIfAny();
  const label = input.omschrijving.trim().slice(0, 200);
  const dup = await ctx.db
    .selectFrom('regional_budgets')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('year', '=', input.jaar)
    .where('label', '=', label)
    .executeTakeFirst();
  if (dup) throw new ConflictError('Dit budget bestaat al voor dit jaar.');
  await ctx.db
    .insertInto('regional_budgets')
    .values({ tenant_id: ctx.actor.tenantId, year: input.jaar, label, amount_cents: cents! })
    .execute();
  await audit(ctx, { clientId: null, action: 'aanmaken', resource: 'budget', detail: `${input.jaar}: ${label}` });
  return budgetOverview(ctx, input.jaar);
}
