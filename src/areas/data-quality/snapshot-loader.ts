// Issue 20: reads the rows the data-quality checks look at, for one tenant or for some of its clients (ADR 0027).
import { sql } from 'kysely';
import { todayInNl } from '../../platform/validation.js';
import { settingsOf } from '../../reference/tenant-settings.js';
import type { Ctx } from '../../rights/context.js';
import type { SnapshotData } from './snapshot.js';

/**
 * The rows the checks look at. Without `only`: the whole tenant. With client ids: the rows of those clients (ADR 0027,
 * the per-change recomputation). With 'anoniem': the rows that belong to no (current) client: anonymous veldwerk and
 * turn-aways, the street counts, and decisions and plans whose client was merged away.
 */
export async function loadSnapshot(ctx: Ctx, only?: string[] | 'anoniem'): Promise<SnapshotData> {
  const t = ctx.actor.tenantId;
  const db = ctx.db;
  const ids = Array.isArray(only) ? (only.length ? only : ['-']) : null;
  const anon = only === 'anoniem';
  const none = anon ? ['-'] : null;
  const clientFilter = ids ?? none;
  const mergedClients = db
    .selectFrom('clients')
    .select('id')
    .where('tenant_id', '=', t)
    .where('merged_into', 'is not', null);
  const settings = await settingsOf(ctx);
  const municipalities = await db.selectFrom('municipalities').select('code').where('tenant_id', '=', t).execute();
  const clients = await db
    .selectFrom('clients')
    .select([
      'id',
      'first_name',
      'last_name',
      'birth_date',
      'bsn',
      'origin_municipality_code',
      'origin_label',
      'cause',
      'phone',
      'email',
      'gender',
      sql<string>`to_char(created_at, 'YYYY-MM-DD')`.as('created_on'),
    ])
    .where('tenant_id', '=', t)
    .where('merged_into', 'is', null)
    .$if(!!clientFilter, (q) => q.where('id', 'in', clientFilter ?? []))
    .execute();
  const registration = await db
    .selectFrom('registrations')
    .select(['id', 'client_id', 'registered_on', 'source', 'screening', 'screened_on', 'status', 'created_by'])
    .where('tenant_id', '=', t)
    .$if(!!clientFilter, (q) => q.where('client_id', 'in', clientFilter ?? []))
    .execute();
  const decision = await db
    .selectFrom('access_decisions')
    .select(['id', 'registration_id', 'outcome', 'decided_on', 'decided_by', 'reason', 'objection_deadline'])
    .where('tenant_id', '=', t)
    .$if(!!ids, (q) =>
      q.where(
        'registration_id',
        'in',
        db
          .selectFrom('registrations')
          .select('id')
          .where('tenant_id', '=', t)
          .where('client_id', 'in', ids ?? []),
      ),
    )
    .$if(anon, (q) =>
      q.where(
        'registration_id',
        'in',
        db.selectFrom('registrations').select('id').where('tenant_id', '=', t).where('client_id', 'in', mergedClients),
      ),
    )
    .execute();
  const trajectory = await db
    .selectFrom('trajectories')
    .select([
      'id',
      'client_id',
      'registration_id',
      'started_on',
      'ended_on',
      'exit_destination',
      'exit_group',
      'case_manager_id',
    ])
    .where('tenant_id', '=', t)
    .$if(!!clientFilter, (q) => q.where('client_id', 'in', clientFilter ?? []))
    .execute();
  const stay = await db
    .selectFrom('stays as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin(
      db
        .selectFrom('presence_checks')
        .select(['stay_id', sql<string>`max(night)::text`.as('last_check')])
        .$if(!!clientFilter, (q) =>
          q.where(
            'stay_id',
            'in',
            db
              .selectFrom('stays')
              .select('id')
              .where('tenant_id', '=', t)
              .where('client_id', 'in', clientFilter ?? []),
          ),
        )
        .groupBy('stay_id')
        .as('pc'),
      'pc.stay_id',
      's.id',
    )
    .select([
      's.id',
      's.client_id',
      's.registration_id',
      's.trajectory_id',
      's.unit_id',
      'u.facility_id',
      'u.active as unit_active',
      'u.beds as unit_beds',
      's.household_size',
      's.started_on',
      's.ended_on',
      's.end_reason',
      's.short_stay',
      's.created_by',
      'pc.last_check',
    ])
    .where('s.tenant_id', '=', t)
    .$if(!!clientFilter, (q) => q.where('s.client_id', 'in', clientFilter ?? []))
    .execute();
  const outreach = await db
    .selectFrom('outreach_contacts as o')
    .leftJoin('anonymous_persons as a', 'a.id', 'o.anonymous_person_id')
    .select([
      'o.id',
      'o.client_id',
      'o.anonymous_person_id',
      'o.contact_on',
      'o.sleeping_situation',
      'o.latitude',
      'o.longitude',
      'o.place_label',
      'o.offered',
      'o.recorded_by',
      'a.estimated_age',
      'a.description',
    ])
    .where('o.tenant_id', '=', t)
    .$if(!!ids, (q) => q.where('o.client_id', 'in', ids ?? []))
    .$if(anon, (q) => q.where('o.client_id', 'is', null))
    .execute();
  const turnAway = await db
    .selectFrom('turn_aways')
    .select([
      'id',
      'client_id',
      'access_decision_id',
      'facility_id',
      'requested_on',
      'reason',
      'went_to',
      'household_size',
      'recorded_by',
    ])
    .where('tenant_id', '=', t)
    .$if(!!ids, (q) => q.where('client_id', 'in', ids ?? []))
    .$if(anon, (q) => q.where('client_id', 'is', null))
    .execute();
  const streetCount = await db
    .selectFrom('street_counts')
    .select(['id', 'counted_on', 'area', 'number'])
    .where('tenant_id', '=', t)
    .$if(!!ids, (q) => q.where('id', 'in', ['-']))
    .execute();
  const candidate = await db
    .selectFrom('housing_candidates')
    .select([
      'id',
      'client_id',
      'trajectory_id',
      'household_size',
      'net_income_cents',
      'ready_since',
      'status',
      'housed_on',
    ])
    .where('tenant_id', '=', t)
    .$if(!!clientFilter, (q) => q.where('client_id', 'in', clientFilter ?? []))
    .execute();
  const plan = await db
    .selectFrom('perspective_plans')
    .select(['id', 'trajectory_id', 'drawn_up_on', 'signed_on'])
    .where('tenant_id', '=', t)
    .$if(!!ids, (q) =>
      q.where(
        'trajectory_id',
        'in',
        db
          .selectFrom('trajectories')
          .select('id')
          .where('tenant_id', '=', t)
          .where('client_id', 'in', ids ?? []),
      ),
    )
    .$if(anon, (q) =>
      q.where(
        'trajectory_id',
        'in',
        db.selectFrom('trajectories').select('id').where('tenant_id', '=', t).where('client_id', 'in', mergedClients),
      ),
    )
    .execute();
  const clientIds = new Set(clients.map((c) => c.id));
  return {
    today: todayInNl(ctx.now),
    municipalities: municipalities.map((m) => m.code),
    settings: { bedVoorDeNachtMax: settings.bedVoorDeNachtMax, planTermijnDagen: settings.planTermijnDagen },
    rows: {
      client: clients,
      // records of merged-away clients belong to the kept one after the merge; their rows are checked as they are
      registration: registration.filter((r) => clientIds.has(r.client_id)),
      decision,
      trajectory: trajectory.filter((r) => clientIds.has(r.client_id)),
      stay: stay.filter((r) => clientIds.has(r.client_id)).map((s) => ({ ...s, last_check: s.last_check ?? null })),
      outreach: outreach.map((o) => ({ ...o, offered: o.offered ?? [] })),
      turnAway,
      streetCount,
      candidate,
      plan,
    },
  };
}
