// Response schemas of the BRP lookup and the outbox to the zaaksysteem (issue 19).
import { z } from '@hono/zod-openapi';
import { DatumUit, Tijdstip } from '../../platform/http/schemas.js';

export const BrpRaadpleging = z
  .object({
    gevonden: z.boolean(),
    doelbinding: z.string(),
    persoon: z
      .object({
        bsn: z.string(),
        voornamen: z.string().nullable(),
        voorvoegsel: z.string().nullable(),
        geslachtsnaam: z.string().nullable(),
        geboortedatum: DatumUit.nullable(),
        geslacht: z.string().nullable(),
        adres: z
          .object({
            straat: z.string().nullable(),
            huisnummer: z.string().nullable(),
            postcode: z.string().nullable(),
            woonplaats: z.string().nullable(),
            functie: z.string().nullable().openapi({ description: 'woonadres of briefadres' }),
          })
          .nullable()
          .openapi('BrpAdres'),
        gemeentecode: z.string().nullable(),
        geheimhouding: z
          .boolean()
          .openapi({ description: 'Geheimhouding persoonsgegevens: niet aan derden verstrekken' }),
      })
      .nullable()
      .openapi('BrpPersoon'),
    verschillen: z
      .array(
        z
          .object({ veld: z.string(), onderdak: z.string().nullable(), brp: z.string().nullable() })
          .openapi('BrpVerschil'),
      )
      .openapi({ description: 'Alleen met clientId: waar het dossier afwijkt van de BRP' }),
  })
  .openapi('BrpRaadpleging');
export type BrpRaadpleging = z.infer<typeof BrpRaadpleging>;

export const Zaaksysteemstatus = z
  .object({
    koppelingAan: z.boolean().openapi({ description: 'De regio stuurt wijzigingen naar het zaaksysteem' }),
    ingesteld: z.boolean().openapi({ description: 'Het adres van het zaaksysteem is ingesteld op de server' }),
    aantalWachtend: z.number().int(),
    aantalVerzonden: z.number().int(),
    aantalMetFout: z.number().int(),
    oudsteWachtend: Tijdstip.nullable(),
    berichten: z.array(
      z
        .object({
          id: z.string(),
          soort: z.enum(['zaak', 'status', 'besluit']),
          stap: z.string().nullable(),
          datum: DatumUit,
          status: z.enum(['wachtend', 'verzonden']),
          pogingen: z.number().int(),
          volgendePoging: Tijdstip.nullable(),
          laatsteFout: z.string().nullable(),
          adres: z.string().nullable().openapi({ description: 'URL van de zaak, status of het besluit' }),
          aangemaakt: Tijdstip,
          verzonden: Tijdstip.nullable(),
        })
        .openapi('ZaaksysteemBericht'),
    ),
  })
  .openapi('Zaaksysteemstatus');
export type Zaaksysteemstatus = z.infer<typeof Zaaksysteemstatus>;
