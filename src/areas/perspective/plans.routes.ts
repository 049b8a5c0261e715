// Perspectiefplan routes: the plan of a trajectory, its versions, goals, actions and comments.
import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { datum, IdParam } from '../../platform/http/schemas.js';
import { addAction, addGoal, changeActionStatus, changeGoalStatus } from './goals.service.js';
import { Actie, Doel, Opmerking, Opmerkingen, Perspectiefplan, PerspectiefplanVersie } from './plans.dto.js';
import {
  addComment,
  createPerspectivePlan,
  getPerspectivePlan,
  getPlanOfTrajectory,
  getPlanVersion,
  listComments,
  signPlan,
  updatePerspectivePlan,
} from './plans.service.js';

// Structure is checked here; the rules (codes, lengths, dates) in the services, which report all problems at once.
const text = (max: number) => z.string().max(max).nullish();

const NewPlan = z
  .object({ opgesteldOp: datum, eigenWoorden: text(4000), wensen: text(4000) })
  .openapi('NieuwPerspectiefplan');
const PlanUpdate = z.object({ eigenWoorden: text(4000), wensen: text(4000) }).openapi('PerspectiefplanWijziging');
const Signing = z.object({ datum }).openapi('Ondertekening');
const VersionParams = IdParam.extend({
  versie: z.coerce
    .number()
    .int()
    .min(1)
    .max(100000)
    .openapi({ param: { name: 'versie', in: 'path' }, example: 1 }),
});
const NewGoal = z.object({ levensgebied: z.string().max(60), omschrijving: z.string().max(1000) }).openapi('NieuwDoel');
const StatusChange = z.object({ status: z.string().max(40) }).openapi('DoelStatuswijziging');
const NewAction = z
  .object({
    omschrijving: z.string().max(1000),
    eigenaarOrganisatie: z.string().max(40),
    eigenaarNaam: text(200),
    uiterlijk: datum,
  })
  .openapi('NieuweActie');
const ActionStatus = z
  .object({ status: z.string().max(40), datum, toelichting: text(2000) })
  .openapi('ActieStatuswijziging');
const NewComment = z.object({ tekst: z.string().max(2000) }).openapi('NieuweOpmerking');

export function registerPlanRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Perspectief'];

  app.openapi(
    route({
      method: 'get',
      path: '/v1/trajecten/{id}/perspectiefplan',
      tags,
      summary: 'Het perspectiefplan van een traject',
      access: 'perspectief.lezen',
      request: { params: IdParam },
      responses: { 200: { description: 'Het perspectiefplan', ...jsonContent(Perspectiefplan) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => getPlanOfTrajectory(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/trajecten/{id}/perspectiefplan',
      tags,
      summary: 'Perspectiefplan opstellen (binnen 5 dagen na plaatsing)',
      access: 'perspectief.schrijven',
      request: { params: IdParam, ...body(NewPlan) },
      responses: { 201: { description: 'Opgesteld', ...jsonContent(Perspectiefplan) } },
      extraProblems: [404, 409],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => createPerspectivePlan(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/v1/perspectiefplannen/{id}',
      tags,
      summary: 'Eén perspectiefplan met doelen, acties en opmerkingen',
      access: 'perspectief.lezen',
      request: { params: IdParam },
      responses: { 200: { description: 'Het perspectiefplan', ...jsonContent(Perspectiefplan) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => getPerspectivePlan(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    route({
      method: 'put',
      path: '/v1/perspectiefplannen/{id}',
      tags,
      summary: 'Eigen woorden en wensen van de cliënt bijwerken',
      access: 'perspectief.schrijven',
      request: { params: IdParam, ...body(PlanUpdate) },
      responses: { 200: { description: 'Bijgewerkt', ...jsonContent(Perspectiefplan) } },
      extraProblems: [404],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => updatePerspectivePlan(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/perspectiefplannen/{id}/ondertekeningen',
      tags,
      access: 'perspectief.schrijven',
      summary:
        'Vastleggen dat het plan met de cliënt is besproken en ondertekend (legt een nieuwe versie vast; 409 als het plan sinds de vorige ondertekening niet is gewijzigd)',
      request: { params: IdParam, ...body(Signing) },
      responses: { 201: { description: 'Vastgelegd', ...jsonContent(Perspectiefplan) } },
      extraProblems: [404, 409],
    }),
    async (c) => c.json(await run(c, (ctx) => signPlan(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/v1/perspectiefplannen/{id}/versies/{versie}',
      tags,
      summary: 'Een ondertekende versie van het plan, precies zoals die is ondertekend',
      access: 'perspectief.lezen',
      request: { params: VersionParams },
      responses: { 200: { description: 'Versie', ...jsonContent(PerspectiefplanVersie) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id, versie } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getPlanVersion(ctx, id, versie)), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/perspectiefplannen/{id}/doelen',
      tags,
      summary: 'Doel op een levensgebied toevoegen',
      access: 'perspectief.schrijven',
      request: { params: IdParam, ...body(NewGoal) },
      responses: { 201: { description: 'Toegevoegd', ...jsonContent(Doel) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => addGoal(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/doelen/{id}/statuswijzigingen',
      tags,
      summary: 'Status van een doel wijzigen (actief, bereikt, gestopt)',
      access: 'perspectief.schrijven',
      request: { params: IdParam, ...body(StatusChange) },
      responses: { 201: { description: 'Gewijzigd', ...jsonContent(Doel) } },
      extraProblems: [404, 409],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => changeGoalStatus(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/doelen/{id}/acties',
      tags,
      summary: 'Actie met eigenaar en uiterste datum toevoegen',
      access: 'perspectief.schrijven',
      request: { params: IdParam, ...body(NewAction) },
      responses: { 201: { description: 'Toegevoegd', ...jsonContent(Actie) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => addAction(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/acties/{id}/statuswijzigingen',
      tags,
      summary: 'Status van een actie wijzigen (volgens de overgangstabel; anders 409)',
      access: 'perspectief.schrijven',
      request: { params: IdParam, ...body(ActionStatus) },
      responses: { 201: { description: 'Gewijzigd', ...jsonContent(Actie) } },
      extraProblems: [404, 409],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => changeActionStatus(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/v1/perspectiefplannen/{id}/opmerkingen',
      tags,
      summary: 'Opmerkingen bij het plan (ook van de cliënt)',
      access: 'perspectief.lezen',
      request: { params: IdParam },
      responses: { 200: { description: 'Opmerkingen', ...jsonContent(Opmerkingen) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => listComments(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/perspectiefplannen/{id}/opmerkingen',
      tags,
      summary: 'Opmerking plaatsen (ook door de cliënt zelf)',
      access: 'perspectief.reageren',
      request: { params: IdParam, ...body(NewComment) },
      responses: { 201: { description: 'Geplaatst', ...jsonContent(Opmerking) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => addComment(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
}
