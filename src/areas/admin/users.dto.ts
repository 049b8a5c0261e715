// Response schemas of users (beheer) and the function that shapes a user row into one.
import { z } from '@hono/zod-openapi';
import { ROLES, type Role } from '../../reference/reference.js';

const ROLE_CODES = [
  'toegang',
  'locatie',
  'corporatie',
  'beleid',
  'client',
  'beheerder',
  'installatie',
] as const satisfies readonly Role[];
export const Rol = z.enum(ROLE_CODES).openapi('Rol');

export const roleLabel = (role: string) => ROLES.find((r) => r.code === role)?.label ?? role;

export const Gebruiker = z
  .object({
    id: z.string(),
    gebruikersnaam: z.string(),
    naam: z.string(),
    rol: Rol,
    rolLabel: z.string(),
    actief: z.boolean(),
    geblokkeerd: z.boolean(),
    locatie: z.string().nullable().openapi({ description: 'Naam van de locatie van een locatiemedewerker' }),
    locatieId: z.string().nullable().openapi({ description: 'De locatie van een locatiemedewerker' }),
    corporatieId: z.string().nullable().openapi({ description: 'De corporatie van een corporatiemedewerker' }),
    zorgaanbiederId: z.string().nullable().openapi({ description: 'De zorgaanbieder waarvoor de gebruiker werkt' }),
    moetWachtwoordWijzigen: z
      .boolean()
      .openapi({ description: 'Kiest bij de volgende keer inloggen een nieuw wachtwoord' }),
    tweeFactorGekoppeld: z.boolean().openapi({ description: 'Heeft een authenticator-app gekoppeld' }),
  })
  .openapi('Gebruiker');
export type Gebruiker = z.infer<typeof Gebruiker>;

export const Gebruikers = z.object({ resultaten: z.array(Gebruiker) }).openapi('Gebruikers');

export function toGebruiker(
  u: {
    id: string;
    username: string;
    display_name: string;
    role: string;
    active: boolean;
    locked_until: Date | string | null;
    facility_name: string | null;
    facility_id: string | null;
    corporation_id: string | null;
    care_provider_id: string | null;
    must_change_password: boolean;
    totp_confirmed_at: Date | string | null;
  },
  now: Date,
): Gebruiker {
  return {
    id: u.id,
    gebruikersnaam: u.username,
    naam: u.display_name,
    rol: Rol.parse(u.role),
    rolLabel: roleLabel(u.role),
    actief: u.active,
    geblokkeerd: !!u.locked_until && new Date(u.locked_until) > now,
    locatie: u.facility_name,
    locatieId: u.facility_id,
    corporatieId: u.corporation_id,
    zorgaanbiederId: u.care_provider_id,
    moetWachtwoordWijzigen: u.must_change_password,
    tweeFactorGekoppeld: !!u.totp_confirmed_at,
  };
}
