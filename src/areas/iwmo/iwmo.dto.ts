// Issue 19 — request and response schemas of the iWmo exchange (berichten, toewijzingen, werklijst).
import { z } from '@hono/zod-openapi';
import { DatumUit, Tijdstip } from '../../platform/http/schemas.js';

const berichtcode = z.enum(['301', '305', '307', '315', '317', '319', '323']);

// ----- requests -----
export const BerichtenQuery = z.object({
  richting: z.enum(['uit', 'in']).optional().openapi({ description: 'uit: door de gemeente gemaakt; in: ingelezen' }),
  berichtcode: berichtcode.optional(),
});
export const NieuwIwmoBericht = z
  .object({
    xml: z
      .string()
      .min(1)
      .max(900_000)
      .openapi({ description: 'Het iWmo 3.2-bericht (305, 307, 315, 317 of 323) als XML-tekst' }),
    bestandsnaam: z.string().max(200).nullish(),
  })
  .openapi('NieuwIwmoBericht');
export const NieuweToewijzing = z
  .object({ verblijfId: z.string().min(1).max(64).openapi({ description: 'Het verblijf (de plaatsing)' }) })
  .openapi('NieuweIwmoToewijzing');
export const StatusQuery = z.object({ status: z.enum(['open', 'afgehandeld']).optional() });
export const VerzoekQuery = z.object({ status: z.enum(['open', 'toegewezen', 'afgewezen']).optional() });
export const Afhandeling = z.object({ toelichting: z.string().max(2000) }).openapi('IwmoAfhandeling');
export const VerzoekAntwoord = z
  .object({
    antwoord: z.enum(['toewijzen', 'afwijzen', 'inOnderzoek']).openapi({
      description: 'toewijzen: een 301 met de referentie van de aanbieder; afwijzen of inOnderzoek: een 319',
    }),
    redenAfwijzing: z
      .enum(['1', '2', '3', '4', '5', '6', '7', '8', '9'])
      .nullish()
      .openapi({ description: 'WJ765, verplicht bij afwijzen' }),
  })
  .openapi('IwmoVerzoekAntwoord');

// ----- responses -----
const BerichtVelden = {
  id: z.string(),
  berichtcode,
  richting: z.enum(['uit', 'in']),
  agbCode: z.string(),
  identificatie: z.string(),
  dagtekening: DatumUit,
  clientId: z.string().nullable(),
  clientNaam: z.string().nullable(),
  bestandsnaam: z.string(),
  status: z.string().openapi({ description: 'klaarVoorOphalen, opgehaald, verwerkt of verwerktMetVerschillen' }),
  samenvatting: z.string(),
  ontvangenOfGemaakt: Tijdstip,
};
export const IwmoBerichtKort = z.object(BerichtVelden).openapi('IwmoBerichtKort');
export const IwmoBerichten = z.object({ berichten: z.array(IwmoBerichtKort) }).openapi('IwmoBerichten');
export const IwmoBericht = z
  .object({
    ...BerichtVelden,
    declaratieregels: z.array(
      z.object({
        referentie: z.string(),
        toewijzingNummer: z.number().int(),
        clientNaam: z.string().nullable(),
        begindatum: DatumUit,
        einddatum: DatumUit,
        volume: z.number().int(),
        nachtenGeteld: z.number().int().nullable(),
        bedrag: z.number().int().openapi({ description: 'In eurocent' }),
        goedgekeurd: z.boolean(),
        afkeurreden: z.string().nullable(),
      }),
    ),
    verschillen: z.array(z.object({ id: z.string(), soort: z.string(), omschrijving: z.string(), status: z.string() })),
  })
  .openapi('IwmoBericht');
export const Toewijzingskandidaten = z
  .object({
    verblijven: z.array(
      z.object({
        verblijfId: z.string(),
        clientId: z.string(),
        naam: z.string(),
        locatie: z.string(),
        aanbieder: z.string(),
        agbCode: z.string(),
        sinds: DatumUit,
        productcategorie: z.enum(['16', '17']),
        belemmering: z.string().nullable().openapi({ description: 'Waarom nog geen 301 kan (BSN, geboortedatum)' }),
      }),
    ),
  })
  .openapi('IwmoToewijzingskandidaten');
export const IwmoVerschillen = z
  .object({
    verschillen: z.array(
      z.object({
        id: z.string(),
        soort: z.string(),
        omschrijving: z.string(),
        status: z.enum(['open', 'afgehandeld']),
        toelichting: z.string().nullable(),
        clientId: z.string().nullable(),
        clientNaam: z.string().nullable(),
        berichtId: z.string(),
        berichtcode,
        agbCode: z.string(),
        gemeld: Tijdstip,
      }),
    ),
  })
  .openapi('IwmoVerschillen');
export const IwmoVerschilAfgehandeld = z
  .object({ id: z.string(), status: z.literal('afgehandeld'), toelichting: z.string() })
  .openapi('IwmoVerschilAfgehandeld');
export const IwmoVerzoeken = z
  .object({
    verzoeken: z.array(
      z.object({
        id: z.string(),
        berichtcode: z.enum(['315', '317']),
        berichtId: z.string(),
        agbCode: z.string(),
        aanbieder: z.string().nullable(),
        referentieAanbieder: z.string(),
        clientId: z.string().nullable(),
        clientNaam: z.string().nullable(),
        productcategorie: z.string(),
        ingangsdatum: DatumUit,
        einddatum: DatumUit.nullable(),
        status: z.enum(['open', 'toegewezen', 'afgewezen']),
        redenAfwijzing: z.string().nullable(),
        antwoordBerichtId: z.string().nullable(),
      }),
    ),
  })
  .openapi('IwmoVerzoeken');
