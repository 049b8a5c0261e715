import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { anAdmittedClient, type Json, loginAs, seedFixture } from '../../test/fixtures.js';

// Issue 12 part B against the real app and database (PGlite, and PostgreSQL when DATABASE_URL is set): corrections
// with history, beschikking and bezwaar, warme overdracht across tenants, exit clean-up, a second registration,
// and undoing a merge.
let database: Database;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let t: Awaited<ReturnType<typeof loginAs>>;
let almere: Awaited<ReturnType<typeof loginAs>>;
let locatie: Awaited<ReturnType<typeof loginAs>>;
const NOW = new Date('2026-12-02T10:00:00Z');

const auditOf = (clientId: string, resource: string) =>
  database.db
    .selectFrom('audit_log')
    .select(['tenant_id', 'action', 'detail'])
    .where('client_id', '=', clientId)
    .where('resource', '=', resource)
    .execute();
const created = async (body: Json) => {
  const r = await t.post('/v1/clienten', { herkomstGemeentecode: '0505', geboortedatum: '1980-01-01', ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
};

beforeAll(async () => {
  database = await createTestDatabase();
  fx = await seedFixture(database);
  const app = createApp({ database, now: () => NOW });
  t = await loginAs(app, 'toegang');
  almere = await loginAs(app, 'almere.toegang');
  locatie = await loginAs(app, 'locatie');
});
afterAll(async () => database?.close());

describe('correcties met reden en geschiedenis', () => {
  it('corrects person data and household with a reason; the dossier shows old and new; audited', async () => {
    const id = await created({
      voornaam: 'Jan',
      achternaam: 'Jansen',
      huishoudleden: [{ naam: 'Kim Jansen', relatie: 'kind', geboortedatum: '2015-01-01' }],
    });
    const before = (await t.get(`/v1/clienten/${id}`)).body;
    expect(
      (await t.patch(`/v1/clienten/${id}`, { voornaam: 'Johan' })).body.invalidParams.map((p: Json) => p.name),
    ).toContain('reden');
    const bad = await t.patch(`/v1/clienten/${id}`, { reden: 'x', bsn: '123456789', geboortedatum: '2999-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: Json) => p.name).sort()).toEqual(['bsn', 'geboortedatum']);
    const r = await t.patch(`/v1/clienten/${id}`, {
      reden: 'Typefout bij intake; paspoort gezien',
      voornaam: 'Johan',
      geboortedatum: '1981-01-01',
      telefoon: '06-12345678',
      huishoudleden: [
        { id: before.huishoudleden[0].id, naam: 'Kim Jansen', relatie: 'kind', geboortedatum: '2016-01-01' },
        { naam: 'Eva Jansen', relatie: 'partner' },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ voornaam: 'Johan', geboortedatum: '1981-01-01', huishoudgrootte: 3 });
    const fields = r.body.correcties.map((c: Json) => `${c.onderdeel}.${c.veld}:${c.oud}→${c.nieuw}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'client.voornaam:Jan→Johan',
        'client.geboortedatum:1980-01-01→1981-01-01',
        'client.telefoon:null→06-12345678',
        'huishoudlid.geboortedatum:2015-01-01→2016-01-01',
        'huishoudlid.toegevoegd:null→Eva Jansen',
      ]),
    );
    expect(r.body.correcties[0]).toMatchObject({ reden: 'Typefout bij intake; paspoort gezien', door: 'toegang' });
    expect((await auditOf(id, 'correctie')).length).toBe(1);
    // search finds the corrected name at once (the search keys follow the correction)
    expect((await t.get('/v1/clienten?zoek=Johan%20Jansen')).body.totaal).toBe(1);
    // only the toegang corrects
    expect((await locatie.patch(`/v1/clienten/${id}`, { reden: 'x', voornaam: 'Y' })).status).toBe(403);
  });

  it('corrects an aanmelding, its screening and the besluit; the corrected besluit stays visible', async () => {
    const id = await created({ voornaam: 'Piet', achternaam: 'Besluit' });
    const a = (await t.post('/v1/aanmeldingen', { clientId: id, datum: '2026-11-20', bron: 'zelf' })).body;
    await t.post(`/v1/aanmeldingen/${a.id}/screeningen`, { datum: '2026-11-21', bevindingen: 'Slaapt buiten' });
    const b = await t.post(`/v1/aanmeldingen/${a.id}/besluiten`, {
      uitkomst: 'afwijzing',
      datum: '2026-11-22',
      reden: 'Geen dakloosheid',
    });
    expect(b.status).toBe(201);
    const ra = await t.patch(`/v1/aanmeldingen/${a.id}`, {
      reden: 'Bron verkeerd gekozen',
      bron: 'politie',
      screening: 'Slaapt buiten, sinds een week',
    });
    expect(ra.status, JSON.stringify(ra.body)).toBe(200);
    expect(ra.body).toMatchObject({ bron: 'politie', screening: 'Slaapt buiten, sinds een week' });
    const rb = await t.patch(`/v1/toegangsbesluiten/${b.body.id}`, {
      reden: 'Bij heroverweging wel dakloos',
      uitkomst: 'toegang',
      motivering: null,
    });
    expect(rb.status, JSON.stringify(rb.body)).toBe(200);
    expect(rb.body).toMatchObject({ uitkomst: 'toegang', bezwaartermijnTot: '2027-01-03' });
    expect(rb.body.trajectId).toBeTruthy();
    const file = (await t.get(`/v1/clienten/${id}`)).body;
    const hist = file.correcties.filter((c: Json) => c.onderdeelId === b.body.id);
    expect(hist.map((c: Json) => `${c.veld}:${c.oud}→${c.nieuw}`)).toEqual(
      expect.arrayContaining(['uitkomst:afwijzing→toegang', 'motivering:Geen dakloosheid→null']),
    );
    expect(file.trajecten).toHaveLength(1);
  });
});

describe('beschikking en bezwaar', () => {
  it('prints the besluit as a beschikking with the 6-week bezwaar clause; a bezwaar is registered and listed by term', async () => {
    const { clientId, registrationId } = await anAdmittedClient(t, { voornaam: 'Bea', admittedOn: '2026-10-01' });
    const besluit = (await t.get(`/v1/aanmeldingen/${registrationId}`)).body.besluit;
    const bs = await t.get(`/v1/toegangsbesluiten/${besluit.id}/beschikking`);
    expect(bs.status).toBe(200);
    expect(bs.body).toMatchObject({
      gemeente: 'Centrumgemeente Dordrecht',
      datum: '2026-10-01',
      ingangsdatum: '2026-10-01',
      bezwaar: { termijnTot: '2026-11-12', termijnWeken: 6 },
    });
    expect(bs.body.bezwaar.tekst).toMatch(/binnen 6 weken/);
    expect(bs.body.bezwaar.adres).toMatch(/Dordrecht/);
    const o = await t.post(`/v1/toegangsbesluiten/${besluit.id}/bezwaren`, {
      ontvangenOp: '2026-11-10',
      gronden: 'Het traject is te kort',
    });
    expect(o.status).toBe(201);
    expect(o.body).toMatchObject({ tijdig: true, beslissenVoor: '2026-12-24', status: 'ontvangen' });
    const late = await t.post(`/v1/toegangsbesluiten/${besluit.id}/bezwaren`, { ontvangenOp: '2026-11-20' });
    expect(late.body).toMatchObject({ tijdig: false, beslissenVoor: '2027-01-01' });
    const due = await t.get('/v1/bezwaren?binnenDagen=28');
    expect(due.body.resultaten.map((b: Json) => b.id)).toEqual([o.body.id]);
    expect(due.body.resultaten[0]).toMatchObject({ dagenTotTermijn: 22, client: { id: clientId } });
    expect((await t.patch(`/v1/bezwaren/${o.body.id}`, { status: 'ongegrond' })).status).toBe(400);
    const done = await t.patch(`/v1/bezwaren/${o.body.id}`, {
      status: 'ongegrond',
      uitkomstOp: '2026-12-01',
      uitkomst: 'Besluit gehandhaafd',
    });
    expect(done.body).toMatchObject({ status: 'ongegrond', mogelijkheden: { afhandelen: false } });
    expect(
      (await t.patch(`/v1/bezwaren/${o.body.id}`, { status: 'gegrond', uitkomstOp: '2026-12-01', uitkomst: 'x' }))
        .status,
    ).toBe(409);
    expect((await t.get(`/v1/aanmeldingen/${registrationId}`)).body.besluit.bezwaren).toHaveLength(2);
  });
});

describe('warme overdracht Dordrecht → Almere', () => {
  const weakTie = {
    jarenInRegio: 0,
    sociaalNetwerkInRegio: false,
    bekendBijLokaleZorg: false,
    wensClient: 'andere-regio',
    andereTenantId: 'almere',
  };
  async function handedOver(voornaam: string) {
    const id = await created({ voornaam, achternaam: 'Overdracht', bsn: voornaam === 'Ada' ? '111222333' : null });
    const a = (await t.post('/v1/aanmeldingen', { clientId: id, datum: '2026-11-30', bron: 'zelf' })).body;
    const noConsent = await t.post(`/v1/aanmeldingen/${a.id}/besluiten`, {
      uitkomst: 'toegang',
      datum: '2026-11-30',
      regiobinding: weakTie,
    });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.invalidParams[0].name).toBe('regiobinding.toestemmingOverdracht');
    const b = await t.post(`/v1/aanmeldingen/${a.id}/besluiten`, {
      uitkomst: 'toegang',
      datum: '2026-11-30',
      reden: 'Netwerk in Almere',
      regiobinding: { ...weakTie, toestemmingOverdracht: true },
    });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    return { id, besluit: b.body };
  }

  it('creates an incoming handover in Almere; accepted there, Almere has the client and an aanmelding and Dordrecht closes the case', async () => {
    const { id, besluit } = await handedOver('Ada');
    expect(besluit.uitkomstLabel).toBe('Noodopvang verleend, warme overdracht aan Centrumgemeente Almere aangeboden');
    expect(besluit.overdracht).toMatchObject({ status: 'voorgesteld' });
    // placed in Dordrecht for the night meanwhile
    expect((await t.post('/v1/plaatsingen', { clientId: id, eenheidId: fx.room1, datum: '2026-11-30' })).status).toBe(
      201,
    );
    // Almere sees nothing of Dordrecht's clients, only the handover with the minimal data
    expect((await almere.get('/v1/clienten?zoek=Ada')).body.totaal).toBe(0);
    const inbox = await almere.get('/v1/overdrachten?richting=inkomend');
    expect(inbox.body.resultaten).toHaveLength(1);
    const h = inbox.body.resultaten[0];
    expect(h).toMatchObject({
      richting: 'inkomend',
      status: 'voorgesteld',
      van: 'Centrumgemeente Dordrecht',
      toestemmingClientOp: '2026-11-30',
      persoon: { voornaam: 'Ada', achternaam: 'Overdracht', bsn: '111222333', huishoudgrootte: 1 },
      mogelijkheden: { beoordelen: true },
    });
    expect(Object.keys(h.persoon).sort()).toEqual([
      'achternaam',
      'bsn',
      'geboortedatum',
      'huishoudgrootte',
      'telefoon',
      'voornaam',
    ]);
    // the sender cannot answer its own handover
    expect(
      (await t.post(`/v1/overdrachten/${h.id}/beoordelingen`, { besluit: 'accepteren', datum: '2026-12-01' })).status,
    ).toBe(403);
    const ok = await almere.post(`/v1/overdrachten/${h.id}/beoordelingen`, {
      besluit: 'accepteren',
      datum: '2026-12-01',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ status: 'geaccepteerd', beantwoordOp: '2026-12-01' });
    const theirs = (await almere.get(`/v1/clienten/${ok.body.clientId}`)).body;
    expect(theirs).toMatchObject({ voornaam: 'Ada', achternaam: 'Overdracht' });
    expect(theirs.aanmeldingen[0]).toMatchObject({ bron: 'centrumgemeente', datum: '2026-12-01', status: 'aangemeld' });
    expect(theirs.aanmeldingen[0].toelichting).toMatch(/Warme overdracht vanuit Centrumgemeente Dordrecht/);
    const ours = (await t.get(`/v1/clienten/${id}`)).body;
    expect(ours.trajecten[0]).toMatchObject({ eind: '2026-12-01', bestemming: 'andere-opvang' });
    expect(ours.verblijven[0].tot).toBe('2026-12-01');
    expect(ours.aanmeldingen[0].besluit.uitkomstLabel).toBe(
      'Overgedragen aan Centrumgemeente Almere (noodopvang verleend)',
    );
    // audited in both tenants
    expect((await auditOf(id, 'overdracht')).map((r) => r.tenant_id)).toEqual(expect.arrayContaining(['dordrecht']));
    expect((await auditOf(id, 'overdracht')).some((r) => r.detail?.includes('overgenomen door'))).toBe(true);
    expect((await auditOf(ok.body.clientId, 'overdracht'))[0]).toMatchObject({
      tenant_id: 'almere',
      action: 'aanmaken',
    });
    expect(
      (
        await almere.post(`/v1/overdrachten/${h.id}/beoordelingen`, {
          besluit: 'afwijzen',
          datum: '2026-12-01',
          reden: 'x',
        })
      ).status,
    ).toBe(409);
  });

  it('a declined handover needs a reason and leaves the case with the sender', async () => {
    const { id } = await handedOver('Bo');
    const h = (await almere.get('/v1/overdrachten?status=voorgesteld')).body.resultaten[0];
    expect(
      (await almere.post(`/v1/overdrachten/${h.id}/beoordelingen`, { besluit: 'afwijzen', datum: '2026-12-01' }))
        .status,
    ).toBe(400);
    const no = await almere.post(`/v1/overdrachten/${h.id}/beoordelingen`, {
      besluit: 'afwijzen',
      datum: '2026-12-01',
      reden: 'Geen binding met Almere gebleken',
    });
    expect(no.body).toMatchObject({ status: 'afgewezen', afwijsreden: 'Geen binding met Almere gebleken' });
    const ours = (await t.get(`/v1/clienten/${id}`)).body;
    expect(ours.trajecten[0].eind).toBeNull();
    expect(ours.aanmeldingen[0].besluit.overdracht).toMatchObject({
      status: 'afgewezen',
      afwijsreden: 'Geen binding met Almere gebleken',
    });
    expect((await t.get('/v1/overdrachten?richting=uitgaand')).body.resultaten.length).toBeGreaterThanOrEqual(2);
  });
});

describe('uitstroom ruimt op; tweede aanmelding; samenvoegen ongedaan maken', () => {
  it('moving into a home ends open waiting-list entries and closes open blockades with "uitgestroomd"', async () => {
    const a = await anAdmittedClient(t, { voornaam: 'Wim', admittedOn: '2026-09-01' });
    expect(
      (await t.post(`/v1/trajecten/${a.trajectoryId}/blokkades`, { soort: 'schulden', sinds: '2026-09-10' })).status,
    ).toBe(201);
    await database.db
      .insertInto('waiting_list_entries')
      .values({
        tenant_id: 'dordrecht',
        list_kind: 'tussenvoorziening',
        client_id: a.clientId,
        trajectory_id: a.trajectoryId,
        listed_on: '2026-09-15',
        urgent: true,
      })
      .execute();
    const e = await t.post(`/v1/trajecten/${a.trajectoryId}/uitstroom`, {
      datum: '2026-12-01',
      bestemming: 'huur-corporatie',
    });
    expect(e.status).toBe(200);
    expect(e.body.nazorgplanId).toBeTruthy();
    const wl = await database.db
      .selectFrom('waiting_list_entries')
      .selectAll()
      .where('client_id', '=', a.clientId)
      .execute();
    expect(wl.map((w) => [w.removed_on, w.removal_reason])).toEqual([['2026-12-01', 'elders-geplaatst']]);
    const bl = await database.db
      .selectFrom('blockers')
      .selectAll()
      .where('trajectory_id', '=', a.trajectoryId)
      .execute();
    expect(bl.map((b) => [b.resolved_on, b.resolution])).toEqual([['2026-12-01', 'uitgestroomd']]);
  });

  it('a second registration while a trajectory is open is linked to it', async () => {
    const a = await anAdmittedClient(t, { voornaam: 'Tom', admittedOn: '2026-11-01' });
    const second = await t.post('/v1/aanmeldingen', { clientId: a.clientId, datum: '2026-11-25', bron: 'politie' });
    expect(second.body.gekoppeldTraject).toEqual({ id: a.trajectoryId, start: '2026-11-01' });
    const b = await t.post(`/v1/aanmeldingen/${second.body.id}/besluiten`, {
      uitkomst: 'toegang',
      datum: '2026-11-25',
    });
    expect(b.body.trajectId).toBe(a.trajectoryId);
    const list = await t.get('/v1/aanmeldingen?paginaGrootte=100');
    const row = list.body.resultaten.find((r: Json) => r.id === second.body.id);
    expect(row).toMatchObject({
      gekoppeldTrajectId: a.trajectoryId,
      besluit: { uitkomst: 'toegang', datum: '2026-11-25' },
    });
  });

  it('a merge is undone with its history, and the pair is never merged again', async () => {
    const kept = await created({ voornaam: 'Sam', achternaam: 'Splits' });
    const other = (
      await anAdmittedClient(t, { voornaam: 'Sam', achternaam: 'Splits', telefoon: '06-999', admittedOn: '2026-11-01' })
    ).clientId;
    const m = await t.post(`/v1/clienten/${kept}/samenvoegingen`, { samenTeVoegenClientId: other });
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({ telefoon: '06-999' });
    expect(m.body.aanmeldingen).toHaveLength(1);
    const mergeId = m.body.samenvoegingen[0].id;
    const s = await t.post(`/v1/clienten/${kept}/samenvoegingen/${mergeId}/splitsingen`, {
      reden: 'Andere persoon (andere moeder)',
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect(s.body).toMatchObject({ telefoon: null, aanmeldingen: [], nietDezelfde: [other] });
    expect(s.body.samenvoegingen[0].ongedaanGemaakt).toBe(true);
    const back = (await t.get(`/v1/clienten/${other}`)).body;
    expect(back).toMatchObject({ telefoon: '06-999' });
    expect(back.aanmeldingen).toHaveLength(1);
    expect(back.trajecten).toHaveLength(1);
    expect((await t.post(`/v1/clienten/${kept}/samenvoegingen/${mergeId}/splitsingen`, { reden: 'x' })).status).toBe(
      409,
    );
    expect((await t.post(`/v1/clienten/${other}/samenvoegingen`, { samenTeVoegenClientId: kept })).status).toBe(409);
  });
});
