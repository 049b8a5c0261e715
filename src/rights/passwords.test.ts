import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { Database } from '../platform/db/database.js';
import { createTestDatabase } from '../test/db.js';
import { loginAs, seedFixture } from '../test/fixtures.js';
import { commonPasswords, isCommonPassword, MIN_PASSWORD_LENGTH, passwordProblem } from './passwords.js';

describe('wachtwoordregels (NIST SP 800-63B)', () => {
  it('de meegeleverde lijst van veelgebruikte en uitgelekte wachtwoorden heeft minstens 10.000 wachtwoorden', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThanOrEqual(10_000);
    for (const p of ['123456', 'password', 'qwerty', 'password1234']) expect(list.has(p)).toBe(true);
    expect([...list].some((p) => p.startsWith('# '))).toBe(false); // the header is not a password
  });

  it('weigert een wachtwoord van de lijst, ongeacht hoofdletters', () => {
    expect(isCommonPassword('password1234')).toBe(true);
    expect(isCommonPassword('PassWord1234')).toBe(true);
    expect(passwordProblem('password1234')).toEqual({
      code: 'common',
      reason: expect.stringContaining('veelgebruikte en uitgelekte wachtwoorden'),
    });
  });

  it('weigert herhaalde tekens en reeksen met een hint in het Nederlands', () => {
    const repeated = passwordProblem('aaaaaaaaaaaa');
    expect(repeated?.code).toBe('weak');
    expect(repeated?.reason).toMatch(/^Dit wachtwoord is te makkelijk te raden\. /);
    expect(repeated?.reason).toContain('Herhaalde tekens');
    expect(passwordProblem('qwertyuiopas')?.code).toBe('weak');
    expect(passwordProblem('abcdefghijkl')?.code).toBe('weak');
  });

  it(`vraagt minstens ${MIN_PASSWORD_LENGTH} tekens`, () => {
    expect(passwordProblem('kort')).toEqual({
      code: 'length',
      reason: 'Het wachtwoord moet minstens 12 tekens hebben.',
    });
    expect(passwordProblem('x7#Kq2!mZp9')?.code).toBe('length'); // 11 characters, however random
  });

  it('weigert een wachtwoord dat op de eigen naam of gebruikersnaam is gebouwd', () => {
    expect(passwordProblem('jan.devries2024', { username: 'jan.devries', name: 'Jan de Vries' })).toMatchObject({
      code: 'weak',
      reason: expect.stringContaining('Gebruik geen naam, gebruikersnaam'),
    });
    expect(passwordProblem('onderdak2024!')?.code).toBe('weak');
  });

  it('accepteert een lange zin van ongewone woorden zonder samenstellingsregels', () => {
    expect(passwordProblem('fiets-regen-kaas-17')).toBeNull();
    expect(passwordProblem('ReuzenpandaKaasschaafTrompet')).toBeNull();
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });
});

describe('wachtwoord bij het aanmaken van een gebruiker', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedFixture(database);
    app = createApp({ database });
  });
  afterAll(() => database.close());

  it('POST /v1/gebruikers weigert aaaaaaaaaaaa en password1234 met een 400 en een Nederlandse hint in invalidParams', async () => {
    const beheer = await loginAs(app, 'beheer');
    const create = (gebruikersnaam: string, wachtwoord: string) =>
      beheer.post('/v1/gebruikers', { gebruikersnaam, naam: 'Nieuwe Collega', rol: 'toegang', wachtwoord });
    const repeated = await create('collega.een', 'aaaaaaaaaaaa');
    expect(repeated.status).toBe(400);
    expect(repeated.body.invalidParams).toEqual([
      {
        name: 'wachtwoord',
        code: 'weak',
        reason: expect.stringMatching(/^Dit wachtwoord is te makkelijk te raden\. .*Herhaalde tekens/),
      },
    ]);
    const common = await create('collega.een', 'password1234');
    expect(common.status).toBe(400);
    expect(common.body.invalidParams).toEqual([
      {
        name: 'wachtwoord',
        code: 'common',
        reason: expect.stringContaining('veelgebruikte en uitgelekte wachtwoorden'),
      },
    ]);
    const own = await create('collega.een', 'collega.een.2024');
    expect(own.body.invalidParams?.[0]).toMatchObject({ name: 'wachtwoord', code: 'weak' });
    expect(
      await database.db.selectFrom('users').select('id').where('username', '=', 'collega.een').execute(),
    ).toHaveLength(0);
    expect((await create('collega.een', 'fiets-regen-kaas-17')).status).toBe(201);
  });
});
