// Response schemas of the session (the logged-in user with the abilities of the rights table) and the reference lists.
import { z } from '@hono/zod-openapi';
import { CodeLabel } from '../../platform/http/schemas.js';
import type { SessionAbilities } from '../../rights/rights.js';
import { Rol } from './users.dto.js';

/** One boolean per ability of SESSION_ABILITIES (rights.ts); the type makes the two agree key for key. */
const abilityShape: { [K in keyof SessionAbilities]: z.ZodBoolean } = {
  clienten: z.boolean(),
  aanmeldingen: z.boolean(),
  besluiten: z.boolean(),
  plaatsen: z.boolean(),
  locaties: z.boolean(),
  locatiesBeheren: z.boolean(),
  gebruikersBeheren: z.boolean(),
  inzageLog: z.boolean(),
  rapportages: z.boolean(),
  eigenDossier: z.boolean(),
  perspectief: z.boolean(),
  voorkomen: z.boolean(),
  wonen: z.boolean(),
  taken: z.boolean(),
  caseload: z.boolean(),
  centrumgemeentenBeheren: z.boolean(),
  instellingenBeheren: z.boolean(),
  clientaccountsAanmaken: z.boolean(),
  // issue 11 part B
  regioBeheren: z.boolean(),
  inzagelogDoorzoeken: z.boolean(),
  dossiersImporteren: z.boolean(),
  reservekopieMaken: z.boolean(),
  openbarePaginas: z.boolean(), // issue 17
  // issue 16: the main menu's pages
  overdrachten: z.boolean(),
  wachtlijsten: z.boolean(),
  nazorg: z.boolean(),
  capaciteitsplanning: z.boolean(),
  budget: z.boolean(),
  eigenBijdrageOverzicht: z.boolean(),
  koppelingenEnAvg: z.boolean(),
  heleBeeld: z.boolean(),
  datakwaliteit: z.boolean(),
  iwmo: z.boolean(),
  iwmoAanbieders: z.boolean(),
  buurt: z.boolean(),
  buurtmeldingen: z.boolean(),
};
export const SessieMogelijkheden = z.object(abilityShape).openapi('SessieMogelijkheden');

export const Thema = z.object({ primair: z.string(), logoTekst: z.string() }).openapi('Thema');

export const SessieGebruiker = z
  .object({
    id: z.string(),
    gebruikersnaam: z.string(),
    naam: z.string(),
    rol: Rol,
    rolLabel: z.string(),
    tenant: z.object({ id: z.string(), naam: z.string(), thema: Thema }),
    locatieId: z.string().nullable(),
    clientId: z.string().nullable(),
    mogelijkheden: SessieMogelijkheden,
    vervolgstap: z.enum(['wachtwoord', 'totp-koppelen', 'totp']).nullable().openapi('InlogVervolgstap', {
      description:
        'Een stap die nog nodig is voordat de sessie bruikbaar is: een nieuw wachtwoord kiezen, een authenticator-app koppelen of de code daaruit invullen. Tot dan antwoorden alleen de routes van die stap.',
    }),
  })
  .openapi('SessieGebruiker');
export type SessieGebruiker = z.infer<typeof SessieGebruiker>;

export const Sessie = z.object({ gebruiker: SessieGebruiker, csrfToken: z.string() }).openapi('Sessie');

/** The part of a tenant's settings the session uses (other keys are ignored). */
export const TenantThemaInstelling = z.object({ thema: Thema.optional() });

export const Referentie = z
  .object({
    gemeenten: z.array(z.object({ code: z.string(), naam: z.string() })),
    herkomstOverig: z.array(z.string()),
    aanleidingen: z.array(CodeLabel),
    bronnen: z.array(CodeLabel),
    bestemmingen: z.array(CodeLabel.extend({ groep: z.string() })),
    bestemmingsgroepen: z.array(CodeLabel),
    voorzieningtypen: z.array(CodeLabel),
    eenheidsoorten: z.array(CodeLabel),
    besluituitkomsten: z.array(CodeLabel),
    rollen: z.array(CodeLabel),
    tenants: z.array(z.object({ id: z.string(), naam: z.string() })),
  })
  .openapi('Referentie');
export type Referentie = z.infer<typeof Referentie>;
