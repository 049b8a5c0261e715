// Benchmark of the dashboard figures (issue 3) on a national data set: 44 centrumgemeenten, ~40,000
// registrations a year for ten years (2015–2024), ~16 million shelter nights, generated set-based with
// generate_series. Measures all key figures (computeSeries) for one tenant-year and for all tenants × ten
// years, on PGlite and (with DATABASE_URL) on PostgreSQL in a separate database `onderdak_bench`, next to the
// plainest hand-written SQL that yields the same numbers (the floor). BENCH_SCALE=0.1 for a quick run.
//
//   npm run bench -- kerncijfers            BENCH_SCALE=0.1 npm run bench -- kerncijfers

import { sql } from 'kysely';
import pg from 'pg';
import { rebuildFigureFacts } from '../src/areas/reporting/figure-facts.js';
import { computeSeries, type KeyFigures } from '../src/areas/reporting/kerncijfers.js';
import { keyFiguresForActor, occupancyForActor, seriesForActor } from '../src/areas/reporting/reports.service.js';
import { type Database, openPglite, openPostgres } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { type Actor, inTransaction } from '../src/rights/context.js';
import { withDatabaseName } from '../src/test/db.js';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
// PGlite (embedded, one process, WebAssembly) is the single-region mode; at full national scale its hash joins
// spill and one run takes over ten minutes, so it runs at most BENCH_PGLITE_SCALE (default 0.2) of the set.
const PGLITE_SCALE = Math.min(SCALE, Number(process.env.BENCH_PGLITE_SCALE ?? '0.2'));
const TENANTS = 44;
const YEARS = 10;
let REGS = 0;
let CLIENTS = 0;
function setScale(scale: number) {
  REGS = Math.round(40_000 * YEARS * scale);
  CLIENTS = Math.round(REGS * 0.75);
}
const tenantIds = Array.from({ length: TENANTS }, (_, t) => `cg${String(t).padStart(2, '0')}`);
const yearPeriods = Array.from({ length: YEARS }, (_, i) => ({ from: `${2015 + i}-01-01`, to: `${2016 + i}-01-01` }));
const REPEAT = 5;

/** Tenant index (0..43) of client k, skewed so a few centrumgemeenten are large (as the G4 are). */
const tenantOf = (k: string) =>
  sql.raw(
    `('cg' || lpad(floor(${TENANTS} * power((${k} * 0.6180339887) - floor(${k} * 0.6180339887), 1.6))::int::text, 2, '0'))`,
  );

async function generate(database: Database) {
  const db = database.db;
  const t0 = Date.now();
  await sql`select setseed(0.42)`.execute(db);
  await sql`insert into tenants (id, name, central_municipality_code)
    select 'cg' || lpad(t::text, 2, '0'), 'Centrumgemeente ' || t, lpad((1000 + t * 5)::text, 4, '0') from generate_series(0, ${TENANTS - 1}) t`.execute(
    db,
  );
  await sql`insert into municipalities (code, name, tenant_id)
    select lpad((1000 + t * 5 + m)::text, 4, '0'), 'Gemeente ' || t || '-' || m, 'cg' || lpad(t::text, 2, '0')
    from generate_series(0, ${TENANTS - 1}) t, generate_series(0, 4) m`.execute(db);
  await sql`insert into facilities (id, tenant_id, name, type, is_night_shelter)
    select 'f' || t || kind, 'cg' || lpad(t::text, 2, '0'), kind, 'crisisopvang', kind = 'n'
    from generate_series(0, ${TENANTS - 1}) t, (values ('n'), ('h')) k(kind)`.execute(db);
  await sql`insert into units (id, tenant_id, facility_id, name, kind, beds)
    select 'u' || t || kind || '-' || u, 'cg' || lpad(t::text, 2, '0'), 'f' || t || kind, 'Kamer ' || u, 'eenpersoonskamer', 1
    from generate_series(0, ${TENANTS - 1}) t, (values ('n'), ('h')) k(kind), generate_series(1, 60) u`.execute(db);
  const causes = `(array['huurachterstand-schulden','relatiebreuk','gebrek-motivatie-eerdere-zorg','veroorzaken-woonoverlast','geen-huis-na-detentie','terugkeer-buitenland','overig'])`;
  await sql`insert into clients (id, tenant_id, first_name, last_name, birth_date, origin_municipality_code, origin_label, cause)
    select 'c' || k, ${tenantOf('k')}, 'P', 'Q', date '1950-01-01' + floor(random() * 20000)::int,
      case when random() < 0.8 then lpad((1000 + substr(${tenantOf('k')}, 3)::int * 5 + floor(random() * 5)::int)::text, 4, '0') end,
      'x', (${sql.raw(causes)})[1 + floor(random() * 7)::int]
    from generate_series(0, ${CLIENTS - 1}) k`.execute(db);
  await sql`update clients c set origin_label = coalesce(m.name, 'Overig Nederland') from municipalities m where m.code = c.origin_municipality_code`.execute(
    db,
  );
  await sql`update clients set origin_label = 'Overig Nederland' where origin_municipality_code is null`.execute(db);
  await sql`insert into household_members (client_id, name, relation) select 'c' || k, 'Kind', 'kind' from generate_series(0, ${CLIENTS - 1}, 10) k`.execute(
    db,
  );
  await sql`insert into registrations (id, tenant_id, client_id, registered_on, source, status)
    select 'r' || g, ${tenantOf(`(g % ${CLIENTS})`)}, 'c' || (g % ${CLIENTS}), date '2015-01-01' + floor(random() * 3652)::int, 'zelf', 'besloten'
    from generate_series(0, ${REGS - 1}) g`.execute(db);
  // half of the registrations start a trajectory; exponential duration, mean ~80 days; open when it would end after 2024
  const dests = `(array['huur-corporatie','huur-particulier','housing-first','familie-vrienden-permanent','beschermd-wonen','ggz-kliniek','detentie','tussenvoorziening','familie-vrienden-tijdelijk','straat','onbekend-dakloos','onbekend'])`;
  const groups = `(array['permanent','permanent','permanent','permanent','beschermd','beschermd','beschermd','tijdelijk','tijdelijk','dakloos','dakloos','overig'])`;
  await sql`insert into trajectories (id, tenant_id, client_id, registration_id, started_on, ended_on, exit_destination, exit_group)
    select 't' || substr(x.id, 2), x.tenant_id, x.client_id, x.id, x.s, case when x.e < date '2025-01-01' then x.e end,
      case when x.e < date '2025-01-01' and x.has_exit then (${sql.raw(dests)})[x.d] end,
      case when x.e < date '2025-01-01' and x.has_exit then (${sql.raw(groups)})[x.d] end
    from (select y.*, y.s + y.dur as e from (
            select r.*, r.registered_on + floor(random() * 3)::int as s, floor(-ln(1 - random()) * 80)::int as dur,
              random() < 0.8 as has_exit, 1 + floor(random() * 12)::int as d
            from registrations r where random() < 0.5) y) x`.execute(db);
  // one stay per trajectory (85% in the night shelter), one short stay (0–5 nights) per other registration
  await sql`insert into stays (id, tenant_id, client_id, registration_id, trajectory_id, unit_id, household_size, started_on, ended_on)
    select 's' || substr(t.id, 2), t.tenant_id, t.client_id, t.registration_id, t.id,
      'u' || substr(t.tenant_id, 3)::int || case when random() < 0.85 then 'n' else 'h' end || '-' || (1 + floor(random() * 60)::int),
      case when random() < 0.05 then 3 else 1 end, t.started_on, t.ended_on
    from trajectories t`.execute(db);
  await sql`insert into stays (id, tenant_id, client_id, registration_id, unit_id, started_on, ended_on)
    select 's' || substr(r.id, 2), r.tenant_id, r.client_id, r.id, 'u' || substr(r.tenant_id, 3)::int || 'n-' || (1 + floor(random() * 60)::int),
      r.registered_on, r.registered_on + floor(random() * 6)::int
    from registrations r where not exists (select 1 from trajectories t where t.registration_id = r.id)`.execute(db);
  await sql`analyze`.execute(db);
  const c = await sql<{ regs: number; trajs: number; stays: number; nights: number }>`select
    (select count(*)::int from registrations) regs, (select count(*)::int from trajectories) trajs, (select count(*)::int from stays) stays,
    (select sum(coalesce(ended_on, date '2025-01-01') - started_on)::float8 from stays) nights`.execute(db);
  return { ...c.rows[0]!, ms: Date.now() - t0 };
}

// ---------------------------------------------------------------------------------------------------------
// the floor: plainest SQL for the same numbers on this data (one trajectory per registration, a stay carries
// both its registration and trajectory). Grouped by tenant and year, optionally one tenant and one year.

async function floor(db: Database['db'], tenant: string | null, fromYear: number, toYear: number) {
  const from = `${fromYear}-01-01`,
    to = `${toYear}-01-01`;
  const tf = (col: string) => (tenant ? sql`and ${sql.ref(col)} = ${tenant}` : sql``);
  const [reg, tr, occ, pres] = await Promise.all([
    sql<{ tenant_id: string; y: number; n: number; start: number }>`
      select r.tenant_id, extract(year from r.registered_on)::int y, count(*)::int n,
        (count(*) filter (where t.id is not null and n.nights > 3))::int start
      from registrations r left join trajectories t on t.registration_id = r.id
      left join lateral (select sum(greatest(0, coalesce(s.ended_on, current_date) - s.started_on)) nights
        from stays s join units u on u.id = s.unit_id join facilities f on f.id = u.facility_id where s.registration_id = r.id and f.is_night_shelter) n on true
      where r.registered_on >= ${from}::date and r.registered_on < ${to}::date ${tf('r.tenant_id')} group by 1, 2`.execute(
      db,
    ),
    sql<{ tenant_id: string; y: number; n: number; dur: number; nights: number; uit: number }>`
      select t.tenant_id, extract(year from t.ended_on)::int y, count(*)::int n, avg(t.ended_on - t.started_on)::float8 dur,
        avg(s.ended_on - s.started_on)::float8 nights, (count(*) filter (where t.exit_destination is not null))::int uit,
        count(*) filter (where t.ended_on - t.started_on <= 91) binnen, count(*) filter (where t.exit_group = 'permanent') wonen
      from trajectories t left join stays s on s.trajectory_id = t.id
      where t.ended_on >= ${from}::date and t.ended_on < ${to}::date ${tf('t.tenant_id')} group by 1, 2`.execute(db),
    sql<{ tenant_id: string; y: number; overlap: number }>`
      select s.tenant_id, y, sum(greatest(0, least(coalesce(s.ended_on, make_date(y + 1, 1, 1)), make_date(y + 1, 1, 1)) - greatest(s.started_on, make_date(y, 1, 1))))::float8 overlap
      from stays s join units u on u.id = s.unit_id join facilities f on f.id = u.facility_id and f.is_night_shelter
      join generate_series(${fromYear}::int, ${toYear - 1}::int) y on s.started_on < make_date(y + 1, 1, 1) and (s.ended_on is null or s.ended_on > make_date(y, 1, 1))
      where true ${tf('s.tenant_id')} group by 1, 2`.execute(db),
    sql<{ tenant_id: string; y: number; origin_label: string; n: number }>`
      select p.tenant_id, p.y, c.origin_label, count(*)::int n from (
        select distinct s.tenant_id, y, s.client_id from stays s
        join generate_series(${fromYear}::int, ${toYear - 1}::int) y on s.started_on < make_date(y + 1, 1, 1)
          and (s.ended_on is null or s.ended_on > make_date(y, 1, 1) or s.started_on >= make_date(y, 1, 1))
        where true ${tf('s.tenant_id')}) p join clients c on c.id = p.client_id group by 1, 2, 3`.execute(db),
  ]);
  return { reg: reg.rows, tr: tr.rows, occ: occ.rows, pres: pres.rows };
}

/** Number of cells where the floor and computeSeries disagree (they must be 0). */
function mismatches(series: Map<string, KeyFigures[]>, f: Awaited<ReturnType<typeof floor>>, fromYear: number): number {
  let bad = 0;
  const at = (t: string, y: number) => series.get(t)?.[y - fromYear];
  const ne = (a: number | null | undefined, b: number | null | undefined) => Math.abs((a ?? 0) - (b ?? 0)) > 0.051;
  for (const r of f.reg) {
    const k = at(r.tenant_id, r.y);
    if (!k || ne(k.aanmeldingen, r.n) || ne(k.startTraject, r.start)) bad++;
  }
  for (const r of f.tr) {
    const k = at(r.tenant_id, r.y);
    if (
      !k ||
      ne(k.trajectenBeeindigd, r.n) ||
      ne(k.uitgestroomd, r.uit) ||
      ne(k.gemiddeldeDuurTrajectDagen, Math.round(r.dur * 10) / 10) ||
      ne(k.gemiddeldAantalNachten, Math.round(r.nights * 10) / 10)
    )
      bad++;
  }
  for (const r of f.occ) {
    const k = at(r.tenant_id, r.y);
    const nights = (Date.UTC(r.y + 1, 0, 1) - Date.UTC(r.y, 0, 1)) / 86_400_000;
    if (!k || ne(k.gemiddeldeBedbezetting, Math.round((r.overlap / nights) * 10) / 10)) bad++;
  }
  for (const r of f.pres) {
    const k = at(r.tenant_id, r.y);
    if (!k || ne(k.herkomst.find((h) => h.herkomst === r.origin_label)?.aantal, r.n)) bad++;
  }
  return bad;
}

/** Number of (tenant, period) cells where the figures from the facts and from the raw rows differ (must be 0). */
function differences(a: Map<string, KeyFigures[]>, b: Map<string, KeyFigures[]>): number {
  let n = 0;
  for (const [t, list] of b) list.forEach((k, i) => void (JSON.stringify(a.get(t)?.[i]) !== JSON.stringify(k) && n++));
  return n;
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, value };
}

/** Median of REPEAT runs, each right after `invalidate` (a change in the tenant: the stored results are stale). */
async function timeCold<T>(
  fn: () => Promise<T>,
  invalidate: () => Promise<unknown>,
): Promise<{ ms: number; value: T }> {
  let value: T | undefined;
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    await invalidate();
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, value: value! };
}

const rows: { db: string; case: string; ms: number; floorMs: number | null; target: string; check: string }[] = [];

async function benchOn(label: string, database: Database, scale: number) {
  setScale(scale);
  await migrate(database);
  const g = await generate(database);
  console.log(
    `${label} (schaal ${scale}): ${g.regs.toLocaleString('nl-NL')} aanmeldingen, ${g.trajs.toLocaleString('nl-NL')} trajecten, ${g.stays.toLocaleString('nl-NL')} verblijven, ${Math.round(g.nights).toLocaleString('nl-NL')} nachten; gegenereerd in ${(g.ms / 1000).toFixed(1)} s`,
  );
  const db = database.db;
  // Issue 15: the generator inserts directly; the figures read the maintained facts, built here from the raw rows.
  const t0 = Date.now();
  await rebuildFigureFacts(db);
  await sql`analyze`.execute(db);
  console.log(`${label}: feiten opgebouwd uit de ruwe gegevens in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const big = 'cg00';
  // one tenant-year (the largest tenant, 2020)
  // A change in a tenant (a bed night rewritten through SQL: the triggers see it as any change) makes stored results
  // stale: the "first question after a change" rows. Since migration 0041 only the periods ending after the changed
  // night go, so the worst case changes the tenant's first night (every period) and the everyday case its last one.
  // "laatste": the last night inside the measured ten years (2024), so the last period is the one recomputed.
  type When = 'eerste' | 'laatste';
  const lastDay = `${2015 + YEARS}-01-01`;
  const order = (when: When) => (when === 'eerste' ? sql`night asc` : sql`night desc`);
  const inSpan = (when: When) => (when === 'laatste' ? sql`night < ${lastDay}::date` : sql`true`);
  const touch = (tenant: string | null, when: When = 'eerste') =>
    sql`update figure_bed_nights set beds = beds where ctid = (select ctid from figure_bed_nights
      where ${inSpan(when)} ${tenant ? sql`and tenant_id = ${tenant}` : sql``} order by ${order(when)} limit 1)`.execute(
      db,
    );
  const touchAll = (when: When = 'eerste') =>
    sql`update figure_bed_nights set beds = beds where ctid in (select distinct on (tenant_id) ctid from figure_bed_nights
      where ${inSpan(when)} order by tenant_id, ${order(when)})`.execute(db);
  const oneQ = { tenantIds: [big], periods: [{ from: '2020-01-01', to: '2021-01-01' }] };
  const one = await time(() => computeSeries(db, oneQ));
  const oneCold = await timeCold(
    () => computeSeries(db, oneQ),
    () => touch(big),
  );
  const oneRaw = await time(() => computeSeries(db, { ...oneQ, source: 'raw' }));
  const oneFloor = await time(() => floor(db, big, 2020, 2021));
  rows.push({
    db: label,
    case: 'alle kerncijfers, één tenant-jaar (opgeslagen uitkomst, ADR 0032)',
    ms: one.ms,
    floorMs: oneFloor.ms,
    target: '< 50 ms',
    check: `${differences(one.value, oneRaw.value)} verschillen met ruw (${fmt(oneRaw.ms)} ms), ${mismatches(one.value, oneFloor.value, 2020)} met de vloer`,
  });
  rows.push({
    db: label,
    case: 'alle kerncijfers, één tenant-jaar, eerste vraag na een wijziging (uit de feiten)',
    ms: oneCold.ms,
    floorMs: oneFloor.ms,
    target: '< 50 ms',
    check: `${differences(oneCold.value, oneRaw.value)} verschillen met ruw`,
  });
  // all tenants × ten years, per year
  const allQ = { tenantIds, periods: yearPeriods };
  const all = await time(() => computeSeries(db, allQ));
  const allOneChanged = await timeCold(
    () => computeSeries(db, allQ),
    () => touch(big),
  );
  const allOneRecent = await timeCold(
    () => computeSeries(db, allQ),
    () => touch(big, 'laatste'),
  );
  const allCold = await timeCold(() => computeSeries(db, allQ), touchAll);
  const allRecent = await timeCold(
    () => computeSeries(db, allQ),
    () => touchAll('laatste'),
  );
  const allRaw = await time(() => computeSeries(db, { tenantIds, periods: yearPeriods, source: 'raw' }));
  const allFloor = await time(() => floor(db, null, 2015, 2025));
  rows.push({
    db: label,
    case: 'alle kerncijfers, 44 centrumgemeenten × 10 jaar (opgeslagen uitkomsten)',
    ms: all.ms,
    floorMs: allFloor.ms,
    target: '< 200 ms',
    check: `${differences(all.value, allRaw.value)} verschillen met ruw (${fmt(allRaw.ms)} ms), ${mismatches(all.value, allFloor.value, 2015)} met de vloer`,
  });
  rows.push({
    db: label,
    case: '… idem, na een wijziging in de grootste centrumgemeente (in het eerste jaar: elke periode)',
    ms: allOneChanged.ms,
    floorMs: allFloor.ms,
    target: '< 200 ms',
    check: `${differences(allOneChanged.value, allRaw.value)} verschillen met ruw`,
  });
  rows.push({
    db: label,
    case: '… idem, na een wijziging in elke centrumgemeente (in het eerste jaar: uit de feiten)',
    ms: allCold.ms,
    floorMs: allFloor.ms,
    target: '< 200 ms',
    check: `${differences(allCold.value, allRaw.value)} verschillen met ruw`,
  });
  rows.push({
    db: label,
    case: '… idem, na een wijziging in het laatste jaar (2024) van de grootste (per periode, 0041)',
    ms: allOneRecent.ms,
    floorMs: allFloor.ms,
    target: '< 200 ms',
    check: `${differences(allOneRecent.value, allRaw.value)} verschillen met ruw`,
  });
  rows.push({
    db: label,
    case: '… idem, na een wijziging in het laatste jaar (2024) van elke centrumgemeente (per periode)',
    ms: allRecent.ms,
    floorMs: allFloor.ms,
    target: '< 200 ms',
    check: `${differences(allRecent.value, allRaw.value)} verschillen met ruw`,
  });
  // the dashboard page as the API serves it (one transaction each, with audit rows): figures of the year,
  // ten-year trend per year, the table of the last five years, monthly series of the year, occupancy
  const user = await db
    .insertInto('users')
    .values({ tenant_id: big, username: 'bench.beleid', display_name: 'Bench', role: 'beleid', password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: user.id,
    username: 'bench.beleid',
    displayName: 'Bench',
    role: 'beleid',
    tenantId: big,
    facilityId: null,
    clientId: null,
  };
  const dashboard = () =>
    Promise.all([
      inTransaction(database, actor, (ctx) => keyFiguresForActor(ctx, { van: '2020-01-01', tot: '2021-01-01' })),
      inTransaction(database, actor, (ctx) =>
        seriesForActor(ctx, { van: '2015-01-01', tot: '2025-01-01', interval: 'jaar' }),
      ),
      inTransaction(database, actor, (ctx) =>
        seriesForActor(ctx, { van: '2020-01-01', tot: '2021-01-01', interval: 'maand' }),
      ),
      inTransaction(database, actor, (ctx) => occupancyForActor(ctx, {})),
    ]);
  const page = await time(dashboard);
  const pageCold = await timeCold(dashboard, () => touch(big));
  const pageRecent = await timeCold(dashboard, () => touch(big, 'laatste'));
  rows.push({
    db: label,
    case: 'dashboard via de API (4 verzoeken met audit)',
    ms: page.ms,
    floorMs: null,
    target: '< 300 ms',
    check: '',
  });
  rows.push({
    db: label,
    case: 'dashboard via de API, eerste keer na een wijziging',
    ms: pageCold.ms,
    floorMs: null,
    target: '< 300 ms',
    check: '',
  });
  rows.push({
    db: label,
    case: 'dashboard via de API, eerste keer na een wijziging in 2024',
    ms: pageRecent.ms,
    floorMs: null,
    target: '< 300 ms',
    check: '',
  });
}

const fmt = (ms: number | null) => (ms == null ? '' : ms < 10 ? ms.toFixed(1) : String(Math.round(ms)));

async function main() {
  console.log(
    `BENCH_SCALE=${SCALE} (PGlite ${PGLITE_SCALE}): ${TENANTS} centrumgemeenten, ${Math.round(40_000 * SCALE).toLocaleString('nl-NL')} aanmeldingen per jaar over ${YEARS} jaar, mediaan van ${REPEAT} metingen`,
  );
  if (process.env.BENCH_PGLITE !== '0') {
    // BENCH_PGLITE=0: PostgreSQL only
    const lite = await openPglite();
    try {
      await benchOn(`PGlite ×${PGLITE_SCALE}`, lite, PGLITE_SCALE);
    } finally {
      await lite.close();
    }
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS onderdak_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE onderdak_bench');
    const database = await openPostgres(withDatabaseName(url, 'onderdak_bench'));
    try {
      await benchOn(`PostgreSQL ×${SCALE}`, database, SCALE);
    } finally {
      await database.close();
      if (process.env.BENCH_KEEP !== '1') await admin.query('DROP DATABASE IF EXISTS onderdak_bench WITH (FORCE)'); // BENCH_KEEP=1: keep it to inspect plans
      await admin.end();
    }
  } else {
    console.log('(DATABASE_URL niet gezet: alleen PGlite)');
  }
  console.log('');
  console.log(['database', 'meting', 'ms', 'vloer ms', 'factor', 'doel', 'controle t.o.v. vloer'].join(' | '));
  for (const r of rows) {
    console.log(
      [
        r.db,
        r.case,
        fmt(r.ms),
        fmt(r.floorMs),
        r.floorMs ? `${(r.ms / r.floorMs).toFixed(2)}×` : '',
        r.target,
        r.check,
      ].join(' | '),
    );
  }
}

await main();
