// Issue 17 — schemas of the public facility page, the nuisance report form, the reporter's view and the meldingen
// worklist. The public shapes carry no person data and no record ids (only the slug and the tracking code).
import { z } from '@hono/zod-openapi';
import { DatumUit, datum, Tijdstip } from '../../platform/http/schemas.js';
import { REPORT_KIND_CODES, REPORT_STATUSES } from './reference.js';

export const SlugParam = z.object({
  slug: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Een locatienaam in de link bestaat uit kleine letters, cijfers en streepjes.'),
});
export const VolgcodeParam = z.object({
  volgcode: z
    .string()
    .min(20)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'Deze volgcode klopt niet.'),
});

const CodeLabel = z.object({ code: z.string(), label: z.string() });

export const OpenbareAfspraak = z
  .object({
    gemaaktOp: DatumUit,
    wie: z.string(),
    wat: z.string(),
    uiterlijk: DatumUit.nullable(),
    stand: z
      .enum(['loopt', 'nagekomen', 'niet-nagekomen'])
      .openapi({ description: 'Of de afspraak is nagekomen, zoals beoordeeld met de buurt (issue 17)' }),
  })
  .openapi('OpenbareAfspraak');

export const OpenbareLocatie = z
  .object({
    slug: z.string(),
    naam: z.string(),
    soort: z.string(),
    omschrijving: z.string(),
    sinds: DatumUit.nullable(),
    zorgaanbieder: z.string(),
    bereikbaarheid: z.string().openapi({ description: 'Hoe u de leiding van de locatie bereikt' }),
    wijk: z.string().nullable(),
    volgendeBijeenkomst: z.object({ datum: DatumUit, plaats: z.string().nullable() }).nullable(),
    afspraken: z.array(OpenbareAfspraak),
    meldingsoorten: z.array(CodeLabel),
    formulierToken: z
      .string()
      .openapi({ description: 'Ondertekend formuliertoken; meesturen met de melding (niet eerder dan na 3 seconden)' }),
  })
  .openapi('OpenbareLocatie');

export const NieuweBuurtmelding = z
  .object({
    soort: z.enum(REPORT_KIND_CODES),
    wat: z.string().min(1).max(2000).openapi({ description: 'Wat er gebeurde' }),
    datum,
    tijd: z
      .string()
      .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Gebruik een tijd als UU:MM.')
      .nullish(),
    waar: z.string().min(1).max(200).openapi({ description: 'Waar het gebeurde (straat, plek)' }),
    naam: z.string().max(200).nullish(),
    email: z.string().max(200).nullish(),
    telefoon: z.string().max(40).nullish(),
    formulierToken: z.string().min(1).max(200),
    website: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: 'Laat leeg. Dit veld is verborgen voor mensen; wie het invult, is een robot.' }),
  })
  .openapi('NieuweBuurtmelding');

export const BuurtmeldingOntvangen = z
  .object({
    volgcode: z.string().openapi({ description: 'Geheime code om de melding te volgen; bewaar hem goed' }),
    volgpagina: z.string().openapi({ example: '/openbaar/melding/AbC…' }),
    status: z.enum(REPORT_STATUSES),
  })
  .openapi('BuurtmeldingOntvangen');

export const MijnBuurtmelding = z
  .object({
    locatie: z.string(),
    slug: z.string(),
    soort: z.string(),
    wat: z.string(),
    datum: DatumUit,
    tijd: z.string().nullable(),
    waar: z.string(),
    status: z.enum(REPORT_STATUSES),
    statusLabel: z.string(),
    ontvangenOp: Tijdstip,
    reactie: z.string().nullable(),
    beantwoordOp: Tijdstip.nullable(),
  })
  .openapi('MijnBuurtmelding');

export const Buurtmelding = z
  .object({
    id: z.string(),
    locatie: z.object({ id: z.string(), naam: z.string(), slug: z.string() }),
    soort: z.enum(REPORT_KIND_CODES),
    soortLabel: z.string(),
    wat: z.string(),
    datum: DatumUit,
    tijd: z.string().nullable(),
    waar: z.string(),
    plek: z.string().openapi({ description: 'De plek als groeperingssleutel (kleine letters, zonder leestekens)' }),
    opDezePlek: z.number().int().openapi({ description: 'Meldingen over dezelfde plek bij deze locatie in 90 dagen' }),
    status: z.enum(REPORT_STATUSES),
    statusLabel: z.string(),
    volgendeStatussen: z.array(z.enum(REPORT_STATUSES)),
    ontvangenOp: Tijdstip,
    eersteReactieOp: Tijdstip.nullable(),
    afgehandeldOp: Tijdstip.nullable(),
    reactieUren: z.number().nullable().openapi({ description: 'Uren van ontvangst tot de eerste reactie' }),
    reactie: z.string().nullable(),
    behandelaar: z.string().nullable(),
    contactAchtergelaten: z.boolean(),
    contact: z
      .object({ naam: z.string().nullable(), email: z.string().nullable(), telefoon: z.string().nullable() })
      .nullable()
      .openapi({ description: 'Alleen voor toegang en de eigen locatie; beleid ziet geen contactgegevens' }),
    mogelijkheden: z.object({ behandelen: z.boolean() }),
  })
  .openapi('Buurtmelding');

export const Buurtmeldingen = z
  .object({
    meldingen: z.array(Buurtmelding),
    herhaaldePlekken: z.array(
      z.object({ locatie: z.string(), plek: z.string(), waar: z.string(), aantal: z.number().int() }),
    ),
  })
  .openapi('Buurtmeldingen');

export const BuurtmeldingWijziging = z
  .object({
    status: z.enum(REPORT_STATUSES).optional(),
    reactie: z.string().min(1).max(2000).optional(),
  })
  .openapi('BuurtmeldingWijziging');

export const BuurtmeldingQuery = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  openbareLocatieId: z.string().max(64).optional(),
});

export const Buurtlocatie = z
  .object({
    id: z.string(),
    slug: z.string(),
    naam: z.string(),
    soort: z.string(),
    wijk: z.string().nullable(),
    openMeldingen: z.number().int(),
    volgendeBijeenkomst: DatumUit.nullable(),
  })
  .openapi('Buurtlocatie');
export const Buurtlocaties = z.object({ locaties: z.array(Buurtlocatie) }).openapi('Buurtlocaties');
