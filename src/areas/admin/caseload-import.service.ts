// Moving the current caseload in (issue 11): clients, open registrations, open trajectories with their current
// placement and waiting-list positions, from one CSV file. Every row goes through the same services as the screens
// (createClient, createRegistration, decide, placeClient — unit capacity included — and addToWaitingList), each row
// in its own short transaction, so a bad row never loses the good ones and PGlite stays responsive. The preview runs
// the very same code in transactions that are rolled back. An external id per row (import_records) makes running
// the same file again change nothing.
import type { Database } from '../../platform/db/database.js';
import { DomainError, ValidationError } from '../../platform/errors.js';
import { audit } from '../../rights/audit.js';
import { type Actor, actAsTenant, type Ctx, inTransaction } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import { createClient } from '../intake/clients.service.js';
import { createRegistration, decide } from '../intake/registrations.service.js';
import { addToWaitingList } from '../perspective/waiting-lists.service.js';
import { placeClient } from '../shelter/placements.service.js';
import { type CaseloadColumn, type CaseloadRow, checkCaseloadCsv, isYes, parseDutchDate } from './caseload-csv.js';

type Status = 'geldig' | 'fout' | 'al-geimporteerd' | 'geimporteerd';

export interface ImportLine {
  regel: number;
  externId: string | null;
  status: Status;
  fouten: { veld: string; reden: string }[];
  clientId: string | null;
}

export interface ImportResult {
  bestandsnaam: string;
  verwerkt: boolean;
  bestandsfouten: string[];
  regelsInBestand: number;
  aantallen: { regels: number; geldig: number; fout: number; alGeimporteerd: number; geimporteerd: number };
  regels: ImportLine[];
}

interface UnitInfo {
  id: string;
  beds: number;
  maxHouseholds: number;
  used: number;
  households: number;
}

const unitKey = (facility: string, unit: string) =>
  `${facility.trim().toLowerCase()}\u0000${unit.trim().toLowerCase()}`;

async function loadUnits(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('units')
    .innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('stays')
          .select((s) => [
            'unit_id',
            s.fn.sum<number>('household_size').as('used'),
            s.fn.countAll<number>().as('households'),
          ])
          .where('ended_on', 'is', null)
          .groupBy('unit_id')
          .as('occ'),
      (j) => j.onRef('occ.unit_id', '=', 'units.id'),
    )
    .select([
      'units.id',
      'units.name',
      'units.beds',
      'units.max_households',
      'facilities.name as facility',
      'occ.used',
      'occ.households',
    ])
    .where('units.tenant_id', '=', ctx.actor.tenantId)
    .where('units.active', '=', true)
    .where('facilities.active', '=', true)
    .execute();
  return new Map<string, UnitInfo>(
    rows.map((r) => [
      unitKey(r.facility, r.name),
      {
        id: r.id,
        beds: r.beds,
        maxHouseholds: r.max_households,
        used: Number(r.used ?? 0),
        households: Number(r.households ?? 0),
      },
    ]),
  );
}

/** The CSV column a service's field problem is about, per step. */
const FIELD_OF: Record<string, Record<string, CaseloadColumn>> = {
  client: {},
  aanmelding: { datum: 'aanmelddatum', bron: 'bron', toelichting: 'bron' },
  besluit: { datum: 'trajectStart', uitkomst: 'trajectStart', reden: 'trajectStart' },
  plaatsing: {
    datum: 'plaatsingsdatum',
    huishoudgrootte: 'huishoudgrootte',
    eenheidId: 'eenheid',
    clientId: 'eenheid',
  },
  wachtlijst: {
    datum: 'wachtlijstDatum',
    toelichting: 'wachtlijstToelichting',
    urgent: 'urgent',
    clientId: 'wachtlijst',
  },
};
const MAIN_FIELD: Record<string, CaseloadColumn> = {
  client: 'bsn',
  aanmelding: 'aanmelddatum',
  besluit: 'trajectStart',
  plaatsing: 'eenheid',
  wachtlijst: 'wachtlijst',
};

class StepError extends Error {
  constructor(
    public step: string,
    public cause: unknown,
  ) {
    super(step);
  }
}

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new StepError(name, e);
  }
}

function problemsOf(e: unknown): { veld: string; reden: string }[] {
  if (!(e instanceof StepError) || !(e.cause instanceof DomainError)) throw e instanceof StepError ? e.cause : e;
  const err = e.cause;
  if (err instanceof ValidationError && err.invalidParams?.length)
    return err.invalidParams.map((p) => ({ veld: FIELD_OF[e.step]?.[p.name] ?? p.name, reden: p.reason }));
  return [{ veld: MAIN_FIELD[e.step] ?? '(regel)', reden: err.message }];
}

/** One row through the services, in the caller's transaction. Returns the new client's id. */
async function importRow(ctx: Ctx, row: CaseloadRow, unit: UnitInfo | null, fileName: string): Promise<string> {
  const c = row.cells;
  const d = (v: string | undefined) => (v ? (parseDutchDate(v) ?? v) : null);
  const client = await step('client', () =>
    createClient(ctx, {
      voornaam: c.voornaam ?? '',
      achternaam: c.achternaam ?? '',
      geboortedatum: d(c.geboortedatum),
      bsn: c.bsn?.replace(/[\s.]/g, '') || null,
      herkomstGemeentecode: c.herkomstGemeentecode || null,
      herkomst: c.herkomst || null,
      aanleiding: c.aanleiding || null,
      telefoon: c.telefoon || null,
      email: c.email || null,
    }),
  );
  if (c.aanmelddatum) {
    const reg = await step('aanmelding', () =>
      createRegistration(ctx, {
        clientId: client.id,
        datum: d(c.aanmelddatum) ?? '',
        bron: (c.bron ?? '').toLowerCase(),
        toelichting: `Overgenomen uit het vorige systeem (${fileName}, kenmerk ${c.externId}).`,
      }),
    );
    if (c.trajectStart)
      await step('besluit', () => decide(ctx, reg.id, { uitkomst: 'toegang', datum: d(c.trajectStart) ?? '' }));
  }
  if (c.eenheid) {
    const s = await step('plaatsing', async () => {
      if (!unit)
        throw new ValidationError([
          {
            name: 'eenheidId',
            code: 'unknown',
            reason: `Eenheid ${c.eenheid} bij locatie ${c.locatie} bestaat niet of is gesloten.`,
          },
        ]);
      return placeClient(ctx, {
        clientId: client.id,
        eenheidId: unit.id,
        datum: d(c.plaatsingsdatum) ?? d(c.trajectStart) ?? '',
        huishoudgrootte: c.huishoudgrootte ? Number(c.huishoudgrootte) : 1,
      });
    });
    void s;
  }
  if (c.wachtlijst) {
    await step('wachtlijst', () =>
      addToWaitingList(ctx, c.wachtlijst!.toLowerCase(), {
        clientId: client.id,
        datum: d(c.wachtlijstDatum) ?? d(c.trajectStart) ?? d(c.aanmelddatum) ?? '',
        urgent: isYes(c.urgent),
        toelichting: c.wachtlijstToelichting || null,
      }),
    ).catch((e: unknown) => {
      // An unknown list is a 404 of the service: say which lists exist.
      if (e instanceof StepError && e.cause instanceof DomainError && e.cause.status === 404)
        throw new StepError(
          'wachtlijst',
          new ValidationError([
            {
              name: 'clientId',
              code: 'unknown',
              reason: `Onbekende wachtlijst "${c.wachtlijst}": kies tussenvoorziening, beschermd-wonen, housing-first, skaeve-huse, jongeren-woontraining of gezinsplekken.`,
            },
          ]),
        );
      throw e;
    });
  }
  await ctx.db
    .insertInto('import_records')
    .values({
      tenant_id: ctx.actor.tenantId,
      external_id: c.externId!,
      client_id: client.id,
      file_name: fileName,
      imported_by: ctx.actor.userId,
    })
    .execute();
  await audit(ctx, {
    clientId: client.id,
    action: 'aanmaken',
    resource: 'dossierimport',
    detail: `regel ${row.regel}`,
  });
  return client.id;
}

class Rollback extends Error {
  constructor(public value: string) {
    super('rollback');
  }
}

/**
 * Preview (commit = false) or import (commit = true) of a caseload file. Each row runs in its own transaction;
 * the preview rolls every one back, so it writes nothing and shows exactly the problems the import would meet.
 */
export async function importCaseload(
  database: Database,
  actor: Actor,
  input: { bestandsnaam: string; inhoud: string; vanafRegel?: number; aantalRegels?: number },
  opts: { commit: boolean; now: Date; sourceIp?: string },
): Promise<ImportResult> {
  const fileName = input.bestandsnaam.trim() || 'dossiers.csv';
  const checked = checkCaseloadCsv(input.inhoud);
  // a part of the file (the screen sends it in parts to show progress); rows before it only count for capacity
  const from = (input.vanafRegel ?? 1) - 1;
  const part = checked.rows.slice(from, input.aantalRegels ? from + input.aantalRegels : undefined);
  const { known, units } = await inTransaction(
    database,
    actor,
    async (ctx) => {
      authorize(ctx, 'dossiers.importeren');
      const ids = checked.rows
        .slice(0, from + part.length)
        .map((r) => r.cells.externId)
        .filter((x): x is string => !!x);
      const found = ids.length
        ? await ctx.db
            .selectFrom('import_records')
            .select(['external_id', 'client_id'])
            .where('tenant_id', '=', actor.tenantId)
            .where('external_id', 'in', ids)
            .execute()
        : [];
      await audit(ctx, {
        clientId: null,
        action: opts.commit ? 'aanmaken' : 'lezen',
        resource: 'dossierimport',
        detail: `${opts.commit ? 'overnemen' : 'voorvertoning'} ${fileName}: ${part.length} regels${from || part.length < checked.rows.length ? ` (vanaf regel ${from + 1} van ${checked.rows.length})` : ''}`,
      });
      return { known: new Map(found.map((r) => [r.external_id, r.client_id])), units: await loadUnits(ctx) };
    },
    opts,
  );
  // Earlier rows of this same file take beds too. On import they are stored already (loadUnits counts them); the
  // preview stores nothing, so it counts the earlier parts' rows that would take a bed, with the same check.
  if (!opts.commit)
    for (const row of checked.rows.slice(0, from)) {
      const externId = row.cells.externId || null;
      if ((externId && known.has(externId)) || row.problems.length || !row.cells.eenheid) continue;
      const unit = units.get(unitKey(row.cells.locatie ?? '', row.cells.eenheid));
      const size = Number(row.cells.huishoudgrootte || 1);
      if (unit && unit.households < unit.maxHouseholds && unit.used + size <= unit.beds) {
        unit.used += size;
        unit.households += 1;
      }
    }
  const lines: ImportLine[] = [];
  for (const row of part) {
    const externId = row.cells.externId || null;
    const done = externId ? known.get(externId) : undefined;
    if (done) {
      lines.push({ regel: row.regel, externId, status: 'al-geimporteerd', fouten: [], clientId: done });
      continue;
    }
    const fouten = [...row.problems];
    const unit = row.cells.eenheid ? (units.get(unitKey(row.cells.locatie ?? '', row.cells.eenheid)) ?? null) : null;
    // Earlier rows of this same file take beds too (the preview rolls them back, so count them here).
    const size = Number(row.cells.huishoudgrootte || 1);
    if (
      !opts.commit &&
      unit &&
      !fouten.length &&
      (unit.households >= unit.maxHouseholds || unit.used + size > unit.beds)
    )
      fouten.push({
        veld: 'eenheid',
        reden: `${row.cells.eenheid} in ${row.cells.locatie} is vol (${unit.used} van ${unit.beds} bedden bezet, eerdere regels meegeteld). Kies een andere eenheid.`,
      });
    if (fouten.length) {
      lines.push({ regel: row.regel, externId, status: 'fout', fouten, clientId: null });
      continue;
    }
    try {
      const clientId = await database.db
        .transaction()
        .execute(async (tx) => {
          await actAsTenant(tx, actor.tenantId); // row-level security, as every request transaction
          const ctx: Ctx = { actor, db: tx, now: opts.now, sourceIp: opts.sourceIp };
          const id = await importRow(ctx, row, unit, fileName);
          if (!opts.commit) throw new Rollback(id);
          return id;
        })
        .catch((e: unknown) => {
          if (e instanceof Rollback) return null;
          throw e;
        });
      if (opts.commit) await database.flush();
      if (unit) {
        unit.used += size;
        unit.households += 1;
      }
      lines.push({ regel: row.regel, externId, status: opts.commit ? 'geimporteerd' : 'geldig', fouten: [], clientId });
    } catch (e) {
      lines.push({ regel: row.regel, externId, status: 'fout', fouten: problemsOf(e), clientId: null });
    }
  }
  const count = (s: Status) => lines.filter((l) => l.status === s).length;
  return {
    bestandsnaam: fileName,
    verwerkt: opts.commit,
    bestandsfouten: checked.bestandsfouten,
    regelsInBestand: checked.rows.length,
    aantallen: {
      regels: lines.length,
      geldig: count('geldig'),
      fout: count('fout'),
      alGeimporteerd: count('al-geimporteerd'),
      geimporteerd: count('geimporteerd'),
    },
    regels: lines,
  };
}
