// Cijfers wonen for a period [van, tot): time from woonklaar to moved in, offers and their outcome, exits to housing.
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import { WoonTelling } from './housing.dto.js';

export const CijfersWonen = z
  .object({
    van: DatumUit,
    tot: DatumUit.openapi({ description: 'Einddatum, exclusief' }),
    doorlooptijd: z.object({
      verhuisd: z.number().int(),
      gemiddeldeDagenWoonklaarTotVerhuisd: z.number().nullable(),
      mediaanDagen: z.number().nullable(),
      toelichting: z.string(),
    }),
    aanbiedingen: z.object({
      gedaan: z.number().int(),
      geaccepteerd: z.number().int(),
      afgewezen: z.number().int(),
      ingetrokken: z.number().int(),
      lopend: z.number().int(),
      redenenAfwijzing: z.array(WoonTelling),
      toelichting: z.string(),
    }),
    uitstroomNaarWonen: z.object({
      totaal: z.number().int(),
      perCorporatie: z.array(WoonTelling),
      perGemeente: z.array(WoonTelling),
      perBestemming: z.array(WoonTelling),
    }),
    onderdrukkingsgrens: z.number().int().nullable().openapi({
      description:
        'Gemiddelden alleen vanaf zoveel personen; aantallen beschermd met de celsleutelmethode (null: exacte cijfers)',
    }),
  })
  .openapi('CijfersWonen');
