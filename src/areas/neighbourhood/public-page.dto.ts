// Issue 17 — managing a facility's public page: the texts the neighbours read, the next meeting, and the agreements
// with the neighbourhood with their judgement (kept or not), which feeds the yearly liveability monitor.
import { z } from '@hono/zod-openapi';
import { DatumUit, datum } from '../../platform/http/schemas.js';

export const AfspraakStand = z.enum(['loopt', 'nagekomen', 'niet-nagekomen']).openapi('AfspraakStand', {
  description: 'loopt: nog niet beoordeeld; nagekomen of niet-nagekomen: beoordeeld op beoordeeldOp',
});

export const Buurtafspraak = z
  .object({
    id: z.string(),
    gemaaktOp: DatumUit,
    wie: z.string(),
    wat: z.string(),
    uiterlijk: DatumUit.nullable(),
    stand: AfspraakStand,
    beoordeeldOp: DatumUit.nullable(),
    toelichting: z.string().nullable(),
    telaat: z.boolean().openapi({ description: 'De einddatum is voorbij en de afspraak is nog niet beoordeeld' }),
  })
  .openapi('Buurtafspraak');

export const OpenbarePaginaBeheer = z
  .object({
    id: z.string(),
    slug: z.string(),
    naam: z.string(),
    soort: z.string(),
    wijk: z.string().nullable(),
    omschrijving: z.string(),
    openSinds: DatumUit.nullable(),
    zorgaanbieder: z.string(),
    bereikbaarheid: z.string(),
    volgendeBijeenkomst: DatumUit.nullable(),
    plaatsBijeenkomst: z.string().nullable(),
    gepubliceerd: z.boolean(),
    afspraken: z.array(Buurtafspraak),
    magBeheren: z.boolean().openapi({ description: 'Mag de gebruiker deze pagina en haar afspraken wijzigen' }),
  })
  .openapi('OpenbarePaginaBeheer');

export const OpenbarePaginaWijziging = z
  .object({
    omschrijving: z.string().max(4000),
    openSinds: datum.nullable(),
    zorgaanbieder: z.string().max(200),
    bereikbaarheid: z.string().max(1000),
    volgendeBijeenkomst: datum.nullable(),
    plaatsBijeenkomst: z.string().max(300).nullable(),
    gepubliceerd: z.boolean(),
  })
  .openapi('OpenbarePaginaWijziging');

export const NieuweBuurtafspraak = z
  .object({
    gemaaktOp: datum,
    wie: z.string().max(200),
    wat: z.string().max(2000),
    uiterlijk: datum.nullish(),
  })
  .openapi('NieuweBuurtafspraak');

export const BuurtafspraakBeoordeling = z
  .object({
    stand: AfspraakStand,
    beoordeeldOp: datum.nullish().openapi({ description: 'Verplicht bij nagekomen of niet-nagekomen' }),
    toelichting: z.string().max(1000).nullish(),
  })
  .openapi('BuurtafspraakBeoordeling');
