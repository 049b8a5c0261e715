import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { aPlacedClient, loginAs, seedFixture } from '../../test/fixtures.js';
import { arrearsCents, nightsDue, parseEuroCents, sumCents } from './own-contribution.js';

// Issue 19, eigen bijdrage and budget. The 40-night case, computed by hand:
//   stay 2026-09-01 → 2026-10-11 (40 nights) at the crisisopvang;
//   tariff € 5,00 per night from 2026-01-01 and € 6,00 from 2026-10-01;
//   vrijstelling 2026-09-21 t/m 2026-09-30 ("inkomen onder bijstandsnorm"): 10 nights at € 0;
//   due = 20 × 5,00 (1–20 sept) + 10 × 0 (21–30 sept) + 10 × 6,00 (1–10 okt) = € 160,00.
let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
const NOW = new Date('2026-11-23T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  app = createApp({ database, now: () => NOW });
});
afterAll(() => database.close());

describe('eigen bijdrage: de regels per nacht', () => {
  const rates = [
    { facilityType: 'crisisopvang', perNightCents: 500, validFrom: '2026-01-01' },
    { facilityType: 'crisisopvang', perNightCents: 600, validFrom: '2026-10-01' },
  ];
  const stay = [{ facilityType: 'crisisopvang', startedOn: '2026-09-01', endedOn: '2026-10-11' }];
  it('een verblijf van 40 nachten met 10 nachten vrijstelling en een tariefwijziging komt uit op € 160,00', () => {
    const nights = nightsDue(
      stay,
      rates,
      [{ kind: 'vrijstelling', percentage: 100, fromOn: '2026-09-21', toOn: '2026-09-30' }],
      '2026-11-23',
    );
    expect(nights).toHaveLength(40);
    expect(nights.filter((n) => n.dueCents === 0)).toHaveLength(10);
    expect(sumCents(nights)).toBe(16_000);
  });
  it('telt alleen nachten tot en met vannacht, en een korting van 25% per nacht', () => {
    const open = [{ facilityType: 'crisisopvang', startedOn: '2026-11-20', endedOn: null }];
    const nights = nightsDue(
      open,
      rates,
      [{ kind: 'korting', percentage: 25, fromOn: '2026-11-21', toOn: null }],
      '2026-11-23',
    );
    expect(nights.map((n) => [n.night, n.dueCents])).toEqual([
      ['2026-11-20', 600],
      ['2026-11-21', 450],
      ['2026-11-22', 450],
    ]);
  });
  it('zonder tarief voor het type is een nacht € 0 (niet geraden)', () => {
    expect(sumCents(nightsDue([{ ...stay[0]!, facilityType: 'gezinsopvang' }], rates, [], '2026-11-23'))).toBe(0);
  });
  it('achterstand = wat voor nachten van meer dan 60 dagen geleden nog niet betaald is', () => {
    const nights = nightsDue(stay, rates, [], '2026-11-23'); // cutoff 2026-09-24: 23 nights × 5,00
    expect(arrearsCents(nights, 0, '2026-11-23')).toBe(11_500);
    expect(arrearsCents(nights, 20_000, '2026-11-23')).toBe(0);
  });
  it('leest bedragen zoals mensen ze typen', () => {
    expect(['12,50', '1.234,56', '12.5', '€ 7', 'abc', '1,2,3'].map(parseEuroCents)).toEqual([
      1250,
      123456,
      1250,
      700,
      null,
      null,
    ]);
  });
});

describe('eigen bijdrage via de API', () => {
  let clientId: string;
  it('beheerder legt tarieven vast; dubbel tarief is 409, onzin is 400 met Nederlandse reden', async () => {
    const beheer = await loginAs(app, 'beheer');
    for (const [bedrag, vanaf] of [
      ['5,00', '2026-01-01'],
      ['6,00', '2026-10-01'],
    ])
      expect(
        (
          await beheer.post('/v1/tarieven', {
            soort: 'eigen-bijdrage',
            voorzieningstype: 'crisisopvang',
            bedragPerNacht: bedrag,
            geldigVanaf: vanaf,
          })
        ).status,
      ).toBe(201);
    expect(
      (
        await beheer.post('/v1/tarieven', {
          soort: 'kostprijs',
          voorzieningstype: 'crisisopvang',
          bedragPerNacht: 80,
          geldigVanaf: '2020-01-01',
        })
      ).status,
    ).toBe(201);
    const dup = await beheer.post('/v1/tarieven', {
      soort: 'eigen-bijdrage',
      voorzieningstype: 'crisisopvang',
      bedragPerNacht: '9',
      geldigVanaf: '2026-01-01',
    });
    expect(dup.status).toBe(409);
    const bad = await beheer.post('/v1/tarieven', {
      soort: 'eigen-bijdrage',
      voorzieningstype: 'paleis',
      bedragPerNacht: 'veel',
      geldigVanaf: '2026-01-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'bedragPerNacht',
      'voorzieningstype',
    ]);
    const toegang = await loginAs(app, 'toegang');
    expect(
      (
        await toegang.post('/v1/tarieven', {
          soort: 'kostprijs',
          voorzieningstype: 'crisisopvang',
          bedragPerNacht: 1,
          geldigVanaf: '2026-02-01',
        })
      ).status,
    ).toBe(403);
  });

  it('40 nachten met vrijstelling: € 160,00 verschuldigd, na betaling van € 50,00 een saldo van € 110,00; gelogd', async () => {
    const t = await loginAs(app, 'toegang');
    const placed = await aPlacedClient(t, { voornaam: 'Veertig', admittedOn: '2026-09-01', unit: fx.room1 });
    clientId = placed.clientId;
    expect((await t.post(`/v1/plaatsingen/${placed.stayId}/beeindigingen`, { datum: '2026-10-11' })).status).toBe(200);
    const noReason = await t.post(`/v1/clienten/${clientId}/eigen-bijdrage/aanpassingen`, {
      soort: 'vrijstelling',
      van: '2026-09-21',
      tot: '2026-09-30',
      reden: ' ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.invalidParams[0].reason).toMatch(/reden/);
    const adj = await t.post(`/v1/clienten/${clientId}/eigen-bijdrage/aanpassingen`, {
      soort: 'vrijstelling',
      van: '2026-09-21',
      tot: '2026-09-30',
      reden: 'Inkomen onder de bijstandsnorm',
    });
    expect(adj.status).toBe(201);
    expect(adj.body).toMatchObject({ nachten: 40, nachtenVrijgesteld: 10, verschuldigd: 160, betaald: 0, saldo: 160 });
    expect(adj.body.perMaand).toEqual([
      { maand: '2026-09', nachten: 30, nachtenVrijgesteld: 10, verschuldigd: 100 },
      { maand: '2026-10', nachten: 10, nachtenVrijgesteld: 0, verschuldigd: 60 },
    ]);
    const pay = await t.post(`/v1/clienten/${clientId}/eigen-bijdrage/betalingen`, {
      datum: '2026-10-15',
      bedrag: '50,00',
      kenmerk: 'KAS-1',
    });
    expect(pay.status).toBe(201);
    expect(pay.body).toMatchObject({ verschuldigd: 160, betaald: 50, saldo: 110, achterstand: 50 });
    const future = await t.post(`/v1/clienten/${clientId}/eigen-bijdrage/betalingen`, {
      datum: '2027-01-01',
      bedrag: 0,
    });
    expect(future.status).toBe(400);
    expect(future.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['bedrag', 'datum']);
    const logged = await database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('client_id', '=', clientId)
      .where('resource', '=', 'eigen-bijdrage')
      .execute();
    expect(logged.map((l) => l.action)).toEqual(expect.arrayContaining(['aanmaken', 'lezen']));
  });

  it('het maandoverzicht voor de administratie (JSON en CSV) telt de nachten van die maand', async () => {
    const t = await loginAs(app, 'toegang');
    const o = await t.get('/v1/eigen-bijdrage-maandoverzichten/2026-10');
    expect(o.status).toBe(200);
    const row = o.body.rijen.find((r: { clientId: string }) => r.clientId === clientId);
    expect(row).toMatchObject({ nachten: 10, verschuldigd: 60, betaald: 50, saldo: 110 });
    const csv = await t.get('/v1/eigen-bijdrage-maandoverzichten/2026-10?formaat=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body).toContain(`2026-10;${clientId};Veertig Test;10;0;60,00;50,00;110,00`);
    expect((await t.get('/v1/eigen-bijdrage-maandoverzichten/2026-13')).status).toBe(400);
    expect((await (await loginAs(app, 'beleid')).get('/v1/eigen-bijdrage-maandoverzichten/2026-10')).status).toBe(403);
  });

  it('een achterstand wordt één keer per maand een vroegsignaal met een preventiezaak', async () => {
    const t = await loginAs(app, 'toegang');
    const first = await t.post('/v1/eigen-bijdrage-achterstandssignaleringen', {});
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ aantalSignalen: 1, aantalAlGemeld: 0 });
    const signal = await database.db
      .selectFrom('early_signals')
      .innerJoin('prevention_cases', 'prevention_cases.signal_id', 'early_signals.id')
      .select(['early_signals.amount_arrears', 'early_signals.source_type', 'prevention_cases.status'])
      .where('early_signals.reference', '=', `EB-${clientId}-2026-11`)
      .executeTakeFirstOrThrow();
    // nights before 2026-09-24: 20 × 5,00 + 3 exempt = 100,00; paid 50,00 → 50,00 arrears
    expect(signal).toMatchObject({ amount_arrears: 50, source_type: 'eigen-bijdrage', status: 'nieuw' });
    expect((await t.post('/v1/eigen-bijdrage-achterstandssignaleringen', {})).body).toEqual({
      aantalSignalen: 0,
      aantalAlGemeld: 1,
    });
  });

  it('budget: bednachten × kostprijs tegen het regionale budget, zichtbaar voor beleid (alleen totalen)', async () => {
    const beheer = await loginAs(app, 'beheer');
    const set = await beheer.post('/v1/budgetten', { jaar: 2026, omschrijving: 'Innovaties', bedrag: '900.000,00' });
    expect(set.status).toBe(201);
    const beleid = await loginAs(app, 'beleid');
    const b = await beleid.get('/v1/budgetten/2026');
    expect(b.status).toBe(200);
    expect(b.body.totaalBudget).toBe(900_000);
    const crisis = b.body.uitgaven.find((u: { voorzieningstype: string }) => u.voorzieningstype === 'crisisopvang');
    expect(crisis).toMatchObject({ bednachten: 40, bedrag: 3200, kostprijsBekend: true });
    expect(b.body.resterend).toBe(900_000 - b.body.totaalUitgaven);
    expect(JSON.stringify(b.body)).not.toContain('Veertig');
    expect((await beleid.get(`/v1/clienten/${clientId}/eigen-bijdrage`)).status).toBe(403);
  });
});
