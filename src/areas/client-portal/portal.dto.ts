// Issue 16 — response schemas of Mijn Onderdak (the client's own view) and of the client's messages in the dossier.
// The client's view carries no identifiers of records, no BSN, no codes: only what the client needs, in words.
import { z } from '@hono/zod-openapi';
import { DatumUit, Tijdstip } from '../../platform/http/schemas.js';
import { CORRECTION_SUBJECT_CODES } from './portal-texts.js';

const Slaapplek = z
  .object({
    locatie: z.string(),
    adres: z.string().nullable(),
    postcode: z.string().nullable(),
    plaats: z.string().nullable(),
    kamer: z.string(),
    sinds: DatumUit,
  })
  .openapi('MijnSlaapplek');

const Contactpersoon = z
  .object({
    naam: z.string(),
    bereikbaar: z.string().openapi({ description: 'Hoe de cliënt de contactpersoon bereikt, in gewone woorden' }),
    telefoonLocatie: z.string().nullable().openapi({ description: 'Telefoonnummer van de opvang, als dat bekend is' }),
  })
  .openapi('MijnContactpersoon');

const MijnAfspraak = z
  .object({
    datum: DatumUit,
    tijd: z.string().openapi({ format: 'time-local', example: '14:30' }),
    metWie: z.string(),
    waar: z.string(),
    waarover: z.string().nullable(),
  })
  .openapi('MijnAfspraak');

const MijnActie = z
  .object({
    wat: z.string(),
    wie: z.string().openapi({ description: 'Wie het doet, in gewone woorden ("Jij", "Je contactpersoon")' }),
    doorMij: z.boolean().openapi({ description: 'De cliënt doet deze actie zelf' }),
    wanneer: DatumUit,
    stand: z.string(),
    klaar: z.boolean(),
  })
  .openapi('MijnActie');

const MijnDoel = z
  .object({
    onderwerp: z.string().openapi({ description: 'Het levensgebied in gewone woorden' }),
    doel: z.string(),
    stand: z.string(),
    acties: z.array(MijnActie),
  })
  .openapi('MijnDoel');

const MijnPlan = z
  .object({
    inMijnWoorden: z.string().nullable(),
    mijnWensen: z.string().nullable(),
    gemaaktOp: DatumUit,
    getekend: z.boolean(),
    doelen: z.array(MijnDoel),
    mijnVolgendeStappen: z.array(MijnActie).openapi({ description: 'Wat de cliënt zelf als eerste doet' }),
  })
  .openapi('MijnPlan');

const MijnDocument = z
  .object({
    naam: z.string(),
    omschrijving: z.string().nullable(),
    soort: z.string().openapi({ description: 'PDF, afbeelding' }),
    grootte: z.string().openapi({ description: 'Grootte in woorden, bijvoorbeeld "120 kB"' }),
    toegevoegdOp: DatumUit,
    downloadPad: z.string().openapi({ description: 'Pad om het bestand te downloaden (elke download wordt gelogd)' }),
  })
  .openapi('MijnDocument');

const MijnVerslag = z
  .object({
    datum: DatumUit,
    tijd: z.string(),
    door: z.string(),
    tekst: z.string(),
  })
  .openapi('MijnVerslag');

export const BerichtSoort = z.enum(['opmerking', 'correctie']).openapi('BerichtSoort');
export const CorrectieOnderwerp = z.enum(CORRECTION_SUBJECT_CODES).openapi('CorrectieOnderwerp');

const MijnBericht = z
  .object({
    soort: BerichtSoort,
    soortTekst: z.string(),
    onderwerp: z.string().nullable(),
    tekst: z.string(),
    verstuurdOp: Tijdstip,
    antwoord: z.object({ tekst: z.string(), door: z.string(), op: Tijdstip }).nullable().openapi('MijnAntwoord'),
  })
  .openapi('MijnBericht');

const Inzage = z
  .object({
    datum: DatumUit,
    wie: z.string(),
    organisatie: z.string().nullable(),
    wat: z.string(),
    waarom: z.string(),
    keer: z.number().int(),
  })
  .openapi('MijnInzage');

export const MijnOnderdak = z
  .object({
    voornaam: z.string(),
    vandaag: DatumUit,
    slaapplek: Slaapplek.nullable(),
    contactpersoon: Contactpersoon.nullable(),
    afspraken: z.array(MijnAfspraak).openapi({ description: 'De komende afspraken, vroegste eerst' }),
    plan: MijnPlan.nullable(),
    documenten: z.array(MijnDocument),
    verslagen: z
      .array(MijnVerslag)
      .openapi({ description: 'Verslagen die met de cliënt gedeeld zijn, nieuwste eerst' }),
    berichten: z.array(MijnBericht).openapi({ description: 'Eigen opmerkingen en correctieverzoeken, nieuwste eerst' }),
    correctieOnderwerpen: z.array(z.object({ code: CorrectieOnderwerp, label: z.string() })),
    inzage: z.array(Inzage).openapi({ description: 'Wie het dossier bekeek of gebruikte (niet de cliënt zelf)' }),
  })
  .openapi('MijnOnderdak');
export type MijnOnderdak = z.infer<typeof MijnOnderdak>;
export type MijnBericht = z.infer<typeof MijnBericht>;

/** The answer to POST /v1/mijn-onderdak/berichten. */
export const VerstuurdBericht = MijnBericht;

// ----- staff: the client's messages in the dossier -----
export const Clientbericht = z
  .object({
    id: z.string(),
    clientId: z.string(),
    soort: BerichtSoort,
    soortLabel: z.string(),
    onderwerp: z.string().nullable(),
    onderwerpLabel: z.string().nullable(),
    tekst: z.string(),
    verstuurdOp: Tijdstip,
    antwoord: z.string().nullable(),
    beantwoordOp: Tijdstip.nullable(),
    beantwoordDoor: z.string().nullable(),
    mogelijkheden: z.object({ beantwoorden: z.boolean() }).openapi('ClientberichtMogelijkheden'),
  })
  .openapi('Clientbericht');
export const Clientberichten = z
  .object({
    resultaten: z.array(Clientbericht),
    open: z.number().int().openapi({ description: 'Berichten zonder antwoord' }),
  })
  .openapi('Clientberichten');
