// Issue 12 — the toegangsbesluit as a printable Wmo-beschikking, and bezwaar against it: registered with its dates,
// status and outcome; the list shows the bezwaren whose decision term (Awb 7:10) runs out.

import { checkPastDate, datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, daysBetween, todayInNl } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { assertClientVisible, visibleClients } from '../../rights/visibility.js';
import { BEZWAAR_AFGEROND, type Bezwaar, BezwaarStatus, toBezwaar, toToegangsbesluit } from './registrations.dto.js';
import { decisionsWithNames, objectionsOf } from './registrations.queries.js';
import { OBJECTION_DAYS } from './registrations.service.js';

/** Awb 7:10: the bestuursorgaan decides within 6 weeks after the bezwaartermijn ended. */
export const OBJECTION_DECISION_DAYS = 42;
/** Stay of a first toegang before it is reviewed (the policy target: to a home within 3 months). */
export const ACCESS_MONTHS = 3;

async function loadDecision(ctx: Ctx, decisionId: string) {
  const d = await decisionsWithNames(ctx.db)
    .select(['registrations.client_id', 'registrations.registered_on'])
    .where('access_decisions.id', '=', decisionId)
    .where('access_decisions.tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!d) throw new NotFoundError('Besluit niet gevonden.');
  await assertClientVisible(ctx, d.client_id);
  return d;
}

export async function registerObjection(
  ctx: Ctx,
  decisionId: string,
  input: { ontvangenOp: string; gronden?: string | null },
): Promise<Bezwaar> {
  authorize(ctx, 'bezwaren.registreren');
  const d = await loadDecision(ctx, decisionId);
  const p = new Problems();
  checkPastDate(p, ctx, 'ontvangenOp', input.ontvangenOp, d.decided_on, 'Een bezwaar komt na het besluit.');
  p.throwIfAny();
  const onTime = input.ontvangenOp <= d.objection_deadline;
  const from = onTime ? d.objection_deadline : input.ontvangenOp;
  const row = await ctx.db
    .insertInto('objections')
    .values({
      tenant_id: ctx.actor.tenantId,
      decision_id: decisionId,
      client_id: d.client_id,
      received_on: input.ontvangenOp,
      grounds: input.gronden?.trim() || null,
      on_time: onTime,
      decide_by: addDays(from, OBJECTION_DECISION_DAYS),
      created_by: ctx.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: d.client_id, action: 'aanmaken', resource: 'bezwaar', detail: row.id });
  return toBezwaar(ctx.actor, row);
}

export async function updateObjection(
  ctx: Ctx,
  id: string,
  input: { status: string; uitkomstOp?: string | null; uitkomst?: string | null },
): Promise<Bezwaar> {
  authorize(ctx, 'bezwaren.registreren');
  const o = await ctx.db
    .selectFrom('objections')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!o) throw new NotFoundError('Bezwaar niet gevonden.');
  await assertClientVisible(ctx, o.client_id);
  const p = new Problems();
  const status = BezwaarStatus.safeParse(input.status);
  if (!status.success) p.add('status', 'enum', 'Kies een geldige status.');
  const final = status.success && BEZWAAR_AFGEROND.includes(status.data);
  if (final) checkPastDate(p, ctx, 'uitkomstOp', input.uitkomstOp ?? undefined, o.received_on);
  if (final && status.data !== 'ingetrokken' && !input.uitkomst?.trim())
    p.add('uitkomst', 'required', 'Beschrijf de beslissing op bezwaar.');
  p.throwIfAny();
  if (BEZWAAR_AFGEROND.includes(o.status)) throw new ConflictError('Op dit bezwaar is al beslist.');
  authorize(ctx, 'bezwaren.afhandelen', { afgerond: false });
  const row = await ctx.db
    .updateTable('objections')
    .set({
      status: input.status,
      outcome_on: final ? (input.uitkomstOp ?? null) : null,
      outcome: final ? input.uitkomst?.trim() || null : null,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: o.client_id, action: 'wijzigen', resource: 'bezwaar', detail: input.status });
  return toBezwaar(ctx.actor, row);
}

/** Open bezwaren of the tenant, the first to run out first; `binnenDagen`: only those due within that many days. */
export async function listObjections(ctx: Ctx, q: { binnenDagen?: number }) {
  authorize(ctx, 'bezwaren.lezen');
  const today = todayInNl(ctx.now);
  let rows = visibleClients(ctx)
    .innerJoin('objections', 'objections.client_id', 'clients.id')
    .selectAll('objections')
    .select(['clients.first_name', 'clients.last_name'])
    .where('objections.tenant_id', '=', ctx.actor.tenantId)
    .where('objections.status', 'not in', BEZWAAR_AFGEROND);
  if (q.binnenDagen !== undefined) rows = rows.where('objections.decide_by', '<=', addDays(today, q.binnenDagen));
  const list = await rows.orderBy('objections.decide_by').orderBy('objections.created_at').limit(200).execute();
  await auditPersons(
    ctx,
    list.map((r) => r.client_id),
    { action: 'zoeken', resource: 'bezwaren', detail: `${list.length} open bezwaren` },
  );
  return {
    resultaten: list.map((r) => ({
      ...toBezwaar(ctx.actor, r),
      client: { id: r.client_id, voornaam: r.first_name, achternaam: r.last_name },
      dagenTotTermijn: daysBetween(today, r.decide_by),
    })),
  };
}

/** The toegangsbesluit as a Wmo-beschikking: decision, reasons, start, duration, bezwaar clause. */
export async function getBeschikking(ctx: Ctx, decisionId: string) {
  authorize(ctx, 'beschikkingen.lezen');
  const d = await loadDecision(ctx, decisionId);
  const c = await ctx.db
    .selectFrom('clients')
    .select(['id', 'first_name', 'last_name', 'birth_date', 'bsn'])
    .where('id', '=', d.client_id)
    .executeTakeFirstOrThrow();
  const tenant = await ctx.db
    .selectFrom('tenants')
    .select(['name', 'settings'])
    .where('id', '=', ctx.actor.tenantId)
    .executeTakeFirstOrThrow();
  const t = await ctx.db
    .selectFrom('trajectories')
    .select('id')
    .where('registration_id', '=', d.registration_id)
    .executeTakeFirst();
  const besluit = toToegangsbesluit(ctx.actor, d, t?.id ?? null, await objectionsOf(ctx.db, [d.id]));
  const gemeente = tenant.name.replace(/^Centrumgemeente\s+/i, '');
  const settings = (tenant.settings ?? {}) as Record<string, unknown>;
  const adres =
    typeof settings.bezwaarAdres === 'string' && settings.bezwaarAdres
      ? settings.bezwaarAdres
      : `Het college van burgemeester en wethouders van ${gemeente}, t.a.v. de bezwaarschriftencommissie`;
  const toegang = d.outcome === 'toegang';
  const einde = toegang ? addDays(d.decided_on, ACCESS_MONTHS * 30 + 1) : null;
  const overwegingen = [
    `U bent op ${datumTekst(d.registered_on)} aangemeld voor maatschappelijke opvang.`,
    ...(d.reason ? [d.reason] : []),
    ...(besluit.regiobinding?.toelichting ?? []),
    ...(toegang
      ? ['Noodopvang wordt nooit geweigerd omdat u geen binding met de regio heeft (landelijke toegankelijkheid).']
      : []),
    ...(besluit.overdracht
      ? [
          `Met uw toestemming dragen wij uw zaak warm over aan ${besluit.overdracht.ontvanger}: daar heeft u de beste kans van slagen.`,
        ]
      : []),
  ];
  await audit(ctx, { clientId: d.client_id, action: 'lezen', resource: 'beschikking', detail: decisionId });
  return {
    kenmerk: `MO-${d.decided_on.slice(0, 4)}-${d.id.slice(0, 8).toUpperCase()}`,
    gemeente: tenant.name,
    datum: d.decided_on,
    client: {
      id: c.id,
      naam: `${c.first_name} ${c.last_name}`,
      geboortedatum: c.birth_date,
      bsn: can(ctx.actor, 'clienten.bsnZien') ? c.bsn : null,
    },
    besluit,
    onderwerp: 'Beschikking maatschappelijke opvang (Wmo 2015)',
    beslissing: toegang
      ? 'U krijgt toegang tot de maatschappelijke opvang: een veilige plek en een traject naar wonen, met één plan en één contactpersoon.'
      : d.outcome === 'doorverwijzing'
        ? 'U krijgt geen maatschappelijke opvang; wij verwijzen u door naar een passende voorziening.'
        : 'U krijgt geen maatschappelijke opvang.',
    overwegingen,
    ingangsdatum: toegang ? d.decided_on : null,
    einddatum: einde,
    duur: toegang
      ? `${ACCESS_MONTHS} maanden. Het doel is dat u binnen die tijd een eigen woonplek heeft; daarna kijken wij samen met u of verlenging nodig is.`
      : null,
    bezwaar: {
      termijnTot: d.objection_deadline,
      termijnWeken: OBJECTION_DAYS / 7,
      adres,
      tekst: `Bent u het niet eens met dit besluit? Dan kunt u binnen ${OBJECTION_DAYS / 7} weken na de datum van dit besluit bezwaar maken, dus uiterlijk op ${d.objection_deadline}. Stuur een brief (bezwaarschrift) naar: ${adres}. Zet in uw brief uw naam en adres, de datum, het kenmerk van dit besluit, waarom u het er niet mee eens bent, en uw handtekening. U kunt ook de rechter vragen om een voorlopige voorziening als u niet kunt wachten.`,
    },
    ondertekening: d.decider,
  };
}
