// Issue 20: the data-quality checks AS DATA — one row per rule: code, severity, the entity it looks at, the Dutch
// text, the predicate, and its own test fixture (a change to the clean example that makes it fire, and a near miss
// that does not; rules.test.ts runs every row both ways). Modelled on HUD's data-quality checks: missing and
// contradictory fields, impossible date orders, stays without presence, stale statuses, likely duplicates, exits
// without destination.

import { addDays, daysBetween, isValidBsn } from '../../platform/validation.js';
import { CAUSES, destinationGroup, EXIT_DESTINATIONS, REGISTRATION_SOURCES } from '../../reference/reference.js';
import { REGION_FRAME } from '../homelessness/outreach.service.js';
import { add, all, type Fixture, none, patch, setToday } from './example.js';
import type { Entities, EntityKind, Snapshot } from './snapshot.js';

export type Severity = 'fout' | 'waarschuwing';
export interface Rule<K extends EntityKind = EntityKind> {
  code: string;
  severity: Severity;
  entity: K;
  /** Dutch text of the finding, as the worker reads it. */
  text: string;
  test: (row: Entities[K], s: Snapshot) => boolean;
  /** The rule's own fixture: `hit` makes it fire on the first row of its entity; `miss` (default: none) does not. */
  example: { hit: Fixture; miss?: Fixture };
}

const rule = <K extends EntityKind>(
  code: string,
  severity: Severity,
  entity: K,
  text: string,
  test: (row: Entities[K], s: Snapshot) => boolean,
  hit: Fixture,
  miss?: Fixture,
): Rule<K> => ({ code, severity, entity, text, test, example: { hit, miss } });

const blank = (v: string | null | undefined) => !v?.trim();
const CAUSE_CODES = new Set<string>(CAUSES.map((c) => c.code));
const SOURCE_CODES = new Set<string>(REGISTRATION_SOURCES.map((c) => c.code));
const DESTINATION_CODES = new Set<string>(EXIT_DESTINATIONS.map((c) => c.code));
const ageOn = (birth: string, day: string) => {
  let a = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  if (day.slice(5) < birth.slice(5)) a--;
  return a;
};
const firstRegistration = (s: Snapshot, clientId: string) =>
  (s.registrationsByClient.get(clientId) ?? []).map((r) => r.registered_on).sort()[0];
const overlaps = (
  a: { started_on: string; ended_on: string | null },
  b: { started_on: string; ended_on: string | null },
) => a.started_on < (b.ended_on ?? '9999-12-31') && b.started_on < (a.ended_on ?? '9999-12-31');

export const RULES: readonly Rule[] = [
  // ---------- cliënt ----------
  rule(
    'CLI-01',
    'fout',
    'client',
    'De voornaam ontbreekt.',
    (c) => blank(c.first_name),
    patch('client', { first_name: ' ' }),
  ),
  rule(
    'CLI-02',
    'fout',
    'client',
    'De achternaam ontbreekt.',
    (c) => blank(c.last_name),
    patch('client', { last_name: '' }),
  ),
  rule(
    'CLI-03',
    'waarschuwing',
    'client',
    'De geboortedatum ontbreekt.',
    (c) => !c.birth_date,
    patch('client', { birth_date: null }),
  ),
  rule(
    'CLI-04',
    'fout',
    'client',
    'De geboortedatum ligt in de toekomst.',
    (c, s) => !!c.birth_date && c.birth_date > s.today,
    patch('client', { birth_date: '2026-07-01' }),
    patch('client', { birth_date: '2026-06-15' }),
  ),
  rule(
    'CLI-05',
    'fout',
    'client',
    'De geboortedatum ligt meer dan 110 jaar terug.',
    (c, s) => !!c.birth_date && ageOn(c.birth_date, s.today) > 110,
    patch('client', { birth_date: '1900-01-01' }),
    patch('client', { birth_date: '1920-01-01' }),
  ),
  rule(
    'CLI-06',
    'waarschuwing',
    'client',
    'De cliënt is jonger dan 16: controleer de geboortedatum.',
    (c, s) => !!c.birth_date && c.birth_date <= s.today && ageOn(c.birth_date, s.today) < 16,
    patch('client', { birth_date: '2012-01-01' }),
    patch('client', { birth_date: '2010-01-01' }),
  ),
  rule(
    'CLI-07',
    'fout',
    'client',
    'Het BSN voldoet niet aan de elfproef.',
    (c) => !!c.bsn && !isValidBsn(c.bsn),
    patch('client', { bsn: '123456789' }),
    patch('client', { bsn: null }),
  ),
  rule(
    'CLI-08',
    'waarschuwing',
    'client',
    'Hetzelfde BSN staat bij een andere cliënt: waarschijnlijk dubbel.',
    (c, s) => !!c.bsn && (s.clientsByBsn.get(c.bsn)?.length ?? 0) > 1,
    add('client', { id: 'c2', first_name: 'Ander', birth_date: '1970-01-01' }),
    add('client', { id: 'c2', first_name: 'Ander', birth_date: '1970-01-01', bsn: '111222333' }),
  ),
  rule(
    'CLI-09',
    'waarschuwing',
    'client',
    'Een andere cliënt heeft dezelfde naam en geboortedatum: waarschijnlijk dubbel.',
    (c, s) =>
      !!c.birth_date &&
      (s.clientsByNameAndBirth.get(
        `${c.first_name.trim().toLowerCase()}|${c.last_name.trim().toLowerCase()}|${c.birth_date}`,
      )?.length ?? 0) > 1,
    add('client', { id: 'c2', bsn: null, first_name: 'ANNA' }),
    add('client', { id: 'c2', bsn: null, birth_date: '1980-05-02' }),
  ),
  rule(
    'CLI-10',
    'waarschuwing',
    'client',
    'De herkomst ontbreekt.',
    (c) => !c.origin_municipality_code && (blank(c.origin_label) || c.origin_label === 'Onbekend'),
    patch('client', { origin_municipality_code: null, origin_label: 'Onbekend' }),
    patch('client', { origin_municipality_code: null, origin_label: 'Buitenland' }),
  ),
  rule(
    'CLI-11',
    'fout',
    'client',
    'De gemeentecode van herkomst heeft geen 4 cijfers.',
    (c) => !!c.origin_municipality_code && !/^\d{4}$/.test(c.origin_municipality_code),
    patch('client', { origin_municipality_code: 'GM0505' }),
  ),
  rule(
    'CLI-12',
    'waarschuwing',
    'client',
    'De aanleiding (oorzaak van dakloosheid) ontbreekt.',
    (c) => !c.cause,
    patch('client', { cause: null }),
  ),
  rule(
    'CLI-13',
    'fout',
    'client',
    'De aanleiding is geen bekende code.',
    (c) => !!c.cause && !CAUSE_CODES.has(c.cause),
    patch('client', { cause: 'ruzie' }),
    patch('client', { cause: 'overig' }),
  ),
  rule(
    'CLI-14',
    'waarschuwing',
    'client',
    'Geen telefoonnummer en geen e-mailadres: de cliënt is niet bereikbaar.',
    (c) => blank(c.phone) && blank(c.email),
    patch('client', { phone: null, email: null }),
    patch('client', { phone: null }),
  ),
  rule(
    'CLI-15',
    'fout',
    'client',
    'Het e-mailadres is ongeldig.',
    (c) => !blank(c.email) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c.email!.trim()),
    patch('client', { email: 'anna@' }),
    patch('client', { email: null }),
  ),
  rule(
    'CLI-16',
    'fout',
    'client',
    'Het telefoonnummer is ongeldig.',
    (c) => !blank(c.phone) && !/^\+?[0-9 ()-]{8,16}$/.test(c.phone!.trim()),
    patch('client', { phone: '06-ABC' }),
    patch('client', { phone: '+31 6 1234 5678' }),
  ),
  rule(
    'CLI-17',
    'waarschuwing',
    'client',
    'Het geslacht ontbreekt.',
    (c) => blank(c.gender),
    patch('client', { gender: null }),
  ),
  rule(
    'CLI-18',
    'waarschuwing',
    'client',
    'De naam bevat cijfers.',
    (c) => /\d/.test(c.first_name) || /\d/.test(c.last_name),
    patch('client', { last_name: 'de Vr1es' }),
  ),
  rule(
    'CLI-19',
    'waarschuwing',
    'client',
    'Cliënt zonder aanmelding.',
    (c, s) => !s.registrationsByClient.has(c.id),
    all(
      none('registration'),
      none('decision'),
      patch('trajectory', { registration_id: null }),
      patch('stay', { registration_id: null }),
    ),
  ),
  rule(
    'CLI-20',
    'waarschuwing',
    'client',
    'De voornaam is één letter: vul de roepnaam in.',
    (c) => c.first_name.replace(/\./g, '').trim().length === 1,
    patch('client', { first_name: 'A.' }),
    patch('client', { first_name: 'Ab' }),
  ),
  rule(
    'CLI-21',
    'fout',
    'client',
    'De geboortedatum ligt na de eerste aanmelding.',
    (c, s) => {
      const first = firstRegistration(s, c.id);
      return !!c.birth_date && !!first && c.birth_date > first;
    },
    patch('client', { birth_date: '2026-02-01' }),
    patch('client', { birth_date: '2026-01-10' }),
  ),

  // ---------- aanmelding ----------
  rule(
    'AAN-01',
    'fout',
    'registration',
    'De aanmelddatum ligt in de toekomst.',
    (r, s) => r.registered_on > s.today,
    all(
      patch('registration', { registered_on: '2026-06-20', screened_on: null, status: 'aangemeld' }),
      none('decision'),
    ),
  ),
  rule(
    'AAN-02',
    'fout',
    'registration',
    'Gescreend vóór de aanmelding.',
    (r) => !!r.screened_on && r.screened_on < r.registered_on,
    patch('registration', { screened_on: '2026-01-09' }),
    patch('registration', { screened_on: '2026-01-10' }),
  ),
  rule(
    'AAN-03',
    'fout',
    'registration',
    'De screeningsdatum ligt in de toekomst.',
    (r, s) => !!r.screened_on && r.screened_on > s.today,
    patch('registration', { screened_on: '2026-06-16' }),
  ),
  rule(
    'AAN-04',
    'waarschuwing',
    'registration',
    'Status gescreend of besloten, maar zonder screeningsdatum.',
    (r) => r.status !== 'aangemeld' && r.status !== 'ingetrokken' && !r.screened_on,
    patch('registration', { screened_on: null }),
  ),
  rule(
    'AAN-05',
    'waarschuwing',
    'registration',
    'Er is een screeningsdatum, maar de status is nog aangemeld.',
    (r) => r.status === 'aangemeld' && !!r.screened_on,
    all(patch('registration', { status: 'aangemeld' }), none('decision')),
  ),
  rule(
    'AAN-06',
    'waarschuwing',
    'registration',
    'Na 14 dagen nog niet gescreend.',
    (r, s) => r.status === 'aangemeld' && !r.screened_on && daysBetween(r.registered_on, s.today) > 14,
    all(
      patch('registration', { status: 'aangemeld', screened_on: null, registered_on: '2026-05-01' }),
      none('decision'),
    ),
    all(
      patch('registration', { status: 'aangemeld', screened_on: null, registered_on: '2026-06-05' }),
      none('decision'),
    ),
  ),
  rule(
    'AAN-07',
    'fout',
    'registration',
    'Geen besluit binnen 6 weken na de melding (Wmo).',
    (r, s) => r.status !== 'besloten' && r.status !== 'ingetrokken' && daysBetween(r.registered_on, s.today) > 42,
    all(patch('registration', { status: 'gescreend' }), none('decision')),
    all(
      patch('registration', { status: 'gescreend', registered_on: '2026-05-10', screened_on: '2026-05-11' }),
      none('decision'),
    ),
  ),
  rule(
    'AAN-08',
    'fout',
    'registration',
    'Status besloten, maar er is geen besluit.',
    (r, s) => r.status === 'besloten' && !s.decisionsByRegistration.has(r.id),
    none('decision'),
  ),
  rule(
    'AAN-09',
    'fout',
    'registration',
    'De bron van de aanmelding is geen bekende code.',
    (r) => !SOURCE_CODES.has(r.source),
    patch('registration', { source: 'onbekend' }),
    patch('registration', { source: 'veldwerk' }),
  ),
  rule(
    'AAN-10',
    'waarschuwing',
    'registration',
    'Gescreend zonder bevindingen.',
    (r) => !!r.screened_on && blank(r.screening),
    patch('registration', { screening: '' }),
  ),
  rule(
    'AAN-11',
    'fout',
    'registration',
    'De aanmelding ligt vóór de geboortedatum.',
    (r, s) => {
      const b = s.clients.get(r.client_id)?.birth_date;
      return !!b && r.registered_on < b;
    },
    patch('client', { birth_date: '2026-02-01' }),
  ),
  rule(
    'AAN-12',
    'waarschuwing',
    'registration',
    'Twee aanmeldingen van dezelfde cliënt op dezelfde dag: waarschijnlijk dubbel.',
    (r, s) =>
      (s.registrationsByClient.get(r.client_id) ?? []).filter((x) => x.registered_on === r.registered_on).length > 1,
    add('registration', { id: 'r2', status: 'aangemeld', screened_on: null }),
    add('registration', { id: 'r2', registered_on: '2026-01-11', status: 'besloten' }),
  ),
  rule(
    'AAN-13',
    'waarschuwing',
    'registration',
    'Niet bekend wie de aanmelding vastlegde.',
    (r) => !r.created_by,
    patch('registration', { created_by: null }),
  ),

  // ---------- toegangsbesluit ----------
  rule(
    'BES-01',
    'fout',
    'decision',
    'Het besluit ligt vóór de aanmelding.',
    (d, s) => {
      const r = s.registrations.get(d.registration_id);
      return !!r && d.decided_on < r.registered_on;
    },
    patch('decision', { decided_on: '2026-01-09' }),
  ),
  rule(
    'BES-02',
    'fout',
    'decision',
    'De besluitdatum ligt in de toekomst.',
    (d, s) => d.decided_on > s.today,
    patch('decision', { decided_on: '2026-06-30', objection_deadline: '2026-08-11' }),
  ),
  rule(
    'BES-03',
    'fout',
    'decision',
    'De bezwaartermijn eindigt vóór het besluit.',
    (d) => d.objection_deadline < d.decided_on,
    patch('decision', { objection_deadline: '2026-01-14' }),
  ),
  rule(
    'BES-04',
    'waarschuwing',
    'decision',
    'De bezwaartermijn is niet zes weken.',
    (d) => d.objection_deadline >= d.decided_on && d.objection_deadline !== addDays(d.decided_on, 42),
    patch('decision', { objection_deadline: '2026-02-20' }),
  ),
  rule(
    'BES-05',
    'fout',
    'decision',
    'Afwijzing of doorverwijzing zonder reden.',
    (d) => d.outcome !== 'toegang' && blank(d.reason),
    all(
      patch('decision', { outcome: 'afwijzing', reason: null }),
      none('trajectory'),
      none('stay'),
      none('candidate'),
      none('plan'),
    ),
    all(patch('decision', { outcome: 'afwijzing' }), none('trajectory'), none('stay'), none('candidate'), none('plan')),
  ),
  rule(
    'BES-06',
    'fout',
    'decision',
    'Toegang verleend, maar er is geen traject.',
    (d, s) => d.outcome === 'toegang' && !s.trajectoriesByRegistration.has(d.registration_id),
    patch('trajectory', { registration_id: null }),
  ),
  rule(
    'BES-07',
    'waarschuwing',
    'decision',
    'Niet bekend wie besloot.',
    (d) => !d.decided_by,
    patch('decision', { decided_by: null }),
  ),
  rule(
    'BES-08',
    'fout',
    'decision',
    'Meer dan één besluit op dezelfde aanmelding.',
    (d, s) => (s.decisionsByRegistration.get(d.registration_id)?.length ?? 0) > 1,
    add('decision', { id: 'd2' }),
  ),
  rule(
    'BES-09',
    'fout',
    'decision',
    'De uitkomst van het besluit is geen bekende code.',
    (d) => !['toegang', 'doorverwijzing', 'afwijzing'].includes(d.outcome),
    patch('decision', { outcome: 'misschien' }),
  ),
  rule(
    'BES-10',
    'waarschuwing',
    'decision',
    'Besloten vóór de screening.',
    (d, s) => {
      const r = s.registrations.get(d.registration_id);
      return !!r?.screened_on && d.decided_on < r.screened_on;
    },
    patch('decision', { decided_on: '2026-01-11', objection_deadline: '2026-02-22' }),
    patch('decision', { decided_on: '2026-01-12', objection_deadline: '2026-02-23' }),
  ),

  // ---------- traject ----------
  rule(
    'TRA-01',
    'fout',
    'trajectory',
    'Uitstroom zonder bestemming.',
    (t) => !!t.ended_on && !t.exit_destination,
    all(
      patch('trajectory', { ended_on: '2026-06-01' }),
      patch('stay', { ended_on: '2026-06-01', end_reason: 'uitstroom' }),
      none('candidate'),
    ),
    all(
      patch('trajectory', { ended_on: '2026-06-01', exit_destination: 'onbekend', exit_group: 'onbekend' }),
      patch('stay', { ended_on: '2026-06-01', end_reason: 'uitstroom' }),
      none('candidate'),
    ),
  ),
  rule(
    'TRA-02',
    'fout',
    'trajectory',
    'De einddatum ligt vóór de begindatum.',
    (t) => !!t.ended_on && t.ended_on < t.started_on,
    all(
      patch('trajectory', { ended_on: '2026-01-14', exit_destination: 'straat', exit_group: 'dakloos' }),
      patch('stay', { ended_on: '2026-01-15', end_reason: 'uitstroom' }),
      none('candidate'),
    ),
  ),
  rule(
    'TRA-03',
    'fout',
    'trajectory',
    'De begindatum ligt in de toekomst.',
    (t, s) => t.started_on > s.today,
    all(patch('trajectory', { started_on: '2026-07-01' }), none('stay'), none('plan'), none('candidate')),
  ),
  rule(
    'TRA-04',
    'fout',
    'trajectory',
    'De einddatum ligt in de toekomst.',
    (t, s) => !!t.ended_on && t.ended_on > s.today,
    all(
      patch('trajectory', { ended_on: '2026-07-01', exit_destination: 'straat', exit_group: 'dakloos' }),
      patch('stay', { ended_on: '2026-06-10', end_reason: 'uitstroom' }),
      none('candidate'),
    ),
  ),
  rule(
    'TRA-05',
    'waarschuwing',
    'trajectory',
    'Het traject heeft geen trajecthouder.',
    (t) => !t.case_manager_id,
    patch('trajectory', { case_manager_id: null }),
  ),
  rule(
    'TRA-06',
    'fout',
    'trajectory',
    'De bestemming hoort niet bij de vastgelegde groep.',
    (t) =>
      !!t.exit_destination &&
      DESTINATION_CODES.has(t.exit_destination) &&
      destinationGroup(t.exit_destination) !== t.exit_group,
    all(
      patch('trajectory', { ended_on: '2026-06-01', exit_destination: 'straat', exit_group: 'permanent' }),
      patch('stay', { ended_on: '2026-06-01', end_reason: 'uitstroom' }),
      none('candidate'),
    ),
    all(
      patch('trajectory', { ended_on: '2026-06-01', exit_destination: 'straat', exit_group: 'dakloos' }),
      patch('stay', { ended_on: '2026-06-01', end_reason: 'uitstroom' }),
      none('candidate'),
    ),
  ),
  rule(
    'TRA-07',
    'fout',
    'trajectory',
    'Er is een bestemming, maar geen einddatum.',
    (t) => !t.ended_on && !!t.exit_destination,
    patch('trajectory', { exit_destination: 'straat', exit_group: 'dakloos' }),
  ),
  rule(
    'TRA-08',
    'fout',
    'trajectory',
    'De bestemming is geen bekende code.',
    (t) => !!t.exit_destination && !DESTINATION_CODES.has(t.exit_destination),
    all(
      patch('trajectory', { ended_on: '2026-06-01', exit_destination: 'maan', exit_group: 'overig' }),
      patch('stay', { ended_on: '2026-06-01', end_reason: 'uitstroom' }),
      none('candidate'),
    ),
  ),
  rule(
    'TRA-09',
    'waarschuwing',
    'trajectory',
    'Het traject staat langer dan een jaar open.',
    (t, s) => !t.ended_on && daysBetween(t.started_on, s.today) > 365,
    setToday('2027-02-01'),
    setToday('2026-12-01'),
  ),
  rule(
    'TRA-10',
    'waarschuwing',
    'trajectory',
    'Open traject zonder verblijf in de laatste 90 dagen en niet woningzoekend: is de status nog juist?',
    (t, s) => {
      if (t.ended_on || daysBetween(t.started_on, s.today) <= 90) return false;
      const stays = s.staysByTrajectory.get(t.id) ?? [];
      if (stays.some((x) => !x.ended_on || daysBetween(x.ended_on, s.today) <= 90)) return false;
      return !(s.candidatesByClient.get(t.client_id) ?? []).some((c) => c.status === 'woonklaar');
    },
    all(patch('stay', { ended_on: '2026-02-01', end_reason: 'verhuisd' }), none('candidate')),
    all(patch('stay', { ended_on: '2026-04-01', end_reason: 'verhuisd' }), none('candidate')),
  ),
  rule(
    'TRA-11',
    'fout',
    'trajectory',
    'Het traject begint vóór de aanmelding.',
    (t, s) => {
      const r = t.registration_id ? s.registrations.get(t.registration_id) : undefined;
      return !!r && t.started_on < r.registered_on;
    },
    patch('trajectory', { started_on: '2026-01-09' }),
  ),
  rule(
    'TRA-12',
    'fout',
    'trajectory',
    'De cliënt heeft twee open trajecten.',
    (t, s) => !t.ended_on && (s.trajectoriesByClient.get(t.client_id) ?? []).filter((x) => !x.ended_on).length > 1,
    add('trajectory', { id: 't2', started_on: '2026-02-01' }),
    add('trajectory', {
      id: 't2',
      started_on: '2025-02-01',
      ended_on: '2025-06-01',
      exit_destination: 'straat',
      exit_group: 'dakloos',
    }),
  ),
  rule(
    'TRA-13',
    'fout',
    'trajectory',
    'Het traject is beëindigd, maar er is nog een open verblijf.',
    (t, s) => !!t.ended_on && (s.staysByTrajectory.get(t.id) ?? []).some((x) => !x.ended_on),
    all(
      patch('trajectory', { ended_on: '2026-06-01', exit_destination: 'straat', exit_group: 'dakloos' }),
      none('candidate'),
    ),
  ),
  rule(
    'TRA-14',
    'waarschuwing',
    'trajectory',
    'Geen perspectiefplan binnen de termijn.',
    (t, s) =>
      !t.ended_on && daysBetween(t.started_on, s.today) > s.settings.planTermijnDagen && !s.plansByTrajectory.has(t.id),
    none('plan'),
    all(none('plan'), setToday('2026-01-19')),
  ),
  rule(
    'TRA-15',
    'waarschuwing',
    'trajectory',
    'Traject zonder aanmelding.',
    (t) => !t.registration_id,
    patch('trajectory', { registration_id: null }),
  ),
  rule(
    'TRA-16',
    'waarschuwing',
    'trajectory',
    'Traject zonder toegangsbesluit "toegang".',
    (t, s) =>
      !!t.registration_id &&
      !(s.decisionsByRegistration.get(t.registration_id) ?? []).some((d) => d.outcome === 'toegang'),
    patch('decision', { outcome: 'doorverwijzing' }),
  ),
  rule(
    'TRA-17',
    'waarschuwing',
    'trajectory',
    'Vertrokken met onbekende bestemming: ga na waar de cliënt is.',
    (t) => t.exit_group === 'onbekend',
    all(
      patch('trajectory', { ended_on: '2026-06-01', exit_destination: 'onbekend', exit_group: 'onbekend' }),
      patch('stay', { ended_on: '2026-06-01', end_reason: 'uitstroom' }),
      none('candidate'),
    ),
  ),
  rule(
    'TRA-18',
    'fout',
    'trajectory',
    'Het traject begint vóór de geboortedatum.',
    (t, s) => {
      const b = s.clients.get(t.client_id)?.birth_date;
      return !!b && t.started_on < b;
    },
    patch('client', { birth_date: '2026-01-20' }),
  ),

  // ---------- verblijf ----------
  rule(
    'VER-01',
    'fout',
    'stay',
    'De einddatum van het verblijf ligt vóór de begindatum.',
    (v) => !!v.ended_on && v.ended_on < v.started_on,
    patch('stay', { ended_on: '2026-01-14', end_reason: 'vertrokken' }),
  ),
  rule(
    'VER-02',
    'fout',
    'stay',
    'Het verblijf begint in de toekomst.',
    (v, s) => v.started_on > s.today,
    patch('stay', { started_on: '2026-06-20' }),
  ),
  rule(
    'VER-03',
    'fout',
    'stay',
    'De einddatum van het verblijf ligt in de toekomst.',
    (v, s) => !!v.ended_on && v.ended_on > s.today,
    patch('stay', { ended_on: '2026-06-20', end_reason: 'vertrokken' }),
  ),
  rule(
    'VER-04',
    'waarschuwing',
    'stay',
    'Open verblijf zonder aanwezigheidscontrole in de laatste 48 uur.',
    (v, s) =>
      !v.ended_on && v.started_on <= addDays(s.today, -2) && (!v.last_check || v.last_check < addDays(s.today, -2)),
    patch('stay', { last_check: '2026-06-12' }),
    patch('stay', { last_check: '2026-06-13' }),
  ),
  rule(
    'VER-05',
    'fout',
    'stay',
    'Dit verblijf overlapt met een ander verblijf van dezelfde cliënt.',
    (v, s) => (s.staysByClient.get(v.client_id) ?? []).some((x) => x.id !== v.id && overlaps(x, v)),
    add('stay', { id: 's2', started_on: '2026-03-01', unit_id: 'e2' }),
    all(
      patch('stay', { ended_on: '2026-03-01', end_reason: 'verhuisd' }),
      add('stay', { id: 's2', started_on: '2026-03-01', ended_on: null, end_reason: null, unit_id: 'e2' }),
    ),
  ),
  rule(
    'VER-06',
    'fout',
    'stay',
    'Het verblijf loopt door na het einde van het traject.',
    (v, s) => {
      const t = v.trajectory_id ? s.trajectories.get(v.trajectory_id) : undefined;
      return !!t?.ended_on && (v.ended_on ?? '9999-12-31') > t.ended_on;
    },
    all(
      patch('trajectory', { ended_on: '2026-06-01', exit_destination: 'straat', exit_group: 'dakloos' }),
      patch('stay', { ended_on: '2026-06-03', end_reason: 'x' }),
      none('candidate'),
    ),
    all(
      patch('trajectory', { ended_on: '2026-06-01', exit_destination: 'straat', exit_group: 'dakloos' }),
      patch('stay', { ended_on: '2026-06-01', end_reason: 'x' }),
      none('candidate'),
    ),
  ),
  rule(
    'VER-07',
    'waarschuwing',
    'stay',
    'Het verblijf is beëindigd zonder reden.',
    (v) => !!v.ended_on && blank(v.end_reason),
    patch('stay', { ended_on: '2026-06-10' }),
    patch('stay', { ended_on: '2026-06-10', end_reason: 'verhuisd' }),
  ),
  rule(
    'VER-08',
    'fout',
    'stay',
    'De huishoudgrootte is kleiner dan 1.',
    (v) => v.household_size < 1,
    patch('stay', { household_size: 0 }),
  ),
  rule(
    'VER-09',
    'fout',
    'stay',
    'Het huishouden is groter dan het aantal bedden van de eenheid.',
    (v) => v.household_size > v.unit_beds,
    patch('stay', { household_size: 2 }),
    patch('stay', { household_size: 2, unit_beds: 2 }),
  ),
  rule(
    'VER-10',
    'fout',
    'stay',
    'Bed voor de nacht langer dan toegestaan.',
    (v, s) => v.short_stay && daysBetween(v.started_on, v.ended_on ?? s.today) > s.settings.bedVoorDeNachtMax,
    patch('stay', { short_stay: true, trajectory_id: null, started_on: '2026-06-10' }),
    patch('stay', { short_stay: true, trajectory_id: null, started_on: '2026-06-12' }),
  ),
  rule(
    'VER-11',
    'fout',
    'stay',
    'Een bed voor de nacht hangt aan een traject.',
    (v) => v.short_stay && !!v.trajectory_id,
    patch('stay', { short_stay: true, started_on: '2026-06-14' }),
  ),
  rule(
    'VER-12',
    'fout',
    'stay',
    'Verblijf zonder traject dat geen bed voor de nacht is.',
    (v) => !v.short_stay && !v.trajectory_id,
    patch('stay', { trajectory_id: null }),
  ),
  rule(
    'VER-13',
    'waarschuwing',
    'stay',
    'Open verblijf in een eenheid die niet meer in gebruik is.',
    (v) => !v.ended_on && !v.unit_active,
    patch('stay', { unit_active: false }),
    patch('stay', { unit_active: false, ended_on: '2026-06-01', end_reason: 'verhuisd' }),
  ),
  rule(
    'VER-14',
    'fout',
    'stay',
    'Het verblijf begint vóór het traject.',
    (v, s) => {
      const t = v.trajectory_id ? s.trajectories.get(v.trajectory_id) : undefined;
      return !!t && v.started_on < t.started_on;
    },
    patch('stay', { started_on: '2026-01-14' }),
  ),
  rule(
    'VER-15',
    'waarschuwing',
    'stay',
    'Niet bekend wie het verblijf vastlegde.',
    (v) => !v.created_by,
    patch('stay', { created_by: null }),
  ),
  rule(
    'VER-16',
    'fout',
    'stay',
    'Het verblijf begint vóór de aanmelding.',
    (v, s) => {
      const r = v.registration_id ? s.registrations.get(v.registration_id) : undefined;
      return !!r && v.started_on < r.registered_on;
    },
    all(patch('stay', { started_on: '2026-01-09' }), patch('trajectory', { started_on: '2026-01-09' })),
  ),

  // ---------- veldwerk ----------
  rule(
    'VEL-01',
    'fout',
    'outreach',
    'De datum van het veldwerkcontact ligt in de toekomst.',
    (o, s) => o.contact_on > s.today,
    patch('outreach', { contact_on: '2026-06-16' }),
  ),
  rule(
    'VEL-02',
    'waarschuwing',
    'outreach',
    'Niet vastgelegd waar het contact was.',
    (o) => o.latitude == null && blank(o.place_label),
    patch('outreach', { latitude: null, longitude: null, place_label: null }),
    patch('outreach', { latitude: null, longitude: null }),
  ),
  rule(
    'VEL-03',
    'fout',
    'outreach',
    'Het punt ligt buiten de kaart van de regio.',
    (o) =>
      o.latitude != null &&
      o.longitude != null &&
      (o.latitude < REGION_FRAME.minBreedte ||
        o.latitude > REGION_FRAME.maxBreedte ||
        o.longitude < REGION_FRAME.minLengte ||
        o.longitude > REGION_FRAME.maxLengte),
    patch('outreach', { latitude: 52.37, longitude: 4.9 }),
  ),
  rule(
    'VEL-04',
    'waarschuwing',
    'outreach',
    'Niet vastgelegd wat is aangeboden.',
    (o) => o.offered.length === 0,
    patch('outreach', { offered: [] }),
  ),
  rule(
    'VEL-05',
    'fout',
    'outreach',
    'De geschatte leeftijd is onwaarschijnlijk.',
    (o) => o.estimated_age != null && (o.estimated_age < 12 || o.estimated_age > 100),
    patch('outreach', { estimated_age: 8 }),
    patch('outreach', { estimated_age: 12 }),
  ),
  rule(
    'VEL-06',
    'waarschuwing',
    'outreach',
    'Anonieme persoon zonder geschatte leeftijd.',
    (o) => !!o.anonymous_person_id && o.estimated_age == null,
    patch('outreach', { estimated_age: null }),
    patch('outreach', { estimated_age: null, anonymous_person_id: null, client_id: 'c1' }),
  ),
  rule(
    'VEL-07',
    'waarschuwing',
    'outreach',
    'De slaapplek is onbekend.',
    (o) => o.sleeping_situation === 'onbekend',
    patch('outreach', { sleeping_situation: 'onbekend' }),
  ),
  rule(
    'VEL-08',
    'waarschuwing',
    'outreach',
    'Slaapt buiten, maar er is geen nachtopvang aangeboden.',
    (o) => o.sleeping_situation === 'buiten' && !o.offered.includes('nachtopvang') && !o.offered.includes('geweigerd'),
    patch('outreach', { offered: ['maaltijd'] }),
    patch('outreach', { offered: ['maaltijd'], sleeping_situation: 'bij_anderen' }),
  ),
  rule(
    'VEL-09',
    'waarschuwing',
    'outreach',
    'Volgens veldwerk buiten geslapen, maar de cliënt verbleef die dag in de opvang.',
    (o, s) =>
      !!o.client_id &&
      o.sleeping_situation === 'buiten' &&
      (s.staysByClient.get(o.client_id) ?? []).some(
        (v) => v.started_on < o.contact_on && (v.ended_on ?? '9999-12-31') > o.contact_on,
      ),
    patch('outreach', { client_id: 'c1', anonymous_person_id: null }),
    all(
      patch('outreach', { client_id: 'c1', anonymous_person_id: null }),
      patch('stay', { ended_on: '2026-05-01', end_reason: 'vertrokken' }),
    ),
  ),
  rule(
    'VEL-10',
    'waarschuwing',
    'outreach',
    '"Aanbod geweigerd" staat naast ander aanbod.',
    (o) => o.offered.includes('geweigerd') && o.offered.length > 1,
    patch('outreach', { offered: ['geweigerd', 'nachtopvang'] }),
    patch('outreach', { offered: ['geweigerd'] }),
  ),
  rule(
    'VEL-11',
    'waarschuwing',
    'outreach',
    'Niet bekend wie het contact vastlegde.',
    (o) => !o.recorded_by,
    patch('outreach', { recorded_by: null }),
  ),

  // ---------- afgewezen verzoeken ----------
  rule(
    'AFW-01',
    'waarschuwing',
    'turnAway',
    'Niet vastgelegd waar de persoon naartoe ging.',
    (a) => !a.went_to,
    patch('turnAway', { went_to: null }),
  ),
  rule(
    'AFW-02',
    'fout',
    'turnAway',
    'De datum van het verzoek ligt in de toekomst.',
    (a, s) => a.requested_on > s.today,
    patch('turnAway', { requested_on: '2026-06-16' }),
  ),
  rule(
    'AFW-03',
    'waarschuwing',
    'turnAway',
    '"Vol" zonder locatie: welke locatie was vol?',
    (a) => a.reason === 'vol' && !a.facility_id,
    patch('turnAway', { facility_id: null }),
    patch('turnAway', { facility_id: null, reason: 'regiobinding' }),
  ),
  rule(
    'AFW-04',
    'fout',
    'turnAway',
    'De huishoudgrootte ligt buiten 1 tot 20.',
    (a) => a.household_size < 1 || a.household_size > 20,
    patch('turnAway', { household_size: 0 }),
  ),
  rule(
    'AFW-05',
    'waarschuwing',
    'turnAway',
    'Afgewezen of doorverwezen zonder gekoppeld toegangsbesluit.',
    (a) => (a.reason === 'afgewezen' || a.reason === 'doorverwezen') && !a.access_decision_id,
    patch('turnAway', { reason: 'afgewezen' }),
    patch('turnAway', { reason: 'afgewezen', access_decision_id: 'd1' }),
  ),
  rule(
    'AFW-06',
    'waarschuwing',
    'turnAway',
    'Doorverwezen, maar de persoon ging de straat op.',
    (a) => a.reason === 'doorverwezen' && a.went_to === 'straat',
    patch('turnAway', { reason: 'doorverwezen', access_decision_id: 'd1', went_to: 'straat' }),
    patch('turnAway', { reason: 'vol', went_to: 'straat' }),
  ),

  // ---------- telling buitenslapers ----------
  rule(
    'TEL-01',
    'fout',
    'streetCount',
    'De teldatum ligt in de toekomst.',
    (c, s) => c.counted_on > s.today,
    patch('streetCount', { counted_on: '2026-07-01' }),
  ),
  rule(
    'TEL-02',
    'waarschuwing',
    'streetCount',
    'Het gebied van de telling heeft geen naam.',
    (c) => blank(c.area),
    patch('streetCount', { area: ' ' }),
  ),
  rule(
    'TEL-03',
    'waarschuwing',
    'streetCount',
    'Meer dan 500 buitenslapers in één gebied: controleer het aantal.',
    (c) => c.number > 500,
    patch('streetCount', { number: 501 }),
    patch('streetCount', { number: 500 }),
  ),

  // ---------- wonen ----------
  rule(
    'WON-01',
    'fout',
    'candidate',
    'Gehuisvest zonder huisvestingsdatum.',
    (k) => k.status === 'gehuisvest' && !k.housed_on,
    patch('candidate', { status: 'gehuisvest' }),
  ),
  rule(
    'WON-02',
    'fout',
    'candidate',
    'Woonklaar, maar er is een huisvestingsdatum.',
    (k) => k.status === 'woonklaar' && !!k.housed_on,
    patch('candidate', { housed_on: '2026-06-01' }),
  ),
  rule(
    'WON-03',
    'fout',
    'candidate',
    'Woonklaar vóór het begin van het traject.',
    (k, s) => {
      const t = s.trajectories.get(k.trajectory_id);
      return !!t && k.ready_since < t.started_on;
    },
    patch('candidate', { ready_since: '2026-01-14' }),
    patch('candidate', { ready_since: '2026-01-15' }),
  ),
  rule(
    'WON-04',
    'fout',
    'candidate',
    'De woonklaar-datum ligt in de toekomst.',
    (k, s) => k.ready_since > s.today,
    patch('candidate', { ready_since: '2026-06-16' }),
  ),
  rule(
    'WON-05',
    'waarschuwing',
    'candidate',
    'Woonklaar op een traject dat al is beëindigd.',
    (k, s) => k.status === 'woonklaar' && !!s.trajectories.get(k.trajectory_id)?.ended_on,
    all(
      patch('trajectory', { ended_on: '2026-06-01', exit_destination: 'straat', exit_group: 'dakloos' }),
      patch('stay', { ended_on: '2026-06-01', end_reason: 'x' }),
    ),
  ),
  rule(
    'WON-06',
    'waarschuwing',
    'candidate',
    'Het netto-inkomen is 0 of onbekend.',
    (k) => k.net_income_cents <= 0,
    patch('candidate', { net_income_cents: 0 }),
  ),
  rule(
    'WON-07',
    'fout',
    'candidate',
    'De huishoudgrootte is kleiner dan 1.',
    (k) => k.household_size < 1,
    patch('candidate', { household_size: 0 }),
  ),
  rule(
    'WON-08',
    'waarschuwing',
    'candidate',
    'Langer dan een jaar woonklaar zonder woning.',
    (k, s) => k.status === 'woonklaar' && daysBetween(k.ready_since, s.today) > 365,
    setToday('2027-03-02'),
    setToday('2027-03-01'),
  ),
  rule(
    'WON-09',
    'fout',
    'candidate',
    'Gehuisvest vóór de datum woonklaar.',
    (k) => !!k.housed_on && k.housed_on < k.ready_since,
    patch('candidate', { status: 'gehuisvest', housed_on: '2026-02-01' }),
    patch('candidate', { status: 'gehuisvest', housed_on: '2026-03-01' }),
  ),

  // ---------- perspectiefplan ----------
  rule(
    'PLN-01',
    'fout',
    'plan',
    'Het plan is opgesteld vóór het begin van het traject.',
    (p, s) => {
      const t = s.trajectories.get(p.trajectory_id);
      return !!t && p.drawn_up_on < t.started_on;
    },
    patch('plan', { drawn_up_on: '2026-01-14', signed_on: '2026-01-14' }),
  ),
  rule(
    'PLN-02',
    'fout',
    'plan',
    'De datum van het plan ligt in de toekomst.',
    (p, s) => p.drawn_up_on > s.today,
    patch('plan', { drawn_up_on: '2026-06-16', signed_on: null }),
  ),
  rule(
    'PLN-03',
    'waarschuwing',
    'plan',
    'Het plan is niet ondertekend.',
    (p) => !p.signed_on,
    patch('plan', { signed_on: null }),
  ),
  rule(
    'PLN-04',
    'fout',
    'plan',
    'Ondertekend vóór het plan is opgesteld.',
    (p) => !!p.signed_on && p.signed_on < p.drawn_up_on,
    patch('plan', { signed_on: '2026-01-17' }),
  ),
  rule(
    'PLN-05',
    'waarschuwing',
    'plan',
    'Het plan is later opgesteld dan de termijn na het begin van het traject.',
    (p, s) => {
      const t = s.trajectories.get(p.trajectory_id);
      return !!t && daysBetween(t.started_on, p.drawn_up_on) > s.settings.planTermijnDagen;
    },
    patch('plan', { drawn_up_on: '2026-01-21', signed_on: '2026-01-21' }),
    patch('plan', { drawn_up_on: '2026-01-20', signed_on: '2026-01-20' }),
  ),
] as Rule[];
