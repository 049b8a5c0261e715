// Centrale toegang: cliënten (zoeken, registreren, dubbelen, samenvoegen, inzagelog) and aanmeldingen
// (screening, toegangsbesluit met regiobinding).
import { type ApiKit, body, jsonContent, route, withLinks } from '../../platform/http/kit.js';
import * as S from '../../platform/http/schemas.js';
import { clientAuditLog } from '../../rights/audit.js';
import { Client, ClientenLijst, ClientenZoekresultaat, Dubbelen, Inzagelog } from './clients.dto.js';
import { createClient, findDuplicates, getClientFile, mergeClients, searchClients } from './clients.service.js';
import { Aanmelding, AanmeldingenLijst, Toegangsbesluit } from './registrations.dto.js';
import {
  createRegistration,
  decide,
  getRegistration,
  listRegistrations,
  recordScreening,
  withdrawRegistration,
} from './registrations.service.js';

export function registerIntakeRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const clientTags = ['Cliënten'];
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten',
      access: 'clienten.zien',
      tags: clientTags,
      summary: 'Cliënten zoeken (met paginering)',
      request: { query: S.ClientQuery },
      responses: { 200: { description: 'Zoekresultaat', ...jsonContent(ClientenLijst) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(withLinks(c, await run(c, (ctx) => searchClients(ctx, q))), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten/_zoek',
      access: 'clienten.zien',
      tags: clientTags,
      summary: 'Cliënten zoeken op BSN en/of zoekterm (BSN in de body, nooit in de URL)',
      request: body(S.ClientSearch),
      responses: { 200: { description: 'Zoekresultaat', ...jsonContent(ClientenZoekresultaat) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { heeftVolgende: _, ...lijst } = await run(c, (ctx) =>
        searchClients(ctx, {
          zoek: input.zoek ?? undefined,
          bsn: input.bsn,
          pagina: input.pagina,
          paginaGrootte: input.paginaGrootte,
        }),
      );
      return c.json(lijst, 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten/_dubbelen',
      access: 'clienten.dubbelenZoeken',
      tags: clientTags,
      summary: 'Mogelijke dubbele registraties zoeken (BSN in de body, nooit in de URL)',
      request: body(S.DuplicateQuery),
      responses: { 200: { description: 'Kandidaten', ...jsonContent(Dubbelen) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => findDuplicates(ctx, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten',
      access: 'clienten.registreren',
      tags: clientTags,
      summary: 'Cliënt registreren',
      request: body(S.NewClient),
      responses: { 201: { description: 'Aangemaakt', ...jsonContent(Client) } },
      extraProblems: [409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createClient(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}',
      access: 'dossier.lezen',
      tags: clientTags,
      summary: 'Dossier van een cliënt met tijdlijn',
      request: { params: S.IdParam },
      responses: { 200: { description: 'Dossier', ...jsonContent(Client) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getClientFile(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten/{id}/samenvoegingen',
      access: 'clienten.samenvoegen',
      tags: clientTags,
      summary: 'Dubbel dossier samenvoegen in dit dossier',
      request: { params: S.IdParam, ...body(S.Merge) },
      responses: { 200: { description: 'Samengevoegd dossier', ...jsonContent(Client) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { samenTeVoegenClientId } = c.req.valid('json');
      return c.json(await run(c, (ctx) => mergeClients(ctx, id, samenTeVoegenClientId)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}/inzagelog',
      access: 'inzagelog.lezen',
      tags: clientTags,
      summary: 'Wie heeft dit dossier ingezien of gewijzigd (NEN 7513)',
      request: { params: S.IdParam },
      responses: { 200: { description: 'Logregels', ...jsonContent(Inzagelog) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => clientAuditLog(ctx, id)), 200);
    },
  );

  const registrationTags = ['Aanmeldingen'];
  app.openapi(
    route({
      method: 'get',
      path: '/v1/aanmeldingen',
      access: 'aanmeldingen.lezen',
      tags: registrationTags,
      summary: 'Aanmeldingen (werklijst)',
      request: { query: S.RegistrationQuery },
      responses: { 200: { description: 'Lijst', ...jsonContent(AanmeldingenLijst) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(withLinks(c, await run(c, (ctx) => listRegistrations(ctx, q))), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/aanmeldingen',
      access: 'aanmeldingen.registreren',
      tags: registrationTags,
      summary: 'Aanmelding registreren',
      request: body(S.NewRegistration),
      responses: { 201: { description: 'Aangemaakt', ...jsonContent(Aanmelding) } },
      extraProblems: [404],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createRegistration(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/aanmeldingen/{id}',
      access: 'dossier.lezen',
      tags: registrationTags,
      summary: 'Eén aanmelding',
      request: { params: S.IdParam },
      responses: { 200: { description: 'Aanmelding', ...jsonContent(Aanmelding) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getRegistration(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/aanmeldingen/{id}/screeningen',
      access: 'aanmeldingen.screenen',
      tags: registrationTags,
      summary: 'Screening vastleggen',
      request: { params: S.IdParam, ...body(S.Screening) },
      responses: { 201: { description: 'Vastgelegd', ...jsonContent(Aanmelding) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => recordScreening(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/aanmeldingen/{id}/intrekkingen',
      access: 'aanmeldingen.intrekken',
      tags: registrationTags,
      summary: 'Aanmelding intrekken vóór het besluit (het dossier wordt 6 weken later vernietigd)',
      request: { params: S.IdParam, ...body(S.AanmeldingIntrekking) },
      responses: { 201: { description: 'Ingetrokken', ...jsonContent(Aanmelding) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => withdrawRegistration(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/aanmeldingen/{id}/besluiten',
      access: 'aanmeldingen.besluiten',
      tags: registrationTags,
      summary: 'Toegangsbesluit nemen (met regiobinding)',
      request: { params: S.IdParam, ...body(S.Decision) },
      responses: { 201: { description: 'Besluit', ...jsonContent(Toegangsbesluit) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => decide(ctx, id, input)), 201);
    },
  );
}
