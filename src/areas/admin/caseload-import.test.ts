// Issue 11 part B: moving the current caseload in from a CSV file. A 200-row file with 3 bad rows imports 197 and
// explains 3; the preview writes nothing; running the same file again changes nothing; placements respect unit
// capacity (through the placement service); an imported client is found and placed by the toegang. Both databases.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { caseloadFile } from '../../test/caseload-file.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, type Json, loginAs, seedFixture } from '../../test/fixtures.js';
import { CASELOAD_COLUMNS, caseloadTemplate, checkCaseloadCsv } from './caseload-csv.js';

let database: Database;
let app: ReturnType<typeof createApp>;
let beheer: ApiClient;
let toegang: ApiClient;
const now = new Date('2026-12-02T10:00:00Z');
const LOC = 'Nachtopvang Import';

const count = async (table: 'clients' | 'registrations' | 'trajectories' | 'waiting_list_entries' | 'import_records') =>
  (await database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const openStays = async () =>
  (
    await database.db
      .selectFrom('stays')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('ended_on', 'is', null)
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  app = createApp({ database, now: () => now });
  beheer = await loginAs(app, 'beheer');
  toegang = await loginAs(app, 'toegang');
  const loc = await beheer.post('/v1/locaties', {
    naam: LOC,
    type: 'crisisopvang',
    adres: 'Straat 1',
    gemeentecode: '0505',
  });
  const units = await beheer.post(`/v1/locaties/${loc.body.id}/eenheidreeksen`, {
    reeksen: [{ voorvoegsel: 'K', van: 1, tot: 30, soort: 'eenpersoonskamer', bedden: 1 }],
  });
  expect(units.status).toBe(201);
});
afterAll(() => database.close());
let fixtureClients = 0;
beforeAll(async () => {
  fixtureClients = await count('clients');
});

describe('het bestandsformaat', () => {
  it('leest Excel-NL (; en BOM), komma-CSV en aanhalingstekens met regeleinden', () => {
    const semi = checkCaseloadCsv('\uFEFFexternId;voornaam;achternaam\r\nA1;"Jan;Piet";"de ""Vries"""\r\n');
    expect(semi.bestandsfouten).toEqual([]);
    expect(semi.rows[0]!.cells).toEqual({ externId: 'A1', voornaam: 'Jan;Piet', achternaam: 'de "Vries"' });
    const comma = checkCaseloadCsv('extern_id,Voornaam,achternaam\nA1,"Jan\nPiet",Jansen\n\n');
    expect(comma.rows).toHaveLength(1);
    expect(comma.rows[0]!.cells.voornaam).toBe('Jan\nPiet');
    expect(checkCaseloadCsv('voornaam;achternaam\nJan;Jansen').bestandsfouten[0]).toMatch(/externId/);
    expect(checkCaseloadCsv('externId;voornaam;achternaam\n"A1;Jan').bestandsfouten[0]).toMatch(/geen geldige CSV/);
  });

  it('het sjabloon heeft alle kolommen en geldige voorbeeldregels', () => {
    const t = checkCaseloadCsv(caseloadTemplate());
    expect(t.bestandsfouten).toEqual([]);
    expect(t.rows.map((r) => r.problems)).toEqual([[], []]);
  });
});

describe('de huidige caseload overnemen', () => {
  const file = { bestandsnaam: 'caseload.csv', inhoud: caseloadFile(LOC) };

  it('de voorvertoning toont de fouten van elke regel en schrijft niets', async () => {
    const before = await count('clients');
    const r = await toegang.post('/v1/dossierimports/voorvertoningen', file);
    expect(r.status).toBe(200);
    expect(r.body.verwerkt).toBe(false);
    expect(r.body.aantallen).toEqual({ regels: 200, geldig: 197, fout: 3, alGeimporteerd: 0, geimporteerd: 0 });
    const bad = r.body.regels.filter((l: { status: string }) => l.status === 'fout');
    expect(bad.map((l: { regel: number }) => l.regel)).toEqual([51, 61, 71]);
    expect(bad[0].fouten[0]).toMatchObject({ veld: 'bsn' });
    expect(bad[1].fouten[0].veld).toBe('eenheid');
    expect(bad[1].fouten[0].reden).toMatch(/vol/);
    expect(bad[2].fouten[0]).toMatchObject({ veld: 'trajectStart' });
    expect(await count('clients')).toBe(before);
    expect(await count('import_records')).toBe(0);
  });

  it('in delen (zoals het scherm de voortgang toont) geeft de voorvertoning dezelfde uitkomst per regel', async () => {
    const whole = await toegang.post('/v1/dossierimports/voorvertoningen', file);
    const parts: { regel: number; status: string; fouten: unknown[] }[] = [];
    for (let vanaf = 1; vanaf <= 200; vanaf += 40) {
      const r = await toegang.post('/v1/dossierimports/voorvertoningen', {
        ...file,
        vanafRegel: vanaf,
        aantalRegels: 40,
      });
      expect(r.status).toBe(200);
      expect(r.body.regelsInBestand).toBe(200);
      expect(r.body.aantallen.regels).toBe(40);
      parts.push(...r.body.regels.map((l: Json) => ({ regel: l.regel, status: l.status, fouten: l.fouten })));
    }
    // row 61 puts a second client in K01 (taken by row 2, in the first part): still refused as full
    expect(parts).toEqual(whole.body.regels.map((l: Json) => ({ regel: l.regel, status: l.status, fouten: l.fouten })));
    expect(await count('clients')).toBe(fixtureClients);
  });

  it('importeert 197 regels, legt 3 uit, en plaatst binnen de capaciteit', async () => {
    const before = { clients: await count('clients'), stays: await openStays() };
    const r = await toegang.post('/v1/dossierimports', file);
    expect(r.status).toBe(201);
    expect(r.body.aantallen).toEqual({ regels: 200, geldig: 0, fout: 3, alGeimporteerd: 0, geimporteerd: 197 });
    const bad = r.body.regels.filter((l: { status: string }) => l.status === 'fout');
    expect(bad.map((l: { regel: number; fouten: { veld: string }[] }) => [l.regel, l.fouten[0]!.veld])).toEqual([
      [51, 'bsn'],
      [61, 'eenheid'],
      [71, 'trajectStart'],
    ]);
    expect(bad[1].fouten[0].reden).toMatch(/K01 in Nachtopvang Import is vol/);
    expect(await count('clients')).toBe(before.clients + 197);
    expect(await openStays()).toBe(before.stays + 25);
    expect(await count('trajectories')).toBe(40);
    expect(await count('registrations')).toBe(197);
    expect(await count('waiting_list_entries')).toBe(15);
    const odd = await database.db
      .selectFrom('clients')
      .select('last_name')
      .where('first_name', '=', 'Voornaam003')
      .executeTakeFirstOrThrow();
    expect(odd.last_name).toBe('van den Berg; jr');
  });

  it('hetzelfde bestand opnieuw verandert niets', async () => {
    const before = { clients: await count('clients'), stays: await openStays(), regs: await count('registrations') };
    const r = await toegang.post('/v1/dossierimports', file);
    expect(r.body.aantallen).toMatchObject({ geimporteerd: 0, alGeimporteerd: 197, fout: 3 });
    expect({ clients: await count('clients'), stays: await openStays(), regs: await count('registrations') }).toEqual(
      before,
    );
  });

  it('een overgenomen cliënt wordt door de toegang gevonden en geplaatst', async () => {
    const found = await toegang.get('/v1/clienten?zoek=Import030');
    // one typo is tolerated, so Import031 matches too; the exact name ranks first and exists once
    const exact = found.body.resultaten.filter((c: { achternaam: string }) => c.achternaam === 'Import030');
    expect(exact).toHaveLength(1);
    expect(found.body.resultaten[0].achternaam).toBe('Import030');
    const clientId = exact[0].id;
    const board = await toegang.get('/v1/locaties');
    const loc = board.body.resultaten.find((l: { naam: string }) => l.naam === LOC);
    const units = await toegang.get(`/v1/locaties/${loc.id}/bezetting`);
    const k30 = units.body.eenheden.find((e: { naam: string }) => e.naam === 'K30');
    const placed = await toegang.post('/v1/plaatsingen', { clientId, eenheidId: k30.id, datum: '2026-12-01' });
    expect(placed.status).toBe(201);
    const log = await database.db
      .selectFrom('audit_log')
      .select(['action', 'resource'])
      .where('client_id', '=', clientId)
      .execute();
    expect(log).toEqual(
      expect.arrayContaining([
        { action: 'aanmaken', resource: 'dossierimport' },
        { action: 'aanmaken', resource: 'client' },
      ]),
    );
  });

  it('alleen de toegang neemt dossiers over', async () => {
    expect((await beheer.post('/v1/dossierimports', file)).status).toBe(403);
    const t = await app.request('/v1/dossierimports/sjabloon', { headers: { cookie: toegang.cookie } });
    expect(t.status).toBe(200);
    expect((await t.text()).split('\r\n')[0]).toBe(CASELOAD_COLUMNS.join(';'));
  });
});
