// Aanbiedingen: the full view (toegang) and the corporation's view, which by domain.md §5 shows of the candidate
// only name, household size, support need and contact — so the contract has two shapes.
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import type { StateMachine } from '../../platform/transitions.js';
import { EXIT_DESTINATIONS } from '../../reference/reference.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';
import { codeIn, UNIT_TYPE_CODES, WoonplekType } from './housing.dto.js';
import type { OfferRow } from './housing.queries.js';
import { supportLabel } from './matching.js';

export const OFFER_STATUSES = [
  'aangeboden',
  'geaccepteerd',
  'afgewezen',
  'ingetrokken',
  'contract-getekend',
  'verhuisd',
] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
/** The steps that can be recorded on an offer (every status but the first). */
export const OFFER_STEPS = [
  'geaccepteerd',
  'afgewezen',
  'ingetrokken',
  'contract-getekend',
  'verhuisd',
] as const satisfies readonly OfferStatus[];
export type OfferStep = (typeof OFFER_STEPS)[number];
const DESTINATION_CODES = EXIT_DESTINATIONS.map((d) => d.code);

const AanbiedingStatus = z.enum(OFFER_STATUSES).openapi('AanbiedingStatus');
/** Per step: may this user record it now (the transition table and the rights table together)? */
const AanbiedingMogelijkheden = z
  .object({
    geaccepteerd: z.boolean(),
    afgewezen: z.boolean(),
    ingetrokken: z.boolean(),
    'contract-getekend': z.boolean(),
    verhuisd: z.boolean(),
  })
  .openapi('AanbiedingMogelijkheden');

const Verloop = {
  id: z.string(),
  status: AanbiedingStatus,
  aangebodenOp: DatumUit,
  gereageerdOp: DatumUit.nullable(),
  redenAfwijzing: z.string().nullable(),
  contractOp: DatumUit.nullable(),
  verhuisdOp: DatumUit.nullable(),
};
const Ondersteuning = z.string().openapi({ description: 'Ondersteuningsbehoefte (omschrijving)' });

const AanbiedingVolledig = z
  .object({
    ...Verloop,
    bestemming: z
      .enum(DESTINATION_CODES)
      .nullable()
      .openapi({ description: 'Uitstroombestemming, vastgelegd bij verhuisd' }),
    score: z.number().int().nullable(),
    woonplek: z.object({
      id: z.string(),
      adres: z.string(),
      type: WoonplekType,
      corporatie: z.string().nullable(),
      gemeentecode: z.string(),
    }),
    kandidaat: z.object({
      id: z.string(),
      clientId: z.string(),
      naam: z.string(),
      huishoudgrootte: z.number().int(),
      ondersteuning: Ondersteuning,
      woonklaarSinds: DatumUit,
    }),
    mogelijkheden: AanbiedingMogelijkheden,
  })
  .openapi('AanbiedingVolledig');

const AanbiedingVoorCorporatie = z
  .object({
    ...Verloop,
    woonplek: z.object({ id: z.string(), adres: z.string(), type: WoonplekType }),
    kandidaat: z.object({
      naam: z.string(),
      huishoudgrootte: z.number().int(),
      ondersteuning: Ondersteuning,
      contact: z.object({ telefoon: z.string().nullable(), email: z.string().nullable() }),
    }),
    mogelijkheden: AanbiedingMogelijkheden,
  })
  .openapi('AanbiedingVoorCorporatie');

/** The toegang gets the full view; a corporatiemedewerker the limited one. */
export const Aanbieding = z.union([AanbiedingVolledig, AanbiedingVoorCorporatie]).openapi('Aanbieding');
export const Aanbiedingen = z.object({ resultaten: z.array(Aanbieding) }).openapi('Aanbiedingen');

type OfferView = z.infer<typeof Aanbieding>;

function steps(
  actor: Actor,
  status: OfferStatus,
  machine: StateMachine<OfferStatus>,
): z.infer<typeof AanbiedingMogelijkheden> {
  const may = (stap: OfferStep) => machine.allows(status, stap) && can(actor, 'wonen.aanbiedingReageren', { stap });
  return {
    geaccepteerd: may('geaccepteerd'),
    afgewezen: may('afgewezen'),
    ingetrokken: may('ingetrokken'),
    'contract-getekend': may('contract-getekend'),
    verhuisd: may('verhuisd'),
  };
}

/**
 * Users who may see candidates ('wonen.kandidatenZien') get the full view; everyone else (the corporation) sees of
 * the person only name, household size, support need and contact — no client id, income or trajectory dates.
 */
export function offerDto(actor: Actor, o: OfferRow, machine: StateMachine<OfferStatus>): OfferView {
  const status = codeIn(OFFER_STATUSES, o.status, 'aanbiedingstatus');
  const type = codeIn(UNIT_TYPE_CODES, o.type, 'woonplektype');
  const verloop = {
    id: o.id,
    status,
    aangebodenOp: o.offered_on,
    gereageerdOp: o.responded_on,
    redenAfwijzing: o.decline_reason,
    contractOp: o.contract_on,
    verhuisdOp: o.moved_in_on,
  };
  const naam = `${o.first_name} ${o.last_name}`;
  if (!can(actor, 'wonen.kandidatenZien')) {
    return {
      ...verloop,
      woonplek: { id: o.unit_id, adres: o.address, type },
      kandidaat: {
        naam,
        huishoudgrootte: o.household_size,
        ondersteuning: supportLabel(o.support_level),
        contact: { telefoon: o.phone, email: o.email },
      },
      mogelijkheden: steps(actor, status, machine),
    };
  }
  return {
    ...verloop,
    bestemming: o.exit_destination === null ? null : codeIn(DESTINATION_CODES, o.exit_destination, 'bestemming'),
    score: o.score,
    woonplek: {
      id: o.unit_id,
      adres: o.address,
      type,
      corporatie: o.corporation_name,
      gemeentecode: o.municipality_code.trim(),
    },
    kandidaat: {
      id: o.candidate_id,
      clientId: o.client_id,
      naam,
      huishoudgrootte: o.household_size,
      ondersteuning: supportLabel(o.support_level),
      woonklaarSinds: o.ready_since,
    },
    mogelijkheden: steps(actor, status, machine),
  };
}
