// Kysely queries of users (beheer).
import type { Db } from '../../platform/db/database.js';

/** The users of a tenant with the name of their location; add the where yourself. */
export function usersWithFacility(db: Db, tenantId: string) {
  return db
    .selectFrom('users')
    .leftJoin('facilities', 'facilities.id', 'users.facility_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.active',
      'users.locked_until',
      'facilities.name as facility_name',
      'users.facility_id',
      'users.corporation_id',
      'users.care_provider_id',
      'users.must_change_password',
      'users.totp_confirmed_at',
    ])
    .where('users.tenant_id', '=', tenantId);
}
