// Issue 12 part B: corrections (cliënt, aanmelding, besluit), beschikking and bezwaar, warme overdracht, splitsen.
import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { DatumUit, datum, IdParam, optText } from '../../platform/http/schemas.js';
import { Client } from './clients.dto.js';
import { correctClient, correctDecision, correctRegistration } from './corrections.service.js';
import { Overdracht, Overdrachten } from './handovers.dto.js';
import { answerHandover, getHandover, listHandovers } from './handovers.service.js';
import { undoMerge } from './merge-undo.service.js';
import { getBeschikking, listObjections, registerObjection, updateObjection } from './objections.service.js';
import { Aanmelding, Bezwaar, BezwaarStatus, Toegangsbesluit } from './registrations.dto.js';

// ---------- request schemas ----------
const reden = z.string().max(2000).openapi({ description: 'Waarom dit wordt gecorrigeerd (verplicht)' });
const ClientCorrection = z
  .object({
    reden,
    voornaam: z.string().max(100).optional(),
    achternaam: z.string().max(100).optional(),
    geboortedatum: datum.nullish(),
    bsn: z.string().max(9).nullish().openapi({ description: '9 cijfers, elfproef. Nooit in een URL.' }),
    herkomstGemeentecode: z
      .string()
      .regex(/^\d{4}$/, 'Een gemeentecode heeft 4 cijfers.')
      .nullish(),
    herkomst: z.string().max(100).nullish(),
    aanleiding: z.string().max(60).nullish(),
    telefoon: z.string().max(40).nullish(),
    email: z.string().max(200).nullish(),
    huishoudleden: z
      .array(
        z.object({
          id: z.string().max(64).nullish(),
          naam: z.string().max(200),
          geboortedatum: datum.nullish(),
          relatie: z.string().max(20),
        }),
      )
      .max(15)
      .optional()
      .openapi({ description: 'Het hele huishouden zoals het moet zijn: zonder id toegevoegd, ontbrekend verwijderd' }),
  })
  .openapi('ClientCorrectie');
const RegistrationCorrection = z
  .object({
    reden,
    datum: datum.optional(),
    bron: z.string().max(40).optional(),
    toelichting: optText,
    screeningDatum: datum.nullish(),
    screening: z.string().max(4000).nullish(),
  })
  .openapi('AanmeldingCorrectie');
const DecisionCorrection = z
  .object({
    reden,
    uitkomst: z.enum(['toegang', 'doorverwijzing', 'afwijzing']).optional(),
    datum: datum.optional(),
    motivering: optText,
  })
  .openapi('BesluitCorrectie');
const NewObjection = z.object({ ontvangenOp: datum, gronden: optText }).openapi('NieuwBezwaar');
const ObjectionUpdate = z
  .object({ status: BezwaarStatus, uitkomstOp: datum.nullish(), uitkomst: optText })
  .openapi('BezwaarAfhandeling');
const ObjectionQuery = z.object({
  binnenDagen: z.coerce.number().int().min(0).max(365).optional().openapi({
    description: 'Alleen bezwaren waarvan de beslistermijn binnen zoveel dagen verloopt (of al verlopen is)',
  }),
});
const HandoverQuery = z.object({
  richting: z.enum(['inkomend', 'uitgaand']).optional(),
  status: z.enum(['voorgesteld', 'geaccepteerd', 'afgewezen']).optional(),
});
const HandoverAnswer = z
  .object({ besluit: z.enum(['accepteren', 'afwijzen']), datum, reden: optText })
  .openapi('OverdrachtBeoordeling');
const MergeParams = z.object({ id: z.string().min(1).max(64), samenvoegingId: z.string().min(1).max(64) });
const MergeUndo = z.object({ reden }).openapi('SplitsingVanSamenvoeging');

// ---------- response schemas ----------
const BezwaarInLijst = Bezwaar.extend({
  client: z.object({ id: z.string(), voornaam: z.string(), achternaam: z.string() }),
  dagenTotTermijn: z.number().int().openapi({ description: 'Negatief: de beslistermijn is verstreken' }),
}).openapi('BezwaarInLijst');
const Bezwaren = z.object({ resultaten: z.array(BezwaarInLijst) }).openapi('Bezwaren');
const Beschikking = z
  .object({
    kenmerk: z.string(),
    gemeente: z.string(),
    datum: DatumUit,
    client: z.object({
      id: z.string(),
      naam: z.string(),
      geboortedatum: DatumUit.nullable(),
      bsn: z.string().nullable(),
    }),
    besluit: Toegangsbesluit,
    onderwerp: z.string(),
    beslissing: z.string(),
    overwegingen: z.array(z.string()),
    ingangsdatum: DatumUit.nullable(),
    einddatum: DatumUit.nullable(),
    duur: z.string().nullable(),
    bezwaar: z.object({
      termijnTot: DatumUit,
      termijnWeken: z.number().int(),
      adres: z.string(),
      tekst: z.string(),
    }),
    ondertekening: z.string().nullable(),
  })
  .openapi('Beschikking');

export function registerCorrectionRoutes(kit: ApiKit) {
  const { app, run } = kit;
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/clienten/{id}',
      access: 'clienten.corrigeren',
      tags: ['Cliënten'],
      summary: 'Persoonsgegevens, contact of huishouden corrigeren (met reden; de geschiedenis blijft)',
      request: { params: IdParam, ...body(ClientCorrection) },
      responses: { 200: { description: 'Gecorrigeerd dossier', ...jsonContent(Client) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => correctClient(ctx, id, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten/{id}/samenvoegingen/{samenvoegingId}/splitsingen',
      access: 'clienten.splitsen',
      tags: ['Cliënten'],
      summary: 'Een samenvoeging ongedaan maken: de twee dossiers weer apart, met hun geschiedenis',
      request: { params: MergeParams, ...body(MergeUndo) },
      responses: { 201: { description: 'Het behouden dossier', ...jsonContent(Client) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id, samenvoegingId } = c.req.valid('param');
      const { reden: r } = c.req.valid('json');
      return c.json(await run(c, (ctx) => undoMerge(ctx, id, samenvoegingId, r)), 201);
    },
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/aanmeldingen/{id}',
      access: 'aanmeldingen.corrigeren',
      tags: ['Aanmeldingen'],
      summary: 'Aanmelding of screening corrigeren (met reden)',
      request: { params: IdParam, ...body(RegistrationCorrection) },
      responses: { 200: { description: 'Gecorrigeerde aanmelding', ...jsonContent(Aanmelding) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => correctRegistration(ctx, id, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/toegangsbesluiten/{id}',
      access: 'besluiten.corrigeren',
      tags: ['Aanmeldingen'],
      summary: 'Toegangsbesluit corrigeren (met reden; het oorspronkelijke besluit blijft zichtbaar)',
      request: { params: IdParam, ...body(DecisionCorrection) },
      responses: { 200: { description: 'Gecorrigeerd besluit', ...jsonContent(Toegangsbesluit) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => correctDecision(ctx, id, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/toegangsbesluiten/{id}/beschikking',
      access: 'beschikkingen.lezen',
      tags: ['Aanmeldingen'],
      summary: 'Het toegangsbesluit als Wmo-beschikking (om af te drukken)',
      request: { params: IdParam },
      responses: { 200: { description: 'Beschikking', ...jsonContent(Beschikking) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getBeschikking(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/toegangsbesluiten/{id}/bezwaren',
      access: 'bezwaren.registreren',
      tags: ['Bezwaren'],
      summary: 'Bezwaar tegen een toegangsbesluit registreren',
      request: { params: IdParam, ...body(NewObjection) },
      responses: { 201: { description: 'Geregistreerd', ...jsonContent(Bezwaar) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => registerObjection(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/bezwaren',
      access: 'bezwaren.lezen',
      tags: ['Bezwaren'],
      summary: 'Open bezwaren, eerst verlopende beslistermijn eerst',
      request: { query: ObjectionQuery },
      responses: { 200: { description: 'Lijst', ...jsonContent(Bezwaren) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => listObjections(ctx, q)), 200);
    },
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/bezwaren/{id}',
      access: 'bezwaren.registreren',
      tags: ['Bezwaren'],
      summary: 'Status en uitkomst van een bezwaar vastleggen',
      request: { params: IdParam, ...body(ObjectionUpdate) },
      responses: { 200: { description: 'Bijgewerkt', ...jsonContent(Bezwaar) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => updateObjection(ctx, id, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/overdrachten',
      access: 'overdrachten.lezen',
      tags: ['Overdrachten'],
      summary: 'Warme overdrachten van en naar de eigen centrumgemeente',
      request: { query: HandoverQuery },
      responses: { 200: { description: 'Lijst', ...jsonContent(Overdrachten) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => listHandovers(ctx, q)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/overdrachten/{id}',
      access: 'overdrachten.lezen',
      tags: ['Overdrachten'],
      summary: 'Eén warme overdracht',
      request: { params: IdParam },
      responses: { 200: { description: 'Overdracht', ...jsonContent(Overdracht) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getHandover(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/overdrachten/{id}/beoordelingen',
      access: 'overdrachten.beoordelen',
      tags: ['Overdrachten'],
      summary: 'Een inkomende overdracht accepteren of (met reden) afwijzen',
      request: { params: IdParam, ...body(HandoverAnswer) },
      responses: { 201: { description: 'Beoordeeld', ...jsonContent(Overdracht) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => answerHandover(ctx, id, input)), 201);
    },
  );
}
