// Response schemas of documents (attachments) of a client.
import { z } from '@hono/zod-openapi';
import { Tijdstip } from '../../platform/http/schemas.js';

export const Documentsoort = z.enum(['application/pdf', 'image/png', 'image/jpeg']).openapi('Documentsoort');

export const Document = z
  .object({
    id: z.string(),
    clientId: z.string(),
    bestandsnaam: z.string(),
    mediatype: Documentsoort,
    grootte: z.number().int().openapi({ description: 'Grootte in bytes' }),
    omschrijving: z.string().nullable(),
    toegevoegdDoor: z.string(),
    toegevoegdOp: Tijdstip,
    inhoudPad: z
      .string()
      .openapi({ description: 'Pad om het bestand te downloaden (GET; elke download wordt gelogd)' }),
  })
  .openapi('Document');
export const Documenten = z
  .object({
    resultaten: z.array(Document),
    maximumGrootte: z.number().int().openapi({ description: 'Grootste toegestane bestand in bytes' }),
    toegestaneSoorten: z.array(Documentsoort),
    mogelijkheden: z.object({ toevoegen: z.boolean() }).openapi('DocumentenMogelijkheden'),
  })
  .openapi('Documenten');
