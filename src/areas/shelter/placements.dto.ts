// Response schemas of stays (verblijven) and trajectories, and the functions that shape rows into them.
import { z } from '@hono/zod-openapi';
import { DatumUit, datum } from '../../platform/http/schemas.js';
import { daysBetween, todayInNl } from '../../platform/validation.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';

export const VerblijfMogelijkheden = z
  .object({
    verhuizen: z.boolean(),
    beeindigen: z.boolean(),
    corrigeren: z.boolean().openapi({ description: 'Begin- of einddatum corrigeren (met reden)' }),
  })
  .openapi('VerblijfMogelijkheden');

export const Verblijf = z
  .object({
    id: z.string(),
    clientId: z.string(),
    eenheidId: z.string(),
    eenheidNaam: z.string(),
    locatieId: z.string(),
    locatieNaam: z.string(),
    van: DatumUit,
    tot: DatumUit.nullable().openapi({ description: 'Leeg zolang het verblijf loopt' }),
    nachten: z.number().int(),
    huishoudgrootte: z.number().int(),
    trajectId: z.string().nullable(),
    reden: z.string().nullable().openapi({ description: 'Reden van beëindiging (vertrek, verhuisd, uitstroom, …)' }),
    bedVoorDeNacht: z
      .boolean()
      .openapi({ description: 'Bed voor de nacht tijdens de screening, vóór het toegangsbesluit' }),
    aanmeldingId: z.string().nullable(),
    mogelijkheden: VerblijfMogelijkheden,
  })
  .openapi('Verblijf');
export type Verblijf = z.infer<typeof Verblijf>;

/** A stay row with its unit and facility, as the queries select it. */
export interface StayRow {
  id: string;
  client_id: string;
  unit_id: string;
  trajectory_id: string | null;
  household_size: number;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  short_stay: boolean;
  registration_id: string | null;
  unit_name: string;
  facility_id: string;
  facility_name: string;
}

export function nightsOf(s: { started_on: string; ended_on: string | null }, now: Date): number {
  return daysBetween(s.started_on, s.ended_on ?? todayInNl(now));
}

export function toVerblijf(actor: Actor, s: StayRow, now: Date): Verblijf {
  const mayChange = !s.ended_on && can(actor, 'verblijven.wijzigen', { facilityId: s.facility_id });
  return {
    id: s.id,
    clientId: s.client_id,
    eenheidId: s.unit_id,
    eenheidNaam: s.unit_name,
    locatieId: s.facility_id,
    locatieNaam: s.facility_name,
    van: s.started_on,
    tot: s.ended_on,
    nachten: nightsOf(s, now),
    huishoudgrootte: s.household_size,
    trajectId: s.trajectory_id,
    reden: s.end_reason,
    bedVoorDeNacht: s.short_stay,
    aanmeldingId: s.registration_id,
    mogelijkheden: {
      verhuizen: mayChange,
      beeindigen: mayChange,
      corrigeren: can(actor, 'verblijven.corrigeren', { facilityId: s.facility_id }),
    },
  };
}

/** Destination groups of domain.md §4 (reference.ts EXIT_GROUPS). */
export const Bestemmingsgroep = z
  .enum(['permanent', 'beschermd', 'tijdelijk', 'dakloos', 'overig', 'onbekend'])
  .openapi('Bestemmingsgroep');

/** A trajectory after uitstroom (the answer of POST /v1/trajecten/{id}/uitstroom). */
export const Traject = z
  .object({
    id: z.string(),
    clientId: z.string(),
    start: DatumUit,
    eind: DatumUit,
    bestemming: z.string(),
    bestemmingLabel: z.string(),
    bestemmingsgroep: Bestemmingsgroep,
    dagen: z.number().int(),
    nazorgplanId: z
      .string()
      .nullable()
      .openapi({ description: 'Het nazorgplan dat bij uitstroom naar wonen is aangemaakt' }),
  })
  .openapi('Traject');
export type Traject = z.infer<typeof Traject>;

/** A trajectory as the client's file lists it. */
export const DossierTraject = z
  .object({
    id: z.string(),
    clientId: z.string(),
    start: DatumUit,
    eind: DatumUit.nullable(),
    bestemming: z.string().nullable(),
    bestemmingLabel: z.string().nullable(),
    bestemmingsgroep: Bestemmingsgroep.nullable(),
    dagen: z.number().int(),
    nachten: z.number().int(),
    mogelijkheden: z.object({ uitstroom: z.boolean() }).openapi('TrajectMogelijkheden'),
  })
  .openapi('DossierTraject');
export type DossierTraject = z.infer<typeof DossierTraject>;

/** One date correction of a stay (issue 13): old and new dates, the reason, who and when. */
export const Verblijfcorrectie = z
  .object({
    id: z.string(),
    verblijfId: z.string(),
    oudVan: DatumUit,
    nieuwVan: DatumUit,
    oudTot: DatumUit.nullable(),
    nieuwTot: DatumUit.nullable(),
    reden: z.string(),
    gecorrigeerdDoor: z.string().nullable(),
    gecorrigeerdOp: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Verblijfcorrectie');
export type Verblijfcorrectie = z.infer<typeof Verblijfcorrectie>;
export const Verblijfcorrecties = z.object({ resultaten: z.array(Verblijfcorrectie) }).openapi('Verblijfcorrecties');

/** POST /v1/plaatsingen/{id}/correcties */
export const NieuweVerblijfcorrectie = z
  .object({
    van: datum.nullish().openapi({ description: 'Juiste begindatum (plaatsingsdatum)' }),
    tot: datum.nullish().openapi({ description: 'Juiste einddatum (bij uitstroom: de uitstroomdatum)' }),
    reden: z.string().max(2000),
  })
  .openapi('NieuweVerblijfcorrectie');

/** POST /v1/aanmeldingen/{id}/bedden-voor-de-nacht */
export const NieuwBedVoorDeNacht = z
  .object({
    eenheidId: z.string().min(1).max(64),
    datum: datum.openapi({ description: 'De eerste nacht' }),
    tot: datum.nullish().openapi({ description: 'Vertrekdatum als die al bekend is (anders loopt het bed door)' }),
    huishoudgrootte: z.number().int().min(1).max(15).optional(),
  })
  .openapi('NieuwBedVoorDeNacht');
