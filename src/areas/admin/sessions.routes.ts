// Inloggen en uitloggen; the session user with the abilities (mogelijkheden) of the rights table.
import { deleteCookie, setCookie } from 'hono/cookie';
import { UnauthorizedError } from '../../platform/errors.js';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { ProblemSchema } from '../../platform/http/problem.js';
import { Login } from '../../platform/http/schemas.js';
import {
  LOCKOUT_MINUTES,
  login,
  logout,
  MAX_FAILED_LOGINS,
  SESSION_COOKIE,
  SESSION_HOURS,
  type Session,
} from '../../rights/sessions.js';
import { Sessie } from './session.dto.js';
import { currentSessionUser, sessionUser } from './session.service.js';

const tags = ['Sessies'];

export function registerSessionRoutes(kit: ApiKit) {
  const { app, database, now } = kit;
  app.openapi(
    route({
      method: 'post',
      path: '/v1/sessies',
      access: 'openbaar',
      tags,
      summary: 'Inloggen met gebruikersnaam en wachtwoord',
      request: body(Login),
      description: `Na ${MAX_FAILED_LOGINS} mislukte pogingen is een gebruikersnaam ${LOCKOUT_MINUTES} minuten geblokkeerd (423 met Retry-After), ook een onbekende. Na herhaalde mislukte pogingen vanaf één adres moet dat adres steeds langer wachten (429 met Retry-After).`,
      responses: {
        201: { description: 'Ingelogd', ...jsonContent(Sessie) },
        429: {
          description: 'Te veel mislukte pogingen vanaf dit adres',
          headers: {
            'Retry-After': { description: 'Aantal seconden tot een nieuwe poging', schema: { type: 'integer' } },
          },
          content: { 'application/problem+json': { schema: ProblemSchema } },
        },
        423: {
          description: 'Gebruikersnaam tijdelijk geblokkeerd',
          headers: {
            'Retry-After': { description: 'Aantal seconden tot de blokkade afloopt', schema: { type: 'integer' } },
          },
          content: { 'application/problem+json': { schema: ProblemSchema } },
        },
      },
    }),
    async (c) => {
      const { gebruikersnaam, wachtwoord } = c.req.valid('json');
      let session: Session;
      try {
        session = await login(database.db, gebruikersnaam, wachtwoord, now(), kit.sourceIp(c));
      } finally {
        await database.flush(); // a failed attempt was counted and logged too
      }
      // `Secure` is added for every cookie by the security-headers middleware (HTTPS or SECURE_COOKIES=1, src/app.ts).
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return c.json(
        { gebruiker: await sessionUser(database.db, session.actor, session.step), csrfToken: session.csrfToken },
        201,
      );
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/sessies/huidig',
      access: 'ingelogd',
      tags,
      summary: 'De ingelogde gebruiker',
      responses: { 200: { description: 'Sessie', ...jsonContent(Sessie) } },
    }),
    async (c) => {
      const gebruiker = await kit.run(c, (ctx) => currentSessionUser(ctx, c.get('loginStep')));
      const csrfToken = c.get('csrf');
      if (!csrfToken) throw new UnauthorizedError();
      return c.json({ gebruiker, csrfToken }, 200);
    },
  );
  app.openapi(
    route({
      method: 'delete',
      path: '/v1/sessies/huidig',
      access: 'ingelogd',
      tags,
      summary: 'Uitloggen',
      responses: { 204: { description: 'Uitgelogd' } },
    }),
    async (c) => {
      kit.actorOf(c);
      await logout(database.db, c.get('sessionToken') ?? '');
      await database.flush();
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
}
