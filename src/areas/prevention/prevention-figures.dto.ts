// Response schema of the prevention figures (aggregates only, small cells suppressed for most roles).
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import { CASE_OUTCOMES, codes, SIGNAL_SOURCES } from './prevention-codes.js';

const count = z.number().int().nullable().openapi({ description: 'null: onderdrukt (kleine aantallen)' });
/** A count that may be suppressed: 1–4 persons are not shown to roles without exact figures. */
const cell = { aantal: count, onderdrukt: z.boolean().optional() };
const Cell = z.object(cell).openapi('PreventieAantal');

export const PreventionFigures = z
  .object({
    jaar: z.number().int(),
    peildatum: DatumUit,
    signalen: Cell,
    signalenPerBron: z.array(z.object({ bron: z.enum(codes(SIGNAL_SOURCES)), label: z.string(), ...cell })),
    huisuitzettingen: z.object({ ...cell, doel: z.number().int() }),
    binnen2Weken: z
      .object({
        noemer: count,
        teller: count,
        aandeel: z.number().nullable(),
        termijnDagen: z.number().int(),
      })
      .openapi({
        description:
          'Signalen van het jaar waarvan de termijn voorbij is (of die eerder zijn opgepakt), en het deel dat binnen de termijn is opgepakt',
      }),
    uitkomsten: z.array(z.object({ uitkomst: z.enum(codes(CASE_OUTCOMES)), label: z.string(), ...cell })),
    openZaken: z.object({ ...cell, waarvanTermijnVerlopen: count }),
    onderdrukkingsgrens: z.number().int().nullable(),
  })
  .openapi('Preventiecijfers');
export type PreventionFigures = z.infer<typeof PreventionFigures>;
