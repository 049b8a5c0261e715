// Issue 20: het hele beeld — the by-name list, its figures and monthly flow, veldwerk, the street count and the
// register of requests that found no place.
import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import * as S from '../../platform/http/schemas.js';
import {
  AfgewezenQuery,
  AfgewezenVerzoek,
  AfgewezenVerzoeken,
  AnoniemePersonen,
  DakloosheidCijfers,
  Namenlijst,
  NamenlijstInstellingen,
  NamenlijstQuery,
  NewOutreachContact,
  NewStreetCount,
  NewTurnAway,
  Stroom,
  StroomQuery,
  Tellingen,
  TurnAwayUpdate,
  Veldwerkcontact,
  Veldwerkcontacten,
  VeldwerkQuery,
} from './homelessness.dto.js';
import {
  byNameList,
  flowCsv,
  flowFor,
  getListSettings,
  homelessnessFigures,
  updateListSettings,
} from './homelessness.service.js';
import { listAnonymous, listContacts, listStreetCounts, recordContact, recordStreetCount } from './outreach.service.js';
import { listTurnAways, recordTurnAway, updateTurnAway } from './turn-aways.service.js';

export function registerHomelessnessRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Het hele beeld'];
  app.openapi(
    route({
      method: 'get',
      path: '/v1/namenlijst',
      access: 'dakloosheid.namenlijst',
      tags,
      summary: 'De namenlijst van de regio: iedereen die dakloos bekend is, met situatie en laatste contact',
      description:
        'Uit opvang, toegang, wonen en veldwerk (ook personen die alleen uit veldwerk bekend zijn). Inactief na N maanden zonder contact (instelling), weer actief bij nieuw contact.',
      request: { query: NamenlijstQuery },
      responses: { 200: { description: 'Personen, laatste contact eerst', ...jsonContent(Namenlijst) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => byNameList(ctx, q)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/namenlijst-instellingen',
      access: 'dakloosheid.instellingen',
      tags,
      summary: 'Instelling van de namenlijst: inactief na zoveel maanden zonder contact',
      responses: { 200: { description: 'Instelling', ...jsonContent(NamenlijstInstellingen) } },
    }),
    async (c) => c.json(await run(c, (ctx) => getListSettings(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'put',
      path: '/v1/namenlijst-instellingen',
      access: 'dakloosheid.instellingen',
      tags,
      summary: 'Instelling van de namenlijst wijzigen',
      request: { ...body(NamenlijstInstellingen) },
      responses: { 200: { description: 'Gewijzigd', ...jsonContent(NamenlijstInstellingen) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => updateListSettings(ctx, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/dakloosheidscijfers',
      access: 'dakloosheid.cijfers',
      tags,
      summary: 'Cijfers van de namenlijst, onvervulde vraag en buitenslapers (beleid: beschermde cijfers)',
      responses: { 200: { description: 'Cijfers', ...jsonContent(DakloosheidCijfers) } },
    }),
    async (c) => c.json(await run(c, (ctx) => homelessnessFigures(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/maandstromen',
      access: 'dakloosheid.cijfers',
      tags,
      summary: 'De maandelijkse stroom: instroom, uitstroom en actief op de peildag (de 1e van de maand)',
      description: 'Actief aan het begin + instroom − uitstroom = actief aan het eind, elke maand (exacte cijfers).',
      request: { query: StroomQuery },
      responses: {
        200: {
          description: 'De stroom per maand',
          content: {
            ...jsonContent(Stroom).content,
            'text/csv': { schema: z.string().openapi({ description: 'Eén rij per maand, puntkomma-gescheiden' }) },
          },
        },
      },
    }),
    async (c) => {
      const { formaat, ...q } = c.req.valid('query');
      const r = await run(c, (ctx) => flowFor(ctx, q));
      if (formaat === 'csv')
        return new Response(flowCsv(r), {
          status: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="maandstroom-${r.van}-${r.tot}.csv"`,
          },
        });
      return c.json(r, 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/veldwerkcontacten',
      access: 'veldwerk.vastleggen',
      tags,
      summary: 'Veldwerkcontact vastleggen: wie (of een beschrijving), waar op de kaart, wat is aangeboden',
      request: { ...body(NewOutreachContact) },
      responses: { 201: { description: 'Vastgelegd', ...jsonContent(Veldwerkcontact) } },
      extraProblems: [404],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => recordContact(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/veldwerkcontacten',
      access: 'veldwerk.zien',
      tags,
      summary: 'Veldwerkcontacten, nieuwste eerst, met het kader van de regiokaart',
      request: { query: VeldwerkQuery },
      responses: { 200: { description: 'Contacten', ...jsonContent(Veldwerkcontacten) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => listContacts(ctx, q)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/anonieme-personen',
      access: 'veldwerk.zien',
      tags,
      summary: 'Personen die alleen uit veldwerk bekend zijn (beschrijving en geschatte leeftijd)',
      responses: { 200: { description: 'Personen', ...jsonContent(AnoniemePersonen) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listAnonymous(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/straattellingen',
      access: 'telling.vastleggen',
      tags,
      summary: 'Telling van buitenslapers vastleggen: dag, gebied en aantal',
      request: { ...body(NewStreetCount) },
      responses: {
        201: {
          description: 'Vastgelegd',
          ...jsonContent(
            z
              .object({ id: z.string(), datum: S.DatumUit, gebied: z.string(), aantal: z.number().int() })
              .openapi('NieuweTellingUitkomst'),
          ),
        },
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => recordStreetCount(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/straattellingen',
      access: 'telling.zien',
      tags,
      summary: 'Tellingen van buitenslapers: per jaar het totaal (het cijfer "buitenslapers") en per gebied',
      responses: { 200: { description: 'Tellingen', ...jsonContent(Tellingen) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listStreetCounts(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/afgewezen-verzoeken',
      access: 'afgewezen.vastleggen',
      tags,
      summary: 'Een verzoek zonder plek vastleggen (of bij een afwijzing van de toegang: waar de persoon heen ging)',
      request: { ...body(NewTurnAway) },
      responses: { 201: { description: 'Vastgelegd', ...jsonContent(AfgewezenVerzoek) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => recordTurnAway(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/afgewezen-verzoeken',
      access: 'afgewezen.zien',
      tags,
      summary: 'Het register van afgewezen verzoeken, met de afwijzingen en doorverwijzingen van de toegang',
      request: { query: AfgewezenQuery },
      responses: { 200: { description: 'Register, nieuwste eerst', ...jsonContent(AfgewezenVerzoeken) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => listTurnAways(ctx, q)), 200);
    },
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/afgewezen-verzoeken/{id}',
      access: 'afgewezen.vastleggen',
      tags,
      summary: 'Vastleggen waar de persoon naartoe ging',
      request: { params: S.IdParam, ...body(TurnAwayUpdate) },
      responses: { 200: { description: 'Gewijzigd', ...jsonContent(AfgewezenVerzoek) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => updateTurnAway(ctx, id, input)), 200);
    },
  );
}
