// Response schemas of appointments (afspraken) with a client.
import { z } from '@hono/zod-openapi';
import { DatumUit, Tijdstip } from '../../platform/http/schemas.js';

export const AfspraakWijziging = z
  .object({
    tijdstip: Tijdstip,
    veld: z.enum(['datum', 'tijd', 'metWie', 'waar', 'onderwerp', 'geannuleerd']),
    oud: z.string().nullable(),
    nieuw: z.string().nullable(),
    reden: z.string().nullable(),
    door: z.string(),
  })
  .openapi('AfspraakWijziging');

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
    annuleringsreden: z.string().nullable(),
    voorbij: z.boolean().openapi({ description: 'De datum ligt vóór vandaag' }),
    geschiedenis: z
      .array(AfspraakWijziging)
      .openapi({ description: 'Wat na het maken is gewijzigd of geannuleerd, oudste eerst (niet voor de cliënt)' }),
    mogelijkheden: z.object({ wijzigen: z.boolean(), annuleren: z.boolean() }).openapi('AfspraakMogelijkheden'),
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
