import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { anAdmittedClient, type Json, loginAs, seedFixture } from '../../test/fixtures.js';
import { parseSearch } from './client-search.js';

// Issue 12: search by name in any order and form, without diacritics, with a typo; by birth date, client number
// and BSN (POST body). Real app and database (PGlite, and PostgreSQL when DATABASE_URL is set).
let database: Database;
let t: Awaited<ReturnType<typeof loginAs>>;
let almere: Awaited<ReturnType<typeof loginAs>>;
const NOW = new Date('2026-12-02T10:00:00Z');
let patrick: string;
let bas: string[];
let chloe: string;

const names = (r: Json) => (r.body.resultaten as Json[]).map((c) => `${c.voornaam} ${c.achternaam}`);
const search = (q: string) => t.get(`/v1/clienten?zoek=${encodeURIComponent(q)}`);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedFixture(database);
  const app = createApp({ database, now: () => NOW });
  t = await loginAs(app, 'toegang');
  almere = await loginAs(app, 'almere.toegang');
  const mk = async (body: Json) => {
    const r = await t.post('/v1/clienten', { herkomstGemeentecode: '0505', ...body });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  patrick = await mk({ voornaam: 'Patrick', achternaam: 'van Leeuwen', geboortedatum: '1985-03-12', bsn: '123456782' });
  await mk({ voornaam: 'Patricia', achternaam: 'Leeuw', geboortedatum: '1990-01-01' });
  chloe = await mk({ voornaam: 'Chloë', achternaam: 'Müller', geboortedatum: '1977-07-07' });
  bas = [];
  for (const [i, d] of ['1980-01-01', '1981-02-02', '1982-03-03', '1983-04-04'].entries())
    bas.push(await mk({ voornaam: 'Bas', achternaam: 'Peters', geboortedatum: d, telefoon: `06-${i}` }));
  await anAdmittedClient(t, { clientId: bas[1], voornaam: 'Bas', admittedOn: '2026-11-20' });
});
afterAll(async () => database?.close());

describe('cliënten zoeken (issue 12)', () => {
  it('parses dates, client numbers and name words', () => {
    expect(parseSearch('Leeuwen, Patrick 12-3-1985 1a2b3c4d')).toEqual({
      words: ['leeuwen', 'patrick'],
      birthDates: ['1985-03-12'],
      clientNumbers: ['1a2b3c4d'],
    });
  });

  it('finds "Leeuwen, Patrick" (the list\'s own format) and "patrick v leeuwen", in any order', async () => {
    for (const q of ['Leeuwen, Patrick', 'patrick v leeuwen', 'van leeuwen patrick', 'PATRICK']) {
      const r = await search(q);
      expect(r.status).toBe(200);
      expect(names(r)[0], q).toBe('Patrick van Leeuwen');
    }
  });

  it('ignores diacritics both ways', async () => {
    expect(names(await search('chloe muller'))).toEqual(['Chloë Müller']);
    expect(names(await search('Müller'))).toEqual(['Chloë Müller']);
    expect((await search('Mül')).body.resultaten[0].id).toBe(chloe);
  });

  it('tolerates one typo, but ranks exact matches first', async () => {
    expect(names(await search('Patrik Leeuwen'))).toContain('Patrick van Leeuwen');
    expect(names(await search('Leuwen'))).toContain('Patrick van Leeuwen');
    const r = await search('Peters');
    expect(names(r).slice(0, 4)).toEqual(['Bas Peters', 'Bas Peters', 'Bas Peters', 'Bas Peters']);
    expect(names(await search('xyzzy'))).toEqual([]);
  });

  it('finds by birth date, alone or with a name, in Dutch or ISO form', async () => {
    expect(names(await search('12-03-1985'))).toEqual(['Patrick van Leeuwen']);
    expect(names(await search('1985-03-12'))).toEqual(['Patrick van Leeuwen']);
    expect((await search('Peters 2-2-1981')).body.resultaten.map((c: Json) => c.id)).toEqual([bas[1]]);
  });

  it('finds by client number (the first 8 characters or all of it)', async () => {
    expect((await search(patrick.slice(0, 8))).body.resultaten.map((c: Json) => c.id)).toEqual([patrick]);
    expect((await search(patrick)).body.resultaten.map((c: Json) => c.id)).toEqual([patrick]);
  });

  it('tells four "Bas Peters" apart: birth date, status and last contact', async () => {
    const r = await search('Bas Peters');
    expect(r.body.totaal).toBe(4);
    const admitted = r.body.resultaten.find((c: Json) => c.id === bas[1]);
    expect(admitted).toMatchObject({ geboortedatum: '1981-02-02', laatsteContact: '2026-11-20' });
    expect(r.body.resultaten.find((c: Json) => c.id === bas[0])).toMatchObject({ laatsteContact: null });
    expect(new Set(r.body.resultaten.map((c: Json) => c.geboortedatum)).size).toBe(4);
  });

  it('counts all matches on every page (issue 15: the count comes with the page), also past the last page', async () => {
    const page = (n: number) => t.get(`/v1/clienten?zoek=Bas%20Peters&paginaGrootte=3&pagina=${n}`);
    const { last } = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('last'))
      .executeTakeFirstOrThrow();
    const [p1, p2, p3] = [await page(1), await page(2), await page(3)];
    expect([p1, p2, p3].map((r) => r.body.totaal)).toEqual([4, 4, 4]);
    expect([p1, p2, p3].map((r) => r.body.resultaten.length)).toEqual([3, 1, 0]);
    expect([p1, p2, p3].map((r) => !!r.body._links.next)).toEqual([true, false, false]);
    expect(new Set([...p1.body.resultaten, ...p2.body.resultaten].map((c: Json) => c.id))).toEqual(new Set(bas));
    expect((await t.get('/v1/clienten?zoek=Nergensgevonden&pagina=2')).body).toMatchObject({
      totaal: 0,
      resultaten: [],
    });
    // one audit row per person shown, each with the total of the search
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['client_id', 'detail'])
      .where('action', '=', 'zoeken')
      .where('detail', 'like', 'zoekterm (10 tekens)%')
      .where('id', '>', Number(last))
      .execute();
    expect(rows.map((r) => r.client_id).sort()).toEqual([...bas].sort());
    expect(new Set(rows.map((r) => r.detail))).toEqual(new Set(['zoekterm (10 tekens), 4 resultaten']));
  });

  it('finds by BSN only through POST with the BSN in the body; another tenant finds nothing', async () => {
    const r = await t.post('/v1/clienten/_zoek', { bsn: '123456782' });
    expect(r.status).toBe(200);
    expect(r.body.resultaten.map((c: Json) => c.id)).toEqual([patrick]);
    expect((await t.post('/v1/clienten/_zoek', { bsn: '12345' })).status).toBe(400);
    expect((await almere.post('/v1/clienten/_zoek', { bsn: '123456782' })).body.totaal).toBe(0);
    expect((await almere.get('/v1/clienten?zoek=Leeuwen')).body.totaal).toBe(0);
  });

  it('counts only what the searcher may see, though ids and count are picked without RLS (ADR 0036)', async () => {
    const app = createApp({ database, now: () => NOW });
    const locatie2 = await loginAs(app, 'locatie2'); // shelter staff of a facility where no Bas Peters stays
    for (const who of [almere, locatie2])
      for (const n of [1, 2]) {
        const r = await who.get(`/v1/clienten?zoek=Bas%20Peters&paginaGrootte=3&pagina=${n}`);
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ totaal: 0, resultaten: [] });
      }
    // the same search in the own tenant still finds all four
    expect((await t.get('/v1/clienten?zoek=Bas%20Peters&paginaGrootte=3&pagina=2')).body.totaal).toBe(4);
  });

  it('keeps the search keys up to date when a name is corrected in the database', async () => {
    await database.db.updateTable('clients').set({ last_name: 'de Vries' }).where('id', '=', chloe).execute();
    expect(names(await search('Chloe Vries'))).toEqual(['Chloë de Vries']);
    expect(names(await search('Müller'))).toEqual([]);
  });
});
