import { createRoute, type OpenAPIHono, type RouteConfig, type z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { Actor, Ctx } from '../../rights/context.js';
import { type Action, refusalFor, roleMay, rolesFor } from '../../rights/rights.js';
import type { LoginStep } from '../../rights/sessions.js';
import type { Database } from '../db/database.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { bodyLimitFor, megabytes, rejectNul } from './hardening.js';
import { problemResponses } from './problem.js';

/** Per-request values the session middleware sets. */
export type Env = {
  Variables: {
    actor: Actor | null;
    csrf: string | null;
    sessionToken: string | null;
    /** Issue 11: a login step the session must still take (then only its routes answer); null for a full session. */
    loginStep: LoginStep | null;
  };
};

export type Api = OpenAPIHono<Env>;

/** What an area's route module gets: the app to declare documented routes on, and a way to act as the logged-in user. */
export interface ApiKit {
  app: Api;
  database: Database;
  now: () => Date;
  /** Runs a service function for the logged-in user in one transaction (with its audit rows). */
  run: <T>(c: Context<Env>, fn: (ctx: Ctx) => Promise<T>) => Promise<T>;
  /** The logged-in user, or 401. */
  actorOf: (c: Context<Env>) => Actor;
  /** The address recorded in the audit log. */
  sourceIp: (c: Context<Env>) => string | undefined;
}

export type RouteModule = (kit: ApiKit) => void;

/**
 * Who may call a route: an action of the rights table (src/rights/rights.ts), or `openbaar` (no login) or
 * `ingelogd` (any logged-in user). The service enforces it; the route documents it (`x-actie` and the roles in
 * the description) and the role × route test checks that the two agree.
 */
export type RouteAccess = Action | 'openbaar' | 'ingelogd';

/** The API-Version header every response carries (API-57), documented on every response. */
const versionHeader = {
  'API-Version': {
    description: 'Volledige versie van de API (SemVer)',
    schema: { type: 'string' as const, example: '1.0.0' },
  },
};

/** A documented route: its access, the standard problem responses (400, 401, 403, 500 and the extra ones), and API-Version on every response. */
export function route<R extends RouteConfig>(cfg: R & { access: RouteAccess; extraProblems?: number[] }): R {
  const { extraProblems, access, ...rest } = cfg;
  const roles =
    access === 'openbaar'
      ? 'iedereen, zonder inloggen'
      : access === 'ingelogd'
        ? 'elke ingelogde gebruiker'
        : rolesFor(access).join(', ');
  // A route with a body documents its size limit (413, src/platform/http/hardening.ts).
  const tooLarge = rest.request?.body
    ? {
        413: {
          ...problemResponses(413)[413],
          description: `Aanvraag te groot (meer dan ${megabytes(bodyLimitFor(rest.path))})`,
        },
      }
    : {};
  const responses = Object.fromEntries(
    Object.entries({ ...rest.responses, ...problemResponses(...(extraProblems ?? [])), ...tooLarge }).map(
      ([status, r]) => [
        status,
        { ...(r as object), headers: { ...versionHeader, ...((r as { headers?: object }).headers ?? {}) } },
      ],
    ),
  );
  return createRoute({
    ...rest,
    middleware: [accessGuard(access), rejectNul],
    description: [rest.description, `Rollen: ${roles}.`].filter(Boolean).join('\n\n'),
    'x-actie': access,
    responses,
  } as unknown as R);
}

/**
 * The route's access, checked on the role before the request is even validated: a role without the right gets 403
 * whatever it sends, and nobody learns more from a 400. Row conditions (own facility, status) stay in the service,
 * which authorizes again with the object in hand.
 */
function accessGuard(access: RouteAccess): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (access !== 'openbaar') {
      const actor = c.get('actor');
      if (!actor) throw new UnauthorizedError();
      if (access !== 'ingelogd' && !roleMay(actor.role, access)) throw new ForbiddenError(refusalFor(access));
    }
    await next();
  };
}

/** A required JSON request body. */
export function body<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true as const } };
}

/** A JSON response body with the given schema. */
export function jsonContent<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } } };
}

/** HAL paging links (API-42) instead of the service's heeftVolgende flag. */
export function withLinks<T extends { pagina: number; paginaGrootte: number; heeftVolgende: boolean }>(
  c: Context,
  r: T,
) {
  const url = new URL(c.req.url);
  const link = (page: number) => {
    const u = new URL(url);
    u.searchParams.set('pagina', String(page));
    u.searchParams.set('paginaGrootte', String(r.paginaGrootte));
    return { href: u.pathname + u.search };
  };
  const { heeftVolgende, ...rest } = r;
  return {
    ...rest,
    _links: {
      self: link(r.pagina),
      ...(heeftVolgende ? { next: link(r.pagina + 1) } : {}),
      ...(r.pagina > 1 ? { prev: link(r.pagina - 1) } : {}),
    },
  };
}
