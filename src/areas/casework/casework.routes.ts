// Issue 12 deel A — the tools of daily casework: journal (rapportage), appointments, documents, caseload and handover,
// the personal worklist and the dossier summary.
import { z } from '@hono/zod-openapi';
import { type ApiKit, body, jsonContent, route, withLinks } from '../../platform/http/kit.js';
import { datum, IdParam, Paging } from '../../platform/http/schemas.js';
import { Afspraak, Afspraken } from './appointments.dto.js';
import { addAppointment, cancelAppointment, changeAppointment, listAppointments } from './appointments.service.js';
import { DossierSamenvatting, MijnClienten, MijnTaken, Overdracht, Overdrachten, Team } from './caseload.dto.js';
import { acknowledgeHandover, handOver, listHandovers, myClients, teamView } from './caseload.service.js';
import { JOURNAL_KIND_CODES } from './casework-codes.js';
import { Document, Documenten } from './documents.dto.js';
import { addDocument, downloadDocument, listDocuments } from './documents.service.js';
import { Rapportage, Rapportages } from './journal.dto.js';
import { addJournalEntry, correctJournalEntry, listJournal } from './journal.service.js';
import { dossierSummary } from './summary.service.js';
import { myTasks } from './tasks.service.js';

const tijdstip = z
  .string()
  .max(40)
  .openapi({ format: 'date-time', example: '2026-12-02T09:30:00+01:00', description: 'Elke tijdzone; leeg: nu' });

const NewJournalEntry = z
  .object({
    tijdstip: tijdstip.nullish(),
    soort: z
      .string()
      .max(20)
      .openapi({ enum: [...JOURNAL_KIND_CODES] }),
    tekst: z.string().max(10000),
    gedeeldMetClient: z.boolean().optional().openapi({ description: 'De cliënt mag deze rapportage lezen' }),
  })
  .openapi('NieuweRapportage');
const JournalCorrection = z
  .object({
    tijdstip: tijdstip.nullish(),
    soort: z.string().max(20).optional(),
    tekst: z.string().max(10000),
    gedeeldMetClient: z.boolean().optional(),
  })
  .openapi('RapportageCorrectie');
const JournalQuery = Paging.extend({
  soort: z.string().max(20).optional(),
  zoek: z.string().max(200).optional(),
  van: datum.optional(),
  tot: datum.optional(),
});
const NewAppointment = z
  .object({
    datum,
    tijd: z.string().max(5).openapi({ format: 'time-local', example: '14:30' }),
    metWie: z.string().max(200),
    waar: z.string().max(200),
    onderwerp: z.string().max(1000).nullish(),
  })
  .openapi('NieuweAfspraak');
const AppointmentChange = z
  .object({
    datum: datum.optional(),
    tijd: z.string().max(5).optional().openapi({ format: 'time-local', example: '15:00' }),
    metWie: z.string().max(200).optional(),
    waar: z.string().max(200).optional(),
    onderwerp: z.string().max(1000).nullish(),
    reden: z
      .string()
      .max(1000)
      .nullish()
      .openapi({ description: 'Waarom de afspraak verandert (komt in de geschiedenis)' }),
  })
  .openapi('AfspraakWijzigen');
const Cancellation = z
  .object({ reden: z.string().max(1000).openapi({ description: 'Waarom de afspraak niet doorgaat' }) })
  .openapi('Annulering');
const TeamQuery = z.object({
  norm: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .openapi({ description: 'Lopende trajecten per trajecthouder die als vol gelden (standaard 25)' }),
});
const NewDocument = z
  .object({
    bestandsnaam: z.string().max(255),
    omschrijving: z.string().max(500).nullish(),
    inhoud: z
      .string()
      .max(14 * 1024 * 1024)
      .openapi({ format: 'byte', description: 'Het bestand, base64; PDF, PNG of JPEG, ten hoogste 10 MB' }),
  })
  .openapi('NieuwDocument');
const Handover = z
  .object({
    naarId: z.string().min(1).max(64).openapi({ description: 'De collega die trajecthouder wordt' }),
    notitie: z.string().max(4000).nullish(),
  })
  .openapi('NieuweOverdracht');

export function registerDailyCaseworkRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Casuswerk'];

  // ----- journal -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}/journaalberichten',
      tags,
      access: 'rapportage.lezen',
      summary:
        "Rapportage (journaal) van een cliënt, nieuwste eerst, per pagina; filter op soort en periode en zoek in de tekst over alle pagina's. De cliënt ziet alleen gedeelde rapportages",
      request: { params: IdParam, query: JournalQuery },
      responses: { 200: { description: 'Rapportages', ...jsonContent(Rapportages) } },
      extraProblems: [404],
    }),
    async (c) =>
      c.json(withLinks(c, await run(c, (ctx) => listJournal(ctx, c.req.valid('param').id, c.req.valid('query')))), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten/{id}/journaalberichten',
      tags,
      access: 'rapportage.schrijven',
      summary: 'Rapportage schrijven (tijdstip, soort, tekst, of de cliënt haar mag lezen)',
      request: { params: IdParam, ...body(NewJournalEntry) },
      responses: { 201: { description: 'Geschreven', ...jsonContent(Rapportage) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => addJournalEntry(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/journaalberichten/{id}/correcties',
      tags,
      access: 'rapportage.corrigeren',
      summary: 'Rapportage corrigeren: alleen de schrijver, binnen 24 uur; de oorspronkelijke tekst blijft bewaard',
      request: { params: IdParam, ...body(JournalCorrection) },
      responses: { 201: { description: 'Gecorrigeerd (de nieuwe versie)', ...jsonContent(Rapportage) } },
      extraProblems: [404, 409],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => correctJournalEntry(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  // ----- appointments -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}/afspraken',
      tags,
      access: 'afspraken.lezen',
      summary: 'Afspraken van een cliënt (datum, tijd, met wie, waar): eerst de komende, dan de eerdere',
      request: { params: IdParam },
      responses: { 200: { description: 'Afspraken', ...jsonContent(Afspraken) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => listAppointments(ctx, c.req.valid('param').id)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten/{id}/afspraken',
      tags,
      access: 'afspraken.beheren',
      summary: 'Afspraak maken met een cliënt',
      request: { params: IdParam, ...body(NewAppointment) },
      responses: { 201: { description: 'Gemaakt', ...jsonContent(Afspraak) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => addAppointment(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/afspraken/{id}',
      tags,
      access: 'afspraken.beheren',
      summary:
        'Afspraak wijzigen (datum, tijd, met wie, waar, onderwerp; alleen een komende afspraak). Elke wijziging blijft in de geschiedenis',
      request: { params: IdParam, ...body(AppointmentChange) },
      responses: { 200: { description: 'Gewijzigd', ...jsonContent(Afspraak) } },
      extraProblems: [404, 409],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => changeAppointment(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/afspraken/{id}/annuleringen',
      tags,
      access: 'afspraken.beheren',
      summary: 'Afspraak annuleren met een reden (alleen een komende afspraak); de reden blijft in de geschiedenis',
      request: { params: IdParam, ...body(Cancellation) },
      responses: { 201: { description: 'Geannuleerd', ...jsonContent(Afspraak) } },
      extraProblems: [404, 409],
    }),
    async (c) =>
      c.json(await run(c, (ctx) => cancelAppointment(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  // ----- documents -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}/documenten',
      tags,
      access: 'documenten.lezen',
      summary: 'Documenten (bijlagen) van een cliënt: naam, soort, grootte; niet de inhoud',
      request: { params: IdParam },
      responses: { 200: { description: 'Documenten', ...jsonContent(Documenten) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => listDocuments(ctx, c.req.valid('param').id)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/clienten/{id}/documenten',
      tags,
      access: 'documenten.toevoegen',
      summary:
        'Document toevoegen: PDF, PNG of JPEG (herkend aan de inhoud, niet aan de naam), ten hoogste 10 MB, als base64',
      request: { params: IdParam, ...body(NewDocument) },
      responses: { 201: { description: 'Toegevoegd', ...jsonContent(Document) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => addDocument(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/documenten/{id}/inhoud',
      tags,
      access: 'documenten.lezen',
      summary: 'Document downloaden (als bijlage); elke download komt in het inzagelog',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'Het bestand',
          content: {
            'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
            'image/png': { schema: z.string().openapi({ format: 'binary' }) },
            'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
      },
      extraProblems: [404],
    }),
    async (c) => {
      const d = await run(c, (ctx) => downloadDocument(ctx, c.req.valid('param').id));
      const ascii = d.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return new Response(d.content, {
        status: 200,
        headers: {
          'Content-Type': d.mediaType,
          'Content-Length': String(d.content.byteLength),
          'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    },
  );

  // ----- caseload -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/mijn-clienten',
      tags,
      access: 'caseload.zien',
      summary: 'Mijn cliënten: de lopende trajecten waarvan ik trajecthouder ben',
      responses: { 200: { description: 'Mijn cliënten', ...jsonContent(MijnClienten) } },
    }),
    async (c) => c.json(await run(c, (ctx) => myClients(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/trajecthouders',
      tags,
      access: 'caseload.zien',
      summary:
        'Teamoverzicht: elke trajecthouder met het aantal lopende trajecten (in de opvang, boven 91 dagen) en of dat boven de norm ligt, en trajecten zonder trajecthouder',
      request: { query: TeamQuery },
      responses: { 200: { description: 'Team', ...jsonContent(Team) } },
    }),
    async (c) => c.json(await run(c, (ctx) => teamView(ctx, c.req.valid('query'))), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/trajecten/{id}/overdrachten',
      tags,
      access: 'caseload.overdragen',
      summary: 'Casus overdragen aan een collega, met een notitie (de collega ziet het in de takenlijst)',
      request: { params: IdParam, ...body(Handover) },
      responses: { 201: { description: 'Overgedragen', ...jsonContent(Overdracht) } },
      extraProblems: [404, 409],
    }),
    async (c) => c.json(await run(c, (ctx) => handOver(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/v1/trajecten/{id}/overdrachten',
      tags,
      access: 'caseload.zien',
      summary: 'Overdrachten van een casus aan een collega, nieuwste eerst, met wanneer de collega ze zag',
      request: { params: IdParam },
      responses: { 200: { description: 'Overdrachten', ...jsonContent(Overdrachten) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => listHandovers(ctx, c.req.valid('param').id)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/collega-overdrachten/{id}/bevestigingen',
      tags,
      access: 'caseload.overdrachtBevestigen',
      summary:
        'Overdracht als gezien markeren (alleen de ontvangende collega): hij verdwijnt van de takenlijst en de overdrager ziet dat hij gezien is',
      request: { params: IdParam, ...body(z.object({}).strict().openapi('OverdrachtBevestiging')) },
      responses: { 201: { description: 'Gezien', ...jsonContent(Overdracht) } },
      extraProblems: [404, 409],
    }),
    async (c) => c.json(await run(c, (ctx) => acknowledgeHandover(ctx, c.req.valid('param').id)), 201),
  );

  // ----- worklist and summary -----
  app.openapi(
    route({
      method: 'get',
      path: '/v1/mijn-taken',
      tags,
      access: 'taken.zien',
      summary:
        'Mijn taken: wat er moet gebeuren voor mijn cliënten (plan, 6/10/12-wekensignaal, nazorg, reactie van de cliënt, overdracht, blokkade, afspraak), met tellingen',
      responses: { 200: { description: 'Mijn taken', ...jsonContent(MijnTaken) } },
    }),
    async (c) => c.json(await run(c, (ctx) => myTasks(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'get',
      path: '/v1/clienten/{id}/samenvatting',
      tags,
      access: 'dossier.lezen',
      summary:
        'Samenvatting bovenaan het dossier: status, locatie en kamer, dagen in de opvang tegenover 91, trajecthouder, plan, blokkades, volgende afspraak',
      request: { params: IdParam },
      responses: { 200: { description: 'Samenvatting', ...jsonContent(DossierSamenvatting) } },
      extraProblems: [404],
    }),
    async (c) => c.json(await run(c, (ctx) => dossierSummary(ctx, c.req.valid('param').id)), 200),
  );
}
