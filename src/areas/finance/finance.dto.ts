// Response schemas of the eigen bijdrage, tariffs and the budget (issue 19). Amounts are euros as numbers (2 decimals).
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';

const Bedrag = z.number().openapi({ description: 'Bedrag in euro (2 decimalen)', example: 12.5 });

export const EigenBijdrage = z
  .object({
    clientId: z.string(),
    peildatum: DatumUit.openapi({ description: 'Nachten geteld tot en met de nacht vóór deze dag' }),
    nachten: z.number().int(),
    nachtenVrijgesteld: z.number().int(),
    verschuldigd: Bedrag,
    betaald: Bedrag,
    saldo: Bedrag.openapi({ description: 'Verschuldigd min betaald; positief = nog te betalen' }),
    achterstand: Bedrag.openapi({ description: 'Nog niet betaald voor nachten van meer dan 60 dagen geleden' }),
    perMaand: z.array(
      z
        .object({
          maand: z.string().openapi({ example: '2026-10' }),
          nachten: z.number().int(),
          nachtenVrijgesteld: z.number().int(),
          verschuldigd: Bedrag,
        })
        .openapi('EigenBijdrageMaand'),
    ),
    aanpassingen: z.array(
      z
        .object({
          id: z.string(),
          soort: z.enum(['vrijstelling', 'korting']),
          percentage: z.number().int(),
          van: DatumUit,
          tot: DatumUit.nullable(),
          reden: z.string(),
        })
        .openapi('EigenBijdrageAanpassing'),
    ),
    betalingen: z.array(
      z
        .object({ id: z.string(), datum: DatumUit, bedrag: Bedrag, kenmerk: z.string().nullable() })
        .openapi('EigenBijdrageBetaling'),
    ),
    mogelijkheden: z.object({ vastleggen: z.boolean() }).openapi('EigenBijdrageMogelijkheden'),
  })
  .openapi('EigenBijdrage');
export type EigenBijdrage = z.infer<typeof EigenBijdrage>;

export const Maandoverzicht = z
  .object({
    maand: z.string().openapi({ example: '2026-10' }),
    rijen: z.array(
      z
        .object({
          clientId: z.string(),
          naam: z.string(),
          nachten: z.number().int(),
          nachtenVrijgesteld: z.number().int(),
          verschuldigd: Bedrag,
          betaald: Bedrag.openapi({ description: 'Betaald in deze maand' }),
          saldo: Bedrag.openapi({ description: 'Openstaand aan het eind van de maand' }),
        })
        .openapi('EigenBijdrageMaandregel'),
    ),
    totaal: z
      .object({ nachten: z.number().int(), verschuldigd: Bedrag, betaald: Bedrag })
      .openapi('EigenBijdrageMaandtotaal'),
  })
  .openapi('EigenBijdrageMaandoverzicht');
export type Maandoverzicht = z.infer<typeof Maandoverzicht>;

export const Achterstandssignalen = z
  .object({ aantalSignalen: z.number().int(), aantalAlGemeld: z.number().int() })
  .openapi('AchterstandssignalenResultaat');

export const Tarief = z
  .object({
    id: z.string(),
    soort: z.enum(['eigen-bijdrage', 'kostprijs']),
    voorzieningstype: z.string(),
    bedragPerNacht: Bedrag,
    geldigVanaf: DatumUit,
  })
  .openapi('Tarief');
export type Tarief = z.infer<typeof Tarief>;
export const Tarieven = z.object({ resultaten: z.array(Tarief) }).openapi('Tarieven');

export const Budgetoverzicht = z
  .object({
    jaar: z.number().int(),
    peildatum: DatumUit,
    budgetten: z.array(z.object({ omschrijving: z.string(), bedrag: Bedrag }).openapi('Budgetpost')),
    totaalBudget: Bedrag,
    uitgaven: z.array(
      z
        .object({
          voorzieningstype: z.string(),
          omschrijving: z.string(),
          bednachten: z.number().int(),
          kostprijsBekend: z.boolean(),
          bedrag: Bedrag,
        })
        .openapi('BudgetUitgave'),
    ),
    totaalUitgaven: Bedrag,
    resterend: Bedrag,
  })
  .openapi('Budgetoverzicht');
export type Budgetoverzicht = z.infer<typeof Budgetoverzicht>;
