import type { Generated, ColumnType } from 'kysely';

// Hand-written table types (as Immich does): the migrations are the source of truth.
type Timestamp = Date;
type Json = ColumnType<unknown, string, string>;

export interface TenantsTable { id: string; name: string; central_municipality_code: string; settings: ColumnType<unknown, string | undefined, string> }
export interface MunicipalitiesTable { code: string; name: string; tenant_id: string }
export interface FacilitiesTable {
  id: Generated<string>; tenant_id: string; name: string; type: string; address: Generated<string>;
  postcode: string | null; municipality_code: string | null; wijk: string | null; is_night_shelter: Generated<boolean>;
  latitude: number | null; longitude: number | null; active: Generated<boolean>; created_at: Generated<Timestamp>;
}
export interface UnitsTable {
  id: Generated<string>; tenant_id: string; facility_id: string; name: string; kind: string; beds: number;
  is_reserve: Generated<boolean>; max_households: Generated<number>; target_groups: Generated<string[]>; active: Generated<boolean>;
}
export interface UsersTable {
  id: Generated<string>; tenant_id: string | null; username: string; display_name: string; role: string; password_hash: string;
  facility_id: string | null; client_id: string | null; failed_logins: Generated<number>; locked_until: Timestamp | null;
  active: Generated<boolean>; created_at: Generated<Timestamp>;
}
export interface SessionsTable { token_hash: string; user_id: string; csrf_token: string; created_at: Generated<Timestamp>; expires_at: Timestamp }
export interface ClientsTable {
  id: Generated<string>; tenant_id: string; first_name: string; last_name: string; birth_date: string | null; bsn: string | null;
  origin_municipality_code: string | null; origin_label: string; cause: string | null; phone: string | null; email: string | null;
  gender: string | null; merged_into: string | null; created_at: Generated<Timestamp>; updated_at: Generated<Timestamp>;
}
export interface HouseholdMembersTable { id: Generated<string>; client_id: string; name: string; birth_date: string | null; relation: string }
export interface ClientMergesTable { id: Generated<string>; tenant_id: string; kept_id: string; merged_id: string; merged_by: string; merged_at: Generated<Timestamp>; snapshot: Json }
export interface RegistrationsTable {
  id: Generated<string>; tenant_id: string; client_id: string; registered_on: string; source: string; notes: string | null;
  screening: string | null; screened_on: string | null; status: Generated<string>; created_by: string | null; created_at: Generated<Timestamp>;
}
export interface AccessDecisionsTable {
  id: Generated<string>; tenant_id: string; registration_id: string; outcome: string; decided_on: string; decided_by: string | null;
  reason: string | null; objection_deadline: string; emergency_shelter: Generated<boolean>; regional_tie: Json | null;
  responsible_tenant_id: string | null; created_at: Generated<Timestamp>;
}
export interface TrajectoriesTable {
  id: Generated<string>; tenant_id: string; client_id: string; registration_id: string | null; started_on: string; ended_on: string | null;
  exit_destination: string | null; exit_group: string | null; case_manager_id: string | null; created_at: Generated<Timestamp>;
}
export interface StaysTable {
  id: Generated<string>; tenant_id: string; client_id: string; registration_id: string | null; trajectory_id: string | null; unit_id: string;
  household_size: Generated<number>; started_on: string; ended_on: string | null; end_reason: string | null; created_by: string | null;
  created_at: Generated<Timestamp>;
}
export interface AuditLogTable {
  id: Generated<number>; at: Generated<Timestamp>; tenant_id: string | null; user_id: string | null; username: string | null; role: string | null;
  on_behalf_of: string | null; client_id: string | null; action: string; resource: string; detail: string | null; source_ip: string | null;
  basis: string | null; emergency: Generated<boolean>;
}
export interface SchemaMigrationsTable { version: string; checksum: string; applied_at: Generated<Timestamp> }

export interface DB {
  tenants: TenantsTable; municipalities: MunicipalitiesTable; facilities: FacilitiesTable; units: UnitsTable; users: UsersTable;
  sessions: SessionsTable; clients: ClientsTable; household_members: HouseholdMembersTable; client_merges: ClientMergesTable;
  registrations: RegistrationsTable; access_decisions: AccessDecisionsTable; trajectories: TrajectoriesTable; stays: StaysTable;
  audit_log: AuditLogTable; schema_migrations: SchemaMigrationsTable;
}
