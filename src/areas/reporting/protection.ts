// Disclosure control for the reports outside the kerncijfers (issue 13, domain.md §4): perspectief, wonen,
// Housing First, terugval and preventie. The same cell key method as disclosure.ts (same tenant secret, same
// record keys, same perturbation table), so the same records give the same published count in every report:
// - a count is published as perturb(n, cellKey(records behind it)): at most ±2 off, a true 0 stays 0, never 1 or 2;
// - a share is published only when its published numerator and denominator both reach the tenant's
//   onderdrukkingsDrempel (default 5), and is then computed from those published counts (so share × total gives back
//   the published numerator, never the true one);
// - a mean or median is published only when the published number of records behind it reaches the minimum, and is
//   rounded to whole units (days, beds) or to one decimal for ZRM scores;
// - lists leave out cells published as 0.
// Roles with rapportages.exact (toegang) get the exact figures: the same functions, with `exact` set.
import { tenantSettings } from '../../reference/tenant-settings.js';
import type { Ctx } from '../../rights/context.js';
import { can } from '../../rights/rights.js';
import { cellKeyOf, perturb, tenantSecret } from './disclosure.js';

export interface Protection {
  /** true: exact figures (rapportages.exact); false: the cell key method. */
  exact: boolean;
  /** The smallest published count behind a share, mean or median (tenant setting onderdrukkingsDrempel). */
  minimum: number;
  /** The published count of a set of records (ids of registrations, trajectories, persons, …). */
  count(ids: Iterable<string>): number;
  /** The published count of n records with cell key `key` (for counts made in SQL with cellKeySql). */
  countKeyed(n: number, key: number): number;
  /** A share num/den of two PUBLISHED counts, or null when either is below the minimum (or den is 0). */
  share(num: number, den: number, decimals?: number): number | null;
  /** A mean (or median) over a PUBLISHED number of records, or null when that number is below the minimum (exact: as is). */
  mean(value: number | null, publishedN: number, decimals?: number): number | null;
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/** The protection of one set of figures: exact, or the cell key method with this secret and minimum. */
export function makeProtection(secret: string | null, minimum: number): Protection {
  if (secret === null)
    return {
      exact: true,
      minimum,
      count: (ids) => new Set(ids).size,
      countKeyed: (n) => n,
      share: (num, den, decimals) =>
        den > 0 ? (decimals === undefined ? num / den : round(num / den, decimals)) : null,
      mean: (value) => value,
    };
  return {
    exact: false,
    minimum,
    count: (ids) => {
      const set = new Set(ids);
      return perturb(set.size, cellKeyOf(secret, set));
    },
    countKeyed: (n, key) => perturb(n, key),
    share: (num, den, decimals = 2) =>
      den > 0 && den >= minimum && num >= minimum ? round(Math.min(1, num / den), decimals) : null,
    mean: (value, n, decimals = 0) => (value == null || n < minimum ? null : round(value, decimals)),
  };
}

/** The tenant's minimum for shares and means (onderdrukkingsDrempel, 5–50, default 5). */
export async function suppressionThreshold(ctx: Ctx, tenantId: string): Promise<number> {
  const t = await ctx.db.selectFrom('tenants').select('settings').where('id', '=', tenantId).executeTakeFirst();
  return tenantSettings(t?.settings ?? {}).onderdrukkingsDrempel;
}

/** The protection for the caller: exact for rapportages.exact, otherwise the cell key method of the tenant. */
export async function protectionFor(ctx: Ctx, tenantId = ctx.actor.tenantId): Promise<Protection> {
  const minimum = await suppressionThreshold(ctx, tenantId);
  if (can(ctx.actor, 'rapportages.exact')) return makeProtection(null, minimum);
  return makeProtection(await tenantSecret(ctx.db, tenantId), minimum);
}

/** Every value the cell key method can publish for a true count n (for tests and the README's table). */
export function publishableValues(n: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i < 1000; i++) out.add(perturb(n, (i + 0.5) / 1000));
  return [...out].sort((a, b) => a - b);
}
