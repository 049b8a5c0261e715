// Issue 17 — schemas of wijken and draagkracht, candidate sites with their business case, the new-location procedure,
// the beleid worklist and the liveability monitor. No person data.
import { z } from '@hono/zod-openapi';
import { DatumUit, datum } from '../../platform/http/schemas.js';
import { ASSUMPTION_KEYS } from './business-case.js';
import { FACILITY_KIND_CODES, OWNER_KIND_CODES, SITE_FORM_CODES, SITE_STATUSES } from './reference.js';

const Gewichten = z
  .object({
    plekken: z.number().min(0).max(10),
    meldingen: z.number().min(0).max(10),
    indicator: z.number().min(0).max(10),
  })
  .openapi('DraagkrachtGewichten');

export const DraagkrachtInstellingen = z
  .object({
    gewichten: Gewichten,
    indicator: z.string().max(120).nullable().openapi({ description: 'De CBS-kolom die meetelt (hoger = zwaarder)' }),
    kostenPerNacht: z.number().min(0).max(10_000).openapi({ description: 'Kosten van een nacht opvang in euro' }),
  })
  .openapi('DraagkrachtInstellingen');

const WijkVoorziening = z.object({
  soort: z.enum(FACILITY_KIND_CODES),
  soortLabel: z.string(),
  naam: z.string().nullable().openapi({ description: 'Leeg voor Housing First- en Skaeve Huse-woningen (geen adres)' }),
  plekken: z.number().int(),
});

export const Wijk = z
  .object({
    id: z.string(),
    code: z.string().openapi({ example: 'WK050501' }),
    naam: z.string(),
    gemeentecode: z.string(),
    inwoners: z.number().int(),
    voorzieningen: z.array(WijkVoorziening),
    plekken: z.number().int(),
    plekkenPer1000: z.number(),
    meldingenPerJaar: z.number().int().openapi({ description: 'Buurtmeldingen in de afgelopen 12 maanden' }),
    meldingenPer1000: z.number(),
    indicatoren: z.record(z.string(), z.number()),
    indicatorJaar: z.number().int().nullable(),
    draagkracht: z.number().int().openapi({ description: '0 (zwaar belast) tot 100 (veel draagkracht)' }),
    kaart: z.object({ x: z.number(), y: z.number() }),
  })
  .openapi('Wijk');

export const Wijken = z
  .object({
    wijken: z.array(Wijk),
    instellingen: DraagkrachtInstellingen,
    formule: z.string(),
    beschikbareIndicatoren: z.array(z.string()),
  })
  .openapi('Wijken');

export const CbsImport = z
  .object({
    csv: z.string().min(1).max(2_000_000),
    kolommen: z
      .array(z.string().min(1).max(120))
      .max(20)
      .openapi({ description: 'De CBS-kolommen om over te nemen, naast het aantal inwoners' }),
    jaar: z.number().int().min(2000).max(2100),
  })
  .openapi('CbsImport');
export const CbsImportResultaat = z
  .object({
    bijgewerkt: z.number().int(),
    toegevoegd: z.number().int(),
    overgeslagen: z
      .number()
      .int()
      .openapi({ description: 'Regels die geen wijk van de regio zijn (buurten, andere gemeenten)' }),
  })
  .openapi('CbsImportResultaat');

const assumptionShape = Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, z.number()])) as Record<
  (typeof ASSUMPTION_KEYS)[number],
  z.ZodNumber
>;
export const Aannames = z.object(assumptionShape).openapi('BusinessCaseAannames');
export const AannamesWijziging = z.object(assumptionShape).partial().openapi('BusinessCaseAannamesWijziging');

export const BusinessCaseUitkomst = z
  .object({
    jaarlijkseKosten: z.number(),
    bespaardeOpvangnachten: z.number(),
    vermedenOpvangkosten: z.number(),
    extraDuurzaamGehuisvest: z.number(),
    vermedenTerugvalkosten: z.number(),
    nettoPerJaar: z.number(),
    saldoOverLooptijd: z.number(),
    terugverdientijdJaren: z.number().nullable(),
  })
  .openapi('BusinessCaseUitkomst');

export const BusinessCase = z
  .object({
    plekken: z.number().int(),
    aannames: Aannames,
    uitkomst: BusinessCaseUitkomst,
    formules: z.array(z.string()),
    toelichting: z.array(
      z.object({ sleutel: z.string(), label: z.string(), eenheid: z.string(), min: z.number(), max: z.number() }),
    ),
  })
  .openapi('BusinessCase');

export const BusinessCaseBerekening = z
  .object({ plekken: z.number().int().min(1).max(500), aannames: Aannames })
  .openapi('BusinessCaseBerekening');

const Procedurestap = z
  .object({
    id: z.string(),
    soort: z.string(),
    omschrijving: z.string(),
    eigenaar: z.string(),
    gepland: DatumUit.nullable(),
    gedaan: DatumUit.nullable(),
    notitie: z.string().nullable(),
    teLaat: z.boolean(),
  })
  .openapi('Procedurestap');

const LocatieAfspraak = z
  .object({
    id: z.string(),
    gemaaktOp: DatumUit,
    wie: z.string(),
    wat: z.string(),
    uiterlijk: DatumUit.nullable(),
    nagekomen: z.boolean().nullable(),
  })
  .openapi('LocatieAfspraak');

export const Locatiekandidaat = z
  .object({
    id: z.string(),
    naam: z.string(),
    adres: z.string(),
    wijk: z.object({ id: z.string(), naam: z.string(), draagkracht: z.number().int() }).nullable(),
    plekken: z.number().int(),
    oppervlakte: z.number().int().nullable(),
    eigenaar: z.string(),
    eigenaarSoort: z.enum(OWNER_KIND_CODES),
    eigenaarSoortLabel: z.string(),
    leegstaandPubliekVastgoed: z.boolean(),
    vorm: z.enum(SITE_FORM_CODES),
    vormLabel: z.string(),
    status: z.enum(SITE_STATUSES),
    statusLabel: z.string(),
    volgendeStatussen: z.array(z.enum(SITE_STATUSES)),
    businessCase: BusinessCase,
    procedure: z.array(Procedurestap),
    afspraken: z.array(LocatieAfspraak),
  })
  .openapi('Locatiekandidaat');
export const Locatiekandidaten = z.object({ kandidaten: z.array(Locatiekandidaat) }).openapi('Locatiekandidaten');

export const NieuweLocatiekandidaat = z
  .object({
    naam: z.string().min(1).max(200),
    adres: z.string().min(1).max(300),
    wijkId: z.string().max(64).nullish(),
    plekken: z.number().int().min(1).max(500),
    oppervlakte: z.number().int().min(1).max(100_000).nullish(),
    eigenaar: z.string().min(1).max(200),
    eigenaarSoort: z.enum(OWNER_KIND_CODES),
    leegstaandPubliekVastgoed: z.boolean().optional(),
    vorm: z.enum(SITE_FORM_CODES),
  })
  .openapi('NieuweLocatiekandidaat');

export const LocatiekandidaatStatus = z.object({ status: z.enum(SITE_STATUSES) }).openapi('LocatiekandidaatStatus');

export const ProcedurestapWijziging = z
  .object({
    eigenaar: z.string().max(200).optional(),
    gepland: datum.nullish(),
    gedaan: datum.nullish(),
    notitie: z.string().max(2000).nullish(),
  })
  .openapi('ProcedurestapWijziging');

export const NieuweLocatieAfspraak = z
  .object({
    gemaaktOp: datum,
    wie: z.string().min(1).max(200),
    wat: z.string().min(1).max(2000),
    uiterlijk: datum.nullish(),
  })
  .openapi('NieuweLocatieAfspraak');

export const Buurtwerklijst = z
  .object({
    telaatStappen: z.array(
      z.object({
        kandidaatId: z.string(),
        locatie: z.string(),
        stapId: z.string(),
        omschrijving: z.string(),
        eigenaar: z.string(),
        gepland: DatumUit,
        dagenTeLaat: z.number().int(),
      }),
    ),
    openMeldingenOuderDan5Dagen: z.number().int(),
  })
  .openapi('Buurtwerklijst');

export const StapParams = z.object({ id: z.string().min(1).max(64), stapId: z.string().min(1).max(64) });
