// Issue 16 — Mijn Onderdak: the client's own view and messages, and the staff side of those messages.
import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { IdParam } from '../../platform/http/schemas.js';
import {
  BerichtSoort,
  Clientbericht,
  Clientberichten,
  CorrectieOnderwerp,
  MijnOnderdak,
  VerstuurdBericht,
} from './portal.dto.js';
import {
  answerClientMessage,
  downloadMyDocument,
  listClientMessages,
  myOnderdak,
  sendMessage,
} from './portal.service.js';

const NewMessage = z
  .object({
    soort: BerichtSoort,
    onderwerp: CorrectieOnderwerp.nullish().openapi({ description: 'Bij een correctie: wat niet klopt' }),
    tekst: z.string().max(4000),
  })
  .openapi('NieuwBericht');
const NewAnswer = z.object({ tekst: z.string().max(8000) }).openapi('NieuwAntwoord');
const RefParam = z.object({
  referentie: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .openapi({ description: 'De verwijzing naar het document uit Mijn Onderdak' }),
});

export function registerClientPortalRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Mijn Onderdak'];

  app.openapi(
    route({
      method: 'get',
      path: '/v1/mijn-onderdak',
      tags,
      access: 'mijnOnderdak.lezen',
      summary:
        'Mijn Onderdak: mijn slaapplek, mijn contactpersoon, mijn afspraken, mijn plan, mijn documenten, verslagen, berichten en wie mijn dossier bekeek — in gewone woorden',
      responses: { 200: { description: 'Mijn Onderdak', ...jsonContent(MijnOnderdak) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => myOnderdak(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/mijn-onderdak/documenten/{referentie}',
      tags,
      access: 'mijnOnderdak.lezen',
      summary: 'Eigen document downloaden (als bijlage); elke download komt in het inzagelog',
      request: { params: RefParam },
      responses: {
        200: {
          description: 'Het bestand',
          content: {
            'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
            'image/png': { schema: z.string().openapi({ format: 'binary' }) },
            'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
      },
      extraProblems: [404],
    }),
    async (c) => {
      const d = await run(c, (ctx) => downloadMyDocument(ctx, c.req.valid('param').referentie));
      const ascii = d.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return new Response(d.content, {
        status: 200,
        headers: {
          'Content-Type': d.mediaType,
          'Content-Length': String(d.content.byteLength),
          'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/mijn-onderdak/berichten',
      tags,
      access: 'mijnOnderdak.berichtSturen',
      summary:
        'Bericht aan mijn contactpersoon: een opmerking of vraag, of een verzoek om een correctie van mijn gegevens (wordt een taak voor de trajecthouder)',
      request: { ...body(NewMessage) },
      responses: { 201: { description: 'Verstuurd', ...jsonContent(VerstuurdBericht) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => sendMessage(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}/clientberichten',
      tags,
      access: 'clientberichten.lezen',
      summary: 'Berichten van de cliënt uit Mijn Onderdak (opmerkingen en correctieverzoeken), met het antwoord',
      request: { params: IdParam },
      responses: { 200: { description: 'Berichten', ...jsonContent(Clientberichten) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => listClientMessages(ctx, c.req.valid('param').id)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clientberichten/{id}/antwoorden',
      tags,
      access: 'clientberichten.beantwoorden',
      summary: 'Een bericht van de cliënt beantwoorden (de cliënt leest het antwoord in Mijn Onderdak)',
      request: { params: IdParam, ...body(NewAnswer) },
      responses: { 201: { description: 'Beantwoord', ...jsonContent(Clientbericht) } },
      extraProblems: [404, 409],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => answerClientMessage(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
}
