// Issue 20: the clean example the data-quality rules are tested against: one consistent record of every entity
// (a client in shelter since January with a plan, waiting for a home; a veldwerk contact; a turn-away; a count).
// No rule fires on it; each rule's own fixture changes it so that the rule fires, and a near miss so it does not.
import type { Entities, EntityKind, SnapshotData } from './snapshot.js';

export function cleanExample(): SnapshotData {
  return {
    today: '2026-06-15',
    municipalities: ['0505', '0590'],
    settings: { bedVoorDeNachtMax: 3, planTermijnDagen: 5 },
    rows: {
      client: [
        {
          id: 'c1',
          first_name: 'Anna',
          last_name: 'de Vries',
          birth_date: '1980-05-01',
          bsn: '123456782',
          origin_municipality_code: '0505',
          origin_label: 'Dordrecht',
          cause: 'relatiebreuk',
          phone: '0612345678',
          email: 'anna@example.nl',
          gender: 'v',
          created_on: '2026-01-10',
        },
      ],
      registration: [
        {
          id: 'r1',
          client_id: 'c1',
          registered_on: '2026-01-10',
          source: 'zelf',
          screening: 'Dakloos na relatiebreuk.',
          screened_on: '2026-01-12',
          status: 'besloten',
          created_by: 'u1',
        },
      ],
      decision: [
        {
          id: 'd1',
          registration_id: 'r1',
          outcome: 'toegang',
          decided_on: '2026-01-15',
          decided_by: 'u1',
          reason: 'Voldoet aan de criteria.',
          objection_deadline: '2026-02-26',
        },
      ],
      trajectory: [
        {
          id: 't1',
          client_id: 'c1',
          registration_id: 'r1',
          started_on: '2026-01-15',
          ended_on: null,
          exit_destination: null,
          exit_group: null,
          case_manager_id: 'u1',
        },
      ],
      stay: [
        {
          id: 's1',
          client_id: 'c1',
          registration_id: 'r1',
          trajectory_id: 't1',
          unit_id: 'e1',
          facility_id: 'f1',
          unit_active: true,
          unit_beds: 1,
          household_size: 1,
          started_on: '2026-01-15',
          ended_on: null,
          end_reason: null,
          short_stay: false,
          created_by: 'u1',
          last_check: '2026-06-14',
        },
      ],
      outreach: [
        {
          id: 'o1',
          client_id: null,
          anonymous_person_id: 'a1',
          contact_on: '2026-06-01',
          sleeping_situation: 'buiten',
          latitude: 51.81,
          longitude: 4.67,
          place_label: 'Station',
          offered: ['nachtopvang'],
          recorded_by: 'u1',
          estimated_age: 40,
          description: 'Man, rode jas',
        },
      ],
      turnAway: [
        {
          id: 'ta1',
          client_id: null,
          access_decision_id: null,
          facility_id: 'f1',
          requested_on: '2026-06-01',
          reason: 'vol',
          went_to: 'andere_opvang',
          household_size: 1,
          recorded_by: 'u1',
        },
      ],
      streetCount: [{ id: 'sc1', counted_on: '2026-03-01', area: 'Binnenstad', number: 12 }],
      candidate: [
        {
          id: 'k1',
          client_id: 'c1',
          trajectory_id: 't1',
          household_size: 1,
          net_income_cents: 120000,
          ready_since: '2026-03-01',
          status: 'woonklaar',
          housed_on: null,
        },
      ],
      plan: [{ id: 'p1', trajectory_id: 't1', drawn_up_on: '2026-01-18', signed_on: '2026-01-18' }],
    },
  };
}

export type Fixture = (d: SnapshotData) => void;

/** Changes the first row of an entity (the row a rule's test looks at). */
export const patch =
  <K extends EntityKind>(kind: K, values: Partial<Entities[K]>): Fixture =>
  (d) => {
    Object.assign(d.rows[kind][0] as object, values);
  };
/** Adds a copy of the first row of an entity with other values (a second record). */
export const add =
  <K extends EntityKind>(kind: K, values: Partial<Entities[K]>): Fixture =>
  (d) => {
    (d.rows[kind] as Entities[K][]).push({ ...(d.rows[kind][0] as Entities[K]), ...values });
  };
/** Removes every row of an entity. */
export const none =
  (kind: EntityKind): Fixture =>
  (d) => {
    (d.rows[kind] as unknown[]).length = 0;
  };
export const all =
  (...fs: Fixture[]): Fixture =>
  (d) => {
    for (const f of fs) f(d);
  };
export const setToday =
  (today: string): Fixture =>
  (d) => {
    d.today = today;
  };
