// Issue 19 — iWmo 3.2: the exchange with the zorgaanbieder by file (upload and download of XML, as through the
// GGK/VECOZO portals) and by API, and the toegang worklist of requests and differences.
import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import * as S from '../../platform/http/schemas.js';
import { AanbiederWijziging, IwmoAanbieder, IwmoAanbieders, listAanbieders, setAanbieder } from './aanbieders.js';
import {
  Afhandeling,
  BerichtenQuery,
  IwmoBericht,
  IwmoBerichten,
  IwmoVerschilAfgehandeld,
  IwmoVerschillen,
  IwmoVerzoeken,
  NieuweToewijzing,
  NieuwIwmoBericht,
  StatusQuery,
  Toewijzingskandidaten,
  VerzoekAntwoord,
  VerzoekQuery,
} from './iwmo.dto.js';
import {
  answerVerzoek,
  berichtDetail,
  createToewijzing,
  downloadBericht,
  handleVerschil,
  listBerichten,
  listTeToewijzen,
  listVerschillen,
  listVerzoeken,
  readIncoming,
} from './iwmo.service.js';

export function registerIwmoRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['iWmo'];
  app.openapi(
    route({
      method: 'get',
      path: '/v1/iwmo-berichten',
      access: 'iwmo.berichtenZien',
      tags,
      summary: 'iWmo-berichten, in en uit (nieuwste eerst)',
      description: 'Een locatiemedewerker ziet alleen de berichten van de eigen zorgaanbieder (AGB-code).',
      request: { query: BerichtenQuery },
      responses: { 200: { description: 'Berichten', ...jsonContent(IwmoBerichten) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listBerichten(ctx, c.req.valid('query'))), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/iwmo-berichten',
      access: 'iwmo.berichtInlezen',
      tags,
      summary: 'Een bericht van de zorgaanbieder inlezen (305, 307, 315, 317, 323)',
      description:
        'Het bericht wordt gecontroleerd (XML, berichtversie, afzender en ontvanger, BSN-elfproef) en anders geweigerd; daarna vergeleken met Onderdak. Verschillen komen op de werklijst.',
      request: body(NieuwIwmoBericht),
      responses: { 201: { description: 'Ingelezen', ...jsonContent(IwmoBericht) } },
      extraProblems: [409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => readIncoming(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/iwmo-berichten/{id}',
      access: 'iwmo.berichtenZien',
      tags,
      summary: 'Eén iWmo-bericht met declaratieregels en verschillen',
      request: { params: S.IdParam },
      responses: { 200: { description: 'Bericht', ...jsonContent(IwmoBericht) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => berichtDetail(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/iwmo-berichten/{id}/bestand',
      access: 'iwmo.berichtenZien',
      tags,
      summary: 'Het XML-bestand van een bericht downloaden',
      description: 'Een uitgaand bericht heet daarna opgehaald.',
      request: { params: S.IdParam },
      responses: {
        200: {
          description: 'XML volgens de iWmo 3.2-XSD',
          content: { 'application/xml': { schema: z.string().openapi({ description: 'Het bericht' }) } },
        },
      },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const f = await run(c, (ctx) => downloadBericht(ctx, id));
      return new Response(f.xml, {
        status: 200,
        headers: {
          'Content-Type': 'application/xml; charset=utf-8',
          'Content-Disposition': `attachment; filename="${f.bestandsnaam.replace(/[^\w.-]/g, '_')}"`,
        },
      });
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/iwmo-toewijzingskandidaten',
      access: 'iwmo.toewijzen',
      tags,
      summary: 'Plaatsingen met een toegangsbesluit die nog geen toewijzing (301) hebben',
      responses: { 200: { description: 'Verblijven', ...jsonContent(Toewijzingskandidaten) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listTeToewijzen(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/iwmo-toewijzingen',
      access: 'iwmo.toewijzen',
      tags,
      summary: 'Toewijzing (301) maken voor een plaatsing',
      description:
        'Productcategorie 16 (opvang) of 17 (spoedopvang: een bed voor de nacht), eenheid etmaal, vanaf de eerste dag van het verblijf.',
      request: body(NieuweToewijzing),
      responses: { 201: { description: 'Het 301-bericht', ...jsonContent(IwmoBericht) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createToewijzing(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/iwmo-verschillen',
      access: 'iwmo.werklijst',
      tags,
      summary: 'Werklijst: verschillen tussen de berichten van de aanbieder en Onderdak',
      request: { query: StatusQuery },
      responses: { 200: { description: 'Verschillen', ...jsonContent(IwmoVerschillen) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listVerschillen(ctx, c.req.valid('query'))), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/iwmo-verschillen/{id}/afhandelingen',
      access: 'iwmo.werklijst',
      tags,
      summary: 'Een verschil afhandelen, met toelichting',
      request: { params: S.IdParam, ...body(Afhandeling) },
      responses: { 200: { description: 'Afgehandeld', ...jsonContent(IwmoVerschilAfgehandeld) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => handleVerschil(ctx, id, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/iwmo-verzoeken',
      access: 'iwmo.werklijst',
      tags,
      summary: 'Werklijst: verzoeken om toewijzing (315) en wijziging (317)',
      request: { query: VerzoekQuery },
      responses: { 200: { description: 'Verzoeken', ...jsonContent(IwmoVerzoeken) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listVerzoeken(ctx, c.req.valid('query'))), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/iwmo-verzoeken/{id}/antwoorden',
      access: 'iwmo.verzoekBeantwoorden',
      tags,
      summary: 'Een verzoek beantwoorden: toewijzen (301), afwijzen of in onderzoek (319)',
      request: { params: S.IdParam, ...body(VerzoekAntwoord) },
      responses: { 201: { description: 'Het antwoordbericht', ...jsonContent(IwmoBericht) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => answerVerzoek(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/iwmo-aanbieders',
      access: 'iwmo.aanbiedersBeheren',
      tags,
      summary: 'De locaties met hun zorgaanbieder (AGB-code) in de iWmo-berichten, en de gemeentecode',
      responses: { 200: { description: 'Aanbieders', ...jsonContent(IwmoAanbieders) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listAanbieders(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'put',
      path: '/v1/iwmo-aanbieders/{id}',
      access: 'iwmo.aanbiedersBeheren',
      tags,
      summary: 'De AGB-code en naam van de zorgaanbieder van een locatie vastleggen',
      description:
        'id is de locatie. Een AGB-code heeft 8 cijfers en hoort bij één locatie. Een code waarmee al berichten zijn uitgewisseld, blijft staan (409).',
      request: { params: S.IdParam, ...body(AanbiederWijziging) },
      responses: { 200: { description: 'Vastgelegd', ...jsonContent(IwmoAanbieder) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => setAanbieder(ctx, id, input)), 200);
    },
  );
}
