// Opvang: locaties en eenheden, het bedbord, plaatsen zonder overboeking, verhuizen, beëindigen en uitstroom.
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import * as S from '../../platform/http/schemas.js';
import { Bezetting, Eenheid, Locatie, Locaties } from './facilities.dto.js';
import { bedBoard, createFacility, createUnit, listFacilities } from './facilities.service.js';
import {
  NieuwBedVoorDeNacht,
  NieuweVerblijfcorrectie,
  Traject,
  Verblijf,
  Verblijfcorrectie,
  Verblijfcorrecties,
} from './placements.dto.js';
import { endStay, moveStay, placeClient, registerExit } from './placements.service.js';
import { giveShortStay } from './short-stays.service.js';
import { correctStay, listStayCorrections } from './stay-corrections.service.js';

export function registerShelterRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Locaties'];
  app.openapi(
    route({
      method: 'get',
      path: '/v1/locaties',
      access: 'locaties.zien',
      tags,
      summary: 'Locaties met bezetting',
      responses: { 200: { description: 'Lijst', ...jsonContent(Locaties) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listFacilities(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/locaties',
      access: 'locaties.beheren',
      tags,
      summary: 'Locatie toevoegen (beheerder)',
      request: body(S.NewFacility),
      responses: { 201: { description: 'Aangemaakt', ...jsonContent(Locatie) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createFacility(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/locaties/{id}/bezetting',
      access: 'locaties.zien',
      tags,
      summary: 'Live bedbord van een locatie',
      request: { params: S.IdParam },
      responses: { 200: { description: 'Bedbord', ...jsonContent(Bezetting) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => bedBoard(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/locaties/{id}/eenheden',
      access: 'locaties.beheren',
      tags,
      summary: 'Eenheid (kamer) toevoegen (beheerder)',
      request: { params: S.IdParam, ...body(S.NewUnit) },
      responses: { 201: { description: 'Aangemaakt', ...jsonContent(Eenheid) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createUnit(ctx, id, input)), 201);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/plaatsingen',
      access: 'plaatsen',
      tags: ['Plaatsingen'],
      summary: 'Cliënt (of huishouden) plaatsen in een eenheid',
      request: body(S.Placement),
      responses: { 201: { description: 'Geplaatst', ...jsonContent(Verblijf) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => placeClient(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/plaatsingen/{id}/verhuizingen',
      access: 'verblijven.wijzigen',
      tags: ['Plaatsingen'],
      summary: 'Verhuizen naar een andere eenheid',
      request: { params: S.IdParam, ...body(S.Move) },
      responses: { 201: { description: 'Nieuw verblijf', ...jsonContent(Verblijf) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => moveStay(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/plaatsingen/{id}/beeindigingen',
      access: 'verblijven.wijzigen',
      tags: ['Plaatsingen'],
      summary: 'Verblijf beëindigen',
      request: { params: S.IdParam, ...body(S.EndStay) },
      responses: { 200: { description: 'Beëindigd', ...jsonContent(Verblijf) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => endStay(ctx, id, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/trajecten/{id}/uitstroom',
      access: 'uitstroom.registreren',
      tags: ['Trajecten'],
      summary: 'Uitstroom registreren (einddatum en bestemming)',
      request: { params: S.IdParam, ...body(S.Exit) },
      responses: { 200: { description: 'Traject beëindigd', ...jsonContent(Traject) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => registerExit(ctx, id, input)), 200);
    },
  );

  // Issue 13B: bed voor de nacht during screening; date corrections of stays (capacity re-checked on every night).
  app.openapi(
    route({
      method: 'post',
      path: '/v1/aanmeldingen/{id}/bedden-voor-de-nacht',
      access: 'bedVoorDeNacht.geven',
      tags: ['Plaatsingen'],
      summary: 'Bed voor de nacht tijdens de screening (vóór het toegangsbesluit)',
      request: { params: S.IdParam, ...body(NieuwBedVoorDeNacht) },
      responses: { 201: { description: 'Bed gegeven', ...jsonContent(Verblijf) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => giveShortStay(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/plaatsingen/{id}/correcties',
      access: 'verblijven.correctiesLezen',
      tags: ['Plaatsingen'],
      summary: 'Datumcorrecties van een verblijf (geschiedenis)',
      request: { params: S.IdParam },
      responses: { 200: { description: 'Correcties', ...jsonContent(Verblijfcorrecties) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => listStayCorrections(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/plaatsingen/{id}/correcties',
      access: 'verblijven.corrigeren',
      tags: ['Plaatsingen'],
      summary: 'Begin- of einddatum van een verblijf corrigeren (met reden; capaciteit per nacht opnieuw getoetst)',
      request: { params: S.IdParam, ...body(NieuweVerblijfcorrectie) },
      responses: { 201: { description: 'Gecorrigeerd', ...jsonContent(Verblijfcorrectie) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => correctStay(ctx, id, input)), 201);
    },
  );
}
