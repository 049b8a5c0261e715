// Response schemas of referrals (verwijzingen naar een locatie, issue 14) and the function that shapes rows into them.
import { z } from '@hono/zod-openapi';
import { DatumUit, datum, optText } from '../../platform/http/schemas.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';

export const VerwijzingMogelijkheden = z
  .object({ intrekken: z.boolean(), plaatsen: z.boolean() })
  .openapi('VerwijzingMogelijkheden');

export const Verwijzing = z
  .object({
    id: z.string(),
    clientId: z.string(),
    clientNaam: z.string(),
    geboortedatum: DatumUit.nullable(),
    locatieId: z.string(),
    locatieNaam: z.string(),
    verwezenOp: DatumUit,
    verwezenDoor: z.string().nullable().openapi({ description: 'Naam van de toegangsmedewerker' }),
    toelichting: z.string().nullable(),
    status: z
      .enum(['open', 'geplaatst', 'ingetrokken'])
      .openapi({ description: 'open: wacht op plaatsing; geplaatst: de cliënt is geplaatst; ingetrokken' }),
    ingetrokkenOp: DatumUit.nullable(),
    mogelijkheden: VerwijzingMogelijkheden,
  })
  .openapi('Verwijzing');
export type Verwijzing = z.infer<typeof Verwijzing>;

export const Verwijzingen = z.object({ resultaten: z.array(Verwijzing) }).openapi('Verwijzingen');
export const ClientVerwijzingen = z
  .object({
    resultaten: z.array(Verwijzing),
    mogelijkheden: z
      .object({
        verwijzen: z.boolean().openapi({
          description: 'Nu te verwijzen: toegelaten (open traject), verblijft nergens en heeft geen open verwijzing',
        }),
      })
      .openapi('ClientVerwijzingenMogelijkheden'),
  })
  .openapi('ClientVerwijzingen');

export const NewReferral = z
  .object({
    locatieId: z.string().min(1).max(64),
    datum,
    toelichting: optText,
  })
  .openapi('NieuweVerwijzing');
export const ReferralWithdrawal = z.object({ datum }).openapi('Intrekking');

/** A referral row with the client's name, the facility's and the referrer's, as the service selects it. */
export interface ReferralRow {
  id: string;
  client_id: string;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  facility_id: string;
  facility_name: string;
  referred_on: string;
  referrer_name: string | null;
  note: string | null;
  withdrawn_on: string | null;
  stay_id: string | null;
}

export function toVerwijzing(actor: Actor, r: ReferralRow): Verwijzing {
  const status = r.withdrawn_on ? 'ingetrokken' : r.stay_id ? 'geplaatst' : 'open';
  return {
    id: r.id,
    clientId: r.client_id,
    clientNaam: `${r.first_name} ${r.last_name}`,
    geboortedatum: r.birth_date,
    locatieId: r.facility_id,
    locatieNaam: r.facility_name,
    verwezenOp: r.referred_on,
    verwezenDoor: r.referrer_name,
    toelichting: r.note,
    status,
    ingetrokkenOp: r.withdrawn_on,
    mogelijkheden: {
      intrekken: status === 'open' && can(actor, 'verwijzingen.intrekken', { open: true }),
      plaatsen:
        status === 'open' && can(actor, 'plaatsen') && can(actor, 'plaatsen.opLocatie', { facilityId: r.facility_id }),
    },
  };
}
