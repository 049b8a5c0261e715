// Worklists of the three-month flow: response schemas.
import { z } from '@hono/zod-openapi';
import { CodeLabel, DatumUit } from '../../platform/http/schemas.js';
import { BlokkadeActor, Blokkadesoort } from './casework.dto.js';
import { Signaal } from './perspective.dto.js';
import { PlanTermijn, Uitvoerder } from './plans.dto.js';
import { Wachtlijstsoort } from './waiting-lists.dto.js';

const URGENCIES = ['boven-doel', '12-weken', '10-weken', '6-weken', 'binnen-termijn'] as const;

/** Who is to act next for a client: from an open blockade that names someone, else the first open plan action. */
export const VolgendeActor = z
  .object({
    organisatie: Uitvoerder,
    organisatieLabel: z.string(),
    naam: z.string().nullable(),
    wat: z.string().nullable(),
    uiterlijk: DatumUit.nullable(),
    bron: z.enum(['blokkade', 'actie']),
    blokkadeId: z.string().nullable(),
    sinds: DatumUit.nullable().openapi({
      description: 'Bij een blokkade: de datum van de laatste wijziging, anders van het vastleggen',
    }),
  })
  .openapi('DoorstroomoverlegVolgendeActor');

export const DoorstroomoverlegRegel = z
  .object({
    clientId: z.string(),
    naam: z.string(),
    trajectId: z.string(),
    locatie: z.string(),
    eenheid: z.string(),
    plaatsingsdatum: DatumUit,
    dagenInOpvang: z.number().int(),
    doelDagen: z.number().int(),
    resterendeDagen: z.number().int(),
    bovenDoel: z.boolean(),
    signaal: Signaal.nullable(),
    urgentie: z.enum(URGENCIES),
    blokkades: z.array(
      z
        .object({
          id: z.string(),
          soort: Blokkadesoort,
          soortLabel: z.string(),
          omschrijving: z.string().nullable(),
          sinds: DatumUit,
          dagen: z.number().int(),
          volgendeActor: BlokkadeActor.nullable(),
          volgendeStap: z.string().nullable(),
          vastgelegdOp: DatumUit,
          bijgewerktOp: DatumUit.nullable(),
          mogelijkheden: z.object({ wijzigen: z.boolean() }),
        })
        .openapi('DoorstroomoverlegBlokkade'),
    ),
    volgendeActor: VolgendeActor.nullable(),
    plan: PlanTermijn.extend({ id: z.string().nullable() }).openapi('DoorstroomoverlegPlan'),
    openStappen: z
      .array(z.string())
      .openapi({ description: 'Praktische stappen die nog niet geregeld (of niet nodig) zijn' }),
    wachtlijsten: z.array(z.object({ lijst: Wachtlijstsoort, lijstNaam: z.string(), sinds: DatumUit })),
  })
  .openapi('DoorstroomoverlegRegel');

export const Doorstroomoverleg = z
  .object({
    peildatum: DatumUit,
    doelDagen: z.number().int(),
    signaalWeken: z.array(z.number().int()),
    keuzelijsten: z.object({ eigenaren: z.array(CodeLabel) }),
    sortering: z.string(),
    totalen: z.object({
      inOpvang: z.number().int(),
      bovenDoel: z.number().int(),
      signaal12: z.number().int(),
      signaal10: z.number().int(),
      signaal6: z.number().int(),
      metBlokkade: z.number().int(),
    }),
    resultaten: z.array(DoorstroomoverlegRegel),
  })
  .openapi('Doorstroomoverleg');

export const TeLatePlannen = z
  .object({
    peildatum: DatumUit,
    regel: z.string(),
    resultaten: z.array(
      PlanTermijn.extend({
        clientId: z.string(),
        naam: z.string(),
        trajectId: z.string(),
        locatie: z.string(),
        plaatsingsdatum: DatumUit,
      }).openapi('TeLaatPlan'),
    ),
  })
  .openapi('TeLatePlannen');
