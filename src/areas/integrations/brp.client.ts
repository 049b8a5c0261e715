// Haal Centraal BRP Personen bevragen 2.x (issue 19): the port Onderdak uses and its HTTP adapter. One call:
// POST {base}/personen with type RaadpleegMetBurgerservicenummer — the BSN in the body, never in a URL (API-58).
// The real endpoint is configured by BRP_URL (base, e.g. https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp)
// and BRP_API_KEY (README); the fake in src/fakes/brp.ts speaks the same contract.
import { DomainError } from '../../platform/errors.js';

export interface BrpPerson {
  bsn: string;
  voornamen: string | null;
  voorvoegsel: string | null;
  geslachtsnaam: string | null;
  geboortedatum: string | null;
  geslacht: string | null;
  adres: null | {
    straat: string | null;
    huisnummer: string | null;
    postcode: string | null;
    woonplaats: string | null;
    functie: string | null;
  };
  gemeentecode: string | null;
  geheimhouding: boolean;
}

export interface BrpProtocol {
  doelbinding: string;
  verwerking: string;
  gebruiker: string;
}

export interface BrpPort {
  /** The person with this BSN, or null when the BRP does not know them (the API answers an empty list). */
  raadpleegMetBsn(bsn: string, protocol: BrpProtocol): Promise<BrpPerson | null>;
}

export const BRP_FIELDS = [
  'burgerservicenummer',
  'naam',
  'geboorte',
  'geslacht',
  'gemeenteVanInschrijving',
  'verblijfplaats',
];

export class BrpUnavailableError extends DomainError {
  constructor(detail = 'De BRP is nu niet bereikbaar. Probeer het later opnieuw of vul de gegevens met de hand in.') {
    super(503, 'BRP niet bereikbaar', detail);
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** Tolerant reading of a Persoon: missing groups become null (gateways leave fields out). */
export function readPersoon(p: Record<string, unknown>): BrpPerson {
  const naam = obj(p.naam);
  const datum = obj(obj(p.geboorte).datum);
  const vbp = obj(p.verblijfplaats);
  const adres = obj(vbp.verblijfadres);
  const nr = adres.huisnummer;
  return {
    bsn: String(p.burgerservicenummer ?? ''),
    voornamen: str(naam.voornamen),
    voorvoegsel: str(naam.voorvoegsel),
    geslachtsnaam: str(naam.geslachtsnaam),
    // only a full date (type Datum); DatumOnbekend / JaarDatum / JaarMaandDatum give no birth date to fill in
    geboortedatum: datum.type === 'Datum' ? str(datum.datum) : null,
    geslacht: str(obj(p.geslacht).omschrijving),
    adres:
      vbp.type === 'Adres'
        ? {
            straat: str(adres.officieleStraatnaam) ?? str(adres.korteStraatnaam),
            huisnummer:
              nr === undefined || nr === null
                ? null
                : `${nr}${str(adres.huisletter) ?? ''}${adres.huisnummertoevoeging ? `-${adres.huisnummertoevoeging}` : ''}`,
            postcode: str(adres.postcode),
            woonplaats: str(adres.woonplaats),
            functie: str(obj(vbp.functieAdres).omschrijving),
          }
        : null,
    gemeentecode: str(obj(p.gemeenteVanInschrijving).code),
    geheimhouding: Number(p.geheimhoudingPersoonsgegevens ?? 0) > 0,
  };
}

export function httpBrp(opts: { baseUrl: string; apiKey: string; fetch?: Fetch; timeoutMs?: number }): BrpPort {
  const doFetch: Fetch = opts.fetch ?? ((u, i) => fetch(u, i));
  return {
    async raadpleegMetBsn(bsn, protocol) {
      let res: Response;
      try {
        res = await doFetch(`${opts.baseUrl.replace(/\/$/, '')}/personen`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            accept: 'application/json',
            'x-api-key': opts.apiKey,
            'x-doelbinding': protocol.doelbinding,
            'x-verwerking': protocol.verwerking,
            'x-gebruiker': protocol.gebruiker,
          },
          body: JSON.stringify({
            type: 'RaadpleegMetBurgerservicenummer',
            burgerservicenummer: [bsn],
            fields: BRP_FIELDS,
          }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 8000),
        });
      } catch {
        throw new BrpUnavailableError();
      }
      if (!res.ok) {
        throw new BrpUnavailableError(
          res.status === 401 || res.status === 403
            ? 'De BRP weigert de koppeling (API-sleutel). Laat de beheerder BRP_API_KEY controleren.'
            : `De BRP gaf een fout (${res.status}). Vul de gegevens met de hand in.`,
        );
      }
      const body = obj(await res.json().catch(() => ({})));
      const personen = Array.isArray(body.personen) ? body.personen : [];
      const p = personen.map((x) => readPersoon(obj(x))).find((x) => x.bsn === bsn);
      return p ?? null;
    },
  };
}

/** The configured BRP (env), or null when there is none. */
export function brpFromEnv(env: NodeJS.ProcessEnv = process.env): BrpPort | null {
  if (!env.BRP_URL) return null;
  return httpBrp({ baseUrl: env.BRP_URL, apiKey: env.BRP_API_KEY ?? '' });
}
