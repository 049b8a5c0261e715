// Issue 19 — iWmo 3.2 between gemeente and zorgaanbieder: a placement with a toegangsbesluit becomes a 301
// toewijzing (stored: the outbox a zorgaanbieder downloads from); the provider's 305 start and 307 stop are matched
// to the stay, a 315/317 verzoek lands on the toegang worklist and is answered (301 when granted, 319 when refused or
// still under investigation), and a 323 declaratie is checked against the nights Onderdak counted. Every difference
// goes to the worklist (iwmo_verschillen). Person reads and writes leave an audit row in the same transaction.
import { sql } from 'kysely';
import { datumTekst } from '../../platform/dates.js';
import { ConflictError, NotFoundError, Problems } from '../../platform/errors.js';
import { isValidBsn, todayInNl } from '../../platform/validation.js';
import { audit, auditPersons } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize, can } from '../../rights/rights.js';
import { visibleClients } from '../../rights/visibility.js';
import {
  BerichtFout,
  type Berichtsoort,
  type ClientGegevens,
  type Gelezen,
  PRODUCTCODE,
  REDEN_AFWIJZING,
  type RedenAfwijzing,
  readBericht,
  write301,
  write319,
} from './messages.js';
import {
  type Bevinding,
  bsnRule,
  countedNights,
  headerRules,
  maskBsn,
  prestatieRules,
  startRule,
  stopRule,
} from './rules.js';
import { XmlError } from './xml.js';

type Tx = Ctx['db'];
const RESOURCE = 'iwmo';

// ---------- helpers ----------

/** The AGB code a locatiemedewerker acts for (their own location's zorgaanbieder, '' if none); null for the toegang. */
async function ownAgb(ctx: Ctx): Promise<string | null> {
  if (can(ctx.actor, 'iwmo.alleAanbieders')) return null;
  const row = await ctx.db
    .selectFrom('iwmo_aanbieders')
    .select('agb_code')
    .where('facility_id', '=', ctx.actor.facilityId ?? '')
    .executeTakeFirst();
  // A location without an AGB code sees no messages (an empty list) and can read none in.
  return row?.agb_code ?? '';
}

async function tenantGemeenten(ctx: Ctx): Promise<{ central: string; all: string[] }> {
  const t = await ctx.db
    .selectFrom('tenants')
    .select('central_municipality_code')
    .where('id', '=', ctx.actor.tenantId)
    .executeTakeFirstOrThrow();
  const ms = await ctx.db
    .selectFrom('municipalities')
    .select('code')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .execute();
  return { central: t.central_municipality_code, all: [t.central_municipality_code, ...ms.map((m) => m.code)] };
}

/** A unique outgoing message identification (max 12 characters): ON + a running number per tenant. */
async function nextIdentificatie(db: Tx, tenantId: string): Promise<string> {
  const r = await db
    .selectFrom('iwmo_berichten')
    .select(sql<number>`count(*)`.as('n'))
    .where('tenant_id', '=', tenantId)
    .where('richting', '=', 'uit')
    .executeTakeFirstOrThrow();
  return `ON${String(Number(r.n) + 1).padStart(8, '0')}`;
}

async function nextToewijzingNummer(db: Tx, tenantId: string): Promise<number> {
  const r = await db
    .selectFrom('iwmo_toewijzingen')
    .select(sql<number>`coalesce(max(nummer), 0)`.as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(r.n) + 1;
}

const nowTime = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(d);

function clientGegevens(c: {
  bsn: string | null;
  birth_date: string | null;
  gender: string | null;
  first_name: string;
  last_name: string;
}): ClientGegevens {
  return {
    bsn: c.bsn ?? '',
    geboortedatum: c.birth_date ?? '',
    geslacht: c.gender === 'man' ? '1' : c.gender === 'vrouw' ? '2' : '0',
    achternaam: c.last_name,
    voornamen: c.first_name || null,
  };
}

/** Why a client cannot be in a 301 (BSN and birth date are required there), or null. */
function clientBlocker(c: { bsn: string | null; birth_date: string | null }): string | null {
  if (!c.bsn || !isValidBsn(c.bsn)) return 'De cliënt heeft geen geldig BSN; een toewijzing (301) vraagt een BSN.';
  if (!c.birth_date) return 'De geboortedatum van de cliënt ontbreekt; een toewijzing (301) vraagt die.';
  return null;
}

interface ToewijzingInput {
  clientId: string;
  stayId: string | null;
  agbCode: string;
  categorie: '16' | '17';
  ingangsdatum: string;
  einddatum: string | null;
  referentieAanbieder?: string | null;
  organisatie: string;
  postcode: string | null;
  plaatsnaam: string | null;
}

/** Writes a toewijzing and its 301 in the caller's transaction; returns the toewijzing's id and the message's. */
export async function makeToewijzing(
  db: Tx,
  tenantId: string,
  now: Date,
  t: ToewijzingInput,
): Promise<{ toewijzingId: string; berichtId: string; nummer: number }> {
  const client = await db
    .selectFrom('clients')
    .select(['bsn', 'birth_date', 'gender', 'first_name', 'last_name'])
    .where('id', '=', t.clientId)
    .executeTakeFirstOrThrow();
  const blocker = clientBlocker(client);
  if (blocker) throw new ConflictError(blocker);
  const gemeente = (
    await db
      .selectFrom('tenants')
      .select('central_municipality_code')
      .where('id', '=', tenantId)
      .executeTakeFirstOrThrow()
  ).central_municipality_code;
  const nummer = await nextToewijzingNummer(db, tenantId);
  const identificatie = await nextIdentificatie(db, tenantId);
  const dagtekening = todayInNl(now);
  const xml = write301({
    gemeente,
    agbCode: t.agbCode,
    identificatie,
    dagtekening,
    client: clientGegevens(client),
    verblijf: { organisatie: t.organisatie, postcode: t.postcode, plaatsnaam: t.plaatsnaam },
    producten: [
      {
        toewijzingNummer: nummer,
        categorie: t.categorie,
        toewijzingsdatum: dagtekening,
        toewijzingstijd: nowTime(now),
        ingangsdatum: t.ingangsdatum,
        einddatum: t.einddatum,
        referentieAanbieder: t.referentieAanbieder ?? null,
      },
    ],
  });
  const bericht = await db
    .insertInto('iwmo_berichten')
    .values({
      tenant_id: tenantId,
      berichtcode: '301',
      richting: 'uit',
      agb_code: t.agbCode,
      identificatie,
      dagtekening,
      client_id: t.clientId,
      xml,
      bestandsnaam: `WMO301_${gemeente}_${t.agbCode}_${identificatie}.xml`,
      status: 'klaarVoorOphalen',
      samenvatting: `Toewijzing ${nummer}: ${t.categorie === '17' ? 'spoedopvang' : 'opvang'} per etmaal vanaf ${datumTekst(t.ingangsdatum)}`,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tw = await db
    .insertInto('iwmo_toewijzingen')
    .values({
      tenant_id: tenantId,
      nummer,
      client_id: t.clientId,
      stay_id: t.stayId,
      agb_code: t.agbCode,
      productcategorie: t.categorie,
      ingangsdatum: t.ingangsdatum,
      einddatum: t.einddatum,
      bericht_id: bericht.id,
      start_begindatum: null,
      stop_einddatum: null,
      reden_beeindiging: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { toewijzingId: tw.id, berichtId: bericht.id, nummer };
}

/** The stay's facts a 301 needs: its client, AGB code, category and the access decision (or why not). */
function stayCandidates(db: Tx, tenantId: string) {
  return db
    .selectFrom('stays')
    .innerJoin('units', 'units.id', 'stays.unit_id')
    .innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .innerJoin('iwmo_aanbieders', 'iwmo_aanbieders.facility_id', 'facilities.id')
    .innerJoin('clients', 'clients.id', 'stays.client_id')
    .innerJoin('access_decisions', (j) =>
      j
        .onRef('access_decisions.registration_id', '=', 'stays.registration_id')
        .on('access_decisions.outcome', '=', 'toegang'),
    )
    .leftJoin('iwmo_toewijzingen', 'iwmo_toewijzingen.stay_id', 'stays.id')
    .where('stays.tenant_id', '=', tenantId)
    .select([
      'stays.id as stayId',
      'stays.client_id as clientId',
      'stays.started_on as startedOn',
      'stays.ended_on as endedOn',
      'stays.short_stay as shortStay',
      'facilities.name as facilityName',
      'facilities.postcode as postcode',
      'iwmo_aanbieders.agb_code as agbCode',
      'iwmo_aanbieders.naam as aanbiederNaam',
      'clients.first_name as firstName',
      'clients.last_name as lastName',
      'clients.bsn as bsn',
      'clients.birth_date as birthDate',
      'iwmo_toewijzingen.id as toewijzingId',
    ]);
}

// ---------- toewijzingen (301) ----------

/** Open stays with a toegangsbesluit at a location with a zorgaanbieder, that have no toewijzing yet. */
export async function listTeToewijzen(ctx: Ctx) {
  authorize(ctx, 'iwmo.toewijzen');
  const rows = await stayCandidates(ctx.db, ctx.actor.tenantId)
    .where('stays.ended_on', 'is', null)
    .where('iwmo_toewijzingen.id', 'is', null)
    .orderBy('stays.started_on', 'desc')
    .orderBy('stays.id')
    .limit(200)
    .execute();
  await auditPersons(
    ctx,
    rows.map((r) => r.clientId),
    { action: 'lezen', resource: RESOURCE, detail: 'verblijven zonder toewijzing' },
  );
  return {
    verblijven: rows.map((r) => ({
      verblijfId: r.stayId,
      clientId: r.clientId,
      naam: `${r.firstName} ${r.lastName}`,
      locatie: r.facilityName,
      aanbieder: r.aanbiederNaam,
      agbCode: r.agbCode,
      sinds: r.startedOn,
      productcategorie: r.shortStay ? ('17' as const) : ('16' as const),
      belemmering: clientBlocker({ bsn: r.bsn, birth_date: r.birthDate }),
    })),
  };
}

/** A 301 toewijzing for a placement: the toegangsbesluit, the stay and the location's zorgaanbieder. */
export async function createToewijzing(ctx: Ctx, input: { verblijfId: string }) {
  authorize(ctx, 'iwmo.toewijzen');
  const stay = await ctx.db
    .selectFrom('stays')
    .select(['id', 'client_id'])
    .where('id', '=', input.verblijfId)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!stay) throw new NotFoundError('Verblijf niet gevonden.');
  const c = await stayCandidates(ctx.db, ctx.actor.tenantId).where('stays.id', '=', stay.id).executeTakeFirst();
  if (!c) {
    throw new ConflictError(
      'Voor dit verblijf kan geen toewijzing worden gemaakt: er is geen toegangsbesluit (toegang verleend), of de locatie heeft geen zorgaanbieder met AGB-code.',
    );
  }
  if (c.toewijzingId) throw new ConflictError('Dit verblijf heeft al een toewijzing.');
  const made = await makeToewijzing(ctx.db, ctx.actor.tenantId, ctx.now, {
    clientId: c.clientId,
    stayId: c.stayId,
    agbCode: c.agbCode,
    categorie: c.shortStay ? '17' : '16',
    ingangsdatum: c.startedOn,
    einddatum: c.endedOn,
    organisatie: c.facilityName,
    postcode: c.postcode,
    plaatsnaam: null,
  });
  await audit(ctx, {
    clientId: c.clientId,
    action: 'aanmaken',
    resource: RESOURCE,
    detail: `toewijzing ${made.nummer} (301)`,
  });
  return berichtDetail(ctx, made.berichtId, { audit: false });
}

// ---------- berichten ----------

type BerichtRow = {
  id: string;
  berichtcode: Berichtsoort;
  richting: 'uit' | 'in';
  agb_code: string;
  identificatie: string;
  dagtekening: string;
  client_id: string | null;
  bestandsnaam: string;
  status: string;
  samenvatting: string;
  created_at: Date;
};
const BERICHT_COLUMNS = [
  'id',
  'berichtcode',
  'richting',
  'agb_code',
  'identificatie',
  'dagtekening',
  'client_id',
  'bestandsnaam',
  'status',
  'samenvatting',
  'created_at',
] as const;

/** Names of the clients among these ids that the actor may see (a locatiemedewerker: own residents only). */
async function visibleNames(ctx: Ctx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await visibleClients(ctx)
    .select(['clients.id', 'clients.first_name', 'clients.last_name'])
    .where('clients.id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.first_name} ${r.last_name}`]));
}

const shapeBericht = (r: BerichtRow, names: Map<string, string>) => ({
  id: r.id,
  berichtcode: r.berichtcode,
  richting: r.richting,
  agbCode: r.agb_code,
  identificatie: r.identificatie,
  dagtekening: r.dagtekening,
  clientId: r.client_id && names.has(r.client_id) ? r.client_id : null,
  clientNaam: r.client_id ? (names.get(r.client_id) ?? null) : null,
  bestandsnaam: r.bestandsnaam,
  status: r.status,
  samenvatting: r.samenvatting,
  ontvangenOfGemaakt: new Date(r.created_at).toISOString(),
});

export async function listBerichten(ctx: Ctx, q: { richting?: 'uit' | 'in'; berichtcode?: string }) {
  authorize(ctx, 'iwmo.berichtenZien');
  const agb = await ownAgb(ctx);
  let query = ctx.db
    .selectFrom('iwmo_berichten')
    .select([...BERICHT_COLUMNS])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200);
  if (agb !== null) query = query.where('agb_code', '=', agb);
  if (q.richting) query = query.where('richting', '=', q.richting);
  if (q.berichtcode) query = query.where('berichtcode', '=', q.berichtcode as Berichtsoort);
  const rows = (await query.execute()) as BerichtRow[];
  const names = await visibleNames(
    ctx,
    rows.map((r) => r.client_id),
  );
  await auditPersons(ctx, [...names.keys()], { action: 'lezen', resource: RESOURCE, detail: 'berichtenlijst' });
  return { berichten: rows.map((r) => shapeBericht(r, names)) };
}

async function loadBericht(ctx: Ctx, id: string) {
  const agb = await ownAgb(ctx);
  let q = ctx.db
    .selectFrom('iwmo_berichten')
    .select([...BERICHT_COLUMNS, 'xml'])
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId);
  if (agb !== null) q = q.where('agb_code', '=', agb);
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError('Bericht niet gevonden.');
  return row as BerichtRow & { xml: string };
}

/** One message with its declaration lines and the differences it raised. */
export async function berichtDetail(ctx: Ctx, id: string, opts: { audit?: boolean } = {}) {
  authorize(ctx, 'iwmo.berichtenZien');
  const row = await loadBericht(ctx, id);
  const regels = await ctx.db
    .selectFrom('iwmo_declaratieregels')
    .selectAll()
    .where('bericht_id', '=', id)
    .orderBy('referentie')
    .execute();
  const verschillen = await ctx.db
    .selectFrom('iwmo_verschillen')
    .select(['id', 'soort', 'omschrijving', 'status', 'client_id'])
    .where('bericht_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const names = await visibleNames(ctx, [row.client_id, ...regels.map((r) => r.client_id)]);
  if (opts.audit !== false)
    await auditPersons(ctx, [row.client_id, ...regels.map((r) => r.client_id)], {
      action: 'lezen',
      resource: RESOURCE,
      detail: `bericht ${row.berichtcode} ${row.identificatie}`,
    });
  return {
    ...shapeBericht(row, names),
    declaratieregels: regels.map((r) => ({
      referentie: r.referentie,
      toewijzingNummer: r.toewijzing_nummer,
      clientNaam: r.client_id ? (names.get(r.client_id) ?? null) : null,
      begindatum: r.begindatum,
      einddatum: r.einddatum,
      volume: r.volume,
      nachtenGeteld: r.nachten_geteld,
      bedrag: Number(r.bedrag),
      goedgekeurd: r.goedgekeurd,
      afkeurreden: r.afkeurreden,
    })),
    verschillen: verschillen.map((v) => ({ id: v.id, soort: v.soort, omschrijving: v.omschrijving, status: v.status })),
  };
}

/** The XML file of a message; an outgoing one counts as opgehaald once downloaded. */
export async function downloadBericht(ctx: Ctx, id: string) {
  authorize(ctx, 'iwmo.berichtenZien');
  const row = await loadBericht(ctx, id);
  if (row.richting === 'uit' && row.status === 'klaarVoorOphalen')
    await ctx.db.updateTable('iwmo_berichten').set({ status: 'opgehaald' }).where('id', '=', id).execute();
  await audit(ctx, {
    clientId: row.client_id,
    action: 'lezen',
    resource: RESOURCE,
    detail: `bestand ${row.bestandsnaam}`,
  });
  return { xml: row.xml, bestandsnaam: row.bestandsnaam };
}

// ---------- inlezen (305, 307, 315, 317, 323) ----------

const INKOMEND: readonly Berichtsoort[] = ['305', '307', '315', '317', '323'];

interface Verschil {
  soort: string;
  omschrijving: string;
  clientId: string | null;
  toewijzingId: string | null;
}

async function clientByBsn(db: Tx, tenantId: string, bsn: string) {
  return db
    .selectFrom('clients')
    .select(['id'])
    .where('tenant_id', '=', tenantId)
    .where('bsn', '=', bsn)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
}

async function toewijzingByNummer(db: Tx, tenantId: string, agb: string, nummer: number | null) {
  if (nummer === null) return undefined;
  return db
    .selectFrom('iwmo_toewijzingen')
    .leftJoin('stays', 'stays.id', 'iwmo_toewijzingen.stay_id')
    .select([
      'iwmo_toewijzingen.id',
      'iwmo_toewijzingen.nummer',
      'iwmo_toewijzingen.client_id as clientId',
      'iwmo_toewijzingen.productcategorie',
      'iwmo_toewijzingen.ingangsdatum',
      'iwmo_toewijzingen.einddatum',
      'iwmo_toewijzingen.start_begindatum as startBegindatum',
      'iwmo_toewijzingen.stop_einddatum as stopEinddatum',
      'stays.started_on as stayStartedOn',
      'stays.ended_on as stayEndedOn',
    ])
    .where('iwmo_toewijzingen.tenant_id', '=', tenantId)
    .where('iwmo_toewijzingen.agb_code', '=', agb)
    .where('iwmo_toewijzingen.nummer', '=', nummer)
    .executeTakeFirst();
}

/**
 * Reads an incoming message (file upload or API): well-formed XML, a known message, header rules (version, sender,
 * receiver) and the BSN's elfproef are checked first and refuse the whole message (400, Dutch field errors);
 * everything else is matched against Onderdak and recorded, with differences on the worklist.
 */
export async function readIncoming(ctx: Ctx, input: { xml: string; bestandsnaam?: string | null }) {
  authorize(ctx, 'iwmo.berichtInlezen');
  let msg: Gelezen;
  try {
    msg = readBericht(input.xml);
  } catch (e) {
    if (e instanceof XmlError)
      new Problems().add('xml', 'xml', `Het bestand is geen geldige XML: ${e.message}`).throwIfAny();
    if (e instanceof BerichtFout) new Problems().add(e.veld, 'ontbreekt', e.message).throwIfAny();
    throw e;
  }
  if (!INKOMEND.includes(msg.soort))
    new Problems()
      .add(
        'BerichtCode',
        'richting',
        `Bericht ${msg.soort} stuurt de gemeente zelf; alleen 305, 307, 315, 317 en 323 worden ingelezen.`,
      )
      .throwIfAny();
  const tenantId = ctx.actor.tenantId;
  const own = await ownAgb(ctx);
  const aanbieders = (
    await ctx.db.selectFrom('iwmo_aanbieders').select('agb_code').where('tenant_id', '=', tenantId).execute()
  ).map((a) => a.agb_code);
  const gemeenten = await tenantGemeenten(ctx);
  const today = todayInNl(ctx.now);
  const problems = headerRules(msg.header, msg.soort, { gemeenten: gemeenten.all, aanbieders, vandaag: today });
  if (own !== null && msg.header.afzender !== own)
    problems.push({
      veld: 'Afzender',
      code: 'eigenAgb',
      reden: own
        ? `U leest alleen berichten van uw eigen AGB-code (${own}) in.`
        : 'Uw locatie heeft geen AGB-code; vraag de beheerder die vast te leggen.',
    });
  const bsns =
    msg.soort === '323'
      ? msg.declaratie.clienten.map((c) => c.bsn)
      : msg.soort === '315' || msg.soort === '317'
        ? [msg.bsn]
        : msg.soort === '305' || msg.soort === '307'
          ? [msg.client.bsn]
          : [];
  for (const b of bsns) {
    const f = bsnRule(b);
    if (f) problems.push(f);
  }
  if (problems.length) {
    const p = new Problems();
    for (const f of problems) p.add(f.veld, f.code, f.reden);
    p.throwIfAny();
  }
  const agb = msg.header.afzender;
  const dup = await ctx.db
    .selectFrom('iwmo_berichten')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('richting', '=', 'in')
    .where('agb_code', '=', agb)
    .where('identificatie', '=', msg.header.identificatie)
    .executeTakeFirst();
  if (dup) throw new ConflictError(`Bericht ${msg.header.identificatie} van AGB-code ${agb} is al ingelezen.`);

  const verschillen: Verschil[] = [];
  const bericht = await ctx.db
    .insertInto('iwmo_berichten')
    .values({
      tenant_id: tenantId,
      berichtcode: msg.soort,
      richting: 'in',
      agb_code: agb,
      identificatie: msg.header.identificatie,
      dagtekening: msg.header.dagtekening,
      client_id: null,
      xml: input.xml,
      bestandsnaam: (input.bestandsnaam || `WMO${msg.soort}_${agb}_${msg.header.identificatie}.xml`).slice(0, 200),
      status: 'verwerkt',
      samenvatting: '',
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let clientId: string | null = null;
  let samenvatting = '';

  if (msg.soort === '305' || msg.soort === '307') {
    const client = await clientByBsn(ctx.db, tenantId, msg.client.bsn);
    clientId = client?.id ?? null;
    if (!client)
      verschillen.push({
        soort: 'onbekendeClient',
        omschrijving: `Geen cliënt met BSN ${maskBsn(msg.client.bsn)} (${msg.client.achternaam}) in Onderdak.`,
        clientId: null,
        toewijzingId: null,
      });
    const regels = msg.soort === '305' ? msg.starts : msg.stops;
    for (const r of regels) {
      const tw = await toewijzingByNummer(ctx.db, tenantId, agb, r.toewijzingNummer);
      if (!tw) {
        verschillen.push({
          soort: 'geenToewijzing',
          omschrijving: `${msg.soort === '305' ? 'Start' : 'Stop'} zonder bekende toewijzing${r.toewijzingNummer === null ? '' : ` (nummer ${r.toewijzingNummer})`} van deze aanbieder.`,
          clientId,
          toewijzingId: null,
        });
        continue;
      }
      if (client && tw.clientId !== client.id)
        verschillen.push({
          soort: 'andereClient',
          omschrijving: `Toewijzing ${tw.nummer} hoort bij een andere cliënt dan BSN ${maskBsn(msg.client.bsn)}.`,
          clientId,
          toewijzingId: tw.id,
        });
      const twp = { nummer: tw.nummer, ingangsdatum: tw.ingangsdatum, einddatum: tw.einddatum };
      if (msg.soort === '305') {
        const f = startRule(r.begindatum, twp);
        if (f) verschillen.push({ soort: f.code, omschrijving: f.reden, clientId: tw.clientId, toewijzingId: tw.id });
        if (tw.startBegindatum)
          verschillen.push({
            soort: 'dubbeleStart',
            omschrijving: `Toewijzing ${tw.nummer} had al een start per ${datumTekst(tw.startBegindatum)}.`,
            clientId: tw.clientId,
            toewijzingId: tw.id,
          });
        else if (tw.stayStartedOn && tw.stayStartedOn !== r.begindatum)
          verschillen.push({
            soort: 'datumWijktAf',
            omschrijving: `Start ${datumTekst(r.begindatum)} volgens de aanbieder; het verblijf begon op ${datumTekst(tw.stayStartedOn)}.`,
            clientId: tw.clientId,
            toewijzingId: tw.id,
          });
        if (!tw.startBegindatum)
          await ctx.db
            .updateTable('iwmo_toewijzingen')
            .set({ start_begindatum: r.begindatum })
            .where('id', '=', tw.id)
            .execute();
        samenvatting = `Start toewijzing ${tw.nummer} per ${datumTekst(r.begindatum)}`;
      } else {
        const stop = r as (typeof msg.stops)[number];
        const f = stopRule(stop, { ...twp, startBegindatum: tw.startBegindatum, stopEinddatum: tw.stopEinddatum });
        if (f) verschillen.push({ soort: f.code, omschrijving: f.reden, clientId: tw.clientId, toewijzingId: tw.id });
        const blocking = f?.code === 'dubbeleStop';
        if (!blocking) {
          const stayLastNight = tw.stayEndedOn;
          if (tw.stayStartedOn && stayLastNight !== stop.einddatum)
            verschillen.push({
              soort: 'datumWijktAf',
              omschrijving: stayLastNight
                ? `Stop ${datumTekst(stop.einddatum)} volgens de aanbieder; het verblijf eindigde op ${datumTekst(stayLastNight)}.`
                : `Stop ${datumTekst(stop.einddatum)} volgens de aanbieder; in Onderdak loopt het verblijf nog.`,
              clientId: tw.clientId,
              toewijzingId: tw.id,
            });
          await ctx.db
            .updateTable('iwmo_toewijzingen')
            .set({ stop_einddatum: stop.einddatum, reden_beeindiging: stop.reden })
            .where('id', '=', tw.id)
            .execute();
        }
        samenvatting = `Stop toewijzing ${tw.nummer} per ${datumTekst(stop.einddatum)}`;
      }
    }
    if (!samenvatting) samenvatting = `${msg.soort === '305' ? 'Start' : 'Stop'} zonder bekende toewijzing`;
  } else if (msg.soort === '315' || msg.soort === '317') {
    const client = await clientByBsn(ctx.db, tenantId, msg.bsn);
    clientId = client?.id ?? null;
    if (!msg.verzoeken.length)
      new Problems().add('AangevraagdeProducten', 'leeg', 'Het verzoek bevat geen product.').throwIfAny();
    for (const v of msg.verzoeken) {
      await ctx.db
        .insertInto('iwmo_verzoeken')
        .values({
          tenant_id: tenantId,
          bericht_id: bericht.id,
          berichtcode: msg.soort,
          agb_code: agb,
          referentie_aanbieder: v.referentie,
          client_id: clientId,
          productcategorie: v.categorie ?? '16',
          ingangsdatum: v.ingangsdatum,
          einddatum: v.einddatum,
          status: 'open',
          reden_afwijzing: null,
          antwoord_bericht_id: null,
          toewijzing_id: null,
          beantwoord_door: null,
          beantwoord_op: null,
        })
        .execute();
    }
    samenvatting = `Verzoek om ${msg.soort === '315' ? 'toewijzing' : 'wijziging'}: ${msg.verzoeken.length} product(en)${client ? '' : ', cliënt onbekend'}`;
  } else if (msg.soort === '323') {
    const d = msg.declaratie;
    let totaal = 0;
    let afgekeurd = 0;
    let regels = 0;
    for (const c of d.clienten) {
      const client = await clientByBsn(ctx.db, tenantId, c.bsn);
      for (const p of c.prestaties) {
        regels++;
        totaal += p.debetCredit === 'C' ? -p.bedrag : p.bedrag;
        const tw = await toewijzingByNummer(ctx.db, tenantId, agb, p.toewijzingNummer);
        const fouten: Bevinding[] = [];
        let nachten: number | null = null;
        if (!client)
          fouten.push({
            veld: 'Bsn',
            code: 'onbekendeClient',
            reden: `Geen cliënt met BSN ${maskBsn(c.bsn)} in Onderdak.`,
          });
        if (!tw)
          fouten.push({
            veld: 'ToewijzingNummer',
            code: 'geenToewijzing',
            reden: `Geen toewijzing ${p.toewijzingNummer} voor deze aanbieder.`,
          });
        else {
          if (client && tw.clientId !== client.id)
            fouten.push({
              veld: 'Bsn',
              code: 'andereClient',
              reden: `Toewijzing ${tw.nummer} hoort bij een andere cliënt.`,
            });
          const twp = {
            nummer: tw.nummer,
            ingangsdatum: tw.ingangsdatum,
            einddatum: tw.einddatum,
            productcategorie: tw.productcategorie,
          };
          nachten = tw.stayStartedOn
            ? countedNights(
                { startedOn: tw.stayStartedOn, endedOn: tw.stayEndedOn },
                twp,
                p.begindatum,
                p.einddatum,
                today,
              )
            : null;
          fouten.push(...prestatieRules(p, twp, d, nachten));
        }
        const goed = fouten.length === 0;
        if (!goed) afgekeurd++;
        await ctx.db
          .insertInto('iwmo_declaratieregels')
          .values({
            tenant_id: tenantId,
            bericht_id: bericht.id,
            referentie: p.referentie,
            toewijzing_nummer: p.toewijzingNummer,
            toewijzing_id: tw?.id ?? null,
            client_id: client?.id ?? null,
            begindatum: p.begindatum,
            einddatum: p.einddatum,
            volume: p.volume,
            nachten_geteld: nachten,
            bedrag: p.bedrag,
            goedgekeurd: goed,
            afkeurreden: goed ? null : fouten.map((f) => f.reden).join(' '),
          })
          .execute();
        for (const f of fouten)
          verschillen.push({
            soort: `declaratie:${f.code}`,
            omschrijving: `Declaratie ${d.nummer}, prestatie ${p.referentie}: ${f.reden}`,
            clientId: client?.id ?? null,
            toewijzingId: tw?.id ?? null,
          });
      }
    }
    if (totaal !== d.totaal)
      verschillen.push({
        soort: 'declaratie:totaal',
        omschrijving: `Declaratie ${d.nummer}: totaal ${d.totaal} is niet de som van de prestaties (${totaal}).`,
        clientId: null,
        toewijzingId: null,
      });
    samenvatting = `Declaratie ${d.nummer} (${datumTekst(d.begindatum)}–${datumTekst(d.einddatum)}): ${regels} prestatie(s), ${afgekeurd} afgekeurd`;
  }

  if (verschillen.length)
    await ctx.db
      .insertInto('iwmo_verschillen')
      .values(
        verschillen.map((v) => ({
          tenant_id: tenantId,
          bericht_id: bericht.id,
          soort: v.soort,
          omschrijving: v.omschrijving,
          client_id: v.clientId,
          toewijzing_id: v.toewijzingId,
          status: 'open' as const,
          toelichting: null,
          afgehandeld_door: null,
          afgehandeld_op: null,
          created_at: ctx.now,
        })),
      )
      .execute();
  await ctx.db
    .updateTable('iwmo_berichten')
    .set({ client_id: clientId, status: verschillen.length ? 'verwerktMetVerschillen' : 'verwerkt', samenvatting })
    .where('id', '=', bericht.id)
    .execute();
  const persons =
    msg.soort === '323'
      ? (
          await ctx.db
            .selectFrom('iwmo_declaratieregels')
            .select('client_id')
            .where('bericht_id', '=', bericht.id)
            .execute()
        ).map((r) => r.client_id)
      : [clientId];
  await auditPersons(ctx, persons, {
    action: 'aanmaken',
    resource: RESOURCE,
    detail: `bericht ${msg.soort} ingelezen`,
  });
  return berichtDetail(ctx, bericht.id, { audit: false });
}

// ---------- werklijst: verschillen ----------

export async function listVerschillen(ctx: Ctx, q: { status?: 'open' | 'afgehandeld' }) {
  authorize(ctx, 'iwmo.werklijst');
  const rows = await ctx.db
    .selectFrom('iwmo_verschillen')
    .innerJoin('iwmo_berichten', 'iwmo_berichten.id', 'iwmo_verschillen.bericht_id')
    .leftJoin('clients', 'clients.id', 'iwmo_verschillen.client_id')
    .select([
      'iwmo_verschillen.id',
      'iwmo_verschillen.soort',
      'iwmo_verschillen.omschrijving',
      'iwmo_verschillen.status',
      'iwmo_verschillen.toelichting',
      'iwmo_verschillen.client_id',
      'iwmo_verschillen.created_at',
      'iwmo_berichten.id as berichtId',
      'iwmo_berichten.berichtcode',
      'iwmo_berichten.agb_code',
      'clients.first_name',
      'clients.last_name',
    ])
    .where('iwmo_verschillen.tenant_id', '=', ctx.actor.tenantId)
    .where('iwmo_verschillen.status', '=', q.status ?? 'open')
    .orderBy('iwmo_verschillen.created_at', 'desc')
    .orderBy('iwmo_verschillen.id')
    .limit(300)
    .execute();
  await auditPersons(
    ctx,
    rows.map((r) => r.client_id),
    { action: 'lezen', resource: RESOURCE, detail: 'werklijst verschillen' },
  );
  return {
    verschillen: rows.map((r) => ({
      id: r.id,
      soort: r.soort,
      omschrijving: r.omschrijving,
      status: r.status,
      toelichting: r.toelichting,
      clientId: r.client_id,
      clientNaam: r.first_name ? `${r.first_name} ${r.last_name}` : null,
      berichtId: r.berichtId,
      berichtcode: r.berichtcode,
      agbCode: r.agb_code,
      gemeld: new Date(r.created_at).toISOString(),
    })),
  };
}

export async function handleVerschil(ctx: Ctx, id: string, input: { toelichting: string }) {
  authorize(ctx, 'iwmo.werklijst');
  const row = await ctx.db
    .selectFrom('iwmo_verschillen')
    .select(['id', 'status', 'client_id'])
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Verschil niet gevonden.');
  if (row.status !== 'open') throw new ConflictError('Dit verschil is al afgehandeld.');
  const toelichting = input.toelichting.trim();
  if (!toelichting)
    new Problems().add('toelichting', 'verplicht', 'Schrijf kort op hoe het verschil is opgelost.').throwIfAny();
  await ctx.db
    .updateTable('iwmo_verschillen')
    .set({ status: 'afgehandeld', toelichting, afgehandeld_door: ctx.actor.userId, afgehandeld_op: ctx.now })
    .where('id', '=', id)
    .execute();
  await audit(ctx, { clientId: row.client_id, action: 'wijzigen', resource: RESOURCE, detail: 'verschil afgehandeld' });
  return { id, status: 'afgehandeld' as const, toelichting };
}

// ---------- werklijst: verzoeken (315/317) en het antwoord ----------

export async function listVerzoeken(ctx: Ctx, q: { status?: 'open' | 'toegewezen' | 'afgewezen' }) {
  authorize(ctx, 'iwmo.werklijst');
  const rows = await ctx.db
    .selectFrom('iwmo_verzoeken')
    .leftJoin('clients', 'clients.id', 'iwmo_verzoeken.client_id')
    .leftJoin('iwmo_aanbieders', (j) =>
      j
        .onRef('iwmo_aanbieders.agb_code', '=', 'iwmo_verzoeken.agb_code')
        .onRef('iwmo_aanbieders.tenant_id', '=', 'iwmo_verzoeken.tenant_id'),
    )
    .select([
      'iwmo_verzoeken.id',
      'iwmo_verzoeken.berichtcode',
      'iwmo_verzoeken.agb_code',
      'iwmo_verzoeken.referentie_aanbieder',
      'iwmo_verzoeken.client_id',
      'iwmo_verzoeken.productcategorie',
      'iwmo_verzoeken.ingangsdatum',
      'iwmo_verzoeken.einddatum',
      'iwmo_verzoeken.status',
      'iwmo_verzoeken.reden_afwijzing',
      'iwmo_verzoeken.antwoord_bericht_id',
      'iwmo_verzoeken.bericht_id',
      'clients.first_name',
      'clients.last_name',
      sql<string | null>`min(iwmo_aanbieders.naam)`.as('aanbieder'),
    ])
    .where('iwmo_verzoeken.tenant_id', '=', ctx.actor.tenantId)
    .where('iwmo_verzoeken.status', '=', q.status ?? 'open')
    .groupBy(['iwmo_verzoeken.id', 'clients.first_name', 'clients.last_name'])
    .orderBy('iwmo_verzoeken.ingangsdatum')
    .orderBy('iwmo_verzoeken.id')
    .limit(300)
    .execute();
  await auditPersons(
    ctx,
    rows.map((r) => r.client_id),
    { action: 'lezen', resource: RESOURCE, detail: 'werklijst verzoeken' },
  );
  return {
    verzoeken: rows.map((r) => ({
      id: r.id,
      berichtcode: r.berichtcode,
      berichtId: r.bericht_id,
      agbCode: r.agb_code,
      aanbieder: r.aanbieder,
      referentieAanbieder: r.referentie_aanbieder,
      clientId: r.client_id,
      clientNaam: r.first_name ? `${r.first_name} ${r.last_name}` : null,
      productcategorie: r.productcategorie,
      ingangsdatum: r.ingangsdatum,
      einddatum: r.einddatum,
      status: r.status,
      redenAfwijzing: r.reden_afwijzing,
      antwoordBerichtId: r.antwoord_bericht_id,
    })),
  };
}

/**
 * Answers a 315/317 line: toewijzen writes a 301 (with the provider's reference), afwijzen a 319 "verzoek
 * afgewezen" with a WJ765 reason, inOnderzoek a 319 "aanvraag in onderzoek" (the request stays open).
 */
export async function answerVerzoek(
  ctx: Ctx,
  id: string,
  input: { antwoord: 'toewijzen' | 'afwijzen' | 'inOnderzoek'; redenAfwijzing?: string | null },
) {
  const v = await ctx.db
    .selectFrom('iwmo_verzoeken')
    .selectAll()
    .where('id', '=', id)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .executeTakeFirst();
  if (!v) throw new NotFoundError('Verzoek niet gevonden.');
  authorize(ctx, 'iwmo.verzoekBeantwoorden', { status: v.status });
  const problems = new Problems();
  if (input.antwoord === 'afwijzen' && !(input.redenAfwijzing && input.redenAfwijzing in REDEN_AFWIJZING))
    problems.add('redenAfwijzing', 'verplicht', 'Kies de reden van afwijzing (1 tot en met 9).');
  if (input.antwoord === 'toewijzen' && !v.client_id)
    problems.add(
      'antwoord',
      'onbekendeClient',
      'De cliënt van dit verzoek is niet bekend in Onderdak; registreer de cliënt eerst of wijs af.',
    );
  if (input.antwoord === 'toewijzen' && v.productcategorie !== '16' && v.productcategorie !== '17')
    problems.add(
      'antwoord',
      'product',
      `Productcategorie ${v.productcategorie} is geen opvang (16) of spoedopvang (17).`,
    );
  problems.throwIfAny();
  const gemeente = (await tenantGemeenten(ctx)).central;
  let antwoordId: string;
  let toewijzingId: string | null = null;
  if (input.antwoord === 'toewijzen') {
    const fac = await ctx.db
      .selectFrom('iwmo_aanbieders')
      .innerJoin('facilities', 'facilities.id', 'iwmo_aanbieders.facility_id')
      .select(['facilities.name', 'facilities.postcode'])
      .where('iwmo_aanbieders.tenant_id', '=', ctx.actor.tenantId)
      .where('iwmo_aanbieders.agb_code', '=', v.agb_code)
      .orderBy('facilities.name')
      .executeTakeFirst();
    const made = await makeToewijzing(ctx.db, ctx.actor.tenantId, ctx.now, {
      clientId: v.client_id!,
      stayId: null,
      agbCode: v.agb_code,
      categorie: v.productcategorie as '16' | '17',
      ingangsdatum: v.ingangsdatum,
      einddatum: v.einddatum,
      referentieAanbieder: v.referentie_aanbieder,
      organisatie: fac?.name ?? 'Zorgaanbieder',
      postcode: fac?.postcode ?? null,
      plaatsnaam: null,
    });
    antwoordId = made.berichtId;
    toewijzingId = made.toewijzingId;
  } else {
    const identificatie = await nextIdentificatie(ctx.db, ctx.actor.tenantId);
    const dagtekening = todayInNl(ctx.now);
    const code = input.antwoord === 'afwijzen' ? '1' : '2';
    const reden = code === '1' ? (input.redenAfwijzing as RedenAfwijzing) : null;
    const xml = write319({
      gemeente,
      agbCode: v.agb_code,
      identificatie,
      dagtekening,
      referentieAanbieder: v.referentie_aanbieder,
      antwoord: code,
      redenAfwijzing: reden,
    });
    const b = await ctx.db
      .insertInto('iwmo_berichten')
      .values({
        tenant_id: ctx.actor.tenantId,
        berichtcode: '319',
        richting: 'uit',
        agb_code: v.agb_code,
        identificatie,
        dagtekening,
        client_id: v.client_id,
        xml,
        bestandsnaam: `WMO319_${gemeente}_${v.agb_code}_${identificatie}.xml`,
        status: 'klaarVoorOphalen',
        samenvatting:
          code === '1'
            ? `Verzoek ${v.referentie_aanbieder} afgewezen: ${REDEN_AFWIJZING[reden!]}`
            : `Verzoek ${v.referentie_aanbieder}: aanvraag in onderzoek`,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    antwoordId = b.id;
  }
  const status = input.antwoord === 'toewijzen' ? 'toegewezen' : input.antwoord === 'afwijzen' ? 'afgewezen' : 'open';
  await ctx.db
    .updateTable('iwmo_verzoeken')
    .set({
      status,
      reden_afwijzing: input.antwoord === 'afwijzen' ? (input.redenAfwijzing ?? null) : null,
      antwoord_bericht_id: antwoordId,
      toewijzing_id: toewijzingId,
      beantwoord_door: ctx.actor.userId,
      beantwoord_op: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  await audit(ctx, {
    clientId: v.client_id,
    action: 'besluiten',
    resource: RESOURCE,
    detail: `verzoek ${v.referentie_aanbieder}: ${input.antwoord}`,
  });
  return berichtDetail(ctx, antwoordId, { audit: false });
}

/** Product code used in 301s (for the provider's 323: the code to declare). */
export const productcodeVoor = (categorie: '16' | '17') => PRODUCTCODE[categorie];
