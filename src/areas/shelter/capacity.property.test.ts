import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';
import { addDays } from '../../platform/validation.js';
import type { Actor } from '../../rights/context.js';
import { inTransaction } from '../../rights/context.js';
import { createTestDatabase } from '../../test/db.js';
import { seedFixture } from '../../test/fixtures.js';
import { mergeClients } from '../intake/clients.service.js';
import { decide } from '../intake/registrations.service.js';
import { endStay, moveStay, placeClient, registerExit } from './placements.service.js';
import { giveShortStay } from './short-stays.service.js';
import { correctStay } from './stay-corrections.service.js';

// Issue 13, capacity over time: whatever the order of placements, moves, back-dated entries, date corrections, beds
// for the night, decisions, exits and merges, afterwards no night of any unit holds more persons than beds or more
// households than allowed, and no person sleeps in two beds in one night. Random sequences of operations go
// through the services (each in its own transaction, as a request would); the check afterwards is plain SQL over
// every night of every stay, independent of the code under test. OPS operations in total (RUNS × LENGTH).

const RUNS = Number(process.env.CAPACITY_PROPERTY_RUNS ?? 500);
const LENGTH = 20; // operations per run: RUNS × LENGTH = 10,000 by default
const NOW = new Date('2026-11-23T10:00:00Z');
const TODAY = '2026-11-23';
const FIRST = '2026-10-24'; // operations use the 31 days up to today: dense enough to collide often
const day = (n: number) => addDays(FIRST, n);

let database: Database;
let actor: Actor;
let units: string[];
let beds: number[];

beforeAll(async () => {
  database = await createTestDatabase();
  const fx = await seedFixture(database);
  const extra = await database.db
    .insertInto('units')
    .values({
      tenant_id: 'dordrecht',
      facility_id: fx.facilityId,
      name: 'Slaapzaal 01',
      kind: 'slaapzaal',
      beds: 3,
      max_households: 2,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // two 1-bed rooms, a family unit of 4 beds for 1 household, a dormitory of 3 beds for 2 households: 9 beds for
  // 8 people with households of 1 to 3, so that placements collide often
  units = [fx.room1, fx.room2, fx.family, extra.id];
  beds = [1, 1, 4, 3];
  const u = await database.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'toegang')
    .executeTakeFirstOrThrow();
  actor = {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: 'toegang',
    tenantId: 'dordrecht',
    facilityId: null,
    clientId: null,
  };
});
afterAll(() => database?.close());

type Op =
  | { k: 'place'; c: number; u: number; d: number; size: number }
  | { k: 'move'; c: number; u: number; d: number }
  | { k: 'end'; c: number; d: number }
  | { k: 'correct'; c: number; s: number; van: number | null; tot: number | null }
  | { k: 'bed'; c: number; u: number; d: number; nights: number | null }
  | { k: 'decide'; c: number; d: number; toegang: boolean }
  | { k: 'exit'; c: number; d: number }
  | { k: 'merge'; a: number; b: number };

const CLIENTS = 8;
const ADMITTED = 6; // the others are registered and wait for a decision (beds for the night)
const c = fc.nat({ max: CLIENTS - 1 });
const u = fc.nat({ max: 3 });
const d = fc.nat({ max: 30 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ k: fc.constant('place' as const), c, u, d, size: fc.constantFrom(1, 1, 2, 3) }),
  },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('move' as const), c, u, d }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('end' as const), c, d }) },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('correct' as const),
      c,
      s: fc.nat({ max: 3 }),
      van: fc.option(d, { nil: null }),
      tot: fc.option(d, { nil: null }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('bed' as const),
      c,
      u,
      d,
      nights: fc.option(fc.nat({ max: 4 }), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('decide' as const), c, d, toegang: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('exit' as const), c, d }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('merge' as const), a: c, b: c }) },
);

interface Person {
  clientId: string;
  registrationId: string;
  trajectoryId: string | null;
}

/** A fresh region for one run: no stays; ADMITTED people admitted on FIRST, the others registered and waiting. */
async function freshPeople(): Promise<Person[]> {
  await database.db.deleteFrom('stay_corrections').execute();
  await database.db.deleteFrom('stays').execute();
  const people: Person[] = [];
  const clients = await database.db
    .insertInto('clients')
    .values(
      Array.from({ length: CLIENTS }, (_, i) => ({
        tenant_id: 'dordrecht',
        first_name: `P${i}`,
        last_name: 'Eigenschap',
        birth_date: '1980-01-01',
        bsn: null,
        origin_municipality_code: '0505',
        origin_label: 'Dordrecht',
        cause: null,
        phone: null,
        email: null,
        gender: null,
        merged_into: null,
      })),
    )
    .returning('id')
    .execute();
  const regs = await database.db
    .insertInto('registrations')
    .values(
      clients.map((cl, i) => ({
        tenant_id: 'dordrecht',
        client_id: cl.id,
        registered_on: FIRST,
        source: 'zelf',
        notes: null,
        screening: null,
        screened_on: null,
        status: i < ADMITTED ? 'besloten' : 'aangemeld',
        created_by: null,
      })),
    )
    .returning(['id', 'client_id'])
    .execute();
  for (const [i, r] of regs.entries()) {
    let trajectoryId: string | null = null;
    if (i < ADMITTED) {
      await database.db
        .insertInto('access_decisions')
        .values({
          tenant_id: 'dordrecht',
          registration_id: r.id,
          outcome: 'toegang',
          decided_on: FIRST,
          decided_by: null,
          reason: null,
          objection_deadline: addDays(FIRST, 42),
          regional_tie: null,
          responsible_tenant_id: null,
        })
        .execute();
      const t = await database.db
        .insertInto('trajectories')
        .values({ tenant_id: 'dordrecht', client_id: r.client_id, registration_id: r.id, started_on: FIRST })
        .returning('id')
        .executeTakeFirstOrThrow();
      trajectoryId = t.id;
    }
    people.push({ clientId: r.client_id, registrationId: r.id, trajectoryId });
  }
  return people;
}

const outcomes = { ok: 0, skipped: 0, refused: 0, full: 0 };

const timing: Record<string, number> = {};
const reasons: Record<string, number> = {};
async function apply(people: Person[], o: Op): Promise<void> {
  const t0 = performance.now();
  try {
    await apply1(people, o);
  } finally {
    timing[o.k] = (timing[o.k] ?? 0) + performance.now() - t0;
  }
}
async function apply1(people: Person[], o: Op): Promise<void> {
  const run = <T>(fn: Parameters<typeof inTransaction<T>>[2]) => inTransaction(database, actor, fn, { now: NOW });
  // Any stay of this run (open ones for move and end), picked by index: ops on stays are never wasted.
  const stayOf = async (index: number, open: boolean) => {
    const rows = await database.db
      .selectFrom('stays')
      .select('id')
      .$if(open, (q) => q.where('ended_on', 'is', null))
      .orderBy('started_on')
      .orderBy('id')
      .execute();
    return rows.length ? rows[index % rows.length]!.id : null;
  };
  try {
    switch (o.k) {
      case 'place': {
        await run((ctx) =>
          placeClient(ctx, {
            clientId: people[o.c]!.clientId,
            eenheidId: units[o.u]!,
            datum: day(o.d),
            huishoudgrootte: Math.min(o.size, beds[o.u]!),
          }),
        );
        break;
      }
      case 'move': {
        const s = await stayOf(o.c, true);
        if (!s) return void outcomes.skipped++;
        await run((ctx) => moveStay(ctx, s, { eenheidId: units[o.u]!, datum: day(o.d) }));
        break;
      }
      case 'end': {
        const s = await stayOf(o.c, true);
        if (!s) return void outcomes.skipped++;
        await run((ctx) => endStay(ctx, s, { datum: day(o.d) }));
        break;
      }
      case 'correct': {
        const s = await stayOf(o.c * 4 + o.s, false);
        if (!s) return void outcomes.skipped++;
        await run((ctx) =>
          correctStay(ctx, s, {
            van: o.van === null ? null : day(o.van),
            tot: o.tot === null ? null : day(o.tot),
            reden: 'eigenschapstest',
          }),
        );
        break;
      }
      case 'bed': {
        const p = people[o.c]!;
        await run((ctx) =>
          giveShortStay(ctx, p.registrationId, {
            eenheidId: units[o.u]!,
            datum: day(o.d),
            tot: o.nights === null ? null : day(o.d + o.nights),
          }),
        );
        break;
      }
      case 'decide': {
        const p = people[o.c]!;
        await run((ctx) =>
          decide(ctx, p.registrationId, {
            uitkomst: o.toegang ? 'toegang' : 'afwijzing',
            datum: day(o.d),
            reden: o.toegang ? null : 'eigenschapstest',
          }),
        );
        break;
      }
      case 'exit': {
        const t = await database.db
          .selectFrom('trajectories')
          .select('id')
          .where('client_id', '=', people[o.c]!.clientId)
          .where('ended_on', 'is', null)
          .executeTakeFirst();
        if (!t) return void outcomes.skipped++;
        await run((ctx) => registerExit(ctx, t.id, { datum: day(o.d), bestemming: 'onbekend' }));
        break;
      }
      case 'merge': {
        await run((ctx) => mergeClients(ctx, people[o.a]!.clientId, people[o.b]!.clientId));
        break;
      }
    }
    outcomes.ok++;
  } catch (e) {
    if (!(e instanceof DomainError) || e.status >= 500) throw e;
    outcomes.refused++;
    if (process.env.CAPACITY_PROPERTY_DEBUG) {
      const key = `${o.k}: ${e.message.replace(/[0-9]+/g, '#').slice(0, 70)}`;
      reasons[key] = (reasons[key] ?? 0) + 1;
    }
    if (e.status === 409 && / is vol in de nacht /.test(e.message)) outcomes.full++;
  }
}

/** Every night of every unit and every person, straight from the tables (open stays up to tomorrow night). */
async function violations() {
  const horizon = addDays(TODAY, 2);
  const nights = sql`(select s.unit_id, s.client_id, s.household_size, g.night::date as night
      from stays s cross join lateral generate_series(s.started_on::timestamp,
        (coalesce(s.ended_on, ${horizon}::date) - 1)::timestamp, interval '1 day') as g(night))`;
  const units = await sql<{ unit_id: string; night: string; persons: number; households: number }>`
    select n.unit_id, n.night::text as night, sum(n.household_size)::int as persons, count(*)::int as households
    from ${nights} n join units u on u.id = n.unit_id
    group by n.unit_id, n.night, u.beds, u.max_households
    having sum(n.household_size) > u.beds or count(*) > u.max_households`.execute(database.db);
  const persons = await sql<{ client_id: string; night: string; beds: number }>`
    select n.client_id, n.night::text as night, count(*)::int as beds from ${nights} n
    group by n.client_id, n.night having count(*) > 1`.execute(database.db);
  return { units: units.rows, persons: persons.rows };
}

describe('capaciteit over de tijd (eigenschapstest)', () => {
  it(`geen nacht met een eenheid boven capaciteit of een persoon in twee bedden na ${RUNS * LENGTH} willekeurige handelingen`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: LENGTH, maxLength: LENGTH }), async (ops) => {
        const t0 = performance.now();
        const people = await freshPeople();
        timing.fresh = (timing.fresh ?? 0) + performance.now() - t0;
        for (const o of ops) await apply(people, o);
        const t1 = performance.now();
        expect(await violations()).toEqual({ units: [], persons: [] });
        timing.check = (timing.check ?? 0) + performance.now() - t1;
      }),
      { numRuns: RUNS },
    );
    if (process.env.CAPACITY_PROPERTY_DEBUG) console.log(outcomes, timing, reasons);
    // The check is not vacuous: many operations went through, and the capacity rule refused many others.
    expect(outcomes.ok + outcomes.skipped + outcomes.refused).toBe(RUNS * LENGTH);
    expect(outcomes.ok).toBeGreaterThan(RUNS * 2);
    expect(outcomes.full).toBeGreaterThan(RUNS / 5);
  }, 600_000);
});
