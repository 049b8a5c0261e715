import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { rebuildFigureFacts } from './figure-facts.js';
import type { KeyFigures } from './kerncijfers.js';
import { computeKeyFigures, computeSeries, splitPeriods } from './kerncijfers.js';
import { figuresCsv, suppressFigures } from './reports.service.js';

// Hand-computed fixture for target-group filters and series; period of interest [2020-01-01, 2020-02-01) = 31 nights.
// All stays are in one night-shelter facility (a dormitory and a family unit).
//   client  birth date   household            registration  trajectory (exit)                 stay
//   a       2010-06-01   1 household member    2020-01-05    01-05..01-15 housing-first        family unit 01-05..01-15 (10)
//   b       2000-01-10   –                     2020-01-05    01-05..01-25 straat               dorm 01-05..01-25 (20)
//   c       1993-01-10   stay of size 3        2020-01-09    01-09..open                       family unit 01-09..open (23 in Jan)
//   d       1970-01-01   –                     2019-12-01    2019-12-01..01-20 huur-corporatie dorm 12-01..01-20 (50; 19 in Jan)
//   e       –            –                     2020-01-10    –                                 dorm 01-10..01-12 (2)
//   f       1985-05-05   –                     2020-01-20    01-20..01-20 beschermd-wonen      dorm 01-20..01-20 (0, same-day exit)
// Ages at registration: a 9 (tot-18), b 19 and c 26 (18-26; c turns 27 the day after), d 49 (27-49, although 50 in
// January), e unknown, f 34 (27-49).
const database = await createTestDatabase();
const db = database.db;
afterAll(() => database.close());
const T = 'flt';
const JAN = { tenantId: T, from: '2020-01-01', to: '2020-02-01' };

beforeAll(async () => {
  await db.insertInto('tenants').values({ id: T, name: 'Filtergemeente', central_municipality_code: '0505' }).execute();
  const fac = (
    await db
      .insertInto('facilities')
      .values({ tenant_id: T, name: 'Nachtopvang', type: 'crisisopvang', is_night_shelter: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const dorm = (
    await db
      .insertInto('units')
      .values({ tenant_id: T, facility_id: fac, name: 'Slaapzaal', kind: 'reserve', beds: 20 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const fam = (
    await db
      .insertInto('units')
      .values({ tenant_id: T, facility_id: fac, name: 'Gezinskamer', kind: 'gezin', beds: 4 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const person = async (
    name: string,
    birth: string | null,
    reg: string,
    traj: [string, string | null, string | null, string | null] | null,
    stay: [string, string, string | null, number],
  ) => {
    const c = (
      await db
        .insertInto('clients')
        .values({
          tenant_id: T,
          first_name: name,
          last_name: 'Test',
          birth_date: birth,
          origin_municipality_code: '0505',
          origin_label: 'Dordrecht',
          cause: 'overig',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const r = (
      await db
        .insertInto('registrations')
        .values({ tenant_id: T, client_id: c, registered_on: reg, source: 'zelf', status: 'besloten' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const t = traj
      ? (
          await db
            .insertInto('trajectories')
            .values({
              tenant_id: T,
              client_id: c,
              registration_id: r,
              started_on: traj[0],
              ended_on: traj[1],
              exit_destination: traj[2],
              exit_group: traj[3],
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      : null;
    await db
      .insertInto('stays')
      .values({
        tenant_id: T,
        client_id: c,
        registration_id: r,
        trajectory_id: t,
        unit_id: stay[0] === 'fam' ? fam : dorm,
        started_on: stay[1],
        ended_on: stay[2],
        household_size: stay[3],
      })
      .execute();
    return c;
  };
  const a = await person(
    'a',
    '2010-06-01',
    '2020-01-05',
    ['2020-01-05', '2020-01-15', 'housing-first', 'permanent'],
    ['fam', '2020-01-05', '2020-01-15', 1],
  );
  await db.insertInto('household_members').values({ client_id: a, name: 'Ouder', relation: 'overig' }).execute();
  await person(
    'b',
    '2000-01-10',
    '2020-01-05',
    ['2020-01-05', '2020-01-25', 'straat', 'dakloos'],
    ['dorm', '2020-01-05', '2020-01-25', 1],
  );
  await person('c', '1993-01-10', '2020-01-09', ['2020-01-09', null, null, null], ['fam', '2020-01-09', null, 3]);
  await person(
    'd',
    '1970-01-01',
    '2019-12-01',
    ['2019-12-01', '2020-01-20', 'huur-corporatie', 'permanent'],
    ['dorm', '2019-12-01', '2020-01-20', 1],
  );
  await person('e', null, '2020-01-10', null, ['dorm', '2020-01-10', '2020-01-12', 1]);
  await person(
    'f',
    '1985-05-05',
    '2020-01-20',
    ['2020-01-20', '2020-01-20', 'beschermd-wonen', 'beschermd'],
    ['dorm', '2020-01-20', '2020-01-20', 1],
  );
  await rebuildFigureFacts(db); // issue 15: the rows above are inserted directly; the figures read the facts
});

describe('doelgroepfilters', () => {
  it('zonder filter', async () => {
    const f = await computeKeyFigures(db, JAN);
    expect(f).toMatchObject({
      aanmeldingen: 5,
      startTraject: 3,
      // a, b, d; f's trajectory has no night (same-day stay): not in scope (issue 13)
      trajectenBeeindigd: 3,
      uitgestroomd: 3,
      gemiddeldeDuurTrajectDagen: 26.7, // (10 + 20 + 50) / 3
      gemiddeldAantalNachten: 26.7,
      binnenDrieMaandenDoorgestroomd: 1,
      gemiddeldeBedbezetting: 3.9, // (10 + 20 + 3 × 23 + 19 + 2) / 31 = 3.87: c's household of 3 takes 3 beds
      personenInOpvang: 6,
    });
    expect(f.uitstroomNaarWonen).toBeCloseTo(2 / 3, 10); // a, d of a, b, d
  });
  it('huishouden: gezin (huishoudleden of huishoudgrootte > 1) en alleenstaand', async () => {
    expect(await computeKeyFigures(db, { ...JAN, householdType: 'gezin' })).toMatchObject({
      aanmeldingen: 2,
      startTraject: 2,
      trajectenBeeindigd: 1,
      gemiddeldeDuurTrajectDagen: 10,
      uitgestroomd: 1,
      uitstroomNaarWonen: 1,
      gemiddeldeBedbezetting: 2.5, // (10 + 3 × 23) / 31 = 2.55
      personenInOpvang: 2,
    });
    expect(await computeKeyFigures(db, { ...JAN, householdType: 'alleenstaand' })).toMatchObject({
      aanmeldingen: 3,
      startTraject: 1,
      trajectenBeeindigd: 2, // b, d (f: no night)
      gemiddeldeDuurTrajectDagen: 35, // (20 + 50) / 2
      uitgestroomd: 2,
      gemiddeldeBedbezetting: 1.3,
      personenInOpvang: 4, // (20 + 19 + 2 + 0) / 31
    });
  });
  it('leeftijdsgroep op de dag van aanmelding', async () => {
    expect(await computeKeyFigures(db, { ...JAN, ageGroup: 'tot-18' })).toMatchObject({
      aanmeldingen: 1,
      startTraject: 1,
      trajectenBeeindigd: 1,
      gemiddeldeBedbezetting: 0.3,
    });
    expect(await computeKeyFigures(db, { ...JAN, ageGroup: '18-26' })).toMatchObject({
      aanmeldingen: 2,
      startTraject: 2,
      trajectenBeeindigd: 1,
      gemiddeldeDuurTrajectDagen: 20,
      gemiddeldeBedbezetting: 2.9, // (20 + 3 × 23) / 31 = 2.87
    });
    const mid = await computeKeyFigures(db, { ...JAN, ageGroup: '27-49' });
    expect(mid).toMatchObject({
      aanmeldingen: 1,
      startTraject: 0,
      trajectenBeeindigd: 1, // d (f: no night)
      gemiddeldeDuurTrajectDagen: 50,
      uitstroomNaarWonen: 1,
      gemiddeldeBedbezetting: 0.6,
    });
    expect(mid.uitstroomPerGroep).toEqual([{ groep: 'permanent', label: 'Permanente woonruimte', aantal: 1 }]);
    expect(await computeKeyFigures(db, { ...JAN, ageGroup: '50-plus' })).toMatchObject({
      aanmeldingen: 0,
      trajectenBeeindigd: 0,
      gemiddeldeDuurTrajectDagen: null,
      gemiddeldeBedbezetting: 0,
      personenInOpvang: 0,
    });
  });
  it('combineert filters', async () => {
    expect(await computeKeyFigures(db, { ...JAN, ageGroup: '18-26', householdType: 'gezin' })).toMatchObject({
      aanmeldingen: 1,
      gemiddeldeBedbezetting: 2.2,
    }); // c: 3 × 23 / 31
    expect((await computeKeyFigures(db, { ...JAN, originMunicipalityCode: '0642' })).aanmeldingen).toBe(0);
  });
});

describe('reeksen', () => {
  it('splitst op kalendergrenzen, met gedeeltelijke eerste en laatste periode', () => {
    expect(splitPeriods('2019-03-15', '2020-02-10', 'kwartaal')).toEqual([
      { label: '2019K1', from: '2019-03-15', to: '2019-04-01' },
      { label: '2019K2', from: '2019-04-01', to: '2019-07-01' },
      { label: '2019K3', from: '2019-07-01', to: '2019-10-01' },
      { label: '2019K4', from: '2019-10-01', to: '2020-01-01' },
      { label: '2020K1', from: '2020-01-01', to: '2020-02-10' },
    ]);
    expect(splitPeriods('2015-01-01', '2019-07-01', 'jaar').map((p) => p.label)).toEqual([
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
    ]);
    expect(splitPeriods('2019-01-01', '2020-01-01', 'halfjaar')).toEqual([
      { label: '2019H1', from: '2019-01-01', to: '2019-07-01' },
      { label: '2019H2', from: '2019-07-01', to: '2020-01-01' },
    ]);
    expect(splitPeriods('2019-11-20', '2020-02-01', 'maand').map((p) => [p.label, p.from, p.to])).toEqual([
      ['2019-11', '2019-11-20', '2019-12-01'],
      ['2019-12', '2019-12-01', '2020-01-01'],
      ['2020-01', '2020-01-01', '2020-02-01'],
    ]);
    expect(splitPeriods('2020-01-01', '2020-01-01', 'maand')).toEqual([]);
  });

  it('berekent elke deelperiode apart; een verblijf over de grens telt in beide', async () => {
    const periods = splitPeriods('2019-12-01', '2020-02-01', 'maand');
    const [dec, jan] = (await computeSeries(db, { tenantIds: [T], periods })).get(T)!;
    expect(dec).toMatchObject({
      aanmeldingen: 1,
      trajectenBeeindigd: 0,
      gemiddeldeBedbezetting: 1,
      personenInOpvang: 1,
    }); // d: 31 of 31 nights
    expect(jan).toMatchObject({
      aanmeldingen: 5,
      trajectenBeeindigd: 3,
      gemiddeldeBedbezetting: 3.9,
      personenInOpvang: 6,
    });
    const feb = await computeSeries(db, {
      tenantIds: [T, 'bestaat-niet'],
      periods: [{ from: '2020-02-01', to: '2020-03-01' }],
    });
    expect(feb.get(T)![0]).toMatchObject({ aanmeldingen: 0, gemiddeldeBedbezetting: 3, personenInOpvang: 1 }); // c's open stay: 3 beds, 29 of 29 nights
    expect(feb.get('bestaat-niet')![0]).toMatchObject({
      aanmeldingen: 0,
      gemiddeldeBedbezetting: 0,
      personenInOpvang: 0,
    });
  });
});

const base: KeyFigures = {
  aanmeldingen: 12,
  startTraject: 4,
  gemiddeldAantalNachten: 30.5,
  gemiddeldeDuurTrajectDagen: 40.25,
  uitgestroomd: 3,
  vertrokkenOnbekend: 0,
  gemiddeldeBedbezetting: 2.4,
  binnenDrieMaandenDoorgestroomd: 0.5,
  uitstroomNaarWonen: 1 / 3,
  trajectenBeeindigd: 6,
  personenInOpvang: 9,
  herkomst: [
    { herkomst: 'Dordrecht', aantal: 6 },
    { herkomst: '=HYPERLINK("x")', aantal: 3 },
  ],
  herkomstPerGemeente: [{ gemeentecode: '0505', aantal: 6 }],
  aanleiding: [{ aanleiding: 'Relatiebreuk', aantal: 9 }],
  uitstroomPerGroep: [
    { groep: 'permanent', label: 'Permanente woonruimte', aantal: 1 },
    { groep: 'dakloos', label: 'Dakloos', aantal: 2 },
  ],
};

describe('onderdrukking van kleine cellen', () => {
  it('maakt aantallen 1–4 en gemiddelden over minder dan 5 personen leeg', () => {
    const s = suppressFigures(base);
    expect(s).toMatchObject({
      aanmeldingen: 12,
      startTraject: null,
      uitgestroomd: null,
      trajectenBeeindigd: 6,
      personenInOpvang: 9,
      gemiddeldeDuurTrajectDagen: 40.25,
      binnenDrieMaandenDoorgestroomd: 0.5,
      uitstroomNaarWonen: null,
      gemiddeldeBedbezetting: 2.4,
    });
    expect(s.onderdrukt.sort()).toEqual(['startTraject', 'uitgestroomd', 'uitstroomNaarWonen']);
    expect(s.herkomst).toEqual([
      { herkomst: 'Dordrecht', aantal: 6 },
      { herkomst: '=HYPERLINK("x")', aantal: null, onderdrukt: true },
    ]);
    expect(s.uitstroomPerGroep.every((g) => g.aantal === null && g.onderdrukt)).toBe(true);
    const few = suppressFigures({ ...base, trajectenBeeindigd: 4 });
    expect(few).toMatchObject({
      gemiddeldAantalNachten: null,
      gemiddeldeDuurTrajectDagen: null,
      binnenDrieMaandenDoorgestroomd: null,
    });
    // 0 is not a small cell: nobody can be recognised in an empty cell
    expect(suppressFigures({ ...base, startTraject: 0 }).startTraject).toBe(0);
  });
});

describe('CSV', () => {
  it('puntkomma, decimale komma, BOM, x voor onderdrukt, geen formules', () => {
    const csv = figuresCsv([
      { label: '2019', figures: suppressFigures(base) },
      { label: '2020', figures: { ...base, aanmeldingen: 1000, herkomst: [], onderdrukt: [] } },
    ]);
    expect(csv.startsWith('\uFEFFKerncijfer;2019;2020\r\n')).toBe(true);
    const rows = csv.slice(1).trim().split('\r\n');
    expect(rows).toContain('Aanmeldingen;12;1000');
    expect(rows).toContain('Waarvan > 3 nachten en start traject;x;4');
    expect(rows).toContain('Gemiddelde duur traject (dagen);40,3;40,3');
    expect(rows).toContain('Uitstroom naar wonen (%);x;33,3');
    expect(rows).toContain('Binnen 3 maanden doorgestroomd (%);50;50');
    expect(rows).toContain('Gemiddelde bedbezetting nachtopvang;2,4;2,4');
    expect(rows).toContain('Herkomst: Dordrecht;6;0');
    expect(rows).toContain('"Herkomst: =HYPERLINK(""x"")";x;0'); // not at the start of a cell: no formula
    expect(rows).toContain('Uitstroom naar: Dakloos;x;2');
    expect(figuresCsv([{ label: '=1+1', figures: { ...base, onderdrukt: [] } }]).split('\r\n')[0]).toBe(
      "\uFEFFKerncijfer;'=1+1",
    );
  });
});
