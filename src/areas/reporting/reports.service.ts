// Reports for the dashboard (issue 3): key figures for one period, series per sub-period, current occupancy,
// and CSV. Roles: beleid and beheerder see aggregates only (cells of fewer than SUPPRESS_BELOW persons are
// suppressed); toegang (trajecthouder) sees the exact numbers. Nobody reaches persons through these functions.
import type { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { ForbiddenError, Problems } from '../../platform/errors.js';
import { isIsoDate, todayInNl } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import { asTableOwner, type Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import {
  cellKeySql,
  MIN_N,
  PROTECTION_NOTE,
  type ProtectedFigures,
  perturb,
  protectFigures,
  protectionNote,
  tenantSecret,
} from './disclosure.js';
import {
  AGE_GROUPS,
  type AgeGroup,
  computeSeries,
  type FigureFilters,
  HOUSEHOLD_TYPES,
  type HouseholdType,
  INTERVALS,
  type Interval,
  type KeyFigures,
  splitPeriods,
} from './kerncijfers.js';
import { littleCheck } from './little.js';
import { suppressionThreshold } from './protection.js';
import type { Kerncijfers, Reeksen } from './reporting.dto.js';
import { occupancyRows } from './reporting.queries.js';

/** Cells with fewer persons than this are suppressed for roles that see aggregates only. */
export const SUPPRESS_BELOW = 5;
/** Most sub-periods one series may have (e.g. 25 years by month). */
export const MAX_PERIODS = 300;

type Cell = { aantal: number | null; onderdrukt?: boolean };

export function suppressSmallCells<T extends { aantal: number }>(
  rows: T[],
  threshold = SUPPRESS_BELOW,
): (Omit<T, 'aantal'> & Cell)[] {
  return rows.map((r) => (r.aantal > 0 && r.aantal < threshold ? { ...r, aantal: null, onderdrukt: true } : r));
}

export type ReportFigures = Omit<
  KeyFigures,
  | 'aanmeldingen'
  | 'startTraject'
  | 'uitgestroomd'
  | 'vertrokkenOnbekend'
  | 'trajectenBeeindigd'
  | 'personenInOpvang'
  | 'herkomst'
  | 'herkomstPerGemeente'
  | 'aanleiding'
  | 'uitstroomPerGroep'
> & {
  aanmeldingen: number | null;
  startTraject: number | null;
  uitgestroomd: number | null;
  vertrokkenOnbekend: number | null;
  trajectenBeeindigd: number | null;
  personenInOpvang: number | null;
  herkomst: { herkomst: string; aantal: number | null; onderdrukt?: boolean }[];
  herkomstPerGemeente: { gemeentecode: string; aantal: number | null; onderdrukt?: boolean }[];
  aanleiding: { aanleiding: string; aantal: number | null; onderdrukt?: boolean }[];
  uitstroomPerGroep: {
    groep: KeyFigures['uitstroomPerGroep'][number]['groep'];
    label: string;
    aantal: number | null;
    onderdrukt?: boolean;
  }[];
  /** Names of the fields that were suppressed (null) because fewer than SUPPRESS_BELOW persons stand behind them. */
  onderdrukt: string[];
};

/**
 * Primary cell suppression: a count of 1–4 persons becomes null, and so does a mean or share over fewer than
 * 5 persons (a mean of 3 trajectories tells about those 3). Mean bed occupancy is a property of the facility
 * (beds per night), not of persons, and is not suppressed.
 */
export function suppressFigures(k: KeyFigures, threshold = SUPPRESS_BELOW): ReportFigures {
  const onderdrukt: string[] = [];
  const small = (n: number) => n > 0 && n < threshold;
  const hide = (name: string) => {
    onderdrukt.push(name);
    return null;
  };
  const count = (name: string, n: number) => (small(n) ? hide(name) : n);
  const over = <T>(name: string, value: T, denominator: number) =>
    value != null && small(denominator) ? hide(name) : value;
  return {
    ...k,
    aanmeldingen: count('aanmeldingen', k.aanmeldingen),
    startTraject: count('startTraject', k.startTraject),
    uitgestroomd: count('uitgestroomd', k.uitgestroomd),
    vertrokkenOnbekend: count('vertrokkenOnbekend', k.vertrokkenOnbekend),
    trajectenBeeindigd: count('trajectenBeeindigd', k.trajectenBeeindigd),
    personenInOpvang: count('personenInOpvang', k.personenInOpvang),
    gemiddeldAantalNachten: over('gemiddeldAantalNachten', k.gemiddeldAantalNachten, k.trajectenBeeindigd),
    gemiddeldeDuurTrajectDagen: over('gemiddeldeDuurTrajectDagen', k.gemiddeldeDuurTrajectDagen, k.trajectenBeeindigd),
    binnenDrieMaandenDoorgestroomd: over(
      'binnenDrieMaandenDoorgestroomd',
      k.binnenDrieMaandenDoorgestroomd,
      k.trajectenBeeindigd,
    ),
    uitstroomNaarWonen: over('uitstroomNaarWonen', k.uitstroomNaarWonen, k.uitgestroomd),
    herkomst: suppressSmallCells(k.herkomst, threshold),
    herkomstPerGemeente: suppressSmallCells(k.herkomstPerGemeente, threshold),
    aanleiding: suppressSmallCells(k.aanleiding, threshold),
    uitstroomPerGroep: suppressSmallCells(k.uitstroomPerGroep, threshold),
    onderdrukt,
  };
}

export interface ReportQuery {
  regio?: string;
  van: string;
  tot: string;
  herkomstGemeentecode?: string;
  locatieId?: string;
  huishouden?: HouseholdType;
  leeftijdsgroep?: AgeGroup;
}

/** The region of a report: the user's own (another centrumgemeente's figures are refused). */
function reportTenant(ctx: Ctx, regio: string | undefined): string {
  authorize(ctx, 'rapportages.lezen');
  const tenantId = regio ?? ctx.actor.tenantId;
  if (tenantId !== ctx.actor.tenantId)
    throw new ForbiddenError('U kunt alleen cijfers van uw eigen centrumgemeente opvragen.');
  return tenantId;
}

function checkQuery(q: ReportQuery, p: Problems): FigureFilters {
  if (!isIsoDate(q.van)) p.add('van', 'date', 'Ongeldige begindatum.');
  if (!isIsoDate(q.tot)) p.add('tot', 'date', 'Ongeldige einddatum.');
  if (isIsoDate(q.van) && isIsoDate(q.tot) && q.tot <= q.van)
    p.add('tot', 'range', 'De einddatum moet na de begindatum liggen.');
  if (q.huishouden && !HOUSEHOLD_TYPES.some((h) => h.code === q.huishouden))
    p.add('huishouden', 'enum', 'Kies alleenstaand of gezin.');
  if (q.leeftijdsgroep && !AGE_GROUPS.some((a) => a.code === q.leeftijdsgroep))
    p.add('leeftijdsgroep', 'enum', 'Kies tot-18, 18-26, 27-49 of 50-plus.');
  return {
    originMunicipalityCode: q.herkomstGemeentecode || undefined,
    facilityId: q.locatieId || undefined,
    householdType: q.huishouden || undefined,
    ageGroup: q.leeftijdsgroep || undefined,
  };
}

const filterText = (q: ReportQuery) =>
  [
    q.herkomstGemeentecode && `herkomst ${q.herkomstGemeentecode}`,
    q.locatieId && `locatie ${q.locatieId}`,
    q.huishouden && `huishouden ${q.huishouden}`,
    q.leeftijdsgroep && `leeftijd ${q.leeftijdsgroep}`,
  ]
    .filter(Boolean)
    .join(', ');

/**
 * Issue 13: a report may not stall the server. On PostgreSQL the statement timeout cancels the worst case; on
 * PGlite (one process, no cancel from outside) the queries are bounded by construction (fixed periods for policy
 * roles, semi-joins for the facility filter; see bench/kerncijfers.bench.ts).
 */
export const REPORT_STATEMENT_TIMEOUT = '5s';
async function boundReportTime(ctx: Ctx) {
  await ensurePlannerStatistics(ctx);
}

/**
 * PGlite has no autovacuum, so its tables were never analysed: the planner then takes thousands of rows for one
 * and picks nested loops (kerncijfers 2015–2027 with a locatieId: 149 s). Analyse the report tables when they
 * never were, or changed by more than a fifth since; on PostgreSQL autovacuum normally has done so already.
 */
const REPORT_TABLES = ['registrations', 'trajectories', 'stays', 'units', 'facilities', 'clients', 'household_members'];
async function ensurePlannerStatistics(ctx: Ctx) {
  // Issue 15: the timeout (set_config with is_local = true is SET LOCAL) rides along with the statistics check,
  // one round trip instead of two; the outer select runs after set_config, so the analyse below is bounded too.
  const r = await sql<{ stale: number }>`
    select set_config('statement_timeout', ${REPORT_STATEMENT_TIMEOUT}, true) as timeout,
      (select count(*)::int from pg_class c left join pg_stat_user_tables s on s.relid = c.oid
    where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace
      and c.relname = any(${`{${REPORT_TABLES.join(',')}}`}::text[])
      and (c.reltuples < 0 or coalesce(s.n_mod_since_analyze, 0) > greatest(500, c.reltuples * 0.2))) as stale
  `.execute(ctx.db);
  if ((r.rows[0]?.stale ?? 0) > 0) await sql`analyze ${sql.raw(REPORT_TABLES.join(', '))}`.execute(ctx.db);
}

/** Most years one series of a policy role may span (by month: 120 periods). */
export const POLICY_MAX_YEARS = 10;
const MONTHS_OF: Record<Interval, number> = { jaar: 12, halfjaar: 6, kwartaal: 3, maand: 1 };
const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
const startsBucket = (d: string, months: number) => d.slice(8) === '01' && monthIndex(d) % months === 0;

/**
 * Policy roles (no rapportages.exact) get fixed calendar periods (issue 13): free date ranges would let them
 * difference overlapping periods. Kerncijfers: exactly one month, quarter, half year or year; a series: whole
 * periods of its interval, at most POLICY_MAX_YEARS years.
 */
export function checkFixedPeriod(q: { van: string; tot: string; interval?: Interval }, p: Problems) {
  if (!isIsoDate(q.van) || !isIsoDate(q.tot) || q.tot <= q.van) return;
  const span = monthIndex(q.tot) - monthIndex(q.van);
  if (q.interval) {
    const m = MONTHS_OF[q.interval];
    if (!startsBucket(q.van, m) || !startsBucket(q.tot, m))
      p.add(
        'van',
        'vaste_periode',
        `Voor uw rol gelden vaste perioden: van en tot moeten op de eerste dag van een ${q.interval} vallen (bijvoorbeeld 2019-01-01 tot 2020-01-01).`,
      );
    else if (span > POLICY_MAX_YEARS * 12)
      p.add('tot', 'te_lang', `Een reeks beslaat voor uw rol ten hoogste ${POLICY_MAX_YEARS} jaar.`);
    return;
  }
  const fixed = Object.values(MONTHS_OF).some((m) => span === m && startsBucket(q.van, m) && startsBucket(q.tot, m));
  if (!fixed)
    p.add(
      'van',
      'vaste_periode',
      'Voor uw rol gelden vaste perioden: kies precies één maand, kwartaal, halfjaar of jaar (van is de eerste dag, tot de eerste dag erna). Vrije datums zijn niet mogelijk, omdat overlappende perioden samen iets over één persoon kunnen verraden.',
    );
}

type Presented = (ProtectedFigures | (Omit<KeyFigures, 'celsleutels'> & { onderdrukt: string[] })) & {
  wetVanLittle: ReturnType<typeof littleCheck> | null;
};

/** Means, shares and occupancy of the kerncijfers: at least MIN_N persons, or the tenant's onderdrukkingsDrempel if higher. */
async function policyMinimum(ctx: Ctx, tenantId: string): Promise<number> {
  return Math.max(MIN_N, await suppressionThreshold(ctx, tenantId));
}

/** Exact figures (with Little's law beside them) for rapportages.exact; otherwise the cell key method. */
async function figuresFor(
  ctx: Ctx,
  tenantId: string,
  periods: { from: string; to: string }[],
  filters: FigureFilters,
): Promise<Presented[]> {
  const exact = can(ctx.actor, 'rapportages.exact');
  await boundReportTime(ctx);
  const cellKeySecret = exact ? undefined : await tenantSecret(ctx.db, tenantId);
  const figures = (
    await asTableOwner(ctx, () =>
      computeSeries(ctx.db, { tenantIds: [tenantId], periods, filters, cellKeySecret, today: todayInNl(ctx.now) }),
    )
  ).get(tenantId)!;
  const today = todayInNl(ctx.now);
  const minimum = exact ? MIN_N : await policyMinimum(ctx, tenantId);
  return figures.map((k, i) => {
    if (!exact) return { ...protectFigures(k, minimum), wetVanLittle: null };
    const { celsleutels: _, ...rest } = k;
    return { ...rest, onderdrukt: [], wetVanLittle: littleCheck(k, periods[i]!, today) };
  });
}

/** GET /v1/rapportages/kerncijfers */
export async function keyFiguresForActor(ctx: Ctx, q: ReportQuery): Promise<z.infer<typeof Kerncijfers>> {
  const tenantId = reportTenant(ctx, q.regio);
  const p = new Problems();
  const filters = checkQuery(q, p);
  if (!can(ctx.actor, 'rapportages.exact')) checkFixedPeriod(q, p);
  p.throwIfAny();
  const [figures] = await figuresFor(ctx, tenantId, [{ from: q.van, to: q.tot }], filters);
  await audit(ctx, {
    clientId: null,
    action: 'lezen',
    resource: 'kerncijfers',
    detail: `${q.van} tot ${q.tot}${filterText(q) ? `; ${filterText(q)}` : ''}`,
  });
  const aggregatesOnly = !can(ctx.actor, 'rapportages.exact');
  const minimum = aggregatesOnly ? await policyMinimum(ctx, tenantId) : MIN_N;
  return {
    regio: tenantId,
    van: q.van,
    tot: q.tot,
    ...figures!,
    onderdrukkingsgrens: aggregatesOnly ? minimum : null,
    bescherming: aggregatesOnly ? protectionNote(minimum) : null,
  };
}

/** GET /v1/rapportages/reeksen: the figures per calendar sub-period of [van, tot). */
export async function seriesForActor(
  ctx: Ctx,
  q: ReportQuery & { interval: Interval },
): Promise<z.infer<typeof Reeksen>> {
  const tenantId = reportTenant(ctx, q.regio);
  const p = new Problems();
  const filters = checkQuery(q, p);
  if (!INTERVALS.includes(q.interval)) p.add('interval', 'enum', 'Kies jaar, halfjaar, kwartaal of maand.');
  else if (!can(ctx.actor, 'rapportages.exact')) checkFixedPeriod(q, p);
  p.throwIfAny();
  const periods = splitPeriods(q.van, q.tot, q.interval);
  if (periods.length > MAX_PERIODS)
    new Problems()
      .add(
        'interval',
        'too_many',
        `Te veel perioden (${periods.length}); kies een groter interval of een kortere periode (ten hoogste ${MAX_PERIODS}).`,
      )
      .throwIfAny();
  const figures = await figuresFor(ctx, tenantId, periods, filters);
  await audit(ctx, {
    clientId: null,
    action: 'lezen',
    resource: 'kerncijfers',
    detail: `reeks per ${q.interval}, ${q.van} tot ${q.tot}${filterText(q) ? `; ${filterText(q)}` : ''}`,
  });
  const aggregatesOnly = !can(ctx.actor, 'rapportages.exact');
  const minimum = aggregatesOnly ? await policyMinimum(ctx, tenantId) : MIN_N;
  return {
    regio: tenantId,
    van: q.van,
    tot: q.tot,
    interval: q.interval,
    perioden: periods.map((per, i) => ({ label: per.label, van: per.from, tot: per.to, ...figures[i]! })),
    onderdrukkingsgrens: aggregatesOnly ? minimum : null,
    bescherming: aggregatesOnly ? protectionNote(minimum) : null,
  };
}

/** GET /v1/rapportages/bezetting: current occupancy per active facility against its capacity. */
export async function occupancyForActor(ctx: Ctx, q: { regio?: string }) {
  const tenantId = reportTenant(ctx, q.regio);
  const today = todayInNl(ctx.now);
  await boundReportTime(ctx);
  const exact = can(ctx.actor, 'rapportages.exact');
  const secret = exact ? undefined : await tenantSecret(ctx.db, tenantId);
  const rows = await asTableOwner(ctx, () =>
    occupancyRows(ctx.db, tenantId, today, secret ? (col) => cellKeySql(secret, col) : undefined),
  );
  await audit(ctx, {
    clientId: null,
    action: 'lezen',
    resource: 'bezetting',
    detail: `actuele bezetting per locatie op ${today}`,
  });
  // Issue 13: for policy roles the persons present now are counts too (cell key method); capacity stays exact.
  const p = (n: number, key: number | undefined) => (exact ? n : perturb(n, key ?? 0));
  const locaties = rows.map((r) => ({
    id: r.id,
    naam: r.name,
    type: r.type,
    nachtopvang: r.is_night_shelter,
    gemeentecode: r.municipality_code,
    capaciteit: r.beds,
    reserve: r.reserve_beds,
    eenheden: r.units,
    bezet: p(r.occupied, r.ck_occupied),
    reserveBezet: p(r.reserve_occupied, r.ck_reserve_occupied),
    bezetteEenheden: p(r.occupied_units, r.ck_occupied),
    vrij: Math.max(0, r.beds - p(r.occupied, r.ck_occupied)),
    bezettingsgraad: r.beds > 0 ? p(r.occupied, r.ck_occupied) / r.beds : null,
  }));
  const sum = (key: 'capaciteit' | 'reserve' | 'bezet' | 'reserveBezet') => locaties.reduce((n, l) => n + l[key], 0);
  const keySum = (f: (r: (typeof rows)[number]) => number | undefined) =>
    rows.reduce((k, r) => (k + (f(r) ?? 0)) % 1, 0);
  const rowSum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
  return {
    regio: tenantId,
    peildatum: today,
    locaties,
    totaal: {
      capaciteit: sum('capaciteit'),
      reserve: sum('reserve'),
      bezet: exact
        ? sum('bezet')
        : perturb(
            rowSum((r) => r.occupied),
            keySum((r) => r.ck_occupied),
          ),
      reserveBezet: exact
        ? sum('reserveBezet')
        : perturb(
            rowSum((r) => r.reserve_occupied),
            keySum((r) => r.ck_reserve_occupied),
          ),
    },
    bescherming: exact ? null : PROTECTION_NOTE,
  };
}

// ---------------------------------------------------------------------------------------------------------
// CSV for Dutch Excel: UTF-8 with BOM, ';' as separator, decimal comma, CRLF, figures as rows and periods as
// columns (the Leger des Heils layout). Suppressed cells are 'x' (as CBS does), unknown cells are empty.

type AnyFigures = ReportFigures | (Omit<KeyFigures, 'celsleutels'> & { onderdrukt: string[] }) | ProtectedFigures;

const csvNumber = (n: number | null | undefined, decimals = 1) =>
  n == null || !Number.isFinite(n)
    ? ''
    : (Math.round(n * 10 ** decimals) / 10 ** decimals).toString().replace('.', ',');
function csvCell(v: string): string {
  // Formula injection: a cell starting with = + - @ (or tab/CR) would run as a formula in Excel.
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d+(,\d+)?$/.test(v) ? `'${v}` : v;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The key figures that are one number (the rows of the CSV). */
type NumberFigure = { [K in keyof KeyFigures]-?: KeyFigures[K] extends number | null ? K : never }[keyof KeyFigures];

export const FIGURE_ROWS: { key: NumberFigure; label: string; kind: 'count' | 'mean' | 'share' }[] = [
  { key: 'aanmeldingen', label: 'Aanmeldingen', kind: 'count' },
  { key: 'startTraject', label: 'Waarvan > 3 nachten en start traject', kind: 'count' },
  { key: 'gemiddeldAantalNachten', label: 'Gemiddeld aantal nachten', kind: 'mean' },
  { key: 'gemiddeldeDuurTrajectDagen', label: 'Gemiddelde duur traject (dagen)', kind: 'mean' },
  { key: 'trajectenBeeindigd', label: 'Trajecten beëindigd', kind: 'count' },
  { key: 'uitgestroomd', label: 'Uitgestroomd', kind: 'count' },
  { key: 'vertrokkenOnbekend', label: 'Vertrokken met onbekende bestemming', kind: 'count' },
  { key: 'gemiddeldeBedbezetting', label: 'Gemiddelde bedbezetting nachtopvang', kind: 'mean' },
  { key: 'binnenDrieMaandenDoorgestroomd', label: 'Binnen 3 maanden doorgestroomd (%)', kind: 'share' },
  { key: 'uitstroomNaarWonen', label: 'Uitstroom naar wonen (%)', kind: 'share' },
  { key: 'personenInOpvang', label: 'Personen in opvang', kind: 'count' },
];

export function figuresCsv(columns: { label: string; figures: AnyFigures }[]): string {
  const lines: string[][] = [['Kerncijfer', ...columns.map((c) => c.label)]];
  const value = (f: AnyFigures, key: NumberFigure, kind: 'count' | 'mean' | 'share') => {
    if (f.onderdrukt.includes(key)) return 'x';
    const v = f[key];
    return kind === 'share' ? csvNumber(v == null ? null : v * 100) : csvNumber(v);
  };
  for (const r of FIGURE_ROWS) lines.push([r.label, ...columns.map((c) => value(c.figures, r.key, r.kind))]);
  const listRows = (
    prefix: string,
    keyOf: (f: AnyFigures) => { name: string; aantal: number | null; onderdrukt?: boolean }[],
  ) => {
    const names = [...new Set(columns.flatMap((c) => keyOf(c.figures).map((x) => x.name)))];
    for (const name of names) {
      lines.push([
        `${prefix}: ${name}`,
        ...columns.map((c) => {
          const x = keyOf(c.figures).find((e) => e.name === name);
          return !x ? '0' : x.onderdrukt ? 'x' : csvNumber(x.aantal, 0);
        }),
      ]);
    }
  };
  listRows('Uitstroom naar', (f) =>
    f.uitstroomPerGroep.map((x) => ({
      name: x.label,
      aantal: x.aantal,
      onderdrukt: 'onderdrukt' in x ? x.onderdrukt : false,
    })),
  );
  listRows('Herkomst', (f) =>
    f.herkomst.map((x) => ({
      name: x.herkomst,
      aantal: x.aantal,
      onderdrukt: 'onderdrukt' in x ? x.onderdrukt : false,
    })),
  );
  listRows('Aanleiding', (f) =>
    f.aanleiding.map((x) => ({
      name: x.aanleiding,
      aantal: x.aantal,
      onderdrukt: 'onderdrukt' in x ? x.onderdrukt : false,
    })),
  );
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
