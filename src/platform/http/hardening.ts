// Robustness of the HTTP layer (issue 14): no input leads to a 5xx. Body size limits (413), NUL bytes (400, before
// anything reaches PostgreSQL, which refuses NUL in text), and database errors that bad or racing input can cause
// (unique and foreign-key violations, invalid text representations) mapped to problem+json.
import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { InvalidParam } from '../errors.js';
import { problem } from './problem.js';

/** The largest JSON request body: 1 MB. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Routes with their own, larger limit. The signal file upload posts CSV text of up to 2,000,000 characters inside
 * JSON; escaped (\n, \", \u0000-style) and multi-byte characters take up to 6 bytes each: 12 MB.
 */
export const LARGE_BODY_ROUTES: Record<string, number> = {
  '/v1/signaalbestanden': 12 * 1024 * 1024,
  '/v1/dossierimports': 12 * 1024 * 1024, // issue 11: caseload CSV, same size as the signal file
  '/v1/dossierimports/voorvertoningen': 12 * 1024 * 1024,
};

/**
 * Routes with a larger limit by pattern (an id in the path). Issue 12 deel A: a document (at most 10 MB, see
 * DOCUMENT_MAX_BYTES) is posted as base64 inside JSON, about 13.4 MB of text: 14 MB.
 */
export const LARGE_BODY_PATTERNS: readonly (readonly [RegExp, number])[] = [
  [/^\/v1\/clienten\/[^/]+\/documenten$/, 14 * 1024 * 1024],
];

export const bodyLimitFor = (path: string) =>
  LARGE_BODY_ROUTES[path] ?? LARGE_BODY_PATTERNS.find(([re]) => re.test(path))?.[1] ?? MAX_BODY_BYTES;
export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** One body-limit middleware per size, built once instead of on every request. */
const limiters = new Map<number, MiddlewareHandler>();
function limiterFor(maxSize: number): MiddlewareHandler {
  let limiter = limiters.get(maxSize);
  if (!limiter) {
    limiter = bodyLimit({
      maxSize,
      onError: (c) =>
        problem(
          c,
          413,
          'Aanvraag te groot',
          `De aanvraag is groter dan de toegestane ${megabytes(maxSize)}. Stuur minder gegevens tegelijk.`,
        ),
    });
    limiters.set(maxSize, limiter);
  }
  return limiter;
}

/** 413 problem+json when the body is larger than the route's limit (the Content-Length or the bytes actually read). */
// GET and HEAD carry no body; asking for one would make the Node adapter build a full fetch Request on every read
// (measured: ~5% of the CPU of a dossier read).
export const bodyLimits: MiddlewareHandler = (c, next) =>
  c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limiterFor(bodyLimitFor(c.req.path))(c, next);

const hasNul = (s: string) => s.includes('\u0000');

/** Every place a NUL character occurs in a JSON value (keys included), as field names like `huishoudleden[0].naam`. */
function nulPaths(value: unknown, path: string, out: string[]) {
  if (out.length >= 20) return;
  if (typeof value === 'string') {
    if (hasNul(value)) out.push(path || '(body)');
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nulPaths(v, `${path}[${i}]`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const name = path ? `${path}.${k}` : k;
      if (hasNul(k)) out.push(name);
      nulPaths(v, name, out);
    }
  }
}

const nulReason = 'Het teken NUL (\\u0000) is niet toegestaan.';

/**
 * 400 when a path parameter, a query parameter or a JSON body field contains a NUL character: PostgreSQL cannot store
 * it in text and would answer with an error. Runs as route middleware, where the path parameters have their names.
 */
export const rejectNul: MiddlewareHandler = async (c, next) => {
  const problems: InvalidParam[] = [];
  for (const [name, value] of Object.entries(c.req.param() as Record<string, string>)) {
    if (hasNul(name) || hasNul(value)) problems.push({ name, code: 'nul', reason: nulReason });
  }
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (hasNul(name) || values.some(hasNul)) problems.push({ name, code: 'nul', reason: nulReason });
  }
  const method = c.req.method;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const text = await c.req.text();
    if (hasNul(text) || /\\u0000/i.test(text)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined; // malformed JSON: the validator answers 400 for it
      }
      const paths: string[] = [];
      nulPaths(parsed, '', paths);
      for (const name of paths) problems.push({ name, code: 'nul', reason: nulReason });
    }
  }
  if (problems.length) {
    return problem(c, 400, 'Ongeldige invoer', 'De aanvraag bevat een niet-toegestaan teken (NUL).', problems);
  }
  await next();
};

/**
 * The request's path with a NUL in it (percent-encoded): 400 before routing, for paths no route declares too. The
 * field is the path parameter of the route the path matches (`id`), or `(pad)`.
 */
export const rejectNulInPath =
  (routePaths: () => readonly string[]): MiddlewareHandler =>
  async (c, next) => {
    const raw = new URL(c.req.url).pathname;
    if (!/%00/.test(raw)) return next();
    const segments = raw.split('/').map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    const pattern = routePaths()
      .map((p) => p.split('/'))
      .find((p) => p.length === segments.length && p.every((seg, i) => seg.startsWith(':') || seg === segments[i]));
    const names = segments
      .map((s, i) => (hasNul(s) ? (pattern?.[i]?.startsWith(':') ? pattern[i]!.slice(1) : '(pad)') : null))
      .filter((n): n is string => n !== null);
    return problem(
      c,
      400,
      'Ongeldige invoer',
      'Het pad bevat een niet-toegestaan teken (NUL).',
      [...new Set(names.length ? names : ['(pad)'])].map((name) => ({ name, code: 'nul', reason: nulReason })),
    );
  };

/** A PostgreSQL error as both drivers throw it (pg's DatabaseError and PGlite's error both carry the SQLSTATE `code`). */
interface PgError {
  code: string;
  message: string;
  detail?: string;
  constraint?: string;
}

export function isPgError(e: unknown): e is PgError {
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** The columns of a constraint violation's detail ("Key (tenant_id, name)=(…) already exists."), without tenant_id. */
function keyColumns(e: PgError): string[] {
  const m = /Key \(([^)]*)\)=/.exec(e.detail ?? '');
  return (m?.[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'tenant_id');
}

export const DATABASE_UNREACHABLE_DETAIL =
  'De database was even niet bereikbaar. Probeer het over een paar seconden opnieuw; kijk bij een wijziging eerst of die al is opgeslagen.';

/**
 * The connection to the database was lost or refused (a restart, a failover, a connection ended by an administrator):
 * nothing the request did, and over in seconds, so a 503 with Retry-After and not a 500. Only the commit's own answer
 * can be lost after the commit itself, hence "kijk eerst of die al is opgeslagen".
 */
export function databaseUnreachable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    // 57P01–57P03: administrator or crash shutdown, cannot connect now; class 08: connection exception
    if (/^57P0[123]$/.test(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  }
  return /^(Connection terminated( unexpectedly)?|Client has encountered a connection error and is not queryable)$/.test(
    e.message,
  );
}

/**
 * The problem+json answer to a database error that input can cause, or undefined for a real fault (a 500).
 * A unique violation is a 409 (two requests creating the same name at once); a missing referenced row is a 404 when
 * it was named in the path and 409 otherwise; a malformed value reaching a typed column (22P02) is a 404 when it is a
 * path id, else a 400.
 */
export function databaseProblem(c: Context, e: unknown): Response | undefined {
  if (databaseUnreachable(e))
    return problem(c, 503, 'Even niet beschikbaar', DATABASE_UNREACHABLE_DETAIL, undefined, { 'Retry-After': '5' });
  if (!isPgError(e)) return undefined;
  const pathValues = Object.values(safeParams(c));
  const mentionsPathValue = pathValues.some((v) => v && e.message.includes(`"${v}"`));
  const cols = keyColumns(e);
  const fields = cols.length ? ` (${cols.join(', ')})` : '';
  switch (e.code) {
    case '23505':
      return problem(
        c,
        409,
        'Bestaat al',
        `Er bestaat al een gegeven met dezelfde waarde${fields}. Kies een andere waarde of gebruik het bestaande.`,
      );
    case '23503':
      if (/is still referenced/.test(e.detail ?? '')) {
        return problem(
          c,
          409,
          'Niet mogelijk',
          'Dit gegeven wordt nog gebruikt door andere gegevens en kan daarom niet worden gewijzigd of verwijderd.',
        );
      }
      if (pathValues.length && pathValues.some((v) => (e.detail ?? '').includes(`=(${v})`))) {
        return problem(c, 404, 'Niet gevonden', 'Niet gevonden.');
      }
      return problem(
        c,
        409,
        'Niet mogelijk',
        `Een gegeven waarnaar de aanvraag verwijst${fields} bestaat niet (meer).`,
      );
    case '22P02':
      if (mentionsPathValue) return problem(c, 404, 'Niet gevonden', 'Niet gevonden.');
      return problem(
        c,
        400,
        'Ongeldige invoer',
        'Een waarde in de aanvraag heeft niet de juiste vorm (bijvoorbeeld een id of getal).',
      );
    case '40001':
    case '40P01':
      return problem(c, 409, 'Niet mogelijk', 'Een gelijktijdige wijziging kwam ertussen. Probeer het opnieuw.');
  }
  if (e.code.startsWith('22') || e.code === '23502' || e.code === '23514') {
    return problem(
      c,
      400,
      'Ongeldige invoer',
      'Een waarde in de aanvraag valt buiten wat is toegestaan (te lang, te groot of ongeldig).',
    );
  }
  return undefined;
}

function safeParams(c: Context): Record<string, string> {
  try {
    return c.req.param() as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * Trusted proxies (TRUSTED_PROXIES, comma-separated addresses; default none): X-Forwarded-For and X-Forwarded-Proto
 * count only when the direct peer is one of them. IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) match their IPv4 form.
 */
export function parseTrustedProxies(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => normalizeIp(s.trim()))
    .filter((s): s is string => !!s);
}

function normalizeIp(ip: string | undefined): string | undefined {
  if (!ip) return undefined;
  const v = ip.toLowerCase().startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  return isIP(v) ? v : undefined;
}

/** The direct peer's address (Node's socket), as @hono/node-server passes it in c.env.incoming. */
export function peerAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return normalizeIp(env?.incoming?.socket?.remoteAddress);
}

export interface RequestOrigin {
  /** The client's address: the direct peer, or the nearest untrusted address in X-Forwarded-For behind trusted proxies. */
  ip: string | undefined;
  /** The request reached us over HTTPS: directly, or said so by a trusted proxy (X-Forwarded-Proto: https). */
  https: boolean;
}

export function requestOrigin(c: Context, trusted: readonly string[]): RequestOrigin {
  const peer = peerAddress(c);
  const direct = new URL(c.req.url).protocol === 'https:';
  if (!peer || !trusted.includes(peer)) return { ip: peer, https: direct };
  // Walk X-Forwarded-For from the right: skip our own proxies, the first other address is the client.
  const chain = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  let ip: string | undefined = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalizeIp(chain[i]);
    if (!hop) break; // garbage: keep the last address we could trust
    ip = hop;
    if (!trusted.includes(hop)) break;
  }
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return { ip, https: proto ? proto === 'https' : direct };
}
