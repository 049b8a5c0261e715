// Issue 20: data quality — the catalogue of checks, the findings per worker, location and tenant, the monthly score.
import { z } from '@hono/zod-openapi';
import { type ApiKit, jsonContent, route } from '../../platform/http/kit.js';
import { dataQualityPage, dataQualityScores, ruleCatalogue } from './data-quality.service.js';

const Ernst = z.enum(['fout', 'waarschuwing']);
const Groep = z.object({ id: z.string(), naam: z.string(), aantal: z.number().int() });
export const Datakwaliteit = z
  .object({
    peildatum: z.string().openapi({ format: 'date' }),
    score: z.number().openapi({ description: 'Percentage records zonder bevinding (0–100)' }),
    records: z.number().int(),
    aantalRegels: z.number().int(),
    aantal: z.number().int().openapi({ description: 'Aantal bevindingen na het filter' }),
    perMedewerker: z.array(Groep),
    perLocatie: z.array(Groep),
    perRegel: z.array(z.object({ code: z.string(), ernst: Ernst, tekst: z.string(), aantal: z.number().int() })),
    bevindingen: z.array(
      z
        .object({
          code: z.string(),
          ernst: Ernst,
          tekst: z.string(),
          soort: z.string().openapi({ description: 'Soort record: client, registration, stay, …' }),
          recordId: z.string(),
          clientId: z.string().nullable(),
          clientNaam: z.string().nullable(),
          locatieId: z.string().nullable(),
          locatieNaam: z.string().nullable(),
          medewerkerId: z.string().nullable(),
          medewerkerNaam: z.string().nullable(),
          herstelLink: z.string().openapi({ description: 'Pagina waar de bevinding wordt hersteld' }),
        })
        .openapi('Bevinding'),
    ),
    meer: z.boolean().openapi({ description: 'Er zijn meer bevindingen dan getoond (500): verfijn het filter' }),
  })
  .openapi('Datakwaliteit');
const Scores = z
  .object({
    maanden: z.array(
      z.object({ maand: z.string(), score: z.number(), bevindingen: z.number().int(), records: z.number().int() }),
    ),
  })
  .openapi('DatakwaliteitScores');
const Regels = z
  .object({ regels: z.array(z.object({ code: z.string(), ernst: Ernst, soort: z.string(), tekst: z.string() })) })
  .openapi('DatakwaliteitRegels');
const Query = z.object({
  medewerkerId: z.string().max(64).optional(),
  locatieId: z.string().max(64).optional(),
  regel: z
    .string()
    .max(20)
    .optional()
    .openapi({ description: 'Alleen bevindingen van deze regel, bijvoorbeeld AFW-01' }),
});

export function registerDataQualityRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Datakwaliteit'];
  app.openapi(
    route({
      method: 'get',
      path: '/v1/datakwaliteit',
      access: 'datakwaliteit.zien',
      tags,
      summary:
        'Bevindingen van de datakwaliteitscontroles, per medewerker, locatie en regio, met een link om te herstellen',
      description:
        'De controles lopen op de actuele gegevens bij elke aanvraag: een herstelde bevinding verdwijnt meteen.',
      request: { query: Query },
      responses: { 200: { description: 'Bevindingen', ...jsonContent(Datakwaliteit) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => dataQualityPage(ctx, q)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/datakwaliteit/scores',
      access: 'datakwaliteit.score',
      tags,
      summary: 'De datakwaliteitsscore per maand (geen persoonsgegevens)',
      responses: { 200: { description: 'Score per maand', ...jsonContent(Scores) } },
    }),
    async (c) => c.json(await run(c, (ctx) => dataQualityScores(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/datakwaliteit/regels',
      access: 'datakwaliteit.score',
      tags,
      summary: 'De datakwaliteitsregels: code, ernst, soort record en tekst',
      responses: { 200: { description: 'Regels', ...jsonContent(Regels) } },
    }),
    async (c) => c.json(ruleCatalogue(), 200),
  );
}
