// Reference lists of the domain (../shared/domain.md §3–§4, reference/seed-figures.json). Codes are stable
// identifiers stored in the database; labels are the Dutch UI texts.

export interface Option<C extends string = string> {
  code: C;
  label: string;
}

export const CAUSES = [
  { code: 'huurachterstand-schulden', label: 'Huurachterstand - schulden' },
  { code: 'relatiebreuk', label: 'Relatiebreuk' },
  { code: 'gebrek-motivatie-eerdere-zorg', label: 'Gebrek motivatie bij eerdere zorg' },
  { code: 'veroorzaken-woonoverlast', label: 'Veroorzaken woonoverlast' },
  { code: 'geen-huis-na-detentie', label: 'Geen huis na detentieverleden' },
  { code: 'terugkeer-buitenland', label: 'Terugkeer uit buitenland' },
  { code: 'overig', label: 'Overig' },
  { code: 'uitzetting-wietplantage', label: 'Uitzetting vanwege wietplantage' },
] as const satisfies readonly Option[];
export type CauseCode = (typeof CAUSES)[number]['code'];

export const REGISTRATION_SOURCES = [
  { code: 'zelf', label: 'Zelfmelder' },
  { code: 'veldwerk', label: 'Veldwerk / straatteam' },
  { code: 'meldpunt', label: 'Meldpunt Zorg & Overlast' },
  { code: 'wijkteam', label: 'Sociaal wijkteam' },
  { code: 'huisarts', label: 'Huisarts' },
  { code: 'politie', label: 'Politie' },
  { code: 'familie', label: 'Familie of naasten' },
  { code: 'centrumgemeente', label: 'Andere centrumgemeente' },
  { code: 'overig', label: 'Overig' },
] as const satisfies readonly Option[];
export type SourceCode = (typeof REGISTRATION_SOURCES)[number]['code'];

export type ExitGroup = 'permanent' | 'beschermd' | 'tijdelijk' | 'dakloos' | 'overig' | 'onbekend';
export const EXIT_GROUPS: Option<ExitGroup>[] = [
  { code: 'permanent', label: 'Permanente woonruimte' },
  { code: 'beschermd', label: 'Beschermd / institutioneel' },
  { code: 'tijdelijk', label: 'Tijdelijke woonruimte' },
  { code: 'dakloos', label: 'Dakloos' },
  { code: 'overig', label: 'Overig' },
  { code: 'onbekend', label: 'Bestemming onbekend' }, // issue 13: vertrokken zonder bekende bestemming
];

/** Exit destinations grouped as in domain.md §4 (HUD groups, Dutch content). */
export const EXIT_DESTINATIONS = [
  { code: 'huur-corporatie', label: 'Eigen huurwoning (corporatie)', group: 'permanent' },
  { code: 'huur-particulier', label: 'Eigen huurwoning (particulier)', group: 'permanent' },
  { code: 'koopwoning', label: 'Eigen koopwoning', group: 'permanent' },
  { code: 'housing-first', label: 'Housing First', group: 'permanent' },
  { code: 'familie-vrienden-permanent', label: 'Bij familie/vrienden (permanent)', group: 'permanent' },
  { code: 'beschermd-wonen', label: 'Beschermd wonen', group: 'beschermd' },
  { code: 'ggz-kliniek', label: 'GGZ-kliniek', group: 'beschermd' },
  { code: 'verslavingskliniek', label: 'Verslavingskliniek', group: 'beschermd' },
  { code: 'ziekenhuis', label: 'Ziekenhuis', group: 'beschermd' },
  { code: 'detentie', label: 'Detentie', group: 'beschermd' },
  { code: 'tussenvoorziening', label: 'Tussenvoorziening', group: 'tijdelijk' },
  { code: 'skaeve-huse', label: 'Skaeve Huse', group: 'tijdelijk' },
  { code: 'onder-de-pannen', label: 'Onder de Pannen / Kamers met Aandacht', group: 'tijdelijk' },
  { code: 'familie-vrienden-tijdelijk', label: 'Bij familie/vrienden (tijdelijk)', group: 'tijdelijk' },
  { code: 'andere-opvang', label: 'Andere opvang', group: 'tijdelijk' },
  { code: 'straat', label: 'Straat', group: 'dakloos' },
  { code: 'onbekend-dakloos', label: 'Onbekend (vermoedelijk dakloos)', group: 'dakloos' },
  { code: 'buitenland', label: 'Vertrokken naar buitenland', group: 'overig' },
  { code: 'overleden', label: 'Overleden', group: 'overig' },
  { code: 'onbekend', label: 'Vertrokken, bestemming onbekend', group: 'onbekend' },
] as const satisfies readonly (Option & { group: ExitGroup })[];
export type DestinationCode = (typeof EXIT_DESTINATIONS)[number]['code'];

export function destinationGroup(code: string): ExitGroup | undefined {
  return EXIT_DESTINATIONS.find((d) => d.code === code)?.group;
}

export const FACILITY_TYPES = [
  { code: 'crisisopvang', label: 'Crisisopvang / nachtopvang (1-persoonskamers)' },
  { code: 'gezinsopvang', label: 'Gezinsopvang' },
  { code: 'jongerenopvang', label: 'Jongerenopvang' },
  { code: '24-uursopvang', label: '24-uursopvang' },
  { code: 'trajectbedden', label: 'Trajectbedden' },
  { code: 'beschermd-wonen', label: 'Beschermd wonen' },
  { code: 'housing-first', label: 'Housing First' },
  { code: 'skaeve-huse', label: 'Skaeve Huse' },
  { code: 'tussenvoorziening', label: 'Tussenvoorziening' },
] as const satisfies readonly Option[];

export const UNIT_KINDS = [
  { code: 'eenpersoonskamer', label: '1-persoonskamer' },
  { code: 'reserve', label: 'Reserveplek (slaapzaal)' },
  { code: 'gezin', label: 'Gezinseenheid' },
  { code: 'jongeren', label: 'Jongerenplek' },
  { code: 'woning', label: 'Woning' },
] as const satisfies readonly Option[];

export const DECISION_OUTCOMES = [
  { code: 'toegang', label: 'Toegang verleend' },
  { code: 'doorverwijzing', label: 'Doorverwezen naar voorliggend veld' },
  { code: 'afwijzing', label: 'Afgewezen' },
] as const satisfies readonly Option[];
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number]['code'];

export const ROLES = [
  { code: 'toegang', label: 'Toegangsmedewerker / trajecthouder' },
  { code: 'locatie', label: 'Locatiemedewerker (zorgaanbieder)' },
  { code: 'corporatie', label: 'Corporatiemedewerker' },
  { code: 'beleid', label: 'Beleidsmedewerker' },
  { code: 'client', label: 'Cliënt' },
  { code: 'beheerder', label: 'Beheerder' },
  // Issue 11: installation-wide (no tenant); adds centrumgemeenten, sees no person data.
  { code: 'installatie', label: 'Installatiebeheerder (alle centrumgemeenten)' },
] as const satisfies readonly Option[];
export type Role = (typeof ROLES)[number]['code'];

/** Origin labels outside the tenant's municipalities (herkomst table of the seed). */
export const ORIGIN_OTHER = ['Overig Nederland', 'Buitenland', 'Onbekend'] as const;

export interface TenantSeed {
  id: string;
  name: string;
  centralCode: string;
  municipalities: { code: string; name: string }[];
  theme: { primary: string; logoText: string };
}

/** The three demo tenants (CBS gemeentecodes). */
export const DEMO_TENANTS: TenantSeed[] = [
  {
    id: 'dordrecht',
    name: 'Centrumgemeente Dordrecht',
    centralCode: '0505',
    theme: { primary: '#00529b', logoText: 'Dordrecht' },
    municipalities: [
      { code: '0505', name: 'Dordrecht' },
      { code: '0482', name: 'Alblasserdam' },
      { code: '0531', name: 'Hendrik-Ido-Ambacht' },
      { code: '0590', name: 'Papendrecht' },
      { code: '0610', name: 'Sliedrecht' },
      { code: '0642', name: 'Zwijndrecht' },
      { code: '0512', name: 'Gorinchem' },
      { code: '1978', name: 'Molenlanden' },
      { code: '0523', name: 'Hardinxveld-Giessendam' },
      { code: '1961', name: 'Vijfheerenlanden' },
    ],
  },
  {
    id: 'almere',
    name: 'Centrumgemeente Almere',
    centralCode: '0034',
    theme: { primary: '#c8102e', logoText: 'Almere' },
    municipalities: [
      { code: '0034', name: 'Almere' },
      { code: '0995', name: 'Lelystad' },
      { code: '0184', name: 'Urk' },
      { code: '0171', name: 'Noordoostpolder' },
      { code: '0303', name: 'Dronten' },
      { code: '0050', name: 'Zeewolde' },
    ],
  },
  {
    id: 'nissewaard',
    name: 'Centrumgemeente Nissewaard',
    centralCode: '1930',
    theme: { primary: '#007a3d', logoText: 'Nissewaard' },
    municipalities: [
      { code: '1930', name: 'Nissewaard' },
      { code: '1992', name: 'Voorne aan Zee' },
      { code: '1924', name: 'Goeree-Overflakkee' },
      { code: '1963', name: 'Hoeksche Waard' },
    ],
  },
];
