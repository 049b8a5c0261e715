// Response pieces the housing topics share: the fixed code sets as enums, money, and narrowing stored codes.
import { z } from '@hono/zod-openapi';
import { AGE_GROUPS, CANDIDATE_STATUSES, SUPPORT_LEVELS, UNIT_STATUSES, UNIT_TYPES, URGENCIES } from './matching.js';

/**
 * A stored code narrowed to its code list. The services only ever write listed codes (the database has no check
 * constraint on them), so anything else is a data error and fails loudly instead of leaving the contract.
 */
export function codeIn<C extends string>(codes: readonly C[], value: string, what: string): C {
  const code = codes.find((c) => c === value);
  if (code === undefined) throw new Error(`Onbekende ${what} '${value}' in de database.`);
  return code;
}

/** Money is stored in cents and shown in euro. */
export const euros = (cents: number) => Math.round(cents) / 100;

export const UNIT_TYPE_CODES = UNIT_TYPES.map((t) => t.code);
export const SUPPORT_LEVEL_CODES = SUPPORT_LEVELS.map((s) => s.code);
export const AGE_GROUP_CODES = AGE_GROUPS.map((a) => a.code);
export const URGENCY_CODES = URGENCIES.map((u) => u.code);

export const WoonplekType = z.enum(UNIT_TYPE_CODES).openapi('WoonplekType');
export const WoonplekStatus = z.enum(UNIT_STATUSES).openapi('WoonplekStatusCode');
export const Ondersteuningsniveau = z.enum(SUPPORT_LEVEL_CODES).openapi('Ondersteuningsniveau');
export const Leeftijdsgroep = z.enum(AGE_GROUP_CODES).openapi('WoonplekLeeftijdsgroep');
export const Urgentie = z.enum(URGENCY_CODES).openapi('WoonUrgentie');
export const WoonkandidaatStatus = z.enum(CANDIDATE_STATUSES).openapi('WoonkandidaatStatus');

/** A gemeente of the region as code and name. */
export const WoonGemeente = z.object({ code: z.string(), naam: z.string() }).openapi('WoonGemeente');

/** A count in a figures table; for roles without exact figures small cells are suppressed (aantal null). */
export const WoonTelling = z
  .object({ naam: z.string(), aantal: z.number().int().nullable(), onderdrukt: z.boolean().optional() })
  .openapi('WoonTelling');
