import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { brpFromEnv } from './brp.client.js';
import { callBrp, checkLookup, recordLookup } from './brp.service.js';
import { BrpRaadpleging, Zaaksysteemstatus } from './integrations.dto.js';
import { outboxStatus } from './outbox.service.js';
import { zgwConfigFromEnv } from './zgw.client.js';

// Koppelingen (issue 19): BRP lookups (Haal Centraal) and the state of the outbox to the zaaksysteem (ZGW).

const Lookup = z
  .object({
    bsn: z.string().max(12).openapi({ description: 'Het BSN (in de body, nooit in een URL)', example: '999900006' }),
    doelbinding: z
      .string()
      .max(40)
      .openapi({ description: 'toegang-opvang of eigen-bijdrage', example: 'toegang-opvang' }),
    clientId: z.string().max(64).nullish().openapi({ description: 'Optioneel: het dossier om te vergelijken' }),
  })
  .openapi('BrpRaadplegingVerzoek');

export function registerIntegrationRoutes(kit: ApiKit) {
  const { app, run, actorOf } = kit;
  app.openapi(
    route({
      method: 'post',
      path: '/v1/brp-raadplegingen',
      tags: ['Koppelingen'],
      access: 'brp.raadplegen',
      summary: 'Persoon opzoeken in de BRP op BSN (Haal Centraal BRP Personen), met doelbinding; wordt gelogd',
      request: body(Lookup),
      responses: {
        201: { description: 'Raadpleging (ook als de persoon niet gevonden is)', ...jsonContent(BrpRaadpleging) },
      },
      extraProblems: [404, 503],
    }),
    async (c) => {
      const input = c.req.valid('json');
      const checked = checkLookup(input);
      // the BRP call happens before the transaction; the lookup and its purpose are logged after it
      const person = await callBrp(brpFromEnv(), actorOf(c), checked);
      return c.json(await run(c, (ctx) => recordLookup(ctx, input, checked, person)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/zaaksysteem-berichten',
      tags: ['Koppelingen'],
      access: 'zaaksysteem.zien',
      summary: 'Stand van de berichten naar het zaaksysteem (wachtend, verzonden, fouten)',
      responses: { 200: { description: 'Stand', ...jsonContent(Zaaksysteemstatus) } },
    }),
    async (c) => c.json(await run(c, (ctx) => outboxStatus(ctx, { configured: !!zgwConfigFromEnv() })), 200),
  );
}
