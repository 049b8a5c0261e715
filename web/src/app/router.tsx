import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { sessieQuery } from '../api/queries';
import { InstallatiePage } from '../areas/admin/accounts/Installatie';
import { WachtwoordInstellenPage } from '../areas/admin/accounts/WachtwoordInstellen';
import { BeheerPage } from '../areas/admin/Beheer';
import { DossiersOvernemenPage } from '../areas/admin/DossiersOvernemen';
import { InzagelogPage } from '../areas/admin/Inzagelog';
import { InzagelogZoekenPage } from '../areas/admin/InzagelogZoeken';
import { RegioInrichtenPage } from '../areas/admin/RegioInrichten';
import { NazorgPage } from '../areas/aftercare/Nazorg';
import { NazorgPlanPage } from '../areas/aftercare/NazorgPlan';
import { CapaciteitsModelPage } from '../areas/capacity-planning/CapaciteitsModel';
import { CapaciteitsplannerPage } from '../areas/capacity-planning/Capaciteitsplanner';
import { MijnClientenPage } from '../areas/casework/MijnClienten';
import { MijnTakenPage } from '../areas/casework/MijnTaken';
import { MijnOnderdakPage } from '../areas/client-portal/MijnOnderdak';
import { DatakwaliteitPage } from '../areas/data-quality/Datakwaliteit';
import { GeldPage } from '../areas/finance/Geld'; // issue 19
import { HeleBeeldPage, type HeleBeeldSearch } from '../areas/homelessness/HeleBeeld';
import { WonenPage } from '../areas/housing/Wonen';
import { AanmeldingenPage } from '../areas/intake/Aanmeldingen';
import { BeschikkingAfdrukkenPage } from '../areas/intake/BeschikkingAfdrukken';
import { ClientPage, type DossierTab, isDossierTab } from '../areas/intake/Client';
import { ClientenPage } from '../areas/intake/Clienten';
import { ClientNieuwPage } from '../areas/intake/ClientNieuw';
import { OverdrachtenPage } from '../areas/intake/Overdrachten';
import { IwmoAanbiedersPage } from '../areas/iwmo/Aanbieders';
import { IwmoPage } from '../areas/iwmo/Iwmo';
// issue 17: locaties en buurt
import { BuurtPage } from '../areas/neighbourhood/Buurt';
import { BuurtMeldingenPage } from '../areas/neighbourhood/BuurtMeldingen';
import { LeefbaarheidsmonitorPage } from '../areas/neighbourhood/Leefbaarheidsmonitor';
import { LocatiekandidatenPage } from '../areas/neighbourhood/Locatiekandidaten';
import { MijnMeldingPage } from '../areas/neighbourhood/MijnMelding';
import { OpenbareLocatiePage } from '../areas/neighbourhood/OpenbareLocatie';
import { OpenbarePaginaPage, OpenbarePaginasPage } from '../areas/neighbourhood/OpenbarePaginas'; // issue 17
import { DoorstroomoverlegPage } from '../areas/perspective/Doorstroomoverleg';
import { PerspectiefPlanAfdrukkenPage } from '../areas/perspective/PerspectiefPlanAfdrukken';
import { WachtlijstenPage } from '../areas/perspective/Wachtlijsten';
import { PreventiePage } from '../areas/prevention/Preventie';
import { PreventieZaakPage } from '../areas/prevention/PreventieZaak';
import { KoppelingenEnAvgPage } from '../areas/privacy/KoppelingenEnAvg'; // issue 19
import { DashboardPage } from '../areas/reporting/Dashboard';
import { type DashboardSearch, validateDashboardSearch } from '../areas/reporting/dashboard/periode';
import { DienstPage } from '../areas/shelter/Dienst';
import { LocatiePage } from '../areas/shelter/Locatie';
import { LocatiesPage } from '../areas/shelter/Locaties';
import { BegrippenPage } from './Begrippen';
import { Layout, NietGevonden, RouteFout } from './Layout';
import { LoginPage } from './Login';
import { StartPage } from './Start';

export interface RouterContext {
  queryClient: QueryClient;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}
function int(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: () => (
    <>
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus onderdak-skip-link" href="#hoofdinhoud">
        Naar hoofdinhoud
      </a>
      <Outlet />
    </>
  ),
  notFoundComponent: NietGevonden,
});

export interface LoginSearch {
  terug?: string;
}
const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inloggen',
  validateSearch: (s: Record<string, unknown>): LoginSearch => ({ terug: str(s.terug) }),
  component: LoginPage,
});

// Issue 11: pages without a session — the first start of an empty installation, and a password with a one-time code.
const installatieRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/installatie',
  component: InstallatiePage,
});
const wachtwoordInstellenRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/wachtwoord-instellen',
  component: WachtwoordInstellenPage,
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const sessie = await context.queryClient.ensureQueryData(sessieQuery);
    // issue 11: no session, or one with a login step still to take (new password, two-factor): the login page
    if (!sessie || sessie.gebruiker.vervolgstap) {
      throw redirect({ to: '/inloggen', search: { terug: location.pathname !== '/' ? location.href : undefined } });
    }
    return { gebruiker: sessie.gebruiker };
  },
  component: Layout,
  errorComponent: RouteFout,
  notFoundComponent: NietGevonden,
});

const startRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: StartPage });

export interface ClientenSearch {
  zoek?: string;
  pagina?: number;
  paginaGrootte?: number;
  sorteer?: 'achternaam' | '-aangemaakt';
}
const clientenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clienten',
  validateSearch: (s: Record<string, unknown>): ClientenSearch => ({
    zoek: str(s.zoek),
    pagina: int(s.pagina),
    paginaGrootte: int(s.paginaGrootte),
    sorteer: s.sorteer === 'achternaam' || s.sorteer === '-aangemaakt' ? s.sorteer : undefined,
  }),
  component: ClientenPage,
});
const clientNieuwRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clienten/nieuw',
  component: ClientNieuwPage,
});
// issue 16: the dossier in tabs, the tab in the URL
export interface ClientSearch {
  tab?: DossierTab;
}
const clientRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clienten/$clientId',
  validateSearch: (s: Record<string, unknown>): ClientSearch => ({ tab: isDossierTab(s.tab) ? s.tab : undefined }),
  component: ClientPage,
});
const inzagelogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clienten/$clientId/inzagelog',
  component: InzagelogPage,
});

export interface AanmeldingenSearch {
  status?: 'aangemeld' | 'gescreend' | 'besloten' | 'ingetrokken';
  pagina?: number;
}
const aanmeldingenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/aanmeldingen',
  validateSearch: (s: Record<string, unknown>): AanmeldingenSearch => ({
    status:
      s.status === 'aangemeld' || s.status === 'gescreend' || s.status === 'besloten' || s.status === 'ingetrokken'
        ? s.status
        : undefined,
    pagina: int(s.pagina),
  }),
  component: AanmeldingenPage,
});
const locatiesRoute = createRoute({ getParentRoute: () => appRoute, path: '/locaties', component: LocatiesPage });
const locatieRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/locaties/$locatieId',
  component: LocatiePage,
});

export interface RapportageSearch {
  regio?: string;
  van?: string;
  tot?: string;
}
const rapportageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/rapportage',
  // Issue 3: the dashboard replaces the simple report page (Rapportage.tsx) at the same path.
  validateSearch: (s: Record<string, unknown>): RapportageSearch & DashboardSearch => ({
    ...validateDashboardSearch(s),
    regio: str(s.regio),
  }),
  component: DashboardPage,
});
const beheerRoute = createRoute({ getParentRoute: () => appRoute, path: '/beheer', component: BeheerPage });
// Issue 11 part B — de regio inrichten, dossiers overnemen, het inzagelog van de beheerder.
const regioRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beheer/regio',
  component: RegioInrichtenPage,
});
const dossiersOvernemenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beheer/dossiers-overnemen',
  component: DossiersOvernemenPage,
});
const inzagelogZoekenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beheer/inzagelog',
  component: InzagelogZoekenPage,
});
const doorstroomoverlegRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/doorstroomoverleg',
  component: DoorstroomoverlegPage,
});
export interface WachtlijstenSearch {
  lijst?: string;
}
const wachtlijstenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/wachtlijsten',
  validateSearch: (s: Record<string, unknown>): WachtlijstenSearch => ({ lijst: str(s.lijst) }),
  component: WachtlijstenPage,
});
export interface PlanAfdrukSearch {
  versie?: number;
}
const planAfdrukkenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/perspectiefplannen/$planId/afdrukken',
  component: PerspectiefPlanAfdrukkenPage,
  // ?versie=N prints a signed version as it was signed; without it, the current plan
  validateSearch: (s: Record<string, unknown>): PlanAfdrukSearch => {
    const n = Number(s.versie);
    return { versie: Number.isInteger(n) && n >= 1 ? n : undefined };
  },
});
// Issue 6 — Voorkomen: vroegsignalering en nazorg.
const preventieRoute = createRoute({ getParentRoute: () => appRoute, path: '/preventie', component: PreventiePage });
const preventieZaakRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/preventie/$zaakId',
  component: PreventieZaakPage,
});
const nazorgRoute = createRoute({ getParentRoute: () => appRoute, path: '/nazorg', component: NazorgPage });
export interface WonenSearch {
  onderdeel?: string;
}
const wonenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/wonen',
  validateSearch: (s: Record<string, unknown>): WonenSearch => ({ onderdeel: str(s.onderdeel) }),
  component: WonenPage,
});
// Issue 18 — capaciteitsplanner: scenario's doorrekenen en het model met zijn backtest.
const capaciteitsplannerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/capaciteitsplanner',
  component: CapaciteitsplannerPage,
});
const capaciteitsModelRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/capaciteitsplanner/model',
  component: CapaciteitsModelPage,
});
const nazorgPlanRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/nazorg/$planId',
  component: NazorgPlanPage,
});

// Issue 12 deel A — casuswerk: mijn taken, mijn cliënten en het team.
const mijnTakenRoute = createRoute({ getParentRoute: () => appRoute, path: '/mijn-taken', component: MijnTakenPage });
const mijnClientenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mijn-clienten',
  component: MijnClientenPage,
});
// Issue 12 part B: the printable beschikking; warm handovers and open bezwaren.
const beschikkingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/toegangsbesluiten/$besluitId/beschikking',
  component: BeschikkingAfdrukkenPage,
});
const overdrachtenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/overdrachten',
  component: OverdrachtenPage,
});

// Issue 16 — Mijn Onderdak: the client's own page (a client's start page goes here).
const mijnOnderdakRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mijn-onderdak',
  component: MijnOnderdakPage,
});

// Unknown paths inside the app: the Dutch "niet gevonden" page within the layout (header and navigation), after login.
// issue 16: the shift view of a location (the locatie start page shows the same for the own location)
const dienstRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/locaties/$locatieId/dienst',
  component: DienstPage,
});
// issue 19: eigen bijdrage and budget (toegang, beleid); koppelingen and bewaartermijnen (beheerder)
const geldRoute = createRoute({ getParentRoute: () => appRoute, path: '/geld', component: GeldPage });
const koppelingenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beheer/koppelingen-en-bewaartermijnen',
  component: KoppelingenEnAvgPage,
});
// issue 16: the UI glossary, linked from the footer
const begrippenRoute = createRoute({ getParentRoute: () => appRoute, path: '/begrippen', component: BegrippenPage });
// Issue 20 — het hele beeld (namenlijst, stroom, veldwerk, afgewezen verzoeken, tellingen) and datakwaliteit.
const heleBeeldRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/hele-beeld',
  validateSearch: (s: Record<string, unknown>): HeleBeeldSearch => ({
    onderdeel: str(s.onderdeel),
    verzoek: str(s.verzoek),
  }),
  component: HeleBeeldPage,
});
const datakwaliteitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/datakwaliteit',
  component: DatakwaliteitPage,
});
// issue 19: iWmo-berichten met de zorgaanbieder
const iwmoRoute = createRoute({ getParentRoute: () => appRoute, path: '/iwmo', component: IwmoPage });
const iwmoAanbiedersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beheer/iwmo-aanbieders',
  component: IwmoAanbiedersPage,
});
// Issue 17 — locaties en buurt: public pages without login (under the root, no session) and the staff pages.
const openbareLocatieRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/openbaar/$slug',
  component: OpenbareLocatiePage,
});
const mijnMeldingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/openbaar/melding/$volgcode',
  component: MijnMeldingPage,
});
const buurtRoute = createRoute({ getParentRoute: () => appRoute, path: '/buurt', component: BuurtPage });
const buurtMeldingenRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/buurt/meldingen',
  component: BuurtMeldingenPage,
});
const buurtLocatiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/buurt/locaties',
  component: LocatiekandidatenPage,
});
const buurtMonitorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/buurt/monitor',
  component: LeefbaarheidsmonitorPage,
});
// issue 17: openbare pagina's en afspraken met de buurt beheren
const openbarePaginasRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/buurt/openbare-paginas',
  component: OpenbarePaginasPage,
});
const openbarePaginaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/buurt/openbare-paginas/$id',
  component: OpenbarePaginaPage,
});
const nietGevondenRoute = createRoute({ getParentRoute: () => appRoute, path: '$', component: NietGevonden });

const routeTree = rootRoute.addChildren([
  loginRoute,
  installatieRoute,
  wachtwoordInstellenRoute,
  openbareLocatieRoute, // issue 17
  mijnMeldingRoute, // issue 17
  appRoute.addChildren([
    buurtRoute, // issue 17
    buurtMeldingenRoute, // issue 17
    buurtLocatiesRoute, // issue 17
    buurtMonitorRoute, // issue 17
    openbarePaginasRoute, // issue 17
    openbarePaginaRoute, // issue 17
    startRoute,
    clientenRoute,
    clientNieuwRoute,
    clientRoute,
    inzagelogRoute,
    aanmeldingenRoute,
    locatiesRoute,
    locatieRoute,
    rapportageRoute,
    beheerRoute,
    regioRoute,
    dossiersOvernemenRoute,
    inzagelogZoekenRoute,
    doorstroomoverlegRoute,
    wachtlijstenRoute,
    planAfdrukkenRoute,
    preventieRoute,
    preventieZaakRoute,
    nazorgRoute,
    nazorgPlanRoute,
    wonenRoute,
    mijnTakenRoute,
    mijnClientenRoute,
    beschikkingRoute,
    overdrachtenRoute,
    dienstRoute, // issue 16
    mijnOnderdakRoute, // issue 16
    geldRoute, // issue 19
    koppelingenRoute, // issue 19
    capaciteitsplannerRoute, // issue 18
    capaciteitsModelRoute, // issue 18
    begrippenRoute, // issue 16
    heleBeeldRoute, // issue 20
    datakwaliteitRoute, // issue 20
    iwmoRoute, // issue 19
    iwmoAanbiedersRoute, // issue 19: AGB-codes
    nietGevondenRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
    defaultPendingComponent: () => (
      <p className="utrecht-paragraph" role="status">
        Laden…
      </p>
    ),
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
