// Issue 18 — capaciteitsplanner: het gefitte model met backtest, opgeslagen scenario's en simulaties (een taak die
// in werkthreads rekent; de pagina vraagt de voortgang op tot het resultaat er is).
import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { IdParam } from '../../platform/http/schemas.js';
import { Capaciteitsmodel, Scenario, ScenarioParameters, Scenarios, Simulatie, Simulaties } from './planner.dto.js';
import {
  createScenario,
  deleteScenario,
  describeModel,
  getSimulation,
  listScenarios,
  listSimulations,
  readHistory,
  startSimulation,
  updateScenario,
} from './planner.service.js';

const NewScenario = z.object({ naam: z.string().max(200), parameters: ScenarioParameters }).openapi('NieuwScenario');
const NewSimulation = z
  .object({
    scenarioId: z.string().max(64).nullish().openapi({ description: 'Een opgeslagen scenario …' }),
    scenario: NewScenario.nullish().openapi({ description: '… of een scenario dat (nog) niet is opgeslagen' }),
    jaren: z.number().int().optional().openapi({ description: 'Horizon, 1 tot 5 jaar (standaard 5)' }),
    runs: z.number().int().optional().openapi({ description: 'Aantal onafhankelijke runs (standaard 1000)' }),
    seed: z.number().int().optional().openapi({ description: 'Dezelfde seed geeft hetzelfde resultaat (standaard 1)' }),
  })
  .openapi('NieuweSimulatie');

export function registerCapacityPlanningRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Capaciteitsplanning'];
  app.openapi(
    route({
      method: 'get',
      path: '/v1/capaciteitsplanning/model',
      access: 'capaciteitsplanning.zien',
      tags,
      summary: 'Het model gefit op de eigen historie, met de backtest over de laatste 12 maanden',
      responses: { 200: { description: 'Model', ...jsonContent(Capaciteitsmodel) } },
    }),
    async (c) => {
      const history = await run(c, (ctx) => readHistory(ctx));
      return c.json(await describeModel(history), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/capaciteitsplanning/scenarios',
      access: 'capaciteitsplanning.zien',
      tags,
      summary: 'Opgeslagen scenario’s',
      responses: { 200: { description: 'Lijst op naam', ...jsonContent(Scenarios) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listScenarios(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/capaciteitsplanning/scenarios',
      access: 'capaciteitsplanning.rekenen',
      tags,
      summary: 'Scenario opslaan',
      request: { ...body(NewScenario) },
      responses: { 201: { description: 'Opgeslagen', ...jsonContent(Scenario) } },
      extraProblems: [409],
    }),
    async (c) => c.json(await run(c, (ctx) => createScenario(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    route({
      method: 'put',
      path: '/v1/capaciteitsplanning/scenarios/{id}',
      access: 'capaciteitsplanning.rekenen',
      tags,
      summary: 'Scenario wijzigen',
      request: { params: IdParam, ...body(NewScenario) },
      responses: { 200: { description: 'Gewijzigd', ...jsonContent(Scenario) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => updateScenario(ctx, id, c.req.valid('json'))), 200);
    },
  );
  app.openapi(
    route({
      method: 'delete',
      path: '/v1/capaciteitsplanning/scenarios/{id}',
      access: 'capaciteitsplanning.rekenen',
      tags,
      summary: 'Scenario verwijderen',
      request: { params: IdParam },
      responses: { 204: { description: 'Verwijderd' } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await run(c, (ctx) => deleteScenario(ctx, id));
      return c.body(null, 204);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/capaciteitsplanning/simulaties',
      access: 'capaciteitsplanning.rekenen',
      tags,
      summary: 'Simulatie starten',
      description:
        'Start de Monte-Carlosimulatie van een scenario in werkthreads en antwoordt meteen (202). Vraag de voortgang en het resultaat op met GET …/simulaties/{id}.',
      request: { ...body(NewSimulation) },
      responses: { 202: { description: 'Gestart', ...jsonContent(Simulatie) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { job } = await startSimulation(kit.database, kit.actorOf(c), c.req.valid('json'), {
        now: kit.now(),
        sourceIp: kit.sourceIp(c),
      });
      c.header('Location', `/v1/capaciteitsplanning/simulaties/${job.id}`);
      return c.json(job, 202);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/capaciteitsplanning/simulaties',
      access: 'capaciteitsplanning.zien',
      tags,
      summary: 'Recente simulaties (zonder resultaat)',
      responses: { 200: { description: 'Nieuwste eerst', ...jsonContent(Simulaties) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listSimulations(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/capaciteitsplanning/simulaties/{id}',
      access: 'capaciteitsplanning.zien',
      tags,
      summary: 'Status, voortgang en (als hij klaar is) het resultaat van een simulatie',
      request: { params: IdParam },
      responses: { 200: { description: 'Simulatie', ...jsonContent(Simulatie) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getSimulation(ctx, id)), 200);
    },
  );
}
