// Inloggen en uitloggen; the session user with the abilities (mogelijkheden) of the rights table.
import { deleteCookie, setCookie } from 'hono/cookie';
import { jsonContent, route, body, type ApiKit } from '../../platform/http/kit.js';
import { Login } from '../../platform/http/schemas.js';
import { UnauthorizedError } from '../../platform/errors.js';
import { login, logout, SESSION_COOKIE, SESSION_HOURS } from '../../rights/sessions.js';
import { Sessie } from './session.dto.js';
import { currentSessionUser, sessionUser } from './session.service.js';

const tags = ['Sessies'];

export function registerSessionRoutes(kit: ApiKit) {
  const { app, database, now } = kit;
  app.openapi(
    route({ method: 'post', path: '/v1/sessies', access: 'openbaar', tags, summary: 'Inloggen met gebruikersnaam en wachtwoord', request: body(Login), responses: { 201: { description: 'Ingelogd', ...jsonContent(Sessie) } }, extraProblems: [423] }),
    async (c) => {
      const { gebruikersnaam, wachtwoord } = c.req.valid('json');
      const session = await login(database.db, gebruikersnaam, wachtwoord, now(), kit.sourceIp(c));
      await database.flush();
      setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Strict', secure: kit.secureCookies, path: '/', maxAge: SESSION_HOURS * 3600 });
      return c.json({ gebruiker: await sessionUser(database.db, session.actor), csrfToken: session.csrfToken }, 201);
    },
  );
  app.openapi(
    route({ method: 'get', path: '/v1/sessies/huidig', access: 'ingelogd', tags, summary: 'De ingelogde gebruiker', responses: { 200: { description: 'Sessie', ...jsonContent(Sessie) } } }),
    async (c) => {
      const gebruiker = await kit.run(c, (ctx) => currentSessionUser(ctx));
      const csrfToken = c.get('csrf');
      if (!csrfToken) throw new UnauthorizedError();
      return c.json({ gebruiker, csrfToken }, 200);
    },
  );
  app.openapi(
    route({ method: 'delete', path: '/v1/sessies/huidig', access: 'ingelogd', tags, summary: 'Uitloggen', responses: { 204: { description: 'Uitgelogd' } } }),
    async (c) => {
      kit.actorOf(c);
      await logout(database.db, c.get('sessionToken') ?? '');
      await database.flush();
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
}
