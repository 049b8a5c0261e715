// Issue 16 — de dienst op een locatie: dienstoverzicht, aanwezigheidscontrole per nacht, dienstoverdracht en
// huisregelmaatregelen (waarschuwing, schorsing) per verblijf.
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import * as S from '../../platform/http/schemas.js';
import {
  Aanwezigheid,
  Dienst,
  Dienstoverdracht,
  Dienstoverdrachten,
  DienstQuery,
  Maatregel,
  Maatregelen,
  NachtQuery,
  NieuweAanwezigheid,
  NieuweDienstoverdracht,
  NieuweMaatregel,
} from './shift.dto.js';
import {
  addHandoverNote,
  addMeasure,
  confirmPresence,
  listHandoverNotes,
  listMeasures,
  presenceList,
  shiftView,
} from './shift.service.js';

export function registerShiftRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Locaties'];
  app.openapi(
    route({
      method: 'get',
      path: '/v1/locaties/{id}/dienst',
      access: 'dienst.zien',
      tags,
      summary: 'Dienstoverzicht van een locatie',
      description:
        'Aankomsten en vertrekken van de dag, vrije kamers, bewoners met een signaal (boven de norm, geen plan, actie te laat, aanwezigheid onbevestigd, geschorst), journaal en incidenten, huisregels en de dienstoverdracht.',
      request: { params: S.IdParam, query: DienstQuery },
      responses: { 200: { description: 'Dienstoverzicht', ...jsonContent(Dienst) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { datum } = c.req.valid('query');
      return c.json(await run(c, (ctx) => shiftView(ctx, id, datum)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/locaties/{id}/aanwezigheid',
      access: 'aanwezigheid.zien',
      tags,
      summary: 'Aanwezigheidscontrole: wie slaapt hier deze nacht',
      request: { params: S.IdParam, query: NachtQuery },
      responses: { 200: { description: 'Bewoners van de nacht', ...jsonContent(Aanwezigheid) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { nacht } = c.req.valid('query');
      return c.json(await run(c, (ctx) => presenceList(ctx, id, nacht)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/locaties/{id}/aanwezigheid',
      access: 'aanwezigheid.bevestigen',
      tags,
      summary: 'Aanwezigheid van een nacht bevestigen (wie sliep hier)',
      description:
        'Per verblijf: aanwezig of niet. Een verblijf dat 48 uur (twee nachten) niemand als aanwezig bevestigde, heet onbevestigd.',
      request: { params: S.IdParam, ...body(NieuweAanwezigheid) },
      responses: { 200: { description: 'Vastgelegd', ...jsonContent(Aanwezigheid) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => confirmPresence(ctx, id, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/locaties/{id}/dienstoverdrachten',
      access: 'dienst.zien',
      tags,
      summary: 'Dienstoverdrachten van de afgelopen 7 dagen',
      request: { params: S.IdParam },
      responses: { 200: { description: 'Nieuwste eerst', ...jsonContent(Dienstoverdrachten) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => listHandoverNotes(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/locaties/{id}/dienstoverdrachten',
      access: 'dienstoverdracht.schrijven',
      tags,
      summary: 'Notitie voor de volgende dienst',
      request: { params: S.IdParam, ...body(NieuweDienstoverdracht) },
      responses: { 201: { description: 'Vastgelegd', ...jsonContent(Dienstoverdracht) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => addHandoverNote(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/plaatsingen/{id}/maatregelen',
      access: 'huisregels.lezen',
      tags: ['Plaatsingen'],
      summary: 'Waarschuwingen en schorsingen van een verblijf',
      request: { params: S.IdParam },
      responses: { 200: { description: 'Nieuwste eerst', ...jsonContent(Maatregelen) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => listMeasures(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/plaatsingen/{id}/maatregelen',
      access: 'huisregels.vastleggen',
      tags: ['Plaatsingen'],
      summary: 'Waarschuwing of schorsing vastleggen (huisregels)',
      request: { params: S.IdParam, ...body(NieuweMaatregel) },
      responses: { 201: { description: 'Vastgelegd', ...jsonContent(Maatregel) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => addMeasure(ctx, id, input)), 201);
    },
  );
}
