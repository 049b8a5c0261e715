// Fetch wrapper for the Onderdak JSON API (docs/api.md). Same-origin cookie session; every non-GET request
// carries the CSRF token from login / GET /v1/sessies/huidig. Errors (application/problem+json) become ApiError.
// apiGet/apiPad are typed by the contract (schema.d.ts, generated from docs/openapi.json); the named response types
// are in ./types.
import type { paths } from './schema';

export type { InvalidParam } from './types';

import type { InvalidParam } from './types';

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
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

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

export async function api<T>(
  path: string,
  options: { method?: Method; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
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
    throw new ApiError(
      0,
      'Geen verbinding',
      'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
    );
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const p = (data ?? {}) as Partial<{ type: string; title: string; detail: string; invalidParams: InvalidParam[] }>;
    const invalid = Array.isArray(p.invalidParams)
      ? p.invalidParams.map((ip) => ({
          name: normaliseParamName(String(ip.name ?? '')),
          code: String(ip.code ?? ''),
          reason: String(ip.reason ?? ''),
        }))
      : [];
    throw new ApiError(res.status, p.title ?? standaardTitel(res.status), p.detail ?? '', p.type, invalid);
  }
  return data as T;
}

function standaardTitel(status: number): string {
  switch (status) {
    case 400:
      return 'Ongeldige invoer';
    case 401:
      return 'Niet ingelogd';
    case 403:
      return 'Geen toegang';
    case 404:
      return 'Niet gevonden';
    case 409:
      return 'Niet mogelijk';
    case 423:
      return 'Account geblokkeerd';
    default:
      return 'Er ging iets mis';
  }
}

type QsParams = Record<string, string | number | undefined | null>;
export function qs(params: QsParams): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
}

// ---------- Typed by the contract: a path of docs/openapi.json (relative to /v1) and its method ----------

type Methode = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The methods the contract defines on a path. */
export type MethodeVan<P extends keyof paths> = {
  [M in Methode]: paths[P][M] extends { responses: unknown } ? M : never;
}[Methode];
type Operatie<P extends keyof paths, M extends Methode> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body of the success response (200 or 201) of an operation; undefined for 204 No Content. */
export type Antwoord<P extends keyof paths, M extends Methode = 'get'> =
  Operatie<P, M> extends { responses: infer R }
    ? R extends { 200: infer A }
      ? Json<A>
      : R extends { 201: infer A }
        ? Json<A>
        : R extends { 204: unknown }
          ? undefined
          : never
    : never;
type PadParams<O> = O extends { parameters: { path: infer T } } ? T : never;
type Query<O> = O extends { parameters: { query?: infer T } } ? T : never;
type Body<O> = O extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;
/** The query parameters of an operation, e.g. `Vraag<'/clienten'>`. */
export type Vraag<P extends keyof paths, M extends Methode = 'get'> = NonNullable<Query<Operatie<P, M>>>;
type Opties<O> = { params?: PadParams<O>; query?: Query<O>; body?: Body<O>; signal?: AbortSignal };
/** Path parameters are required when the path has them; otherwise the options may be left out. */
type OptiesArg<O> = [PadParams<O>] extends [never]
  ? [opties?: Opties<O>]
  : [opties: Opties<O> & { params: PadParams<O> }];
/** The paths with a GET. */
export type GetPad = { [P in keyof paths]: 'get' extends MethodeVan<P> ? P : never }[keyof paths];

/**
 * A request on a path of the contract, e.g. `apiPad('post', '/clienten/{id}/samenvoegingen', { params: { id }, body })`:
 * `{name}` is filled in from `params` (URL-encoded), `query` becomes the query string (empty values left out), and the
 * request body and the response are typed by docs/openapi.json.
 */
export function apiPad<P extends keyof paths, M extends MethodeVan<P>>(
  methode: M,
  pad: P,
  ...[opties]: OptiesArg<Operatie<P, M>>
): Promise<Antwoord<P, M>> {
  const o: Opties<Operatie<P, M>> = opties ?? {};
  const params = (o.params ?? {}) as Record<string, string | number>;
  const url = `/v1${String(pad).replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(params[k])))}${qs((o.query ?? {}) as QsParams)}`;
  return api<Antwoord<P, M>>(url, { method: methode.toUpperCase() as Method, body: o.body, signal: o.signal });
}

/** A GET on a path of the contract, e.g. `apiGet('/clienten/{id}', { params: { id } })`. */
export function apiGet<P extends GetPad>(
  pad: P,
  ...opties: OptiesArg<Operatie<P, 'get'>>
): Promise<Antwoord<P, 'get'>> {
  return apiPad<P, 'get' & MethodeVan<P>>(
    'get' as 'get' & MethodeVan<P>,
    pad,
    ...(opties as OptiesArg<Operatie<P, 'get' & MethodeVan<P>>>),
  );
}
