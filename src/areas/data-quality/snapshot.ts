// Issue 20: the rows the data-quality checks look at, one plain shape per entity, and the indexes between them.
// Loaded once per run for one tenant (loadSnapshot); tests build the same shapes by hand.

export interface ClientRow {
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  bsn: string | null;
  origin_municipality_code: string | null;
  origin_label: string;
  cause: string | null;
  phone: string | null;
  email: string | null;
  gender: string | null;
  created_on: string;
}
export interface RegistrationRow {
  id: string;
  client_id: string;
  registered_on: string;
  source: string;
  screening: string | null;
  screened_on: string | null;
  status: string;
  created_by: string | null;
}
export interface DecisionRow {
  id: string;
  registration_id: string;
  outcome: string;
  decided_on: string;
  decided_by: string | null;
  reason: string | null;
  objection_deadline: string;
}
export interface TrajectoryRow {
  id: string;
  client_id: string;
  registration_id: string | null;
  started_on: string;
  ended_on: string | null;
  exit_destination: string | null;
  exit_group: string | null;
  case_manager_id: string | null;
}
export interface StayRow {
  id: string;
  client_id: string;
  registration_id: string | null;
  trajectory_id: string | null;
  unit_id: string;
  facility_id: string;
  unit_active: boolean;
  unit_beds: number;
  household_size: number;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  short_stay: boolean;
  created_by: string | null;
  /** The latest night with a presence check (present or not), or null. */
  last_check: string | null;
}
export interface OutreachRow {
  id: string;
  client_id: string | null;
  anonymous_person_id: string | null;
  contact_on: string;
  sleeping_situation: string;
  latitude: number | null;
  longitude: number | null;
  place_label: string | null;
  offered: string[];
  recorded_by: string | null;
  estimated_age: number | null;
  description: string | null;
}
export interface TurnAwayRow {
  id: string;
  client_id: string | null;
  access_decision_id: string | null;
  facility_id: string | null;
  requested_on: string;
  reason: string;
  went_to: string | null;
  household_size: number;
  recorded_by: string | null;
}
export interface StreetCountRow {
  id: string;
  counted_on: string;
  area: string;
  number: number;
}
export interface CandidateRow {
  id: string;
  client_id: string;
  trajectory_id: string;
  household_size: number;
  net_income_cents: number;
  ready_since: string;
  status: string;
  housed_on: string | null;
}
export interface PlanRow {
  id: string;
  trajectory_id: string;
  drawn_up_on: string;
  signed_on: string | null;
}

export interface Entities {
  client: ClientRow;
  registration: RegistrationRow;
  decision: DecisionRow;
  trajectory: TrajectoryRow;
  stay: StayRow;
  outreach: OutreachRow;
  turnAway: TurnAwayRow;
  streetCount: StreetCountRow;
  candidate: CandidateRow;
  plan: PlanRow;
}
export type EntityKind = keyof Entities;
export const ENTITY_KINDS: EntityKind[] = [
  'client',
  'registration',
  'decision',
  'trajectory',
  'stay',
  'outreach',
  'turnAway',
  'streetCount',
  'candidate',
  'plan',
];

export interface SnapshotData {
  today: string;
  /** CBS codes of the tenant's municipalities. */
  municipalities: string[];
  settings: { bedVoorDeNachtMax: number; planTermijnDagen: number };
  rows: { [K in EntityKind]: Entities[K][] };
}

/** The data with the indexes the checks use. */
export class Snapshot {
  readonly today: string;
  readonly municipalities: Set<string>;
  readonly settings: SnapshotData['settings'];
  readonly rows: SnapshotData['rows'];
  readonly clients: Map<string, ClientRow>;
  readonly registrations: Map<string, RegistrationRow>;
  readonly trajectories: Map<string, TrajectoryRow>;
  readonly decisionsByRegistration: Map<string, DecisionRow[]>;
  readonly registrationsByClient: Map<string, RegistrationRow[]>;
  readonly trajectoriesByClient: Map<string, TrajectoryRow[]>;
  readonly staysByClient: Map<string, StayRow[]>;
  readonly staysByTrajectory: Map<string, StayRow[]>;
  readonly plansByTrajectory: Map<string, PlanRow[]>;
  readonly clientsByBsn: Map<string, ClientRow[]>;
  readonly clientsByNameAndBirth: Map<string, ClientRow[]>;
  readonly candidatesByClient: Map<string, CandidateRow[]>;
  readonly trajectoriesByRegistration: Map<string, TrajectoryRow[]>;
  constructor(data: SnapshotData) {
    this.today = data.today;
    this.municipalities = new Set(data.municipalities);
    this.settings = data.settings;
    this.rows = data.rows;
    const group = <T, K>(items: T[], key: (t: T) => K | null) => {
      const m = new Map<K, T[]>();
      for (const it of items) {
        const k = key(it);
        if (k === null) continue;
        const list = m.get(k);
        if (list) list.push(it);
        else m.set(k, [it]);
      }
      return m;
    };
    this.clients = new Map(data.rows.client.map((c) => [c.id, c]));
    this.registrations = new Map(data.rows.registration.map((r) => [r.id, r]));
    this.trajectories = new Map(data.rows.trajectory.map((t) => [t.id, t]));
    this.decisionsByRegistration = group(data.rows.decision, (d) => d.registration_id);
    this.registrationsByClient = group(data.rows.registration, (r) => r.client_id);
    this.trajectoriesByClient = group(data.rows.trajectory, (t) => t.client_id);
    this.staysByClient = group(data.rows.stay, (s) => s.client_id);
    this.staysByTrajectory = group(data.rows.stay, (s) => s.trajectory_id);
    this.plansByTrajectory = group(data.rows.plan, (p) => p.trajectory_id);
    this.clientsByBsn = group(data.rows.client, (c) => c.bsn);
    this.clientsByNameAndBirth = group(data.rows.client, (c) =>
      c.birth_date ? `${c.first_name.trim().toLowerCase()}|${c.last_name.trim().toLowerCase()}|${c.birth_date}` : null,
    );
    this.candidatesByClient = group(data.rows.candidate, (c) => c.client_id);
    this.trajectoriesByRegistration = group(data.rows.trajectory, (t) => t.registration_id);
  }
}
