// Woonkandidaten (woonklare cliënten): response schemas and shaping (also into the matching model).
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import { daysBetween } from '../../platform/validation.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';
import {
  codeIn,
  euros,
  Ondersteuningsniveau,
  SUPPORT_LEVEL_CODES,
  URGENCY_CODES,
  Urgentie,
  WoonGemeente,
  WoonkandidaatStatus,
} from './housing.dto.js';
import type { CandidateRow } from './housing.queries.js';
import { ageOn, CANDIDATE_STATUSES, type MatchCandidate, supportLabel } from './matching.js';

const WoonkandidaatMogelijkheden = z
  .object({ woonplekkenZien: z.boolean(), aanbieden: z.boolean() })
  .openapi('WoonkandidaatMogelijkheden');

export const Woonkandidaat = z
  .object({
    id: z.string(),
    clientId: z.string(),
    trajectId: z.string(),
    naam: z.string(),
    leeftijd: z.number().int().nullable(),
    huishoudgrootte: z.number().int(),
    nettoInkomen: z.number().openapi({ description: 'Netto maandinkomen in euro' }),
    ondersteuning: Ondersteuningsniveau,
    ondersteuningLabel: z.string(),
    voorkeursgemeenten: z.array(WoonGemeente),
    netwerkgemeente: WoonGemeente.nullable(),
    urgentie: Urgentie,
    woonklaarSinds: DatumUit,
    wachtdagen: z.number().int(),
    status: WoonkandidaatStatus,
    gehuisvestOp: DatumUit.nullable(),
    mogelijkheden: WoonkandidaatMogelijkheden,
  })
  .openapi('Woonkandidaat');
export const Woonkandidaten = z.object({ resultaten: z.array(Woonkandidaat) }).openapi('Woonkandidaten');

export function candidateDto(
  actor: Actor,
  c: CandidateRow,
  names: Map<string, string>,
  today: string,
): z.infer<typeof Woonkandidaat> {
  const status = codeIn(CANDIDATE_STATUSES, c.status, 'kandidaatstatus');
  const gemeente = (code: string) => ({ code: code.trim(), naam: names.get(code.trim()) ?? code });
  return {
    id: c.id,
    clientId: c.client_id,
    trajectId: c.trajectory_id,
    naam: `${c.first_name} ${c.last_name}`,
    leeftijd: ageOn(c.birth_date, today),
    huishoudgrootte: c.household_size,
    nettoInkomen: euros(c.net_income_cents),
    ondersteuning: codeIn(SUPPORT_LEVEL_CODES, c.support_level, 'ondersteuning'),
    ondersteuningLabel: supportLabel(c.support_level),
    voorkeursgemeenten: (c.preferred_municipalities ?? []).map(gemeente),
    netwerkgemeente: c.network_municipality_code ? gemeente(c.network_municipality_code) : null,
    urgentie: codeIn(URGENCY_CODES, c.urgency, 'urgentie'),
    woonklaarSinds: c.ready_since,
    wachtdagen:
      status === 'woonklaar' ? daysBetween(c.ready_since, today) : daysBetween(c.ready_since, c.housed_on ?? today),
    status,
    gehuisvestOp: c.housed_on,
    mogelijkheden: {
      woonplekkenZien: can(actor, 'wonen.kandidatenZien', { status }),
      aanbieden: can(actor, 'wonen.aanbieden', { status }),
    },
  };
}

export function toMatchCandidate(c: CandidateRow, today: string): MatchCandidate {
  return {
    id: c.id,
    householdSize: c.household_size,
    netIncomeCents: c.net_income_cents,
    supportLevel: c.support_level,
    preferred: (c.preferred_municipalities ?? []).map((x) => x.trim()),
    networkCode: c.network_municipality_code?.trim() ?? null,
    urgency: c.urgency,
    readySince: c.ready_since,
    age: ageOn(c.birth_date, today),
  };
}
