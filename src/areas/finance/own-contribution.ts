// The rules of the eigen bijdrage (issue 19), without a database: per night the tariff of the facility type where the
// client slept (the newest tariff whose valid-from is on or before that night), minus the largest exemption or
// reduction that covers that night. Amounts are whole cents; a reduction is rounded per night to whole cents (half
// up), so the sum of the nights is the amount due, as the administration checks it.
import { addDays } from '../../platform/validation.js';

export interface Rate {
  facilityType: string;
  perNightCents: number;
  validFrom: string;
}
export interface Adjustment {
  kind: 'vrijstelling' | 'korting';
  percentage: number;
  fromOn: string;
  toOn: string | null;
}
export interface StayNights {
  facilityType: string;
  startedOn: string;
  /** The day the stay ended (that night is not slept), or null while it runs. */
  endedOn: string | null;
}
export interface Night {
  night: string;
  facilityType: string;
  tariffCents: number;
  reductionPercentage: number;
  dueCents: number;
}

/** The tariff for one night: the newest valid-from on or before it, for this facility type; 0 without one. */
export function tariffOn(rates: readonly Rate[], facilityType: string, night: string): number {
  let best: Rate | null = null;
  for (const r of rates)
    if (r.facilityType === facilityType && r.validFrom <= night && (!best || r.validFrom > best.validFrom)) best = r;
  return best?.perNightCents ?? 0;
}

/** The largest reduction (an exemption is 100%) covering this night. */
export function reductionOn(adjustments: readonly Adjustment[], night: string): number {
  let p = 0;
  for (const a of adjustments)
    if (a.fromOn <= night && (a.toOn === null || night <= a.toOn))
      p = Math.max(p, a.kind === 'vrijstelling' ? 100 : a.percentage);
  return p;
}

/**
 * Every night counted, up to and including last night (`today` itself is not yet slept), with its tariff, reduction
 * and amount due. Nights of overlapping stays (a move on the same day) are counted once, at the later stay.
 */
export function nightsDue(
  stays: readonly StayNights[],
  rates: readonly Rate[],
  adjustments: readonly Adjustment[],
  today: string,
): Night[] {
  const byNight = new Map<string, string>();
  const ordered = [...stays].sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0));
  for (const s of ordered) {
    const end = s.endedOn && s.endedOn < today ? s.endedOn : today;
    for (let d = s.startedOn; d < end; d = addDays(d, 1)) byNight.set(d, s.facilityType);
  }
  return [...byNight.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([night, facilityType]) => {
      const tariffCents = tariffOn(rates, facilityType, night);
      const reductionPercentage = reductionOn(adjustments, night);
      const dueCents = tariffCents - Math.round((tariffCents * reductionPercentage) / 100);
      return { night, facilityType, tariffCents, reductionPercentage, dueCents };
    });
}

export const sumCents = (xs: readonly { dueCents: number }[]) => xs.reduce((s, x) => s + x.dueCents, 0);

/** Euros for people: € 1.234,50. */
export function euro(cents: number): string {
  return new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Parses an amount as typed in Dutch or English notation ("12,50", "1.234,50", "12.5") into cents; null if not. */
export function parseEuroCents(v: number | string): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v * 100) : null;
  let s = v.replace(/€|\s/g, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(s)) return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  const n = Number(s);
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

/** Arrears: what was due for nights more than `graceDays` ago and is still not paid (Vroeg Eropaf acts at ~2 months). */
export function arrearsCents(nights: readonly Night[], paidCents: number, today: string, graceDays = 60): number {
  const cutoff = addDays(today, -graceDays);
  return Math.max(0, sumCents(nights.filter((n) => n.night < cutoff)) - paidCents);
}
