// Vroegsignalering: response types (aliases of the contract: /v1/preventiezaken, /v1/signaalbestanden), labels, formats.
import type { Schema } from '../../../api/types';
import type { BadgeStatus } from '../../../ui/ui';

export type ZaakRegel = Schema<'PreventiezaakRegel'>;
export type Zaak = Schema<'Preventiezaak'>;
export type Voorvertoning = Schema<'SignaalbestandVoorvertoning'>;
export type Verwerking = Schema<'SignaalbestandVerwerkt'>;

export const BRONNEN = [
  ['corporatie', 'Woningcorporatie'],
  ['verhuurder', 'Verhuurder (particulier)'],
  ['energie', 'Energieleverancier'],
  ['water', 'Waterbedrijf'],
  ['zorgverzekeraar', 'Zorgverzekeraar'],
] as const;
export const UITKOMSTEN: Record<string, string> = {
  opgelost: 'Opgelost (betalingsregeling of achterstand betaald)',
  'doorverwezen-schuldhulp': 'Doorverwezen naar schuldhulpverlening',
  'huisuitzetting-voorkomen': 'Huisuitzetting voorkomen',
  huisuitzetting: 'Huisuitzetting',
  'geen-contact': 'Geen contact gekregen',
};
export const VELDLABELS: Record<string, string> = {
  bron: 'Bron',
  bronNaam: 'Melder',
  referentie: 'Kenmerk',
  datum: 'Signaaldatum',
  voornaam: 'Voornaam',
  achternaam: 'Achternaam',
  geboortedatum: 'Geboortedatum',
  bsn: 'BSN',
  postcode: 'Postcode',
  huisnummer: 'Huisnummer',
  bedragAchterstand: 'Bedrag',
  maandenAchterstand: 'Maanden',
  '(regel)': 'Regel',
};
export const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

export function statusBadge(status: string): BadgeStatus {
  return status === 'afgesloten'
    ? 'success'
    : status === 'in-contact'
      ? 'active'
      : status === 'benaderd'
        ? 'warning'
        : 'neutral';
}
