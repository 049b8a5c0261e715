// Issue 17 — locaties en buurt (actielijn 4): the public facility pages with the melding form and the reporter's
// view (no login, see public-routes.ts), the meldingen worklist, wijken and draagkracht, candidate sites with their
// business case and procedure, the beleid worklist and the liveability monitor.
import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { problem } from '../../platform/http/problem.js';
import { IdParam } from '../../platform/http/schemas.js';
import { databaseRateLimiter, installationFormSecret, rateLimiter, sharedFormTokens } from './abuse.js';
import {
  AannamesWijziging,
  BusinessCase,
  BusinessCaseBerekening,
  Buurtwerklijst,
  CbsImport,
  CbsImportResultaat,
  DraagkrachtInstellingen,
  Locatiekandidaat,
  LocatiekandidaatStatus,
  Locatiekandidaten,
  NieuweLocatieAfspraak,
  NieuweLocatiekandidaat,
  ProcedurestapWijziging,
  StapParams,
  Wijken,
} from './areas.dto.js';
import {
  addSiteAgreement,
  changeSiteStatus,
  createSite,
  importCbs,
  listSites,
  listWijken,
  neighbourhoodWorklist,
  previewBusinessCase,
  updateAssumptions,
  updateNeighbourhoodSettings,
  updateStep,
} from './areas.service.js';
import { Leefbaarheidsmonitor, MonitorQuery } from './monitor.dto.js';
import { liveabilityMonitor } from './monitor.service.js';
import { PUBLIC_MAX_BODY_BYTES } from './public-routes.js';
import {
  Buurtlocaties,
  Buurtmelding,
  Buurtmeldingen,
  BuurtmeldingOntvangen,
  BuurtmeldingQuery,
  BuurtmeldingWijziging,
  MijnBuurtmelding,
  NieuweBuurtmelding,
  OpenbareLocatie,
  SlugParam,
  VolgcodeParam,
} from './reports.dto.js';
import {
  listPublicFacilities,
  listReports,
  publicFacilityPage,
  reportByTrackingCode,
  submitReport,
  updateReport,
} from './reports.service.js';

/**
 * Limits of the public routes (docs/adr/0019). Reports are counted in the database, so the limits hold across all
 * server processes; page views are counted per process in memory, because a database write per page view would
 * cost more than the abuse it stops (a read changes nothing, and the write limits still hold).
 */
export const PUBLIC_LIMITS = {
  reportsPerAddress: { limit: 5, windowSeconds: 600 },
  reportsPerFacility: { limit: 30, windowSeconds: 3600 },
  readsPerAddress: { limit: 120, windowSeconds: 60 },
} as const;

export function registerNeighbourhoodRoutes(kit: ApiKit) {
  const { app, run, database, now } = kit;
  const secret = installationFormSecret(database);
  const tokens = sharedFormTokens(secret);
  const perAddress = databaseRateLimiter(
    database,
    secret,
    'melding-adres',
    PUBLIC_LIMITS.reportsPerAddress.limit,
    PUBLIC_LIMITS.reportsPerAddress.windowSeconds,
  );
  const perFacility = databaseRateLimiter(
    database,
    secret,
    'melding-locatie',
    PUBLIC_LIMITS.reportsPerFacility.limit,
    PUBLIC_LIMITS.reportsPerFacility.windowSeconds,
  );
  const reads = rateLimiter(PUBLIC_LIMITS.readsPerAddress.limit, PUBLIC_LIMITS.readsPerAddress.windowSeconds);
  const tooMany = (c: Parameters<MiddlewareHandler>[0], wait: number) =>
    problem(
      c,
      429,
      'Te veel aanvragen',
      'Er zijn vanaf hier te veel meldingen of aanvragen gedaan. Probeer het later opnieuw.',
      undefined,
      { 'Retry-After': String(Math.max(1, Math.ceil(wait))) },
    );
  const publicGuard: MiddlewareHandler = async (c, next) => {
    const ip = kit.sourceIp(c) ?? 'onbekend';
    const t = now();
    // Read the shared secret before any route opens a transaction: PGlite has one connection, so a read of the secret
    // from inside a transaction would wait for itself.
    await secret();
    if (c.req.method === 'POST') {
      const length = Number(c.req.header('content-length') ?? '0');
      const text = length > PUBLIC_MAX_BODY_BYTES ? '' : await c.req.text();
      if (length > PUBLIC_MAX_BODY_BYTES || Buffer.byteLength(text) > PUBLIC_MAX_BODY_BYTES) {
        return problem(
          c,
          413,
          'Aanvraag te groot',
          `Een melding is hooguit ${PUBLIC_MAX_BODY_BYTES / 1024} kB. Maak uw beschrijving korter.`,
        );
      }
      const wait = (await perAddress.hit(`ip:${ip}`, t)) ?? (await perFacility.hit(`locatie:${c.req.path}`, t));
      if (wait !== null) return tooMany(c, wait);
    } else {
      const wait = reads.hit(`ip:${ip}`, t);
      if (wait !== null) return tooMany(c, wait);
    }
    await next();
  };
  app.use('/v1/openbare-locaties/*', publicGuard);
  app.use('/v1/openbare-meldingen/*', publicGuard);

  // ----- openbaar: zonder inloggen -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/openbare-locaties/{slug}',
      access: 'openbaar',
      tags: ['Buurt (openbaar)'],
      summary: 'De openbare pagina van een voorziening: wat het is, afspraken met de buurt, contact en bijeenkomst',
      description: 'Zonder inloggen en zonder persoonsgegevens. Geeft ook het formuliertoken voor een melding.',
      request: { params: SlugParam },
      responses: { 200: { description: 'De openbare pagina', ...jsonContent(OpenbareLocatie) } },
      extraProblems: [404, 429],
    }),
    async (c) => c.json(await publicFacilityPage(database, c.req.valid('param').slug, now(), tokens), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/openbare-locaties/{slug}/meldingen',
      access: 'openbaar',
      tags: ['Buurt (openbaar)'],
      summary: 'Een melding van overlast doen (contactgegevens zijn niet verplicht)',
      description:
        'Zonder inloggen. Bescherming tegen misbruik: formuliertoken (niet binnen 3 seconden, niet ouder dan 4 uur), een leeg te laten veld `website`, hooguit 16 kB, en een limiet per adres (5 per 10 minuten) en per locatie (30 per uur): daarboven 429.',
      request: { params: SlugParam, ...body(NieuweBuurtmelding) },
      responses: { 201: { description: 'Ontvangen; met de volgcode', ...jsonContent(BuurtmeldingOntvangen) } },
      extraProblems: [404, 429],
    }),
    async (c) =>
      c.json(await submitReport(database, c.req.valid('param').slug, c.req.valid('json'), now(), tokens), 201),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/openbare-meldingen/{volgcode}',
      access: 'openbaar',
      tags: ['Buurt (openbaar)'],
      summary: 'De eigen melding volgen met de volgcode: status en reactie',
      request: { params: VolgcodeParam },
      responses: { 200: { description: 'De melding', ...jsonContent(MijnBuurtmelding) } },
      extraProblems: [404, 429],
    }),
    async (c) => c.json(await reportByTrackingCode(database, c.req.valid('param').volgcode), 200),
  );

  // ----- meldingen behandelen -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/buurtmeldingen',
      access: 'buurtmeldingen.zien',
      tags: ['Buurt'],
      summary: 'Werklijst buurtmeldingen, met herhaalde meldingen over dezelfde plek',
      request: { query: BuurtmeldingQuery },
      responses: { 200: { description: 'Meldingen', ...jsonContent(Buurtmeldingen) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listReports(ctx, c.req.valid('query'))), 200),
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/buurtmeldingen/{id}',
      access: 'buurtmeldingen.behandelen',
      tags: ['Buurt'],
      summary: 'Status van een melding wijzigen en/of de melder een reactie geven',
      request: { params: IdParam, ...body(BuurtmeldingWijziging) },
      responses: { 200: { description: 'De melding', ...jsonContent(Buurtmelding) } },
      extraProblems: [404, 409],
    }),
    async (c) => c.json(await run(c, (ctx) => updateReport(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/buurtlocaties',
      access: 'buurtmeldingen.zien',
      tags: ['Buurt'],
      summary: 'Voorzieningen met een openbare pagina, met open meldingen',
      responses: { 200: { description: 'Locaties', ...jsonContent(Buurtlocaties) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listPublicFacilities(ctx)), 200),
  );

  // ----- wijken en draagkracht -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/wijken',
      access: 'buurt.lezen',
      tags: ['Buurt'],
      summary: 'Wijken met voorzieningen, plekken per 1.000 inwoners, meldingen, CBS-indicatoren en draagkracht',
      responses: { 200: { description: 'Wijken', ...jsonContent(Wijken) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listWijken(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'put',
      path: '/v1/draagkracht-instellingen',
      access: 'buurt.beheren',
      tags: ['Buurt'],
      summary: 'Gewichten van de draagkrachtscore, de CBS-indicator en de kosten per nacht',
      request: body(DraagkrachtInstellingen),
      responses: { 200: { description: 'Wijken met de nieuwe score', ...jsonContent(Wijken) } },
    }),
    async (c) => c.json(await run(c, (ctx) => updateNeighbourhoodSettings(ctx, c.req.valid('json'))), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/cbs-imports',
      access: 'buurt.beheren',
      tags: ['Buurt'],
      summary: 'Kerncijfers wijken en buurten (CBS) inlezen: inwoners en gekozen kolommen',
      request: body(CbsImport),
      responses: { 201: { description: 'Ingelezen', ...jsonContent(CbsImportResultaat) } },
    }),
    async (c) => c.json(await run(c, (ctx) => importCbs(ctx, c.req.valid('json'))), 201),
  );

  // ----- kandidaat-locaties, business case, procedure -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/locatiekandidaten',
      access: 'buurt.lezen',
      tags: ['Buurt'],
      summary: 'Kandidaat-locaties met business case, procedure en de draagkracht van de wijk',
      responses: { 200: { description: 'Kandidaten', ...jsonContent(Locatiekandidaten) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listSites(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/locatiekandidaten',
      access: 'buurt.beheren',
      tags: ['Buurt'],
      summary: 'Een kandidaat-locatie toevoegen (ook leegstaand publiek vastgoed)',
      request: body(NieuweLocatiekandidaat),
      responses: { 201: { description: 'Toegevoegd', ...jsonContent(Locatiekandidaat) } },
    }),
    async (c) => c.json(await run(c, (ctx) => createSite(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    route({
      method: 'put',
      path: '/v1/locatiekandidaten/{id}/aannames',
      access: 'buurt.beheren',
      tags: ['Buurt'],
      summary: 'Aannames van de business case wijzigen (de uitkomst wordt herberekend)',
      request: { params: IdParam, ...body(AannamesWijziging) },
      responses: { 200: { description: 'De kandidaat', ...jsonContent(Locatiekandidaat) } },
      extraProblems: [404],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => updateAssumptions(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    route({
      method: 'put',
      path: '/v1/locatiekandidaten/{id}/status',
      access: 'buurt.beheren',
      tags: ['Buurt'],
      summary: 'De status van een kandidaat wijzigen; bij "procedure" ontstaat de checklist',
      request: { params: IdParam, ...body(LocatiekandidaatStatus) },
      responses: { 200: { description: 'De kandidaat', ...jsonContent(Locatiekandidaat) } },
      extraProblems: [404, 409],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => changeSiteStatus(ctx, c.req.valid('param').id, c.req.valid('json').status)), 200),
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/locatiekandidaten/{id}/procedurestappen/{stapId}',
      access: 'buurt.beheren',
      tags: ['Buurt'],
      summary: 'Een stap van de procedure bijwerken (eigenaar, geplande en gedane datum)',
      description: 'De publicatie kan pas gedaan zijn als de omwonenden eerder geïnformeerd zijn (409).',
      request: { params: StapParams, ...body(ProcedurestapWijziging) },
      responses: { 200: { description: 'De kandidaat', ...jsonContent(Locatiekandidaat) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await run(c, (ctx) => updateStep(ctx, p.id, p.stapId, c.req.valid('json'))), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/locatiekandidaten/{id}/afspraken',
      access: 'buurt.beheren',
      tags: ['Buurt'],
      summary: 'Een afspraak met de buurt vastleggen (wie, wat, wanneer)',
      request: { params: IdParam, ...body(NieuweLocatieAfspraak) },
      responses: { 201: { description: 'De kandidaat', ...jsonContent(Locatiekandidaat) } },
      extraProblems: [404],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => addSiteAgreement(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/business-case-berekeningen',
      access: 'buurt.lezen',
      tags: ['Buurt'],
      summary: 'Een business case doorrekenen zonder op te slaan (voorbeeld tijdens het wijzigen)',
      request: body(BusinessCaseBerekening),
      responses: { 200: { description: 'De uitkomst', ...jsonContent(BusinessCase) } },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(await run(c, async (ctx) => previewBusinessCase(ctx, b.plekken, b.aannames)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/buurtwerklijst',
      access: 'buurt.lezen',
      tags: ['Buurt'],
      summary: 'Werklijst beleid: procedurestappen over de datum en meldingen die lang open staan',
      responses: { 200: { description: 'Werklijst', ...jsonContent(Buurtwerklijst) } },
    }),
    async (c) => c.json(await run(c, (ctx) => neighbourhoodWorklist(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/leefbaarheidsmonitor',
      access: 'leefbaarheid.lezen',
      tags: ['Buurt'],
      summary: 'Leefbaarheidsmonitor per jaar: meldingen per soort en maand, reactietijd, afspraken, trend',
      request: { query: MonitorQuery },
      responses: { 200: { description: 'De monitor', ...jsonContent(Leefbaarheidsmonitor) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => liveabilityMonitor(ctx, c.req.valid('query'))), 200),
  );
  void z;
}
