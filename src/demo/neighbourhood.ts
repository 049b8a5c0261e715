// Demo data of issue 17 (locaties en buurt) for Dordrecht: its wijken with inhabitants, facilities for vulnerable
// groups and a CBS indicator (plausible figures; wijkcodes illustrative), the public pages of the Kromhout-Kasperspad
// locations with the 2019 agreements (seeds/004 §4.5) and four years of meldingen, and three candidate sites — one
// half-way through the new-location procedure. Bulk inserts, deterministic (random.ts).
import crypto from 'node:crypto';
import { defaultAssumptions } from '../areas/neighbourhood/business-case.js';
import { PROCEDURE_STEPS, REPORT_KIND_CODES, type ReportKind } from '../areas/neighbourhood/reference.js';
import type { Database } from '../platform/db/database.js';
import { addDays } from '../platform/validation.js';
import { createRng } from './random.js';

const TENANT = 'dordrecht';
const LOW_INCOME = 'Huishoudens met een laag inkomen (%)';

/** name, inhabitants, share of low-income households, position on the schematic map (0–100). */
const WIJKEN: [string, number, number, number, number][] = [
  ['Binnenstad', 12_400, 14.1, 62, 22],
  ['Noordflank (Kromhout)', 9_800, 17.8, 48, 16],
  ['Reeland', 13_500, 12.9, 38, 30],
  ['Oud-Krispijn', 4_900, 16.2, 55, 40],
  ['Krispijn', 10_600, 19.4, 52, 52],
  ['Wielwijk', 6_800, 21.0, 38, 60],
  ['Crabbehof', 6_000, 18.3, 50, 68],
  ['Zuidhoven', 5_000, 13.5, 62, 74],
  ['Sterrenburg', 17_500, 7.2, 78, 60],
  ['Stadspolders', 15_500, 6.4, 82, 36],
  ['Dubbeldam', 11_000, 4.9, 90, 18],
];

/** wijk, kind, label (null for homes without an address), places. */
const FACILITIES: [string, string, string | null, number][] = [
  ['Noordflank (Kromhout)', 'opvang', 'Crisisopvang Kromhout-Kasperspad', 60],
  ['Noordflank (Kromhout)', 'opvang', 'Herstart 24-uursopvang', 24],
  ['Noordflank (Kromhout)', 'beschermd_wonen', 'Beschermd wonen Kasperspad', 24],
  ['Binnenstad', 'tussenvoorziening', 'Tijdelijk wonen Pelserstraat', 12],
  ['Reeland', 'beschermd_wonen', 'Beschermd wonen Reeland', 12],
  ['Reeland', 'housing_first', null, 4],
  ['Stadspolders', 'skaeve_huse', null, 8],
  ['Stadspolders', 'housing_first', null, 2],
  ['Sterrenburg', 'housing_first', null, 3],
  ['Krispijn', 'tussenvoorziening', 'Kamers met Aandacht', 5],
  ['Dubbeldam', 'housing_first', null, 2],
];

const AGREEMENTS_2019: [string, string, string | null, boolean | null][] = [
  ['Leger des Heils', 'Elke avond een ronde door de buurt rond de opvang, met aanspreken op overlast.', null, true],
  [
    'Gemeente en handhaving',
    'Tijdelijk extra toezicht door handhaving in de avond en het weekend.',
    '2020-06-30',
    true,
  ],
  [
    'Leger des Heils',
    'De locatieleiding is dag en nacht bereikbaar voor omwonenden via één telefoonnummer.',
    null,
    true,
  ],
  ['Gemeente', 'De nachtopvang gaat van slaapzalen naar hooguit 50 kamers en 10 reserveplekken.', '2021-12-31', true],
  [
    'Gemeente, Leger des Heils, wijkmanager en politie',
    'Elk jaar samen met de Beheergroep de leefbaarheid en veiligheid bekijken.',
    null,
    null,
  ],
  ['Gemeente', 'Een tweede locatie zoeken als na de verbouwing meer opvang nodig blijkt.', '2022-12-31', false],
];

const SPOTS = [
  'Kasperspad',
  'Kromhout hoek Kasperspad',
  'Speeltuin Kromhout',
  'Bushalte Noordendijk',
  'Achter de Lidl',
];
const TEXTS: Record<ReportKind, string[]> = {
  geluid: ['Luid geschreeuw na middernacht.', 'Harde muziek op straat.'],
  vervuiling: ['Afval en blikjes bij de portiek.', 'Naalden gevonden in de struiken.'],
  intimidatie: ['Voorbijgangers werden lastiggevallen.', 'Ruzie op straat, iemand werd bedreigd.'],
  middelen: ['Drugsgebruik in de portiek.', 'Groep drinkt alcohol op het bankje.'],
  rondhangen: ['Groep hangt de hele middag rond de ingang.', 'Mensen wachten op de stoep voor de opening.'],
  overig: ['Fiets tegen de gevel gezet en achtergelaten.'],
};

export async function seedNeighbourhoodDemo(database: Database, opts: { today: string }) {
  const db = database.db;
  const rng = createRng(1717);
  const exists = await db.selectFrom('tenants').select('id').where('id', '=', TENANT).executeTakeFirst();
  if (!exists) return { wijken: 0 };
  const wijken = await db
    .insertInto('wijken')
    .values(
      WIJKEN.map(([name, inhabitants, low, x, y], i) => ({
        tenant_id: TENANT,
        code: `WK0505${String(i + 1).padStart(2, '0')}`,
        name,
        municipality_code: '0505',
        inhabitants,
        indicators: JSON.stringify({ [LOW_INCOME]: low }),
        indicators_year: 2024,
        map_x: x,
        map_y: y,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const wijk = (name: string) => wijken.find((w) => w.name === name)!.id;
  await db
    .insertInto('wijk_facilities')
    .values(
      FACILITIES.map(([w, kind, label, places]) => ({ tenant_id: TENANT, wijk_id: wijk(w), kind, label, places })),
    )
    .execute();
  await db
    .insertInto('neighbourhood_settings')
    .values({ tenant_id: TENANT, indicator_key: LOW_INCOME, cost_per_night: 85 })
    .execute();
  const facility = async (name: string) =>
    (
      await db
        .selectFrom('facilities')
        .select('id')
        .where('tenant_id', '=', TENANT)
        .where('name', '=', name)
        .executeTakeFirst()
    )?.id ?? null;
  const meeting = addDays(opts.today, 41);
  const pages = await db
    .insertInto('public_facilities')
    .values([
      {
        tenant_id: TENANT,
        slug: 'kromhout-kasperspad',
        facility_id: await facility('Crisisopvang Kromhout-Kasperspad'),
        wijk_id: wijk('Noordflank (Kromhout)'),
        name: 'Crisisopvang Kromhout-Kasperspad',
        kind: 'opvang',
        description:
          'Crisisopvang voor mensen zonder dak boven hun hoofd, in eenpersoonskamers. Bewoners werken hier samen met hun begeleider aan een eigen woonplek, het liefst binnen drie maanden.',
        open_since: '2018-12-01',
        care_provider: 'Leger des Heils',
        management_contact:
          'De locatieleiding is dag en nacht bereikbaar op 078 000 00 00. Overdag kunt u ook binnenlopen bij de balie.',
        next_meeting_on: meeting,
        next_meeting_place: 'Buurthuis aan de Kromhout, 19.30 uur (Beheergroep Kromhout / Kasperspad)',
      },
      {
        tenant_id: TENANT,
        slug: 'herstart-24-uursopvang',
        facility_id: await facility('Herstart 24-uursopvang'),
        wijk_id: wijk('Noordflank (Kromhout)'),
        name: 'Herstart 24-uursopvang',
        kind: 'opvang',
        description: 'Opvang met dag en nacht begeleiding voor mensen die meer zorg nodig hebben.',
        open_since: '2016-03-01',
        care_provider: 'Leger des Heils',
        management_contact: 'Bel de teamleider op 078 000 00 01 (ma–vr 9–17 uur), daarbuiten de crisisopvang.',
        next_meeting_on: meeting,
        next_meeting_place: 'Buurthuis aan de Kromhout, 19.30 uur',
      },
    ])
    .returning(['id', 'slug'])
    .execute();
  const kasperspad = pages.find((p) => p.slug === 'kromhout-kasperspad')!.id;
  await db
    .insertInto('neighbourhood_agreements')
    .values(
      AGREEMENTS_2019.map(([who, what, due, kept]) => ({
        tenant_id: TENANT,
        public_facility_id: kasperspad,
        made_on: '2019-12-16',
        who,
        what,
        due_on: due,
        kept,
      })),
    )
    .execute();

  // Four years of meldingen about Kasperspad (falling after the renewal), and a few about Herstart.
  const year = Number(opts.today.slice(0, 4));
  const perYear: [number, number][] = [
    [year - 3, 64],
    [year - 2, 52],
    [year - 1, 41],
    [year, 30],
  ];
  const reports = [];
  let n = 0;
  for (const [y, count] of perYear) {
    const from = `${y}-01-01`;
    const to = y === year ? opts.today : `${y}-12-31`;
    for (let i = 0; i < count; i++) {
      const day = rng.dateBetween(from, to);
      const received = new Date(
        `${day}T${String(rng.int(7, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+01:00`,
      );
      const recent = addDays(opts.today, -10) < day;
      const kind = rng.weighted<ReportKind>([
        ['geluid', 5],
        ['vervuiling', 4],
        ['rondhangen', 4],
        ['middelen', 3],
        ['intimidatie', 2],
        ['overig', 1],
      ]);
      const hours = rng.int(2, 96);
      const first = new Date(received.getTime() + hours * 3_600_000);
      const status: 'ontvangen' | 'in_behandeling' | 'afgehandeld' = recent
        ? rng.pick(['ontvangen', 'in_behandeling'] as const)
        : 'afgehandeld';
      const contact = rng.chance(0.4);
      n++;
      reports.push({
        tenant_id: TENANT,
        public_facility_id: rng.chance(0.85) ? kasperspad : pages[1].id,
        kind,
        description: rng.pick(TEXTS[kind]),
        occurred_on: addDays(day, -rng.int(0, 1)),
        occurred_time: `${String(rng.int(0, 23)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`,
        place: rng.pick(SPOTS),
        spot_key: '',
        contact_name: contact ? `Omwonende ${n}` : null,
        contact_email: contact ? `omwonende${n}@example.nl` : null,
        contact_phone: null,
        tracking_hash: crypto.createHash('sha256').update(`demo-melding-${n}`).digest('hex'),
        status,
        received_at: received,
        started_at: status === 'ontvangen' ? null : first,
        handled_at: status === 'afgehandeld' ? new Date(first.getTime() + rng.int(1, 10) * 86_400_000) : null,
        reply:
          status === 'afgehandeld' && contact
            ? 'Dank voor uw melding. We hebben de bewoners aangesproken en houden de plek extra in de gaten.'
            : null,
        replied_at: status === 'afgehandeld' && contact ? first : null,
        handled_by_name: status === 'ontvangen' ? null : 'Jeroen de Wit',
      });
    }
  }
  for (const r of reports)
    r.spot_key = r.place
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  void REPORT_KIND_CODES;
  await db.insertInto('nuisance_reports').values(reports).execute();

  // Candidate sites: vacant rijksvastgoed, a school building, and one half-way through the procedure.
  const sites = await db
    .insertInto('candidate_sites')
    .values([
      {
        tenant_id: TENANT,
        name: 'Voormalig kantoor Rijkswaterstaat',
        address: 'Stadspolderring 10, Dordrecht',
        wijk_id: wijk('Stadspolders'),
        places: 16,
        floor_area: 1400,
        owner: 'Rijksvastgoedbedrijf',
        owner_kind: 'rijk_rvb',
        vacant_public: true,
        form: 'housing_first',
        status: 'haalbaarheid',
        assumptions: JSON.stringify({ ...defaultAssumptions('housing_first', 85), investering: 1_200_000 }),
        created_at: new Date(`${addDays(opts.today, -120)}T10:00:00+01:00`),
      },
      {
        tenant_id: TENANT,
        name: 'Leegstaand schoolgebouw',
        address: 'Dubbeldamseweg 200, Dordrecht',
        wijk_id: wijk('Dubbeldam'),
        places: 10,
        floor_area: 900,
        owner: 'Gemeente Dordrecht',
        owner_kind: 'gemeente',
        vacant_public: true,
        form: 'skaeve_huse',
        status: 'verkenning',
        assumptions: JSON.stringify(defaultAssumptions('skaeve_huse', 85)),
        created_at: new Date(`${addDays(opts.today, -60)}T10:00:00+01:00`),
      },
      {
        tenant_id: TENANT,
        name: 'Tussenvoorziening Sterrenburg',
        address: 'Sterrenburg (8 woningen van Trivire)',
        wijk_id: wijk('Sterrenburg'),
        places: 8,
        floor_area: null,
        owner: 'Trivire',
        owner_kind: 'corporatie',
        vacant_public: false,
        form: 'tussenvoorziening',
        status: 'procedure',
        assumptions: JSON.stringify(defaultAssumptions('tussenvoorziening', 85)),
        created_at: new Date(`${addDays(opts.today, -200)}T10:00:00+01:00`),
      },
    ])
    .returning(['id', 'name'])
    .execute();
  const halfway = sites.find((s) => s.name === 'Tussenvoorziening Sterrenburg')!.id;
  const start = addDays(opts.today, -45);
  const owners: Record<string, string> = {
    buren_geinformeerd: 'Wijkmanager Sterrenburg',
    publicatie: 'Communicatie gemeente',
    informatiebijeenkomst: 'Beleidsmedewerker MO',
    afspraken: 'Beleidsmedewerker MO',
    contactpersoon: 'Zorgaanbieder (Leger des Heils)',
    kennismaking: 'Zorgaanbieder (Leger des Heils)',
    evaluatie_eerste: 'Wijkmanager Sterrenburg',
    evaluatie_jaar: 'Beleidsmedewerker MO',
  };
  await db
    .insertInto('procedure_steps')
    .values(
      PROCEDURE_STEPS.map((s, i) => {
        const due = addDays(start, s.offsetDays);
        const done = i < 3 ? addDays(due, i === 2 ? 2 : 0) : null;
        return {
          tenant_id: TENANT,
          site_id: halfway,
          kind: s.kind,
          position: i + 1,
          owner_name: owners[s.kind] ?? '',
          due_on: due,
          done_on: done,
          note: i === 2 ? 'Circa 40 omwonenden aanwezig; vragen over toezicht en bereikbaarheid.' : null,
        };
      }),
    )
    .execute();
  await db
    .insertInto('neighbourhood_agreements')
    .values([
      {
        tenant_id: TENANT,
        site_id: halfway,
        made_on: addDays(start, 23),
        who: 'Leger des Heils',
        what: 'Kennismakingsavond met de nieuwe bewoners voor de buren.',
        due_on: addDays(start, 90),
        kept: null,
      },
      {
        tenant_id: TENANT,
        site_id: halfway,
        made_on: addDays(start, 23),
        who: 'Gemeente en handhaving',
        what: 'De eerste drie maanden extra toezicht in de avond.',
        due_on: addDays(start, 120),
        kept: null,
      },
    ])
    .execute();
  return { wijken: wijken.length, meldingen: reports.length, kandidaten: sites.length };
}
