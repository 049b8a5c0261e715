// Kysely queries of locations and their capacity.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** Occupancy per unit: beds taken by open stays (a household takes household_size beds). */
function occupancy(db: Db, tenantId: string) {
  return db
    .selectFrom('stays')
    .select([
      'unit_id',
      sql<number>`sum(household_size)::int`.as('beds_used'),
      sql<number>`count(*)::int`.as('households'),
    ])
    .where('ended_on', 'is', null)
    .where('tenant_id', '=', tenantId)
    .groupBy('unit_id');
}

/** Active facilities of the tenant with units, beds (regular and reserve) and beds taken. */
export function facilityCapacity(db: Db, tenantId: string) {
  return db
    .selectFrom('facilities')
    .where('facilities.tenant_id', '=', tenantId)
    .where('facilities.active', '=', true)
    .leftJoin('units', (j) => j.onRef('units.facility_id', '=', 'facilities.id').on('units.active', '=', true))
    .leftJoin(occupancy(db, tenantId).as('occ'), 'occ.unit_id', 'units.id')
    .leftJoin('municipalities', 'municipalities.code', 'facilities.municipality_code')
    .select([
      'facilities.id',
      'facilities.name',
      'facilities.type',
      'facilities.address',
      'facilities.postcode',
      'facilities.wijk',
      'facilities.is_night_shelter',
      'municipalities.name as municipality',
      sql<number>`count(units.id)::int`.as('units'),
      sql<number>`coalesce(sum(units.beds) filter (where not units.is_reserve), 0)::int`.as('beds'),
      sql<number>`coalesce(sum(units.beds) filter (where units.is_reserve), 0)::int`.as('reserve_beds'),
      sql<number>`coalesce(sum(occ.beds_used) filter (where not units.is_reserve), 0)::int`.as('used'),
      sql<number>`coalesce(sum(occ.beds_used) filter (where units.is_reserve), 0)::int`.as('reserve_used'),
    ])
    .groupBy(['facilities.id', 'municipalities.name'])
    .orderBy('facilities.name');
}

/** The open stays at a facility, with the resident's name. */
export function openStaysAt(db: Db, facilityId: string) {
  return db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .innerJoin('clients', 'clients.id', 'stays.client_id')
    .select([
      'stays.id',
      'stays.unit_id',
      'stays.client_id',
      'stays.started_on',
      'stays.household_size',
      'clients.first_name',
      'clients.last_name',
    ])
    .where('units.facility_id', '=', facilityId)
    .where('stays.ended_on', 'is', null);
}
