// Issue 20 demo: veldwerk in Dordrecht — the point-in-time counts that give the vision's buitenslapers (122 in 2017,
// 153 in 2018, reference/seed-figures.json), a year of contacts with anonymous persons and with former clients who
// left to the street, and the register of requests that found no place (some linked to refusals of the toegang).
// Bulk inserts, deterministic (random.ts).
import type { Database } from '../platform/db/database.js';
import { addDays } from '../platform/validation.js';
import { createRng } from './random.js';

/** Per count night and area the number found sleeping rough; the sums are the seed's figures. */
export const DORDRECHT_STREET_COUNTS: { date: string; areas: [string, number][] }[] = [
  {
    date: '2017-11-16',
    areas: [
      ['Binnenstad', 41],
      ['Stationsomgeving', 28],
      ['Crabbehof', 12],
      ['Krispijn', 17],
      ['Sterrenburg', 9],
      ['Stadspolders', 6],
      ['Dubbeldam', 9],
    ],
  },
  {
    date: '2018-11-15',
    areas: [
      ['Binnenstad', 52],
      ['Stationsomgeving', 35],
      ['Crabbehof', 15],
      ['Krispijn', 21],
      ['Sterrenburg', 11],
      ['Stadspolders', 8],
      ['Dubbeldam', 11],
    ],
  },
];

const PLACES: [string, number, number][] = [
  ['Station Dordrecht', 51.8075, 4.6684],
  ['Grote Kerk', 51.8118, 4.6605],
  ['Weizigtpark', 51.8046, 4.6625],
  ['Spuiboulevard', 51.8101, 4.6702],
  ['Krispijn, Karel Doormanlaan', 51.8003, 4.6552],
  ['Crabbehof, winkelcentrum', 51.7951, 4.6733],
  ['Sterrenburg, Vrieseplein', 51.7905, 4.6902],
  ['Station Zwijndrecht', 51.8155, 4.6395],
  ['Papendrecht, Markt', 51.8322, 4.6978],
  ['Sliedrecht, station', 51.8216, 4.7751],
  ['Gorinchem, Eind', 51.8349, 4.9745],
];
const LOOKS = [
  'Man, grijze baard, legerjas',
  'Vrouw, rode rugzak, lang haar',
  'Jonge man, trainingspak, fiets',
  'Man, rolstoel, hond',
  'Man, Pools sprekend, bouwkleding',
  'Vrouw, winkelwagen met spullen',
  'Man, gitaar, staart',
  'Jonge vrouw, piercings',
  'Man, blauwe slaapzak bij de kerk',
  'Oudere man, hoed, wandelstok',
  'Man, Engels sprekend, tent',
  'Vrouw, kinderwagen zonder kind',
  'Man, tattoo in de nek',
  'Jonge man, capuchon, skateboard',
  'Man, zwarte jas, slaapt in auto',
  'Vrouw, bril, boeken',
  'Man, fietskar',
  'Man, oranje muts',
  'Jonge man, voetbalshirt',
  'Man, krukken',
  'Vrouw, twee honden',
  'Man, snor, regenponcho',
];

export async function seedOutreachDemo(database: Database, opts: { today: string; tenant?: string }) {
  const tenant = opts.tenant ?? 'dordrecht';
  const { today } = opts;
  const db = database.db;
  const rng = createRng(2020);
  const worker = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', `${tenant}.toegang`)
    .executeTakeFirst();
  const recordedBy = worker?.id ?? null;
  const facility = await db
    .selectFrom('facilities')
    .select('id')
    .where('tenant_id', '=', tenant)
    .where('active', '=', true)
    .where('is_night_shelter', '=', true)
    .orderBy('name')
    .executeTakeFirst();

  // the yearly point-in-time counts
  await db
    .insertInto('street_counts')
    .values(
      DORDRECHT_STREET_COUNTS.flatMap((c) =>
        c.areas.map(([area, number]) => ({
          tenant_id: tenant,
          counted_on: c.date,
          area,
          number,
          recorded_by: recordedBy,
        })),
      ),
    )
    .execute();

  // anonymous persons met on the street in the last year
  const anon = await db
    .insertInto('anonymous_persons')
    .values(LOOKS.map((description) => ({ tenant_id: tenant, description, estimated_age: rng.int(19, 68) })))
    .returning('id')
    .execute();
  const contacts: {
    tenant_id: string;
    contact_on: string;
    client_id: string | null;
    anonymous_person_id: string | null;
    sleeping_situation: string;
    latitude: number;
    longitude: number;
    place_label: string;
    offered: string[];
    recorded_by: string | null;
  }[] = [];
  const contact = (who: { client?: string; anon?: string }, on: string) => {
    const [label, lat, lon] = rng.pick(PLACES);
    const situation = rng.weighted([
      ['buiten', 6],
      ['bij_anderen', 2],
      ['auto', 1],
      ['kraakpand', 1],
    ] as const);
    const offered = rng.chance(0.15)
      ? ['geweigerd']
      : rng.shuffle(['nachtopvang', 'aanmelding_toegang', 'maaltijd', 'kleding', 'zorg']).slice(0, rng.int(1, 3));
    if (situation === 'buiten' && !offered.includes('geweigerd') && !offered.includes('nachtopvang'))
      offered.push('nachtopvang');
    contacts.push({
      tenant_id: tenant,
      contact_on: on,
      client_id: who.client ?? null,
      anonymous_person_id: who.anon ?? null,
      sleeping_situation: situation,
      latitude: Math.round((lat + (rng.next() - 0.5) * 0.004) * 100000) / 100000,
      longitude: Math.round((lon + (rng.next() - 0.5) * 0.006) * 100000) / 100000,
      place_label: label,
      offered,
      recorded_by: recordedBy,
    });
  };
  for (const [i, a] of anon.entries()) {
    // most are seen again and again (active); a few were last seen long ago (inactive)
    let on = addDays(today, -rng.int(i < 5 ? 200 : 10, i < 5 ? 360 : 300));
    const last = i < 5 ? addDays(today, -rng.int(120, 190)) : addDays(today, -rng.int(0, 60));
    while (on < last) {
      contact({ anon: a.id }, on);
      on = addDays(on, rng.int(14, 45));
    }
    contact({ anon: a.id }, last);
  }
  // former clients who left to the street or to an unknown destination, met again by veldwerk
  const leftToStreet = await db
    .selectFrom('trajectories')
    .select(['client_id', 'ended_on'])
    .where('tenant_id', '=', tenant)
    .where('exit_group', 'in', ['dakloos', 'onbekend'])
    .where('ended_on', '>=', addDays(today, -300))
    .where('ended_on', '<', addDays(today, -20))
    .orderBy('ended_on')
    .orderBy('client_id')
    .limit(18)
    .execute();
  for (const t of leftToStreet) {
    const first = addDays(t.ended_on!, rng.int(3, 15));
    if (first <= today) contact({ client: t.client_id }, first);
    const second = addDays(first, rng.int(20, 80));
    if (second <= today) contact({ client: t.client_id }, second);
  }
  if (contacts.length) await db.insertInto('outreach_contacts').values(contacts).execute();

  // the turn-away register: a full shelter, a household that does not fit, regional ties elsewhere
  const WENT: string[] = ['straat', 'bij_anderen', 'andere_opvang', 'andere_regio', 'eigen_netwerk', 'onbekend'];
  const turns = [];
  for (let i = 0; i < 64; i++) {
    const reason = rng.weighted([
      ['vol', 7],
      ['past_niet', 2],
      ['regiobinding', 1],
    ] as const);
    turns.push({
      tenant_id: tenant,
      requested_on: addDays(today, -rng.int(1, 360)),
      client_id: null,
      access_decision_id: null,
      facility_id: reason === 'regiobinding' ? null : (facility?.id ?? null),
      reason,
      // three recent ones still lack where the person went: findings on the data-quality page (AFW-01)
      went_to: i < 3 ? null : rng.pick(reason === 'regiobinding' ? ['andere_regio', 'straat'] : WENT),
      household_size: reason === 'past_niet' ? rng.int(3, 6) : 1,
      notes: null,
      recorded_by: recordedBy,
    });
  }
  // refusals and referrals of the toegang in the last year: half have a linked row saying where the person went
  const decisions = await db
    .selectFrom('access_decisions as d')
    .innerJoin('registrations as r', 'r.id', 'd.registration_id')
    .select(['d.id', 'd.outcome', 'd.decided_on', 'r.client_id'])
    .where('d.tenant_id', '=', tenant)
    .where('d.outcome', 'in', ['afwijzing', 'doorverwijzing'])
    .where('d.decided_on', '>=', addDays(today, -365))
    .orderBy('d.decided_on')
    .orderBy('d.id')
    .execute();
  for (const [i, d] of decisions.entries()) {
    if (i % 2) continue;
    turns.push({
      tenant_id: tenant,
      requested_on: d.decided_on,
      client_id: d.client_id,
      access_decision_id: d.id,
      facility_id: null,
      reason: d.outcome === 'afwijzing' ? 'afgewezen' : 'doorverwezen',
      went_to: d.outcome === 'afwijzing' ? rng.pick(['straat', 'bij_anderen', 'eigen_netwerk']) : 'voorliggend_veld',
      household_size: 1,
      notes: null,
      recorded_by: recordedBy,
    });
  }
  if (turns.length) await db.insertInto('turn_aways').values(turns).execute();
  return {
    tellingen: DORDRECHT_STREET_COUNTS.map((c) => ({
      jaar: c.date.slice(0, 4),
      buitenslapers: c.areas.reduce((n, [, x]) => n + x, 0),
    })),
    veldwerkcontacten: contacts.length,
    afgewezenVerzoeken: turns.length,
  };
}
