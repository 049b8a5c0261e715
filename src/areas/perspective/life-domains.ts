// Reference lists for actielijn 2 "Werken aan perspectief" (domain.md §3, reference/seed-figures.json), and the
// status workflows of goals, actions and practical steps (stateMachine: one table each, 409 outside it).
import { stateMachine } from '../../platform/transitions.js';
import type { Option } from '../../reference/reference.js';

/** ZRM (Zelfredzaamheid-Matrix) 2017: 13 domains. Only names and scores are stored, never the criteria texts. */
export const ZRM_VERSION = '2017';
export const ZRM_DOMAINS = [
  { code: 'financien', label: 'Financiën' },
  { code: 'werk-opleiding', label: 'Werk & opleiding' },
  { code: 'tijdsbesteding', label: 'Tijdsbesteding' },
  { code: 'huisvesting', label: 'Huisvesting' },
  { code: 'huiselijke-relaties', label: 'Huiselijke relaties' },
  { code: 'geestelijke-gezondheid', label: 'Geestelijke gezondheid' },
  { code: 'lichamelijke-gezondheid', label: 'Lichamelijke gezondheid' },
  { code: 'middelengebruik', label: 'Middelengebruik' },
  { code: 'basale-adl', label: 'Basale ADL' },
  { code: 'instrumentele-adl', label: 'Instrumentele ADL' },
  { code: 'sociaal-netwerk', label: 'Sociaal netwerk' },
  { code: 'maatschappelijke-participatie', label: 'Maatschappelijke participatie' },
  { code: 'justitie', label: 'Justitie' },
] as const satisfies readonly Option[];
export const ZRM_DOMAIN_CODES: readonly string[] = ZRM_DOMAINS.map((d) => d.code);
/** Versions we accept for new measurements, with their domains (older stored versions keep their own domain names). */
export const ZRM_VERSIONS: Record<string, readonly string[]> = { [ZRM_VERSION]: ZRM_DOMAIN_CODES };
export const ZRM_SCALE = [
  { score: 1, label: 'Acute problematiek' },
  { score: 2, label: 'Niet zelfredzaam' },
  { score: 3, label: 'Beperkt zelfredzaam' },
  { score: 4, label: 'Voldoende zelfredzaam' },
  { score: 5, label: 'Volledig zelfredzaam' },
] as const;
export const ZRM_KINDS = [
  { code: 'intake', label: 'Intake' },
  { code: 'tussentijds', label: 'Tussentijds' },
  { code: 'uitstroom', label: 'Bij uitstroom' },
] as const satisfies readonly Option[];

/** Who carries out an action or acts next on a blockade. */
export const OWNER_ORGS = [
  { code: 'trajecthouder', label: 'Trajecthouder' },
  { code: 'wijkteam', label: 'Sociaal wijkteam' },
  { code: 'schuldhulp', label: 'Schuldhulpverlening' },
  { code: 'ggz', label: 'GGZ' },
  { code: 'verslavingszorg', label: 'Verslavingszorg' },
  { code: 'werk-inkomen', label: 'Werk & inkomen' },
  { code: 'corporatie', label: 'Woningcorporatie' },
  { code: 'ervaringsdeskundige', label: 'Ervaringsdeskundige' },
  { code: 'client', label: 'Cliënt zelf' },
] as const satisfies readonly Option[];

export const GOAL_STATUSES = [
  { code: 'actief', label: 'Actief' },
  { code: 'bereikt', label: 'Bereikt' },
  { code: 'gestopt', label: 'Gestopt' },
] as const satisfies readonly Option[];
type GoalStatus = (typeof GOAL_STATUSES)[number]['code'];
/** Goal status transitions, as a table ("Een doel met status 'Bereikt' kan niet naar 'Gestopt'."). */
export const GOAL_FLOW = stateMachine<GoalStatus>(
  'Een doel',
  { actief: ['bereikt', 'gestopt'], bereikt: ['actief'], gestopt: ['actief'] },
  (s) => labelOf(GOAL_STATUSES, s),
);

export const ACTION_STATUSES = [
  { code: 'gepland', label: 'Gepland' },
  { code: 'in-uitvoering', label: 'In uitvoering' },
  { code: 'geblokkeerd', label: 'Loopt vast' },
  { code: 'afgerond', label: 'Afgerond' },
  { code: 'vervallen', label: 'Vervallen' },
] as const satisfies readonly Option[];
type ActionStatus = (typeof ACTION_STATUSES)[number]['code'];
/** Action status transitions, as a table: what may follow what. Afgerond and vervallen are final. */
export const ACTION_FLOW = stateMachine<ActionStatus>(
  'Een actie',
  {
    gepland: ['in-uitvoering', 'afgerond', 'vervallen'],
    'in-uitvoering': ['afgerond', 'geblokkeerd', 'vervallen'],
    geblokkeerd: ['in-uitvoering', 'vervallen'],
    afgerond: [],
    vervallen: [],
  },
  (s) => labelOf(ACTION_STATUSES, s),
);
/** Actions still to be done (not finished or dropped). */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['gepland', 'in-uitvoering', 'geblokkeerd'];

/** Practical steps that block outflow when not arranged. */
export const STEP_KINDS = [
  { code: 'briefadres', label: 'Briefadres' },
  { code: 'id', label: 'Identiteitsbewijs' },
  { code: 'uitkering', label: 'Uitkering' },
  { code: 'schuldhulpverlening', label: 'Schuldhulpverlening' },
  { code: 'zorgverzekering', label: 'Zorgverzekering' },
  { code: 'inschrijving-woningzoekende', label: 'Inschrijving woningzoekende' },
  { code: 'urgentie-aanvraag', label: 'Urgentie-aanvraag' },
] as const satisfies readonly Option[];
type StepKind = (typeof STEP_KINDS)[number]['code'];
export const STEP_STATUSES = [
  { code: 'open', label: 'Nog niet gestart' },
  { code: 'aangevraagd', label: 'Aangevraagd' },
  { code: 'afgewezen', label: 'Afgewezen' },
  { code: 'geregeld', label: 'Geregeld' },
  { code: 'niet-nodig', label: 'Niet nodig' },
] as const satisfies readonly Option[];
type StepStatus = (typeof STEP_STATUSES)[number]['code'];
const STEP_TABLE: Readonly<Record<StepStatus, readonly StepStatus[]>> = {
  open: ['aangevraagd', 'geregeld', 'niet-nodig'],
  aangevraagd: ['geregeld', 'afgewezen'],
  afgewezen: ['aangevraagd', 'niet-nodig'],
  geregeld: [],
  'niet-nodig': ['open'],
};
/** The workflow of one kind of practical step ("Briefadres met status 'Geregeld' kan niet naar 'Nog niet gestart'."). */
export const stepFlow = (kind: StepKind) =>
  stateMachine<StepStatus>(labelOf(STEP_KINDS, kind), STEP_TABLE, (s) => labelOf(STEP_STATUSES, s));
/** A step still blocks outflow until it is arranged or not needed. */
export const stepBlocksOutflow = (s: StepStatus) => s === 'open' || s === 'aangevraagd' || s === 'afgewezen';

/** The four main blockades for outflow (seed-figures.json `blokkades_uitstroom`) plus free text. */
export const BLOCKER_KINDS = [
  {
    code: 'geen-passende-huisvesting',
    label: 'Geen passende zelfstandige huisvesting of plek in beschermd wonen beschikbaar',
  },
  { code: 'schulden', label: 'Blokkade door schuldenproblematiek' },
  { code: 'client-niet-toe', label: 'Cliënt is nog niet toe aan vervolgstap' },
  { code: 'middelengebruik', label: 'Blokkade door middelengebruik' },
  { code: 'overig', label: 'Overig (zie omschrijving)' },
] as const satisfies readonly Option[];

export const WAITING_LISTS = [
  { code: 'tussenvoorziening', label: 'Tussenvoorziening' },
  { code: 'beschermd-wonen', label: 'Beschermd wonen' },
  { code: 'housing-first', label: 'Housing First' },
  { code: 'skaeve-huse', label: 'Skaeve Huse (Merwedehuusjes)' },
  { code: 'jongeren-woontraining', label: 'Woontraining jongeren' },
  { code: 'gezinsplekken', label: 'Gezinsplekken' },
] as const satisfies readonly Option[];
export const REMOVAL_REASONS = [
  { code: 'geplaatst', label: 'Geplaatst op deze vervolgplek' },
  { code: 'elders-geplaatst', label: 'Elders geplaatst' },
  { code: 'niet-meer-nodig', label: 'Niet meer nodig' },
  { code: 'vertrokken', label: 'Vertrokken / uit beeld' },
  { code: 'overig', label: 'Overig' },
] as const satisfies readonly Option[];

/** The Dutch label of a code (the code itself when the list does not know it; null for no code). */
export function labelOf(list: readonly Option[], code: string): string;
export function labelOf(list: readonly Option[], code: string | null | undefined): string | null;
export function labelOf(list: readonly Option[], code: string | null | undefined): string | null {
  return code ? (list.find((o) => o.code === code)?.label ?? code) : null;
}

type CodeOf<L extends readonly Option[]> = L[number]['code'];

/** Is this one of the codes of the list? */
export function isCode<L extends readonly Option[]>(list: L, value: string | null | undefined): value is CodeOf<L> {
  return list.some((o) => o.code === value);
}

/**
 * A code read from the database, typed as a code of its list. Every write checks the code against the list first,
 * so an unknown one is a data error: it fails loudly (500) rather than leaving the contract.
 */
export function storedCode<L extends readonly Option[]>(list: L, value: string): CodeOf<L> {
  if (!isCode(list, value))
    throw new Error(`Onbekende code '${value}' in de database (verwacht: ${list.map((o) => o.code).join(', ')}).`);
  return value;
}

/** The codes of a list, for z.enum in the response schemas. */
export const codesOf = <L extends readonly Option[]>(list: L): CodeOf<L>[] => list.map((o) => o.code);
