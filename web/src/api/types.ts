// The API's response types, as aliases of the contract: schema.d.ts is generated from docs/openapi.json
// (`npm run openapi`). Area-specific types live next to their area (e.g. perspective/perspectiefApi.ts).
import type { components } from './schema';

type S = components['schemas'];
/** A component schema of the contract by name, e.g. `Schema<'Perspectief'>`. */
export type Schema<N extends keyof S> = S[N];

export type InvalidParam = NonNullable<S['Probleem']['invalidParams']>[number];

export type Rol = S['Rol'];
export type Gebruiker = S['SessieGebruiker'];
export type Sessie = S['Sessie'];

export type Optie = S['CodeMetLabel'];
export type Referentie = S['Referentie'];

export type ClientStatus = S['ClientStatus'];
export type ClientSamenvatting = S['ClientSamenvatting'];
export type DubbelKandidaat = S['DubbelKandidaat'];
export type Huishoudlid = S['Huishoudlid'];

export type RegiobindingUitslag = NonNullable<S['Regiobinding']>;
export type Besluit = NonNullable<S['Toegangsbesluit']>;
export type AanmeldingStatus = S['AanmeldingStatus'];
export type Aanmelding = S['Aanmelding'];
/** A registration in a list; `besluit` is the short decision (issue 12: the Aanmeldingen "Besluit" column). */
export type AanmeldingMetClient = S['AanmeldingInLijst'];
export type Overdracht = S['Overdracht'];
export type Bezwaar = S['Bezwaar'];
export type Correctie = S['Correctie'];
export type Beschikking = S['Beschikking'];

export type Verblijf = S['Verblijf'];
/** A trajectory as the case page shows it (the response of POST …/uitstroom is S['Traject']). */
export type Traject = S['DossierTraject'];
export type TijdlijnSoort = S['TijdlijnSoort'];
export type Client = S['Client'];
export type InzageRegel = S['InzagelogRegel'];

export type LocatieSamenvatting = S['LocatieSamenvatting'];
export type BezettingVerblijf = S['BezettingVerblijf'];
export type BezettingEenheid = S['BezettingEenheid'];
export type Bezetting = S['Bezetting'];

/** A user in beheer: with locatieId, corporatieId and zorgaanbiederId (issue 11). */
export type GebruikerBeheer = S['Gebruiker'];
