// Response schema of "eerder bekend?" (voorgeschiedenis) of one client.
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import { codes, SIGNAL_SOURCES } from '../prevention/prevention-codes.js';
import { PLAN_STATUSES } from './aftercare-rules.js';

const returnFields = {
  soort: z.enum(['aanmelding', 'plaatsing']),
  id: z.string(),
  datum: DatumUit,
  uitstroomDatum: DatumUit,
  bestemmingLabel: z.string(),
  dagenNaUitstroom: z.number().int(),
};

export const ClientHistory = z
  .object({
    clientId: z.string(),
    eerderBekend: z.boolean(),
    peildatum: DatumUit.openapi({
      description: 'De laatste aanmelding (of vandaag): wat daarvóór ligt, telt als eerder',
    }),
    samenvatting: z.string(),
    terugkeerNaWonen: z
      .object({ ...returnFields, tekst: z.string() })
      .nullable()
      .openapi({ description: 'De laatste terugkeer na een uitstroom naar wonen' }),
    aanmeldingen: z.array(z.object({ id: z.string(), datum: DatumUit, terugkeer: z.boolean() })),
    verblijven: z.object({
      aantal: z.number().int(),
      nachten: z.number().int(),
      eerste: DatumUit.nullable(),
      laatste: DatumUit.nullable(),
      locaties: z.array(z.string()),
    }),
    uitstromen: z.array(
      z.object({
        trajectId: z.string(),
        datum: DatumUit,
        bestemming: z.string(),
        bestemmingLabel: z.string(),
        bestemmingsgroep: z.string().nullable(),
        naarWonen: z.boolean(),
      }),
    ),
    terugkeer: z.array(z.object(returnFields).openapi('Terugkeer')),
    nazorg: z
      .array(
        z.object({
          id: z.string(),
          status: z.enum(codes(PLAN_STATUSES)),
          uitstroomDatum: DatumUit,
          verantwoordelijke: z.string(),
        }),
      )
      .openapi({ description: 'Alleen met het recht nazorg.werken' }),
    budgetbeheer: z
      .array(z.object({ id: z.string(), start: DatumUit, eind: DatumUit, uitvoerder: z.string() }))
      .openapi({ description: 'Alleen met het recht nazorg.werken' }),
    signalen: z
      .array(
        z.object({
          id: z.string(),
          zaakId: z.string().nullable(),
          datum: DatumUit,
          bron: z.enum(codes(SIGNAL_SOURCES)),
          bronNaam: z.string(),
          bedragAchterstand: z.number(),
        }),
      )
      .openapi({ description: 'Signalen betalingsachterstand; alleen met het recht voorkomen.werken' }),
  })
  .openapi('Voorgeschiedenis');
export type ClientHistory = z.infer<typeof ClientHistory>;
