// Terugval (domain.md §4, cf. HUD System Performance Measure 2), as a pure function over rows so it can be tested
// by hand:
// - qualifying exits: trajectories ended in the look-back window [from, to) with a destination in exit group
//   'permanent'; exits to beschermd wonen are counted the same way but reported SEPARATELY (domain.md §4: never mixed
//   into the total; issue 13), each with its own earliest exit per person;
// - per person only the EARLIEST qualifying exit in the window counts;
// - the return is the FIRST later entry of that person: a registration or a stay that starts after the exit date
//   (strictly later; the exit day itself is the move, not a return);
// - a return after d days counts in the 6-month window when d ≤ 180, 12 months when d ≤ 365, 24 months when d ≤ 730;
//   so a return within 180 days counts in all three, and someone who returns twice counts once (at the first return);
// - a window only counts exits whose follow-up is complete on the reference date (exit + window ≤ peildatum), so
//   recent exits do not dilute the share (they show in `nogNietVolledig`).
import { daysBetween } from '../../platform/validation.js';

export const RETURN_WINDOWS = [
  { key: 'binnen6Maanden', months: 6, days: 180 },
  { key: 'binnen12Maanden', months: 12, days: 365 },
  { key: 'binnen24Maanden', months: 24, days: 730 },
] as const;

export type RelapseDestinationType = 'eigen-woning' | 'housing-first' | 'familie-vrienden' | 'beschermd-wonen';
export const RELAPSE_DESTINATION_TYPES: { code: RelapseDestinationType; label: string; destinations: string[] }[] = [
  { code: 'eigen-woning', label: 'Eigen woning', destinations: ['huur-corporatie', 'huur-particulier', 'koopwoning'] },
  { code: 'housing-first', label: 'Housing First', destinations: ['housing-first'] },
  { code: 'familie-vrienden', label: 'Bij familie/vrienden (permanent)', destinations: ['familie-vrienden-permanent'] },
  { code: 'beschermd-wonen', label: 'Beschermd wonen', destinations: ['beschermd-wonen'] },
];

/** The destination type of an exit to housing, or null when the exit does not qualify. */
export function relapseDestinationType(
  destination: string | null,
  group?: string | null,
): RelapseDestinationType | null {
  if (!destination) return null;
  const t = RELAPSE_DESTINATION_TYPES.find((x) => x.destinations.includes(destination));
  if (t) return t.code;
  return group === 'permanent' ? 'eigen-woning' : null;
}

export interface ExitRow {
  clientId: string;
  exitDate: string;
  destination: string | null;
  group?: string | null;
}
export interface EntryRow {
  clientId: string;
  date: string;
}

export interface PersonReturn {
  clientId: string;
  exitDate: string;
  type: RelapseDestinationType;
  returnDate: string | null;
  daysToReturn: number | null;
}

/** Earliest qualifying exit per person in [from, to), with that person's first entry after it. */
export function personReturns(
  exits: ExitRow[],
  entries: EntryRow[],
  window: { from: string; to: string },
): PersonReturn[] {
  const earliest = new Map<string, { exitDate: string; type: RelapseDestinationType }>();
  for (const e of exits) {
    if (e.exitDate < window.from || e.exitDate >= window.to) continue;
    const type = relapseDestinationType(e.destination, e.group);
    if (!type) continue;
    const cur = earliest.get(e.clientId);
    if (!cur || e.exitDate < cur.exitDate) earliest.set(e.clientId, { exitDate: e.exitDate, type });
  }
  const byClient = new Map<string, string[]>();
  for (const x of entries) {
    if (!earliest.has(x.clientId)) continue;
    (byClient.get(x.clientId) ?? byClient.set(x.clientId, []).get(x.clientId)!).push(x.date);
  }
  return [...earliest]
    .map(([clientId, { exitDate, type }]) => {
      const later = (byClient.get(clientId) ?? []).filter((d) => d > exitDate).sort();
      const returnDate = later[0] ?? null;
      return {
        clientId,
        exitDate,
        type,
        returnDate,
        daysToReturn: returnDate ? daysBetween(exitDate, returnDate) : null,
      };
    })
    .sort((a, b) => a.exitDate.localeCompare(b.exitDate) || a.clientId.localeCompare(b.clientId));
}

export interface WindowCount {
  noemer: number;
  teruggekeerd: number;
  aandeel: number | null;
  nogNietVolledig: number;
}
export type RelapseCounts = { uitstromen: number } & Record<(typeof RETURN_WINDOWS)[number]['key'], WindowCount>;

export function countReturns(persons: PersonReturn[], peildatum: string): RelapseCounts {
  const out = { uitstromen: persons.length } as RelapseCounts;
  for (const w of RETURN_WINDOWS) {
    let noemer = 0,
      teruggekeerd = 0,
      pending = 0;
    for (const p of persons) {
      if (daysBetween(p.exitDate, peildatum) < w.days) {
        pending++;
        continue;
      }
      noemer++;
      if (p.daysToReturn != null && p.daysToReturn <= w.days) teruggekeerd++;
    }
    out[w.key] = { noemer, teruggekeerd, aandeel: noemer ? teruggekeerd / noemer : null, nogNietVolledig: pending };
  }
  return out;
}

/** The full figure: overall and by destination type. */
export function computeRelapse(
  exits: ExitRow[],
  entries: EntryRow[],
  q: { from: string; to: string; peildatum: string },
) {
  const sheltered = (e: ExitRow) => relapseDestinationType(e.destination, e.group) === 'beschermd-wonen';
  const permanent = personReturns(
    exits.filter((e) => !sheltered(e)),
    entries,
    q,
  );
  const beschermd = personReturns(exits.filter(sheltered), entries, q);
  return {
    /** Exits to the permanent group only; beschermd wonen is its own line in perBestemming. */
    totaal: countReturns(permanent, q.peildatum),
    perBestemming: RELAPSE_DESTINATION_TYPES.map((t) => ({
      type: t.code,
      label: t.label,
      ...countReturns(
        (t.code === 'beschermd-wonen' ? beschermd : permanent).filter((p) => p.type === t.code),
        q.peildatum,
      ),
    })),
    personen: [...permanent, ...beschermd],
  };
}
