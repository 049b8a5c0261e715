// Woonplekken: response schemas and shaping (also into the matching model).
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';
import {
  AGE_GROUP_CODES,
  codeIn,
  euros,
  Leeftijdsgroep,
  Ondersteuningsniveau,
  SUPPORT_LEVEL_CODES,
  UNIT_TYPE_CODES,
  WoonplekStatus,
  WoonplekType,
} from './housing.dto.js';
import type { UnitRow } from './housing.queries.js';
import { type MatchUnit, supportLabel, UNIT_STATUSES, UNIT_TYPES } from './matching.js';

const WoonplekMogelijkheden = z
  .object({
    kandidatenZien: z.boolean(),
    aanbieden: z.boolean(),
    statusWijzigen: z.boolean(),
  })
  .openapi('WoonplekMogelijkheden');

export const Woonplek = z
  .object({
    id: z.string(),
    corporatieId: z.string().nullable(),
    corporatieNaam: z.string().nullable(),
    type: WoonplekType,
    typeLabel: z.string(),
    adres: z.string(),
    postcode: z.string().nullable(),
    gemeentecode: z.string(),
    gemeente: z.string(),
    wijk: z.string().nullable(),
    kamers: z.number().int(),
    oppervlakte: z.number().int().openapi({ description: 'm²' }),
    huur: z.number().openapi({ description: 'Kale huur per maand in euro' }),
    beschikbaarVanaf: DatumUit,
    huishoudenMin: z.number().int(),
    huishoudenMax: z.number().int(),
    leeftijdsgroep: Leeftijdsgroep,
    ondersteuning: Ondersteuningsniveau,
    ondersteuningLabel: z.string(),
    voorwaarden: z.string().nullable(),
    status: WoonplekStatus,
    mogelijkheden: WoonplekMogelijkheden,
  })
  .openapi('Woonplek');
export const Woonplekken = z.object({ resultaten: z.array(Woonplek) }).openapi('Woonplekken');

export function unitDto(actor: Actor, u: UnitRow, names: Map<string, string>): z.infer<typeof Woonplek> {
  const type = codeIn(UNIT_TYPE_CODES, u.type, 'woonplektype');
  const status = codeIn(UNIT_STATUSES, u.status, 'woonplekstatus');
  const gemeentecode = u.municipality_code.trim();
  return {
    id: u.id,
    corporatieId: u.corporation_id,
    corporatieNaam: u.corporation_name,
    type,
    typeLabel: UNIT_TYPES.find((t) => t.code === type)?.label ?? type,
    adres: u.address,
    postcode: u.postcode,
    gemeentecode,
    gemeente: names.get(gemeentecode) ?? u.municipality_code,
    wijk: u.wijk,
    kamers: u.rooms,
    oppervlakte: u.area_m2,
    huur: euros(u.rent_cents),
    beschikbaarVanaf: u.available_from,
    huishoudenMin: u.household_min,
    huishoudenMax: u.household_max,
    leeftijdsgroep: codeIn(AGE_GROUP_CODES, u.age_group, 'leeftijdsgroep'),
    ondersteuning: codeIn(SUPPORT_LEVEL_CODES, u.support_max, 'ondersteuning'),
    ondersteuningLabel: supportLabel(u.support_max),
    voorwaarden: u.conditions,
    status,
    mogelijkheden: {
      kandidatenZien: can(actor, 'wonen.kandidatenZien', { status }),
      aanbieden: can(actor, 'wonen.aanbieden', { status }),
      statusWijzigen: can(actor, 'wonen.woonplekStatusWijzigen', { status }),
    },
  };
}

export function toMatchUnit(u: UnitRow, names: Map<string, string>): MatchUnit {
  return {
    id: u.id,
    type: u.type,
    municipalityCode: u.municipality_code.trim(),
    municipalityName: names.get(u.municipality_code.trim()),
    rooms: u.rooms,
    rentCents: u.rent_cents,
    householdMin: u.household_min,
    householdMax: u.household_max,
    ageGroup: u.age_group,
    supportMax: u.support_max,
    availableFrom: u.available_from,
  };
}
