// Preventive cases (Vroeg Eropaf): one per arrears signal. Steps: contact attempts, home visits, and one outcome.
// The status follows an explicit transition table; a step the table does not allow is refused with 409.
import { sql } from 'kysely';
import type { Ctx } from '../../rights/context.js';
import { audit } from '../../rights/audit.js';
import { requireRole } from '../../rights/visibility.js';
import { ConflictError, ForbiddenError, NotFoundError, Problems } from '../../platform/errors.js';
import { daysBetween, isIsoDate, todayInNl } from '../../platform/validation.js';
import { SIGNAL_SOURCES, matchClient } from './signals.service.js';
import { SUPPRESS_BELOW } from '../reporting/reports.service.js';

export type CaseStatus = 'nieuw' | 'benaderd' | 'in-contact' | 'afgesloten';
export const CASE_STATUSES: { code: CaseStatus; label: string }[] = [
  { code: 'nieuw', label: 'Nieuw — nog geen actie' },
  { code: 'benaderd', label: 'Benaderd — nog geen contact' },
  { code: 'in-contact', label: 'In contact' },
  { code: 'afgesloten', label: 'Afgesloten' },
];

export const CASE_OUTCOMES = [
  { code: 'opgelost', label: 'Opgelost (betalingsregeling of achterstand betaald)', needsContact: true },
  { code: 'doorverwezen-schuldhulp', label: 'Doorverwezen naar schuldhulpverlening', needsContact: true },
  { code: 'huisuitzetting-voorkomen', label: 'Huisuitzetting voorkomen', needsContact: true },
  { code: 'huisuitzetting', label: 'Huisuitzetting', needsContact: false },
  { code: 'geen-contact', label: 'Geen contact gekregen', needsContact: false },
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number]['code'];

export const STEP_KINDS = [
  { code: 'contactpoging', label: 'Contactpoging (telefoon, brief, mail)' },
  { code: 'huisbezoek', label: 'Huisbezoek' },
  { code: 'uitkomst', label: 'Uitkomst (afsluiten)' },
] as const;
export type StepKind = (typeof STEP_KINDS)[number]['code'];

/** What a step means for the status machine. */
export type CaseEvent = 'niet-bereikt' | 'bereikt' | 'afsluiten-na-contact' | 'huisuitzetting' | 'geen-contact';

/** The state transition table: status → event → new status. Anything missing is refused (409). */
export const CASE_TRANSITIONS: Record<CaseStatus, Partial<Record<CaseEvent, CaseStatus>>> = {
  nieuw: { 'niet-bereikt': 'benaderd', bereikt: 'in-contact' },
  benaderd: { 'niet-bereikt': 'benaderd', bereikt: 'in-contact', 'geen-contact': 'afgesloten', huisuitzetting: 'afgesloten' },
  'in-contact': { 'niet-bereikt': 'in-contact', bereikt: 'in-contact', 'afsluiten-na-contact': 'afgesloten', huisuitzetting: 'afgesloten' },
  afgesloten: {},
};

const REFUSALS: Record<CaseStatus, Partial<Record<CaseEvent, string>>> = {
  nieuw: { 'afsluiten-na-contact': 'Leg eerst een contactpoging of huisbezoek vast waarin de bewoner is bereikt.', huisuitzetting: 'Leg eerst vast welke pogingen tot contact zijn gedaan.', 'geen-contact': 'Er is nog geen contactpoging gedaan: "geen contact" kan pas na minstens één poging.' },
  benaderd: { 'afsluiten-na-contact': 'Deze uitkomst kan pas als er contact is geweest. Leg eerst het gesprek of huisbezoek vast.' },
  'in-contact': { 'geen-contact': 'Er is wel contact geweest met de bewoner: kies een andere uitkomst.' },
  afgesloten: {},
};

export function eventOf(step: { soort: StepKind; bereikt?: boolean | null; uitkomst?: string | null }): CaseEvent {
  if (step.soort !== 'uitkomst') return step.bereikt ? 'bereikt' : 'niet-bereikt';
  if (step.uitkomst === 'geen-contact') return 'geen-contact';
  if (step.uitkomst === 'huisuitzetting') return 'huisuitzetting';
  return 'afsluiten-na-contact';
}

/** Next status, or a ConflictError with a Dutch reason. */
export function nextStatus(status: CaseStatus, event: CaseEvent): CaseStatus {
  const next = CASE_TRANSITIONS[status]?.[event];
  if (!next) throw new ConflictError(status === 'afgesloten' ? 'Deze zaak is afgesloten; er kunnen geen stappen meer bij.' : REFUSALS[status]?.[event] ?? 'Deze stap is in de huidige fase van de zaak niet mogelijk.');
  return next;
}

export const HANDLE_WITHIN_DAYS = 14;

function label<T extends { code: string; label: string }>(list: readonly T[], code: string | null) { return code ? list.find((x) => x.code === code)?.label ?? code : null; }

function allowedSteps(status: CaseStatus) {
  const t = CASE_TRANSITIONS[status];
  return {
    contactpoging: !!t['niet-bereikt'] || !!t.bereikt,
    huisbezoek: !!t['niet-bereikt'] || !!t.bereikt,
    uitkomsten: CASE_OUTCOMES.filter((o) => !!t[eventOf({ soort: 'uitkomst', uitkomst: o.code })]).map((o) => o.code),
  };
}

/** First action that counts as "handled": a contact in which the person was reached, or any home visit. */
const FIRST_ACTION = sql<string | null>`(select min(ps.step_on) from prevention_steps ps where ps.case_id = pc.id and ((ps.kind = 'contactpoging' and ps.reached) or ps.kind = 'huisbezoek'))`;

export async function listCases(ctx: Ctx, q: { status?: 'open' | 'afgesloten' | 'alle'; sorteer?: 'leeftijd' | 'bedrag'; zoek?: string; pagina?: number; paginaGrootte?: number }) {
  requireRole(ctx, 'toegang');
  const size = Math.min(Math.max(q.paginaGrootte ?? 50, 1), 200);
  const page = Math.max(q.pagina ?? 1, 1);
  const today = todayInNl(ctx.now);
  let query = ctx.db.selectFrom('prevention_cases as pc').innerJoin('early_signals as s', 's.id', 'pc.signal_id')
    .select(['pc.id', 'pc.status', 'pc.outcome', 'pc.outcome_on', 's.id as signal_id', 's.source_type', 's.source_name', 's.reference', 's.signal_date', 's.first_name', 's.last_name',
      's.postcode', 's.house_number', 's.amount_arrears', 's.months_arrears', FIRST_ACTION.as('first_action'),
      sql<number>`(select count(*)::int from prevention_steps ps where ps.case_id = pc.id and ps.kind <> 'uitkomst')`.as('steps')])
    .where('pc.tenant_id', '=', ctx.actor.tenantId);
  const status = q.status ?? 'open';
  if (status === 'open') query = query.where('pc.status', '!=', 'afgesloten');
  if (status === 'afgesloten') query = query.where('pc.status', '=', 'afgesloten');
  for (const word of (q.zoek ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const like = `%${word.replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(s.first_name)`, 'like', like), eb(sql`lower(s.last_name)`, 'like', like), eb(sql`lower(s.postcode)`, 'like', like), eb(sql`lower(s.source_name)`, 'like', like)]));
  }
  // Worklist: oldest signals first (age), then the biggest arrears; or by amount first.
  query = q.sorteer === 'bedrag'
    ? query.orderBy('s.amount_arrears', 'desc').orderBy('s.signal_date', 'asc')
    : query.orderBy('s.signal_date', 'asc').orderBy('s.amount_arrears', 'desc');
  const rows = await query.orderBy('pc.id').limit(size + 1).offset((page - 1) * size).execute();
  await audit(ctx, { clientId: null, action: 'zoeken', resource: 'preventiezaken', detail: `status ${status}, ${Math.min(rows.length, size)} zaken` });
  return {
    resultaten: rows.slice(0, size).map((r) => {
      const age = daysBetween(r.signal_date, today);
      return {
        id: r.id, status: r.status, statusLabel: label(CASE_STATUSES, r.status), uitkomst: r.outcome, uitkomstLabel: label(CASE_OUTCOMES, r.outcome), uitkomstDatum: r.outcome_on,
        signaal: { id: r.signal_id, bron: r.source_type, bronLabel: label(SIGNAL_SOURCES, r.source_type), bronNaam: r.source_name, referentie: r.reference, datum: r.signal_date, bedragAchterstand: Number(r.amount_arrears), maandenAchterstand: r.months_arrears },
        naam: `${r.first_name} ${r.last_name}`, adres: `${r.postcode} ${r.house_number}`,
        dagenOud: age, eersteActie: r.first_action, aantalStappen: r.steps,
        termijnVerlopen: !r.first_action && r.status !== 'afgesloten' && age > HANDLE_WITHIN_DAYS,
      };
    }),
    pagina: page, paginaGrootte: size, heeftVolgende: rows.length > size,
  };
}

export async function getCase(ctx: Ctx, id: string, opts: { skipAudit?: boolean } = {}) {
  requireRole(ctx, 'toegang');
  const c = await ctx.db.selectFrom('prevention_cases as pc').innerJoin('early_signals as s', 's.id', 'pc.signal_id')
    .select(['pc.id', 'pc.status', 'pc.outcome', 'pc.outcome_on', 's.id as signal_id', 's.source_type', 's.source_name', 's.reference', 's.signal_date', 's.first_name', 's.last_name',
      's.birth_date', 's.bsn', 's.postcode', 's.house_number', 's.amount_arrears', 's.months_arrears', 's.upload_id', 's.upload_row'])
    .where('pc.id', '=', id).where('pc.tenant_id', '=', ctx.actor.tenantId).executeTakeFirst();
  if (!c) throw new NotFoundError('Preventiezaak niet gevonden.');
  const steps = await ctx.db.selectFrom('prevention_steps').leftJoin('users', 'users.id', 'prevention_steps.created_by')
    .select(['prevention_steps.id', 'kind', 'step_on', 'reached', 'outcome', 'notes', 'users.display_name'])
    .where('case_id', '=', id).orderBy('step_on').orderBy('prevention_steps.created_at').execute();
  const clientId = await matchClient(ctx, c);
  if (!opts.skipAudit) await audit(ctx, { clientId, action: 'lezen', resource: 'preventiezaak', detail: id });
  const status = c.status as CaseStatus;
  const firstAction = steps.find((s) => (s.kind === 'contactpoging' && s.reached) || s.kind === 'huisbezoek')?.step_on ?? null;
  const allowed = allowedSteps(status);
  return {
    id: c.id, status, statusLabel: label(CASE_STATUSES, status), uitkomst: c.outcome, uitkomstLabel: label(CASE_OUTCOMES, c.outcome), uitkomstDatum: c.outcome_on,
    signaal: {
      id: c.signal_id, bron: c.source_type, bronLabel: label(SIGNAL_SOURCES, c.source_type), bronNaam: c.source_name, referentie: c.reference, datum: c.signal_date,
      voornaam: c.first_name, achternaam: c.last_name, geboortedatum: c.birth_date, bsn: c.bsn, postcode: c.postcode, huisnummer: c.house_number,
      bedragAchterstand: Number(c.amount_arrears), maandenAchterstand: c.months_arrears, bestandId: c.upload_id, bestandsregel: c.upload_row,
    },
    bekendeClientId: clientId,
    dagenOud: daysBetween(c.signal_date, todayInNl(ctx.now)),
    eersteActie: firstAction,
    binnenTermijn: firstAction ? daysBetween(c.signal_date, firstAction) <= HANDLE_WITHIN_DAYS : null,
    stappen: steps.map((s) => ({ id: s.id, soort: s.kind, soortLabel: label(STEP_KINDS, s.kind), datum: s.step_on, bereikt: s.reached, uitkomst: s.outcome, uitkomstLabel: label(CASE_OUTCOMES, s.outcome), toelichting: s.notes, door: s.display_name })),
    mogelijkheden: { contactpoging: allowed.contactpoging, huisbezoek: allowed.huisbezoek, afsluiten: allowed.uitkomsten.length > 0, uitkomsten: allowed.uitkomsten },
  };
}

export interface StepInput { soort: string; datum: string; bereikt?: boolean | null; uitkomst?: string | null; toelichting?: string | null }

export async function addStep(ctx: Ctx, id: string, input: StepInput) {
  requireRole(ctx, 'toegang');
  const c = await ctx.db.selectFrom('prevention_cases as pc').innerJoin('early_signals as s', 's.id', 'pc.signal_id')
    .select(['pc.id', 'pc.status', 's.signal_date', 's.bsn', 's.first_name', 's.last_name', 's.birth_date'])
    .where('pc.id', '=', id).where('pc.tenant_id', '=', ctx.actor.tenantId).forUpdate('pc').executeTakeFirst();
  if (!c) throw new NotFoundError('Preventiezaak niet gevonden.');
  const p = new Problems();
  if (!STEP_KINDS.some((k) => k.code === input.soort)) p.add('soort', 'enum', 'Kies contactpoging, huisbezoek of uitkomst.');
  if (!input.datum || !isIsoDate(input.datum)) p.add('datum', 'date', 'Vul een geldige datum in (JJJJ-MM-DD).');
  else if (input.datum > todayInNl(ctx.now)) p.add('datum', 'future', 'De datum mag niet in de toekomst liggen.');
  else if (input.datum < c.signal_date) p.add('datum', 'range', `De datum ligt vóór de signaaldatum (${c.signal_date}).`);
  if ((input.soort === 'contactpoging' || input.soort === 'huisbezoek') && typeof input.bereikt !== 'boolean') p.add('bereikt', 'required', 'Geef aan of de bewoner is bereikt.');
  if (input.soort === 'uitkomst' && !CASE_OUTCOMES.some((o) => o.code === input.uitkomst)) p.add('uitkomst', 'enum', `Kies een uitkomst: ${CASE_OUTCOMES.map((o) => o.label.toLowerCase()).join(', ')}.`);
  if (input.toelichting && input.toelichting.length > 2000) p.add('toelichting', 'length', 'De toelichting is te lang (max. 2000 tekens).');
  p.throwIfAny();
  const soort = input.soort as StepKind;
  const next = nextStatus(c.status as CaseStatus, eventOf({ soort, bereikt: input.bereikt, uitkomst: input.uitkomst }));
  await ctx.db.insertInto('prevention_steps').values({
    case_id: id, kind: soort, step_on: input.datum, reached: soort === 'uitkomst' ? null : !!input.bereikt, outcome: soort === 'uitkomst' ? input.uitkomst! : null,
    notes: input.toelichting?.trim() || null, created_by: ctx.actor.userId,
  }).execute();
  await ctx.db.updateTable('prevention_cases').set({ status: next, ...(soort === 'uitkomst' ? { outcome: input.uitkomst!, outcome_on: input.datum } : {}) }).where('id', '=', id).execute();
  await audit(ctx, { clientId: await matchClient(ctx, c), action: 'wijzigen', resource: 'preventiezaak', detail: `${id}: ${soort}${soort === 'uitkomst' ? ` ${input.uitkomst}` : ''}` });
  return getCase(ctx, id, { skipAudit: true });
}

// ------------------------------------------------------------------------------------------------ figures

/**
 * Prevention figures for a calendar year. Definitions:
 * - signalen: signals with signal date in the year, by source type;
 * - huisuitzettingen: cases closed with outcome huisuitzetting, outcome date in the year (goal: zero);
 * - binnen2Weken: of the signals of the year whose 14 days have passed (or that were handled earlier), the share
 *   with a first contact in which the person was reached, or a home visit, within 14 days of the signal date;
 * - uitkomsten: closed cases by outcome (outcome date in the year).
 * Roles other than toegang get cells of 1–4 suppressed (null, onderdrukt).
 */
export async function preventionFigures(ctx: Ctx, q: { jaar: number }) {
  if (!['beleid', 'toegang', 'beheerder'].includes(ctx.actor.role)) throw new ForbiddenError('Uw rol heeft geen toegang tot rapportages.');
  if (!Number.isInteger(q.jaar) || q.jaar < 2000 || q.jaar > 2100) new Problems().add('jaar', 'range', 'Kies een jaar tussen 2000 en 2100.').throwIfAny();
  const from = `${q.jaar}-01-01`, to = `${q.jaar + 1}-01-01`;
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
    where tenant_id = ${t} and status = 'afgesloten' and outcome_on >= ${from}::date and outcome_on < ${to}::date group by outcome`.execute(ctx.db);
  const open = await sql<{ n: number; late: number }>`
    select count(*)::int as n, (count(*) filter (where s.signal_date + ${HANDLE_WITHIN_DAYS}::int < ${today}::date and not exists (
      select 1 from prevention_steps ps where ps.case_id = pc.id and ((ps.kind = 'contactpoging' and ps.reached) or ps.kind = 'huisbezoek'))))::int as late
    from prevention_cases pc join early_signals s on s.id = pc.signal_id where pc.tenant_id = ${t} and pc.status <> 'afgesloten'`.execute(ctx.db);
  await audit(ctx, { clientId: null, action: 'lezen', resource: 'preventiecijfers', detail: String(q.jaar) });
  const suppress = ctx.actor.role !== 'toegang';
  const cell = (n: number) => (suppress && n > 0 && n < SUPPRESS_BELOW ? { aantal: null, onderdrukt: true } : { aantal: n });
  const total = signals.rows.reduce((a, r) => a + r.n, 0);
  const due = signals.rows.reduce((a, r) => a + r.due, 0);
  const handled = signals.rows.reduce((a, r) => a + r.handled, 0);
  const evictions = outcomes.rows.find((r) => r.outcome === 'huisuitzetting')?.n ?? 0;
  return {
    jaar: q.jaar, peildatum: today,
    signalen: cell(total),
    signalenPerBron: SIGNAL_SOURCES.map((s) => ({ bron: s.code, label: s.label, ...cell(signals.rows.find((r) => r.source_type === s.code)?.n ?? 0) })),
    huisuitzettingen: { ...cell(evictions), doel: 0 },
    binnen2Weken: { noemer: cell(due).aantal, teller: cell(handled).aantal, aandeel: due > 0 && (!suppress || due >= SUPPRESS_BELOW) ? handled / due : null, termijnDagen: HANDLE_WITHIN_DAYS },
    uitkomsten: CASE_OUTCOMES.map((o) => ({ uitkomst: o.code, label: o.label, ...cell(outcomes.rows.find((r) => r.outcome === o.code)?.n ?? 0) })),
    openZaken: { ...cell(open.rows[0]?.n ?? 0), waarvanTermijnVerlopen: cell(open.rows[0]?.late ?? 0).aantal },
    onderdrukkingsgrens: suppress ? SUPPRESS_BELOW : null,
  };
}
