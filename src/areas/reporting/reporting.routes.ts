// Reports (issue 3): key figures, series per sub-period, current occupancy; JSON or CSV (Dutch Excel).
import { z } from '@hono/zod-openapi';
import { type ApiKit, jsonContent, route } from '../../platform/http/kit.js';
import { datum } from '../../platform/http/schemas.js';
import { BezettingPerLocatie, Kerncijfers, Reeksen } from './reporting.dto.js';
import { figuresCsv, keyFiguresForActor, occupancyForActor, seriesForActor } from './reports.service.js';

const ReportQuery = z.object({
  regio: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: 'Tenant-id van de centrumgemeente (standaard: de eigen; een andere geeft 403)' }),
  van: datum.openapi({ description: 'Begindatum, inclusief', example: '2018-01-01' }),
  tot: datum.openapi({ description: 'Einddatum, exclusief', example: '2019-01-01' }),
  herkomstGemeentecode: z
    .string()
    .regex(/^\d{4}$/, 'Een gemeentecode heeft 4 cijfers.')
    .optional()
    .openapi({ description: 'Alleen cliënten met deze CBS-gemeentecode van herkomst' }),
  locatieId: z.string().max(64).optional().openapi({
    description:
      'Bereik van alle cijfers: het id van één locatie, of alle (alle locaties); standaard de nachtopvanglocaties',
  }),
  huishouden: z.enum(['alleenstaand', 'gezin']).optional().openapi({
    description: 'Doelgroep: gezin = geregistreerde huishoudleden of een verblijf met huishoudgrootte > 1',
  }),
  leeftijdsgroep: z
    .enum(['tot-18', '18-26', '27-49', '50-plus'])
    .optional()
    .openapi({ description: 'Leeftijd bij aanmelding' }),
  formaat: z
    .enum(['json', 'csv'])
    .optional()
    .openapi({ description: 'csv: text/csv voor Nederlandse Excel (puntkomma, decimale komma, UTF-8 met BOM)' }),
});
const SeriesQuery = ReportQuery.extend({
  interval: z
    .enum(['jaar', 'halfjaar', 'kwartaal', 'maand'], { message: 'Kies jaar, halfjaar, kwartaal of maand.' })
    .openapi({ description: 'Lengte van de deelperioden (kalendergrenzen)' }),
});

/** The same figures as JSON (the schema) or, with formaat=csv, as a CSV file for Dutch Excel. */
const jsonOrCsv = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: {
    ...jsonContent(schema).content,
    'text/csv': {
      schema: z
        .string()
        .openapi({ description: 'Kerncijfers als rijen, perioden als kolommen; onderdrukte cellen zijn x' }),
    },
  },
});

function csvResponse(body: string, filename: string) {
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"` },
  });
}

export function registerRapportageRoutes(kit: ApiKit) {
  const { app } = kit;
  const tags = ['Rapportages'];
  app.openapi(
    route({
      method: 'get',
      path: '/v1/rapportages/kerncijfers',
      tags,
      access: 'rapportages.lezen',
      summary:
        'Kerncijfers maatschappelijke opvang voor een periode [van, tot) (domain.md §4); beleid en beheerder zien beschermde cijfers (celsleutelmethode, vaste perioden)',
      request: { query: ReportQuery },
      responses: { 200: jsonOrCsv(Kerncijfers, 'Kerncijfers') },
    }),
    async (c) => {
      const { formaat, ...q } = c.req.valid('query');
      const r = await kit.run(c, (ctx) => keyFiguresForActor(ctx, q));
      if (formaat === 'csv')
        return csvResponse(
          figuresCsv([{ label: `${r.van} tot ${r.tot}`, figures: r }]),
          `kerncijfers-${r.regio}-${r.van}-${r.tot}.csv`,
        );
      return c.json(r, 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/rapportages/reeksen',
      tags,
      access: 'rapportages.lezen',
      summary: 'Kerncijfers per deelperiode (jaar, halfjaar, kwartaal, maand) van [van, tot), voor trends en de tabel',
      request: { query: SeriesQuery },
      responses: { 200: jsonOrCsv(Reeksen, 'Een reeks kerncijfers per periode') },
    }),
    async (c) => {
      const { formaat, ...q } = c.req.valid('query');
      const r = await kit.run(c, (ctx) => seriesForActor(ctx, q));
      if (formaat === 'csv')
        return csvResponse(
          figuresCsv(r.perioden.map((p) => ({ label: p.label, figures: p }))),
          `kerncijfers-${r.regio}-${r.interval}-${r.van}-${r.tot}.csv`,
        );
      return c.json(r, 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/rapportages/bezetting',
      tags,
      access: 'rapportages.lezen',
      summary: 'Actuele bezetting per locatie tegenover de capaciteit (geen persoonsgegevens)',
      request: { query: z.object({ regio: z.string().max(64).optional() }) },
      responses: { 200: { description: 'Bezetting per locatie', ...jsonContent(BezettingPerLocatie) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await kit.run(c, (ctx) => occupancyForActor(ctx, q)), 200);
    },
  );
}
