import type { ColumnType, Generated } from 'kysely';

// Hand-written table types (as Immich does): the migrations are the source of truth.
type Timestamp = Date;
type Json = ColumnType<unknown, string, string>;

export interface TenantsTable {
  id: string;
  name: string;
  central_municipality_code: string;
  settings: ColumnType<unknown, string | undefined, string>;
}
export interface MunicipalitiesTable {
  code: string;
  name: string;
  tenant_id: string;
}
export interface FacilitiesTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  type: string;
  address: Generated<string>;
  postcode: string | null;
  municipality_code: string | null;
  wijk: string | null;
  is_night_shelter: Generated<boolean>;
  latitude: number | null;
  longitude: number | null;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
}
export interface UnitsTable {
  id: Generated<string>;
  tenant_id: string;
  facility_id: string;
  name: string;
  kind: string;
  beds: number;
  is_reserve: Generated<boolean>;
  max_households: Generated<number>;
  target_groups: Generated<string[]>;
  active: Generated<boolean>;
}
export interface UsersTable {
  id: Generated<string>;
  tenant_id: string | null;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  facility_id: string | null;
  client_id: string | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  corporation_id: ColumnType<string | null, string | null | undefined, string | null>; // 0003_housing
  login_attempt_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>; // 0010_login_guard
}
// 0010_login_guard: failure counters of unknown usernames and of source addresses (src/rights/login-guard.ts).
export interface LoginUnknownUsersTable {
  username_hash: string;
  failed_logins: number;
  locked_until: Timestamp | null;
  login_attempt_at: Timestamp;
}
export interface LoginAddressFailuresTable {
  source: string;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: Timestamp | null;
}
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
}
export interface ClientsTable {
  id: Generated<string>;
  tenant_id: string;
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
  merged_into: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}
export interface HouseholdMembersTable {
  id: Generated<string>;
  client_id: string;
  name: string;
  birth_date: string | null;
  relation: string;
}
export interface ClientMergesTable {
  id: Generated<string>;
  tenant_id: string;
  kept_id: string;
  merged_id: string;
  merged_by: string;
  merged_at: Generated<Timestamp>;
  snapshot: Json;
}
export interface RegistrationsTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  registered_on: string;
  source: string;
  notes: string | null;
  screening: string | null;
  screened_on: string | null;
  status: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  withdrawn_on: string | null; // 0038: withdrawn before a decision (issue 19)
  withdrawal_reason: string | null;
}
export interface AccessDecisionsTable {
  id: Generated<string>;
  tenant_id: string;
  registration_id: string;
  outcome: string;
  decided_on: string;
  decided_by: string | null;
  reason: string | null;
  objection_deadline: string;
  emergency_shelter: Generated<boolean>;
  regional_tie: Json | null;
  responsible_tenant_id: string | null;
  created_at: Generated<Timestamp>;
}
export interface TrajectoriesTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  registration_id: string | null;
  started_on: string;
  ended_on: string | null;
  exit_destination: string | null;
  exit_group: string | null;
  case_manager_id: string | null;
  created_at: Generated<Timestamp>;
}
export interface StaysTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  registration_id: string | null;
  trajectory_id: string | null;
  unit_id: string;
  household_size: Generated<number>;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  short_stay: Generated<boolean>; // 0017_short_stays_and_capacity: bed voor de nacht
}
export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Timestamp>;
  tenant_id: string | null;
  user_id: string | null;
  username: string | null;
  role: string | null;
  on_behalf_of: string | null;
  client_id: string | null;
  action: string;
  resource: string;
  detail: string | null;
  source_ip: string | null;
  basis: string | null;
  emergency: Generated<boolean>;
}
// Issue 6 — prevention (0004_prevention.sql)
export interface SignalUploadsTable {
  id: Generated<string>;
  tenant_id: string;
  filename: string;
  content: string;
  row_count: Generated<number>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  committed_at: Timestamp | null;
  committed_by: string | null;
}
export interface EarlySignalsTable {
  id: Generated<string>;
  tenant_id: string;
  source_type: string;
  source_name: string;
  reference: string;
  signal_date: string;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  bsn: string | null;
  postcode: string;
  house_number: string;
  amount_arrears: number;
  months_arrears: number;
  upload_id: string | null;
  upload_row: number | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface PreventionCasesTable {
  id: Generated<string>;
  tenant_id: string;
  signal_id: string;
  status: Generated<string>;
  outcome: string | null;
  outcome_on: string | null;
  created_at: Generated<Timestamp>;
}
export interface PreventionStepsTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  step_on: string;
  reached: boolean | null;
  outcome: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface AftercarePlansTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  trajectory_id: string;
  exit_on: string;
  responsible_kind: string | null;
  responsible_name: string | null; // null: nog toe te wijzen (0007)
  postcode: string | null;
  house_number: string | null;
  status: Generated<string>;
  closed_on: string | null;
  close_reason: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface AftercareContactsTable {
  id: Generated<string>;
  plan_id: string;
  month_offset: number | null;
  planned_on: string | null;
  done_on: string | null;
  reached: boolean | null;
  concern: Generated<boolean>;
  notes: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface BudgetManagementTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  plan_id: string | null;
  provider: string;
  started_on: string;
  phase_out_from: string;
  ends_on: string;
  ended_early_on: string | null;
  ended_early_reason: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
// Issue 4 — perspective (0002_perspective.sql)
export interface ZrmAssessmentsTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  trajectory_id: string | null;
  assessed_on: string;
  zrm_version: string;
  kind: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface ZrmScoresTable {
  assessment_id: string;
  domain: string;
  score: number;
}
export interface PerspectivePlansTable {
  id: Generated<string>;
  tenant_id: string;
  trajectory_id: string;
  client_id: string;
  drawn_up_on: string;
  client_words: string | null;
  client_wishes: string | null;
  signed_on: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}
export interface PlanGoalsTable {
  id: Generated<string>;
  tenant_id: string;
  plan_id: string;
  life_domain: string;
  description: string;
  status: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface PlanActionsTable {
  id: Generated<string>;
  tenant_id: string;
  goal_id: string;
  description: string;
  owner_org: string;
  owner_name: string | null;
  due_on: string;
  status: Generated<string>;
  status_on: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface PlanActionStatusChangesTable {
  id: Generated<string>;
  action_id: string;
  from_status: string;
  to_status: string;
  changed_on: string;
  note: string | null;
  changed_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface PlanCommentsTable {
  id: Generated<string>;
  tenant_id: string;
  plan_id: string;
  author_id: string | null;
  author_name: string;
  author_role: string;
  body: string;
  created_at: Generated<Timestamp>;
}
export interface PracticalStepsTable {
  id: Generated<string>;
  tenant_id: string;
  trajectory_id: string;
  kind: string;
  status: Generated<string>;
  requested_on: string | null;
  completed_on: string | null;
  note: string | null;
  updated_by: string | null;
  updated_at: Generated<Timestamp>;
}
export interface BlockersTable {
  id: Generated<string>;
  tenant_id: string;
  trajectory_id: string;
  kind: string;
  description: string | null;
  since: string;
  next_actor_org: string | null;
  next_actor_name: string | null;
  next_step: string | null;
  resolved_on: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface PerspectivePlanVersionsTable {
  id: Generated<string>;
  tenant_id: string;
  plan_id: string;
  version_no: number;
  signed_on: string;
  content: Json;
  agreement_hash: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
} // 0009_plan_versions
export interface BlockerUpdatesTable {
  id: Generated<string>;
  tenant_id: string;
  blocker_id: string;
  version: number;
  changed_at: Generated<Timestamp>;
  changed_by: string | null;
  previous_values: Json;
  new_values: Json;
} // 0006_blocker_updates
export interface WaitingListEntriesTable {
  id: Generated<string>;
  tenant_id: string;
  list_kind: string;
  client_id: string;
  trajectory_id: string | null;
  listed_on: string;
  urgent: Generated<boolean>;
  note: string | null;
  removed_on: string | null;
  removal_reason: string | null;
  removal_note: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
// 0003_housing (issue 5)
export interface HousingCorporationsTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: Generated<Timestamp>;
}
export interface HousingUnitsTable {
  id: Generated<string>;
  tenant_id: string;
  corporation_id: string | null;
  type: string;
  address: string;
  postcode: string | null;
  municipality_code: string;
  wijk: string | null;
  rooms: number;
  area_m2: number;
  rent_cents: number;
  available_from: string;
  household_min: Generated<number>;
  household_max: Generated<number>;
  age_group: Generated<string>;
  support_max: Generated<string>;
  conditions: string | null;
  status: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface PerformanceAgreementsTable {
  id: Generated<string>;
  tenant_id: string;
  corporation_id: string;
  year: number;
  municipality_code: string;
  agreed_count: number;
}
export interface HousingCandidatesTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  trajectory_id: string;
  household_size: number;
  net_income_cents: number;
  support_level: string;
  preferred_municipalities: Generated<string[]>;
  network_municipality_code: string | null;
  urgency: Generated<string>;
  ready_since: string;
  status: Generated<string>;
  housed_on: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface HousingOffersTable {
  id: Generated<string>;
  tenant_id: string;
  unit_id: string;
  candidate_id: string;
  client_id: string;
  status: Generated<string>;
  offered_on: string;
  responded_on: string | null;
  decline_reason: string | null;
  contract_on: string | null;
  moved_in_on: string | null;
  exit_destination: string | null;
  score: number | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface HousingFirstTrajectoriesTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  municipality_code: string;
  referred_on: string;
  decision_on: string | null;
  started_on: string | null;
  unit_id: string | null;
  ended_on: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
// 0017_short_stays_and_capacity (issue 13B): date corrections of stays, with the reason and the old values.
export interface StayCorrectionsTable {
  id: Generated<string>;
  tenant_id: string;
  stay_id: string;
  client_id: string;
  old_started_on: string;
  new_started_on: string;
  old_ended_on: string | null;
  new_ended_on: string | null;
  reason: string;
  corrected_by: string | null;
  corrected_at: Generated<Timestamp>;
}
export interface SchemaMigrationsTable {
  version: string;
  checksum: string;
  applied_at: Generated<Timestamp>;
}

// ----- 0014_casework (issue 12 deel A: rapportage, afspraken, documenten, overdracht) -----
export interface JournalEntriesTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  occurred_at: Timestamp;
  kind: string;
  body: string;
  shared_with_client: Generated<boolean>;
  facility_id: string | null;
  author_id: string | null;
  author_name: string;
  author_role: string;
  corrects_id: string | null;
  superseded_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface AppointmentsTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  starts_on: string;
  starts_at: string;
  with_whom: string;
  location: string;
  subject: string | null;
  cancelled_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface ClientDocumentsTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  description: string | null;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_by_name: string;
  created_at: Generated<Timestamp>;
}
export interface CaseHandoversTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  trajectory_id: string;
  from_user_id: string | null;
  to_user_id: string;
  note: string | null;
  created_at: Generated<Timestamp>;
}
// Issue 14 — row-level security settings and verwijzingen naar een locatie (0011_row_level_security)
export interface RlsPoliciesTable {
  table_name: string;
  using_expr: string;
  check_expr: string | null;
  privileges: Generated<string>;
  reason: string;
}
export interface RlsExemptionsTable {
  table_name: string;
  app_access: string | null;
  reason: string;
}
export interface FacilityReferralsTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  facility_id: string;
  referred_on: string;
  referred_by: string | null;
  note: string | null;
  withdrawn_on: string | null;
  withdrawn_by: string | null;
  stay_id: string | null;
  created_at: Generated<Timestamp>;
}

export interface DB {
  tenants: TenantsTable;
  municipalities: MunicipalitiesTable;
  facilities: FacilitiesTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  clients: ClientsTable;
  household_members: HouseholdMembersTable;
  client_merges: ClientMergesTable;
  registrations: RegistrationsTable;
  access_decisions: AccessDecisionsTable;
  trajectories: TrajectoriesTable;
  stays: StaysTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
  login_unknown_users: LoginUnknownUsersTable;
  login_address_failures: LoginAddressFailuresTable; // 0010_login_guard
  zrm_assessments: ZrmAssessmentsTable;
  zrm_scores: ZrmScoresTable;
  perspective_plans: PerspectivePlansTable;
  perspective_plan_versions: PerspectivePlanVersionsTable;
  plan_goals: PlanGoalsTable;
  plan_actions: PlanActionsTable;
  plan_action_status_changes: PlanActionStatusChangesTable;
  plan_comments: PlanCommentsTable;
  practical_steps: PracticalStepsTable;
  blockers: BlockersTable;
  blocker_updates: BlockerUpdatesTable;
  waiting_list_entries: WaitingListEntriesTable;
  signal_uploads: SignalUploadsTable;
  early_signals: EarlySignalsTable;
  prevention_cases: PreventionCasesTable;
  prevention_steps: PreventionStepsTable;
  aftercare_plans: AftercarePlansTable;
  aftercare_contacts: AftercareContactsTable;
  budget_management: BudgetManagementTable;
  housing_corporations: HousingCorporationsTable;
  housing_units: HousingUnitsTable;
  performance_agreements: PerformanceAgreementsTable; // 0003_housing
  housing_candidates: HousingCandidatesTable;
  housing_offers: HousingOffersTable;
  housing_first_trajectories: HousingFirstTrajectoriesTable;
  // 0014_casework
  journal_entries: JournalEntriesTable;
  appointments: AppointmentsTable;
  client_documents: ClientDocumentsTable;
  case_handovers: CaseHandoversTable;
}

// ----- 0012_setup_and_accounts (issue 11 part A: eerste start, gebruikers, instellingen) -----
// Added columns of existing tables are declared by interface merging, so this block stays one block.
export interface InstallationSetupTable {
  id: number;
  token_hash: string;
  created_at: Generated<Timestamp>;
  completed_at: Timestamp | null;
}
export interface CareProvidersTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: Generated<Timestamp>;
}
export interface AccountTokensTable {
  token_hash: string;
  tenant_id: string;
  user_id: string;
  kind: 'herstel' | 'uitnodiging';
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface FacilitiesTable {
  care_provider_id: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface UsersTable {
  care_provider_id: ColumnType<string | null, string | null | undefined, string | null>;
  must_change_password: Generated<boolean>;
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_confirmed_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
}
export interface SessionsTable {
  pending_step: ColumnType<string | null, string | null | undefined, string | null>;
  last_seen_at: Generated<Timestamp>;
  failed_codes: Generated<number>;
}
export interface DB {
  installation_setup: InstallationSetupTable;
  care_providers: CareProvidersTable;
  account_tokens: AccountTokensTable;
  stay_corrections: StayCorrectionsTable; // 0017_short_stays_and_capacity
}

// 0016_disclosure (issue 13 part A): the per-tenant secret of the cell key method (declaration merging into DB).
export interface DisclosureSecretsTable {
  tenant_id: string;
  secret: string;
  created_at: Generated<Date>;
}
export interface DB {
  disclosure_secrets: DisclosureSecretsTable;
}

// ---------- 0015_corrections_and_handover (issue 12 part B): new columns by interface merging, new tables ----------
export interface ClientsTable {
  /** Maintained by a trigger (onderdak_name_keys): never written by the application. */
  search_keys: Generated<string[]>;
}
export interface RegistrationsTable {
  trajectory_id: string | null;
}
export interface BlockersTable {
  resolution: string | null;
}
export interface ClientMergesTable {
  undone_at: Timestamp | null;
  undone_by: string | null;
  undo_reason: string | null;
}
export interface CorrectionsTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  entity: string;
  entity_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string;
  corrected_by: string | null;
  corrected_at: Generated<Timestamp>;
}
export interface ObjectionsTable {
  id: Generated<string>;
  tenant_id: string;
  decision_id: string;
  client_id: string;
  received_on: string;
  grounds: string | null;
  on_time: boolean;
  decide_by: string;
  status: Generated<string>;
  outcome_on: string | null;
  outcome: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
/** Crosses tenants: sender and receiver, no tenant_id (see src/areas/intake/handovers.service.ts). */
export interface HandoversTable {
  id: Generated<string>;
  sender_tenant_id: string;
  receiver_tenant_id: string;
  decision_id: string;
  sender_client_id: string;
  sender_trajectory_id: string | null;
  consent_on: string;
  person: Json;
  reason: string | null;
  status: Generated<string>;
  proposed_by: string | null;
  proposed_at: Generated<Timestamp>;
  answered_on: string | null;
  answered_by: string | null;
  decline_reason: string | null;
  receiver_client_id: string | null;
  receiver_registration_id: string | null;
}
export interface ClientDistinctPairsTable {
  tenant_id: string;
  client_a: string;
  client_b: string;
  recorded_by: string | null;
  recorded_at: Generated<Timestamp>;
}
export interface DB {
  corrections: CorrectionsTable;
  objections: ObjectionsTable;
  handovers: HandoversTable;
  client_distinct_pairs: ClientDistinctPairsTable;
  import_records: ImportRecordsTable; // 0013_region_and_import
}

// Issue 11 part B — 0013_region_and_import.sql (interface merging adds the new columns to the tables above)
export interface FacilitiesTable {
  closed_on: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface UnitsTable {
  closed_on: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface ImportRecordsTable {
  tenant_id: string;
  external_id: string;
  client_id: string;
  file_name: string | null;
  imported_by: string | null;
  imported_at: Generated<Timestamp>;
}
export interface DB {
  rls_policies: RlsPoliciesTable; // 0011_row_level_security (issue 14)
  rls_exemptions: RlsExemptionsTable;
  facility_referrals: FacilityReferralsTable;
}

// Issue 15 — 0023_figure_facts.sql: the facts the kerncijfers are read from (ADR 0015, reporting/figure-facts.ts)
export interface FigureStaysTable {
  tenant_id: string;
  stay_id: string;
  client_id: string;
  registration_id: string | null;
  trajectory_id: string | null;
  facility_id: string;
  household_size: number;
  ref_date: string;
  started_on: string;
  ended_on: string | null;
}
export interface FigureBedNightsTable {
  tenant_id: string;
  facility_id: string;
  night: string;
  beds: number;
}
export interface DB {
  figure_stays: FigureStaysTable;
  figure_bed_nights: FigureBedNightsTable;
}
// Issue 15 — 0040_figure_results.sql: stored kerncijfers per tenant × question; 0041: deleted per period by a change
export interface FigureVersionsTable {
  tenant_id: string;
  version: number;
}
export interface FigureChangesTable {
  tenant_id: string;
  affected_from: string | null; // 0041: the earliest date the change can touch; null: any period
}
export interface FigureResultsTable {
  tenant_id: string;
  query_key: string;
  version: number;
  report_day: string;
  period_to: string; // 0041
  result: unknown;
  computed_at: Generated<Timestamp>;
}
export interface DB {
  figure_versions: FigureVersionsTable;
  figure_changes: FigureChangesTable;
  figure_results: FigureResultsTable;
}
// Issue 12 afronding — 0020_daily_work_followup.sql: overdracht gezien, afspraken wijzigen/annuleren met geschiedenis
export interface CaseHandoversTable {
  seen_at: Timestamp | null;
}
export interface AppointmentsTable {
  cancel_reason: string | null;
}
export interface JournalEntriesTable {
  seq: Generated<string>;
}
export interface AppointmentChangesTable {
  id: Generated<string>;
  tenant_id: string;
  appointment_id: string;
  client_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
  changed_by: string | null;
  changed_by_name: string;
  changed_at: Generated<Timestamp>;
}
export interface DB {
  appointment_changes: AppointmentChangesTable;
}
// ---------- 0026_shift_view (issue 16): dienstoverdracht, huisregelmaatregelen, aanwezigheidscontrole ----------
export interface ShiftHandoverNotesTable {
  id: Generated<string>;
  tenant_id: string;
  facility_id: string;
  body: string;
  author_id: string | null;
  author_name: string;
  written_at: Timestamp;
}
export interface StayMeasuresTable {
  id: Generated<string>;
  tenant_id: string;
  stay_id: string;
  kind: 'waarschuwing' | 'schorsing';
  reason: string;
  starts_on: string;
  ends_on: string | null;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Timestamp;
}
export interface PresenceChecksTable {
  id: Generated<string>;
  tenant_id: string;
  stay_id: string;
  night: string;
  present: boolean;
  confirmed_by: string | null;
  confirmed_by_name: string;
  confirmed_at: Timestamp;
}
export interface DB {
  shift_handover_notes: ShiftHandoverNotesTable;
  stay_measures: StayMeasuresTable;
  presence_checks: PresenceChecksTable;
}
// 0025_client_portal (issue 16): a client's messages (comment or correction request) and the staff answer.
export interface ClientMessagesTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  kind: 'opmerking' | 'correctie';
  subject: string | null;
  body: string;
  author_id: string | null;
  created_at: ColumnType<Timestamp, Timestamp | undefined, Timestamp>;
  answer: string | null;
  answered_at: Timestamp | null;
  answered_by: string | null;
  answered_by_name: string | null;
  answered_by_role: string | null;
}
export interface DB {
  client_messages: ClientMessagesTable;
}
// 0030_money_and_links (issue 19): eigen bijdrage, kostprijs en budget, de outbox naar het zaaksysteem, AVG.
export interface ClientsTable {
  anonymised_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}
export interface FinanceRatesTable {
  id: Generated<string>;
  tenant_id: string;
  kind: 'eigen-bijdrage' | 'kostprijs';
  facility_type: string;
  per_night_cents: number;
  valid_from: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface OwnContributionAdjustmentsTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  kind: 'vrijstelling' | 'korting';
  percentage: number;
  from_on: string;
  to_on: string | null;
  reason: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface OwnContributionPaymentsTable {
  id: Generated<string>;
  tenant_id: string;
  client_id: string;
  paid_on: string;
  amount_cents: number;
  reference: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface RegionalBudgetsTable {
  id: Generated<string>;
  tenant_id: string;
  year: number;
  label: string;
  amount_cents: ColumnType<number, number, number>;
}
export interface ZgwConnectionsTable {
  tenant_id: string;
  enabled: Generated<boolean>;
  rsin: string;
  created_at: Generated<Timestamp>;
}
export interface ZgwOutboxTable {
  id: Generated<number>;
  tenant_id: string;
  kind: 'zaak' | 'status' | 'besluit';
  registration_id: string;
  subject_id: string;
  status_code: string | null;
  happened_on: string;
  state: Generated<'wachtend' | 'verzonden'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Timestamp>;
  last_error: string | null;
  remote_url: string | null;
  delivered_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}
export interface DestructionLogTable {
  id: Generated<string>;
  tenant_id: string;
  subject_ref: string;
  category: string;
  term_ended_on: string;
  what: string;
  destroyed_at: Generated<Timestamp>;
  destroyed_by: string | null;
  destroyed_by_name: string;
}
export interface DB {
  finance_rates: FinanceRatesTable;
  own_contribution_adjustments: OwnContributionAdjustmentsTable;
  own_contribution_payments: OwnContributionPaymentsTable;
  regional_budgets: RegionalBudgetsTable;
  zgw_connections: ZgwConnectionsTable;
  zgw_outbox: ZgwOutboxTable;
  destruction_log: DestructionLogTable;
}
// 0028_capacity_planning (issue 18): saved capacity scenarios and simulation jobs (no person data).
export interface CapacityScenariosTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  parameters: unknown;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}
export interface CapacitySimulationsTable {
  id: Generated<string>;
  tenant_id: string;
  scenario_id: string | null;
  name: string;
  parameters: unknown;
  start_on: string;
  years: number;
  runs: number;
  seed: number;
  status: Generated<string>;
  runs_done: Generated<number>;
  result: unknown | null;
  error: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  finished_at: Timestamp | null;
}
export interface DB {
  capacity_scenarios: CapacityScenariosTable;
  capacity_simulations: CapacitySimulationsTable;
}
// ---------- 0031_hele_beeld (issue 20): veldwerk, telling buitenslapers, afgewezen verzoeken, datakwaliteit ----------
export interface AnonymousPersonsTable {
  id: Generated<string>;
  tenant_id: string;
  description: string;
  estimated_age: number | null;
  client_id: string | null;
  created_at: Generated<Timestamp>;
}
export interface OutreachContactsTable {
  id: Generated<string>;
  tenant_id: string;
  contact_on: string;
  client_id: string | null;
  anonymous_person_id: string | null;
  sleeping_situation: string;
  latitude: number | null;
  longitude: number | null;
  place_label: string | null;
  offered: Generated<string[]>;
  notes: string | null;
  recorded_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface StreetCountsTable {
  id: Generated<string>;
  tenant_id: string;
  counted_on: string;
  area: string;
  number: number;
  recorded_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface TurnAwaysTable {
  id: Generated<string>;
  tenant_id: string;
  requested_on: string;
  client_id: string | null;
  access_decision_id: string | null;
  facility_id: string | null;
  reason: string;
  went_to: string | null;
  household_size: Generated<number>;
  notes: string | null;
  recorded_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface DataQualityScoresTable {
  tenant_id: string;
  month: string;
  score: number;
  findings: number;
  records: number;
  computed_at: Timestamp;
}
export interface DB {
  anonymous_persons: AnonymousPersonsTable;
  outreach_contacts: OutreachContactsTable;
  street_counts: StreetCountsTable;
  turn_aways: TurnAwaysTable;
  data_quality_scores: DataQualityScoresTable;
}
// ---------- 0029_iwmo (issue 19, iWmo 3.2): berichten, toewijzingen, verzoeken, declaratieregels, verschillen ----------
export interface IwmoAanbiedersTable {
  id: Generated<string>;
  tenant_id: string;
  facility_id: string;
  agb_code: string;
  naam: string;
}
export interface IwmoBerichtenTable {
  id: Generated<string>;
  tenant_id: string;
  berichtcode: '301' | '305' | '307' | '315' | '317' | '319' | '323';
  richting: 'uit' | 'in';
  agb_code: string;
  identificatie: string;
  dagtekening: string;
  client_id: string | null;
  xml: string;
  bestandsnaam: string;
  status: 'klaarVoorOphalen' | 'opgehaald' | 'verwerkt' | 'verwerktMetVerschillen';
  samenvatting: string;
  created_at: Timestamp;
}
export interface IwmoToewijzingenTable {
  id: Generated<string>;
  tenant_id: string;
  nummer: number;
  client_id: string;
  stay_id: string | null;
  agb_code: string;
  productcategorie: '16' | '17';
  ingangsdatum: string;
  einddatum: string | null;
  bericht_id: string;
  start_begindatum: string | null;
  stop_einddatum: string | null;
  reden_beeindiging: string | null;
  created_at: Timestamp;
}
export interface IwmoVerzoekenTable {
  id: Generated<string>;
  tenant_id: string;
  bericht_id: string;
  berichtcode: '315' | '317';
  agb_code: string;
  referentie_aanbieder: string;
  client_id: string | null;
  productcategorie: string;
  ingangsdatum: string;
  einddatum: string | null;
  status: 'open' | 'toegewezen' | 'afgewezen';
  reden_afwijzing: string | null;
  antwoord_bericht_id: string | null;
  toewijzing_id: string | null;
  beantwoord_door: string | null;
  beantwoord_op: Timestamp | null;
}
export interface IwmoDeclaratieregelsTable {
  id: Generated<string>;
  tenant_id: string;
  bericht_id: string;
  referentie: string;
  toewijzing_nummer: number;
  toewijzing_id: string | null;
  client_id: string | null;
  begindatum: string;
  einddatum: string;
  volume: number;
  nachten_geteld: number | null;
  bedrag: number;
  goedgekeurd: boolean;
  afkeurreden: string | null;
}
export interface IwmoVerschillenTable {
  id: Generated<string>;
  tenant_id: string;
  bericht_id: string;
  soort: string;
  omschrijving: string;
  client_id: string | null;
  toewijzing_id: string | null;
  status: 'open' | 'afgehandeld';
  toelichting: string | null;
  afgehandeld_door: string | null;
  afgehandeld_op: Timestamp | null;
  created_at: Timestamp;
}
export interface DB {
  iwmo_aanbieders: IwmoAanbiedersTable;
  iwmo_berichten: IwmoBerichtenTable;
  iwmo_toewijzingen: IwmoToewijzingenTable;
  iwmo_verzoeken: IwmoVerzoekenTable;
  iwmo_declaratieregels: IwmoDeclaratieregelsTable;
  iwmo_verschillen: IwmoVerschillenTable;
}
// 0027_buurt (issue 17): wijken en draagkracht, kandidaat-locaties, procedure, openbare pagina's en buurtmeldingen.
export interface NeighbourhoodSettingsTable {
  tenant_id: string;
  weight_places: ColumnType<number, number | undefined, number>;
  weight_reports: ColumnType<number, number | undefined, number>;
  weight_indicator: ColumnType<number, number | undefined, number>;
  indicator_key: string | null;
  cost_per_night: ColumnType<number, number | undefined, number>;
}
export interface WijkenTable {
  id: Generated<string>;
  tenant_id: string;
  code: string;
  name: string;
  municipality_code: string;
  inhabitants: number;
  indicators: ColumnType<Record<string, number>, string | undefined, string>;
  indicators_year: number | null;
  map_x: ColumnType<number, number | undefined, number>;
  map_y: ColumnType<number, number | undefined, number>;
}
export interface WijkFacilitiesTable {
  id: Generated<string>;
  tenant_id: string;
  wijk_id: string;
  kind: string;
  label: string | null;
  places: number;
}
export interface PublicFacilitiesTable {
  id: Generated<string>;
  tenant_id: string;
  slug: string;
  facility_id: string | null;
  wijk_id: string | null;
  name: string;
  kind: string;
  description: Generated<string>;
  open_since: string | null;
  care_provider: Generated<string>;
  management_contact: Generated<string>;
  next_meeting_on: string | null;
  next_meeting_place: string | null;
  published: Generated<boolean>;
}
export interface NeighbourhoodAgreementsTable {
  id: Generated<string>;
  tenant_id: string;
  public_facility_id: string | null;
  site_id: string | null;
  made_on: string;
  who: string;
  what: string;
  due_on: string | null;
  kept: boolean | null;
  judged_on: string | null; // issue 17: migration 0037
  judgement_note: string | null; // issue 17: migration 0037
}
export interface NuisanceReportsTable {
  id: Generated<string>;
  tenant_id: string;
  public_facility_id: string;
  kind: string;
  description: string;
  occurred_on: string;
  occurred_time: string | null;
  place: string;
  spot_key: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  tracking_hash: string;
  status: Generated<'ontvangen' | 'in_behandeling' | 'afgehandeld'>;
  received_at: Timestamp;
  started_at: Timestamp | null;
  handled_at: Timestamp | null;
  reply: string | null;
  replied_at: Timestamp | null;
  handled_by_name: string | null;
}
export interface CandidateSitesTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  address: string;
  wijk_id: string | null;
  places: number;
  floor_area: number | null;
  owner: string;
  owner_kind: string;
  vacant_public: Generated<boolean>;
  form: string;
  status: Generated<string>;
  assumptions: ColumnType<Record<string, number>, string | undefined, string>;
  created_at: Generated<Timestamp>;
}
export interface ProcedureStepsTable {
  id: Generated<string>;
  tenant_id: string;
  site_id: string;
  kind: string;
  position: number;
  owner_name: Generated<string>;
  due_on: string | null;
  done_on: string | null;
  note: string | null;
}
export interface DB {
  neighbourhood_settings: NeighbourhoodSettingsTable;
  wijken: WijkenTable;
  wijk_facilities: WijkFacilitiesTable;
  public_facilities: PublicFacilitiesTable;
  neighbourhood_agreements: NeighbourhoodAgreementsTable;
  nuisance_reports: NuisanceReportsTable;
  candidate_sites: CandidateSitesTable;
  procedure_steps: ProcedureStepsTable;
}
// 0035_zgw_outbox_lease (issue 19): the lease on an outbox row (declaration merging with ZgwOutboxTable above).
export interface ZgwOutboxTable {
  claimed_by: string | null;
  claimed_until: Timestamp | null;
}
// ---------- 0033_data_quality_findings (issue 20, ADR 0027): opgeslagen bevindingen datakwaliteit ----------
export interface DataQualityFindingsTable {
  tenant_id: string;
  code: string;
  entity: string;
  record_id: string;
  client_id: string | null;
  facility_id: string | null;
  worker_id: string | null;
  fix_path: string;
  match_key: string | null;
}
export interface DataQualityStateTable {
  tenant_id: string;
  refreshed_on: string | null;
  refreshed_at: Timestamp | null;
}
export interface DB {
  data_quality_findings: DataQualityFindingsTable;
  data_quality_state: DataQualityStateTable;
}
// 0032_public_rate_limits (issue 17): the public form's write limits and the shared form-token secret.
export interface PublicRateLimitsTable {
  key_hash: string;
  window_start: ColumnType<Date, Date | string, Date | string>;
  window_end: ColumnType<Date, Date | string, Date | string>;
  hits: number;
}
export interface InstallationSecretsTable {
  name: string;
  value: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
export interface DB {
  public_rate_limits: PublicRateLimitsTable;
  installation_secrets: InstallationSecretsTable;
}
