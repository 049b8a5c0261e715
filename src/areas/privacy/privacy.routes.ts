import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { IdParam } from '../../platform/http/schemas.js';
import { exportClientData, exportHtml } from './export.service.js';
import { Gegevensoverzicht, Vernietigingslijst, Vernietigingslog } from './privacy.dto.js';
import { destructionLog, purgeDryRun, purgeExecute } from './purge.service.js';

// AVG (issue 19): art. 15 export of one client's data, and the retention purge with its destruction log.

const ExportQuery = z.object({
  formaat: z
    .enum(['json', 'html'], { message: 'Kies json of html.' })
    .optional()
    .openapi({ description: 'html: leesbaar en afdrukbaar; json (standaard): machineleesbaar' }),
});
const Execute = z
  .object({
    bevestigd: z.boolean().openapi({ description: 'De proefrun is gecontroleerd' }),
    referenties: z
      .array(z.string().max(64))
      .max(10_000)
      .nullish()
      .openapi({ description: 'Alleen deze dossiers (uit de proefrun)' }),
  })
  .openapi('VernietigingUitvoeren');

export function registerPrivacyRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['AVG'];
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}/gegevensoverzicht',
      tags,
      access: 'avg.exporteren',
      summary: 'Alle gegevens over een cliënt (AVG art. 15), als JSON of als afdrukbare HTML; wordt gelogd',
      request: { params: IdParam, query: ExportQuery },
      responses: {
        200: {
          description: 'Gegevensoverzicht',
          content: {
            ...jsonContent(Gegevensoverzicht).content,
            'text/html': { schema: z.string().openapi({ description: 'Leesbare, afdrukbare pagina' }) },
          },
        },
      },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { formaat } = c.req.valid('query');
      const o = await run(c, (ctx) => exportClientData(ctx, id));
      if (formaat === 'html')
        return new Response(exportHtml(o), {
          status: 200,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        }) as never;
      return c.json(o, 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/bewaartermijnen/verlopen-dossiers',
      tags,
      access: 'avg.vernietigen',
      summary: 'Proefrun: dossiers waarvan de bewaartermijn verstreken is (zonder namen)',
      responses: { 200: { description: 'Te vernietigen', ...jsonContent(Vernietigingslijst) } },
    }),
    async (c) => c.json(await run(c, (ctx) => purgeDryRun(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/vernietigingen',
      tags,
      access: 'avg.vernietigen',
      summary: 'Dossiers met een verstreken bewaartermijn vernietigen (na de proefrun); schrijft het vernietigingslog',
      request: body(Execute),
      responses: { 201: { description: 'Vernietigd; het log', ...jsonContent(Vernietigingslog) } },
      extraProblems: [409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => purgeExecute(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/vernietigingen',
      tags,
      access: 'avg.vernietigen',
      summary: 'Vernietigingslog: wat, wanneer en door wie (geen persoonsgegevens)',
      responses: { 200: { description: 'Log', ...jsonContent(Vernietigingslog) } },
    }),
    async (c) => c.json(await run(c, (ctx) => destructionLog(ctx)), 200),
  );
}
