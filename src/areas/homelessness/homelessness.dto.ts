// Issue 20: request and response schemas of the by-name list, veldwerk, the street count, the turn-away register and
// the monthly flow.
import { z } from '@hono/zod-openapi';
import { DatumUit, datum, optText } from '../../platform/http/schemas.js';

export const SITUATIONS = [
  { code: 'opvang', label: 'In de opvang' },
  { code: 'buiten', label: 'Slaapt buiten' },
  { code: 'bij_anderen', label: 'Verblijft bij anderen' },
  { code: 'auto', label: 'Slaapt in een auto' },
  { code: 'kraakpand', label: 'Verblijft in een kraakpand' },
  { code: 'tussenvoorziening', label: 'In een tussenvoorziening' },
  { code: 'wacht_op_woning', label: 'Wacht op een woning' },
  { code: 'bekend_bij_toegang', label: 'Bekend bij de toegang' },
  { code: 'onbekend', label: 'Onbekend' },
] as const;
export type Situation = (typeof SITUATIONS)[number]['code'];
export const SLEEPING_SITUATIONS = [
  'buiten',
  'bij_anderen',
  'auto',
  'kraakpand',
  'tussenvoorziening',
  'onbekend',
] as const;
export const OFFERS = [
  { code: 'nachtopvang', label: 'Nachtopvang' },
  { code: 'aanmelding_toegang', label: 'Aanmelding bij de toegang' },
  { code: 'maaltijd', label: 'Maaltijd of dagopvang' },
  { code: 'zorg', label: 'Medische zorg' },
  { code: 'kleding', label: 'Kleding of slaapzak' },
  { code: 'geweigerd', label: 'Aanbod geweigerd' },
] as const;
export const TURN_AWAY_REASONS = [
  { code: 'vol', label: 'Vol' },
  { code: 'past_niet', label: 'Past niet bij het huishouden' },
  { code: 'regiobinding', label: 'Regiobinding elders' },
  { code: 'afgewezen', label: 'Afgewezen' },
  { code: 'doorverwezen', label: 'Doorverwezen' },
] as const;
export const WENT_TO = [
  { code: 'straat', label: 'Op straat' },
  { code: 'bij_anderen', label: 'Bij anderen' },
  { code: 'andere_opvang', label: 'Andere opvang' },
  { code: 'voorliggend_veld', label: 'Voorliggend veld' },
  { code: 'andere_regio', label: 'Andere regio' },
  { code: 'eigen_netwerk', label: 'Eigen netwerk' },
  { code: 'onbekend', label: 'Onbekend' },
] as const;
const codes = <T extends readonly { code: string }[]>(list: T) =>
  list.map((x) => x.code) as unknown as [T[number]['code'], ...T[number]['code'][]];
export const labelOf = (list: readonly { code: string; label: string }[], code: string | null) =>
  list.find((x) => x.code === code)?.label ?? code ?? '';

const Toestand = z.enum(['actief', 'inactief', 'gehuisvest']).openapi({
  description: 'actief: dakloos en in beeld; inactief: N maanden geen contact; gehuisvest: uitgestroomd naar wonen',
});

export const NamenlijstQuery = z.object({
  toestand: z
    .enum(['actief', 'inactief', 'gehuisvest', 'alle'], { message: 'Kies actief, inactief, gehuisvest of alle.' })
    .optional()
    .openapi({ description: 'Standaard actief' }),
  situatie: z.enum(codes(SITUATIONS), { message: 'Onbekende situatie.' }).optional(),
});
export const NamenlijstPersoon = z
  .object({
    sleutel: z.string().openapi({ description: 'client:<id> of anoniem:<id>' }),
    clientId: z.string().nullable(),
    anoniemId: z.string().nullable(),
    naam: z
      .string()
      .openapi({ description: 'Naam, of de beschrijving van een persoon die alleen uit veldwerk bekend is' }),
    geschatteLeeftijd: z.number().int().nullable(),
    toestand: Toestand,
    situatie: z.enum(codes(SITUATIONS)),
    situatieLabel: z.string(),
    laatsteContact: DatumUit,
    actiefSinds: DatumUit.nullable(),
    alleenVeldwerk: z.boolean(),
  })
  .openapi('NamenlijstPersoon');
export const Namenlijst = z
  .object({
    peildatum: DatumUit,
    inactiefNaMaanden: z.number().int(),
    aantal: z.number().int(),
    resultaten: z.array(NamenlijstPersoon),
  })
  .openapi('Namenlijst');

const Telling = z.object({ code: z.string(), label: z.string(), aantal: z.number().int() });
export const DakloosheidCijfers = z
  .object({
    peildatum: DatumUit,
    exact: z.boolean().openapi({ description: 'false: beschermde cijfers (celsleutelmethode, ADR 0013)' }),
    actief: z.number().int(),
    inactief: z.number().int(),
    perSituatie: z.array(Telling).openapi({ description: 'Actieve personen per situatie; cellen van 0 weggelaten' }),
    afgewezenLaatste12Maanden: z.number().int().openapi({ description: 'Onvervulde vraag: verzoeken zonder plek' }),
    afgewezenPerReden: z.array(Telling),
    buitenslapersPerJaar: z.array(z.object({ jaar: z.number().int(), aantal: z.number().int() })),
  })
  .openapi('DakloosheidCijfers');

export const StroomQuery = z.object({
  van: z
    .string()
    .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, 'Gebruik een maand als JJJJ-MM (1900–2099).')
    .openapi({ description: 'Eerste maand (JJJJ-MM)', example: '2025-01' }),
  tot: z
    .string()
    .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, 'Gebruik een maand als JJJJ-MM (1900–2099).')
    .openapi({ description: 'Laatste maand, inclusief (JJJJ-MM)', example: '2026-12' }),
  formaat: z.enum(['json', 'csv']).optional().openapi({ description: 'csv: puntkomma, UTF-8 met BOM' }),
});
export const StroomMaand = z
  .object({
    maand: z.string().openapi({ example: '2026-03' }),
    peildag: DatumUit,
    actiefBegin: z.number().int(),
    instroomNieuw: z.number().int(),
    instroomTerugUitWonen: z.number().int(),
    instroomTerugNaInactiviteit: z.number().int(),
    uitstroomNaarWonen: z.number().int(),
    uitstroomInactief: z.number().int(),
    actiefEind: z.number().int(),
    netto: z.number().int().openapi({ description: 'Instroom − uitstroom (negatief: op weg naar functional zero)' }),
  })
  .openapi('StroomMaand');
export const Stroom = z
  .object({
    van: z.string(),
    tot: z.string(),
    exact: z.boolean(),
    inactiefNaMaanden: z.number().int(),
    maanden: z.array(StroomMaand),
    maandenOpRijMinderInstroom: z
      .number()
      .int()
      .openapi({ description: 'Aantal laatste maanden op rij met minder instroom dan uitstroom (functional zero)' }),
  })
  .openapi('Stroom');

export const NamenlijstInstellingen = z
  .object({
    inactiefNaMaanden: z
      .number()
      .int()
      .openapi({ description: 'Inactief na zoveel maanden zonder contact (1–24, standaard 3)' }),
  })
  .openapi('NamenlijstInstellingen');

// ----- veldwerk -----
export const NewOutreachContact = z
  .object({
    datum,
    clientId: z.string().max(64).nullish().openapi({ description: 'Een bekende cliënt; anders anoniemId of anoniem' }),
    anoniemId: z.string().max(64).nullish().openapi({ description: 'Een eerder beschreven anonieme persoon' }),
    anoniem: z
      .object({ beschrijving: z.string().max(400), geschatteLeeftijd: z.number().int().nullish() })
      .nullish()
      .openapi({ description: 'Een nieuwe anonieme persoon: beschrijving en geschatte leeftijd' }),
    slaapplek: z.enum(SLEEPING_SITUATIONS, { message: 'Kies waar de persoon slaapt.' }),
    breedtegraad: z.number().nullish(),
    lengtegraad: z.number().nullish(),
    plek: z.string().max(200).nullish().openapi({ description: 'Omschrijving van de plek, bijvoorbeeld "Station"' }),
    aangeboden: z.array(z.enum(codes(OFFERS), { message: 'Onbekend aanbod.' })).max(10),
    notitie: optText,
  })
  .openapi('NieuwVeldwerkcontact');
export const Veldwerkcontact = z
  .object({
    id: z.string(),
    datum: DatumUit,
    clientId: z.string().nullable(),
    anoniemId: z.string().nullable(),
    naam: z.string(),
    slaapplek: z.string(),
    slaapplekLabel: z.string(),
    breedtegraad: z.number().nullable(),
    lengtegraad: z.number().nullable(),
    plek: z.string().nullable(),
    aangeboden: z.array(z.string()),
    notitie: z.string().nullable(),
  })
  .openapi('Veldwerkcontact');
export const Veldwerkcontacten = z
  .object({
    resultaten: z.array(Veldwerkcontact),
    regio: z
      .object({ minBreedte: z.number(), maxBreedte: z.number(), minLengte: z.number(), maxLengte: z.number() })
      .openapi({ description: 'Het kader van de regiokaart (WGS84)' }),
  })
  .openapi('Veldwerkcontacten');
export const AnoniemePersonen = z
  .object({
    resultaten: z.array(
      z.object({
        id: z.string(),
        beschrijving: z.string(),
        geschatteLeeftijd: z.number().int().nullable(),
        laatsteContact: DatumUit.nullable(),
      }),
    ),
  })
  .openapi('AnoniemePersonen');
export const VeldwerkQuery = z.object({
  van: datum.optional().openapi({ description: 'Vanaf (standaard: 90 dagen terug)' }),
});

export const NewStreetCount = z
  .object({ datum, gebied: z.string().max(100), aantal: z.number().int() })
  .openapi('NieuweTelling');
export const Tellingen = z
  .object({
    perJaar: z.array(z.object({ jaar: z.number().int(), aantal: z.number().int(), gebieden: z.number().int() })),
    resultaten: z.array(
      z.object({ id: z.string(), datum: DatumUit, gebied: z.string(), aantal: z.number().int() }).openapi('Telling'),
    ),
  })
  .openapi('Tellingen');

// ----- afgewezen verzoeken -----
export const NewTurnAway = z
  .object({
    datum: datum.nullish().openapi({ description: 'Verplicht, behalve bij een toegangsbesluit (dan diens datum)' }),
    clientId: z.string().max(64).nullish(),
    toegangsbesluitId: z
      .string()
      .max(64)
      .nullish()
      .openapi({ description: 'Koppelt een afwijzing of doorverwijzing van de toegang (geen kopie)' }),
    locatieId: z.string().max(64).nullish(),
    reden: z.enum(codes(TURN_AWAY_REASONS), { message: 'Kies een reden.' }).nullish(),
    waarNaartoe: z.enum(codes(WENT_TO), { message: 'Kies waar de persoon naartoe ging.' }).nullish(),
    huishoudgrootte: z.number().int().nullish(),
    toelichting: optText,
  })
  .openapi('NieuwAfgewezenVerzoek');
export const TurnAwayUpdate = z
  .object({
    waarNaartoe: z.enum(codes(WENT_TO), { message: 'Kies waar de persoon naartoe ging.' }),
    toelichting: optText,
  })
  .openapi('AfgewezenVerzoekWijziging');
export const AfgewezenVerzoek = z
  .object({
    id: z
      .string()
      .nullable()
      .openapi({ description: 'null: een toegangsbesluit waarvan nog niet is vastgelegd waar de persoon heen ging' }),
    toegangsbesluitId: z.string().nullable(),
    datum: DatumUit,
    clientId: z.string().nullable(),
    naam: z.string().nullable(),
    locatieId: z.string().nullable(),
    locatieNaam: z.string().nullable(),
    reden: z.string(),
    redenLabel: z.string(),
    waarNaartoe: z.string().nullable(),
    waarNaartoeLabel: z.string().nullable(),
    huishoudgrootte: z.number().int(),
    toelichting: z.string().nullable(),
    bron: z.enum(['register', 'toegangsbesluit']),
  })
  .openapi('AfgewezenVerzoek');
export const AfgewezenVerzoeken = z.object({ resultaten: z.array(AfgewezenVerzoek) }).openapi('AfgewezenVerzoeken');
export const AfgewezenQuery = z.object({
  van: datum.optional().openapi({ description: 'Vanaf (standaard: 365 dagen terug)' }),
});
