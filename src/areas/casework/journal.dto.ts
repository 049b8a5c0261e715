// Response schemas of the journal (rapportage) of a client.
import { z } from '@hono/zod-openapi';
import { CodeLabel, PagingLinks, Tijdstip } from '../../platform/http/schemas.js';
import { JOURNAL_KIND_CODES } from './casework-codes.js';

export const Rapportagesoort = z.enum(JOURNAL_KIND_CODES).openapi('Rapportagesoort');

export const RapportageVersie = z
  .object({
    tijdstip: Tijdstip,
    soort: Rapportagesoort,
    tekst: z.string(),
    gedeeldMetClient: z.boolean(),
    vastgelegdOp: Tijdstip,
    door: z.string(),
  })
  .openapi('RapportageVersie');

export const Rapportage = z
  .object({
    id: z.string(),
    clientId: z.string(),
    tijdstip: Tijdstip.openapi({ description: 'Wanneer het gebeurde (datum en tijd)' }),
    soort: Rapportagesoort,
    soortLabel: z.string(),
    tekst: z.string(),
    gedeeldMetClient: z.boolean(),
    auteur: z.string(),
    auteurRol: z.string(),
    locatie: z.string().nullable(),
    vastgelegdOp: Tijdstip,
    gecorrigeerd: z.boolean(),
    eerdereVersies: z
      .array(RapportageVersie)
      .openapi({ description: 'De tekst zoals die eerst was, oudste eerst (blijft altijd bewaard)' }),
    mogelijkheden: z.object({ corrigeren: z.boolean() }).openapi('RapportageMogelijkheden'),
  })
  .openapi('Rapportage');

export const Rapportages = z
  .object({
    resultaten: z.array(Rapportage),
    totaal: z.number().int().openapi({ description: 'Aantal rapportages dat aan filter en zoekvraag voldoet' }),
    pagina: z.number().int(),
    paginaGrootte: z.number().int(),
    _links: PagingLinks,
    soorten: z.array(CodeLabel),
    mogelijkheden: z.object({ schrijven: z.boolean() }).openapi('RapportagesMogelijkheden'),
  })
  .openapi('Rapportages');
