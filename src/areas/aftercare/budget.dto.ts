// Response schema of preventief budgetbeheer and the shaping of its rows.
import { z } from '@hono/zod-openapi';
import { DatumUit } from '../../platform/http/schemas.js';
import { daysBetween } from '../../platform/validation.js';
import type { Actor } from '../../rights/context.js';
import { can } from '../../rights/rights.js';
import { BUDGET_PHASES, budgetPhase } from './aftercare-rules.js';
import type { BudgetRow } from './budget.queries.js';

export const Budget = z
  .object({
    id: z.string(),
    clientId: z.string(),
    naam: z.string(),
    nazorgplanId: z.string().nullable(),
    uitvoerder: z.string(),
    start: DatumUit,
    afbouwVanaf: DatumUit,
    eind: DatumUit.openapi({ description: 'Het geplande einde (ook na een voortijdige beëindiging)' }),
    fase: z.enum(BUDGET_PHASES),
    voortijdigBeeindigd: z
      .object({ datum: DatumUit, reden: z.string().nullable() })
      .nullable()
      .openapi({ description: 'Beëindigd vóór het geplande einde: datum en reden' }),
    afbouwBereikt: z.boolean().openapi({ description: 'De afbouwfase is bereikt vóór het (voortijdige) einde' }),
    duurMaanden: z.number().int(),
    dagenTotEind: z.number().int(),
    mogelijkheden: z
      .object({ voortijdigBeeindigen: z.boolean(), annuleren: z.boolean() })
      .openapi('BudgetbeheerMogelijkheden'),
  })
  .openapi('Budgetbeheertraject');
export type Budget = z.infer<typeof Budget>;

export const BudgetList = z.object({ resultaten: z.array(Budget) }).openapi('Budgetbeheertrajecten');

export function budgetDto(actor: Actor, b: BudgetRow, today: string): Budget {
  const end = b.ended_early_on ?? b.ends_on;
  const fase = budgetPhase(b, today);
  // a running trajectory ends early; a planned one is cancelled (same request, the date is then today or earlier)
  const mayEnd = can(actor, 'budgetbeheer.beeindigen', { fase });
  return {
    id: b.id,
    clientId: b.client_id,
    naam: `${b.first_name} ${b.last_name}`,
    nazorgplanId: b.plan_id,
    uitvoerder: b.provider,
    start: b.started_on,
    afbouwVanaf: b.phase_out_from,
    eind: b.ends_on,
    fase,
    voortijdigBeeindigd: b.ended_early_on ? { datum: b.ended_early_on, reden: b.ended_early_reason } : null,
    afbouwBereikt: b.phase_out_from < end,
    duurMaanden: Math.max(0, Math.round(daysBetween(b.started_on, end) / 30.44)),
    dagenTotEind: Math.max(0, daysBetween(today, end)),
    mogelijkheden: { voortijdigBeeindigen: mayEnd && fase !== 'gepland', annuleren: mayEnd && fase === 'gepland' },
  };
}
