import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.js';
import { type Actor, inTransaction } from '../../rights/context.js';
import { createTestDatabase } from '../../test/db.js';
import { seedFixture } from '../../test/fixtures.js';
import { createRegistration, decide } from '../intake/registrations.service.js';
import { endStay, placeClient } from '../shelter/placements.service.js';
import { compareFigureResults, resultKey, seriesWithResults } from './figure-results.js';
import { computeSeries, type KeyFigures, splitPeriods } from './kerncijfers.js';

// Issue 15 (ADR 0032): stored kerncijfers are used only while the tenant's figure version stands; every change of
// what the figures read raises it at commit, so a stored result never hides a change.

const NOW = new Date('2026-11-23T10:00:00Z');
const TODAY = '2026-11-23';
const periods = splitPeriods('2026-09-01', '2026-12-01', 'maand');
const q = { tenantIds: ['dordrecht'], periods, today: TODAY };

let database: Database;
let actor: Actor;
let room: string;
let room2: string;
let clientId: string;

const version = async () =>
  Number(
    (
      await sql<{ v: string | number }>`select coalesce(
        (select version from figure_versions where tenant_id = 'dordrecht'), 0) as v`.execute(database.db)
    ).rows[0]!.v,
  );
const stored = async () =>
  Number(
    (
      await sql<{ n: string | number }>`select count(*) as n from figure_results where tenant_id = 'dordrecht'`.execute(
        database.db,
      )
    ).rows[0]!.n,
  );
const run = <T>(fn: Parameters<typeof inTransaction<T>>[2]) => inTransaction(database, actor, fn, { now: NOW });
const figures = async (db = database.db) => (await computeSeries(db, q)).get('dordrecht')!;
const raw = async (db = database.db) => (await computeSeries(db, { ...q, source: 'raw' })).get('dordrecht')!;

beforeAll(async () => {
  database = await createTestDatabase();
  const fx = await seedFixture(database);
  room = fx.room1;
  room2 = fx.room2;
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
  clientId = (
    await database.db
      .insertInto('clients')
      .values({
        tenant_id: 'dordrecht',
        first_name: 'Resultaat',
        last_name: 'Test',
        birth_date: '1990-05-01',
        bsn: null,
        origin_municipality_code: '0505',
        origin_label: 'Dordrecht',
        cause: 'relatiebreuk',
        phone: null,
        email: null,
        gender: null,
        merged_into: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const reg = await run((ctx) => createRegistration(ctx, { clientId, datum: '2026-09-10', bron: 'zelf' }));
  await run((ctx) => decide(ctx, reg.id, { uitkomst: 'toegang', datum: '2026-09-11', reden: null }));
  await run((ctx) => placeClient(ctx, { clientId, eenheidId: room, datum: '2026-09-12', huishoudgrootte: 1 }));
});
afterAll(() => database?.close());

describe('opgeslagen kerncijfers (ADR 0032)', () => {
  it('een tweede vraag zonder wijziging leest de opgeslagen uitkomst, gelijk aan de herberekening', async () => {
    const first = await figures();
    expect(first).toEqual(await raw());
    expect(first[0]!.aanmeldingen).toBe(1);
    expect(await stored()).toBe(periods.length);
    // Proof that the second answer comes from the store: a marked stored result is what is returned.
    const key = resultKey(q, periods[0]!);
    await sql`update figure_results set result = json_build_object('gemerkt', true)
      where tenant_id = 'dordrecht' and query_key = ${key}`.execute(database.db);
    expect((await figures())[0]).toEqual({ gemerkt: true });
    // … and the check finds it
    const diff = await compareFigureResults(database.db, async (t, k) => {
      const p = JSON.parse(k) as { van: string; tot: string };
      return (
        await computeSeries(database.db, {
          ...q,
          tenantIds: [t],
          periods: [{ from: p.van, to: p.tot }],
          source: 'facts',
        })
      ).get(t)![0]!;
    });
    expect(diff).toEqual([{ tenantId: 'dordrecht', key }]);
  });

  it('een plaatsing verhoogt bij de commit de versie; daarna is de uitkomst weer vers', async () => {
    const v0 = await version();
    const before = await figures();
    const stay = await database.db
      .selectFrom('stays')
      .select('id')
      .where('client_id', '=', clientId)
      .where('ended_on', 'is', null)
      .executeTakeFirstOrThrow();
    await run((ctx) => endStay(ctx, stay.id, { datum: '2026-10-05' }));
    expect(await version()).toBeGreaterThan(v0);
    const after = await figures();
    expect(after).toEqual(await raw());
    expect(after).not.toEqual(before);
    expect((after[1] as KeyFigures).personenInOpvang).toBe(1); // October: the stay until 5 October
    expect((after[2] as KeyFigures).personenInOpvang).toBe(0); // November: none
  });

  it('een wijziging die wordt teruggedraaid verhoogt de versie niet en laat de opgeslagen uitkomst staan', async () => {
    await figures();
    const v0 = await version();
    await expect(
      run(async (ctx) => {
        await placeClient(ctx, { clientId, eenheidId: room, datum: '2026-11-01', huishoudgrootte: 1 });
        throw new Error('afgebroken');
      }),
    ).rejects.toThrow('afgebroken');
    expect(await version()).toBe(v0);
    expect(await figures()).toEqual(await raw());
  });

  it('binnen de schrijvende transactie telt de eigen wijziging mee en wordt niets opgeslagen', async () => {
    await figures(); // stored for the current version
    const n0 = await stored();
    const inside = await run(async (ctx) => {
      await placeClient(ctx, { clientId, eenheidId: room, datum: '2026-11-10', huishoudgrootte: 1 });
      const own = (await computeSeries(ctx.db, q)).get('dordrecht')!;
      const rawInside = (await computeSeries(ctx.db, { ...q, source: 'raw' })).get('dordrecht')!;
      expect(own).toEqual(rawInside);
      return own;
    });
    expect(inside[2]!.personenInOpvang).toBe(1); // November: the new stay, seen inside its own transaction
    expect(await stored()).toBeLessThanOrEqual(n0);
    expect(await figures()).toEqual(inside); // and after the commit for everyone
  });

  it('een gewijzigde geboortedatum (een filter op leeftijd) maakt de opgeslagen uitkomst ongeldig', async () => {
    const young = { ...q, filters: { ageGroup: '18-26' as const } };
    const a = (await computeSeries(database.db, young)).get('dordrecht')!;
    expect(a[2]!.personenInOpvang).toBe(0);
    await database.db.updateTable('clients').set({ birth_date: '2005-01-01' }).where('id', '=', clientId).execute();
    const b = (await computeSeries(database.db, young)).get('dordrecht')!;
    expect(b[2]!.personenInOpvang).toBe(1);
    expect(b).toEqual((await computeSeries(database.db, { ...young, source: 'raw' })).get('dordrecht'));
  });

  it('een andere verslagdag of ander celsleutelgeheim is een andere uitkomst', async () => {
    expect(resultKey(q, periods[0]!)).not.toBe(resultKey({ ...q, today: '2026-11-24' }, periods[0]!));
    expect(resultKey(q, periods[0]!)).not.toBe(resultKey({ ...q, cellKeySecret: 'x' }, periods[0]!));
    expect(resultKey({ ...q, cellKeySecret: 'x' }, periods[0]!)).not.toBe(
      resultKey({ ...q, cellKeySecret: 'y' }, periods[0]!),
    );
    // filters in another order are the same question
    expect(resultKey({ ...q, filters: { ageGroup: '18-26', householdType: 'gezin' } }, periods[0]!)).toBe(
      resultKey({ ...q, filters: { householdType: 'gezin', ageGroup: '18-26' } }, periods[0]!),
    );
  });
});

describe('opgeslagen kerncijfers per periode: een wijziging maakt alleen de perioden ongeldig die ze kan raken', () => {
  /** Marks every stored result of q, so a later read shows which periods came from the store. */
  const mark = async () => {
    await figures();
    await sql`update figure_results set result = json_build_object('gemerkt', true)
      where tenant_id = 'dordrecht'`.execute(database.db);
  };
  const fromStore = (xs: unknown[]) => xs.map((x) => JSON.stringify(x) === '{"gemerkt":true}');
  /** The periods not read from the store equal the raw recomputation. */
  const freshEqualsRaw = async (xs: unknown[]) => {
    const r = await raw();
    xs.forEach((x, i) => {
      if (JSON.stringify(x) !== '{"gemerkt":true}') expect(x).toEqual(r[i]);
    });
  };
  const newClient = async (name: string) =>
    (
      await database.db
        .insertInto('clients')
        .values({ tenant_id: 'dordrecht', first_name: name, last_name: 'Periode', origin_label: 'Dordrecht' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  it('een aanmelding in november laat september en oktober staan en rekent alleen november opnieuw', async () => {
    const other = await newClient('November');
    await mark();
    const v0 = await version();
    await run((ctx) => createRegistration(ctx, { clientId: other, datum: '2026-11-15', bron: 'zelf' }));
    expect(await version()).toBeGreaterThan(v0);
    const after = await figures();
    expect(fromStore(after)).toEqual([true, true, false]);
    await freshEqualsRaw(after);
    expect((after[2] as KeyFigures).aanmeldingen).toBe((await raw())[2]!.aanmeldingen);
  });

  it('een verblijf in november bij een aanmelding van september maakt ook september ongeldig (nachten van die aanmelding)', async () => {
    const late = await newClient('Laat');
    const reg = await run((ctx) => createRegistration(ctx, { clientId: late, datum: '2026-09-20', bron: 'zelf' }));
    await run((ctx) => decide(ctx, reg.id, { uitkomst: 'toegang', datum: '2026-09-21', reden: null }));
    await mark();
    await run((ctx) => placeClient(ctx, { clientId: late, eenheidId: room2, datum: '2026-11-18', huishoudgrootte: 1 }));
    const after = await figures();
    expect(fromStore(after)).toEqual([false, false, false]);
    await freshEqualsRaw(after);
  });

  it('een nieuw telefoonnummer raakt geen kerncijfer; een andere gemeente van herkomst raakt elke periode', async () => {
    await mark();
    const v0 = await version();
    await database.db.updateTable('clients').set({ phone: '0612345678' }).where('id', '=', clientId).execute();
    expect(await version()).toBe(v0);
    expect(fromStore(await figures())).toEqual([true, true, true]);
    await database.db
      .updateTable('clients')
      .set({ origin_municipality_code: '0599' })
      .where('id', '=', clientId)
      .execute();
    expect(await version()).toBeGreaterThan(v0);
    const after = await figures();
    expect(fromStore(after)).toEqual([false, false, false]);
    await freshEqualsRaw(after);
  });

  it('elke wijziging noteert de vroegste datum die ze kan raken: ook de aanmelding achter een verblijf of traject', async () => {
    const noted = await database.db
      .transaction()
      .execute(async (tx) => {
        const out: Record<string, (string | null)[]> = {};
        const take = async (label: string) => {
          const r = await sql<{
            d: string | null;
          }>`delete from figure_changes returning affected_from::text as d`.execute(tx);
          out[label] = [...new Set(r.rows.map((x) => x.d))].sort();
        };
        const c = (
          await tx
            .insertInto('clients')
            .values({ tenant_id: 'dordrecht', first_name: 'Regel', last_name: 'Test', origin_label: 'Dordrecht' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        await take('nieuwe cliënt');
        const reg = (
          await tx
            .insertInto('registrations')
            .values({ tenant_id: 'dordrecht', client_id: c, registered_on: '2026-09-05', source: 'zelf' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        await take('aanmelding');
        const traj = (
          await tx
            .insertInto('trajectories')
            .values({ tenant_id: 'dordrecht', client_id: c, registration_id: reg, started_on: '2026-10-01' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        await take('traject');
        await tx
          .insertInto('stays')
          .values({
            tenant_id: 'dordrecht',
            client_id: c,
            trajectory_id: traj,
            unit_id: room2,
            started_on: '2026-11-20',
          })
          .execute();
        await take('verblijf');
        const unit = await tx
          .selectFrom('units')
          .select('facility_id')
          .where('id', '=', room2)
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('figure_bed_nights')
          .values({ tenant_id: 'dordrecht', facility_id: unit.facility_id, night: '2026-11-21', beds: 1 })
          .execute();
        await take('bednacht');
        await tx.updateTable('clients').set({ phone: '0600000000' }).where('id', '=', c).execute();
        await take('telefoonnummer');
        await tx.updateTable('clients').set({ cause: 'huurachterstand-schulden' }).where('id', '=', c).execute();
        await take('aanleiding');
        throw Object.assign(new Error('terugdraaien'), { noted: out });
      })
      .catch((e: { noted?: Record<string, (string | null)[]> }) => e.noted);
    expect(noted).toEqual({
      'nieuwe cliënt': [],
      aanmelding: ['2026-09-05'],
      traject: ['2026-09-05'], // the registration behind it, before its start
      verblijf: ['2026-09-05'], // the trajectory's registration, before the stay's start
      bednacht: ['2026-11-21'],
      telefoonnummer: [],
      aanleiding: [null], // any period
    });
  });

  it('een opgeslagen uitkomst die een lezer wil bewaren terwijl de versie al verder is, wordt niet bewaard', async () => {
    await sql`delete from figure_results where tenant_id = 'dordrecht'`.execute(database.db);
    const other = await newClient('Tussendoor');
    await seriesWithResults(database.db, q, async (tenantIds, ps) => {
      // a change commits while this reader computes
      await run((ctx) => createRegistration(ctx, { clientId: other, datum: '2026-11-02', bron: 'zelf' }));
      return computeSeries(database.db, { ...q, tenantIds, periods: ps, source: 'facts' });
    });
    expect(await stored()).toBe(0);
    // without a change in between the same reader stores every period
    await seriesWithResults(database.db, q, async (tenantIds, ps) =>
      computeSeries(database.db, { ...q, tenantIds, periods: ps, source: 'facts' }),
    );
    expect(await stored()).toBe(periods.length);
  });
});
