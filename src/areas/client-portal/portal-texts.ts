// Issue 16 — the words of Mijn Onderdak. A client reads plain Dutch (B1), in the second person, without codes,
// internal terms or anything that labels them: ZRM domain names, organisation codes and audit codes become everyday
// words here, once. src/areas/client-portal/readability.test.ts scores these texts.

/** Life domains of the plan (ZRM codes) in everyday words; a code not listed is "Andere zaken". */
export const PLAIN_LIFE_DOMAINS: Readonly<Record<string, string>> = {
  financien: 'Geld en rekeningen',
  'werk-opleiding': 'Werk en school',
  tijdsbesteding: 'Je dag invullen',
  huisvesting: 'Een eigen huis',
  'huiselijke-relaties': 'Familie en relaties',
  'geestelijke-gezondheid': 'Je goed voelen',
  'lichamelijke-gezondheid': 'Je gezondheid',
  middelengebruik: 'Gezond leven',
  'basale-adl': 'Voor jezelf zorgen',
  'instrumentele-adl': 'Je post en je huishouden',
  'sociaal-netwerk': 'Mensen om je heen',
  'maatschappelijke-participatie': 'Meedoen',
  justitie: 'Andere zaken',
};
export const plainLifeDomain = (code: string) => PLAIN_LIFE_DOMAINS[code] ?? 'Andere zaken';

/** Who does an action of the plan, as the client says it. */
export const PLAIN_OWNERS: Readonly<Record<string, string>> = {
  client: 'Jij',
  trajecthouder: 'Je contactpersoon',
  wijkteam: 'Het wijkteam',
  schuldhulp: 'De hulp bij geld en schulden',
  ggz: 'Een zorgverlener',
  verslavingszorg: 'Een zorgverlener',
  'werk-inkomen': 'De gemeente',
  corporatie: 'De woningcorporatie',
  ervaringsdeskundige: 'Iemand die het zelf heeft meegemaakt',
};
export const plainOwner = (code: string) => PLAIN_OWNERS[code] ?? 'Iemand anders';

export const PLAIN_ACTION_STATUSES: Readonly<Record<string, string>> = {
  gepland: 'Nog doen',
  'in-uitvoering': 'Bezig',
  geblokkeerd: 'Loopt vast',
  afgerond: 'Klaar',
  vervallen: 'Niet meer nodig',
};
export const plainActionStatus = (code: string) => PLAIN_ACTION_STATUSES[code] ?? 'Nog doen';

export const PLAIN_GOAL_STATUSES: Readonly<Record<string, string>> = {
  actief: 'Hier werk je aan',
  bereikt: 'Gelukt',
  gestopt: 'Gestopt',
};
export const plainGoalStatus = (code: string) => PLAIN_GOAL_STATUSES[code] ?? 'Hier werk je aan';

/** Who looked at the file, by role: the person is never named, only what kind of worker it was. */
export const PLAIN_VIEWERS: Readonly<Record<string, string>> = {
  toegang: 'Een medewerker van de gemeente',
  locatie: 'Een medewerker van de opvang',
  beheerder: 'De beheerder van het systeem',
  corporatie: 'Een medewerker van de woningcorporatie',
  beleid: 'Een medewerker van de gemeente',
};
export const plainViewer = (role: string | null) => PLAIN_VIEWERS[role ?? ''] ?? 'Een medewerker';

/** What they did (the audit action), in words. */
export const PLAIN_DEEDS: Readonly<Record<string, string>> = {
  lezen: 'heeft je gegevens bekeken',
  zoeken: 'heeft je naam gezocht',
  aanmaken: 'heeft iets in je dossier gezet',
  wijzigen: 'heeft iets in je dossier veranderd',
  plaatsen: 'heeft je een slaapplek gegeven',
  beeindigen: 'heeft iets in je dossier afgesloten',
  besluiten: 'heeft een besluit over je genomen',
  samenvoegen: 'heeft twee dossiers van jou samengevoegd',
};
export const plainDeed = (action: string) => PLAIN_DEEDS[action] ?? 'heeft je dossier gebruikt';

/** Why (the basis of the audit row, by role), in words. */
export const PLAIN_REASONS: Readonly<Record<string, string>> = {
  toegang: 'Voor je aanmelding en je plan.',
  locatie: 'Voor je verblijf in de opvang.',
  beheerder: 'Voor het beheer van het systeem.',
  corporatie: 'Om een huis voor je te zoeken.',
  beleid: 'Voor hun werk.',
};
export const plainReason = (role: string | null, emergency: boolean) =>
  `${PLAIN_REASONS[role ?? ''] ?? 'Voor hun werk.'}${emergency ? ' Het was een noodgeval.' : ''}`;

/** What a client may ask to correct. */
export const CORRECTION_SUBJECTS = [
  { code: 'naam', label: 'Mijn naam' },
  { code: 'geboortedatum', label: 'Mijn geboortedatum' },
  { code: 'telefoon', label: 'Mijn telefoonnummer' },
  { code: 'email', label: 'Mijn e-mailadres' },
  { code: 'gezin', label: 'Mijn gezin' },
  { code: 'anders', label: 'Iets anders' },
] as const;
export type CorrectionSubject = (typeof CORRECTION_SUBJECTS)[number]['code'];
export const CORRECTION_SUBJECT_CODES = CORRECTION_SUBJECTS.map((s) => s.code) as [
  CorrectionSubject,
  ...CorrectionSubject[],
];

/** How to reach the contact person: the answer comes here, in Mijn Onderdak. */
export const HOW_TO_REACH = 'Stuur een bericht op deze pagina. Je krijgt hier antwoord.';
export const ANSWER_WITHIN_DAYS = 3;

/** Every fixed text the API gives the client, for the readability check. */
export const ALL_PORTAL_TEXTS: readonly string[] = [
  ...Object.values(PLAIN_LIFE_DOMAINS),
  ...Object.values(PLAIN_OWNERS),
  ...Object.values(PLAIN_ACTION_STATUSES),
  ...Object.values(PLAIN_GOAL_STATUSES),
  ...Object.values(PLAIN_VIEWERS).map((v) => `${v} ${PLAIN_DEEDS.lezen}.`),
  ...Object.values(PLAIN_DEEDS).map((d) => `Een medewerker ${d}.`),
  ...Object.values(PLAIN_REASONS),
  ...CORRECTION_SUBJECTS.map((s) => s.label),
  HOW_TO_REACH,
];
