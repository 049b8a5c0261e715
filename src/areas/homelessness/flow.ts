// Issue 20: the by-name list's states and the monthly flow, as one pure replay of each person's evidence.
// A person is *actief* (known homeless) from the first contact; *gehuisvest* after an exit to permanent housing;
// *inactief* when N months pass without contact (tenant setting, default 3). Every change of state is a
// transition on a date; the monthly flow counts the transitions between two peildagen (the 1st of the month), so
// "active at the start + inflow − outflow = active at the end" holds by construction, every month.

export type Evidence =
  /** Contact from `from` through `to` (a registration or veldwerk contact: one day; a stay or trajectory: its span). */
  | { person: string; kind: 'contact'; from: string; to: string }
  /** Exit to permanent housing on this day. */
  | { person: string; kind: 'housed'; on: string };

export const INFLOW_KINDS = ['nieuw', 'terug_uit_wonen', 'terug_na_inactiviteit'] as const;
export const OUTFLOW_KINDS = ['naar_wonen', 'inactief'] as const;
export type InflowKind = (typeof INFLOW_KINDS)[number];
export type OutflowKind = (typeof OUTFLOW_KINDS)[number];
export type TransitionKind = InflowKind | OutflowKind;
export interface Transition {
  person: string;
  on: string;
  kind: TransitionKind;
}
export type PersonState = 'actief' | 'inactief' | 'gehuisvest';
export interface PersonTimeline {
  person: string;
  state: PersonState;
  lastContact: string;
  /** The first day of the current active episode (null when not active). */
  activeSince: string | null;
  transitions: Transition[];
}

/** The same day N months later (clamped to the end of a shorter month): the first day counted as inactive. */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const dateOf = (e: Evidence) => (e.kind === 'contact' ? e.from : e.on);

/** Replays one person's evidence up to and including `today`. Returns null for a person without any contact. */
export function replayPerson(
  person: string,
  evidence: readonly Evidence[],
  today: string,
  inactiveMonths: number,
): PersonTimeline | null {
  const events = evidence
    .filter((e) => dateOf(e) <= today)
    .sort((a, b) => {
      const d = dateOf(a).localeCompare(dateOf(b));
      if (d !== 0) return d;
      return (a.kind === 'contact' ? 0 : 1) - (b.kind === 'contact' ? 0 : 1); // contacts of a day before its exit
    });
  const transitions: Transition[] = [];
  let state: PersonState | 'onbekend' = 'onbekend';
  let last = '';
  let since: string | null = null;
  const lapse = (before: string, inclusive: boolean) => {
    if (state !== 'actief') return;
    const d = addMonths(last, inactiveMonths);
    if (inclusive ? d <= before : d < before) {
      transitions.push({ person, on: d, kind: 'inactief' });
      state = 'inactief';
      since = null;
    }
  };
  for (const e of events) {
    lapse(dateOf(e), false);
    if (e.kind === 'contact') {
      let to = e.to;
      if (to < e.from) to = e.from;
      if (to > today) to = today;
      if (state !== 'actief') {
        const kind: InflowKind =
          state === 'onbekend' ? 'nieuw' : state === 'gehuisvest' ? 'terug_uit_wonen' : 'terug_na_inactiviteit';
        transitions.push({ person, on: e.from, kind });
        state = 'actief';
        since = e.from;
        last = to;
      } else if (to > last) last = to;
    } else if (state === 'actief') {
      transitions.push({ person, on: e.on, kind: 'naar_wonen' });
      state = 'gehuisvest';
      since = null;
    }
  }
  if (state === 'onbekend') return null;
  lapse(today, true);
  return { person, state, lastContact: last, activeSince: since, transitions };
}

/** Groups evidence by person and replays everyone. */
export function replayAll(evidence: readonly Evidence[], today: string, inactiveMonths: number): PersonTimeline[] {
  const byPerson = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const list = byPerson.get(e.person);
    if (list) list.push(e);
    else byPerson.set(e.person, [e]);
  }
  const out: PersonTimeline[] = [];
  for (const [person, list] of byPerson) {
    const t = replayPerson(person, list, today, inactiveMonths);
    if (t) out.push(t);
  }
  return out.sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
}

export interface FlowMonth {
  /** 'YYYY-MM' */
  maand: string;
  /** The peildag that starts the month and the next one (the period is [peildag, volgendePeildag)). */
  peildag: string;
  volgendePeildag: string;
  actiefBegin: number;
  instroom: Record<InflowKind, number>;
  uitstroom: Record<OutflowKind, number>;
  actiefEind: number;
  /** Ids of the persons behind each count (for the disclosure control; never returned to the client). */
  ids: {
    actiefBegin: string[];
    actiefEind: string[];
    instroom: Record<InflowKind, string[]>;
    uitstroom: Record<OutflowKind, string[]>;
  };
}

const firstOfMonth = (month: string) => `${month}-01`;
export const nextMonth = (month: string) => addMonths(firstOfMonth(month), 1).slice(0, 7);

/** Whether a person is active at the start of day `day` (all transitions before that day applied). */
function activeAt(t: PersonTimeline, day: string): boolean {
  let active = false;
  for (const tr of t.transitions) {
    if (tr.on >= day) break;
    active = (INFLOW_KINDS as readonly string[]).includes(tr.kind);
  }
  return active;
}

/** The monthly flow for months [fromMonth, toMonth] (inclusive, 'YYYY-MM'). */
export function monthlyFlow(timelines: readonly PersonTimeline[], fromMonth: string, toMonth: string): FlowMonth[] {
  const months: FlowMonth[] = [];
  for (let m = fromMonth; m <= toMonth; m = nextMonth(m)) {
    const start = firstOfMonth(m);
    const end = firstOfMonth(nextMonth(m));
    const ids: FlowMonth['ids'] = {
      actiefBegin: [],
      actiefEind: [],
      instroom: { nieuw: [], terug_uit_wonen: [], terug_na_inactiviteit: [] },
      uitstroom: { naar_wonen: [], inactief: [] },
    };
    for (const t of timelines) {
      if (activeAt(t, start)) ids.actiefBegin.push(t.person);
      if (activeAt(t, end)) ids.actiefEind.push(t.person);
      for (const tr of t.transitions) {
        if (tr.on < start || tr.on >= end) continue;
        if (tr.kind === 'naar_wonen' || tr.kind === 'inactief') ids.uitstroom[tr.kind].push(tr.person);
        else ids.instroom[tr.kind].push(tr.person);
      }
    }
    months.push({
      maand: m,
      peildag: start,
      volgendePeildag: end,
      actiefBegin: ids.actiefBegin.length,
      actiefEind: ids.actiefEind.length,
      instroom: {
        nieuw: ids.instroom.nieuw.length,
        terug_uit_wonen: ids.instroom.terug_uit_wonen.length,
        terug_na_inactiviteit: ids.instroom.terug_na_inactiviteit.length,
      },
      uitstroom: { naar_wonen: ids.uitstroom.naar_wonen.length, inactief: ids.uitstroom.inactief.length },
      ids,
    });
  }
  return months;
}

export const totalIn = (f: { instroom: Record<InflowKind, number> }) =>
  f.instroom.nieuw + f.instroom.terug_uit_wonen + f.instroom.terug_na_inactiviteit;
export const totalOut = (f: { uitstroom: Record<OutflowKind, number> }) =>
  f.uitstroom.naar_wonen + f.uitstroom.inactief;
