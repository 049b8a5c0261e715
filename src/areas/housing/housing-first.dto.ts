// Housing First: trajectories (aanmelding → beschikking → gestart in een Housing First-woning) and the pipeline.
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';
import type { HousingFirstRow } from './housing.queries.js';

const HF_STAGES = ['in-voorbereiding', 'beschikking-wacht-op-woning', 'gestart'] as const;

/** Pipeline stage of a Housing First trajectory, derived from its dates. */
function hfStage(t: { decision_on: string | null; started_on: string | null }): (typeof HF_STAGES)[number] {
  return t.started_on ? 'gestart' : t.decision_on ? 'beschikking-wacht-op-woning' : 'in-voorbereiding';
}

export const HousingFirstTraject = z
  .object({
    id: z.string(),
    clientId: z.string(),
    naam: z.string(),
    gemeentecode: z.string(),
    gemeente: z.string(),
    aangemeldOp: DatumUit,
    beschikkingOp: DatumUit.nullable(),
    gestartOp: DatumUit.nullable(),
    beeindigdOp: DatumUit.nullable(),
    fase: z.enum(HF_STAGES).openapi('HousingFirstFase'),
    mogelijkheden: z.object({ beschikkingVastleggen: z.boolean() }).openapi('HousingFirstMogelijkheden'),
  })
  .openapi('HousingFirstTraject');
export const HousingFirstTrajecten = z
  .object({ resultaten: z.array(HousingFirstTraject) })
  .openapi('HousingFirstTrajecten');

export function housingFirstDto(actor: Actor, r: HousingFirstRow): z.infer<typeof HousingFirstTraject> {
  return {
    id: r.id,
    clientId: r.client_id,
    naam: `${r.first_name} ${r.last_name}`,
    gemeentecode: r.code.trim(),
    gemeente: r.name,
    aangemeldOp: r.referred_on,
    beschikkingOp: r.decision_on,
    gestartOp: r.started_on,
    beeindigdOp: r.ended_on,
    fase: hfStage(r),
    mogelijkheden: {
      beschikkingVastleggen: can(actor, 'wonen.housingFirstBeschikken', {
        beschikkingOp: r.decision_on,
        beeindigdOp: r.ended_on,
      }),
    },
  };
}

const Fasen = {
  trajecten: z.number().int(),
  gestart: z.number().int(),
  beschikkingWachtOpWoning: z.number().int(),
  inVoorbereiding: z.number().int(),
};
export const HousingFirstPijplijn = z
  .object({
    toelichting: z.string(),
    perGemeente: z.array(z.object({ gemeentecode: z.string(), gemeente: z.string(), ...Fasen })),
    totaal: z.object(Fasen),
  })
  .openapi('HousingFirstPijplijn');
