import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route, withLinks } from '../../platform/http/kit.js';
import { datum, IdParam } from '../../platform/http/schemas.js';
import { CaseList, CaseView } from './cases.dto.js';
import { addStep, getCase, listCases } from './cases.service.js';
import { PreventionFigures } from './prevention-figures.dto.js';
import { preventionFigures } from './prevention-figures.service.js';
import { SignalFileCommitted, SignalFilePreview, SignalIds } from './signals.dto.js';
import { commitSignalFile, createSignal, getSignalFile, uploadSignalFile } from './signals.service.js';

// Voorkomen: vroegsignalering (signals, CSV files) and Vroeg Eropaf (preventive cases), and their yearly figures.
// Nazorg, budgetbeheer and terugval are in ../aftercare/aftercare.routes.ts.

/** A date as a signal's source writes it: JJJJ-MM-DD or DD-MM-JJJJ (the service checks it). */
const sourceDate = (description: string, example: string) =>
  z
    .string()
    .max(20)
    .openapi({ format: 'date', example, description: `${description}: JJJJ-MM-DD of DD-MM-JJJJ` });

const NewSignal = z
  .object({
    bron: z.string().max(40).openapi({ description: 'verhuurder | corporatie | energie | water | zorgverzekeraar' }),
    bronNaam: z.string().max(200),
    referentie: z.string().max(100),
    datum: sourceDate('Signaaldatum', '2026-11-02'),
    voornaam: z.string().max(100),
    achternaam: z.string().max(100),
    geboortedatum: sourceDate('Geboortedatum', '1985-04-02').nullish(),
    bsn: z
      .string()
      .max(12)
      .nullish()
      .openapi({ description: 'Optioneel; 9 cijfers, elfproef. Alleen in de body, nooit in een URL.' }),
    postcode: z.string().max(10),
    huisnummer: z.string().max(20),
    bedragAchterstand: z.union([z.number(), z.string().max(20)]),
    maandenAchterstand: z.union([z.number().int(), z.string().max(5)]),
  })
  .openapi('NieuwSignaal');
const SignalFile = z
  .object({
    bestandsnaam: z.string().max(200),
    inhoud: z.string().max(2_000_000).openapi({
      description:
        'De CSV-tekst (scheidingsteken ; of ,), met een kopregel: bron;bronNaam;referentie;datum;voornaam;achternaam;geboortedatum;bsn;postcode;huisnummer;bedrag;maanden',
    }),
  })
  .openapi('Signaalbestand');
const Commit = z.object({}).openapi('SignaalbestandVerwerking');
const CaseQuery = z.object({
  status: z.enum(['open', 'afgesloten', 'alle']).optional(),
  sorteer: z.enum(['leeftijd', 'bedrag']).optional(),
  zoek: z.string().max(100).optional(),
  pagina: z.coerce.number().int().min(1).optional(),
  paginaGrootte: z.coerce.number().int().min(1).max(200).optional(),
});
const Step = z
  .object({
    soort: z.enum(['contactpoging', 'huisbezoek', 'uitkomst'], {
      message: 'Kies contactpoging, huisbezoek of uitkomst.',
    }),
    datum,
    bereikt: z.boolean().nullish(),
    uitkomst: z.string().max(40).nullish(),
    toelichting: z.string().max(2000).nullish(),
  })
  .openapi('PreventiezaakStap');
const PreventionQuery = z.object({ jaar: z.coerce.number().int().min(2000).max(2100) });

export function registerPreventionRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Voorkomen'];

  // ---------- vroegsignalering ----------
  app.openapi(
    route({
      method: 'post',
      path: '/v1/signalen',
      tags,
      access: 'signalen.vastleggen',
      summary: 'Eén signaal betalingsachterstand vastleggen (opent een preventiezaak)',
      request: body(NewSignal),
      responses: { 201: { description: 'Vastgelegd', ...jsonContent(SignalIds) } },
      extraProblems: [409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createSignal(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/signaalbestanden',
      tags,
      access: 'signalen.vastleggen',
      summary: 'CSV met signalen uploaden: voorvertoning met fouten per regel (nog niets opgeslagen)',
      request: body(SignalFile),
      responses: { 201: { description: 'Voorvertoning', ...jsonContent(SignalFilePreview) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => uploadSignalFile(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/signaalbestanden/{id}',
      tags,
      access: 'voorkomen.werken',
      summary: 'Voorvertoning (of resultaat) van een signaalbestand',
      request: { params: IdParam },
      responses: { 200: { description: 'Voorvertoning', ...jsonContent(SignalFilePreview) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getSignalFile(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/signaalbestanden/{id}/verwerkingen',
      tags,
      access: 'signalen.vastleggen',
      summary: 'Signaalbestand verwerken: geldige regels opslaan, afgewezen regels melden',
      request: { params: IdParam, ...body(Commit) },
      responses: { 201: { description: 'Verwerkt', ...jsonContent(SignalFileCommitted) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => commitSignalFile(ctx, id)), 201);
    },
  );

  // ---------- preventiezaken ----------
  app.openapi(
    route({
      method: 'get',
      path: '/v1/preventiezaken',
      tags,
      access: 'voorkomen.werken',
      summary: 'Werklijst Vroeg Eropaf (oudste en hoogste achterstand eerst)',
      request: { query: CaseQuery },
      responses: { 200: { description: 'Werklijst', ...jsonContent(CaseList) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(withLinks(c, await run(c, (ctx) => listCases(ctx, q))), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/preventiezaken/{id}',
      tags,
      access: 'voorkomen.werken',
      summary: 'Preventiezaak met signaal en stappen',
      request: { params: IdParam },
      responses: { 200: { description: 'Zaak', ...jsonContent(CaseView) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getCase(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/preventiezaken/{id}/stappen',
      tags,
      access: 'preventiezaken.stapVastleggen',
      summary: 'Stap vastleggen: contactpoging, huisbezoek of uitkomst (409 als de stap in deze fase niet kan)',
      request: { params: IdParam, ...body(Step) },
      responses: { 201: { description: 'Zaak', ...jsonContent(CaseView) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => addStep(ctx, id, input)), 201);
    },
  );

  // ---------- cijfers ----------
  app.openapi(
    route({
      method: 'get',
      path: '/v1/rapportages/preventie',
      tags: ['Rapportages'],
      access: 'rapportages.lezen',
      summary: 'Preventiecijfers per jaar: signalen, huisuitzettingen (doel nul), binnen 2 weken opgepakt',
      request: { query: PreventionQuery },
      responses: { 200: { description: 'Preventiecijfers', ...jsonContent(PreventionFigures) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => preventionFigures(ctx, q)), 200);
    },
  );
}
