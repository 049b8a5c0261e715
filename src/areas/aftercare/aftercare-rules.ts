// Rules of an aftercare plan (nazorg / waakvlam) that need no database: the contact schedule, the responsible
// party, the new address, and the status table.
import { ConflictError, type Problems } from '../../platform/errors.js';
import { stateMachine } from '../../platform/transitions.js';
import { normalizePostcode } from '../../platform/validation.js';
import { EXIT_DESTINATIONS } from '../../reference/reference.js';

export const DEFAULT_CONTACT_MONTHS = [1, 3, 6, 12];
export const RESPONSIBLE_KINDS = [
  { code: 'wijkteam', label: 'Sociaal wijkteam' },
  { code: 'fact', label: 'FACT-team' },
  { code: 'ambulant-begeleider', label: 'Ambulant begeleider' },
] as const;
export type ResponsibleKind = (typeof RESPONSIBLE_KINDS)[number]['code'];
/** Label of a plan without a responsible party (made automatically at the exit). */
export const UNASSIGNED_LABEL = 'Nog toe te wijzen';

export const PLAN_STATUSES = [
  { code: 'actief', label: 'Actief' },
  { code: 'afgesloten', label: 'Afgesloten' },
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number]['code'];

/** Plan statuses: contacts and changes (schedule, responsible party, address) keep an active plan active; closing once. */
export const PLAN_TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  actief: ['actief', 'afgesloten'],
  afgesloten: [],
};
export const PLAN_STATES = stateMachine('Nazorgplan', PLAN_TRANSITIONS);

type PlanEvent = 'contact' | 'wijzigen' | 'afsluiten';
/** What a handling does to the status, and the Dutch reason when the plan's status does not allow it (409). */
const PLAN_EVENTS: Record<PlanEvent, { to: PlanStatus; refused: string }> = {
  contact: { to: 'actief', refused: 'Dit nazorgplan is afgesloten; er kunnen geen contacten meer bij.' },
  wijzigen: {
    to: 'actief',
    refused: 'Dit nazorgplan is afgesloten; de planning en de verantwoordelijke kunnen niet meer worden gewijzigd.',
  },
  afsluiten: { to: 'afgesloten', refused: 'Dit nazorgplan is al afgesloten.' },
};

/** The status after this handling, or a ConflictError with the Dutch reason. */
export function planTransition(from: PlanStatus, event: PlanEvent): PlanStatus {
  const { to, refused } = PLAN_EVENTS[event];
  if (!PLAN_STATES.allows(from, to)) throw new ConflictError(refused);
  return to;
}

/** Same day-of-month `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12),
    nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The Dutch label of an exit destination (the code itself when unknown). */
export function destLabel(code: string): string;
export function destLabel(code: string | null): string | null;
export function destLabel(code: string | null): string | null {
  return code ? (EXIT_DESTINATIONS.find((d) => d.code === code)?.label ?? code) : null;
}

/** Collects the problems of a responsible party (both fields required together). */
export function checkResponsible(p: Problems, kind: string | null | undefined, name: string | null | undefined) {
  if (!RESPONSIBLE_KINDS.some((r) => r.code === kind))
    p.add('verantwoordelijkeSoort', 'enum', 'Kies wijkteam, FACT-team of ambulant begeleider.');
  if (!name?.trim()) p.add('verantwoordelijkeNaam', 'required', 'Vul in wie de nazorg doet (team of naam).');
}

/** Collects the problems of the new address (postcode and house number together or neither). */
export function checkAddress(p: Problems, postcodeIn: string | null | undefined, houseIn: string | null | undefined) {
  let postcode: string | null = null;
  if (postcodeIn?.trim()) {
    postcode = normalizePostcode(postcodeIn);
    if (!postcode) p.add('postcode', 'format', 'Vul een geldige postcode in (bijvoorbeeld 3311AB).');
  }
  const houseNumber = houseIn?.trim().toUpperCase().replace(/\s+/g, '') || null;
  if (houseNumber && !/^[1-9][0-9]{0,4}[-A-Z0-9]{0,6}$/.test(houseNumber))
    p.add('huisnummer', 'format', 'Vul een geldig huisnummer in.');
  if (!!postcode !== !!houseNumber && !p.list.some((x) => x.name === 'postcode' || x.name === 'huisnummer'))
    p.add(
      postcode ? 'huisnummer' : 'postcode',
      'required',
      'Vul postcode én huisnummer van het nieuwe adres in (of geen van beide).',
    );
  return { postcode, houseNumber };
}

export const BUDGET_PHASES = ['gepland', 'opbouw', 'afbouw', 'afgerond', 'geannuleerd'] as const;
export type BudgetPhase = (typeof BUDGET_PHASES)[number];

/** The phase of preventief budgetbeheer on `today`: planned, opbouw, afbouw, done; cancelled when it stopped before it began. */
export function budgetPhase(
  b: { started_on: string; phase_out_from: string; ends_on: string; ended_early_on?: string | null },
  today: string,
): BudgetPhase {
  const end = b.ended_early_on ?? b.ends_on;
  if (b.ended_early_on && b.ended_early_on <= b.started_on) return 'geannuleerd'; // stopped before it began
  if (today < b.started_on) return 'gepland';
  if (today >= end) return 'afgerond';
  return today < b.phase_out_from ? 'opbouw' : 'afbouw';
}
