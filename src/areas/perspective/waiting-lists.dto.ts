// Waiting lists for the next step: response schemas.
import { z } from '@hono/zod-openapi';
import { CodeLabel, DatumUit } from '../../platform/http/schemas.js';
import { codesOf, REMOVAL_REASONS, WAITING_LISTS } from './life-domains.js';

export const Wachtlijstsoort = z.enum(codesOf(WAITING_LISTS)).openapi('Wachtlijstsoort');
const Afmeldreden = z.enum(codesOf(REMOVAL_REASONS)).openapi('Afmeldreden');

const wachtDagen = z.number().int().nullable();
const LijstMogelijkheden = z.object({ plaatsen: z.boolean() }).openapi('WachtlijstMogelijkheden');
const PlaatsingMogelijkheden = z.object({ afmelden: z.boolean() }).openapi('WachtlijstplaatsingMogelijkheden');

/** The rules behind the order and the expected wait, shown with every list. */
const Regels = {
  prioriteitsregels: z.array(z.string()),
  wachttijdUitleg: z.string(),
};

export const Wachtlijsten = z
  .object({
    resultaten: z.array(
      z
        .object({
          id: Wachtlijstsoort,
          naam: z.string(),
          lengte: z.number().int(),
          urgent: z.number().int().openapi({ description: 'Aantal urgente plaatsingen' }),
          langsteWachtDagen: wachtDagen,
          geplaatstRecent: z.number().int(),
          gemiddeldeWachttijdGeplaatstDagen: wachtDagen,
          verwachteWachttijdNieuwDagen: wachtDagen.openapi({
            description: 'null: onbekend (geen plaatsingen in het venster)',
          }),
        })
        .openapi('WachtlijstOverzicht'),
    ),
    ...Regels,
    vensterDagen: z.number().int(),
    afmeldredenen: z.array(CodeLabel),
    mogelijkheden: LijstMogelijkheden,
  })
  .openapi('Wachtlijsten');

export const Wachtlijst = z
  .object({
    id: Wachtlijstsoort,
    naam: z.string(),
    lengte: z.number().int(),
    geplaatstRecent: z.number().int(),
    gemiddeldeWachttijdGeplaatstDagen: wachtDagen,
    vensterDagen: z.number().int(),
    ...Regels,
    resultaten: z
      .array(
        z
          .object({
            id: z.string(),
            positie: z.number().int(),
            client: z.object({ id: z.string(), voornaam: z.string(), achternaam: z.string() }),
            opLijstSinds: DatumUit,
            wachtDagen: z.number().int(),
            urgent: z.boolean(),
            toelichting: z.string().nullable(),
            verwachteWachttijdDagen: wachtDagen,
            verwachteDatum: DatumUit.nullable(),
            mogelijkheden: PlaatsingMogelijkheden,
          })
          .openapi('WachtlijstRegel'),
      )
      .openapi({
        description:
          'Op volgorde van prioriteit; locatiemedewerkers zien alleen hun eigen cliënten (op hun echte positie)',
      }),
    afmeldredenen: z.array(CodeLabel),
    mogelijkheden: LijstMogelijkheden,
  })
  .openapi('Wachtlijst');

/** A client's active entry on a list, with position and expected wait. */
export const Wachtlijstplaatsing = z
  .object({
    id: z.string(),
    lijst: Wachtlijstsoort,
    lijstNaam: z.string(),
    opLijstSinds: DatumUit,
    wachtDagen: z.number().int(),
    urgent: z.boolean(),
    toelichting: z.string().nullable(),
    positie: z.number().int(),
    lengte: z.number().int(),
    verwachteWachttijdDagen: wachtDagen,
    verwachteDatum: DatumUit.nullable(),
    mogelijkheden: PlaatsingMogelijkheden,
  })
  .openapi('Wachtlijstplaatsing');

/** A client's entry that was taken off the list. */
export const EerdereWachtlijstplaatsing = z
  .object({
    id: z.string(),
    lijst: Wachtlijstsoort,
    lijstNaam: z.string(),
    opLijstSinds: DatumUit,
    afgemeldOp: DatumUit,
    reden: Afmeldreden.nullable(),
    redenLabel: z.string().nullable(),
    wachtDagen: z.number().int(),
  })
  .openapi('EerdereWachtlijstplaatsing');

export const WachtlijstenVanClient = z
  .object({
    actief: z.array(Wachtlijstplaatsing),
    eerder: z.array(EerdereWachtlijstplaatsing),
    lijsten: z.array(CodeLabel),
    afmeldredenen: z.array(CodeLabel),
  })
  .openapi('WachtlijstenVanClient');

export const Wachtlijstafmelding = z
  .object({
    id: z.string(),
    lijst: Wachtlijstsoort,
    lijstNaam: z.string(),
    clientId: z.string(),
    opLijstSinds: DatumUit,
    afgemeldOp: DatumUit,
    reden: Afmeldreden,
    redenLabel: z.string(),
    wachtDagen: z.number().int(),
  })
  .openapi('Wachtlijstafmelding');
