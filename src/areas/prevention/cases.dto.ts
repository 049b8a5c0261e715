// Response schemas of preventive cases (Vroeg Eropaf) and the shaping of rows into them.
import { z } from '@hono/zod-openapi';
import { DatumUit, PagingLinks } from '../../platform/http/schemas.js';
import { daysBetween } from '../../platform/validation.js';
import { type allowedSteps, HANDLE_WITHIN_DAYS } from './case-status.js';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  codeOf,
  codes,
  labelOf,
  optCodeOf,
  optLabelOf,
  SIGNAL_SOURCES,
  STEP_KINDS,
} from './prevention-codes.js';

const CaseStatus = z.enum(codes(CASE_STATUSES));
const CaseOutcome = z.enum(codes(CASE_OUTCOMES));
const SignalSource = z.enum(codes(SIGNAL_SOURCES));

const caseHead = {
  id: z.string(),
  status: CaseStatus,
  statusLabel: z.string(),
  uitkomst: CaseOutcome.nullable(),
  uitkomstLabel: z.string().nullable(),
  uitkomstDatum: DatumUit.nullable(),
};
const signalHead = {
  id: z.string(),
  bron: SignalSource,
  bronLabel: z.string(),
  bronNaam: z.string(),
  referentie: z.string(),
  datum: DatumUit,
  bedragAchterstand: z.number().openapi({ description: 'Euro' }),
  maandenAchterstand: z.number().int(),
};

export const CaseListItem = z
  .object({
    ...caseHead,
    signaal: z.object(signalHead).openapi('PreventiezaakSignaalKort'),
    naam: z.string(),
    adres: z.string(),
    dagenOud: z.number().int(),
    eersteActie: DatumUit.nullable(),
    aantalStappen: z.number().int(),
    termijnVerlopen: z
      .boolean()
      .openapi({ description: `Nog niet opgepakt, en het signaal is ouder dan ${HANDLE_WITHIN_DAYS} dagen` }),
  })
  .openapi('PreventiezaakRegel');

export const CaseList = z
  .object({
    resultaten: z.array(CaseListItem),
    pagina: z.number().int(),
    paginaGrootte: z.number().int(),
    _links: PagingLinks,
  })
  .openapi('Preventiezaken');

export const CaseView = z
  .object({
    ...caseHead,
    signaal: z
      .object({
        ...signalHead,
        voornaam: z.string(),
        achternaam: z.string(),
        geboortedatum: DatumUit.nullable(),
        bsn: z.string().nullable(),
        postcode: z.string(),
        huisnummer: z.string(),
        bestandId: z.string().nullable(),
        bestandsregel: z.number().int().nullable(),
      })
      .openapi('PreventiezaakSignaal'),
    bekendeClientId: z
      .string()
      .nullable()
      .openapi({ description: 'De cliënt met hetzelfde BSN, of dezelfde naam en geboortedatum' }),
    dagenOud: z.number().int(),
    eersteActie: DatumUit.nullable(),
    binnenTermijn: z.boolean().nullable(),
    stappen: z.array(
      z
        .object({
          id: z.string(),
          soort: z.enum(codes(STEP_KINDS)),
          soortLabel: z.string(),
          datum: DatumUit,
          bereikt: z.boolean().nullable(),
          uitkomst: CaseOutcome.nullable(),
          uitkomstLabel: z.string().nullable(),
          toelichting: z.string().nullable(),
          door: z.string().nullable(),
        })
        .openapi('PreventiezaakStapVastgelegd'),
    ),
    mogelijkheden: z
      .object({
        contactpoging: z.boolean(),
        huisbezoek: z.boolean(),
        afsluiten: z.boolean(),
        uitkomsten: z.array(CaseOutcome).openapi({ description: 'De uitkomsten die in deze fase kunnen' }),
      })
      .openapi('PreventiezaakMogelijkheden'),
  })
  .openapi('Preventiezaak');
export type CaseView = z.infer<typeof CaseView>;

const caseHeadDto = (r: { id: string; status: string; outcome: string | null; outcome_on: string | null }) => ({
  id: r.id,
  status: codeOf(CASE_STATUSES, r.status),
  statusLabel: labelOf(CASE_STATUSES, r.status),
  uitkomst: optCodeOf(CASE_OUTCOMES, r.outcome),
  uitkomstLabel: optLabelOf(CASE_OUTCOMES, r.outcome),
  uitkomstDatum: r.outcome_on,
});

interface SignalRow {
  signal_id: string;
  source_type: string;
  source_name: string;
  reference: string;
  signal_date: string;
  amount_arrears: number;
  months_arrears: number;
}
const signalHeadDto = (r: SignalRow) => ({
  id: r.signal_id,
  bron: codeOf(SIGNAL_SOURCES, r.source_type),
  bronLabel: labelOf(SIGNAL_SOURCES, r.source_type),
  bronNaam: r.source_name,
  referentie: r.reference,
  datum: r.signal_date,
  bedragAchterstand: Number(r.amount_arrears),
  maandenAchterstand: r.months_arrears,
});

/** One line of the worklist. */
export function caseListItemDto(
  r: SignalRow & {
    id: string;
    status: string;
    outcome: string | null;
    outcome_on: string | null;
    first_name: string;
    last_name: string;
    postcode: string;
    house_number: string;
    first_action: string | null;
    steps: number;
  },
  today: string,
): z.infer<typeof CaseListItem> {
  const age = daysBetween(r.signal_date, today);
  return {
    ...caseHeadDto(r),
    signaal: signalHeadDto(r),
    naam: `${r.first_name} ${r.last_name}`,
    adres: `${r.postcode} ${r.house_number}`,
    dagenOud: age,
    eersteActie: r.first_action,
    aantalStappen: r.steps,
    termijnVerlopen: !r.first_action && r.status !== 'afgesloten' && age > HANDLE_WITHIN_DAYS,
  };
}

/** A case with its signal and steps; `may` says whether this user may record steps on it (rights table). */
export function caseViewDto(
  c: SignalRow & {
    id: string;
    status: string;
    outcome: string | null;
    outcome_on: string | null;
    first_name: string;
    last_name: string;
    birth_date: string | null;
    bsn: string | null;
    postcode: string;
    house_number: string;
    upload_id: string | null;
    upload_row: number | null;
  },
  steps: readonly {
    id: string;
    kind: string;
    step_on: string;
    reached: boolean | null;
    outcome: string | null;
    notes: string | null;
    display_name: string | null;
  }[],
  x: { clientId: string | null; today: string; allowed: ReturnType<typeof allowedSteps>; may: boolean },
): CaseView {
  const firstAction =
    steps.find((s) => (s.kind === 'contactpoging' && s.reached) || s.kind === 'huisbezoek')?.step_on ?? null;
  const uitkomsten = x.may ? x.allowed.uitkomsten : [];
  return {
    ...caseHeadDto(c),
    signaal: {
      ...signalHeadDto(c),
      voornaam: c.first_name,
      achternaam: c.last_name,
      geboortedatum: c.birth_date,
      bsn: c.bsn,
      postcode: c.postcode,
      huisnummer: c.house_number,
      bestandId: c.upload_id,
      bestandsregel: c.upload_row,
    },
    bekendeClientId: x.clientId,
    dagenOud: daysBetween(c.signal_date, x.today),
    eersteActie: firstAction,
    binnenTermijn: firstAction ? daysBetween(c.signal_date, firstAction) <= HANDLE_WITHIN_DAYS : null,
    stappen: steps.map((s) => ({
      id: s.id,
      soort: codeOf(STEP_KINDS, s.kind),
      soortLabel: labelOf(STEP_KINDS, s.kind),
      datum: s.step_on,
      bereikt: s.reached,
      uitkomst: optCodeOf(CASE_OUTCOMES, s.outcome),
      uitkomstLabel: optLabelOf(CASE_OUTCOMES, s.outcome),
      toelichting: s.notes,
      door: s.display_name,
    })),
    mogelijkheden: {
      contactpoging: x.may && x.allowed.contactpoging,
      huisbezoek: x.may && x.allowed.huisbezoek,
      afsluiten: uitkomsten.length > 0,
      uitkomsten,
    },
  };
}
