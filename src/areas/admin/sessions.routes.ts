// Inloggen en uitloggen; the session user with the abilities (mogelijkheden) of the rights table.
import { deleteCookie, setCookie } from 'hono/cookie';
import { json, route, body, type ApiKit } from '../../platform/http/kit.js';
import { Login } from '../../platform/http/schemas.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../rights/context.js';
import { abilities } from '../../rights/rights.js';
import { login, logout, SESSION_COOKIE, SESSION_HOURS } from '../../rights/sessions.js';
import { ROLES } from '../../reference/reference.js';

const tags = ['Sessies'];

export function registerSessionRoutes(kit: ApiKit) {
  const { app, database, now } = kit;
  app.openapi(
    route({ method: 'post', path: '/v1/sessies', tags, summary: 'Inloggen met gebruikersnaam en wachtwoord', request: body(Login), responses: { 201: { description: 'Ingelogd', ...json('Sessie') } }, extraProblems: [423] }),
    async (c) => {
      const { gebruikersnaam, wachtwoord } = c.req.valid('json');
      const session = await login(database.db, gebruikersnaam, wachtwoord, now(), kit.sourceIp(c));
      await database.flush();
      setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Strict', secure: kit.secureCookies, path: '/', maxAge: SESSION_HOURS * 3600 });
      return c.json({ gebruiker: await sessionUser(database.db, session.actor), csrfToken: session.csrfToken }, 201);
    },
  );
  app.openapi(
    route({ method: 'get', path: '/v1/sessies/huidig', tags, summary: 'De ingelogde gebruiker', responses: { 200: { description: 'Sessie', ...json('Sessie') } } }),
    async (c) => c.json({ gebruiker: await sessionUser(database.db, kit.actorOf(c)), csrfToken: c.get('csrf') }),
  );
  app.openapi(
    route({ method: 'delete', path: '/v1/sessies/huidig', tags, summary: 'Uitloggen', responses: { 204: { description: 'Uitgelogd' } } }),
    async (c) => {
      kit.actorOf(c);
      await logout(database.db, c.get('sessionToken') ?? '');
      await database.flush();
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
}

/** The logged-in user as the web interface needs it: name, role, tenant theme and what the user may do. */
async function sessionUser(db: Db, a: Actor) {
  const t = await db.selectFrom('tenants').select(['id', 'name', 'settings']).where('id', '=', a.tenantId).executeTakeFirst();
  const settings = t?.settings as { thema?: { primair: string; logoTekst: string } } | undefined;
  const theme = settings?.thema ?? { primair: '#154273', logoTekst: t?.name ?? '' };
  return {
    id: a.userId,
    gebruikersnaam: a.username,
    naam: a.displayName,
    rol: a.role,
    rolLabel: ROLES.find((r) => r.code === a.role)?.label ?? a.role,
    tenant: { id: a.tenantId, naam: t?.name ?? '', thema: theme },
    locatieId: a.facilityId,
    clientId: a.clientId,
    mogelijkheden: abilities(a),
  };
}
