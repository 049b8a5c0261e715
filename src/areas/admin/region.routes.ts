// Issue 11 part B: de regio inrichten (regiogemeenten, locaties, eenheden in bulk, wijzigen en sluiten), het
// inzagelog voor de beheerder, de caseload overnemen uit een CSV-bestand, en een reservekopie.
import { z } from '@hono/zod-openapi';
import { BackupUnavailableError, backupPglite } from '../../platform/db/backup.js';
import { ConflictError, DomainError } from '../../platform/errors.js';
import { type ApiKit, body, jsonContent, route, withLinks } from '../../platform/http/kit.js';
import { ProblemSchema } from '../../platform/http/problem.js';
import { IdParam } from '../../platform/http/schemas.js';
import { audit } from '../../rights/audit.js';
import { authorize } from '../../rights/rights.js';
import { auditLogCsv, searchAuditLog } from './audit-log.service.js';
import { caseloadTemplate } from './caseload-csv.js';
import { importCaseload } from './caseload-import.service.js';
import {
  AangemaakteEenheden,
  BeheerEenheid,
  BeheerLocatie,
  BeheerLocaties,
  Dossierbestand,
  Dossierimport,
  EenheidReeksen,
  EenheidWijziging,
  InzagelogLijst,
  InzagelogZoekvraag,
  LocatieWijziging,
  NieuweGemeente,
  Regiogemeente,
  Regiogemeenten,
  Sluiting,
} from './region.dto.js';
import {
  addMunicipality,
  closeFacility,
  closeUnit,
  createUnitSeries,
  listFacilitiesForAdmin,
  listMunicipalities,
  reopenFacility,
  reopenUnit,
  updateFacility,
  updateUnit,
} from './region.service.js';

const csvContent = (description: string) => ({
  'text/csv': { schema: z.string().openapi({ description }) },
});

/** A backup copies the whole database while the server runs: at most one per this many seconds per installation. */
export const BACKUP_INTERVAL_SECONDS = 60;

export function registerRegionRoutes(kit: ApiKit) {
  const { app, run } = kit;
  const tags = ['Beheer'];
  /** When the last backup of this installation started (per app, not module state). */
  let lastBackupAt = 0;

  // ---------- regiogemeenten ----------
  app.openapi(
    route({
      method: 'get',
      path: '/v1/regiogemeenten',
      access: 'regio.beheren',
      tags,
      summary: 'Gemeenten van de eigen regio',
      responses: { 200: { description: 'Lijst', ...jsonContent(Regiogemeenten) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listMunicipalities(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/regiogemeenten',
      access: 'regio.beheren',
      tags,
      summary: 'Regiogemeente toevoegen (CBS-code en naam)',
      request: body(NieuweGemeente),
      responses: { 201: { description: 'Toegevoegd', ...jsonContent(Regiogemeente) } },
      extraProblems: [409],
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => addMunicipality(ctx, input)), 201);
    },
  );

  // ---------- locaties en eenheden ----------
  app.openapi(
    route({
      method: 'get',
      path: '/v1/beheerlocaties',
      access: 'locaties.beheren',
      tags,
      summary: 'Alle locaties met alle eenheden, ook gesloten (beheer; zonder personen)',
      responses: { 200: { description: 'Lijst', ...jsonContent(BeheerLocaties) } },
    }),
    async (c) => c.json(await run(c, (ctx) => listFacilitiesForAdmin(ctx)), 200),
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/locaties/{id}',
      access: 'locaties.beheren',
      tags,
      summary: 'Locatie wijzigen of hernoemen',
      request: { params: IdParam, ...body(LocatieWijziging) },
      responses: { 200: { description: 'Gewijzigd', ...jsonContent(BeheerLocatie) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => updateFacility(ctx, id, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/locaties/{id}/sluitingen',
      access: 'locaties.beheren',
      tags,
      summary: 'Locatie sluiten (met al haar eenheden); geweigerd zolang er iemand verblijft',
      request: { params: IdParam, ...body(Sluiting) },
      responses: { 201: { description: 'Gesloten', ...jsonContent(BeheerLocatie) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => closeFacility(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/locaties/{id}/eenheidreeksen',
      access: 'locaties.beheren',
      tags,
      summary: 'Eenheden in bulk toevoegen, bijvoorbeeld 50 kamers K01–K50 en 10 reserveplekken',
      request: { params: IdParam, ...body(EenheidReeksen) },
      responses: { 201: { description: 'Aangemaakt', ...jsonContent(AangemaakteEenheden) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => createUnitSeries(ctx, id, input)), 201);
    },
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/v1/eenheden/{id}',
      access: 'locaties.beheren',
      tags,
      summary: 'Eenheid wijzigen of hernoemen (minder bedden dan bezet wordt geweigerd)',
      request: { params: IdParam, ...body(EenheidWijziging) },
      responses: { 200: { description: 'Gewijzigd', ...jsonContent(BeheerEenheid) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => updateUnit(ctx, id, input)), 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/eenheden/{id}/sluitingen',
      access: 'locaties.beheren',
      tags,
      summary: 'Eenheid sluiten; geweigerd zolang er iemand verblijft',
      request: { params: IdParam, ...body(Sluiting) },
      responses: { 201: { description: 'Gesloten', ...jsonContent(BeheerEenheid) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      return c.json(await run(c, (ctx) => closeUnit(ctx, id, input)), 201);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/v1/locaties/{id}/heropeningen',
      access: 'locaties.beheren',
      tags,
      summary: 'Gesloten locatie heropenen, met de eenheden die tegelijk met haar gesloten zijn',
      request: { params: IdParam },
      responses: { 201: { description: 'Weer open', ...jsonContent(BeheerLocatie) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => reopenFacility(ctx, id)), 201);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/eenheden/{id}/heropeningen',
      access: 'locaties.beheren',
      tags,
      summary: 'Gesloten eenheid heropenen (de locatie moet open zijn)',
      request: { params: IdParam },
      responses: { 201: { description: 'Weer open', ...jsonContent(BeheerEenheid) } },
      extraProblems: [404, 409],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await run(c, (ctx) => reopenUnit(ctx, id)), 201);
    },
  );

  // ---------- inzagelog (beheerder) ----------
  app.openapi(
    route({
      method: 'get',
      path: '/v1/inzagelogregels',
      access: 'inzagelog.doorzoeken',
      tags,
      summary: 'Inzagelog doorzoeken op cliënt (naam, geboortedatum), gebruiker of periode; zonder dossierinhoud',
      request: { query: InzagelogZoekvraag },
      responses: {
        200: {
          description: 'Logregels, nieuwste eerst',
          content: {
            ...jsonContent(InzagelogLijst).content,
            ...csvContent('De logregels als CSV (;, UTF-8 met BOM)'),
          },
        },
      },
    }),
    async (c) => {
      const { formaat, ...q } = c.req.valid('query');
      if (formaat === 'csv') {
        const text = await run(c, (ctx) => auditLogCsv(ctx, q));
        return new Response(text, {
          status: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': 'attachment; filename="inzagelog.csv"',
          },
        });
      }
      return c.json(withLinks(c, await run(c, (ctx) => searchAuditLog(ctx, q))), 200);
    },
  );

  // ---------- dossiers overnemen ----------
  app.openapi(
    route({
      method: 'get',
      path: '/v1/dossierimports/sjabloon',
      access: 'dossiers.importeren',
      tags,
      summary: 'Sjabloon (CSV) voor het overnemen van de huidige caseload',
      responses: { 200: { description: 'Sjabloon', content: csvContent('Kopregel en twee voorbeeldregels') } },
    }),
    async (c) => {
      await run(c, async (ctx) => authorize(ctx, 'dossiers.importeren'));
      return new Response(caseloadTemplate(), {
        status: 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="dossiers-sjabloon.csv"',
        },
      });
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/dossierimports/voorvertoningen',
      access: 'dossiers.importeren',
      tags,
      summary: 'Voorvertoning van een caseloadbestand: de fouten van elke regel; er wordt niets opgeslagen',
      request: body(Dossierbestand),
      responses: { 200: { description: 'Voorvertoning', ...jsonContent(Dossierimport) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const r = await importCaseload(kit.database, kit.actorOf(c), input, {
        commit: false,
        now: kit.now(),
        sourceIp: kit.sourceIp(c),
      });
      return c.json(r, 200);
    },
  );
  app.openapi(
    route({
      method: 'post',
      path: '/v1/dossierimports',
      access: 'dossiers.importeren',
      tags,
      summary:
        'Caseload overnemen: geldige regels opslaan (elk in een eigen transactie), foute regels uitleggen; hetzelfde bestand opnieuw verandert niets',
      request: body(Dossierbestand),
      responses: { 201: { description: 'Resultaat per regel', ...jsonContent(Dossierimport) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const r = await importCaseload(kit.database, kit.actorOf(c), input, {
        commit: true,
        now: kit.now(),
        sourceIp: kit.sourceIp(c),
      });
      return c.json(r, 201);
    },
  );

  // ---------- reservekopie ----------
  app.openapi(
    route({
      method: 'get',
      path: '/v1/reservekopie',
      access: 'reservekopie.maken',
      tags,
      summary: 'Reservekopie van de draaiende installatie (PGlite) downloaden; PostgreSQL: gebruik pg_dump',
      responses: {
        200: {
          description: 'Consistente momentopname van de gegevensmap (tar, gzip)',
          content: { 'application/gzip': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        429: {
          description: `Er is minder dan ${BACKUP_INTERVAL_SECONDS} seconden geleden al een reservekopie gemaakt`,
          headers: {
            'Retry-After': { description: 'Aantal seconden tot een nieuwe poging', schema: { type: 'integer' } },
          },
          content: { 'application/problem+json': { schema: ProblemSchema } },
        },
      },
      extraProblems: [409],
    }),
    async (c) => {
      await run(c, async (ctx) => authorize(ctx, 'reservekopie.maken'));
      const wait = Math.ceil((lastBackupAt + BACKUP_INTERVAL_SECONDS * 1000 - Date.now()) / 1000);
      if (wait > 0 && kit.database.kind === 'pglite')
        throw new DomainError(
          429,
          'Even geduld',
          `Er is net een reservekopie gemaakt. Probeer het over ${wait} seconden opnieuw.`,
          undefined,
          { 'Retry-After': String(wait) },
        );
      lastBackupAt = Date.now();
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = await backupPglite(kit.database);
      } catch (e) {
        if (e instanceof BackupUnavailableError) throw new ConflictError(e.message);
        throw e;
      }
      await run(c, (ctx) => audit(ctx, { clientId: null, action: 'lezen', resource: 'reservekopie' }));
      const stamp = kit.now().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return new Response(bytes, {
        status: 200,
        headers: {
          'Content-Type': 'application/gzip',
          'Content-Disposition': `attachment; filename="onderdak-reservekopie-${stamp}.tar.gz"`,
        },
      });
    },
  );
}
