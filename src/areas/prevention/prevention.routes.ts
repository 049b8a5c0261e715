import { z } from '@hono/zod-openapi';
import { body, json, route, withLinks, type ApiKit } from '../../platform/http/kit.js';
import { createSignal, uploadSignalFile, getSignalFile, commitSignalFile } from './signals.service.js';
import { addStep, getCase, listCases, preventionFigures } from './cases.service.js';
import { addContactMoment, closePlan, createBudget, createPlan, endBudgetEarly, getPlan, listBudget, listPlans, moveContactMoment, planCandidates, registerContact, removeContactMoment, updatePlan } from '../aftercare/aftercare.service.js';
import { clientHistory, relapseReport } from '../aftercare/relapse-figures.service.js';

// Issue 6 — Voorkomen: vroegsignalering, Vroeg Eropaf-zaken, nazorg (waakvlam), budgetbeheer, terugval.
const datum = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Gebruik een datum als JJJJ-MM-DD.').openapi({ format: 'date', example: '2026-11-23' });
const IdParam = z.object({ id: z.string().min(1).max(64) });
const ContactMomentParam = z.object({ id: z.string().min(1).max(64), contactmomentId: z.string().min(1).max(64) });

const NewSignal = z.object({
  bron: z.string().max(40).openapi({ description: 'verhuurder | corporatie | energie | water | zorgverzekeraar' }),
  bronNaam: z.string().max(200), referentie: z.string().max(100), datum: z.string().max(20),
  voornaam: z.string().max(100), achternaam: z.string().max(100), geboortedatum: z.string().max(20).nullish(),
  bsn: z.string().max(12).nullish().openapi({ description: 'Optioneel; 9 cijfers, elfproef. Alleen in de body, nooit in een URL.' }),
  postcode: z.string().max(10), huisnummer: z.string().max(20),
  bedragAchterstand: z.union([z.number(), z.string().max(20)]), maandenAchterstand: z.union([z.number().int(), z.string().max(5)]),
}).openapi('NieuwSignaal');
const SignalFile = z.object({
  bestandsnaam: z.string().max(200),
  inhoud: z.string().max(2_000_000).openapi({ description: 'De CSV-tekst (scheidingsteken ; of ,), met een kopregel: bron;bronNaam;referentie;datum;voornaam;achternaam;geboortedatum;bsn;postcode;huisnummer;bedrag;maanden' }),
}).openapi('Signaalbestand');
const Commit = z.object({}).openapi('SignaalbestandVerwerking');
const CaseQuery = z.object({
  status: z.enum(['open', 'afgesloten', 'alle']).optional(), sorteer: z.enum(['leeftijd', 'bedrag']).optional(), zoek: z.string().max(100).optional(),
  pagina: z.coerce.number().int().min(1).optional(), paginaGrootte: z.coerce.number().int().min(1).max(200).optional(),
});
const Step = z.object({
  soort: z.enum(['contactpoging', 'huisbezoek', 'uitkomst'], { message: 'Kies contactpoging, huisbezoek of uitkomst.' }), datum,
  bereikt: z.boolean().nullish(), uitkomst: z.string().max(40).nullish(), toelichting: z.string().max(2000).nullish(),
}).openapi('PreventiezaakStap');
const NewPlan = z.object({
  trajectId: z.string().min(1).max(64), verantwoordelijkeSoort: z.string().max(40), verantwoordelijkeNaam: z.string().max(200),
  maanden: z.array(z.number().int()).max(12).nullish().openapi({ description: 'Contactmomenten in maanden na uitstroom (standaard 1, 3, 6, 12)' }),
  postcode: z.string().max(10).nullish(), huisnummer: z.string().max(20).nullish(),
}).openapi('NieuwNazorgplan');
const PlanQuery = z.object({ status: z.enum(['actief', 'afgesloten', 'alle']).optional() });
const Contact = z.object({ datum, bereikt: z.boolean(), geplandContactId: z.string().max(64).nullish(), zorgsignaal: z.boolean().nullish(), notitie: z.string().max(2000).nullish() }).openapi('Nazorgcontact');
const ClosePlan = z.object({ datum, reden: z.string().max(2000).nullish() }).openapi('NazorgplanAfsluiting');
const PlanChange = z.object({
  verantwoordelijkeSoort: z.string().max(40).nullish().openapi({ description: 'wijkteam | fact | ambulant-begeleider; samen met verantwoordelijkeNaam' }),
  verantwoordelijkeNaam: z.string().max(200).nullish(),
  postcode: z.string().max(10).nullish().openapi({ description: 'Nieuw adres: postcode én huisnummer, of beide null om te wissen' }), huisnummer: z.string().max(20).nullish(),
}).openapi('NazorgplanWijziging');
const ContactMoment = z.object({ gepland: z.string().max(20).openapi({ format: 'date', example: '2027-01-15', description: 'Vandaag of later, na de uitstroom, uiterlijk 36 maanden erna' }) }).openapi('NazorgContactmoment');
const BudgetEnd = z.object({ datum: z.string().max(20).openapi({ format: 'date', example: '2026-11-20' }), reden: z.string().max(4000) }).openapi('BudgetbeheerBeeindiging');
const NewBudget = z.object({ clientId: z.string().min(1).max(64), nazorgplanId: z.string().max(64).nullish(), uitvoerder: z.string().max(200), start: datum, afbouwVanaf: datum, eind: datum }).openapi('NieuwBudgetbeheer');
const RelapseQuery = z.object({ van: datum, tot: datum.openapi({ description: 'Einddatum van de uitstroomperiode, exclusief' }), peildatum: datum.optional().openapi({ description: 'Standaard: vandaag' }) });
const PreventionQuery = z.object({ jaar: z.coerce.number().int().min(2000).max(2100) });

export function registerPreventionRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Voorkomen'];

  // ---------- vroegsignalering ----------
  app.openapi(route({ method: 'post', path: '/v1/signalen', tags, summary: 'Eén signaal betalingsachterstand vastleggen (opent een preventiezaak)', request: body(NewSignal), responses: { 201: { description: 'Vastgelegd', ...json('PreventiezaakIds') } }, extraProblems: [409] }), async (c) => {
    const input = c.req.valid('json');
    return c.json(await run(c, async (ctx) => { const ids = await createSignal(ctx, input); return { signaalId: ids.signalId, zaakId: ids.caseId }; }), 201);
  });
  app.openapi(route({ method: 'post', path: '/v1/signaalbestanden', tags, summary: 'CSV met signalen uploaden: voorvertoning met fouten per regel (nog niets opgeslagen)', request: body(SignalFile), responses: { 201: { description: 'Voorvertoning', ...json('SignaalbestandVoorvertoning') } } }), async (c) => {
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => uploadSignalFile(ctx, input)), 201);
  });
  app.openapi(route({ method: 'get', path: '/v1/signaalbestanden/{id}', tags, summary: 'Voorvertoning (of resultaat) van een signaalbestand', request: { params: IdParam }, responses: { 200: { description: 'Voorvertoning', ...json('SignaalbestandVoorvertoning') } }, extraProblems: [404] }), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await run(c, (ctx) => getSignalFile(ctx, id)));
  });
  app.openapi(route({ method: 'post', path: '/v1/signaalbestanden/{id}/verwerkingen', tags, summary: 'Signaalbestand verwerken: geldige regels opslaan, afgewezen regels melden', request: { params: IdParam, ...body(Commit) }, responses: { 201: { description: 'Verwerkt', ...json('SignaalbestandVerwerkt') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await run(c, (ctx) => commitSignalFile(ctx, id)), 201);
  });

  // ---------- preventiezaken ----------
  app.openapi(route({ method: 'get', path: '/v1/preventiezaken', tags, summary: 'Werklijst Vroeg Eropaf (oudste en hoogste achterstand eerst)', request: { query: CaseQuery }, responses: { 200: { description: 'Werklijst', ...json('Preventiezaken') } } }), async (c) => {
    const q = c.req.valid('query');
    return c.json(withLinks(c, await run(c, (ctx) => listCases(ctx, q))));
  });
  app.openapi(route({ method: 'get', path: '/v1/preventiezaken/{id}', tags, summary: 'Preventiezaak met signaal en stappen', request: { params: IdParam }, responses: { 200: { description: 'Zaak', ...json('Preventiezaak') } }, extraProblems: [404] }), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await run(c, (ctx) => getCase(ctx, id)));
  });
  app.openapi(route({ method: 'post', path: '/v1/preventiezaken/{id}/stappen', tags, summary: 'Stap vastleggen: contactpoging, huisbezoek of uitkomst (409 als de stap in deze fase niet kan)', request: { params: IdParam, ...body(Step) }, responses: { 201: { description: 'Zaak', ...json('Preventiezaak') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => addStep(ctx, id, input)), 201);
  });

  // ---------- nazorg ----------
  app.openapi(route({ method: 'get', path: '/v1/nazorgplannen', tags, summary: 'Werklijst nazorg: gemiste en komende contacten, alarmsignalen', request: { query: PlanQuery }, responses: { 200: { description: 'Plannen', ...json('Nazorgplannen') } } }), async (c) => {
    const q = c.req.valid('query');
    return c.json(await run(c, (ctx) => listPlans(ctx, q)));
  });
  app.openapi(route({ method: 'get', path: '/v1/nazorgkandidaten', tags, summary: 'Uitstroom naar wonen (laatste jaar) zonder nazorgplan', responses: { 200: { description: 'Kandidaten', ...json('Nazorgkandidaten') } } }), async (c) => c.json(await run(c, (ctx) => planCandidates(ctx))));
  app.openapi(route({ method: 'post', path: '/v1/nazorgplannen', tags, summary: 'Nazorgplan (waakvlam) maken na uitstroom naar wonen', request: body(NewPlan), responses: { 201: { description: 'Plan', ...json('Nazorgplan') } }, extraProblems: [404, 409] }), async (c) => {
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => createPlan(ctx, input)), 201);
  });
  app.openapi(route({ method: 'get', path: '/v1/nazorgplannen/{id}', tags, summary: 'Nazorgplan met contacten, alarmsignalen en budgetbeheer', request: { params: IdParam }, responses: { 200: { description: 'Plan', ...json('Nazorgplan') } }, extraProblems: [404] }), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await run(c, (ctx) => getPlan(ctx, id)));
  });
  app.openapi(route({ method: 'post', path: '/v1/nazorgplannen/{id}/contacten', tags, summary: 'Nazorgcontact registreren', request: { params: IdParam, ...body(Contact) }, responses: { 201: { description: 'Plan', ...json('Nazorgplan') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => registerContact(ctx, id, input)), 201);
  });
  app.openapi(route({ method: 'post', path: '/v1/nazorgplannen/{id}/afsluitingen', tags, summary: 'Nazorgplan afsluiten', request: { params: IdParam, ...body(ClosePlan) }, responses: { 201: { description: 'Plan', ...json('Nazorgplan') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => closePlan(ctx, id, input)), 201);
  });
  app.openapi(route({ method: 'patch', path: '/v1/nazorgplannen/{id}', tags, summary: 'Verantwoordelijke toewijzen of wijzigen, nieuw adres (409 als het plan is afgesloten)', request: { params: IdParam, ...body(PlanChange) }, responses: { 200: { description: 'Plan', ...json('Nazorgplan') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => updatePlan(ctx, id, input)));
  });
  app.openapi(route({ method: 'post', path: '/v1/nazorgplannen/{id}/contactmomenten', tags, summary: 'Extra contactmoment plannen', request: { params: IdParam, ...body(ContactMoment) }, responses: { 201: { description: 'Plan', ...json('Nazorgplan') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => addContactMoment(ctx, id, input)), 201);
  });
  app.openapi(route({ method: 'patch', path: '/v1/nazorgplannen/{id}/contactmomenten/{contactmomentId}', tags, summary: 'Gepland (nog niet gedaan) contactmoment verplaatsen', request: { params: ContactMomentParam, ...body(ContactMoment) }, responses: { 200: { description: 'Plan', ...json('Nazorgplan') } }, extraProblems: [404, 409] }), async (c) => {
    const { id, contactmomentId } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => moveContactMoment(ctx, id, contactmomentId, input)));
  });
  app.openapi(route({ method: 'delete', path: '/v1/nazorgplannen/{id}/contactmomenten/{contactmomentId}', tags, summary: 'Gepland (nog niet gedaan) contactmoment schrappen', request: { params: ContactMomentParam }, responses: { 200: { description: 'Plan', ...json('Nazorgplan') } }, extraProblems: [404, 409] }), async (c) => {
    const { id, contactmomentId } = c.req.valid('param');
    return c.json(await run(c, (ctx) => removeContactMoment(ctx, id, contactmomentId)));
  });
  app.openapi(route({ method: 'get', path: '/v1/budgetbeheertrajecten', tags, summary: 'Preventief budgetbeheer met fase (opbouw/afbouw)', responses: { 200: { description: 'Lijst', ...json('Budgetbeheertrajecten') } } }), async (c) => c.json(await run(c, (ctx) => listBudget(ctx))));
  app.openapi(route({ method: 'post', path: '/v1/budgetbeheertrajecten', tags, summary: 'Preventief budgetbeheer vastleggen (1–3 jaar, opbouw en afbouw)', request: body(NewBudget), responses: { 201: { description: 'Vastgelegd', ...json('Budgetbeheertraject') } }, extraProblems: [404, 409] }), async (c) => {
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => createBudget(ctx, input)), 201);
  });
  app.openapi(route({ method: 'post', path: '/v1/budgetbeheertrajecten/{id}/beeindigingen', tags, summary: 'Preventief budgetbeheer voortijdig beëindigen (reden verplicht)', request: { params: IdParam, ...body(BudgetEnd) }, responses: { 201: { description: 'Beëindigd', ...json('Budgetbeheertraject') } }, extraProblems: [404, 409] }), async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await run(c, (ctx) => endBudgetEarly(ctx, id, input)), 201);
  });

  // ---------- eerder bekend, terugval ----------
  app.openapi(route({ method: 'get', path: '/v1/clienten/{id}/voorgeschiedenis', tags, summary: 'Eerder bekend? Eerdere aanmeldingen, verblijven, uitstroom, nazorg en terugkeer', request: { params: IdParam }, responses: { 200: { description: 'Voorgeschiedenis', ...json('Voorgeschiedenis') } }, extraProblems: [404] }), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await run(c, (ctx) => clientHistory(ctx, id)));
  });
  app.openapi(route({ method: 'get', path: '/v1/rapportages/terugval', tags: ['Rapportages'], summary: 'Terugval binnen 6, 12 en 24 maanden na uitstroom naar wonen, per bestemming', request: { query: RelapseQuery }, responses: { 200: { description: 'Terugval', ...json('Terugvalcijfers') } } }), async (c) => {
    const q = c.req.valid('query');
    return c.json(await run(c, (ctx) => relapseReport(ctx, q)));
  });
  app.openapi(route({ method: 'get', path: '/v1/rapportages/preventie', tags: ['Rapportages'], summary: 'Preventiecijfers per jaar: signalen, huisuitzettingen (doel nul), binnen 2 weken opgepakt', request: { query: PreventionQuery }, responses: { 200: { description: 'Preventiecijfers', ...json('Preventiecijfers') } } }), async (c) => {
    const q = c.req.valid('query');
    return c.json(await run(c, (ctx) => preventionFigures(ctx, q)));
  });
}
