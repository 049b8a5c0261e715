// Kysely queries of placements that the shelter services and the client file share.
import type { Db } from '../../platform/db/database.js';

/** Stays with their unit and facility (the columns of StayRow in placements.dto.ts); add the where yourself. */
export function staysWithPlace(db: Db) {
  return db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .select([
      'stays.id',
      'stays.client_id',
      'stays.unit_id',
      'stays.trajectory_id',
      'stays.household_size',
      'stays.started_on',
      'stays.ended_on',
      'stays.end_reason',
      'stays.short_stay',
      'stays.registration_id',
      'units.name as unit_name',
      'facilities.id as facility_id',
      'facilities.name as facility_name',
    ]);
}

/** The unit with its facility, row-locked for the capacity check of a placement. */
export function lockUnit(db: Db, tenantId: string, unitId: string) {
  return db
    .selectFrom('units')
    .innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .select([
      'units.id',
      'units.name',
      'units.beds',
      'units.max_households',
      'units.active',
      'facilities.id as facility_id',
      'facilities.name as facility_name',
    ])
    .where('units.id', '=', unitId)
    .where('units.tenant_id', '=', tenantId)
    .forUpdate('units')
    .executeTakeFirst();
}

/** Beds and households taken by the open stays of a unit. */
export async function unitOccupancy(db: Db, unitId: string) {
  const occ = await db
    .selectFrom('stays')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('household_size'), eb.lit(0)).as('used'),
      eb.fn.countAll<number>().as('households'),
    ])
    .where('unit_id', '=', unitId)
    .where('ended_on', 'is', null)
    .executeTakeFirstOrThrow();
  return { used: Number(occ.used), households: Number(occ.households) };
}
