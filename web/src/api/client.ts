// Fetch wrapper for the Onderdak JSON API (docs/api.md). Same-origin cookie session; every non-GET request
// carries the CSRF token from login / GET /v1/sessies/huidig. Errors (application/problem+json) become ApiError.

export interface InvalidParam { name: string; code: string; reason: string }

export class ApiError extends Error {
  status: number;
  title: string;
  detail: string;
  type: string;
  invalidParams: InvalidParam[];
  constructor(status: number, title: string, detail: string, type = 'about:blank', invalidParams: InvalidParam[] = []) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = type;
    this.invalidParams = invalidParams;
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void { csrfToken = token; }

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Turns `huishoudleden[0].naam`, `/huishoudleden/0/naam` or `huishoudleden.0.naam` into `huishoudleden.0.naam`. */
export function normaliseParamName(name: string): string {
  return name
    .replace(/^#?\/+/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^body\./, '')
    .replace(/^\.+/, '');
}

export async function api<T>(path: string, options: { method?: Method; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Geen verbinding', 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try { data = JSON.parse(text); } catch { data = undefined; }
  }
  if (!res.ok) {
    const p = (data ?? {}) as Partial<{ type: string; title: string; detail: string; invalidParams: InvalidParam[] }>;
    const invalid = Array.isArray(p.invalidParams)
      ? p.invalidParams.map((ip) => ({ name: normaliseParamName(String(ip.name ?? '')), code: String(ip.code ?? ''), reason: String(ip.reason ?? '') }))
      : [];
    throw new ApiError(res.status, p.title ?? standaardTitel(res.status), p.detail ?? '', p.type, invalid);
  }
  return data as T;
}

function standaardTitel(status: number): string {
  switch (status) {
    case 400: return 'Ongeldige invoer';
    case 401: return 'Niet ingelogd';
    case 403: return 'Geen toegang';
    case 404: return 'Niet gevonden';
    case 409: return 'Conflict';
    case 423: return 'Account geblokkeerd';
    default: return 'Er ging iets mis';
  }
}

export function qs(params: Record<string, string | number | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
}

// ---------- Types (docs/api.md) ----------

export type Rol = 'toegang' | 'locatie' | 'corporatie' | 'beleid' | 'client' | 'beheerder';

export interface Gebruiker {
  id: string;
  gebruikersnaam: string;
  naam: string;
  rol: Rol;
  rolLabel: string;
  tenant: { id: string; naam: string; thema: { primair: string; logoTekst: string } };
  locatieId: string | null;
  clientId: string | null;
  mogelijkheden: {
    clienten: boolean; aanmeldingen: boolean; besluiten: boolean; plaatsen: boolean;
    locatiesBeheren: boolean; gebruikersBeheren: boolean; inzageLog: boolean; rapportages: boolean;
    perspectief?: boolean;
    voorkomen?: boolean;
    wonen?: boolean;
  };
}
export interface Sessie { gebruiker: Gebruiker; csrfToken: string }

export interface Optie { code: string; label: string }
export interface Referentie {
  gemeenten: { code: string; naam: string }[];
  aanleidingen: Optie[];
  bronnen: Optie[];
  bestemmingen: (Optie & { groep: string })[];
  bestemmingsgroepen: Optie[];
  voorzieningtypen: Optie[];
  eenheidsoorten: Optie[];
  besluituitkomsten: Optie[];
  rollen: Optie[];
  tenants: { id: string; naam: string }[];
}

export interface Paging { pagina: number; paginaGrootte: number; totaal: number; _links?: { self?: unknown; next?: unknown; prev?: unknown } }

export type ClientStatus = 'aangemeld' | 'in-opvang' | 'uitgestroomd' | 'geen-traject';
export interface ClientSamenvatting {
  id: string; voornaam: string; achternaam: string; geboortedatum: string | null; herkomst: string | null;
  heeftBsn: boolean; status: ClientStatus; huidigeLocatie: string | null;
}
export interface DubbelKandidaat extends ClientSamenvatting { reden: string }

export interface Huishoudlid { naam: string; geboortedatum?: string | null; relatie: 'partner' | 'kind' | 'overig' }

export interface RegiobindingUitslag {
  score: number; verantwoordelijkeTenantId: string; verantwoordelijkeTenantNaam: string;
  warmeOverdracht: boolean; toelichting: string[];
}
export interface Besluit {
  id: string; uitkomst: 'toegang' | 'doorverwijzing' | 'afwijzing'; uitkomstLabel: string; datum: string;
  beslisser: string; reden: string | null; bezwaartermijnTot: string | null; noodopvang: boolean;
  regiobinding: RegiobindingUitslag | null; trajectId: string | null;
}
export type AanmeldingStatus = 'aangemeld' | 'gescreend' | 'besloten';
export interface Aanmelding {
  id: string; clientId: string; datum: string; bron: string; bronLabel: string; toelichting: string | null;
  screening: string | null; screeningDatum: string | null; status: AanmeldingStatus; besluit: Besluit | null;
  mogelijkheden: { screenen: boolean; besluiten: boolean };
}
export interface AanmeldingMetClient extends Aanmelding { client: { id: string; voornaam: string; achternaam: string } }

export interface Verblijf {
  id: string; clientId: string; eenheidId: string; eenheidNaam: string; locatieId: string; locatieNaam: string;
  van: string; tot: string | null; nachten: number; huishoudgrootte: number; trajectId: string | null;
  mogelijkheden: { verhuizen: boolean; beeindigen: boolean };
}
export interface Traject {
  id: string; clientId: string; start: string; eind: string | null; bestemming: string | null;
  bestemmingLabel: string | null; bestemmingsgroep: string | null; dagen: number; nachten: number;
}
export type TijdlijnSoort = 'aanmelding' | 'screening' | 'besluit' | 'plaatsing' | 'verhuizing' | 'vertrek' | 'uitstroom' | 'samenvoeging';
export interface Client {
  id: string; voornaam: string; achternaam: string; geboortedatum: string | null; bsn: string | null;
  herkomst: string | null; herkomstGemeentecode: string | null; aanleiding: string | null; aanleidingLabel: string | null;
  telefoon: string | null; email: string | null; huishoudleden: Huishoudlid[]; huishoudgrootte: number;
  aanmeldingen: Aanmelding[]; trajecten: Traject[]; verblijven: Verblijf[];
  tijdlijn: { datum: string; soort: TijdlijnSoort; titel: string; omschrijving: string | null }[];
  mogelijkheden: { wijzigen: boolean; aanmelden: boolean; plaatsen: boolean; uitstroom: boolean; samenvoegen: boolean; inzageLog: boolean };
}
export interface InzageRegel {
  tijdstip: string; gebruiker: string; rol: string; actie: string; onderdeel: string; toelichting: string | null; noodtoegang: boolean;
}

export interface LocatieSamenvatting {
  id: string; naam: string; type: string; typeLabel: string; adres: string; postcode: string | null; gemeente: string;
  wijk: string | null; nachtopvang: boolean; eenheden: number; bedden: number; bezet: number; vrij: number; reserveVrij: number;
}
export interface BezettingVerblijf { id: string; clientId: string; naam: string | null; sinds: string; nachten: number; huishoudgrootte: number }
export interface BezettingEenheid {
  id: string; naam: string; soort: string; bedden: number; reserve: boolean; bezet: number; vrij: number; verblijven: BezettingVerblijf[];
}
export interface Bezetting {
  locatie: { id: string; naam: string; [k: string]: unknown };
  totaal: { bedden: number; bezet: number; vrij: number; reserveBedden: number; reserveBezet: number };
  eenheden: BezettingEenheid[];
}

export interface GebruikerBeheer {
  id: string; gebruikersnaam: string; naam: string; rol: Rol; rolLabel?: string; locatieId?: string | null;
  geblokkeerd?: boolean; [k: string]: unknown;
}

export interface Kerncijfers {
  regio: string; van: string; tot: string; aanmeldingen: number; startTraject: number; gemiddeldAantalNachten: number | null;
  gemiddeldeDuurTrajectDagen: number | null; uitgestroomd: number; gemiddeldeBedbezetting: number | null;
  binnenDrieMaandenDoorgestroomd: number | null; uitstroomNaarWonen: number | null;
  herkomst: { herkomst: string; aantal: number }[]; aanleiding: { aanleiding: string; aantal: number }[];
  uitstroomPerGroep: { groep: string; aantal: number }[];
}
export interface Lijst<T> { resultaten: T[] }
export type Pagina<T> = Lijst<T> & Paging;
