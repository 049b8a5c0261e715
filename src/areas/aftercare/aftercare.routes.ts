import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { datum, IdParam } from '../../platform/http/schemas.js';
import { PlanCandidates, PlanList, PlanView } from './aftercare.dto.js';
import {
  closeAftercarePlan,
  createAftercarePlan,
  getAftercarePlan,
  listAftercarePlans,
  planCandidates,
  registerContact,
  updateAftercarePlan,
} from './aftercare.service.js';
import { Budget, BudgetList } from './budget.dto.js';
import { createBudget, endBudgetEarly, listBudget } from './budget.service.js';
import { ClientHistory } from './client-history.dto.js';
import { clientHistory } from './client-history.service.js';
import { addContactMoment, moveContactMoment, removeContactMoment } from './contact-moments.service.js';
import { RelapseFigures } from './relapse.dto.js';
import { relapseReport } from './relapse-figures.service.js';

// Nazorg (waakvlam) after an exit to housing, preventief budgetbeheer, and terugval ("eerder bekend?" and the
// figure). Signals and preventive cases are in ../prevention/prevention.routes.ts.

const ContactMomentParam = z.object({ id: z.string().min(1).max(64), contactmomentId: z.string().min(1).max(64) });

const NewPlan = z
  .object({
    trajectId: z.string().min(1).max(64),
    verantwoordelijkeSoort: z.string().max(40),
    verantwoordelijkeNaam: z.string().max(200),
    maanden: z
      .array(z.number().int())
      .max(12)
      .nullish()
      .openapi({ description: 'Contactmomenten in maanden na uitstroom (standaard 1, 3, 6, 12)' }),
    postcode: z.string().max(10).nullish(),
    huisnummer: z.string().max(20).nullish(),
  })
  .openapi('NieuwNazorgplan');
const PlanQuery = z.object({ status: z.enum(['actief', 'afgesloten', 'alle']).optional() });
const Contact = z
  .object({
    datum,
    bereikt: z.boolean(),
    geplandContactId: z.string().max(64).nullish(),
    zorgsignaal: z.boolean().nullish(),
    notitie: z.string().max(2000).nullish(),
  })
  .openapi('Nazorgcontact');
const ClosePlan = z.object({ datum, reden: z.string().max(2000).nullish() }).openapi('NazorgplanAfsluiting');
const PlanChange = z
  .object({
    verantwoordelijkeSoort: z
      .string()
      .max(40)
      .nullish()
      .openapi({ description: 'wijkteam | fact | ambulant-begeleider; samen met verantwoordelijkeNaam' }),
    verantwoordelijkeNaam: z.string().max(200).nullish(),
    postcode: z
      .string()
      .max(10)
      .nullish()
      .openapi({ description: 'Nieuw adres: postcode én huisnummer, of beide null om te wissen' }),
    huisnummer: z.string().max(20).nullish(),
  })
  .openapi('NazorgplanWijziging');
const ContactMoment = z
  .object({
    gepland: datum.openapi({
      example: '2027-01-15',
      description: 'Vandaag of later, na de uitstroom, uiterlijk 36 maanden erna',
    }),
  })
  .openapi('NazorgContactmoment');
const BudgetEnd = z
  .object({ datum: datum.openapi({ example: '2026-11-20' }), reden: z.string().max(4000) })
  .openapi('BudgetbeheerBeeindiging');
const NewBudget = z
  .object({
    clientId: z.string().min(1).max(64),
    nazorgplanId: z.string().max(64).nullish(),
    uitvoerder: z.string().max(200),
    start: datum,
    afbouwVanaf: datum,
    eind: datum,
  })
  .openapi('NieuwBudgetbeheer');
const RelapseQuery = z.object({
  van: datum,
  tot: datum.openapi({ description: 'Einddatum van de uitstroomperiode, exclusief' }),
  peildatum: datum.optional().openapi({ description: 'Standaard: vandaag' }),
});

export function registerAftercareRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Voorkomen'];

  // ---------- nazorg ----------
  app.openapi(
    route({
      method: 'get',
      path: '/v1/nazorgplannen',
      tags,
      access: 'nazorg.werken',
      summary: 'Werklijst nazorg: gemiste en komende contacten, alarmsignalen',
      request: { query: PlanQuery },
      responses: { 200: { description: 'Plannen', ...jsonContent(PlanList) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => listAftercarePlans(ctx, q)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/nazorgkandidaten',
      tags,
      access: 'nazorg.werken',
      summary: 'Uitstroom naar wonen (laatste jaar) zonder nazorgplan',
      responses: { 200: { description: 'Kandidaten', ...jsonContent(PlanCandidates) } },
    }),
    async (c) => c.json(await run(c, (ctx) => planCandidates(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/nazorgplannen',
      tags,
      access: 'nazorg.werken',
      summary: 'Nazorgplan (waakvlam) maken na uitstroom naar wonen',
      request: body(NewPlan),
      responses: { 201: { description: 'Plan', ...jsonContent(PlanView) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createAftercarePlan(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/nazorgplannen/{id}',
      tags,
      access: 'nazorg.werken',
      summary: 'Nazorgplan met contacten, alarmsignalen en budgetbeheer',
      request: { params: IdParam },
      responses: { 200: { description: 'Plan', ...jsonContent(PlanView) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getAftercarePlan(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/nazorgplannen/{id}/contacten',
      tags,
      access: 'nazorg.planWijzigen',
      summary: 'Nazorgcontact registreren',
      request: { params: IdParam, ...body(Contact) },
      responses: { 201: { description: 'Plan', ...jsonContent(PlanView) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => registerContact(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/nazorgplannen/{id}/afsluitingen',
      tags,
      access: 'nazorg.planWijzigen',
      summary: 'Nazorgplan afsluiten',
      request: { params: IdParam, ...body(ClosePlan) },
      responses: { 201: { description: 'Plan', ...jsonContent(PlanView) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => closeAftercarePlan(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/nazorgplannen/{id}',
      tags,
      access: 'nazorg.planWijzigen',
      summary: 'Verantwoordelijke toewijzen of wijzigen, nieuw adres (409 als het plan is afgesloten)',
      request: { params: IdParam, ...body(PlanChange) },
      responses: { 200: { description: 'Plan', ...jsonContent(PlanView) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => updateAftercarePlan(ctx, id, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/nazorgplannen/{id}/contactmomenten',
      tags,
      access: 'nazorg.planWijzigen',
      summary: 'Extra contactmoment plannen',
      request: { params: IdParam, ...body(ContactMoment) },
      responses: { 201: { description: 'Plan', ...jsonContent(PlanView) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => addContactMoment(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/nazorgplannen/{id}/contactmomenten/{contactmomentId}',
      tags,
      access: 'nazorg.planWijzigen',
      summary: 'Gepland (nog niet gedaan) contactmoment verplaatsen',
      request: { params: ContactMomentParam, ...body(ContactMoment) },
      responses: { 200: { description: 'Plan', ...jsonContent(PlanView) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id, contactmomentId } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => moveContactMoment(ctx, id, contactmomentId, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'delete',
      path: '/v1/nazorgplannen/{id}/contactmomenten/{contactmomentId}',
      tags,
      access: 'nazorg.planWijzigen',
      summary: 'Gepland (nog niet gedaan) contactmoment schrappen',
      request: { params: ContactMomentParam },
      responses: { 200: { description: 'Plan', ...jsonContent(PlanView) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id, contactmomentId } = c.req.valid('param');
      return c.json(await run(c, (ctx) => removeContactMoment(ctx, id, contactmomentId)), 200);
    },
  );

  // ---------- budgetbeheer ----------
  app.openapi(
    route({
      method: 'get',
      path: '/v1/budgetbeheertrajecten',
      tags,
      access: 'nazorg.werken',
      summary: 'Preventief budgetbeheer met fase (opbouw/afbouw)',
      responses: { 200: { description: 'Lijst', ...jsonContent(BudgetList) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listBudget(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/budgetbeheertrajecten',
      tags,
      access: 'budgetbeheer.vastleggen',
      summary: 'Preventief budgetbeheer vastleggen (1–3 jaar, opbouw en afbouw)',
      request: body(NewBudget),
      responses: { 201: { description: 'Vastgelegd', ...jsonContent(Budget) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createBudget(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/budgetbeheertrajecten/{id}/beeindigingen',
      tags,
      access: 'budgetbeheer.beeindigen',
      summary: 'Preventief budgetbeheer voortijdig beëindigen of (nog niet begonnen) annuleren; reden verplicht',
      request: { params: IdParam, ...body(BudgetEnd) },
      responses: { 201: { description: 'Beëindigd', ...jsonContent(Budget) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => endBudgetEarly(ctx, id, input)), 201);
    },
  );

  // ---------- eerder bekend, terugval ----------
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}/voorgeschiedenis',
      tags,
      access: 'dossier.lezen',
      summary: 'Eerder bekend? Eerdere aanmeldingen, verblijven, uitstroom, nazorg en terugkeer',
      request: { params: IdParam },
      responses: { 200: { description: 'Voorgeschiedenis', ...jsonContent(ClientHistory) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => clientHistory(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/rapportages/terugval',
      tags: ['Rapportages'],
      access: 'rapportages.lezen',
      summary: 'Terugval binnen 6, 12 en 24 maanden na uitstroom naar wonen, per bestemming',
      request: { query: RelapseQuery },
      responses: { 200: { description: 'Terugval', ...jsonContent(RelapseFigures) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => relapseReport(ctx, q)), 200);
    },
  );
}
