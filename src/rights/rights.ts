import { ForbiddenError } from '../platform/errors.js';
import type { Role } from '../reference/reference.js';
import type { Actor, Ctx } from './context.js';

// The one rights table (domain.md §5): action → roles, with an optional row condition. Services enforce it with
// authorize(); the web interface gets the same answers as `mogelijkheden` (abilities() for the session user,
// can() per object), so a screen can never offer what the server refuses. Which *persons* a role sees is the
// other half, in visibility.ts (visibleClients: tenant and role inside the query).

/** A row condition sees the object an action is about (already loaded by the service). */
type RowCondition = (actor: Actor, row: Readonly<Record<string, unknown>>) => boolean;

interface Right {
  roles: readonly Role[];
  /** Extra condition on the object, e.g. "only while the registration is not yet decided". */
  when?: RowCondition;
  /** Dutch refusal shown when the role lacks the right. */
  refusal?: string;
}

const ALL_STAFF: readonly Role[] = ['toegang', 'locatie', 'corporatie', 'beleid', 'beheerder'];
const REPORTS = 'Uw rol heeft geen toegang tot rapportages.';

export const RIGHTS = {
  // ----- centrale toegang: cliënten en aanmeldingen -----
  'clienten.zien': { roles: ['toegang', 'locatie'] },
  'clienten.registreren': { roles: ['toegang'] },
  'clienten.dubbelenZoeken': { roles: ['toegang'] },
  'clienten.samenvoegen': { roles: ['toegang'] },
  'clienten.bsnZien': { roles: ['toegang', 'client'] },
  'dossier.eigen': { roles: ['client'] },
  'inzagelog.lezen': {
    roles: ['toegang', 'beheerder', 'client'],
    when: (a, row) => a.role !== 'client' || row.clientId === a.clientId,
    refusal: 'U mag het inzagelog van dit dossier niet bekijken.',
  },
  'aanmeldingen.lezen': { roles: ['toegang'] },
  'aanmeldingen.registreren': { roles: ['toegang'] },
  'aanmeldingen.screenen': { roles: ['toegang'], when: (_a, row) => row.status === 'aangemeld' },
  'aanmeldingen.besluiten': { roles: ['toegang'], when: (_a, row) => row.status !== 'besloten' },

  // ----- opvang: locaties, plaatsingen, uitstroom -----
  'locaties.zien': { roles: ['toegang', 'locatie', 'beleid', 'beheerder'], refusal: 'Uw rol geeft geen toegang tot de bezetting.' },
  'locaties.bewonersZien': { roles: ['toegang', 'locatie'] },
  'locaties.beheren': { roles: ['beheerder'] },
  plaatsen: {
    roles: ['toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === undefined || row.facilityId === a.facilityId,
    refusal: 'U kunt alleen plaatsen op uw eigen locatie.',
  },
  'uitstroom.registreren': { roles: ['toegang'], refusal: 'Alleen de toegang/trajecthouder registreert uitstroom.' },

  // ----- werken aan perspectief -----
  'perspectief.lezen': { roles: ['toegang', 'locatie', 'client'] },
  'perspectief.schrijven': { roles: ['toegang', 'locatie'] },
  'perspectief.reageren': { roles: ['toegang', 'locatie', 'client'] },
  'perspectief.werklijsten': { roles: ['toegang', 'locatie'] },
  'wachtlijsten.lezen': { roles: ['toegang', 'locatie'] },
  'wachtlijsten.beheren': { roles: ['toegang'] },

  // ----- wonen -----
  'wonen.zien': { roles: ['toegang', 'corporatie', 'beleid', 'beheerder'] },
  'wonen.corporatiesBeheren': { roles: ['toegang', 'beheerder'] },
  'wonen.woonplekkenBeheren': { roles: ['toegang', 'corporatie'] },
  'wonen.prestatieafsprakenBeheren': { roles: ['toegang', 'beleid', 'beheerder'] },
  'wonen.kandidatenBeheren': { roles: ['toegang'] },
  'wonen.kandidatenZien': { roles: ['toegang'], when: (_a, row) => row.status === undefined || row.status === 'beschikbaar' || row.status === 'woonklaar' },
  'wonen.aanbieden': { roles: ['toegang'], when: (_a, row) => row.status === undefined || row.status === 'beschikbaar' || row.status === 'woonklaar' },
  'wonen.aanbiedingenZien': { roles: ['toegang', 'corporatie'] },
  'wonen.housingFirstBeheren': { roles: ['toegang'] },
  'wonen.cijfers': { roles: ['toegang', 'beleid', 'beheerder'] },

  // ----- voorkomen en nazorg -----
  'voorkomen.werken': { roles: ['toegang'] },
  'nazorg.werken': { roles: ['toegang'] },

  // ----- sturing -----
  'rapportages.lezen': { roles: ['toegang', 'beleid', 'beheerder'], refusal: REPORTS },
  /** Exact figures and per-person detail; every other reporting role sees protected (suppressed) figures. */
  'rapportages.exact': { roles: ['toegang'] },

  // ----- beheer -----
  'gebruikers.beheren': { roles: ['beheerder'] },
  'referentie.lezen': { roles: [...ALL_STAFF, 'client'] },
} as const satisfies Record<string, Right>;

export type Action = keyof typeof RIGHTS;

const rightOf = (action: Action): Right => RIGHTS[action];

/** May this user do this (to this object)? */
export function can(actor: Actor, action: Action, row?: Readonly<Record<string, unknown>>): boolean {
  const right = rightOf(action);
  if (!right.roles.includes(actor.role)) return false;
  return !right.when || !row || right.when(actor, row);
}

/** Enforces the rights table in a service; throws 403 with the right's Dutch refusal. */
export function authorize(ctx: Ctx, action: Action, row?: Readonly<Record<string, unknown>>): void {
  if (!can(ctx.actor, action, row)) {
    throw new ForbiddenError(rightOf(action).refusal ?? 'Uw rol mag deze handeling niet uitvoeren.');
  }
}

/** Roles that hold an action (for documentation and the role × route test). */
export function rolesFor(action: Action): readonly Role[] {
  return rightOf(action).roles;
}

/**
 * What the session user may do, for the web interface's menu and buttons. Every ability is an action of the table
 * above, so the interface and the enforcement cannot drift.
 */
export const SESSION_ABILITIES = {
  clienten: 'clienten.zien',
  aanmeldingen: 'aanmeldingen.lezen',
  besluiten: 'aanmeldingen.besluiten',
  plaatsen: 'plaatsen',
  locaties: 'locaties.zien',
  locatiesBeheren: 'locaties.beheren',
  gebruikersBeheren: 'gebruikers.beheren',
  inzageLog: 'inzagelog.lezen',
  rapportages: 'rapportages.lezen',
  eigenDossier: 'dossier.eigen',
  perspectief: 'perspectief.werklijsten',
  voorkomen: 'voorkomen.werken',
  wonen: 'wonen.zien',
} as const satisfies Record<string, Action>;

export type SessionAbilities = { [K in keyof typeof SESSION_ABILITIES]: boolean };

export function abilities(actor: Actor): SessionAbilities {
  return Object.fromEntries(
    Object.entries(SESSION_ABILITIES).map(([ability, action]) => [ability, can(actor, action)]),
  ) as SessionAbilities;
}
