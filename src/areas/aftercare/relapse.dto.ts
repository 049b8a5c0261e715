// Response schema of the terugval figures: aggregates only, small cells suppressed for most roles.
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import { codes } from '../prevention/prevention-codes.js';
import { RELAPSE_DESTINATION_TYPES } from './relapse.js';

const count = z.number().int().nullable().openapi({ description: 'null: onderdrukt (kleine aantallen)' });
const Window = z
  .object({
    noemer: count.openapi({ description: 'Uitstromen waarvan de termijn op de peildatum voorbij is' }),
    teruggekeerd: count,
    aandeel: z.number().nullable(),
    nogNietVolledig: z.number().int().openapi({ description: 'Uitstromen waarvan de termijn nog loopt' }),
    onderdrukt: z.boolean().optional(),
  })
  .openapi('TerugvalTermijn');
const counts = { uitstromen: count, binnen6Maanden: Window, binnen12Maanden: Window, binnen24Maanden: Window };

export const RelapseFigures = z
  .object({
    van: DatumUit,
    tot: DatumUit.openapi({ description: 'Einddatum van de uitstroomperiode, exclusief' }),
    peildatum: DatumUit,
    definitie: z.string(),
    totaal: z.object(counts).openapi('TerugvalAantallen'),
    perBestemming: z.array(
      z
        .object({ type: z.enum(codes(RELAPSE_DESTINATION_TYPES)), label: z.string(), ...counts })
        .openapi('TerugvalPerBestemming'),
    ),
    eerderInOpvang: z
      .object({ clienten: count, waarvanEerder: count, aandeel: z.number().nullable() })
      .openapi('EerderInOpvang'),
    onderdrukkingsgrens: z.number().int().nullable(),
  })
  .openapi('Terugvalcijfers');
export type RelapseFigures = z.infer<typeof RelapseFigures>;
