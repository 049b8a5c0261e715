// Matching results: ranked pairs with their explanation, the rules they follow, and the batch proposal.
import { z } from '@hono/zod-openapi';
import { Woonkandidaat } from './candidates.dto.js';
import { euros } from './housing.dto.js';
import { AFFORDABILITY, FAIRNESS_RULE, type PairResult, POINTS } from './matching.js';
import { Woonplek } from './units.dto.js';

/** The matching rules in plain Dutch, returned with every ranked list. */
export const MATCHING_RULES = {
  hardeEisen: [
    'Huishouden past: huishoudgrootte tussen het minimum en maximum van de woonplek.',
    AFFORDABILITY.uitleg,
    'Ondersteuning beschikbaar: het benodigde niveau (geen < licht < intensief < Housing First) is op deze plek te leveren.',
    'Doelgroep: Housing First-woningen alleen voor kandidaten met een Housing First-indicatie; jongerenwoningen 18 t/m 27 jaar; 55+-woningen vanaf 55 jaar.',
  ],
  voorkeuren: [
    `Voorkeursgemeente +${POINTS.voorkeursgemeente}; netwerkgemeente +${POINTS.netwerkgemeente}; urgentie hoog +100, urgent +250; passende grootte (kamers ≤ personen + 1) +${POINTS.passendeGrootte}; betaalbaarheidsmarge tot +${POINTS.betaalbaarheidMarge}; direct beschikbaar +${POINTS.directBeschikbaar}.`,
  ],
  eerlijkheid: FAIRNESS_RULE,
};

const Matchingregels = z
  .object({ hardeEisen: z.array(z.string()), voorkeuren: z.array(z.string()), eerlijkheid: z.string() })
  .openapi('Matchingregels');
const MatchingOnderdeel = z
  .object({ code: z.string(), label: z.string(), punten: z.number().int() })
  .openapi('MatchingOnderdeel');

const Koppeling = {
  rang: z.number().int(),
  score: z.number().int(),
  uitleg: z.string(),
  onderdelen: z.array(MatchingOnderdeel),
  nettoWoonlast: z.number().openapi({ description: 'Huur min geschatte huurtoeslag, euro per maand' }),
  geschatteHuurtoeslag: z.number().openapi({ description: 'Euro per maand (vuistregel)' }),
  maximaleWoonlast: z.number().openapi({ description: '30% van het netto maandinkomen, euro' }),
};

export const KandidatenBijWoonplek = z
  .object({
    woonplek: Woonplek,
    regels: Matchingregels,
    resultaten: z.array(z.object({ kandidaat: Woonkandidaat, ...Koppeling })),
    nietPassend: z
      .number()
      .int()
      .openapi({ description: 'Aantal woonklare cliënten dat niet aan de harde eisen voldoet' }),
  })
  .openapi('KandidatenBijWoonplek');

export const WoonplekkenBijKandidaat = z
  .object({
    kandidaat: Woonkandidaat,
    regels: Matchingregels,
    resultaten: z.array(z.object({ woonplek: Woonplek, ...Koppeling })),
    nietPassend: z.array(z.object({ woonplekId: z.string(), adres: z.string(), redenen: z.array(z.string()) })),
  })
  .openapi('WoonplekkenBijKandidaat');

export const Toewijzingsvoorstel = z
  .object({
    methode: z.string(),
    eerlijkheidsregel: z.string(),
    regels: Matchingregels,
    totaleScore: z.number(),
    gulzigeScore: z.number(),
    bewezenOptimaal: z.boolean(),
    aantalKandidaten: z.number().int(),
    aantalWoonplekken: z.number().int(),
    haalbareParen: z.number().int(),
    voorstellen: z.array(
      z.object({
        kandidaat: Woonkandidaat,
        woonplek: Woonplek,
        score: z.number().int(),
        onderdelen: z.array(MatchingOnderdeel),
        uitleg: z.string(),
      }),
    ),
    zonderWoonplek: z.array(z.object({ kandidaatId: z.string(), naam: z.string() })),
  })
  .openapi('Toewijzingsvoorstel');

/** The score of one ranked pair, with the money in euro. */
export function pairDto(r: PairResult, rank: number, uitleg: string) {
  return {
    rang: rank,
    score: r.score,
    uitleg,
    onderdelen: r.components,
    nettoWoonlast: euros(r.housingCostCents),
    geschatteHuurtoeslag: euros(r.allowanceCents),
    maximaleWoonlast: euros(r.maxCostCents),
  };
}
