// Issue 17 — the yearly liveability monitor per wijk or facility (the same figures as the printable page).
import { z } from '@hono/zod-openapi';
import { REPORT_KIND_CODES } from './reference.js';

export const MonitorQuery = z.object({
  jaar: z.coerce.number().int().min(2000).max(2100),
  wijkId: z.string().max(64).optional(),
  openbareLocatieId: z.string().max(64).optional(),
});

export const Leefbaarheidsmonitor = z
  .object({
    jaar: z.number().int(),
    onderwerp: z.string().openapi({ description: 'De wijk of locatie, of "Hele regio"' }),
    meldingen: z.number().int(),
    perSoort: z.array(
      z.object({
        soort: z.enum(REPORT_KIND_CODES),
        label: z.string(),
        perMaand: z.array(z.number().int()).length(12),
        totaal: z.number().int(),
      }),
    ),
    perMaand: z.array(z.number().int()).length(12),
    reactietijd: z.object({
      mediaanUren: z.number().nullable().openapi({ description: 'Mediaan van ontvangst tot eerste reactie, in uren' }),
      binnen2Werkdagen: z.number().int().openapi({ description: 'Meldingen met een eerste reactie binnen 48 uur' }),
      afgehandeld: z.number().int(),
      open: z.number().int(),
    }),
    afspraken: z.object({
      totaal: z.number().int(),
      nagekomen: z.number().int(),
      nietNagekomen: z.number().int(),
      nogTeBeoordelen: z.number().int(),
    }),
    trend: z.array(z.object({ jaar: z.number().int(), meldingen: z.number().int() })),
  })
  .openapi('Leefbaarheidsmonitor');
