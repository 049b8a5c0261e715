import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { AREA_ROUTES } from './areas/index.js';
import { isPublicNoSessionPath } from './areas/neighbourhood/public-routes.js';
import type { Database } from './platform/db/database.js';
import { DomainError, UnauthorizedError } from './platform/errors.js';
import {
  bodyLimitFor,
  bodyLimits,
  databaseProblem,
  megabytes,
  parseTrustedProxies,
  rejectNulInPath,
  requestOrigin,
} from './platform/http/hardening.js';
import { type Api, type ApiKit, type Env, jsonContent, route } from './platform/http/kit.js';
import { problem, zodIssuesToParams } from './platform/http/problem.js';
import { serveStatic } from './platform/http/static.js';
import { API_VERSION } from './platform/http/version.js';
import { type Actor, type Ctx, inTransaction } from './rights/context.js';
import { csrfMatches, PENDING_STEP_ROUTES, SESSION_COOKIE, sessionFromToken } from './rights/sessions.js';

export type { Env } from './platform/http/kit.js';
export { API_VERSION };

z.config(z.locales.nl());

export interface AppOptions {
  database: Database;
  staticDir?: string;
  now?: () => Date;
  /** SECURE_COOKIES=1: `Secure` cookies and HSTS on every response, also over plain HTTP (behind an unknown proxy). */
  secureCookies?: boolean;
  /** TRUSTED_PROXIES: the peers whose X-Forwarded-For / X-Forwarded-Proto count (default none). */
  trustedProxies?: readonly string[];
}

/** The whole application: API (every area's routes under /v1) and the built web interface. */
export function createApp(opts: AppOptions) {
  const { database } = opts;
  const now = opts.now ?? (() => new Date());
  const trusted = opts.trustedProxies ?? parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const secureCookies = opts.secureCookies ?? false;
  const app = new OpenAPIHono<Env>({
    strict: true,
    defaultHook: (result, c) => {
      if (!result.success) {
        return problem(
          c,
          400,
          'Ongeldige invoer',
          'Een of meer velden zijn niet goed ingevuld.',
          zodIssuesToParams(result.error.issues as never),
        );
      }
    },
  });

  app.use('*', securityHeaders(trusted, secureCookies));
  app.use(
    '*',
    rejectNulInPath(() => app.routes.filter((r) => r.method !== 'ALL').map((r) => r.path)),
  );
  app.use('/v1/*', bodyLimits);
  app.onError((err, c) => {
    if (err instanceof DomainError)
      return problem(c, err.status, err.title, err.message, err.invalidParams, err.headers);
    if (err instanceof SyntaxError || (err instanceof HTTPException && err.status === 400)) {
      return problem(c, 400, 'Ongeldige invoer', 'De aanvraag bevat geen geldige JSON.', [
        { name: '(body)', code: 'invalid_json', reason: 'De tekst is geen geldige JSON.' },
      ]);
    }
    if (err instanceof HTTPException && err.status === 413) {
      return problem(
        c,
        413,
        'Aanvraag te groot',
        `De aanvraag is groter dan de toegestane ${megabytes(bodyLimitFor(c.req.path))}.`,
      );
    }
    if (err instanceof HTTPException && err.status < 500)
      return problem(c, err.status, 'Ongeldige aanvraag', err.message);
    const mapped = databaseProblem(c, err);
    if (mapped) return mapped;
    console.error(err);
    return problem(
      c,
      500,
      'Interne fout',
      'Er ging iets mis aan onze kant. Uw gegevens zijn niet gewijzigd; probeer het opnieuw.',
    );
  });
  app.use('/v1/*', sessionMiddleware(database, now));

  const actorOf = (c: Context<Env>): Actor => {
    const a = c.get('actor');
    if (!a) throw new UnauthorizedError();
    return a;
  };
  const sourceIp = (c: Context<Env>) => requestOrigin(c, trusted).ip;
  const run = <T>(c: Context<Env>, fn: (ctx: Ctx) => Promise<T>) =>
    inTransaction(database, actorOf(c), fn, { now: now(), sourceIp: sourceIp(c) });

  const kit: ApiKit = { app, database, now, run, actorOf, sourceIp };
  for (const register of AREA_ROUTES) register(kit);

  // The contract: public, CORS * (API-51); the same document as docs/openapi.json, built once per app.
  let contract: ContractDocument | undefined;
  app.openapi(
    route({
      method: 'get',
      path: `${API_PREFIX}/openapi.json`,
      tags: ['API'],
      summary: 'Het OpenAPI-document van deze API (het contract)',
      access: 'openbaar',
      responses: {
        200: {
          description: 'OpenAPI 3.0-document; paden zijn relatief aan de server-URL /v1',
          ...jsonContent(OpenApiDocumentSchema),
        },
      },
    }),
    (c) => {
      c.header('Access-Control-Allow-Origin', '*');
      contract ??= openApiDocument(app);
      return c.json(contract, 200);
    },
  );
  app.get('/v1', (c) => c.json({ naam: 'Onderdak API', versie: API_VERSION, openapi: '/v1/openapi.json' }));

  // 405 with Allow for a known path with another method; problem+json 404 for unknown API paths.
  app.notFound((c) => {
    if (c.req.path.startsWith('/v1')) {
      const allowed = [
        ...new Set(
          app.routes.filter((r) => r.method !== 'ALL' && pathMatches(r.path, c.req.path)).map((r) => r.method),
        ),
      ];
      if (allowed.length) {
        return problem(c, 405, 'Methode niet toegestaan', `Gebruik ${allowed.join(', ')} voor dit pad.`, undefined, {
          Allow: allowed.join(', '),
        });
      }
      return problem(c, 404, 'Niet gevonden', 'Deze API-bron bestaat niet.');
    }
    return serveStatic(c, opts.staticDir);
  });
  return app;
}

/** The major version in every URL (API-20): the server URL of the document; paths in the document are relative to it. */
const API_PREFIX = '/v1';

/** What GET /v1/openapi.json answers (documented, so the contract documents itself). */
const OpenApiDocumentSchema = z
  .strictObject({
    openapi: z.string().openapi({ example: '3.0.3' }),
    info: z.object({
      title: z.string(),
      version: z.string().openapi({ example: API_VERSION }),
      description: z.string(),
      contact: z.object({ name: z.string(), url: z.string(), email: z.string() }),
    }),
    servers: z.array(
      z.object({ url: z.string().openapi({ example: API_PREFIX }), description: z.string().optional() }),
    ),
    tags: z.array(z.object({ name: z.string(), description: z.string().optional() })).optional(),
    paths: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .openapi({ description: 'Pad (relatief aan de server-URL) → methode → operatie' }),
    components: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  })
  .openapi('OpenApiDocument', { description: 'Zie https://spec.openapis.org/oas/v3.0.3' });
export type ContractDocument = z.infer<typeof OpenApiDocumentSchema>;

/**
 * The OpenAPI document as served (GET /v1/openapi.json) and as checked in (docs/openapi.json): server URL /v1 with
 * the paths relative to it (API-20), keys in a stable order so a regenerated document only differs where the API does.
 */
function openApiDocument(app: Api): ContractDocument {
  const generated = app.getOpenAPIDocument({
    openapi: '3.0.3',
    info: {
      title: 'Onderdak API',
      version: API_VERSION,
      description: 'API voor de keten maatschappelijke opvang: van aanmelding tot uitstroom en nazorg.',
      contact: { name: 'Team Onderdak', url: 'https://onderdak.example.nl', email: 'onderdak@example.nl' },
    },
    servers: [{ url: API_PREFIX, description: 'Deze installatie' }],
  });
  const paths = Object.entries(generated.paths ?? {}).map(([path, item]) => {
    if (!path.startsWith(`${API_PREFIX}/`)) {
      throw new Error(`Route ${path} ligt niet onder ${API_PREFIX}/: elk API-pad begint met ${API_PREFIX}/.`);
    }
    return [path.slice(API_PREFIX.length), item] as const;
  });
  // Parsing puts the top level in the schema's order and fails when the generator produces a key it does not know.
  return OpenApiDocumentSchema.parse(sortKeys({ ...generated, paths: Object.fromEntries(paths) }));
}

/**
 * A deep copy with object keys sorted, except the `properties` of a schema, which keep the order in which the
 * schema declares them (the order readers and the generated types show). Integer-like keys (status codes) sort
 * numerically by JavaScript's own rule.
 */
function sortKeys(value: unknown, keepOrder = false): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (!keepOrder) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v, k === 'properties' && !keepOrder)]));
}

/**
 * The contract without a database: the routes are declared on an app whose database is never opened (declaring a
 * route does not touch it). For `npm run openapi` and the contract test.
 */
export function contractDocument(): ContractDocument {
  return openApiDocument(createApp({ database: unopenedDatabase() }));
}

function unopenedDatabase(): Database {
  const unavailable = (): never => {
    throw new Error('Deze app heeft geen database: ze is alleen gemaakt om het OpenAPI-document op te bouwen.');
  };
  return {
    get db() {
      return unavailable();
    },
    get kind() {
      return unavailable();
    },
    execScript: async () => unavailable(),
    flush: async () => unavailable(),
    close: async () => {},
  };
}

// NL API Design Rules: API-Version and security headers on every response. HSTS and `Secure` cookies when the request
// arrived over HTTPS (directly, or X-Forwarded-Proto: https from a trusted proxy), or always with SECURE_COOKIES=1.
const securityHeaders =
  (trusted: readonly string[], secureCookies: boolean): MiddlewareHandler =>
  async (c, next) => {
    await next();
    const h = c.res.headers;
    const https = secureCookies || requestOrigin(c, trusted).https;
    h.set('API-Version', API_VERSION);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    if (https) {
      h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
      const cookies = h.getSetCookie();
      if (cookies.some((v) => !/;\s*secure\s*(;|$)/i.test(v))) {
        h.delete('Set-Cookie');
        for (const v of cookies) h.append('Set-Cookie', /;\s*secure\s*(;|$)/i.test(v) ? v : `${v}; Secure`);
      }
    }
    h.set('Referrer-Policy', 'no-referrer');
    if (c.req.path.startsWith('/v1')) {
      h.set('Cache-Control', 'no-store');
      h.set('Content-Security-Policy', "frame-ancestors 'none'; default-src 'none'");
    } else {
      h.set(
        'Content-Security-Policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
      );
    }
  };

// Session → actor. CSRF token required on every state-changing request except login.
function sessionMiddleware(database: Database, now: () => Date): MiddlewareHandler<Env> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    // Issue 17: the public neighbourhood routes ignore the session cookie (no actor, hence no CSRF; docs/adr/0019).
    const session = isPublicNoSessionPath(c.req.path)
      ? null
      : await sessionFromToken(database.db, token ?? undefined, now());
    c.set('actor', session?.actor ?? null);
    c.set('csrf', session?.csrfToken ?? null);
    c.set('sessionToken', session ? token : null);
    c.set('loginStep', session?.step ?? null);
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      const ct = c.req.header('content-type') ?? '';
      const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
      if (hasBody && !ct.toLowerCase().startsWith('application/json')) {
        return problem(c, 415, 'Verkeerd content-type', 'Stuur gegevens als application/json.');
      }
      const isLogin = c.req.path === '/v1/sessies' && method === 'POST';
      if (!isLogin && session && !csrfMatches(session.csrfToken, c.req.header('x-csrf-token'))) {
        return problem(
          c,
          403,
          'Geen toegang',
          'Het beveiligingstoken (CSRF) ontbreekt of klopt niet. Laad de pagina opnieuw.',
        );
      }
    }
    // Issue 11: a session with a login step to take (new password, two-factor) reaches only that step's routes.
    if (session?.step && !PENDING_STEP_ROUTES.has(`${method} ${c.req.path}`)) {
      return problem(
        c,
        403,
        'Inloggen niet afgerond',
        session.step === 'wachtwoord'
          ? 'Kies eerst een nieuw wachtwoord.'
          : 'Rond eerst het inloggen af met de code uit uw authenticator-app.',
      );
    }
    await next();
  };
}

function pathMatches(pattern: string, actual: string) {
  const re = new RegExp(`^${pattern.replace(/\{[^}]+\}|:[^/]+/g, '[^/]+')}$`);
  return re.test(actual);
}
