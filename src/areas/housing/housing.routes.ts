// Issue 5 — van opvang naar wonen: woonplekken, corporaties, prestatieafspraken, woonkandidaten, matching,
// aanbiedingen, Housing First en de cijfers wonen.
import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { datum, IdParam } from '../../platform/http/schemas.js';
import { Prestatieafspraken } from './agreements.dto.js';
import { listAgreements, upsertAgreement } from './agreements.service.js';
import { Woonkandidaat, Woonkandidaten } from './candidates.dto.js';
import { getCandidate, listCandidates, markReady } from './candidates.service.js';
import { Corporatie, Corporaties } from './corporations.dto.js';
import { createCorporation, listCorporations } from './corporations.service.js';
import { CijfersWonen } from './housing-figures.dto.js';
import { housingFigures, housingFirstPipeline } from './housing-figures.service.js';
import { HousingFirstPijplijn, HousingFirstTraject, HousingFirstTrajecten } from './housing-first.dto.js';
import { createHousingFirst, listHousingFirst, recordHousingFirstDecision } from './housing-first.service.js';
import { KandidatenBijWoonplek, Toewijzingsvoorstel, WoonplekkenBijKandidaat } from './matching.dto.js';
import { CANDIDATE_STATUSES, UNIT_STATUSES } from './matching.js';
import { candidatesForUnit, computeProposal, unitsForCandidate } from './matching.service.js';
import { Aanbieding, Aanbiedingen } from './offers.dto.js';
import { createOffer, getOffer, listOffers, respondToOffer } from './offers.service.js';
import { Woonplek, Woonplekken } from './units.dto.js';
import { changeUnitStatus, createHousingUnit, getUnit, listUnits } from './units.service.js';

const gemeentecode = z.string().regex(/^\d{4}$/, 'Een gemeentecode heeft 4 cijfers.');

const NewCorporation = z
  .object({ naam: z.string().max(200), email: z.string().max(200).nullish(), telefoon: z.string().max(40).nullish() })
  .openapi('NieuweCorporatie');
const NewUnit = z
  .object({
    corporatieId: z.string().max(64).nullish(),
    type: z.string().max(40),
    adres: z.string().max(300),
    postcode: z.string().max(10).nullish(),
    gemeentecode,
    wijk: z.string().max(100).nullish(),
    kamers: z.number().int(),
    oppervlakte: z.number(),
    huur: z.number().openapi({ description: 'Kale huur per maand in euro' }),
    beschikbaarVanaf: datum,
    huishoudenMin: z.number().int().optional(),
    huishoudenMax: z.number().int().optional(),
    leeftijdsgroep: z.string().max(20).optional(),
    ondersteuning: z.string().max(20).optional(),
    voorwaarden: z.string().max(2000).nullish(),
  })
  .openapi('NieuweWoonplek');
const UnitStatus = z.object({ status: z.string().max(20) }).openapi('WoonplekStatus');
const UnitQuery = z.object({
  status: z.enum(UNIT_STATUSES).optional(),
  gemeentecode: gemeentecode.optional(),
  corporatieId: z.string().max(64).optional(),
});
const Agreement = z
  .object({ corporatieId: z.string().min(1).max(64), jaar: z.number().int(), gemeentecode, aantal: z.number().int() })
  .openapi('Prestatieafspraak');
const AgreementQuery = z.object({ jaar: z.coerce.number().int().min(2000).max(2100).optional() });
const NewCandidate = z
  .object({
    clientId: z.string().min(1).max(64),
    huishoudgrootte: z.number().int(),
    nettoInkomen: z.number().openapi({ description: 'Netto maandinkomen in euro' }),
    ondersteuning: z.string().max(20),
    voorkeursgemeenten: z.array(gemeentecode).max(20).optional(),
    netwerkgemeente: gemeentecode.nullish(),
    urgentie: z.string().max(20).optional(),
    woonklaarSinds: datum,
  })
  .openapi('NieuweWoonkandidaat');
const CandidateQuery = z.object({
  status: z.enum(CANDIDATE_STATUSES).optional(),
  clientId: z.string().max(64).optional(),
});
const Limit = z.object({ limiet: z.coerce.number().int().min(1).max(500).optional() });
const NewOffer = z
  .object({ woonplekId: z.string().min(1).max(64), kandidaatId: z.string().min(1).max(64), datum })
  .openapi('NieuweAanbieding');
const OfferQuery = z.object({
  status: z.string().max(20).optional(),
  kandidaatId: z.string().max(64).optional(),
  woonplekId: z.string().max(64).optional(),
});
const Reaction = z
  .object({
    reactie: z
      .string()
      .max(20)
      .openapi({ description: 'geaccepteerd | afgewezen | ingetrokken | contract-getekend | verhuisd' }),
    datum,
    reden: z.string().max(2000).nullish(),
  })
  .openapi('ReactieAanbieding');
const NewHf = z
  .object({ clientId: z.string().min(1).max(64), gemeentecode, aangemeldOp: datum, beschikkingOp: datum.nullish() })
  .openapi('NieuwHousingFirstTraject');
const HfDecision = z.object({ datum }).openapi('HousingFirstBeschikking');
const PeriodQuery = z.object({ van: datum, tot: datum.openapi({ description: 'Einddatum, exclusief' }) });

export function registerHousingRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Wonen'];

  // ----- corporaties -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/corporaties',
      tags,
      access: 'wonen.zien',
      summary: 'Woningcorporaties (corporatiemedewerker: de eigen)',
      responses: { 200: { description: 'Lijst', ...jsonContent(Corporaties) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listCorporations(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/corporaties',
      tags,
      access: 'wonen.corporatiesBeheren',
      summary: 'Woningcorporatie toevoegen',
      request: body(NewCorporation),
      responses: { 201: { description: 'Aangemaakt', ...jsonContent(Corporatie) } },
      extraProblems: [409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createCorporation(ctx, input)), 201);
    },
  );

  // ----- woonplekken -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/woonplekken',
      tags,
      access: 'wonen.zien',
      summary: 'Woonplekken (corporatiemedewerker: alleen eigen woningen)',
      request: { query: UnitQuery },
      responses: { 200: { description: 'Lijst', ...jsonContent(Woonplekken) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => listUnits(ctx, q)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/woonplekken',
      tags,
      access: 'wonen.woonplekkenBeheren',
      summary: 'Woonplek registreren',
      request: body(NewUnit),
      responses: { 201: { description: 'Aangemaakt', ...jsonContent(Woonplek) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createHousingUnit(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/woonplekken/{id}',
      tags,
      access: 'wonen.zien',
      summary: 'Eén woonplek',
      request: { params: IdParam },
      responses: { 200: { description: 'Woonplek', ...jsonContent(Woonplek) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getUnit(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/woonplekken/{id}',
      tags,
      access: 'wonen.woonplekStatusWijzigen',
      summary: 'Woonplek (niet) beschikbaar zetten',
      request: { params: IdParam, ...body(UnitStatus) },
      responses: { 200: { description: 'Woonplek', ...jsonContent(Woonplek) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { status } = c.req.valid('json');
      return c.json(await run(c, (ctx) => changeUnitStatus(ctx, id, status)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/woonplekken/{id}/kandidaten',
      tags,
      access: 'wonen.kandidatenZien',
      summary: 'Passende woonklare cliënten voor deze woonplek, gerangschikt met uitleg',
      request: { params: IdParam, query: Limit },
      responses: { 200: { description: 'Gerangschikt', ...jsonContent(KandidatenBijWoonplek) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => candidatesForUnit(ctx, id, q)), 200);
    },
  );

  // ----- prestatieafspraken -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/prestatieafspraken',
      tags,
      access: 'wonen.zien',
      summary: 'Prestatieafspraken en realisatie per corporatie en gemeente (met landelijk doel)',
      request: { query: AgreementQuery },
      responses: { 200: { description: 'Afspraken', ...jsonContent(Prestatieafspraken) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => listAgreements(ctx, q)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/prestatieafspraken',
      tags,
      access: 'wonen.prestatieafsprakenBeheren',
      summary: 'Prestatieafspraak vastleggen of bijwerken',
      request: body(Agreement),
      responses: { 201: { description: 'Afspraken van dat jaar', ...jsonContent(Prestatieafspraken) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => upsertAgreement(ctx, input)), 201);
    },
  );

  // ----- woonkandidaten en matching -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/woonkandidaten',
      tags,
      access: 'wonen.kandidatenZien',
      summary: 'Woonklare cliënten',
      request: { query: CandidateQuery },
      responses: { 200: { description: 'Lijst', ...jsonContent(Woonkandidaten) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => listCandidates(ctx, q)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/woonkandidaten',
      tags,
      access: 'wonen.kandidatenBeheren',
      summary: 'Cliënt met open traject woonklaar melden',
      request: body(NewCandidate),
      responses: { 201: { description: 'Aangemaakt', ...jsonContent(Woonkandidaat) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => markReady(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/woonkandidaten/{id}',
      tags,
      access: 'wonen.kandidatenZien',
      summary: 'Eén woonkandidaat',
      request: { params: IdParam },
      responses: { 200: { description: 'Woonkandidaat', ...jsonContent(Woonkandidaat) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getCandidate(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/woonkandidaten/{id}/woonplekken',
      tags,
      access: 'wonen.kandidatenZien',
      summary: 'Passende vrije woonplekken voor deze kandidaat, gerangschikt met uitleg',
      request: { params: IdParam, query: Limit },
      responses: { 200: { description: 'Gerangschikt', ...jsonContent(WoonplekkenBijKandidaat) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => unitsForCandidate(ctx, id, q)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/toewijzingsvoorstellen',
      tags,
      access: 'wonen.kandidatenZien',
      summary:
        'Optimale toewijzing van alle vrije woonplekken aan alle woonklare cliënten berekenen (niets wordt opgeslagen)',
      responses: { 200: { description: 'Voorstel', ...jsonContent(Toewijzingsvoorstel) } },
    }),
    async (c) => c.json(await run(c, (ctx) => computeProposal(ctx)), 200),
  );

  // ----- aanbiedingen -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/aanbiedingen',
      tags,
      access: 'wonen.aanbiedingenZien',
      summary: 'Aanbiedingen (corporatiemedewerker: op eigen woningen, beperkte kandidaatgegevens)',
      request: { query: OfferQuery },
      responses: { 200: { description: 'Lijst', ...jsonContent(Aanbiedingen) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => listOffers(ctx, q)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/aanbiedingen',
      tags,
      access: 'wonen.aanbieden',
      summary: 'Woonplek aanbieden aan een woonklare cliënt',
      request: body(NewOffer),
      responses: { 201: { description: 'Aangeboden', ...jsonContent(Aanbieding) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createOffer(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/aanbiedingen/{id}',
      tags,
      access: 'wonen.aanbiedingenZien',
      summary: 'Eén aanbieding',
      request: { params: IdParam },
      responses: { 200: { description: 'Aanbieding', ...jsonContent(Aanbieding) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => getOffer(ctx, id)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/aanbiedingen/{id}/reacties',
      tags,
      access: 'wonen.aanbiedingReageren',
      summary:
        'Volgende stap: geaccepteerd, afgewezen (reden), ingetrokken, contract getekend, verhuisd (beëindigt verblijf en traject)',
      request: { params: IdParam, ...body(Reaction) },
      responses: { 201: { description: 'Aanbieding', ...jsonContent(Aanbieding) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => respondToOffer(ctx, id, input)), 201);
    },
  );

  // ----- Housing First -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/housing-first-trajecten',
      tags,
      access: 'wonen.housingFirstBeheren',
      summary: 'Housing First-trajecten',
      responses: { 200: { description: 'Lijst', ...jsonContent(HousingFirstTrajecten) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listHousingFirst(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/housing-first-trajecten',
      tags,
      access: 'wonen.housingFirstBeheren',
      summary: 'Housing First-traject aanmelden',
      request: body(NewHf),
      responses: { 201: { description: 'Aangemaakt', ...jsonContent(HousingFirstTraject) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createHousingFirst(ctx, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/housing-first-trajecten/{id}/beschikkingen',
      tags,
      access: 'wonen.housingFirstBeschikken',
      summary: 'Housing First-beschikking vastleggen (wacht daarna op een woning)',
      request: { params: IdParam, ...body(HfDecision) },
      responses: { 201: { description: 'Traject', ...jsonContent(HousingFirstTraject) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => recordHousingFirstDecision(ctx, id, input)), 201);
    },
  );

  // ----- cijfers -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/rapportages/housing-first',
      tags: ['Rapportages'],
      access: 'wonen.cijfers',
      summary: 'Housing First-pijplijn per gemeente',
      responses: { 200: { description: 'Pijplijn', ...jsonContent(HousingFirstPijplijn) } },
    }),
    async (c) => c.json(await run(c, (ctx) => housingFirstPipeline(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/rapportages/wonen',
      tags: ['Rapportages'],
      access: 'wonen.cijfers',
      summary: 'Cijfers wonen voor een periode [van, tot): doorlooptijd, aanbiedingen, uitstroom naar wonen',
      request: { query: PeriodQuery },
      responses: { 200: { description: 'Cijfers', ...jsonContent(CijfersWonen) } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await run(c, (ctx) => housingFigures(ctx, q)), 200);
    },
  );
}
