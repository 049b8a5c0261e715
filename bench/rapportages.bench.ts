// Benchmark of every report request on the demo region (issue 13: "no report request on the demo takes over a
// second"), for toegang (exact) and beleid (cell key method), on PGlite (and PostgreSQL with DATABASE_URL, in a
// database `onderdak_bench_rapportages`). Prints each request's time beside the one-second budget and beside the
// baseline measured before issue 13 (kerncijfers 2015–2027 with a locatieId: 149 s, blocking every other request).
//
//   npm run bench -- rapportages

import pg from 'pg';
import { keyFiguresForActor, occupancyForActor, seriesForActor } from '../src/areas/reporting/reports.service.js';
import { seedDemo } from '../src/demo/seed.js';
import { type Database, openPglite, openPostgres } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { type Actor, type Ctx, inTransaction } from '../src/rights/context.js';
import { withDatabaseName } from '../src/test/db.js';

const TODAY = '2026-12-02';
const BUDGET_MS = 1000;
const BASELINE: Record<string, string> = { 'kerncijfers 2015–2027, één locatie': '149 s (vóór issue 13)' };

async function run(database: Database, label: string) {
  await seedDemo(database, { today: TODAY });
  const fac = await database.db
    .selectFrom('facilities')
    .select('id')
    .where('tenant_id', '=', 'dordrecht')
    .where('is_night_shelter', '=', true)
    .orderBy('name')
    .executeTakeFirstOrThrow();
  const now = new Date(`${TODAY}T10:00:00Z`);
  const cases: [string, 'toegang' | 'beleid', (ctx: Ctx) => Promise<unknown>][] = [
    [
      'kerncijfers 2015–2027, één locatie',
      'toegang',
      (ctx) => keyFiguresForActor(ctx, { van: '2015-01-01', tot: '2027-01-01', locatieId: fac.id }),
    ],
    ['kerncijfers 2025', 'toegang', (ctx) => keyFiguresForActor(ctx, { van: '2025-01-01', tot: '2026-01-01' })],
    ['kerncijfers 2025', 'beleid', (ctx) => keyFiguresForActor(ctx, { van: '2025-01-01', tot: '2026-01-01' })],
    [
      'kerncijfers 2025, gezin + 27-49 + locatie',
      'beleid',
      (ctx) =>
        keyFiguresForActor(ctx, {
          van: '2025-01-01',
          tot: '2026-01-01',
          huishouden: 'gezin',
          leeftijdsgroep: '27-49',
          locatieId: fac.id,
        }),
    ],
    [
      'reeks per maand 2017–2027, locatie',
      'beleid',
      (ctx) => seriesForActor(ctx, { van: '2017-01-01', tot: '2027-01-01', interval: 'maand', locatieId: fac.id }),
    ],
    [
      'reeks per maand 2015–2027, herkomst 0505',
      'toegang',
      (ctx) =>
        seriesForActor(ctx, { van: '2015-01-01', tot: '2027-01-01', interval: 'maand', herkomstGemeentecode: '0505' }),
    ],
    [
      'reeks per jaar 2017–2027',
      'beleid',
      (ctx) => seriesForActor(ctx, { van: '2017-01-01', tot: '2027-01-01', interval: 'jaar' }),
    ],
    ['bezetting nu', 'beleid', (ctx) => occupancyForActor(ctx, {})],
  ];
  console.log(`\n${label}: elke rapportage op de demo (budget ${BUDGET_MS} ms)`);
  let over = 0;
  for (const [name, role, fn] of cases) {
    const actor: Actor = {
      userId: 'bench',
      username: 'bench',
      displayName: 'bench',
      role,
      tenantId: 'dordrecht',
      facilityId: null,
      clientId: null,
    };
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await inTransaction(database, actor, fn, { now });
      times.push(performance.now() - t0);
    }
    const first = times[0]!;
    const best = Math.min(...times);
    if (first > BUDGET_MS) over++;
    console.log(
      `  ${`${name} (${role})`.padEnd(52)} eerste ${first.toFixed(0).padStart(6)} ms, beste ${best.toFixed(0).padStart(6)} ms` +
        `${first > BUDGET_MS ? '  OVER BUDGET' : ''}${BASELINE[name] ? `   basislijn: ${BASELINE[name]}` : ''}`,
    );
  }
  console.log(`  ${over === 0 ? 'alle verzoeken binnen het budget' : `${over} verzoek(en) boven het budget`}`);
}

const lite = await openPglite();
await migrate(lite);
await run(lite, 'PGlite');
await lite.close();

if (process.env.DATABASE_URL) {
  const name = 'onderdak_bench_rapportages';
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = await openPostgres(withDatabaseName(process.env.DATABASE_URL, name));
  await migrate(db);
  await run(db, 'PostgreSQL');
  await db.close();
}
