// Issue 11: the tenant's settings (beheerder) and its zorgaanbieders as organisations.
import { ConflictError, Problems } from '../../platform/errors.js';
import { tenantSettings } from '../../reference/tenant-settings.js';
import { audit } from '../../rights/audit.js';
import type { Ctx } from '../../rights/context.js';
import { authorize } from '../../rights/rights.js';
import type { Instellingen } from './settings.dto.js';

async function storedSettings(ctx: Ctx) {
  const t = await ctx.db
    .selectFrom('tenants')
    .select(['name', 'settings'])
    .where('id', '=', ctx.actor.tenantId)
    .executeTakeFirstOrThrow();
  let raw: unknown = t.settings;
  if (typeof raw === 'string') raw = JSON.parse(raw);
  return { name: t.name, raw: (raw ?? {}) as Record<string, unknown> };
}

function toInstellingen(name: string, raw: unknown): Instellingen {
  const s = tenantSettings(raw);
  return {
    thema: s.thema ?? { primair: '#154273', logoTekst: name },
    normDoorstroomDagen: s.normDoorstroomDagen,
    planTermijnDagen: s.planTermijnDagen,
    onderdrukkingsDrempel: s.onderdrukkingsDrempel,
    bedVoorDeNachtMax: s.bedVoorDeNachtMax,
    tweeFactorVerplicht: s.tweeFactorVerplicht,
    inactiefMinuten: s.inactiefMinuten,
  };
}

export async function getSettings(ctx: Ctx): Promise<Instellingen> {
  authorize(ctx, 'instellingen.beheren');
  const { name, raw } = await storedSettings(ctx);
  return toInstellingen(name, raw);
}

const range = (p: Problems, field: string, v: number, min: number, max: number, what: string) => {
  if (!Number.isInteger(v) || v < min || v > max)
    p.add(field, 'range', `${what}: een heel getal van ${min} tot ${max}.`);
};

export async function updateSettings(ctx: Ctx, input: Instellingen): Promise<Instellingen> {
  authorize(ctx, 'instellingen.beheren');
  const p = new Problems();
  if (!/^#[0-9a-fA-F]{6}$/.test(input.thema.primair))
    p.add('thema.primair', 'format', 'Kleur als #RRGGBB, bijvoorbeeld #154273.');
  if (!input.thema.logoTekst.trim() || input.thema.logoTekst.length > 40)
    p.add('thema.logoTekst', 'format', 'Logotekst: 1 tot 40 tekens.');
  range(p, 'normDoorstroomDagen', input.normDoorstroomDagen, 1, 730, 'Norm doorstroom (dagen)');
  range(p, 'planTermijnDagen', input.planTermijnDagen, 1, 60, 'Termijn perspectiefplan (dagen)');
  range(p, 'onderdrukkingsDrempel', input.onderdrukkingsDrempel, 5, 50, 'Onderdrukkingsdrempel');
  range(p, 'bedVoorDeNachtMax', input.bedVoorDeNachtMax, 0, 14, 'Bed voor de nacht (nachten)');
  range(p, 'inactiefMinuten', input.inactiefMinuten, 5, 240, 'Uitloggen na inactiviteit (minuten)');
  p.throwIfAny();
  const { name, raw } = await storedSettings(ctx);
  const next = { ...raw, ...input, thema: { primair: input.thema.primair, logoTekst: input.thema.logoTekst.trim() } };
  await ctx.db
    .updateTable('tenants')
    .set({ settings: JSON.stringify(next) })
    .where('id', '=', ctx.actor.tenantId)
    .execute();
  await audit(ctx, { clientId: null, action: 'wijzigen', resource: 'instellingen', detail: JSON.stringify(input) });
  return toInstellingen(name, next);
}

export async function listCareProviders(ctx: Ctx) {
  authorize(ctx, 'zorgaanbieders.zien');
  const rows = await ctx.db
    .selectFrom('care_providers')
    .select(['id', 'name', 'contact_email', 'contact_phone'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .orderBy('name')
    .execute();
  return {
    resultaten: rows.map((r) => ({ id: r.id, naam: r.name, email: r.contact_email, telefoon: r.contact_phone })),
  };
}

export async function createCareProvider(
  ctx: Ctx,
  input: { naam: string; email?: string | null; telefoon?: string | null },
) {
  authorize(ctx, 'zorgaanbieders.beheren');
  const p = new Problems();
  const naam = (input.naam ?? '').trim();
  if (!naam) p.add('naam', 'required', 'Vul de naam van de zorgaanbieder in.');
  if (input.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email))
    p.add('email', 'format', 'Vul een geldig e-mailadres in.');
  p.throwIfAny();
  if (
    await ctx.db
      .selectFrom('care_providers')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('name', '=', naam)
      .executeTakeFirst()
  )
    throw new ConflictError('Deze zorgaanbieder bestaat al.');
  const row = await ctx.db
    .insertInto('care_providers')
    .values({
      tenant_id: ctx.actor.tenantId,
      name: naam,
      contact_email: input.email || null,
      contact_phone: input.telefoon || null,
    })
    .returning(['id', 'name', 'contact_email', 'contact_phone'])
    .executeTakeFirstOrThrow();
  await audit(ctx, { clientId: null, action: 'aanmaken', resource: 'zorgaanbieder', detail: naam });
  return { id: row.id, naam: row.name, email: row.contact_email, telefoon: row.contact_phone };
}
