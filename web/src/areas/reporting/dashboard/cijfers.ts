// Dashboard: the response types of /v1/rapportages/*, the key figures with their definitions (domain.md §4) and colours.
import { apiGet } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { getal } from '../../../ui/format';

// ---------- types of /v1/rapportages/* (aliases of the contract) ----------
export type Num = number | null;
export type Periode = Schema<'KerncijfersPeriode'>;
/** The figures of one period (without its label and dates). */
export type Cijfers = Omit<Periode, 'label' | 'van' | 'tot'>;
export type Reeks = Schema<'Reeksen'>;
export type Kerncijfers = Schema<'Kerncijfers'>;
export type BezettingRapport = Schema<'BezettingPerLocatie'>;

/** Current occupancy per location of the region (the filter's locations and the occupancy section share it). */
export function bezettingQuery(regio: string) {
  return {
    queryKey: ['dashboard', 'bezetting', regio],
    queryFn: () => apiGet('/rapportages/bezetting', { query: { regio } }),
  };
}

// ---------- figures with their definitions (domain.md §4) ----------
export type Soortcijfer = 'aantal' | 'gemiddelde' | 'aandeel';
export const CIJFERS: { key: keyof Cijfers; label: string; soort: Soortcijfer; definitie: string }[] = [
  {
    key: 'aanmeldingen',
    label: 'Aanmeldingen',
    soort: 'aantal',
    definitie: 'Aanmeldingen met een datum in de periode.',
  },
  {
    key: 'startTraject',
    label: 'Waarvan > 3 nachten en start traject',
    soort: 'aantal',
    definitie:
      'Van deze aanmeldingen: die waarvan de plaatsing in de nachtopvang langer dan 3 nachten duurde en waarbij een traject startte.',
  },
  {
    key: 'gemiddeldAantalNachten',
    label: 'Gemiddeld aantal nachten',
    soort: 'gemiddelde',
    definitie:
      'Gemiddeld aantal nachten in het bereik (standaard de nachtopvang) per traject dat in de periode eindigde en ten minste één nacht in het bereik had.',
  },
  {
    key: 'gemiddeldeDuurTrajectDagen',
    label: 'Gemiddelde duur traject (dagen)',
    soort: 'gemiddelde',
    definitie: 'Gemiddelde duur (einddatum − startdatum, in dagen) van de trajecten die in de periode eindigden.',
  },
  {
    key: 'trajectenBeeindigd',
    label: 'Trajecten beëindigd',
    soort: 'aantal',
    definitie:
      'Trajecten die in de periode eindigden, met of zonder geregistreerde uitstroom (de noemer van de gemiddelden).',
  },
  {
    key: 'uitgestroomd',
    label: 'Uitgestroomd',
    soort: 'aantal',
    definitie: 'Trajecten (in het bereik) die in de periode eindigden met een bekende uitstroombestemming.',
  },
  {
    key: 'vertrokkenOnbekend',
    label: 'Vertrokken met onbekende bestemming',
    soort: 'aantal',
    definitie: 'Trajecten (in het bereik) die in de periode eindigden zonder bekende bestemming.',
  },
  {
    key: 'gemiddeldeBedbezetting',
    label: 'Gemiddelde bedbezetting nachtopvang',
    soort: 'gemiddelde',
    definitie:
      'Gemiddeld aantal bezette bedden in het bereik over de verstreken nachten van de periode; een huishouden van n personen bezet n bedden, ook een bed voor de nacht telt mee.',
  },
  {
    key: 'binnenDrieMaandenDoorgestroomd',
    label: 'Binnen 3 maanden doorgestroomd',
    soort: 'aandeel',
    definitie: 'Aandeel van de beëindigde trajecten met een duur van ten hoogste 91 dagen (de beleidsdoelstelling).',
  },
  {
    key: 'uitstroomNaarWonen',
    label: 'Uitstroom naar wonen',
    soort: 'aandeel',
    definitie:
      'Aandeel van de uitstroom naar permanente woonruimte (eigen huur- of koopwoning, Housing First, permanent bij familie of vrienden); beschermd wonen telt apart.',
  },
  {
    key: 'personenInOpvang',
    label: 'Personen in opvang',
    soort: 'aantal',
    definitie: 'Verschillende cliënten met een verblijf in de periode (het totaal van herkomst en aanleiding).',
  },
];
export const ONDERDRUKT = 'Niet getoond: te weinig personen voor een gemiddelde of percentage (beschermde cijfers).';
export const aantalTekst = (x: { aantal: Num; onderdrukt?: boolean }) => (x.onderdrukt ? '—' : getal(x.aantal));

export function primair(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--onderdak-primary').trim() || '#00529b';
}
export const KLEUREN = () => [primair(), '#c05600', '#2e7d32', '#6a1b9a', '#5f6368'];
