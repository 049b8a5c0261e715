// Eigen bijdrage (issue 19): tariffs per facility type per night, exemptions and reductions with a reason, the amount
// due from the nights counted, payments, the balance on the dossier, arrears raised as a preventive signal, and the
// monthly overview for the administration. Rules of one night are in ./own-contribution.ts.
import { sql } from 'kysely';
import { writeCsv } from '../../platform/csv.js';
import { ConflictError, Problems } from '../../platform/errors.js';
import { addDays, isIsoDate, todayInNl } from '../../platform/validation.js';
import { FACILITY_TYPES } from '../../reference/reference.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible, visibleClients } from '../../rights/visibility.js';
import type { EigenBijdrage, Maandoverzicht, Tarief } from './finance.dto.js';
import {
  type Adjustment,
  arrearsCents,
  type Night,
  nightsDue,
  parseEuroCents,
  type Rate,
  type StayNights,
  sumCents,
} from './own-contribution.js';

const euros = (cents: number) => Math.round(cents) / 100;

export async function ratesOf(ctx: Ctx, kind: 'eigen-bijdrage' | 'kostprijs'): Promise<Rate[]> {
  const rows = await ctx.db
    .selectFrom('finance_rates')
    .select(['facility_type', 'per_night_cents', 'valid_from'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('kind', '=', kind)
    .execute();
  return rows.map((r) => ({
    facilityType: r.facility_type,
    perNightCents: r.per_night_cents,
    validFrom: r.valid_from,
  }));
}

async function staysOf(ctx: Ctx, clientIds: readonly string[]): Promise<Map<string, StayNights[]>> {
  const out = new Map<string, StayNights[]>();
  if (!clientIds.length) return out;
  const rows = await ctx.db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .select(['stays.client_id', 'facilities.type', 'stays.started_on', 'stays.ended_on'])
    .where('stays.tenant_id', '=', ctx.actor.tenantId)
    .where('stays.client_id', 'in', clientIds)
    .execute();
  for (const r of rows) {
    const list = out.get(r.client_id) ?? [];
    list.push({ facilityType: r.type, startedOn: r.started_on, endedOn: r.ended_on });
    out.set(r.client_id, list);
  }
  return out;
}

async function adjustmentRows(ctx: Ctx, clientIds: readonly string[]) {
  if (!clientIds.length) return [];
  return ctx.db
    .selectFrom('own_contribution_adjustments')
    .select(['id', 'client_id', 'kind', 'percentage', 'from_on', 'to_on', 'reason', 'created_at'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('client_id', 'in', clientIds)
    .orderBy('from_on')
    .execute();
}
const toAdjustment = (r: { kind: Adjustment['kind']; percentage: number; from_on: string; to_on: string | null }) => ({
  kind: r.kind,
  percentage: r.percentage,
  fromOn: r.from_on,
  toOn: r.to_on,
});

async function paymentRows(ctx: Ctx, clientIds: readonly string[]) {
  if (!clientIds.length) return [];
  return ctx.db
    .selectFrom('own_contribution_payments')
    .select(['id', 'client_id', 'paid_on', 'amount_cents', 'reference'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('client_id', 'in', clientIds)
    .orderBy('paid_on')
    .execute();
}

/** Nights, amount due and payments of one client, without authorization or audit (for the balance and the AVG export). */
export async function accountOf(ctx: Ctx, clientId: string) {
  const today = todayInNl(ctx.now);
  const [rates, stays, adjustments, payments] = await Promise.all([
    ratesOf(ctx, 'eigen-bijdrage'),
    staysOf(ctx, [clientId]),
    adjustmentRows(ctx, [clientId]),
    paymentRows(ctx, [clientId]),
  ]);
  const nights = nightsDue(stays.get(clientId) ?? [], rates, adjustments.map(toAdjustment), today);
  const paid = payments.reduce((s, p) => s + p.amount_cents, 0);
  return { today, nights, adjustments, payments, dueCents: sumCents(nights), paidCents: paid };
}

function perMonth(nights: readonly Night[]) {
  const m = new Map<string, { nachten: number; vrijgesteld: number; cents: number }>();
  for (const n of nights) {
    const key = n.night.slice(0, 7);
    const x = m.get(key) ?? { nachten: 0, vrijgesteld: 0, cents: 0 };
    x.nachten++;
    if (n.reductionPercentage === 100) x.vrijgesteld++;
    x.cents += n.dueCents;
    m.set(key, x);
  }
  return [...m.entries()].map(([maand, x]) => ({
    maand,
    nachten: x.nachten,
    nachtenVrijgesteld: x.vrijgesteld,
    verschuldigd: euros(x.cents),
  }));
}

/** The eigen bijdrage on the dossier: nights, amount due per month, exemptions, payments, balance and arrears. */
export async function getOwnContribution(ctx: Ctx, clientId: string): Promise<EigenBijdrage> {
  authorize(ctx, 'eigenBijdrage.lezen');
  await assertClientVisible(ctx, clientId);
  const a = await accountOf(ctx, clientId);
  await audit(ctx, { clientId, action: 'lezen', resource: 'eigen-bijdrage' });
  return {
    clientId,
    peildatum: a.today,
    nachten: a.nights.length,
    nachtenVrijgesteld: a.nights.filter((n) => n.reductionPercentage === 100).length,
    verschuldigd: euros(a.dueCents),
    betaald: euros(a.paidCents),
    saldo: euros(a.dueCents - a.paidCents),
    achterstand: euros(arrearsCents(a.nights, a.paidCents, a.today)),
    perMaand: perMonth(a.nights),
    aanpassingen: a.adjustments.map((r) => ({
      id: r.id,
      soort: r.kind,
      percentage: r.percentage,
      van: r.from_on,
      tot: r.to_on,
      reden: r.reason,
    })),
    betalingen: a.payments.map((p) => ({
      id: p.id,
      datum: p.paid_on,
      bedrag: euros(p.amount_cents),
      kenmerk: p.reference,
    })),
    mogelijkheden: { vastleggen: can(ctx.actor, 'eigenBijdrage.vastleggen') },
  };
}

export async function recordPayment(
  ctx: Ctx,
  clientId: string,
  input: { datum: string; bedrag: number | string; kenmerk?: string | null },
): Promise<EigenBijdrage> {
  authorize(ctx, 'eigenBijdrage.vastleggen');
  await assertClientVisible(ctx, clientId);
  const p = new Problems();
  const today = todayInNl(ctx.now);
  if (!isIsoDate(input.datum)) p.add('datum', 'format', 'Gebruik een datum als JJJJ-MM-DD.');
  else if (input.datum > today) p.add('datum', 'future', 'Een betaling kan niet in de toekomst liggen.');
  const cents = parseEuroCents(input.bedrag);
  if (cents === null || cents <= 0) p.add('bedrag', 'format', 'Vul een bedrag groter dan 0 in, bijvoorbeeld 12,50.');
  else if (cents > 10_000_000) p.add('bedrag', 'range', 'Dit bedrag is te hoog voor een eigen bijdrage.');
  p.throwIfAny();
  await ctx.db
    .insertInto('own_contribution_payments')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: clientId,
      paid_on: input.datum,
      amount_cents: cents!,
      reference: input.kenmerk?.trim() || null,
      created_by: ctx.actor.userId,
    })
    .execute();
  await audit(ctx, { clientId, action: 'aanmaken', resource: 'eigen-bijdrage', detail: 'betaling vastgelegd' });
  return getOwnContribution(ctx, clientId);
}

export async function recordAdjustment(
  ctx: Ctx,
  clientId: string,
  input: { soort: string; percentage?: number | null; van: string; tot?: string | null; reden: string },
): Promise<EigenBijdrage> {
  authorize(ctx, 'eigenBijdrage.vastleggen');
  await assertClientVisible(ctx, clientId);
  const p = new Problems();
  if (input.soort !== 'vrijstelling' && input.soort !== 'korting')
    p.add('soort', 'enum', 'Kies vrijstelling of korting.');
  const pct = input.soort === 'vrijstelling' ? 100 : input.percentage;
  if (input.soort === 'korting' && (!Number.isInteger(pct) || (pct as number) < 1 || (pct as number) > 99))
    p.add('percentage', 'range', 'Een korting is een heel percentage van 1 tot 99 (100% is een vrijstelling).');
  if (!isIsoDate(input.van)) p.add('van', 'format', 'Gebruik een datum als JJJJ-MM-DD.');
  if (input.tot && !isIsoDate(input.tot)) p.add('tot', 'format', 'Gebruik een datum als JJJJ-MM-DD.');
  else if (input.tot && isIsoDate(input.van) && input.tot < input.van)
    p.add('tot', 'order', 'De einddatum ligt vóór de begindatum.');
  if (!input.reden?.trim()) p.add('reden', 'required', 'Geef de reden van de vrijstelling of korting.');
  p.throwIfAny();
  await ctx.db
    .insertInto('own_contribution_adjustments')
    .values({
      tenant_id: ctx.actor.tenantId,
      client_id: clientId,
      kind: input.soort as 'vrijstelling' | 'korting',
      percentage: pct as number,
      from_on: input.van,
      to_on: input.tot || null,
      reason: input.reden.trim().slice(0, 500),
      created_by: ctx.actor.userId,
    })
    .execute();
  await audit(ctx, { clientId, action: 'aanmaken', resource: 'eigen-bijdrage', detail: `${input.soort} vastgelegd` });
  return getOwnContribution(ctx, clientId);
}

const monthRe = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Per client with nights in the month: nights, exempted nights, due, paid in the month, balance to date. */
export async function monthlyOverview(ctx: Ctx, maand: string): Promise<Maandoverzicht> {
  authorize(ctx, 'eigenBijdrage.overzicht');
  if (!monthRe.test(maand)) new Problems().add('maand', 'format', 'Gebruik een maand als JJJJ-MM.').throwIfAny();
  const from = `${maand}-01`;
  const next = addDays(`${maand}-28`, 7).slice(0, 7);
  const to = `${next}-01`;
  const clients = await visibleClients(ctx)
    .select(['clients.id', 'clients.first_name', 'clients.last_name'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('stays')
          .select(sql`1`.as('one'))
          .whereRef('stays.client_id', '=', 'clients.id')
          .where('stays.started_on', '<', to)
          .where((eb) => eb.or([eb('stays.ended_on', 'is', null), eb('stays.ended_on', '>', from)])),
      ),
    )
    .orderBy('clients.last_name')
    .orderBy('clients.first_name')
    .execute();
  const ids = clients.map((c) => c.id);
  const today = todayInNl(ctx.now);
  const [rates, stays, adjustments, payments] = await Promise.all([
    ratesOf(ctx, 'eigen-bijdrage'),
    staysOf(ctx, ids),
    adjustmentRows(ctx, ids),
    paymentRows(ctx, ids),
  ]);
  const rijen = clients
    .map((c) => {
      const all = nightsDue(
        stays.get(c.id) ?? [],
        rates,
        adjustments.filter((a) => a.client_id === c.id).map(toAdjustment),
        today,
      );
      const inMonth = all.filter((n) => n.night >= from && n.night < to);
      const paidAll = payments.filter((p) => p.client_id === c.id && p.paid_on < to);
      const paidMonth = paidAll.filter((p) => p.paid_on >= from).reduce((s, p) => s + p.amount_cents, 0);
      const dueToEnd = sumCents(all.filter((n) => n.night < to));
      return {
        clientId: c.id,
        naam: `${c.first_name} ${c.last_name}`,
        nachten: inMonth.length,
        nachtenVrijgesteld: inMonth.filter((n) => n.reductionPercentage === 100).length,
        verschuldigd: euros(sumCents(inMonth)),
        betaald: euros(paidMonth),
        saldo: euros(dueToEnd - paidAll.reduce((s, p) => s + p.amount_cents, 0)),
      };
    })
    .filter((r) => r.nachten > 0 || r.betaald > 0);
  await auditPersons(
    ctx,
    rijen.map((r) => r.clientId),
    { action: 'lezen', resource: 'eigen-bijdrage', detail: `maandoverzicht ${maand}` },
  );
  return {
    maand,
    rijen,
    totaal: {
      nachten: rijen.reduce((s, r) => s + r.nachten, 0),
      verschuldigd: euros(rijen.reduce((s, r) => s + Math.round(r.verschuldigd * 100), 0)),
      betaald: euros(rijen.reduce((s, r) => s + Math.round(r.betaald * 100), 0)),
    },
  };
}

const csvEuro = (n: number) => n.toFixed(2).replace('.', ',');

/** The monthly overview as CSV for Dutch Excel (semicolons, decimal comma). */
export function monthlyOverviewCsv(o: Maandoverzicht): string {
  return writeCsv([
    ['maand', 'clientId', 'naam', 'nachten', 'nachtenVrijgesteld', 'verschuldigd', 'betaald', 'saldo'],
    ...o.rijen.map((r) => [
      o.maand,
      r.clientId,
      r.naam,
      r.nachten,
      r.nachtenVrijgesteld,
      csvEuro(r.verschuldigd),
      csvEuro(r.betaald),
      csvEuro(r.saldo),
    ]),
  ]);
}

/**
 * Arrears as preventive signals (vroegsignalering, src/areas/prevention): every client whose eigen bijdrage for nights
 * more than 60 days ago is still unpaid gets one signal per month (natural key EB-<client>-<month>), which opens a
 * preventive case. Returns how many signals were made.
 */
export async function raiseArrearsSignals(ctx: Ctx): Promise<{ aantalSignalen: number; aantalAlGemeld: number }> {
  authorize(ctx, 'eigenBijdrage.vastleggen');
  authorize(ctx, 'signalen.vastleggen');
  const today = todayInNl(ctx.now);
  const clients = await visibleClients(ctx)
    .select(['clients.id', 'clients.first_name', 'clients.last_name', 'clients.birth_date', 'clients.bsn'])
    .where('clients.anonymised_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('stays').select(sql`1`.as('one')).whereRef('stays.client_id', '=', 'clients.id')),
    )
    .execute();
  const ids = clients.map((c) => c.id);
  const [rates, stays, adjustments, payments] = await Promise.all([
    ratesOf(ctx, 'eigen-bijdrage'),
    staysOf(ctx, ids),
    adjustmentRows(ctx, ids),
    paymentRows(ctx, ids),
  ]);
  const tenant = await ctx.db
    .selectFrom('tenants')
    .select('name')
    .where('id', '=', ctx.actor.tenantId)
    .executeTakeFirstOrThrow();
  const month = today.slice(0, 7);
  let made = 0;
  let known = 0;
  for (const c of clients) {
    const nights = nightsDue(
      stays.get(c.id) ?? [],
      rates,
      adjustments.filter((a) => a.client_id === c.id).map(toAdjustment),
      today,
    );
    const paid = payments.filter((p) => p.client_id === c.id).reduce((s, p) => s + p.amount_cents, 0);
    const arrears = arrearsCents(nights, paid, today);
    if (arrears <= 0) continue;
    const reference = `EB-${c.id}-${month}`;
    const sourceName = `${tenant.name} — eigen bijdrage opvang`;
    const exists = await ctx.db
      .selectFrom('early_signals')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('source_type', '=', 'eigen-bijdrage')
      .where('source_name', '=', sourceName)
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (exists) {
      known++;
      continue;
    }
    // Where the client stays (or last stayed): the address the preventive worker visits.
    const where = await ctx.db
      .selectFrom('stays')
      .innerJoin('units', 'units.id', 'stays.unit_id')
      .innerJoin('facilities', 'facilities.id', 'units.facility_id')
      .select(['facilities.postcode', 'facilities.address'])
      .where('stays.client_id', '=', c.id)
      .orderBy('stays.started_on', 'desc')
      .executeTakeFirst();
    const houseNumber = /(\d+\s*[A-Za-z]?)\s*$/.exec(where?.address ?? '')?.[1]?.replace(/\s/g, '') ?? '-';
    const signal = await ctx.db
      .insertInto('early_signals')
      .values({
        tenant_id: ctx.actor.tenantId,
        source_type: 'eigen-bijdrage',
        source_name: sourceName,
        reference,
        signal_date: today,
        first_name: c.first_name,
        last_name: c.last_name,
        birth_date: c.birth_date,
        bsn: c.bsn,
        postcode: where?.postcode ?? '-',
        house_number: houseNumber,
        amount_arrears: arrears / 100,
        months_arrears: 2, // at least: the grace period is 60 days
        upload_id: null,
        upload_row: null,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('prevention_cases')
      .values({ tenant_id: ctx.actor.tenantId, signal_id: signal.id })
      .execute();
    await audit(ctx, {
      clientId: c.id,
      action: 'aanmaken',
      resource: 'vroegsignaal',
      detail: `achterstand eigen bijdrage ${month}`,
      basis: 'Wgs art. 3 — vroegsignalering (achterstand eigen bijdrage)',
    });
    made++;
  }
  return { aantalSignalen: made, aantalAlGemeld: known };
}

// ---------- tarieven (tenant settings) ----------

const FACILITY_CODES: readonly string[] = FACILITY_TYPES.map((t) => t.code);

export async function listRates(ctx: Ctx): Promise<{ resultaten: Tarief[] }> {
  authorize(ctx, 'tarieven.zien');
  const rows = await ctx.db
    .selectFrom('finance_rates')
    .select(['id', 'kind', 'facility_type', 'per_night_cents', 'valid_from'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('kind')
    .orderBy('facility_type')
    .orderBy('valid_from')
    .execute();
  return {
    resultaten: rows.map((r) => ({
      id: r.id,
      soort: r.kind,
      voorzieningstype: r.facility_type,
      bedragPerNacht: euros(r.per_night_cents),
      geldigVanaf: r.valid_from,
    })),
  };
}

export async function createRate(
  ctx: Ctx,
  input: { soort: string; voorzieningstype: string; bedragPerNacht: number | string; geldigVanaf: string },
): Promise<Tarief> {
  authorize(ctx, 'tarieven.beheren');
  const p = new Problems();
  if (input.soort !== 'eigen-bijdrage' && input.soort !== 'kostprijs')
    p.add('soort', 'enum', 'Kies eigen-bijdrage of kostprijs.');
  if (!FACILITY_CODES.includes(input.voorzieningstype))
    p.add('voorzieningstype', 'enum', `Kies een van: ${FACILITY_CODES.join(', ')}.`);
  const cents = parseEuroCents(input.bedragPerNacht);
  if (cents === null || cents < 0 || cents > 100_000)
    p.add('bedragPerNacht', 'format', 'Vul een bedrag per nacht in van 0 tot 1000 euro, bijvoorbeeld 7,50.');
  if (!isIsoDate(input.geldigVanaf)) p.add('geldigVanaf', 'format', 'Gebruik een datum als JJJJ-MM-DD.');
  p.throwIfAny();
  const dup = await ctx.db
    .selectFrom('finance_rates')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('kind', '=', input.soort as 'kostprijs')
    .where('facility_type', '=', input.voorzieningstype)
    .where('valid_from', '=', input.geldigVanaf)
    .executeTakeFirst();
  if (dup) throw new ConflictError('Voor dit type en deze datum is al een tarief vastgelegd.');
  const r = await ctx.db
    .insertInto('finance_rates')
    .values({
      tenant_id: ctx.actor.tenantId,
      kind: input.soort as 'kostprijs' | 'eigen-bijdrage',
      facility_type: input.voorzieningstype,
      per_night_cents: cents!,
      valid_from: input.geldigVanaf,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, {
    clientId: null,
    action: 'aanmaken',
    resource: 'tarief',
    detail: `${input.soort} ${input.voorzieningstype}`,
  });
  return {
    id: r.id,
    soort: input.soort as 'kostprijs',
    voorzieningstype: input.voorzieningstype,
    bedragPerNacht: euros(cents!),
    geldigVanaf: input.geldigVanaf,
  };
}
