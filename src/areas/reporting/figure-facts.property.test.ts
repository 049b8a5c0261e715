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
import { correctRegistration } from '../intake/corrections.service.js';
import { undoMerge } from '../intake/merge-undo.service.js';
import { createRegistration, decide } from '../intake/registrations.service.js';
import { endStay, moveStay, placeClient, registerExit } from '../shelter/placements.service.js';
import { giveShortStay } from '../shelter/short-stays.service.js';
import { correctStay } from '../shelter/stay-corrections.service.js';
import { compareFigureFacts, rebuildFigureFacts } from './figure-facts.js';
import { computeSeries, type FigureFilters, splitPeriods } from './kerncijfers.js';

// Issue 15: whatever the order of registrations, decisions, placements, moves, back-dated entries, stay and
// registration corrections, beds for the night, exits, merges and their undo — each through its service in its own
// transaction, as a request would — afterwards (1) the maintained facts equal their recomputation from the raw rows,
// row by row, and (2) every key figure read from the facts equals the same figure recomputed from the raw rows, for
// every scope (night shelter, one facility, all), with person filters, with cell keys, per month and for the whole
// span, and for report days before, inside and after the operations. The figures are read halfway too, so the stored
// results of ADR 0032 (the default read path) are tested against every kind of later change.

const RUNS = Number(process.env.FIGURE_PROPERTY_RUNS ?? 12);
const LENGTH = 25;
const NOW = new Date('2026-11-23T10:00:00Z');
const TODAY = '2026-11-23';
const FIRST = '2026-09-24';
const day = (n: number) => addDays(FIRST, n);

let database: Database;
let actor: Actor;
let units: string[];
let facilities: { night: string; other: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const fx = await seedFixture(database);
  units = [fx.room1, fx.room2, fx.family, fx.otherRoom];
  facilities = { night: fx.facilityId, other: fx.otherFacilityId };
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
  | { k: 'register'; c: number; d: number }
  | { k: 'place'; c: number; u: number; d: number; size: number }
  | { k: 'move'; c: number; u: number; d: number }
  | { k: 'end'; c: number; d: number }
  | { k: 'correct'; c: number; van: number | null; tot: number | null }
  | { k: 'bed'; c: number; u: number; d: number; nights: number | null }
  | { k: 'decide'; c: number; d: number; toegang: boolean }
  | { k: 'regdate'; c: number; d: number }
  | { k: 'exit'; c: number; d: number; dest: string }
  | { k: 'merge'; a: number; b: number }
  | { k: 'unmerge'; c: number };

const CLIENTS = 6;
const c = fc.nat({ max: CLIENTS - 1 });
const u = fc.nat({ max: 3 });
const d = fc.nat({ max: 60 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ k: fc.constant('register' as const), c, d }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('place' as const), c, u, d, size: fc.constantFrom(1, 1, 2) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('move' as const), c, u, d }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('end' as const), c, d }) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('correct' as const),
      c: fc.nat({ max: 20 }),
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
  { weight: 3, arbitrary: fc.record({ k: fc.constant('decide' as const), c, d, toegang: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('regdate' as const), c: fc.nat({ max: 20 }), d }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('exit' as const),
      c,
      d,
      dest: fc.constantFrom('huur-corporatie', 'onbekend', 'straat', 'beschermd-wonen'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('merge' as const), a: c, b: c }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('unmerge' as const), c }) },
);

/** A fresh run: no registrations, trajectories or stays; CLIENTS clients without any case. */
async function freshClients(): Promise<string[]> {
  const db = database.db;
  // the cases of the previous run and everything hanging on them (corrections, aftercare after an exit, …)
  await sql`truncate stays, trajectories, registrations, access_decisions, client_merges cascade`.execute(db);
  await rebuildFigureFacts(db);
  const clients = await db
    .insertInto('clients')
    .values(
      Array.from({ length: CLIENTS }, (_, i) => ({
        tenant_id: 'dordrecht',
        first_name: `F${i}`,
        last_name: 'Feit',
        birth_date: i % 2 ? '1980-01-01' : '2004-06-01',
        bsn: null,
        origin_municipality_code: i % 3 ? '0505' : null,
        origin_label: i % 3 ? 'Dordrecht' : 'Overig Nederland',
        cause: i % 2 ? 'relatiebreuk' : null,
        phone: null,
        email: null,
        gender: null,
        merged_into: null,
      })),
    )
    .returning('id')
    .execute();
  return clients.map((x) => x.id);
}

const outcomes = { ok: 0, skipped: 0, refused: 0 };

async function apply(clients: string[], o: Op): Promise<void> {
  const run = <T>(fn: Parameters<typeof inTransaction<T>>[2]) => inTransaction(database, actor, fn, { now: NOW });
  const db = database.db;
  const pick = async <T>(rows: T[], i: number) => (rows.length ? rows[i % rows.length]! : null);
  try {
    switch (o.k) {
      case 'register':
        await run((ctx) => createRegistration(ctx, { clientId: clients[o.c]!, datum: day(o.d), bron: 'zelf' }));
        break;
      case 'place':
        await run((ctx) =>
          placeClient(ctx, {
            clientId: clients[o.c]!,
            eenheidId: units[o.u]!,
            datum: day(o.d),
            huishoudgrootte: o.size,
          }),
        );
        break;
      case 'move':
      case 'end': {
        const s = await pick(
          await db.selectFrom('stays').select('id').where('ended_on', 'is', null).orderBy('id').execute(),
          o.c,
        );
        if (!s) return void outcomes.skipped++;
        await run((ctx) =>
          o.k === 'move'
            ? moveStay(ctx, s.id, { eenheidId: units[o.u]!, datum: day(o.d) })
            : endStay(ctx, s.id, { datum: day(o.d) }),
        );
        break;
      }
      case 'correct': {
        const s = await pick(await db.selectFrom('stays').select('id').orderBy('id').execute(), o.c);
        if (!s) return void outcomes.skipped++;
        await run((ctx) =>
          correctStay(ctx, s.id, {
            van: o.van === null ? null : day(o.van),
            tot: o.tot === null ? null : day(o.tot),
            reden: 'eigenschapstest',
          }),
        );
        break;
      }
      case 'bed':
      case 'decide': {
        const r = await pick(
          await db.selectFrom('registrations').select('id').where('status', '!=', 'besloten').orderBy('id').execute(),
          o.c,
        );
        if (!r) return void outcomes.skipped++;
        if (o.k === 'bed')
          await run((ctx) =>
            giveShortStay(ctx, r.id, {
              eenheidId: units[o.u]!,
              datum: day(o.d),
              tot: o.nights === null ? null : day(o.d + o.nights),
            }),
          );
        else
          await run((ctx) =>
            decide(ctx, r.id, {
              uitkomst: o.toegang ? 'toegang' : 'afwijzing',
              datum: day(o.d),
              reden: o.toegang ? null : 'eigenschapstest',
            }),
          );
        break;
      }
      case 'regdate': {
        const r = await pick(await db.selectFrom('registrations').select('id').orderBy('id').execute(), o.c);
        if (!r) return void outcomes.skipped++;
        await run((ctx) => correctRegistration(ctx, r.id, { reden: 'eigenschapstest', datum: day(o.d) }));
        break;
      }
      case 'exit': {
        const t = await pick(
          await db.selectFrom('trajectories').select('id').where('ended_on', 'is', null).orderBy('id').execute(),
          o.c,
        );
        if (!t) return void outcomes.skipped++;
        await run((ctx) => registerExit(ctx, t.id, { datum: day(o.d), bestemming: o.dest }));
        break;
      }
      case 'merge':
        await run((ctx) => mergeClients(ctx, clients[o.a]!, clients[o.b]!));
        break;
      case 'unmerge': {
        const m = await pick(
          await db
            .selectFrom('client_merges')
            .select(['id', 'kept_id'])
            .where('undone_at', 'is', null)
            .orderBy('id')
            .execute(),
          o.c,
        );
        if (!m) return void outcomes.skipped++;
        await run((ctx) => undoMerge(ctx, m.kept_id, m.id, 'eigenschapstest'));
        break;
      }
    }
    outcomes.ok++;
  } catch (e) {
    if (!(e instanceof DomainError) || e.status >= 500) throw e;
    outcomes.refused++;
  }
}

/** Every figure from the facts against the raw recomputation, over a grid of scopes, filters and report days. */
async function figureDifferences(): Promise<string[]> {
  const out: string[] = [];
  const scopes: FigureFilters[] = [
    {},
    { facilityId: facilities.night },
    { facilityId: facilities.other },
    { facilityId: 'alle' },
    { originMunicipalityCode: '0505' },
    { ageGroup: '18-26', facilityId: 'alle' },
    { householdType: 'gezin' },
  ];
  const spans = [
    { from: '2026-09-01', to: '2027-01-01', interval: 'maand' as const },
    { from: '2026-10-15', to: '2026-11-10', interval: 'jaar' as const },
  ];
  for (const filters of scopes)
    for (const s of spans)
      for (const today of [TODAY, '2026-10-20', '2027-03-01'])
        for (const cellKeySecret of [undefined, 'geheim']) {
          if (cellKeySecret && today !== TODAY) continue;
          const periods = splitPeriods(s.from, s.to, s.interval);
          const q = { tenantIds: ['dordrecht'], periods, filters, today, cellKeySecret };
          const facts = await computeSeries(database.db, q);
          const raw = await computeSeries(database.db, { ...q, source: 'raw' });
          const a = JSON.stringify(facts.get('dordrecht'));
          const b = JSON.stringify(raw.get('dordrecht'));
          if (a !== b) out.push(`${JSON.stringify({ filters, s, today, cellKeySecret })}: ${a} ≠ ${b}`);
        }
  return out;
}

describe('kerncijfers uit bijgehouden feiten (eigenschapstest)', () => {
  it(`feiten en elk kerncijfer gelijk aan de herberekening uit de ruwe gegevens na ${RUNS * LENGTH} willekeurige handelingen`, async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: LENGTH, maxLength: LENGTH }), async (ops) => {
        const clients = await freshClients();
        // every client registered, the first four admitted (through the services), then the random sequence
        for (const [i] of clients.entries()) await apply(clients, { k: 'register', c: i, d: i });
        for (let i = 0; i < 4; i++) await apply(clients, { k: 'decide', c: 0, d: 6, toegang: true });
        // halfway the figures are read (and stored, ADR 0032); the second half must make every stored one stale
        const half = Math.floor(ops.length / 2);
        for (const o of ops.slice(0, half)) await apply(clients, o);
        expect(await figureDifferences()).toEqual([]);
        for (const o of ops.slice(half)) await apply(clients, o);
        expect(await compareFigureFacts(database.db)).toEqual([]);
        expect(await figureDifferences()).toEqual([]);
        const n = await database.db
          .selectFrom('figure_stays')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        if (Number(n.n) > 0) nonEmpty++;
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: most runs produced stays, and many operations went through.
    expect(nonEmpty).toBeGreaterThan(RUNS / 2);
    expect(outcomes.ok).toBeGreaterThan(RUNS * 5);
  }, 1_200_000);

  it('de controle vindt een verschil wanneer een feit niet is bijgehouden', async () => {
    const clients = await freshClients();
    await apply(clients, { k: 'register', c: 0, d: 1 });
    await apply(clients, { k: 'place', c: 0, u: 0, d: 1, size: 1 });
    const r = await database.db.selectFrom('registrations').select('id').executeTakeFirstOrThrow();
    await inTransaction(database, actor, (ctx) =>
      decide(ctx, r.id, { uitkomst: 'toegang', datum: day(1), reden: null }),
    );
    await apply(clients, { k: 'place', c: 0, u: 0, d: 2, size: 1 });
    expect(await compareFigureFacts(database.db)).toEqual([]);
    // a change behind the services' back: the check reports it
    await database.db
      .updateTable('stays')
      .set({ ended_on: day(5) })
      .execute();
    const diff = await compareFigureFacts(database.db);
    expect(diff.some((x) => x.table === 'figure_stays')).toBe(true);
    expect(diff.some((x) => x.table === 'figure_bed_nights')).toBe(true);
  });
});
