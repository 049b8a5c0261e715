// Issue 17 — the code lists and state machines of locaties en buurt (domain.md §1 "Buurt", seeds/004 §4.5).
import { stateMachine } from '../../platform/transitions.js';

export const FACILITY_KINDS = {
  opvang: 'Opvang (nacht-, dag- of 24-uursopvang)',
  beschermd_wonen: 'Beschermd wonen',
  tussenvoorziening: 'Tussenvoorziening',
  housing_first: 'Housing First-woningen',
  skaeve_huse: 'Skaeve Huse / Merwedehuusjes',
} as const;
export type FacilityKind = keyof typeof FACILITY_KINDS;
export const FACILITY_KIND_CODES = Object.keys(FACILITY_KINDS) as [FacilityKind, ...FacilityKind[]];

export const REPORT_KINDS = {
  geluid: 'Geluidsoverlast',
  vervuiling: 'Afval of vervuiling',
  intimidatie: 'Agressie of intimidatie',
  middelen: 'Alcohol- of drugsgebruik op straat',
  rondhangen: 'Rondhangen of samenscholen',
  overig: 'Iets anders',
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;
export const REPORT_KIND_CODES = Object.keys(REPORT_KINDS) as [ReportKind, ...ReportKind[]];

export const REPORT_STATUSES = ['ontvangen', 'in_behandeling', 'afgehandeld'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  ontvangen: 'Ontvangen',
  in_behandeling: 'In behandeling',
  afgehandeld: 'Afgehandeld',
};
/** ontvangen → in behandeling → afgehandeld; a handled melding can be reopened when the reply was not enough. */
export const REPORT_FLOW = stateMachine<ReportStatus>(
  'Een melding',
  { ontvangen: ['in_behandeling', 'afgehandeld'], in_behandeling: ['afgehandeld'], afgehandeld: ['in_behandeling'] },
  (s) => REPORT_STATUS_LABELS[s],
);

export const OWNER_KINDS = {
  gemeente: 'Gemeente',
  rijk_rvb: 'Rijksvastgoedbedrijf (leegstaand rijksvastgoed)',
  corporatie: 'Woningcorporatie',
  particulier: 'Particuliere eigenaar',
  zorgaanbieder: 'Zorgaanbieder',
} as const;
export type OwnerKind = keyof typeof OWNER_KINDS;
export const OWNER_KIND_CODES = Object.keys(OWNER_KINDS) as [OwnerKind, ...OwnerKind[]];

export const SITE_FORMS = {
  housing_first: 'Housing First',
  skaeve_huse: 'Skaeve Huse',
  tussenvoorziening: 'Tussenvoorziening',
  beschermd_wonen: 'Beschermd wonen',
  opvang: 'Kleinschalige opvang',
} as const;
export type SiteForm = keyof typeof SITE_FORMS;
export const SITE_FORM_CODES = Object.keys(SITE_FORMS) as [SiteForm, ...SiteForm[]];

export const SITE_STATUSES = [
  'verkenning',
  'haalbaarheid',
  'besluit',
  'procedure',
  'in_gebruik',
  'afgevallen',
] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];
export const SITE_STATUS_LABELS: Record<SiteStatus, string> = {
  verkenning: 'Verkenning',
  haalbaarheid: 'Haalbaarheid en business case',
  besluit: 'Besluitvorming',
  procedure: 'Procedure met de buurt',
  in_gebruik: 'In gebruik',
  afgevallen: 'Afgevallen',
};
export const SITE_FLOW = stateMachine<SiteStatus>(
  'Een kandidaat-locatie',
  {
    verkenning: ['haalbaarheid', 'afgevallen'],
    haalbaarheid: ['besluit', 'afgevallen'],
    besluit: ['procedure', 'afgevallen'],
    procedure: ['in_gebruik', 'afgevallen'],
    in_gebruik: [],
    afgevallen: ['verkenning'],
  },
  (s) => SITE_STATUS_LABELS[s],
);

/** The new-location procedure (seeds/004 §4.5), in order; created when a site enters 'procedure'. */
export const PROCEDURE_STEPS = [
  { kind: 'buren_geinformeerd', label: 'Omwonenden persoonlijk geïnformeerd (vóór de publicatie)', offsetDays: 0 },
  { kind: 'publicatie', label: 'Besluit openbaar gemaakt', offsetDays: 7 },
  {
    kind: 'informatiebijeenkomst',
    label: 'Informatiebijeenkomst met gemeente, zorgorganisatie, wijkmanager, politie en handhaving',
    offsetDays: 21,
  },
  { kind: 'afspraken', label: 'Afspraken met de buurt vastgelegd (wie doet wat, wanneer)', offsetDays: 35 },
  { kind: 'contactpersoon', label: 'Contactpersoon van de zorgorganisatie bekend bij de buurt', offsetDays: 35 },
  { kind: 'kennismaking', label: 'Kennismaking met de nieuwe bewoners', offsetDays: 90 },
  { kind: 'evaluatie_eerste', label: 'Eerste evaluatie met de buurt (na drie maanden)', offsetDays: 180 },
  { kind: 'evaluatie_jaar', label: 'Jaarlijkse evaluatie leefbaarheid en veiligheid', offsetDays: 455 },
] as const;
export type StepKind = (typeof PROCEDURE_STEPS)[number]['kind'];
export const stepLabel = (kind: string) => PROCEDURE_STEPS.find((s) => s.kind === kind)?.label ?? kind;
