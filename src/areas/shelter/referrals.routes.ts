// Verwijzing naar een locatie (issue 14): de toegang verwijst een toegelaten cliënt naar één locatie; de
// locatiemedewerker ziet "Verwezen naar onze locatie" en plaatst alleen die cliënten.
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import * as S from '../../platform/http/schemas.js';
import { ClientVerwijzingen, NewReferral, ReferralWithdrawal, Verwijzing, Verwijzingen } from './referrals.dto.js';
import { clientReferrals, facilityReferrals, referClient, withdrawReferral } from './referrals.service.js';

export function registerReferralRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Verwijzingen'];
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten/{id}/verwijzingen',
      access: 'verwijzingen.aanmaken',
      tags,
      summary: 'Toegelaten cliënt verwijzen naar een locatie',
      description:
        'Alleen een cliënt met een toegangsbesluit (open traject) die nog nergens verblijft; één open verwijzing per cliënt. Plaatsen sluit de verwijzing af.',
      request: { params: S.IdParam, ...body(NewReferral) },
      responses: { 201: { description: 'Verwezen', ...jsonContent(Verwijzing) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => referClient(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}/verwijzingen',
      access: 'verwijzingen.zien',
      tags,
      summary: 'Verwijzingen van een cliënt',
      request: { params: S.IdParam },
      responses: { 200: { description: 'Lijst, nieuwste eerst', ...jsonContent(ClientVerwijzingen) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => clientReferrals(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/verwijzingen/{id}/intrekkingen',
      access: 'verwijzingen.intrekken',
      tags,
      summary: 'Verwijzing intrekken',
      request: { params: S.IdParam, ...body(ReferralWithdrawal) },
      responses: { 200: { description: 'Ingetrokken', ...jsonContent(Verwijzing) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => withdrawReferral(ctx, id, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/locaties/{id}/verwijzingen',
      access: 'verwijzingen.locatieZien',
      tags,
      summary: 'Verwezen naar deze locatie: open verwijzingen, oudste eerst',
      request: { params: S.IdParam },
      responses: { 200: { description: 'Lijst', ...jsonContent(Verwijzingen) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => facilityReferrals(ctx, id)), 200);
    },
  );
}
