// Issue 16: the UI glossary — one spelling and one explanation per term (domain.md §2). Pages link a term with
// <Begrip id="…"> (web/src/ui/Begrip.tsx); the page /begrippen lists them all.
export interface BegripTekst {
  id: string;
  term: string;
  uitleg: string;
}

export const BEGRIPPEN: BegripTekst[] = [
  {
    id: 'client',
    term: 'Cliënt, huishouden',
    uitleg: 'De persoon die opvang zoekt. Een huishouden (gezin) kan samen geplaatst worden.',
  },
  {
    id: 'aanmelding',
    term: 'Aanmelding',
    uitleg: 'Het begin van een zaak: iemand meldt zich of wordt gemeld bij de toegang.',
  },
  {
    id: 'screening',
    term: 'Screening',
    uitleg: 'Het gesprek en onderzoek na de aanmelding: wat is er aan de hand en wat is nodig?',
  },
  {
    id: 'toegangsbesluit',
    term: 'Toegangsbesluit, beschikking',
    uitleg:
      'Het besluit of iemand opvang krijgt. De beschikking is de brief met dat besluit; de cliënt kan bezwaar maken.',
  },
  {
    id: 'bezwaar',
    term: 'Bezwaar',
    uitleg: 'Wie het niet eens is met een besluit, kan binnen 6 weken bezwaar maken bij de gemeente.',
  },
  {
    id: 'bed-voor-de-nacht',
    term: 'Bed voor de nacht',
    uitleg: 'Een bed tijdens de screening, nog vóór het toegangsbesluit. Het telt niet als traject.',
  },
  {
    id: 'regiobinding',
    term: 'Regiobinding, landelijke toegankelijkheid',
    uitleg:
      'Welke centrumgemeente verantwoordelijk is. Iedereen kan zich overal melden; soms is een andere regio beter.',
  },
  {
    id: 'warme-overdracht',
    term: 'Warme overdracht',
    uitleg:
      'De cliënt gaat met toestemming naar een andere centrumgemeente. De zaak wordt daar overgenomen, niet opnieuw begonnen.',
  },
  {
    id: 'centrumgemeente',
    term: 'Centrumgemeente, regiogemeente',
    uitleg: 'De centrumgemeente regelt de opvang voor de gemeenten in haar regio.',
  },
  {
    id: 'locatie',
    term: 'Voorziening, locatie, kamer, bed',
    uitleg: 'Een locatie heeft kamers (eenheden) met bedden. De bezetting telt per kamer en per huishouden.',
  },
  {
    id: 'plaatsing',
    term: 'Plaatsing, verblijf, overnachting',
    uitleg: 'Een plaatsing geeft iemand een kamer; het verblijf loopt tot vertrek; elke nacht is een overnachting.',
  },
  {
    id: 'aanwezigheid',
    term: 'Aanwezigheid, onbevestigd',
    uitleg:
      'Elke nacht bevestigt de locatie wie er sliep. Wie 48 uur niet bevestigd is, staat als onbevestigd en telt niet stil mee.',
  },
  {
    id: 'traject',
    term: 'Traject, trajecthouder',
    uitleg: 'Het traject loopt van het toegangsbesluit tot de uitstroom. De trajecthouder is de vaste contactpersoon.',
  },
  {
    id: 'perspectiefplan',
    term: 'Perspectiefplan',
    uitleg: 'Het plan van de cliënt: wat wil ik, welke doelen, wie doet wat. Binnen 5 dagen na plaatsing.',
  },
  {
    id: 'levensgebied',
    term: 'Levensgebied (ZRM)',
    uitleg: 'Een deel van het leven waar een doel over gaat, zoals geld, werk of gezondheid.',
  },
  {
    id: 'doel',
    term: 'Doel, actie',
    uitleg: 'Een doel is wat de cliënt wil bereiken; een actie is een stap daarheen, met wie hem doet en wanneer.',
  },
  {
    id: 'blokkade',
    term: 'Blokkade',
    uitleg: 'De reden dat iemand nog niet kan doorstromen, met wie aan zet is en wat de volgende stap is.',
  },
  {
    id: 'doorstroomoverleg',
    term: 'Doorstroomoverleg',
    uitleg: 'Het overleg over wie te lang in de opvang is en wat nodig is om door te stromen.',
  },
  {
    id: 'wachtlijst',
    term: 'Wachtlijst',
    uitleg: 'Een lijst van cliënten die wachten op een plek, een woning of zorg.',
  },
  {
    id: 'uitstroom',
    term: 'Uitstroom, bestemming',
    uitleg: 'Het einde van het verblijf en waar iemand naartoe gaat, bijvoorbeeld een eigen huurwoning.',
  },
  {
    id: 'woonplek',
    term: 'Woonplek, woningcorporatie, prestatieafspraak',
    uitleg: 'Woningen voor uitstroom. De corporatie biedt ze aan; de prestatieafspraak zegt hoeveel per jaar.',
  },
  {
    id: 'housing-first',
    term: 'Housing First',
    uitleg: 'Eerst een eigen woning, met begeleiding erbij, zonder eerst de opvang door te moeten.',
  },
  {
    id: 'nazorg',
    term: 'Nazorg, waakvlam',
    uitleg: 'Contact na de uitstroom naar wonen, om terugval te voorkomen. Waakvlam: licht contact dat aan blijft.',
  },
  { id: 'terugval', term: 'Terugval', uitleg: 'Iemand komt terug in de opvang na uitstroom naar een woning.' },
  {
    id: 'vroegsignalering',
    term: 'Vroegsignalering, huisuitzetting',
    uitleg: 'Signalen over betalingsachterstanden, zodat hulp komt vóór een huisuitzetting.',
  },
  { id: 'eigen-bijdrage', term: 'Eigen bijdrage', uitleg: 'Het deel van de kosten dat de cliënt zelf betaalt.' },
  {
    id: 'zorgaanbieder',
    term: 'Zorgaanbieder, ervaringsdeskundige',
    uitleg: 'De organisatie die zorg of begeleiding geeft; een ervaringsdeskundige heeft zelf dakloosheid meegemaakt.',
  },
  {
    id: 'draagkracht',
    term: 'Draagkracht, overlast',
    uitleg: 'Hoeveel een buurt aankan, en meldingen van buren over last.',
  },
  {
    id: 'inzagelog',
    term: 'Inzagelog',
    uitleg: 'De lijst van wie een dossier bekeek of wijzigde, wanneer en waarom (NEN 7513).',
  },
  {
    id: 'journaal',
    term: 'Journaal (rapportage)',
    uitleg: 'De verslagen in het dossier. Alleen gedeelde verslagen leest de cliënt zelf.',
  },
];
