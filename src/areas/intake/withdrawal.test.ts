import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { loginAs, seedFixture } from '../../test/fixtures.js';
import { subjectRef } from '../privacy/purge.service.js';

// Issue 19: a registration withdrawn before a decision (domain.md §3: the file is destroyed 6 weeks later).
let database: Database;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let now = new Date('2026-11-02T10:00:00Z');
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => now });
});
afterAll(() => database.close());

async function aRegistration(voornaam: string, datum: string) {
  const t = await loginAs(app, 'toegang');
  const c = await t.post('/v1/clienten', {
    voornaam,
    achternaam: 'Intrekking',
    geboortedatum: '1985-02-03',
    herkomstGemeentecode: '0505',
  });
  expect(c.status).toBe(201);
  const a = await t.post('/v1/aanmeldingen', { clientId: c.body.id, datum, bron: 'zelf' });
  expect(a.status).toBe(201);
  return { t, clientId: c.body.id as string, id: a.body.id as string };
}

describe('aanmelding intrekken vóór het besluit (issue 19)', () => {
  it('trekt in met datum en reden, beëindigt een open bed voor de nacht, en laat daarna geen besluit of tweede intrekking toe', async () => {
    const { t, id } = await aRegistration('Ilse', '2026-10-20');
    const before = await t.get(`/v1/aanmeldingen/${id}`);
    expect(before.body.mogelijkheden.intrekken).toBe(true);
    const bed = await t.post(`/v1/aanmeldingen/${id}/bedden-voor-de-nacht`, {
      eenheidId: fx.room1,
      datum: '2026-10-31',
    });
    expect(bed.status).toBe(201);
    const r = await t.post(`/v1/aanmeldingen/${id}/intrekkingen`, {
      datum: '2026-11-01',
      reden: 'Cliënt ziet af van de aanmelding.',
    });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('ingetrokken');
    expect(r.body.intrekking).toEqual({ datum: '2026-11-01', reden: 'Cliënt ziet af van de aanmelding.' });
    expect(r.body.mogelijkheden).toMatchObject({ intrekken: false, besluiten: false, screenen: false });
    const stay = await database.db
      .selectFrom('stays')
      .select(['ended_on'])
      .where('registration_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stay.ended_on).toBe('2026-11-01');
    const decide = await t.post(`/v1/aanmeldingen/${id}/besluiten`, { uitkomst: 'toegang', datum: '2026-11-02' });
    expect(decide.status).toBe(409);
    const again = await t.post(`/v1/aanmeldingen/${id}/intrekkingen`, { datum: '2026-11-02', reden: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('Deze aanmelding is al ingetrokken op 1 november 2026.');
    const list = await t.get('/v1/aanmeldingen?status=ingetrokken');
    expect(list.body.resultaten.map((a: { id: string }) => a.id)).toContain(id);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('resource', '=', 'aanmelding')
      .where('detail', '=', 'ingetrokken')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('weigert zonder reden of met een datum vóór de aanmelding (400 met beide velden), na een besluit (409) en voor een locatiemedewerker (403)', async () => {
    const { t, id } = await aRegistration('Jan', '2026-10-25');
    const bad = await t.post(`/v1/aanmeldingen/${id}/intrekkingen`, { datum: '2026-10-01', reden: '  ' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['datum', 'reden']);
    const locatie = await loginAs(app, 'locatie');
    expect(
      (await locatie.post(`/v1/aanmeldingen/${id}/intrekkingen`, { datum: '2026-11-01', reden: 'x' })).status,
    ).toBe(403);
    expect(
      (
        await t.post(`/v1/aanmeldingen/${id}/besluiten`, {
          uitkomst: 'afwijzing',
          datum: '2026-10-30',
          reden: 'Geen dakloosheid.',
        })
      ).status,
    ).toBe(201);
    const late = await t.post(`/v1/aanmeldingen/${id}/intrekkingen`, { datum: '2026-11-01', reden: 'Te laat.' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('al besloten');
    const status = await database.db
      .selectFrom('registrations')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('besloten');
  });

  it('zet het dossier 6 weken na de intrekking op de vernietigingslijst, niet eerder', async () => {
    const { t, id, clientId } = await aRegistration('Karin', '2026-11-01');
    expect(
      (await t.post(`/v1/aanmeldingen/${id}/intrekkingen`, { datum: '2026-11-02', reden: 'Niet bereikbaar.' })).status,
    ).toBe(201);
    const ref = subjectRef('dordrecht', clientId);
    const refsOn = async (day: string) => {
      now = new Date(`${day}T10:00:00Z`);
      const beheer = await loginAs(app, 'beheer');
      const dry = await beheer.get('/v1/bewaartermijnen/verlopen-dossiers');
      expect(dry.status).toBe(200);
      return dry.body.dossiers as { referentie: string; categorie: string; vernietigenVanaf: string }[];
    };
    expect((await refsOn('2026-12-13')).map((d) => d.referentie)).not.toContain(ref);
    const due = (await refsOn('2026-12-14')).find((d) => d.referentie === ref);
    expect(due).toMatchObject({ categorie: 'ingetrokken', vernietigenVanaf: '2026-12-14' });
    now = new Date('2026-11-02T10:00:00Z');
  });
});
