// The perspective overview of a client (the case page of actielijn 2): response schema.
import { z } from '@hono/zod-openapi';
import { CodeLabel, DatumUit } from '../../platform/http/schemas.js';
import { Blokkade, PraktischeStap, ZrmMetingen } from './casework.dto.js';
import { Perspectiefplan, PlanTermijn } from './plans.dto.js';
import { WachtlijstenVanClient } from './waiting-lists.dto.js';

export const Signaal = z
  .enum(['6-weken', '10-weken', '12-weken'])
  .openapi('Opvangsignaal', { description: 'Signaal na 6, 10 of 12 weken in de opvang' });

/** The three-month control: days since placement against the 91-day target, with the 6/10/12-week signals. */
const Driemaandencontrole = z
  .object({
    dagenInOpvang: z.number().int(),
    doelDagen: z.number().int(),
    resterendeDagen: z.number().int(),
    bovenDoel: z.boolean(),
    signaal: Signaal.nullable(),
  })
  .openapi('Driemaandencontrole');

export const Perspectief = z
  .object({
    clientId: z.string(),
    traject: z
      .object({
        id: z.string(),
        start: DatumUit,
        eind: DatumUit.nullable(),
        plaatsingsdatum: DatumUit.nullable(),
        inOpvang: z.boolean(),
        driemaandencontrole: Driemaandencontrole.nullable(),
        planTermijn: PlanTermijn,
        plan: Perspectiefplan.nullable(),
        praktischeStappen: z.array(PraktischeStap),
        blokkades: z.array(Blokkade),
      })
      .nullable()
      .openapi({ description: 'Het lopende (of anders het laatste) traject; null zonder traject' }),
    zrm: ZrmMetingen,
    wachtlijsten: WachtlijstenVanClient,
    keuzelijsten: z.object({
      levensgebieden: z.array(CodeLabel),
      eigenaren: z.array(CodeLabel),
      blokkades: z.array(CodeLabel),
      stappen: z.array(CodeLabel),
      stapStatussen: z.array(CodeLabel),
    }),
    mogelijkheden: z
      .object({
        planOpstellen: z.boolean(),
        zrmMeten: z.boolean(),
        stappenWijzigen: z.boolean(),
        blokkadeToevoegen: z.boolean(),
        wachtlijstPlaatsen: z.boolean(),
      })
      .openapi('PerspectiefMogelijkheden'),
  })
  .openapi('Perspectief');
