// Demo data for issue 6 (Voorkomen): arrears signals with Vroeg Eropaf cases (open, handled, a couple of
// evictions), aftercare plans for recent exits to housing with contacts (some missed), preventief budgetbeheer,
// and — for Dordrecht, whose generated history ends in 2019 — exits to housing from 2019-07 on, of which a
// plausible ~20% return within 24 months. Everything added for Dordrecht is dated after 2019-07-01 and stays out of
// the night shelter (stays in the 24-uursopvang), so the 2015–2019H1 reference figures do not move.
// Returning clients: per calendar year from 2020 (and 2019H2 for Dordrecht), earlier clients come back to the
// shelter until ~40% of the clients with a stay in that year had been in shelter before (the vision 2020–2025,
// measured like GET /v1/rapportages/terugval `eerderInOpvang`). Their new stays all start after 2019-07-01.
import { sql } from 'kysely';
import { addMonths, DEFAULT_CONTACT_MONTHS } from '../areas/aftercare/aftercare-rules.js';
import { relapseDestinationType } from '../areas/aftercare/relapse.js';
import { loadUsedShelterBefore } from '../areas/aftercare/relapse.queries.js';
import type { Database, Tx } from '../platform/db/database.js';
import { EXIT_DESTINATIONS } from '../reference/reference.js';
import { createRng, fromDayNumber, type Rng, toDayNumber } from './random.js';

const SOURCES: Record<string, { corporaties: string[]; water: string; postcodes: [number, number] }> = {
  dordrecht: {
    corporaties: ['Trivire', 'Woonbron', 'Woonkracht10', 'Tablis Wonen'],
    water: 'Evides',
    postcodes: [3311, 3319],
  },
  almere: {
    corporaties: ['Ymere', 'De Alliantie', 'GoedeStede', 'Centrada'],
    water: 'Vitens',
    postcodes: [1311, 1363],
  },
  nissewaard: { corporaties: ['Maasdelta Groep', 'Woonbron'], water: 'Evides', postcodes: [3201, 3209] },
};
const ENERGY = ['Eneco', 'Vattenfall', 'Essent', 'Budget Energie'];
const INSURERS = ['Zilveren Kruis', 'VGZ', 'CZ', 'Menzis', 'DSW'];
const LANDLORDS = ['Van der Linden Vastgoed', 'Particuliere verhuurder', 'Stadswonen Beheer', 'Holland Rent'];
const FIRST = [
  'Sandra',
  'Mohamed',
  'Linda',
  'Kevin',
  'Esther',
  'Dennis',
  'Samira',
  'Peter',
  'Yvonne',
  'Ahmed',
  'Chantal',
  'Marco',
  'Naomi',
  'Bas',
  'Fatima',
  'Rob',
  'Ilse',
  'Youssef',
  'Petra',
  'Johan',
];
const LAST = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Brouwer',
  'Yilmaz',
  'Kaya',
  'El Idrissi',
  'Nowak',
  'Rosario',
  'Verschoor',
];
const RESPONSIBLE: Record<string, [string, string][]> = {
  dordrecht: [
    ['wijkteam', 'Sociaal wijkteam Crabbehof'],
    ['wijkteam', 'Sociaal wijkteam Stadspolders'],
    ['fact', 'FACT-team Yulius Dordrecht'],
    ['ambulant-begeleider', 'Leger des Heils ambulant'],
  ],
  almere: [
    ['wijkteam', 'De Schoor wijkteam Haven'],
    ['fact', 'FACT Almere'],
    ['ambulant-begeleider', 'Kwintes ambulante begeleiding'],
  ],
  nissewaard: [
    ['wijkteam', 'Wijkteam Spijkenisse Noord'],
    ['fact', 'FACT Antes Nissewaard'],
    ['ambulant-begeleider', 'Pameijer ambulant'],
  ],
};
const HOUSING_DEST: [string, number][] = [
  ['huur-corporatie', 45],
  ['huur-particulier', 10],
  ['housing-first', 20],
  ['familie-vrienden-permanent', 10],
  ['beschermd-wonen', 15],
];

function uuid(rng: Rng) {
  const h = () =>
    Math.floor(rng.next() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return `${h()}${h()}-${h()}-4${h().slice(1)}-a${h().slice(1)}-${h()}${h()}${h()}`;
}
function bsn(rng: Rng): string {
  for (;;) {
    const digits = [rng.int(1, 9), ...Array.from({ length: 7 }, () => rng.int(0, 9))];
    const last = digits.reduce((s, x, i) => s + x * (9 - i), 0) % 11;
    if (last <= 9) return [...digits, last].join('');
  }
}
const letters = 'ABCDEGHJKLMNPRSTVWXZ';

/** Dordrecht only: exits to housing 2019-07 … today, with stays in the 24-uursopvang and ~20% returning within 24 months. */
async function seedDordrechtExits(db: Tx, rng: Rng, today: string, userId: string | null) {
  const units = await db
    .selectFrom('units')
    .innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .select('units.id')
    .where('units.tenant_id', '=', 'dordrecht')
    .where('facilities.type', '=', '24-uursopvang')
    .where('facilities.is_night_shelter', '=', false)
    .where('units.active', '=', true)
    .orderBy('units.name')
    .execute();
  if (!units.length) return 0;
  // Units free from this day on (only ended stays are added: the current bed board does not change).
  const freeFrom = new Map(units.map((u) => [u.id, 0]));
  const t = toDayNumber(today);
  const from = toDayNumber('2019-07-01');
  const n = 90;
  let made = 0;
  for (let i = 0; i < n; i++) {
    // More exits in recent years (the new policy), so the aftercare worklist has recent ones.
    const u = rng.next() ** 0.7;
    const exit = Math.min(t - 3, from + 120 + Math.floor(u * (t - 3 - from - 120)));
    const start = exit - rng.int(25, 120);
    const unit = units.find((x) => freeFrom.get(x.id)! <= start);
    if (!unit) continue;
    freeFrom.set(unit.id, exit + 1);
    const regDay = start - rng.int(0, 4);
    const clientId = uuid(rng),
      regId = uuid(rng),
      trajId = uuid(rng);
    const dest = rng.weighted(HOUSING_DEST);
    const male = rng.chance(0.7);
    await db
      .insertInto('clients')
      .values({
        id: clientId,
        tenant_id: 'dordrecht',
        first_name: rng.pick(FIRST),
        last_name: rng.pick(LAST),
        birth_date: fromDayNumber(regDay - rng.int(20, 60) * 365 - rng.int(0, 364)),
        bsn: rng.chance(0.8) ? bsn(rng) : null,
        ...(rng.chance(0.7)
          ? { origin_municipality_code: '0505', origin_label: 'Dordrecht' }
          : { origin_municipality_code: '0642', origin_label: 'Zwijndrecht' }),
        cause: rng.weighted([
          ['huurachterstand-schulden', 35],
          ['relatiebreuk', 30],
          ['gebrek-motivatie-eerdere-zorg', 15],
          ['overig', 20],
        ] as [string, number][]),
        phone: null,
        email: null,
        gender: male ? 'man' : 'vrouw',
      })
      .execute();
    await db
      .insertInto('registrations')
      .values({
        id: regId,
        tenant_id: 'dordrecht',
        client_id: clientId,
        registered_on: fromDayNumber(regDay),
        source: rng.pick(['zelf', 'wijkteam', 'veldwerk', 'meldpunt']),
        notes: null,
        status: 'besloten',
        created_by: userId,
      })
      .execute();
    await db
      .insertInto('access_decisions')
      .values({
        tenant_id: 'dordrecht',
        registration_id: regId,
        outcome: 'toegang',
        decided_on: fromDayNumber(start),
        decided_by: userId,
        reason: 'Dakloos, geen alternatief; traject naar wonen gestart.',
        objection_deadline: fromDayNumber(start + 42),
        emergency_shelter: true,
        regional_tie: null,
        responsible_tenant_id: 'dordrecht',
      })
      .execute();
    await db
      .insertInto('trajectories')
      .values({
        id: trajId,
        tenant_id: 'dordrecht',
        client_id: clientId,
        registration_id: regId,
        started_on: fromDayNumber(start),
        ended_on: fromDayNumber(exit),
        exit_destination: dest,
        exit_group: dest === 'beschermd-wonen' ? 'beschermd' : 'permanent',
        case_manager_id: userId,
      })
      .execute();
    await db
      .insertInto('stays')
      .values({
        tenant_id: 'dordrecht',
        client_id: clientId,
        registration_id: regId,
        trajectory_id: trajId,
        unit_id: unit.id,
        started_on: fromDayNumber(start),
        ended_on: fromDayNumber(exit),
        end_reason: 'uitstroom',
        created_by: userId,
      })
      .execute();
    made++;
    // ~20% come back within 24 months (Housing First less often, as the seed texts report); a few later.
    const pReturn = dest === 'housing-first' ? 0.12 : dest === 'beschermd-wonen' ? 0.18 : 0.3;
    if (rng.chance(pReturn) || rng.chance(0.04)) {
      const back = exit + (rng.chance(0.85) ? rng.int(20, 700) : rng.int(731, 1100));
      if (back >= t - 1) continue;
      const recent = back > t - 30;
      const rid = uuid(rng);
      await db
        .insertInto('registrations')
        .values({
          id: rid,
          tenant_id: 'dordrecht',
          client_id: clientId,
          registered_on: fromDayNumber(back),
          source: rng.pick(['wijkteam', 'veldwerk', 'zelf', 'meldpunt']),
          notes: 'Opnieuw dakloos na uitstroom naar wonen.',
          status: recent ? 'aangemeld' : 'besloten',
          created_by: userId,
        })
        .execute();
      if (!recent) {
        await db
          .insertInto('access_decisions')
          .values({
            tenant_id: 'dordrecht',
            registration_id: rid,
            outcome: 'doorverwijzing',
            decided_on: fromDayNumber(back + rng.int(0, 5)),
            decided_by: userId,
            reason:
              'Terugval na uitstroom: warme overdracht naar wijkteam en FACT, woning behouden of tijdelijk bij netwerk.',
            objection_deadline: fromDayNumber(back + 42),
            emergency_shelter: false,
            regional_tie: null,
            responsible_tenant_id: null,
          })
          .execute();
      }
    }
  }
  return made;
}

/** Share of clients in shelter in a year who had been in shelter before (the seed: 40%). */
export const RETURNING_TARGET = 0.4;
const RETURN_EXITS: [string, number][] = [
  ['huur-corporatie', 14],
  ['huur-particulier', 5],
  ['housing-first', 4],
  ['familie-vrienden-permanent', 6],
  ['beschermd-wonen', 6],
  ['tussenvoorziening', 10],
  ['skaeve-huse', 3],
  ['familie-vrienden-tijdelijk', 9],
  ['andere-opvang', 6],
  ['ggz-kliniek', 4],
  ['verslavingskliniek', 4],
  ['detentie', 3],
  ['straat', 12],
  ['onbekend-dakloos', 10],
];

/**
 * Earlier clients come back: for each year (oldest first, each measured after the previous one was filled) adds
 * k new registrations with a stay for clients whose last stay ended at least 30 days before the year and who did not
 * leave to housing in the two years before it (so the relapse figures barely move), with
 * k = ceil((0.40·n − b) / 0.60) for n clients in shelter that year of whom b were there before. Stays go into free
 * 1-person rooms of the crisisopvang / 24-uursopvang (never overlapping another stay), all ended before today.
 */
async function seedReturningClients(db: Tx, rng: Rng, tenant: string, today: string, userId: string | null) {
  const t = toDayNumber(today);
  const units = await db
    .selectFrom('units')
    .innerJoin('facilities', 'facilities.id', 'units.facility_id')
    .select('units.id')
    .where('units.tenant_id', '=', tenant)
    .where('facilities.type', 'in', ['crisisopvang', '24-uursopvang'])
    .where('facilities.active', '=', true)
    .where('units.active', '=', true)
    .where('units.is_reserve', '=', false)
    .where('units.kind', '=', 'eenpersoonskamer')
    .orderBy('units.name')
    .execute();
  if (!units.length) return 0;
  const busy = new Map<string, [number, number][]>(units.map((u) => [u.id, []]));
  const existing = await db
    .selectFrom('stays')
    .select(['unit_id', 'started_on', 'ended_on'])
    .where(
      'unit_id',
      'in',
      units.map((u) => u.id),
    )
    .execute();
  for (const s of existing)
    busy.get(s.unit_id)!.push([toDayNumber(s.started_on), s.ended_on ? toDayNumber(s.ended_on) : Infinity]);
  const freeUnit = (a: number, b: number) => units.find((u) => busy.get(u.id)!.every(([x, y]) => y <= a || x >= b))?.id;
  const groupOf = (code: string) => EXIT_DESTINATIONS.find((e) => e.code === code)!.group;
  const firstYear = tenant === 'dordrecht' ? 2019 : 2020;
  let made = 0;
  for (let y = firstYear; ; y++) {
    const from = y === 2019 ? toDayNumber('2019-07-01') : toDayNumber(`${y}-01-01`);
    const to = Math.min(toDayNumber(`${y + 1}-01-01`), t);
    if (to - from < 60) break;
    const { clients: n, before: b } = await loadUsedShelterBefore(db, tenant, fromDayNumber(from), fromDayNumber(to));
    const k = Math.max(0, Math.ceil((RETURNING_TARGET * n - b) / (1 - RETURNING_TARGET)));
    if (k === 0) continue;
    const pool = (
      await sql<{ id: string }>`
      select c.id from clients c join stays s on s.client_id = c.id
      where c.tenant_id = ${tenant} and c.merged_into is null
        and not exists (select 1 from registrations r where r.client_id = c.id and r.registered_on >= ${fromDayNumber(from - 30)}::date)
        and not exists (select 1 from trajectories x where x.client_id = c.id and x.ended_on >= ${fromDayNumber(from - 730)}::date and (x.exit_group = 'permanent' or x.exit_destination = 'beschermd-wonen'))
      group by c.id having bool_and(s.ended_on is not null) and max(s.ended_on) < ${fromDayNumber(from - 30)}::date
      order by max(s.ended_on) desc, c.id limit 600`.execute(db)
    ).rows.map((r) => r.id);
    const regs: {
      id: string;
      tenant_id: string;
      client_id: string;
      registered_on: string;
      source: string;
      status: string;
      screened_on: string;
      notes: string;
      created_by: string | null;
    }[] = [];
    const decisions: {
      tenant_id: string;
      registration_id: string;
      outcome: string;
      decided_on: string;
      decided_by: string | null;
      reason: string;
      objection_deadline: string;
      emergency_shelter: boolean;
      responsible_tenant_id: string;
    }[] = [];
    const trajs: {
      id: string;
      tenant_id: string;
      client_id: string;
      registration_id: string;
      started_on: string;
      ended_on: string;
      exit_destination: string;
      exit_group: string;
      case_manager_id: string | null;
    }[] = [];
    const stays: {
      tenant_id: string;
      client_id: string;
      registration_id: string;
      trajectory_id: string | null;
      unit_id: string;
      started_on: string;
      ended_on: string;
      end_reason: string;
      created_by: string | null;
    }[] = [];
    for (let i = 0; i < k && pool.length; i++) {
      const start = from + Math.floor(((i + rng.next()) / k) * (to - from));
      const end = Math.min(start + rng.int(14, 110), t - 1);
      if (end - start < 4) continue;
      const unit = freeUnit(start, end);
      if (!unit) continue;
      busy.get(unit)!.push([start, end]);
      const clientId = pool.splice(rng.int(0, Math.min(pool.length, 120) - 1), 1)[0]!;
      const regDay = Math.max(from, start - rng.int(0, 3));
      const regId = uuid(rng);
      regs.push({
        id: regId,
        tenant_id: tenant,
        client_id: clientId,
        registered_on: fromDayNumber(regDay),
        source: rng.pick(['zelf', 'veldwerk', 'meldpunt', 'wijkteam', 'politie']),
        status: 'besloten',
        screened_on: fromDayNumber(regDay),
        notes: 'Opnieuw in de opvang: eerder verblijf bekend.',
        created_by: userId,
      });
      const trajectory = rng.chance(0.75);
      decisions.push({
        tenant_id: tenant,
        registration_id: regId,
        outcome: 'toegang',
        decided_on: fromDayNumber(start),
        decided_by: userId,
        reason: trajectory
          ? 'Opnieuw dakloos; traject naar wonen gestart.'
          : 'Nachtopvang; cliënt wil (nog) geen traject.',
        objection_deadline: fromDayNumber(start + 42),
        emergency_shelter: true,
        responsible_tenant_id: tenant,
      });
      let trajId: string | null = null;
      if (trajectory) {
        trajId = uuid(rng);
        const dest = rng.weighted(RETURN_EXITS);
        trajs.push({
          id: trajId,
          tenant_id: tenant,
          client_id: clientId,
          registration_id: regId,
          started_on: fromDayNumber(start),
          ended_on: fromDayNumber(end),
          exit_destination: dest,
          exit_group: groupOf(dest),
          case_manager_id: userId,
        });
      }
      stays.push({
        tenant_id: tenant,
        client_id: clientId,
        registration_id: regId,
        trajectory_id: trajId,
        unit_id: unit,
        started_on: fromDayNumber(start),
        ended_on: fromDayNumber(end),
        end_reason: trajectory ? 'uitstroom' : 'nachtopvang beëindigd',
        created_by: userId,
      });
    }
    if (!regs.length) continue;
    await db.insertInto('registrations').values(regs).execute();
    await db.insertInto('access_decisions').values(decisions).execute();
    if (trajs.length) await db.insertInto('trajectories').values(trajs).execute();
    await db.insertInto('stays').values(stays).execute();
    made += regs.length;
  }
  return made;
}

/** Notes of demo aftercare contacts (also used by the history, src/demo/history.ts). */
export const AFTERCARE_NOTES = [
  'Woont goed, huur betaald.',
  'Dagbesteding gestart.',
  'Lastig bereikbaar, via begeleider gesproken.',
  'Contact met buren verloopt goed.',
  'Zorgen over middelengebruik; FACT ingelicht.',
];

/** Aftercare plans for exits to housing of the last 13 months, with contacts (mostly done, some missed) and budgetbeheer. */
async function seedAftercare(db: Tx, rng: Rng, tenant: string, today: string, userId: string | null) {
  const t = toDayNumber(today);
  const exits = await db
    .selectFrom('trajectories')
    .select(['id', 'client_id', 'ended_on', 'exit_destination', 'exit_group'])
    .where('tenant_id', '=', tenant)
    .where('ended_on', '>=', fromDayNumber(t - 395))
    .where('exit_destination', 'is not', null)
    .orderBy('ended_on')
    .execute();
  const [pc0] = SOURCES[tenant]!.postcodes;
  let plans = 0;
  const made: { planId: string; clientId: string; postcode: string; house: string }[] = [];
  for (const e of exits) {
    if (!relapseDestinationType(e.exit_destination, e.exit_group)) continue;
    // Issue 13: the exit (registerExit, in the history) already made the default plan; the demo replaces it below,
    // or removes it for the exits left for the "one click" list (clients who left without a plan)
    const auto = await db.selectFrom('aftercare_plans').select('id').where('trajectory_id', '=', e.id).execute();
    for (const a of auto) {
      await db.deleteFrom('aftercare_contacts').where('plan_id', '=', a.id).execute();
      await db.deleteFrom('aftercare_plans').where('id', '=', a.id).execute();
    }
    if (rng.chance(0.15)) continue;
    const exitDay = toDayNumber(e.ended_on!);
    const [kind, name] = rng.pick(RESPONSIBLE[tenant]!);
    const postcode = `${rng.int(pc0, SOURCES[tenant]!.postcodes[1])}${letters[rng.int(0, 19)]}${letters[rng.int(0, 19)]}`;
    const house = String(rng.int(1, 180));
    const planId = uuid(rng);
    await db
      .insertInto('aftercare_plans')
      .values({
        id: planId,
        tenant_id: tenant,
        client_id: e.client_id,
        trajectory_id: e.id,
        exit_on: e.ended_on!,
        responsible_kind: kind,
        responsible_name: name,
        postcode,
        house_number: house,
        created_by: userId,
      })
      .execute();
    let allDone = true;
    for (const m of DEFAULT_CONTACT_MONTHS) {
      const planned = addMonths(e.ended_on!, m);
      const pd = toDayNumber(planned);
      const past = pd < t;
      const done = past && rng.chance(t - pd > 60 ? 0.9 : 0.6);
      if (!done) allDone = false;
      await db
        .insertInto('aftercare_contacts')
        .values({
          plan_id: planId,
          month_offset: m,
          planned_on: planned,
          done_on: done ? fromDayNumber(Math.min(t - 1, pd + rng.int(-5, 10))) : null,
          reached: done ? rng.chance(0.85) : null,
          concern: done && rng.chance(0.08),
          notes: done ? rng.pick(AFTERCARE_NOTES) : null,
          created_by: userId,
        })
        .execute();
    }
    if (allDone && t - exitDay > 370)
      await db
        .updateTable('aftercare_plans')
        .set({
          status: 'afgesloten',
          closed_on: fromDayNumber(t - rng.int(1, 20)),
          close_reason: 'Nazorgperiode afgerond; stabiel wonend.',
        })
        .where('id', '=', planId)
        .execute();
    if (rng.chance(0.35)) {
      const start = exitDay + rng.int(7, 30);
      const years = rng.pick([1, 2, 3]);
      const end = toDayNumber(addMonths(fromDayNumber(start), years * 12));
      await db
        .insertInto('budget_management')
        .values({
          tenant_id: tenant,
          client_id: e.client_id,
          plan_id: planId,
          provider: tenant === 'dordrecht' ? 'Sociale Dienst Drechtsteden' : 'Gemeentelijke Kredietbank',
          started_on: fromDayNumber(start),
          phase_out_from: fromDayNumber(start + Math.round((end - start) * 0.6)),
          ends_on: fromDayNumber(end),
          created_by: userId,
        })
        .execute();
    }
    plans++;
    made.push({ planId, clientId: e.client_id, postcode, house });
  }
  return { plans, made };
}

/** Signals with their Vroeg Eropaf cases: older ones handled (a couple of evictions), recent ones open. */
async function seedSignals(
  db: Tx,
  rng: Rng,
  tenant: string,
  today: string,
  userId: string | null,
  aftercare: { clientId: string; postcode: string; house: string }[],
) {
  const t = toDayNumber(today);
  const src = SOURCES[tenant]!;
  const n = tenant === 'dordrecht' ? 48 : 18;
  let evictions = 0;
  for (let i = 0; i < n; i++) {
    const type = rng.weighted([
      ['corporatie', 45],
      ['verhuurder', 10],
      ['energie', 20],
      ['water', 12],
      ['zorgverzekeraar', 13],
    ] as [string, number][]);
    const sourceName =
      type === 'corporatie'
        ? rng.pick(src.corporaties)
        : type === 'verhuurder'
          ? rng.pick(LANDLORDS)
          : type === 'energie'
            ? rng.pick(ENERGY)
            : type === 'water'
              ? src.water
              : rng.pick(INSURERS);
    const day = t - Math.floor(rng.next() ** 1.4 * 420) - 1;
    const months = rng.int(2, type === 'corporatie' || type === 'verhuurder' ? 6 : 4);
    const monthly =
      type === 'corporatie'
        ? rng.int(550, 780)
        : type === 'verhuurder'
          ? rng.int(750, 1200)
          : type === 'energie'
            ? rng.int(90, 220)
            : type === 'water'
              ? rng.int(25, 45)
              : rng.int(130, 160);
    // Two signals concern people with an aftercare plan (same address): alarm signals on the waakvlam worklist.
    const linked = i < 2 && aftercare[i] ? aftercare[i] : null;
    let postcode = `${rng.int(src.postcodes[0], src.postcodes[1])}${letters[rng.int(0, 19)]}${letters[rng.int(0, 19)]}`,
      house = String(rng.int(1, 220));
    let signalDay = day;
    if (linked) {
      postcode = linked.postcode;
      house = linked.house;
      signalDay = t - rng.int(5, 25);
    }
    const signalId = uuid(rng),
      caseId = uuid(rng);
    await db
      .insertInto('early_signals')
      .values({
        id: signalId,
        tenant_id: tenant,
        source_type: type,
        source_name: sourceName,
        reference: `${sourceName.slice(0, 3).toUpperCase()}-${fromDayNumber(signalDay).slice(0, 4)}-${String(1000 + i * 7 + rng.int(0, 6))}`,
        signal_date: fromDayNumber(signalDay),
        first_name: rng.pick(FIRST),
        last_name: rng.pick(LAST),
        birth_date: rng.chance(0.6) ? fromDayNumber(signalDay - rng.int(20, 70) * 365 - rng.int(0, 364)) : null,
        bsn: rng.chance(0.5) ? bsn(rng) : null,
        postcode,
        house_number: house,
        amount_arrears: months * monthly + rng.int(0, 99) / 100,
        months_arrears: months,
        created_by: userId,
      })
      .execute();
    const age = t - signalDay;
    const steps: {
      kind: string;
      day: number;
      reached: boolean | null;
      outcome: string | null;
      notes: string | null;
    }[] = [];
    let status = 'nieuw',
      outcome: string | null = null,
      outcomeDay: number | null = null;
    if (age > 3 && rng.chance(age > 30 ? 0.95 : 0.6)) {
      const firstDay = signalDay + Math.min(age - 1, rng.chance(0.72) ? rng.int(1, 13) : rng.int(15, 35));
      const reachedByPhone = rng.chance(0.45);
      steps.push({
        kind: 'contactpoging',
        day: firstDay,
        reached: reachedByPhone,
        outcome: null,
        notes: reachedByPhone ? 'Telefonisch contact, afspraak gemaakt.' : 'Brief en telefoon, geen reactie.',
      });
      status = reachedByPhone ? 'in-contact' : 'benaderd';
      if (!reachedByPhone && firstDay + 7 < t) {
        const visitReached = rng.chance(0.75);
        steps.push({
          kind: 'huisbezoek',
          day: firstDay + rng.int(2, 7),
          reached: visitReached,
          outcome: null,
          notes: visitReached
            ? 'Vroeg Eropaf: huisbezoek, bewoner thuis.'
            : 'Huisbezoek, niemand thuis; kaartje achtergelaten.',
        });
        if (visitReached) status = 'in-contact';
      }
      const last = steps.at(-1)!.day;
      if (age > 30 && last + 10 < t) {
        const od = Math.min(t - 1, last + rng.int(7, 40));
        if (status === 'in-contact') {
          outcome =
            evictions < (tenant === 'dordrecht' ? 2 : 1) &&
            type !== 'energie' &&
            type !== 'water' &&
            type !== 'zorgverzekeraar' &&
            rng.chance(0.2)
              ? 'huisuitzetting'
              : rng.weighted([
                  ['opgelost', 40],
                  ['doorverwezen-schuldhulp', 30],
                  ['huisuitzetting-voorkomen', 30],
                ] as [string, number][]);
        } else outcome = rng.chance(0.3) && evictions < 1 && type === 'corporatie' ? 'huisuitzetting' : 'geen-contact';
        if (outcome === 'huisuitzetting') evictions++;
        steps.push({
          kind: 'uitkomst',
          day: od,
          reached: null,
          outcome,
          notes: outcome === 'huisuitzetting' ? 'Vonnis ontruiming uitgevoerd; melding aan centrale toegang.' : null,
        });
        status = 'afgesloten';
        outcomeDay = od;
      }
    }
    await db
      .insertInto('prevention_cases')
      .values({
        id: caseId,
        tenant_id: tenant,
        signal_id: signalId,
        status,
        outcome,
        outcome_on: outcomeDay != null ? fromDayNumber(outcomeDay) : null,
      })
      .execute();
    if (steps.length)
      await db
        .insertInto('prevention_steps')
        .values(
          steps.map((s) => ({
            case_id: caseId,
            kind: s.kind,
            step_on: fromDayNumber(s.day),
            reached: s.reached,
            outcome: s.outcome,
            notes: s.notes,
            created_by: userId,
          })),
        )
        .execute();
  }
  return { signals: n, evictions };
}

export async function seedPreventionDemo(database: Database, opts: { today: string; tenants: string[] }) {
  const summary: Record<string, unknown> = {};
  for (const [index, tenant] of opts.tenants.entries()) {
    if (!SOURCES[tenant]) continue;
    const rng = createRng(20260600 + index);
    const returnRng = createRng(20260700 + index); // own stream: the other demo data stays as it was
    await database.db.transaction().execute(async (tx) => {
      const user = await tx
        .selectFrom('users')
        .select('id')
        .where('username', '=', `${tenant}.toegang`)
        .executeTakeFirst();
      const userId = user?.id ?? null;
      const exits = tenant === 'dordrecht' ? await seedDordrechtExits(tx, rng, opts.today, userId) : 0;
      const returning = await seedReturningClients(tx, returnRng, tenant, opts.today, userId);
      const aftercare = await seedAftercare(tx, rng, tenant, opts.today, userId);
      const signals = await seedSignals(tx, rng, tenant, opts.today, userId, aftercare.made);
      summary[tenant] = {
        exitsToHousing: exits,
        returningClients: returning,
        aftercarePlans: aftercare.plans,
        ...signals,
      };
    });
  }
  return summary;
}
