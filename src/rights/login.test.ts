import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { Database } from '../platform/db/database.js';
import { LockedError, UnauthorizedError } from '../platform/errors.js';
import { createTestDatabase } from '../test/db.js';
import { loginAs, PASSWORD, seedFixture } from '../test/fixtures.js';
import {
  ADDRESS_FREE_FAILURES,
  FAILURE_WINDOW_HOURS,
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
  usernameHash,
} from './login-guard.js';
import { DUMMY_PASSWORD_HASH, hashPassword, login, passwordChecks } from './sessions.js';

let database: Database;
let app: ReturnType<typeof createApp>;
let clock: Date;
let passwordHash: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  passwordHash = await hashPassword(PASSWORD);
  clock = new Date('2030-01-07T09:00:00Z');
  app = createApp({ database, now: () => clock });
});
afterAll(() => database.close());
// every test starts two days later: the address and account counters of the tests before it have lapsed
beforeEach(() => advance(2 * 24 * 3600));

const advance = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

async function newUser(username: string) {
  await database.db
    .insertInto('users')
    .values({
      tenant_id: 'dordrecht',
      username,
      display_name: username,
      role: 'toegang',
      password_hash: passwordHash,
      facility_id: null,
      client_id: null,
    })
    .execute();
}

const post = (gebruikersnaam: string, wachtwoord: string, from?: string) =>
  app.request('/v1/sessies', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify({ gebruikersnaam, wachtwoord }),
  });

/** Password verifications login did while `fn` ran (the counter of src/rights/sessions.ts). */
async function counting<T>(fn: () => T | Promise<T>) {
  const before = { ...passwordChecks };
  const result = await fn();
  return { result, accounts: passwordChecks.accounts - before.accounts, dummy: passwordChecks.dummy - before.dummy };
}

const verifiedInAudit = async (username: string) =>
  (
    await database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('username', '=', username)
      .where('resource', '=', 'sessie')
      .execute()
  ).filter((r) => r.detail?.startsWith('wachtwoord onjuist') || r.detail === 'gelukt').length;

const lockedUntil = async (username: string) =>
  (
    await database.db
      .selectFrom('users')
      .select('locked_until')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).locked_until;

describe('inloggen onder een parallelle aanval', () => {
  it(`een burst van 100 parallelle POST /v1/sessies verifieert hoogstens ${MAX_FAILED_LOGINS} wachtwoorden en laat het juiste wachtwoord niet meer binnen`, async () => {
    await newUser('burst.http');
    // 99 wrong guesses and the right password last, all in flight at once, each claiming its own address (whether the
    // app believes X-Forwarded-For or not: from one address the address throttle stops them even earlier)
    const { result: responses, accounts } = await counting(() =>
      Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          post('burst.http', i === 99 ? PASSWORD : `fout-${i}`, `198.51.100.${i + 1}`),
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses).not.toContain(201);
    expect(
      statuses.every((s) => s === 401 || s === 423 || s === 429),
      statuses.join(','),
    ).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILED_LOGINS - 1);
    expect(statuses[99]).not.toBe(201);
    expect(accounts).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(await verifiedInAudit('burst.http')).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(await verifiedInAudit('burst.http')).toBe(accounts);
    expect(await lockedUntil('burst.http')).not.toBeNull();
    // locked, also for the right password from an address that has not failed before
    await expect(login(database.db, 'burst.http', PASSWORD, clock, '203.0.113.9')).rejects.toBeInstanceOf(LockedError);
  });

  it(`100 gelijktijdige pogingen vanaf 100 adressen: precies ${MAX_FAILED_LOGINS} verificaties, daarna is het account geblokkeerd`, async () => {
    await newUser('burst.dienst');
    const { result, accounts, dummy } = await counting(() =>
      Promise.allSettled(
        Array.from({ length: 100 }, (_, i) =>
          login(database.db, 'burst.dienst', i === 99 ? PASSWORD : `fout-${i}`, clock, `192.0.2.${i + 1}`),
        ),
      ),
    );
    expect(accounts).toBe(MAX_FAILED_LOGINS);
    expect(dummy).toBe(0);
    const errors = result.map((r) => (r.status === 'rejected' ? r.reason : null));
    expect(errors.filter((e) => e instanceof UnauthorizedError).length).toBe(MAX_FAILED_LOGINS - 1);
    expect(errors.filter((e) => e instanceof LockedError).length).toBe(100 - (MAX_FAILED_LOGINS - 1));
    expect(errors[99]).toBeInstanceOf(LockedError); // the right password came after the account was locked
    // the lock lasts LOCKOUT_MINUTES; then the right password works and resets the counter
    advance(LOCKOUT_MINUTES * 60 - 1);
    await expect(login(database.db, 'burst.dienst', PASSWORD, clock, '192.0.2.200')).rejects.toBeInstanceOf(
      LockedError,
    );
    advance(2);
    await expect(login(database.db, 'burst.dienst', PASSWORD, clock, '192.0.2.200')).resolves.toMatchObject({
      actor: { username: 'burst.dienst' },
    });
    const row = await database.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('username', '=', 'burst.dienst')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('een geslaagde login zet de teller terug; mislukte pogingen vervallen na een dag zonder pogingen', async () => {
    await newUser('teller');
    const statuses = async (n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await post('teller', 'fout-wachtwoord')).status);
      return out;
    };
    expect(await statuses(MAX_FAILED_LOGINS - 1)).toEqual(Array(MAX_FAILED_LOGINS - 1).fill(401));
    expect((await post('teller', PASSWORD)).status).toBe(201);
    expect(await statuses(MAX_FAILED_LOGINS - 1)).toEqual(Array(MAX_FAILED_LOGINS - 1).fill(401));
    advance(FAILURE_WINDOW_HOURS * 3600 + 1);
    expect(await statuses(MAX_FAILED_LOGINS)).toEqual([...Array(MAX_FAILED_LOGINS - 1).fill(401), 423]);
  });
});

describe('geen verschil tussen bekende en onbekende gebruikersnamen', () => {
  it(`een onbekende naam krijgt dezelfde antwoorden, ook 423 na ${MAX_FAILED_LOGINS} pogingen, en wordt tegen een dummy-hash geverifieerd`, async () => {
    await newUser('bestaat.wel');
    const attempts = async (username: string) => {
      const out: { status: number; body: unknown }[] = [];
      for (let i = 0; i < MAX_FAILED_LOGINS + 1; i++) {
        const res = await post(username, 'geraden-wachtwoord');
        const { instance: _instance, ...body } = (await res.json()) as { instance?: string };
        out.push({ status: res.status, body });
      }
      return out;
    };
    const known = await counting(() => attempts('bestaat.wel'));
    advance(3600); // the address has to wait after these failures (2 × 6 from one address): not what this test is about
    const unknown = await counting(() => attempts('bestaat.niet'));
    expect(unknown.result).toEqual(known.result);
    expect(unknown.result.map((r) => r.status)).toEqual([...Array(MAX_FAILED_LOGINS - 1).fill(401), 423, 423]);
    expect(known.result[0].body).toMatchObject({
      title: 'Niet ingelogd',
      detail: 'Gebruikersnaam of wachtwoord onjuist.',
    });
    expect(known.result[MAX_FAILED_LOGINS].body).toMatchObject({ title: 'Account geblokkeerd' });
    // the same work: one argon2 verification per attempt until the lock, against a real or a dummy hash
    expect(known).toMatchObject({ accounts: MAX_FAILED_LOGINS, dummy: 0 });
    expect(unknown).toMatchObject({ accounts: 0, dummy: MAX_FAILED_LOGINS });
    // what was typed as a name is kept only as a hash
    const row = await database.db
      .selectFrom('login_unknown_users')
      .selectAll()
      .where('username_hash', '=', usernameHash('bestaat.niet'))
      .executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(MAX_FAILED_LOGINS);
    expect(JSON.stringify(row)).not.toContain('bestaat.niet');
  });

  it('een gedeactiveerd account telt en antwoordt als een onbekende naam', async () => {
    await newUser('uit.dienst');
    await database.db.updateTable('users').set({ active: false }).where('username', '=', 'uit.dienst').execute();
    const { result, dummy, accounts } = await counting(() => post('uit.dienst', PASSWORD));
    expect(result.status).toBe(401);
    expect({ dummy, accounts }).toEqual({ dummy: 1, accounts: 0 });
  });

  it('de dummy-hash heeft dezelfde argon2-parameters als echte wachtwoorden', async () => {
    const prefix = (h: string) => h.split('$').slice(0, 4).join('$');
    expect(prefix(DUMMY_PASSWORD_HASH)).toBe(prefix(await hashPassword('iets-anders-dan-dit')));
  });
});

describe('afremmen per bronadres', () => {
  it(`na ${ADDRESS_FREE_FAILURES} mislukte pogingen vanaf één adres: 429 met Retry-After en steeds langer wachten, zonder wachtwoordcontrole`, async () => {
    // guessing across accounts from one address: every attempt a different (unknown) name, so no account lock interferes
    for (let i = 0; i < ADDRESS_FREE_FAILURES; i++)
      expect((await post(`raad-${i}`, 'fout-wachtwoord')).status).toBe(401);
    const { result: throttled, dummy } = await counting(() => post('raad-x', 'fout-wachtwoord'));
    expect(dummy).toBe(0);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('content-type')).toContain('application/problem+json');
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(await throttled.json()).toMatchObject({
      status: 429,
      title: 'Te veel pogingen',
      detail: 'Te veel mislukte inlogpogingen vanaf dit adres. Probeer het over 1 seconde opnieuw.',
    });
    // each further failure doubles the wait: 2 s, 4 s, 8 s
    for (const wait of [1, 2, 4]) {
      advance(wait);
      expect((await post('raad-y', 'fout-wachtwoord')).status).toBe(401);
      const next = await post('raad-y', 'fout-wachtwoord');
      expect(next.status).toBe(429);
      expect(next.headers.get('retry-after')).toBe(String(wait * 2));
    }
    // while the address waits, even the right password of an existing account is not checked
    expect((await post('toegang', PASSWORD)).status).toBe(429);
    expect(
      await database.db
        .selectFrom('audit_log')
        .select('id')
        .where('detail', '=', 'te veel pogingen vanaf dit adres')
        .where('username', 'in', ['raad-x', 'raad-y', 'toegang'])
        .execute(),
    ).toHaveLength(5);
  });

  it('een ander adres merkt niets van het afremmen, en na een uur zonder pogingen is het adres weer vrij', async () => {
    const from = '203.0.113.50';
    for (let i = 0; i < ADDRESS_FREE_FAILURES; i++)
      await expect(login(database.db, `gok-${i}`, 'fout-wachtwoord', clock, from)).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
    await expect(login(database.db, 'toegang', PASSWORD, clock, from)).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 1,
    });
    await expect(login(database.db, 'toegang', PASSWORD, clock, '203.0.113.51')).resolves.toMatchObject({
      actor: { username: 'toegang' },
    });
    advance(3600); // twelve failures leak away per hour
    await expect(login(database.db, 'toegang', PASSWORD, clock, from)).resolves.toMatchObject({
      actor: { username: 'toegang' },
    });
  });

  it('een geslaagde login vanaf een adres geeft alleen zijn eigen poging terug', async () => {
    const from = '203.0.113.60';
    for (let i = 0; i < ADDRESS_FREE_FAILURES - 1; i++)
      await expect(login(database.db, `poging-${i}`, 'fout-wachtwoord', clock, from)).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
    for (let i = 0; i < 3; i++) await login(database.db, 'toegang', PASSWORD, clock, from);
    await expect(login(database.db, 'poging-x', 'fout-wachtwoord', clock, from)).rejects.toBeInstanceOf(
      UnauthorizedError,
    ); // the 10th failure
    await expect(login(database.db, 'poging-y', 'fout-wachtwoord', clock, from)).rejects.toMatchObject({ status: 429 });
    const row = await database.db
      .selectFrom('login_address_failures')
      .selectAll()
      .where('source', '=', from)
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(ADDRESS_FREE_FAILURES);
  });
});

describe('afremmen per bronadres: vergeven', () => {
  it('mislukte pogingen lekken weg (één per vijf minuten), ook als er intussen steeds iemand inlogt', async () => {
    const from = '203.0.113.70';
    for (let i = 0; i < ADDRESS_FREE_FAILURES - 1; i++)
      await expect(login(database.db, `typo-${i}`, 'fout-wachtwoord', clock, from)).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
    for (let minute = 4; minute <= 60; minute += 4) {
      advance(4 * 60);
      await login(database.db, 'toegang', PASSWORD, clock, from); // a busy office behind one address
    }
    const row = await database.db
      .selectFrom('login_address_failures')
      .selectAll()
      .where('source', '=', from)
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(0);
    expect(row.blocked_until).toBeNull();
  });
});

describe('deblokkeren door de beheerder', () => {
  it('POST /v1/gebruikers/{id}/deblokkeringen heft de blokkade op en zet de tellers op nul', async () => {
    await newUser('geblokkeerd');
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      await login(database.db, 'geblokkeerd', 'fout-wachtwoord', clock, `198.51.100.${200 + i}`).catch(() => {});
    expect((await post('geblokkeerd', PASSWORD)).status).toBe(423);
    const beheer = await loginAs(app, 'beheer');
    const id = (
      await database.db.selectFrom('users').select('id').where('username', '=', 'geblokkeerd').executeTakeFirstOrThrow()
    ).id;
    const unlocked = await beheer.post(`/v1/gebruikers/${id}/deblokkeringen`, {});
    expect(unlocked.status).toBe(201);
    expect(unlocked.body.geblokkeerd).toBe(false);
    expect(
      await database.db
        .selectFrom('users')
        .select(['failed_logins', 'locked_until', 'login_attempt_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      failed_logins: 0,
      locked_until: null,
      login_attempt_at: null,
    });
    // the counter starts again: MAX - 1 wrong passwords do not lock it
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++)
      expect((await post('geblokkeerd', 'fout-wachtwoord')).status).toBe(401);
    expect((await post('geblokkeerd', PASSWORD)).status).toBe(201);
  });

  it('deblokkeren van een gebruiker van een andere gemeente geeft 404', async () => {
    const beheer = await loginAs(app, 'beheer');
    const id = (
      await database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'almere.toegang')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await beheer.post(`/v1/gebruikers/${id}/deblokkeringen`, {})).status).toBe(404);
  });
});

describe('423 zegt wanneer opnieuw proberen zin heeft', () => {
  it('een geblokkeerde gebruikersnaam, bekend of onbekend, krijgt Retry-After tot het einde van de blokkade', async () => {
    await newUser('wacht.even');
    for (const username of ['wacht.even', 'bestaat.ook.niet']) {
      advance(3600); // the address counter is not what this test is about
      const answers: Response[] = [];
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) answers.push(await post(username, 'fout', `203.0.113.${50 + i}`));
      const locking = answers[MAX_FAILED_LOGINS - 1];
      expect(locking.status).toBe(423);
      expect(locking.headers.get('retry-after')).toBe(String(LOCKOUT_MINUTES * 60));
      expect(answers[0].headers.get('retry-after')).toBeNull(); // a 401 does not tell anything about a lock
      advance(90);
      const later = await post(username, PASSWORD, '203.0.113.99');
      expect(later.status).toBe(423);
      expect(later.headers.get('retry-after')).toBe(String(LOCKOUT_MINUTES * 60 - 90));
      advance(LOCKOUT_MINUTES * 60 - 90);
      expect((await post(username, 'fout', '203.0.113.98')).status).toBe(401); // the lock has ended, as promised
    }
  });
});
