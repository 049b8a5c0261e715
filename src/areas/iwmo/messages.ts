// iWmo 3.2 messages (issue 19): writing the gemeente's 301 and 319 (and, for tests and the demo's zorgaanbieder, the
// provider's 305, 307, 315 and 323), and reading any of them back into plain objects. Field names and order follow
// the XSDs in ./xsd (iStandaarden, iWmo release 3.2, BerichtXsdVersie 1.0.0); the XSD tests validate every message
// written here. The rules the XSD cannot check are in rules.ts.
import { child, children, parseXml, textAt, writeDocument, type XmlElement, XmlError, type XmlNode } from './xml.js';

export const BERICHTEN = ['301', '305', '307', '315', '317', '319', '323'] as const;
export type Berichtsoort = (typeof BERICHTEN)[number];

/** The BerichtCode of each message in the header (iStandaard code list COD002). */
export const BERICHTCODE: Record<Berichtsoort, string> = {
  '301': '414',
  '305': '418',
  '307': '420',
  '315': '444',
  '317': '446',
  '319': '482',
  '323': '484',
};
export const BERICHTVERSIE = '3';
export const BERICHTSUBVERSIE = '2';
export const XSD_VERSIE = '1.0.0';

export const namespaceOf = (soort: Berichtsoort) => `http://www.istandaarden.nl/iwmo/3_2/wmo${soort}/schema`;

/** Productcategorie 16 Opvang, 17 Spoedopvang (WJ758); eenheid 14 etmaal (WJ756), frequentie 6 totaal (WJ757). */
export const PRODUCTCATEGORIE = { opvang: '16', spoedopvang: '17' } as const;
export const PRODUCTCODE: Record<'16' | '17', string> = { '16': '16A01', '17': '17A01' };
export const EENHEID_ETMAAL = '14';

/** WJ765 reden afwijzing verzoek (basisschema LDT_RedenAfwijzingVerzoek). */
export const REDEN_AFWIJZING = {
  '1': 'Geen wijziging, maar nieuwe aanvraag',
  '2': 'Past niet binnen budget',
  '3': 'Geen contract',
  '4': 'Past niet binnen contract',
  '5': 'Andere gemeente',
  '6': 'Stapeling',
  '7': 'Zorginhoudelijke afkeur',
  '8': 'Woonplaatsbeginsel',
  '9': 'Leeftijdsgrens is bereikt',
} as const;
export type RedenAfwijzing = keyof typeof REDEN_AFWIJZING;

/** WJ759 reden beëindiging (basisschema LDT_RedenBeeindiging). */
export const REDEN_BEEINDIGING: Record<string, string> = {
  '02': 'Overlijden',
  '19': 'Levering volgens plan beëindigd',
  '20': 'Levering is tijdelijk beëindigd',
  '21': 'Levering is eenzijdig door cliënt beëindigd',
  '22': 'Levering is eenzijdig door aanbieder beëindigd',
  '23': 'Levering is in overeenstemming voortijdig beëindigd',
  '31': 'Verhuizing naar een andere gemeente',
  '36': 'Geïnitieerd door de gemeente',
  '37': 'In verband met wijzigingsverzoek',
  '38': 'Overstap naar andere aanbieder',
  '39': 'Uitstroom naar ander domein',
};

export interface Header {
  berichtcode: string;
  berichtversie: string;
  berichtsubversie: string;
  afzender: string;
  ontvanger: string;
  identificatie: string;
  dagtekening: string;
  basisschemaXsdVersie: string;
  berichtXsdVersie: string;
}
export interface ClientGegevens {
  bsn: string;
  geboortedatum: string;
  /** 0 onbekend, 1 man, 2 vrouw */
  geslacht: '0' | '1' | '2';
  achternaam: string;
  voornamen: string | null;
}

function header(soort: Berichtsoort, afzender: string, ontvanger: string, id: string, dagtekening: string): XmlNode {
  return [
    'Header',
    [
      ['BerichtCode', BERICHTCODE[soort]],
      ['BerichtVersie', BERICHTVERSIE],
      ['BerichtSubversie', BERICHTSUBVERSIE],
      ['Afzender', afzender],
      ['Ontvanger', ontvanger],
      [
        'BerichtIdentificatie',
        [
          ['iwmo:Identificatie', id],
          ['iwmo:Dagtekening', dagtekening],
        ],
      ],
      [
        'XsdVersie',
        [
          ['iwmo:BasisschemaXsdVersie', XSD_VERSIE],
          ['iwmo:BerichtXsdVersie', XSD_VERSIE],
        ],
      ],
    ],
  ];
}
const geslachtsnaam = (achternaam: string): XmlNode => [
  'iwmo:Geslachtsnaam',
  [['iwmo:Achternaam', achternaam.slice(0, 200)]],
];
const geboortedatum = (d: string): XmlNode => ['Geboortedatum', [['iwmo:Datum', d]]];

// ---------- 301 toewijzing (gemeente → aanbieder) ----------
export interface Toewijzing301 {
  gemeente: string;
  agbCode: string;
  identificatie: string;
  dagtekening: string;
  client: ClientGegevens;
  /** Where the client stays (a shelter location: verblijfadres, soort 03). */
  verblijf: { organisatie: string; postcode: string | null; plaatsnaam: string | null };
  producten: {
    toewijzingNummer: number;
    categorie: '16' | '17';
    toewijzingsdatum: string;
    toewijzingstijd: string;
    ingangsdatum: string;
    einddatum: string | null;
    /** The provider's reference when the toewijzing grants a 315 verzoek om toewijzing. */
    referentieAanbieder?: string | null;
    redenWijziging?: string;
  }[];
}
export function write301(m: Toewijzing301): string {
  return writeDocument(namespaceOf('301'), 'wmo301', [
    header('301', m.gemeente, m.agbCode, m.identificatie, m.dagtekening),
    [
      'Client',
      [
        ['Bsn', m.client.bsn],
        geboortedatum(m.client.geboortedatum),
        ['Geslacht', m.client.geslacht],
        [
          'Naam',
          [
            geslachtsnaam(m.client.achternaam),
            m.client.voornamen ? ['iwmo:Voornamen', m.client.voornamen.slice(0, 200)] : null,
            ['iwmo:NaamGebruik', '1'],
          ],
        ],
        [
          'Contactgegevens',
          [
            [
              'Contact',
              [
                ['Soort', '03'],
                m.verblijf.postcode || m.verblijf.plaatsnaam
                  ? [
                      'Adres',
                      [
                        m.verblijf.postcode ? ['iwmo:Postcode', m.verblijf.postcode] : null,
                        m.verblijf.plaatsnaam ? ['iwmo:Plaatsnaam', m.verblijf.plaatsnaam.slice(0, 80)] : null,
                      ],
                    ]
                  : null,
                ['Organisatie', m.verblijf.organisatie.slice(0, 35)],
              ],
            ],
          ],
        ],
        [
          'ToegewezenProducten',
          m.producten.map(
            (p): XmlNode => [
              'ToegewezenProduct',
              [
                ['ToewijzingNummer', p.toewijzingNummer],
                p.referentieAanbieder ? ['ReferentieAanbieder', p.referentieAanbieder] : null,
                [
                  'Product',
                  [
                    ['iwmo:Categorie', p.categorie],
                    ['iwmo:Code', PRODUCTCODE[p.categorie]],
                  ],
                ],
                ['Toewijzingsdatum', p.toewijzingsdatum],
                ['Toewijzingstijd', p.toewijzingstijd],
                ['Ingangsdatum', p.ingangsdatum],
                p.einddatum ? ['Einddatum', p.einddatum] : null,
                p.redenWijziging ? ['RedenWijziging', p.redenWijziging] : null,
                [
                  'Omvang',
                  [
                    ['iwmo:Volume', 1],
                    ['iwmo:Eenheid', EENHEID_ETMAAL],
                    ['iwmo:Frequentie', '1'],
                  ],
                ],
              ],
            ],
          ),
        ],
      ],
    ],
  ]);
}

// ---------- 319 antwoord (gemeente → aanbieder) ----------
export interface Antwoord319 {
  gemeente: string;
  agbCode: string;
  identificatie: string;
  dagtekening: string;
  referentieAanbieder: string;
  /** WJ764: 1 verzoek afgewezen, 2 aanvraag in onderzoek (a granted request is answered with a 301 instead). */
  antwoord: '1' | '2';
  /** WJ765, required when afgewezen */
  redenAfwijzing?: string | null;
}
export function write319(m: Antwoord319): string {
  return writeDocument(namespaceOf('319'), 'wmo319', [
    header('319', m.gemeente, m.agbCode, m.identificatie, m.dagtekening),
    [
      'Antwoord',
      [
        ['ReferentieAanbieder', m.referentieAanbieder],
        ['VerzoekAntwoord', m.antwoord],
        m.antwoord === '1' && m.redenAfwijzing ? ['RedenAfwijzingVerzoek', m.redenAfwijzing] : null,
      ],
    ],
  ]);
}

// ---------- the provider's messages (written here for tests, the demo and a provider's own use) ----------
interface VanAanbieder {
  agbCode: string;
  gemeente: string;
  identificatie: string;
  dagtekening: string;
}
const verkorteClient = (c: ClientGegevens): XmlNode[] => [
  ['Bsn', c.bsn],
  geboortedatum(c.geboortedatum),
  ['Geslacht', c.geslacht],
  ['Naam', [geslachtsnaam(c.achternaam), c.voornamen ? ['iwmo:Voornamen', c.voornamen] : null]],
];
export function write305(
  m: VanAanbieder & {
    client: ClientGegevens;
    starts: { toewijzingNummer: number; categorie: string; toewijzingIngangsdatum: string; begindatum: string }[];
  },
): string {
  return writeDocument(namespaceOf('305'), 'wmo305', [
    header('305', m.agbCode, m.gemeente, m.identificatie, m.dagtekening),
    [
      'Client',
      [
        ...verkorteClient(m.client),
        [
          'StartProducten',
          m.starts.map(
            (s): XmlNode => [
              'StartProduct',
              [
                ['ToewijzingNummer', s.toewijzingNummer],
                ['Product', [['iwmo:Categorie', s.categorie]]],
                ['ToewijzingIngangsdatum', s.toewijzingIngangsdatum],
                ['Begindatum', s.begindatum],
                ['StatusAanlevering', '1'],
              ],
            ],
          ),
        ],
      ],
    ],
  ]);
}
export function write307(
  m: VanAanbieder & {
    client: ClientGegevens;
    stops: {
      toewijzingNummer: number;
      categorie: string;
      toewijzingIngangsdatum: string;
      begindatum: string;
      einddatum: string;
      reden: string;
    }[];
  },
): string {
  return writeDocument(namespaceOf('307'), 'wmo307', [
    header('307', m.agbCode, m.gemeente, m.identificatie, m.dagtekening),
    [
      'Client',
      [
        ...verkorteClient(m.client),
        [
          'StopProducten',
          m.stops.map(
            (s): XmlNode => [
              'StopProduct',
              [
                ['ToewijzingNummer', s.toewijzingNummer],
                ['Product', [['iwmo:Categorie', s.categorie]]],
                ['ToewijzingIngangsdatum', s.toewijzingIngangsdatum],
                ['Begindatum', s.begindatum],
                ['RedenBeeindiging', s.reden],
                ['Einddatum', s.einddatum],
                ['StatusAanlevering', '1'],
              ],
            ],
          ),
        ],
      ],
    ],
  ]);
}
export function write315(
  m: VanAanbieder & {
    client: ClientGegevens;
    producten: { referentie: string; categorie: string; ingangsdatum: string; einddatum: string | null }[];
  },
): string {
  return writeDocument(namespaceOf('315'), 'wmo315', [
    header('315', m.agbCode, m.gemeente, m.identificatie, m.dagtekening),
    [
      'Client',
      [
        ...verkorteClient(m.client),
        [
          'AangevraagdeProducten',
          m.producten.map(
            (p): XmlNode => [
              'AangevraagdProduct',
              [
                ['ReferentieAanbieder', p.referentie],
                ['Product', [['iwmo:Categorie', p.categorie]]],
                ['ToewijzingIngangsdatum', p.ingangsdatum],
                p.einddatum ? ['ToewijzingEinddatum', p.einddatum] : null,
                ['Verwijzer', [['iwmo:Type', '01']]],
              ],
            ],
          ),
        ],
      ],
    ],
  ]);
}
export interface Prestatie {
  referentie: string;
  toewijzingNummer: number;
  categorie: string;
  productcode: string;
  begindatum: string;
  einddatum: string;
  volume: number;
  eenheid: string;
  tarief: number | null;
  /** in eurocent */
  bedrag: number;
  debetCredit: 'D' | 'C';
}
export function write323(
  m: VanAanbieder & {
    declaratienummer: string;
    periode: { begindatum: string; einddatum: string };
    clienten: { bsn: string; prestaties: Omit<Prestatie, 'debetCredit'>[] }[];
  },
): string {
  const totaal = m.clienten.flatMap((c) => c.prestaties).reduce((s, p) => s + p.bedrag, 0);
  return writeDocument(namespaceOf('323'), 'wmo323', [
    header('323', m.agbCode, m.gemeente, m.identificatie, m.dagtekening),
    [
      'Declaratie',
      [
        ['DeclaratieNummer', m.declaratienummer],
        [
          'DeclaratiePeriode',
          [
            ['iwmo:Begindatum', m.periode.begindatum],
            ['iwmo:Einddatum', m.periode.einddatum],
          ],
        ],
        ['DeclaratieDagtekening', m.dagtekening],
        [
          'TotaalIngediendBedrag',
          [
            ['iwmo:TotaalBedrag', totaal],
            ['iwmo:DebetCredit', 'D'],
          ],
        ],
        [
          'Clienten',
          m.clienten.map(
            (c): XmlNode => [
              'Client',
              [
                ['Bsn', c.bsn],
                [
                  'Prestaties',
                  c.prestaties.map(
                    (p): XmlNode => [
                      'Prestatie',
                      [
                        ['ProductReferentie', [['iwmo:ReferentieNummer', p.referentie]]],
                        ['ToewijzingNummer', p.toewijzingNummer],
                        ['ProductCategorie', p.categorie],
                        ['ProductCode', p.productcode],
                        [
                          'ProductPeriode',
                          [
                            ['iwmo:Begindatum', p.begindatum],
                            ['iwmo:Einddatum', p.einddatum],
                          ],
                        ],
                        ['GeleverdVolume', p.volume],
                        ['Eenheid', p.eenheid],
                        p.tarief !== null ? ['ProductTarief', p.tarief] : null,
                        [
                          'IngediendBedrag',
                          [
                            ['iwmo:Bedrag', p.bedrag],
                            ['iwmo:DebetCredit', 'D'],
                          ],
                        ],
                      ],
                    ],
                  ),
                ],
              ],
            ],
          ),
        ],
      ],
    ],
  ]);
}

// ---------- reading ----------
export class BerichtFout extends Error {
  constructor(
    readonly veld: string,
    message: string,
  ) {
    super(message);
  }
}
const req = (el: XmlElement | undefined, veld: string, ...path: string[]): string => {
  const v = textAt(el, ...path);
  if (!v) throw new BerichtFout(veld, `${path.join('/')} ontbreekt.`);
  return v;
};
const opt = (el: XmlElement | undefined, ...path: string[]): string | null => textAt(el, ...path) || null;
const int = (v: string, veld: string): number => {
  if (!/^\d{1,12}$/.test(v)) throw new BerichtFout(veld, `${veld} is geen geheel getal: "${v.slice(0, 20)}".`);
  return Number(v);
};

export type Gelezen =
  | { soort: '305'; header: Header; client: ClientGegevens; starts: StartRegel[] }
  | { soort: '307'; header: Header; client: ClientGegevens; stops: StopRegel[] }
  | { soort: '315' | '317'; header: Header; bsn: string; verzoeken: VerzoekRegel[] }
  | { soort: '323'; header: Header; declaratie: Declaratie }
  | { soort: '301'; header: Header; client: ClientGegevens }
  | { soort: '319'; header: Header };
export interface StartRegel {
  toewijzingNummer: number | null;
  categorie: string | null;
  toewijzingIngangsdatum: string | null;
  begindatum: string;
}
export interface StopRegel extends StartRegel {
  einddatum: string;
  reden: string;
}
export interface VerzoekRegel {
  referentie: string;
  categorie: string | null;
  ingangsdatum: string;
  einddatum: string | null;
}
export interface Declaratie {
  nummer: string;
  begindatum: string;
  einddatum: string;
  totaal: number;
  clienten: { bsn: string; prestaties: Prestatie[] }[];
}

function readHeader(h: XmlElement | undefined): Header {
  if (!h) throw new BerichtFout('Header', 'De Header ontbreekt.');
  return {
    berichtcode: req(h, 'BerichtCode', 'BerichtCode'),
    berichtversie: req(h, 'BerichtVersie', 'BerichtVersie'),
    berichtsubversie: req(h, 'BerichtSubversie', 'BerichtSubversie'),
    afzender: req(h, 'Afzender', 'Afzender'),
    ontvanger: req(h, 'Ontvanger', 'Ontvanger'),
    identificatie: req(h, 'BerichtIdentificatie', 'BerichtIdentificatie', 'Identificatie'),
    dagtekening: req(h, 'Dagtekening', 'BerichtIdentificatie', 'Dagtekening'),
    basisschemaXsdVersie: req(h, 'XsdVersie', 'XsdVersie', 'BasisschemaXsdVersie'),
    berichtXsdVersie: req(h, 'XsdVersie', 'XsdVersie', 'BerichtXsdVersie'),
  };
}
function readClient(c: XmlElement | undefined): ClientGegevens {
  if (!c) throw new BerichtFout('Client', 'De Client ontbreekt.');
  const g = req(c, 'Geslacht', 'Geslacht');
  return {
    bsn: req(c, 'Bsn', 'Bsn'),
    geboortedatum: req(c, 'Geboortedatum', 'Geboortedatum', 'Datum'),
    geslacht: (['0', '1', '2'].includes(g) ? g : '0') as '0' | '1' | '2',
    achternaam: req(c, 'Naam', 'Naam', 'Geslachtsnaam', 'Achternaam'),
    voornamen: opt(c, 'Naam', 'Voornamen'),
  };
}
const startOf = (p: XmlElement): StartRegel => {
  const nr = opt(p, 'ToewijzingNummer');
  return {
    toewijzingNummer: nr === null ? null : int(nr, 'ToewijzingNummer'),
    categorie: opt(p, 'Product', 'Categorie'),
    toewijzingIngangsdatum: opt(p, 'ToewijzingIngangsdatum'),
    begindatum: req(p, 'Begindatum', 'Begindatum'),
  };
};

/** The soort of a message from its root's namespace (http://www.istandaarden.nl/iwmo/3_2/wmoNNN/schema). */
export function soortOf(root: XmlElement): Berichtsoort | null {
  const m = /^http:\/\/www\.istandaarden\.nl\/iwmo\/3_2\/wmo(\d{3})\/schema$/.exec(root.namespace ?? '');
  return m && (BERICHTEN as readonly string[]).includes(m[1]!) ? (m[1] as Berichtsoort) : null;
}

/** Reads any iWmo 3.2 message; XmlError for XML that is not well-formed, BerichtFout for a missing part. */
export function readBericht(xml: string): Gelezen {
  const root = parseXml(xml);
  if (root.name !== 'Bericht') throw new XmlError('Het hoofdelement is geen Bericht.');
  const soort = soortOf(root);
  if (!soort)
    throw new BerichtFout(
      'namespace',
      `Geen iWmo 3.2-bericht: onbekende namespace "${(root.namespace ?? '').slice(0, 100)}".`,
    );
  const h = readHeader(child(root, 'Header'));
  const c = child(root, 'Client');
  switch (soort) {
    case '305':
      return {
        soort,
        header: h,
        client: readClient(c),
        starts: children(child(c, 'StartProducten'), 'StartProduct').map(startOf),
      };
    case '307':
      return {
        soort,
        header: h,
        client: readClient(c),
        stops: children(child(c, 'StopProducten'), 'StopProduct').map((p) => ({
          ...startOf(p),
          einddatum: req(p, 'Einddatum', 'Einddatum'),
          reden: req(p, 'RedenBeeindiging', 'RedenBeeindiging'),
        })),
      };
    case '317': {
      // One Verzoek per message (wmo317.xsd): the changed or new products, each with its desired start.
      const v = child(c, 'Verzoek');
      const referentie = req(v, 'ReferentieAanbieder', 'Verzoek', 'ReferentieAanbieder');
      const regels = [
        ...children(child(v, 'TeWijzigenProducten'), 'TeWijzigenProduct'),
        ...children(child(v, 'NieuweProducten'), 'NieuwProduct'),
      ];
      return {
        soort,
        header: h,
        bsn: req(c, 'Bsn', 'Bsn'),
        verzoeken: regels.slice(0, 1).map((p) => ({
          referentie,
          categorie: opt(p, 'Product', 'Categorie'),
          ingangsdatum: req(p, 'GewensteIngangsdatum', 'GewensteIngangsdatum'),
          einddatum: opt(p, 'Einddatum'),
        })),
      };
    }
    case '315':
      return {
        soort,
        header: h,
        bsn: req(c, 'Bsn', 'Bsn'),
        verzoeken: children(child(c, 'AangevraagdeProducten'), 'AangevraagdProduct').map((p) => ({
          referentie: req(p, 'ReferentieAanbieder', 'ReferentieAanbieder'),
          categorie: opt(p, 'Product', 'Categorie'),
          ingangsdatum: req(p, 'ToewijzingIngangsdatum', 'ToewijzingIngangsdatum'),
          einddatum: opt(p, 'ToewijzingEinddatum'),
        })),
      };
    case '323': {
      const d = child(root, 'Declaratie');
      return {
        soort,
        header: h,
        declaratie: {
          nummer: req(d, 'DeclaratieNummer', 'DeclaratieNummer'),
          begindatum: req(d, 'DeclaratiePeriode', 'DeclaratiePeriode', 'Begindatum'),
          einddatum: req(d, 'DeclaratiePeriode', 'DeclaratiePeriode', 'Einddatum'),
          totaal: int(req(d, 'TotaalIngediendBedrag', 'TotaalIngediendBedrag', 'TotaalBedrag'), 'TotaalBedrag'),
          clienten: children(child(d, 'Clienten'), 'Client').map((cl) => ({
            bsn: req(cl, 'Bsn', 'Bsn'),
            prestaties: children(child(cl, 'Prestaties'), 'Prestatie').map((p) => {
              const tarief = opt(p, 'ProductTarief');
              return {
                referentie: req(p, 'ProductReferentie', 'ProductReferentie', 'ReferentieNummer'),
                toewijzingNummer: int(req(p, 'ToewijzingNummer', 'ToewijzingNummer'), 'ToewijzingNummer'),
                categorie: req(p, 'ProductCategorie', 'ProductCategorie'),
                productcode: req(p, 'ProductCode', 'ProductCode'),
                begindatum: req(p, 'ProductPeriode', 'ProductPeriode', 'Begindatum'),
                einddatum: req(p, 'ProductPeriode', 'ProductPeriode', 'Einddatum'),
                volume: int(req(p, 'GeleverdVolume', 'GeleverdVolume'), 'GeleverdVolume'),
                eenheid: req(p, 'Eenheid', 'Eenheid'),
                tarief: tarief === null ? null : int(tarief, 'ProductTarief'),
                bedrag: int(req(p, 'IngediendBedrag', 'IngediendBedrag', 'Bedrag'), 'Bedrag'),
                debetCredit: req(p, 'IngediendBedrag', 'IngediendBedrag', 'DebetCredit') === 'C' ? 'C' : 'D',
              };
            }),
          })),
        },
      };
    }
    case '301':
      return { soort, header: h, client: readClient(c) };
    case '319':
      return { soort, header: h };
  }
}
