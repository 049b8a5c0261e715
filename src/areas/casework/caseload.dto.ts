// Response schemas of the caseload (trajecthouder, my clients, team view), handovers, the worklist and the summary.
import { z } from '@hono/zod-openapi';
import { CodeLabel, DatumUit, Tijdstip } from '../../platform/http/schemas.js';
import { PlanTermijn } from '../perspective/plans.dto.js';
import { DOSSIER_STATUS_CODES, TASK_KIND_CODES } from './casework-codes.js';

export const Trajecthouder = z.object({ id: z.string(), naam: z.string() }).openapi('Trajecthouder');

export const CaseloadRegel = z
  .object({
    clientId: z.string(),
    naam: z.string(),
    trajectId: z.string(),
    trajectSinds: DatumUit,
    locatie: z.string().nullable(),
    eenheid: z.string().nullable(),
    dagenInOpvang: z.number().int().nullable(),
    signaal: z.enum(['6-weken', '10-weken', '12-weken']).nullable(),
  })
  .openapi('CaseloadRegel');

export const MijnClienten = z
  .object({ trajecthouder: Trajecthouder, resultaten: z.array(CaseloadRegel) })
  .openapi('MijnClienten');

export const Team = z
  .object({
    norm: z.number().int().openapi({ description: 'Het aantal lopende trajecten per trajecthouder dat als vol geldt' }),
    resultaten: z.array(
      Trajecthouder.extend({
        aantal: z.number().int(),
        inOpvang: z.number().int().openapi({ description: 'Waarvan geplaatst in de opvang' }),
        bovenNorm91: z.number().int().openapi({ description: 'Waarvan langer dan 91 dagen in de opvang' }),
        teVeel: z.boolean().openapi({ description: 'Meer lopende trajecten dan de norm' }),
        clienten: z.array(CaseloadRegel),
      }).openapi('TeamLid'),
    ),
    zonderTrajecthouder: z.array(CaseloadRegel),
  })
  .openapi('Team');

export const Overdracht = z
  .object({
    id: z.string(),
    trajectId: z.string(),
    clientId: z.string(),
    van: Trajecthouder.nullable(),
    naar: Trajecthouder,
    notitie: z.string().nullable(),
    tijdstip: Tijdstip,
    gezienOp: Tijdstip.nullable().openapi({ description: 'Wanneer de collega de overdracht als gezien markeerde' }),
    mogelijkheden: z.object({ bevestigen: z.boolean() }).openapi('CollegaOverdrachtMogelijkheden'),
  })
  .openapi('CollegaOverdracht');
export const Overdrachten = z.object({ resultaten: z.array(Overdracht) }).openapi('CollegaOverdrachten');

export const Taak = z
  .object({
    soort: z.enum(TASK_KIND_CODES),
    soortLabel: z.string(),
    clientId: z.string(),
    naam: z.string(),
    omschrijving: z.string(),
    datum: DatumUit.openapi({ description: 'Wanneer het moet gebeuren of gebeurde' }),
    urgent: z.boolean(),
    overdrachtId: z
      .string()
      .optional()
      .openapi({ description: 'Bij een overgedragen casus: de overdracht die u als gezien markeert' }),
  })
  .openapi('Taak');
export const MijnTaken = z
  .object({
    peildatum: DatumUit,
    totaal: z.number().int(),
    urgent: z.number().int(),
    perSoort: z.array(CodeLabel.extend({ aantal: z.number().int() }).openapi('TakenPerSoort')),
    resultaten: z.array(Taak),
  })
  .openapi('MijnTaken');

export const DossierSamenvatting = z
  .object({
    clientId: z.string(),
    status: z.enum(DOSSIER_STATUS_CODES),
    statusLabel: z.string(),
    trajectId: z.string().nullable(),
    locatie: z.string().nullable(),
    eenheid: z.string().nullable(),
    dagenInOpvang: z.number().int().nullable(),
    doelDagen: z.number().int(),
    trajecthouder: Trajecthouder.nullable(),
    plan: PlanTermijn.extend({ id: z.string().nullable(), ondertekend: z.boolean() })
      .nullable()
      .openapi('SamenvattingPlan'),
    openBlokkades: z.number().int(),
    volgendeAfspraak: z
      .object({ datum: DatumUit, tijd: z.string(), metWie: z.string(), waar: z.string() })
      .nullable()
      .openapi('VolgendeAfspraak'),
    laatsteOverdracht: Overdracht.nullable().openapi({
      description: 'De laatste overdracht aan een collega, met wanneer die gezien is',
    }),
    mogelijkheden: z.object({ overdragen: z.boolean() }).openapi('SamenvattingMogelijkheden'),
  })
  .openapi('DossierSamenvatting');
