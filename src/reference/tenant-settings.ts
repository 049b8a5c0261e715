// Issue 11: a tenant's settings (tenants.settings jsonb), with the defaults of domain.md §4 and the policy. A key that
// is absent takes its default, so tenants made before a setting existed keep working. Other areas read a setting
// with tenantSettings(row.settings).<key>.
import { z } from '@hono/zod-openapi';
import { compiledQuery } from '../platform/db/compiled.js';
import type { Ctx } from '../rights/context.js';

export const SETTING_DEFAULTS = {
  /** The policy target "binnen 3 maanden doorgestroomd" (domain.md §4). */
  normDoorstroomDagen: 91,
  /** A perspectiefplan within this many days of the start of a trajectory. */
  planTermijnDagen: 5,
  /** Statistical disclosure control: counts below this are not shown to beleid/beheer (1–4 persons). */
  onderdrukkingsDrempel: 5,
  /** Short stays before a decision ("bed voor de nacht"): at most this many nights. */
  bedVoorDeNachtMax: 3,
  /** TOTP required at login for staff roles that see persons (false for the demo tenants; true after setup). */
  tweeFactorVerplicht: false,
  /** A session ends after this many minutes without a request (besides the absolute 10 hours). */
  inactiefMinuten: 30,
} as const;

const theme = z.object({ primair: z.string(), logoTekst: z.string() });

/** The stored shape: every key optional (defaults above); unknown keys are kept by the caller, not here. */
const Stored = z.object({
  thema: theme.optional().catch(undefined),
  normDoorstroomDagen: z.number().int().optional().catch(undefined),
  planTermijnDagen: z.number().int().optional().catch(undefined),
  onderdrukkingsDrempel: z.number().int().optional().catch(undefined),
  bedVoorDeNachtMax: z.number().int().optional().catch(undefined),
  tweeFactorVerplicht: z.boolean().optional().catch(undefined),
  inactiefMinuten: z.number().int().optional().catch(undefined),
});

export interface TenantSettings {
  thema: { primair: string; logoTekst: string } | null;
  normDoorstroomDagen: number;
  planTermijnDagen: number;
  onderdrukkingsDrempel: number;
  bedVoorDeNachtMax: number;
  tweeFactorVerplicht: boolean;
  inactiefMinuten: number;
}

/** The effective settings of a tenant from its stored jsonb (a string on some drivers, an object on others). */
export function tenantSettings(raw: unknown): TenantSettings {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      value = {};
    }
  }
  const parsed = Stored.safeParse(value ?? {});
  const s = parsed.success ? parsed.data : {};
  return {
    thema: s.thema ?? null,
    normDoorstroomDagen: s.normDoorstroomDagen ?? SETTING_DEFAULTS.normDoorstroomDagen,
    planTermijnDagen: s.planTermijnDagen ?? SETTING_DEFAULTS.planTermijnDagen,
    onderdrukkingsDrempel: s.onderdrukkingsDrempel ?? SETTING_DEFAULTS.onderdrukkingsDrempel,
    bedVoorDeNachtMax: s.bedVoorDeNachtMax ?? SETTING_DEFAULTS.bedVoorDeNachtMax,
    tweeFactorVerplicht: s.tweeFactorVerplicht ?? SETTING_DEFAULTS.tweeFactorVerplicht,
    inactiefMinuten: s.inactiefMinuten ?? SETTING_DEFAULTS.inactiefMinuten,
  };
}

const settingsRow = compiledQuery((db, tenantId: string) =>
  db.selectFrom('tenants').select('settings').where('id', '=', tenantId),
);

/** The effective settings of the acting tenant (no right needed: every area applies its own tenant's norms). */
export async function settingsOf(ctx: Ctx): Promise<TenantSettings> {
  const [t] = (await settingsRow(ctx.db, ctx.actor.tenantId)).rows;
  return tenantSettings(t?.settings);
}
