import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AREA_ROUTES } from './areas/index.js';
import type { Database } from './platform/db/database.js';
import { DomainError, UnauthorizedError } from './platform/errors.js';
import type { ApiKit, Env } from './platform/http/kit.js';
import { problem, zodIssuesToParams } from './platform/http/problem.js';
import { serveStatic } from './platform/http/static.js';
import { inTransaction, type Actor, type Ctx } from './rights/context.js';
import { csrfMatches, SESSION_COOKIE, sessionFromToken } from './rights/sessions.js';

export const API_VERSION = '1.0.0';
export type { Env } from './platform/http/kit.js';

z.config(z.locales.nl());

export interface AppOptions {
  database: Database;
  staticDir?: string;
  now?: () => Date;
  secureCookies?: boolean;
}

/** The whole application: API (every area's routes under /v1) and the built web interface. */
export function createApp(opts: AppOptions) {
  const { database } = opts;
  const now = opts.now ?? (() => new Date());
  const app = new OpenAPIHono<Env>({
    strict: true,
    defaultHook: (result, c) => {
      if (!result.success) {
        return problem(c, 400, 'Ongeldige invoer', 'Een of meer velden zijn niet goed ingevuld.', zodIssuesToParams(result.error.issues as never));
      }
    },
  });

  app.use('*', securityHeaders);
  app.onError((err, c) => {
    if (err instanceof DomainError) return problem(c, err.status, err.title, err.message, err.invalidParams);
    if (err instanceof SyntaxError) return problem(c, 400, 'Ongeldige invoer', 'De aanvraag bevat geen geldige JSON.');
    console.error(err);
    return problem(c, 500, 'Interne fout', 'Er ging iets mis aan onze kant. Uw gegevens zijn niet gewijzigd; probeer het opnieuw.');
  });
  app.use('/v1/*', sessionMiddleware(database, now));

  const actorOf = (c: Context<Env>): Actor => {
    const a = c.get('actor');
    if (!a) throw new UnauthorizedError();
    return a;
  };
  const sourceIp = (c: Context<Env>) =>
    c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ??
    (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  const run = <T>(c: Context<Env>, fn: (ctx: Ctx) => Promise<T>) =>
    inTransaction(database, actorOf(c), fn, { now: now(), sourceIp: sourceIp(c) });

  const kit: ApiKit = { app, database, now, secureCookies: opts.secureCookies ?? false, run, actorOf, sourceIp };
  for (const register of AREA_ROUTES) register(kit);

  // The contract: public, CORS * (API-51).
  app.get('/v1/openapi.json', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(openApiDocument(app));
  });
  app.get('/v1', (c) => c.json({ naam: 'Onderdak API', versie: API_VERSION, openapi: '/v1/openapi.json' }));

  // 405 with Allow for a known path with another method; problem+json 404 for unknown API paths.
  app.notFound((c) => {
    if (c.req.path.startsWith('/v1')) {
      const allowed = [...new Set(app.routes.filter((r) => r.method !== 'ALL' && pathMatches(r.path, c.req.path)).map((r) => r.method))];
      if (allowed.length) {
        return problem(c, 405, 'Methode niet toegestaan', `Gebruik ${allowed.join(', ')} voor dit pad.`, undefined, { Allow: allowed.join(', ') });
      }
      return problem(c, 404, 'Niet gevonden', 'Deze API-bron bestaat niet.');
    }
    return serveStatic(c, opts.staticDir);
  });
  return app;
}

/** The OpenAPI document as served and as checked in (docs/openapi.json). */
export function openApiDocument(app: OpenAPIHono<Env>) {
  return app.getOpenAPIDocument({
    openapi: '3.0.3',
    info: {
      title: 'Onderdak API',
      version: API_VERSION,
      description: 'API voor de keten maatschappelijke opvang: van aanmelding tot uitstroom en nazorg.',
      contact: { name: 'Team Onderdak', url: 'https://onderdak.example.nl', email: 'onderdak@example.nl' },
    },
    servers: [{ url: '/', description: 'Deze installatie (paden beginnen met /v1)' }],
  });
}

// NL API Design Rules: API-Version and security headers on every response.
const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set('API-Version', API_VERSION);
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('X-Frame-Options', 'DENY');
  h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
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
    const session = await sessionFromToken(database.db, token ?? undefined, now());
    c.set('actor', session?.actor ?? null);
    c.set('csrf', session?.csrfToken ?? null);
    c.set('sessionToken', session ? token : null);
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      const ct = c.req.header('content-type') ?? '';
      const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
      if (hasBody && !ct.toLowerCase().startsWith('application/json')) {
        return problem(c, 415, 'Verkeerd content-type', 'Stuur gegevens als application/json.');
      }
      const isLogin = c.req.path === '/v1/sessies' && method === 'POST';
      if (!isLogin && session && !csrfMatches(session.csrfToken, c.req.header('x-csrf-token'))) {
        return problem(c, 403, 'Geen toegang', 'Het beveiligingstoken (CSRF) ontbreekt of klopt niet. Laad de pagina opnieuw.');
      }
    }
    await next();
  };
}

function pathMatches(pattern: string, actual: string) {
  const re = new RegExp(`^${pattern.replace(/\{[^}]+\}|:[^/]+/g, '[^/]+')}$`);
  return re.test(actual);
}
