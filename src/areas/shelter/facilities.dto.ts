// Response schemas of locations, units and the bed board, and the functions that shape rows into them.
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import { FACILITY_TYPES, UNIT_KINDS } from '../../reference/reference.js';

const labelOf = (list: readonly { code: string; label: string }[], code: string) =>
  list.find((x) => x.code === code)?.label ?? code;

export const LocatieSamenvatting = z
  .object({
    id: z.string(),
    naam: z.string(),
    type: z.string(),
    typeLabel: z.string(),
    adres: z.string(),
    postcode: z.string().nullable(),
    gemeente: z.string().nullable(),
    wijk: z.string().nullable(),
    nachtopvang: z.boolean(),
    eenheden: z.number().int(),
    bedden: z.number().int(),
    bezet: z.number().int(),
    vrij: z.number().int(),
    reserveBedden: z.number().int(),
    reserveBezet: z.number().int(),
    reserveVrij: z.number().int(),
    onbevestigd: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Bezette bedden zonder bevestigde aanwezigheid in 48 uur (alleen toegang en locatie)' }),
  })
  .openapi('LocatieSamenvatting');
export type LocatieSamenvatting = z.infer<typeof LocatieSamenvatting>;

export const Locaties = z.object({ resultaten: z.array(LocatieSamenvatting) }).openapi('Locaties');

/** A facility row with its capacity and occupancy (facilityCapacity in facilities.queries.ts). */
export interface FacilityCapacityRow {
  id: string;
  name: string;
  type: string;
  address: string;
  postcode: string | null;
  wijk: string | null;
  is_night_shelter: boolean;
  municipality: string | null;
  units: number;
  beds: number;
  reserve_beds: number;
  used: number;
  reserve_used: number;
}

export function toLocatieSamenvatting(r: FacilityCapacityRow): LocatieSamenvatting {
  return {
    id: r.id,
    naam: r.name,
    type: r.type,
    typeLabel: labelOf(FACILITY_TYPES, r.type),
    adres: r.address,
    postcode: r.postcode,
    gemeente: r.municipality,
    wijk: r.wijk,
    nachtopvang: r.is_night_shelter,
    eenheden: r.units,
    bedden: r.beds,
    bezet: r.used,
    vrij: Math.max(0, r.beds - r.used),
    reserveBedden: r.reserve_beds,
    reserveBezet: r.reserve_used,
    reserveVrij: Math.max(0, r.reserve_beds - r.reserve_used),
    onbevestigd: null,
  };
}

/** The answer of POST /v1/locaties. */
export const Locatie = z.object({ id: z.string() }).openapi('Locatie');
/** The answer of POST /v1/locaties/{id}/eenheden. */
export const Eenheid = z.object({ id: z.string() }).openapi('Eenheid');

export const BezettingVerblijf = z
  .object({
    id: z.string(),
    clientId: z.string().nullable().openapi({ description: 'Alleen voor rollen die personen zien' }),
    naam: z.string().nullable().openapi({ description: 'Alleen voor rollen die personen zien' }),
    sinds: DatumUit,
    nachten: z.number().int(),
    huishoudgrootte: z.number().int(),
    // issue 16: the nightly presence check and house rules (null for roles that do not see persons)
    onbevestigd: z
      .boolean()
      .nullable()
      .openapi({ description: '48 uur (twee nachten) niemand bevestigd dat deze persoon hier sliep' }),
    laatstBevestigdeNacht: DatumUit.nullable(),
    geschorstTot: DatumUit.nullable().openapi({ description: 'Laatste dag van een lopende schorsing' }),
  })
  .openapi('BezettingVerblijf');

export const BezettingEenheid = z
  .object({
    id: z.string(),
    naam: z.string(),
    soort: z.string(),
    soortLabel: z.string(),
    bedden: z.number().int(),
    reserve: z.boolean(),
    maxHuishoudens: z.number().int(),
    doelgroepen: z.array(z.string()),
    bezet: z.number().int(),
    vrij: z.number().int(),
    verblijven: z.array(BezettingVerblijf),
  })
  .openapi('BezettingEenheid');
export type BezettingEenheid = z.infer<typeof BezettingEenheid>;

export const Bezetting = z
  .object({
    locatie: z.object({
      id: z.string(),
      naam: z.string(),
      type: z.string(),
      adres: z.string(),
      nachtopvang: z.boolean(),
    }),
    totaal: z.object({
      bedden: z.number().int(),
      bezet: z.number().int(),
      vrij: z.number().int(),
      reserveBedden: z.number().int(),
      reserveBezet: z.number().int(),
      onbevestigd: z
        .number()
        .int()
        .nullable()
        .openapi({ description: 'Bezette bedden waarvan 48 uur niemand de aanwezigheid bevestigde' }),
    }),
    eenheden: z.array(BezettingEenheid),
  })
  .openapi('Bezetting');
export type Bezetting = z.infer<typeof Bezetting>;

export function unitKindLabel(kind: string): string {
  return labelOf(UNIT_KINDS, kind);
}
