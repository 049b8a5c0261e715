// Issue 16 — the fixed texts of Mijn Onderdak, in plain Dutch (B1), second person. Kept in one place so that the
// readability test (src/areas/client-portal/readability.test.ts) scores exactly what the page shows. No imports:
// the server-side test reads this file too.

export const T = {
  titel: 'Mijn Onderdak',
  groet: (voornaam: string) => `Hallo ${voornaam}`,
  intro: 'Hier zie je wat er voor jou geregeld is. Je ziet ook wie je gegevens heeft bekeken.',
  inhoud: 'Op deze pagina',

  slaapplekTitel: 'Waar je slaapt',
  slaapplek: (locatie: string, kamer: string) => `Je slaapt in ${locatie}. Je kamer is ${kamer}.`,
  adres: (adres: string) => `Het adres is ${adres}.`,
  sinds: (datum: string) => `Je slaapt hier sinds ${datum}.`,
  geenSlaapplek: 'Je hebt nu geen slaapplek bij ons. Heb je een plek nodig? Stuur dan een bericht.',

  contactTitel: 'Je contactpersoon',
  contact: (naam: string) => `Je contactpersoon is ${naam}.`,
  belLocatie: 'Is het dringend? Bel dan de opvang:',
  geenContact: 'Je hebt nog geen vaste contactpersoon. Stuur een bericht als je iets wilt vragen.',

  afsprakenTitel: 'Je afspraken',
  afspraak: (datum: string, tijd: string) => `${datum} om ${tijd}`,
  metWie: 'Met wie:',
  waar: 'Waar:',
  waarover: 'Waarover:',
  geenAfspraken: 'Je hebt nu geen afspraken.',

  planTitel: 'Je plan',
  eigenWoorden: 'Dit zei je zelf:',
  wensen: 'Dit wil je:',
  planGemaakt: (datum: string) => `Je plan is gemaakt op ${datum}.`,
  getekend: 'Je hebt het plan getekend.',
  nietGetekend: 'Je hebt het plan nog niet getekend.',
  volgendeStappenTitel: 'Dit doe je nu zelf',
  geenStappen: 'Er staat nu niets voor jou klaar.',
  voor: (datum: string) => `Doe dit voor ${datum}.`,
  doelenTitel: 'Je doelen',
  wieDoetWat: (wie: string, wat: string) => `${wie}: ${wat}`,
  uiterlijk: (datum: string) => `voor ${datum}`,
  geenPlan: 'Je hebt nog geen plan. Je maakt het plan samen met je contactpersoon.',

  documentenTitel: 'Je documenten',
  download: (naam: string) => `Download ${naam}`,
  geenDocumenten: 'Er zijn nog geen documenten.',

  verslagenTitel: 'Verslagen voor jou',
  verslagDoor: (datum: string, door: string) => `${datum}, geschreven door ${door}`,
  geenVerslagen: 'Er zijn nog geen verslagen voor jou.',

  berichtTitel: 'Stuur een bericht',
  berichtUitleg: 'Je contactpersoon leest je bericht. Het antwoord zie je hier op deze pagina.',
  soortVraag: 'Wat wil je sturen?',
  soortOpmerking: 'Een vraag of opmerking',
  soortCorrectie: 'Er klopt iets niet in mijn gegevens',
  onderwerp: 'Wat klopt er niet?',
  kies: 'Kies',
  berichtTekst: 'Je bericht',
  berichtHulp: 'Schrijf kort wat je wilt vragen of wat er anders moet.',
  berichtSchrijven: 'Schrijf een bericht',
  verstuur: 'Verstuur',
  verstuurd: 'Je bericht is verstuurd. Het antwoord komt op deze pagina.',
  foutTitel: 'Je bericht is nog niet verstuurd',
  leeg: 'Schrijf je bericht.',
  kiesOnderwerp: 'Kies wat er niet klopt.',

  berichtenTitel: 'Je berichten',
  jijSchreef: (datum: string) => `Je schreef op ${datum}:`,
  antwoordVan: (door: string, datum: string) => `Antwoord van ${door} op ${datum}:`,
  nogGeenAntwoord: 'Nog geen antwoord. Je krijgt snel antwoord.',
  geenBerichten: 'Je hebt nog geen berichten gestuurd.',

  inzageTitel: 'Wie heeft je dossier bekeken?',
  inzageUitleg: 'Hier zie je welke medewerkers je gegevens hebben bekeken of veranderd. En waarom ze dat deden.',
  inzageRegel: (wie: string, organisatie: string | null, wat: string) =>
    `${wie}${organisatie ? ` (${organisatie})` : ''} ${wat}.`,
  keer: (n: number) => (n === 1 ? '' : ` Dat gebeurde ${n} keer.`),
  geenInzage: 'Nog niemand heeft je gegevens bekeken.',
  inzageToon: (n: number) => `Laat de lijst zien (${n} ${n === 1 ? 'regel' : 'regels'})`,
} as const;

/** Every fixed sentence of the page, filled in with example values, for the readability check. */
export function alleVasteTeksten(): string[] {
  const d = '2 december 2026';
  const plain: string[] = (Object.values(T) as unknown[]).filter((v): v is string => typeof v === 'string');
  return [
    ...plain,
    T.groet('Anna'),
    T.slaapplek('de Nachtopvang', 'Kamer 4'),
    T.adres('Kasperspad 3, Dordrecht'),
    T.sinds(d),
    T.contact('Fatima'),
    T.afspraak(d, '10:30'),
    T.planGemaakt(d),
    T.voor(d),
    T.wieDoetWat('Jij', 'papieren van de bank meenemen'),
    T.uiterlijk(d),
    T.download('brief.pdf'),
    T.verslagDoor(d, 'Fatima'),
    T.jijSchreef(d),
    T.antwoordVan('Fatima', d),
    T.inzageRegel('Een medewerker van de gemeente', 'Dordrecht', 'heeft je gegevens bekeken'),
    T.keer(3),
    T.berichtSchrijven,
    T.inzageToon(6),
  ];
}
