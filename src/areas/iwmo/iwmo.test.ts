import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { type ApiClient, aPlacedClient, loginAs, seedFixture } from '../../test/fixtures.js';
import { type ClientGegevens, readBericht, write305, write307, write315, write323 } from './messages.js';
import { validateAgainstXsd, xmllintAvailable } from './xsd.js';

// Issue 19 (iWmo 3.2): a placement with a toegangsbesluit produces a 301 that validates against the XSD; the
// provider's 305, 307 and 323 are matched to the stay and its nights, differences land on the worklist, a wrong 323
// is flagged, and a 315 is answered with a 319 (or a 301 when granted).

let database: Database;
let app: ReturnType<typeof createApp>;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let t: ApiClient;
let loc: ApiClient;
let loc2: ApiClient;
let almere: ApiClient;
const NOW = new Date('2026-11-23T10:00:00Z');
const AGB = '12345678';
const GEMEENTE = '0505';
const BSN = '111222333'; // passes the elfproef
const BSN_B = '123456782';
const BSN_ONBEKEND = '100000009';
let placed: { clientId: string; stayId: string };
let placedB: { clientId: string; stayId: string };
let toewijzingNummer: number;
let toewijzingB: number;
let seq = 0;

const client = (bsn: string, achternaam = 'Jansen'): ClientGegevens => ({
  bsn,
  geboortedatum: '1980-05-01',
  geslacht: '0',
  achternaam,
  voornamen: 'Piet',
});
const vanAanbieder = () => ({
  agbCode: AGB,
  gemeente: GEMEENTE,
  identificatie: `A${++seq}`,
  dagtekening: '2026-11-23',
});

function expectValid(xml: string, soort: Parameters<typeof validateAgainstXsd>[1]) {
  if (!xmllintAvailable())
    throw new Error('xmllint ontbreekt: installeer libxml2-utils (apt-get install libxml2-utils)');
  expect(validateAgainstXsd(xml, soort)).toEqual([]);
}

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  await database.db
    .insertInto('iwmo_aanbieders')
    .values({ tenant_id: 'dordrecht', facility_id: fx.facilityId, agb_code: AGB, naam: 'Leger des Heils' })
    .execute();
  app = createApp({ database, now: () => NOW });
  t = await loginAs(app, 'toegang');
  loc = await loginAs(app, 'locatie');
  loc2 = await loginAs(app, 'locatie2');
  almere = await loginAs(app, 'almere.toegang');
  placed = await aPlacedClient(t, {
    voornaam: 'Piet',
    achternaam: 'Jansen',
    bsn: BSN,
    admittedOn: '2026-11-01',
    unit: fx.room1,
  });
  placedB = await aPlacedClient(t, {
    voornaam: 'Bea',
    achternaam: 'Bos',
    bsn: BSN_B,
    admittedOn: '2026-11-10',
    unit: fx.room2,
  });
});
afterAll(() => database.close());

const upload = (who: ApiClient, xml: string) => who.post('/v1/iwmo-berichten', { xml, bestandsnaam: 'test.xml' });

describe('301: een plaatsing met toegangsbesluit wordt een toewijzing', () => {
  it('toont de plaatsing als kandidaat en maakt een 301 die tegen de XSD valideert', async () => {
    const k = await t.get('/v1/iwmo-toewijzingskandidaten');
    expect(k.status).toBe(200);
    const kand = k.body.verblijven.find((v: { verblijfId: string }) => v.verblijfId === placed.stayId);
    expect(kand).toMatchObject({ agbCode: AGB, productcategorie: '16', belemmering: null, sinds: '2026-11-01' });

    const r = await t.post('/v1/iwmo-toewijzingen', { verblijfId: placed.stayId });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ berichtcode: '301', richting: 'uit', agbCode: AGB, status: 'klaarVoorOphalen' });
    const file = await t.get(`/v1/iwmo-berichten/${r.body.id}/bestand`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('application/xml');
    const xml: string = file.body;
    expectValid(xml, '301');
    const gelezen = readBericht(xml);
    expect(gelezen.soort).toBe('301');
    expect(gelezen.header).toMatchObject({
      berichtcode: '414',
      berichtversie: '3',
      berichtsubversie: '2',
      afzender: GEMEENTE,
      ontvanger: AGB,
    });
    expect(xml).toContain('<iwmo:Categorie>16</iwmo:Categorie>');
    expect(xml).toContain('<iwmo:Eenheid>14</iwmo:Eenheid>');
    expect(xml).toContain('<wmo301:Ingangsdatum>2026-11-01</wmo301:Ingangsdatum>');
    toewijzingNummer = Number(/<wmo301:ToewijzingNummer>(\d+)</.exec(xml)![1]);
    const after = await t.get(`/v1/iwmo-berichten/${r.body.id}`);
    expect(after.body.status).toBe('opgehaald');

    const again = await t.post('/v1/iwmo-toewijzingen', { verblijfId: placed.stayId });
    expect(again.status).toBe(409);
    const b = await t.post('/v1/iwmo-toewijzingen', { verblijfId: placedB.stayId });
    expect(b.status).toBe(201);
    toewijzingB = Number(
      /<wmo301:ToewijzingNummer>(\d+)</.exec((await t.get(`/v1/iwmo-berichten/${b.body.id}/bestand`)).body)![1],
    );
  });

  it('weigert een toewijzing voor een verblijf op een locatie zonder AGB-code', async () => {
    const other = await aPlacedClient(t, {
      voornaam: 'Zonder',
      bsn: '999999990',
      admittedOn: '2026-11-05',
      unit: fx.otherRoom,
    });
    const r = await t.post('/v1/iwmo-toewijzingen', { verblijfId: other.stayId });
    expect(r.status).toBe(409);
  });
});

describe('305 en 307: start en stop worden aan het verblijf gekoppeld', () => {
  it('een 305 op de begindatum van het verblijf wordt zonder verschil verwerkt', async () => {
    const xml = write305({
      ...vanAanbieder(),
      client: client(BSN),
      starts: [{ toewijzingNummer, categorie: '16', toewijzingIngangsdatum: '2026-11-01', begindatum: '2026-11-01' }],
    });
    expectValid(xml, '305');
    const r = await upload(t, xml);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ berichtcode: '305', richting: 'in', status: 'verwerkt', clientId: placed.clientId });
    expect(r.body.verschillen).toEqual([]);
  });

  it('een startdatum buiten de toewijzing en een tweede start komen op de werklijst', async () => {
    const r = await upload(
      t,
      write305({
        ...vanAanbieder(),
        client: client(BSN),
        starts: [{ toewijzingNummer, categorie: '16', toewijzingIngangsdatum: '2026-11-01', begindatum: '2026-10-20' }],
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('verwerktMetVerschillen');
    expect(r.body.verschillen.map((v: { soort: string }) => v.soort).sort()).toEqual([
      'dubbeleStart',
      'startBuitenToewijzing',
    ]);
  });

  it('een afwijkende startdatum binnen de toewijzing is een verschil met het verblijf', async () => {
    const r = await upload(
      t,
      write305({
        ...vanAanbieder(),
        client: client(BSN_B, 'Bos'),
        starts: [
          {
            toewijzingNummer: toewijzingB,
            categorie: '16',
            toewijzingIngangsdatum: '2026-11-10',
            begindatum: '2026-11-12',
          },
        ],
      }),
    );
    expect(r.body.verschillen.map((v: { soort: string }) => v.soort)).toEqual(['datumWijktAf']);
  });

  it('een onbekende cliënt en een onbekende toewijzing komen op de werklijst', async () => {
    const r = await upload(
      t,
      write305({
        ...vanAanbieder(),
        client: client(BSN_ONBEKEND, 'Onbekend'),
        starts: [
          { toewijzingNummer: 999, categorie: '16', toewijzingIngangsdatum: '2026-11-01', begindatum: '2026-11-01' },
        ],
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body.verschillen.map((v: { soort: string }) => v.soort).sort()).toEqual([
      'geenToewijzing',
      'onbekendeClient',
    ]);
  });

  it('één 307 per 305: de tweede stop is een verschil; een stop terwijl het verblijf loopt ook', async () => {
    const stop = () =>
      write307({
        ...vanAanbieder(),
        client: client(BSN),
        stops: [
          {
            toewijzingNummer,
            categorie: '16',
            toewijzingIngangsdatum: '2026-11-01',
            begindatum: '2026-11-01',
            einddatum: '2026-11-20',
            reden: '19',
          },
        ],
      });
    const first = stop();
    expectValid(first, '307');
    const r1 = await upload(t, first);
    expect(r1.status).toBe(201);
    expect(r1.body.verschillen.map((v: { soort: string }) => v.soort)).toEqual(['datumWijktAf']);
    const r2 = await upload(t, stop());
    expect(r2.body.verschillen.map((v: { soort: string }) => v.soort)).toEqual(['dubbeleStop']);
  });

  it('een 307 zonder 305 is een verschil', async () => {
    const nieuw = await aPlacedClient(t, {
      voornaam: 'Cor',
      bsn: '111111110',
      admittedOn: '2026-11-15',
      unit: fx.family,
    });
    const tw = await t.post('/v1/iwmo-toewijzingen', { verblijfId: nieuw.stayId });
    const nr = Number(
      /<wmo301:ToewijzingNummer>(\d+)</.exec((await t.get(`/v1/iwmo-berichten/${tw.body.id}/bestand`)).body)![1],
    );
    const r = await upload(
      t,
      write307({
        ...vanAanbieder(),
        client: client('111111110', 'Test'),
        stops: [
          {
            toewijzingNummer: nr,
            categorie: '16',
            toewijzingIngangsdatum: '2026-11-15',
            begindatum: '2026-11-15',
            einddatum: '2026-11-18',
            reden: '21',
          },
        ],
      }),
    );
    expect(r.body.verschillen.map((v: { soort: string }) => v.soort).sort()).toEqual([
      'datumWijktAf',
      'stopZonderStart',
    ]);
  });
});

describe('323: de declaratie tegen de getelde nachten', () => {
  const decl = (
    volume: number,
    extra: Partial<{ categorie: string; tarief: number; bedrag: number; eind: string }> = {},
  ) =>
    write323({
      ...vanAanbieder(),
      declaratienummer: `D${seq}`,
      periode: { begindatum: '2026-11-01', einddatum: '2026-11-30' },
      clienten: [
        {
          bsn: BSN,
          prestaties: [
            {
              referentie: `P${seq}`,
              toewijzingNummer,
              categorie: extra.categorie ?? '16',
              productcode: '16A01',
              begindatum: '2026-11-01',
              einddatum: extra.eind ?? '2026-11-22',
              volume,
              eenheid: '14',
              tarief: extra.tarief ?? 5000,
              bedrag: extra.bedrag ?? volume * (extra.tarief ?? 5000),
            },
          ],
        },
      ],
    });

  it('keurt een declaratie goed die gelijk is aan de nachten van het verblijf binnen de toewijzing', async () => {
    const xml = decl(22);
    expectValid(xml, '323');
    const r = await upload(t, xml);
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('verwerkt');
    expect(r.body.declaratieregels).toEqual([
      expect.objectContaining({ volume: 22, nachtenGeteld: 22, goedgekeurd: true, afkeurreden: null, bedrag: 110000 }),
    ]);
  });

  it('keurt meer etmalen dan Onderdak telde af en zet het op de werklijst', async () => {
    const r = await upload(t, decl(25));
    expect(r.body.status).toBe('verwerktMetVerschillen');
    expect(r.body.declaratieregels[0]).toMatchObject({ volume: 25, nachtenGeteld: 22, goedgekeurd: false });
    expect(r.body.declaratieregels[0].afkeurreden).toContain('Onderdak telde 22 nachten');
    expect(r.body.verschillen.map((v: { soort: string }) => v.soort)).toEqual(['declaratie:meerDanGeteld']);
  });

  it('keurt een niet toegewezen product en een verkeerd bedrag af', async () => {
    const r = await upload(t, decl(22, { categorie: '17', bedrag: 1 }));
    expect(r.body.verschillen.map((v: { soort: string }) => v.soort).sort()).toEqual([
      'declaratie:bedrag',
      'declaratie:nietToegewezenProduct',
    ]);
  });

  it('markeert een totaalbedrag dat niet de som van de prestaties is', async () => {
    const xml = decl(22).replace(/<iwmo:TotaalBedrag>\d+</, '<iwmo:TotaalBedrag>1<');
    const r = await upload(t, xml);
    expect(r.status).toBe(201);
    expect(r.body.verschillen.map((v: { soort: string }) => v.soort)).toEqual(['declaratie:totaal']);
  });
});

describe('315: het verzoek om toewijzing op de werklijst, beantwoord met een 319 of een 301', () => {
  it('zet de regels van een 315 op de werklijst en wijst af met een 319 die valideert', async () => {
    const xml = write315({
      ...vanAanbieder(),
      client: client(BSN_B, 'Bos'),
      producten: [
        { referentie: 'REF-1', categorie: '16', ingangsdatum: '2026-12-01', einddatum: '2027-02-28' },
        { referentie: 'REF-2', categorie: '16', ingangsdatum: '2026-12-01', einddatum: null },
      ],
    });
    expectValid(xml, '315');
    const r = await upload(t, xml);
    expect(r.status).toBe(201);
    const list = await t.get('/v1/iwmo-verzoeken');
    const mine = list.body.verzoeken.filter((v: { berichtId: string }) => v.berichtId === r.body.id);
    expect(mine.map((v: { referentieAanbieder: string }) => v.referentieAanbieder).sort()).toEqual(['REF-1', 'REF-2']);
    const ref1 = mine.find((v: { referentieAanbieder: string }) => v.referentieAanbieder === 'REF-1');

    const noReason = await t.post(`/v1/iwmo-verzoeken/${ref1.id}/antwoorden`, { antwoord: 'afwijzen' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.invalidParams[0].name).toBe('redenAfwijzing');

    const a = await t.post(`/v1/iwmo-verzoeken/${ref1.id}/antwoorden`, { antwoord: 'afwijzen', redenAfwijzing: '3' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ berichtcode: '319', richting: 'uit', agbCode: AGB });
    const x319 = (await t.get(`/v1/iwmo-berichten/${a.body.id}/bestand`)).body;
    expectValid(x319, '319');
    expect(x319).toContain('<wmo319:ReferentieAanbieder>REF-1</wmo319:ReferentieAanbieder>');
    expect(x319).toContain('<wmo319:VerzoekAntwoord>1</wmo319:VerzoekAntwoord>');
    expect(x319).toContain('<wmo319:RedenAfwijzingVerzoek>3</wmo319:RedenAfwijzingVerzoek>');
    const twice = await t.post(`/v1/iwmo-verzoeken/${ref1.id}/antwoorden`, {
      antwoord: 'afwijzen',
      redenAfwijzing: '3',
    });
    expect(twice.status).toBe(403);

    const ref2 = mine.find((v: { referentieAanbieder: string }) => v.referentieAanbieder === 'REF-2');
    const g = await t.post(`/v1/iwmo-verzoeken/${ref2.id}/antwoorden`, { antwoord: 'toewijzen' });
    expect(g.status).toBe(201);
    expect(g.body.berichtcode).toBe('301');
    const x301 = (await t.get(`/v1/iwmo-berichten/${g.body.id}/bestand`)).body;
    expectValid(x301, '301');
    expect(x301).toContain('<wmo301:ReferentieAanbieder>REF-2</wmo301:ReferentieAanbieder>');
    const open = await t.get('/v1/iwmo-verzoeken');
    expect(open.body.verzoeken.some((v: { berichtId: string }) => v.berichtId === r.body.id)).toBe(false);
  });
});

describe('berichten die niet gelezen worden: duidelijke fout, nooit 500', () => {
  it('weigert een BSN die de elfproef niet haalt', async () => {
    const r = await upload(
      t,
      write305({
        ...vanAanbieder(),
        client: client('123456789'),
        starts: [{ toewijzingNummer, categorie: '16', toewijzingIngangsdatum: '2026-11-01', begindatum: '2026-11-01' }],
      }),
    );
    expect(r.status).toBe(400);
    expect(r.body.invalidParams).toEqual([expect.objectContaining({ name: 'Bsn', code: 'elfproef' })]);
  });
  it('weigert een andere berichtversie, een onbekende afzender en een andere ontvanger', async () => {
    const good = write305({
      ...vanAanbieder(),
      client: client(BSN),
      starts: [{ toewijzingNummer, categorie: '16', toewijzingIngangsdatum: '2026-11-01', begindatum: '2026-11-01' }],
    });
    const bad = good
      .replace('<wmo305:BerichtSubversie>2<', '<wmo305:BerichtSubversie>1<')
      .replace(`<wmo305:Afzender>${AGB}<`, '<wmo305:Afzender>99999999<')
      .replace(`<wmo305:Ontvanger>${GEMEENTE}<`, '<wmo305:Ontvanger>0363<');
    const r = await upload(t, bad);
    expect(r.status).toBe(400);
    expect(r.body.invalidParams.map((p: { code: string }) => p.code).sort()).toEqual([
      'berichtversie',
      'onbekendeAanbieder',
      'ontvanger',
    ]);
  });
  it('weigert kapotte XML, een DOCTYPE en een ander bericht dan iWmo 3.2', async () => {
    for (const xml of [
      '<a><b></a>',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><x>&e;</x>',
      '<Bericht xmlns="urn:iets-anders"/>',
      'geen xml',
    ]) {
      const r = await upload(t, xml);
      expect(r.status, xml).toBe(400);
      expect(r.body.invalidParams.length).toBeGreaterThan(0);
    }
  });
  it('leest hetzelfde bericht (afzender en identificatie) geen twee keer in', async () => {
    const xml = write305({
      ...vanAanbieder(),
      client: client(BSN_ONBEKEND),
      starts: [
        { toewijzingNummer: 998, categorie: '16', toewijzingIngangsdatum: '2026-11-01', begindatum: '2026-11-01' },
      ],
    });
    expect((await upload(t, xml)).status).toBe(201);
    expect((await upload(t, xml)).status).toBe(409);
  });
});

describe('werklijst en rechten', () => {
  it('een verschil afhandelen vraagt een toelichting en haalt het van de open werklijst', async () => {
    const list = await t.get('/v1/iwmo-verschillen');
    expect(list.status).toBe(200);
    const v = list.body.verschillen[0];
    expect((await t.post(`/v1/iwmo-verschillen/${v.id}/afhandelingen`, { toelichting: '  ' })).status).toBe(400);
    const done = await t.post(`/v1/iwmo-verschillen/${v.id}/afhandelingen`, { toelichting: 'Gebeld met aanbieder' });
    expect(done.status).toBe(200);
    const after = await t.get('/v1/iwmo-verschillen');
    expect(after.body.verschillen.some((x: { id: string }) => x.id === v.id)).toBe(false);
    expect((await t.post(`/v1/iwmo-verschillen/${v.id}/afhandelingen`, { toelichting: 'nog eens' })).status).toBe(409);
  });

  it('de zorgaanbieder (locatie) ziet alleen de eigen berichten; zonder AGB-code niets; de werklijst is van de toegang', async () => {
    const own = await loc.get('/v1/iwmo-berichten');
    expect(own.status).toBe(200);
    expect(own.body.berichten.length).toBeGreaterThan(0);
    expect(own.body.berichten.every((b: { agbCode: string }) => b.agbCode === AGB)).toBe(true);
    const none = await loc2.get('/v1/iwmo-berichten');
    expect(none.status).toBe(200);
    expect(none.body.berichten).toEqual([]);
    expect((await loc.get('/v1/iwmo-verschillen')).status).toBe(403);
    expect((await loc.post('/v1/iwmo-toewijzingen', { verblijfId: placed.stayId })).status).toBe(403);
  });

  it('een andere centrumgemeente ziet deze berichten niet', async () => {
    const r = await almere.get('/v1/iwmo-berichten');
    expect(r.status).toBe(200);
    expect(r.body.berichten).toEqual([]);
  });

  it('het lezen van berichten met personen staat in het inzagelog van de cliënt', async () => {
    await t.get('/v1/iwmo-berichten');
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['resource', 'detail'])
      .where('client_id', '=', placed.clientId)
      .where('resource', '=', 'iwmo')
      .execute();
    expect(rows.map((r) => r.detail)).toContain('berichtenlijst');
    expect(rows.some((r) => r.detail?.startsWith('toewijzing'))).toBe(true);
  });
});
