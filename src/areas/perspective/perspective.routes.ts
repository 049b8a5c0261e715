import { z } from '@hono/zod-openapi';
import { body, json, route, withLinks, type ApiKit } from '../../platform/http/kit.js';
import { addAction, addComment, addGoal, changeActionStatus, changeGoalStatus, createPlan, getPlan, getPlanOfTrajectory, getPlanVersion, listComments, signPlan, updatePlan } from './plans.service.js';
import { addBlocker, addZrm, changeStep, clientPerspective, listBlockers, listSteps, listZrm, resolveBlocker, updateBlocker } from './casework.service.js';
import { doorstroomoverleg, latePlans } from './worklists.service.js';
import { addToWaitingList, getWaitingList, listWaitingLists, removeFromWaitingList } from './waiting-lists.service.js';
import { perspectiveFigures } from './perspective-figures.service.js';

// Issue 4 — Werken aan perspectief (actielijn 2). Structure is checked here; the rules in the services beside this file.
const datum = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Gebruik een datum als JJJJ-MM-DD.').openapi({ format: 'date', example: '2026-11-23' });
const text = (max: number) => z.string().max(max).nullish();
const Id = z.object({ id: z.string().min(1).max(64) });

const NewPlan = z.object({ opgesteldOp: datum, eigenWoorden: text(4000), wensen: text(4000) }).openapi('NieuwPerspectiefplan');
const PlanUpdate = z.object({ eigenWoorden: text(4000), wensen: text(4000) }).openapi('PerspectiefplanWijziging');
const Signing = z.object({ datum }).openapi('Ondertekening');
const VersionParams = z.object({ id: z.string().min(1).max(64), versie: z.coerce.number().int().min(1).max(100000).openapi({ param: { name: 'versie', in: 'path' }, example: 1 }) });
const NewGoal = z.object({ levensgebied: z.string().max(60), omschrijving: z.string().max(1000) }).openapi('NieuwDoel');
const StatusChange = z.object({ status: z.string().max(40) }).openapi('DoelStatuswijziging');
const NewAction = z.object({ omschrijving: z.string().max(1000), eigenaarOrganisatie: z.string().max(40), eigenaarNaam: text(200), uiterlijk: datum }).openapi('NieuweActie');
const ActionStatus = z.object({ status: z.string().max(40), datum, toelichting: text(2000) }).openapi('ActieStatuswijziging');
const NewComment = z.object({ tekst: z.string().max(2000) }).openapi('NieuweOpmerking');
const NewZrm = z.object({
  datum, soort: z.string().max(20), versie: z.string().max(10).optional(),
  scores: z.array(z.object({ domein: z.string().max(60), score: z.number().int() })).min(1).max(20),
}).openapi('NieuweZrmMeting');
const StepChange = z.object({ status: z.string().max(20), datum, toelichting: text(2000) }).openapi('StapStatuswijziging');
const NewBlocker = z.object({
  soort: z.string().max(40), omschrijving: text(1000), sinds: datum, volgendeActorOrganisatie: z.string().max(40).nullish(), volgendeActorNaam: text(200), volgendeStap: text(1000),
}).openapi('NieuweBlokkade');
const Lifting = z.object({ datum }).openapi('Opheffing');
// Only the fields given change (null clears one). Lengths and the organisation list are checked in the domain, so a 400 lists every problem at once.
const BlockerUpdate = z.object({
  omschrijving: z.string().max(10000).nullish(), volgendeActorOrganisatie: z.string().max(10000).nullish(), volgendeActorNaam: z.string().max(10000).nullish(), volgendeStap: z.string().max(10000).nullish(),
}).strict().openapi('BlokkadeWijziging');
const NewListEntry = z.object({ clientId: z.string().min(1).max(64), datum, urgent: z.boolean().optional(), toelichting: text(1000) }).openapi('NieuweWachtlijstplaatsing');
const Removal = z.object({ datum, reden: z.string().max(40), toelichting: text(1000) }).openapi('Afmelding');
const FigureQuery = z.object({ van: datum, tot: datum.openapi({ description: 'Einddatum, exclusief' }) });

export function registerPerspectiveRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Perspectief'];
  const get = (path: string, summary: string, schema: string, fn: (c: any) => Promise<unknown>, params = true) => // eslint-disable-line @typescript-eslint/no-explicit-any
    app.openapi(route({ method: 'get', path, tags, summary, request: params ? { params: Id } : {}, responses: { 200: { description: summary, ...json(schema) } }, extraProblems: [404] }), async (c) => c.json((await fn(c)) as Record<string, never>));

  // ----- client overview and ZRM -----
  get('/v1/clienten/{id}/perspectief', 'Werken aan perspectief van een cliënt: traject met driemaandencontrole, plan, ZRM, stappen, blokkades, wachtlijsten', 'Perspectief',
    (c) => run(c, (ctx) => clientPerspective(ctx, c.req.valid('param').id)));
  get('/v1/clienten/{id}/zrm-metingen', 'ZRM-metingen van een cliënt (versie, datum, scores per levensgebied)', 'ZrmMetingen',
    (c) => run(c, (ctx) => listZrm(ctx, c.req.valid('param').id)));
  app.openapi(route({ method: 'post', path: '/v1/clienten/{id}/zrm-metingen', tags, summary: 'ZRM-meting vastleggen (alle 13 levensgebieden, scores 1–5)', request: { params: Id, ...body(NewZrm) }, responses: { 201: { description: 'Vastgelegd', ...json('ZrmMeting') } }, extraProblems: [404] }),
    async (c) => c.json(await run(c, (ctx) => addZrm(ctx, c.req.valid('param').id, c.req.valid('json'))), 201));

  // ----- plan -----
  get('/v1/trajecten/{id}/perspectiefplan', 'Het perspectiefplan van een traject', 'Perspectiefplan', (c) => run(c, (ctx) => getPlanOfTrajectory(ctx, c.req.valid('param').id)));
  app.openapi(route({ method: 'post', path: '/v1/trajecten/{id}/perspectiefplan', tags, summary: 'Perspectiefplan opstellen (binnen 5 dagen na plaatsing)', request: { params: Id, ...body(NewPlan) }, responses: { 201: { description: 'Opgesteld', ...json('Perspectiefplan') } }, extraProblems: [404, 409] }),
    async (c) => c.json(await run(c, (ctx) => createPlan(ctx, c.req.valid('param').id, c.req.valid('json'))), 201));
  get('/v1/perspectiefplannen/{id}', 'Eén perspectiefplan met doelen, acties en opmerkingen', 'Perspectiefplan', (c) => run(c, (ctx) => getPlan(ctx, c.req.valid('param').id)));
  app.openapi(route({ method: 'put', path: '/v1/perspectiefplannen/{id}', tags, summary: 'Eigen woorden en wensen van de cliënt bijwerken', request: { params: Id, ...body(PlanUpdate) }, responses: { 200: { description: 'Bijgewerkt', ...json('Perspectiefplan') } }, extraProblems: [404] }),
    async (c) => c.json(await run(c, (ctx) => updatePlan(ctx, c.req.valid('param').id, c.req.valid('json')))));
  app.openapi(route({ method: 'post', path: '/v1/perspectiefplannen/{id}/ondertekeningen', tags, summary: 'Vastleggen dat het plan met de cliënt is besproken en ondertekend (legt een nieuwe versie vast; 409 als het plan sinds de vorige ondertekening niet is gewijzigd)', request: { params: Id, ...body(Signing) }, responses: { 201: { description: 'Vastgelegd', ...json('Perspectiefplan') } }, extraProblems: [404, 409] }),
    async (c) => c.json(await run(c, (ctx) => signPlan(ctx, c.req.valid('param').id, c.req.valid('json'))), 201));
  app.openapi(route({ method: 'get', path: '/v1/perspectiefplannen/{id}/versies/{versie}', tags, summary: 'Een ondertekende versie van het plan, precies zoals die is ondertekend', request: { params: VersionParams }, responses: { 200: { description: 'Versie', ...json('PerspectiefplanVersie') } }, extraProblems: [404] }),
    async (c) => c.json(await run(c, (ctx) => getPlanVersion(ctx, c.req.valid('param').id, c.req.valid('param').versie))));
  app.openapi(route({ method: 'post', path: '/v1/perspectiefplannen/{id}/doelen', tags, summary: 'Doel op een levensgebied toevoegen', request: { params: Id, ...body(NewGoal) }, responses: { 201: { description: 'Toegevoegd', ...json('Doel') } }, extraProblems: [404] }),
    async (c) => c.json(await run(c, (ctx) => addGoal(ctx, c.req.valid('param').id, c.req.valid('json'))), 201));
  app.openapi(route({ method: 'post', path: '/v1/doelen/{id}/statuswijzigingen', tags, summary: 'Status van een doel wijzigen (actief, bereikt, gestopt)', request: { params: Id, ...body(StatusChange) }, responses: { 201: { description: 'Gewijzigd', ...json('Doel') } }, extraProblems: [404, 409] }),
    async (c) => c.json(await run(c, (ctx) => changeGoalStatus(ctx, c.req.valid('param').id, c.req.valid('json'))), 201));
  app.openapi(route({ method: 'post', path: '/v1/doelen/{id}/acties', tags, summary: 'Actie met eigenaar en uiterste datum toevoegen', request: { params: Id, ...body(NewAction) }, responses: { 201: { description: 'Toegevoegd', ...json('Actie') } }, extraProblems: [404] }),
    async (c) => c.json(await run(c, (ctx) => addAction(ctx, c.req.valid('param').id, c.req.valid('json'))), 201));
  app.openapi(route({ method: 'post', path: '/v1/acties/{id}/statuswijzigingen', tags, summary: 'Status van een actie wijzigen (volgens de overgangstabel; anders 409)', request: { params: Id, ...body(ActionStatus) }, responses: { 201: { description: 'Gewijzigd', ...json('Actie') } }, extraProblems: [404, 409] }),
    async (c) => c.json(await run(c, (ctx) => changeActionStatus(ctx, c.req.valid('param').id, c.req.valid('json'))), 201));
  get('/v1/perspectiefplannen/{id}/opmerkingen', 'Opmerkingen bij het plan (ook van de cliënt)', 'Opmerkingen', (c) => run(c, (ctx) => listComments(ctx, c.req.valid('param').id)));
  app.openapi(route({ method: 'post', path: '/v1/perspectiefplannen/{id}/opmerkingen', tags, summary: 'Opmerking plaatsen (ook door de cliënt zelf)', request: { params: Id, ...body(NewComment) }, responses: { 201: { description: 'Geplaatst', ...json('Opmerking') } }, extraProblems: [404] }),
    async (c) => c.json(await run(c, (ctx) => addComment(ctx, c.req.valid('param').id, c.req.valid('json'))), 201));

  // ----- practical steps and blockades -----
  get('/v1/trajecten/{id}/praktische-stappen', 'Praktische stappen (briefadres, ID, uitkering, …) met status en datums', 'PraktischeStappen', (c) => run(c, (ctx) => listSteps(ctx, c.req.valid('param').id)));
  app.openapi(route({ method: 'post', path: '/v1/trajecten/{id}/praktische-stappen/{soort}/statuswijzigingen', tags, summary: 'Status van een praktische stap wijzigen', request: { params: Id.extend({ soort: z.string().max(40) }), ...body(StepChange) }, responses: { 201: { description: 'Gewijzigd', ...json('PraktischeStap') } }, extraProblems: [404, 409] }),
    async (c) => { const { id, soort } = c.req.valid('param'); return c.json(await run(c, (ctx) => changeStep(ctx, id, soort, c.req.valid('json'))), 201); });
  get('/v1/trajecten/{id}/blokkades', 'Blokkades voor uitstroom van een traject', 'Blokkades', (c) => run(c, (ctx) => listBlockers(ctx, c.req.valid('param').id)));
  app.openapi(route({ method: 'post', path: '/v1/trajecten/{id}/blokkades', tags, summary: 'Blokkade voor uitstroom vastleggen (met wie de volgende stap zet)', request: { params: Id, ...body(NewBlocker) }, responses: { 201: { description: 'Vastgelegd', ...json('Blokkade') } }, extraProblems: [404, 409] }),
    async (c) => c.json(await run(c, (ctx) => addBlocker(ctx, c.req.valid('param').id, c.req.valid('json'))), 201));
  app.openapi(route({ method: 'post', path: '/v1/blokkades/{id}/opheffingen', tags, summary: 'Blokkade opheffen', request: { params: Id, ...body(Lifting) }, responses: { 201: { description: 'Opgeheven', ...json('Blokkade') } }, extraProblems: [404, 409] }),
    async (c) => c.json(await run(c, (ctx) => resolveBlocker(ctx, c.req.valid('param').id, c.req.valid('json'))), 201));
  app.openapi(route({ method: 'patch', path: '/v1/blokkades/{id}', tags, summary: 'Omschrijving en wie de volgende stap zet van een open blokkade bijwerken (doorstroomoverleg); alleen meegegeven velden wijzigen, met geschiedenis', request: { params: Id, ...body(BlockerUpdate) }, responses: { 200: { description: 'Bijgewerkt', ...json('Blokkade') } }, extraProblems: [404, 409] }),
    async (c) => c.json(await run(c, (ctx) => updateBlocker(ctx, c.req.valid('param').id, c.req.valid('json')))));

  // ----- worklists -----
  get('/v1/werklijsten/doorstroomoverleg', 'Werklijst doorstroomoverleg: iedereen in de opvang, op urgentie (dagen tegen de 91-dagennorm, blokkades, wie is aan zet)', 'Doorstroomoverleg',
    (c) => run(c, (ctx) => doorstroomoverleg(ctx)), false);
  get('/v1/werklijsten/te-late-plannen', 'Werklijst: geplaatste cliënten zonder perspectiefplan na 5 dagen', 'TeLatePlannen', (c) => run(c, (ctx) => latePlans(ctx)), false);

  // ----- waiting lists -----
  get('/v1/wachtlijsten', 'Wachtlijsten voor de vervolgstap met lengte, doorstroom en verwachte wachttijd', 'Wachtlijsten', (c) => run(c, (ctx) => listWaitingLists(ctx)), false);
  get('/v1/wachtlijsten/{id}', 'Eén wachtlijst op volgorde van prioriteit, met positie en verwachte wachttijd', 'Wachtlijst', (c) => run(c, (ctx) => getWaitingList(ctx, c.req.valid('param').id)));
  app.openapi(route({ method: 'post', path: '/v1/wachtlijsten/{id}/plaatsingen', tags, summary: 'Cliënt op de wachtlijst plaatsen', request: { params: Id, ...body(NewListEntry) }, responses: { 201: { description: 'Op de wachtlijst', ...json('Wachtlijstplaatsing') } }, extraProblems: [404, 409] }),
    async (c) => c.json(await run(c, (ctx) => addToWaitingList(ctx, c.req.valid('param').id, c.req.valid('json'))), 201));
  app.openapi(route({ method: 'post', path: '/v1/wachtlijsten/{id}/plaatsingen/{plaatsingId}/afmeldingen', tags, summary: 'Cliënt van de wachtlijst halen (met reden, bijvoorbeeld geplaatst)', request: { params: Id.extend({ plaatsingId: z.string().min(1).max(64) }), ...body(Removal) }, responses: { 201: { description: 'Afgemeld', ...json('Wachtlijstafmelding') } }, extraProblems: [404, 409] }),
    async (c) => { const { id, plaatsingId } = c.req.valid('param'); return c.json(await run(c, (ctx) => removeFromWaitingList(ctx, id, plaatsingId, c.req.valid('json'))), 201); });

  // ----- figures -----
  app.openapi(route({ method: 'get', path: '/v1/rapportages/perspectief', tags: ['Rapportages'], summary: 'Cijfers werken aan perspectief voor [van, tot): blokkades, plannen binnen 5 dagen, ZRM-verandering, wachtlijsten', request: { query: FigureQuery }, responses: { 200: { description: 'Cijfers', ...json('PerspectiefCijfers') } } }),
    async (c) => c.json(await run(c, (ctx) => perspectiveFigures(ctx, c.req.valid('query')))));
}
