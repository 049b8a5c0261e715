// Reports: response schemas of the key figures (one period, or a series of sub-periods) and current occupancy.
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import { EXIT_GROUPS } from '../../reference/reference.js';
import { INTERVALS } from './kerncijfers.js';

/** A count of persons; null when suppressed (1–4 persons, for roles that see aggregates only). */
const Aantal = z.number().int().nullable();
const onderdrukt = z.boolean().optional().openapi({ description: 'true: minder dan 5 personen, daarom niet getoond' });
const Gemiddelde = z.number().nullable();
const Aandeel = z.number().nullable().openapi({ description: 'Aandeel 0..1 (null: geen noemer of onderdrukt)' });

/** The key figures of domain.md §4 for one period, suppressed where the role sees aggregates only. */
const Cijfers = {
  aanmeldingen: Aantal,
  startTraject: Aantal.openapi({ description: 'Aanmeldingen met meer dan 3 nachten en een gestart traject' }),
  gemiddeldAantalNachten: Gemiddelde,
  gemiddeldeDuurTrajectDagen: Gemiddelde,
  uitgestroomd: Aantal.openapi({ description: 'Beëindigde trajecten (in bereik) met een bekende bestemming' }),
  vertrokkenOnbekend: Aantal.openapi({ description: 'Beëindigde trajecten (in bereik) met onbekende bestemming' }),
  gemiddeldeBedbezetting: Gemiddelde.openapi({
    description: 'Bezette bedden per verstreken nacht in het bereik; een huishouden van n bezet n bedden',
  }),
  binnenDrieMaandenDoorgestroomd: Aandeel,
  uitstroomNaarWonen: Aandeel,
  trajectenBeeindigd: Aantal,
  personenInOpvang: Aantal,
  herkomst: z.array(z.object({ herkomst: z.string(), aantal: Aantal, onderdrukt })),
  herkomstPerGemeente: z.array(z.object({ gemeentecode: z.string(), aantal: Aantal, onderdrukt })),
  aanleiding: z.array(z.object({ aanleiding: z.string(), aantal: Aantal, onderdrukt })),
  uitstroomPerGroep: z.array(
    z.object({ groep: z.enum(EXIT_GROUPS.map((g) => g.code)), label: z.string(), aantal: Aantal, onderdrukt }),
  ),
  onderdrukt: z.array(z.string()).openapi({ description: 'Namen van de kerncijfers die onderdrukt (null) zijn' }),
  // Issue 13: Little's law beside the exact figures (toegang); null for protected figures.
  wetVanLittle: z
    .object({
      gemetenBezetting: z.number().nullable(),
      instroomPerNacht: z.number().nullable().openapi({ description: 'Beëindigde trajecten per verstreken nacht (λ)' }),
      gemiddeldAantalNachten: z.number().nullable(),
      verwachteBezetting: z.number().nullable().openapi({ description: 'λ × gemiddeld aantal nachten' }),
      afwijking: z.number().nullable().openapi({ description: '(gemeten − verwacht) / verwacht' }),
      klopt: z.boolean(),
      waarschuwing: z.string().nullable(),
    })
    .nullable()
    .openapi('WetVanLittle', {
      description: 'Controle bezetting ≈ instroom × verblijfsduur (alleen bij exacte cijfers)',
    }),
};

/** Issue 13: how protected figures are protected (null: exact figures). */
const bescherming = z
  .object({
    methode: z.literal('celsleutelmethode'),
    maximaleAfwijking: z.number().int(),
    minimumAantal: z.number().int().openapi({ description: 'Gemiddelden en aandelen alleen vanaf zoveel personen' }),
    toelichting: z.string(),
  })
  .nullable()
  .openapi('Bescherming', { description: 'Hoe de cijfers beschermd zijn (null: exacte cijfers)' });

const onderdrukkingsgrens = z.number().int().nullable().openapi({
  description:
    'Gemiddelden, aandelen en bezetting over minder personen zijn onderdrukt; aantallen zijn beschermd met de celsleutelmethode (null: exacte cijfers)',
});

export const Kerncijfers = z
  .object({
    regio: z.string(),
    van: DatumUit,
    tot: DatumUit.openapi({ description: 'Einddatum, exclusief' }),
    ...Cijfers,
    onderdrukkingsgrens,
    bescherming,
  })
  .openapi('Kerncijfers');

export const Reeksen = z
  .object({
    regio: z.string(),
    van: DatumUit,
    tot: DatumUit.openapi({ description: 'Einddatum, exclusief' }),
    interval: z.enum(INTERVALS),
    perioden: z.array(
      z
        .object({
          label: z.string().openapi({ example: '2019K3' }),
          van: DatumUit,
          tot: DatumUit.openapi({ description: 'Einddatum, exclusief' }),
          ...Cijfers,
        })
        .openapi('KerncijfersPeriode'),
    ),
    onderdrukkingsgrens,
    bescherming,
  })
  .openapi('Reeksen');

export const BezettingPerLocatie = z
  .object({
    regio: z.string(),
    peildatum: DatumUit,
    locaties: z.array(
      z
        .object({
          id: z.string(),
          naam: z.string(),
          type: z.string(),
          nachtopvang: z.boolean(),
          gemeentecode: z.string().nullable(),
          capaciteit: z.number().int(),
          reserve: z.number().int(),
          eenheden: z.number().int(),
          bezet: z.number().int(),
          reserveBezet: z.number().int(),
          bezetteEenheden: z.number().int(),
          vrij: z.number().int(),
          bezettingsgraad: z
            .number()
            .nullable()
            .openapi({ description: 'bezet / capaciteit (null zonder capaciteit)' }),
        })
        .openapi('LocatieBezetting'),
    ),
    totaal: z.object({
      capaciteit: z.number().int(),
      reserve: z.number().int(),
      bezet: z.number().int(),
      reserveBezet: z.number().int(),
    }),
    bescherming,
  })
  .openapi('BezettingPerLocatie');
