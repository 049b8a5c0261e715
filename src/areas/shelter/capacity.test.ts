import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, anAdmittedClient, aPlacedClient, loginAs, seedFixture } from '../../test/fixtures.js';

// Issue 13: capacity per night whatever the order of entries (back-dated placements, corrections, merges), beds for
// the night during screening (at most N nights, a tenant setting), and date corrections with a reason and history.

const NOW = new Date('2026-11-23T10:00:00Z');
let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let t: ApiClient;
let room3: string;
let room4: string;

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  const extra = await database.db
    .insertInto('units')
    .values([
      { tenant_id: 'dordrecht', facility_id: fx.facilityId, name: 'Kamer 03', kind: 'eenpersoonskamer', beds: 1 },
      { tenant_id: 'dordrecht', facility_id: fx.facilityId, name: 'Kamer 04', kind: 'eenpersoonskamer', beds: 1 },
    ])
    .returning('id')
    .execute();
  room3 = extra[0]!.id;
  room4 = extra[1]!.id;
  app = createApp({ database, now: () => NOW });
  t = await loginAs(app, 'toegang');
});
afterAll(() => database?.close());

const staysIn = (unitId: string) =>
  database.db
    .selectFrom('stays')
    .select(['id', 'client_id', 'started_on', 'ended_on'])
    .where('unit_id', '=', unitId)
    .execute();

async function registration(voornaam: string, datum: string) {
  const c = await t.post('/v1/clienten', {
    voornaam,
    achternaam: 'Capaciteit',
    geboortedatum: '1980-05-01',
    herkomstGemeentecode: '0505',
  });
  const a = await t.post('/v1/aanmeldingen', { clientId: c.body.id, datum, bron: 'zelf' });
  expect(a.status).toBe(201);
  return { clientId: c.body.id as string, registrationId: a.body.id as string };
}

describe('capaciteit per nacht', () => {
  it('weigert een teruggedateerde plaatsing die twee personen 90 nachten in een 1-persoonskamer zou zetten', async () => {
    await aPlacedClient(t, { voornaam: 'Eerste', admittedOn: '2026-08-01', unit: fx.room1, placedOn: '2026-08-20' });
    const second = await anAdmittedClient(t, { voornaam: 'Tweede', admittedOn: '2026-08-01' });
    const before = await staysIn(fx.room1);
    // the room is free "now" only in the sense that nobody else is placed after the first one; the night of
    // 20 August is taken, and so is every night after it
    const res = await t.post('/v1/plaatsingen', {
      clientId: second.clientId,
      eenheidId: fx.room1,
      datum: '2026-08-25',
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe(
      'Kamer 01 in Crisisopvang Test is vol in de nacht van 25 op 26 augustus 2026: dit zou 2 personen voor 1 bed geven. Kies een andere eenheid of een andere datum.',
    );
    expect(await staysIn(fx.room1)).toEqual(before);
  });

  it('een datumcorrectie toetst elke nacht die erbij komt; met reden, geschiedenis en inzagelog', async () => {
    const a = await aPlacedClient(t, {
      voornaam: 'Anja',
      admittedOn: '2026-10-01',
      unit: fx.room2,
      placedOn: '2026-10-01',
    });
    const end = await t.post(`/v1/plaatsingen/${a.stayId}/beeindigingen`, { datum: '2026-10-10' });
    expect(end.status).toBe(200);
    const b = await aPlacedClient(t, {
      voornaam: 'Bert',
      admittedOn: '2026-10-01',
      unit: fx.room2,
      placedOn: '2026-10-12',
    });
    // no reason: 400 with the field
    const noReason = await t.post(`/v1/plaatsingen/${b.stayId}/correcties`, { van: '2026-10-11', reden: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.invalidParams).toEqual([expect.objectContaining({ name: 'reden' })]);
    // Bert's placement moved back to 10-08 would share the nights of 8 and 9 October with Anja
    const over = await t.post(`/v1/plaatsingen/${b.stayId}/correcties`, { van: '2026-10-08', reden: 'Typefout' });
    expect(over.status).toBe(409);
    expect(over.body.detail).toContain('Kamer 02 in Crisisopvang Test is vol in de nacht van 8 op 9 oktober 2026');
    // Anja's end moved later would do the same
    const later = await t.post(`/v1/plaatsingen/${a.stayId}/correcties`, {
      tot: '2026-10-14',
      reden: 'Later vertrokken',
    });
    expect(later.status).toBe(409);
    expect(later.body.detail).toContain('in de nacht van 12 op 13 oktober 2026');
    // a correction that fits: Bert really came on 10-10
    const ok = await t.post(`/v1/plaatsingen/${b.stayId}/correcties`, { van: '2026-10-10', reden: 'Verkeerde datum' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ oudVan: '2026-10-12', nieuwVan: '2026-10-10', reden: 'Verkeerde datum' });
    const history = await t.get(`/v1/plaatsingen/${b.stayId}/correcties`);
    expect(history.body.resultaten).toHaveLength(1);
    const stay = await database.db
      .selectFrom('stays')
      .select('started_on')
      .where('id', '=', b.stayId)
      .executeTakeFirstOrThrow();
    expect(stay.started_on).toBe('2026-10-10');
    const logged = await database.db
      .selectFrom('audit_log')
      .select(['action', 'resource', 'detail'])
      .where('client_id', '=', b.clientId)
      .where('resource', '=', 'verblijf')
      .where('action', '=', 'wijzigen')
      .execute();
    expect(logged).toEqual([expect.objectContaining({ detail: expect.stringContaining('correctie') })]);
  });

  it('een correctie van de uitstroomdatum verschuift het einde van het traject mee', async () => {
    const c = await aPlacedClient(t, {
      voornaam: 'Uit',
      admittedOn: '2026-09-01',
      unit: fx.reserve,
      placedOn: '2026-09-01',
    });
    const exit = await t.post(`/v1/trajecten/${c.trajectoryId}/uitstroom`, {
      datum: '2026-09-20',
      bestemming: 'onbekend',
    });
    expect(exit.status).toBe(200);
    expect(exit.body).toMatchObject({
      bestemmingsgroep: 'onbekend',
      bestemmingLabel: 'Vertrokken, bestemming onbekend',
    });
    const r = await t.post(`/v1/plaatsingen/${c.stayId}/correcties`, { tot: '2026-09-18', reden: 'Vertrok eerder' });
    expect(r.status).toBe(201);
    const traj = await database.db
      .selectFrom('trajectories')
      .select('ended_on')
      .where('id', '=', c.trajectoryId)
      .executeTakeFirstOrThrow();
    expect(traj.ended_on).toBe('2026-09-18');
  });

  it('weigert samenvoegen van twee dossiers die allebei een lopend verblijf hebben, met wat eerst moet', async () => {
    const a = await aPlacedClient(t, { voornaam: 'Dubbel', admittedOn: '2026-11-01', unit: fx.family });
    const b = await aPlacedClient(t, { voornaam: 'Dubbel', admittedOn: '2026-11-01', unit: fx.otherRoom });
    const res = await t.post(`/v1/clienten/${a.clientId}/samenvoegingen`, { samenTeVoegenClientId: b.clientId });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/^Beide dossiers hebben een lopend verblijf \(.*Gezinswoning 01.*Kamer H1.*\)/);
    const merged = await database.db
      .selectFrom('clients')
      .select('merged_into')
      .where('id', '=', b.clientId)
      .executeTakeFirstOrThrow();
    expect(merged.merged_into).toBeNull();
  });
});

describe('bed voor de nacht tijdens de screening', () => {
  it('hangt aan de aanmelding, ten hoogste 3 nachten, en gaat bij toegang mee in het traject', async () => {
    const r = await registration('Nacht', '2026-11-18');
    // 5 nights so far (18..22 November) is more than 3
    const tooLong = await t.post(`/v1/aanmeldingen/${r.registrationId}/bedden-voor-de-nacht`, {
      eenheidId: fx.reserve,
      datum: '2026-11-18',
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.invalidParams[0].reason).toContain('ten hoogste 3 nachten');
    const bed = await t.post(`/v1/aanmeldingen/${r.registrationId}/bedden-voor-de-nacht`, {
      eenheidId: fx.reserve,
      datum: '2026-11-21',
    });
    expect(bed.status).toBe(201);
    expect(bed.body).toMatchObject({
      bedVoorDeNacht: true,
      trajectId: null,
      aanmeldingId: r.registrationId,
      tot: null,
    });
    // ending after 4 nights is refused; after 2 it is fine
    expect((await t.post(`/v1/plaatsingen/${bed.body.id}/beeindigingen`, { datum: '2026-11-25' })).status).toBe(400);
    const decision = await t.post(`/v1/aanmeldingen/${r.registrationId}/besluiten`, {
      uitkomst: 'toegang',
      datum: '2026-11-23',
    });
    expect(decision.status).toBe(201);
    const stay = await database.db
      .selectFrom('stays')
      .select(['trajectory_id', 'ended_on'])
      .where('id', '=', bed.body.id)
      .executeTakeFirstOrThrow();
    expect(stay).toEqual({ trajectory_id: decision.body.trajectId, ended_on: null });
  });

  it('blijft bij afwijzing een verblijf van alleen de aanmelding en eindigt op de besluitdatum', async () => {
    const r = await registration('Afgewezen', '2026-11-21');
    const bed = await t.post(`/v1/aanmeldingen/${r.registrationId}/bedden-voor-de-nacht`, {
      eenheidId: room3,
      datum: '2026-11-21',
    });
    expect(bed.status).toBe(201);
    const d = await t.post(`/v1/aanmeldingen/${r.registrationId}/besluiten`, {
      uitkomst: 'afwijzing',
      datum: '2026-11-22',
      reden: 'Geen dakloosheid',
    });
    expect(d.status).toBe(201);
    const stay = await database.db
      .selectFrom('stays')
      .select(['trajectory_id', 'ended_on'])
      .where('id', '=', bed.body.id)
      .executeTakeFirstOrThrow();
    expect(stay).toEqual({ trajectory_id: null, ended_on: '2026-11-22' });
    // after the decision no more beds for the night on this registration
    const again = await t.post(`/v1/aanmeldingen/${r.registrationId}/bedden-voor-de-nacht`, {
      eenheidId: room3,
      datum: '2026-11-23',
    });
    expect(again.status).toBe(409);
  });

  it('het maximum is een instelling van de centrumgemeente (bedVoorDeNachtMaxNachten)', async () => {
    await database.db
      .updateTable('tenants')
      .set({ settings: JSON.stringify({ bedVoorDeNachtMaxNachten: 5 }) })
      .where('id', '=', 'dordrecht')
      .execute();
    try {
      const r = await registration('Vijf', '2026-11-18');
      const bed = await t.post(`/v1/aanmeldingen/${r.registrationId}/bedden-voor-de-nacht`, {
        eenheidId: room4,
        datum: '2026-11-18',
        tot: '2026-11-23',
      });
      expect(bed.status).toBe(201);
      expect(bed.body.nachten).toBe(5);
    } finally {
      await database.db.updateTable('tenants').set({ settings: '{}' }).where('id', '=', 'dordrecht').execute();
    }
  });
});
