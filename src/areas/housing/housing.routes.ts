// Issue 5 — van opvang naar wonen: woonplekken, corporaties, prestatieafspraken, woonkandidaten, matching,
// aanbiedingen, Housing First en de cijfers wonen.
import { z } from '@hono/zod-openapi';
import { body, json, route, withLinks, type ApiKit } from '../../platform/http/kit.js';
import { IdParam } from '../../platform/http/schemas.js';
import {
  candidatesForUnit, changeUnitStatus, computeProposal, createCorporation, createUnit, getCandidate, getUnit, listAgreements, listCandidates, listCorporations, listUnits,
  markReady, unitsForCandidate, upsertAgreement,
} from './housing.service.js';
import { createOffer, getOffer, listOffers, respondToOffer } from './offers.service.js';
import { createHousingFirst, housingFigures, housingFirstPipeline, listHousingFirst, recordHousingFirstDecision } from './housing-figures.service.js';

const datum = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Gebruik een datum als JJJJ-MM-DD.').openapi({ format: 'date', example: '2026-11-23' });
const gemeentecode = z.string().regex(/^\d{4}$/, 'Een gemeentecode heeft 4 cijfers.');

const NewCorporation = z.object({ naam: z.string().max(200), email: z.string().max(200).nullish(), telefoon: z.string().max(40).nullish() }).openapi('NieuweCorporatie');
const NewUnit = z.object({
  corporatieId: z.string().max(64).nullish(), type: z.string().max(40), adres: z.string().max(300), postcode: z.string().max(10).nullish(), gemeentecode, wijk: z.string().max(100).nullish(),
  kamers: z.number().int(), oppervlakte: z.number(), huur: z.number().openapi({ description: 'Kale huur per maand in euro' }), beschikbaarVanaf: datum,
  huishoudenMin: z.number().int().optional(), huishoudenMax: z.number().int().optional(), leeftijdsgroep: z.string().max(20).optional(), ondersteuning: z.string().max(20).optional(),
  voorwaarden: z.string().max(2000).nullish(),
}).openapi('NieuweWoonplek');
const UnitStatus = z.object({ status: z.string().max(20) }).openapi('WoonplekStatus');
const UnitQuery = z.object({ status: z.enum(['beschikbaar', 'aangeboden', 'verhuurd', 'niet-beschikbaar']).optional(), gemeentecode: gemeentecode.optional(), corporatieId: z.string().max(64).optional() });
const Agreement = z.object({ corporatieId: z.string().min(1).max(64), jaar: z.number().int(), gemeentecode, aantal: z.number().int() }).openapi('Prestatieafspraak');
const AgreementQuery = z.object({ jaar: z.coerce.number().int().min(2000).max(2100).optional() });
const NewCandidate = z.object({
  clientId: z.string().min(1).max(64), huishoudgrootte: z.number().int(), nettoInkomen: z.number().openapi({ description: 'Netto maandinkomen in euro' }),
  ondersteuning: z.string().max(20), voorkeursgemeenten: z.array(gemeentecode).max(20).optional(), netwerkgemeente: gemeentecode.nullish(), urgentie: z.string().max(20).optional(), woonklaarSinds: datum,
}).openapi('NieuweWoonkandidaat');
const CandidateQuery = z.object({ status: z.enum(['woonklaar', 'gehuisvest', 'ingetrokken']).optional(), clientId: z.string().max(64).optional() });
const Limit = z.object({ limiet: z.coerce.number().int().min(1).max(500).optional() });
const NewOffer = z.object({ woonplekId: z.string().min(1).max(64), kandidaatId: z.string().min(1).max(64), datum }).openapi('NieuweAanbieding');
const OfferQuery = z.object({ status: z.string().max(20).optional(), kandidaatId: z.string().max(64).optional(), woonplekId: z.string().max(64).optional() });
const Reaction = z.object({ reactie: z.string().max(20).openapi({ description: 'geaccepteerd | afgewezen | ingetrokken | contract-getekend | verhuisd' }), datum, reden: z.string().max(2000).nullish() }).openapi('ReactieAanbieding');
const NewHf = z.object({ clientId: z.string().min(1).max(64), gemeentecode, aangemeldOp: datum, beschikkingOp: datum.nullish() }).openapi('NieuwHousingFirstTraject');
const HfDecision = z.object({ datum }).openapi('HousingFirstBeschikking');
const PeriodQuery = z.object({ van: datum, tot: datum.openapi({ description: 'Einddatum, exclusief' }) });

export function registerHousingRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Wonen'];

  app.openapi(route({ method: 'get', path: '/v1/corporaties', tags, summary: 'Woningcorporaties (corporatiemedewerker: de eigen)', responses: { 200: { description: 'Lijst', ...json('Corporaties') } } }),
    async (c) => c.json(await run(c, (ctx) => listCorporations(ctx))));
  app.openapi(route({ method: 'post', path: '/v1/corporaties', tags, summary: 'Woningcorporatie toevoegen', request: body(NewCorporation), responses: { 201: { description: 'Aangemaakt', ...json('Corporatie') } }, extraProblems: [409] }),
    async (c) => { const input = c.req.valid('json'); return c.json(await run(c, (ctx) => createCorporation(ctx, input)), 201); });

  app.openapi(route({ method: 'get', path: '/v1/woonplekken', tags, summary: 'Woonplekken (corporatiemedewerker: alleen eigen woningen)', request: { query: UnitQuery }, responses: { 200: { description: 'Lijst', ...json('Woonplekken') } } }),
    async (c) => { const q = c.req.valid('query'); return c.json(await run(c, (ctx) => listUnits(ctx, q))); });
  app.openapi(route({ method: 'post', path: '/v1/woonplekken', tags, summary: 'Woonplek registreren', request: body(NewUnit), responses: { 201: { description: 'Aangemaakt', ...json('Woonplek') } } }),
    async (c) => { const input = c.req.valid('json'); return c.json(await run(c, (ctx) => createUnit(ctx, input)), 201); });
  app.openapi(route({ method: 'get', path: '/v1/woonplekken/{id}', tags, summary: 'Eén woonplek', request: { params: IdParam }, responses: { 200: { description: 'Woonplek', ...json('Woonplek') } }, extraProblems: [404] }),
    async (c) => { const { id } = c.req.valid('param'); return c.json(await run(c, (ctx) => getUnit(ctx, id))); });
  app.openapi(route({ method: 'patch', path: '/v1/woonplekken/{id}', tags, summary: 'Woonplek (niet) beschikbaar zetten', request: { params: IdParam, ...body(UnitStatus) }, responses: { 200: { description: 'Woonplek', ...json('Woonplek') } }, extraProblems: [404, 409] }),
    async (c) => { const { id } = c.req.valid('param'); const { status } = c.req.valid('json'); return c.json(await run(c, (ctx) => changeUnitStatus(ctx, id, status))); });
  app.openapi(route({ method: 'get', path: '/v1/woonplekken/{id}/kandidaten', tags, summary: 'Passende woonklare cliënten voor deze woonplek, gerangschikt met uitleg', request: { params: IdParam, query: Limit }, responses: { 200: { description: 'Gerangschikt', ...json('KandidatenBijWoonplek') } }, extraProblems: [404] }),
    async (c) => { const { id } = c.req.valid('param'); const q = c.req.valid('query'); return c.json(await run(c, (ctx) => candidatesForUnit(ctx, id, q))); });

  app.openapi(route({ method: 'get', path: '/v1/prestatieafspraken', tags, summary: 'Prestatieafspraken en realisatie per corporatie en gemeente (met landelijk doel)', request: { query: AgreementQuery }, responses: { 200: { description: 'Afspraken', ...json('Prestatieafspraken') } } }),
    async (c) => { const q = c.req.valid('query'); return c.json(await run(c, (ctx) => listAgreements(ctx, q))); });
  app.openapi(route({ method: 'post', path: '/v1/prestatieafspraken', tags, summary: 'Prestatieafspraak vastleggen of bijwerken', request: body(Agreement), responses: { 201: { description: 'Afspraken van dat jaar', ...json('Prestatieafspraken') } } }),
    async (c) => { const input = c.req.valid('json'); return c.json(await run(c, (ctx) => upsertAgreement(ctx, input)), 201); });

  app.openapi(route({ method: 'get', path: '/v1/woonkandidaten', tags, summary: 'Woonklare cliënten', request: { query: CandidateQuery }, responses: { 200: { description: 'Lijst', ...json('Woonkandidaten') } } }),
    async (c) => { const q = c.req.valid('query'); return c.json(await run(c, (ctx) => listCandidates(ctx, q))); });
  app.openapi(route({ method: 'post', path: '/v1/woonkandidaten', tags, summary: 'Cliënt met open traject woonklaar melden', request: body(NewCandidate), responses: { 201: { description: 'Aangemaakt', ...json('Woonkandidaat') } }, extraProblems: [404, 409] }),
    async (c) => { const input = c.req.valid('json'); return c.json(await run(c, (ctx) => markReady(ctx, input)), 201); });
  app.openapi(route({ method: 'get', path: '/v1/woonkandidaten/{id}', tags, summary: 'Eén woonkandidaat', request: { params: IdParam }, responses: { 200: { description: 'Woonkandidaat', ...json('Woonkandidaat') } }, extraProblems: [404] }),
    async (c) => { const { id } = c.req.valid('param'); return c.json(await run(c, (ctx) => getCandidate(ctx, id))); });
  app.openapi(route({ method: 'get', path: '/v1/woonkandidaten/{id}/woonplekken', tags, summary: 'Passende vrije woonplekken voor deze kandidaat, gerangschikt met uitleg', request: { params: IdParam, query: Limit }, responses: { 200: { description: 'Gerangschikt', ...json('WoonplekkenBijKandidaat') } }, extraProblems: [404] }),
    async (c) => { const { id } = c.req.valid('param'); const q = c.req.valid('query'); return c.json(await run(c, (ctx) => unitsForCandidate(ctx, id, q))); });

  app.openapi(route({ method: 'post', path: '/v1/toewijzingsvoorstellen', tags, summary: 'Optimale toewijzing van alle vrije woonplekken aan alle woonklare cliënten berekenen (niets wordt opgeslagen)', responses: { 200: { description: 'Voorstel', ...json('Toewijzingsvoorstel') } } }),
    async (c) => c.json(await run(c, (ctx) => computeProposal(ctx))));

  app.openapi(route({ method: 'get', path: '/v1/aanbiedingen', tags, summary: 'Aanbiedingen (corporatiemedewerker: op eigen woningen, beperkte kandidaatgegevens)', request: { query: OfferQuery }, responses: { 200: { description: 'Lijst', ...json('Aanbiedingen') } } }),
    async (c) => { const q = c.req.valid('query'); return c.json(await run(c, (ctx) => listOffers(ctx, q))); });
  app.openapi(route({ method: 'post', path: '/v1/aanbiedingen', tags, summary: 'Woonplek aanbieden aan een woonklare cliënt', request: body(NewOffer), responses: { 201: { description: 'Aangeboden', ...json('Aanbieding') } }, extraProblems: [404, 409] }),
    async (c) => { const input = c.req.valid('json'); return c.json(await run(c, (ctx) => createOffer(ctx, input)), 201); });
  app.openapi(route({ method: 'get', path: '/v1/aanbiedingen/{id}', tags, summary: 'Eén aanbieding', request: { params: IdParam }, responses: { 200: { description: 'Aanbieding', ...json('Aanbieding') } }, extraProblems: [404] }),
    async (c) => { const { id } = c.req.valid('param'); return c.json(await run(c, (ctx) => getOffer(ctx, id))); });
  app.openapi(route({ method: 'post', path: '/v1/aanbiedingen/{id}/reacties', tags, summary: 'Volgende stap: geaccepteerd, afgewezen (reden), ingetrokken, contract getekend, verhuisd (beëindigt verblijf en traject)', request: { params: IdParam, ...body(Reaction) }, responses: { 201: { description: 'Aanbieding', ...json('Aanbieding') } }, extraProblems: [404, 409] }),
    async (c) => { const { id } = c.req.valid('param'); const input = c.req.valid('json'); return c.json(await run(c, (ctx) => respondToOffer(ctx, id, input)), 201); });

  app.openapi(route({ method: 'get', path: '/v1/housing-first-trajecten', tags, summary: 'Housing First-trajecten', responses: { 200: { description: 'Lijst', ...json('HousingFirstTrajecten') } } }),
    async (c) => c.json(await run(c, (ctx) => listHousingFirst(ctx))));
  app.openapi(route({ method: 'post', path: '/v1/housing-first-trajecten', tags, summary: 'Housing First-traject aanmelden', request: body(NewHf), responses: { 201: { description: 'Aangemaakt', ...json('HousingFirstTraject') } }, extraProblems: [404, 409] }),
    async (c) => { const input = c.req.valid('json'); return c.json(await run(c, (ctx) => createHousingFirst(ctx, input)), 201); });
  app.openapi(route({ method: 'post', path: '/v1/housing-first-trajecten/{id}/beschikkingen', tags, summary: 'Housing First-beschikking vastleggen (wacht daarna op een woning)', request: { params: IdParam, ...body(HfDecision) }, responses: { 201: { description: 'Traject', ...json('HousingFirstTraject') } }, extraProblems: [404, 409] }),
    async (c) => { const { id } = c.req.valid('param'); const input = c.req.valid('json'); return c.json(await run(c, (ctx) => recordHousingFirstDecision(ctx, id, input)), 201); });
  app.openapi(route({ method: 'get', path: '/v1/rapportages/housing-first', tags: ['Rapportages'], summary: 'Housing First-pijplijn per gemeente', responses: { 200: { description: 'Pijplijn', ...json('HousingFirstPijplijn') } } }),
    async (c) => c.json(await run(c, (ctx) => housingFirstPipeline(ctx))));
  app.openapi(route({ method: 'get', path: '/v1/rapportages/wonen', tags: ['Rapportages'], summary: 'Cijfers wonen voor een periode [van, tot): doorlooptijd, aanbiedingen, uitstroom naar wonen', request: { query: PeriodQuery }, responses: { 200: { description: 'Cijfers', ...json('CijfersWonen') } } }),
    async (c) => { const q = c.req.valid('query'); return c.json(await run(c, (ctx) => housingFigures(ctx, q))); });
}
