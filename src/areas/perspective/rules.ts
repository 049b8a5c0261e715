// Pure rules of the three-month flow, tested at their boundaries (rules.test.ts).
import { addDays, daysBetween } from '../../platform/validation.js';

/** The perspectiefplan is due within 5 days of placement (first stay start of the trajectory); default of the tenant
 * setting planTermijnDagen. */
export const PLAN_DUE_DAYS = 5;
/** Stay target: doorstroom within three months = at most 91 days (domain.md §4). The §4 figure "binnen 3 maanden
 * doorgestroomd" always uses 91; screens, worklists and signals use the tenant setting normDoorstroomDagen. */
export const STAY_TARGET_DAYS = 91;
/** Signals in the three-month control, in weeks after placement. */
export const SIGNAL_WEEKS = [6, 10, 12] as const;
/** Window of recent throughput used for the expected wait on a waiting list. */
export const THROUGHPUT_WINDOW_DAYS = 180;

export type PlanTimeliness =
  | 'geen-plaatsing'
  | 'nog-binnen-termijn'
  | 'te-laat'
  | 'op-tijd-opgesteld'
  | 'te-laat-opgesteld';

export function planDueDate(placementOn: string, planDays: number = PLAN_DUE_DAYS): string {
  return addDays(placementOn, planDays);
}

/**
 * Placement on day D: the plan is on time when drawn up on or before D+5. Without a plan it is late from D+6 on.
 * (5 = planDays, the tenant setting planTermijnDagen.)
 */
export function planTimeliness(
  placementOn: string | null,
  drawnUpOn: string | null,
  today: string,
  planDays: number = PLAN_DUE_DAYS,
): { status: PlanTimeliness; uiterlijkeDatum: string | null; dagenTeLaat: number } {
  if (!placementOn)
    return { status: drawnUpOn ? 'op-tijd-opgesteld' : 'geen-plaatsing', uiterlijkeDatum: null, dagenTeLaat: 0 };
  const due = planDueDate(placementOn, planDays);
  if (drawnUpOn) {
    const late = Math.max(0, daysBetween(due, drawnUpOn));
    return { status: late > 0 ? 'te-laat-opgesteld' : 'op-tijd-opgesteld', uiterlijkeDatum: due, dagenTeLaat: late };
  }
  const late = Math.max(0, daysBetween(due, today));
  return { status: late > 0 ? 'te-laat' : 'nog-binnen-termijn', uiterlijkeDatum: due, dagenTeLaat: late };
}

export type ShelterSignal = null | '6-weken' | '10-weken' | '12-weken';

/** Days since placement (placement day = 0) against the target (91 days, the tenant setting normDoorstroomDagen),
 * with the 6/10/12-week signals. */
export function shelterControl(placementOn: string, today: string, targetDays: number = STAY_TARGET_DAYS) {
  const dagen = daysBetween(placementOn, today);
  let signaal: ShelterSignal = null;
  for (const w of SIGNAL_WEEKS) if (dagen >= w * 7) signaal = `${w}-weken`;
  return {
    dagenInOpvang: dagen,
    doelDagen: targetDays,
    resterendeDagen: targetDays - dagen,
    bovenDoel: dagen > targetDays,
    signaal,
  };
}

export interface ListEntry {
  id: string;
  urgent: boolean;
  listedOn: string;
  createdAt: Date | string;
}

/** Priority on a waiting list: urgent first, then the earliest date on the list, then who was entered first. */
export function orderWaitingList<T extends ListEntry>(entries: T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      Number(b.urgent) - Number(a.urgent) ||
      a.listedOn.localeCompare(b.listedOn) ||
      new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() ||
      a.id.localeCompare(b.id),
  );
}

export const PRIORITY_RULES = [
  'Urgente plaatsingen gaan voor (urgentie vastgesteld door de trajecthouder, met toelichting).',
  'Daarna telt de datum waarop de cliënt op de wachtlijst is gezet: wie het langst wacht, is eerst aan de beurt.',
  'Bij dezelfde datum gaat voor wie het eerst is ingeschreven.',
];

/**
 * Expected wait for position p (1 = next): with n placements from this list in the last 180 days, one place frees
 * up every 180/n days, so position p waits about ceil(p × 180 / n) days. Unknown (null) without recent placements.
 */
export function expectedWaitDays(
  position: number,
  placedInWindow: number,
  windowDays = THROUGHPUT_WINDOW_DAYS,
): number | null {
  if (placedInWindow <= 0) return null;
  return Math.ceil((position * windowDays) / placedInWindow);
}
