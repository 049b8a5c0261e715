// Issue 11: request and response schemas of set-up, centrumgemeenten, settings, organisations and accounts.
import { z } from '@hono/zod-openapi';
import { Thema } from './session.dto.js';

export const Instellingen = z
  .object({
    thema: Thema,
    normDoorstroomDagen: z.number().int().openapi({ description: 'Norm "binnen 3 maanden doorgestroomd" (91)' }),
    planTermijnDagen: z.number().int().openapi({ description: 'Perspectiefplan binnen zoveel dagen (5)' }),
    onderdrukkingsDrempel: z
      .number()
      .int()
      .openapi({ description: 'Aantallen kleiner dan dit ziet beleid niet (minstens 5)' }),
    bedVoorDeNachtMax: z.number().int().openapi({ description: 'Bed voor de nacht: hoogstens zoveel nachten (3)' }),
    tweeFactorVerplicht: z
      .boolean()
      .openapi({ description: 'Tweestapsverificatie (TOTP) verplicht voor medewerkers die persoonsgegevens zien' }),
    inactiefMinuten: z.number().int().openapi({ description: 'Uitloggen na zoveel minuten zonder activiteit (30)' }),
  })
  .openapi('Instellingen');
export type Instellingen = z.infer<typeof Instellingen>;

const Account = z.object({
  gebruikersnaam: z.string().max(40),
  naam: z.string().max(200),
  wachtwoord: z.string().max(200),
});
export const NieuweCentrumgemeente = z
  .object({
    naam: z.string().max(100).openapi({ description: 'Naam van de centrumgemeente, bijvoorbeeld Breda' }),
    cbsCode: z.string().max(4).openapi({ description: 'CBS-gemeentecode (4 cijfers, zonder GM)', example: '0758' }),
    regiogemeenten: z.array(z.object({ code: z.string().max(4), naam: z.string().max(100) })).max(60),
    beheerder: Account,
  })
  .openapi('NieuweCentrumgemeente');

export const Installatie = z
  .object({
    code: z.string().max(200).openapi({ description: 'De eenmalige code uit de installatielink' }),
    installatiebeheerder: Account,
    centrumgemeente: NieuweCentrumgemeente,
  })
  .openapi('Installatie');

export const InstallatieStatus = z
  .object({
    ingericht: z.boolean(),
    wachtOpInstallatie: z.boolean().openapi({ description: 'Er is een installatielink uitgegeven' }),
  })
  .openapi('InstallatieStatus');

export const InstallatieResultaat = z
  .object({
    centrumgemeente: z.object({ id: z.string(), naam: z.string() }),
    installatiebeheerder: z.string(),
    beheerder: z.string(),
  })
  .openapi('InstallatieResultaat');

export const Centrumgemeente = z
  .object({ id: z.string(), naam: z.string(), cbsCode: z.string(), aantalGemeenten: z.number().int() })
  .openapi('Centrumgemeente');
export const Centrumgemeenten = z.object({ resultaten: z.array(Centrumgemeente) }).openapi('Centrumgemeenten');

export const Zorgaanbieder = z
  .object({ id: z.string(), naam: z.string(), email: z.string().nullable(), telefoon: z.string().nullable() })
  .openapi('Zorgaanbieder');
export const Zorgaanbieders = z.object({ resultaten: z.array(Zorgaanbieder) }).openapi('Zorgaanbieders');
export const NieuweZorgaanbieder = z
  .object({ naam: z.string().max(200), email: z.string().max(200).nullish(), telefoon: z.string().max(40).nullish() })
  .openapi('NieuweZorgaanbieder');

export const GebruikerWijziging = z
  .object({
    naam: z.string().max(200).optional(),
    rol: z.string().max(20).optional(),
    actief: z.boolean().optional(),
    locatieId: z.string().max(64).nullish(),
    corporatieId: z.string().max(64).nullish(),
    zorgaanbiederId: z.string().max(64).nullish(),
  })
  .openapi('GebruikerWijziging');

export const HerstellinkAanvraag = z
  .object({
    tweeFactorOpnieuw: z
      .boolean()
      .optional()
      .openapi({ description: 'Ook de authenticator-app ontkoppelen (opnieuw koppelen bij inloggen)' }),
  })
  .openapi('HerstellinkAanvraag');
export const Herstellink = z
  .object({
    gebruikersnaam: z.string(),
    code: z.string(),
    link: z.string().openapi({ description: 'Pad van de eenmalige link (geef hem zelf door; er wordt niets gemaild)' }),
    verlooptOp: z.string().datetime(),
  })
  .openapi('Herstellink');

export const NieuwClientaccount = z.object({ gebruikersnaam: z.string().max(40) }).openapi('NieuwClientaccount');
export const Clientaccount = z
  .object({
    gebruikersnaam: z.string(),
    uitnodigingscode: z.string(),
    link: z.string(),
    verlooptOp: z.string().datetime(),
  })
  .openapi('Clientaccount');

export const WachtwoordMetCode = z
  .object({ code: z.string().max(100), wachtwoord: z.string().max(200) })
  .openapi('WachtwoordMetCode');
export const WachtwoordIngesteld = z.object({ gebruikersnaam: z.string() }).openapi('WachtwoordIngesteld');

export const WachtwoordWijziging = z
  .object({ huidigWachtwoord: z.string().max(200), nieuwWachtwoord: z.string().max(200) })
  .openapi('WachtwoordWijziging');
export const TotpKoppeling = z
  .object({
    geheim: z.string().openapi({ description: 'De sleutel (base32) om met de hand in te voeren' }),
    uri: z.string().openapi({ description: 'otpauth://-adres (RFC 6238)' }),
    qrCode: z.string().openapi({ description: 'QR-code als data-URL (SVG)' }),
  })
  .openapi('TotpKoppeling');
export const TotpCode = z.object({ code: z.string().max(10) }).openapi('TotpCode');
