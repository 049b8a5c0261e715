// A BRP lookup (issue 19) to fill and check a registration. Protocol requirement: every lookup is logged with its
// purpose (doelbinding) in the audit trail (NEN 7513 row, basis = the doelbinding), and the gateway receives the same
// purpose in x-doelbinding/x-verwerking. The network call happens before the database transaction (PGlite has one
// connection: a slow BRP must not hold it); the audit row and the comparison are written after it.
import { DomainError, Problems } from '../../platform/errors.js';
import { isValidBsn } from '../../platform/validation.js';
import { audit } from '../../rights/audit.js';
import type { Actor, Ctx } from '../../rights/context.js';
import { assertClientVisible } from '../../rights/visibility.js';
import type { BrpPerson, BrpPort } from './brp.client.js';
import type { BrpRaadpleging } from './integrations.dto.js';

export const DOELBINDINGEN = [
  {
    code: 'toegang-opvang',
    label: 'Toegang maatschappelijke opvang: aanmelding vullen en controleren (Wmo 2015 art. 2.3.2 en 5.1.1)',
    verwerking: 'Aanmelding maatschappelijke opvang',
  },
  {
    code: 'eigen-bijdrage',
    label: 'Eigen bijdrage maatschappelijke opvang vaststellen (Wmo 2015 art. 2.1.4)',
    verwerking: 'Eigen bijdrage opvang',
  },
] as const;
export type Doelbinding = (typeof DOELBINDINGEN)[number]['code'];

export interface BrpLookupInput {
  bsn: string;
  doelbinding: string;
  clientId?: string | null;
}

/** Checks the request before anything leaves the building: a valid BSN and a known purpose. */
export function checkLookup(input: BrpLookupInput) {
  const p = new Problems();
  const bsn = (input.bsn ?? '').replace(/\D/g, '');
  if (!/^\d{9}$/.test(bsn) || !isValidBsn(bsn))
    p.add('bsn', 'elfproef', 'Dit is geen geldig BSN (9 cijfers die aan de elfproef voldoen).');
  const d = DOELBINDINGEN.find((x) => x.code === input.doelbinding);
  if (!d)
    p.add('doelbinding', 'enum', `Kies het doel van de raadpleging: ${DOELBINDINGEN.map((x) => x.code).join(' of ')}.`);
  p.throwIfAny();
  return { bsn, doelbinding: d! };
}

export const protocolFor = (actor: Actor, d: (typeof DOELBINDINGEN)[number]) => ({
  doelbinding: d.code,
  verwerking: d.verwerking,
  gebruiker: actor.username,
});

/** Calls the BRP (outside any transaction); a missing configuration is a clear 503, never a 500. */
export async function callBrp(port: BrpPort | null, actor: Actor, checked: ReturnType<typeof checkLookup>) {
  if (!port)
    throw new DomainError(
      503,
      'BRP niet ingesteld',
      'Er is geen BRP-koppeling ingesteld (BRP_URL en BRP_API_KEY). Vul de gegevens met de hand in.',
    );
  return port.raadpleegMetBsn(checked.bsn, protocolFor(actor, checked.doelbinding));
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');

/** Logs the lookup with its purpose and, for an existing client, compares what we hold with the BRP. */
export async function recordLookup(
  ctx: Ctx,
  input: BrpLookupInput,
  checked: ReturnType<typeof checkLookup>,
  person: BrpPerson | null,
): Promise<BrpRaadpleging> {
  let clientId: string | null = null;
  const verschillen: { veld: string; onderdak: string | null; brp: string | null }[] = [];
  if (input.clientId) {
    await assertClientVisible(ctx, input.clientId);
    clientId = input.clientId;
    const c = await ctx.db
      .selectFrom('clients')
      .select(['first_name', 'last_name', 'birth_date', 'bsn'])
      .where('id', '=', input.clientId)
      .executeTakeFirstOrThrow();
    if (person) {
      const last = [person.voorvoegsel, person.geslachtsnaam].filter(Boolean).join(' ');
      const first = person.voornamen?.split(' ')[0] ?? null;
      if (norm(c.last_name) !== norm(last)) verschillen.push({ veld: 'achternaam', onderdak: c.last_name, brp: last });
      if (norm(c.first_name) !== norm(first) && norm(c.first_name) !== norm(person.voornamen))
        verschillen.push({ veld: 'voornaam', onderdak: c.first_name, brp: person.voornamen });
      if ((c.birth_date ?? null) !== person.geboortedatum)
        verschillen.push({ veld: 'geboortedatum', onderdak: c.birth_date, brp: person.geboortedatum });
      if (c.bsn && c.bsn !== checked.bsn) verschillen.push({ veld: 'bsn', onderdak: c.bsn, brp: checked.bsn });
    }
  } else {
    // a lookup about a person we already hold is logged on their file, so they can see it (inzage)
    const known = await ctx.db
      .selectFrom('clients')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('bsn', '=', checked.bsn)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
    clientId = known?.id ?? null;
  }
  await audit(ctx, {
    clientId,
    action: 'zoeken',
    resource: 'brp-persoon',
    detail: `BRP-raadpleging (${checked.doelbinding.code}): ${person ? 'gevonden' : 'niet gevonden'}`,
    basis: checked.doelbinding.label,
  });
  return {
    gevonden: !!person,
    doelbinding: checked.doelbinding.code,
    persoon: person
      ? {
          bsn: person.bsn,
          voornamen: person.voornamen,
          voorvoegsel: person.voorvoegsel,
          geslachtsnaam: person.geslachtsnaam,
          geboortedatum: person.geboortedatum,
          geslacht: person.geslacht,
          adres: person.adres,
          gemeentecode: person.gemeentecode,
          geheimhouding: person.geheimhouding,
        }
      : null,
    verschillen,
  };
}
