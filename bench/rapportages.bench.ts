// Benchmark of every report request on the demo region (issue 13: "no report request on the demo takes over a
// second, for any filter"). For every report endpoint (kerncijfers, reeksen, their CSV, bezetting, perspectief,
// wonen, Housing First, terugval, preventie) it runs a grid of periods and filter values, for toegang (exact) and
// beleid (cell key method), on PGlite and (with DATABASE_URL, in a database `onderdak_bench_rapportages`) on
// PostgreSQL 15, and prints per endpoint the SLOWEST request beside the 1000 ms target, both databases side by
// side. Each request is timed on its first run (no warm cache for that request). The baseline before issue 13:
// kerncijfers 2015–2027 with a locatieId took 149 s and blocked every other request on PGlite.
//
//   npm run bench -- rapportages

import pg from 'pg';
import { relapseReport } from '../src/areas/aftercare/relapse-figures.service.js';
import { housingFigures, housingFirstPipeline } from '../src/areas/housing/housing-figures.service.js';
import { perspectiveFigures } from '../src/areas/perspective/perspective-figures.service.js';
import { preventionFigures } from '../src/areas/prevention/prevention-figures.service.js';
import { AGE_GROUPS, HOUSEHOLD_TYPES } from '../src/areas/reporting/kerncijfers.js';
import {
  figuresCsv,
  keyFiguresForActor,
  occupancyForActor,
  type ReportQuery,
  seriesForActor,
} from '../src/areas/reporting/reports.service.js';
import { seedDemo } from '../src/demo/seed.js';
import { type Database, openPglite, openPostgres } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { type Actor, type Ctx, inTransaction } from '../src/rights/context.js';
import { withDatabaseName } from '../src/test/db.js';

const TODAY = '2026-12-02';
const TARGET_MS = 1000;
type Role = 'toegang' | 'beleid';
type Case = { endpoint: string; label: string; role: Role; fn: (ctx: Ctx) => Promise<unknown> };

/** The grid: every endpoint × fixed periods × every filter value (one at a time, and all at once). */
async function grid(database: Database): Promise<Case[]> {
  const facilities = await database.db
    .selectFrom('facilities')
    .select('id')
    .where('tenant_id', '=', 'dordrecht')
    .where('is_night_shelter', '=', true)
    .orderBy('name')
    .execute();
  const filters: { label: string; q: Partial<ReportQuery> }[] = [
    { label: 'geen filter', q: {} },
    ...facilities.map((f, i) => ({ label: `locatie ${i + 1}`, q: { locatieId: f.id } })),
    ...HOUSEHOLD_TYPES.map((h) => ({ label: `huishouden ${h.code}`, q: { huishouden: h.code } })),
    ...AGE_GROUPS.map((a) => ({ label: `leeftijd ${a.code}`, q: { leeftijdsgroep: a.code } })),
    { label: 'herkomst 0505', q: { herkomstGemeentecode: '0505' } },
    {
      label: 'alle filters',
      q: { locatieId: facilities[0]?.id, huishouden: 'gezin', leeftijdsgroep: '27-49', herkomstGemeentecode: '0505' },
    },
  ];
  const periods = [
    { label: '2017', van: '2017-01-01', tot: '2018-01-01' },
    { label: '2025', van: '2025-01-01', tot: '2026-01-01' },
    { label: '2026-11', van: '2026-11-01', tot: '2026-12-01' },
  ];
  const roles: Role[] = ['toegang', 'beleid'];
  const cases: Case[] = [];
  for (const role of roles)
    for (const f of filters) {
      for (const p of periods)
        cases.push({
          endpoint: 'kerncijfers',
          label: `${p.label}, ${f.label}`,
          role,
          fn: (ctx) => keyFiguresForActor(ctx, { van: p.van, tot: p.tot, ...f.q }),
        });
      cases.push({
        endpoint: 'kerncijfers (csv)',
        label: `2025, ${f.label}`,
        role,
        fn: async (ctx) => {
          const r = await keyFiguresForActor(ctx, { van: '2025-01-01', tot: '2026-01-01', ...f.q });
          return figuresCsv([{ label: '2025', figures: r }]);
        },
      });
      cases.push({
        endpoint: 'reeksen per maand 2017–2027',
        label: f.label,
        role,
        fn: (ctx) => seriesForActor(ctx, { van: '2017-01-01', tot: '2027-01-01', interval: 'maand', ...f.q }),
      });
      cases.push({
        endpoint: 'reeksen (csv) per kwartaal',
        label: f.label,
        role,
        fn: async (ctx) => {
          const r = await seriesForActor(ctx, { van: '2017-01-01', tot: '2027-01-01', interval: 'kwartaal', ...f.q });
          return figuresCsv(r.perioden.map((x) => ({ label: x.label, figures: x })));
        },
      });
    }
  // toegang may ask free ranges: the old worst case
  cases.push({
    endpoint: 'kerncijfers',
    label: '2015–2027 vrij, locatie 1',
    role: 'toegang',
    fn: (ctx) => keyFiguresForActor(ctx, { van: '2015-01-01', tot: '2027-01-01', locatieId: facilities[0]?.id }),
  });
  for (const role of roles) {
    cases.push({ endpoint: 'bezetting', label: 'nu', role, fn: (ctx) => occupancyForActor(ctx, {}) });
    cases.push({ endpoint: 'housing-first', label: 'nu', role, fn: (ctx) => housingFirstPipeline(ctx) });
    for (let year = 2015; year <= 2026; year++) {
      const q = { van: `${year}-01-01`, tot: `${year + 1}-01-01` };
      cases.push({ endpoint: 'perspectief', label: String(year), role, fn: (ctx) => perspectiveFigures(ctx, q) });
      cases.push({ endpoint: 'wonen', label: String(year), role, fn: (ctx) => housingFigures(ctx, q) });
      cases.push({ endpoint: 'terugval', label: String(year), role, fn: (ctx) => relapseReport(ctx, q) });
      cases.push({
        endpoint: 'preventie',
        label: String(year),
        role,
        fn: (ctx) => preventionFigures(ctx, { jaar: year }),
      });
    }
    cases.push({
      endpoint: 'perspectief',
      label: '2026-11',
      role,
      fn: (ctx) => perspectiveFigures(ctx, { van: '2026-11-01', tot: '2026-12-01' }),
    });
    cases.push({
      endpoint: 'terugval',
      label: '2019, peildatum 2026-01-01',
      role,
      fn: (ctx) => relapseReport(ctx, { van: '2019-01-01', tot: '2020-01-01', peildatum: '2026-01-01' }),
    });
  }
  return cases;
}

type Slowest = Map<string, { ms: number; label: string; count: number }>;

async function run(database: Database, label: string): Promise<Slowest> {
  const t0 = performance.now();
  await seedDemo(database, { today: TODAY });
  console.log(`${label}: demo gezaaid in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const now = new Date(`${TODAY}T10:00:00Z`);
  const slowest: Slowest = new Map();
  for (const c of await grid(database)) {
    const actor: Actor = {
      userId: 'bench',
      username: 'bench',
      displayName: 'bench',
      role: c.role,
      tenantId: 'dordrecht',
      facilityId: null,
      clientId: null,
    };
    const s = performance.now();
    try {
      await inTransaction(database, actor, c.fn, { now });
    } catch (e) {
      // a refused request is a bug in the grid, not a speed: say so and go on
      console.log(`  FOUT ${c.endpoint}, ${c.label} (${c.role}): ${(e as Error).message}`);
      continue;
    }
    const ms = performance.now() - s;
    const key = c.endpoint;
    const cur = slowest.get(key);
    if (!cur || ms > cur.ms) slowest.set(key, { ms, label: `${c.label} (${c.role})`, count: (cur?.count ?? 0) + 1 });
    else cur.count++;
  }
  return slowest;
}

const results: { label: string; slowest: Slowest }[] = [];
const lite = await openPglite();
await migrate(lite);
results.push({ label: 'PGlite', slowest: await run(lite, 'PGlite') });
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
  results.push({ label: 'PostgreSQL', slowest: await run(db, 'PostgreSQL') });
  await db.close();
}

console.log(`\nTraagste verzoek per rapportage op de demo (doel ${TARGET_MS} ms, elk verzoek de eerste keer gemeten)`);
const endpoints = [...results[0]!.slowest.keys()];
const cell = (x: { ms: number } | undefined) =>
  x ? `${x.ms.toFixed(0).padStart(6)} ms${x.ms > TARGET_MS ? ' TE TRAAG' : '         '}` : '         –        ';
console.log(
  `  ${'rapportage'.padEnd(30)} ${'verzoeken'.padStart(9)}  ${results.map((r) => r.label.padEnd(18)).join(' ')}  doel     traagste (PGlite)`,
);
let over = 0;
for (const e of endpoints) {
  const xs = results.map((r) => r.slowest.get(e));
  over += xs.filter((x) => x && x.ms > TARGET_MS).length;
  console.log(
    `  ${e.padEnd(30)} ${String(xs[0]!.count).padStart(9)}  ${xs.map(cell).join(' ')}  ${TARGET_MS} ms  ${xs[0]!.label}`,
  );
}
console.log(over ? `  ${over} rapportage(s) boven het doel` : '  alle rapportages binnen het doel');
