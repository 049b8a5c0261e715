// Response schemas of the AVG export and the retention purge (issue 19).
import { z } from '@hono/zod-openapi';
import { DatumUit, Tijdstip } from '../../platform/http/schemas.js';

export const Gegevensoverzicht = z
  .object({
    clientId: z.string(),
    gemaaktOp: Tijdstip,
    onderdelen: z.array(
      z
        .object({
          onderdeel: z.string().openapi({ description: 'Technische naam (tabel)' }),
          titel: z.string(),
          rijen: z.array(
            z.array(z.object({ veld: z.string(), waarde: z.string().nullable() }).openapi('GegevensoverzichtVeld')),
          ),
        })
        .openapi('GegevensoverzichtOnderdeel'),
    ),
    eigenBijdrage: z
      .object({ nachten: z.number().int(), verschuldigd: z.number(), betaald: z.number() })
      .openapi('GegevensoverzichtEigenBijdrage'),
    inzagelog: z.array(
      z
        .object({
          tijdstip: Tijdstip,
          gebruiker: z.string().nullable(),
          rol: z.string().nullable(),
          actie: z.string(),
          onderdeel: z.string(),
          grondslag: z.string().nullable(),
        })
        .openapi('GegevensoverzichtInzage'),
    ),
  })
  .openapi('Gegevensoverzicht');
export type Gegevensoverzicht = z.infer<typeof Gegevensoverzicht>;

export const Vernietigingslijst = z
  .object({
    peildatum: DatumUit,
    aantal: z.number().int(),
    dossiers: z.array(
      z
        .object({
          referentie: z
            .string()
            .openapi({ description: 'Onomkeerbare verwijzing naar het dossier (geen persoonsgegeven)' }),
          categorie: z.enum(['verstrekking', 'geen-verstrekking', 'ingetrokken']),
          termijn: z.string(),
          vernietigenVanaf: DatumUit,
        })
        .openapi('TeVernietigenDossier'),
    ),
  })
  .openapi('Vernietigingslijst');
export type Vernietigingslijst = z.infer<typeof Vernietigingslijst>;

export const Vernietigingslog = z
  .object({
    resultaten: z.array(
      z
        .object({
          referentie: z.string(),
          categorie: z.string(),
          termijnVerstrekenOp: DatumUit,
          wat: z.string(),
          tijdstip: Tijdstip,
          door: z.string(),
        })
        .openapi('Vernietiging'),
    ),
  })
  .openapi('Vernietigingslog');
export type Vernietigingslog = z.infer<typeof Vernietigingslog>;
