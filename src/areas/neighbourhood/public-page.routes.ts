// Issue 17 — managing a facility's public page and its agreements with the neighbourhood (see public-page.service.ts).
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { IdParam } from '../../platform/http/schemas.js';
import {
  BuurtafspraakBeoordeling,
  NieuweBuurtafspraak,
  OpenbarePaginaBeheer,
  OpenbarePaginaWijziging,
} from './public-page.dto.js';
import { addPublicAgreement, judgeAgreement, publicPageForStaff, updatePublicPage } from './public-page.service.js';

export function registerPublicPageRoutes(kit: ApiKit) {
  const { app, run } = kit;
  app.openapi(
    route({
      method: 'get',
      path: '/v1/buurtlocaties/{id}',
      access: 'buurtmeldingen.zien',
      tags: ['Buurt'],
      summary: 'De openbare pagina van een voorziening zoals de gemeente of de locatie die beheert, met de afspraken',
      request: { params: IdParam },
      responses: { 200: { description: 'De openbare pagina', ...jsonContent(OpenbarePaginaBeheer) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => publicPageForStaff(ctx, c.req.valid('param').id)), 200),
  );
  app.openapi(
    route({
      method: 'put',
      path: '/v1/buurtlocaties/{id}',
      access: 'openbarePagina.beheren',
      tags: ['Buurt'],
      summary: 'De teksten van de openbare pagina en de volgende bijeenkomst wijzigen',
      request: { params: IdParam, ...body(OpenbarePaginaWijziging) },
      responses: { 200: { description: 'De openbare pagina', ...jsonContent(OpenbarePaginaBeheer) } },
      extraProblems: [404],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => updatePublicPage(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/buurtlocaties/{id}/afspraken',
      access: 'openbarePagina.beheren',
      tags: ['Buurt'],
      summary: 'Een afspraak met de buurt vastleggen (wie, wat, uiterlijk wanneer)',
      request: { params: IdParam, ...body(NieuweBuurtafspraak) },
      responses: { 201: { description: 'De openbare pagina', ...jsonContent(OpenbarePaginaBeheer) } },
      extraProblems: [404],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => addPublicAgreement(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  app.openapi(
    route({
      method: 'put',
      path: '/v1/buurtafspraken/{id}/beoordeling',
      access: 'openbarePagina.beheren',
      tags: ['Buurt'],
      summary: 'Beoordelen of een afspraak met de buurt is nagekomen (of terugzetten naar "loopt")',
      request: { params: IdParam, ...body(BuurtafspraakBeoordeling) },
      responses: { 200: { description: 'De openbare pagina', ...jsonContent(OpenbarePaginaBeheer) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => judgeAgreement(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
}
