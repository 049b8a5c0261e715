// Response schemas of appointments (afspraken) with a client.
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';

export const Afspraak = z
  .object({
    id: z.string(),
    clientId: z.string(),
    datum: DatumUit,
    tijd: z.string().openapi({ format: 'time-local', example: '14:30' }),
    metWie: z.string(),
    waar: z.string(),
    onderwerp: z.string().nullable(),
    geannuleerd: z.boolean(),
    voorbij: z.boolean().openapi({ description: 'De datum ligt vóór vandaag' }),
    mogelijkheden: z.object({ annuleren: z.boolean() }).openapi('AfspraakMogelijkheden'),
  })
  .openapi('Afspraak');
export const Afspraken = z
  .object({
    resultaten: z
      .array(Afspraak)
      .openapi({ description: 'Eerst de komende afspraken (vroegste eerst), dan de eerdere' }),
    mogelijkheden: z.object({ toevoegen: z.boolean() }).openapi('AfsprakenMogelijkheden'),
  })
  .openapi('Afspraken');
