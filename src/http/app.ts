import { OpenAPIHono, createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.js';
import { inTransaction, type Actor, type Ctx } from '../domain/context.js';
import { DomainError, UnauthorizedError, ForbiddenError, NotFoundError } from '../lib/errors.js';
import { problem, problemResponses, zodIssuesToParams } from './problem.js';
import * as S from './schemas.js';
import { login, logout, sessionFromToken, csrfMatches } from '../domain/auth/auth.js';
import { userAbilities } from '../domain/access/policy.js';
import { createClient, findDuplicates, getClientFile, mergeClients, searchClients } from '../domain/clients/clients.js';
import { createRegistration, decide, getRegistration, listRegistrations, recordScreening } from '../domain/registrations/registrations.js';
import { bedBoard, createFacility, createUnit, listFacilities } from '../domain/facilities/facilities.js';
import { endStay, moveStay, placeClient, registerExit } from '../domain/placements/placements.js';
import { createUser, listUsers, unlockUser } from '../domain/users/users.js';
import { auditTrail } from '../domain/audit/audit.js';
import { referenceData } from './reference-route.js';
import { ROUTE_MODULES } from './routes/index.js';

export const API_VERSION = '1.0.0';

/** What a route module gets: helpers to declare documented routes and to run domain functions as the logged-in user. */
export interface ApiKit {
  database: Database;
  now: () => Date;
  route: <R extends RouteConfig>(cfg: R & { extraProblems?: number[] }) => R;
  body: <T extends z.ZodType>(schema: T) => { body: { content: { 'application/json': { schema: T } }; required: true } };
  json: (schemaName: string) => { content: { 'application/json': { schema: z.ZodType } } };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  h: (r: RouteConfig, handler: (c: any) => Promise<Response>) => unknown;
  run: <T>(c: Context<Env>, fn: (ctx: Ctx) => Promise<T>) => Promise<T>;
  actorOf: (c: Context<Env>) => Actor;
  withLinks: typeof withLinks;
}
export const SESSION_COOKIE = 'onderdak_sessie';

z.config(z.locales.nl());

export type Env = { Variables: { actor: Actor | null; csrf: string | null; sessionToken: string | null } };

export interface AppOptions { database: Database; staticDir?: string; now?: () => Date; secureCookies?: boolean }

export function createApp(opts: AppOptions) {
  const { database } = opts;
  const now = opts.now ?? (() => new Date());
  const app = new OpenAPIHono<Env>({
    strict: true,
    defaultHook: (result, c) => {
      if (!result.success) return problem(c, 400, 'Ongeldige invoer', 'Een of meer velden zijn niet goed ingevuld.', zodIssuesToParams(result.error.issues as never));
    },
  });

  // NL API Design Rules: API-Version and security headers on every response.
  app.use('*', async (c, next) => {
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
      h.set('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
    }
  });

  app.onError((err, c) => {
    if (err instanceof DomainError) return problem(c, err.status, err.title, err.message, err.invalidParams);
    if (err instanceof SyntaxError) return problem(c, 400, 'Ongeldige invoer', 'De aanvraag bevat geen geldige JSON.');
    console.error(err);
    return problem(c, 500, 'Interne fout', 'Er ging iets mis aan onze kant. Uw gegevens zijn niet gewijzigd; probeer het opnieuw.');
  });

  // Session → actor. CSRF token required on every state-changing request except login.
  const sessionMiddleware: MiddlewareHandler<Env> = async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    const session = await sessionFromToken(database.db, token ?? undefined, now());
    c.set('actor', session?.actor ?? null);
    c.set('csrf', session?.csrfToken ?? null);
    c.set('sessionToken', session ? token : null);
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      const ct = c.req.header('content-type') ?? '';
      const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
      if (hasBody && !ct.toLowerCase().startsWith('application/json')) return problem(c, 415, 'Verkeerd content-type', 'Stuur gegevens als application/json.');
      const isLogin = c.req.path === '/v1/sessies' && method === 'POST';
      if (!isLogin && session && !csrfMatches(session.csrfToken, c.req.header('x-csrf-token'))) {
        return problem(c, 403, 'Geen toegang', 'Het beveiligingstoken (CSRF) ontbreekt of klopt niet. Laad de pagina opnieuw.');
      }
    }
    await next();
  };
  app.use('/v1/*', sessionMiddleware);

  const actorOf = (c: Context<Env>): Actor => {
    const a = c.get('actor');
    if (!a) throw new UnauthorizedError();
    return a;
  };
  const ip = (c: Context<Env>) => c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  /** Runs a domain function for the logged-in user in one transaction (with its audit rows). */
  const run = <T>(c: Context<Env>, fn: (ctx: Ctx) => Promise<T>) => inTransaction(database, actorOf(c), fn, { now: now(), sourceIp: ip(c) });

  const json = (schemaName: string) => ({ content: { 'application/json': { schema: S.AnyObject.openapi(schemaName) } } });
  function route<R extends RouteConfig>(cfg: R & { extraProblems?: number[] }) {
    const { extraProblems, ...rest } = cfg;
    return createRoute({ ...rest, responses: { ...rest.responses, ...problemResponses(...(extraProblems ?? [])) } } as unknown as R);
  }
  const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true as const } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const h = (r: RouteConfig, handler: (c: any) => Promise<Response>) => app.openapi(r as never, handler as never);

  // ---------- sessions ----------
  h(route({ method: 'post', path: '/v1/sessies', tags: ['Sessies'], summary: 'Inloggen met gebruikersnaam en wachtwoord', request: body(S.Login), responses: { 201: { description: 'Ingelogd', ...json('Sessie') } }, extraProblems: [423] }), async (c) => {
    const { gebruikersnaam, wachtwoord } = c.req.valid('json');
    const session = await login(database.db, gebruikersnaam, wachtwoord, now(), ip(c));
    await database.flush();
    setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Strict', secure: opts.secureCookies ?? false, path: '/', maxAge: 10 * 3600 });
    return c.json({ gebruiker: await userDto(session.actor), csrfToken: session.csrfToken }, 201);
  });
  h(route({ method: 'get', path: '/v1/sessies/huidig', tags: ['Sessies'], summary: 'De ingelogde gebruiker', responses: { 200: { description: 'Sessie', ...json('Sessie') } } }), async (c) => {
    return c.json({ gebruiker: await userDto(actorOf(c)), csrfToken: c.get('csrf') });
  });
  h(route({ method: 'delete', path: '/v1/sessies/huidig', tags: ['Sessies'], summary: 'Uitloggen', responses: { 204: { description: 'Uitgelogd' } } }), async (c) => {
    actorOf(c);
    await logout(database.db, c.get('sessionToken')!);
    await database.flush();
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  async function userDto(a: Actor) {
    const t = await database.db.selectFrom('tenants').select(['id', 'name', 'settings']).where('id', '=', a.tenantId).executeTakeFirst();
    const theme = ((t?.settings as { thema?: { primair: string; logoTekst: string } } | undefined)?.thema) ?? { primair: '#154273', logoTekst: t?.name ?? '' };
    const roleLabel = (await import('../domain/reference/reference.js')).ROLES.find((r) => r.code === a.role)?.label ?? a.role;
    return { id: a.userId, gebruikersnaam: a.username, naam: a.displayName, rol: a.role, rolLabel: roleLabel, tenant: { id: a.tenantId, naam: t?.name ?? '', thema: theme }, locatieId: a.facilityId, clientId: a.clientId, mogelijkheden: userAbilities(a) };
  }

  // ---------- reference ----------
  h(route({ method: 'get', path: '/v1/referentie', tags: ['Referentie'], summary: 'Keuzelijsten: gemeenten, aanleidingen, bronnen, bestemmingen', responses: { 200: { description: 'Referentiedata', ...json('Referentie') } } }), async (c) => {
    const a = actorOf(c);
    return c.json(await referenceData(database.db, a.tenantId));
  });

  // ---------- clients ----------
  h(route({ method: 'get', path: '/v1/clienten', tags: ['Cliënten'], summary: 'Cliënten zoeken (met paginering)', request: { query: S.ClientQuery }, responses: { 200: { description: 'Zoekresultaat', ...json('ClientenLijst') } } }), async (c) => {
    const q = c.req.valid('query');
    const r = await run(c, (ctx) => searchClients(ctx, q));
    return c.json(withLinks(c, r));
  });
  h(route({ method: 'post', path: '/v1/clienten/_dubbelen', tags: ['Cliënten'], summary: 'Mogelijke dubbele registraties zoeken (BSN in de body, nooit in de URL)', request: body(S.DuplicateQuery), responses: { 200: { description: 'Kandidaten', ...json('Dubbelen') } } }), async (c) => {
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => findDuplicates(ctx, input)));
  });
  h(route({ method: 'post', path: '/v1/clienten', tags: ['Cliënten'], summary: 'Cliënt registreren', request: body(S.NewClient), responses: { 201: { description: 'Aangemaakt', ...json('Client') } }, extraProblems: [409] }), async (c) => {
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => createClient(ctx, input)), 201);
  });
  h(route({ method: 'get', path: '/v1/clienten/{id}', tags: ['Cliënten'], summary: 'Dossier van een cliënt met tijdlijn', request: { params: S.IdParam }, responses: { 200: { description: 'Dossier', ...json('Client') } }, extraProblems: [404] }), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await run(c, (ctx) => getClientFile(ctx, id)));
  });
  h(route({ method: 'post', path: '/v1/clienten/{id}/samenvoegingen', tags: ['Cliënten'], summary: 'Dubbel dossier samenvoegen in dit dossier', request: { params: S.IdParam, ...body(S.Merge) }, responses: { 200: { description: 'Samengevoegd dossier', ...json('Client') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    const { samenTeVoegenClientId } = c.req.valid('json');
    return c.json(await run(c, (ctx) => mergeClients(ctx, id, samenTeVoegenClientId)));
  });
  h(route({ method: 'get', path: '/v1/clienten/{id}/inzagelog', tags: ['Cliënten'], summary: 'Wie heeft dit dossier ingezien of gewijzigd (NEN 7513)', request: { params: S.IdParam }, responses: { 200: { description: 'Logregels', ...json('Inzagelog') } }, extraProblems: [404] }), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await run(c, async (ctx) => {
      const a = ctx.actor;
      if (a.role === 'client' ? a.clientId !== id : !['beheerder', 'toegang'].includes(a.role)) throw new ForbiddenError('U mag het inzagelog van dit dossier niet bekijken.');
      const exists = await ctx.db.selectFrom('clients').select('id').where('id', '=', id).where('tenant_id', '=', a.tenantId).executeTakeFirst();
      if (!exists) throw new NotFoundError('Cliënt niet gevonden.');
      const rows = await auditTrail(ctx, id);
      return { resultaten: rows.map((r) => ({ tijdstip: new Date(r.at).toISOString(), gebruiker: r.username, rol: r.role, actie: r.action, onderdeel: r.resource, toelichting: r.detail, grondslag: r.basis, vanaf: r.source_ip, noodtoegang: r.emergency })) };
    }));
  });

  // ---------- registrations ----------
  h(route({ method: 'get', path: '/v1/aanmeldingen', tags: ['Aanmeldingen'], summary: 'Aanmeldingen (werklijst)', request: { query: S.RegistrationQuery }, responses: { 200: { description: 'Lijst', ...json('AanmeldingenLijst') } } }), async (c) => {
    const q = c.req.valid('query');
    return c.json(withLinks(c, await run(c, (ctx) => listRegistrations(ctx, q))));
  });
  h(route({ method: 'post', path: '/v1/aanmeldingen', tags: ['Aanmeldingen'], summary: 'Aanmelding registreren', request: body(S.NewRegistration), responses: { 201: { description: 'Aangemaakt', ...json('Aanmelding') } }, extraProblems: [404] }), async (c) => {
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => createRegistration(ctx, input)), 201);
  });
  h(route({ method: 'get', path: '/v1/aanmeldingen/{id}', tags: ['Aanmeldingen'], summary: 'Eén aanmelding', request: { params: S.IdParam }, responses: { 200: { description: 'Aanmelding', ...json('Aanmelding') } }, extraProblems: [404] }), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await run(c, (ctx) => getRegistration(ctx, id)));
  });
  h(route({ method: 'post', path: '/v1/aanmeldingen/{id}/screeningen', tags: ['Aanmeldingen'], summary: 'Screening vastleggen', request: { params: S.IdParam, ...body(S.Screening) }, responses: { 201: { description: 'Vastgelegd', ...json('Aanmelding') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => recordScreening(ctx, id, input)), 201);
  });
  h(route({ method: 'post', path: '/v1/aanmeldingen/{id}/besluiten', tags: ['Aanmeldingen'], summary: 'Toegangsbesluit nemen (met regiobinding)', request: { params: S.IdParam, ...body(S.Decision) }, responses: { 201: { description: 'Besluit', ...json('Toegangsbesluit') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => decide(ctx, id, input)), 201);
  });

  // ---------- facilities ----------
  h(route({ method: 'get', path: '/v1/locaties', tags: ['Locaties'], summary: 'Locaties met bezetting', responses: { 200: { description: 'Lijst', ...json('Locaties') } } }), async (c) => c.json(await run(c, (ctx) => listFacilities(ctx))));
  h(route({ method: 'post', path: '/v1/locaties', tags: ['Locaties'], summary: 'Locatie toevoegen (beheerder)', request: body(S.NewFacility), responses: { 201: { description: 'Aangemaakt', ...json('Locatie') } } }), async (c) => {
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => createFacility(ctx, input)), 201);
  });
  h(route({ method: 'get', path: '/v1/locaties/{id}/bezetting', tags: ['Locaties'], summary: 'Live beddenbord van een locatie', request: { params: S.IdParam }, responses: { 200: { description: 'Beddenbord', ...json('Bezetting') } }, extraProblems: [404] }), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await run(c, (ctx) => bedBoard(ctx, id)));
  });
  h(route({ method: 'post', path: '/v1/locaties/{id}/eenheden', tags: ['Locaties'], summary: 'Eenheid (kamer) toevoegen (beheerder)', request: { params: S.IdParam, ...body(S.NewUnit) }, responses: { 201: { description: 'Aangemaakt', ...json('Eenheid') } }, extraProblems: [404] }), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => createUnit(ctx, id, input)), 201);
  });

  // ---------- placements and exits ----------
  h(route({ method: 'post', path: '/v1/plaatsingen', tags: ['Plaatsingen'], summary: 'Cliënt (of huishouden) plaatsen in een eenheid', request: body(S.Placement), responses: { 201: { description: 'Geplaatst', ...json('Verblijf') } }, extraProblems: [404, 409] }), async (c) => {
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => placeClient(ctx, input)), 201);
  });
  h(route({ method: 'post', path: '/v1/plaatsingen/{id}/verhuizingen', tags: ['Plaatsingen'], summary: 'Verhuizen naar een andere eenheid', request: { params: S.IdParam, ...body(S.Move) }, responses: { 201: { description: 'Nieuw verblijf', ...json('Verblijf') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => moveStay(ctx, id, input)), 201);
  });
  h(route({ method: 'post', path: '/v1/plaatsingen/{id}/beeindigingen', tags: ['Plaatsingen'], summary: 'Verblijf beëindigen', request: { params: S.IdParam, ...body(S.EndStay) }, responses: { 200: { description: 'Beëindigd', ...json('Verblijf') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => endStay(ctx, id, input)));
  });
  h(route({ method: 'post', path: '/v1/trajecten/{id}/uitstroom', tags: ['Trajecten'], summary: 'Uitstroom registreren (einddatum en bestemming)', request: { params: S.IdParam, ...body(S.Exit) }, responses: { 200: { description: 'Traject beëindigd', ...json('Traject') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => registerExit(ctx, id, input)));
  });

  // ---------- users ----------
  h(route({ method: 'get', path: '/v1/gebruikers', tags: ['Beheer'], summary: 'Gebruikers van de eigen centrumgemeente', responses: { 200: { description: 'Lijst', ...json('Gebruikers') } } }), async (c) => c.json(await run(c, (ctx) => listUsers(ctx))));
  h(route({ method: 'post', path: '/v1/gebruikers', tags: ['Beheer'], summary: 'Gebruiker aanmaken', request: body(S.NewUser), responses: { 201: { description: 'Aangemaakt', ...json('Gebruiker') } } }), async (c) => {
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => createUser(ctx, input)), 201);
  });
  h(route({ method: 'post', path: '/v1/gebruikers/{id}/deblokkeringen', tags: ['Beheer'], summary: 'Geblokkeerd account vrijgeven', request: { params: S.IdParam }, responses: { 201: { description: 'Vrijgegeven', ...json('Gebruiker') } }, extraProblems: [404] }), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await run(c, (ctx) => unlockUser(ctx, id)), 201);
  });

  // ---------- reports: src/http/routes/rapportages.ts ----------

  // Route modules of the other areas (one file each in ./routes), sharing the same kit.
  const kit: ApiKit = { database, now, route, body, json, h, run, actorOf, withLinks };
  for (const register of ROUTE_MODULES) register(kit);

  // ---------- OpenAPI (public, CORS *) ----------
  app.get('/v1/openapi.json', (c) => {
    const doc = app.getOpenAPIDocument({
      openapi: '3.0.3',
      info: {
        title: 'Onderdak API', version: API_VERSION,
        description: 'API voor de keten maatschappelijke opvang: van aanmelding tot uitstroom en nazorg.',
        contact: { name: 'Team Onderdak', url: 'https://onderdak.example.nl', email: 'onderdak@example.nl' },
      },
      servers: [{ url: '/', description: 'Deze installatie (paden beginnen met /v1)' }],
    });
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(doc);
  });
  app.get('/v1', (c) => c.json({ naam: 'Onderdak API', versie: API_VERSION, openapi: '/v1/openapi.json' }));

  // 405 with Allow for a known path with another method; problem+json 404 for unknown API paths.
  app.notFound((c) => {
    if (c.req.path.startsWith('/v1')) {
      const allowed = app.routes.filter((r) => r.method !== 'ALL' && pathMatches(r.path, c.req.path)).map((r) => r.method);
      if (allowed.length) return problem(c, 405, 'Methode niet toegestaan', `Gebruik ${[...new Set(allowed)].join(', ')} voor dit pad.`, undefined, { Allow: [...new Set(allowed)].join(', ') });
      return problem(c, 404, 'Niet gevonden', 'Deze API-bron bestaat niet.');
    }
    return serveStatic(c, opts.staticDir);
  });
  return app;
}

function pathMatches(pattern: string, actual: string) {
  const re = new RegExp('^' + pattern.replace(/\{[^}]+\}|:[^/]+/g, '[^/]+') + '$');
  return re.test(actual);
}

function withLinks<T extends { pagina: number; paginaGrootte: number; heeftVolgende: boolean }>(c: Context, r: T) {
  const url = new URL(c.req.url);
  const link = (page: number) => { const u = new URL(url); u.searchParams.set('pagina', String(page)); u.searchParams.set('paginaGrootte', String(r.paginaGrootte)); return { href: u.pathname + u.search }; };
  const { heeftVolgende, ...rest } = r;
  return { ...rest, _links: { self: link(r.pagina), ...(heeftVolgende ? { next: link(r.pagina + 1) } : {}), ...(r.pagina > 1 ? { prev: link(r.pagina - 1) } : {}) } };
}

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.geojson': 'application/geo+json' };

function serveStatic(c: Context, dir: string | undefined) {
  if (!dir || !fs.existsSync(dir)) return c.text('De webinterface is niet gebouwd. Draai `npm run build:web`.', 404);
  const rel = path.normalize(decodeURIComponent(c.req.path)).replace(/^([/\\])+/, '');
  let file = path.join(dir, rel);
  if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dir, 'index.html'); // SPA fallback
  const ext = path.extname(file);
  const headers: Record<string, string> = { 'Content-Type': MIME[ext] ?? 'application/octet-stream' };
  headers['Cache-Control'] = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  return new Response(fs.readFileSync(file), { status: 200, headers });
}
