// Casework routes: the perspective overview of a client, ZRM measurements, practical steps and blockades.
import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { datum, IdParam } from '../../platform/http/schemas.js';
import { addBlocker, listBlockers, resolveBlocker, updateBlocker } from './blockers.service.js';
import { Blokkade, Blokkades, PraktischeStap, PraktischeStappen, ZrmMeting, ZrmMetingen } from './casework.dto.js';
import { Perspectief } from './perspective.dto.js';
import { clientPerspective } from './perspective.service.js';
import { changeStep, listSteps } from './steps.service.js';
import { addZrm, listZrm } from './zrm.service.js';

// Structure is checked here; the rules (codes, lengths, dates) in the services, which report all problems at once.
const text = (max: number) => z.string().max(max).nullish();

const NewZrm = z
  .object({
    datum,
    soort: z.string().max(20),
    versie: z.string().max(10).optional(),
    scores: z
      .array(z.object({ domein: z.string().max(60), score: z.number().int() }))
      .min(1)
      .max(20),
  })
  .openapi('NieuweZrmMeting');
const StepChange = z
  .object({ status: z.string().max(20), datum, toelichting: text(2000) })
  .openapi('StapStatuswijziging');
const NewBlocker = z
  .object({
    soort: z.string().max(40),
    omschrijving: text(1000),
    sinds: datum,
    volgendeActorOrganisatie: z.string().max(40).nullish(),
    volgendeActorNaam: text(200),
    volgendeStap: text(1000),
  })
  .openapi('NieuweBlokkade');
const Lifting = z.object({ datum }).openapi('Opheffing');
// Only the fields given change (null clears one). Lengths and the organisation list are checked in the domain, so a 400 lists every problem at once.
const BlockerUpdate = z
  .object({
    omschrijving: z.string().max(10000).nullish(),
    volgendeActorOrganisatie: z.string().max(10000).nullish(),
    volgendeActorNaam: z.string().max(10000).nullish(),
    volgendeStap: z.string().max(10000).nullish(),
  })
  .strict()
  .openapi('BlokkadeWijziging');

export function registerCaseworkRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Perspectief'];

  // ----- client overview and ZRM -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}/perspectief',
      tags,
      access: 'perspectief.lezen',
      summary:
        'Werken aan perspectief van een cliënt: traject met driemaandencontrole, plan, ZRM, stappen, blokkades, wachtlijsten',
      request: { params: IdParam },
      responses: { 200: { description: 'Perspectief van de cliënt', ...jsonContent(Perspectief) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => clientPerspective(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}/zrm-metingen',
      tags,
      summary: 'ZRM-metingen van een cliënt (versie, datum, scores per levensgebied)',
      access: 'perspectief.lezen',
      request: { params: IdParam },
      responses: { 200: { description: 'ZRM-metingen', ...jsonContent(ZrmMetingen) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => listZrm(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten/{id}/zrm-metingen',
      tags,
      summary: 'ZRM-meting vastleggen (alle 13 levensgebieden, scores 1–5)',
      access: 'perspectief.schrijven',
      request: { params: IdParam, ...body(NewZrm) },
      responses: { 201: { description: 'Vastgelegd', ...jsonContent(ZrmMeting) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => addZrm(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  // ----- practical steps -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/trajecten/{id}/praktische-stappen',
      tags,
      summary: 'Praktische stappen (briefadres, ID, uitkering, …) met status en datums',
      access: 'perspectief.lezen',
      request: { params: IdParam },
      responses: { 200: { description: 'Praktische stappen', ...jsonContent(PraktischeStappen) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => listSteps(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/trajecten/{id}/praktische-stappen/{soort}/statuswijzigingen',
      tags,
      summary: 'Status van een praktische stap wijzigen',
      access: 'perspectief.schrijven',
      request: { params: IdParam.extend({ soort: z.string().max(40) }), ...body(StepChange) },
      responses: { 201: { description: 'Gewijzigd', ...jsonContent(PraktischeStap) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id, soort } = c.req.valid('param');
      return c.json(await run(c, (ctx) => changeStep(ctx, id, soort, c.req.valid('json'))), 201);
    },
  );

  // ----- blockades -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/trajecten/{id}/blokkades',
      tags,
      summary: 'Blokkades voor uitstroom van een traject',
      access: 'perspectief.lezen',
      request: { params: IdParam },
      responses: { 200: { description: 'Blokkades', ...jsonContent(Blokkades) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => listBlockers(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/trajecten/{id}/blokkades',
      tags,
      summary: 'Blokkade voor uitstroom vastleggen (met wie de volgende stap zet)',
      access: 'perspectief.schrijven',
      request: { params: IdParam, ...body(NewBlocker) },
      responses: { 201: { description: 'Vastgelegd', ...jsonContent(Blokkade) } },
      extraProblems: [404, 409],
    }),
    async (c) => c.json(await run(c, (ctx) => addBlocker(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/blokkades/{id}/opheffingen',
      tags,
      summary: 'Blokkade opheffen',
      access: 'perspectief.schrijven',
      request: { params: IdParam, ...body(Lifting) },
      responses: { 201: { description: 'Opgeheven', ...jsonContent(Blokkade) } },
      extraProblems: [404, 409],
    }),
    async (c) => c.json(await run(c, (ctx) => resolveBlocker(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    route({
      method: 'patch',
      path: '/v1/blokkades/{id}',
      tags,
      access: 'perspectief.schrijven',
      summary:
        'Omschrijving en wie de volgende stap zet van een open blokkade bijwerken (doorstroomoverleg); alleen meegegeven velden wijzigen, met geschiedenis',
      request: { params: IdParam, ...body(BlockerUpdate) },
      responses: { 200: { description: 'Bijgewerkt', ...jsonContent(Blokkade) } },
      extraProblems: [404, 409],
    }),
    async (c) => c.json(await run(c, (ctx) => updateBlocker(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
}
