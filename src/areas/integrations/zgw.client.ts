// The zaaksysteem adapter (issue 19): ZGW Zaken API and Besluiten API as Open Zaak offers them. Every write is
// idempotent — a zaak and a besluit carry a deterministic identificatie (looked up before creating), a status is
// looked up by zaak, statustype and moment — so a retry after a lost answer never makes a second one.
import { signZgwJwt } from './zgw.jwt.js';

export const ZGW_STATUS_CODES = ['aangemeld', 'gescreend', 'besloten', 'afgesloten'] as const;
export type ZgwStatusCode = (typeof ZGW_STATUS_CODES)[number];

export interface ZgwConfig {
  zakenUrl: string;
  besluitenUrl: string;
  clientId: string;
  secret: string;
  zaaktype: string;
  besluittype: string;
  statustypen: Record<ZgwStatusCode, string>;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  timeoutMs?: number;
}

export class ZgwError extends Error {}

type Json = Record<string, unknown>;

export function zgwClient(cfg: ZgwConfig) {
  const doFetch = cfg.fetch ?? ((u: string, i?: RequestInit) => fetch(u, i));
  const user = { id: 'onderdak-koppeling', name: 'Onderdak (koppeling zaaksysteem)' };
  async function call(method: string, url: string, body?: unknown): Promise<Json> {
    let res: Response;
    try {
      res = await doFetch(url, {
        method,
        headers: {
          authorization: `Bearer ${signZgwJwt(cfg.clientId, cfg.secret, user)}`,
          accept: 'application/json',
          'accept-crs': 'EPSG:4326',
          ...(body !== undefined ? { 'content-type': 'application/json', 'content-crs': 'EPSG:4326' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 10_000),
      });
    } catch (e) {
      throw new ZgwError(`zaaksysteem niet bereikbaar (${(e as Error).name})`);
    }
    const text = await res.text();
    if (!res.ok) throw new ZgwError(`${method} ${new URL(url).pathname}: ${res.status} ${text.slice(0, 300)}`);
    try {
      return JSON.parse(text) as Json;
    } catch {
      throw new ZgwError(`${method} ${new URL(url).pathname}: geen JSON`);
    }
  }
  const results = (j: Json) => (Array.isArray(j.results) ? (j.results as Json[]) : []);
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

  return {
    async findZaak(identificatie: string, rsin: string): Promise<string | null> {
      const found = results(await call('GET', `${cfg.zakenUrl}/zaken?${q({ identificatie, bronorganisatie: rsin })}`));
      return (found[0]?.url as string | undefined) ?? null;
    },
    async ensureZaak(z: { identificatie: string; rsin: string; startdatum: string; kenmerk: string }): Promise<string> {
      const existing = await this.findZaak(z.identificatie, z.rsin);
      if (existing) return existing;
      const created = await call('POST', `${cfg.zakenUrl}/zaken`, {
        identificatie: z.identificatie,
        bronorganisatie: z.rsin,
        verantwoordelijkeOrganisatie: z.rsin,
        zaaktype: cfg.zaaktype,
        startdatum: z.startdatum,
        registratiedatum: z.startdatum,
        omschrijving: 'Aanmelding maatschappelijke opvang',
        vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
        kenmerken: [{ kenmerk: z.kenmerk, bron: 'Onderdak' }],
      });
      return String(created.url);
    },
    async ensureStatus(zaakUrl: string, code: ZgwStatusCode, datumStatusGezet: string, toelichting: string) {
      const statustype = cfg.statustypen[code];
      const existing = results(await call('GET', `${cfg.zakenUrl}/statussen?${q({ zaak: zaakUrl })}`)).find(
        (s) => s.statustype === statustype && String(s.datumStatusGezet).slice(0, 19) === datumStatusGezet.slice(0, 19),
      );
      if (existing) return String(existing.url);
      const created = await call('POST', `${cfg.zakenUrl}/statussen`, {
        zaak: zaakUrl,
        statustype,
        datumStatusGezet,
        statustoelichting: toelichting,
      });
      return String(created.url);
    },
    async ensureBesluit(b: {
      identificatie: string;
      rsin: string;
      zaakUrl: string;
      datum: string;
      toelichting: string;
      uiterlijkeReactiedatum: string;
    }): Promise<string> {
      const found = results(
        await call(
          'GET',
          `${cfg.besluitenUrl}/besluiten?${q({ identificatie: b.identificatie, verantwoordelijkeOrganisatie: b.rsin })}`,
        ),
      );
      if (found[0]?.url) return String(found[0].url);
      const created = await call('POST', `${cfg.besluitenUrl}/besluiten`, {
        identificatie: b.identificatie,
        verantwoordelijkeOrganisatie: b.rsin,
        besluittype: cfg.besluittype,
        zaak: b.zaakUrl,
        datum: b.datum,
        ingangsdatum: b.datum,
        toelichting: b.toelichting,
        bestuursorgaan: 'College van burgemeester en wethouders',
        uiterlijkeReactiedatum: b.uiterlijkeReactiedatum,
      });
      return String(created.url);
    },
  };
}
export type ZgwClient = ReturnType<typeof zgwClient>;

/** The configured zaaksysteem (env, see README), or null when there is none. */
export function zgwConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ZgwConfig | null {
  const need = ['ZGW_ZAKEN_URL', 'ZGW_BESLUITEN_URL', 'ZGW_CLIENT_ID', 'ZGW_SECRET', 'ZGW_ZAAKTYPE', 'ZGW_BESLUITTYPE'];
  if (need.some((k) => !env[k])) return null;
  return {
    zakenUrl: env.ZGW_ZAKEN_URL!,
    besluitenUrl: env.ZGW_BESLUITEN_URL!,
    clientId: env.ZGW_CLIENT_ID!,
    secret: env.ZGW_SECRET!,
    zaaktype: env.ZGW_ZAAKTYPE!,
    besluittype: env.ZGW_BESLUITTYPE!,
    statustypen: {
      aangemeld: env.ZGW_STATUSTYPE_AANGEMELD ?? '',
      gescreend: env.ZGW_STATUSTYPE_GESCREEND ?? '',
      besloten: env.ZGW_STATUSTYPE_BESLOTEN ?? '',
      afgesloten: env.ZGW_STATUSTYPE_AFGESLOTEN ?? '',
    },
  };
}

/** Deterministic identificaties (max 40 characters): the same change always names the same zaak or besluit. */
export const zaakIdentificatie = (registrationId: string) => `MO-${registrationId.replace(/-/g, '')}`.slice(0, 40);
export const besluitIdentificatie = (decisionId: string) => `MOB-${decisionId.replace(/-/g, '')}`.slice(0, 40);

/** A status moment per step on the day it happened, so the steps of one day keep their order in the zaaksysteem. */
const HOUR: Record<ZgwStatusCode, string> = { aangemeld: '08', gescreend: '09', besloten: '10', afgesloten: '11' };
export const statusMoment = (day: string, code: ZgwStatusCode) => `${day}T${HOUR[code]}:00:00Z`;
