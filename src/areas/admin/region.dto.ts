// Issue 11 part B: request and response schemas of setting up the region (regiogemeenten, locations, units in
// bulk, editing and closing), the beheerder's inzagelog and the caseload import.
import { z } from '@hono/zod-openapi';
import { datum } from '../../platform/http/schemas.js';

// ----- regiogemeenten -----
export const NieuweGemeente = z
  .object({
    code: z.string().max(4).openapi({ description: 'CBS-gemeentecode, 4 cijfers (zonder GM)', example: '0482' }),
    naam: z.string().max(100),
  })
  .openapi('NieuweRegiogemeente');
export const Regiogemeente = z.object({ code: z.string(), naam: z.string() }).openapi('Regiogemeente');
export const Regiogemeenten = z.object({ resultaten: z.array(Regiogemeente) }).openapi('Regiogemeenten');

// ----- locaties -----
export const LocatieWijziging = z
  .object({
    naam: z.string().max(200).optional(),
    type: z.string().max(40).optional(),
    adres: z.string().max(300).optional(),
    postcode: z.string().max(10).nullish(),
    gemeentecode: z.string().max(4).optional(),
    wijk: z.string().max(100).nullish(),
    nachtopvang: z.boolean().optional(),
    zorgaanbiederId: z
      .string()
      .max(64)
      .nullish()
      .openapi({ description: 'De zorgaanbieder die de locatie exploiteert; null ontkoppelt' }),
  })
  .openapi('LocatieWijziging');
export const Sluiting = z.object({ datum }).openapi('Sluiting');

export const BeheerEenheid = z
  .object({
    id: z.string(),
    naam: z.string(),
    soort: z.string(),
    bedden: z.number().int(),
    reserve: z.boolean(),
    maxHuishoudens: z.number().int(),
    doelgroepen: z.array(z.string()),
    actief: z.boolean(),
    geslotenOp: z.string().nullable().openapi({ format: 'date' }),
    bezet: z.number().int().openapi({ description: 'Bedden bezet door open verblijven' }),
    mogelijkheden: z.object({ wijzigen: z.boolean(), sluiten: z.boolean(), heropenen: z.boolean() }),
  })
  .openapi('BeheerEenheid');
export type BeheerEenheid = z.infer<typeof BeheerEenheid>;

export const BeheerLocatie = z
  .object({
    id: z.string(),
    naam: z.string(),
    type: z.string(),
    adres: z.string(),
    postcode: z.string().nullable(),
    gemeentecode: z.string().nullable(),
    wijk: z.string().nullable(),
    nachtopvang: z.boolean(),
    actief: z.boolean(),
    geslotenOp: z.string().nullable().openapi({ format: 'date' }),
    zorgaanbiederId: z.string().nullable().openapi({ description: 'De zorgaanbieder die de locatie exploiteert' }),
    zorgaanbiederNaam: z.string().nullable(),
    eenheden: z.array(BeheerEenheid),
    mogelijkheden: z.object({
      wijzigen: z.boolean(),
      sluiten: z.boolean(),
      eenhedenToevoegen: z.boolean(),
      heropenen: z.boolean(),
    }),
  })
  .openapi('BeheerLocatie');
export type BeheerLocatie = z.infer<typeof BeheerLocatie>;
export const BeheerLocaties = z.object({ resultaten: z.array(BeheerLocatie) }).openapi('BeheerLocaties');

// ----- eenheden -----
export const EenheidReeks = z
  .object({
    voorvoegsel: z.string().max(20).openapi({ example: 'K' }),
    van: z.number().int().openapi({ example: 1 }),
    tot: z.number().int().openapi({ example: 50, description: 'Tot en met' }),
    cijfers: z.number().int().optional().openapi({
      description: 'Aantal cijfers (voorloopnullen); standaard zoveel als het hoogste nummer heeft, minstens 2',
    }),
    soort: z.string().max(40),
    bedden: z.number().int(),
    reserve: z.boolean().optional(),
    maxHuishoudens: z.number().int().optional(),
    doelgroepen: z.array(z.string().max(40)).max(10).optional(),
  })
  .openapi('EenheidReeks');
export const EenheidReeksen = z.object({ reeksen: z.array(EenheidReeks).min(1).max(20) }).openapi('EenheidReeksen', {
  description: 'Bijvoorbeeld 50 kamers K01–K50 met 1 bed plus 10 reserveplekken R01–R10',
});
export const AangemaakteEenheden = z
  .object({ aantal: z.number().int(), eenheden: z.array(z.object({ id: z.string(), naam: z.string() })) })
  .openapi('AangemaakteEenheden');
export const EenheidWijziging = z
  .object({
    naam: z.string().max(100).optional(),
    soort: z.string().max(40).optional(),
    bedden: z.number().int().optional(),
    reserve: z.boolean().optional(),
    maxHuishoudens: z.number().int().optional(),
    doelgroepen: z.array(z.string().max(40)).max(10).optional(),
  })
  .openapi('EenheidWijziging');

// ----- inzagelog (beheerder) -----
export const InzagelogZoekvraag = z.object({
  client: z.string().max(100).optional().openapi({ description: '(Deel van) voornaam en/of achternaam' }),
  geboortedatum: datum.optional(),
  gebruiker: z.string().max(100).optional().openapi({ description: 'Gebruikersnaam (exact)' }),
  van: datum.optional().openapi({ description: 'Vanaf deze dag (Nederlandse tijd)' }),
  tot: datum.optional().openapi({ description: 'Tot en met deze dag (Nederlandse tijd)' }),
  pagina: z.coerce.number().int().min(1).optional(),
  paginaGrootte: z.coerce.number().int().min(1).max(200).optional(),
  formaat: z.enum(['json', 'csv']).optional().openapi({
    description: 'csv: text/csv voor Nederlandse Excel (puntkomma, UTF-8 met BOM), hoogstens 50.000 regels',
  }),
});
export const InzagelogLijstRegel = z
  .object({
    tijdstip: z.string().openapi({ format: 'date-time' }),
    gebruiker: z.string().nullable(),
    rol: z.string().nullable(),
    actie: z.string().openapi({ description: 'Soort handeling: lezen, zoeken, aanmaken, wijzigen, …' }),
    onderdeel: z.string().openapi({ description: 'Welk deel van het dossier, zonder inhoud' }),
    grondslag: z.string().nullable(),
    vanaf: z.string().nullable().openapi({ description: 'IP-adres' }),
    noodtoegang: z.boolean(),
    client: z
      .object({
        id: z.string(),
        naam: z.string().nullable(),
        geboortedatum: z.string().nullable().openapi({ format: 'date' }),
      })
      .nullable(),
  })
  .openapi('InzagelogLijstRegel');
export const InzagelogLijst = z
  .object({
    resultaten: z.array(InzagelogLijstRegel),
    pagina: z.number().int(),
    paginaGrootte: z.number().int(),
    totaal: z.number().int(),
    _links: z.object({
      self: z.object({ href: z.string() }),
      next: z.object({ href: z.string() }).optional(),
      prev: z.object({ href: z.string() }).optional(),
    }),
  })
  .openapi('InzagelogLijst');

// ----- dossiers overnemen (CSV) -----
export const Dossierbestand = z
  .object({
    bestandsnaam: z.string().max(200),
    inhoud: z.string().max(2_000_000).openapi({
      description:
        'CSV-tekst (; of ,; UTF-8 met of zonder BOM) met een kopregel; kolommen en betekenis: docs/caseload-import.md en het sjabloon GET /v1/dossierimports/sjabloon',
    }),
    vanafRegel: z.number().int().min(1).optional().openapi({
      description:
        'Alleen een deel van het bestand verwerken, vanaf deze gegevensregel (1 = de eerste regel na de kopregel); zo toont het scherm de voortgang. In de voorvertoning tellen de eerdere regels mee voor de bezetting.',
    }),
    aantalRegels: z.number().int().min(1).max(5000).optional().openapi({
      description: 'Hoeveel gegevensregels vanaf vanafRegel (standaard: tot het eind)',
    }),
  })
  .openapi('Dossierbestand');
export const DossierimportRegel = z
  .object({
    regel: z.number().int().openapi({ description: 'Regelnummer in het bestand (kopregel = 1)' }),
    externId: z.string().nullable(),
    status: z.enum(['geldig', 'fout', 'al-geimporteerd', 'geimporteerd']),
    fouten: z.array(z.object({ veld: z.string(), reden: z.string() })),
    clientId: z.string().nullable(),
  })
  .openapi('DossierimportRegel');
export const Dossierimport = z
  .object({
    bestandsnaam: z.string(),
    verwerkt: z.boolean().openapi({ description: 'false: voorvertoning, er is niets opgeslagen' }),
    bestandsfouten: z.array(z.string()),
    regelsInBestand: z.number().int().openapi({ description: 'Gegevensregels in het hele bestand (zonder kopregel)' }),
    aantallen: z.object({
      regels: z.number().int(),
      geldig: z.number().int(),
      fout: z.number().int(),
      alGeimporteerd: z.number().int(),
      geimporteerd: z.number().int(),
    }),
    regels: z.array(DossierimportRegel),
  })
  .openapi('Dossierimport');
