import { ForbiddenError } from '../platform/errors.js';
import type { Role } from '../reference/reference.js';
import type { Actor, Ctx } from './context.js';

// The one rights table (domain.md §5): action → roles, with an optional row condition. Services enforce it with
// authorize(); the web interface gets the same answers as `mogelijkheden` (abilities() for the session user,
// can() per object), so a screen can never offer what the server refuses. Which *persons* a role sees is the
// other half, in visibility.ts (visibleClients: tenant and role inside the query).

/** A row condition sees the object an action is about (already loaded by the service). */
type RowCondition = (actor: Actor, row: Readonly<Record<string, unknown>>) => boolean;

interface Right {
  roles: readonly Role[];
  /** Extra condition on the object, e.g. "only while the registration is not yet decided". */
  when?: RowCondition;
  /** Dutch refusal shown when the role lacks the right. */
  refusal?: string;
}

const REPORTS = 'Uw rol heeft geen toegang tot rapportages.';

/** Matching and offering only while the home is free (beschikbaar) or the candidate is ready (woonklaar). */
const homeOrCandidateOpen: RowCondition = (_a, row) =>
  row.status === undefined || row.status === 'beschikbaar' || row.status === 'woonklaar';

export const RIGHTS = {
  // ----- centrale toegang: cliënten en aanmeldingen -----
  'clienten.zien': { roles: ['toegang', 'locatie'], refusal: 'Uw rol geeft geen toegang tot persoonsgegevens.' },
  /** Every client of the tenant, not only the own residents (visibility.ts): e.g. placing a client found by id. */
  'clienten.alleInRegio': { roles: ['toegang'] },
  'clienten.registreren': { roles: ['toegang'] },
  'clienten.dubbelenZoeken': { roles: ['toegang'] },
  'clienten.samenvoegen': { roles: ['toegang'] },
  'clienten.bsnZien': { roles: ['toegang', 'client'] },
  'dossier.eigen': { roles: ['client'] },
  /** One client's file and its registrations; which clients a role sees is visibility.ts. */
  'dossier.lezen': {
    roles: ['toegang', 'locatie', 'client'],
    refusal: 'Uw rol geeft geen toegang tot persoonsgegevens.',
  },
  // issue 16: the staff log is for toegang and beheerder; the client reads "wie heeft mijn dossier bekeken" in plain
  // words in Mijn Onderdak (mijnOnderdak.lezen), never this log with usernames and internal parts
  'inzagelog.lezen': {
    roles: ['toegang', 'beheerder'],
    refusal: 'U mag het inzagelog van dit dossier niet bekijken.',
  },
  'aanmeldingen.lezen': { roles: ['toegang'] },
  'aanmeldingen.registreren': { roles: ['toegang'] },
  'aanmeldingen.screenen': { roles: ['toegang'], when: (_a, row) => row.status === 'aangemeld' },
  'aanmeldingen.besluiten': {
    roles: ['toegang'],
    when: (_a, row) => row.status !== 'besloten' && row.status !== 'ingetrokken',
  },
  /** Withdrawing a registration before a decision (issue 19); row { status }. */
  'aanmeldingen.intrekken': {
    roles: ['toegang'],
    when: (_a, row) => row.status === 'aangemeld' || row.status === 'gescreend',
    refusal: 'Een aanmelding kan alleen vóór het besluit worden ingetrokken.',
  },

  // ----- opvang: locaties, plaatsingen, uitstroom -----
  /** Row { facilityId }: a locatiemedewerker sees only the own location. */
  'locaties.zien': {
    roles: ['toegang', 'locatie', 'beleid', 'beheerder'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
    refusal: 'Uw rol geeft geen toegang tot de bezetting.',
  },
  'locaties.bewonersZien': { roles: ['toegang', 'locatie'] },
  'locaties.beheren': { roles: ['beheerder'] },
  plaatsen: { roles: ['toegang', 'locatie'], refusal: 'Uw rol mag niet plaatsen.' },
  /** Row { facilityId } of the unit placed or moved into. */
  'plaatsen.opLocatie': {
    roles: ['toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === undefined || row.facilityId === a.facilityId,
    refusal: 'U kunt alleen plaatsen op uw eigen locatie.',
  },
  /** Moving or ending a stay; row { facilityId } of the stay (another location's stay is not found: 404). */
  'verblijven.wijzigen': {
    roles: ['toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
    refusal: 'Uw rol mag verblijven niet wijzigen.',
  },
  'uitstroom.registreren': { roles: ['toegang'], refusal: 'Alleen de toegang/trajecthouder registreert uitstroom.' },

  // ----- werken aan perspectief -----
  'perspectief.lezen': { roles: ['toegang', 'locatie', 'client'] },
  'perspectief.schrijven': { roles: ['toegang', 'locatie'] },
  'perspectief.reageren': { roles: ['toegang', 'locatie', 'client'] },
  'perspectief.werklijsten': { roles: ['toegang', 'locatie'] },
  'wachtlijsten.lezen': { roles: ['toegang', 'locatie'] },
  'wachtlijsten.beheren': { roles: ['toegang'] },

  // ----- wonen -----
  'wonen.zien': { roles: ['toegang', 'corporatie', 'beleid', 'beheerder'] },
  /** Homes, agreements and offers of every corporation; a corporatiemedewerker sees only those of the own corporation. */
  'wonen.alleCorporaties': { roles: ['toegang', 'beleid', 'beheerder'] },
  'wonen.corporatiesBeheren': { roles: ['toegang', 'beheerder'] },
  'wonen.woonplekkenBeheren': { roles: ['toegang', 'corporatie'] },
  /** By hand only between beschikbaar and niet-beschikbaar; aangeboden and verhuurd follow the offers (409 otherwise). */
  'wonen.woonplekStatusWijzigen': {
    roles: ['toegang', 'corporatie'],
    when: (_a, row) => row.status === undefined || row.status === 'beschikbaar' || row.status === 'niet-beschikbaar',
  },
  'wonen.prestatieafsprakenBeheren': { roles: ['toegang', 'beleid', 'beheerder'] },
  'wonen.kandidatenBeheren': { roles: ['toegang'] },
  'wonen.kandidatenZien': {
    roles: ['toegang'],
    when: homeOrCandidateOpen,
  },
  'wonen.aanbieden': {
    roles: ['toegang'],
    when: homeOrCandidateOpen,
  },
  'wonen.aanbiedingenZien': { roles: ['toegang', 'corporatie'] },
  /** The next step of an offer (row: { stap }): the corporation records only afgewezen and contract-getekend on its own homes. */
  'wonen.aanbiedingReageren': {
    roles: ['toegang', 'corporatie'],
    when: (a, row) =>
      a.role !== 'corporatie' || row.stap === undefined || row.stap === 'afgewezen' || row.stap === 'contract-getekend',
    refusal: 'Uw rol mag deze stap niet vastleggen.',
  },
  'wonen.housingFirstBeheren': { roles: ['toegang'] },
  'wonen.housingFirstBeschikken': { roles: ['toegang'], when: (_a, row) => !row.beschikkingOp && !row.beeindigdOp },
  'wonen.cijfers': { roles: ['toegang', 'beleid', 'beheerder'] },

  // ----- voorkomen en nazorg -----
  /** Signals, signal files and preventive cases (Vroeg Eropaf): read. */
  'voorkomen.werken': { roles: ['toegang'] },
  /** Arrears signals: one by one, or a CSV file (upload and commit). */
  'signalen.vastleggen': { roles: ['toegang'] },
  /** A step (contact attempt, home visit, outcome) on a preventive case that is not closed yet. */
  'preventiezaken.stapVastleggen': { roles: ['toegang'], when: (_a, row) => row.status !== 'afgesloten' },
  /** Aftercare (waakvlam): worklist, candidates, a plan, new plans; the budgetbeheer list. */
  'nazorg.werken': { roles: ['toegang'] },
  /** Contacts, schedule, responsible party, address and closing of an active aftercare plan. */
  'nazorg.planWijzigen': { roles: ['toegang'], when: (_a, row) => row.status === 'actief' },
  'budgetbeheer.vastleggen': { roles: ['toegang'] },
  /** Ending a running budgetbeheer early, or cancelling a planned one. */
  'budgetbeheer.beeindigen': {
    roles: ['toegang'],
    when: (_a, row) => row.fase === 'gepland' || row.fase === 'opbouw' || row.fase === 'afbouw',
  },

  // ----- sturing -----
  'rapportages.lezen': { roles: ['toegang', 'beleid', 'beheerder'], refusal: REPORTS },
  /** Exact figures and per-person detail; every other reporting role sees protected (suppressed) figures. */
  'rapportages.exact': { roles: ['toegang'] },

  // ----- beheer -----
  'gebruikers.beheren': { roles: ['beheerder'] },

  // ----- issue 12 deel A: dagelijks casuswerk (rapportage, afspraken, documenten, caseload, taken) -----
  /**
   * Journal entries; row { gedeeld, facilityId }: toegang reads every entry, a locatiemedewerker those written at the
   * own facility, the client only entries marked as shared (the list query applies the same rule: visibility.ts).
   */
  'rapportage.lezen': {
    roles: ['toegang', 'locatie', 'client'],
    when: (a, row) =>
      a.role === 'toegang' ||
      (a.role === 'locatie' && row.facilityId === a.facilityId) ||
      (a.role === 'client' && row.gedeeld === true),
    refusal: 'U mag deze rapportage niet lezen.',
  },
  'rapportage.schrijven': { roles: ['toegang', 'locatie'], refusal: 'Uw rol mag geen rapportage schrijven.' },
  /** Row { auteurId }: only the author corrects an entry (within a day: the service answers 409 after that). */
  'rapportage.corrigeren': {
    roles: ['toegang', 'locatie'],
    when: (a, row) => row.auteurId === a.userId,
    refusal: 'Alleen de schrijver kan een rapportage corrigeren.',
  },
  'afspraken.lezen': { roles: ['toegang', 'locatie', 'client'] },
  'afspraken.beheren': { roles: ['toegang', 'locatie'], refusal: 'Uw rol mag geen afspraken vastleggen.' },
  'documenten.lezen': { roles: ['toegang', 'locatie'], refusal: 'Uw rol geeft geen toegang tot documenten.' },
  'documenten.toevoegen': { roles: ['toegang', 'locatie'], refusal: 'Uw rol mag geen documenten toevoegen.' },
  /** My clients (caseload) and the team view: who is trajecthouder of which open trajectories. */
  'caseload.zien': { roles: ['toegang'] },
  /** Handing a case over to a colleague (row { open }: only an open trajectory). */
  'caseload.overdragen': { roles: ['toegang'], when: (_a, row) => row.open !== false },
  /** The personal worklist (what is due) and its counts on the start page. */
  'taken.zien': { roles: ['toegang', 'locatie'] },
  // ----- issue 11 part A: eerste start, organisaties, instellingen, accounts -----
  /** Installation-wide (no tenant): the list of centrumgemeenten and adding one. Never any person data. */
  'centrumgemeenten.beheren': { roles: ['installatie'] },
  /** Tenant settings: theme, norms, suppression threshold, bed-voor-de-nacht maximum, two-factor, idle timeout. */
  'instellingen.beheren': { roles: ['beheerder'] },
  'zorgaanbieders.zien': { roles: ['toegang', 'beheerder'] },
  'zorgaanbieders.beheren': { roles: ['beheerder'] },
  /** A client account from the dossier (row { heeftAccount }): one per client, with a one-time invitation code. */
  'clientaccounts.aanmaken': {
    roles: ['toegang'],
    when: (_a, row) => row.heeftAccount !== true,
    refusal: 'Alleen de toegang/trajecthouder maakt een cliëntaccount aan.',
  },
  // ----- issue 13B: bed voor de nacht en datumcorrecties van verblijven -----
  /** A bed for the night during screening, before the toegangsbesluit (the unit: plaatsen.opLocatie). */
  'bedVoorDeNacht.geven': { roles: ['toegang', 'locatie'], refusal: 'Uw rol mag geen bed voor de nacht geven.' },
  /** Correcting the start or end (exit) date of a stay; row { facilityId } of the stay. */
  'verblijven.corrigeren': {
    roles: ['toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
    refusal: 'Uw rol mag verblijven niet corrigeren.',
  },
  'verblijven.correctiesLezen': {
    roles: ['toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
  },
  // ----- issue 12 deel B: correcties, beschikking en bezwaar, warme overdracht, splitsen -----
  /** Correcting person data, contact and household afterwards, with a reason (history kept). */
  'clienten.corrigeren': { roles: ['toegang'], refusal: 'Alleen de toegang corrigeert persoonsgegevens.' },
  'aanmeldingen.corrigeren': { roles: ['toegang'] },
  'besluiten.corrigeren': { roles: ['toegang'] },
  /** The toegangsbesluit as a printable beschikking: the toegang, and the client for the own decision. */
  'beschikkingen.lezen': { roles: ['toegang', 'client'] },
  'bezwaren.lezen': { roles: ['toegang'] },
  'bezwaren.registreren': { roles: ['toegang'] },
  /** Status and outcome of a bezwaar that is not decided yet (row { afgerond }). */
  'bezwaren.afhandelen': { roles: ['toegang'], when: (_a, row) => !row.afgerond },
  /** Incoming and outgoing warm handovers of the own tenant. */
  'overdrachten.lezen': { roles: ['toegang'] },
  /** Accept or decline an incoming handover (row { status, ontvanger }): only the receiving tenant, only once. */
  'overdrachten.beoordelen': {
    roles: ['toegang'],
    when: (a, row) => row.status === 'voorgesteld' && (row.ontvanger === undefined || row.ontvanger === a.tenantId),
    refusal: 'Alleen de ontvangende centrumgemeente beoordeelt deze overdracht.',
  },
  /** Undoing a merge: the two records are split again with their history. */
  'clienten.splitsen': { roles: ['toegang'] },
  // ----- issue 11 part B: de regio inrichten, caseload overnemen, reservekopie -----
  /** Regiogemeenten of the tenant: list and add. */
  'regio.beheren': { roles: ['beheerder'] },
  /** The tenant's whole NEN 7513 log, by client, user or period (lines without dossier content). */
  'inzagelog.doorzoeken': { roles: ['beheerder'], refusal: 'Alleen de beheerder doorzoekt het inzagelog.' },
  /** The `toelichting` of a log line (content); the beheerder sees only who, when, what kind and on what basis. */
  'inzagelog.toelichtingZien': { roles: ['toegang', 'client'] },
  /** Moving the current caseload in from a CSV file (person data: the toegang, through its own services). */
  'dossiers.importeren': { roles: ['toegang'], refusal: 'Alleen de toegang neemt dossiers over uit een bestand.' },
  /** A consistent backup of the running installation (PGlite) as a download. */
  'reservekopie.maken': { roles: ['beheerder'] },
  // ----- issue 14: verwijzing naar een locatie (src/areas/shelter/referrals.*) -----
  /** The toegang refers an admitted, waiting client to one facility of the tenant. */
  'verwijzingen.aanmaken': { roles: ['toegang'], refusal: 'Alleen de toegang verwijst naar een locatie.' },
  /** Withdrawing an open referral; row { open }. */
  'verwijzingen.intrekken': {
    roles: ['toegang'],
    when: (_a, row) => row.open !== false,
    refusal: 'Alleen de toegang trekt een verwijzing in.',
  },
  /** The referrals of one client the actor sees (dossier; a locatiemedewerker sees only its residents). */
  'verwijzingen.zien': { roles: ['toegang', 'locatie'] },
  /** The open referrals to one facility; row { facilityId }: a locatiemedewerker sees those of the own location. */
  'verwijzingen.locatieZien': {
    roles: ['toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
    refusal: 'U ziet alleen de verwijzingen naar uw eigen locatie.',
  },
  // ----- issue 12 afronding: een overdracht aan een collega wordt gezien -----
  /** Row { naarId }: only the colleague who received the case marks the handover as seen (the sender sees when). */
  'caseload.overdrachtBevestigen': {
    roles: ['toegang'],
    when: (a, row) => row.naarId === a.userId,
    refusal: 'Alleen de collega aan wie de casus is overgedragen, kan de overdracht als gezien markeren.',
  },
  // ----- issue 16: de dienst op een locatie (src/areas/shelter/shift.*, presence.*, measures.*) -----
  /** The shift view of one location; row { facilityId }: a locatiemedewerker sees the own location only. */
  'dienst.zien': {
    roles: ['toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
    refusal: 'Uw rol geeft geen toegang tot het dienstoverzicht.',
  },
  /** A handover note to the next shift; row { facilityId }: staff of that location. */
  'dienstoverdracht.schrijven': {
    roles: ['locatie'],
    when: (a, row) => row.facilityId === a.facilityId,
    refusal: 'Alleen medewerkers van deze locatie schrijven een dienstoverdracht.',
  },
  /** The nightly presence check ("wie sliep hier"); row { facilityId }: staff of that location confirm. */
  'aanwezigheid.bevestigen': {
    roles: ['locatie'],
    when: (a, row) => row.facilityId === a.facilityId,
    refusal: 'Alleen medewerkers van deze locatie bevestigen wie er sliep.',
  },
  /** Who is flagged "onbevestigd" (no presence confirmed for 48 hours); row { facilityId }. */
  'aanwezigheid.zien': {
    roles: ['toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
  },
  /** A house-rule warning or a schorsing on a stay; row { facilityId } of the stay. */
  'huisregels.vastleggen': {
    roles: ['locatie'],
    when: (a, row) => row.facilityId === a.facilityId,
    refusal: 'Alleen medewerkers van deze locatie leggen een waarschuwing of schorsing vast.',
  },
  'huisregels.lezen': {
    roles: ['toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
  },
  // ----- issue 16: Mijn Onderdak, het portaal van de cliënt (src/areas/client-portal/) -----
  /** The client's own overview in plain words: where I sleep, contact person, appointments, plan, documents, log. */
  'mijnOnderdak.lezen': { roles: ['client'], refusal: 'Mijn Onderdak is er alleen voor cliënten.' },
  /** Downloading one of the own documents (row { clientId }: only the own file). */
  'mijnOnderdak.documentDownloaden': {
    roles: ['client'],
    when: (a, row) => row.clientId === a.clientId,
    refusal: 'Je kunt alleen je eigen documenten downloaden.',
  },
  /** A comment or question, or a request to correct the own data: a task for the trajecthouder. */
  'mijnOnderdak.berichtSturen': { roles: ['client'], refusal: 'Alleen de cliënt zelf stuurt hier een bericht.' },
  /** Staff: the messages of a client (comments and correction requests) in the dossier. */
  'clientberichten.lezen': { roles: ['toegang', 'locatie'] },
  /** Staff: answering a message that has no answer yet (row { beantwoord }). */
  'clientberichten.beantwoorden': {
    roles: ['toegang', 'locatie'],
    when: (_a, row) => row.beantwoord !== true,
    refusal: 'Uw rol mag berichten van cliënten niet beantwoorden.',
  },
  // ----- issue 19: geld en koppelingen (src/areas/finance/, integrations/, privacy/) -----
  /** The eigen bijdrage of one client: nights, amount due, payments, balance (row { clientId } via visibility). */
  'eigenBijdrage.lezen': { roles: ['toegang'], refusal: 'Uw rol geeft geen toegang tot de eigen bijdrage.' },
  /** Recording payments, exemptions and reductions, and raising arrears as preventive signals. */
  'eigenBijdrage.vastleggen': { roles: ['toegang'], refusal: 'Uw rol mag de eigen bijdrage niet wijzigen.' },
  /** The monthly overview for the administration (per client: nights, due, paid, balance). */
  'eigenBijdrage.overzicht': { roles: ['toegang'], refusal: 'Uw rol geeft geen toegang tot het maandoverzicht.' },
  /** Tariffs per night per facility type (eigen bijdrage and kostprijs) and the regional budget: tenant settings. */
  'tarieven.beheren': { roles: ['beheerder'], refusal: 'Alleen de beheerder stelt tarieven en budgetten in.' },
  'tarieven.zien': { roles: ['toegang', 'beleid', 'beheerder'] },
  /** Spend against the regional budget per year: aggregates only, no persons. */
  'budget.zien': { roles: ['beleid', 'beheerder', 'toegang'], refusal: 'Uw rol geeft geen toegang tot het budget.' },
  /** A BRP lookup (Haal Centraal BRP Personen) with its doelbinding, to fill and check a registration. */
  'brp.raadplegen': { roles: ['toegang'], refusal: 'Uw rol mag de BRP niet raadplegen.' },
  /** The outbox to the zaaksysteem: what is waiting, delivered, failing (no case contents). */
  'zaaksysteem.zien': { roles: ['beheerder', 'toegang'], refusal: 'Uw rol geeft geen toegang tot de koppeling.' },
  /** AVG art. 15: everything held about one client (row { clientId }: a client only the own file). */
  'avg.exporteren': {
    roles: ['toegang', 'client'],
    when: (a, row) => a.role !== 'client' || row.clientId === a.clientId,
    refusal: 'U mag deze gegevens niet exporteren.',
  },
  /** The retention purge: dry-run list and execution, and the destruction log. */
  'avg.vernietigen': { roles: ['beheerder'], refusal: 'Alleen de beheerder voert de bewaartermijnen uit.' },
  // ----- issue 18: capaciteitsplanner (src/areas/capacity-planning/): aggregates and models only, no persons -----
  /** The fitted model with its backtest, the saved scenarios and the simulations of the tenant. */
  'capaciteitsplanning.zien': {
    roles: ['toegang', 'beleid'],
    refusal: 'Alleen beleid en toegang gebruiken de capaciteitsplanner.',
  },
  /** Saving scenarios and starting simulations. */
  'capaciteitsplanning.rekenen': {
    roles: ['toegang', 'beleid'],
    refusal: 'Alleen beleid en toegang rekenen scenario’s door.',
  },
  // ----- issue 20: het hele beeld (src/areas/homelessness/, src/areas/data-quality/) -----
  /** The by-name list of the region with names (toegang); beleid gets only the protected figures below. */
  'dakloosheid.namenlijst': { roles: ['toegang'], refusal: 'Uw rol geeft geen toegang tot de namenlijst.' },
  /** Figures of the by-name list, the monthly flow and unmet demand (protected for beleid, beheerder). */
  'dakloosheid.cijfers': { roles: ['toegang', 'beleid', 'beheerder'], refusal: REPORTS },
  /** The tenant setting "inactief na N maanden zonder contact". */
  'dakloosheid.instellingen': { roles: ['beheerder'] },
  /** Recording a veldwerk contact (a known client or an anonymous person). */
  'veldwerk.vastleggen': { roles: ['toegang', 'locatie'], refusal: 'Uw rol mag geen veldwerkcontacten vastleggen.' },
  'veldwerk.zien': { roles: ['toegang'], refusal: 'Uw rol geeft geen toegang tot veldwerkcontacten.' },
  /** The yearly point-in-time count of people sleeping rough (numbers per area, no persons). */
  'telling.vastleggen': { roles: ['toegang', 'beleid'] },
  'telling.zien': { roles: ['toegang', 'beleid', 'beheerder'], refusal: REPORTS },
  /** The turn-away register: requests that found no place. */
  /** Row { facilityId }: a locatiemedewerker records and edits those of the own location only. */
  'afgewezen.vastleggen': {
    roles: ['toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
    refusal: 'U legt alleen afgewezen verzoeken van uw eigen locatie vast.',
  },
  'afgewezen.zien': {
    roles: ['toegang'],
    refusal: 'Uw rol geeft geen toegang tot het register van afgewezen verzoeken.',
  },
  /** Data-quality findings (they name persons): toegang all, a locatiemedewerker those of the own location. */
  'datakwaliteit.zien': { roles: ['toegang', 'locatie'], refusal: 'Uw rol geeft geen toegang tot de datakwaliteit.' },
  /** The findings of every location (a locatiemedewerker sees those of the own location). */
  'datakwaliteit.alleLocaties': { roles: ['toegang'] },
  /** The data-quality score per month (no persons). */
  'datakwaliteit.score': { roles: ['toegang', 'locatie', 'beleid', 'beheerder'] },
  // issue 19: iWmo 3.2 berichtenverkeer tussen gemeente (toegang) en zorgaanbieder (locatie: alleen de eigen AGB-code)
  'iwmo.berichtenZien': {
    roles: ['toegang', 'locatie'],
    refusal: 'Uw rol geeft geen toegang tot de iWmo-berichten.',
  },
  'iwmo.berichtInlezen': { roles: ['toegang', 'locatie'], refusal: 'Uw rol mag geen iWmo-berichten inlezen.' },
  /** The gemeente's side sees every zorgaanbieder; a locatiemedewerker only the own location's AGB code. */
  'iwmo.alleAanbieders': { roles: ['toegang'] },
  'iwmo.toewijzen': { roles: ['toegang'], refusal: 'Alleen de toegang maakt een toewijzing (301).' },
  'iwmo.werklijst': { roles: ['toegang'], refusal: 'Alleen de toegang werkt de iWmo-werklijst af.' },
  /** Row { status } of the verzoek: answered only while open. */
  'iwmo.verzoekBeantwoorden': {
    roles: ['toegang'],
    when: (_a, row) => row.status === undefined || row.status === 'open',
    refusal: 'Alleen de toegang beantwoordt een open verzoek om toewijzing.',
  },
  /** The AGB code and name of each location's zorgaanbieder in the iWmo messages (no persons). */
  'iwmo.aanbiedersBeheren': {
    roles: ['beheerder', 'beleid'],
    refusal: 'Alleen de beheerder of beleid legt AGB-codes voor iWmo vast.',
  },
  // ----- issue 17: locaties en buurt (src/areas/neighbourhood/) — no persons except a reporter's optional contact -----
  /** Wijken, voorzieningen, draagkracht, kandidaat-locaties, business cases and procedures: read. */
  'buurt.lezen': { roles: ['beleid', 'toegang'], refusal: 'Uw rol geeft geen toegang tot wijken en locaties.' },
  /** Wijken, CBS import, draagkracht weights, candidate sites, business cases, procedure steps: change. */
  'buurt.beheren': { roles: ['beleid'], refusal: 'Alleen beleid beheert wijken, locaties en de procedure.' },
  /** The meldingen worklist; row { facilityId }: a locatiemedewerker sees only the own facility's meldingen. */
  'buurtmeldingen.zien': {
    roles: ['beleid', 'toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
    refusal: 'Uw rol geeft geen toegang tot buurtmeldingen.',
  },
  /** A reporter's contact details are person data: not for beleid (aggregates only, domain.md §5). */
  'buurtmeldingen.contactZien': {
    roles: ['toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
  },
  /** Status and reply; row { facilityId }. */
  'buurtmeldingen.behandelen': {
    roles: ['beleid', 'toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
    refusal: 'U behandelt alleen meldingen over uw eigen locatie.',
  },
  /** The public page's agreements and next meeting; row { facilityId }. */
  'openbarePagina.beheren': {
    roles: ['beleid', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
    refusal: 'U beheert alleen de openbare pagina van uw eigen locatie.',
  },
  /** Meldingen and the monitor of every facility of the tenant; without it only the own facility's (locatie). */
  'buurt.alleLocaties': { roles: ['beleid', 'toegang'] },
  /** The yearly liveability monitor (aggregates, no persons); row { facilityId } for a facility's monitor. */
  'leefbaarheid.lezen': {
    roles: ['beleid', 'toegang', 'locatie'],
    when: (a, row) => a.role !== 'locatie' || row.facilityId === a.facilityId,
    refusal: 'Uw rol geeft geen toegang tot de leefbaarheidsmonitor.',
  },
} as const satisfies Record<string, Right>;

export type Action = keyof typeof RIGHTS;

const rightOf = (action: Action): Right => RIGHTS[action];

/** May this user do this (to this object)? */
export function can(actor: Actor, action: Action, row?: Readonly<Record<string, unknown>>): boolean {
  const right = rightOf(action);
  if (!right.roles.includes(actor.role)) return false;
  return !right.when || !row || right.when(actor, row);
}

/** The Dutch text of a refusal of this action. */
export function refusalFor(action: Action): string {
  return rightOf(action).refusal ?? 'Uw rol mag deze handeling niet uitvoeren.';
}

/** Enforces the rights table in a service; throws 403 with the right's Dutch refusal. */
export function authorize(ctx: Ctx, action: Action, row?: Readonly<Record<string, unknown>>): void {
  if (!can(ctx.actor, action, row)) throw new ForbiddenError(refusalFor(action));
}

/** Does this role hold the action at all (before any row condition)? */
export function roleMay(role: Role, action: Action): boolean {
  return rightOf(action).roles.includes(role);
}

/** Roles that hold an action (for documentation and the role × route test). */
export function rolesFor(action: Action): readonly Role[] {
  return rightOf(action).roles;
}

/**
 * What the session user may do, for the web interface's menu and buttons. Every ability is an action of the table
 * above, so the interface and the enforcement cannot drift.
 */
export const SESSION_ABILITIES = {
  clienten: 'clienten.zien',
  aanmeldingen: 'aanmeldingen.lezen',
  besluiten: 'aanmeldingen.besluiten',
  plaatsen: 'plaatsen',
  locaties: 'locaties.zien',
  locatiesBeheren: 'locaties.beheren',
  gebruikersBeheren: 'gebruikers.beheren',
  inzageLog: 'inzagelog.lezen',
  rapportages: 'rapportages.lezen',
  eigenDossier: 'dossier.eigen',
  perspectief: 'perspectief.werklijsten',
  voorkomen: 'voorkomen.werken',
  wonen: 'wonen.zien',
  taken: 'taken.zien', // issue 12 deel A
  caseload: 'caseload.zien',
  centrumgemeentenBeheren: 'centrumgemeenten.beheren', // issue 11
  instellingenBeheren: 'instellingen.beheren', // issue 11
  clientaccountsAanmaken: 'clientaccounts.aanmaken', // issue 11
  // issue 11 part B
  regioBeheren: 'regio.beheren',
  inzagelogDoorzoeken: 'inzagelog.doorzoeken',
  dossiersImporteren: 'dossiers.importeren',
  reservekopieMaken: 'reservekopie.maken',
  openbarePaginas: 'openbarePagina.beheren', // issue 17
  // issue 16: the main menu's pages, each from the right of the page's main API (web/src/app/menu.ts)
  overdrachten: 'overdrachten.lezen',
  wachtlijsten: 'wachtlijsten.lezen',
  nazorg: 'nazorg.werken',
  capaciteitsplanning: 'capaciteitsplanning.zien',
  budget: 'budget.zien',
  eigenBijdrageOverzicht: 'eigenBijdrage.overzicht',
  koppelingenEnAvg: 'avg.vernietigen',
  heleBeeld: 'dakloosheid.cijfers',
  datakwaliteit: 'datakwaliteit.zien',
  iwmo: 'iwmo.berichtenZien',
  iwmoAanbieders: 'iwmo.aanbiedersBeheren', // issue 19: AGB-codes
  buurt: 'buurt.lezen',
  buurtmeldingen: 'buurtmeldingen.zien',
} as const satisfies Record<string, Action>;

export type SessionAbilities = { [K in keyof typeof SESSION_ABILITIES]: boolean };

export function abilities(actor: Actor): SessionAbilities {
  return Object.fromEntries(
    Object.entries(SESSION_ABILITIES).map(([ability, action]) => [ability, can(actor, action)]),
  ) as SessionAbilities;
}

/**
 * Issue 11: the staff roles that see persons (they hold a person-data right) must log in with a second factor when
 * their tenant requires it (setting tweeFactorVerplicht). A client is no staff member.
 */
const PERSON_RIGHTS: readonly Action[] = [
  'clienten.zien',
  'dossier.lezen',
  'wonen.aanbiedingenZien',
  'inzagelog.lezen',
];
export function needsSecondFactor(role: Role): boolean {
  return role !== 'client' && PERSON_RIGHTS.some((a) => roleMay(role, a));
}
