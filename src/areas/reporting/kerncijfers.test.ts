import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { rebuildFigureFacts, refreshFigureFacts } from './figure-facts.js';
import { computeKeyFigures } from './kerncijfers.js';

// Hand-computed fixture for the period [2020-01-01, 2020-02-01) = 31 nights.
// Facility A is the night shelter; facility B (trajectbedden) is not.
const database = await createTestDatabase();
const db = database.db;
afterAll(() => database.close());

const T = 'fig';
const P = { tenantId: T, from: '2020-01-01', to: '2020-02-01' };
let facilityA = '',
  facilityB = '';

beforeAll(async () => {
  await db.insertInto('tenants').values({ id: T, name: 'Testgemeente', central_municipality_code: '0505' }).execute();
  await db.insertInto('tenants').values({ id: 'other', name: 'Andere', central_municipality_code: '0034' }).execute();
  await db
    .insertInto('municipalities')
    .values([
      { code: '0505', name: 'Dordrecht', tenant_id: T },
      { code: '0642', name: 'Zwijndrecht', tenant_id: T },
      { code: '0512', name: 'Gorinchem', tenant_id: T },
    ])
    .execute();
  facilityA = (
    await db
      .insertInto('facilities')
      .values({ tenant_id: T, name: 'Nachtopvang', type: 'crisisopvang', is_night_shelter: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  facilityB = (
    await db
      .insertInto('facilities')
      .values({ tenant_id: T, name: 'Trajectbedden', type: 'trajectbedden', is_night_shelter: false })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const uA = (
    await db
      .insertInto('units')
      .values({ tenant_id: T, facility_id: facilityA, name: 'Slaapzaal', kind: 'reserve', beds: 20 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const uB = (
    await db
      .insertInto('units')
      .values({ tenant_id: T, facility_id: facilityB, name: 'Kamer 1', kind: 'eenpersoonskamer', beds: 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  const client = async (first: string, code: string | null, label: string, cause: string | null) =>
    (
      await db
        .insertInto('clients')
        .values({
          tenant_id: T,
          first_name: first,
          last_name: 'Test',
          origin_municipality_code: code,
          origin_label: label,
          cause,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const c1 = await client('Een', '0505', 'Dordrecht', 'relatiebreuk');
  const c2 = await client('Twee', '0642', 'Zwijndrecht', 'huurachterstand-schulden');
  const c3 = await client('Drie', null, 'Buitenland', null);
  const c4 = await client('Vier', '0505', 'Dordrecht', 'overig');
  const c5 = await client('Vijf', '0512', 'Gorinchem', 'geen-huis-na-detentie');

  const reg = async (clientId: string, on: string) =>
    (
      await db
        .insertInto('registrations')
        .values({ tenant_id: T, client_id: clientId, registered_on: on, source: 'zelf', status: 'besloten' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const traj = async (
    clientId: string,
    registrationId: string | null,
    start: string,
    end: string | null,
    exit: string | null,
    group: string | null,
  ) =>
    (
      await db
        .insertInto('trajectories')
        .values({
          tenant_id: T,
          client_id: clientId,
          registration_id: registrationId,
          started_on: start,
          ended_on: end,
          exit_destination: exit,
          exit_group: group,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const stay = (
    clientId: string,
    registrationId: string | null,
    trajectoryId: string | null,
    unitId: string,
    start: string,
    end: string | null,
  ) =>
    db
      .insertInto('stays')
      .values({
        tenant_id: T,
        client_id: clientId,
        registration_id: registrationId,
        trajectory_id: trajectoryId,
        unit_id: unitId,
        started_on: start,
        ended_on: end,
      })
      .execute();

  // t1: registered before the period, stay crosses the start: 21 nights, 9 in the period; exit to housing.
  const r1 = await reg(c1, '2019-12-20');
  const t1 = await traj(c1, r1, '2019-12-20', '2020-01-10', 'huur-corporatie', 'permanent');
  await stay(c1, r1, t1, uA, '2019-12-20', '2020-01-10');
  // t2: two stays with 5 nights away in between (nights 15, duration 20), ended without an exit.
  const r2 = await reg(c2, '2020-01-05');
  const t2 = await traj(c2, r2, '2020-01-05', '2020-01-25', null, null);
  await stay(c2, r2, t2, uA, '2020-01-05', '2020-01-10');
  await stay(c2, r2, t2, uA, '2020-01-15', '2020-01-25');
  // r3: same-day emergency stay (0 nights), no trajectory.
  const r3 = await reg(c3, '2020-01-10');
  await stay(c3, r3, null, uA, '2020-01-10', '2020-01-10');
  // r4: open trajectory with an open stay (12 nights in the period).
  const r4 = await reg(c4, '2020-01-20');
  const t4 = await traj(c4, r4, '2020-01-20', null, null, null);
  await stay(c4, r4, t4, uA, '2020-01-20', null);
  // r5: a trajectory of only 2 nights: not a "start traject"; exit to the street.
  const r5 = await reg(c1, '2020-01-28');
  const t5 = await traj(c1, r5, '2020-01-28', '2020-01-30', 'straat', 'dakloos');
  await stay(c1, r5, t5, uA, '2020-01-28', '2020-01-30');
  // r6: after the period.
  const r6 = await reg(c2, '2020-02-03');
  await stay(c2, r6, null, uA, '2020-02-03', '2020-02-04');
  // t6: trajectory without registration in facility B (not a night shelter): 122 nights; exit beschermd wonen.
  const t6 = await traj(c3, null, '2019-10-01', '2020-01-31', 'beschermd-wonen', 'beschermd');
  await stay(c3, null, t6, uB, '2019-10-01', '2020-01-31');
  // t7: stay crossing both ends of the period (31 nights in it), trajectory still open.
  const r7 = await reg(c5, '2019-11-01');
  const t7 = await traj(c5, r7, '2019-11-01', null, null, null);
  await stay(c5, r7, t7, uA, '2019-11-01', '2020-03-01');

  // Another tenant's data must never count.
  await db.insertInto('municipalities').values({ code: '0034', name: 'Almere', tenant_id: 'other' }).execute();
  const oc = (
    await db
      .insertInto('clients')
      .values({
        tenant_id: 'other',
        first_name: 'X',
        last_name: 'Y',
        origin_label: 'Almere',
        origin_municipality_code: '0034',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const of = (
    await db
      .insertInto('facilities')
      .values({ tenant_id: 'other', name: 'NO', type: 'crisisopvang', is_night_shelter: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const ou = (
    await db
      .insertInto('units')
      .values({ tenant_id: 'other', facility_id: of, name: 'K', kind: 'eenpersoonskamer', beds: 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const or = (
    await db
      .insertInto('registrations')
      .values({ tenant_id: 'other', client_id: oc, registered_on: '2020-01-02', source: 'zelf' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const ot = (
    await db
      .insertInto('trajectories')
      .values({
        tenant_id: 'other',
        client_id: oc,
        registration_id: or,
        started_on: '2020-01-02',
        ended_on: '2020-01-20',
        exit_destination: 'koopwoning',
        exit_group: 'permanent',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('stays')
    .values({
      tenant_id: 'other',
      client_id: oc,
      registration_id: or,
      trajectory_id: ot,
      unit_id: ou,
      started_on: '2020-01-02',
      ended_on: '2020-01-20',
    })
    .execute();
  await rebuildFigureFacts(db); // issue 15: the rows above are inserted directly; the figures read the facts
});

describe('computeKeyFigures', () => {
  it('berekent alle kerncijfers volgens de definities', async () => {
    const f = await computeKeyFigures(db, P);
    expect(f.aanmeldingen).toBe(4); // r2, r3, r4, r5
    expect(f.startTraject).toBe(2); // r2 (15 nights), r4 (open); not r3 (no trajectory), not r5 (2 nights)
    // One scope for every figure (issue 13): the night shelter A. t6 has no night in A, so it is out of scope for
    // every trajectory figure, not only for the nights.
    expect(f.trajectenBeeindigd).toBe(3); // t1, t2, t5
    expect(f.gemiddeldeDuurTrajectDagen).toBe(14.3); // (21 + 20 + 2) / 3 = 14.33
    expect(f.gemiddeldAantalNachten).toBe(12.7); // (21 + 15 + 2) / 3 = 12.67
    expect(f.uitgestroomd).toBe(2); // t1, t5; t2 ended without a destination
    expect(f.vertrokkenOnbekend).toBe(1); // t2
    expect(f.gemiddeldeBedbezetting).toBe(2.2); // (9 + 5 + 10 + 0 + 12 + 2 + 31) / 31 = 2.226
    expect(f.binnenDrieMaandenDoorgestroomd).toBe(1);
    expect(f.uitstroomNaarWonen).toBe(0.5); // t1 of t1, t5
    expect(f.uitstroomPerGroep).toEqual([
      { groep: 'permanent', label: 'Permanente woonruimte', aantal: 1 },
      { groep: 'dakloos', label: 'Dakloos', aantal: 1 },
      { groep: 'onbekend', label: 'Bestemming onbekend', aantal: 1 },
    ]);
    expect(f.herkomst).toEqual([
      { herkomst: 'Dordrecht', aantal: 2 },
      { herkomst: 'Buitenland', aantal: 1 },
      { herkomst: 'Gorinchem', aantal: 1 },
      { herkomst: 'Zwijndrecht', aantal: 1 },
    ]);
    expect(f.aanleiding).toEqual([
      { aanleiding: 'Geen huis na detentieverleden', aantal: 1 },
      { aanleiding: 'Huurachterstand - schulden', aantal: 1 },
      { aanleiding: 'Onbekend', aantal: 1 },
      { aanleiding: 'Overig', aantal: 1 },
      { aanleiding: 'Relatiebreuk', aantal: 1 },
    ]);
  });

  it('filtert op gemeente van herkomst', async () => {
    const f = await computeKeyFigures(db, { ...P, originMunicipalityCode: '0505' });
    expect(f.aanmeldingen).toBe(2); // r4, r5
    expect(f.startTraject).toBe(1);
    expect(f.gemiddeldeDuurTrajectDagen).toBe(11.5); // t1 21, t5 2
    expect(f.gemiddeldAantalNachten).toBe(11.5);
    expect(f.uitgestroomd).toBe(2);
    expect(f.uitstroomNaarWonen).toBe(0.5);
    expect(f.gemiddeldeBedbezetting).toBe(0.7); // (9 + 12 + 2) / 31
    expect(f.herkomst).toEqual([{ herkomst: 'Dordrecht', aantal: 2 }]);
  });

  it('filtert op voorziening', async () => {
    const b = await computeKeyFigures(db, { ...P, facilityId: facilityB });
    expect(b.aanmeldingen).toBe(0);
    expect(b.startTraject).toBe(0);
    expect(b.gemiddeldeDuurTrajectDagen).toBe(122);
    expect(b.gemiddeldAantalNachten).toBe(122);
    expect(b.uitgestroomd).toBe(1);
    expect(b.binnenDrieMaandenDoorgestroomd).toBe(0);
    expect(b.uitstroomNaarWonen).toBe(0);
    expect(b.gemiddeldeBedbezetting).toBe(1); // 30 / 31 nights
    expect(b.herkomst).toEqual([{ herkomst: 'Buitenland', aantal: 1 }]);

    const a = await computeKeyFigures(db, { ...P, facilityId: facilityA });
    expect(a.aanmeldingen).toBe(3); // r2, r4, r5: a night in A; r3's same-day stay is no night
    expect(a.startTraject).toBe(2);
    expect(a.gemiddeldeDuurTrajectDagen).toBe(14.3); // t1, t2, t5: 43 / 3
    expect(a.gemiddeldAantalNachten).toBe(12.7); // 38 / 3
    expect(a.uitgestroomd).toBe(2);
    expect(a.gemiddeldeBedbezetting).toBe(2.2);
  });

  it('alle locaties: t6 in B is dan in bereik, voor elk trajectcijfer', async () => {
    const f = await computeKeyFigures(db, { ...P, facilityId: 'alle' });
    expect(f.trajectenBeeindigd).toBe(4);
    expect(f.gemiddeldeDuurTrajectDagen).toBe(41.3); // (21 + 20 + 2 + 122) / 4 = 41.25
    expect(f.gemiddeldAantalNachten).toBe(40); // (21 + 15 + 2 + 122) / 4
    expect(f.uitgestroomd).toBe(3); // t1, t5, t6
    expect(f.binnenDrieMaandenDoorgestroomd).toBe(0.75);
    expect(f.gemiddeldeBedbezetting).toBe(3.2); // (69 + 30) / 31 = 3.19
  });

  it('geeft null voor gemiddelden zonder waarnemingen; een open verblijf telt door tot en met afgelopen nacht', async () => {
    const f = await computeKeyFigures(db, { tenantId: T, from: '2030-01-01', to: '2030-02-01', today: '2030-01-20' });
    expect(f).toMatchObject({
      aanmeldingen: 0,
      startTraject: 0,
      uitgestroomd: 0,
      gemiddeldAantalNachten: null,
      gemiddeldeDuurTrajectDagen: null,
      binnenDrieMaandenDoorgestroomd: null,
      uitstroomNaarWonen: null,
      gemiddeldeBedbezetting: 1, // t4's open stay on each of the 19 past nights (1..19 January)
      uitstroomPerGroep: [],
    });
    // a period with no past night has no occupancy yet (open stays do not count into future nights)
    expect(
      (await computeKeyFigures(db, { tenantId: T, from: '2030-01-01', to: '2030-02-01', today: '2029-12-31' }))
        .gemiddeldeBedbezetting,
    ).toBeNull();
    expect(f.herkomst).toEqual([{ herkomst: 'Dordrecht', aantal: 1 }]); // only the open stay of c4
    expect(
      (await computeKeyFigures(db, { tenantId: T, from: '2020-01-01', to: '2020-01-01' })).gemiddeldeBedbezetting,
    ).toBeNull();
  });

  it('telt een verblijf van één dag (0 nachten) mee als aanwezig, niet als bezetting', async () => {
    const f = await computeKeyFigures(db, { tenantId: T, from: '2020-01-10', to: '2020-01-11' });
    // night of Jan 10: s1 ended that morning (no), s2a ended (no), s3 0 nights (no), s7 yes
    expect(f.gemiddeldeBedbezetting).toBe(1);
    expect(f.herkomst.map((h) => h.herkomst)).toContain('Buitenland'); // c3's 0-night stay
    expect(f.aanmeldingen).toBe(1);
  });
});

describe('startTraject: nachten van de aanmelding en van haar traject, elk verblijf één keer', () => {
  it('telt een verblijf dat onder een andere aanmelding geregistreerd staat mee voor het traject', async () => {
    const M = 'mix';
    await db.insertInto('tenants').values({ id: M, name: 'Mix', central_municipality_code: '0505' }).execute();
    const f = (
      await db
        .insertInto('facilities')
        .values({ tenant_id: M, name: 'Nachtopvang', type: 'crisisopvang', is_night_shelter: true })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const u = (
      await db
        .insertInto('units')
        .values({ tenant_id: M, facility_id: f, name: 'Zaal', kind: 'reserve', beds: 10 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const c = (
      await db
        .insertInto('clients')
        .values({ tenant_id: M, first_name: 'A', last_name: 'B', origin_label: 'Dordrecht' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const reg = async (on: string) =>
      (
        await db
          .insertInto('registrations')
          .values({ tenant_id: M, client_id: c, registered_on: on, source: 'zelf' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const ra = await reg('2021-03-01'); // no trajectory of its own
    const rb = await reg('2021-03-02'); // trajectory tb
    const tb = (
      await db
        .insertInto('trajectories')
        .values({ tenant_id: M, client_id: c, registration_id: rb, started_on: '2021-03-02', ended_on: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    // 2 nights under rb/tb, and 3 nights of tb still registered under ra: rb has 5 nights (> 3), ra has no trajectory
    await db
      .insertInto('stays')
      .values([
        {
          tenant_id: M,
          client_id: c,
          registration_id: rb,
          trajectory_id: tb,
          unit_id: u,
          started_on: '2021-03-02',
          ended_on: '2021-03-04',
        },
        {
          tenant_id: M,
          client_id: c,
          registration_id: ra,
          trajectory_id: tb,
          unit_id: u,
          started_on: '2021-03-05',
          ended_on: '2021-03-08',
        },
      ])
      .execute();
    await rebuildFigureFacts(db, M);
    const k = await computeKeyFigures(db, { tenantId: M, from: '2021-03-01', to: '2021-04-01' });
    expect(k.aanmeldingen).toBe(2);
    expect(k.startTraject).toBe(1);
    // with only the 2 nights under its own registration it would not count: move the second stay out of the shelter
    const other = (
      await db
        .insertInto('facilities')
        .values({ tenant_id: M, name: 'Trajectbedden', type: 'trajectbedden', is_night_shelter: false })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const ou = (
      await db
        .insertInto('units')
        .values({ tenant_id: M, facility_id: other, name: 'K', kind: 'eenpersoonskamer', beds: 1 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db.updateTable('stays').set({ unit_id: ou }).where('registration_id', '=', ra).execute();
    await refreshFigureFacts(db, { registrationIds: [ra] }); // issue 15: a direct change, then the facts' refresh
    expect((await computeKeyFigures(db, { tenantId: M, from: '2021-03-01', to: '2021-04-01' })).startTraject).toBe(0);
  });
});
