// The status of a preventive case (Vroeg Eropaf): an explicit table from each status to the statuses it may move
// to (src/platform/transitions.ts), plus what a step asks for. A step the rules do not allow is refused with 409.
import { ConflictError } from '../../platform/errors.js';
import { stateMachine } from '../../platform/transitions.js';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  type CaseOutcome,
  type CaseStatus,
  labelOf,
  type StepKind,
} from './prevention-codes.js';

/** nieuw → benaderd (tried, not reached) / in-contact (reached) → afgesloten (with an outcome). */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  nieuw: ['benaderd', 'in-contact'],
  benaderd: ['benaderd', 'in-contact', 'afgesloten'],
  'in-contact': ['in-contact', 'afgesloten'],
  afgesloten: [],
};
export const CASE_STATES = stateMachine('Preventiezaak', CASE_TRANSITIONS, (s) => labelOf(CASE_STATUSES, s));

/** What a step means for the status. */
export type CaseEvent = 'niet-bereikt' | 'bereikt' | 'afsluiten-na-contact' | 'huisuitzetting' | 'geen-contact';

/** The status a step leads to: reached once means in contact (and stays so); an outcome closes the case. */
const EVENT_TARGET: Record<CaseEvent, (from: CaseStatus) => CaseStatus> = {
  'niet-bereikt': (from) => (from === 'in-contact' ? 'in-contact' : 'benaderd'),
  bereikt: () => 'in-contact',
  'afsluiten-na-contact': () => 'afgesloten',
  huisuitzetting: () => 'afgesloten',
  'geen-contact': () => 'afgesloten',
};

/** Outcomes that depend on whether there was contact, on top of the table: only from these statuses. */
const ONLY_FROM: Partial<Record<CaseEvent, readonly CaseStatus[]>> = {
  'afsluiten-na-contact': ['in-contact'], // opgelost, doorverwezen, huisuitzetting voorkomen: after contact
  'geen-contact': ['benaderd'], // after at least one attempt, and never reached
};

/** The Dutch reason of a refused step, by status and step. */
const REFUSALS: Record<CaseStatus, Partial<Record<CaseEvent, string>>> = {
  nieuw: {
    'afsluiten-na-contact': 'Leg eerst een contactpoging of huisbezoek vast waarin de bewoner is bereikt.',
    huisuitzetting: 'Leg eerst vast welke pogingen tot contact zijn gedaan.',
    'geen-contact': 'Er is nog geen contactpoging gedaan: "geen contact" kan pas na minstens één poging.',
  },
  benaderd: {
    'afsluiten-na-contact':
      'Deze uitkomst kan pas als er contact is geweest. Leg eerst het gesprek of huisbezoek vast.',
  },
  'in-contact': { 'geen-contact': 'Er is wel contact geweest met de bewoner: kies een andere uitkomst.' },
  afgesloten: {},
};

export function eventOf(step: { soort: StepKind; bereikt?: boolean | null; uitkomst?: string | null }): CaseEvent {
  if (step.soort !== 'uitkomst') return step.bereikt ? 'bereikt' : 'niet-bereikt';
  if (step.uitkomst === 'geen-contact') return 'geen-contact';
  if (step.uitkomst === 'huisuitzetting') return 'huisuitzetting';
  return 'afsluiten-na-contact';
}

/** The status after this step, or null when the step is not possible now. */
function stepTarget(status: CaseStatus, event: CaseEvent): CaseStatus | null {
  const to = EVENT_TARGET[event](status);
  const only = ONLY_FROM[event];
  return CASE_STATES.allows(status, to) && (!only || only.includes(status)) ? to : null;
}

/** Next status, or a ConflictError with a Dutch reason. */
export function nextStatus(status: CaseStatus, event: CaseEvent): CaseStatus {
  const next = stepTarget(status, event);
  if (!next)
    throw new ConflictError(
      status === 'afgesloten'
        ? 'Deze zaak is afgesloten; er kunnen geen stappen meer bij.'
        : (REFUSALS[status][event] ?? 'Deze stap is in de huidige fase van de zaak niet mogelijk.'),
    );
  return next;
}

/** The steps the rules allow now (the interface offers only these). */
export function allowedSteps(status: CaseStatus): {
  contactpoging: boolean;
  huisbezoek: boolean;
  uitkomsten: CaseOutcome[];
} {
  const contact = !!stepTarget(status, 'niet-bereikt') || !!stepTarget(status, 'bereikt');
  return {
    contactpoging: contact,
    huisbezoek: contact,
    uitkomsten: CASE_OUTCOMES.filter((o) => !!stepTarget(status, eventOf({ soort: 'uitkomst', uitkomst: o.code }))).map(
      (o) => o.code,
    ),
  };
}

/** A case counts as handled from the first contact in which the person was reached, or any home visit, within this many days. */
export const HANDLE_WITHIN_DAYS = 14;
