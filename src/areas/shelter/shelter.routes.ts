// Opvang: locaties en eenheden, het beddenbord, plaatsen zonder overboeking, verhuizen, beëindigen en uitstroom.
import { json, route, body, type ApiKit } from '../../platform/http/kit.js';
import * as S from '../../platform/http/schemas.js';
import { bedBoard, createFacility, createUnit, listFacilities } from './facilities.service.js';
import { endStay, moveStay, placeClient, registerExit } from './placements.service.js';

export function registerShelterRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Locaties'];
  app.openapi(
    route({ method: 'get', path: '/v1/locaties', tags, summary: 'Locaties met bezetting', responses: { 200: { description: 'Lijst', ...json('Locaties') } } }),
    async (c) => c.json(await run(c, (ctx) => listFacilities(ctx))),
  );
  app.openapi(
    route({ method: 'post', path: '/v1/locaties', tags, summary: 'Locatie toevoegen (beheerder)', request: body(S.NewFacility), responses: { 201: { description: 'Aangemaakt', ...json('Locatie') } } }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createFacility(ctx, input)), 201);
    },
  );
  app.openapi(
    route({ method: 'get', path: '/v1/locaties/{id}/bezetting', tags, summary: 'Live beddenbord van een locatie', request: { params: S.IdParam }, responses: { 200: { description: 'Beddenbord', ...json('Bezetting') } }, extraProblems: [404] }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => bedBoard(ctx, id)));
    },
  );
  app.openapi(
    route({ method: 'post', path: '/v1/locaties/{id}/eenheden', tags, summary: 'Eenheid (kamer) toevoegen (beheerder)', request: { params: S.IdParam, ...body(S.NewUnit) }, responses: { 201: { description: 'Aangemaakt', ...json('Eenheid') } }, extraProblems: [404] }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createUnit(ctx, id, input)), 201);
    },
  );

  app.openapi(
    route({ method: 'post', path: '/v1/plaatsingen', tags: ['Plaatsingen'], summary: 'Cliënt (of huishouden) plaatsen in een eenheid', request: body(S.Placement), responses: { 201: { description: 'Geplaatst', ...json('Verblijf') } }, extraProblems: [404, 409] }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => placeClient(ctx, input)), 201);
    },
  );
  app.openapi(
    route({ method: 'post', path: '/v1/plaatsingen/{id}/verhuizingen', tags: ['Plaatsingen'], summary: 'Verhuizen naar een andere eenheid', request: { params: S.IdParam, ...body(S.Move) }, responses: { 201: { description: 'Nieuw verblijf', ...json('Verblijf') } }, extraProblems: [404, 409] }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => moveStay(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({ method: 'post', path: '/v1/plaatsingen/{id}/beeindigingen', tags: ['Plaatsingen'], summary: 'Verblijf beëindigen', request: { params: S.IdParam, ...body(S.EndStay) }, responses: { 200: { description: 'Beëindigd', ...json('Verblijf') } }, extraProblems: [404, 409] }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => endStay(ctx, id, input)));
    },
  );
  app.openapi(
    route({ method: 'post', path: '/v1/trajecten/{id}/uitstroom', tags: ['Trajecten'], summary: 'Uitstroom registreren (einddatum en bestemming)', request: { params: S.IdParam, ...body(S.Exit) }, responses: { 200: { description: 'Traject beëindigd', ...json('Traject') } }, extraProblems: [404, 409] }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json((await run(c, (ctx) => registerExit(ctx, id, input))) as never);
    },
  );
}
