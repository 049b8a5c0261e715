// Issue 19 — the zorgaanbieders in the iWmo messages: per location its AGB code (8 digits, Vektis) and the name of the
// provider. Set by the beheerder or beleid; the gemeente's side of the messages is the CBS code of the
// centrumgemeente, set when the region was installed (beheer, Centrumgemeenten). No person data: no audit rows.
import { z } from '@hono/zod-openapi';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';

export const AgbCode = z
  .string()
  .trim()
  .regex(/^\d{8}$/, 'Een AGB-code heeft precies 8 cijfers, zoals 41000010.')
  .openapi({ description: 'AGB-code van de zorgaanbieder (8 cijfers)', example: '41000010' });

export const AanbiederWijziging = z
  .object({
    agbCode: AgbCode,
    naam: z
      .string()
      .trim()
      .min(1, 'Vul de naam van de zorgaanbieder in.')
      .max(200, 'De naam is te lang (hoogstens 200 tekens).')
      .openapi({ description: 'Naam van de zorgaanbieder, zoals in de berichten' }),
  })
  .openapi('IwmoAanbiederWijziging');

const Aanbieder = z
  .object({
    locatieId: z.string(),
    locatie: z.string(),
    agbCode: z.string().nullable().openapi({ description: 'null: de locatie doet (nog) niet mee aan iWmo' }),
    naam: z.string().nullable(),
  })
  .openapi('IwmoAanbieder');
export const IwmoAanbieders = z
  .object({
    gemeentecode: z.string().openapi({ description: 'CBS-code van de centrumgemeente: afzender van 301 en 319' }),
    aanbieders: z.array(Aanbieder),
  })
  .openapi('IwmoAanbieders');
export { Aanbieder as IwmoAanbieder };

/** Every active location of the tenant with its zorgaanbieder (AGB code and name), or null when it has none. */
export async function listAanbieders(ctx: Ctx) {
  authorize(ctx, 'iwmo.aanbiedersBeheren');
  const tenant = await ctx.db
    .selectFrom('tenants')
    .select('central_municipality_code')
    .where('id', '=', ctx.actor.tenantId)
    .executeTakeFirstOrThrow();
  const rows = await ctx.db
    .selectFrom('facilities')
    .leftJoin('iwmo_aanbieders', 'iwmo_aanbieders.facility_id', 'facilities.id')
    .select(['facilities.id', 'facilities.name', 'iwmo_aanbieders.agb_code', 'iwmo_aanbieders.naam'])
    .where('facilities.tenant_id', '=', ctx.actor.tenantId)
    .where('facilities.active', '=', true)
    .orderBy('facilities.name')
    .orderBy('facilities.id')
    .execute();
  return {
    gemeentecode: tenant.central_municipality_code,
    aanbieders: rows.map((r) => ({ locatieId: r.id, locatie: r.name, agbCode: r.agb_code, naam: r.naam })),
  };
}

/**
 * Sets a location's AGB code and provider name. Toewijzingen, verzoeken and incoming messages are matched on the AGB
 * code, so a code that already has messages is not changed (that would orphan them); the name may always change.
 */
export async function setAanbieder(ctx: Ctx, locatieId: string, input: z.infer<typeof AanbiederWijziging>) {
  authorize(ctx, 'iwmo.aanbiedersBeheren');
  const tenantId = ctx.actor.tenantId;
  const facility = await ctx.db
    .selectFrom('facilities')
    .select(['id', 'name'])
    .where('id', '=', locatieId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!facility) throw new NotFoundError('Locatie niet gevonden.');
  const sameCode = await ctx.db
    .selectFrom('iwmo_aanbieders')
    .innerJoin('facilities', 'facilities.id', 'iwmo_aanbieders.facility_id')
    .select('facilities.name')
    .where('iwmo_aanbieders.tenant_id', '=', tenantId)
    .where('iwmo_aanbieders.agb_code', '=', input.agbCode)
    .where('iwmo_aanbieders.facility_id', '!=', locatieId)
    .executeTakeFirst();
  if (sameCode) throw new ConflictError(`AGB-code ${input.agbCode} hoort al bij locatie ${sameCode.name}.`);
  const current = await ctx.db
    .selectFrom('iwmo_aanbieders')
    .select(['id', 'agb_code'])
    .where('facility_id', '=', locatieId)
    .executeTakeFirst();
  if (current && current.agb_code !== input.agbCode) {
    const used = await ctx.db
      .selectFrom('iwmo_berichten')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('agb_code', '=', current.agb_code)
      .limit(1)
      .executeTakeFirst();
    if (used)
      throw new ConflictError(
        `Er zijn al iWmo-berichten met AGB-code ${current.agb_code}; die code blijft bij ${facility.name}. Een nieuwe zorgaanbieder krijgt een nieuwe locatie.`,
      );
  }
  if (current)
    await ctx.db
      .updateTable('iwmo_aanbieders')
      .set({ agb_code: input.agbCode, naam: input.naam })
      .where('id', '=', current.id)
      .execute();
  else
    await ctx.db
      .insertInto('iwmo_aanbieders')
      .values({ tenant_id: tenantId, facility_id: locatieId, agb_code: input.agbCode, naam: input.naam })
      .execute();
  return { locatieId, locatie: facility.name, agbCode: input.agbCode, naam: input.naam };
}
