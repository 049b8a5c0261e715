// Statistical disclosure control (issue 13, domain.md §4): the cell key method, as the ABS (TableBuilder) and
// the European statistical offices use it, for every figure a role without `rapportages.exact` sees.
//
// - Every record (registration, trajectory or person) gets a record key: the first 52 bits of
//   md5(tenant secret ‖ record id) as a fraction in [0, 1). The secret is random, per tenant, generated once
//   (table disclosure_secrets) and never leaves the server.
// - A cell's key is the sum of the record keys of the records behind it, modulo 1. The same records give the same
//   key, in every report, every filter and every period, forever.
// - The published value is the true count plus a deviation read from a fixed perturbation table (P_TABLE) at the
//   cell key: at most ±2, variance 1 from 5 on, a true 0 stays 0, and 1 and 2 are never published.
// - The table is monotone in the key and its extreme outcomes (those after which the true value is the lowest or
//   the highest one consistent with the published value) lie in the outer 5% of the key range: [0, 0.05) and
//   [0.95, 1). Cell keys are additive (the key of a disjoint union is the sum of the keys), so for an attacker to
//   close both ends of a count with differences of up to ten published cells, the same cell key would have to lie
//   near 0 and near 1 at once. That is why differencing, complements, overlapping periods and totals minus cells
//   cannot pin a count of 1–4 (see disclosure.test.ts, 10,000+ seeded attacks).
// - Means and shares are computed from perturbed counts and only where those are at least MIN_N; otherwise null,
//   with the figure named in `onderdrukt`. Mean bed occupancy likewise needs MIN_N persons behind it and is
//   rounded to whole beds. Lists (herkomst, aanleiding, uitstroom per groep) leave out cells published as 0.
import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../../platform/db/database.js';
import { TWO52 } from './cellkeys.js';
import type { KeyFigures } from './kerncijfers.js';

export { type CellKeys, cellKeySql, recordKeySql } from './cellkeys.js';

/** Means, shares and bed occupancy are published only when the (perturbed) count behind them is at least this. */
export const MIN_N = 10;
/** Largest deviation of a published count from the true one. */
export const MAX_DEVIATION = 2;

/** Perturbation table: for a true count n, the published value per cell-key interval [from, to). */
type Row = { upTo: number; value: (n: number) => number }[];
const row = (...xs: [number, number][]): Row => xs.map(([upTo, d]) => ({ upTo, value: (n) => n + d }));
const P_TABLE: Record<1 | 2 | 3 | 4 | 5, Row> = {
  // n = 1: 0 or 3 (3 is the extreme: the lowest true value behind a published 3).
  1: [
    { upTo: 0.95, value: () => 0 },
    { upTo: 1, value: () => 3 },
  ],
  // n = 2: 0 (extreme), 3, or 4 (extreme)
  2: [
    { upTo: 0.05, value: () => 0 },
    { upTo: 0.95, value: () => 3 },
    { upTo: 1, value: () => 4 },
  ],
  3: row([0.6, 0], [0.95, 1], [1, 2]),
  4: row([0.35, -1], [0.7, 0], [0.95, 1], [1, 2]),
  // n ≥ 5: −2..+2, mean 0, variance 1
  5: row([0.05, -2], [0.35, -1], [0.65, 0], [0.95, 1], [1, 2]),
};

/** The published value of a count n whose records have cell key `cellKey` (0 ≤ cellKey < 1). */
export function perturb(n: number, cellKey: number): number {
  if (!(n > 0)) return 0;
  const r = P_TABLE[Math.min(5, Math.floor(n)) as 1 | 2 | 3 | 4 | 5];
  const k = ((cellKey % 1) + 1) % 1;
  for (const x of r) if (k < x.upTo) return x.value(n);
  return r[r.length - 1]!.value(n);
}

/** The true counts that could have been published as `p` (what an attacker who knows the table can conclude). */
export function possibleTrueValues(p: number): number[] {
  if (p === 0) return [0, 1, 2];
  const out: number[] = [];
  for (let n = Math.max(1, p - MAX_DEVIATION); n <= p + MAX_DEVIATION; n++) {
    const r = P_TABLE[Math.min(5, n) as 1 | 2 | 3 | 4 | 5];
    if (r.some((x) => x.value(n) === p)) out.push(n);
  }
  return out;
}

/** Record key of one record id under a tenant secret: the same as recordKeySql computes in the database. */
export function recordKey(secret: string, id: string): number {
  return (
    Number.parseInt(
      createHash('md5')
        .update(secret + id)
        .digest('hex')
        .slice(0, 13),
      16,
    ) / TWO52
  );
}

/** Cell key of a set of record ids (the fractional part of the sum of their record keys). */
export function cellKeyOf(secret: string, ids: Iterable<string>): number {
  let sum = 0n;
  for (const id of ids)
    sum += BigInt(
      `0x${createHash('md5')
        .update(secret + id)
        .digest('hex')
        .slice(0, 13)}`,
    );
  return Number(sum % BigInt(TWO52)) / TWO52;
}

/** The tenant's secret for record keys: generated once (random 256 bits), then always the same. */
export async function tenantSecret(db: Tx, tenantId: string): Promise<string> {
  const found = await db
    .selectFrom('disclosure_secrets')
    .select('secret')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (found) return found.secret;
  await db
    .insertInto('disclosure_secrets')
    .values({ tenant_id: tenantId, secret: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  return (
    await db
      .selectFrom('disclosure_secrets')
      .select('secret')
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow()
  ).secret;
}

/** The published form of the key figures: counts perturbed, means and shares from perturbed counts or null. */
export interface ProtectedFigures
  extends Omit<KeyFigures, 'herkomst' | 'herkomstPerGemeente' | 'aanleiding' | 'uitstroomPerGroep' | 'celsleutels'> {
  herkomst: { herkomst: string; aantal: number }[];
  herkomstPerGemeente: { gemeentecode: string; aantal: number }[];
  aanleiding: { aanleiding: string; aantal: number }[];
  uitstroomPerGroep: KeyFigures['uitstroomPerGroep'];
  /** Names of the figures not published (null): too few persons behind them. */
  onderdrukt: string[];
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/**
 * Applies the cell key method to one set of key figures (which must carry `celsleutels`); means, shares and bed
 * occupancy need `minimum` (published) persons behind them: MIN_N, or the tenant's onderdrukkingsDrempel when higher
 * (reports.service.ts). Any figure this
 * function does not know (added later to KeyFigures) is left out rather than published unprotected.
 */
export function protectFigures(k: KeyFigures, minimum = MIN_N): ProtectedFigures {
  const keys = k.celsleutels;
  if (!keys) throw new Error('protectFigures: kerncijfers zonder celsleutels (computeSeries zonder cellKeySecret).');
  const onderdrukt: string[] = [];
  const hide = (name: string) => {
    onderdrukt.push(name);
    return null;
  };
  const aanmeldingen = perturb(k.aanmeldingen, keys.aanmeldingen);
  const startTraject = perturb(k.startTraject, keys.startTraject);
  const trajectenBeeindigd = perturb(k.trajectenBeeindigd, keys.trajectenBeeindigd);
  const uitgestroomd = perturb(k.uitgestroomd, keys.uitgestroomd);
  const vertrokkenOnbekend = perturb(k.vertrokkenOnbekend, keys.vertrokkenOnbekend);
  const binnen = perturb(keys.binnenDrieMaandenAantal, keys.binnenDrieMaanden);
  const personenInOpvang = perturb(k.personenInOpvang, keys.personenInOpvang);
  const groups = k.uitstroomPerGroep
    .map((g) => ({ ...g, aantal: perturb(g.aantal, keys.uitstroomPerGroep[g.groep] ?? 0) }))
    .filter((g) => g.aantal > 0);
  const wonen = groups.find((g) => g.groep === 'permanent')?.aantal ?? 0;
  const list = <T extends { aantal: number }>(xs: T[], name: (x: T) => string, keyOf: Record<string, number>) =>
    xs
      .map((x) => ({ ...x, aantal: perturb(x.aantal, keyOf[name(x)] ?? 0) }))
      .filter((x) => x.aantal > 0)
      .sort((a, b) => b.aantal - a.aantal || name(a).localeCompare(name(b), 'nl'));
  const mean = (name: string, value: number | null, n: number) =>
    value == null ? null : n < minimum ? hide(name) : Math.round(value);
  const shareOf = (name: string, num: number, den: number) =>
    den === 0 && num === 0 ? null : den < minimum ? hide(name) : round(Math.min(1, num / den), 2);
  const bezettingPersonen = perturb(keys.bezettingPersonen, keys.bezetting);
  return {
    aanmeldingen,
    startTraject,
    gemiddeldAantalNachten: mean('gemiddeldAantalNachten', k.gemiddeldAantalNachten, trajectenBeeindigd),
    gemiddeldeDuurTrajectDagen: mean('gemiddeldeDuurTrajectDagen', k.gemiddeldeDuurTrajectDagen, trajectenBeeindigd),
    uitgestroomd,
    vertrokkenOnbekend,
    gemiddeldeBedbezetting:
      k.gemiddeldeBedbezetting == null || keys.bezettingPersonen === 0
        ? k.gemiddeldeBedbezetting == null
          ? null
          : 0
        : bezettingPersonen < minimum
          ? hide('gemiddeldeBedbezetting')
          : Math.round(k.gemiddeldeBedbezetting),
    binnenDrieMaandenDoorgestroomd: shareOf('binnenDrieMaandenDoorgestroomd', binnen, trajectenBeeindigd),
    uitstroomNaarWonen: shareOf('uitstroomNaarWonen', wonen, uitgestroomd),
    trajectenBeeindigd,
    personenInOpvang,
    herkomst: list(k.herkomst, (x) => x.herkomst, keys.herkomst),
    herkomstPerGemeente: list(k.herkomstPerGemeente, (x) => x.gemeentecode, keys.herkomstPerGemeente),
    aanleiding: list(k.aanleiding, (x) => x.aanleiding, keys.aanleiding),
    uitstroomPerGroep: groups,
    onderdrukt,
  };
}

/** What the report says about its protection (shown as "Hoe beschermd?" on the dashboard). */
export const protectionNote = (minimum = MIN_N) => ({
  methode: 'celsleutelmethode' as const,
  maximaleAfwijking: MAX_DEVIATION,
  minimumAantal: minimum,
  toelichting:
    'Om te voorkomen dat iemand herkend wordt, wijkt elk aantal een klein beetje af van het echte aantal ' +
    `(hooguit ${MAX_DEVIATION} meer of minder). Dezelfde groep mensen geeft altijd hetzelfde getal. Een echte 0 blijft 0 ` +
    `en 1 en 2 worden nooit getoond. Gemiddelden, percentages en de bedbezetting ziet u alleen als er minstens ${minimum} ` +
    'personen achter zitten. Perioden zijn vaste kalenderperioden (maand, kwartaal, halfjaar of jaar).',
});
export const PROTECTION_NOTE = protectionNote();
