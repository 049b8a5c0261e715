// Beheer: gebruikers van de eigen centrumgemeente, and the reference lists every screen uses.
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { IdParam, NewUser } from '../../platform/http/schemas.js';
import { referenceData } from './reference-data.js';
import { Referentie } from './session.dto.js';
import { Gebruiker, Gebruikers } from './users.dto.js';
import { createUser, listUsers, unlockUser } from './users.service.js';

export function registerAdminRoutes(kit: ApiKit) {
  const { app, run } = kit;
  app.openapi(
    route({
      method: 'get',
      path: '/v1/referentie',
      access: 'ingelogd',
      tags: ['Referentie'],
      summary: 'Keuzelijsten: gemeenten, aanleidingen, bronnen, bestemmingen',
      responses: { 200: { description: 'Referentiedata', ...jsonContent(Referentie) } },
    }),
    async (c) => c.json(await referenceData(kit.database.db, kit.actorOf(c).tenantId), 200),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/gebruikers',
      access: 'gebruikers.beheren',
      tags: ['Beheer'],
      summary: 'Gebruikers van de eigen centrumgemeente',
      responses: { 200: { description: 'Lijst', ...jsonContent(Gebruikers) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listUsers(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/gebruikers',
      access: 'gebruikers.beheren',
      tags: ['Beheer'],
      summary: 'Gebruiker aanmaken',
      request: body(NewUser),
      responses: { 201: { description: 'Aangemaakt', ...jsonContent(Gebruiker) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createUser(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/gebruikers/{id}/deblokkeringen',
      access: 'gebruikers.beheren',
      tags: ['Beheer'],
      summary: 'Geblokkeerd account vrijgeven',
      request: { params: IdParam },
      responses: { 201: { description: 'Vrijgegeven', ...jsonContent(Gebruiker) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => unlockUser(ctx, id)), 201);
    },
  );
}
