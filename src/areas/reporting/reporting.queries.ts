// Queries of the reports that are not key figures (those are in kerncijfers.ts).
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';

/**
 * Per active facility of the tenant: beds, reserve beds and units against the persons in an open stay on `today`.
 * With `cellKey` (issue 13, disclosure.ts) also the cell keys of the persons present (ck_*, fractions mod 1).
 */
export async function occupancyRows(
  db: Tx,
  tenantId: string,
  today: string,
  cellKey?: (col: RawBuilder<unknown>) => RawBuilder<number>,
) {
  const r = await sql<{
    id: string;
    name: string;
    type: string;
    is_night_shelter: boolean;
    municipality_code: string | null;
    beds: number;
    reserve_beds: number;
    units: number;
    occupied: number;
    reserve_occupied: number;
    occupied_units: number;
    ck_occupied?: number;
    ck_reserve_occupied?: number;
  }>`
    select f.id, f.name, f.type, f.is_night_shelter, f.municipality_code::text as municipality_code,
      coalesce(sum(u.beds) filter (where not u.is_reserve), 0)::int as beds,
      coalesce(sum(u.beds) filter (where u.is_reserve), 0)::int as reserve_beds,
      (count(u.id) filter (where not u.is_reserve))::int as units,
      coalesce(sum(o.persons) filter (where not u.is_reserve), 0)::int as occupied,
      coalesce(sum(o.persons) filter (where u.is_reserve), 0)::int as reserve_occupied,
      (count(u.id) filter (where not u.is_reserve and o.persons > 0))::int as occupied_units
      ${cellKey ? sql`, coalesce(sum(o.ck) filter (where not u.is_reserve), 0)::float8 as ck_occupied, coalesce(sum(o.ck) filter (where u.is_reserve), 0)::float8 as ck_reserve_occupied` : sql``}
    from facilities f
    join units u on u.facility_id = f.id and u.active
    left join lateral (
      select sum(s.household_size)::int as persons ${cellKey ? sql`, ${cellKey(sql.ref('s.client_id'))} as ck` : sql``} from stays s
      where s.unit_id = u.id and s.ended_on is null and s.started_on <= ${today}::date
    ) o on true
    where f.tenant_id = ${tenantId} and f.active
    group by f.id, f.name, f.type, f.is_night_shelter, f.municipality_code
    order by f.is_night_shelter desc, f.name
  `.execute(db);
  return r.rows.map((x) =>
    cellKey
      ? { ...x, ck_occupied: (x.ck_occupied ?? 0) % 1, ck_reserve_occupied: (x.ck_reserve_occupied ?? 0) % 1 }
      : x,
  );
}
