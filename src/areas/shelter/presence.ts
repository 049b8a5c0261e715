// The 48-hour rule of the nightly presence check (issue 16). A booking (an open stay) is "onbevestigd" when nobody
// confirmed for two nights in a row — 48 hours — that the person slept here: counted from the last night confirmed
// present, or from the start of the stay when no night was ever confirmed. Such a booking is flagged on the shift
// view and the bed board instead of silently counted (Ireland's shared system over-counted by bookings never closed).
// A night is the night that starts on a date (capacity.ts); only nights up to and including last night count.

import { anyOf } from '../../platform/db/arrays.js';
import type { Db } from '../../platform/db/database.js';
import { addDays, daysBetween } from '../../platform/validation.js';

/** Two unconfirmed nights in a row: 48 hours. */
export const UNCONFIRMED_AFTER_NIGHTS = 2;

/** Nights up to and including last night since the last confirmed presence (or the start) that nobody confirmed. */
export function unconfirmedNights(startedOn: string, lastPresentNight: string | null, today: string): number {
  const from = lastPresentNight && lastPresentNight >= startedOn ? addDays(lastPresentNight, 1) : startedOn;
  return Math.max(0, daysBetween(from, today));
}

/** The flag: an open stay with at least 48 hours (two nights) without a confirmed presence. */
export function isUnconfirmed(startedOn: string, lastPresentNight: string | null, today: string): boolean {
  return unconfirmedNights(startedOn, lastPresentNight, today) >= UNCONFIRMED_AFTER_NIGHTS;
}

/** The last night each stay was confirmed present (stays never confirmed are absent from the map). */
export async function lastPresentNights(db: Db, stayIds: readonly string[]): Promise<Map<string, string>> {
  if (!stayIds.length) return new Map();
  const rows = await db
    .selectFrom('presence_checks')
    .select(['stay_id'])
    .select((eb) => eb.fn.max('night').as('night'))
    .where('stay_id', '=', anyOf(stayIds))
    .where('present', '=', true)
    .groupBy('stay_id')
    .execute();
  return new Map(rows.map((r) => [r.stay_id, String(r.night)]));
}
