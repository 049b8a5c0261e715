// Figures of actielijn 2 (aggregates, no persons): response schema.
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import { Blokkadesoort } from './casework.dto.js';
import { Levensgebied } from './plans.dto.js';
import { Wachtlijstsoort } from './waiting-lists.dto.js';

/** A count (protected with the cell key method for roles that see aggregates only). */
const Aantal = z.number().int().nullable();
const onderdrukt = z.boolean().optional().openapi({ description: 'true: te weinig personen om te tonen' });

export const PerspectiefCijfers = z
  .object({
    regio: z.string(),
    van: DatumUit,
    tot: DatumUit.openapi({ description: 'Einddatum, exclusief' }),
    onderdrukkingsgrens: z.number().int().nullable().openapi({
      description:
        'Aandelen en gemiddelden alleen vanaf zoveel personen; aantallen beschermd met de celsleutelmethode (null: exacte cijfers)',
    }),
    blokkades: z.array(
      z.object({
        soort: Blokkadesoort,
        soortLabel: z.string(),
        aantal: Aantal,
        onderdrukt,
        gemiddeldeDuurDagen: z.number().nullable(),
        duur: z.object({ korterDan4Weken: Aantal, vierTot12Weken: Aantal, langerDan12Weken: Aantal }).nullable(),
      }),
    ),
    planBinnen5Dagen: z.object({
      plaatsingen: Aantal,
      opTijd: Aantal,
      zonderPlan: Aantal,
      aandeel: z.number().nullable().openapi({ description: 'Aandeel 0..1 op tijd opgesteld' }),
    }),
    zrmVerandering: z.array(
      z.object({
        domein: Levensgebied,
        domeinLabel: z.string(),
        trajecten: Aantal,
        onderdrukt,
        gemiddeldeIntake: z.number().nullable(),
        gemiddeldeUitstroom: z.number().nullable(),
        gemiddeldeVerandering: z.number().nullable(),
      }),
    ),
    wachtlijsten: z.array(
      z.object({
        lijst: Wachtlijstsoort,
        lijstNaam: z.string(),
        lengteEindePeriode: Aantal,
        geplaatst: Aantal,
        gemiddeldeWachttijdDagen: z.number().nullable(),
      }),
    ),
  })
  .openapi('PerspectiefCijfers');
