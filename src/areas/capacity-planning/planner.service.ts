// Issue 18 — capaciteitsplanner: the fitted model with its backtest, saved scenarios, and simulation jobs that run
// in worker threads after the request has been answered (progress and result in capacity_simulations).
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { addDays, todayInNl } from '../../platform/validation.js';
import { type Actor, type Ctx, inTransaction } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { backtestMonths, fitHistory, type History, type ScenarioParams, scenarioModel, summarise } from './model.js';
import { type Capaciteitsmodel, type Simulatie, type SimulationRow, toSimulatie } from './planner.dto.js';
import type { SimModel } from './sim.js';
import { runSimulation } from './sim.worker.js';

const NEXT_STEP_GROUPS = ['permanent', 'tijdelijk', 'beschermd'];
export const BACKTEST_RUNS = 300;

/** The night-shelter history of the tenant, without anything of a person (dates, household size, type, next step). */
export async function readHistory(ctx: Ctx): Promise<History & { today: string }> {
  authorize(ctx, 'capaciteitsplanning.zien');
  const tenant = ctx.actor.tenantId;
  const today = todayInNl(ctx.now);
  const rows = await sql<{
    started_on: string;
    ended_on: string | null;
    household_size: number;
    facility_type: string;
    next_step: boolean;
  }>`
    select s.started_on::text as started_on, s.ended_on::text as ended_on, s.household_size, f.type as facility_type,
      coalesce(t.exit_group = any(${sql.val(NEXT_STEP_GROUPS)}::text[]) and s.ended_on = t.ended_on, false) as next_step
    from stays s join units u on u.id = s.unit_id join facilities f on f.id = u.facility_id
    left join trajectories t on t.id = s.trajectory_id
    where s.tenant_id = ${tenant} and f.is_night_shelter and s.started_on < ${today}
      and (s.ended_on is null or s.ended_on > s.started_on)
  `.execute(ctx.db);
  const waits = await sql<{ wait: number }>`
    select (housed_on - ready_since)::int as wait from housing_candidates
    where tenant_id = ${tenant} and housed_on is not null and housed_on >= ready_since and housed_on < ${today}
      and housed_on >= ${addDays(today, -3 * 365)}
  `.execute(ctx.db);
  const cap = await sql<{ rooms: number; reserve: number }>`
    select coalesce(sum(u.beds) filter (where not u.is_reserve), 0)::int as rooms,
      coalesce(sum(u.beds) filter (where u.is_reserve), 0)::int as reserve
    from units u join facilities f on f.id = u.facility_id
    where u.tenant_id = ${tenant} and f.is_night_shelter and f.active and u.active
  `.execute(ctx.db);
  return {
    today,
    stays: rows.rows.map((r) => ({
      startedOn: r.started_on,
      endedOn: r.ended_on,
      householdSize: r.household_size,
      facilityType: r.facility_type,
      nextStep: r.next_step,
    })),
    waits: waits.rows.map((r) => r.wait),
    rooms: cap.rows[0]?.rooms ?? 0,
    reserve: cap.rows[0]?.reserve ?? 0,
  };
}

/** The status quo of the tenant as a scenario: its night-shelter rooms and reserve, no policy change. */
export function statusQuo(h: History): ScenarioParams {
  return {
    locaties: [{ naam: 'Huidige nachtopvang', kamers: h.rooms, reserve: h.reserve }],
    minderInstroomProcent: 0,
    kortereVerblijfsduurDagen: 0,
    extraWoonplekkenPerMaand: 0,
    housingFirstProcent: 0,
  };
}

/**
 * The fitted model and its backtest: fitted on the history up to 12 months ago, the last 12 months simulated from
 * the occupancy then, compared per month with the real occupancy. Runs outside any transaction (worker threads).
 */
export async function describeModel(h: History & { today: string }, seed = 1): Promise<Capaciteitsmodel> {
  const fit = fitHistory(h, h.today);
  const cut = addDays(h.today, -365);
  let backtest: Capaciteitsmodel['backtest'] = null;
  if (h.stays.some((s) => s.startedOn < cut)) {
    const past = fitHistory(h, cut);
    const model = scenarioModel(past, statusQuo(h), cut, 365, past.occupancyAtEnd);
    const batch = await runSimulation(model, seed, BACKTEST_RUNS);
    const s = summarise(batch, model.rooms, cut);
    const b = backtestMonths(h.stays, s);
    backtest = {
      vanaf: cut,
      tot: h.today,
      runs: BACKTEST_RUNS,
      maanden: b.maanden,
      gemiddeldeAfwijking: b.mae,
      gemiddeldeAfwijkingProcent: b.mape,
      dagenBinnenBand: b.binnenBand,
    };
  }
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    vanaf: fit.from,
    tot: fit.to,
    verblijvenInHistorie: Math.round(fit.stayCount / 5) * 5,
    instroomPerDag: r2(fit.arrivalsPerDay),
    weekdagpatroon: fit.weekday.map(r2),
    seizoenspatroon: fit.season.map(r2),
    gemiddeldeVerblijfsduur: Math.round(fit.meanStay * 10) / 10,
    aandeelVervolgplek: r2(fit.pNext),
    gemiddeldeWachttijd: Math.round(fit.meanWait * 10) / 10,
    wachttijdAangenomen: fit.waitAssumed,
    woonplekkenPerMaand: Math.round(fit.supplyPerDay * (365.25 / 12) * 10) / 10,
    huidigeBezetting: fit.occupancyAtEnd,
    kamers: h.rooms,
    reserve: h.reserve,
    perVoorzieningstype: fit.byFacilityType,
    perHuishouden: fit.byHousehold,
    backtest,
  };
}

// ---------- scenarios ----------

export interface ScenarioInput {
  naam: string;
  parameters: ScenarioParams;
}

/** All problems of a scenario at once, in Dutch. */
export function checkScenario(input: ScenarioInput, problems = new Problems(), prefix = ''): Problems {
  const p = input.parameters;
  const naam = input.naam?.trim() ?? '';
  if (!naam) problems.add(`${prefix}naam`, 'verplicht', 'Geef het scenario een naam.');
  else if (naam.length > 120) problems.add(`${prefix}naam`, 'te-lang', 'De naam is te lang (hoogstens 120 tekens).');
  const range = (field: keyof ScenarioParams, min: number, max: number, what: string) => {
    const v = p[field] as number;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      problems.add(`${prefix}parameters.${field}`, 'buiten-bereik', `${what} moet tussen ${min} en ${max} liggen.`);
  };
  range('minderInstroomProcent', 0, 90, 'Minder instroom (procent)');
  range('kortereVerblijfsduurDagen', 0, 365, 'Korter verblijf (dagen)');
  range('extraWoonplekkenPerMaand', 0, 100, 'Extra woonplekken per maand');
  range('housingFirstProcent', 0, 100, 'Direct naar Housing First (procent)');
  if (!p.locaties?.length)
    problems.add(`${prefix}parameters.locaties`, 'verplicht', 'Geef minstens één locatie met kamers op.');
  p.locaties?.forEach((l, i) => {
    const f = `${prefix}parameters.locaties[${i}]`;
    if (!l.naam?.trim()) problems.add(`${f}.naam`, 'verplicht', `Geef locatie ${i + 1} een naam.`);
    if (!Number.isInteger(l.kamers) || l.kamers < 0 || l.kamers > 500)
      problems.add(`${f}.kamers`, 'buiten-bereik', 'Het aantal kamers moet een geheel getal van 0 tot 500 zijn.');
    if (!Number.isInteger(l.reserve) || l.reserve < 0 || l.reserve > 200)
      problems.add(
        `${f}.reserve`,
        'buiten-bereik',
        'Het aantal reserveplaatsen moet een geheel getal van 0 tot 200 zijn.',
      );
  });
  if (p.locaties?.length && p.locaties.reduce((s, l) => s + (l.kamers || 0), 0) < 1)
    problems.add(`${prefix}parameters.locaties`, 'geen-kamers', 'Het scenario heeft geen enkele kamer.');
  return problems;
}

const toScenario = (r: { id: string; name: string; parameters: unknown; updated_at: Date }) => ({
  id: r.id,
  naam: r.name,
  parameters: r.parameters as ScenarioParams,
  gewijzigdOp: new Date(r.updated_at).toISOString(),
});

export async function listScenarios(ctx: Ctx) {
  authorize(ctx, 'capaciteitsplanning.zien');
  const rows = await ctx.db
    .selectFrom('capacity_scenarios')
    .select(['id', 'name', 'parameters', 'updated_at'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('name')
    .execute();
  return { resultaten: rows.map(toScenario) };
}

async function nameTaken(ctx: Ctx, name: string, except?: string) {
  const row = await ctx.db
    .selectFrom('capacity_scenarios')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('name', '=', name)
    .$if(!!except, (q) => q.where('id', '!=', except as string))
    .executeTakeFirst();
  if (row) throw new ConflictError(`Er is al een scenario met de naam "${name}".`);
}

export async function createScenario(ctx: Ctx, input: ScenarioInput) {
  authorize(ctx, 'capaciteitsplanning.rekenen');
  checkScenario(input).throwIfAny();
  const name = input.naam.trim();
  await nameTaken(ctx, name);
  const row = await ctx.db
    .insertInto('capacity_scenarios')
    .values({
      tenant_id: ctx.actor.tenantId,
      name,
      parameters: JSON.stringify(cleanParams(input.parameters)),
      created_by: ctx.actor.userId,
    })
    .returning(['id', 'name', 'parameters', 'updated_at'])
    .executeTakeFirstOrThrow();
  return toScenario(row);
}

export async function updateScenario(ctx: Ctx, id: string, input: ScenarioInput) {
  authorize(ctx, 'capaciteitsplanning.rekenen');
  checkScenario(input).throwIfAny();
  const name = input.naam.trim();
  await nameTaken(ctx, name, id);
  const row = await ctx.db
    .updateTable('capacity_scenarios')
    .set({ name, parameters: JSON.stringify(cleanParams(input.parameters)), updated_at: ctx.now })
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .returning(['id', 'name', 'parameters', 'updated_at'])
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Dit scenario bestaat niet.');
  return toScenario(row);
}

export async function deleteScenario(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx, 'capaciteitsplanning.rekenen');
  const r = await ctx.db
    .deleteFrom('capacity_scenarios')
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!r.numDeletedRows) throw new NotFoundError('Dit scenario bestaat niet.');
}

function cleanParams(p: ScenarioParams): ScenarioParams {
  return {
    locaties: p.locaties.map((l) => ({ naam: l.naam.trim(), kamers: l.kamers, reserve: l.reserve })),
    minderInstroomProcent: p.minderInstroomProcent,
    kortereVerblijfsduurDagen: p.kortereVerblijfsduurDagen,
    extraWoonplekkenPerMaand: p.extraWoonplekkenPerMaand,
    housingFirstProcent: p.housingFirstProcent,
  };
}

// ---------- simulations ----------

export interface SimulationInput {
  scenarioId?: string | null;
  scenario?: ScenarioInput | null;
  jaren?: number;
  runs?: number;
  seed?: number;
}

const simColumns = [
  'id',
  'scenario_id',
  'name',
  'parameters',
  'start_on',
  'years',
  'runs',
  'seed',
  'status',
  'runs_done',
  'result',
  'error',
  'created_at',
] as const;

/** Step 1, in the request's transaction: check, fit, and record the job. Returns what step 2 needs. */
export async function createSimulation(
  ctx: Ctx,
  input: SimulationInput,
): Promise<{ job: Simulatie; model: SimModel; rooms: number }> {
  authorize(ctx, 'capaciteitsplanning.rekenen');
  const problems = new Problems();
  const years = input.jaren ?? 5;
  const runs = input.runs ?? 1000;
  const seed = input.seed ?? 1;
  if (!Number.isInteger(years) || years < 1 || years > 5)
    problems.add('jaren', 'buiten-bereik', 'Kies een horizon van 1 tot 5 jaar.');
  if (!Number.isInteger(runs) || runs < 10 || runs > 5000)
    problems.add('runs', 'buiten-bereik', 'Het aantal runs moet tussen 10 en 5000 liggen.');
  if (!Number.isInteger(seed) || seed < 0 || seed > 2_147_483_647)
    problems.add('seed', 'buiten-bereik', 'De seed is een geheel getal van 0 tot 2147483647.');
  let scenario: ScenarioInput | null = input.scenario ?? null;
  let scenarioId: string | null = null;
  if (input.scenarioId) {
    const row = await ctx.db
      .selectFrom('capacity_scenarios')
      .select(['id', 'name', 'parameters'])
      .where('id', '=', input.scenarioId)
      .where('tenant_id', '=', ctx.actor.tenantId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('Dit scenario bestaat niet.');
    scenario = { naam: row.name, parameters: row.parameters as ScenarioParams };
    scenarioId = row.id;
  } else if (!scenario)
    problems.add('scenarioId', 'verplicht', 'Kies een opgeslagen scenario of geef een scenario op.');
  else checkScenario(scenario, problems, 'scenario.');
  problems.throwIfAny();
  const sc = scenario as ScenarioInput;
  const h = await readHistory(ctx);
  const fit = fitHistory(h, h.today);
  const params = cleanParams(sc.parameters);
  const model = scenarioModel(fit, params, h.today, years * 365, fit.occupancyAtEnd);
  const row = await ctx.db
    .insertInto('capacity_simulations')
    .values({
      tenant_id: ctx.actor.tenantId,
      scenario_id: scenarioId,
      name: sc.naam.trim(),
      parameters: JSON.stringify(params),
      start_on: h.today,
      years,
      runs,
      seed,
      created_by: ctx.actor.userId,
      created_at: ctx.now,
    })
    .returning(simColumns)
    .executeTakeFirstOrThrow();
  return { job: toSimulatie(row as SimulationRow), model, rooms: model.rooms };
}

/**
 * Step 2, after the request's transaction: the runs in worker threads, progress written as it comes (about every
 * tenth of the runs), then the summary. Never throws: a failure is recorded as status 'mislukt'.
 */
export async function executeSimulation(
  database: Database,
  actor: Actor,
  job: Simulatie,
  model: SimModel,
): Promise<void> {
  let written = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const update = (values: Record<string, unknown>) => {
    writing = writing
      .then(() =>
        inTransaction(database, actor, (ctx) =>
          ctx.db.updateTable('capacity_simulations').set(values).where('id', '=', job.id).execute(),
        ),
      )
      .catch(() => undefined);
    return writing;
  };
  try {
    const batch = await runSimulation(model, job.seed, job.runs, (done, total) => {
      if (done < total && done - written >= total / 10) {
        written = done;
        void update({ runs_done: done });
      }
    });
    const summary = summarise(batch, model.rooms, job.startdatum);
    await update({ runs_done: job.runs, status: 'klaar', result: JSON.stringify(summary), finished_at: new Date() });
  } catch (e) {
    await update({
      status: 'mislukt',
      error: `De simulatie is mislukt: ${e instanceof Error ? e.message : String(e)}`,
      finished_at: new Date(),
    });
  }
}

/** Both steps: record the job, answer, and let the runs go on; `done` settles when the result is stored. */
export async function startSimulation(
  database: Database,
  actor: Actor,
  input: SimulationInput,
  opts: { now?: Date; sourceIp?: string } = {},
): Promise<{ job: Simulatie; done: Promise<void> }> {
  const { job, model } = await inTransaction(database, actor, (ctx) => createSimulation(ctx, input), opts);
  return { job, done: executeSimulation(database, actor, job, model) };
}

export async function getSimulation(ctx: Ctx, id: string): Promise<Simulatie> {
  authorize(ctx, 'capaciteitsplanning.zien');
  const row = await ctx.db
    .selectFrom('capacity_simulations')
    .select(simColumns)
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Deze simulatie bestaat niet.');
  return toSimulatie(row as SimulationRow, ctx.now);
}

export async function listSimulations(ctx: Ctx) {
  authorize(ctx, 'capaciteitsplanning.zien');
  const rows = await ctx.db
    .selectFrom('capacity_simulations')
    .select(simColumns.filter((c) => c !== 'result'))
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('created_at', 'desc')
    .limit(30)
    .execute();
  return {
    resultaten: rows.map((r) => {
      const { resultaat: _r, ...rest } = toSimulatie(
        { ...(r as Omit<SimulationRow, 'result'>), result: null },
        ctx.now,
      );
      return rest;
    }),
  };
}
