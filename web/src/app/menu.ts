// Issue 16: the main menu as data. A new page is ONE line in MENU (label, path, group, condition); the Layout renders
// the groups: a group with one item visible to the user is a plain link, a group with more is a disclosure submenu.
// Keep lines per group together; the order of the groups is GROEPEN.
import type { LinkProps } from '@tanstack/react-router';
import type { Gebruiker } from '../api/types';

export type MenuGroep = 'start' | 'werk' | 'locaties' | 'doorstroom' | 'beleid' | 'beheer';
export type MenuPad = NonNullable<LinkProps['to']>;

export interface MenuItem {
  label: string;
  pad: MenuPad;
  groep: MenuGroep;
  /** Who sees the item (from the session's mogelijkheden; the server still decides). */
  toon: (g: Gebruiker) => boolean;
}

/** The top-level groups, in menu order, with the label of the disclosure button. */
export const GROEPEN: { groep: MenuGroep; label: string }[] = [
  { groep: 'start', label: 'Start' },
  { groep: 'werk', label: 'Werk' },
  { groep: 'locaties', label: 'Locaties' },
  { groep: 'doorstroom', label: 'Doorstroom' },
  { groep: 'beleid', label: 'Beleid' },
  { groep: 'beheer', label: 'Beheer' },
];

/** Bezetting: GET /v1/locaties (locaties.zien; a locatiemedewerker sees the own location only). */
export function magBezetting(g: Gebruiker): boolean {
  return g.mogelijkheden.locaties;
}

export const MENU: MenuItem[] = [
  { label: 'Mijn Onderdak', pad: '/mijn-onderdak', groep: 'start', toon: (g) => g.mogelijkheden.eigenDossier },
  { label: 'Start', pad: '/', groep: 'start', toon: (g) => !g.mogelijkheden.eigenDossier },
  { label: 'Mijn taken', pad: '/mijn-taken', groep: 'werk', toon: (g) => g.mogelijkheden.taken },
  { label: 'Mijn cliënten', pad: '/mijn-clienten', groep: 'werk', toon: (g) => g.mogelijkheden.caseload },
  { label: 'Cliënten', pad: '/clienten', groep: 'werk', toon: (g) => g.mogelijkheden.clienten },
  { label: 'Aanmeldingen', pad: '/aanmeldingen', groep: 'werk', toon: (g) => g.mogelijkheden.aanmeldingen },
  { label: 'Overdrachten', pad: '/overdrachten', groep: 'werk', toon: (g) => g.mogelijkheden.overdrachten },
  { label: 'Bezetting', pad: '/locaties', groep: 'locaties', toon: magBezetting },
  {
    label: 'Doorstroomoverleg',
    pad: '/doorstroomoverleg',
    groep: 'doorstroom',
    toon: (g) => g.mogelijkheden.perspectief,
  },
  { label: 'Wachtlijsten', pad: '/wachtlijsten', groep: 'doorstroom', toon: (g) => g.mogelijkheden.wachtlijsten },
  { label: 'Wonen', pad: '/wonen', groep: 'doorstroom', toon: (g) => g.mogelijkheden.wonen },
  { label: 'Preventie', pad: '/preventie', groep: 'doorstroom', toon: (g) => g.mogelijkheden.voorkomen },
  { label: 'Nazorg', pad: '/nazorg', groep: 'doorstroom', toon: (g) => g.mogelijkheden.nazorg },
  { label: 'Rapportage', pad: '/rapportage', groep: 'beleid', toon: (g) => g.mogelijkheden.rapportages },
  {
    label: 'Beheer',
    pad: '/beheer',
    groep: 'beheer',
    toon: (g) =>
      g.mogelijkheden.gebruikersBeheren ||
      g.mogelijkheden.locatiesBeheren ||
      g.mogelijkheden.centrumgemeentenBeheren ||
      g.mogelijkheden.dossiersImporteren,
  },
  {
    label: 'Capaciteit',
    pad: '/capaciteitsplanner',
    groep: 'beleid',
    toon: (g) => g.mogelijkheden.capaciteitsplanning,
  }, // issue 18
  { label: 'Geld', pad: '/geld', groep: 'beleid', toon: (g) => g.mogelijkheden.budget }, // issue 19
  {
    label: 'Koppelingen en AVG',
    pad: '/beheer/koppelingen-en-bewaartermijnen',
    groep: 'beheer',
    toon: (g) => g.mogelijkheden.koppelingenEnAvg,
  }, // issue 19
  { label: 'Het hele beeld', pad: '/hele-beeld', groep: 'beleid', toon: (g) => g.mogelijkheden.heleBeeld }, // issue 20
  { label: 'Datakwaliteit', pad: '/datakwaliteit', groep: 'werk', toon: (g) => g.mogelijkheden.datakwaliteit }, // issue 20
  { label: 'iWmo', pad: '/iwmo', groep: 'werk', toon: (g) => g.mogelijkheden.iwmo }, // issue 19
  {
    label: 'AGB-codes iWmo',
    pad: '/beheer/iwmo-aanbieders',
    groep: 'beheer',
    toon: (g) => g.mogelijkheden.iwmoAanbieders,
  }, // issue 19
  { label: 'Buurt', pad: '/buurt', groep: 'locaties', toon: (g) => g.mogelijkheden.buurt }, // issue 17
  {
    label: 'Buurtmeldingen',
    pad: '/buurt/meldingen',
    groep: 'locaties',
    toon: (g) => g.mogelijkheden.buurtmeldingen,
  }, // issue 17
  {
    label: "Openbare pagina's",
    pad: '/buurt/openbare-paginas',
    groep: 'locaties',
    // everyone who sees buurtmeldingen may read the pages; only beleid and the own locatie change them (magBeheren)
    toon: (g) => g.mogelijkheden.buurtmeldingen,
  }, // issue 17
  // other pages: one line above, in their group
];

export interface ZichtbareGroep {
  groep: MenuGroep;
  label: string;
  items: MenuItem[];
}

/** The groups this user sees, in order, each with its visible items; empty groups are left out. */
export function menuVoor(g: Gebruiker, menu: MenuItem[] = MENU): ZichtbareGroep[] {
  return GROEPEN.map(({ groep, label }) => ({
    groep,
    label,
    items: menu.filter((i) => i.groep === groep && i.toon(g)),
  })).filter((x) => x.items.length > 0);
}
