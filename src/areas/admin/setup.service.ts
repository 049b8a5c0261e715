// Issue 11: the first start of an empty installation (no demo) and the installation-wide role.
// - The server prints a one-time setup link (src/main.ts; or ONDERDAK_SETUP_CODE for scripted installs, used by the
//   CLI command `installeren`). Only its sha256 is stored. Whoever holds it creates the installatiebeheerder, the first
//   centrumgemeente with its regiogemeenten and its first beheerder, in one transaction that also closes the link.
// - The installatiebeheerder (no tenant) adds further centrumgemeenten and sees no person data.
// All of it runs in inSystemTransaction: it acts before or across tenants.
import crypto from 'node:crypto';
import type { Database, Tx } from '../../platform/db/database.js';
import { ConflictError, ForbiddenError, Problems } from '../../platform/errors.js';
import { audit } from '../../rights/audit.js';
import { type Actor, inSystemTransaction } from '../../rights/context.js';
import { passwordProblem } from '../../rights/passwords.js';
import { authorize } from '../../rights/rights.js';
import { hashPassword, sessionTokenHash } from '../../rights/sessions.js';

export interface NewAccount {
  gebruikersnaam: string;
  naam: string;
  wachtwoord: string;
}
export interface NewCentralMunicipality {
  naam: string;
  cbsCode: string;
  regiogemeenten: { code: string; naam: string }[];
  beheerder: NewAccount;
}

/** Is there at least one centrumgemeente? Then the installation is set up (or runs the demo). */
export async function isInstalled(database: Database): Promise<boolean> {
  return !!(await database.db.selectFrom('tenants').select('id').limit(1).executeTakeFirst());
}

/**
 * On an empty installation: a new one-time setup code (or the given one), replacing any earlier one. Null when the
 * installation already has a centrumgemeente.
 */
export async function prepareSetup(database: Database, given?: string): Promise<string | null> {
  if (given !== undefined && given.length < 20) throw new Error('ONDERDAK_SETUP_CODE moet minstens 20 tekens hebben.');
  return inSystemTransaction(database, async (tx) => {
    if (await tx.selectFrom('tenants').select('id').limit(1).executeTakeFirst()) return null;
    const code = given ?? crypto.randomBytes(24).toString('base64url');
    await tx.deleteFrom('installation_setup').execute();
    await tx
      .insertInto('installation_setup')
      .values({ id: 1, token_hash: sessionTokenHash(code) })
      .execute();
    return code;
  });
}

export async function setupStatus(database: Database) {
  const pending = await database.db
    .selectFrom('installation_setup')
    .select('completed_at')
    .where('id', '=', 1)
    .executeTakeFirst();
  const installed = await isInstalled(database);
  return { ingericht: installed, wachtOpInstallatie: !installed && !!pending && !pending.completed_at };
}

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

async function checkAccount(tx: Tx, p: Problems, prefix: string, a: NewAccount, taken: Set<string>) {
  const username = (a?.gebruikersnaam ?? '').trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username))
    p.add(
      `${prefix}.gebruikersnaam`,
      'format',
      'Gebruikersnaam: 3 tot 40 tekens, kleine letters, cijfers, punt, streep.',
    );
  else if (
    taken.has(username) ||
    (await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())
  )
    p.add(`${prefix}.gebruikersnaam`, 'unique', 'Deze gebruikersnaam bestaat al.');
  taken.add(username);
  if (!a?.naam?.trim()) p.add(`${prefix}.naam`, 'required', 'Vul de naam in.');
  const weak = passwordProblem(a?.wachtwoord ?? '', { username, name: a?.naam });
  if (weak) p.add(`${prefix}.wachtwoord`, weak.code, weak.reason);
}

async function checkCentral(tx: Tx, p: Problems, prefix: string, c: NewCentralMunicipality, taken: Set<string>) {
  const naam = (c?.naam ?? '').trim();
  if (!naam) p.add(`${prefix}.naam`, 'required', 'Vul de naam van de centrumgemeente in.');
  const id = slug(naam);
  if (naam && !id) p.add(`${prefix}.naam`, 'format', 'Gebruik letters of cijfers in de naam.');
  if (id && (await tx.selectFrom('tenants').select('id').where('id', '=', id).executeTakeFirst()))
    p.add(`${prefix}.naam`, 'unique', 'Deze centrumgemeente bestaat al.');
  if (!/^\d{4}$/.test(c?.cbsCode ?? ''))
    p.add(`${prefix}.cbsCode`, 'format', 'De CBS-gemeentecode heeft 4 cijfers (zonder GM), bijvoorbeeld 0505.');
  const seen = new Set<string>();
  for (const [i, g] of (c?.regiogemeenten ?? []).entries()) {
    if (!/^\d{4}$/.test(g?.code ?? ''))
      p.add(`${prefix}.regiogemeenten.${i}.code`, 'format', 'De CBS-gemeentecode heeft 4 cijfers (zonder GM).');
    else if (seen.has(g.code) || g.code === c.cbsCode)
      p.add(`${prefix}.regiogemeenten.${i}.code`, 'unique', 'Deze gemeente staat al in de lijst.');
    if (!g?.naam?.trim()) p.add(`${prefix}.regiogemeenten.${i}.naam`, 'required', 'Vul de naam van de gemeente in.');
    seen.add(g?.code);
  }
  const codes = [c?.cbsCode, ...seen].filter((x): x is string => !!x && /^\d{4}$/.test(x));
  if (codes.length) {
    const used = await tx.selectFrom('municipalities').select(['code', 'name']).where('code', 'in', codes).execute();
    for (const u of used)
      p.add(
        u.code === c.cbsCode ? `${prefix}.cbsCode` : `${prefix}.regiogemeenten`,
        'taken',
        `Gemeente ${u.code} (${u.name}) hoort al bij een andere centrumgemeente.`,
      );
  }
  await checkAccount(tx, p, `${prefix}.beheerder`, c?.beheerder, taken);
  return id;
}

async function insertCentral(tx: Tx, id: string, c: NewCentralMunicipality, beheerderMustChange: boolean) {
  const naam = c.naam.trim();
  await tx
    .insertInto('tenants')
    .values({
      id,
      name: `Centrumgemeente ${naam}`,
      central_municipality_code: c.cbsCode,
      // new centrumgemeenten require two-factor login for staff who see persons (the demo tenants do not)
      settings: JSON.stringify({ thema: { primair: '#154273', logoTekst: naam }, tweeFactorVerplicht: true }),
    })
    .execute();
  await tx
    .insertInto('municipalities')
    .values([
      { code: c.cbsCode, name: naam, tenant_id: id },
      ...c.regiogemeenten.map((g) => ({ code: g.code, name: g.naam.trim(), tenant_id: id })),
    ])
    .execute();
  const b = await tx
    .insertInto('users')
    .values({
      tenant_id: id,
      username: c.beheerder.gebruikersnaam.trim().toLowerCase(),
      display_name: c.beheerder.naam.trim(),
      role: 'beheerder',
      password_hash: await hashPassword(c.beheerder.wachtwoord),
      facility_id: null,
      client_id: null,
      must_change_password: beheerderMustChange,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, naam: `Centrumgemeente ${naam}`, beheerderId: b.id };
}

const NOT_VALID = 'Deze installatielink is niet (meer) geldig. Herstart de server voor een nieuwe link.';

/** POST /v1/installatie: the one-time step of an empty installation. */
export async function completeSetup(
  database: Database,
  input: { code: string; installatiebeheerder: NewAccount; centrumgemeente: NewCentralMunicipality },
  sourceIp?: string,
) {
  return inSystemTransaction(database, async (tx) => {
    const row = await tx
      .selectFrom('installation_setup')
      .select(['token_hash', 'completed_at'])
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirst();
    const given = Buffer.from(sessionTokenHash(input.code ?? ''));
    const valid =
      row &&
      !row.completed_at &&
      given.length === row.token_hash.length &&
      crypto.timingSafeEqual(given, Buffer.from(row.token_hash));
    if (!valid) throw new ForbiddenError(NOT_VALID);
    if (await tx.selectFrom('tenants').select('id').limit(1).executeTakeFirst()) throw new ConflictError(NOT_VALID);
    const p = new Problems();
    const taken = new Set<string>();
    await checkAccount(tx, p, 'installatiebeheerder', input.installatiebeheerder, taken);
    const id = await checkCentral(tx, p, 'centrumgemeente', input.centrumgemeente, taken);
    p.throwIfAny();
    const admin = await tx
      .insertInto('users')
      .values({
        tenant_id: null,
        username: input.installatiebeheerder.gebruikersnaam.trim().toLowerCase(),
        display_name: input.installatiebeheerder.naam.trim(),
        role: 'installatie',
        password_hash: await hashPassword(input.installatiebeheerder.wachtwoord),
        facility_id: null,
        client_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tenant = await insertCentral(tx, id, input.centrumgemeente, false);
    const done = await tx
      .updateTable('installation_setup')
      .set({ completed_at: new Date() })
      .where('id', '=', 1)
      .where('completed_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new ConflictError(NOT_VALID);
    await tx
      .insertInto('audit_log')
      .values({
        tenant_id: null,
        user_id: admin.id,
        username: input.installatiebeheerder.gebruikersnaam.trim().toLowerCase(),
        role: 'installatie',
        on_behalf_of: null,
        client_id: null,
        action: 'aanmaken',
        resource: 'installatie',
        detail: `eerste centrumgemeente ${tenant.id}`,
        source_ip: sourceIp ?? null,
        basis: null,
      })
      .execute();
    return {
      centrumgemeente: { id: tenant.id, naam: tenant.naam },
      installatiebeheerder: input.installatiebeheerder.gebruikersnaam.trim().toLowerCase(),
      beheerder: input.centrumgemeente.beheerder.gebruikersnaam.trim().toLowerCase(),
    };
  });
}

/** The centrumgemeenten of the installation (no person data: names, codes, counts of municipalities and users). */
export async function listCentralMunicipalities(database: Database, actor: Actor) {
  return inSystemTransaction(database, async (tx) => {
    authorize({ actor, db: tx, now: new Date() }, 'centrumgemeenten.beheren');
    const rows = await tx
      .selectFrom('tenants')
      .select((eb) => [
        'tenants.id',
        'tenants.name',
        'tenants.central_municipality_code',
        eb
          .selectFrom('municipalities')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('municipalities.tenant_id', '=', 'tenants.id')
          .as('gemeenten'),
      ])
      .orderBy('tenants.name')
      .execute();
    return {
      resultaten: rows.map((r) => ({
        id: r.id,
        naam: r.name,
        cbsCode: r.central_municipality_code,
        aantalGemeenten: Number(r.gemeenten ?? 0),
      })),
    };
  });
}

/** Another centrumgemeente with its regiogemeenten and first beheerder (who picks a new password at first login). */
export async function addCentralMunicipality(
  database: Database,
  actor: Actor,
  input: NewCentralMunicipality,
  now: Date,
  sourceIp?: string,
) {
  return inSystemTransaction(database, async (tx) => {
    const ctx = { actor, db: tx, now, sourceIp };
    authorize(ctx, 'centrumgemeenten.beheren');
    const p = new Problems();
    const id = await checkCentral(tx, p, 'centrumgemeente', input, new Set());
    // the fields of this body are at the top level: drop the prefix
    for (const item of p.list) item.name = item.name.replace(/^centrumgemeente\./, '');
    p.throwIfAny();
    const tenant = await insertCentral(tx, id, input, true);
    await audit(ctx, { clientId: null, action: 'aanmaken', resource: 'centrumgemeente', detail: tenant.id });
    return {
      id: tenant.id,
      naam: tenant.naam,
      cbsCode: input.cbsCode,
      aantalGemeenten: input.regiogemeenten.length + 1,
    };
  });
}
