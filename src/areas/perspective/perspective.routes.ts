// Issue 4 — Werken aan perspectief (actielijn 2): worklists, waiting lists and figures here; the plan and the
// casework in plans.routes.ts and casework.routes.ts. Structure is checked here; the rules in the services.
import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { datum, IdParam } from '../../platform/http/schemas.js';
import { registerCaseworkRoutes } from './casework.routes.js';
import { PerspectiefCijfers } from './perspective-figures.dto.js';
import { perspectiveFigures } from './perspective-figures.service.js';
import { registerPlanRoutes } from './plans.routes.js';
import { Wachtlijst, Wachtlijstafmelding, Wachtlijsten, Wachtlijstplaatsing } from './waiting-lists.dto.js';
import { addToWaitingList, getWaitingList, listWaitingLists, removeFromWaitingList } from './waiting-lists.service.js';
import { Doorstroomoverleg, TeLatePlannen } from './worklists.dto.js';
import { doorstroomoverleg, latePlans } from './worklists.service.js';

const text = (max: number) => z.string().max(max).nullish();
const NewListEntry = z
  .object({ clientId: z.string().min(1).max(64), datum, urgent: z.boolean().optional(), toelichting: text(1000) })
  .openapi('NieuweWachtlijstplaatsing');
const Removal = z.object({ datum, reden: z.string().max(40), toelichting: text(1000) }).openapi('Afmelding');
const FigureQuery = z.object({ van: datum, tot: datum.openapi({ description: 'Einddatum, exclusief' }) });

export function registerPerspectiveRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Perspectief'];
  registerCaseworkRoutes(kit);
  registerPlanRoutes(kit);

  // ----- worklists -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/werklijsten/doorstroomoverleg',
      tags,
      access: 'perspectief.werklijsten',
      summary:
        'Werklijst doorstroomoverleg: iedereen in de opvang, op urgentie (dagen tegen de 91-dagennorm, blokkades, wie is aan zet)',
      responses: { 200: { description: 'Werklijst doorstroomoverleg', ...jsonContent(Doorstroomoverleg) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => doorstroomoverleg(ctx)), 200),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/v1/werklijsten/te-late-plannen',
      tags,
      summary: 'Werklijst: geplaatste cliënten zonder perspectiefplan na 5 dagen',
      access: 'perspectief.werklijsten',
      responses: { 200: { description: 'Werklijst te late plannen', ...jsonContent(TeLatePlannen) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => latePlans(ctx)), 200),
  );

  // ----- waiting lists -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/wachtlijsten',
      tags,
      summary: 'Wachtlijsten voor de vervolgstap met lengte, doorstroom en verwachte wachttijd',
      access: 'wachtlijsten.lezen',
      responses: { 200: { description: 'Wachtlijsten', ...jsonContent(Wachtlijsten) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => listWaitingLists(ctx)), 200),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/v1/wachtlijsten/{id}',
      tags,
      summary: 'Eén wachtlijst op volgorde van prioriteit, met positie en verwachte wachttijd',
      access: 'wachtlijsten.lezen',
      request: { params: IdParam },
      responses: { 200: { description: 'Wachtlijst', ...jsonContent(Wachtlijst) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => getWaitingList(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/wachtlijsten/{id}/plaatsingen',
      tags,
      summary: 'Cliënt op de wachtlijst plaatsen',
      access: 'wachtlijsten.beheren',
      request: { params: IdParam, ...body(NewListEntry) },
      responses: { 201: { description: 'Op de wachtlijst', ...jsonContent(Wachtlijstplaatsing) } },
      extraProblems: [404, 409],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => addToWaitingList(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/wachtlijsten/{id}/plaatsingen/{plaatsingId}/afmeldingen',
      tags,
      summary: 'Cliënt van de wachtlijst halen (met reden, bijvoorbeeld geplaatst)',
      access: 'wachtlijsten.beheren',
      request: { params: IdParam.extend({ plaatsingId: z.string().min(1).max(64) }), ...body(Removal) },
      responses: { 201: { description: 'Afgemeld', ...jsonContent(Wachtlijstafmelding) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id, plaatsingId } = c.req.valid('param');
      return c.json(await run(c, (ctx) => removeFromWaitingList(ctx, id, plaatsingId, c.req.valid('json'))), 201);
    },
  );

  // ----- figures -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/rapportages/perspectief',
      tags: ['Rapportages'],
      access: 'rapportages.lezen',
      summary:
        'Cijfers werken aan perspectief voor [van, tot): blokkades, plannen binnen 5 dagen, ZRM-verandering, wachtlijsten',
      request: { query: FigureQuery },
      responses: { 200: { description: 'Cijfers', ...jsonContent(PerspectiefCijfers) } },
    }),
    async (c) => c.json(await run(c, (ctx) => perspectiveFigures(ctx, c.req.valid('query'))), 200),
  );
}
