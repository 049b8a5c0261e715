import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { datum, IdParam } from '../../platform/http/schemas.js';
import { budgetOverview, setBudget } from './budget.service.js';
import {
  Achterstandssignalen,
  Budgetoverzicht,
  EigenBijdrage,
  Maandoverzicht,
  Tarief,
  Tarieven,
} from './finance.dto.js';
import {
  createRate,
  getOwnContribution,
  listRates,
  monthlyOverview,
  monthlyOverviewCsv,
  raiseArrearsSignals,
  recordAdjustment,
  recordPayment,
} from './finance.service.js';

// Geld (issue 19): eigen bijdrage on the dossier and for the administration, tariffs, and the regional budget.

const Amount = z
  .union([z.number(), z.string().max(20)])
  .openapi({ description: 'Bedrag in euro: 12.5 of "12,50"', example: '12,50' });
const NewPayment = z
  .object({ datum, bedrag: Amount, kenmerk: z.string().max(100).nullish() })
  .openapi('NieuweEigenBijdrageBetaling');
const NewAdjustment = z
  .object({
    soort: z.enum(['vrijstelling', 'korting'], { message: 'Kies vrijstelling of korting.' }),
    percentage: z.number().int().nullish().openapi({ description: 'Alleen bij korting: 1 tot 99' }),
    van: datum,
    tot: datum.nullish().openapi({ description: 'Tot en met; leeg = zonder einddatum' }),
    reden: z.string().max(500),
  })
  .openapi('NieuweEigenBijdrageAanpassing');
const MonthParam = z.object({
  maand: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Gebruik een maand als JJJJ-MM.')
    .openapi({ param: { name: 'maand', in: 'path' }, example: '2026-10' }),
});
const FormatQuery = z.object({
  formaat: z
    .enum(['json', 'csv'])
    .optional()
    .openapi({ description: 'csv: text/csv voor Nederlandse Excel (puntkomma, decimale komma)' }),
});
const NewRate = z
  .object({
    soort: z.enum(['eigen-bijdrage', 'kostprijs'], { message: 'Kies eigen-bijdrage of kostprijs.' }),
    voorzieningstype: z.string().max(40),
    bedragPerNacht: Amount,
    geldigVanaf: datum,
  })
  .openapi('NieuwTarief');
const YearParam = z.object({
  jaar: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .openapi({ param: { name: 'jaar', in: 'path' }, example: 2020 }),
});
const NewBudget = z
  .object({ jaar: z.number().int(), omschrijving: z.string().max(200), bedrag: Amount })
  .openapi('NieuwBudget');

export function registerFinanceRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Eigen bijdrage en budget'];
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}/eigen-bijdrage',
      tags,
      access: 'eigenBijdrage.lezen',
      summary: 'Eigen bijdrage van een cliënt: nachten, verschuldigd, betaald, saldo en achterstand',
      request: { params: IdParam },
      responses: { 200: { description: 'Eigen bijdrage', ...jsonContent(EigenBijdrage) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getOwnContribution(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten/{id}/eigen-bijdrage/betalingen',
      tags,
      access: 'eigenBijdrage.vastleggen',
      summary: 'Betaling van de eigen bijdrage vastleggen',
      request: { params: IdParam, ...body(NewPayment) },
      responses: { 201: { description: 'Vastgelegd; de nieuwe stand', ...jsonContent(EigenBijdrage) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => recordPayment(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten/{id}/eigen-bijdrage/aanpassingen',
      tags,
      access: 'eigenBijdrage.vastleggen',
      summary: 'Vrijstelling of korting op de eigen bijdrage vastleggen (met reden)',
      request: { params: IdParam, ...body(NewAdjustment) },
      responses: { 201: { description: 'Vastgelegd; de nieuwe stand', ...jsonContent(EigenBijdrage) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => recordAdjustment(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/eigen-bijdrage-maandoverzichten/{maand}',
      tags,
      access: 'eigenBijdrage.overzicht',
      summary: 'Maandoverzicht eigen bijdrage voor de administratie (JSON of CSV)',
      request: { params: MonthParam, query: FormatQuery },
      responses: {
        200: {
          description: 'Maandoverzicht',
          content: {
            ...jsonContent(Maandoverzicht).content,
            'text/csv': { schema: z.string().openapi({ description: 'Eén regel per cliënt' }) },
          },
        },
      },
    }),
    async (c) => {
      const { maand } = c.req.valid('param');
      const { formaat } = c.req.valid('query');
      const o = await run(c, (ctx) => monthlyOverview(ctx, maand));
      if (formaat === 'csv')
        return new Response(monthlyOverviewCsv(o), {
          status: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="eigen-bijdrage-${maand}.csv"`,
          },
        }) as never;
      return c.json(o, 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/eigen-bijdrage-achterstandssignaleringen',
      tags,
      access: 'eigenBijdrage.vastleggen',
      summary: 'Achterstanden eigen bijdrage (ouder dan 60 dagen) als vroegsignaal aanmaken (één per cliënt per maand)',
      request: body(z.object({}).openapi('AchterstandssignaleringStarten')),
      responses: { 201: { description: 'Gedaan', ...jsonContent(Achterstandssignalen) } },
    }),
    async (c) => c.json(await run(c, (ctx) => raiseArrearsSignals(ctx)), 201),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/tarieven',
      tags,
      access: 'tarieven.zien',
      summary: 'Tarieven per nacht per voorzieningstype (eigen bijdrage en kostprijs)',
      responses: { 200: { description: 'Tarieven', ...jsonContent(Tarieven) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listRates(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/tarieven',
      tags,
      access: 'tarieven.beheren',
      summary: 'Tarief per nacht vastleggen, geldig vanaf een datum',
      request: body(NewRate),
      responses: { 201: { description: 'Vastgelegd', ...jsonContent(Tarief) } },
      extraProblems: [409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createRate(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/budgetten/{jaar}',
      tags,
      access: 'budget.zien',
      summary: 'Uitgaven (bednachten × kostprijs) tegen het regionale budget van een jaar (alleen totalen)',
      request: { params: YearParam },
      responses: { 200: { description: 'Budgetoverzicht', ...jsonContent(Budgetoverzicht) } },
    }),
    async (c) => {
      const { jaar } = c.req.valid('param');
      return c.json(await run(c, (ctx) => budgetOverview(ctx, jaar)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/budgetten',
      tags,
      access: 'tarieven.beheren',
      summary: 'Regionaal budget voor een jaar vastleggen',
      request: body(NewBudget),
      responses: { 201: { description: 'Vastgelegd; het overzicht van dat jaar', ...jsonContent(Budgetoverzicht) } },
      extraProblems: [409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => setBudget(ctx, input)), 201);
    },
  );
}
