// Issue 11 part A: first start (installatie), centrumgemeenten (installation-wide), tenant settings, zorgaanbieders,
// users for real (edit, deactivate, reset link), client accounts from the dossier, and the login steps (new password,
// two-factor with an authenticator app).
import { UnauthorizedError } from '../../platform/errors.js';
import { type ApiKit, body, jsonContent, route } from '../../platform/http/kit.js';
import { IdParam } from '../../platform/http/schemas.js';
import type { LoginStep } from '../../rights/sessions.js';
import { createClientAccount, setPasswordWithCode } from './accounts.service.js';
import { changeOwnPassword, type StepOutcome, startTotpEnrolment, submitTotpCode } from './login-steps.service.js';
import { Sessie } from './session.dto.js';
import { currentSessionUser } from './session.service.js';
import {
  Centrumgemeente,
  Centrumgemeenten,
  Clientaccount,
  GebruikerWijziging,
  Herstellink,
  HerstellinkAanvraag,
  Installatie,
  InstallatieResultaat,
  InstallatieStatus,
  Instellingen,
  NieuwClientaccount,
  NieuweCentrumgemeente,
  NieuweZorgaanbieder,
  TotpCode,
  TotpKoppeling,
  WachtwoordIngesteld,
  WachtwoordMetCode,
  WachtwoordWijziging,
  Zorgaanbieder,
  Zorgaanbieders,
} from './settings.dto.js';
import { createCareProvider, getSettings, listCareProviders, updateSettings } from './settings.service.js';
import { addCentralMunicipality, completeSetup, listCentralMunicipalities, setupStatus } from './setup.service.js';
import { Gebruiker } from './users.dto.js';
import { createResetLink, updateUser } from './users.service.js';

export function registerAccountRoutes(kit: ApiKit) {
  const { app, run, database, now } = kit;

  // ----- eerste start -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/installatie',
      access: 'openbaar',
      tags: ['Installatie'],
      summary: 'Is deze installatie al ingericht?',
      responses: { 200: { description: 'Status', ...jsonContent(InstallatieStatus) } },
    }),
    async (c) => c.json(await setupStatus(database), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/installatie',
      access: 'openbaar',
      tags: ['Installatie'],
      summary: 'Eerste start: installatiebeheerder, eerste centrumgemeente met regiogemeenten en beheerder',
      description:
        'Werkt één keer, met de code uit de installatielink die de server bij de eerste start toont (of ONDERDAK_SETUP_CODE). Daarna 403.',
      request: body(Installatie),
      responses: { 201: { description: 'Ingericht', ...jsonContent(InstallatieResultaat) } },
      extraProblems: [409],
    }),
    async (c) => c.json(await completeSetup(database, c.req.valid('json'), kit.sourceIp(c)), 201),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/centrumgemeenten',
      access: 'centrumgemeenten.beheren',
      tags: ['Installatie'],
      summary: 'De centrumgemeenten van deze installatie (zonder persoonsgegevens)',
      responses: { 200: { description: 'Lijst', ...jsonContent(Centrumgemeenten) } },
    }),
    async (c) => c.json(await listCentralMunicipalities(database, kit.actorOf(c)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/centrumgemeenten',
      access: 'centrumgemeenten.beheren',
      tags: ['Installatie'],
      summary: 'Centrumgemeente toevoegen, met regiogemeenten en eerste beheerder',
      request: body(NieuweCentrumgemeente),
      responses: { 201: { description: 'Toegevoegd', ...jsonContent(Centrumgemeente) } },
    }),
    async (c) =>
      c.json(await addCentralMunicipality(database, kit.actorOf(c), c.req.valid('json'), now(), kit.sourceIp(c)), 201),
  );

  // ----- instellingen en organisaties -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/instellingen',
      access: 'instellingen.beheren',
      tags: ['Beheer'],
      summary: 'Instellingen van de eigen centrumgemeente',
      responses: { 200: { description: 'Instellingen', ...jsonContent(Instellingen) } },
    }),
    async (c) => c.json(await run(c, (ctx) => getSettings(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'put',
      path: '/v1/instellingen',
      access: 'instellingen.beheren',
      tags: ['Beheer'],
      summary: 'Instellingen wijzigen',
      request: body(Instellingen),
      responses: { 200: { description: 'Gewijzigd', ...jsonContent(Instellingen) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => updateSettings(ctx, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/zorgaanbieders',
      access: 'zorgaanbieders.zien',
      tags: ['Beheer'],
      summary: 'Zorgaanbieders van de eigen centrumgemeente',
      responses: { 200: { description: 'Lijst', ...jsonContent(Zorgaanbieders) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listCareProviders(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/zorgaanbieders',
      access: 'zorgaanbieders.beheren',
      tags: ['Beheer'],
      summary: 'Zorgaanbieder toevoegen',
      request: body(NieuweZorgaanbieder),
      responses: { 201: { description: 'Toegevoegd', ...jsonContent(Zorgaanbieder) } },
      extraProblems: [409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createCareProvider(ctx, input)), 201);
    },
  );

  // ----- gebruikers -----
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/gebruikers/{id}',
      access: 'gebruikers.beheren',
      tags: ['Beheer'],
      summary: 'Gebruiker wijzigen, deactiveren of weer activeren',
      request: { params: IdParam, ...body(GebruikerWijziging) },
      responses: { 200: { description: 'Gewijzigd', ...jsonContent(Gebruiker) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => updateUser(ctx, id, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/gebruikers/{id}/herstellinks',
      access: 'gebruikers.beheren',
      tags: ['Beheer'],
      summary: 'Eenmalige link om een nieuw wachtwoord te kiezen (getoond, niet gemaild)',
      request: { params: IdParam, ...body(HerstellinkAanvraag) },
      responses: { 201: { description: 'Link', ...jsonContent(Herstellink) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createResetLink(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten/{id}/accounts',
      access: 'clientaccounts.aanmaken',
      tags: ['Cliënten'],
      summary: 'Cliëntaccount aanmaken vanuit het dossier, met een eenmalige uitnodigingscode',
      request: { params: IdParam, ...body(NieuwClientaccount) },
      responses: { 201: { description: 'Aangemaakt', ...jsonContent(Clientaccount) } },
      extraProblems: [404],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createClientAccount(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/wachtwoord-herstellingen',
      access: 'openbaar',
      tags: ['Sessies'],
      summary: 'Wachtwoord instellen met een eenmalige code (herstellink of uitnodigingscode)',
      request: body(WachtwoordMetCode),
      responses: { 201: { description: 'Ingesteld', ...jsonContent(WachtwoordIngesteld) } },
      extraProblems: [409],
    }),
    async (c) => c.json(await setPasswordWithCode(database, c.req.valid('json'), now(), kit.sourceIp(c)), 201),
  );

  // ----- inlogstappen -----
  /** The outcome of a step: problems and an ended session are answered after the step's transaction committed. */
  const answer = async (c: Parameters<typeof kit.actorOf>[0], outcome: StepOutcome) => {
    if ('problems' in outcome) {
      outcome.problems.throwIfAny();
      throw new UnauthorizedError();
    }
    if ('endedSession' in outcome) throw new UnauthorizedError('Te veel foute pogingen. Log opnieuw in.');
    const step: LoginStep | null = outcome.step;
    const gebruiker = await run(c, (ctx) => currentSessionUser(ctx, step));
    return { gebruiker, csrfToken: c.get('csrf') ?? '' };
  };
  const token = (c: Parameters<typeof kit.actorOf>[0]) => {
    const t = c.get('sessionToken');
    if (!t) throw new UnauthorizedError();
    return t;
  };
  app.openapi(
    route({
      method: 'post',
      path: '/v1/sessies/huidig/wachtwoorden',
      access: 'ingelogd',
      tags: ['Sessies'],
      summary: 'Eigen wachtwoord wijzigen (verplicht na een door de beheerder gekozen wachtwoord)',
      request: body(WachtwoordWijziging),
      responses: { 201: { description: 'Gewijzigd; de sessie met de volgende stap', ...jsonContent(Sessie) } },
      extraProblems: [409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      const t = token(c);
      return c.json(await answer(c, await run(c, (ctx) => changeOwnPassword(ctx, t, input))), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/sessies/huidig/totp-koppelingen',
      access: 'ingelogd',
      tags: ['Sessies'],
      summary: 'Authenticator-app koppelen: nieuwe sleutel met QR-code',
      responses: { 201: { description: 'Sleutel', ...jsonContent(TotpKoppeling) } },
      extraProblems: [409],
    }),
    async (c) => {
      const t = token(c);
      return c.json(await run(c, (ctx) => startTotpEnrolment(ctx, t)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/sessies/huidig/totp-codes',
      access: 'ingelogd',
      tags: ['Sessies'],
      summary: 'Code uit de authenticator-app (koppeling bevestigen of tweede stap van het inloggen)',
      request: body(TotpCode),
      responses: { 201: { description: 'Juist; de sessie met de volgende stap', ...jsonContent(Sessie) } },
      extraProblems: [409],
    }),
    async (c) => {
      const { code } = c.req.valid('json');
      const t = token(c);
      return c.json(await answer(c, await run(c, (ctx) => submitTotpCode(ctx, t, code))), 201);
    },
  );
}
