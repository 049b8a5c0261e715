// Response schemas of warm handovers (issue 12) and the function that shapes a row into one, seen from the own tenant.
import { z } from '@hono/zod-openapi';
import { DatumUit, Tijdstip } from '../../platform/http/schemas.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';
import { OverdrachtStatus } from './registrations.dto.js';

export const Overdracht = z
  .object({
    id: z.string(),
    richting: z.enum(['inkomend', 'uitgaand']),
    status: OverdrachtStatus,
    van: z.string().openapi({ description: 'Verzendende centrumgemeente' }),
    naar: z.string().openapi({ description: 'Ontvangende centrumgemeente' }),
    aangebodenOp: Tijdstip,
    toestemmingClientOp: DatumUit,
    reden: z.string().nullable(),
    persoon: z
      .object({
        voornaam: z.string(),
        achternaam: z.string(),
        geboortedatum: DatumUit.nullable(),
        bsn: z.string().nullable(),
        telefoon: z.string().nullable(),
        huishoudgrootte: z.number().int(),
      })
      .openapi('OverdrachtPersoon', { description: 'Alleen de minimale gegevens die met toestemming meegaan' }),
    beantwoordOp: DatumUit.nullable(),
    afwijsreden: z.string().nullable(),
    clientId: z
      .string()
      .nullable()
      .openapi({ description: 'De cliënt in de eigen gemeente (na acceptatie bij de ontvanger)' }),
    mogelijkheden: z.object({ beoordelen: z.boolean() }),
  })
  .openapi('Overdracht');
export type Overdracht = z.infer<typeof Overdracht>;
export const Overdrachten = z.object({ resultaten: z.array(Overdracht) }).openapi('Overdrachten');

interface HandoverRow {
  id: string;
  sender_tenant_id: string;
  receiver_tenant_id: string;
  sender_client_id: string;
  receiver_client_id: string | null;
  sender_name: string;
  receiver_name: string;
  status: string;
  proposed_at: Date | string;
  consent_on: string;
  reason: string | null;
  person: unknown;
  answered_on: string | null;
  decline_reason: string | null;
}

const Person = Overdracht.shape.persoon;

export function toOverdracht(actor: Actor, h: HandoverRow): Overdracht {
  const incoming = h.receiver_tenant_id === actor.tenantId;
  const person = Person.parse({
    bsn: null,
    telefoon: null,
    geboortedatum: null,
    huishoudgrootte: 1,
    ...(h.person as object),
  });
  return {
    id: h.id,
    richting: incoming ? 'inkomend' : 'uitgaand',
    status: OverdrachtStatus.parse(h.status),
    van: h.sender_name,
    naar: h.receiver_name,
    aangebodenOp: new Date(h.proposed_at).toISOString(),
    toestemmingClientOp: h.consent_on,
    reden: h.reason,
    persoon: { ...person, bsn: can(actor, 'clienten.bsnZien') ? person.bsn : null },
    beantwoordOp: h.answered_on,
    afwijsreden: h.decline_reason,
    clientId: incoming ? h.receiver_client_id : h.sender_client_id,
    mogelijkheden: {
      beoordelen:
        incoming && can(actor, 'overdrachten.beoordelen', { status: h.status, ontvanger: h.receiver_tenant_id }),
    },
  };
}
