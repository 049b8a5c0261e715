import { z } from '@hono/zod-openapi';

// Request schemas (Dutch lowerCamelCase). Structure is checked here; domain rules (elfproef, dates in the past,
// capacity) are checked in the domain services, which report all field problems at once too.
export const datum = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Gebruik een datum als JJJJ-MM-DD.')
  .openapi({ format: 'date', example: '2026-11-23' });
export const optText = z.string().max(2000).nullish();

export const Login = z
  .object({
    gebruikersnaam: z.string().min(1, 'Vul uw gebruikersnaam in.').max(100),
    wachtwoord: z.string().min(1, 'Vul uw wachtwoord in.').max(200),
  })
  .openapi('Inloggen');

export const NewClient = z
  .object({
    voornaam: z.string().max(100),
    achternaam: z.string().max(100),
    geboortedatum: datum.nullish(),
    bsn: z.string().max(9).nullish().openapi({ description: 'Optioneel; 9 cijfers, elfproef. Nooit in een URL.' }),
    herkomstGemeentecode: z
      .string()
      .regex(/^\d{4}$/, 'Een gemeentecode heeft 4 cijfers.')
      .nullish(),
    herkomst: z.string().max(100).nullish(),
    aanleiding: z.string().max(60).nullish(),
    telefoon: z.string().max(40).nullish(),
    email: z.string().max(200).nullish(),
    huishoudleden: z
      .array(z.object({ naam: z.string().max(200), geboortedatum: datum.nullish(), relatie: z.string().max(20) }))
      .max(15)
      .optional(),
  })
  .openapi('NieuweClient');

export const DuplicateQuery = z
  .object({
    voornaam: z.string().max(100),
    achternaam: z.string().max(100),
    geboortedatum: datum.nullish(),
    bsn: z.string().max(9).nullish(),
    clientId: z.string().max(64).nullish().openapi({
      description:
        'Dubbelen van dit bestaande dossier: het dossier zelf en eerder gesplitste dossiers worden nooit voorgesteld',
    }),
  })
  .openapi('DubbelenZoekvraag');
export const Merge = z.object({ samenTeVoegenClientId: z.string().min(1).max(64) }).openapi('Samenvoeging');
export const NewRegistration = z
  .object({ clientId: z.string().min(1).max(64), datum, bron: z.string().max(40), toelichting: optText })
  .openapi('NieuweAanmelding');
export const Screening = z.object({ datum, bevindingen: z.string().max(4000) }).openapi('Screening');
export const AanmeldingIntrekking = z
  .object({ datum, reden: z.string().max(1000).openapi({ description: 'Waarom de aanmelding wordt ingetrokken' }) })
  .openapi('AanmeldingIntrekking');
export const Decision = z
  .object({
    uitkomst: z.enum(['toegang', 'doorverwijzing', 'afwijzing'], {
      message: 'Kies toegang, doorverwijzing of afwijzing.',
    }),
    datum,
    reden: optText,
    regiobinding: z
      .object({
        jarenInRegio: z.number().min(0).max(120),
        sociaalNetwerkInRegio: z.boolean(),
        bekendBijLokaleZorg: z.boolean(),
        wensClient: z.enum(['deze-regio', 'andere-regio', 'geen-voorkeur']),
        andereTenantId: z.string().max(64).nullish(),
        toestemmingOverdracht: z.boolean().nullish().openapi({
          description: 'De cliënt stemt in met warme overdracht van zijn minimale gegevens (vereist bij overdracht)',
        }),
      })
      .nullish(),
  })
  .openapi('Besluit');
export const Placement = z
  .object({
    clientId: z.string().min(1).max(64),
    eenheidId: z.string().min(1).max(64),
    datum,
    huishoudgrootte: z.number().int().min(1).max(15).optional(),
  })
  .openapi('Plaatsing');
export const Move = z.object({ eenheidId: z.string().min(1).max(64), datum }).openapi('Verhuizing');
export const EndStay = z.object({ datum, reden: optText }).openapi('Beeindiging');
export const Exit = z.object({ datum, bestemming: z.string().max(60) }).openapi('Uitstroom');
export const NewFacility = z
  .object({
    naam: z.string().max(200),
    type: z.string().max(40),
    adres: z.string().max(300),
    postcode: z.string().max(10).nullish(),
    gemeentecode: z.string().max(4),
    wijk: z.string().max(100).nullish(),
    nachtopvang: z.boolean().optional(),
  })
  .openapi('NieuweLocatie');
export const NewUnit = z
  .object({
    naam: z.string().max(100),
    soort: z.string().max(40),
    bedden: z.number().int(),
    reserve: z.boolean().optional(),
    maxHuishoudens: z.number().int().optional(),
    doelgroepen: z.array(z.string().max(40)).max(10).optional(),
  })
  .openapi('NieuweEenheid');
export const NewUser = z
  .object({
    gebruikersnaam: z.string().max(40),
    naam: z.string().max(200),
    rol: z.string().max(20),
    wachtwoord: z.string().max(200),
    locatieId: z.string().max(64).nullish(),
    corporatieId: z.string().max(64).nullish(), // issue 11
    zorgaanbiederId: z.string().max(64).nullish(), // issue 11
  })
  .openapi('NieuweGebruiker');

export const Paging = z.object({
  pagina: z.coerce.number().int().min(1).optional(),
  paginaGrootte: z.coerce.number().int().min(1).max(100).optional(),
});
export const ClientQuery = Paging.extend({
  zoek: z.string().max(100).optional(),
  sorteer: z.enum(['achternaam', '-aangemaakt']).optional(),
});
/** POST /v1/clienten/_zoek: the BSN in the body, never in a URL (issue 12). */
export const ClientSearch = z
  .object({
    zoek: z.string().max(100).nullish(),
    bsn: z.string().max(9).nullish().openapi({ description: '9 cijfers; alleen in de body' }),
    pagina: z.number().int().min(1).optional(),
    paginaGrootte: z.number().int().min(1).max(100).optional(),
  })
  .openapi('ClientZoekvraag');
export const RegistrationQuery = Paging.extend({
  status: z.enum(['aangemeld', 'gescreend', 'besloten', 'ingetrokken']).optional(),
});
export const IdParam = z.object({ id: z.string().min(1).max(64) });

// ---------- pieces of response schemas (shared by every area's *.dto.ts) ----------
/** A calendar date in a response (API rules: `format: date` for every date field). */
export const DatumUit = z.string().openapi({ format: 'date', example: '2026-11-23' });
/** A moment in time, UTC. */
export const Tijdstip = z.string().openapi({ format: 'date-time', example: '2026-11-23T09:30:00.000Z' });
/** A code with its Dutch label, as lists and badges show it. */
export const CodeLabel = z.object({ code: z.string(), label: z.string() }).openapi('CodeMetLabel');
/** HAL paging links (API-42). */
export const PagingLinks = z
  .object({
    self: z.object({ href: z.string() }),
    next: z.object({ href: z.string() }).optional(),
    prev: z.object({ href: z.string() }).optional(),
  })
  .openapi('Paginalinks');
